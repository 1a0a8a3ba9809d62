//! Slashing a hotkey's stake pro rata across its stakers and their unbonding chunks.

use crate::{pallet::*, BalanceOf};
use alloc::{collections::BTreeMap, vec::Vec};
use frame_support::{
	storage::with_storage_layer,
	traits::{
		fungible::{Balanced, BalancedHold, Credit},
		Imbalance,
	},
	weights::Weight,
};
use sp_runtime::{
	helpers_128bit::multiply_by_rational_with_rounding,
	traits::{One, Saturating, UniqueSaturatedInto, Zero},
	DispatchError, Rounding, SaturatedConversion,
};
use synod_primitives::stake::{SlashAmount, SlashDestination, SlashReason, StakeSlash};

/// Where a piece of stake sits within a position.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Piece {
	Active,
	Chunk(usize),
}

/// `part` of `amount` in `whole`, rounded down; exact for any 128-bit balances.
pub(crate) fn pro_rata<B: UniqueSaturatedInto<u128> + Copy>(amount: B, part: B, whole: B) -> u128 {
	let (amount, part, whole) = (
		amount.unique_saturated_into(),
		part.unique_saturated_into(),
		whole.unique_saturated_into(),
	);
	if whole == 0 {
		return 0;
	}
	multiply_by_rational_with_rounding(amount, part, whole, Rounding::Down).unwrap_or(0)
}

impl<T: Config> Pallet<T> {
	fn do_slash(
		hotkey: &T::AccountId,
		amount: SlashAmount<BalanceOf<T>>,
		reason: SlashReason,
		destination: SlashDestination<T::AccountId>,
	) -> Result<BalanceOf<T>, DispatchError> {
		// Everything at stake behind the hotkey, piece by piece, with each position read once
		// and written back once below.
		let mut active: BTreeMap<T::AccountId, BalanceOf<T>> =
			Stake::<T>::iter_prefix(hotkey).collect();
		let mut unbonding: BTreeMap<T::AccountId, ChunksOf<T>> =
			Unbonding::<T>::iter_prefix(hotkey).collect();
		let mut pieces: Vec<(T::AccountId, Piece, BalanceOf<T>)> = Vec::new();
		for (coldkey, stake) in &active {
			pieces.push((coldkey.clone(), Piece::Active, *stake));
		}
		for (coldkey, chunks) in &unbonding {
			for (index, chunk) in chunks.iter().enumerate() {
				pieces.push((coldkey.clone(), Piece::Chunk(index), chunk.amount));
			}
		}
		let at_stake = pieces
			.iter()
			.fold(BalanceOf::<T>::zero(), |sum, (_, _, amount)| sum.saturating_add(*amount));
		let target = match amount {
			SlashAmount::Fraction(fraction) => fraction.mul_floor(at_stake),
			SlashAmount::Amount(amount) => amount.min(at_stake),
		};
		if target.is_zero() {
			return Ok(Zero::zero());
		}

		// Rounded-down shares first, then the remainder from the largest pieces, so that
		// exactly `target` is taken and nobody pays more than a unit above their share.
		let mut cuts: Vec<BalanceOf<T>> = pieces
			.iter()
			.map(|(_, _, piece)| pro_rata(target, *piece, at_stake).saturated_into())
			.collect();
		let mut remainder = target.saturating_sub(
			cuts.iter().fold(BalanceOf::<T>::zero(), |sum, cut| sum.saturating_add(*cut)),
		);
		let mut order: Vec<usize> = (0..pieces.len()).collect();
		order.sort_by(|a, b| pieces[*b].2.cmp(&pieces[*a].2));
		for index in order {
			if remainder.is_zero() {
				break;
			}
			// The remainder is below the number of pieces (each floor loses under one unit), so
			// one unit each from the largest pieces settles it.
			let room = pieces[index].2.saturating_sub(cuts[index]);
			let extra = room.min(remainder).min(One::one());
			cuts[index] = cuts[index].saturating_add(extra);
			remainder = remainder.saturating_sub(extra);
		}

		let mut per_coldkey: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut active_cut = BalanceOf::<T>::zero();
		let mut unbonding_cut = BalanceOf::<T>::zero();
		for ((coldkey, piece, _), cut) in pieces.iter().zip(cuts.iter()) {
			if cut.is_zero() {
				continue;
			}
			let entry = per_coldkey.entry(coldkey.clone()).or_insert_with(Zero::zero);
			*entry = entry.saturating_add(*cut);
			match piece {
				Piece::Active => {
					active_cut = active_cut.saturating_add(*cut);
					if let Some(stake) = active.get_mut(coldkey) {
						*stake = stake.saturating_sub(*cut);
					}
				},
				Piece::Chunk(index) => {
					unbonding_cut = unbonding_cut.saturating_add(*cut);
					if let Some(chunk) = unbonding.get_mut(coldkey).and_then(|c| c.get_mut(*index))
					{
						chunk.amount = chunk.amount.saturating_sub(*cut);
					}
				},
			}
		}
		for coldkey in per_coldkey.keys() {
			if let Some(stake) = active.get(coldkey) {
				Self::set_stake(hotkey, coldkey, *stake);
			}
			if let Some(mut chunks) = unbonding.remove(coldkey) {
				chunks.retain(|chunk| !chunk.amount.is_zero());
				if chunks.is_empty() {
					Unbonding::<T>::remove(hotkey, coldkey);
				} else {
					Unbonding::<T>::insert(hotkey, coldkey, chunks);
				}
			}
			Self::close_position_if_empty(coldkey, hotkey);
		}
		HotkeyStake::<T>::mutate(hotkey, |total| *total = total.saturating_sub(active_cut));
		Self::remove_zero_hotkey_stake(hotkey);
		TotalStake::<T>::mutate(|total| *total = total.saturating_sub(active_cut));
		TotalUnbonding::<T>::mutate(|total| *total = total.saturating_sub(unbonding_cut));

		let mut slashed: Credit<T::AccountId, T::Currency> =
			Credit::<T::AccountId, T::Currency>::zero();
		for (coldkey, cut) in per_coldkey {
			let (credit, missing) = <T::Currency as BalancedHold<T::AccountId>>::slash(
				&HoldReason::Staking.into(),
				&coldkey,
				cut,
			);
			// The hold always covers the positions (see `do_try_state`); anything else is a bug
			// that must not pass silently.
			frame_support::ensure!(
				missing.is_zero(),
				DispatchError::Other("stake hold below positions")
			);
			slashed = slashed.merge(credit);
		}
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

	fn slash_weight() -> Weight {
		use crate::WeightInfo;
		use frame_support::traits::Get;
		T::WeightInfo::slash_hotkey(T::MaxStakersPerHotkey::get())
	}

	fn slash_weight_of(hotkey: &T::AccountId) -> Weight {
		use crate::WeightInfo;
		T::WeightInfo::slash_hotkey(crate::StakerCount::<T>::get(hotkey))
	}
}
