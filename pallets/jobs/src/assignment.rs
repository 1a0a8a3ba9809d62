//! Drawing a job's miners: among its subnet's eligible neurons, weighted toward incentive,
//! from randomness that nobody knew when the job was posted, so that neither the requester
//! nor a miner chooses.
//!
//! - The seed is `Config::Randomness` for the job, used only once the block it became known
//!   in is after the posting block (`Pallet::fresh_seed`); with BABE's per-block VRF output
//!   that is two blocks after posting. `docs/security.md` says what a block author can
//!   still do with its own slot.
//! - Eligible: registered, with the subnet's minimum stake (and never none), below [`Config::MaxJobsPerMiner`]
//!   jobs and below [`Config::MaxJobsPerMinerPerRequester`] jobs of this requester (so one
//!   requester cannot occupy every honest miner with cheap jobs), and neither the requester
//!   itself nor a hotkey of its coldkey (so it cannot steer its job to its own miners).
//! - At most one replica per coldkey: once a hotkey is drawn, its owner's other hotkeys
//!   leave the draw, so replicas come from distinct operators as far as the chain can tell.
//! - A job that needs a committee is assigned only once enough committee candidates remain
//!   besides its miners (`committee.rs`).

use crate::{pallet::*, types::*, BalanceOf, JobId, STAKE_LOCK};
use alloc::vec::Vec;
use frame_support::traits::Get;
use sp_runtime::traits::{BlakeTwo256, Hash, Saturating, Zero};
use synod_primitives::{
	stake::{StakeInfo, StakeLock},
	subnet::{HotkeyOwnership, NeuronIncentive, SubnetRegistry, ValidatorPermits},
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

/// Up to `count` distinct indices of `weights`, each draw with probability proportional to
/// the weights left; once an index is drawn, every index of the same `group` leaves the
/// draw. The modulo bias is below `total / 2^64`, negligible for weights below 2^32 each.
/// Fewer than `count` only if fewer groups have a positive weight.
pub fn weighted_sample<G: PartialEq>(
	weights: &[u64],
	groups: &[G],
	count: usize,
	draws: &mut Draws,
) -> Vec<usize> {
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
		let picked = left.swap_remove(position).0;
		left.retain(|(index, _)| groups[*index] != groups[picked]);
		chosen.push(picked);
	}
	chosen
}

/// A candidate of a draw: its hotkey, the coldkey behind it and its weight.
pub(crate) struct Candidate<AccountId> {
	pub hotkey: AccountId,
	pub owner: AccountId,
	pub weight: u64,
}

/// Draws `count` of `candidates`, at most one per owner.
pub(crate) fn draw<AccountId: PartialEq + Clone>(
	candidates: &[Candidate<AccountId>],
	count: usize,
	seed: [u8; 32],
) -> Vec<usize> {
	let weights: Vec<u64> = candidates.iter().map(|c| c.weight).collect();
	let owners: Vec<AccountId> = candidates.iter().map(|c| c.owner.clone()).collect();
	weighted_sample(&weights, &owners, count, &mut Draws::new(seed))
}

/// How many distinct owners `candidates` have.
pub(crate) fn owners<AccountId: Ord + Clone>(candidates: &[Candidate<AccountId>]) -> usize {
	candidates.iter().map(|c| c.owner.clone()).collect::<alloc::collections::BTreeSet<_>>().len()
}

impl<T: Config> Pallet<T> {
	/// Whether `hotkey` belongs to `requester`: the requester itself or a hotkey its coldkey
	/// owns. Such a hotkey never computes or verifies the requester's jobs.
	pub(crate) fn is_requesters(hotkey: &T::AccountId, requester: &T::AccountId) -> bool {
		hotkey == requester || T::Hotkeys::owner_of(hotkey).as_ref() == Some(requester)
	}

	/// The candidates for the miners of `record`: the eligible neurons without a validator
	/// permit when there are enough operators among them, else every eligible neuron.
	/// Drawing validators only when miners run short keeps them free to verify; small
	/// subnets, where every neuron holds a permit, still get their jobs done.
	pub(crate) fn miner_candidates(record: &JobOf<T>) -> Vec<Candidate<T::AccountId>> {
		let Some(hyperparameters) = T::Subnets::hyperparameters(record.netuid) else {
			return Vec::new();
		};
		let min_stake: BalanceOf<T> = hyperparameters.min_stake;
		let incentives = T::Incentives::incentives(record.netuid);
		let (cap, share) = (T::MaxJobsPerMiner::get(), T::MaxJobsPerMinerPerRequester::get());
		let eligible: Vec<(Candidate<T::AccountId>, bool)> = T::Subnets::neurons(record.netuid)
			.into_iter()
			.filter(|neuron| !Self::is_requesters(&neuron.hotkey, &record.requester))
			// Some stake even where the subnet asks for none: a miner with nothing at stake
			// risks nothing by lying.
			.filter(|neuron| {
				let stake = T::Stake::hotkey_stake(&neuron.hotkey);
				stake >= min_stake && !stake.is_zero()
			})
			.filter(|neuron| MinerLoad::<T>::get(&neuron.hotkey) < cap)
			.filter(|neuron| {
				MinerRequesterLoad::<T>::get(&neuron.hotkey, &record.requester) < share
			})
			.filter_map(|neuron| {
				let owner = T::Hotkeys::owner_of(&neuron.hotkey)?;
				let incentive = incentives.get(neuron.uid as usize).copied().unwrap_or(0);
				let permit = T::Permits::has_permit(record.netuid, neuron.uid);
				let weight = BASE_WEIGHT.saturating_add(incentive as u64);
				Some((Candidate { hotkey: neuron.hotkey, owner, weight }, permit))
			})
			.collect();
		let without_permit: Vec<Candidate<T::AccountId>> = eligible
			.iter()
			.filter(|(_, permit)| !permit)
			.map(|(c, _)| Candidate {
				hotkey: c.hotkey.clone(),
				owner: c.owner.clone(),
				weight: c.weight,
			})
			.collect();
		if owners(&without_permit) >= record.replicas as usize {
			without_permit
		} else {
			eligible.into_iter().map(|(candidate, _)| candidate).collect()
		}
	}

	/// Draws the miners of `job` (and its committee, when it is verified for sure) if
	/// enough are eligible and the randomness is fresh; returns its requester if it was
	/// assigned.
	pub(crate) fn try_assign(job: JobId) -> Option<T::AccountId> {
		let mut record = JobRecords::<T>::get(job)?;
		if record.state != JobState::Posted {
			return None;
		}
		// Drawn too late, honest miners could not commit in time: the job waits, and expires.
		let now = frame_system::Pallet::<T>::block_number();
		if now.saturating_add(T::MinWindow::get()) > record.deadlines.commit_by {
			return None;
		}
		let seed = Self::fresh_seed(b"synod/jobs/assign", job, record.posted_at)?;
		let candidates = Self::miner_candidates(&record);
		if owners(&candidates) < record.replicas as usize {
			return None;
		}
		let picked = draw(&candidates, record.replicas as usize, seed);
		let miners: Vec<T::AccountId> =
			picked.into_iter().map(|index| candidates[index].hotkey.clone()).collect();
		let Ok(assigned) = MinersOf::<T>::try_from(miners.clone()) else { return None };
		// A job that may be verified needs its whole committee's candidates now, besides its
		// miners; one verified for sure is seated at once.
		let committee = if record.sampled != Some(false) {
			let seats = Self::committee_candidates(&record, &miners);
			if owners(&seats) < record.policy.committee_size as usize {
				return None;
			}
			(record.sampled == Some(true)).then_some(seats)
		} else {
			None
		};
		for miner in &miners {
			MinerLoad::<T>::mutate(miner, |load| *load = load.saturating_add(1));
			MinerRequesterLoad::<T>::mutate(miner, &record.requester, |load| {
				*load = load.saturating_add(1)
			});
			MinerJobs::<T>::insert(miner, job, ());
			T::StakeLock::lock(STAKE_LOCK, miner);
		}
		Assignments::<T>::insert(job, assigned);
		record.state = JobState::Assigned;
		Self::deposit_event(Event::JobAssigned { job, miners });
		if let Some(candidates) = committee {
			Self::seat_committee(job, &mut record, &candidates, seed);
		}
		let requester = record.requester.clone();
		JobRecords::<T>::insert(job, record);
		Some(requester)
	}
}

#[cfg(test)]
mod unit {
	use super::*;

	#[test]
	fn samples_are_distinct_and_deterministic() {
		let weights = [5, 0, 7, 1, 9];
		let groups = [0, 1, 2, 3, 4];
		let first = weighted_sample(&weights, &groups, 3, &mut Draws::new([1; 32]));
		assert_eq!(first, weighted_sample(&weights, &groups, 3, &mut Draws::new([1; 32])));
		let mut sorted = first.clone();
		sorted.sort();
		sorted.dedup();
		assert_eq!(sorted.len(), 3);
		assert!(!first.contains(&1), "a zero weight is never drawn");
		assert_eq!(weighted_sample(&weights, &groups, 9, &mut Draws::new([2; 32])).len(), 4);
	}

	#[test]
	fn one_draw_per_group() {
		// Three hotkeys of one owner and one of another: never two of the first owner.
		let weights = [10, 10, 10, 1];
		let groups = ['a', 'a', 'a', 'b'];
		for seed in 0..50u8 {
			let picked = weighted_sample(&weights, &groups, 2, &mut Draws::new([seed; 32]));
			assert_eq!(picked.len(), 2);
			assert!(picked.contains(&3), "seed {seed}: {picked:?}");
		}
		assert_eq!(weighted_sample(&weights, &groups, 3, &mut Draws::new([0; 32])).len(), 2);
	}

	#[test]
	fn draws_follow_the_weights() {
		let weights = [1, 3];
		let mut draws = Draws::new([9; 32]);
		let heavy =
			(0..4000).filter(|_| weighted_sample(&weights, &[0, 1], 1, &mut draws) == [1]).count();
		// Expected 3000; four standard deviations are about 110.
		assert!((2890..=3110).contains(&heavy), "{heavy}");
	}
}
