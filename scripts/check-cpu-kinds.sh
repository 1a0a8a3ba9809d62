#!/usr/bin/env bash
# Runs synod-ml's golden-hash tests (trained weights and trace roots) on other kinds of x86-64 CPU, emulated by qemu-user: an
# SSE4.2-only Nehalem and an AVX2+FMA Haswell (this machine's own CPU, often with AVX-512, is
# covered by the ordinary test run). The verifiable mode promises the same bits on every
# x86-64 CPU; the test fails if any kind trains other weights than the golden hashes.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$SYNOD_ROOT/offchain-compute"
command -v qemu-x86_64 >/dev/null || {
	echo "check-cpu-kinds: qemu-x86_64 is missing (scripts/setup.sh installs qemu-user)" >&2
	exit 1
}
# The test binary of the workspace-wide `cargo test` that scripts/test.sh ran just before:
# asking for `-p synod-ml` alone would resolve other features for the crates it shares with
# the worker and build them all again (six and a half minutes of a cold CI run).
built=$(cargo test --locked --no-run --message-format=json)
binary_of() {
	grep "\"name\":\"$1\"" <<<"$built" | sed -n 's/.*"executable":"\([^"]*\)".*/\1/p' | tail -1
}
determinism=$(binary_of determinism)
trace=$(binary_of trace)
for binary in "$determinism" "$trace"; do
	[ -x "$binary" ] || { echo "check-cpu-kinds: a test binary is missing" >&2; exit 1; }
done
for cpu in Nehalem Haswell-v4; do
	echo "check-cpu-kinds: $cpu"
	qemu-x86_64 -cpu "$cpu" "$determinism" --exact verifiable_mode_matches_the_golden_hashes \
		2> >(grep -v "TCG doesn't support requested feature" >&2)
	qemu-x86_64 -cpu "$cpu" "$trace" --exact golden_trace_roots_of_the_verifiable_mode \
		2> >(grep -v "TCG doesn't support requested feature" >&2)
done
