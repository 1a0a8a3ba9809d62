//! # Jobs pallet
//!
//! Jobs are what dApps pay Synod's miners for: a requester posts a [`JobSpec`] on a subnet
//! with a bounty, the bounty is held in escrow, miners compute the result off-chain,
//! validators reproduce it, and only work that the validators' majority reproduced is paid;
//! whoever lied is slashed (`shared/design.md`, "Jobs: escrow, execution, verification").
//!
//! ## Model
//! - A job's bounty is a `fungible` hold on the requester ([`HoldReason::Escrow`]); the
//!   escrow is released only by settlement, cancellation or expiry. [`Escrowed`] is the sum
//!   of the bounties of the jobs in storage, and `try_state` checks that it is what is held.
//! - A job carries absolute deadlines, strictly increasing and within
//!   [`Config::MaxJobDuration`] of posting: `assign_by`, `commit_by`, `reveal_by`,
//!   `verify_by`. A job still unassigned at `assign_by` is refunded in full in that block's
//!   `on_initialize`, from a per-block expiry index bounded by
//!   [`Config::MaxExpiriesPerBlock`].
//! - A job keeps the [`JobPolicy`] its subnet had when it was posted (a subnet
//!   hyperparameter): the share of jobs verified, whether unanimous miners stand without a
//!   validator quorum, and the slashes for a wrong result and for silence.
//! - **Assignment**: in the block after posting, and each block after while too few are
//!   eligible, `replicas` miners are drawn among the subnet's neurons that have its minimum
//!   stake and fewer than [`Config::MaxJobsPerMiner`] jobs (only those without a validator
//!   permit while there are enough of them), weighted toward their incentive in the last
//!   epoch, from [`Config::Randomness`] (see `assignment.rs` for its limits).
//! - **Verification**: every job, or under a partial rate a share drawn after the miners'
//!   commits close (`sampling.rs`), is re-executed by permitted validators, who commit and
//!   reveal their result hashes (`verification.rs`).
//! - **Settlement** in the block after `verify_by`, bounded per block (`settlement.rs`): the
//!   truth by stake-weighted validator majority (or the miners' unanimity), fees, payouts,
//!   slashes to the requester, refunds; what happened stays in [`Outcomes`] for
//!   [`Config::OutcomeRetention`] blocks, and events keep the record for good.
//! - **Federated statistics** jobs aggregate providers' per-column moments into mean,
//!   variance and deviation without any row on chain (`statistics.rs`).
//! - Every vector is bounded: the spec by its types, a requester's jobs in flight by
//!   [`Config::MaxJobsPerRequester`], replicas by [`Config::MaxReplicas`], verifiers by
//!   [`Config::MaxVerifiersPerJob`].
//! - The runtime API (`pallet-jobs-runtime-api`, served as `synod_job`,
//!   `synod_jobsByRequester`, `synod_jobsByStatus`, `synod_minerAssignments`) reads jobs
//!   through the views in `queries.rs`.
//!
//! ## Calls
//! - [`post_job`](Pallet::post_job): a requester posts a job and its bounty goes into escrow.
//! - [`cancel_job`](Pallet::cancel_job): the requester withdraws a job before it is assigned,
//!   with a full refund.
//! - [`commit_result`](Pallet::commit_result): an assigned miner commits to its result hash.
//! - [`reveal_result`](Pallet::reveal_result): it reveals the hash, its salt and the result's
//!   URI, once every miner committed or the commit deadline passed.
//! - [`commit_verification`](Pallet::commit_verification): a validator with a permit commits
//!   to the result it reproduced of a job drawn for verification, by the miners' reveal
//!   deadline.
//! - [`reveal_verification`](Pallet::reveal_verification): it reveals that result after the
//!   miners' reveal deadline, by the verification deadline.
//! - [`submit_statistics`](Pallet::submit_statistics): a provider of a federated statistics
//!   job submits its per-column count, sum and sum of squares.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

mod assignment;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
mod queries;
mod results;
mod sampling;
mod settlement;
mod statistics;
#[cfg(test)]
mod tests;
mod verification;
pub mod weights;

pub use pallet::*;
pub use pallet_jobs_runtime_api::{JobStatus, JobView};
pub use queries::JobViewOf;
pub use synod_primitives::{
	job::{Artifact, ColumnMoments, ColumnSummary, JobId, JobKind, JobSpec, JobSpecError},
	subnet::JobPolicy,
	NetUid,
};
pub use weights::WeightInfo;

/// What the runtime provides so that benchmarks can build subnets, neurons and permits.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Creates a subnet with `neurons` registered neurons, each staked at least the subnet's
	/// minimum; returns its netuid and their hotkeys.
	fn subnet_with_neurons(neurons: u32) -> (NetUid, alloc::vec::Vec<AccountId>);
	/// Registers (and stakes) one more neuron on `netuid`; `index` makes its keys unique.
	fn register_neuron(netuid: NetUid, index: u32) -> AccountId;
	/// Gives `hotkey` a validator permit on `netuid`.
	fn grant_permit(netuid: NetUid, hotkey: &AccountId);
	/// Sets the job policy of `netuid`, a subnet that [`Self::subnet_with_neurons`] made.
	fn set_job_policy(netuid: NetUid, policy: JobPolicy);
}

/// The balance type of the pallet's currency.
pub type BalanceOf<T> = <<T as Config>::Currency as frame_support::traits::fungible::Inspect<
	<T as frame_system::Config>::AccountId,
>>::Balance;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::traits::Randomness;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, InspectHold, Mutate, MutateHold},
			tokens::Precision,
		},
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::{
		traits::{One, Saturating, Zero},
		Perbill,
	};
	use synod_primitives::{
		stake::{StakeInfo, StakeSlash},
		subnet::{HotkeyOwnership, JobPolicy, NeuronIncentive, SubnetRegistry, ValidatorPermits},
	};

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

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

		/// The stake behind each hotkey, for eligibility.
		type Stake: StakeInfo<Self::AccountId, BalanceOf<Self>>;

		/// Each neuron's incentive in its subnet's last epoch, to favour proven miners.
		type Incentives: NeuronIncentive;

		/// Which neurons hold a validator permit, and so may verify.
		type Permits: ValidatorPermits;

		/// The coldkey behind each hotkey, which payouts go to.
		type Hotkeys: HotkeyOwnership<Self::AccountId>;

		/// Takes the penalties of miners out of their stake.
		type Slash: StakeSlash<Self::AccountId, BalanceOf<Self>>;

		/// The share of a settled bounty that is burnt.
		#[pallet::constant]
		type ProtocolFee: Get<Perbill>;

		/// The share of a settled bounty paid to the validators that reproduced the truth.
		#[pallet::constant]
		type VerificationFee: Get<Perbill>;

		/// How many validators must reveal for their majority to be the truth.
		#[pallet::constant]
		type MinVerifiers: Get<u32>;

		/// How long a settled job's outcome stays readable on chain; events keep the record.
		#[pallet::constant]
		type OutcomeRetention: Get<BlockNumberFor<Self>>;

		/// The seed of each assignment and verification draw.
		type Randomness: Randomness<Self::Hash, BlockNumberFor<Self>>;

		/// The smallest bounty a job may carry.
		#[pallet::constant]
		type MinBounty: Get<BalanceOf<Self>>;

		/// The most miners a job may ask for.
		#[pallet::constant]
		type MaxReplicas: Get<u32>;

		/// The most jobs a miner works on at once.
		#[pallet::constant]
		type MaxJobsPerMiner: Get<u32>;

		/// The most jobs waiting for miners at once; bounds the assignment work of a block.
		#[pallet::constant]
		type MaxJobsAwaitingAssignment: Get<u32>;

		/// The most validators that verify one job; bounds its settlement.
		#[pallet::constant]
		type MaxVerifiersPerJob: Get<u32>;

		/// The most jobs a requester may have in flight.
		#[pallet::constant]
		type MaxJobsPerRequester: Get<u32>;

		/// The most blocks between posting a job and its last deadline.
		#[pallet::constant]
		type MaxJobDuration: Get<BlockNumberFor<Self>>;

		/// The most jobs whose assignment deadline falls in one block; bounds the expiry work
		/// of a block.
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
	}

	/// A job's deadlines, as absolute block numbers.
	#[derive(
		Clone,
		Copy,
		PartialEq,
		Eq,
		Debug,
		Encode,
		Decode,
		DecodeWithMemTracking,
		MaxEncodedLen,
		TypeInfo,
	)]
	pub struct JobDeadlines<BlockNumber> {
		/// Unassigned by then, the job is refunded.
		pub assign_by: BlockNumber,
		/// Assigned miners commit their result hashes before then.
		pub commit_by: BlockNumber,
		/// Miners reveal before then.
		pub reveal_by: BlockNumber,
		/// Validators verify before then.
		pub verify_by: BlockNumber,
	}

	/// Where a job is in its life.
	#[derive(
		Clone,
		Copy,
		PartialEq,
		Eq,
		Debug,
		Encode,
		Decode,
		DecodeWithMemTracking,
		MaxEncodedLen,
		TypeInfo,
	)]
	pub enum JobState {
		/// Posted, waiting for miners.
		Posted,
		/// Its miners are drawn; they compute and commit.
		Assigned,
	}

	/// A job as stored.
	#[derive(
		Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
	)]
	pub struct Job<AccountId, Balance, BlockNumber> {
		pub requester: AccountId,
		pub netuid: NetUid,
		pub spec: JobSpec,
		/// What the requester holds in escrow for it.
		pub bounty: Balance,
		/// How many miners compute it.
		pub replicas: u8,
		pub deadlines: JobDeadlines<BlockNumber>,
		pub posted_at: BlockNumber,
		pub state: JobState,
		/// The subnet's job policy when the job was posted; the job keeps it.
		pub policy: JobPolicy,
		/// Whether validators re-execute the job: decided at posting when the policy's rate
		/// is 0% or 100%, else drawn in the block after the miners' commit deadline.
		pub sampled: Option<bool>,
	}

	pub(crate) type JobOf<T> =
		Job<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;
	pub(crate) type DeadlinesOf<T> = JobDeadlines<BlockNumberFor<T>>;
	/// Where a miner serves its result.
	pub type ResultUri = BoundedVec<u8, ConstU32<{ synod_primitives::job::MAX_URI_LEN }>>;

	/// A miner's revealed result.
	#[derive(
		Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
	)]
	pub struct ResultReveal {
		/// BLAKE2-256 of the result's bytes.
		pub result_hash: [u8; 32],
		/// Where the result can be fetched.
		pub uri: ResultUri,
	}

	/// The result a settled job established.
	#[derive(
		Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
	)]
	pub struct Truth {
		/// The verified result's hash.
		pub result_hash: [u8; 32],
		/// Where a miner that delivered it serves it (empty if the truth came from validators
		/// alone and no miner matched).
		pub uri: ResultUri,
		/// Whether a validator quorum established it (else the miners' unanimity did).
		pub by_validators: bool,
	}

	/// What an account received or lost in a settlement.
	pub type Payouts<T, Bound> =
		BoundedVec<(<T as frame_system::Config>::AccountId, BalanceOf<T>), Bound>;

	/// How a job ended in settlement, kept for `OutcomeRetention` blocks.
	#[derive(
		CloneNoBound,
		PartialEqNoBound,
		EqNoBound,
		DebugNoBound,
		Encode,
		Decode,
		MaxEncodedLen,
		TypeInfo,
	)]
	#[scale_info(skip_type_params(T))]
	#[codec(mel_bound())]
	pub struct JobOutcome<T: Config> {
		pub requester: T::AccountId,
		pub netuid: NetUid,
		/// What was held in escrow: the payouts, the burn and the refund add up to it.
		pub bounty: BalanceOf<T>,
		/// The established result; `None` for a statistics job (its summary is in
		/// [`Statistics`]) or a job refunded for want of a truth.
		pub truth: Option<Truth>,
		/// What each paid miner (or provider) hotkey's owner received.
		pub miner_payouts: Payouts<T, T::MaxReplicas>,
		/// What each validator that reproduced the truth received.
		pub validator_payouts: Payouts<T, T::MaxVerifiersPerJob>,
		/// What each penalised miner lost from its stake, to the requester.
		pub penalties: Payouts<T, T::MaxReplicas>,
		/// The protocol fee burnt.
		pub burnt: BalanceOf<T>,
		/// What went back to the requester.
		pub refunded: BalanceOf<T>,
		pub settled_at: BlockNumberFor<T>,
	}

	/// One provider's moments, one per column.
	pub type MomentsOf =
		BoundedVec<ColumnMoments, ConstU32<{ synod_primitives::job::MAX_COLUMNS }>>;
	/// A statistics job's result, one summary per column.
	pub type SummaryOf =
		BoundedVec<ColumnSummary, ConstU32<{ synod_primitives::job::MAX_COLUMNS }>>;

	pub(crate) type MinersOf<T> =
		BoundedVec<<T as frame_system::Config>::AccountId, <T as Config>::MaxReplicas>;

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

	/// The jobs that settle in each block (the block after their verification deadline).
	#[pallet::storage]
	pub type SettlementDue<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<JobId, T::MaxExpiriesPerBlock>,
		ValueQuery,
	>;

	/// Posted jobs waiting for enough eligible miners, oldest first.
	#[pallet::storage]
	pub type AwaitingAssignment<T: Config> =
		StorageValue<_, BoundedVec<JobId, T::MaxJobsAwaitingAssignment>, ValueQuery>;

	/// The miners drawn for each assigned job.
	#[pallet::storage]
	pub type Assignments<T: Config> = StorageMap<_, Twox64Concat, JobId, MinersOf<T>>;

	/// How many jobs each miner hotkey is assigned to now.
	#[pallet::storage]
	pub type MinerLoad<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// Each miner's commitment to its result, per job.
	#[pallet::storage]
	pub type ResultCommits<T: Config> =
		StorageDoubleMap<_, Twox64Concat, JobId, Blake2_128Concat, T::AccountId, T::Hash>;

	/// Each miner's revealed result, per job.
	#[pallet::storage]
	pub type ResultReveals<T: Config> =
		StorageDoubleMap<_, Twox64Concat, JobId, Blake2_128Concat, T::AccountId, ResultReveal>;

	/// Each validator's commitment to the result it reproduced, per job.
	#[pallet::storage]
	pub type VerificationCommits<T: Config> =
		StorageDoubleMap<_, Twox64Concat, JobId, Blake2_128Concat, T::AccountId, T::Hash>;

	/// Each validator's revealed result hash, per job.
	#[pallet::storage]
	pub type VerificationReveals<T: Config> =
		StorageDoubleMap<_, Twox64Concat, JobId, Blake2_128Concat, T::AccountId, [u8; 32]>;

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

	/// The open assignments of each miner hotkey.
	#[pallet::storage]
	pub type MinerJobs<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Twox64Concat, JobId, ()>;

	/// The settled jobs whose outcome (or statistics) is pruned in each block.
	#[pallet::storage]
	pub type PruneAt<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<JobId, T::MaxExpiriesPerBlock>,
		ValueQuery,
	>;

	/// Each provider's moments, per statistics job.
	#[pallet::storage]
	pub type StatisticsSubmissions<T: Config> =
		StorageDoubleMap<_, Twox64Concat, JobId, Blake2_128Concat, T::AccountId, MomentsOf>;

	/// The result of each settled statistics job: mean, variance and deviation per column.
	#[pallet::storage]
	pub type Statistics<T: Config> = StorageMap<_, Twox64Concat, JobId, SummaryOf>;

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
		/// Nobody took `job` by its assignment deadline; `refund` was released.
		JobExpired { job: JobId, refund: BalanceOf<T> },
		/// `miners` were drawn for `job`.
		JobAssigned { job: JobId, miners: alloc::vec::Vec<T::AccountId> },
		/// The draw decided whether validators re-execute `job` (`sampled`).
		VerificationDrawn { job: JobId, sampled: bool },
		/// `miner` committed to its result of `job`.
		ResultCommitted { job: JobId, miner: T::AccountId },
		/// `miner` revealed `result_hash` as its result of `job`.
		ResultRevealed { job: JobId, miner: T::AccountId, result_hash: [u8; 32] },
		/// `validator` committed to its reproduction of `job`.
		VerificationCommitted { job: JobId, validator: T::AccountId },
		/// `validator` revealed `result_hash` as its reproduction of `job`.
		VerificationRevealed { job: JobId, validator: T::AccountId, result_hash: [u8; 32] },
		/// `job` settled on `result_hash`: `to_miners` and `to_validators` paid, `burnt` as the
		/// protocol fee, `refunded` back to the requester.
		JobSettled {
			job: JobId,
			result_hash: [u8; 32],
			to_miners: BalanceOf<T>,
			to_validators: BalanceOf<T>,
			burnt: BalanceOf<T>,
			refunded: BalanceOf<T>,
		},
		/// No truth could be established for `job`; `refund` went back to the requester.
		JobRefunded { job: JobId, refund: BalanceOf<T> },
		/// `provider` submitted its moments for statistics job `job`.
		StatisticsSubmitted { job: JobId, provider: T::AccountId },
		/// Statistics job `job` settled: its summary is in `Statistics`; `to_providers` paid,
		/// `burnt` as the protocol fee, `refunded` back to the requester.
		StatisticsSettled {
			job: JobId,
			to_providers: BalanceOf<T>,
			burnt: BalanceOf<T>,
			refunded: BalanceOf<T>,
		},
		/// `miner` lost `slashed` of its stake to the requester of `job`.
		MinerPenalised { job: JobId, miner: T::AccountId, slashed: BalanceOf<T> },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No subnet has this netuid.
		UnknownSubnet,
		/// The spec is malformed: `reason` says how.
		InvalidSpec { reason: JobSpecError },
		/// The bounty is below `MinBounty`.
		BountyTooSmall,
		/// Replicas must be between 1 and `MaxReplicas`.
		BadReplicas,
		/// Deadlines must be in the future, strictly increasing, within `MaxJobDuration`.
		BadDeadlines,
		/// The requester already has `MaxJobsPerRequester` jobs in flight.
		TooManyJobs,
		/// `MaxExpiriesPerBlock` jobs already expire at this `assign_by`, or settle after this
		/// `verify_by`; pick other blocks.
		ExpiryBlockFull,
		/// The requester cannot hold the bounty (free balance, keeping the account alive).
		InsufficientFunds,
		/// No job in flight has this id.
		UnknownJob,
		/// Only the job's requester may do this.
		NotRequester,
		/// The job was assigned already; it runs to settlement.
		NotCancellable,
		/// `MaxJobsAwaitingAssignment` jobs wait for miners already; try again later.
		AssignmentQueueFull,
		/// The job is not in the phase this call belongs to.
		WrongPhase,
		/// The caller is not one of the job's miners.
		NotAssigned,
		/// The commit deadline has passed.
		CommitClosed,
		/// The caller committed already.
		AlreadyCommitted,
		/// The caller did not commit, so it has nothing to reveal.
		NotCommitted,
		/// Reveals open once every miner committed or the commit deadline passed.
		RevealNotOpen,
		/// The reveal deadline has passed.
		RevealClosed,
		/// The caller revealed already.
		AlreadyRevealed,
		/// The result hash and salt do not hash to the caller's commitment.
		CommitmentMismatch,
		/// The result URI is not an `http(s)://` URL of printable ASCII.
		BadResultUri,
		/// Only a neuron of the job's subnet holding a validator permit may verify it.
		NoPermit,
		/// `MaxVerifiersPerJob` validators verify this job already.
		TooManyVerifiers,
		/// A miner of the job cannot also verify it.
		OwnJob,
		/// The job was not drawn for verification, or not yet: its subnet verifies only a
		/// share of jobs, drawn after the miners' commit deadline.
		NotSampled,
		/// Only federated statistics jobs take moments.
		NotStatistics,
		/// The moments must cover exactly the job's columns.
		WrongColumnCount,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			let pruned = Self::prune_outcomes(now);
			let expired = Self::expire_jobs(now);
			let drawn = Self::draw_samples(now);
			let settled = Self::settle_due(now);
			let tried = Self::assign_waiting(now);
			T::WeightInfo::expire_jobs(expired)
				.saturating_add(T::WeightInfo::draw_samples(drawn))
				.saturating_add(T::WeightInfo::assign_jobs(tried))
				.saturating_add(T::WeightInfo::settle_jobs(settled))
				.saturating_add(T::WeightInfo::prune_outcomes(pruned))
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
		#[pallet::weight(T::WeightInfo::post_job())]
		pub fn post_job(
			origin: OriginFor<T>,
			netuid: NetUid,
			spec: alloc::boxed::Box<JobSpec>,
			bounty: BalanceOf<T>,
			replicas: u8,
			deadlines: DeadlinesOf<T>,
		) -> DispatchResult {
			let requester = ensure_signed(origin)?;
			let policy = T::Subnets::hyperparameters(netuid).ok_or(Error::<T>::UnknownSubnet)?.jobs;
			spec.validate().map_err(|reason| Error::<T>::InvalidSpec { reason })?;
			ensure!(bounty >= T::MinBounty::get(), Error::<T>::BountyTooSmall);
			ensure!(
				(1..=T::MaxReplicas::get()).contains(&(replicas as u32)),
				Error::<T>::BadReplicas
			);
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(
				now < deadlines.assign_by
					&& deadlines.assign_by < deadlines.commit_by
					&& deadlines.commit_by < deadlines.reveal_by
					&& deadlines.reveal_by < deadlines.verify_by
					&& deadlines.verify_by <= now.saturating_add(T::MaxJobDuration::get()),
				Error::<T>::BadDeadlines
			);
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
			AwaitingAssignment::<T>::try_mutate(|waiting| {
				waiting.try_push(job).map_err(|_| Error::<T>::AssignmentQueueFull)
			})?;
			T::Currency::hold(&HoldReason::Escrow.into(), &requester, bounty)
				.map_err(|_| Error::<T>::InsufficientFunds)?;
			NextJobId::<T>::put(job.saturating_add(1));
			Escrowed::<T>::mutate(|total| *total = total.saturating_add(bounty));
			RequesterJobs::<T>::insert(&requester, job, ());
			RequesterJobCount::<T>::insert(&requester, in_flight + 1);
			JobRecords::<T>::insert(
				job,
				Job {
					requester: requester.clone(),
					netuid,
					spec: *spec,
					bounty,
					replicas,
					deadlines,
					posted_at: now,
					state: JobState::Posted,
					policy,
					sampled,
				},
			);
			Self::deposit_event(Event::JobPosted { job, netuid, requester, bounty });
			Ok(())
		}

		/// Withdraws a job that no miner was assigned yet, releasing its whole bounty.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::cancel_job())]
		pub fn cancel_job(origin: OriginFor<T>, job: JobId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let record = JobRecords::<T>::get(job).ok_or(Error::<T>::UnknownJob)?;
			ensure!(record.requester == who, Error::<T>::NotRequester);
			ensure!(record.state == JobState::Posted, Error::<T>::NotCancellable);
			AssignmentExpiries::<T>::mutate(record.deadlines.assign_by, |expiring| {
				expiring.retain(|id| *id != job)
			});
			let refund = Self::close(job, &record);
			Self::deposit_event(Event::JobCancelled { job, refund });
			Ok(())
		}

		/// Commits the signing miner to its result of `job`:
		/// `commitment = BLAKE2-256(SCALE(result_hash, salt))`, before the commit deadline.
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

		/// Reveals the signing miner's result of `job` and where to fetch it; it must match
		/// the commitment.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::reveal_result())]
		pub fn reveal_result(
			origin: OriginFor<T>,
			job: JobId,
			result_hash: [u8; 32],
			salt: [u8; 32],
			uri: ResultUri,
		) -> DispatchResult {
			let miner = ensure_signed(origin)?;
			Self::do_reveal_result(miner, job, result_hash, salt, uri)
		}

		/// Commits the signing validator to the result it reproduced for `job`, by the
		/// miners' reveal deadline.
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

		/// Reveals the signing validator's reproduction of `job`, after the miners' reveal
		/// deadline and by the verification deadline.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::reveal_verification())]
		pub fn reveal_verification(
			origin: OriginFor<T>,
			job: JobId,
			result_hash: [u8; 32],
			salt: [u8; 32],
		) -> DispatchResult {
			let validator = ensure_signed(origin)?;
			Self::do_reveal_verification(validator, job, result_hash, salt)
		}

		/// Submits the signing provider's per-column moments for statistics job `job`, by
		/// its reveal deadline.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::submit_statistics())]
		pub fn submit_statistics(
			origin: OriginFor<T>,
			job: JobId,
			moments: MomentsOf,
		) -> DispatchResult {
			let provider = ensure_signed(origin)?;
			Self::do_submit_statistics(provider, job, moments)
		}
	}

	impl<T: Config> Pallet<T> {
		/// Releases a job's whole bounty to its requester and forgets the job; returns what
		/// was released.
		pub(crate) fn close(job: JobId, record: &JobOf<T>) -> BalanceOf<T> {
			Self::finish(job, record, record.bounty)
		}

		/// Releases `remaining` of a job's bounty (what settlement did not pay or burn) to
		/// its requester and forgets the job and every index of it; returns what was released.
		pub(crate) fn finish(
			job: JobId,
			record: &JobOf<T>,
			remaining: BalanceOf<T>,
		) -> BalanceOf<T> {
			let released = T::Currency::release(
				&HoldReason::Escrow.into(),
				&record.requester,
				remaining,
				Precision::BestEffort,
			)
			.unwrap_or_else(|_| Zero::zero());
			SettlementDue::<T>::mutate(Self::settlement_block(&record.deadlines), |due| {
				due.retain(|id| *id != job)
			});
			if record.sampled.is_none() {
				SamplingDue::<T>::mutate(Self::sampling_block(&record.deadlines), |due| {
					due.retain(|id| *id != job)
				});
			}
			Escrowed::<T>::mutate(|total| *total = total.saturating_sub(record.bounty));
			RequesterJobs::<T>::remove(&record.requester, job);
			AwaitingAssignment::<T>::mutate(|waiting| waiting.retain(|id| *id != job));
			let _ = ResultCommits::<T>::clear_prefix(job, T::MaxReplicas::get(), None);
			let _ = ResultReveals::<T>::clear_prefix(job, T::MaxReplicas::get(), None);
			let _ = VerificationCommits::<T>::clear_prefix(job, T::MaxVerifiersPerJob::get(), None);
			let _ = VerificationReveals::<T>::clear_prefix(job, T::MaxVerifiersPerJob::get(), None);
			let _ = StatisticsSubmissions::<T>::clear_prefix(job, T::MaxReplicas::get(), None);
			if let Some(miners) = Assignments::<T>::take(job) {
				for miner in miners {
					MinerLoad::<T>::mutate_exists(&miner, decrement);
					MinerJobs::<T>::remove(&miner, job);
				}
			}
			RequesterJobCount::<T>::mutate_exists(&record.requester, decrement);
			JobRecords::<T>::remove(job);
			released
		}

		/// Forgets the outcomes whose retention ends at `now`; returns how many jobs.
		pub(crate) fn prune_outcomes(now: BlockNumberFor<T>) -> u32 {
			let pruned = PruneAt::<T>::take(now);
			for job in &pruned {
				Outcomes::<T>::remove(job);
				Statistics::<T>::remove(job);
			}
			pruned.len() as u32
		}

		/// Refunds the jobs still unassigned at their assignment deadline `now`; returns how
		/// many jobs had that deadline.
		pub(crate) fn expire_jobs(now: BlockNumberFor<T>) -> u32 {
			let expiring = AssignmentExpiries::<T>::take(now);
			for job in &expiring {
				if let Some(record) = JobRecords::<T>::get(job) {
					if record.state == JobState::Posted {
						let refund = Self::close(*job, &record);
						Self::deposit_event(Event::JobExpired { job: *job, refund });
					}
				}
			}
			expiring.len() as u32
		}

		/// Settles the jobs whose verification closed before `now`; returns how many.
		pub(crate) fn settle_due(now: BlockNumberFor<T>) -> u32 {
			let settling = SettlementDue::<T>::take(now);
			for job in &settling {
				Self::settle(*job);
			}
			settling.len() as u32
		}

		/// Draws miners for the waiting jobs that enough neurons can take; returns how many
		/// jobs it tried. Jobs posted in this block wait for the next: their draw must not be
		/// known when they are posted.
		pub(crate) fn assign_waiting(now: BlockNumberFor<T>) -> u32 {
			let mut waiting = AwaitingAssignment::<T>::get();
			let tried = waiting.len() as u32;
			waiting.retain(|job| {
				let posted_now = JobRecords::<T>::get(job).is_some_and(|r| r.posted_at == now);
				posted_now || !Self::try_assign(*job)
			});
			AwaitingAssignment::<T>::put(waiting);
			tried
		}

		/// Keeps a settled job's results readable until `OutcomeRetention` blocks from now.
		pub(crate) fn retain_until_pruned(job: JobId) {
			let at = frame_system::Pallet::<T>::block_number()
				.saturating_add(T::OutcomeRetention::get());
			// Settlements per block are bounded as this index is, so the push always fits.
			PruneAt::<T>::mutate(at, |due| {
				let _ = due.try_push(job);
			});
		}

		/// The block in which a job with `deadlines` learns whether it is verified: right after
		/// the miners' commits close, so that no miner knows it when committing.
		pub(crate) fn sampling_block(deadlines: &DeadlinesOf<T>) -> BlockNumberFor<T> {
			deadlines.commit_by.saturating_add(One::one())
		}

		/// The block in which a job with `deadlines` settles: right after verification closes.
		pub(crate) fn settlement_block(deadlines: &DeadlinesOf<T>) -> BlockNumberFor<T> {
			deadlines.verify_by.saturating_add(One::one())
		}

		/// The invariants: the escrow held equals [`Escrowed`], which equals the sum of the
		/// bounties of the jobs in storage; per-requester and per-miner indexes and counts
		/// match the jobs; every job is in the indexes of its deadlines; every recorded
		/// settlement paid, burnt and refunded exactly its bounty.
		#[cfg(any(feature = "try-runtime", test))]
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			use alloc::collections::BTreeMap;
			let mut bounties = BalanceOf::<T>::zero();
			let mut per_requester: BTreeMap<T::AccountId, (u32, BalanceOf<T>)> = BTreeMap::new();
			let mut load: BTreeMap<T::AccountId, u32> = BTreeMap::new();
			for (job, record) in JobRecords::<T>::iter() {
				bounties = bounties.saturating_add(record.bounty);
				let entry = per_requester.entry(record.requester.clone()).or_default();
				entry.0 += 1;
				entry.1 = entry.1.saturating_add(record.bounty);
				ensure!(
					RequesterJobs::<T>::contains_key(&record.requester, job),
					"a job missing from its requester's index"
				);
				ensure!(
					record.sampled.is_some()
						|| SamplingDue::<T>::get(Self::sampling_block(&record.deadlines))
							.contains(&job),
					"an undrawn job missing from the sampling index"
				);
				match record.state {
					JobState::Posted => {
						ensure!(
							AssignmentExpiries::<T>::get(record.deadlines.assign_by).contains(&job),
							"a posted job missing from the expiry index"
						);
						ensure!(
							AwaitingAssignment::<T>::get().contains(&job),
							"a posted job not waiting for miners"
						);
						ensure!(
							SettlementDue::<T>::get(Self::settlement_block(&record.deadlines))
								.contains(&job),
							"a job missing from the settlement index"
						);
					},
					JobState::Assigned => {
						ensure!(
							SettlementDue::<T>::get(Self::settlement_block(&record.deadlines))
								.contains(&job),
							"a job missing from the settlement index"
						);
						let miners = Assignments::<T>::get(job).unwrap_or_default();
						ensure!(
							miners.len() == record.replicas as usize,
							"an assigned job without its replicas"
						);
						for miner in miners {
							*load.entry(miner).or_default() += 1;
						}
					},
				}
			}
			ensure!(bounties == Escrowed::<T>::get(), "Escrowed differs from the bounties");
			ensure!(
				RequesterJobs::<T>::iter_keys().count()
					== per_requester.values().map(|(n, _)| *n as usize).sum::<usize>(),
				"the requester index holds a job that does not exist"
			);
			for (requester, (count, held)) in &per_requester {
				ensure!(
					RequesterJobCount::<T>::get(requester) == *count,
					"a requester's job count is wrong"
				);
				ensure!(
					T::Currency::balance_on_hold(&HoldReason::Escrow.into(), requester) == *held,
					"a requester's escrow hold differs from its bounties"
				);
			}
			ensure!(
				RequesterJobCount::<T>::iter().count() == per_requester.len(),
				"a job count for a requester without jobs"
			);
			for (job, miner, _) in ResultCommits::<T>::iter() {
				ensure!(
					Assignments::<T>::get(job).is_some_and(|miners| miners.contains(&miner)),
					"a result commitment from a miner not assigned"
				);
			}
			for (job, validator) in VerificationReveals::<T>::iter_keys() {
				ensure!(
					VerificationCommits::<T>::contains_key(job, &validator),
					"a verification reveal without its commitment"
				);
			}
			for job in VerificationCommits::<T>::iter_keys().map(|(job, _)| job) {
				ensure!(
					(VerificationCommits::<T>::iter_prefix(job).count() as u32)
						<= T::MaxVerifiersPerJob::get(),
					"more verifiers than the bound"
				);
			}
			let scheduled: alloc::collections::BTreeSet<JobId> =
				PruneAt::<T>::iter_values().flat_map(|jobs| jobs.into_inner()).collect();
			for job in Outcomes::<T>::iter_keys().chain(Statistics::<T>::iter_keys()) {
				ensure!(scheduled.contains(&job), "a settled outcome never to be pruned");
			}
			for outcome in Outcomes::<T>::iter_values() {
				let paid =
					outcome.miner_payouts.iter().chain(outcome.validator_payouts.iter()).fold(
						outcome.burnt.saturating_add(outcome.refunded),
						|sum, (_, amount)| sum.saturating_add(*amount),
					);
				ensure!(paid == outcome.bounty, "a settlement paid out other than its bounty");
			}
			for (job, provider) in StatisticsSubmissions::<T>::iter_keys() {
				ensure!(
					Assignments::<T>::get(job).is_some_and(|miners| miners.contains(&provider)),
					"moments from a provider not assigned"
				);
			}
			for (job, miner) in ResultReveals::<T>::iter_keys() {
				ensure!(
					ResultCommits::<T>::contains_key(job, &miner),
					"a reveal without its commitment"
				);
			}
			ensure!(
				MinerLoad::<T>::iter().collect::<BTreeMap<_, _>>() == load,
				"miner loads differ from the assignments"
			);
			for (miner, job) in MinerJobs::<T>::iter_keys() {
				ensure!(
					Assignments::<T>::get(job).is_some_and(|miners| miners.contains(&miner)),
					"a miner's job index names a job it is not assigned"
				);
			}
			ensure!(
				MinerJobs::<T>::iter_keys().count() as u32 == load.values().sum::<u32>(),
				"a miner's job index misses an assignment"
			);
			ensure!(
				AwaitingAssignment::<T>::get().iter().all(|job| JobRecords::<T>::get(job)
					.is_some_and(|record| record.state == JobState::Posted)),
				"a job waits for miners that is not posted"
			);
			Ok(())
		}
	}
}

/// Lowers a stored count by one, removing it at zero.
fn decrement(count: &mut Option<u32>) {
	*count = count.and_then(|c| c.checked_sub(1)).filter(|c| *c > 0);
}
