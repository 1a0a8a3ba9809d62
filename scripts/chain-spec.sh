#!/usr/bin/env bash
# Regenerates chain-spec/local.json, the raw spec of the four-validator local network, from
# the runtime's `local_testnet` preset. Run it after changing the runtime, and commit the file.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
node=$("$SYNOD_ROOT/scripts/build-node.sh")
"$node" export-chain-spec --chain local --raw > "$SYNOD_ROOT/chain-spec/local.json.new"
mv "$SYNOD_ROOT/chain-spec/local.json.new" "$SYNOD_ROOT/chain-spec/local.json"
echo "chain-spec/local.json regenerated"
