//! A `--dev` node: it seals and finalizes blocks on its own, and a balance transfer signed with
//! subxt is finalized and moves exactly the amount sent, with the fee burnt.

use std::time::Duration;

use subxt::dynamic::Value;
use subxt_signer::sr25519::dev;
use synod_e2e::*;

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

	// Prometheus catches up with the finalized height that RPC reports. The metric is
	// refreshed every few seconds, so it may lag a block or two at first.
	let finalized = finalized_head(&rpc).await?.number;
	let deadline = std::time::Instant::now() + Duration::from_secs(20);
	loop {
		let height = node
			.metrics()?
			.lines()
			.find(|l| l.starts_with("substrate_block_height{status=\"finalized\""))
			.and_then(|l| l.rsplit(' ').next())
			.and_then(|n| n.parse::<u64>().ok())
			.ok_or_else(|| anyhow::anyhow!("no finalized block height in the metrics"))?;
		if height >= finalized {
			break;
		}
		assert!(
			std::time::Instant::now() < deadline,
			"metrics stuck at #{height}; RPC said #{finalized}"
		);
		tokio::time::sleep(Duration::from_millis(500)).await;
	}

	// Ctrl-C stops the node cleanly.
	let status = node.stop().expect("the node was running");
	assert!(status.success(), "dev node exited with {status} on SIGINT:\n{}", node.log_tail());
	Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn wallets_see_syn_and_modern_metadata() -> anyhow::Result<()> {
	let dir = tempfile::tempdir()?;
	let mut node = Node::start("props", dir.path(), &["--dev", "--sealing", "manual"])?;
	let (rpc, api) = node.connect().await?;

	let properties: serde_json::Value =
		rpc.request("system_properties", subxt::rpcs::rpc_params![]).await?;
	assert_eq!(properties["tokenSymbol"], "SYN");
	assert_eq!(properties["tokenDecimals"], 12);
	assert_eq!(properties["ss58Format"], 42);

	// `Metadata_metadata_versions` answers a SCALE Vec<u32>: compact length, then LE u32s.
	let answer: String = rpc
		.request("state_call", subxt::rpcs::rpc_params!["Metadata_metadata_versions", "0x"])
		.await?;
	let bytes = hex::decode(answer.trim_start_matches("0x"))?;
	let versions: Vec<u32> =
		bytes[1..].chunks_exact(4).map(|c| u32::from_le_bytes(c.try_into().unwrap())).collect();
	assert_eq!(bytes[0] as usize >> 2, versions.len());
	assert!(versions.contains(&15) && versions.contains(&16), "metadata versions {versions:?}");

	// What subxt decoded from that metadata: the runtime's own pallets.
	let metadata = api.at_current_block().await?.metadata();
	for pallet in ["Balances", "Council", "CouncilMembership", "Governance", "Sudo", "Utility"] {
		assert!(metadata.pallet_by_name(pallet).is_some(), "{pallet} missing from metadata");
	}
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

/// `Babe.EpochIndex` and `Babe.AuthorVrfRandomness` at the best block, read by its hash: the
/// client's view of the finalized head may lag a block just sealed.
async fn babe_state(
	rpc: &subxt::rpcs::RpcClient,
	api: &subxt::OnlineClient<subxt::PolkadotConfig>,
) -> anyhow::Result<(u64, Option<[u8; 32]>)> {
	let best: subxt::utils::H256 =
		rpc.request("chain_getBlockHash", subxt::rpcs::rpc_params![]).await?;
	let at = api.at_block(best).await?;
	let epoch = subxt::dynamic::storage::<(), u64>("Babe", "EpochIndex");
	let vrf = subxt::dynamic::storage::<(), Option<[u8; 32]>>("Babe", "AuthorVrfRandomness");
	Ok((
		at.storage().fetch(epoch, ()).await?.decode()?,
		at.storage().fetch(vrf, ()).await?.decode()?,
	))
}

async fn seal(rpc: &subxt::rpcs::RpcClient) -> anyhow::Result<()> {
	let created: serde_json::Value = rpc
		.request("engine_createBlock", subxt::rpcs::rpc_params![true, true, None::<String>])
		.await?;
	anyhow::ensure!(created["hash"].is_string(), "engine_createBlock answered {created}");
	Ok(())
}

/// A sealing chain left idle for several epochs resumes where the clock is: BABE's client and
/// runtime both skip the epochs that had no block, and every block still carries a fresh VRF
/// output. The chain spec is the dev one with two-slot epochs, set in its genesis patch: the
/// epoch length is per chain spec, with the same runtime.
#[tokio::test(flavor = "multi_thread")]
async fn a_sealing_chain_idle_for_epochs_resumes_in_the_current_one() -> anyhow::Result<()> {
	let dir = tempfile::tempdir()?;
	let (ok, spec) =
		run_node_command(&["export-chain-spec", "--chain", "dev"], Duration::from_secs(120))?;
	anyhow::ensure!(ok, "export-chain-spec failed:\n{spec}");
	let mut spec: serde_json::Value = serde_json::from_str(&spec)?;
	let epoch = &mut spec["genesis"]["runtimeGenesis"]["patch"]["chainParams"]["epochDuration"];
	assert_eq!(*epoch, 20, "the dev preset's epochs last a minute");
	*epoch = 2.into();
	let path = dir.path().join("short-epochs.json");
	std::fs::write(&path, serde_json::to_vec(&spec)?)?;
	let path = path.to_str().expect("a UTF-8 path");
	// A validator on a file chain spec must bring its network key; `--dev` makes one itself.
	let node_key = format!("{:064x}", 7);
	let args = ["--chain", path, "--alice", "--node-key", &node_key, "--sealing", "manual"];
	let mut node = Node::start("idle", &dir.path().join("node"), &args)?;
	let (rpc, api) = node.connect().await?;

	let at = api.at_current_block().await?;
	let stored = subxt::dynamic::storage::<(), u64>("ChainParams", "EpochDuration");
	let stored = at.storage().try_fetch(stored, ()).await?.map(|v| v.decode()).transpose()?;
	assert_eq!(stored, Some(2), "the genesis patch sets the epoch length");

	seal(&rpc).await?;
	let (first_epoch, first_vrf) = babe_state(&rpc, &api).await?;
	assert_eq!(first_epoch, 0, "block 1 opens epoch 0");
	assert!(first_vrf.is_some(), "a sealed block carries a VRF output");

	// Five epochs' worth of slots (six seconds each) pass without a block.
	tokio::time::sleep(Duration::from_secs(30)).await;
	seal(&rpc).await?;
	let (resumed_epoch, resumed_vrf) = babe_state(&rpc, &api).await?;
	assert!(resumed_epoch >= 4, "sealing resumed in epoch {resumed_epoch}, not past the idle ones");
	assert!(resumed_vrf.is_some() && resumed_vrf != first_vrf, "a fresh VRF output per block");

	// And the chain goes on from there, block after block, in the same epoch or the next.
	seal(&rpc).await?;
	let (next_epoch, next_vrf) = babe_state(&rpc, &api).await?;
	assert!(next_epoch == resumed_epoch || next_epoch == resumed_epoch + 1, "epoch {next_epoch}");
	assert!(next_vrf.is_some() && next_vrf != resumed_vrf);
	assert_eq!(best_number(&rpc).await?, 3);
	assert_eq!(finalized_head(&rpc).await?.number, 3);
	node.stop();
	Ok(())
}

/// A sealing node imports the blocks of the chain it syncs through BABE's block import, so that
/// it knows their epochs and can seal on top of them: Bob's node (sealing on request, Alice's
/// key) follows Alice's dev node, then seals the next block itself.
#[tokio::test(flavor = "multi_thread")]
async fn a_sealing_node_seals_on_top_of_blocks_it_synced() -> anyhow::Result<()> {
	let dir = tempfile::tempdir()?;
	let mut alice =
		Node::start("alice", &dir.path().join("alice"), &["--dev", "--sealing", "manual"])?;
	let (alice_rpc, _) = alice.connect().await?;
	for _ in 0..3 {
		seal(&alice_rpc).await?;
	}
	let peer: String = alice_rpc.request("system_localPeerId", subxt::rpcs::rpc_params![]).await?;
	let bootnode = format!("/ip4/127.0.0.1/tcp/{}/p2p/{peer}", alice.p2p_port);
	let node_key = format!("{:064x}", 8);
	let args = [
		"--chain",
		"dev",
		"--alice",
		"--node-key",
		&node_key,
		"--sealing",
		"manual",
		"--bootnodes",
		&bootnode,
		"--allow-private-ip",
	];
	let mut follower = Node::start("follower", &dir.path().join("follower"), &args)?;
	let (follower_rpc, _) = follower.connect().await?;
	let deadline = std::time::Instant::now() + Duration::from_secs(60);
	while best_number(&follower_rpc).await? < 3 {
		anyhow::ensure!(
			std::time::Instant::now() < deadline,
			"the follower did not sync Alice's three blocks:\n{}",
			follower.log_tail()
		);
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
	seal(&follower_rpc).await.map_err(|e| anyhow::anyhow!("{e}\n{}", follower.log_tail()))?;
	assert_eq!(best_number(&follower_rpc).await?, 4, "sealed on top of the synced blocks");
	follower.stop();
	alice.stop();
	Ok(())
}
