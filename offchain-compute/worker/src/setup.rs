//! Joining a subnet: a coldkey funds the worker's hotkey for fees, registers it and stakes
//! behind it, in one batch, and only what is missing.

use crate::{
	chain::{Chain, SYN},
	validator::uid_of,
};
use anyhow::Result;
use serde_json::Value as Json;
use subxt::{dynamic::Value, rpcs::rpc_params};
use subxt_signer::sr25519::Keypair;

fn call(pallet: &str, name: &str, fields: Vec<(&str, Value)>) -> Value {
	Value::unnamed_variant(pallet, [Value::named_variant(name, fields)])
}

/// Makes the worker's hotkey a neuron of `netuid` with at least `stake` SYN behind it.
pub async fn ensure_neuron(
	chain: &Chain,
	netuid: u16,
	coldkey: &Keypair,
	stake: f64,
	fund: f64,
) -> Result<()> {
	let hotkey = chain.account();
	let mut calls = Vec::new();
	if uid_of(chain, netuid, &hotkey.to_string()).await?.is_none() {
		calls.push(call(
			"Balances",
			"transfer_keep_alive",
			vec![
				("dest", Value::unnamed_variant("Id", [Value::from_bytes(hotkey.0)])),
				("value", Value::u128((fund * SYN as f64) as u128)),
			],
		));
		calls.push(call(
			"Subnets",
			"register",
			vec![("netuid", Value::u128(netuid.into())), ("hotkey", Value::from_bytes(hotkey.0))],
		));
	}
	let current: Json = chain.rpc("synod_hotkeyStake", rpc_params![hotkey.to_string()]).await?;
	let current: u128 = current.as_str().and_then(|s| s.parse().ok()).unwrap_or(0);
	let wanted = (stake * SYN as f64) as u128;
	if wanted > current {
		calls.push(call(
			"Staking",
			"add_stake",
			vec![
				("hotkey", Value::from_bytes(hotkey.0)),
				("amount", Value::u128(wanted - current)),
			],
		));
	}
	if calls.is_empty() {
		return Ok(());
	}
	chain.submit_as(coldkey, "Utility", "batch_all", vec![Value::unnamed_composite(calls)]).await?;
	tracing::info!(netuid, %hotkey, stake, "registered and staked");
	Ok(())
}
