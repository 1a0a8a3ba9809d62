//! Paying dividends into the stake behind a hotkey.

use crate::{pallet::*, slashing::pro_rata, BalanceOf};
use alloc::vec::Vec;
use frame_support::{
	storage::with_storage_layer,
	traits::fungible::{Mutate, MutateHold},
	weights::Weight,
};
use sp_runtime::{
	traits::{Saturating, Zero},
	DispatchError, SaturatedConversion,
};
use synod_primitives::{stake::DividendCredit, subnet::HotkeyOwnership};

impl<T: Config> Pallet<T> {
	/// Mints `amount` to `coldkey` and adds it to its stake behind `hotkey`, without the
	/// minimum-stake check: dividends of any size compound. The caller updates the totals.
	fn mint_as_stake(
		coldkey: &T::AccountId,
		hotkey: &T::AccountId,
		amount: BalanceOf<T>,
	) -> Result<(), DispatchError> {
		T::Currency::mint_into(coldkey, amount)?;
		T::Currency::hold(&HoldReason::Staking.into(), coldkey, amount)?;
		Stake::<T>::mutate(hotkey, coldkey, |stake| *stake = stake.saturating_add(amount));
		Ok(())
	}

	fn do_credit_dividend(
		hotkey: &T::AccountId,
		amount: BalanceOf<T>,
	) -> Result<BalanceOf<T>, DispatchError> {
		let owner = T::Hotkeys::owner_of(hotkey).ok_or(Error::<T>::HotkeyNotRegistered)?;
		if amount.is_zero() {
			return Ok(amount);
		}
		let take = Self::take_of(hotkey).mul_floor(amount);
		let shared = amount - take;
		let active = HotkeyStake::<T>::get(hotkey);
		let stakers: Vec<(T::AccountId, BalanceOf<T>)> = Stake::<T>::iter_prefix(hotkey).collect();
		let mut paid = BalanceOf::<T>::zero();
		if !active.is_zero() {
			for (coldkey, stake) in stakers {
				let share: BalanceOf<T> = pro_rata(shared, stake, active).saturated_into();
				if !share.is_zero() {
					Self::mint_as_stake(&coldkey, hotkey, share)?;
					paid = paid.saturating_add(share);
				}
			}
		}
		// The take and the rounding remainder (everything, when nobody stakes) go to the owner,
		// as stake if it can open a position behind its hotkey, else to its free balance.
		let owner_part = amount.saturating_sub(paid);
		let mut staked = paid;
		if !owner_part.is_zero() {
			if Self::open_position(&owner, hotkey).is_ok() {
				Self::mint_as_stake(&owner, hotkey, owner_part)?;
				staked = amount;
			} else {
				T::Currency::mint_into(&owner, owner_part)?;
			}
		}
		if !staked.is_zero() {
			HotkeyStake::<T>::mutate(hotkey, |total| *total = total.saturating_add(staked));
			TotalStake::<T>::mutate(|total| *total = total.saturating_add(staked));
		}
		Self::deposit_event(Event::DividendCredited { hotkey: hotkey.clone(), amount, take });
		Ok(amount)
	}
}

impl<T: Config> DividendCredit<T::AccountId, BalanceOf<T>> for Pallet<T> {
	fn credit_dividend(
		hotkey: &T::AccountId,
		amount: BalanceOf<T>,
	) -> Result<BalanceOf<T>, DispatchError> {
		with_storage_layer(|| Self::do_credit_dividend(hotkey, amount))
	}

	fn credit_weight() -> Weight {
		use crate::WeightInfo;
		use frame_support::traits::Get;
		T::WeightInfo::credit_dividend(T::MaxStakersPerHotkey::get())
	}

	fn credit_weight_of(hotkey: &T::AccountId) -> Weight {
		use crate::WeightInfo;
		// One more than the stakers: the owner may open a position for its take.
		T::WeightInfo::credit_dividend(StakerCount::<T>::get(hotkey).saturating_add(1))
	}
}
