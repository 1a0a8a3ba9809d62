//! The registration cost and the choice of the neuron a full subnet replaces.

use crate::{pallet::*, BalanceOf, NetUid, NeuronEmission, SubnetHyperparameters, Uid};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{Saturating, UniqueSaturatedInto},
	Perbill,
};

impl<T: Config> Pallet<T> {
	/// The cost of registering on `netuid` now, or `None` if the subnet does not exist.
	pub fn registration_cost(netuid: NetUid) -> Option<BalanceOf<T>> {
		let hyperparameters = Hyperparameters::<T>::get(netuid)?;
		let now = frame_system::Pallet::<T>::block_number();
		Some(Self::registration_cost_at(netuid, &hyperparameters, now))
	}

	/// The last cost decayed by `burn_decay` for each block since, within
	/// `[min_burn, max_burn]`.
	pub(crate) fn registration_cost_at(
		netuid: NetUid,
		hyperparameters: &SubnetHyperparameters<BalanceOf<T>>,
		now: BlockNumberFor<T>,
	) -> BalanceOf<T> {
		let Some(last) = RegistrationCosts::<T>::get(netuid) else {
			return hyperparameters.min_burn;
		};
		let elapsed: u64 = now.saturating_sub(last.updated_at).unique_saturated_into();
		// Past ~2^32 blocks any decay below 100% has reached the floor; cap the exponent so
		// the power stays cheap and fits in `usize` on wasm32.
		let elapsed = elapsed.min(u32::MAX as u64) as usize;
		let retained = Perbill::one().saturating_sub(hyperparameters.burn_decay);
		let decayed = retained.saturating_pow(elapsed).mul_floor(last.amount);
		decayed.max(hyperparameters.min_burn).min(hyperparameters.max_burn)
	}

	/// The cost after a registration that paid `paid`.
	pub(crate) fn raised_cost(
		paid: BalanceOf<T>,
		hyperparameters: &SubnetHyperparameters<BalanceOf<T>>,
	) -> BalanceOf<T> {
		let raised = paid.saturating_add(hyperparameters.burn_increase.mul_floor(paid));
		raised.max(hyperparameters.min_burn).min(hyperparameters.max_burn)
	}

	/// The uid a registration on a full subnet takes: among neurons past their immunity, the
	/// one with the lowest emission in the last epoch, then the oldest registration, then the
	/// lowest uid. `None` when every neuron is immune.
	pub(crate) fn neuron_to_replace(
		netuid: NetUid,
		count: u16,
		hyperparameters: &SubnetHyperparameters<BalanceOf<T>>,
		now: BlockNumberFor<T>,
	) -> Option<Uid> {
		let emissions = T::NeuronEmission::emissions(netuid);
		let immunity: BlockNumberFor<T> = hyperparameters.immunity_period.into();
		(0..count)
			.filter_map(|uid| {
				let neuron = Neurons::<T>::get(netuid, uid)?;
				let immune = now.saturating_sub(neuron.registered_at) < immunity;
				if immune {
					return None;
				}
				let emission = emissions.get(uid as usize).copied().unwrap_or(0);
				Some((emission, neuron.registered_at, uid))
			})
			.min()
			.map(|(_, _, uid)| uid)
	}
}
