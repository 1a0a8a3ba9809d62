#!/usr/bin/env bash
# The runtime fuzzer's long run: an optimised build of synod-fuzz, then ten million calls
# (or what is asked) with every invariant checked after each block. Prints the calls per
# second and, per call of the runtime, how often it was dispatched and succeeded.
#   scripts/fuzz.sh                      seed 1, 10,000,000 calls
#   scripts/fuzz.sh --seed 7 --calls 1000000
#   scripts/fuzz.sh --episode-seed 0x...  replays the episode a finding names
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$SYNOD_ROOT"
SKIP_WASM_BUILD=1 cargo build --locked --release -p synod-runtime-fuzzer
if [ $# -eq 0 ]; then set -- --seed 1 --calls 10000000; fi
exec "$CARGO_TARGET_DIR/release/synod-fuzz" "$@"
