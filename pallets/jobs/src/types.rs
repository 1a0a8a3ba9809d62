//! The records the pallet stores: a job and its deadlines, reveals, committee seats, the
//! truth a settlement found and the outcome it leaves behind.

use crate::{pallet::Config, BalanceOf, JobPolicy, JobResult, JobSpec, NetUid};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{pallet_prelude::*, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;
use synod_primitives::job::{
	ColumnMoments, ColumnSummary, MomentsDefect, RefusalReason, MAX_COLUMNS,
};
use synod_primitives::subnet::MAX_COMMITTEE_SIZE;

/// A job's deadlines, as absolute block numbers, strictly increasing.
///
/// The phases they delimit: miners commit by `commit_by`; the committee commits to its own
/// reproduction by `verify_by`, before any miner's result is public; then miners and
/// committee reveal, after `verify_by` and by `reveal_by`; the job settles in block
/// `reveal_by + 1`.
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
	/// Unassigned by then, the job is refunded. At least two blocks after posting, since
	/// miners are drawn from randomness revealed after the posting block.
	pub assign_by: BlockNumber,
	/// Assigned miners (or statistics providers) commit before then.
	pub commit_by: BlockNumber,
	/// The committee commits to its reproductions before then.
	pub verify_by: BlockNumber,
	/// Everyone reveals after `verify_by` and before then.
	pub reveal_by: BlockNumber,
}

/// What is wrong with a job's deadlines.
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
pub enum DeadlineError {
	/// `assign_by` is less than two blocks from now: the draw needs randomness that
	/// nobody knew when the job was posted, which only the block after next has.
	AssignTooSoon,
	/// The deadlines are not strictly increasing.
	NotIncreasing,
	/// `commit_by` leaves the miners fewer than `MinWindow` blocks after their earliest draw
	/// (two blocks after posting).
	CommitWindowTooShort,
	/// `verify_by` leaves the committee fewer than `MinWindow` blocks after its latest draw
	/// (two blocks after `commit_by`, for a job whose verification is drawn then), or, for a
	/// spot-checked job, after its plan (`commit_by + MinWindow + 1`).
	VerifyWindowTooShort,
	/// `reveal_by` leaves fewer than `MinWindow` blocks after `verify_by` to reveal in.
	RevealWindowTooShort,
	/// `reveal_by` is more than `MaxJobDuration` blocks from now.
	TooLong,
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
	/// Whether a committee re-executes the job: decided at posting when the policy's rate
	/// is 0% or 100%, else drawn in the block after the miners' commit deadline.
	pub sampled: Option<bool>,
	/// The block whose randomness drew the committee (and whose stake it weighed).
	pub committee_drawn_at: Option<BlockNumber>,
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
	/// Its result: a digest, or a refusal.
	pub result: JobResult,
	/// Where the result can be fetched; empty for a refusal.
	pub uri: ResultUri,
}

/// One drawn seat of a job's verification committee.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct CommitteeSeat<AccountId, Balance> {
	pub hotkey: AccountId,
	/// Its stake when it was drawn: the weight it was drawn with. Each seat is one vote.
	pub stake: Balance,
}

/// The bound of a committee.
pub type MaxCommittee = ConstU32<{ MAX_COMMITTEE_SIZE as u32 }>;
pub(crate) type CommitteeOf<T> =
	BoundedVec<CommitteeSeat<<T as frame_system::Config>::AccountId, BalanceOf<T>>, MaxCommittee>;

/// The result a settled job established.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Truth {
	/// The verified result: a digest, or a refusal the committee reproduced.
	pub result: JobResult,
	/// Where a miner that delivered it serves it (empty for a refusal, or if no miner
	/// matched).
	pub uri: ResultUri,
	/// Whether two thirds of a committee established it (else the miners' unanimity did,
	/// on a job not drawn for verification).
	pub by_committee: bool,
}

/// What an account received or lost in a settlement.
pub type Payouts<T, Bound> =
	BoundedVec<(<T as frame_system::Config>::AccountId, BalanceOf<T>), Bound>;

/// The bound of a settlement's penalties: every miner and every committee seat.
pub type MaxPenalties = ConstU32<{ 16 + MAX_COMMITTEE_SIZE as u32 }>;

/// How a job ended in settlement, kept for `OutcomeRetention` blocks.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct JobOutcome<T: Config> {
	pub requester: T::AccountId,
	pub netuid: NetUid,
	/// What was held in escrow: the payouts, the burn and the refund add up to it, so the
	/// requester never gets back more than it posted.
	pub bounty: BalanceOf<T>,
	/// The established result; `None` for a statistics job (its summary is in
	/// `Statistics`) or a disputed job, refunded for want of a truth.
	pub truth: Option<Truth>,
	/// What each paid miner (or provider) hotkey's owner received.
	pub miner_payouts: Payouts<T, T::MaxReplicas>,
	/// What each committee seat that reproduced the truth received.
	pub validator_payouts: Payouts<T, MaxCommittee>,
	/// What each penalised miner or committee member lost from its stake, burnt.
	pub penalties: Payouts<T, MaxPenalties>,
	/// The protocol fee burnt.
	pub burnt: BalanceOf<T>,
	/// What went back to the requester.
	pub refunded: BalanceOf<T>,
	pub settled_at: BlockNumberFor<T>,
}

/// One provider's moments, one per column.
pub type MomentsOf = BoundedVec<ColumnMoments, ConstU32<MAX_COLUMNS>>;
/// A statistics job's result, one summary per column.
pub type SummaryOf = BoundedVec<ColumnSummary, ConstU32<MAX_COLUMNS>>;

/// A statistics provider's revealed moments.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub enum MomentsReveal {
	/// Moments that real data could give; they enter the aggregate.
	Accepted(MomentsOf),
	/// Moments that no data gives (`defect` in `column`): left out of the aggregate and
	/// penalised as a wrong result.
	Refused { column: u16, defect: MomentsDefect },
}

pub(crate) type MinersOf<T> =
	BoundedVec<<T as frame_system::Config>::AccountId, <T as Config>::MaxReplicas>;

/// The most leaves a trace has: checkpoints `0..=MAX_SEGMENTS` and the output.
pub const MAX_TRACE_LEAVES: u32 = synod_trace::MAX_SEGMENTS + 2;

/// A miner's opened trace: its leaves in order, checkpoint `0..=S` then the output.
pub type TraceLeavesOf = BoundedVec<[u8; 32], ConstU32<MAX_TRACE_LEAVES>>;

/// Places of a trace (leaf indexes, `0..=S + 1`), ascending and distinct.
pub type PlacesOf = BoundedVec<u32, ConstU32<MAX_TRACE_LEAVES>>;

/// What a spot-checked job's committee re-executes, fixed in the block after the miners'
/// openings close.
#[derive(
	Clone,
	Default,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct CheckPlan {
	/// The leaves whose values the committee computes, ascending: for a place `p` in
	/// `1..=S`, segment `p` from checkpoint `p - 1`; `0`, the initial state; `S + 1`, the
	/// output derived from the final state.
	pub places: PlacesOf,
	/// Whether the opened traces differed, so that `places` hold where they first part
	/// besides the drawn segments (the last always) and the output.
	pub dispute: bool,
}

/// A committee member's report on a spot-checked job.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub enum SpotCheck {
	/// The value it reached at each of the plan's places, in the plan's order: a
	/// checkpoint's content hash, or the output artifact's hash at `S + 1`.
	Reached(BoundedVec<[u8; 32], ConstU32<MAX_TRACE_LEAVES>>),
	/// The job's inputs are not what its spec names: the miners should have refused.
	Refused(RefusalReason),
	/// It could not start: no miner served a checkpoint it needed that matched the miner's
	/// opened trace and loaded, or no miner opened one. Two thirds of the seats saying so
	/// blame the miners that opened a trace and did not serve it.
	Unreachable,
}
