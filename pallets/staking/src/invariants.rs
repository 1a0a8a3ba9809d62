//! The pallet's invariants, checked by `try_state` and after every test.

#[cfg(any(feature = "try-runtime", test))]
use crate::{pallet::*, BalanceOf};

#[cfg(any(feature = "try-runtime", test))]
impl<T: Config> Pallet<T> {
	/// Checks that the held balance of every coldkey equals its positions (active and
	/// unbonding), that the totals and counters match the maps, and that every staked hotkey
	/// has an owner.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::BTreeMap;
		use frame_support::{
			ensure,
			traits::{fungible::InspectHold, Get},
		};
		use sp_runtime::traits::{Saturating, Zero};
		use synod_primitives::subnet::HotkeyOwnership;

		let mut held: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut per_hotkey: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut stakers: BTreeMap<T::AccountId, u32> = BTreeMap::new();
		let mut positions: BTreeMap<T::AccountId, u32> = BTreeMap::new();
		let (mut active, mut unbonding) = (BalanceOf::<T>::zero(), BalanceOf::<T>::zero());

		for (hotkey, coldkey, stake) in Stake::<T>::iter() {
			ensure!(!stake.is_zero(), "a zero stake entry was left behind");
			ensure!(Positions::<T>::contains_key(&coldkey, &hotkey), "stake without a position");
			*held.entry(coldkey).or_insert_with(Zero::zero) += stake;
			*per_hotkey.entry(hotkey).or_insert_with(Zero::zero) += stake;
			active = active.saturating_add(stake);
		}
		for (hotkey, coldkey, chunks) in Unbonding::<T>::iter() {
			ensure!(!chunks.is_empty(), "an empty unbonding queue was left behind");
			ensure!(
				Positions::<T>::contains_key(&coldkey, &hotkey),
				"unbonding without a position"
			);
			for chunk in chunks {
				ensure!(!chunk.amount.is_zero(), "a zero unbonding chunk was left behind");
				*held.entry(coldkey.clone()).or_insert_with(Zero::zero) += chunk.amount;
				unbonding = unbonding.saturating_add(chunk.amount);
			}
		}
		for (coldkey, hotkey, ()) in Positions::<T>::iter() {
			ensure!(
				Stake::<T>::contains_key(&hotkey, &coldkey)
					|| Unbonding::<T>::contains_key(&hotkey, &coldkey),
				"an empty position was left behind"
			);
			ensure!(T::Hotkeys::owner_of(&hotkey).is_some(), "a staked hotkey has no owner");
			*stakers.entry(hotkey).or_default() += 1;
			*positions.entry(coldkey).or_default() += 1;
		}
		for (coldkey, amount) in &held {
			let on_hold = T::Currency::balance_on_hold(&HoldReason::Staking.into(), coldkey);
			ensure!(on_hold == *amount, "a coldkey's hold differs from its positions");
		}
		for (hotkey, total) in HotkeyStake::<T>::iter() {
			ensure!(
				per_hotkey.get(&hotkey) == Some(&total),
				"a hotkey's stake differs from its stakers'"
			);
		}
		ensure!(
			HotkeyStake::<T>::iter().count() == per_hotkey.len(),
			"a staked hotkey has no total"
		);
		ensure!(TotalStake::<T>::get() == active, "total stake differs from the positions");
		ensure!(TotalUnbonding::<T>::get() == unbonding, "total unbonding differs from the chunks");
		ensure!(
			StakerCount::<T>::iter().collect::<BTreeMap<_, _>>() == stakers,
			"staker counts differ from the positions"
		);
		ensure!(
			PositionCount::<T>::iter().collect::<BTreeMap<_, _>>() == positions,
			"position counts differ from the positions"
		);
		ensure!(
			stakers.values().all(|n| *n <= T::MaxStakersPerHotkey::get())
				&& positions.values().all(|n| *n <= T::MaxPositionsPerColdkey::get()),
			"a position bound is exceeded"
		);
		Ok(())
	}
}
