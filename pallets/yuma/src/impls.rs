//! What the pallet offers the subnets pallet (hooks, emissions for pruning) and the runtime
//! API, and its invariants.

use crate::{pallet::*, weights::WeightInfo, BalanceOf, Metagraph, MetagraphNeuron, NetUid, Uid};
use alloc::vec::Vec;
use frame_support::{traits::Get, weights::Weight};
use frame_system::pallet_prelude::BlockNumberFor;
#[cfg(any(feature = "try-runtime", test))]
use sp_runtime::traits::{Bounded, Zero};
use sp_runtime::traits::{Saturating, UniqueSaturatedInto};
use synod_primitives::{
	hooks::{OnNeuronReplaced, OnSubnetDissolved},
	stake::StakeInfo,
	subnet::{NeuronEmission, NeuronIncentive, SubnetRegistry, ValidatorPermits},
};

impl<T: Config> Pallet<T> {
	/// Forgets everything about `uid` on `netuid`: weights, bonds, outputs, last update.
	fn clear_uid(netuid: NetUid, uid: Uid) {
		Self::store_weights(netuid, uid, Default::default());
		Bonds::<T>::remove(netuid, uid);
		NeuronOutputs::<T>::remove(netuid, uid);
		LastUpdate::<T>::remove(netuid, uid);
	}

	/// The metagraph of `netuid` with every neuron's last epoch outputs.
	pub fn metagraph(
		netuid: NetUid,
	) -> Option<Metagraph<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>> {
		if !T::Subnets::subnet_exists(netuid) {
			return None;
		}
		let neurons = T::Subnets::neurons(netuid)
			.into_iter()
			.map(|neuron| MetagraphNeuron {
				uid: neuron.uid,
				stake: T::Stake::hotkey_stake(&neuron.hotkey),
				last_update: Self::last_update_of(netuid, &neuron),
				output: NeuronOutputs::<T>::get(netuid, neuron.uid).unwrap_or_default(),
				registered_at: neuron.registered_at,
				endpoint: neuron.endpoint,
				hotkey: neuron.hotkey,
				coldkey: neuron.coldkey,
			})
			.collect();
		Some(Metagraph {
			netuid,
			epoch_index: EpochIndex::<T>::get(netuid),
			last_epoch_block: LastEpochBlock::<T>::get(netuid),
			pending_emission: PendingEmission::<T>::get(netuid),
			neurons,
		})
	}

	/// The stored weights of `hotkey` on `netuid`, or `None` if it holds no uid there.
	pub fn weights_of(netuid: NetUid, hotkey: &T::AccountId) -> Option<Vec<(Uid, u16)>> {
		let uid = T::Subnets::uid_of(netuid, hotkey)?;
		Some(Weights::<T>::get(netuid, uid).map(|row| row.into_inner()).unwrap_or_default())
	}

	/// The emission schedule, owner cut and stake threshold in force.
	pub fn emission_parameters() -> crate::EmissionParameters<BalanceOf<T>> {
		Parameters::<T>::get()
	}

	/// The unrevealed commits of `hotkey` on `netuid`.
	pub fn pending_commits(netuid: NetUid, hotkey: &T::AccountId) -> Vec<CommitOf<T>> {
		WeightCommits::<T>::get(netuid, hotkey).into_inner()
	}

	/// The pallet's invariants:
	/// - what was paid plus what is pending is what the schedule released, within the cap;
	/// - per-subnet state exists only for existing subnets and existing uids;
	/// - weight and bond rows are sorted, without duplicates, within the subnet;
	/// - `WeightEntries` counts the stored weights; the epoch queue holds each subnet once.
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let pending =
			PendingEmission::<T>::iter().fold(BalanceOf::<T>::zero(), |sum, (netuid, p)| {
				if !T::Subnets::subnet_exists(netuid) && !p.is_zero() {
					return BalanceOf::<T>::max_value();
				}
				sum.saturating_add(p)
			});
		ensure_state(
			Paid::<T>::get().saturating_add(pending) == Released::<T>::get(),
			"paid + pending differs from released",
		)?;
		ensure_state(
			Released::<T>::get() <= Parameters::<T>::get().supply_cap
				|| Parameters::<T>::get().supply_cap.is_zero(),
			"released above the supply cap",
		)?;
		let exists = |netuid: NetUid, uid: Uid| uid < T::Subnets::neuron_count(netuid);
		let row_ok = |netuid: NetUid, row: &[(Uid, u16)]| {
			row.windows(2).all(|pair| pair[0].0 < pair[1].0)
				&& row.iter().all(|(target, _)| exists(netuid, *target))
		};
		let mut entries: alloc::collections::BTreeMap<NetUid, u32> = Default::default();
		for (netuid, uid, row) in Weights::<T>::iter() {
			ensure_state(exists(netuid, uid), "weights of a uid that does not exist")?;
			ensure_state(row_ok(netuid, &row), "weight row unsorted or out of range")?;
			*entries.entry(netuid).or_default() += row.len() as u32;
		}
		for (netuid, count) in WeightEntries::<T>::iter() {
			ensure_state(entries.remove(&netuid) == Some(count), "WeightEntries miscounted")?;
		}
		ensure_state(entries.is_empty(), "WeightEntries missing a subnet")?;
		for (netuid, uid, row) in Bonds::<T>::iter() {
			ensure_state(exists(netuid, uid), "bonds of a uid that does not exist")?;
			ensure_state(row_ok(netuid, &row), "bond row unsorted or out of range")?;
		}
		for (netuid, uid) in NeuronOutputs::<T>::iter_keys().chain(LastUpdate::<T>::iter_keys()) {
			ensure_state(exists(netuid, uid), "per-uid state of a uid that does not exist")?;
		}
		for (netuid, hotkey, _) in WeightCommits::<T>::iter() {
			ensure_state(
				T::Subnets::uid_of(netuid, &hotkey).is_some(),
				"commits of a hotkey not registered",
			)?;
		}
		let queue = EpochQueue::<T>::get();
		let mut sorted = queue.clone().into_inner();
		sorted.sort_unstable();
		sorted.dedup();
		ensure_state(sorted.len() == queue.len(), "a subnet queued twice")?;
		Ok(())
	}
}

#[cfg(any(feature = "try-runtime", test))]
fn ensure_state(condition: bool, message: &'static str) -> Result<(), sp_runtime::TryRuntimeError> {
	if condition {
		Ok(())
	} else {
		Err(message.into())
	}
}

impl<T: Config> OnNeuronReplaced<T::AccountId> for Pallet<T> {
	fn on_neuron_replaced(
		netuid: NetUid,
		uid: Uid,
		old_hotkey: &T::AccountId,
		_new: &T::AccountId,
	) {
		Self::clear_uid(netuid, uid);
		WeightCommits::<T>::remove(netuid, old_hotkey);
	}

	fn weight() -> Weight {
		T::WeightInfo::on_neuron_replaced()
	}
}

impl<T: Config> OnSubnetDissolved for Pallet<T> {
	fn on_subnet_dissolved(netuid: NetUid) {
		// What the subnet had not been paid goes back to the schedule.
		let pending = PendingEmission::<T>::take(netuid);
		Released::<T>::mutate(|released| *released = released.saturating_sub(pending));
		SubnetShares::<T>::remove(netuid);
		EpochIndex::<T>::remove(netuid);
		LastEpochBlock::<T>::remove(netuid);
		WeightEntries::<T>::remove(netuid);
		EpochQueue::<T>::mutate(|queue| queue.retain(|queued| *queued != netuid));
		let _ = Weights::<T>::clear_prefix(netuid, T::MaxUids::get(), None);
		let _ = Bonds::<T>::clear_prefix(netuid, T::MaxUids::get(), None);
		let _ = LastUpdate::<T>::clear_prefix(netuid, T::MaxUids::get(), None);
		let _ = NeuronOutputs::<T>::clear_prefix(netuid, T::MaxUids::get(), None);
		// Hotkeys can be more than uids over time, but a hotkey's commits are removed when its
		// uid is replaced, so at most `MaxUids` remain.
		let _ = WeightCommits::<T>::clear_prefix(netuid, T::MaxUids::get(), None);
	}

	fn weight() -> Weight {
		T::WeightInfo::on_subnet_dissolved(T::MaxUids::get())
	}
}

impl<T: Config> NeuronEmission for Pallet<T> {
	fn emissions(netuid: NetUid) -> Vec<u64> {
		(0..T::Subnets::neuron_count(netuid))
			.map(|uid| {
				NeuronOutputs::<T>::get(netuid, uid)
					.map_or(0, |output| output.emission.unique_saturated_into())
			})
			.collect()
	}
}

impl<T: Config> NeuronIncentive for Pallet<T> {
	fn incentives(netuid: NetUid) -> Vec<u16> {
		(0..T::Subnets::neuron_count(netuid))
			.map(|uid| NeuronOutputs::<T>::get(netuid, uid).map_or(0, |output| output.incentive))
			.collect()
	}
}

impl<T: Config> ValidatorPermits for Pallet<T> {
	fn has_permit(netuid: NetUid, uid: Uid) -> bool {
		NeuronOutputs::<T>::get(netuid, uid).is_some_and(|output| output.validator_permit)
	}
}
