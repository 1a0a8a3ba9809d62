#!/usr/bin/env bash
# Regenerates a pallet's weights from its benchmarks, run on the compiled runtime.
#
#   scripts/benchmark.sh <pallet> [steps] [repeat]
#
# e.g. `scripts/benchmark.sh pallet_yuma`. Builds `synod-node --features runtime-benchmarks`,
# runs every benchmark of the pallet in the development genesis, writes
# `pallets/<dir>/src/weights.rs` through `scripts/weight-template.hbs`, and rebuilds the
# normal node: both builds share `wbuild/`, and a normal build whose runtime sources did not
# change would otherwise keep the benchmarking wasm, which a normal node cannot run.
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
	pallet_jobs) dir=jobs ;;
	pallet_colearn) dir=colearn ;;
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
touch runtime/build.rs
cargo build --locked -p synod-node
