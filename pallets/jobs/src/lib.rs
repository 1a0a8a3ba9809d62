//! # Jobs pallet
//!
//! Jobs are what dApps pay Synod's miners for: a requester posts a [`JobSpec`] on a subnet
//! with a bounty, the bounty is held in escrow, miners compute the result off-chain, a drawn
//! committee of validators reproduces it without seeing theirs, and only work that two thirds
//! of the committee reproduced is paid; whoever lied or went silent loses stake, which is
//! burnt (`docs/security.md` says which attack each rule stops).
//!
//! ## Model
//! - A job's bounty is a `fungible` hold on the requester ([`HoldReason::Escrow`]); the
//!   escrow is released only by settlement, cancellation or expiry. [`Escrowed`] is the sum
//!   of the bounties of the jobs in storage, and `try_state` checks that it is what is held.
//!   Settlement pays out, burns or refunds exactly the bounty: **a requester never gets back
//!   more than it posted**, and slashed stake never goes to it, so nobody profits from
//!   provoking a slash.
//! - A job keeps the [`JobPolicy`] its subnet had when it was posted: the share of jobs
//!   verified, the committee's size, and the slashes for a wrong result and for silence.
//! - **Phases**, delimited by the job's [`JobDeadlines`]: assignment (from two blocks after
//!   posting, by `assign_by`); the miners commit (by `commit_by`); the committee commits to its
//!   own reproduction (by `verify_by`); everyone reveals (after `verify_by`, by `reveal_by`);
//!   settlement (block `reveal_by + 1`). Each party gets at least [`Config::MinWindow`]
//!   blocks to act, so that deadlines cannot be set to make honest parties miss them. No miner's result is public before every committee
//!   commitment is in, so validators cannot copy miners, and miners cannot copy each other.
//! - **Commitments bind who and what**: BLAKE2-256 of the SCALE encoding of
//!   `(tag, job, signer, payload, salt)`, the tags in `synod_primitives::job`
//!   ([`Pallet::result_commitment`], [`Pallet::verification_commitment`],
//!   [`Pallet::moments_commitment`]). A commitment copied from another account, job or kind
//!   never opens.
//! - **Draws** use [`Config::Randomness`] only when the value it returns became known after
//!   the drawn-for thing was fixed: the miners and committee of a job after its posting
//!   block, the verification sample after its commit deadline (`assignment.rs`).
//! - **Miners** are drawn by incentive among the subnet's staked neurons, never a hotkey of
//!   the requester's coldkey, at most one per coldkey, each carrying at most
//!   [`Config::MaxJobsPerMiner`] jobs of which at most [`Config::MaxJobsPerMinerPerRequester`]
//!   from one requester (`assignment.rs`).
//! - **Committee**: `committee_size` seats drawn by stake among the permit holders, excluding
//!   the job's miners, the coldkeys behind them and the requester's hotkeys; one seat is one
//!   vote (`committee.rs`). Miners and committee members hold a stake lock until settlement:
//!   they may start unbonding but not withdraw, so their stake stays slashable.
//! - **Settlement** (`settlement.rs`): the truth is a result revealed by two thirds of the
//!   committee's seats; without it the job is disputed and refunded. Only on subnets that
//!   verify a share of jobs does a job not drawn stand on its miners' unanimous result. A
//!   miner may reveal a refusal (its inputs do not match the spec, or exceed the subnet's
//!   limits); a refusal the committee reproduces is not penalised.
//! - **Priced by its cost** (`pricing.rs`): the spec declares its inputs' shape, and the
//!   cost model (`synod-cost`) gives from it and the settings the megaflops and peak memory
//!   of one computation; a job over the subnet's `max_megaflops` or `max_memory_mib`, or
//!   paying less than [`Config::MinBountyPerGigaflop`] per gigaflop of each miner's and
//!   committee seat's computation, is refused at posting. Workers refuse inputs that are
//!   not the declared shape, so the price is the price of what they run.
//! - **Spot checks** (`trace.rs`, `spot_check.rs`, `docs/verification.md`): on a subnet
//!   whose policy has `spot_checks > 0`, a training job's digest is the Merkle root of a
//!   checkpointed trace (`synod-trace`). Its miners open their traces (every leaf, checked
//!   against the root) in the `MinWindow` blocks after the commit deadline; the block after,
//!   the chain fixes the plan: the drawn segments, the initial state and the output, and,
//!   when the traces differ, the leaves where they first part. The committee re-executes
//!   only those places, and is paid the verification fee in proportion to the steps it
//!   re-executed.
//! - **Federated statistics** (`statistics.rs`): providers commit to their per-column
//!   moments, then reveal them; moments that no data can give are refused and penalised.
//! - Every vector is bounded: the spec by its types, a requester's jobs in flight by
//!   [`Config::MaxJobsPerRequester`], replicas by [`Config::MaxReplicas`], committees by
//!   `MAX_COMMITTEE_SIZE`; the hook's expiries, draws, settlements and pruning by per-block
//!   indexes, and each subnet's assignment queue by [`Config::MaxJobsAwaitingAssignment`].
//! - **The hook is metered** (`meter.rs`, `queue.rs`): it spends at most
//!   [`Config::MaxHookWeight`] whatever is queued; settlements and assignment tries that do
//!   not fit wait for the next block in order. A waiting job holds
//!   [`Config::QueueDeposit`], and its subnet's queue is tried only when eligibility can have
//!   changed (a posting, a job freeing its miners, or once per
//!   [`Config::AssignmentRetryPeriod`]). A posting to a full queue evicts and refunds the
//!   oldest job once it has waited [`Config::AssignmentPatience`] blocks.
//! - The runtime API (`pallet-jobs-runtime-api`, served as `synod_job`,
//!   `synod_jobsByRequester`, `synod_jobsByStatus`, `synod_minerAssignments`,
//!   `synod_committeeAssignments`) reads jobs through the views in `queries.rs`.
//!
//! ## Calls
//! - [`post_job`](Pallet::post_job) / [`cancel_job`](Pallet::cancel_job): a requester posts a
//!   job into escrow, or withdraws it before it is assigned.
//! - [`commit_result`](Pallet::commit_result) / [`reveal_result`](Pallet::reveal_result): an
//!   assigned miner commits to its result, then reveals it and where it is served.
//! - [`commit_verification`](Pallet::commit_verification) /
//!   [`reveal_verification`](Pallet::reveal_verification): a committee member commits to its
//!   reproduction, then reveals it.
//! - [`open_trace`](Pallet::open_trace) /
//!   [`reveal_spot_check`](Pallet::reveal_spot_check): a miner of a spot-checked job opens
//!   its trace after the commit deadline; a committee member reveals what it reached at the
//!   plan's places.
//! - [`commit_statistics`](Pallet::commit_statistics) /
//!   [`reveal_statistics`](Pallet::reveal_statistics): a statistics provider commits to its
//!   moments, then reveals them.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

mod assignment;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod committee;
#[cfg(any(feature = "try-runtime", test))]
mod invariants;
mod lifecycle;
mod meter;
#[cfg(test)]
mod mock;
mod pricing;
mod queries;
mod queue;
mod results;
mod sampling;
mod settlement;
mod spot_check;
mod statistics;
#[cfg(test)]
mod tests;
mod trace;
mod types;
mod verification;
pub mod weights;

pub use pallet::*;
pub use pallet_jobs_runtime_api::{JobStatus, JobView};
pub use queries::JobViewOf;
pub use synod_primitives::{
	job::{
		Artifact, ColumnMoments, ColumnSummary, InputShape, JobId, JobKind, JobResult, JobSpec,
		JobSpecError, MomentsDefect, RefusalReason,
	},
	subnet::JobPolicy,
	NetUid,
};
pub use types::*;
pub use weights::WeightInfo;

/// What the runtime provides so that benchmarks can build subnets, neurons and permits.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Creates a subnet with `neurons` registered neurons, each staked at least the subnet's
	/// minimum and each under a coldkey of its own; returns its netuid and their hotkeys.
	fn subnet_with_neurons(neurons: u32) -> (NetUid, alloc::vec::Vec<AccountId>);
	/// Registers (and stakes) one more neuron on `netuid`; `index` makes its keys unique.
	fn register_neuron(netuid: NetUid, index: u32) -> AccountId;
	/// Gives `hotkey` a validator permit on `netuid`.
	fn grant_permit(netuid: NetUid, hotkey: &AccountId);
	/// Sets the job policy of `netuid`, a subnet that [`Self::subnet_with_neurons`] made.
	fn set_job_policy(netuid: NetUid, policy: JobPolicy);
	/// Makes [`Config::Randomness`] yield a value in the blocks that follow, as blocks with a
	/// VRF pre-digest would: benchmarks execute no block headers. Nothing by default, for
	/// sources that need no digest.
	fn provide_randomness() {}
}

/// The balance type of the pallet's currency.
pub type BalanceOf<T> = <<T as Config>::Currency as frame_support::traits::fungible::Inspect<
	<T as frame_system::Config>::AccountId,
>>::Balance;

/// The stake lock that miners and committee members hold until their job settles.
pub const STAKE_LOCK: synod_primitives::stake::StakeLockId = *b"jobs    ";

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, InspectHold, Mutate, MutateHold},
			Randomness,
		},
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::{
		traits::{Saturating, Zero},
		Perbill,
	};
	use synod_primitives::{
		stake::{StakeInfo, StakeLock, StakeSlash},
		subnet::{HotkeyOwnership, NeuronIncentive, SubnetRegistry, ValidatorPermits},
	};

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The currency bounties are held in.
		type Currency: Inspect<Self::AccountId>
			+ InspectHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The runtime's hold reasons, which include this pallet's.
		type RuntimeHoldReason: From<HoldReason>;

		/// Subnets and their neurons.
		type Subnets: SubnetRegistry<Self::AccountId, BalanceOf<Self>, BlockNumberFor<Self>>;

		/// The stake behind each hotkey, for eligibility and the committee draw.
		type Stake: StakeInfo<Self::AccountId, BalanceOf<Self>>;

		/// Keeps the stake of a job's miners and committee slashable until it settles.
		type StakeLock: StakeLock<Self::AccountId>;

		/// Each neuron's incentive in its subnet's last epoch, to favour proven miners.
		type Incentives: NeuronIncentive;

		/// Which neurons hold a validator permit, and so may sit on committees.
		type Permits: ValidatorPermits;

		/// The coldkey behind each hotkey, which payouts go to and exclusions look at.
		type Hotkeys: HotkeyOwnership<Self::AccountId>;

		/// Takes penalties out of stake (and burns them).
		type Slash: StakeSlash<Self::AccountId, BalanceOf<Self>>;

		/// The share of a settled bounty that is burnt.
		#[pallet::constant]
		type ProtocolFee: Get<Perbill>;

		/// The share of a settled bounty paid to the committee seats that reproduced the truth.
		#[pallet::constant]
		type VerificationFee: Get<Perbill>;

		/// How long a settled job's outcome stays readable on chain; events keep the record.
		#[pallet::constant]
		type OutcomeRetention: Get<BlockNumberFor<Self>>;

		/// The seed of each draw, with the block since which its value could be known
		/// (`None` while the chain has none yet). A draw waits until that block is after the
		/// drawn-for thing was fixed.
		type Randomness: Randomness<Option<Self::Hash>, BlockNumberFor<Self>>;

		/// The smallest bounty a job may carry.
		#[pallet::constant]
		type MinBounty: Get<BalanceOf<Self>>;

		/// The least a job pays per gigaflop (by the cost model) of each computation of it:
		/// each miner's and each committee seat's. A job that costs more than it pays is
		/// refused, so that nobody buys a day of every miner's CPU for the minimum bounty.
		#[pallet::constant]
		type MinBountyPerGigaflop: Get<BalanceOf<Self>>;

		/// The most miners a job may ask for; at most 16 (the statistics aggregate's bound).
		#[pallet::constant]
		type MaxReplicas: Get<u32>;

		/// The most jobs a miner works on at once.
		#[pallet::constant]
		type MaxJobsPerMiner: Get<u32>;

		/// The most jobs of one requester a miner works on at once, so that a requester
		/// cannot fill every honest miner's slots with cheap jobs.
		#[pallet::constant]
		type MaxJobsPerMinerPerRequester: Get<u32>;

		/// The most jobs waiting for miners at once on one subnet; bounds one subnet's
		/// assignment pass.
		#[pallet::constant]
		type MaxJobsAwaitingAssignment: Get<u32>;

		/// Held from a requester for each of its jobs while the job waits for miners, and
		/// released when it leaves the queue (assigned, cancelled or expired): what occupying
		/// a queue slot costs in capital.
		#[pallet::constant]
		type QueueDeposit: Get<BalanceOf<Self>>;

		/// How many blocks a subnet's queue waits before it is tried again when nothing
		/// this pallet sees has changed (registrations, stake and epochs change eligibility
		/// elsewhere). A posting or a job leaving the subnet's miners retries it sooner.
		#[pallet::constant]
		type AssignmentRetryPeriod: Get<BlockNumberFor<Self>>;

		/// How long the oldest job of a full queue may hold its place: a posting to a full
		/// queue evicts (and refunds) the oldest job once it has waited this many blocks, so
		/// that jobs nobody can serve do not close a subnet to new ones until they expire.
		#[pallet::constant]
		type AssignmentPatience: Get<BlockNumberFor<Self>>;

		/// The most weight the block hook spends: the per-block indexes (expiries, draws,
		/// pruning) first, then settlements, then assignment tries; what does not fit
		/// waits for the next block, in order.
		#[pallet::constant]
		type MaxHookWeight: Get<Weight>;

		/// The most settlements that may wait for a later block's hook.
		#[pallet::constant]
		type MaxSettlementBacklog: Get<u32>;

		/// The most jobs a requester may have in flight.
		#[pallet::constant]
		type MaxJobsPerRequester: Get<u32>;

		/// The most blocks between posting a job and its last deadline.
		#[pallet::constant]
		type MaxJobDuration: Get<BlockNumberFor<Self>>;

		/// The fewest blocks each party gets to act in: the miners between their draw and
		/// `commit_by`, the committee between its draw and `verify_by`, everyone between
		/// `verify_by` and `reveal_by`. Windows too short for an honest worker would turn
		/// its silence, and its liveness slash, into a requester's tool.
		#[pallet::constant]
		type MinWindow: Get<BlockNumberFor<Self>>;

		/// The most jobs whose assignment deadline, sample draw or settlement falls in one
		/// block; bounds the hook work of a block.
		#[pallet::constant]
		type MaxExpiriesPerBlock: Get<u32>;

		/// Weights of this pallet's calls and hooks.
		type WeightInfo: WeightInfo;

		/// Builds benchmark state in the runtime's other pallets.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A job's bounty, until the job settles or is refunded.
		Escrow,
		/// [`Config::QueueDeposit`], while the job waits for miners.
		QueueDeposit,
	}

	/// The id the next job gets.
	#[pallet::storage]
	pub type NextJobId<T: Config> = StorageValue<_, JobId, ValueQuery>;

	/// The record of each job in flight, by id.
	#[pallet::storage]
	pub type JobRecords<T: Config> = StorageMap<_, Twox64Concat, JobId, JobOf<T>>;

	/// The jobs in flight of each requester.
	#[pallet::storage]
	pub type RequesterJobs<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Twox64Concat, JobId, ()>;

	/// How many jobs each requester has in flight.
	#[pallet::storage]
	pub type RequesterJobCount<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// The jobs whose assignment deadline is each block.
	#[pallet::storage]
	pub type AssignmentExpiries<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<JobId, T::MaxExpiriesPerBlock>,
		ValueQuery,
	>;

	/// The jobs that settle in each block (the block after their reveal deadline).
	#[pallet::storage]
	pub type SettlementDue<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<JobId, T::MaxExpiriesPerBlock>,
		ValueQuery,
	>;

	/// Each subnet's posted jobs waiting for enough eligible miners (and committee
	/// candidates), oldest first; no entry for a subnet with none.
	#[pallet::storage]
	pub type AwaitingAssignment<T: Config> = StorageMap<
		_,
		Twox64Concat,
		NetUid,
		BoundedVec<JobId, T::MaxJobsAwaitingAssignment>,
		ValueQuery,
	>;

	/// The block from which each subnet's queue is tried again; an entry exactly for the
	/// subnets with a queue.
	#[pallet::storage]
	pub type AssignmentRetryAt<T: Config> = StorageMap<_, Twox64Concat, NetUid, BlockNumberFor<T>>;

	/// Where the last hook ran out of weight: the subnet and the position in its queue the
	/// next block's assignment pass starts from.
	#[pallet::storage]
	pub type AssignmentCursor<T: Config> = StorageValue<_, (NetUid, u32)>;

	/// The queue deposit held for each waiting job; an entry exactly for the queued jobs.
	#[pallet::storage]
	pub type QueueDeposits<T: Config> = StorageMap<_, Twox64Concat, JobId, BalanceOf<T>>;

	/// Settlements that were due but did not fit in their block's hook weight, oldest first;
	/// settled before the block's own.
	#[pallet::storage]
	pub type SettlementBacklog<T: Config> =
		StorageValue<_, BoundedVec<JobId, T::MaxSettlementBacklog>, ValueQuery>;

	/// The miners drawn for each assigned job.
	#[pallet::storage]
	pub type Assignments<T: Config> = StorageMap<_, Twox64Concat, JobId, MinersOf<T>>;

	/// How many jobs each miner hotkey is assigned to now.
	#[pallet::storage]
	pub type MinerLoad<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// How many of each requester's jobs each miner hotkey is assigned to now.
	#[pallet::storage]
	pub type MinerRequesterLoad<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		u32,
		ValueQuery,
	>;

	/// The open assignments of each miner hotkey.
	#[pallet::storage]
	pub type MinerJobs<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Twox64Concat, JobId, ()>;

	/// Each miner's commitment to its result, per job.
	#[pallet::storage]
	pub type ResultCommits<T: Config> =
		StorageDoubleMap<_, Twox64Concat, JobId, Blake2_128Concat, T::AccountId, T::Hash>;

	/// Each miner's revealed result, per job.
	#[pallet::storage]
	pub type ResultReveals<T: Config> =
		StorageDoubleMap<_, Twox64Concat, JobId, Blake2_128Concat, T::AccountId, ResultReveal>;

	/// The verification committee of each job drawn for verification, in draw order.
	#[pallet::storage]
	pub type Committees<T: Config> = StorageMap<_, Twox64Concat, JobId, CommitteeOf<T>>;

	/// The unsettled jobs whose committee each hotkey sits on.
	#[pallet::storage]
	pub type CommitteeJobs<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Twox64Concat, JobId, ()>;

	/// Each committee member's commitment to the result it reproduced, per job.
	#[pallet::storage]
	pub type VerificationCommits<T: Config> =
		StorageDoubleMap<_, Twox64Concat, JobId, Blake2_128Concat, T::AccountId, T::Hash>;

	/// Each committee member's revealed reproduction, per job.
	#[pallet::storage]
	pub type VerificationReveals<T: Config> =
		StorageDoubleMap<_, Twox64Concat, JobId, Blake2_128Concat, T::AccountId, JobResult>;

	/// The outcome of each settled job, until it is pruned.
	#[pallet::storage]
	pub type Outcomes<T: Config> = StorageMap<_, Twox64Concat, JobId, JobOutcome<T>>;

	/// The jobs whose verification is drawn in each block (the block after their commit
	/// deadline): those whose subnet verifies a share of jobs strictly between 0% and 100%.
	#[pallet::storage]
	pub type SamplingDue<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<JobId, T::MaxExpiriesPerBlock>,
		ValueQuery,
	>;

	/// The settled jobs whose outcome (or statistics) is pruned in each block.
	#[pallet::storage]
	pub type PruneAt<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<JobId, T::MaxExpiriesPerBlock>,
		ValueQuery,
	>;

	/// Each provider's commitment to its moments, per statistics job.
	#[pallet::storage]
	pub type StatisticsCommits<T: Config> =
		StorageDoubleMap<_, Twox64Concat, JobId, Blake2_128Concat, T::AccountId, T::Hash>;

	/// Each provider's revealed moments (or their refusal), per statistics job.
	#[pallet::storage]
	pub type StatisticsSubmissions<T: Config> =
		StorageDoubleMap<_, Twox64Concat, JobId, Blake2_128Concat, T::AccountId, MomentsReveal>;

	/// The result of each settled statistics job: mean, variance and deviation per column.
	#[pallet::storage]
	pub type Statistics<T: Config> = StorageMap<_, Twox64Concat, JobId, SummaryOf>;

	/// Each miner's opened trace, per spot-checked job: the leaves whose Merkle root its
	/// revealed digest is (`S + 2` of them, by the job's layout).
	#[pallet::storage]
	pub type TraceLeaves<T: Config> =
		StorageDoubleMap<_, Twox64Concat, JobId, Blake2_128Concat, T::AccountId, TraceLeavesOf>;

	/// What each spot-checked job's committee re-executes; set in the block after the
	/// openings close, when at least one miner opened its trace.
	#[pallet::storage]
	pub type CheckPlans<T: Config> = StorageMap<_, Twox64Concat, JobId, CheckPlan>;

	/// The spot-checked jobs whose plan is fixed in each block (the block after their
	/// openings close).
	#[pallet::storage]
	pub type CheckDrawDue<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<JobId, T::MaxExpiriesPerBlock>,
		ValueQuery,
	>;

	/// Each committee member's revealed spot-check report, per spot-checked job.
	#[pallet::storage]
	pub type SpotCheckReveals<T: Config> =
		StorageDoubleMap<_, Twox64Concat, JobId, Blake2_128Concat, T::AccountId, SpotCheck>;

	/// The sum of the bounties of the jobs in flight: what this pallet holds in escrow.
	#[pallet::storage]
	pub type Escrowed<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `requester` posted job `job` on `netuid`, holding `bounty` in escrow.
		JobPosted { job: JobId, netuid: NetUid, requester: T::AccountId, bounty: BalanceOf<T> },
		/// The requester withdrew `job`; `refund` was released.
		JobCancelled { job: JobId, refund: BalanceOf<T> },
		/// `job` waited `AssignmentPatience` blocks at the head of a full queue and made
		/// room for a new posting; `refund` (its whole bounty) was released.
		JobEvicted { job: JobId, refund: BalanceOf<T> },
		/// Nobody took `job` by its assignment deadline; `refund` was released.
		JobExpired { job: JobId, refund: BalanceOf<T> },
		/// `miners` were drawn for `job`.
		JobAssigned { job: JobId, miners: alloc::vec::Vec<T::AccountId> },
		/// The draw decided whether a committee re-executes `job` (`sampled`).
		VerificationDrawn { job: JobId, sampled: bool },
		/// `members` were drawn as the committee of `job`, one seat each.
		CommitteeDrawn { job: JobId, members: alloc::vec::Vec<T::AccountId> },
		/// `miner` committed to its result of `job`.
		ResultCommitted { job: JobId, miner: T::AccountId },
		/// `miner` revealed `result` as its result of `job`.
		ResultRevealed { job: JobId, miner: T::AccountId, result: JobResult },
		/// `miner` opened its trace of spot-checked `job`, whose Merkle root `root` is its
		/// result digest.
		TraceOpened { job: JobId, miner: T::AccountId, root: [u8; 32] },
		/// The committee of spot-checked `job` re-executes `places` of the trace: the drawn
		/// segments, the initial state and the output and, when the opened traces differ
		/// (`dispute`), where they first part.
		ChecksDrawn { job: JobId, places: alloc::vec::Vec<u32>, dispute: bool },
		/// Committee member `validator` revealed its spot-check report of `job`.
		SpotCheckRevealed { job: JobId, validator: T::AccountId },
		/// Committee member `validator` committed to its reproduction of `job`.
		VerificationCommitted { job: JobId, validator: T::AccountId },
		/// Committee member `validator` revealed `result` as its reproduction of `job`.
		VerificationRevealed { job: JobId, validator: T::AccountId, result: JobResult },
		/// `job` settled on `result`: `to_miners` and `to_validators` paid, `burnt` as the
		/// protocol fee, `refunded` back to the requester.
		JobSettled {
			job: JobId,
			result: JobResult,
			to_miners: BalanceOf<T>,
			to_validators: BalanceOf<T>,
			burnt: BalanceOf<T>,
			refunded: BalanceOf<T>,
		},
		/// No result reached two thirds of `job`'s committee (or its miners disagreed on a
		/// job not drawn for verification): `refund` went back to the requester.
		JobRefunded { job: JobId, refund: BalanceOf<T> },
		/// `provider` committed to its moments for statistics job `job`.
		StatisticsCommitted { job: JobId, provider: T::AccountId },
		/// `provider` revealed moments for statistics job `job` that enter its aggregate.
		StatisticsSubmitted { job: JobId, provider: T::AccountId },
		/// `provider` revealed moments for `job` that no data gives (`defect` in `column`):
		/// they are left out and penalised as a wrong result.
		MomentsRefused { job: JobId, provider: T::AccountId, column: u16, defect: MomentsDefect },
		/// Statistics job `job` settled: its summary is in `Statistics`; `to_providers` paid,
		/// `burnt` as the protocol fee, `refunded` back to the requester.
		StatisticsSettled {
			job: JobId,
			to_providers: BalanceOf<T>,
			burnt: BalanceOf<T>,
			refunded: BalanceOf<T>,
		},
		/// `hotkey` (a miner, provider or committee member of `job`) lost `slashed` of its
		/// stake for `reason`; the slash was burnt.
		Penalised {
			job: JobId,
			hotkey: T::AccountId,
			slashed: BalanceOf<T>,
			reason: synod_primitives::stake::SlashReason,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No subnet has this netuid.
		UnknownSubnet,
		/// The spec is malformed: `reason` says how.
		InvalidSpec { reason: JobSpecError },
		/// The bounty is below `MinBounty`.
		BountyTooSmall,
		/// The job takes more floating-point operations (by the cost model) than the
		/// subnet's `maxMegaflops`.
		OverComputeLimit,
		/// The job needs more memory (by the cost model) than the subnet's `maxMemoryMib`.
		OverMemoryLimit,
		/// The bounty is below the job's price: `MinBountyPerGigaflop` per gigaflop of each
		/// miner's and committee seat's computation (`synod-worker post` prints it).
		BountyBelowCost,
		/// Replicas must be between 1 and `MaxReplicas`.
		BadReplicas,
		/// The deadlines are unusable: `reason` says how.
		BadDeadlines { reason: DeadlineError },
		/// The requester already has `MaxJobsPerRequester` jobs in flight.
		TooManyJobs,
		/// `MaxExpiriesPerBlock` jobs already expire at this `assign_by`, are drawn after this
		/// `commit_by`, or settle after this `reveal_by`; pick other blocks.
		ExpiryBlockFull,
		/// The requester cannot hold the bounty (free balance, keeping the account alive).
		InsufficientFunds,
		/// No job in flight has this id.
		UnknownJob,
		/// Only the job's requester may do this.
		NotRequester,
		/// The job was assigned already; it runs to settlement.
		NotCancellable,
		/// `MaxJobsAwaitingAssignment` jobs wait for miners on this subnet already, the
		/// oldest for less than `AssignmentPatience` blocks; try again later.
		AssignmentQueueFull,
		/// The requester cannot hold the queue deposit besides the bounty.
		InsufficientDeposit,
		/// The job is not in the phase this call belongs to.
		WrongPhase,
		/// The caller is not one of the job's miners (or providers).
		NotAssigned,
		/// The caller does not sit on the job's committee.
		NotOnCommittee,
		/// The commit deadline (the miners' or the committee's) has passed.
		CommitClosed,
		/// The caller committed already.
		AlreadyCommitted,
		/// The caller did not commit, so it has nothing to reveal.
		NotCommitted,
		/// Reveals open after the committee's commit deadline (`verify_by`).
		RevealNotOpen,
		/// The reveal deadline has passed.
		RevealClosed,
		/// The caller revealed already.
		AlreadyRevealed,
		/// The revealed payload and salt, with the job and the caller, do not hash to the
		/// caller's commitment.
		CommitmentMismatch,
		/// A result digest needs an `http(s)://` URI of printable ASCII; a refusal none.
		BadResultUri,
		/// Results are for training and inference jobs, moments for statistics jobs.
		WrongJobKind,
		/// The moments must cover exactly the job's columns.
		WrongColumnCount,
		/// The job is spot-checked: its miners open a digest with `open_trace`, its
		/// committee reveals with `reveal_spot_check` (a refusal is revealed as for any job).
		SpotChecked,
		/// The job is verified whole, not spot-checked: it has no trace to open or check.
		NotSpotChecked,
		/// Traces open after the miners' commit deadline.
		OpenNotYet,
		/// Traces open within `MinWindow` blocks of the commit deadline; that window passed.
		OpenClosed,
		/// The job's layout has `expected` leaves (its segments and two); `got` were given.
		WrongLeafCount { expected: u8, got: u8 },
		/// No miner opened a trace, so the committee has no places to report on.
		NoChecksDrawn,
		/// The plan has `expected` places; the report gives `got` values.
		WrongCheckCount { expected: u8, got: u8 },
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Self::run_hook(now)
		}

		fn integrity_test() {
			assert!(T::MaxReplicas::get() <= 16, "MaxReplicas above the penalties' bound");
			assert!(
				Self::indexes_weight().all_lte(T::MaxHookWeight::get()),
				"the per-block indexes alone exceed MaxHookWeight"
			);
			assert!(
				T::MaxJobsPerMinerPerRequester::get() <= T::MaxJobsPerMiner::get(),
				"a requester's share of a miner exceeds the miner's cap"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Posts a job on `netuid`: `replicas` miners will compute `spec`, paid from `bounty`,
		/// which is held from the caller until the job settles or is refunded.
		#[pallet::call_index(0)]
		// A posting to a full queue may evict its oldest job, which costs what a cancellation
		// does.
		#[pallet::weight(T::WeightInfo::post_job().saturating_add(T::WeightInfo::cancel_job()))]
		pub fn post_job(
			origin: OriginFor<T>,
			netuid: NetUid,
			spec: alloc::boxed::Box<JobSpec>,
			bounty: BalanceOf<T>,
			replicas: u8,
			deadlines: DeadlinesOf<T>,
		) -> DispatchResult {
			let requester = ensure_signed(origin)?;
			Self::do_post_job(requester, netuid, *spec, bounty, replicas, deadlines)
		}

		/// Withdraws a job that no miner was assigned yet, releasing its whole bounty.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::cancel_job())]
		pub fn cancel_job(origin: OriginFor<T>, job: JobId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let record = JobRecords::<T>::get(job).ok_or(Error::<T>::UnknownJob)?;
			ensure!(record.requester == who, Error::<T>::NotRequester);
			ensure!(record.state == JobState::Posted, Error::<T>::NotCancellable);
			let refund = Self::withdraw(job, &record);
			Self::deposit_event(Event::JobCancelled { job, refund });
			Ok(())
		}

		/// Commits the signing miner to its result of `job` before the commit deadline:
		/// `commitment` is [`Pallet::result_commitment`] of the job, the miner, its result
		/// and a secret salt.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::commit_result())]
		pub fn commit_result(
			origin: OriginFor<T>,
			job: JobId,
			commitment: T::Hash,
		) -> DispatchResult {
			let miner = ensure_signed(origin)?;
			Self::do_commit_result(miner, job, commitment)
		}

		/// Reveals the signing miner's result of `job` (and where to fetch a digest's
		/// artifact), after the committee's commit deadline; it must open the commitment.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::reveal_result())]
		pub fn reveal_result(
			origin: OriginFor<T>,
			job: JobId,
			result: JobResult,
			salt: [u8; 32],
			uri: ResultUri,
		) -> DispatchResult {
			let miner = ensure_signed(origin)?;
			Self::do_reveal_result(miner, job, result, salt, uri)
		}

		/// Commits the signing committee member to the result it reproduced for `job`, by
		/// the committee's commit deadline: [`Pallet::verification_commitment`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::commit_verification())]
		pub fn commit_verification(
			origin: OriginFor<T>,
			job: JobId,
			commitment: T::Hash,
		) -> DispatchResult {
			let validator = ensure_signed(origin)?;
			Self::do_commit_verification(validator, job, commitment)
		}

		/// Reveals the signing committee member's reproduction of `job`, after the
		/// committee's commit deadline and by the reveal deadline.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::reveal_verification())]
		pub fn reveal_verification(
			origin: OriginFor<T>,
			job: JobId,
			result: JobResult,
			salt: [u8; 32],
		) -> DispatchResult {
			let validator = ensure_signed(origin)?;
			Self::do_reveal_verification(validator, job, result, salt)
		}

		/// Reveals the signing provider's per-column moments for statistics job `job`, after
		/// the committee's commit deadline and by the reveal deadline; they must open its
		/// commitment. Moments that no data gives are recorded as refused (and penalised at
		/// settlement) rather than failing the call.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::reveal_statistics())]
		pub fn reveal_statistics(
			origin: OriginFor<T>,
			job: JobId,
			moments: MomentsOf,
			salt: [u8; 32],
		) -> DispatchResult {
			let provider = ensure_signed(origin)?;
			Self::do_reveal_statistics(provider, job, moments, salt)
		}

		/// Commits the signing provider to its moments for statistics job `job`, by the
		/// commit deadline: [`Pallet::moments_commitment`].
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::commit_statistics())]
		pub fn commit_statistics(
			origin: OriginFor<T>,
			job: JobId,
			commitment: T::Hash,
		) -> DispatchResult {
			let provider = ensure_signed(origin)?;
			Self::do_commit_statistics(provider, job, commitment)
		}

		/// Opens the signing miner's trace of spot-checked `job`, in the `MinWindow` blocks
		/// after the commit deadline: `leaves` (checkpoints `0..=S`, then the output) must
		/// have the Merkle root whose digest its commitment bound, and `uri` is where its
		/// checkpoints and model are served.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::open_trace())]
		pub fn open_trace(
			origin: OriginFor<T>,
			job: JobId,
			leaves: TraceLeavesOf,
			salt: [u8; 32],
			uri: ResultUri,
		) -> DispatchResult {
			let miner = ensure_signed(origin)?;
			Self::do_open_trace(miner, job, leaves, salt, uri)
		}

		/// Reveals the signing committee member's spot-check report of `job`, after the
		/// committee's commit deadline and by the reveal deadline; it must open the
		/// member's [`Pallet::spot_check_commitment`].
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::reveal_spot_check())]
		pub fn reveal_spot_check(
			origin: OriginFor<T>,
			job: JobId,
			report: SpotCheck,
			salt: [u8; 32],
		) -> DispatchResult {
			let validator = ensure_signed(origin)?;
			Self::do_reveal_spot_check(validator, job, report, salt)
		}
	}

	impl<T: Config> Pallet<T> {
		pub(crate) fn do_post_job(
			requester: T::AccountId,
			netuid: NetUid,
			spec: JobSpec,
			bounty: BalanceOf<T>,
			replicas: u8,
			deadlines: DeadlinesOf<T>,
		) -> DispatchResult {
			let policy = T::Subnets::hyperparameters(netuid).ok_or(Error::<T>::UnknownSubnet)?.jobs;
			spec.validate().map_err(|reason| Error::<T>::InvalidSpec { reason })?;
			ensure!(bounty >= T::MinBounty::get(), Error::<T>::BountyTooSmall);
			ensure!(
				(1..=T::MaxReplicas::get()).contains(&(replicas as u32)),
				Error::<T>::BadReplicas
			);
			Self::check_cost(&spec, &policy, bounty, replicas)?;
			let now = frame_system::Pallet::<T>::block_number();
			let spot_checked = Self::layout_under(&spec, &policy).is_some();
			Self::check_deadlines(now, &deadlines, spot_checked)
				.map_err(|reason| Error::<T>::BadDeadlines { reason })?;
			let in_flight = RequesterJobCount::<T>::get(&requester);
			ensure!(in_flight < T::MaxJobsPerRequester::get(), Error::<T>::TooManyJobs);
			let job = NextJobId::<T>::get();
			AssignmentExpiries::<T>::try_mutate(deadlines.assign_by, |expiring| {
				expiring.try_push(job).map_err(|_| Error::<T>::ExpiryBlockFull)
			})?;
			SettlementDue::<T>::try_mutate(Self::settlement_block(&deadlines), |due| {
				due.try_push(job).map_err(|_| Error::<T>::ExpiryBlockFull)
			})?;
			let sampled = Self::sampled_at_posting(&spec, &policy);
			if sampled.is_none() {
				SamplingDue::<T>::try_mutate(Self::sampling_block(&deadlines), |due| {
					due.try_push(job).map_err(|_| Error::<T>::ExpiryBlockFull)
				})?;
			}
			if spot_checked {
				CheckDrawDue::<T>::try_mutate(Self::check_draw_block(&deadlines), |due| {
					due.try_push(job).map_err(|_| Error::<T>::ExpiryBlockFull)
				})?;
			}
			Self::make_room(netuid, now)?;
			AwaitingAssignment::<T>::try_mutate(netuid, |waiting| {
				waiting.try_push(job).map_err(|_| Error::<T>::AssignmentQueueFull)
			})?;
			T::Currency::hold(&HoldReason::Escrow.into(), &requester, bounty)
				.map_err(|_| Error::<T>::InsufficientFunds)?;
			let deposit = T::QueueDeposit::get();
			if !deposit.is_zero() {
				T::Currency::hold(&HoldReason::QueueDeposit.into(), &requester, deposit)
					.map_err(|_| Error::<T>::InsufficientDeposit)?;
				QueueDeposits::<T>::insert(job, deposit);
			}
			// The draw's randomness is fresh two blocks after posting.
			Self::retry_queue_from(netuid, now.saturating_add(2u32.into()));
			NextJobId::<T>::put(job.saturating_add(1));
			Escrowed::<T>::mutate(|total| *total = total.saturating_add(bounty));
			RequesterJobs::<T>::insert(&requester, job, ());
			RequesterJobCount::<T>::insert(&requester, in_flight + 1);
			JobRecords::<T>::insert(
				job,
				Job {
					requester: requester.clone(),
					netuid,
					spec,
					bounty,
					replicas,
					deadlines,
					posted_at: now,
					state: JobState::Posted,
					policy,
					sampled,
					committee_drawn_at: None,
				},
			);
			Self::deposit_event(Event::JobPosted { job, netuid, requester, bounty });
			Ok(())
		}

		/// Deadlines strictly increasing, the first at least two blocks away (the draw needs
		/// randomness revealed after this block), each party's window at least `MinWindow`
		/// blocks, the last within `MaxJobDuration`.
		fn check_deadlines(
			now: BlockNumberFor<T>,
			deadlines: &DeadlinesOf<T>,
			spot_checked: bool,
		) -> Result<(), DeadlineError> {
			let earliest_assignment = now.saturating_add(2u32.into());
			if deadlines.assign_by < earliest_assignment {
				return Err(DeadlineError::AssignTooSoon);
			}
			if !(deadlines.assign_by < deadlines.commit_by
				&& deadlines.commit_by < deadlines.verify_by
				&& deadlines.verify_by < deadlines.reveal_by)
			{
				return Err(DeadlineError::NotIncreasing);
			}
			let window = T::MinWindow::get();
			if deadlines.commit_by < earliest_assignment.saturating_add(window) {
				return Err(DeadlineError::CommitWindowTooShort);
			}
			// A spot-checked job's committee starts once the plan is fixed, after the openings.
			let latest_committee = match spot_checked {
				true => Self::check_draw_block(deadlines).max(Self::sampling_block(deadlines)),
				false => Self::sampling_block(deadlines),
			};
			if deadlines.verify_by < latest_committee.saturating_add(window) {
				return Err(DeadlineError::VerifyWindowTooShort);
			}
			if deadlines.reveal_by < deadlines.verify_by.saturating_add(window) {
				return Err(DeadlineError::RevealWindowTooShort);
			}
			if deadlines.reveal_by > now.saturating_add(T::MaxJobDuration::get()) {
				return Err(DeadlineError::TooLong);
			}
			Ok(())
		}
	}
}

/// Lowers a stored count by one, removing it at zero.
fn decrement(count: &mut Option<u32>) {
	*count = count.and_then(|c| c.checked_sub(1)).filter(|c| *c > 0);
}
