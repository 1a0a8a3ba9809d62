//! The epoch's input read from the chain, and its outputs written back.

use crate::{pallet::*, BalanceOf, NetUid, NeuronEpochOutput};
use alloc::vec::Vec;
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::{UniqueSaturatedFrom, UniqueSaturatedInto};
use synod_primitives::{
	stake::StakeInfo,
	subnet::{NeuronRecord, SubnetHyperparameters},
};
use yuma_consensus::epoch::{EpochInput, NeuronInput, NeuronOutput};

/// Converts raw stakes to the epoch's `u64`, all shifted right by the same number of bits so
/// that the largest stays below 2^63, where the epoch's `I64F64` would saturate. Stakes below
/// `threshold` count as none, compared before the shift so the threshold stays exact.
pub fn scale_stakes(stakes: &[u128], threshold: u128) -> Vec<u64> {
	let max = stakes.iter().copied().max().unwrap_or(0);
	let shift = (128 - max.leading_zeros()).saturating_sub(63);
	stakes
		.iter()
		.map(|stake| if *stake < threshold { 0 } else { (*stake >> shift) as u64 })
		.collect()
}

/// Subtensor's `get_activity_cutoff_blocks`: `max(1, factor * tempo / 1000)`.
pub fn activity_cutoff(tempo: u16, factor_milli: u32) -> u64 {
	(factor_milli as u64 * tempo as u64 / 1000).max(1)
}

impl<T: Config> Pallet<T> {
	/// The block of `uid`'s last weights or commit, or its registration if none.
	pub(crate) fn last_update_of(
		netuid: NetUid,
		neuron: &NeuronRecord<T::AccountId, BlockNumberFor<T>>,
	) -> BlockNumberFor<T> {
		LastUpdate::<T>::get(netuid, neuron.uid).unwrap_or(neuron.registered_at)
	}

	/// Everything the epoch of `netuid` reads, distributing `emission`.
	pub(crate) fn epoch_input(
		netuid: NetUid,
		hyperparameters: &SubnetHyperparameters<BalanceOf<T>>,
		neurons: &[NeuronRecord<T::AccountId, BlockNumberFor<T>>],
		emission: u64,
	) -> EpochInput {
		let block = |b: BlockNumberFor<T>| -> u64 { b.unique_saturated_into() };
		let now = frame_system::Pallet::<T>::block_number();
		let threshold: u128 = Parameters::<T>::get().stake_threshold.unique_saturated_into();
		let raw_stakes: Vec<u128> = neurons
			.iter()
			.map(|neuron| T::Stake::hotkey_stake(&neuron.hotkey).unique_saturated_into())
			.collect();
		let stakes = scale_stakes(&raw_stakes, threshold);
		let epoch = EpochIndex::<T>::get(netuid);
		let period = hyperparameters.reveal_period_epochs as u64;
		let neurons = neurons
			.iter()
			.zip(stakes)
			.map(|(neuron, stake)| {
				let row = |r: Option<WeightRow<T>>| r.map(|r| r.into_inner()).unwrap_or_default();
				// Only commits that can still be revealed mask weights; expired ones are gone.
				let commit_block = hyperparameters
					.commit_reveal
					.then(|| {
						WeightCommits::<T>::get(netuid, &neuron.hotkey)
							.iter()
							.filter(|commit| commit.epoch.saturating_add(period) >= epoch)
							.map(|commit| block(commit.block))
							.min()
					})
					.flatten();
				NeuronInput {
					stake,
					last_update: block(Self::last_update_of(netuid, neuron)),
					registered_at: block(neuron.registered_at),
					validator_permit: NeuronOutputs::<T>::get(netuid, neuron.uid)
						.is_some_and(|output| output.validator_permit),
					weights: row(Weights::<T>::get(netuid, neuron.uid)),
					bonds: row(Bonds::<T>::get(netuid, neuron.uid)),
					commit_block,
				}
			})
			.collect();
		EpochInput {
			current_block: block(now),
			tempo: hyperparameters.tempo as u64,
			last_epoch_block: LastEpochBlock::<T>::get(netuid).map_or(0, block),
			activity_cutoff: activity_cutoff(
				hyperparameters.tempo,
				hyperparameters.activity_cutoff_factor_milli,
			),
			kappa: hyperparameters.kappa,
			bonds_penalty: hyperparameters.bonds_penalty,
			bonds_moving_average: hyperparameters.bonds_moving_average,
			yuma3: hyperparameters.yuma3,
			liquid_alpha: hyperparameters.liquid_alpha,
			alpha_low: hyperparameters.alpha_low,
			alpha_high: hyperparameters.alpha_high,
			alpha_sigmoid_steepness: hyperparameters.alpha_sigmoid_steepness,
			max_allowed_validators: hyperparameters.max_validators,
			// Applied exactly in `scale_stakes`; Synod subnets have no owner hotkey to exempt.
			stake_threshold: 0,
			owner_uid: None,
			emission,
			neurons,
		}
	}

	/// Stores the outputs and bonds of an epoch of `netuid`, uid by uid.
	pub(crate) fn store_outputs(netuid: NetUid, outputs: &[NeuronOutput]) {
		for (uid, output) in outputs.iter().enumerate() {
			let uid = uid as u16;
			let balance = |value: u64| BalanceOf::<T>::unique_saturated_from(value);
			NeuronOutputs::<T>::insert(
				netuid,
				uid,
				NeuronEpochOutput {
					active: output.active,
					stake_weight: output.stake_weight,
					consensus: output.consensus,
					incentive: output.incentive,
					dividends: output.dividends,
					validator_trust: output.validator_trust,
					validator_permit: output.validator_permit,
					server_emission: balance(output.server_emission),
					validator_emission: balance(output.validator_emission),
					emission: balance(output.emission),
				},
			);
			// The epoch's rows are bounded by the subnet's size, itself within `MaxUids`.
			match WeightRow::<T>::try_from(output.bonds.clone()) {
				Ok(row) if !row.is_empty() => Bonds::<T>::insert(netuid, uid, row),
				_ => Bonds::<T>::remove(netuid, uid),
			}
		}
	}
}

#[cfg(test)]
mod unit {
	use super::*;

	#[test]
	fn stakes_that_fit_are_passed_as_they_are() {
		assert_eq!(scale_stakes(&[5, 0, (1 << 63) - 1], 0), vec![5, 0, (1 << 63) - 1]);
		assert_eq!(scale_stakes(&[], 0), Vec::<u64>::new());
	}

	#[test]
	fn large_stakes_shift_together_below_two_to_the_63() {
		let stakes = [1u128 << 70, 3u128 << 60, 1];
		assert_eq!(scale_stakes(&stakes, 0), vec![1 << 62, 3 << 52, 0]);
		let max = u128::MAX;
		assert_eq!(scale_stakes(&[max], 0), vec![(1u64 << 63) - 1]);
	}

	#[test]
	fn the_threshold_is_applied_before_shifting() {
		assert_eq!(scale_stakes(&[99, 100, 101], 100), vec![0, 100, 101]);
		assert_eq!(scale_stakes(&[1u128 << 70, (1u128 << 69) - 1], 1u128 << 69), vec![1 << 62, 0]);
	}

	#[test]
	fn activity_cutoff_is_subtensors() {
		assert_eq!(activity_cutoff(360, 13_889), 5000);
		assert_eq!(activity_cutoff(10, 13_889), 138);
		assert_eq!(activity_cutoff(1, 100), 1);
	}
}
