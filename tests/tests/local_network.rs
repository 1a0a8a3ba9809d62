//! The four-validator `local` network: BABE authors, GRANDPA finalizes; finality survives one
//! validator's crash, and the crashed validator catches up when restarted.

use std::time::Duration;

use subxt::dynamic::Value;
use subxt_signer::sr25519::{dev, Keypair};
use synod_e2e::*;

#[tokio::test(flavor = "multi_thread")]
async fn finality_survives_a_crashed_validator_which_then_catches_up() -> anyhow::Result<()> {
	let dir = tempfile::tempdir()?;
	let mut net = LocalNetwork::start(dir.path()).await?;

	// All four finalize together.
	for (node, rpc) in net.nodes.iter().zip(&net.rpcs) {
		wait_finalized(rpc, 3, Duration::from_secs(120))
			.await
			.map_err(|e| anyhow::anyhow!("{}: {e}\n{}", node.name, node.log_tail()))?;
	}

	// Dave crashes; three of four validators are more than two thirds, so finality goes on.
	net.nodes[3].kill();
	let alice_rpc = net.rpcs[0].clone();
	let at_crash = finalized_head(&alice_rpc).await?;
	wait_finalized(&alice_rpc, at_crash.number + 3, Duration::from_secs(90)).await?;

	// A transfer during the outage.
	let outage_account = Keypair::from_uri(&"//SynodOutage".parse()?)?;
	let receiver = account(&outage_account);
	let amount = 7 * SYN;
	let included = submit(
		&net.apis[0],
		&dev::alice(),
		"Balances",
		"transfer_keep_alive",
		vec![address(&receiver), Value::u128(amount)],
	)
	.await?;
	assert!(included.has("Balances", "Transfer"));
	let included_at = finalized_head(&alice_rpc).await?;

	// Dave comes back on the same base path and catches up past the transfer.
	net.nodes[3].restart()?;
	let (dave_rpc, dave_api) = net.nodes[3].connect().await?;
	net.apis[3] = dave_api;
	net.rpcs[3] = dave_rpc.clone();
	wait_finalized(&dave_rpc, included_at.number + 2, Duration::from_secs(180)).await?;

	// All four agree on the finalized head and on the receiver's balance there.
	let head = net.agreed_finalized_head(Duration::from_secs(90)).await?;
	for (i, api) in net.apis.iter().enumerate() {
		let balance = free_balance(api, &receiver, Some(&head.hash)).await?;
		assert_eq!(balance, amount, "{} sees {balance} at {}", net.nodes[i].name, head.hash);
	}
	Ok(())
}
