#!/usr/bin/env bash
# Builds synod-node (debug profile, with the runtime wasm) and prints its path.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$SYNOD_ROOT"
cargo build --locked -p synod-node >&2
echo "$SYNOD_NODE"
