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
	/// A miner took a job and did not reveal a result in time.
	MissedDeadline,
	/// A voter committed and did not reveal.
	UnrevealedVote,
	/// Governance decided it.
	Governance,
}

/// Slashes stake behind a hotkey.
pub trait StakeSlash<AccountId, Balance> {
	/// Takes `amount` from the stake behind `hotkey`, pro rata across its stakers and their
	/// unbonding chunks, and sends it to `destination`. Returns what was actually taken, which
	/// is less than asked when the hotkey has less at stake.
	fn slash(
		hotkey: &AccountId,
		amount: SlashAmount<Balance>,
		reason: SlashReason,
		destination: SlashDestination<AccountId>,
	) -> Result<Balance, DispatchError>;
	/// An upper bound of [`Self::slash`]'s weight.
	fn slash_weight() -> Weight;
}

/// Pays dividends into stake.
pub trait DividendCredit<AccountId, Balance> {
	/// Mints `amount` for `hotkey`: its owner's take first, the rest to its stakers pro rata
	/// to their active stake, all added to their stake. A hotkey nobody stakes behind pays
	/// everything to its owner, as stake. Returns the amount minted.
	fn credit_dividend(hotkey: &AccountId, amount: Balance) -> Result<Balance, DispatchError>;
	/// An upper bound of [`Self::credit_dividend`]'s weight.
	fn credit_weight() -> Weight;
	/// The weight of crediting `hotkey` now, from how many stake behind it; the bound of
	/// [`Self::credit_weight`] by default.
	fn credit_weight_of(_hotkey: &AccountId) -> Weight {
		Self::credit_weight()
	}
}
