#!/usr/bin/env bash
# Regenerates a pallet's weights from its benchmarks, run on the compiled runtime.
#
#   scripts/benchmark.sh <pallet> [steps] [repeat]
#
# e.g. `scripts/benchmark.sh pallet_yuma`. Builds `synod-node --features runtime-benchmarks`
# (which replaces the normal debug node and wasm: `scripts/build-node.sh` restores them),
# runs every benchmark of the pallet in the development genesis and writes
# `pallets/<dir>/src/weights.rs` through `scripts/weight-template.hbs`.
set -euo pipefail
source "$(dirname "$0")/env.sh"
pallet="${1:?usage: scripts/benchmark.sh <pallet> [steps] [repeat]}"
steps="${2:-10}"
repeat="${3:-5}"
case "$pallet" in
	pallet_governance) dir=governance ;;
	pallet_subnets) dir=subnets ;;
	pallet_synod_staking) dir=staking ;;
	pallet_yuma) dir=yuma ;;
	*) echo "benchmark.sh: no weights file known for $pallet" >&2; exit 2 ;;
esac
cd "$SYNOD_ROOT"
cargo build --locked -p synod-node --features runtime-benchmarks
"$SYNOD_NODE" benchmark pallet \
	--runtime "$CARGO_TARGET_DIR/debug/wbuild/synod-runtime/synod_runtime.wasm" \
	--genesis-builder=runtime --genesis-builder-preset development \
	--pallet "$pallet" --extrinsic '*' --steps "$steps" --repeat "$repeat" \
	--template scripts/weight-template.hbs \
	--output "pallets/$dir/src/weights.rs"
echo "benchmark.sh: wrote pallets/$dir/src/weights.rs"
