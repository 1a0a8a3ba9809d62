//! The `synod_*` JSON-RPC namespace: subnets, metagraphs, stake, jobs and experiments, answered by the
//! runtime APIs at the best block (or at the block hash a caller names).
//!
//! Balances travel as decimal strings, accounts as SS58 addresses.

use std::sync::Arc;

use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{error::ErrorObjectOwned, ErrorObject},
};
use pallet_colearn_runtime_api::{ColearnApi, ExperimentId, ExperimentView, LineageView};
use pallet_jobs_runtime_api::{JobId, JobStatus, JobView, JobsApi};
use pallet_subnets_runtime_api::{NetUid, NeuronInfo, SubnetInfo, SubnetsApi};
use pallet_synod_staking_runtime_api::{StakePosition, StakingApi, StakingParameters};
use pallet_yuma_runtime_api::{EmissionParameters, Metagraph, Uid, WeightCommit, YumaApi};
use serde::{Deserialize, Serialize};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use synod_runtime::{opaque::Block, AccountId, Balance, BlockNumber, Hash};

/// A balance as JSON: a decimal string, exact in every client.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct BalanceText(#[serde(with = "synod_primitives::serde_balance")] pub Balance);

/// The emission schedule with what the next block releases.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EmissionInfo {
	pub parameters: EmissionParameters<Balance>,
	pub block_emission: BalanceText,
}

/// The `synod_*` methods.
#[rpc(client, server, namespace = "synod")]
pub trait SynodApi {
	/// Every subnet with its owner, deposit, neuron count, registration cost and
	/// hyperparameters.
	#[method(name = "subnets")]
	fn subnets(
		&self,
		at: Option<Hash>,
	) -> RpcResult<Vec<SubnetInfo<AccountId, Balance, BlockNumber>>>;

	/// One subnet, or null if `netuid` does not exist.
	#[method(name = "subnet")]
	fn subnet(
		&self,
		netuid: NetUid,
		at: Option<Hash>,
	) -> RpcResult<Option<SubnetInfo<AccountId, Balance, BlockNumber>>>;

	/// The neurons of a subnet by uid: hotkey, coldkey, stake, registration block, endpoint.
	#[method(name = "neurons")]
	fn neurons(
		&self,
		netuid: NetUid,
		at: Option<Hash>,
	) -> RpcResult<Vec<NeuronInfo<AccountId, Balance, BlockNumber>>>;

	/// A coldkey's stake positions, each with its unbonding chunks.
	#[method(name = "stakeOf")]
	fn stake_of(
		&self,
		coldkey: AccountId,
		at: Option<Hash>,
	) -> RpcResult<Vec<StakePosition<AccountId, Balance, BlockNumber>>>;

	/// The active stake behind a hotkey, from all its stakers.
	#[method(name = "hotkeyStake")]
	fn hotkey_stake(&self, hotkey: AccountId, at: Option<Hash>) -> RpcResult<BalanceText>;

	/// The staking parameters: unbonding period, minimum stake, take bounds.
	#[method(name = "stakingParameters")]
	fn staking_parameters(
		&self,
		at: Option<Hash>,
	) -> RpcResult<StakingParameters<Balance, BlockNumber>>;

	/// A subnet's metagraph: per uid its keys, stake, endpoint and last epoch outputs
	/// (active, stake weight, consensus, incentive, dividends, validator trust, permit,
	/// emissions), or null.
	#[method(name = "metagraph")]
	fn metagraph(
		&self,
		netuid: NetUid,
		at: Option<Hash>,
	) -> RpcResult<Option<Metagraph<AccountId, Balance, BlockNumber>>>;

	/// The weights a hotkey has set on a subnet as `[uid, weight]` pairs, max-upscaled; null
	/// if the hotkey holds no uid there.
	#[method(name = "weights")]
	fn weights(
		&self,
		netuid: NetUid,
		hotkey: AccountId,
		at: Option<Hash>,
	) -> RpcResult<Option<Vec<(Uid, u16)>>>;

	/// A hotkey's weight commits on a subnet that wait to be revealed.
	#[method(name = "pendingCommits")]
	fn pending_commits(
		&self,
		netuid: NetUid,
		hotkey: AccountId,
		at: Option<Hash>,
	) -> RpcResult<Vec<WeightCommit<Hash, BlockNumber>>>;

	/// The emission schedule, owner cut and stake threshold, and the next block's emission.
	#[method(name = "emission")]
	fn emission(&self, at: Option<Hash>) -> RpcResult<EmissionInfo>;

	/// A job: in flight, its spec, deadlines, policy, miners' and validators' commits and
	/// reveals; settled, its result, payouts, penalties, burn and refund. Null if unknown,
	/// cancelled, expired, or pruned.
	#[method(name = "job")]
	fn job(
		&self,
		job: JobId,
		at: Option<Hash>,
	) -> RpcResult<Option<JobView<AccountId, Balance, BlockNumber>>>;

	/// The jobs a requester has in flight.
	#[method(name = "jobsByRequester")]
	fn jobs_by_requester(&self, requester: AccountId, at: Option<Hash>) -> RpcResult<Vec<JobId>>;

	/// The jobs in a status (`posted`, `committing`, `revealing`, `verifying`, `settled`,
	/// `refunded`), ascending from `from` (default 0), at most `limit` (default and most
	/// 1000).
	#[method(name = "jobsByStatus")]
	fn jobs_by_status(
		&self,
		status: JobStatus,
		from: Option<JobId>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Vec<JobId>>;

	/// The unsettled jobs a miner hotkey is assigned to.
	#[method(name = "minerAssignments")]
	fn miner_assignments(&self, hotkey: AccountId, at: Option<Hash>) -> RpcResult<Vec<JobId>>;

	/// The unsettled jobs whose verification committee a validator hotkey sits on.
	#[method(name = "committeeAssignments")]
	fn committee_assignments(&self, hotkey: AccountId, at: Option<Hash>) -> RpcResult<Vec<JobId>>;

	/// An experiment: creator, config (with its privacy budget), head, pool, round, phase,
	/// whether it is closing, proposer and proposal, learners with stake, coldkey and the
	/// epsilon that coldkey spent and has left, applicants, lineage length; null if unknown.
	#[method(name = "experiment")]
	fn experiment(
		&self,
		experiment: ExperimentId,
		at: Option<Hash>,
	) -> RpcResult<Option<ExperimentView<AccountId, Balance, BlockNumber>>>;

	/// The ids of the open experiments.
	#[method(name = "openExperiments")]
	fn open_experiments(&self, at: Option<Hash>) -> RpcResult<Vec<ExperimentId>>;

	/// An experiment's lineage from entry `from` (default 0), at most `limit` entries (default
	/// and most 256): parent, hash, URI, proposer, round, votes and scores, the DP-SGD training
	/// declared and the proposer's coldkey's epsilon once it was proposed.
	#[method(name = "lineage")]
	fn lineage(
		&self,
		experiment: ExperimentId,
		from: Option<u32>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Vec<LineageView<AccountId>>>;
}

/// The most lineage entries one `synod_lineage` call returns.
const MAX_LINEAGE_PER_PAGE: u32 = 256;

/// The most job ids one `synod_jobsByStatus` call returns.
const MAX_JOBS_PER_PAGE: u32 = 1000;

/// Serves [`SynodApiServer`] from a client's runtime APIs.
pub struct Synod<C> {
	client: Arc<C>,
}

impl<C> Synod<C> {
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

/// The JSON-RPC error code for a runtime API call that failed.
const RUNTIME_ERROR: i32 = 1;

fn runtime_error(error: impl std::fmt::Debug) -> ErrorObjectOwned {
	ErrorObject::owned(RUNTIME_ERROR, "runtime API call failed", Some(format!("{error:?}")))
}

impl<C> Synod<C>
where
	C: HeaderBackend<Block>,
{
	fn at(&self, at: Option<Hash>) -> Hash {
		at.unwrap_or_else(|| self.client.info().best_hash)
	}
}

impl<C> SynodApiServer for Synod<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: SubnetsApi<Block, AccountId, Balance, BlockNumber>
		+ StakingApi<Block, AccountId, Balance, BlockNumber>
		+ YumaApi<Block, AccountId, Balance, BlockNumber, Hash>
		+ JobsApi<Block, AccountId, Balance, BlockNumber>
		+ ColearnApi<Block, AccountId, Balance, BlockNumber>,
{
	fn subnets(
		&self,
		at: Option<Hash>,
	) -> RpcResult<Vec<SubnetInfo<AccountId, Balance, BlockNumber>>> {
		self.client.runtime_api().subnets(self.at(at)).map_err(runtime_error)
	}

	fn subnet(
		&self,
		netuid: NetUid,
		at: Option<Hash>,
	) -> RpcResult<Option<SubnetInfo<AccountId, Balance, BlockNumber>>> {
		self.client.runtime_api().subnet(self.at(at), netuid).map_err(runtime_error)
	}

	fn neurons(
		&self,
		netuid: NetUid,
		at: Option<Hash>,
	) -> RpcResult<Vec<NeuronInfo<AccountId, Balance, BlockNumber>>> {
		self.client.runtime_api().neurons(self.at(at), netuid).map_err(runtime_error)
	}

	fn stake_of(
		&self,
		coldkey: AccountId,
		at: Option<Hash>,
	) -> RpcResult<Vec<StakePosition<AccountId, Balance, BlockNumber>>> {
		self.client.runtime_api().positions(self.at(at), coldkey).map_err(runtime_error)
	}

	fn hotkey_stake(&self, hotkey: AccountId, at: Option<Hash>) -> RpcResult<BalanceText> {
		self.client
			.runtime_api()
			.hotkey_stake(self.at(at), hotkey)
			.map(BalanceText)
			.map_err(runtime_error)
	}

	fn staking_parameters(
		&self,
		at: Option<Hash>,
	) -> RpcResult<StakingParameters<Balance, BlockNumber>> {
		self.client.runtime_api().parameters(self.at(at)).map_err(runtime_error)
	}

	fn metagraph(
		&self,
		netuid: NetUid,
		at: Option<Hash>,
	) -> RpcResult<Option<Metagraph<AccountId, Balance, BlockNumber>>> {
		self.client.runtime_api().metagraph(self.at(at), netuid).map_err(runtime_error)
	}

	fn weights(
		&self,
		netuid: NetUid,
		hotkey: AccountId,
		at: Option<Hash>,
	) -> RpcResult<Option<Vec<(Uid, u16)>>> {
		self.client.runtime_api().weights(self.at(at), netuid, hotkey).map_err(runtime_error)
	}

	fn pending_commits(
		&self,
		netuid: NetUid,
		hotkey: AccountId,
		at: Option<Hash>,
	) -> RpcResult<Vec<WeightCommit<Hash, BlockNumber>>> {
		self.client
			.runtime_api()
			.pending_commits(self.at(at), netuid, hotkey)
			.map_err(runtime_error)
	}

	fn emission(&self, at: Option<Hash>) -> RpcResult<EmissionInfo> {
		let at = self.at(at);
		let api = self.client.runtime_api();
		Ok(EmissionInfo {
			parameters: api.emission_parameters(at).map_err(runtime_error)?,
			block_emission: BalanceText(api.block_emission(at).map_err(runtime_error)?),
		})
	}

	fn job(
		&self,
		job: JobId,
		at: Option<Hash>,
	) -> RpcResult<Option<JobView<AccountId, Balance, BlockNumber>>> {
		self.client.runtime_api().job(self.at(at), job).map_err(runtime_error)
	}

	fn jobs_by_requester(&self, requester: AccountId, at: Option<Hash>) -> RpcResult<Vec<JobId>> {
		self.client.runtime_api().jobs_by_requester(self.at(at), requester).map_err(runtime_error)
	}

	fn jobs_by_status(
		&self,
		status: JobStatus,
		from: Option<JobId>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Vec<JobId>> {
		let limit = limit.unwrap_or(MAX_JOBS_PER_PAGE).min(MAX_JOBS_PER_PAGE);
		self.client
			.runtime_api()
			.jobs_by_status(self.at(at), status, from.unwrap_or(0), limit)
			.map_err(runtime_error)
	}

	fn miner_assignments(&self, hotkey: AccountId, at: Option<Hash>) -> RpcResult<Vec<JobId>> {
		self.client.runtime_api().miner_assignments(self.at(at), hotkey).map_err(runtime_error)
	}

	fn committee_assignments(&self, hotkey: AccountId, at: Option<Hash>) -> RpcResult<Vec<JobId>> {
		self.client.runtime_api().committee_assignments(self.at(at), hotkey).map_err(runtime_error)
	}

	fn experiment(
		&self,
		experiment: ExperimentId,
		at: Option<Hash>,
	) -> RpcResult<Option<ExperimentView<AccountId, Balance, BlockNumber>>> {
		self.client.runtime_api().experiment(self.at(at), experiment).map_err(runtime_error)
	}

	fn open_experiments(&self, at: Option<Hash>) -> RpcResult<Vec<ExperimentId>> {
		self.client.runtime_api().open_experiments(self.at(at)).map_err(runtime_error)
	}

	fn lineage(
		&self,
		experiment: ExperimentId,
		from: Option<u32>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Vec<LineageView<AccountId>>> {
		let limit = limit.unwrap_or(MAX_LINEAGE_PER_PAGE).min(MAX_LINEAGE_PER_PAGE);
		self.client
			.runtime_api()
			.lineage(self.at(at), experiment, from.unwrap_or(0), limit)
			.map_err(runtime_error)
	}
}
