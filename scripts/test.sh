#!/usr/bin/env bash
# Sets up the machine, then runs every test: pallet and runtime unit tests (with benchmarks
# and try-state checks), the node's own tests, and the end-to-end tests against real nodes.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$SYNOD_ROOT"
./scripts/setup.sh
# A run from a fresh clone rebuilds every crate of ours (their paths are new), so incremental
# compilation only writes caches nobody reads; off unless the caller turns it on.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"

started=$(date +%s)
# Each step prints the seconds since the start, so a slow CI run shows where its time went.
step() { printf '\n==> [%5d s] %s\n' "$(( $(date +%s) - started ))" "$*"; }

step "formatting"
cargo fmt --all --check

step "pallets and runtime: unit tests, benchmarks as tests, try-state hooks, a seeded fuzz run"
SKIP_WASM_BUILD=1 cargo test --locked --features runtime-benchmarks,try-runtime \
	-p synod-cost -p synod-trace -p synod-privacy -p synod-primitives -p pallet-governance -p pallet-chain-params -p pallet-subnets -p pallet-synod-staking \
	-p yuma-consensus -p pallet-yuma -p pallet-jobs -p pallet-colearn -p synod-runtime \
	-p synod-runtime-fuzzer

step "no_std: the pure Yuma, cost-model and trace crates build for the runtime's target"
cargo build --locked -p yuma-consensus -p synod-cost -p synod-trace -p synod-privacy --no-default-features --target wasm32v1-none

step "off-chain: the ML library (determinism, golden hashes, training) and the worker"
# A workspace of its own (offchain-compute/Cargo.toml says why); its tests train real models.
# The attackers of the end-to-end tests run the fault-injection build, kept beside the default.
(
	cd offchain-compute
	cargo fmt --all --check
	cargo test --locked
	step "off-chain: the worker with fault injection, and both worker binaries"
	cargo test --locked -p synod-worker --features fault-injection
	cargo build --locked -p synod-worker --features fault-injection
	cp "$CARGO_TARGET_DIR/debug/synod-worker" "$CARGO_TARGET_DIR/debug/synod-worker-faulty"
	cargo build --locked -p synod-worker
)
./scripts/check-cpu-kinds.sh

step "synod-node: build (with the runtime wasm)"
cargo build --locked -p synod-node
step "synod-node: unit tests"
cargo test --locked -p synod-node

step "end-to-end: real nodes on loopback, driven with subxt"
# Two test binaries at a time, each running its own tests one by one: they mostly wait for
# blocks (scripts/e2e.sh says more).
./scripts/e2e.sh

echo
echo "test.sh: all tests passed in $(( $(date +%s) - started )) s"
