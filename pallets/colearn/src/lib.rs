//! # Collective learning pallet
//!
//! Learners who will not share their data build one model together (after Fetch.ai's colearn,
//! `shared/design.md`, "Collective learning"): each round one learner, drawn by stake, trains
//! from the current model (the *head*) on its private data and proposes new weights; the other
//! learners score them on their private validation data and vote, by commit-reveal, weighted by
//! stake. An accepted proposal becomes the head and a new entry of the experiment's lineage, a
//! verifiable training history; the proposer and the voters are paid from a reward pool held in
//! escrow.
//!
//! ## Model
//! - An experiment's creator holds its reward pool ([`HoldReason::RewardPool`]); [`Experiment`]
//!   `pool` is what is left of it, and `try_state` checks that the holds equal the pools of open
//!   experiments.
//! - **Learners** are hotkeys with at least the experiment's minimum stake when they join and
//!   when they commit a vote, a minimum of at least [`Config::MinLearnerStake`] (above
//!   zero); they sign their own calls. A hotkey learns in
//!   (or applies to) one open experiment at a time ([`LearningIn`]), so one stake never
//!   weighs in two experiments' votes, and while it learns its stake is locked
//!   ([`Config::StakeLock`]): it may unbond, which takes it out of the vote, but not
//!   withdraw.
//! - **Privacy** ([`PrivacyBudget`], [`DpSgdParameters`]): an experiment may promise each learner
//!   an `(epsilon, delta)` budget. Each proposal then declares the DP-SGD training behind it
//!   (sampling rate, noise multiplier, steps, clipping norm); the chain adds its Rényi
//!   divergence, order by order, to the account of the proposer's coldkey in the experiment
//!   ([`PrivacyAccounts`]), converts the sums to an epsilon (`synod-privacy`), and refuses a
//!   proposal that would go past the budget. The account belongs to the coldkey and survives
//!   its hotkeys leaving and joining again; a fresh coldkey is a fresh learner. The chain
//!   accounts for what was declared: it cannot see that the noise was added. A close drops
//!   up to `MaxLearners` accounts; `on_idle` drops the rest in spare weight
//!   ([`AccountsToSweep`]).
//! - Rounds are driven by `on_initialize`, from a per-block index ([`PhaseDue`]) that holds each
//!   open experiment exactly once: a round opens with a proposer drawn by stake from
//!   [`Config::Randomness`] (never the previous round's proposer when another learner exists),
//!   then runs a proposal window, a commit window and a reveal window, each a number of blocks
//!   set by the experiment. A round without a proposal is skipped; an experiment that goes
//!   `max_skipped_rounds` rounds in a row without accepting a proposal closes.
//! - **Votes** weigh stake: the stake behind the voter's hotkey less whatever the proposer's
//!   coldkey has put behind it, and never more than that weight was at the commit, so stake
//!   added after the reveals buys nothing. Neither the proposer nor another hotkey of its
//!   coldkey votes. A learner that leaves takes its vote with it.
//! - **Tally** at the end of the reveal window: accepted when the approving weight reaches the
//!   experiment's threshold of the revealed weight, and the stake-weighted median score
//!   improvement (in the direction the experiment names) reaches its margin. Then the head
//!   moves, the lineage records the parent, the new hash, the proposer, the round, every
//!   revealed vote and score and the declared training; the proposer is paid its part of the
//!   round's reward, and the voters' part is split by weight among those that revealed an
//!   approval. Splitting a stake over many hotkeys thus buys neither more say nor more pay.
//! - **Closing**: a pool that can no longer pay a round closes the experiment; so does its
//!   creator, but only when the current round ends (its tally, or a proposal window without a
//!   proposal), so that a proposer whose model is public is paid if its round passes. A
//!   closed experiment returns what is left of its pool to its creator, releases every
//!   learner, and keeps its lineage readable.
//!
//! ## Calls
//! - [`create_experiment`](Pallet::create_experiment): anyone opens an experiment with its
//!   config, initial model and reward pool.
//! - [`join_experiment`](Pallet::join_experiment) / [`leave_experiment`](Pallet::leave_experiment):
//!   a staked hotkey joins (or applies, where the owner approves) and leaves.
//! - [`approve_learner`](Pallet::approve_learner): the creator admits an applicant.
//! - [`propose`](Pallet::propose): the round's proposer proposes new weights on the head,
//!   declaring its DP-SGD training where the experiment has a privacy budget.
//! - [`commit_vote`](Pallet::commit_vote) / [`reveal_vote`](Pallet::reveal_vote): the other
//!   learners vote. The commitment is [`Pallet::vote_commitment`]: BLAKE2-256 of the SCALE
//!   encoding of `(tag, experiment, round, voter, approve, score, salt)`, `tag` being
//!   [`VOTE_COMMITMENT_TAG`]. It names the experiment, the round and the voter because
//!   reveals are public: a commitment of `(approve, score, salt)` alone could be copied from
//!   another learner and its reveal replayed from the block, paying a voter that scored
//!   nothing.
//! - [`close_experiment`](Pallet::close_experiment): the creator ends the experiment, when its
//!   current round ends.
//!
//! The runtime API (`pallet-colearn-runtime-api`, served as `synod_experiment`,
//! `synod_openExperiments` and `synod_lineage`) reads experiments through `queries.rs`.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(any(feature = "try-runtime", test))]
mod invariants;
mod membership;
#[cfg(test)]
mod mock;
mod privacy;
mod queries;
mod rounds;
#[cfg(test)]
mod tests;
mod types;
pub mod weights;

pub use pallet::*;
pub use privacy::*;
pub use queries::ExperimentViewOf;
pub use types::*;
pub use weights::WeightInfo;

/// The balance type of the pallet's currency.
pub type BalanceOf<T> = <<T as Config>::Currency as frame_support::traits::fungible::Inspect<
	<T as frame_system::Config>::AccountId,
>>::Balance;

/// The first field of every vote commitment ([`Pallet::vote_commitment`]): it keeps these
/// preimages apart from those of any other hash on the chain (a job's result commitment, say)
/// and names the layout's version. Encoded as a fixed array: 21 bytes, no length prefix.
pub const VOTE_COMMITMENT_TAG: [u8; 21] = *b"synod/colearn/vote/v1";

/// The stake lock a learner's hotkey holds while it is in an experiment.
pub const STAKE_LOCK: synod_primitives::stake::StakeLockId = *b"colearn ";

/// What the runtime provides so that benchmarks can stake learners.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId, Balance> {
	/// Has `coldkey` own `hotkey` (registering it where the runtime needs that) and put
	/// `stake` behind it.
	fn stake(coldkey: &AccountId, hotkey: &AccountId, stake: Balance);
}

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
		traits::{Hash, Saturating, Zero},
		SaturatedConversion,
	};
	use synod_primitives::{
		stake::{StakeInfo, StakeLock},
		subnet::HotkeyOwnership,
	};

	// 2: privacy accounts per coldkey, exclusive learners, deferred closes. No chain holds
	// version 1 (the dev and local networks start from genesis), so no migration is written.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The currency reward pools are held in.
		type Currency: Inspect<Self::AccountId>
			+ InspectHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The runtime's hold reasons, which include this pallet's.
		type RuntimeHoldReason: From<HoldReason>;

		/// The stake behind each learner's hotkey: admission and vote weight.
		type Stake: StakeInfo<Self::AccountId, BalanceOf<Self>>;

		/// Keeps a learner's stake from being withdrawn while the learner is in an
		/// experiment ([`STAKE_LOCK`]).
		type StakeLock: StakeLock<Self::AccountId>;

		/// The coldkey behind each hotkey, which rewards go to.
		type Hotkeys: HotkeyOwnership<Self::AccountId>;

		/// The seed of each proposer draw.
		type Randomness: Randomness<Self::Hash, BlockNumberFor<Self>>;

		/// The smallest reward pool an experiment may open with.
		#[pallet::constant]
		type MinRewardPool: Get<BalanceOf<Self>>;

		/// The most experiments open at once; bounds the round work of a block.
		#[pallet::constant]
		type MaxOpenExperiments: Get<u32>;

		/// The most experiments one creator keeps open at once, so that one account cannot
		/// take every slot.
		#[pallet::constant]
		type MaxOpenExperimentsPerCreator: Get<u32>;

		/// Held from a creator for each open experiment besides its pool, and returned at
		/// its close: what holding a slot costs.
		#[pallet::constant]
		type CreationDeposit: Get<BalanceOf<Self>>;

		/// The least `min_stake` an experiment may ask of its learners; above zero, so that
		/// every voice in a vote has stake behind it and sybils cost what they weigh.
		#[pallet::constant]
		type MinLearnerStake: Get<BalanceOf<Self>>;

		/// The most learners one experiment admits (and applicants it keeps waiting).
		#[pallet::constant]
		type MaxLearners: Get<u32>;

		/// The longest window of a round phase, in blocks.
		#[pallet::constant]
		type MaxWindow: Get<BlockNumberFor<Self>>;

		/// Weights of this pallet's calls and hooks.
		type WeightInfo: WeightInfo;

		/// Stakes learners for benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId, BalanceOf<Self>>;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// An experiment's reward pool, until paid out or returned at its close.
		RewardPool,
		/// [`Config::CreationDeposit`], until the experiment closes.
		CreationDeposit,
	}

	pub(crate) type ExperimentOf<T> =
		Experiment<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;
	pub(crate) type ConfigOf<T> = ExperimentConfig<BalanceOf<T>, BlockNumberFor<T>>;
	pub(crate) type LearnerInfoOf<T> =
		LearnerInfo<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
	pub(crate) type LineageEntryOf<T> =
		LineageEntry<<T as frame_system::Config>::AccountId, <T as Config>::MaxLearners>;

	/// The id the next experiment gets.
	#[pallet::storage]
	pub type NextExperimentId<T: Config> = StorageValue<_, ExperimentId, ValueQuery>;

	/// Every experiment, open or closed.
	#[pallet::storage]
	pub type Experiments<T: Config> = StorageMap<_, Twox64Concat, ExperimentId, ExperimentOf<T>>;

	/// How many experiments are open.
	#[pallet::storage]
	pub type OpenExperiments<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// How many experiments each creator has open; no entry at 0.
	#[pallet::storage]
	pub type CreatorOpenExperiments<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// The creation deposit held for each open experiment.
	#[pallet::storage]
	pub type CreationDeposits<T: Config> = StorageMap<_, Twox64Concat, ExperimentId, BalanceOf<T>>;

	/// How many rounds in a row each open experiment ended without accepting a proposal
	/// (skipped or rejected); no entry at 0.
	#[pallet::storage]
	pub type SkippedRounds<T: Config> = StorageMap<_, Twox64Concat, ExperimentId, u32, ValueQuery>;

	/// Each experiment's learners, with the coldkey each joined under. Every learner's
	/// hotkey holds one [`STAKE_LOCK`] for it.
	#[pallet::storage]
	pub type Learners<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		ExperimentId,
		Blake2_128Concat,
		T::AccountId,
		LearnerInfoOf<T>,
	>;

	/// The one open experiment each hotkey learns in or applies to: a hotkey is in at most
	/// one, so the same stake never weighs in two experiments' votes at once.
	#[pallet::storage]
	pub type LearningIn<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, ExperimentId>;

	/// What each coldkey has spent of its privacy in each experiment with a budget: kept
	/// when its hotkeys leave, so that leaving and joining again (with any of its hotkeys)
	/// is no way round the budget. Only a proposal creates one, so an experiment gains at
	/// most one a round, without bound over its life; its close drops up to `MaxLearners`
	/// of them and leaves the rest to [`AccountsToSweep`].
	#[pallet::storage]
	pub type PrivacyAccounts<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		ExperimentId,
		Blake2_128Concat,
		T::AccountId,
		PrivacyAccount,
	>;

	/// Closed experiments with privacy accounts still stored (more than their close could
	/// drop), with the block they closed in: `on_idle` drops them from the next block on
	/// (a bounded clear in the closing block would count the keys the close already took),
	/// up to `MaxLearners` a block, as the block's spare weight allows, and removes the
	/// entry with the last. Only closed experiments are here.
	#[pallet::storage]
	pub type AccountsToSweep<T: Config> =
		StorageMap<_, Twox64Concat, ExperimentId, BlockNumberFor<T>>;

	/// Hotkeys waiting for the creator's approval, per experiment.
	#[pallet::storage]
	pub type Applicants<T: Config> =
		StorageDoubleMap<_, Twox64Concat, ExperimentId, Blake2_128Concat, T::AccountId, ()>;

	/// The current round's proposal, per experiment, with its proposer's coldkey.
	#[pallet::storage]
	pub type Proposals<T: Config> =
		StorageMap<_, Twox64Concat, ExperimentId, (Proposal<T::AccountId>, T::AccountId)>;

	/// The current round's vote commitments, per experiment and learner, each with the
	/// vote's weight when it was committed: the tally counts the lesser of that and the
	/// weight then, so stake added once the reveals are public buys no say.
	#[pallet::storage]
	pub type VoteCommits<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		ExperimentId,
		Blake2_128Concat,
		T::AccountId,
		(T::Hash, BalanceOf<T>),
	>;

	/// The current round's revealed votes, per experiment and learner.
	#[pallet::storage]
	pub type VoteReveals<T: Config> =
		StorageDoubleMap<_, Twox64Concat, ExperimentId, Blake2_128Concat, T::AccountId, Vote>;

	/// Each experiment's lineage by index: entry 0 is the initial model, the last is the head.
	#[pallet::storage]
	pub type Lineage<T: Config> =
		StorageDoubleMap<_, Twox64Concat, ExperimentId, Twox64Concat, u32, LineageEntryOf<T>>;

	/// The open experiments whose round phase ends before each block.
	#[pallet::storage]
	pub type PhaseDue<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<ExperimentId, T::MaxOpenExperiments>,
		ValueQuery,
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `creator` opened `experiment` with `pool` held for its rewards.
		ExperimentCreated { experiment: ExperimentId, creator: T::AccountId, pool: BalanceOf<T> },
		/// `learner` joined `experiment`.
		LearnerJoined { experiment: ExperimentId, learner: T::AccountId },
		/// `learner` applied to `experiment`, whose creator admits learners.
		LearnerApplied { experiment: ExperimentId, learner: T::AccountId },
		/// `learner` left `experiment` (or withdrew its application).
		LearnerLeft { experiment: ExperimentId, learner: T::AccountId },
		/// Round `round` of `experiment` opened; `proposer` was drawn (none without learners).
		RoundStarted { experiment: ExperimentId, round: Round, proposer: Option<T::AccountId> },
		/// The proposer of `round` proposed `weights_hash`; its coldkey has now spent
		/// `epsilon_after` millionths of epsilon in the experiment (0 without a budget).
		Proposed {
			experiment: ExperimentId,
			round: Round,
			proposer: T::AccountId,
			weights_hash: [u8; 32],
			epsilon_after: u64,
		},
		/// `learner` committed its vote in `round`.
		VoteCommitted { experiment: ExperimentId, round: Round, learner: T::AccountId },
		/// `learner` revealed its vote in `round`.
		VoteRevealed {
			experiment: ExperimentId,
			round: Round,
			learner: T::AccountId,
			approve: bool,
			score: i64,
		},
		/// Round `round` had no proposal by the end of its window.
		RoundSkipped { experiment: ExperimentId, round: Round },
		/// Round `round` was tallied: `accepted`, on `approving_stake` of `revealed_stake` (vote
		/// weights: stake less the proposer's coldkey's part, at most the weight at commit)
		/// and a stake-weighted median improvement of `median_improvement` (none without
		/// reveals).
		RoundTallied {
			experiment: ExperimentId,
			round: Round,
			accepted: bool,
			approving_stake: BalanceOf<T>,
			revealed_stake: BalanceOf<T>,
			median_improvement: Option<i64>,
		},
		/// An accepted proposal became the head, lineage entry `index`; `to_proposer` and
		/// `to_voters` were paid from the pool.
		HeadMoved {
			experiment: ExperimentId,
			index: u32,
			head: [u8; 32],
			to_proposer: BalanceOf<T>,
			to_voters: BalanceOf<T>,
		},
		/// The creator asked to close `experiment`: it closes when `round` ends.
		ExperimentClosing { experiment: ExperimentId, round: Round },
		/// `experiment` closed; `refund` of its pool went back to its creator.
		ExperimentClosed { experiment: ExperimentId, refund: BalanceOf<T> },
		/// `experiment` went `skipped` rounds in a row without accepting a proposal, its
		/// config's most, and closes.
		ExperimentStalled { experiment: ExperimentId, skipped: u32 },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The config is inconsistent: `reason` says what.
		InvalidConfig { reason: ConfigError },
		/// The reward pool is below `MinRewardPool` or cannot pay one round.
		PoolTooSmall,
		/// The creator cannot hold the reward pool.
		InsufficientFunds,
		/// `MaxOpenExperiments` experiments are open already.
		TooManyExperiments,
		/// The creator has `MaxOpenExperimentsPerCreator` experiments open already.
		TooManyExperimentsForCreator,
		/// The creator cannot hold the creation deposit besides the pool.
		InsufficientDeposit,
		/// The URI is not an `http(s)://` URL of printable ASCII.
		BadUri,
		/// No experiment has this id.
		UnknownExperiment,
		/// The experiment is closed.
		ExperimentClosed,
		/// Only the experiment's creator may do this.
		NotCreator,
		/// The hotkey's stake is below the experiment's minimum.
		StakeTooLow,
		/// The hotkey is a learner, or an applicant, already.
		AlreadyJoined,
		/// The experiment has its maximum of learners (or applicants) already.
		ExperimentFull,
		/// The hotkey is not a learner of the experiment.
		NotLearner,
		/// The hotkey did not apply to the experiment.
		NotApplicant,
		/// The round named is not the experiment's current round.
		WrongRound,
		/// The round is not in the phase this call belongs to.
		WrongPhase,
		/// Only the round's drawn proposer may propose.
		NotProposer,
		/// The round has a proposal already.
		AlreadyProposed,
		/// The proposal's parent is not the experiment's head.
		ParentNotHead,
		/// The proposal's declared training would take its proposer's coldkey past the
		/// experiment's privacy budget.
		OverBudget,
		/// The privacy declaration is wrong: `reason` says how.
		InvalidPrivacy { reason: PrivacyError },
		/// The proposer, and any hotkey of the proposer's coldkey, does not vote on its own
		/// proposal.
		ProposerCannotVote,
		/// The hotkey learns in, or applies to, another open experiment.
		LearningElsewhere,
		/// The experiment closes when its current round ends already.
		AlreadyClosing,
		/// The learner committed its vote already.
		AlreadyCommitted,
		/// The learner has no commitment to reveal.
		NotCommitted,
		/// The learner revealed its vote already.
		AlreadyRevealed,
		/// The vote, score and salt do not hash to the commitment.
		CommitmentMismatch,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			let work = Self::advance_rounds(now);
			T::WeightInfo::advance_rounds(work.transitions, work.most_votes)
				.saturating_add(Self::close_weight().saturating_mul(work.closes.into()))
		}

		/// Drops the privacy accounts of closed experiments that their close left behind:
		/// nothing depends on it, so it waits for the block's spare weight.
		fn on_idle(now: BlockNumberFor<T>, limit: Weight) -> Weight {
			Self::sweep_accounts(now, limit)
		}

		fn integrity_test() {
			assert!(!T::MinLearnerStake::get().is_zero(), "MinLearnerStake must be above zero");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Opens an experiment on `initial_model_hash` (served at `uri`), holding `reward_pool`
		/// from the caller. Its first round opens in the next block.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::create_experiment())]
		pub fn create_experiment(
			origin: OriginFor<T>,
			config: ConfigOf<T>,
			initial_model_hash: [u8; 32],
			uri: UriOf,
			reward_pool: BalanceOf<T>,
		) -> DispatchResult {
			let creator = ensure_signed(origin)?;
			config
				.check(T::MaxLearners::get(), T::MaxWindow::get(), &T::MinLearnerStake::get())
				.map_err(|reason| Error::<T>::InvalidConfig { reason })?;
			ensure!(
				reward_pool >= T::MinRewardPool::get() && reward_pool >= config.reward_per_round,
				Error::<T>::PoolTooSmall
			);
			ensure!(uri_is_valid(&uri), Error::<T>::BadUri);
			let open = OpenExperiments::<T>::get();
			ensure!(open < T::MaxOpenExperiments::get(), Error::<T>::TooManyExperiments);
			let mine = CreatorOpenExperiments::<T>::get(&creator);
			ensure!(
				mine < T::MaxOpenExperimentsPerCreator::get(),
				Error::<T>::TooManyExperimentsForCreator
			);
			let now = frame_system::Pallet::<T>::block_number();
			let start = now.saturating_add(1u32.into());
			let experiment = NextExperimentId::<T>::get();
			// Each open experiment is in the index once, and at most `MaxOpenExperiments` are
			// open, so a block's entry always has room.
			PhaseDue::<T>::try_mutate(start, |due| due.try_push(experiment))
				.map_err(|_| Error::<T>::TooManyExperiments)?;
			T::Currency::hold(&HoldReason::RewardPool.into(), &creator, reward_pool)
				.map_err(|_| Error::<T>::InsufficientFunds)?;
			let deposit = T::CreationDeposit::get();
			if !deposit.is_zero() {
				T::Currency::hold(&HoldReason::CreationDeposit.into(), &creator, deposit)
					.map_err(|_| Error::<T>::InsufficientDeposit)?;
				CreationDeposits::<T>::insert(experiment, deposit);
			}
			CreatorOpenExperiments::<T>::insert(&creator, mine + 1);
			NextExperimentId::<T>::put(experiment.saturating_add(1));
			OpenExperiments::<T>::put(open + 1);
			Lineage::<T>::insert(
				experiment,
				0,
				LineageEntry {
					parent: None,
					hash: initial_model_hash,
					uri: uri.clone(),
					proposer: None,
					round: 0,
					votes: Default::default(),
					privacy: None,
					epsilon_after: 0,
				},
			);
			Experiments::<T>::insert(
				experiment,
				Experiment {
					creator: creator.clone(),
					config,
					head: initial_model_hash,
					head_uri: uri,
					pool: reward_pool,
					status: ExperimentStatus::Open,
					round: 0,
					phase: Phase::Starting,
					phase_ends: now,
					proposer: None,
					closing: false,
					last_proposer: None,
					learners: 0,
					applicants: 0,
					lineage_len: 1,
				},
			);
			Self::deposit_event(Event::ExperimentCreated {
				experiment,
				creator,
				pool: reward_pool,
			});
			Ok(())
		}

		/// The signing hotkey joins `experiment`, or applies where its creator admits
		/// learners. It needs the experiment's minimum stake, and must not be in another open
		/// experiment: one stake weighs in one experiment at a time. A learner's stake is
		/// locked (it may unbond, not withdraw) until it leaves or the experiment closes.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::join_experiment())]
		pub fn join_experiment(origin: OriginFor<T>, experiment: ExperimentId) -> DispatchResult {
			let learner = ensure_signed(origin)?;
			let mut record = Self::open_experiment(experiment)?;
			match LearningIn::<T>::get(&learner) {
				Some(current) if current == experiment => Err(Error::<T>::AlreadyJoined)?,
				Some(_) => Err(Error::<T>::LearningElsewhere)?,
				None => {},
			}
			ensure!(
				T::Stake::hotkey_stake(&learner) >= record.config.min_stake,
				Error::<T>::StakeTooLow
			);
			match record.config.admission {
				Admission::Open => {
					ensure!(
						record.learners < record.config.max_learners,
						Error::<T>::ExperimentFull
					);
					Self::admit(experiment, &mut record, &learner);
					Self::deposit_event(Event::LearnerJoined {
						experiment,
						learner: learner.clone(),
					});
				},
				Admission::CreatorApproves => {
					ensure!(
						record.applicants < record.config.max_learners,
						Error::<T>::ExperimentFull
					);
					record.applicants += 1;
					Applicants::<T>::insert(experiment, &learner, ());
					Self::deposit_event(Event::LearnerApplied {
						experiment,
						learner: learner.clone(),
					});
				},
			}
			LearningIn::<T>::insert(&learner, experiment);
			Experiments::<T>::insert(experiment, record);
			Ok(())
		}

		/// The creator admits applicant `learner` to `experiment`; it still needs the minimum
		/// stake, which is locked from now on.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::approve_learner())]
		pub fn approve_learner(
			origin: OriginFor<T>,
			experiment: ExperimentId,
			learner: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut record = Self::open_experiment(experiment)?;
			ensure!(record.creator == who, Error::<T>::NotCreator);
			ensure!(Applicants::<T>::contains_key(experiment, &learner), Error::<T>::NotApplicant);
			ensure!(
				T::Stake::hotkey_stake(&learner) >= record.config.min_stake,
				Error::<T>::StakeTooLow
			);
			ensure!(record.learners < record.config.max_learners, Error::<T>::ExperimentFull);
			Applicants::<T>::remove(experiment, &learner);
			record.applicants -= 1;
			Self::admit(experiment, &mut record, &learner);
			Experiments::<T>::insert(experiment, record);
			Self::deposit_event(Event::LearnerJoined { experiment, learner });
			Ok(())
		}

		/// The signing hotkey leaves `experiment` (or withdraws its application), and its
		/// stake lock is released. A vote it committed or revealed in the current round no
		/// longer counts, since its stake no longer answers for it. What its coldkey spent of
		/// the privacy budget stays spent.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::leave_experiment())]
		pub fn leave_experiment(origin: OriginFor<T>, experiment: ExperimentId) -> DispatchResult {
			let learner = ensure_signed(origin)?;
			let mut record =
				Experiments::<T>::get(experiment).ok_or(Error::<T>::UnknownExperiment)?;
			if Applicants::<T>::take(experiment, &learner).is_some() {
				record.applicants -= 1;
			} else {
				Learners::<T>::take(experiment, &learner).ok_or(Error::<T>::NotLearner)?;
				record.learners -= 1;
				VoteCommits::<T>::remove(experiment, &learner);
				VoteReveals::<T>::remove(experiment, &learner);
				T::StakeLock::unlock(STAKE_LOCK, &learner);
			}
			LearningIn::<T>::remove(&learner);
			Experiments::<T>::insert(experiment, record);
			Self::deposit_event(Event::LearnerLeft { experiment, learner });
			Ok(())
		}

		/// The round's proposer proposes `weights_hash` (served at `uri`), trained from
		/// `parent`, which must be the head; `summary` is its free-form account of the update.
		///
		/// Where the experiment has a privacy budget, `privacy` declares how the update was
		/// trained with DP-SGD, and the chain adds what that releases to the account of the
		/// proposer's coldkey in the experiment ([`PrivacyAccounts`]); a proposal that would
		/// take the account past the budget is refused with `OverBudget` and spends nothing.
		/// Without a budget, `privacy` must be `None`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::propose())]
		pub fn propose(
			origin: OriginFor<T>,
			experiment: ExperimentId,
			round: Round,
			weights_hash: [u8; 32],
			uri: UriOf,
			parent: [u8; 32],
			privacy: Option<DpSgdParameters>,
			summary: SummaryOf,
		) -> DispatchResult {
			let proposer = ensure_signed(origin)?;
			let record = Self::in_phase(experiment, round, Phase::Proposal)?;
			ensure!(record.proposer.as_ref() == Some(&proposer), Error::<T>::NotProposer);
			ensure!(!Proposals::<T>::contains_key(experiment), Error::<T>::AlreadyProposed);
			ensure!(parent == record.head, Error::<T>::ParentNotHead);
			ensure!(uri_is_valid(&uri), Error::<T>::BadUri);
			let learner =
				Learners::<T>::get(experiment, &proposer).ok_or(Error::<T>::NotLearner)?;
			let invalid = |reason| Error::<T>::InvalidPrivacy { reason };
			let epsilon_after = match (record.config.privacy, privacy) {
				(None, None) => 0,
				(None, Some(_)) => Err(invalid(PrivacyError::NotBudgeted))?,
				(Some(_), None) => Err(invalid(PrivacyError::Undeclared))?,
				(Some(budget), Some(parameters)) => {
					let mechanism = parameters.check().map_err(invalid)?;
					let account = PrivacyAccounts::<T>::get(experiment, &learner.coldkey)
						.unwrap_or_default()
						.after(&mechanism, parameters.steps, &budget)
						.filter(|account| account.epsilon_micros <= budget.epsilon_micros)
						.ok_or(Error::<T>::OverBudget)?;
					let spent = account.epsilon_micros;
					PrivacyAccounts::<T>::insert(experiment, &learner.coldkey, account);
					spent
				},
			};
			Proposals::<T>::insert(
				experiment,
				(
					Proposal {
						proposer: proposer.clone(),
						weights_hash,
						uri,
						parent,
						privacy,
						epsilon_after,
						summary,
					},
					learner.coldkey,
				),
			);
			Self::deposit_event(Event::Proposed {
				experiment,
				round,
				proposer,
				weights_hash,
				epsilon_after,
			});
			Ok(())
		}

		/// A learner other than the proposer, of another coldkey than the proposer's, and
		/// still with the experiment's minimum stake, commits its vote on the round's
		/// proposal: `commitment` is [`Pallet::vote_commitment`] of `experiment`, `round`, the
		/// signing hotkey, `approve`, `score` and a secret 32-byte salt. A commitment made for
		/// another experiment, round or hotkey is accepted here but can never be revealed.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::commit_vote())]
		pub fn commit_vote(
			origin: OriginFor<T>,
			experiment: ExperimentId,
			round: Round,
			commitment: T::Hash,
		) -> DispatchResult {
			let learner = ensure_signed(origin)?;
			let record = Self::in_phase(experiment, round, Phase::Commit)?;
			let info = Learners::<T>::get(experiment, &learner).ok_or(Error::<T>::NotLearner)?;
			let (_, proposer_coldkey) =
				Proposals::<T>::get(experiment).ok_or(Error::<T>::WrongPhase)?;
			ensure!(
				record.proposer.as_ref() != Some(&learner) && info.coldkey != proposer_coldkey,
				Error::<T>::ProposerCannotVote
			);
			ensure!(
				T::Stake::hotkey_stake(&learner) >= record.config.min_stake,
				Error::<T>::StakeTooLow
			);
			ensure!(
				!VoteCommits::<T>::contains_key(experiment, &learner),
				Error::<T>::AlreadyCommitted
			);
			let weight: BalanceOf<T> =
				Self::vote_weight(&learner, &proposer_coldkey).saturated_into();
			VoteCommits::<T>::insert(experiment, &learner, (commitment, weight));
			Self::deposit_event(Event::VoteCommitted { experiment, round, learner });
			Ok(())
		}

		/// Reveals the signing learner's vote: whether it approves, and its score improvement
		/// (the proposal's score minus the head's on its validation data, in millionths).
		/// `(approve, score, salt)` must give its commitment under [`Pallet::vote_commitment`]
		/// with this `experiment`, `round` and the signing hotkey, else `CommitmentMismatch`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::reveal_vote())]
		pub fn reveal_vote(
			origin: OriginFor<T>,
			experiment: ExperimentId,
			round: Round,
			approve: bool,
			score: i64,
			salt: [u8; 32],
		) -> DispatchResult {
			let learner = ensure_signed(origin)?;
			Self::in_phase(experiment, round, Phase::Reveal)?;
			ensure!(Learners::<T>::contains_key(experiment, &learner), Error::<T>::NotLearner);
			let (commitment, _) =
				VoteCommits::<T>::get(experiment, &learner).ok_or(Error::<T>::NotCommitted)?;
			ensure!(
				!VoteReveals::<T>::contains_key(experiment, &learner),
				Error::<T>::AlreadyRevealed
			);
			ensure!(
				Self::vote_commitment(experiment, round, &learner, approve, score, &salt)
					== commitment,
				Error::<T>::CommitmentMismatch
			);
			VoteReveals::<T>::insert(experiment, &learner, Vote { approve, score });
			Self::deposit_event(Event::VoteRevealed { experiment, round, learner, approve, score });
			Ok(())
		}

		/// The creator closes `experiment`; what is left of its pool goes back to it. Before
		/// the first round the close is immediate. Afterwards it takes effect when the
		/// current round ends: at its tally, or at the end of its proposal window if nobody
		/// proposed. A proposer that has published its model is thus still paid if its round
		/// passes, and a proposal seen in the transaction pool cannot be closed away.
		#[pallet::call_index(7)]
		#[pallet::weight(Pallet::<T>::close_weight())]
		pub fn close_experiment(origin: OriginFor<T>, experiment: ExperimentId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut record = Self::open_experiment(experiment)?;
			ensure!(record.creator == who, Error::<T>::NotCreator);
			ensure!(!record.closing, Error::<T>::AlreadyClosing);
			if record.phase == Phase::Starting {
				Self::close(experiment, record);
			} else {
				record.closing = true;
				Self::deposit_event(Event::ExperimentClosing { experiment, round: record.round });
				Experiments::<T>::insert(experiment, record);
			}
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// The commitment that `voter`'s reveal of `(approve, score, salt)` in `round` of
		/// `experiment` must match: the runtime's hash (BLAKE2-256 on Synod) of the SCALE
		/// encoding of the tuple `(VOTE_COMMITMENT_TAG, experiment, round, voter, approve,
		/// score, salt)`, which is these bytes, concatenated without separators or prefixes:
		///
		/// | field | bytes | encoding |
		/// |---|---|---|
		/// | [`VOTE_COMMITMENT_TAG`] | 21 | the ASCII `synod/colearn/vote/v1`, no length prefix |
		/// | `experiment` | 4 | `u32`, little-endian |
		/// | `round` | 4 | `u32`, little-endian |
		/// | `voter` | 32 | the `AccountId32`'s raw bytes (its public key), no prefix |
		/// | `approve` | 1 | `0x01` for true, `0x00` for false |
		/// | `score` | 8 | `i64`, little-endian two's complement |
		/// | `salt` | 32 | raw, no length prefix |
		///
		/// (`voter` is the SCALE encoding of the runtime's `AccountId`: `AccountId32` on Synod,
		/// 8 little-endian bytes of `u64` in the unit tests.) 102 bytes in all on Synod, hashed
		/// with BLAKE2b-256 (polkadot.js `blake2AsU8a(bytes, 256)`, Python
		/// `hashlib.blake2b(bytes, digest_size=32)`); as a type string,
		/// `([u8;21],u32,u32,AccountId32,bool,i64,[u8;32])`. For example, `//Alice`
		/// (`0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d`) approving
		/// with score 20000 and salt `[0x11; 32]` in round 1 of experiment 0 commits
		/// `0xec625496ef0395a35682d523e73b2d1b612077c4f8f380622cfa516369261638`.
		pub fn vote_commitment(
			experiment: ExperimentId,
			round: Round,
			voter: &T::AccountId,
			approve: bool,
			score: i64,
			salt: &[u8; 32],
		) -> T::Hash {
			T::Hashing::hash_of(&(
				VOTE_COMMITMENT_TAG,
				experiment,
				round,
				voter,
				approve,
				score,
				salt,
			))
		}

		/// The open experiment `experiment`.
		pub(crate) fn open_experiment(
			experiment: ExperimentId,
		) -> Result<ExperimentOf<T>, DispatchError> {
			let record = Experiments::<T>::get(experiment).ok_or(Error::<T>::UnknownExperiment)?;
			ensure!(record.status == ExperimentStatus::Open, Error::<T>::ExperimentClosed);
			Ok(record)
		}

		/// The open experiment `experiment`, if it is in `phase` of round `round`.
		fn in_phase(
			experiment: ExperimentId,
			round: Round,
			phase: Phase,
		) -> Result<ExperimentOf<T>, DispatchError> {
			let record = Self::open_experiment(experiment)?;
			ensure!(record.round == round, Error::<T>::WrongRound);
			ensure!(record.phase == phase, Error::<T>::WrongPhase);
			Ok(record)
		}
	}
}
