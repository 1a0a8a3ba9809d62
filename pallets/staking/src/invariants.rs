//! The pallet's invariants, checked by `try_state` and after every test.

#[cfg(any(feature = "try-runtime", test))]
use crate::{pallet::*, BalanceOf};

#[cfg(any(feature = "try-runtime", test))]
impl<T: Config> Pallet<T> {
	/// Checks that the pot holds exactly the pools and keeps its existential deposit, that
	/// each pool's shares are the live shares of its positions and its value is zero exactly
	/// when they are, that the totals and counters match the maps, that every staked hotkey
	/// has an owner, and that every coldkey with positions has its consumer reference.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::BTreeMap;
		use frame_support::{
			ensure,
			traits::{
				fungible::{Inspect, InspectHold},
				Get,
			},
		};
		use sp_runtime::traits::{Saturating, Zero};
		use synod_primitives::subnet::HotkeyOwnership;

		let reason = HoldReason::Staking.into();
		let (mut active, mut unbonding) = (BalanceOf::<T>::zero(), BalanceOf::<T>::zero());
		let pools: BTreeMap<_, _> = Pools::<T>::iter().collect();
		for pool in pools.values() {
			for side in [&pool.active, &pool.unbonding] {
				ensure!(
					side.value.is_zero() == side.shares.is_zero(),
					"a pool has value without shares or shares without value"
				);
			}
			active = active.saturating_add(pool.active.value);
			unbonding = unbonding.saturating_add(pool.unbonding.value);
		}
		ensure!(TotalStake::<T>::get() == active, "total stake differs from the pools");
		ensure!(TotalUnbonding::<T>::get() == unbonding, "total unbonding differs from the pools");
		let pot = Self::pot();
		ensure!(
			T::Currency::balance_on_hold(&reason, &pot) == active.saturating_add(unbonding),
			"the pot's hold differs from the pools"
		);
		ensure!(
			T::Currency::balance(&pot) >= T::Currency::minimum_balance(),
			"the pot lost its existential deposit"
		);

		let mut shares: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut points: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		for (hotkey, coldkey, held) in StakeShares::<T>::iter() {
			ensure!(!held.shares.is_zero(), "a zero share entry was left behind");
			ensure!(Positions::<T>::contains_key(&coldkey, &hotkey), "shares without a position");
			let pool = pools.get(&hotkey).ok_or("shares without a pool")?;
			if held.era == pool.active.era {
				*shares.entry(hotkey).or_insert_with(Zero::zero) += held.shares;
			} else {
				ensure!(held.era < pool.active.era, "shares of an era yet to come");
			}
		}
		for (hotkey, coldkey, (era, claims)) in UnbondingClaims::<T>::iter() {
			ensure!(!claims.is_empty(), "an empty unbonding queue was left behind");
			ensure!(
				Positions::<T>::contains_key(&coldkey, &hotkey),
				"unbonding without a position"
			);
			let pool = pools.get(&hotkey).ok_or("unbonding without a pool")?;
			ensure!(era <= pool.unbonding.era, "claims of an era yet to come");
			for claim in claims {
				ensure!(!claim.points.is_zero(), "a zero unbonding claim was left behind");
				if era == pool.unbonding.era {
					*points.entry(hotkey.clone()).or_insert_with(Zero::zero) += claim.points;
				}
			}
		}
		for (hotkey, pool) in &pools {
			let zero = BalanceOf::<T>::zero();
			ensure!(
				*shares.get(hotkey).unwrap_or(&zero) == pool.active.shares,
				"a pool's shares differ from its stakers'"
			);
			ensure!(
				*points.get(hotkey).unwrap_or(&zero) == pool.unbonding.shares,
				"a pool's points differ from its claims'"
			);
		}

		let mut stakers: BTreeMap<T::AccountId, u32> = BTreeMap::new();
		let mut positions: BTreeMap<T::AccountId, u32> = BTreeMap::new();
		for (coldkey, hotkey, ()) in Positions::<T>::iter() {
			ensure!(
				StakeShares::<T>::contains_key(&hotkey, &coldkey)
					|| UnbondingClaims::<T>::contains_key(&hotkey, &coldkey),
				"an empty position was left behind"
			);
			ensure!(T::Hotkeys::owner_of(&hotkey).is_some(), "a staked hotkey has no owner");
			*stakers.entry(hotkey).or_default() += 1;
			*positions.entry(coldkey).or_default() += 1;
		}
		for coldkey in positions.keys() {
			ensure!(
				frame_system::Pallet::<T>::consumers(coldkey) > 0,
				"a coldkey with stake lost its consumer reference"
			);
			ensure!(
				T::Currency::balance_on_hold(&reason, coldkey).is_zero(),
				"a coldkey holds stake outside the pot"
			);
		}
		ensure!(
			pools.keys().eq(stakers.keys()),
			"pools differ from the hotkeys that positions stand behind"
		);
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
