//! The block emission with its halvings, its split among subnets, and the payout at a
//! subnet's epoch.

use crate::{pallet::*, weights::WeightInfo, BalanceOf, NetUid};
use alloc::vec::Vec;
use frame_support::{pallet_prelude::*, traits::fungible::Mutate};
use sp_runtime::{
	traits::{Saturating, UniqueSaturatedFrom, UniqueSaturatedInto, Zero},
	SaturatedConversion,
};
use synod_primitives::{stake::DividendCredit, subnet::SubnetRegistry};
use yuma_consensus::epoch::run_epoch;

/// What one block releases after `released` of `cap`: `initial` halved once for each time
/// half of what was left got released (`initial >> floor(log2(cap / (cap - released)))`,
/// subtensor's curve), and never more than what is left.
pub fn block_emission(initial: u128, cap: u128, released: u128) -> u128 {
	let left = cap.saturating_sub(released);
	if left == 0 {
		return 0;
	}
	let mut halvings = 0u32;
	while halvings < 128 && left <= cap >> (halvings + 1) {
		halvings += 1;
	}
	(initial.checked_shr(halvings).unwrap_or(0)).min(left)
}

/// `total` split in proportion to `shares`, each part rounded down; equal parts if every
/// share is zero.
pub fn split_by_shares(total: u128, shares: &[u32]) -> Vec<u128> {
	let sum: u128 = shares.iter().map(|s| *s as u128).sum();
	if sum == 0 {
		let each = total / (shares.len().max(1) as u128);
		return shares.iter().map(|_| each).collect();
	}
	// total < 2^128 and share < 2^32 could overflow a product: divide first, then add the
	// remainder's part, which is exact to the unit.
	shares
		.iter()
		.map(|share| {
			let share = *share as u128;
			(total / sum) * share + (total % sum) * share / sum
		})
		.collect()
}

impl<T: Config> Pallet<T> {
	/// What the next block releases, from the parameters and what was released so far.
	pub fn next_block_emission() -> BalanceOf<T> {
		let parameters = Parameters::<T>::get();
		BalanceOf::<T>::unique_saturated_from(block_emission(
			parameters.initial_block_emission.unique_saturated_into(),
			parameters.supply_cap.unique_saturated_into(),
			Released::<T>::get().unique_saturated_into(),
		))
	}

	/// Adds this block's emission to each subnet's pending emission.
	pub(crate) fn accrue_block_emission() -> Weight {
		let netuids = T::Subnets::netuids();
		let weight = T::WeightInfo::accrue(netuids.len() as u32);
		let emission: u128 = Self::next_block_emission().unique_saturated_into();
		if emission == 0 || netuids.is_empty() {
			return weight;
		}
		let shares: Vec<u32> = netuids.iter().map(|n| SubnetShares::<T>::get(n)).collect();
		let parts = split_by_shares(emission, &shares);
		let mut released = 0u128;
		for (netuid, part) in netuids.iter().zip(parts) {
			if part > 0 {
				PendingEmission::<T>::mutate(netuid, |pending| {
					*pending = pending.saturating_add(part.saturated_into())
				});
				released += part;
			}
		}
		Released::<T>::mutate(|total| *total = total.saturating_add(released.saturated_into()));
		weight
	}

	/// Runs `netuid`'s epoch on its pending emission and pays it out: the owner's cut, then
	/// miners' incentive to their coldkeys and validators' dividends to their stakers.
	///
	/// Returns its weight: the benchmarked epoch by neurons and weight entries, plus each
	/// dividend credit by the stakers it visited (a credit's cost grows with them, and only
	/// after the epoch is it known who is paid).
	pub fn run_subnet_epoch(netuid: NetUid) -> Weight {
		let Some(hyperparameters) = T::Subnets::hyperparameters(netuid) else {
			return T::DbWeight::get().reads(1);
		};
		let neurons = T::Subnets::neurons(netuid);
		let mut weight =
			T::WeightInfo::run_epoch(neurons.len() as u32, WeightEntries::<T>::get(netuid));
		let pending = PendingEmission::<T>::get(netuid);
		let parameters = Parameters::<T>::get();
		let owner = T::Subnets::owner(netuid);

		// The owner's cut is paid whether or not anyone else can be.
		let mut owner_cut = parameters.owner_cut.mul_floor(pending);
		if let Some(owner) = &owner {
			if owner_cut.is_zero() || T::Currency::mint_into(owner, owner_cut).is_err() {
				owner_cut = Zero::zero();
			}
		} else {
			owner_cut = Zero::zero();
		}
		let pool: u64 = pending.saturating_sub(owner_cut).saturated_into();

		let input = Self::epoch_input(netuid, &hyperparameters, &neurons, pool);
		let outputs = match run_epoch(&input) {
			Ok(outputs) => outputs,
			Err(error) => {
				log::error!(target: "runtime::yuma", "epoch of subnet {netuid} failed: {error:?}");
				return weight;
			},
		};
		let mut to_miners = BalanceOf::<T>::zero();
		let mut to_validators = BalanceOf::<T>::zero();
		for (neuron, output) in neurons.iter().zip(outputs.iter()) {
			let incentive = BalanceOf::<T>::unique_saturated_from(output.server_emission);
			if !incentive.is_zero() && T::Currency::mint_into(&neuron.coldkey, incentive).is_ok() {
				to_miners = to_miners.saturating_add(incentive);
			}
			let dividends = BalanceOf::<T>::unique_saturated_from(output.validator_emission);
			if !dividends.is_zero() {
				weight = weight.saturating_add(T::Dividends::credit_weight_of(&neuron.hotkey));
				if let Ok(credited) = T::Dividends::credit_dividend(&neuron.hotkey, dividends) {
					to_validators = to_validators.saturating_add(credited);
				}
			}
		}
		Self::store_outputs(netuid, &outputs);

		let paid = owner_cut.saturating_add(to_miners).saturating_add(to_validators);
		let carried = pending.saturating_sub(paid);
		PendingEmission::<T>::insert(netuid, carried);
		Paid::<T>::mutate(|total| *total = total.saturating_add(paid));
		let epoch_index = EpochIndex::<T>::mutate(netuid, |index| {
			*index = index.saturating_add(1);
			*index
		});
		LastEpochBlock::<T>::insert(netuid, frame_system::Pallet::<T>::block_number());
		Self::deposit_event(Event::EpochRun {
			netuid,
			epoch_index,
			owner_cut,
			to_miners,
			to_validators,
			carried,
		});
		weight
	}
}

#[cfg(test)]
mod unit {
	use super::*;

	#[test]
	fn the_block_emission_halves_at_each_half_of_what_is_left() {
		let cap = 21_000_000u128;
		assert_eq!(block_emission(1000, cap, 0), 1000);
		assert_eq!(block_emission(1000, cap, cap / 2 - 1), 1000);
		assert_eq!(block_emission(1000, cap, cap / 2), 500);
		assert_eq!(block_emission(1000, cap, cap * 3 / 4 - 1), 500);
		assert_eq!(block_emission(1000, cap, cap * 3 / 4), 250);
		assert_eq!(block_emission(1000, cap, cap * 7 / 8), 125);
		assert_eq!(block_emission(1000, 1000, 997), 3);
		assert_eq!(block_emission(1000, cap, cap - 3), 0);
		assert_eq!(block_emission(1000, cap, cap), 0);
		assert_eq!(block_emission(1000, cap, cap + 5), 0);
		assert_eq!(block_emission(1000, 0, 0), 0);
	}

	#[test]
	fn the_schedule_never_passes_the_cap() {
		let (cap, mut released) = (1_000_000u128, 0u128);
		for _ in 0..100_000 {
			released += block_emission(97, cap, released);
		}
		assert!(released <= cap);
		assert!(released > cap * 99 / 100, "released {released}");
	}

	#[test]
	fn shares_split_in_proportion_rounding_down() {
		assert_eq!(split_by_shares(100, &[1, 1, 2]), vec![25, 25, 50]);
		assert_eq!(split_by_shares(10, &[1, 1, 1]), vec![3, 3, 3]);
		assert_eq!(split_by_shares(10, &[0, 0]), vec![5, 5]);
		assert_eq!(split_by_shares(10, &[0, 3]), vec![0, 10]);
		assert_eq!(split_by_shares(u128::MAX, &[u32::MAX, u32::MAX]), vec![u128::MAX / 2; 2]);
		assert_eq!(split_by_shares(7, &[]), Vec::<u128>::new());
	}
}
