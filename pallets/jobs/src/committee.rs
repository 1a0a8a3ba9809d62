//! A job's verification committee: `committee_size` seats drawn by stake among the subnet's
//! validator permit holders, from randomness nobody knew when the job was posted (or, for
//! a job drawn for verification, when its miners' commits closed).
//!
//! Who cannot sit: the job's miners, any hotkey of a coldkey behind one of its miners (an
//! operator does not judge its own miner), and the requester and its coldkey's hotkeys (a
//! requester does not judge the work it pays for). At most one seat per coldkey. Each seat
//! is one vote at settlement: stake already weighed in the draw, and counting it again
//! would let one large holder outvote the seats it did not win. Each member's stake at the
//! draw is kept with its seat, and its stake is locked until settlement so that a slash
//! cannot be dodged by withdrawing.

use crate::{
	assignment::{draw, Candidate},
	pallet::*,
	types::*,
	BalanceOf, CommitteeSeat, JobId, STAKE_LOCK,
};
use alloc::{collections::BTreeSet, vec::Vec};
use sp_runtime::{
	traits::{BlakeTwo256, Hash, Zero},
	SaturatedConversion,
};
use synod_primitives::{
	stake::{StakeInfo, StakeLock},
	subnet::{HotkeyOwnership, SubnetRegistry, ValidatorPermits},
};

/// A seat's weight from its stake, scaled so that the largest stake weighs 2^32 (the draw
/// sums weights in a `u64`); every candidate keeps a chance.
fn stake_weight(stake: u128, largest: u128) -> u64 {
	if largest == 0 {
		return 1;
	}
	// Keep the product below 2^128: drop the low bits that 2^32 of resolution do not need.
	let shift = (128 - largest.leading_zeros()).saturating_sub(96);
	let (stake, largest) = (stake >> shift, largest >> shift);
	let scaled = (stake << 32) / largest;
	(scaled as u64).saturating_add(1)
}

impl<T: Config> Pallet<T> {
	/// The permit holders of `record`'s subnet that may sit on its committee, given its
	/// `miners`, weighted by stake.
	pub(crate) fn committee_candidates(
		record: &JobOf<T>,
		miners: &[T::AccountId],
	) -> Vec<Candidate<T::AccountId>> {
		let Some(hyperparameters) = T::Subnets::hyperparameters(record.netuid) else {
			return Vec::new();
		};
		let min_stake: BalanceOf<T> = hyperparameters.min_stake;
		let miner_owners: BTreeSet<T::AccountId> =
			miners.iter().filter_map(T::Hotkeys::owner_of).collect();
		let eligible: Vec<(T::AccountId, T::AccountId, u128)> = T::Subnets::neurons(record.netuid)
			.into_iter()
			.filter(|neuron| T::Permits::has_permit(record.netuid, neuron.uid))
			.filter(|neuron| !miners.contains(&neuron.hotkey))
			.filter(|neuron| !Self::is_requesters(&neuron.hotkey, &record.requester))
			.filter_map(|neuron| {
				let owner = T::Hotkeys::owner_of(&neuron.hotkey)?;
				let stake = T::Stake::hotkey_stake(&neuron.hotkey);
				(stake >= min_stake && !stake.is_zero() && !miner_owners.contains(&owner))
					.then(|| (neuron.hotkey, owner, stake.saturated_into::<u128>()))
			})
			.collect();
		let largest = eligible.iter().map(|(_, _, stake)| *stake).max().unwrap_or(0);
		eligible
			.into_iter()
			.map(|(hotkey, owner, stake)| Candidate {
				hotkey,
				owner,
				weight: stake_weight(stake, largest),
			})
			.collect()
	}

	/// Draws `record`'s committee from `candidates` with `seed`, seats it, locks its stake
	/// and indexes it; the draw's block is recorded in `record` (which the caller stores).
	pub(crate) fn seat_committee(
		job: JobId,
		record: &mut JobOf<T>,
		candidates: &[Candidate<T::AccountId>],
		seed: [u8; 32],
	) {
		// A seed of its own, so that the committee is not a function of the miners' draw.
		let seed: [u8; 32] = BlakeTwo256::hash_of(&(b"synod/jobs/committee", seed)).into();
		let picked = draw(candidates, record.policy.committee_size as usize, seed);
		let seats: Vec<CommitteeSeat<T::AccountId, BalanceOf<T>>> = picked
			.into_iter()
			.map(|index| {
				let hotkey = candidates[index].hotkey.clone();
				CommitteeSeat { stake: T::Stake::hotkey_stake(&hotkey), hotkey }
			})
			.collect();
		let members: Vec<T::AccountId> = seats.iter().map(|seat| seat.hotkey.clone()).collect();
		for member in &members {
			CommitteeJobs::<T>::insert(member, job, ());
			T::StakeLock::lock(STAKE_LOCK, member);
		}
		// At most `committee_size` seats, itself at most the bound.
		Committees::<T>::insert(job, CommitteeOf::<T>::truncate_from(seats));
		record.committee_drawn_at = Some(frame_system::Pallet::<T>::block_number());
		Self::deposit_event(Event::CommitteeDrawn { job, members });
	}

	/// Whether `hotkey` sits on `job`'s committee.
	pub(crate) fn on_committee(job: JobId, hotkey: &T::AccountId) -> bool {
		CommitteeJobs::<T>::contains_key(hotkey, job)
	}
}

#[cfg(test)]
mod unit {
	use super::stake_weight;

	#[test]
	fn stake_weights_keep_proportions_and_floor_at_one() {
		assert_eq!(stake_weight(0, 0), 1);
		assert_eq!(stake_weight(0, 10), 1);
		assert_eq!(stake_weight(10, 10), (1 << 32) + 1);
		assert_eq!(stake_weight(5, 10), (1 << 31) + 1);
		assert_eq!(stake_weight(u128::MAX, u128::MAX), (1 << 32) + 1);
	}
}
