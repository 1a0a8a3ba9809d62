//! Positions: opening and closing them within their bounds, what a position is worth, and
//! the views that the runtime API and the other pallets read.

use crate::{pallet::*, BalanceOf, HotkeyPools, Pool, Shares, StakePosition, UnbondingChunk};
use alloc::vec::Vec;
use frame_support::{dispatch::DispatchResult, ensure, traits::Get};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{AccountIdConversion, Zero},
	Perbill,
};

impl<T: Config> Pallet<T> {
	/// The pot: the account that holds all stake, active and unbonding.
	pub fn pot() -> T::AccountId {
		<T as Config>::PalletId::get().into_account_truncating()
	}

	/// `coldkey`'s shares of `hotkey`'s active pool, zero if it has none of this era.
	pub(crate) fn live_shares(
		hotkey: &T::AccountId,
		coldkey: &T::AccountId,
		pool: &Pool<BalanceOf<T>>,
	) -> BalanceOf<T> {
		StakeShares::<T>::get(hotkey, coldkey)
			.filter(|held| held.era == pool.era)
			.map_or_else(Zero::zero, |held| held.shares)
	}

	/// `coldkey`'s unbonding claims behind `hotkey`, none if they are of an earlier era.
	pub(crate) fn live_claims(
		hotkey: &T::AccountId,
		coldkey: &T::AccountId,
		pool: &Pool<BalanceOf<T>>,
	) -> ClaimsOf<T> {
		UnbondingClaims::<T>::get(hotkey, coldkey)
			.filter(|(era, _)| *era == pool.era)
			.map(|(_, claims)| claims)
			.unwrap_or_default()
	}

	/// Stores a position's shares, removing the entry at zero.
	pub(crate) fn set_shares(
		hotkey: &T::AccountId,
		coldkey: &T::AccountId,
		shares: BalanceOf<T>,
		era: u32,
	) {
		if shares.is_zero() {
			StakeShares::<T>::remove(hotkey, coldkey);
		} else {
			StakeShares::<T>::insert(hotkey, coldkey, Shares { shares, era });
		}
	}

	/// Records a new position of `coldkey` behind `hotkey`, within both bounds; nothing if
	/// it exists. A coldkey's first position takes a consumer reference on its account, as
	/// a hold would, so that the account cannot be reaped while its stake is in the pot.
	pub(crate) fn open_position(coldkey: &T::AccountId, hotkey: &T::AccountId) -> DispatchResult {
		if Positions::<T>::contains_key(coldkey, hotkey) {
			return Ok(());
		}
		let stakers = StakerCount::<T>::get(hotkey);
		ensure!(stakers < T::MaxStakersPerHotkey::get(), Error::<T>::TooManyStakers);
		let positions = PositionCount::<T>::get(coldkey);
		ensure!(positions < T::MaxPositionsPerColdkey::get(), Error::<T>::TooManyPositions);
		if positions == 0 {
			// An account without a provider has no balance to stake either.
			frame_system::Pallet::<T>::inc_consumers(coldkey).map_err(|e| match e {
				sp_runtime::DispatchError::NoProviders => Error::<T>::InsufficientBalance.into(),
				other => other,
			})?;
		}
		Positions::<T>::insert(coldkey, hotkey, ());
		StakerCount::<T>::insert(hotkey, stakers + 1);
		PositionCount::<T>::insert(coldkey, positions + 1);
		Ok(())
	}

	/// Forgets a position that holds neither shares nor unbonding claims, and the hotkey's
	/// pools with its last position (they are empty then: the last share takes everything).
	pub(crate) fn close_position_if_empty(coldkey: &T::AccountId, hotkey: &T::AccountId) {
		let empty = !StakeShares::<T>::contains_key(hotkey, coldkey)
			&& !UnbondingClaims::<T>::contains_key(hotkey, coldkey);
		if empty && Positions::<T>::take(coldkey, hotkey).is_some() {
			StakerCount::<T>::mutate_exists(hotkey, |count| {
				*count = count.and_then(|c| c.checked_sub(1)).filter(|c| *c > 0)
			});
			if !StakerCount::<T>::contains_key(hotkey) {
				Pools::<T>::remove(hotkey);
			}
			let mut last = false;
			PositionCount::<T>::mutate_exists(coldkey, |count| {
				*count = count.and_then(|c| c.checked_sub(1)).filter(|c| *c > 0);
				last = count.is_none();
			});
			if last {
				frame_system::Pallet::<T>::dec_consumers(coldkey);
			}
		}
	}

	/// What `coldkey`'s active stake behind `hotkey` is worth now.
	pub fn stake_of(coldkey: &T::AccountId, hotkey: &T::AccountId) -> BalanceOf<T> {
		let pool = Pools::<T>::get(hotkey).active;
		pool.value_of(Self::live_shares(hotkey, coldkey, &pool))
	}

	/// The take of `hotkey`: what its owner set, capped by today's maximum, or the default.
	pub fn take_of(hotkey: &T::AccountId) -> Perbill {
		let parameters = Parameters::<T>::get();
		Takes::<T>::get(hotkey)
			.map(|record| record.take)
			.unwrap_or(parameters.default_take)
			.min(parameters.max_take)
	}

	/// The staking parameters in force, for the runtime API.
	pub fn parameters() -> ParametersOf<T> {
		Parameters::<T>::get()
	}

	/// Every position of `coldkey`, what its stake and each of its unbonding claims is worth
	/// now, for the runtime API. A position that a slash of everything voided shows nothing
	/// until `withdraw_unbonded` clears it.
	pub fn positions(
		coldkey: &T::AccountId,
	) -> Vec<StakePosition<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>> {
		Positions::<T>::iter_key_prefix(coldkey)
			.map(|hotkey| {
				let HotkeyPools { active, unbonding: unbonding_pool } = Pools::<T>::get(&hotkey);
				let stake = active.value_of(Self::live_shares(&hotkey, coldkey, &active));
				let unbonding = Self::live_claims(&hotkey, coldkey, &unbonding_pool)
					.into_iter()
					.map(|claim| UnbondingChunk {
						amount: unbonding_pool.value_of(claim.points),
						unlock_at: claim.unlock_at,
					})
					.collect();
				StakePosition { stake, unbonding, hotkey }
			})
			.collect()
	}
}

impl<T: Config> synod_primitives::stake::StakeInfo<T::AccountId, BalanceOf<T>> for Pallet<T> {
	fn hotkey_stake(hotkey: &T::AccountId) -> BalanceOf<T> {
		Pools::<T>::get(hotkey).active.value
	}

	fn stake(coldkey: &T::AccountId, hotkey: &T::AccountId) -> BalanceOf<T> {
		Self::stake_of(coldkey, hotkey)
	}
}
