//! Setting weights, directly or by commit and reveal, with subtensor's checks in its order.

use crate::{pallet::*, BalanceOf, NetUid, Uid, WeightCommit};
use alloc::vec::Vec;
use frame_support::{ensure, pallet_prelude::*};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::{Hash, Saturating, UniqueSaturatedInto};
use synod_primitives::{
	stake::StakeInfo,
	subnet::{SubnetHyperparameters, SubnetRegistry},
};
use yuma_consensus::{
	fixed::{inplace_normalize, u16_max_upscale},
	I32F32,
};

type HyperparametersOf<T> = SubnetHyperparameters<BalanceOf<T>>;

/// Whether the weights are the single one a uid may always put on itself.
fn is_self_weight(uid: Uid, uids: &[Uid]) -> bool {
	uids.len() == 1 && uids[0] == uid
}

/// Subtensor's `check_vec_max_limited`: the largest weight, normalised, is at most
/// `limit / 65535`.
fn within_max_weight(values: &[u16], limit: u16) -> bool {
	let limit = I32F32::from_num(limit) / I32F32::from_num(u16::MAX);
	let mut normalised: Vec<I32F32> = values.iter().map(|v| I32F32::from_num(*v)).collect();
	inplace_normalize(&mut normalised);
	normalised.iter().max().is_none_or(|max| *max <= limit)
}

impl<T: Config> Pallet<T> {
	/// Checks and stores weights. `rate_limited` is false for a reveal, whose commit was.
	pub(crate) fn do_set_weights(
		hotkey: &T::AccountId,
		netuid: NetUid,
		hyperparameters: &HyperparametersOf<T>,
		uids: &[Uid],
		values: &[u16],
		version_key: u64,
		rate_limited: bool,
	) -> DispatchResult {
		ensure!(uids.len() == values.len(), Error::<T>::LengthMismatch);
		let n = T::Subnets::neuron_count(netuid);
		ensure!(uids.len() <= n as usize, Error::<T>::TooManyWeights);
		let uid = T::Subnets::uid_of(netuid, hotkey).ok_or(Error::<T>::NotRegistered)?;
		ensure!(
			T::Stake::hotkey_stake(hotkey) >= Parameters::<T>::get().stake_threshold,
			Error::<T>::NotEnoughStake
		);
		ensure!(
			hyperparameters.weights_version == 0 || version_key >= hyperparameters.weights_version,
			Error::<T>::OutdatedVersionKey
		);
		let now = frame_system::Pallet::<T>::block_number();
		if rate_limited {
			Self::ensure_rate_limit(netuid, uid, hyperparameters, now)?;
		}
		let self_weight = is_self_weight(uid, uids);
		let permitted =
			NeuronOutputs::<T>::get(netuid, uid).is_some_and(|output| output.validator_permit);
		ensure!(self_weight || permitted, Error::<T>::NoValidatorPermit);
		let mut row: Vec<(Uid, u16)> = uids.iter().copied().zip(values.iter().copied()).collect();
		row.sort_unstable_by_key(|(target, _)| *target);
		if let Some(pair) = row.windows(2).find(|pair| pair[0].0 == pair[1].0) {
			return Err(Error::<T>::DuplicateUid { uid: pair[0].0 }.into());
		}
		if let Some((target, _)) = row.iter().find(|(target, _)| *target >= n) {
			return Err(Error::<T>::UnknownUid { uid: *target }.into());
		}
		ensure!(
			self_weight || uids.len() >= hyperparameters.min_allowed_weights.min(n) as usize,
			Error::<T>::TooFewWeights
		);
		let sorted_values: Vec<u16> = row.iter().map(|(_, value)| *value).collect();
		let upscaled = u16_max_upscale(&sorted_values);
		ensure!(
			self_weight
				|| hyperparameters.max_weight_limit == u16::MAX
				|| within_max_weight(&upscaled, hyperparameters.max_weight_limit),
			Error::<T>::MaxWeightExceeded
		);
		let stored: WeightRow<T> = row
			.iter()
			.zip(upscaled)
			.map(|((target, _), value)| (*target, value))
			.collect::<Vec<_>>()
			.try_into()
			.map_err(|_| Error::<T>::TooManyWeights)?;
		let entries = stored.len() as u32;
		Self::store_weights(netuid, uid, stored);
		if !hyperparameters.commit_reveal {
			LastUpdate::<T>::insert(netuid, uid, now);
		}
		Self::deposit_event(Event::WeightsSet { netuid, uid, hotkey: hotkey.clone(), entries });
		Ok(())
	}

	/// Replaces `uid`'s weights, keeping the subnet's entry count.
	pub(crate) fn store_weights(netuid: NetUid, uid: Uid, row: WeightRow<T>) {
		let old = Weights::<T>::get(netuid, uid).map_or(0, |row| row.len() as u32);
		let new = row.len() as u32;
		// A subnet with no weights has no count at all (try_state holds the two to agree):
		// clearing a uid that never set weights must not store a zero.
		if old != new {
			WeightEntries::<T>::mutate_exists(netuid, |count| {
				let next = count.unwrap_or(0).saturating_sub(old).saturating_add(new);
				*count = (next > 0).then_some(next);
			});
		}
		if row.is_empty() {
			Weights::<T>::remove(netuid, uid);
		} else {
			Weights::<T>::insert(netuid, uid, row);
		}
	}

	fn ensure_rate_limit(
		netuid: NetUid,
		uid: Uid,
		hyperparameters: &HyperparametersOf<T>,
		now: BlockNumberFor<T>,
	) -> DispatchResult {
		// A uid that never set weights nor committed is not limited.
		if let Some(last) = LastUpdate::<T>::get(netuid, uid) {
			let since: u64 = now.saturating_sub(last).unique_saturated_into();
			ensure!(
				since >= hyperparameters.weights_rate_limit as u64,
				Error::<T>::SettingWeightsTooFast
			);
		}
		Ok(())
	}

	/// The hash a reveal must match.
	pub fn commit_hash(
		hotkey: &T::AccountId,
		netuid: NetUid,
		uids: &[Uid],
		values: &[u16],
		salt: &[u16],
		version_key: u64,
	) -> T::Hash {
		T::Hashing::hash_of(&(hotkey, netuid, uids, values, salt, version_key))
	}

	/// The commits of `hotkey` on `netuid` that may still be revealed at epoch `epoch`.
	fn live_commits(
		netuid: NetUid,
		hotkey: &T::AccountId,
		epoch: u64,
		period: u64,
	) -> CommitQueue<T> {
		let mut commits = WeightCommits::<T>::get(netuid, hotkey);
		commits.retain(|commit| commit.epoch.saturating_add(period) >= epoch);
		commits
	}

	pub(crate) fn do_commit_weights(
		hotkey: T::AccountId,
		netuid: NetUid,
		hash: T::Hash,
	) -> DispatchResult {
		let hyperparameters =
			T::Subnets::hyperparameters(netuid).ok_or(Error::<T>::UnknownSubnet)?;
		ensure!(hyperparameters.commit_reveal, Error::<T>::CommitRevealDisabled);
		let uid = T::Subnets::uid_of(netuid, &hotkey).ok_or(Error::<T>::NotRegistered)?;
		let now = frame_system::Pallet::<T>::block_number();
		Self::ensure_rate_limit(netuid, uid, &hyperparameters, now)?;
		let epoch = EpochIndex::<T>::get(netuid);
		let period = hyperparameters.reveal_period_epochs as u64;
		let mut commits = Self::live_commits(netuid, &hotkey, epoch, period);
		commits
			.try_push(WeightCommit { hash, epoch, block: now })
			.map_err(|_| Error::<T>::TooManyUnrevealedCommits)?;
		WeightCommits::<T>::insert(netuid, &hotkey, commits);
		LastUpdate::<T>::insert(netuid, uid, now);
		Self::deposit_event(Event::WeightsCommitted {
			netuid,
			hotkey,
			hash,
			reveal_epoch: epoch.saturating_add(period),
		});
		Ok(())
	}

	pub(crate) fn do_reveal_weights(
		hotkey: T::AccountId,
		netuid: NetUid,
		uids: BoundedVec<Uid, T::MaxUids>,
		values: BoundedVec<u16, T::MaxUids>,
		salt: BoundedVec<u16, ConstU32<64>>,
		version_key: u64,
	) -> DispatchResult {
		let hyperparameters =
			T::Subnets::hyperparameters(netuid).ok_or(Error::<T>::UnknownSubnet)?;
		ensure!(hyperparameters.commit_reveal, Error::<T>::CommitRevealDisabled);
		ensure!(T::Subnets::uid_of(netuid, &hotkey).is_some(), Error::<T>::NotRegistered);
		let hash = Self::commit_hash(&hotkey, netuid, &uids, &values, &salt, version_key);
		let epoch = EpochIndex::<T>::get(netuid);
		let period = hyperparameters.reveal_period_epochs as u64;
		let commits = WeightCommits::<T>::get(netuid, &hotkey);
		let position = commits
			.iter()
			.position(|commit| commit.hash == hash)
			.ok_or(Error::<T>::NoMatchingCommit)?;
		let reveal_epoch = commits[position].epoch.saturating_add(period);
		ensure!(epoch >= reveal_epoch, Error::<T>::RevealTooEarly);
		ensure!(epoch == reveal_epoch, Error::<T>::CommitExpired);
		Self::do_set_weights(
			&hotkey,
			netuid,
			&hyperparameters,
			&uids,
			&values,
			version_key,
			false,
		)?;
		let mut remaining = Self::live_commits(netuid, &hotkey, epoch, period);
		remaining.retain(|commit| commit.hash != hash);
		if remaining.is_empty() {
			WeightCommits::<T>::remove(netuid, &hotkey);
		} else {
			WeightCommits::<T>::insert(netuid, &hotkey, remaining);
		}
		Ok(())
	}
}

#[cfg(test)]
mod unit {
	use super::*;

	#[test]
	fn max_weight_matches_subtensor_cases() {
		// Subtensor's `test_math_check_vec_max_limited` style cases.
		assert!(within_max_weight(&[], 0));
		assert!(within_max_weight(&[u16::MAX, u16::MAX], u16::MAX / 2 + 1));
		assert!(!within_max_weight(&[u16::MAX, u16::MAX], u16::MAX / 2 - 1));
		assert!(!within_max_weight(&[u16::MAX, 0], u16::MAX - 1));
		assert!(within_max_weight(&[1, 1, 1, 1], u16::MAX / 4 + 1));
	}

	#[test]
	fn only_a_single_weight_on_oneself_is_a_self_weight() {
		assert!(is_self_weight(3, &[3]));
		assert!(!is_self_weight(3, &[3, 4]));
		assert!(!is_self_weight(3, &[4]));
		assert!(!is_self_weight(3, &[]));
	}
}
