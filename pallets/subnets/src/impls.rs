//! What the pallet offers the other pallets and the runtime API, and its invariants.

use crate::{pallet::*, BalanceOf, NetUid, NeuronRecord, SubnetHyperparameters, Uid};
use alloc::vec::Vec;
use frame_system::pallet_prelude::BlockNumberFor;
use synod_primitives::subnet::{HotkeyOwnership, SubnetOwnership, SubnetRegistry};

impl<T: Config> Pallet<T> {
	/// Who owns `netuid`, with its deposit and creation block, for the runtime API.
	pub fn ownership(
		netuid: NetUid,
	) -> Option<SubnetOwnership<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>> {
		Ownership::<T>::get(netuid)
	}

	fn record(
		netuid: NetUid,
		uid: Uid,
		neuron: NeuronOf<T>,
	) -> NeuronRecord<T::AccountId, BlockNumberFor<T>> {
		NeuronRecord {
			uid,
			hotkey: neuron.hotkey,
			coldkey: neuron.coldkey,
			registered_at: neuron.registered_at,
			endpoint: Endpoints::<T>::get(netuid, uid).map(|served| served.endpoint),
		}
	}

	/// Checks the pallet's invariants: uids of each subnet are dense, one-to-one with hotkeys,
	/// and every hotkey's owner is recorded as the neuron's coldkey; per-subnet items exist
	/// exactly for existing subnets; deposits are held.
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use frame_support::{ensure, traits::fungible::InspectHold};
		use sp_runtime::traits::Zero;

		let mut deposits: alloc::collections::BTreeMap<T::AccountId, BalanceOf<T>> =
			Default::default();
		let mut subnet_count = 0u32;
		for (netuid, ownership) in Ownership::<T>::iter() {
			subnet_count += 1;
			ensure!(netuid < NextNetuid::<T>::get(), "a subnet's netuid is not below NextNetuid");
			let hyperparameters = Hyperparameters::<T>::get(netuid)
				.ok_or("an existing subnet has no hyperparameters")?;
			ensure!(
				RegistrationCosts::<T>::contains_key(netuid),
				"a subnet has no registration cost"
			);
			let count = NeuronCount::<T>::get(netuid);
			ensure!(count <= hyperparameters.max_uids, "a subnet holds more neurons than max_uids");
			for uid in 0..count {
				let neuron =
					Neurons::<T>::get(netuid, uid).ok_or("a uid below the count is empty")?;
				ensure!(
					Uids::<T>::get(netuid, &neuron.hotkey) == Some(uid),
					"a neuron's hotkey does not map back to its uid"
				);
				ensure!(
					HotkeyOwner::<T>::get(&neuron.hotkey) == Some(neuron.coldkey.clone()),
					"a neuron's coldkey is not its hotkey's owner"
				);
			}
			ensure!(
				Neurons::<T>::iter_prefix(netuid).count() == count as usize,
				"neurons exist beyond the count"
			);
			ensure!(
				Uids::<T>::iter_prefix(netuid).count() == count as usize,
				"hotkeys map to uids that do not exist"
			);
			ensure!(
				Endpoints::<T>::iter_prefix(netuid).all(|(uid, _)| uid < count),
				"an endpoint belongs to no neuron"
			);
			if !ownership.deposit.is_zero() {
				let entry = deposits.entry(ownership.owner.clone()).or_insert_with(Zero::zero);
				*entry += ownership.deposit;
			}
		}
		ensure!(subnet_count == Ownership::<T>::count(), "the subnet counter is off");
		if let (Some(defaults), Some(bounds)) =
			(DefaultHyperparameters::<T>::get(), Bounds::<T>::get())
		{
			ensure!(defaults.check(&bounds).is_ok(), "the defaults lie outside the bounds");
		}
		for netuid in Hyperparameters::<T>::iter_keys()
			.chain(NeuronCount::<T>::iter_keys())
			.chain(RegistrationCosts::<T>::iter_keys())
			.chain(Neurons::<T>::iter_keys().map(|(netuid, _)| netuid))
		{
			ensure!(Ownership::<T>::contains_key(netuid), "state left behind for a missing subnet");
		}
		for (owner, held) in deposits {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::SubnetDeposit.into(), &owner) == held,
				"an owner's held deposit differs from its subnets' deposits"
			);
		}
		Ok(())
	}
}

impl<T: Config> SubnetRegistry<T::AccountId, BalanceOf<T>, BlockNumberFor<T>> for Pallet<T> {
	fn netuids() -> Vec<NetUid> {
		let mut netuids: Vec<NetUid> = Ownership::<T>::iter_keys().collect();
		netuids.sort_unstable();
		netuids
	}

	fn subnet_exists(netuid: NetUid) -> bool {
		Ownership::<T>::contains_key(netuid)
	}

	fn owner(netuid: NetUid) -> Option<T::AccountId> {
		Ownership::<T>::get(netuid).map(|ownership| ownership.owner)
	}

	fn hyperparameters(netuid: NetUid) -> Option<SubnetHyperparameters<BalanceOf<T>>> {
		Hyperparameters::<T>::get(netuid)
	}

	fn neuron_count(netuid: NetUid) -> u16 {
		NeuronCount::<T>::get(netuid)
	}

	fn neuron(netuid: NetUid, uid: Uid) -> Option<NeuronRecord<T::AccountId, BlockNumberFor<T>>> {
		Neurons::<T>::get(netuid, uid).map(|neuron| Self::record(netuid, uid, neuron))
	}

	fn neurons(netuid: NetUid) -> Vec<NeuronRecord<T::AccountId, BlockNumberFor<T>>> {
		(0..NeuronCount::<T>::get(netuid)).filter_map(|uid| Self::neuron(netuid, uid)).collect()
	}

	fn uid_of(netuid: NetUid, hotkey: &T::AccountId) -> Option<Uid> {
		Uids::<T>::get(netuid, hotkey)
	}
}

impl<T: Config> HotkeyOwnership<T::AccountId> for Pallet<T> {
	fn owner_of(hotkey: &T::AccountId) -> Option<T::AccountId> {
		HotkeyOwner::<T>::get(hotkey)
	}
}
