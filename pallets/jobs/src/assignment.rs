//! Drawing a job's miners: among its subnet's eligible neurons, weighted toward incentive,
//! from on-chain randomness, so that neither the requester nor a miner chooses.
//!
//! The seed is `Config::Randomness` for the job, drawn in the block after posting, so the
//! requester cannot see it when posting. On an Aura chain the available randomness derives
//! from recent block hashes: a block author could withhold a block to reroll one draw, at the
//! cost of its slot's reward; it cannot pick the outcome. A VRF or drand beacon would remove
//! even that.

use crate::{pallet::*, BalanceOf, JobId};
use alloc::vec::Vec;
use codec::Encode;
use frame_support::traits::{Get, Randomness};
use sp_runtime::traits::{BlakeTwo256, Hash};
use synod_primitives::{
	stake::StakeInfo,
	subnet::{NeuronIncentive, SubnetRegistry, ValidatorPermits},
};

/// Every eligible neuron's weight starts here, so a newcomer with no incentive yet is drawn
/// a sixteenth as often as one that took all of it.
pub const BASE_WEIGHT: u64 = (u16::MAX / 16) as u64;

/// Pseudo-random `u64`s from a 32-byte seed: BLAKE2-256 of `(seed, counter)`, 8 bytes at a
/// time. Deterministic, so every node draws the same.
pub struct Draws {
	seed: [u8; 32],
	counter: u32,
}

impl Draws {
	pub fn new(seed: [u8; 32]) -> Self {
		Self { seed, counter: 0 }
	}

	pub fn next_u64(&mut self) -> u64 {
		let hash = BlakeTwo256::hash_of(&(self.seed, self.counter));
		self.counter = self.counter.wrapping_add(1);
		let mut bytes = [0u8; 8];
		bytes.copy_from_slice(&hash.as_ref()[..8]);
		u64::from_le_bytes(bytes)
	}
}

/// `count` distinct indices of `weights`, each draw with probability proportional to the
/// weights left. The modulo bias is below `total / 2^64`, negligible for weights below 2^32
/// each. Fewer than `count` only if fewer weights are positive.
pub fn weighted_sample(weights: &[u64], count: usize, draws: &mut Draws) -> Vec<usize> {
	let mut left: Vec<(usize, u64)> =
		weights.iter().copied().enumerate().filter(|(_, w)| *w > 0).collect();
	let mut chosen = Vec::with_capacity(count);
	while chosen.len() < count && !left.is_empty() {
		let total: u64 = left.iter().map(|(_, w)| *w).fold(0u64, |a, w| a.saturating_add(w));
		let mut point = draws.next_u64() % total;
		let position = left
			.iter()
			.position(|(_, w)| {
				if point < *w {
					true
				} else {
					point -= *w;
					false
				}
			})
			.unwrap_or(left.len() - 1);
		chosen.push(left.swap_remove(position).0);
	}
	chosen
}

impl<T: Config> Pallet<T> {
	/// The candidates for a job of `replicas` miners on `netuid`: the eligible neurons
	/// without a validator permit when there are enough of them, else every eligible neuron.
	/// Drawing validators only when miners run short keeps them free to verify, since nobody
	/// may verify a job it computed; small subnets, where every neuron holds a permit, still
	/// get their jobs done.
	pub(crate) fn candidates(netuid: crate::NetUid, replicas: u8) -> Vec<(T::AccountId, u64)> {
		let eligible = Self::eligible_neurons(netuid);
		let without_permit = eligible.iter().filter(|(_, _, permit)| !permit).count();
		let miners_only = without_permit >= replicas as usize;
		eligible
			.into_iter()
			.filter(|(_, _, permit)| !(miners_only && *permit))
			.map(|(hotkey, weight, _)| (hotkey, weight))
			.collect()
	}

	/// Every eligible neuron with its draw weight and whether it holds a validator permit.
	/// The permit lives beside the incentive in the same per-neuron record, so asking for it
	/// reads keys this pass has already read.
	fn eligible_neurons(netuid: crate::NetUid) -> Vec<(T::AccountId, u64, bool)> {
		let Some(hyperparameters) = T::Subnets::hyperparameters(netuid) else {
			return Vec::new();
		};
		let min_stake: BalanceOf<T> = hyperparameters.min_stake;
		let incentives = T::Incentives::incentives(netuid);
		T::Subnets::neurons(netuid)
			.into_iter()
			.filter(|neuron| T::Stake::hotkey_stake(&neuron.hotkey) >= min_stake)
			.filter(|neuron| MinerLoad::<T>::get(&neuron.hotkey) < T::MaxJobsPerMiner::get())
			.map(|neuron| {
				let incentive = incentives.get(neuron.uid as usize).copied().unwrap_or(0);
				let permit = T::Permits::has_permit(netuid, neuron.uid);
				(neuron.hotkey, BASE_WEIGHT.saturating_add(incentive as u64), permit)
			})
			.collect()
	}

	/// Draws the miners of `job` if enough are eligible; returns whether it was assigned.
	pub(crate) fn try_assign(job: JobId) -> bool {
		let Some(mut record) = JobRecords::<T>::get(job) else { return false };
		if record.state != JobState::Posted {
			return false;
		}
		let candidates = Self::candidates(record.netuid, record.replicas);
		if candidates.len() < record.replicas as usize {
			return false;
		}
		let (random, _) = T::Randomness::random(&(b"synod/jobs/assign", job).encode());
		let mut seed = [0u8; 32];
		let bytes = random.encode();
		let n = bytes.len().min(32);
		seed[..n].copy_from_slice(&bytes[..n]);
		let weights: Vec<u64> = candidates.iter().map(|(_, weight)| *weight).collect();
		let picked = weighted_sample(&weights, record.replicas as usize, &mut Draws::new(seed));
		let miners: Vec<T::AccountId> =
			picked.into_iter().map(|index| candidates[index].0.clone()).collect();
		let Ok(assigned) = MinersOf::<T>::try_from(miners.clone()) else { return false };
		for miner in &miners {
			MinerLoad::<T>::mutate(miner, |load| *load = load.saturating_add(1));
			MinerJobs::<T>::insert(miner, job, ());
		}
		Assignments::<T>::insert(job, assigned);
		record.state = JobState::Assigned;
		JobRecords::<T>::insert(job, record);
		Self::deposit_event(Event::JobAssigned { job, miners });
		true
	}
}

#[cfg(test)]
mod unit {
	use super::*;

	#[test]
	fn samples_are_distinct_and_deterministic() {
		let weights = [5, 0, 7, 1, 9];
		let first = weighted_sample(&weights, 3, &mut Draws::new([1; 32]));
		assert_eq!(first, weighted_sample(&weights, 3, &mut Draws::new([1; 32])));
		let mut sorted = first.clone();
		sorted.sort();
		sorted.dedup();
		assert_eq!(sorted.len(), 3);
		assert!(!first.contains(&1), "a zero weight is never drawn");
		assert_eq!(weighted_sample(&weights, 9, &mut Draws::new([2; 32])).len(), 4);
	}

	#[test]
	fn draws_follow_the_weights() {
		let weights = [1, 3];
		let mut draws = Draws::new([9; 32]);
		let heavy = (0..4000).filter(|_| weighted_sample(&weights, 1, &mut draws) == [1]).count();
		// Expected 3000; four standard deviations are about 110.
		assert!((2890..=3110).contains(&heavy), "{heavy}");
	}
}
