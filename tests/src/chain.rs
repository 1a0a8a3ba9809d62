//! Reading chain state and submitting transactions over RPC.

use std::time::{Duration, Instant};

use anyhow::{anyhow, bail, Context, Result};
use subxt::{
	dynamic::{self, Value},
	ext::scale_decode::DecodeAsType,
	ext::scale_value::{Composite, ValueDef},
	rpcs::{rpc_params, RpcClient},
	utils::AccountId32,
	OnlineClient, PolkadotConfig,
};
use subxt_signer::sr25519::Keypair;

/// One SYN in the smallest unit.
pub const SYN: u128 = 1_000_000_000_000;

/// A block's number and hash, as the node reports them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockId {
	pub number: u64,
	pub hash: String,
}

/// The node's finalized head.
pub async fn finalized_head(rpc: &RpcClient) -> Result<BlockId> {
	let hash: String = rpc.request("chain_getFinalizedHead", rpc_params![]).await?;
	let header: serde_json::Value =
		rpc.request("chain_getHeader", rpc_params![hash.clone()]).await?;
	let number = header["number"]
		.as_str()
		.and_then(|n| u64::from_str_radix(n.trim_start_matches("0x"), 16).ok())
		.ok_or_else(|| anyhow!("header of {hash} has no number: {header}"))?;
	Ok(BlockId { number, hash })
}

/// The node's best block number.
pub async fn best_number(rpc: &RpcClient) -> Result<u64> {
	let header: serde_json::Value = rpc.request("chain_getHeader", rpc_params![]).await?;
	header["number"]
		.as_str()
		.and_then(|n| u64::from_str_radix(n.trim_start_matches("0x"), 16).ok())
		.ok_or_else(|| anyhow!("best header has no number: {header}"))
}

/// Waits until the node's finalized head reaches `number`; returns that head.
pub async fn wait_finalized(rpc: &RpcClient, number: u64, timeout: Duration) -> Result<BlockId> {
	let deadline = Instant::now() + timeout;
	loop {
		let head = finalized_head(rpc).await?;
		if head.number >= number {
			return Ok(head);
		}
		if Instant::now() > deadline {
			bail!("finality stuck at #{} (waited {timeout:?} for #{number})", head.number);
		}
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
}

#[derive(Debug, DecodeAsType)]
#[decode_as_type(crate_path = "subxt::ext::scale_decode")]
struct AccountInfo {
	data: AccountData,
}

#[derive(Debug, DecodeAsType)]
#[decode_as_type(crate_path = "subxt::ext::scale_decode")]
struct AccountData {
	free: u128,
}

/// The free balance of `who` at block `at` (a hash), or at the finalized head if `None`.
pub async fn free_balance(
	api: &OnlineClient<PolkadotConfig>,
	who: &AccountId32,
	at: Option<&str>,
) -> Result<u128> {
	let at_block = match at {
		Some(hash) => api.at_block(parse_hash(hash)?).await?,
		None => api.at_current_block().await?,
	};
	let address = dynamic::storage::<([u8; 32],), AccountInfo>("System", "Account");
	match at_block.storage().try_fetch(address, (who.0,)).await? {
		Some(value) => Ok(value.decode()?.data.free),
		None => Ok(0),
	}
}

/// `Balances::TotalIssuance` at the finalized head.
pub async fn total_issuance(api: &OnlineClient<PolkadotConfig>) -> Result<u128> {
	let at_block = api.at_current_block().await?;
	let address = dynamic::storage::<(), u128>("Balances", "TotalIssuance");
	Ok(at_block.storage().fetch(address, ()).await?.decode()?)
}

fn parse_hash(hash: &str) -> Result<subxt::utils::H256> {
	hash.parse().map_err(|e| anyhow!("bad block hash {hash}: {e:?}"))
}

/// The account of a key pair.
pub fn account(pair: &Keypair) -> AccountId32 {
	pair.public_key().to_account_id()
}

/// A `MultiAddress::Id` value for dynamic calls.
pub fn address(who: &AccountId32) -> Value {
	Value::unnamed_variant("Id", [Value::from_bytes(who.0)])
}

/// What a finalized transaction emitted: (pallet, event) names in order.
pub struct Included {
	pub block_hash: String,
	pub events: Vec<(String, String, Value)>,
}

impl Included {
	/// Whether an event `pallet.name` was emitted.
	pub fn has(&self, pallet: &str, name: &str) -> bool {
		self.events.iter().any(|(p, n, _)| p == pallet && n == name)
	}

	/// The fields of the first `pallet.name` event.
	pub fn fields(&self, pallet: &str, name: &str) -> Option<&Value> {
		self.events.iter().find(|(p, n, _)| p == pallet && n == name).map(|(_, _, v)| v)
	}
}

/// Signs `call` (pallet, call name, fields) with `signer`, submits it, and waits until it is
/// in a finalized block and succeeded.
pub async fn submit(
	api: &OnlineClient<PolkadotConfig>,
	signer: &Keypair,
	pallet: &str,
	call: &str,
	fields: Vec<Value>,
) -> Result<Included> {
	let payload = dynamic::transaction(pallet, call, fields);
	let at_block = api.at_current_block().await?;
	let in_block = at_block
		.transactions()
		.sign_and_submit_then_watch_default(&payload, signer)
		.await
		.with_context(|| format!("submitting {pallet}.{call}"))?
		.wait_for_finalized()
		.await
		.with_context(|| format!("{pallet}.{call} was not finalized"))?;
	let block_hash = format!("{:?}", in_block.block_hash());
	// The dispatch error's Display is empty in subxt 0.51; its Debug names the pallet error.
	let events = in_block
		.wait_for_success()
		.await
		.map_err(|e| anyhow::anyhow!("{pallet}.{call} failed: {e:?}"))?;
	let mut list = Vec::new();
	for event in events.iter() {
		let event = event?;
		let fields: Composite<()> = event.decode_fields_unchecked_as()?;
		let fields = Value { value: ValueDef::Composite(fields), context: () };
		list.push((event.pallet_name().to_string(), event.event_name().to_string(), fields));
	}
	Ok(Included { block_hash, events: list })
}

/// The SCALE encoding of a call, as a council motion carries it.
pub async fn call_data(
	api: &OnlineClient<PolkadotConfig>,
	pallet: &str,
	call: &str,
	fields: Vec<Value>,
) -> Result<Vec<u8>> {
	let payload = dynamic::transaction(pallet, call, fields);
	Ok(api.at_current_block().await?.transactions().call_data(&payload)?)
}
