//! Runtime API of Synod's stake, and the types it and the staking pallet share: a coldkey's
//! positions with their unbonding chunks, a hotkey's stake and take, and the staking parameters.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::{Codec, Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::Perbill;

/// Network-wide staking settings, fixed at genesis and changed by governance.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[cfg_attr(
	feature = "serde",
	serde(bound(
		serialize = "Balance: core::fmt::Display, BlockNumber: serde::Serialize",
		deserialize = "Balance: core::str::FromStr + TryFrom<u128>, BlockNumber: serde::Deserialize<'de>"
	))
)]
pub struct StakingParameters<Balance, BlockNumber> {
	/// Blocks between unstaking and withdrawing; the stake stays slashable meanwhile.
	pub unbonding_period: BlockNumber,
	/// The least a position may hold after `add_stake` or a partial `remove_stake`.
	#[cfg_attr(feature = "serde", serde(with = "synod_primitives::serde_balance"))]
	pub min_stake: Balance,
	/// The highest take a validator may set.
	pub max_take: Perbill,
	/// The take of a hotkey whose owner never set one.
	pub default_take: Perbill,
	/// Blocks that must pass after a take change before the take may rise again.
	pub take_raise_cooldown: BlockNumber,
}

impl<Balance: Default, BlockNumber: From<u32>> Default for StakingParameters<Balance, BlockNumber> {
	/// A 100-block unbonding period, no minimum, and subtensor's 18% take as both default and
	/// ceiling.
	fn default() -> Self {
		Self {
			unbonding_period: 100u32.into(),
			min_stake: Balance::default(),
			max_take: Perbill::from_percent(18),
			default_take: Perbill::from_percent(18),
			take_raise_cooldown: 100u32.into(),
		}
	}
}

impl<Balance, BlockNumber> StakingParameters<Balance, BlockNumber> {
	/// Whether the parameters are consistent: the default take may not exceed the ceiling.
	pub fn is_valid(&self) -> bool {
		self.default_take <= self.max_take
	}
}

/// Stake on its way out: withdrawable from `unlock_at`.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[cfg_attr(
	feature = "serde",
	serde(bound(
		serialize = "Balance: core::fmt::Display, BlockNumber: serde::Serialize",
		deserialize = "Balance: core::str::FromStr + TryFrom<u128>, BlockNumber: serde::Deserialize<'de>"
	))
)]
pub struct UnbondingChunk<Balance, BlockNumber> {
	#[cfg_attr(feature = "serde", serde(with = "synod_primitives::serde_balance"))]
	pub amount: Balance,
	pub unlock_at: BlockNumber,
}

/// What one coldkey has behind one hotkey.
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
pub struct StakePosition<AccountId, Balance, BlockNumber> {
	pub hotkey: AccountId,
	/// Active stake: counts for the hotkey and earns dividends.
	#[cfg_attr(feature = "serde", serde(with = "synod_primitives::serde_balance"))]
	pub stake: Balance,
	/// Unstaked amounts waiting out the unbonding period, oldest first.
	pub unbonding: Vec<UnbondingChunk<Balance, BlockNumber>>,
}

sp_api::decl_runtime_apis! {
	/// Stake behind hotkeys.
	pub trait StakingApi<AccountId, Balance, BlockNumber>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
	{
		/// The active stake behind `hotkey`.
		fn hotkey_stake(hotkey: AccountId) -> Balance;
		/// The active stake `coldkey` has behind `hotkey`.
		fn stake(coldkey: AccountId, hotkey: AccountId) -> Balance;
		/// Every position of `coldkey`, with its unbonding chunks.
		fn positions(coldkey: AccountId) -> Vec<StakePosition<AccountId, Balance, BlockNumber>>;
		/// The take `hotkey`'s validator keeps of its dividends.
		fn take(hotkey: AccountId) -> Perbill;
		/// The staking parameters.
		fn parameters() -> StakingParameters<Balance, BlockNumber>;
	}
}
