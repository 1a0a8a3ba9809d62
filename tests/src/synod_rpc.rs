//! Test keys and the `synod_*` RPC methods as the tests read them.

use std::{str::FromStr, time::Duration};

use anyhow::{anyhow, bail, Context, Result};
use serde_json::Value as Json;
use subxt::rpcs::{client::RpcParams, rpc_params, RpcClient};
use subxt_signer::{sr25519::Keypair, SecretUri};

/// The key pair of a dev secret URI such as `//Bob//validator`.
pub fn derived(uri: &str) -> Keypair {
	Keypair::from_uri(&SecretUri::from_str(uri).expect("a valid dev URI")).expect("derivable")
}

/// A balance field of an RPC answer: a decimal string.
pub fn balance(value: &Json) -> Result<u128> {
	value
		.as_str()
		.ok_or_else(|| anyhow!("balance is not a string: {value}"))?
		.parse()
		.map_err(|e| anyhow!("balance {value} does not parse: {e}"))
}

/// Calls `method`, naming it in the error if the call fails.
pub async fn rpc(client: &RpcClient, method: &str, params: RpcParams) -> Result<Json> {
	client.request(method, params).await.with_context(|| format!("calling {method}"))
}

/// `synod_metagraph(netuid)` at the best block.
pub async fn metagraph(client: &RpcClient, netuid: u16) -> Result<Json> {
	rpc(client, "synod_metagraph", rpc_params![netuid]).await
}

/// Waits until the subnet's epoch index reaches `index`, and returns its metagraph then.
pub async fn wait_for_epoch(client: &RpcClient, netuid: u16, index: u64) -> Result<Json> {
	let deadline = tokio::time::Instant::now() + Duration::from_secs(120);
	loop {
		let graph = metagraph(client, netuid).await?;
		if graph["epochIndex"].as_u64().is_some_and(|at| at >= index) {
			return Ok(graph);
		}
		if tokio::time::Instant::now() > deadline {
			bail!("epoch {index} of subnet {netuid} did not come: {graph}");
		}
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
}

/// Waits until block `number` is finalized (on `--dev`, as soon as it is sealed, every 3 s)
/// and returns its hash.
pub async fn finalized_block(client: &RpcClient, number: u64) -> Result<String> {
	let best = crate::best_number(client).await?;
	let timeout = Duration::from_secs(3 * number.saturating_sub(best) + 60);
	crate::wait_finalized(client, number, timeout).await?;
	let hash = rpc(client, "chain_getBlockHash", rpc_params![number]).await?;
	hash.as_str().map(str::to_string).ok_or_else(|| anyhow!("no hash for block #{number}"))
}
