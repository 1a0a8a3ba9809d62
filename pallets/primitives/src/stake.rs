//! Stake as the other pallets use it: read it, slash it, pay dividends into it.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::weights::Weight;
use scale_info::TypeInfo;
use sp_runtime::{DispatchError, Perbill};

/// Reads stake.
pub trait StakeInfo<AccountId, Balance> {
	/// The active stake behind `hotkey`, summed over its stakers (unbonding excluded).
	fn hotkey_stake(hotkey: &AccountId) -> Balance;
	/// The active stake that `coldkey` has placed behind `hotkey`.
	fn stake(coldkey: &AccountId, hotkey: &AccountId) -> Balance;
}

/// How much of a hotkey's stake to slash.
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
pub enum SlashAmount<Balance> {
	/// This share of everything at stake: active stake and unbonding chunks.
	Fraction(Perbill),
	/// This amount, or everything at stake if that is less.
	Amount(Balance),
}

/// Where slashed funds go.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub enum SlashDestination<AccountId> {
	/// Destroyed: total issuance falls by the slashed amount.
	Burn,
	/// Paid to this account (a challenger, a requester, a reward pool).
	Account(AccountId),
}

/// Why stake was slashed; named in the slash event.
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
pub enum SlashReason {
	/// A miner revealed a job result that the validators did not reproduce.
	WrongResult,
	/// A miner took a job and did not commit or reveal a result in time.
	MissedDeadline,
	/// A verification committee member revealed a result other than the truth.
	WrongVerification,
	/// A verification committee member did not commit or reveal its reproduction in time.
	MissedVerification,
	/// A voter committed and did not reveal.
	UnrevealedVote,
	/// Governance decided it.
	Governance,
}

/// Slashes stake behind a hotkey.
pub trait StakeSlash<AccountId, Balance> {
	/// Takes `amount` from the stake behind `hotkey`, pro rata across its stakers' active and
	/// unbonding stake, and sends it to `destination`. Returns what was actually taken, which
	/// is less than asked when the hotkey has less at stake.
	fn slash(
		hotkey: &AccountId,
		amount: SlashAmount<Balance>,
		reason: SlashReason,
		destination: SlashDestination<AccountId>,
	) -> Result<Balance, DispatchError>;
	/// An upper bound of [`Self::slash`]'s weight.
	fn slash_weight() -> Weight;
	/// The weight of slashing `hotkey` now, for an implementation whose cost depends on the
	/// hotkey; the bound of [`Self::slash_weight`] by default.
	fn slash_weight_of(_hotkey: &AccountId) -> Weight {
		Self::slash_weight()
	}
}

/// Pays dividends into stake.
pub trait DividendCredit<AccountId, Balance> {
	/// Mints `amount` for `hotkey`: its owner's take first, the rest to its stakers pro rata
	/// to their active stake, all added to their stake. A hotkey nobody stakes behind pays
	/// everything to its owner, as stake. Returns the amount minted.
	fn credit_dividend(hotkey: &AccountId, amount: Balance) -> Result<Balance, DispatchError>;
	/// An upper bound of [`Self::credit_dividend`]'s weight.
	fn credit_weight() -> Weight;
	/// The weight of crediting `hotkey` now, for an implementation whose cost depends on the
	/// hotkey; the bound of [`Self::credit_weight`] by default.
	fn credit_weight_of(_hotkey: &AccountId) -> Weight {
		Self::credit_weight()
	}
}

/// Who holds a stake lock: the pallet (or the part of one) that needs the stake to stay
/// slashable, eight bytes such as `*b"jobs    "`.
pub type StakeLockId = [u8; 8];

/// Keeps the stake behind a hotkey slashable while it answers for something (a job it
/// computes or verifies, later a round it votes in or the blocks it produces).
///
/// While a hotkey holds any lock, nobody staked behind it may withdraw: they may still
/// start unbonding (unbonding stake stays slashable), but the funds stay held until the last
/// lock is released. Locks count: a hotkey on three jobs holds the `jobs` lock three times.
pub trait StakeLock<AccountId> {
	/// Adds one lock of `id` on `hotkey`.
	fn lock(id: StakeLockId, hotkey: &AccountId);
	/// Releases one lock of `id` on `hotkey`; releasing a lock it does not hold does nothing.
	fn unlock(id: StakeLockId, hotkey: &AccountId);
	/// Whether `hotkey` holds any lock, of any id.
	fn is_locked(hotkey: &AccountId) -> bool;
	/// An upper bound of the weight of [`Self::lock`] or [`Self::unlock`].
	fn lock_weight() -> Weight;
}

impl<AccountId> StakeLock<AccountId> for () {
	fn lock(_: StakeLockId, _: &AccountId) {}
	fn unlock(_: StakeLockId, _: &AccountId) {}
	fn is_locked(_: &AccountId) -> bool {
		false
	}
	fn lock_weight() -> Weight {
		Weight::zero()
	}
}
