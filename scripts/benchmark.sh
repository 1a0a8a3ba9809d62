#!/usr/bin/env bash
# Regenerates pallets' weights from their benchmarks, run on the compiled runtime by a
# release build of the node.
#
#   scripts/benchmark.sh <pallet>... [--steps N] [--repeat N]
#
# e.g. `scripts/benchmark.sh pallet_jobs pallet_colearn`. Builds `synod-node --release
# --features runtime-benchmarks` (release, because the node's host functions, storage and
# hashing, run natively: a debug node overstates every weight), runs every benchmark of each
# pallet in the development genesis, and writes `pallets/<dir>/src/weights.rs` through
# `scripts/weight-template.hbs`. The release build keeps its own `wbuild/`, so the debug
# node that the tests run never picks up the benchmarking wasm.
set -euo pipefail
source "$(dirname "$0")/env.sh"
steps=10
repeat=5
pallets=()
while (($#)); do
	case "$1" in
		--steps) steps="$2"; shift 2 ;;
		--repeat) repeat="$2"; shift 2 ;;
		-*) echo "benchmark.sh: unknown option $1" >&2; exit 2 ;;
		*) pallets+=("$1"); shift ;;
	esac
done
((${#pallets[@]})) || { echo "usage: scripts/benchmark.sh <pallet>... [--steps N] [--repeat N]" >&2; exit 2; }
dir_of() {
	case "$1" in
		pallet_governance) echo governance ;;
		pallet_subnets) echo subnets ;;
		pallet_synod_staking) echo staking ;;
		pallet_yuma) echo yuma ;;
		pallet_jobs) echo jobs ;;
		pallet_colearn) echo colearn ;;
		*) echo "benchmark.sh: no weights file known for $1" >&2; return 2 ;;
	esac
}
for pallet in "${pallets[@]}"; do dir_of "$pallet" >/dev/null; done
cd "$SYNOD_ROOT"
cargo build --locked --release -p synod-node --features runtime-benchmarks
node="$CARGO_TARGET_DIR/release/synod-node"
for pallet in "${pallets[@]}"; do
	dir=$(dir_of "$pallet")
	"$node" benchmark pallet \
		--runtime "$CARGO_TARGET_DIR/release/wbuild/synod-runtime/synod_runtime.wasm" \
		--genesis-builder=runtime --genesis-builder-preset development \
		--pallet "$pallet" --extrinsic '*' --steps "$steps" --repeat "$repeat" \
		--template scripts/weight-template.hbs \
		--output "pallets/$dir/src/weights.rs"
	echo "benchmark.sh: wrote pallets/$dir/src/weights.rs"
done
