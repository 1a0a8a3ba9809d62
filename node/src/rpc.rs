//! The node's JSON-RPC methods beyond the standard ones that `sc-service` installs
//! (`system_*`, `chain_*`, `state_*`, `author_*`, and the new `chainHead_v1_*` family).

pub mod synod;

use std::sync::Arc;

use futures::channel::mpsc;
use jsonrpsee::RpcModule;
use sc_consensus_manual_seal::{
	rpc::{ManualSeal, ManualSealApiServer},
	EngineCommand,
};
use sc_transaction_pool_api::TransactionPool;
use sp_api::ProvideRuntimeApi;
use sp_block_builder::BlockBuilder;
use sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata};
use synod_runtime::{opaque::Block, AccountId, Balance, Hash, Nonce};

/// What the RPC methods need from the node.
pub struct FullDeps<C, P> {
	/// The client, for runtime API calls.
	pub client: Arc<C>,
	/// The transaction pool, for nonces that count pending transactions.
	pub pool: Arc<P>,
	/// Where `engine_createBlock` and `engine_finalizeBlock` send their commands, on a
	/// sealing dev node.
	pub manual_seal: Option<mpsc::Sender<EngineCommand<Hash>>>,
}

/// Builds the RPC module: `system_accountNextIndex`, `payment_queryInfo`,
/// `payment_queryFeeDetails`, the `synod_*` namespace ([`synod`]), and on a sealing dev node `engine_createBlock` and
/// `engine_finalizeBlock`.
pub fn create_full<C, P>(
	deps: FullDeps<C, P>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
	C: ProvideRuntimeApi<Block>
		+ HeaderBackend<Block>
		+ HeaderMetadata<Block, Error = BlockChainError>
		+ Send
		+ Sync
		+ 'static,
	C::Api: substrate_frame_rpc_system::AccountNonceApi<Block, AccountId, Nonce>
		+ pallet_transaction_payment_rpc::TransactionPaymentRuntimeApi<Block, Balance>
		+ BlockBuilder<Block>
		+ pallet_subnets_runtime_api::SubnetsApi<
			Block,
			AccountId,
			Balance,
			synod_runtime::BlockNumber,
		> + pallet_synod_staking_runtime_api::StakingApi<
			Block,
			AccountId,
			Balance,
			synod_runtime::BlockNumber,
		> + pallet_yuma_runtime_api::YumaApi<
			Block,
			AccountId,
			Balance,
			synod_runtime::BlockNumber,
			Hash,
		> + pallet_jobs_runtime_api::JobsApi<Block, AccountId, Balance, synod_runtime::BlockNumber>
		+ pallet_colearn_runtime_api::ColearnApi<
			Block,
			AccountId,
			Balance,
			synod_runtime::BlockNumber,
		>,
	P: TransactionPool + 'static,
{
	use pallet_transaction_payment_rpc::{TransactionPayment, TransactionPaymentApiServer};
	use substrate_frame_rpc_system::{System, SystemApiServer};

	let FullDeps { client, pool, manual_seal } = deps;
	let mut module = RpcModule::new(());
	module.merge(System::new(client.clone(), pool).into_rpc())?;
	module.merge(TransactionPayment::new(client.clone()).into_rpc())?;
	module.merge(synod::SynodApiServer::into_rpc(synod::Synod::new(client)))?;
	if let Some(sink) = manual_seal {
		module.merge(ManualSeal::new(sink).into_rpc())?;
	}
	Ok(module)
}
