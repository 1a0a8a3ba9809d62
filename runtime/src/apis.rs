//! The runtime APIs: what the node, wallets and off-chain workers may ask of the runtime.

use alloc::vec::Vec;
use frame_support::{
	genesis_builder_helper::{build_state, get_preset},
	weights::Weight,
};
use pallet_grandpa::AuthorityId as GrandpaId;
use sp_api::impl_runtime_apis;
use sp_core::{crypto::KeyTypeId, OpaqueMetadata};
use sp_runtime::{
	traits::{Block as BlockT, NumberFor},
	transaction_validity::{TransactionSource, TransactionValidity},
	ApplyExtrinsicResult,
};
use sp_version::RuntimeVersion;
use synod_primitives::stake::StakeInfo;

use crate::{
	configs::GENESIS_EPOCH_CONFIG, genesis_config_presets, AccountId, Babe, Balance, Block,
	BlockNumber, ChainParams, Executive, Grandpa, Hash, InherentDataExt, Nonce, Runtime,
	RuntimeCall, RuntimeGenesisConfig, SessionKeys, System, TransactionPayment, VERSION,
};

impl_runtime_apis! {
	impl sp_api::Core<Block> for Runtime {
		fn version() -> RuntimeVersion {
			VERSION
		}

		fn execute_block(block: <Block as BlockT>::LazyBlock) {
			Executive::execute_block(block);
		}

		fn initialize_block(header: &<Block as BlockT>::Header) -> sp_runtime::ExtrinsicInclusionMode {
			Executive::initialize_block(header)
		}
	}

	impl sp_api::Metadata<Block> for Runtime {
		fn metadata() -> OpaqueMetadata {
			OpaqueMetadata::new(Runtime::metadata().into())
		}

		fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
			Runtime::metadata_at_version(version)
		}

		fn metadata_versions() -> Vec<u32> {
			Runtime::metadata_versions()
		}
	}

	impl frame_support::view_functions::runtime_api::RuntimeViewFunction<Block> for Runtime {
		fn execute_view_function(
			id: frame_support::view_functions::ViewFunctionId,
			input: Vec<u8>,
		) -> Result<Vec<u8>, frame_support::view_functions::ViewFunctionDispatchError> {
			Runtime::execute_view_function(id, input)
		}
	}

	impl sp_block_builder::BlockBuilder<Block> for Runtime {
		fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
			Executive::apply_extrinsic(extrinsic)
		}

		fn finalize_block() -> <Block as BlockT>::Header {
			Executive::finalize_block()
		}

		fn inherent_extrinsics(data: sp_inherents::InherentData) -> Vec<<Block as BlockT>::Extrinsic> {
			data.create_extrinsics()
		}

		fn check_inherents(
			block: <Block as BlockT>::LazyBlock,
			data: sp_inherents::InherentData,
		) -> sp_inherents::CheckInherentsResult {
			data.check_extrinsics(&block)
		}
	}

	impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
		fn validate_transaction(
			source: TransactionSource,
			tx: <Block as BlockT>::Extrinsic,
			block_hash: <Block as BlockT>::Hash,
		) -> TransactionValidity {
			Executive::validate_transaction(source, tx, block_hash)
		}
	}

	impl sp_offchain::OffchainWorkerApi<Block> for Runtime {
		fn offchain_worker(header: &<Block as BlockT>::Header) {
			Executive::offchain_worker(header)
		}
	}

	impl sp_consensus_babe::BabeApi<Block> for Runtime {
		fn configuration() -> sp_consensus_babe::BabeConfiguration {
			// The epoch configuration in force; the genesis one until governance plans a change.
			let epoch_config = Babe::epoch_config().unwrap_or(GENESIS_EPOCH_CONFIG);
			sp_consensus_babe::BabeConfiguration {
				slot_duration: Babe::slot_duration(),
				epoch_length: ChainParams::epoch_duration(),
				c: epoch_config.c,
				authorities: Babe::authorities().to_vec(),
				randomness: Babe::randomness(),
				allowed_slots: epoch_config.allowed_slots,
			}
		}

		fn current_epoch_start() -> sp_consensus_babe::Slot {
			Babe::current_epoch_start()
		}

		fn current_epoch() -> sp_consensus_babe::Epoch {
			Babe::current_epoch()
		}

		fn next_epoch() -> sp_consensus_babe::Epoch {
			Babe::next_epoch()
		}

		// No session pallet, hence no key-ownership proofs and no equivocation reports.
		fn generate_key_ownership_proof(
			_slot: sp_consensus_babe::Slot,
			_authority_id: sp_consensus_babe::AuthorityId,
		) -> Option<sp_consensus_babe::OpaqueKeyOwnershipProof> {
			None
		}

		fn submit_report_equivocation_unsigned_extrinsic(
			_equivocation_proof: sp_consensus_babe::EquivocationProof<<Block as BlockT>::Header>,
			_key_owner_proof: sp_consensus_babe::OpaqueKeyOwnershipProof,
		) -> Option<()> {
			None
		}
	}

	impl sp_session::SessionKeys<Block> for Runtime {
		fn generate_session_keys(owner: Vec<u8>, seed: Option<Vec<u8>>) -> sp_session::OpaqueGeneratedSessionKeys {
			SessionKeys::generate(&owner, seed).into()
		}

		fn decode_session_keys(encoded: Vec<u8>) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
			SessionKeys::decode_into_raw_public_keys(&encoded)
		}
	}

	impl sp_consensus_grandpa::GrandpaApi<Block> for Runtime {
		fn grandpa_authorities() -> sp_consensus_grandpa::AuthorityList {
			Grandpa::grandpa_authorities()
		}

		fn current_set_id() -> sp_consensus_grandpa::SetId {
			Grandpa::current_set_id()
		}

		fn submit_report_equivocation_unsigned_extrinsic(
			_equivocation_proof: sp_consensus_grandpa::EquivocationProof<
				<Block as BlockT>::Hash,
				NumberFor<Block>,
			>,
			_key_owner_proof: sp_consensus_grandpa::OpaqueKeyOwnershipProof,
		) -> Option<()> {
			// Equivocation reports need key-ownership proofs, which need a session pallet.
			None
		}

		fn generate_key_ownership_proof(
			_set_id: sp_consensus_grandpa::SetId,
			_authority_id: GrandpaId,
		) -> Option<sp_consensus_grandpa::OpaqueKeyOwnershipProof> {
			None
		}
	}

	impl frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
		fn account_nonce(account: AccountId) -> Nonce {
			System::account_nonce(account)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentApi<Block, Balance> for Runtime {
		fn query_info(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment_rpc_runtime_api::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_info(uxt, len)
		}
		fn query_fee_details(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_fee_details(uxt, len)
		}
		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}
		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentCallApi<Block, Balance, RuntimeCall>
		for Runtime
	{
		fn query_call_info(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_call_info(call, len)
		}
		fn query_call_fee_details(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_call_fee_details(call, len)
		}
		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}
		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl pallet_subnets_runtime_api::SubnetsApi<Block, AccountId, Balance, BlockNumber> for Runtime {
		fn subnets() -> Vec<pallet_subnets_runtime_api::SubnetInfo<AccountId, Balance, BlockNumber>> {
			crate::metagraph::subnets()
		}
		fn subnet(
			netuid: pallet_subnets_runtime_api::NetUid,
		) -> Option<pallet_subnets_runtime_api::SubnetInfo<AccountId, Balance, BlockNumber>> {
			crate::metagraph::subnet(netuid)
		}
		fn neurons(
			netuid: pallet_subnets_runtime_api::NetUid,
		) -> Vec<pallet_subnets_runtime_api::NeuronInfo<AccountId, Balance, BlockNumber>> {
			crate::metagraph::neurons(netuid)
		}
	}

	impl pallet_synod_staking_runtime_api::StakingApi<Block, AccountId, Balance, BlockNumber> for Runtime {
		fn hotkey_stake(hotkey: AccountId) -> Balance {
			<crate::Staking as StakeInfo<AccountId, Balance>>::hotkey_stake(&hotkey)
		}
		fn stake(coldkey: AccountId, hotkey: AccountId) -> Balance {
			<crate::Staking as StakeInfo<AccountId, Balance>>::stake(&coldkey, &hotkey)
		}
		fn positions(
			coldkey: AccountId,
		) -> Vec<pallet_synod_staking_runtime_api::StakePosition<AccountId, Balance, BlockNumber>> {
			crate::Staking::positions(&coldkey)
		}
		fn take(hotkey: AccountId) -> sp_runtime::Perbill {
			crate::Staking::take_of(&hotkey)
		}
		fn parameters() -> pallet_synod_staking_runtime_api::StakingParameters<Balance, BlockNumber> {
			crate::Staking::parameters()
		}
	}

	impl pallet_colearn_runtime_api::ColearnApi<Block, AccountId, Balance, BlockNumber> for Runtime {
		fn experiment(
			experiment: pallet_colearn_runtime_api::ExperimentId,
		) -> Option<pallet_colearn_runtime_api::ExperimentView<AccountId, Balance, BlockNumber>> {
			crate::Colearn::experiment_view(experiment)
		}
		fn open_experiments() -> Vec<pallet_colearn_runtime_api::ExperimentId> {
			crate::Colearn::open_experiment_ids()
		}
		fn lineage(
			experiment: pallet_colearn_runtime_api::ExperimentId,
			from: u32,
			limit: u32,
		) -> Vec<pallet_colearn_runtime_api::LineageView<AccountId>> {
			crate::Colearn::lineage_page(experiment, from, limit)
		}
	}

	impl pallet_jobs_runtime_api::JobsApi<Block, AccountId, Balance, BlockNumber> for Runtime {
		fn job(
			job: pallet_jobs_runtime_api::JobId,
		) -> Option<pallet_jobs_runtime_api::JobView<AccountId, Balance, BlockNumber>> {
			crate::Jobs::job_view(job)
		}
		fn jobs_by_requester(requester: AccountId) -> Vec<pallet_jobs_runtime_api::JobId> {
			crate::Jobs::jobs_of_requester(&requester)
		}
		fn jobs_by_status(
			status: pallet_jobs_runtime_api::JobStatus,
			from: pallet_jobs_runtime_api::JobId,
			limit: u32,
		) -> Vec<pallet_jobs_runtime_api::JobId> {
			crate::Jobs::jobs_in_status(status, from, limit)
		}
		fn miner_assignments(hotkey: AccountId) -> Vec<pallet_jobs_runtime_api::JobId> {
			crate::Jobs::assignments_of(&hotkey)
		}
		fn committee_assignments(hotkey: AccountId) -> Vec<pallet_jobs_runtime_api::JobId> {
			crate::Jobs::committee_seats_of(&hotkey)
		}
	}

	impl pallet_yuma_runtime_api::YumaApi<Block, AccountId, Balance, BlockNumber, Hash> for Runtime {
		fn metagraph(
			netuid: pallet_yuma_runtime_api::NetUid,
		) -> Option<pallet_yuma_runtime_api::Metagraph<AccountId, Balance, BlockNumber>> {
			crate::Yuma::metagraph(netuid)
		}
		fn weights(
			netuid: pallet_yuma_runtime_api::NetUid,
			hotkey: AccountId,
		) -> Option<Vec<(pallet_yuma_runtime_api::Uid, u16)>> {
			crate::Yuma::weights_of(netuid, &hotkey)
		}
		fn pending_commits(
			netuid: pallet_yuma_runtime_api::NetUid,
			hotkey: AccountId,
		) -> Vec<pallet_yuma_runtime_api::WeightCommit<Hash, BlockNumber>> {
			crate::Yuma::pending_commits(netuid, &hotkey)
		}
		fn emission_parameters() -> pallet_yuma_runtime_api::EmissionParameters<Balance> {
			crate::Yuma::emission_parameters()
		}
		fn block_emission() -> Balance {
			crate::Yuma::next_block_emission()
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	impl frame_benchmarking::Benchmark<Block> for Runtime {
		fn benchmark_metadata(extra: bool) -> (
			Vec<frame_benchmarking::BenchmarkList>,
			Vec<frame_support::traits::StorageInfo>,
		) {
			use frame_benchmarking::BenchmarkList;
			use frame_support::traits::StorageInfoTrait;
			use crate::benchmarks::*;
			use crate::*;

			let mut list = Vec::<BenchmarkList>::new();
			list_benchmarks!(list, extra);
			(list, crate::AllPalletsWithSystem::storage_info())
		}

		fn dispatch_benchmark(
			config: frame_benchmarking::BenchmarkConfig,
		) -> Result<Vec<frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
			use frame_benchmarking::BenchmarkBatch;
			use frame_support::traits::WhitelistedStorageKeys;
			use sp_storage::TrackedStorageKey;
			use crate::benchmarks::*;
			use crate::*;

			let whitelist: Vec<TrackedStorageKey> = crate::AllPalletsWithSystem::whitelisted_storage_keys();
			let mut batches = Vec::<BenchmarkBatch>::new();
			let params = (&config, &whitelist);
			add_benchmarks!(params, batches);
			Ok(batches)
		}
	}

	#[cfg(feature = "try-runtime")]
	impl frame_try_runtime::TryRuntime<Block> for Runtime {
		fn on_runtime_upgrade(checks: frame_try_runtime::UpgradeCheckSelect) -> (Weight, Weight) {
			// Panics rather than returns: a failed pre/post check must stop try-runtime here.
			let weight = Executive::try_runtime_upgrade(checks).unwrap();
			(weight, crate::configs::RuntimeBlockWeights::get().max_block)
		}

		fn execute_block(
			block: <Block as BlockT>::LazyBlock,
			state_root_check: bool,
			signature_check: bool,
			select: frame_try_runtime::TryStateSelect,
		) -> Weight {
			Executive::try_execute_block(block, state_root_check, signature_check, select)
				.expect("execute-block failed")
		}
	}

	impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
		fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
			build_state::<RuntimeGenesisConfig>(config)
		}

		fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
			get_preset::<RuntimeGenesisConfig>(id, genesis_config_presets::get_preset)
		}

		fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
			genesis_config_presets::preset_names()
		}
	}
}
