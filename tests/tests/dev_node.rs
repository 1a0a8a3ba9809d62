//! A `--dev` node: it seals and finalizes blocks on its own, and a balance transfer signed with
//! subxt is finalized and moves exactly the amount sent, with the fee burnt.

use std::time::Duration;

use synod_e2e::*;
use subxt::dynamic::Value;
use subxt_signer::sr25519::dev;

#[tokio::test(flavor = "multi_thread")]
async fn dev_node_finalizes_blocks_and_a_transfer_moves_balances() -> anyhow::Result<()> {
	let dir = tempfile::tempdir()?;
	let mut node = Node::start("dev", dir.path(), &["--dev"])?;
	let (rpc, api) = node.connect().await?;

	// Blocks come every 3 s with no transaction in them, and each is final at once.
	let start = finalized_head(&rpc).await?;
	let later = wait_finalized(&rpc, start.number + 2, Duration::from_secs(30)).await?;
	assert!(later.number >= start.number + 2);

	let (alice, bob) = (account(&dev::alice()), account(&dev::bob()));
	let alice_before = free_balance(&api, &alice, None).await?;
	let bob_before = free_balance(&api, &bob, None).await?;
	let issuance_before = total_issuance(&api).await?;
	assert_eq!(bob_before, 1_000_000 * SYN, "dev accounts start with a million SYN");

	let amount = 12_345 * SYN / 1000;
	let included = submit(
		&api,
		&dev::alice(),
		"Balances",
		"transfer_keep_alive",
		vec![address(&bob), Value::u128(amount)],
	)
	.await?;
	assert!(included.has("Balances", "Transfer"), "no Transfer event: {:?}", included.events);
	assert!(included.has("TransactionPayment", "TransactionFeePaid"));

	let at = Some(included.block_hash.as_str());
	let alice_after = free_balance(&api, &alice, at).await?;
	let bob_after = free_balance(&api, &bob, at).await?;
	assert_eq!(bob_after, bob_before + amount, "Bob receives exactly the amount sent");
	let fee = alice_before - amount - alice_after;
	assert!(fee > 0, "a signed transfer pays a fee");
	assert!(fee < SYN / 10, "fee {fee} is out of proportion for a transfer");
	// Fees are burnt: issuance falls by the fee and by nothing else.
	let issuance_after = total_issuance(&api).await?;
	assert_eq!(issuance_before - issuance_after, fee);

	// Ctrl-C stops the node cleanly.
	let status = node.stop().expect("the node was running");
	assert!(status.success(), "dev node exited with {status} on SIGINT:\n{}", node.log_tail());
	Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn manual_sealing_makes_blocks_only_on_request() -> anyhow::Result<()> {
	let dir = tempfile::tempdir()?;
	let mut node = Node::start("manual", dir.path(), &["--dev", "--sealing", "manual"])?;
	let (rpc, _api) = node.connect().await?;

	let before = best_number(&rpc).await?;
	tokio::time::sleep(Duration::from_secs(4)).await;
	assert_eq!(best_number(&rpc).await?, before, "no block without engine_createBlock");

	for _ in 0..3 {
		let created: serde_json::Value = rpc
			.request("engine_createBlock", subxt::rpcs::rpc_params![true, true, None::<String>])
			.await?;
		assert!(created["hash"].is_string(), "engine_createBlock answered {created}");
	}
	assert_eq!(best_number(&rpc).await?, before + 3);
	assert_eq!(finalized_head(&rpc).await?.number, before + 3, "sealed blocks are final");
	Ok(())
}
