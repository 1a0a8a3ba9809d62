//! Subnets and staking on a `--dev` node, driven by subxt as a wallet would: create a subnet,
//! register two hotkeys, stake behind them, unstake, wait out the unbonding period, withdraw,
//! and read every step back through the `synod_*` RPC methods.

use std::time::Duration;

use anyhow::{anyhow, Result};
use subxt::{
	dynamic::{At, Value},
	rpcs::rpc_params,
};
use subxt_signer::sr25519::dev;
use synod_e2e::*;

/// The `u16` field `name` of the first `pallet.event` in `included`.
fn event_u16(included: &Included, pallet: &str, event: &str, name: &str) -> Result<u16> {
	let fields = included
		.fields(pallet, event)
		.ok_or_else(|| anyhow!("no {pallet}.{event} in {:?}", included.events))?;
	let value = fields
		.at(name)
		.and_then(|v| v.as_u128())
		.ok_or_else(|| anyhow!("{pallet}.{event} has no numeric {name}: {fields:?}"))?;
	Ok(u16::try_from(value)?)
}

#[tokio::test(flavor = "multi_thread")]
async fn create_register_stake_unstake_withdraw_over_rpc() -> Result<()> {
	let dir = tempfile::tempdir()?;
	// A block a second: the test waits on block counts, not on time.
	let mut node = Node::start("dev", dir.path(), &["--dev", "--sealing", "1000"])?;
	let (client, api) = node.connect().await?;
	let (alice, bob, charlie) = (dev::alice(), dev::bob(), dev::charlie());
	let (hot1, hot2) = (derived("//Alice//miner"), derived("//Bob//validator"));

	// This test follows stake to the unit, so Alice (sudo) first stops the block emission,
	// whose dividends would otherwise compound into it at every epoch (`yuma.rs` tests those).
	let no_emission = Value::unnamed_variant(
		"Yuma",
		[Value::named_variant(
			"set_emission_parameters",
			[(
				"parameters",
				Value::named_composite([
					("initial_block_emission", Value::u128(0)),
					("supply_cap", Value::u128(0)),
					("owner_cut", Value::unnamed_composite([Value::u128(0)])),
					("stake_threshold", Value::u128(0)),
				]),
			)],
		)],
	);
	submit(&api, &alice, "Sudo", "sudo", vec![no_emission]).await?;
	let emission = rpc(&client, "synod_emission", rpc_params![]).await?;
	assert_eq!(balance(&emission["blockEmission"])?, 0, "{emission}");

	// Alice creates a subnet, locking the deposit.
	let params = rpc(&client, "synod_stakingParameters", rpc_params![]).await?;
	let unbonding_period = params["unbondingPeriod"]
		.as_u64()
		.ok_or_else(|| anyhow!("no unbondingPeriod in {params}"))?;
	let created = submit(&api, &alice, "Subnets", "create_subnet", vec![]).await?;
	let netuid = event_u16(&created, "Subnets", "SubnetCreated", "netuid")?;
	let subnet = rpc(&client, "synod_subnet", rpc_params![netuid]).await?;
	assert_eq!(subnet["owner"], account(&alice).to_string(), "{subnet}");
	assert_eq!(balance(&subnet["deposit"])?, 100 * SYN);
	assert_eq!(subnet["neuronCount"], 0);
	let cost = balance(&subnet["registrationCost"])?;
	assert_eq!(cost, SYN, "a fresh subnet costs its floor, 1 SYN");
	let listed = rpc(&client, "synod_subnets", rpc_params![]).await?;
	assert!(listed.as_array().is_some_and(|all| all.iter().any(|s| s["netuid"] == netuid)));

	// Two hotkeys register; each coldkey burns the registration cost.
	let issuance_before = total_issuance(&api).await?;
	let first = submit(
		&api,
		&alice,
		"Subnets",
		"register",
		vec![Value::u128(netuid.into()), Value::from_bytes(account(&hot1).0)],
	)
	.await?;
	assert_eq!(event_u16(&first, "Subnets", "NeuronRegistered", "uid")?, 0);
	let second = submit(
		&api,
		&bob,
		"Subnets",
		"register",
		vec![Value::u128(netuid.into()), Value::from_bytes(account(&hot2).0)],
	)
	.await?;
	assert_eq!(event_u16(&second, "Subnets", "NeuronRegistered", "uid")?, 1);
	let burnt = issuance_before - total_issuance(&api).await?;
	assert!(burnt > cost * 2, "two registrations burn at least 2 SYN plus fees, burnt {burnt}");

	// Charlie stakes 10 SYN behind the first hotkey; Bob 5 SYN behind his own.
	let charlie_free = free_balance(&api, &account(&charlie), None).await?;
	submit(
		&api,
		&charlie,
		"Staking",
		"add_stake",
		vec![Value::from_bytes(account(&hot1).0), Value::u128(10 * SYN)],
	)
	.await?;
	submit(
		&api,
		&bob,
		"Staking",
		"add_stake",
		vec![Value::from_bytes(account(&hot2).0), Value::u128(5 * SYN)],
	)
	.await?;
	let charlie_staked = free_balance(&api, &account(&charlie), None).await?;
	assert!(charlie_free - charlie_staked >= 10 * SYN, "the stake leaves the free balance");

	// The first hotkey publishes its endpoint (funded first, to pay the fee).
	submit(
		&api,
		&alice,
		"Balances",
		"transfer_keep_alive",
		vec![address(&account(&hot1)), Value::u128(SYN)],
	)
	.await?;
	let endpoint = Value::named_variant(
		"Ipv4",
		[("ip", Value::from_bytes([127, 0, 0, 1])), ("port", Value::u128(7070))],
	);
	submit(&api, &hot1, "Subnets", "serve_endpoint", vec![Value::u128(netuid.into()), endpoint])
		.await?;

	let neurons = rpc(&client, "synod_neurons", rpc_params![netuid]).await?;
	let neurons = neurons.as_array().ok_or_else(|| anyhow!("neurons: {neurons}"))?;
	assert_eq!(neurons.len(), 2);
	assert_eq!(neurons[0]["uid"], 0);
	assert_eq!(neurons[0]["hotkey"], account(&hot1).to_string());
	assert_eq!(neurons[0]["coldkey"], account(&alice).to_string());
	assert_eq!(balance(&neurons[0]["stake"])?, 10 * SYN);
	assert_eq!(neurons[0]["endpoint"]["ipv4"]["port"], 7070, "{}", neurons[0]);
	assert_eq!(neurons[1]["hotkey"], account(&hot2).to_string());
	assert_eq!(balance(&neurons[1]["stake"])?, 5 * SYN);
	let hotkey_stake =
		rpc(&client, "synod_hotkeyStake", rpc_params![account(&hot1).to_string()]).await?;
	assert_eq!(balance(&hotkey_stake)?, 10 * SYN);

	// Charlie unstakes 4 SYN: it leaves the hotkey's stake and waits in an unbonding chunk.
	let unstaked = submit(
		&api,
		&charlie,
		"Staking",
		"remove_stake",
		vec![Value::from_bytes(account(&hot1).0), Value::u128(4 * SYN)],
	)
	.await?;
	assert!(unstaked.has("Staking", "Unbonding"), "{:?}", unstaked.events);
	let positions =
		rpc(&client, "synod_stakeOf", rpc_params![account(&charlie).to_string()]).await?;
	let position = &positions[0];
	assert_eq!(position["hotkey"], account(&hot1).to_string(), "{positions}");
	assert_eq!(balance(&position["stake"])?, 6 * SYN);
	let chunk = &position["unbonding"][0];
	assert_eq!(balance(&chunk["amount"])?, 4 * SYN, "{positions}");
	let unlock_at = chunk["unlockAt"].as_u64().ok_or_else(|| anyhow!("chunk: {chunk}"))?;
	assert!(unlock_at >= unbonding_period, "unlocks {unbonding_period} blocks after unstaking");

	// Withdrawing before the chunk unlocks is refused and changes nothing.
	let early = submit(
		&api,
		&charlie,
		"Staking",
		"withdraw_unbonded",
		vec![Value::from_bytes(account(&hot1).0)],
	)
	.await;
	let error = format!("{:?}", early.err().ok_or_else(|| anyhow!("early withdrawal passed"))?);
	assert!(error.contains("NothingToWithdraw"), "unexpected error: {error}");

	wait_finalized(&client, unlock_at, Duration::from_secs(3 * unbonding_period + 60)).await?;
	let before = free_balance(&api, &account(&charlie), None).await?;
	let withdrawn = submit(
		&api,
		&charlie,
		"Staking",
		"withdraw_unbonded",
		vec![Value::from_bytes(account(&hot1).0)],
	)
	.await?;
	assert!(withdrawn.has("Staking", "Withdrawn"), "{:?}", withdrawn.events);
	let after = free_balance(&api, &account(&charlie), Some(&withdrawn.block_hash)).await?;
	let fee =
		(before + 4 * SYN).checked_sub(after).ok_or_else(|| anyhow!("more than 4 SYN back"))?;
	assert!(fee < SYN / 10, "4 SYN come back, less only the fee ({fee})");

	let positions =
		rpc(&client, "synod_stakeOf", rpc_params![account(&charlie).to_string()]).await?;
	assert_eq!(balance(&positions[0]["stake"])?, 6 * SYN);
	assert_eq!(positions[0]["unbonding"].as_array().map(Vec::len), Some(0), "{positions}");
	let neurons = rpc(&client, "synod_neurons", rpc_params![netuid]).await?;
	assert_eq!(balance(&neurons[0]["stake"])?, 6 * SYN);

	node.stop();
	Ok(())
}
