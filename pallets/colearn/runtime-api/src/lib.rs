//! Runtime API of Synod's collective learning, and the views it answers with: an experiment
//! with its config, head, pool, current round and phase and its learners' stake and the
//! privacy their coldkeys have spent; and its lineage, a page at a time.
//!
//! Hashes travel as `0x`-hex, balances as decimal strings, text as text.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::{string::String, vec::Vec};
use codec::{Codec, Decode, Encode};
use scale_info::TypeInfo;
use sp_core::H256;
use sp_runtime::Perbill;

/// An experiment's number.
pub type ExperimentId = u32;

/// Where an experiment's round is, or that it is closed.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub enum PhaseView {
	Starting,
	Proposal,
	Commit,
	Reveal,
	Closed,
}

/// An experiment's fixed settings.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[cfg_attr(
	feature = "serde",
	serde(bound(
		serialize = "Balance: core::fmt::Display, BlockNumber: serde::Serialize",
		deserialize = "Balance: core::str::FromStr + TryFrom<u128>, BlockNumber: serde::Deserialize<'de>"
	))
)]
pub struct ConfigView<Balance, BlockNumber> {
	pub architecture: String,
	pub architecture_version: u32,
	pub vote_threshold: Perbill,
	pub min_improvement: i64,
	/// Whether a higher score is better (else lower is).
	pub higher_is_better: bool,
	pub proposal_window: BlockNumber,
	pub commit_window: BlockNumber,
	pub reveal_window: BlockNumber,
	#[cfg_attr(feature = "serde", serde(with = "synod_primitives::serde_balance"))]
	pub reward_per_round: Balance,
	pub voters_share: Perbill,
	/// The most epsilon one coldkey may spend, in millionths; `None` without a privacy
	/// budget (learners train without differential privacy).
	pub epsilon_budget: Option<u64>,
	/// The budget's delta, in parts per `10^18`; `None` without a budget.
	pub delta: Option<u64>,
	#[cfg_attr(feature = "serde", serde(with = "synod_primitives::serde_balance"))]
	pub min_stake: Balance,
	/// Whether the creator approves each learner (else any staked hotkey joins).
	pub creator_approves: bool,
	pub max_learners: u32,
	/// Rounds without a proposal in a row after which the experiment closes.
	pub max_skipped_rounds: u32,
}

/// A learner with its stake, its coldkey and what that coldkey has spent of its privacy in
/// the experiment.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[cfg_attr(
	feature = "serde",
	serde(bound(
		serialize = "AccountId: serde::Serialize, Balance: core::fmt::Display",
		deserialize = "AccountId: serde::Deserialize<'de>, Balance: core::str::FromStr + TryFrom<u128>"
	))
)]
pub struct LearnerView<AccountId, Balance> {
	pub hotkey: AccountId,
	#[cfg_attr(feature = "serde", serde(with = "synod_primitives::serde_balance"))]
	pub stake: Balance,
	/// The coldkey it joined under, whose privacy account its proposals spend.
	pub coldkey: AccountId,
	/// Millionths of epsilon the coldkey has spent here (0 without a budget).
	pub epsilon_spent: u64,
	/// What is left of the budget, in millionths; `None` without a budget.
	pub epsilon_remaining: Option<u64>,
}

/// How a proposal was trained with DP-SGD, as its proposer declared it.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct DpSgdView {
	/// Parts per billion.
	pub sample_rate_ppb: u32,
	/// Thousandths.
	pub noise_multiplier_milli: u32,
	pub steps: u32,
	/// Thousandths.
	pub clip_norm_milli: u32,
}

/// An experiment as a client reads it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[cfg_attr(
	feature = "serde",
	serde(bound(
		serialize = "AccountId: serde::Serialize, Balance: core::fmt::Display, BlockNumber: serde::Serialize",
		deserialize = "AccountId: serde::Deserialize<'de>, Balance: core::str::FromStr + TryFrom<u128>, BlockNumber: serde::Deserialize<'de>"
	))
)]
pub struct ExperimentView<AccountId, Balance, BlockNumber> {
	pub id: ExperimentId,
	pub creator: AccountId,
	pub config: ConfigView<Balance, BlockNumber>,
	pub head: H256,
	pub head_uri: String,
	/// What is left of the reward pool.
	#[cfg_attr(feature = "serde", serde(with = "synod_primitives::serde_balance"))]
	pub pool: Balance,
	pub round: u32,
	pub phase: PhaseView,
	/// The last block of the current phase.
	pub phase_ends: BlockNumber,
	pub proposer: Option<AccountId>,
	/// The creator asked to close: it closes when the current round ends.
	pub closing: bool,
	/// The current round's proposal: hash and URI.
	pub proposal: Option<(H256, String)>,
	pub learners: Vec<LearnerView<AccountId, Balance>>,
	pub applicants: Vec<AccountId>,
	pub lineage_len: u32,
}

/// A revealed vote as the lineage keeps it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct VoteView<AccountId> {
	pub learner: AccountId,
	pub approve: bool,
	pub score: i64,
}

/// One lineage entry.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct LineageView<AccountId> {
	pub index: u32,
	pub parent: Option<H256>,
	pub hash: H256,
	pub uri: String,
	pub proposer: Option<AccountId>,
	pub round: u32,
	pub votes: Vec<VoteView<AccountId>>,
	/// The proposer's declared DP-SGD training; `None` without a budget.
	pub privacy: Option<DpSgdView>,
	/// Millionths of epsilon the proposer's coldkey had spent once it was proposed.
	pub epsilon_after: u64,
}

sp_api::decl_runtime_apis! {
	/// Reads of collective learning for learners, creators and explorers.
	pub trait ColearnApi<AccountId, Balance, BlockNumber>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
	{
		/// Experiment `experiment`, open or closed; `None` if it never existed.
		fn experiment(experiment: ExperimentId) -> Option<ExperimentView<AccountId, Balance, BlockNumber>>;
		/// The ids of the open experiments, ascending.
		fn open_experiments() -> Vec<ExperimentId>;
		/// Lineage entries `from..from + limit` of `experiment`.
		fn lineage(experiment: ExperimentId, from: u32, limit: u32) -> Vec<LineageView<AccountId>>;
	}
}
