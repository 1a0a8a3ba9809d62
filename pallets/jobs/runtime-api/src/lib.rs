//! Runtime API of Synod's jobs, and the views it answers with: a job in flight with its
//! miners' and validators' commits and reveals, a settled job's outcome with every payout,
//! and the lists a requester, a miner or an explorer needs.
//!
//! The views flatten what the pallet keeps in several maps, so that a client reads a job in
//! one call; hashes travel as `0x`-hex, balances as decimal strings, bytes that are text as
//! text.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::{string::String, vec::Vec};
use codec::{Codec, Decode, Encode};
use scale_info::TypeInfo;
use sp_core::H256;
pub use synod_primitives::{
	job::{ColumnSummary, InputShape, JobId, JobKind, RefusalReason},
	subnet::JobPolicy,
	NetUid,
};

/// Where a job is in its life, as a client sees it.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub enum JobStatus {
	/// Waiting for enough eligible miners.
	Posted,
	/// Assigned; miners commit to their results (by `commitBy`).
	Committing,
	/// The miners' commits closed; the committee commits to its own reproductions (by
	/// `verifyBy`), while every result is still hidden.
	Verifying,
	/// Miners and committee reveal (after `verifyBy`, by `revealBy`); settlement follows.
	Revealing,
	/// Settled on a result (or a statistics aggregate): see the outcome's payouts.
	Settled,
	/// Settled without a result: the bounty went back to the requester.
	Refunded,
}

/// A job's deadlines, as absolute block numbers.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct Deadlines<BlockNumber> {
	pub assign_by: BlockNumber,
	pub commit_by: BlockNumber,
	pub verify_by: BlockNumber,
	pub reveal_by: BlockNumber,
}

/// An input artifact of a job.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct ArtifactView {
	pub hash: H256,
	pub uri: String,
}

/// A job's spec as text and hex.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct SpecView {
	pub kind: JobKind,
	pub architecture: String,
	pub architecture_version: u32,
	pub inputs: Vec<ArtifactView>,
	/// The worker's SCALE-encoded settings.
	#[cfg_attr(feature = "serde", serde(with = "hex_bytes"))]
	pub hyperparameters: Vec<u8>,
	pub seed: u64,
	/// The declared shape of the inputs: what a worker checks them against before it
	/// allocates anything.
	pub shape: InputShape,
	/// What the cost model says one computation of the job takes (none for statistics).
	pub cost: Option<JobCostView>,
}

/// One computation of a job, by the cost model.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct JobCostView {
	pub megaflops: u64,
	pub peak_mib: u64,
}

/// One assigned miner (or statistics provider) and how far it got.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct MinerView<AccountId> {
	pub hotkey: AccountId,
	/// Whether it committed to a result (or, for statistics, to its moments).
	pub committed: bool,
	/// Its revealed result digest (for statistics, whether its moments were accepted is in
	/// `refused`: `None` once accepted).
	pub result_hash: Option<H256>,
	/// The refusal it revealed instead of a digest.
	pub refused: Option<RefusalReason>,
	/// Whether it revealed at all.
	pub revealed: bool,
	/// Where it serves that result.
	pub uri: Option<String>,
}

/// One seat of a job's verification committee.
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
pub struct CommitteeSeatView<AccountId, Balance> {
	pub validator: AccountId,
	/// Its stake when the committee was drawn (the snapshot its seat was drawn by).
	#[cfg_attr(feature = "serde", serde(with = "synod_primitives::serde_balance"))]
	pub stake: Balance,
	pub committed: bool,
	/// The digest it reproduced, once revealed.
	pub result_hash: Option<H256>,
	/// The refusal it reproduced instead, once revealed.
	pub refused: Option<RefusalReason>,
}

/// A job in flight.
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
pub struct JobDetails<AccountId, Balance, BlockNumber> {
	pub requester: AccountId,
	pub netuid: NetUid,
	pub spec: SpecView,
	#[cfg_attr(feature = "serde", serde(with = "synod_primitives::serde_balance"))]
	pub bounty: Balance,
	pub replicas: u8,
	pub deadlines: Deadlines<BlockNumber>,
	pub posted_at: BlockNumber,
	/// The subnet's job policy when the job was posted.
	pub policy: JobPolicy,
	/// Whether a committee re-executes it; `None` until drawn.
	pub sampled: Option<bool>,
	/// Its miners, once assigned.
	pub miners: Vec<MinerView<AccountId>>,
	/// Its committee, once drawn, one vote per seat.
	pub committee: Vec<CommitteeSeatView<AccountId, Balance>>,
	/// The block whose randomness drew the committee and whose stake it weighed.
	pub committee_drawn_at: Option<BlockNumber>,
}

/// An amount paid to (or taken from) an account in a settlement.
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
pub struct Payout<AccountId, Balance> {
	/// The hotkey; the amount went to (or came from the stake of) its owner.
	pub account: AccountId,
	#[cfg_attr(feature = "serde", serde(with = "synod_primitives::serde_balance"))]
	pub amount: Balance,
}

/// How a job settled.
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
pub struct OutcomeView<AccountId, Balance, BlockNumber> {
	pub requester: AccountId,
	pub netuid: NetUid,
	/// The verified result's digest; `None` for statistics, a refusal or a refund.
	pub result_hash: Option<H256>,
	/// The refusal the committee reproduced, when that was the truth.
	pub refused: Option<RefusalReason>,
	/// Where a miner that delivered the result serves it.
	pub uri: Option<String>,
	/// Whether two thirds of a committee established the result (else the miners'
	/// unanimity, on a job not drawn for verification).
	pub by_committee: bool,
	/// A statistics job's mean, variance and deviation per column.
	pub statistics: Option<Vec<ColumnSummary>>,
	pub miner_payouts: Vec<Payout<AccountId, Balance>>,
	pub validator_payouts: Vec<Payout<AccountId, Balance>>,
	/// What each penalised miner, provider or committee member lost from its stake; burnt,
	/// never paid to anyone.
	pub penalties: Vec<Payout<AccountId, Balance>>,
	/// The protocol fee burnt (penalties are burnt apart from it).
	#[cfg_attr(feature = "serde", serde(with = "synod_primitives::serde_balance"))]
	pub burnt: Balance,
	#[cfg_attr(feature = "serde", serde(with = "synod_primitives::serde_balance"))]
	pub refunded: Balance,
	pub settled_at: BlockNumber,
}

/// A job as a client reads it: in flight, `job` is set; settled (until its outcome is
/// pruned), `outcome` is.
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
pub struct JobView<AccountId, Balance, BlockNumber> {
	pub id: JobId,
	pub status: JobStatus,
	pub job: Option<JobDetails<AccountId, Balance, BlockNumber>>,
	pub outcome: Option<OutcomeView<AccountId, Balance, BlockNumber>>,
}

/// Bytes as `0x`-prefixed lowercase hex.
#[cfg(feature = "serde")]
pub mod hex_bytes {
	use alloc::{format, string::String, vec::Vec};
	use serde::{de::Error, Deserialize, Deserializer, Serializer};

	pub fn serialize<S: Serializer>(bytes: &[u8], serializer: S) -> Result<S::Ok, S::Error> {
		let mut text = String::with_capacity(2 + 2 * bytes.len());
		text.push_str("0x");
		for byte in bytes {
			text.push_str(&format!("{byte:02x}"));
		}
		serializer.serialize_str(&text)
	}

	pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<u8>, D::Error> {
		let text = String::deserialize(deserializer)?;
		let digits = text.strip_prefix("0x").unwrap_or(&text);
		if digits.len() % 2 != 0 {
			return Err(D::Error::custom("hex of odd length"));
		}
		(0..digits.len())
			.step_by(2)
			.map(|i| {
				u8::from_str_radix(&digits[i..i + 2], 16)
					.map_err(|_| D::Error::custom("not a hex digit"))
			})
			.collect()
	}
}

sp_api::decl_runtime_apis! {
	/// Reads of jobs for requesters, miners, validators and explorers.
	pub trait JobsApi<AccountId, Balance, BlockNumber>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
	{
		/// Job `job` in flight or settled; `None` if it never existed, was cancelled or
		/// expired, or its outcome was pruned.
		fn job(job: JobId) -> Option<JobView<AccountId, Balance, BlockNumber>>;
		/// The jobs `requester` has in flight, ascending.
		fn jobs_by_requester(requester: AccountId) -> Vec<JobId>;
		/// The jobs in `status` (settled and refunded ones until pruned), ascending, from
		/// `from` on, at most `limit`.
		fn jobs_by_status(status: JobStatus, from: JobId, limit: u32) -> Vec<JobId>;
		/// The jobs `hotkey` is assigned to and that have not settled, ascending.
		fn miner_assignments(hotkey: AccountId) -> Vec<JobId>;
		/// The unsettled jobs whose verification committee `hotkey` sits on, ascending.
		fn committee_assignments(hotkey: AccountId) -> Vec<JobId>;
	}
}
