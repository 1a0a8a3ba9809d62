#!/usr/bin/env bash
# The end-to-end tests (tests/tests/*.rs), each test binary on its own, in parallel lanes.
# Most of their time is spent waiting for 3-second blocks, not computing, so two lanes on two
# cores take about half the time of one (the tests inside one binary still run one at a time:
# each starts up to four nodes). Lanes are filled longest first from the times below.
#   scripts/e2e.sh                 every binary, in $SYNOD_E2E_LANES lanes (default 2)
#   SYNOD_E2E_LANES=1 scripts/e2e.sh   one after another, as `cargo test -p synod-e2e` would
#   scripts/e2e.sh worker jobs     only these binaries
# Each binary's output goes to $SYNOD_E2E_LOGS/<name>.log (default: a temporary directory);
# that of a failed one is printed.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$SYNOD_ROOT"
lanes="${SYNOD_E2E_LANES:-2}"
logs="${SYNOD_E2E_LOGS:-$(mktemp -d -t synod-e2e.XXXXXX)}"
mkdir -p "$logs"
rm -f "$logs/failed" # a reused log folder must not report an earlier run's failures

# Seconds each binary took in a two-lane run here (2026-12-02, beside two niced fuzzers); a
# binary not named counts as 60.
declare -A took=(
	[worker]=490 [spot_checks]=296 [private_learners]=180 [jobs]=156 [governance]=109 [dev_node]=102 [learners]=73 [colearn]=53
	[local_network]=50 [yuma]=49 [worker_reconnect]=42 [subnets_staking]=29 [cli_errors]=16
	[chain_spec]=9
)

# name<TAB>executable of every test binary of synod-e2e (its library's unit tests included).
listing=$(cargo test --locked -p synod-e2e --no-run --message-format=json |
	grep '"executable":"/' |
	sed -n 's/.*"target":{"kind":\["\([a-z]*\)"\][^}]*"name":"\([^"]*\)".*"executable":"\([^"]*\)".*/\1-\2\t\3/p' |
	sed 's/^test-//')
declare -A executable=()
while IFS=$'\t' read -r name path; do
	[ -n "$name" ] && executable[$name]=$path
done <<<"$listing"
[ ${#executable[@]} -gt 0 ] || { echo "e2e: no test binaries found" >&2; exit 1; }

if [ $# -gt 0 ]; then
	for name in "$@"; do
		[ -n "${executable[$name]:-}" ] || { echo "e2e: no test binary named $name" >&2; exit 1; }
	done
	names=("$@")
else
	names=("${!executable[@]}")
fi

# Longest first, each to the lane with the least time so far.
mapfile -t order < <(for name in "${names[@]}"; do echo "${took[$name]:-60} $name"; done |
	sort -k1,1nr -k2 | cut -d' ' -f2)
declare -a load lane_of
for ((i = 0; i < lanes; i++)); do load[i]=0; lane_of[i]=""; done
for name in "${order[@]}"; do
	best=0
	for ((i = 1; i < lanes; i++)); do ((load[i] < load[best])) && best=$i; done
	load[best]=$((load[best] + ${took[$name]:-60}))
	lane_of[best]+="$name "
done

started=$(date +%s)
run_lane() {
	local status=0 name t0
	for name in $1; do
		t0=$(date +%s)
		# As cargo runs them: from the package's directory, which the tests read back.
		if (cd "$SYNOD_ROOT/tests" && CARGO_MANIFEST_DIR="$SYNOD_ROOT/tests" \
			"${executable[$name]}" --test-threads=1) >"$logs/$name.log" 2>&1; then
			echo "e2e: [$(($(date +%s) - started)) s] $name passed in $(($(date +%s) - t0)) s"
		else
			echo "e2e: [$(($(date +%s) - started)) s] $name FAILED after $(($(date +%s) - t0)) s"
			echo "$name" >>"$logs/failed"
			status=1
		fi
	done
	return $status
}

pids=()
for ((i = 0; i < lanes; i++)); do
	[ -n "${lane_of[i]}" ] || continue
	echo "e2e: lane $i (about ${load[i]} s): ${lane_of[i]}"
	run_lane "${lane_of[i]}" &
	pids+=($!)
done
failed=0
for pid in "${pids[@]}"; do wait "$pid" || failed=1; done

if [ "$failed" -ne 0 ]; then
	while read -r name; do
		echo
		echo "==================== $name ($logs/$name.log) ===================="
		tail -n 200 "$logs/$name.log"
	done <"$logs/failed"
	echo "e2e: failed: $(tr '\n' ' ' <"$logs/failed")" >&2
	exit 1
fi
echo "e2e: ${#names[@]} test binaries passed in $(($(date +%s) - started)) s (logs in $logs)"
