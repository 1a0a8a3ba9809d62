//! Slashing a hotkey: a cut of each of its two pools, pro rata to their values, so that every
//! staker loses the same fraction of its active and unbonding stake without being visited.

use crate::{pallet::*, pools::mul_div, BalanceOf};
use frame_support::{
	storage::with_storage_layer,
	traits::{
		fungible::{Balanced, BalancedHold, Credit},
		tokens::imbalance::Imbalance,
	},
	weights::Weight,
};
use sp_runtime::{
	traits::{Saturating, Zero},
	DispatchError, Rounding,
};
use synod_primitives::stake::{SlashAmount, SlashDestination, SlashReason, StakeSlash};

impl<T: Config> Pallet<T> {
	fn do_slash(
		hotkey: &T::AccountId,
		amount: SlashAmount<BalanceOf<T>>,
		reason: SlashReason,
		destination: SlashDestination<T::AccountId>,
	) -> Result<BalanceOf<T>, DispatchError> {
		let mut pools = Pools::<T>::get(hotkey);
		let (active, unbonding) = (pools.active.value, pools.unbonding.value);
		let at_stake = active.saturating_add(unbonding);
		let target = match amount {
			SlashAmount::Fraction(fraction) => fraction.mul_floor(at_stake),
			SlashAmount::Amount(amount) => amount.min(at_stake),
		};
		if target.is_zero() {
			return Ok(Zero::zero());
		}
		// The active cut rounds down, so the unbonding cut (the rest) is at most the
		// unbonding pool's share rounded up, which never exceeds its value.
		// `active <= at_stake`, so the cut fits the balance type and never exceeds `target`.
		let active_cut = mul_div(target, active, at_stake, Rounding::Down).unwrap_or_default();
		let unbonding_cut = target - active_cut;
		pools.active.slash(active_cut);
		pools.unbonding.slash(unbonding_cut);
		Pools::<T>::insert(hotkey, pools);
		TotalStake::<T>::mutate(|total| *total = total.saturating_sub(active_cut));
		TotalUnbonding::<T>::mutate(|total| *total = total.saturating_sub(unbonding_cut));

		let (slashed, missing): (Credit<T::AccountId, T::Currency>, _) =
			<T::Currency as BalancedHold<T::AccountId>>::slash(
				&HoldReason::Staking.into(),
				&Self::pot(),
				target,
			);
		// The pot's hold always covers the pools (see `do_try_state`); anything else is a bug
		// that must not pass silently.
		frame_support::ensure!(missing.is_zero(), DispatchError::Other("pot hold below pools"));
		debug_assert_eq!(slashed.peek(), target);
		match &destination {
			// Dropping a credit burns it: total issuance falls by the amount.
			SlashDestination::Burn => drop(slashed),
			// A credit too small to create the receiver's account is burnt instead.
			SlashDestination::Account(receiver) => {
				let _ = <T::Currency as Balanced<T::AccountId>>::resolve(receiver, slashed);
			},
		}
		Self::deposit_event(Event::Slashed {
			hotkey: hotkey.clone(),
			amount: target,
			reason,
			destination,
		});
		Ok(target)
	}
}

impl<T: Config> StakeSlash<T::AccountId, BalanceOf<T>> for Pallet<T> {
	fn slash(
		hotkey: &T::AccountId,
		amount: SlashAmount<BalanceOf<T>>,
		reason: SlashReason,
		destination: SlashDestination<T::AccountId>,
	) -> Result<BalanceOf<T>, DispatchError> {
		with_storage_layer(|| Self::do_slash(hotkey, amount, reason, destination))
	}

	/// The same for every hotkey: a slash visits no staker.
	fn slash_weight() -> Weight {
		use crate::WeightInfo;
		T::WeightInfo::slash_hotkey()
	}
}
