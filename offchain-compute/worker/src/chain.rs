//! The node, as the worker sees it: `synod_*` RPC views for reading and signed dynamic calls
//! (subxt, metadata read from the node) for writing. `follow.rs` follows its finalized
//! blocks.

use anyhow::{anyhow, bail, Context, Result};
use serde::{de::DeserializeOwned, Deserialize};
use serde_json::Value as Json;
use std::time::Duration;
use subxt::{
	dynamic::{self, At, Value},
	rpcs::{client::RpcParams, rpc_params, RpcClient},
	utils::AccountId32,
	OnlineClient, PolkadotConfig,
};
use subxt_signer::sr25519::Keypair;

/// One SYN in the smallest unit.
pub const SYN: u128 = 1_000_000_000_000;

/// A connection to a node, signing with the worker's hotkey.
/// The most job ids `synod_jobsByStatus` answers per call (the node's own bound).
pub const JOBS_PAGE: u32 = 1000;

pub struct Chain {
	rpc: RpcClient,
	api: OnlineClient<PolkadotConfig>,
	signer: Keypair,
}

/// Events a transaction emitted: (pallet, event, fields).
pub type Events = Vec<(String, String, Value)>;

impl Chain {
	/// Connects to `url`, retrying with [`crate::follow::reconnect_delays`] until
	/// `patience` runs out.
	pub async fn connect(url: &str, signer: Keypair, patience: Duration) -> Result<Self> {
		let deadline = tokio::time::Instant::now() + patience;
		let mut delays = crate::follow::reconnect_delays();
		loop {
			match Self::try_connect(url, signer.clone()).await {
				Ok(chain) => return Ok(chain),
				Err(e) if tokio::time::Instant::now() < deadline => {
					let wait = delays.next().unwrap_or(crate::follow::RECONNECT_MAX);
					let wait = wait.min(deadline - tokio::time::Instant::now());
					tracing::warn!(%url, error = %e, ?wait, "node unreachable; retrying");
					tokio::time::sleep(wait).await;
				},
				Err(e) => return Err(e.context(format!("connecting to {url}"))),
			}
		}
	}

	/// One try to connect to `url`.
	pub async fn try_connect(url: &str, signer: Keypair) -> Result<Self> {
		let rpc = RpcClient::from_insecure_url(url).await?;
		let api = OnlineClient::<PolkadotConfig>::from_rpc_client(rpc.clone()).await?;
		Ok(Self { rpc, api, signer })
	}

	/// The subxt client, for storage reads.
	pub fn api(&self) -> &OnlineClient<PolkadotConfig> {
		&self.api
	}

	/// The worker's hotkey account.
	pub fn account(&self) -> AccountId32 {
		self.signer.public_key().to_account_id()
	}

	/// Calls an RPC method and decodes its answer.
	pub async fn rpc<T: DeserializeOwned>(&self, method: &str, params: RpcParams) -> Result<T> {
		self.rpc.request(method, params).await.with_context(|| format!("calling {method}"))
	}

	/// The number of a block hash's header (the best block's if `None`).
	async fn header_number(&self, hash: Option<String>) -> Result<u64> {
		let header: Json = self.rpc("chain_getHeader", rpc_params![hash]).await?;
		header["number"]
			.as_str()
			.and_then(|n| u64::from_str_radix(n.trim_start_matches("0x"), 16).ok())
			.ok_or_else(|| anyhow!("header without a number: {header}"))
	}

	/// The finalized head's number.
	pub async fn finalized_number(&self) -> Result<u64> {
		let hash: String = self.rpc("chain_getFinalizedHead", rpc_params![]).await?;
		self.header_number(Some(hash)).await
	}

	/// The best block's number.
	pub async fn best_number(&self) -> Result<u64> {
		self.header_number(None).await
	}

	/// Signs `pallet.call(fields)` with the hotkey, submits it and waits until it is in a
	/// finalized block; fails with the pallet's error if it was refused.
	pub async fn submit(&self, pallet: &str, call: &str, fields: Vec<Value>) -> Result<Events> {
		self.submit_as(&self.signer, pallet, call, fields).await
	}

	/// As [`Self::submit`], signed by another key (a coldkey registering or staking).
	pub async fn submit_as(
		&self,
		signer: &Keypair,
		pallet: &str,
		call: &str,
		fields: Vec<Value>,
	) -> Result<Events> {
		let payload = dynamic::transaction(pallet, call, fields);
		let in_block = self
			.api
			.at_current_block()
			.await?
			.transactions()
			.sign_and_submit_then_watch_default(&payload, signer)
			.await
			.with_context(|| format!("submitting {pallet}.{call}"))?
			.wait_for_finalized()
			.await
			.with_context(|| format!("{pallet}.{call} was not finalized"))?;
		let events = in_block
			.wait_for_success()
			.await
			.map_err(|e| anyhow!("{pallet}.{call} failed: {e:?}"))?;
		let mut list = Vec::new();
		for event in events.iter() {
			let event = event?;
			let fields: subxt::ext::scale_value::Composite<()> =
				event.decode_fields_unchecked_as()?;
			let fields =
				Value { value: subxt::ext::scale_value::ValueDef::Composite(fields), context: () };
			list.push((event.pallet_name().to_string(), event.event_name().to_string(), fields));
		}
		Ok(list)
	}

	/// `synod_job(id)`.
	pub async fn job(&self, id: u64) -> Result<Option<JobView>> {
		self.rpc("synod_job", rpc_params![id]).await
	}

	/// The ids of jobs in `status` (`committing`, `verifying`, `revealing`, ...), every page
	/// of them: the node answers at most [`JOBS_PAGE`] ids a call.
	pub async fn jobs_by_status(&self, status: &str) -> Result<Vec<u64>> {
		let mut all: Vec<u64> = Vec::new();
		let mut from = 0u64;
		loop {
			let page: Vec<u64> =
				self.rpc("synod_jobsByStatus", rpc_params![status, from, JOBS_PAGE]).await?;
			let full = page.len() as u32 >= JOBS_PAGE;
			let Some(last) = page.last().copied() else { break };
			all.extend(page);
			if !full {
				break;
			}
			from = last.saturating_add(1);
		}
		Ok(all)
	}

	/// The jobs this hotkey is assigned to.
	pub async fn assignments(&self) -> Result<Vec<u64>> {
		self.rpc("synod_minerAssignments", rpc_params![self.account().to_string()]).await
	}

	/// The jobs whose verification committee this hotkey sits on.
	pub async fn committee_seats(&self) -> Result<Vec<u64>> {
		self.rpc("synod_committeeAssignments", rpc_params![self.account().to_string()]).await
	}

	/// A raw commitment in the jobs pallet's double map `item` (`ResultCommits`,
	/// `VerificationCommits`) under `(job, hotkey)`, for the fault-injection roles that copy.
	#[cfg(feature = "fault-injection")]
	pub async fn commitment_of(
		&self,
		item: &str,
		job: u64,
		hotkey: &str,
	) -> Result<Option<[u8; 32]>> {
		let account: AccountId32 = hotkey.parse().map_err(|e| anyhow!("{hotkey}: {e:?}"))?;
		let address = dynamic::storage::<(u64, [u8; 32]), [u8; 32]>("Jobs", item);
		let at = self.api.at_current_block().await?;
		match at.storage().try_fetch(address, (job, account.0)).await? {
			Some(value) => Ok(Some(value.decode()?)),
			None => Ok(None),
		}
	}

	/// The plan of spot-checked job `job` (`Jobs.CheckPlans`): its places, ascending, and
	/// whether the opened traces differ. `None` until the chain has drawn it.
	pub async fn check_plan(&self, job: u64) -> Result<Option<(Vec<u32>, bool)>> {
		let address = dynamic::storage::<(u64,), Value>("Jobs", "CheckPlans");
		let at = self.api.at_current_block().await?;
		let Some(plan) = at.storage().try_fetch(address, (job,)).await? else { return Ok(None) };
		let plan: Value = plan.decode()?;
		let places = plan
			.at("places")
			.map(numbers)
			.ok_or_else(|| anyhow!("job {job}'s plan has no places: {plan:?}"))?
			.into_iter()
			.map(|place| place as u32)
			.collect();
		let dispute = plan.at("dispute").and_then(|d| d.as_bool()).unwrap_or(false);
		Ok(Some((places, dispute)))
	}

	/// The leaves miner `hotkey` opened for job `job` (`Jobs.TraceLeaves`), hex.
	pub async fn trace_leaves(&self, job: u64, hotkey: &str) -> Result<Option<Vec<String>>> {
		let account: AccountId32 = hotkey.parse().map_err(|e| anyhow!("{hotkey}: {e:?}"))?;
		let address = dynamic::storage::<(u64, [u8; 32]), Vec<[u8; 32]>>("Jobs", "TraceLeaves");
		let at = self.api.at_current_block().await?;
		match at.storage().try_fetch(address, (job, account.0)).await? {
			Some(leaves) => Ok(Some(leaves.decode()?.iter().map(synod_ml::hash::to_hex).collect())),
			None => Ok(None),
		}
	}

	/// The spot-check report `hotkey` revealed for `job` (`Jobs.SpotCheckReveals`), as a
	/// call argument, for the fault-injection member that replays it.
	#[cfg(feature = "fault-injection")]
	pub async fn spot_check_reveal(&self, job: u64, hotkey: &str) -> Result<Option<Value>> {
		let account: AccountId32 = hotkey.parse().map_err(|e| anyhow!("{hotkey}: {e:?}"))?;
		let address = dynamic::storage::<(u64, [u8; 32]), Value>("Jobs", "SpotCheckReveals");
		let at = self.api.at_current_block().await?;
		match at.storage().try_fetch(address, (job, account.0)).await? {
			Some(report) => Ok(Some(report.decode()?)),
			None => Ok(None),
		}
	}

	/// What `coldkey` has spent of its privacy in `experiment` (`Colearn.PrivacyAccounts`):
	/// the Rényi divergence at each of `synod_privacy::ORDERS`, raw `I64F64` bits, as the
	/// chain adds to them. `None` before its first proposal there.
	pub async fn privacy_account(
		&self,
		experiment: u32,
		coldkey: &str,
	) -> Result<Option<[i128; synod_privacy::ORDER_COUNT]>> {
		use subxt::ext::scale_value::{Primitive, ValueDef};
		let account: AccountId32 = coldkey.parse().map_err(|e| anyhow!("{coldkey}: {e:?}"))?;
		let address = dynamic::storage::<(u32, [u8; 32]), Value>("Colearn", "PrivacyAccounts");
		let at = self.api.at_current_block().await?;
		let Some(stored) = at.storage().try_fetch(address, (experiment, account.0)).await? else {
			return Ok(None);
		};
		let stored: Value = stored.decode()?;
		let sums: Vec<i128> = match stored.at("rdp").map(|rdp| &rdp.value) {
			Some(ValueDef::Composite(sums)) => sums
				.values()
				.map(|sum| match &sum.value {
					ValueDef::Primitive(Primitive::I128(bits)) => Ok(*bits),
					ValueDef::Primitive(Primitive::U128(bits)) => Ok(*bits as i128),
					other => Err(anyhow!("a privacy sum that is no number: {other:?}")),
				})
				.collect::<Result<_>>()?,
			_ => bail!("coldkey {coldkey}'s privacy account has no sums: {stored:?}"),
		};
		let sums = sums
			.try_into()
			.map_err(|sums: Vec<i128>| anyhow!("{} privacy sums, not one per order", sums.len()))?;
		Ok(Some(sums))
	}

	/// The jobs pallet's `MinWindow`: the blocks a spot-checked job's traces open in.
	pub async fn min_window(&self) -> Result<u64> {
		let at = self.api.at_current_block().await?;
		let window = at.constants().entry(dynamic::constant::<u32>("Jobs", "MinWindow"))?;
		Ok(window.into())
	}

	/// `synod_metagraph(netuid)`.
	pub async fn metagraph(&self, netuid: u16) -> Result<Json> {
		self.rpc("synod_metagraph", rpc_params![netuid]).await
	}

	/// `synod_subnet(netuid)`: the subnet's hyperparameters and state.
	pub async fn subnet(&self, netuid: u16) -> Result<Json> {
		self.rpc("synod_subnet", rpc_params![netuid]).await
	}
}

/// The unsigned numbers in `value`, in order, through every composite around them (a
/// `BoundedVec` is a composite around its sequence).
fn numbers(value: &Value) -> Vec<u128> {
	use subxt::ext::scale_value::{Primitive, ValueDef};
	match &value.value {
		ValueDef::Primitive(Primitive::U128(number)) => vec![*number],
		ValueDef::Composite(composite) => composite.values().flat_map(numbers).collect(),
		_ => Vec::new(),
	}
}

/// A `RuntimeCall`-free field list helper: bytes as a SCALE byte sequence.
pub fn bytes(b: impl AsRef<[u8]>) -> Value {
	Value::from_bytes(b.as_ref())
}

/// 32 bytes from the operating system's generator, for salts.
pub fn random_salt() -> [u8; 32] {
	let mut salt = [0u8; 32];
	getrandom::getrandom(&mut salt).expect("the OS generator works");
	salt
}

// -------------------------------------------------------------------------------------------
// The `synod_job` view, as far as the worker reads it.

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JobView {
	pub id: u64,
	pub status: String,
	pub job: Option<JobDetails>,
	pub outcome: Option<OutcomeView>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JobDetails {
	pub netuid: u16,
	pub spec: SpecView,
	pub deadlines: Deadlines,
	pub miners: Vec<MinerEntry>,
	/// The verification committee, one seat per entry.
	pub committee: Vec<SeatEntry>,
	/// The subnet's job policy when the job was posted.
	#[serde(default)]
	pub policy: PolicyView,
}

impl JobDetails {
	/// The trace layout of the job if it is spot-checked (a training job under a policy
	/// with spot checks), as the chain computes it from the spec.
	pub fn spot_check_layout(&self) -> Option<synod_trace::TrainingLayout> {
		if self.policy.spot_checks == 0 || self.spec.kind.as_str() != Some("train") {
			return None;
		}
		let settings =
			synod_cost::Settings::decode(&self.spec.hyperparameter_bytes().ok()?).ok()?;
		synod_trace::TrainingLayout::new(settings.epochs, self.spec.shape.rows, settings.batch_size)
	}

	/// The last block in which its miners open their traces, the pallet's `open_by`.
	pub fn open_by(&self, min_window: u64) -> u64 {
		self.deadlines.commit_by + min_window
	}
}

/// The part of a job's policy the worker reads.
#[derive(Clone, Copy, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PolicyView {
	#[serde(default)]
	pub spot_checks: u8,
}

#[derive(Clone, Debug, Deserialize, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SpecView {
	pub kind: Json,
	pub architecture: String,
	pub architecture_version: u32,
	pub inputs: Vec<ArtifactRef>,
	pub hyperparameters: String,
	pub seed: u64,
	/// The inputs' declared shape, which the chain priced the job by.
	pub shape: ShapeView,
}

/// A job's declared input shape (`InputShape` on chain).
#[derive(Clone, Copy, Debug, Default, Deserialize, serde::Serialize, PartialEq, Eq)]
pub struct ShapeView {
	pub rows: u32,
	pub features: u32,
	pub outputs: u32,
}

impl From<ShapeView> for synod_cost::Shape {
	fn from(shape: ShapeView) -> Self {
		synod_cost::Shape { rows: shape.rows, features: shape.features, outputs: shape.outputs }
	}
}

#[derive(Clone, Debug, Deserialize, serde::Serialize)]
pub struct ArtifactRef {
	pub hash: String,
	pub uri: String,
}

#[derive(Clone, Copy, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Deadlines {
	/// Miners commit by then.
	pub commit_by: u64,
	/// The committee commits by then; nothing is revealed before it passes.
	pub verify_by: u64,
	/// Everyone reveals by then.
	pub reveal_by: u64,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MinerEntry {
	pub hotkey: String,
	pub committed: bool,
	pub revealed: bool,
	pub result_hash: Option<String>,
	/// Where it serves its result (for a spot-checked job, its trace's base URL).
	pub uri: Option<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SeatEntry {
	pub validator: String,
	pub committed: bool,
	pub result_hash: Option<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OutcomeView {
	pub result_hash: Option<String>,
	/// The refusal the committee reproduced, when that was the truth (`"inputMismatch"`).
	#[serde(default)]
	pub refused: Option<Json>,
	pub uri: Option<String>,
	pub by_committee: bool,
	pub statistics: Option<Vec<Json>>,
	pub penalties: Vec<Json>,
}

impl SpecView {
	/// The spec's hyperparameter bytes.
	pub fn hyperparameter_bytes(&self) -> Result<Vec<u8>> {
		hex::decode(self.hyperparameters.trim_start_matches("0x"))
			.map_err(|e| anyhow!("hyperparameters {:?} are not hex: {e}", self.hyperparameters))
	}

	/// What one computation of the job takes, by the chain's cost model; `None` for
	/// statistics or a spec without a cost (which the chain would not have taken).
	pub fn cost(&self) -> Option<synod_cost::Cost> {
		let work = match self.kind.as_str()? {
			"train" => synod_cost::Work::Train,
			"infer" => synod_cost::Work::Infer,
			_ => return None,
		};
		let settings = self.hyperparameter_bytes().ok()?;
		synod_cost::job_cost(
			self.architecture.as_bytes(),
			self.architecture_version,
			&settings,
			work,
			self.shape.into(),
		)
		.ok()
	}

	/// The statistics column count, for federated statistics jobs.
	pub fn statistics_columns(&self) -> Option<u16> {
		self.kind.get("federatedStatistics")?.get("columns")?.as_u64().map(|c| c as u16)
	}
}
