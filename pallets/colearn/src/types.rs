//! The records of experiments, learners, proposals, votes and the lineage.

use crate::privacy::{DpSgdParameters, PrivacyBudget};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{pallet_prelude::ConstU32, traits::Get, BoundedVec};
use scale_info::TypeInfo;
use sp_runtime::Perbill;
use synod_primitives::job::{Artifact, MAX_ARCHITECTURE_LEN, MAX_URI_LEN};

/// An experiment's number.
pub type ExperimentId = u32;
/// A round's number within its experiment, from 1.
pub type Round = u32;
/// Where a model is served: an `http(s)` URL.
pub type UriOf = BoundedVec<u8, ConstU32<MAX_URI_LEN>>;
/// The longest proposal summary, in bytes.
pub const MAX_SUMMARY_LEN: u32 = 256;
/// A proposer's account of its update (data used, training settings), free-form.
pub type SummaryOf = BoundedVec<u8, ConstU32<MAX_SUMMARY_LEN>>;

/// Whether `uri` is an `http(s)://` URL with a host, in printable ASCII: the rule of job
/// artifacts.
pub fn uri_is_valid(uri: &UriOf) -> bool {
	Artifact { hash: [0; 32], uri: uri.clone() }.uri_is_valid()
}

/// Which way a better model moves the score voters report.
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
pub enum ScoreDirection {
	/// Accuracy-like scores: a positive difference is an improvement.
	HigherIsBetter,
	/// Loss-like scores: a negative difference is an improvement.
	LowerIsBetter,
}

/// Who may become a learner.
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
pub enum Admission {
	/// Any hotkey with the minimum stake.
	Open,
	/// Hotkeys with the minimum stake that the creator approves.
	CreatorApproves,
}

/// What an experiment's creator fixes when opening it.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct ExperimentConfig<Balance, BlockNumber> {
	/// The model architecture, by the name the worker's ML library knows it by.
	pub architecture: BoundedVec<u8, ConstU32<MAX_ARCHITECTURE_LEN>>,
	pub architecture_version: u32,
	/// The share of the revealed votes' weight (stake less the proposer's coldkey's part)
	/// that must approve.
	pub vote_threshold: Perbill,
	/// The least median improvement (in millionths of the score) an accepted proposal shows.
	pub min_improvement: i64,
	pub score_direction: ScoreDirection,
	/// Blocks in which the proposer may propose.
	pub proposal_window: BlockNumber,
	/// Blocks in which the other learners commit their votes.
	pub commit_window: BlockNumber,
	/// Blocks in which they reveal them.
	pub reveal_window: BlockNumber,
	/// What an accepted round pays from the pool, proposer and voters together.
	pub reward_per_round: Balance,
	/// The voters' part of a round's reward.
	pub voters_share: Perbill,
	/// The differential privacy every learner is promised, or `None` for an experiment whose
	/// learners train without it (and declare nothing).
	pub privacy: Option<PrivacyBudget>,
	/// The stake a learner's hotkey needs: at least the pallet's `MinLearnerStake`, which
	/// is above zero, so that every head in a vote is paid for.
	pub min_stake: Balance,
	pub admission: Admission,
	/// The most learners (and, separately, applicants).
	pub max_learners: u32,
	/// Rounds in a row without an accepted proposal (none proposed, or rejected) after which
	/// the experiment closes and returns its pool: an experiment that makes no progress
	/// holds neither a slot nor its learners' stake locks for ever.
	pub max_skipped_rounds: u32,
}

/// What is wrong with an experiment config.
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
	frame_support::PalletError,
)]
pub enum ConfigError {
	/// The architecture name is empty or not printable ASCII.
	BadArchitecture,
	/// A window is 0 blocks or longer than `MaxWindow`.
	BadWindow,
	/// The vote threshold is 0%.
	ZeroThreshold,
	/// The reward per round is 0.
	ZeroReward,
	/// `max_learners` is below 2 (someone must vote) or above `MaxLearners`.
	BadMaxLearners,
	/// `max_skipped_rounds` is 0 or above `MAX_SKIPPED_ROUNDS`.
	BadMaxSkippedRounds,
	/// `min_stake` is below the pallet's `MinLearnerStake`.
	MinStakeTooLow,
	/// The privacy budget's epsilon is 0 or its delta is not in `1..MAX_DELTA`.
	BadPrivacyBudget,
}

/// The largest delta a privacy budget may name, in parts per `10^18`: `10^-3`. A larger
/// delta is no guarantee anybody should rely on (it admits leaking a record outright with
/// that probability), and Opacus's advice is below the inverse of the data set's size.
pub const MAX_DELTA: u64 = 1_000_000_000_000_000;

/// The most rounds in a row an experiment may skip before it closes.
pub const MAX_SKIPPED_ROUNDS: u32 = 1_000;

impl<Balance: PartialOrd + Default, BlockNumber: PartialOrd + From<u32>>
	ExperimentConfig<Balance, BlockNumber>
{
	/// Checks the config against the pallet's bounds; names the first fault.
	pub fn check(
		&self,
		max_learners: u32,
		max_window: BlockNumber,
		min_learner_stake: &Balance,
	) -> Result<(), ConfigError> {
		let architecture_ok = !self.architecture.is_empty()
			&& self.architecture.iter().all(|byte| (0x21..0x7f).contains(byte));
		let window_ok =
			|window: &BlockNumber| *window >= BlockNumber::from(1u32) && *window <= max_window;
		if !architecture_ok {
			Err(ConfigError::BadArchitecture)
		} else if !(window_ok(&self.proposal_window)
			&& window_ok(&self.commit_window)
			&& window_ok(&self.reveal_window))
		{
			Err(ConfigError::BadWindow)
		} else if self.vote_threshold.is_zero() {
			Err(ConfigError::ZeroThreshold)
		} else if self.reward_per_round <= Balance::default() {
			Err(ConfigError::ZeroReward)
		} else if self.max_learners < 2 || self.max_learners > max_learners {
			Err(ConfigError::BadMaxLearners)
		} else if !(1..=MAX_SKIPPED_ROUNDS).contains(&self.max_skipped_rounds) {
			Err(ConfigError::BadMaxSkippedRounds)
		} else if self.min_stake < *min_learner_stake || self.min_stake <= Balance::default() {
			Err(ConfigError::MinStakeTooLow)
		} else if self.privacy.is_some_and(|budget| {
			budget.epsilon_micros == 0 || !(1..=MAX_DELTA).contains(&budget.delta)
		}) {
			Err(ConfigError::BadPrivacyBudget)
		} else {
			Ok(())
		}
	}
}

/// Whether an experiment still runs.
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
pub enum ExperimentStatus {
	Open,
	/// Closed by its creator or by an exhausted pool; its lineage stays.
	Closed,
}

/// Where a round is.
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
pub enum Phase {
	/// The experiment was just created; its first round opens in the next block.
	Starting,
	/// The drawn proposer may propose.
	Proposal,
	/// The other learners commit their votes.
	Commit,
	/// They reveal them; the round is tallied when this phase ends.
	Reveal,
}

/// An experiment as stored.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Experiment<AccountId, Balance, BlockNumber> {
	pub creator: AccountId,
	pub config: ExperimentConfig<Balance, BlockNumber>,
	/// The current model's hash: the last lineage entry's.
	pub head: [u8; 32],
	/// Where the current model is served.
	pub head_uri: UriOf,
	/// What is left of the reward pool, held from the creator.
	pub pool: Balance,
	pub status: ExperimentStatus,
	/// The current round (0 before the first).
	pub round: Round,
	pub phase: Phase,
	/// The last block of the current phase.
	pub phase_ends: BlockNumber,
	/// The current round's drawn proposer.
	pub proposer: Option<AccountId>,
	/// The creator asked to close: the experiment closes when the current round ends (its
	/// tally, or its proposal window without a proposal) instead of opening another, so a
	/// proposer whose model is public by then is still paid if its round passes.
	pub closing: bool,
	/// The previous round's proposer, not drawn again while another learner exists.
	pub last_proposer: Option<AccountId>,
	pub learners: u32,
	pub applicants: u32,
	/// How many lineage entries there are (the initial model included).
	pub lineage_len: u32,
}

/// A learner of an experiment (or an applicant to it).
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct LearnerInfo<AccountId, BlockNumber> {
	/// The coldkey that owned the hotkey when it joined: whose privacy account its
	/// proposals spend, and whose stake behind other learners never votes on them.
	pub coldkey: AccountId,
	pub joined_at: BlockNumber,
}

/// A round's proposal.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Proposal<AccountId> {
	pub proposer: AccountId,
	pub weights_hash: [u8; 32],
	pub uri: UriOf,
	/// The head it was trained from.
	pub parent: [u8; 32],
	/// The training the proposer declared, where the experiment has a privacy budget.
	pub privacy: Option<DpSgdParameters>,
	/// The epsilon (millionths) the proposer's coldkey has spent in the experiment with this
	/// proposal counted; 0 without a budget.
	pub epsilon_after: u64,
	pub summary: SummaryOf,
}

/// A revealed vote.
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
pub struct Vote {
	pub approve: bool,
	/// The proposal's score minus the head's on the voter's validation data, in millionths.
	pub score: i64,
}

/// One step of an experiment's history.
#[derive(
	frame_support::CloneNoBound,
	frame_support::PartialEqNoBound,
	frame_support::EqNoBound,
	frame_support::DebugNoBound,
	Encode,
	Decode,
	MaxEncodedLen,
	TypeInfo,
)]
#[scale_info(skip_type_params(MaxVotes))]
#[codec(mel_bound(AccountId: MaxEncodedLen))]
pub struct LineageEntry<AccountId: Clone + PartialEq + Eq + core::fmt::Debug, MaxVotes: Get<u32>> {
	/// The model it was trained from; `None` for the initial model.
	pub parent: Option<[u8; 32]>,
	pub hash: [u8; 32],
	pub uri: UriOf,
	/// Who proposed it; `None` for the initial model.
	pub proposer: Option<AccountId>,
	/// The round that accepted it (0 for the initial model).
	pub round: Round,
	/// Every revealed vote of that round.
	pub votes: BoundedVec<(AccountId, Vote), MaxVotes>,
	/// The training its proposer declared, where the experiment has a privacy budget.
	pub privacy: Option<DpSgdParameters>,
	/// The epsilon (millionths) its proposer's coldkey had spent in the experiment once it
	/// was proposed; 0 for the initial model and without a budget.
	pub epsilon_after: u64,
}
