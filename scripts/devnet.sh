#!/usr/bin/env bash
# Builds the node and the worker if needed, then runs the four-validator local network (Alice,
# Bob, Charlie, Dave: BABE + GRANDPA) on 127.0.0.1, each with its own ports and base path under
# ${SYNOD_DATA:-data}/devnet; on it, a subnet (tempo 20) with three validators (a job's
# committee) and three miners as
# synod-worker processes that register and stake themselves, and a collective-learning
# experiment with three learners (staked through a second subnet); then posts a digits
# training job.
# Prints the endpoints and where to watch; Ctrl-C stops every process it started.
#
#   ./scripts/devnet.sh            keep the chain from the last run
#   ./scripts/devnet.sh --fresh    start from genesis
#   ./scripts/devnet.sh --no-workers   only the four nodes
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$SYNOD_ROOT"
./scripts/setup.sh
node=$(./scripts/build-node.sh)
workers=yes
for arg in "$@"; do [ "$arg" = --no-workers ] && workers=no; done
if [ "$workers" = yes ]; then
	(cd offchain-compute && cargo build --locked -p synod-worker >&2)
fi
worker="$CARGO_TARGET_DIR/debug/synod-worker"
# The devnet's workers serve each other's artifacts on loopback, which a worker refuses to
# download from unless told otherwise.
export SYNOD_ALLOW_PRIVATE_ADDRESSES=true

data="${SYNOD_DATA:-$SYNOD_ROOT/data}/devnet"
spec="$SYNOD_ROOT/chain-spec/local.json"
for arg in "$@"; do [ "$arg" = --fresh ] && rm -rf "$data"; done
# Data of another genesis (an older chain spec, such as one from before BABE) cannot run on
# this one: the nodes would refuse it, and their keystores may lack today's key types.
spec_id=$(sha256sum "$spec" | cut -d' ' -f1)
if [ -d "$data" ] && [ "$(cat "$data/chain-spec.sha256" 2>/dev/null)" != "$spec_id" ]; then
	echo "devnet: $data is from another chain spec; starting from genesis" >&2
	rm -rf "$data"
fi
mkdir -p "$data"
echo "$spec_id" > "$data/chain-spec.sha256"
names=(alice bob charlie dave)
base_p2p=${SYNOD_P2P_PORT:-30333}
base_rpc=${SYNOD_RPC_PORT:-9944}
base_prom=${SYNOD_PROMETHEUS_PORT:-9615}

for i in "${!names[@]}"; do
	for port in $((base_p2p + i)) $((base_rpc + i)) $((base_prom + i)); do
		if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
			echo "devnet: port $port on 127.0.0.1 is in use; stop what holds it or set SYNOD_P2P_PORT/SYNOD_RPC_PORT/SYNOD_PROMETHEUS_PORT" >&2
			exit 1
		fi
	done
done

pids=()
stop_all() {
	trap - INT TERM EXIT
	if ((${#pids[@]})); then
		echo; echo "devnet: stopping ${#pids[@]} processes"
		kill -INT "${pids[@]}" 2>/dev/null || true
		wait "${pids[@]}" 2>/dev/null || true
	fi
}
trap stop_all INT TERM EXIT

# Alice's network key is fixed so that the others can name her as their bootnode.
alice_key=$(printf '%064x' 1)
alice_peer=$(echo -n "$alice_key" | "$node" key inspect-node-key --file /dev/stdin 2>/dev/null)
bootnode="/ip4/127.0.0.1/tcp/$base_p2p/p2p/$alice_peer"

for i in "${!names[@]}"; do
	name=${names[$i]}
	args=(--chain "$spec" "--$name" --base-path "$data/$name" --name "$name"
		--listen-addr "/ip4/127.0.0.1/tcp/$((base_p2p + i))"
		--rpc-port $((base_rpc + i)) --rpc-cors all
		--prometheus-port $((base_prom + i)) --allow-private-ip --no-mdns --no-telemetry
		--node-key "$(printf '%064x' $((i + 1)))")
	[ "$name" = alice ] || args+=(--bootnodes "$bootnode")
	"$node" "${args[@]}" >"$data/$name.log" 2>&1 &
	pids+=($!)
done

echo "devnet: four validators started; logs in $data/<name>.log"
for i in "${!names[@]}"; do
	printf '  %-8s RPC ws://127.0.0.1:%d  metrics http://127.0.0.1:%d/metrics\n' \
		"${names[$i]}" $((base_rpc + i)) $((base_prom + i))
done
echo "Connect polkadot.js to ws://127.0.0.1:$base_rpc (Settings → custom endpoint). Ctrl-C stops all."

# Status from Alice every few seconds; a node that is still starting just gives no line.
rpc() {
	curl -s --max-time 2 -H 'Content-Type: application/json' \
		-d "{\"id\":1,\"jsonrpc\":\"2.0\",\"method\":\"$1\",\"params\":[${2:-}]}" \
		"http://127.0.0.1:$base_rpc" || true
}
number_of() { grep -o '"number":"0x[0-9a-f]*"' | cut -d'"' -f4 || true; }
status() {
	local best fin_hash fin peers
	best=$(rpc chain_getHeader | number_of)
	fin_hash=$(rpc chain_getFinalizedHead | grep -o '0x[0-9a-f]\{64\}' || true)
	[ -n "$best" ] && [ -n "$fin_hash" ] || return 0
	fin=$(rpc chain_getHeader "\"$fin_hash\"" | number_of)
	peers=$(rpc system_health | grep -o '"peers":[0-9]*' | cut -d: -f2 || true)
	printf 'devnet: best #%d, finalized #%d, alice has %s peers\n' "$best" "${fin:-0}" "${peers:-?}"
}
if [ "$workers" = yes ]; then
	node_url="ws://127.0.0.1:$base_rpc"
	until rpc system_health | grep -q '"isSyncing":false'; do sleep 2; done
	wdir="$data/workers"
	mkdir -p "$wdir"
	netuid=$("$worker" --node "$node_url" --hotkey //Alice --data-dir "$wdir/owner" create-subnet --tempo 20 \
		--max-validators 3 2>>"$wdir/owner.log" | grep -o '"netuid":[0-9]*' | cut -d: -f2)
	echo "devnet: subnet $netuid created (tempo 20, three validator permits: each job's committee; miners are drawn from the rest)"
	# name, role, hotkey, coldkey, stake, artifact port (its metrics are 100 ports above)
	roles=("validator-bob validator //Bob//validator //Bob 1000 9710"
		"validator-charlie validator //Charlie//validator //Charlie 500 9711"
		"validator-alice validator //Alice//validator //Alice 800 9712"
		"miner-dave miner //Dave//miner //Dave 100 9720"
		"miner-eve miner //Eve//miner //Eve 100 9721"
		"miner-ferdie miner //Ferdie//miner //Ferdie 100 9722")
	for entry in "${roles[@]}"; do
		read -r wname role hotkey coldkey stake port <<<"$entry"
		"$worker" --node "$node_url" --hotkey "$hotkey" --data-dir "$wdir/$wname" "$role" \
			--netuid "$netuid" --coldkey "$coldkey" --stake "$stake" --listen "127.0.0.1:$port" \
			--metrics-listen "127.0.0.1:$((port + 100))" >>"$wdir/$wname.log" 2>&1 &
		pids+=($!)
		printf '  %-18s %-9s metrics http://127.0.0.1:%d/metrics  log %s\n' "$wname" "$role" $((port + 100)) "$wdir/$wname.log"
	done
	# A collective-learning experiment: three learners with a third of the digits each. They
	# stake through a subnet of their own, so that the jobs subnet never draws them as miners.
	learning=$("$worker" --node "$node_url" --hotkey //Alice --data-dir "$wdir/owner" create-subnet \
		2>>"$wdir/owner.log" | grep -o '"netuid":[0-9]*' | cut -d: -f2)
	learner() { # name, hotkey, coldkey, port, shard, flags...
		local wname=$1 hotkey=$2 coldkey=$3 port=$4 shard=$5
		shift 5
		"$worker" --node "$node_url" --hotkey "$hotkey" --data-dir "$wdir/$wname" learner \
			--netuid "$learning" --coldkey "$coldkey" --stake 100 --shard "$shard/3" \
			--listen "127.0.0.1:$port" --metrics-listen "127.0.0.1:$((port + 100))" "$@" \
			>>"$wdir/$wname.log" 2>&1 &
		pids+=($!)
		printf '  %-18s %-9s metrics http://127.0.0.1:%d/metrics  log %s\n' "$wname" learner $((port + 100)) "$wdir/$wname.log"
	}
	# A fresh log, so that the wait below sees this run's experiment, not an earlier one's.
	: >"$wdir/learner-alice.log"
	learner learner-alice //Alice//learner //Alice 9740 0 --create --fund 150
	until grep -q "created the experiment" "$wdir/learner-alice.log"; do sleep 2; done
	experiment=$(grep -o 'created the experiment experiment=[0-9]*' "$wdir/learner-alice.log" | tail -1 | cut -d= -f2)
	learner learner-bob //Bob//learner //Bob 9741 1 --experiment "$experiment"
	learner learner-charlie //Charlie//learner //Charlie 9742 2 --experiment "$experiment"
	echo "devnet: experiment $experiment runs with three learners; ask synod_experiment($experiment), synod_lineage($experiment)"
	echo "devnet: waiting for an epoch with all six neurons (validator permits)…"
	ready() {
		local graph
		graph=$(rpc synod_metagraph "$netuid")
		[ "$(grep -o '"hotkey"' <<<"$graph" | wc -l)" -eq 6 ] &&
			[ "$(grep -o '"validatorPermit":true' <<<"$graph" | wc -l)" -eq 3 ]
	}
	until ready; do sleep 3; done
	# Ferdie requests: a requester's own hotkeys never mine or verify its job, so the
	# requester owns none of the validators (Ferdie's miner sits this job out).
	"$worker" --node "$node_url" --hotkey //Ferdie --data-dir "$wdir/requester" requester post \
		--netuid "$netuid" --bounty 10 --replicas 2 --step-blocks 8 --listen 127.0.0.1:9730 \
		>"$wdir/requester.out" 2>>"$wdir/requester.log" &
	pids+=($!)
	echo "devnet: posted a digits training job; follow it in $wdir/requester.log, its verdict lands in $wdir/requester.out"
	echo "        or ask any node: synod_jobsByStatus(\"committing\"), synod_job(<id>), synod_metagraph($netuid)"
fi

while sleep 6; do
	for pid in "${pids[@]:0:4}"; do
		kill -0 "$pid" 2>/dev/null || { echo "devnet: a node exited; see $data/*.log" >&2; exit 1; }
	done
	status
done
