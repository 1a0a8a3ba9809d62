//! Paying dividends into the stake behind a hotkey: the stakers' part grows the active pool,
//! the owner's take buys shares of it; nobody is visited.

use crate::{pallet::*, BalanceOf, Shares};
use frame_support::{
	storage::with_storage_layer,
	traits::fungible::{Mutate, MutateHold},
	weights::Weight,
};
use sp_runtime::{
	traits::{CheckedAdd, Zero},
	DispatchError,
};
use synod_primitives::{stake::DividendCredit, subnet::HotkeyOwnership};

impl<T: Config> Pallet<T> {
	fn do_credit_dividend(
		hotkey: &T::AccountId,
		amount: BalanceOf<T>,
	) -> Result<BalanceOf<T>, DispatchError> {
		let owner = T::Hotkeys::owner_of(hotkey).ok_or(Error::<T>::HotkeyNotRegistered)?;
		if amount.is_zero() {
			return Ok(amount);
		}
		let take = Self::take_of(hotkey).mul_floor(amount);
		let mut pools = Pools::<T>::get(hotkey);
		// Nobody to share with: everything is the owner's.
		let mut owner_part = amount;
		if !pools.active.shares.is_zero() {
			pools.active.grow(amount - take).ok_or(Error::<T>::Overflow)?;
			owner_part = take;
		}
		let mut staked = amount - owner_part;
		if !owner_part.is_zero() {
			// The take buys shares at the price after the stakers' part, so that it earns
			// nothing of the dividend it comes from. Without a share to buy or room for a
			// position, the owner is paid free balance.
			let bought = pools.active.shares_for(owner_part).filter(|shares| !shares.is_zero());
			match bought {
				Some(bought) if Self::open_position(&owner, hotkey).is_ok() => {
					let shares = Self::live_shares(hotkey, &owner, &pools.active)
						.checked_add(&bought)
						.ok_or(Error::<T>::Overflow)?;
					pools.active.deposit(owner_part, bought).ok_or(Error::<T>::Overflow)?;
					let era = pools.active.era;
					StakeShares::<T>::insert(hotkey, &owner, Shares { shares, era });
					staked = amount;
				},
				_ => T::Currency::mint_into(&owner, owner_part).map(|_| ())?,
			}
		}
		if !staked.is_zero() {
			let pot = Self::pot();
			T::Currency::mint_into(&pot, staked)?;
			T::Currency::hold(&HoldReason::Staking.into(), &pot, staked)?;
			Pools::<T>::insert(hotkey, pools);
			let total = TotalStake::<T>::get().checked_add(&staked).ok_or(Error::<T>::Overflow)?;
			TotalStake::<T>::put(total);
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

	/// The same for every hotkey: a dividend visits no staker.
	fn credit_weight() -> Weight {
		use crate::WeightInfo;
		T::WeightInfo::credit_dividend()
	}
}
