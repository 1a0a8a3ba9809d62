//! Stake locks: a pallet that needs a hotkey's stake to stay slashable (a job it computes or
//! verifies) locks it until that work settles. Stakers behind a locked hotkey may still start
//! unbonding, since unbonding chunks are slashed like active stake, but they cannot withdraw,
//! so nobody escapes a pending slash by leaving in time.

use crate::pallet::{Config, Pallet, StakeLocks};
use frame_support::traits::Get;
use frame_support::weights::Weight;
use synod_primitives::stake::{StakeLock, StakeLockId};

impl<T: Config> Pallet<T> {
	/// Whether `hotkey` carries any lock.
	pub fn locked(hotkey: &T::AccountId) -> bool {
		StakeLocks::<T>::iter_prefix(hotkey).next().is_some()
	}
}

impl<T: Config> StakeLock<T::AccountId> for Pallet<T> {
	fn lock(id: StakeLockId, hotkey: &T::AccountId) {
		StakeLocks::<T>::mutate(hotkey, id, |count| {
			*count = Some(count.unwrap_or(0).saturating_add(1))
		});
	}

	fn unlock(id: StakeLockId, hotkey: &T::AccountId) {
		StakeLocks::<T>::mutate_exists(hotkey, id, |count| {
			*count = count.and_then(|c| c.checked_sub(1)).filter(|c| *c > 0)
		});
	}

	fn is_locked(hotkey: &T::AccountId) -> bool {
		Self::locked(hotkey)
	}

	fn lock_weight() -> Weight {
		// One read and one write of a lock count.
		T::DbWeight::get().reads_writes(1, 1)
	}
}
