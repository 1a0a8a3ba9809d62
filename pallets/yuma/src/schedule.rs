//! When epochs run: each subnet every `tempo + 1` blocks, staggered by netuid, at most
//! `MaxEpochsPerBlock` per block with the rest queued.

use crate::{pallet::*, weights::WeightInfo, NetUid};
use alloc::vec::Vec;
use frame_support::{pallet_prelude::*, traits::Get};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::UniqueSaturatedInto;
use synod_primitives::subnet::SubnetRegistry;

/// Subtensor's schedule: the epoch of `netuid` is due when `(block + netuid + 1)` is a
/// multiple of `tempo + 1`; never with tempo 0.
pub fn epoch_due(block: u64, netuid: NetUid, tempo: u16) -> bool {
	tempo != 0 && (block.saturating_add(netuid as u64).saturating_add(1)) % (tempo as u64 + 1) == 0
}

impl<T: Config> Pallet<T> {
	/// Queues the subnets whose epoch is due at `now` and runs as many queued epochs as the
	/// block allows, oldest first.
	pub(crate) fn run_due_epochs(now: BlockNumberFor<T>) -> Weight {
		let visited = Self::queue_due_epochs(now.unique_saturated_into());
		T::WeightInfo::schedule(visited).saturating_add(Self::run_queued_epochs())
	}

	/// Adds the subnets due at `block` to the back of [`EpochQueue`]; returns how many
	/// subnets it looked at.
	pub(crate) fn queue_due_epochs(block: u64) -> u32 {
		let netuids = T::Subnets::netuids();
		let visited = netuids.len() as u32;
		let mut queue = EpochQueue::<T>::get();
		for netuid in netuids {
			let due = T::Subnets::hyperparameters(netuid)
				.is_some_and(|hyperparameters| epoch_due(block, netuid, hyperparameters.tempo));
			// A subnet already queued keeps its place; the queue holds each subnet once, so
			// it cannot outgrow `MaxSubnets`.
			if due && !queue.contains(&netuid) {
				let _ = queue.try_push(netuid);
			}
		}
		EpochQueue::<T>::put(queue);
		visited
	}

	/// Runs up to `MaxEpochsPerBlock` queued epochs and reports the rest as deferred.
	pub(crate) fn run_queued_epochs() -> Weight {
		let mut weight = Weight::zero();
		let mut queue = EpochQueue::<T>::get();
		let run = (T::MaxEpochsPerBlock::get() as usize).min(queue.len());
		let ready: Vec<NetUid> = queue.drain(..run).collect();
		for netuid in &queue {
			Self::deposit_event(Event::EpochDeferred { netuid: *netuid });
		}
		EpochQueue::<T>::put(queue);
		for netuid in ready {
			weight = weight.saturating_add(Self::run_subnet_epoch(netuid));
		}
		weight
	}
}

#[cfg(test)]
mod unit {
	use super::epoch_due;

	#[test]
	fn epochs_are_staggered_by_netuid() {
		let due = |netuid| (0..30).filter(|b| epoch_due(*b, netuid, 9)).collect::<Vec<_>>();
		assert_eq!(due(0), vec![9, 19, 29]);
		assert_eq!(due(1), vec![8, 18, 28]);
		assert_eq!(due(3), vec![6, 16, 26]);
		assert!((0..1000).all(|b| !epoch_due(b, 1, 0)));
	}
}
