#!/usr/bin/env bash
# What a committee member spends verifying a training job against what its miner spent
# computing it, for jobs of 10, 20 and 50 epochs (the CNN 8x8 c8-c16 on the 1,797 digits, batches
# of 32, the verifiable mode, one thread): a full re-execution (the protocol before spot checks), a spot
# check (the segments the default policy draws, each from a checkpoint checked against the
# trace root) and a dispute (the one segment where two traces part). CPU seconds, with the
# ratios to the miner's run side by side.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$SYNOD_ROOT/offchain-compute"
cargo build --locked --release -p synod-ml --example verify_cost
"$CARGO_TARGET_DIR/release/examples/verify_cost" | awk -F '\t' '
	NR == 1 {
		printf "%-7s %-9s %-10s %-18s %-22s %-18s\n", "epochs", "segments", "miner s",
			"full re-execution", "spot check", "dispute"
		next
	}
	{
		printf "%-7s %-9s %-10.2f %-18s %-22s %-18s\n", $1, $2, $3, "1.00x",
			sprintf("%.2f s (%s seg) %.3fx", $5, $4, $5 / $3),
			sprintf("%.2f s %.3fx", $6, $6 / $3)
	}'
