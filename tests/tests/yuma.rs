//! Yuma consensus on a `--dev` node: two validators commit and then reveal weights over three
//! miners, an epoch runs, and the metagraph read over `synod_metagraph` shows incentive and
//! dividends, matched by the balances and stake that moved.

use anyhow::{anyhow, Result};
use serde_json::Value as Json;
use subxt::{
	dynamic::{At, Value},
	ext::codec::Encode,
	rpcs::rpc_params,
	utils::AccountId32,
};
use subxt_signer::sr25519::{dev, Keypair};
use synod_e2e::*;

/// The hash `reveal_weights` checks: BLAKE2-256 of the SCALE encoding of
/// `(hotkey, netuid, uids, values, salt, version_key)`.
fn commit_hash(
	hotkey: &AccountId32,
	netuid: u16,
	uids: &[u16],
	values: &[u16],
	salt: &[u16],
) -> [u8; 32] {
	let encoded = (hotkey.0, netuid, uids.to_vec(), values.to_vec(), salt.to_vec(), 0u64).encode();
	sp_crypto_hashing::blake2_256(&encoded)
}

fn list(values: &[u16]) -> Value {
	Value::unnamed_composite(values.iter().map(|v| Value::u128(*v as u128)))
}

#[tokio::test(flavor = "multi_thread")]
async fn validators_commit_reveal_and_an_epoch_pays_miners_and_stakers() -> Result<()> {
	let dir = tempfile::tempdir()?;
	// A block a second: the test waits on block counts, not on time.
	let mut node = Node::start("dev", dir.path(), &["--dev", "--sealing", "1000"])?;
	let (client, api) = node.connect().await?;
	let (alice, bob, charlie, dave) = (dev::alice(), dev::bob(), dev::charlie(), dev::dave());
	let validators = [derived("//Bob//validator"), derived("//Charlie//validator")];
	let miners: Vec<Keypair> = (1..=3).map(|i| derived(&format!("//Dave//miner{i}"))).collect();

	let created = submit(&api, &alice, "Subnets", "create_subnet", vec![]).await?;
	let netuid = created
		.fields("Subnets", "SubnetCreated")
		.and_then(|f| f.at("netuid"))
		.and_then(|v| v.as_u128())
		.ok_or_else(|| anyhow!("no SubnetCreated in {:?}", created.events))? as u16;
	// Validators' hotkeys sign weights, so they need a little for fees.
	let transfers = validators.iter().map(|v| {
		Value::unnamed_variant(
			"Balances",
			[Value::named_variant(
				"transfer_keep_alive",
				[("dest", address(&account(v))), ("value", Value::u128(10 * SYN))],
			)],
		)
	});
	submit(&api, &alice, "Utility", "batch_all", vec![Value::unnamed_composite(transfers)]).await?;
	for (coldkey, hotkey, stake) in
		[(&bob, &validators[0], 1_000 * SYN), (&charlie, &validators[1], 500 * SYN)]
	{
		let hot = Value::from_bytes(account(hotkey).0);
		submit(&api, coldkey, "Subnets", "register", vec![Value::u128(netuid.into()), hot.clone()])
			.await?;
		submit(&api, coldkey, "Staking", "add_stake", vec![hot, Value::u128(stake)]).await?;
	}
	for miner in &miners {
		let hot = Value::from_bytes(account(miner).0);
		submit(&api, &dave, "Subnets", "register", vec![Value::u128(netuid.into()), hot]).await?;
	}

	// The first epoch with stake gives the two validators their permits.
	let graph = metagraph(&client, netuid).await?;
	let first = graph["epochIndex"].as_u64().unwrap_or_default() + 1;
	let graph = wait_for_epoch(&client, netuid, first).await?;
	let neurons = graph["neurons"].as_array().ok_or_else(|| anyhow!("neurons: {graph}"))?;
	assert_eq!(neurons.len(), 5);
	assert!(neurons[..2].iter().all(|n| n["output"]["validatorPermit"] == true), "{graph}");

	// Both commit, then reveal in the next epoch's window.
	let (uids, values, salt) = ([2u16, 3, 4], [65535u16, 30000, 5000], [42u16, 7]);
	for validator in &validators {
		let hash = commit_hash(&account(validator), netuid, &uids, &values, &salt);
		submit(
			&api,
			validator,
			"Yuma",
			"commit_weights",
			vec![Value::u128(netuid.into()), Value::from_bytes(hash)],
		)
		.await?;
	}
	let commit_epoch = metagraph(&client, netuid).await?["epochIndex"].as_u64().unwrap_or(0);
	let commits: Json = client
		.request("synod_pendingCommits", rpc_params![netuid, account(&validators[0]).to_string()])
		.await?;
	assert_eq!(commits.as_array().map(Vec::len), Some(1), "{commits}");
	assert_eq!(commits[0]["epoch"], commit_epoch, "{commits}");

	wait_for_epoch(&client, netuid, commit_epoch + 1).await?;
	let reveal = || {
		vec![Value::u128(netuid.into()), list(&uids), list(&values), list(&salt), Value::u128(0)]
	};
	// Both at once: the reveal window is one tempo, 33 s on the dev chain.
	let (first_reveal, second_reveal) = tokio::join!(
		submit(&api, &validators[0], "Yuma", "reveal_weights", reveal()),
		submit(&api, &validators[1], "Yuma", "reveal_weights", reveal()),
	);
	first_reveal?;
	second_reveal?;
	let weights: Json = client
		.request("synod_weights", rpc_params![netuid, account(&validators[0]).to_string()])
		.await?;
	assert_eq!(weights, serde_json::json!([[2, 65535], [3, 30000], [4, 5000]]));

	// The next epoch pays on those weights.
	let dave_before = free_balance(&api, &account(&dave), None).await?;
	let graph_before = metagraph(&client, netuid).await?;
	let stake_before = balance(&graph_before["neurons"][0]["stake"])?;
	let graph = wait_for_epoch(&client, netuid, commit_epoch + 2).await?;
	let neurons = graph["neurons"].as_array().ok_or_else(|| anyhow!("neurons: {graph}"))?;
	let incentive: Vec<u64> =
		neurons.iter().map(|n| n["output"]["incentive"].as_u64().unwrap_or(0)).collect();
	assert!(
		incentive[2] > incentive[3] && incentive[3] > incentive[4] && incentive[4] > 0,
		"{graph}"
	);
	let dividends: Vec<u64> =
		neurons.iter().map(|n| n["output"]["dividends"].as_u64().unwrap_or(0)).collect();
	assert!(dividends[0] > dividends[1] && dividends[1] > 0, "{graph}");
	let to_miners: u128 = neurons[2..]
		.iter()
		.map(|n| balance(&n["output"]["serverEmission"]))
		.sum::<Result<u128>>()?;
	assert!(to_miners > 0);
	let dave_after = free_balance(&api, &account(&dave), None).await?;
	assert_eq!(dave_after - dave_before, to_miners, "the miners' coldkey got their incentive");
	let stake_after = balance(&neurons[0]["stake"])?;
	assert_eq!(
		stake_after - stake_before,
		balance(&neurons[0]["output"]["validatorEmission"])?,
		"the validator's dividends were staked behind it"
	);
	let emission: Json = client.request("synod_emission", rpc_params![]).await?;
	assert_eq!(balance(&emission["blockEmission"])?, SYN, "{emission}");

	node.stop();
	Ok(())
}
