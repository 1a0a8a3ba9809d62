//! Hooks from the subnets pallet to the pallets that keep state per neuron or per subnet.
//!
//! Implemented for tuples, so the runtime can hand one hook to several pallets.

use crate::{NetUid, Uid};
use frame_support::weights::Weight;

/// A uid was given to a new hotkey (a full subnet replaced its neuron). Whatever belonged to
/// the old neuron under that uid (weights, bonds, jobs in flight) must be reset.
pub trait OnNeuronReplaced<AccountId> {
	/// Resets the state of `uid` on `netuid`, which `old_hotkey` held until now.
	fn on_neuron_replaced(netuid: NetUid, uid: Uid, old_hotkey: &AccountId, new_hotkey: &AccountId);
	/// An upper bound of [`Self::on_neuron_replaced`]'s weight.
	fn weight() -> Weight;
}

/// A subnet was dissolved: settle what is held for it (refund escrow, drop weights).
pub trait OnSubnetDissolved {
	/// Settles everything kept for `netuid`; called after its neurons are removed.
	fn on_subnet_dissolved(netuid: NetUid);
	/// An upper bound of [`Self::on_subnet_dissolved`]'s weight.
	fn weight() -> Weight;
}

#[impl_trait_for_tuples::impl_for_tuples(8)]
impl<AccountId> OnNeuronReplaced<AccountId> for Tuple {
	fn on_neuron_replaced(
		netuid: NetUid,
		uid: Uid,
		old_hotkey: &AccountId,
		new_hotkey: &AccountId,
	) {
		for_tuples!( #( Tuple::on_neuron_replaced(netuid, uid, old_hotkey, new_hotkey); )* );
	}
	fn weight() -> Weight {
		let mut total = Weight::zero();
		for_tuples!( #( total = total.saturating_add(Tuple::weight()); )* );
		total
	}
}

#[impl_trait_for_tuples::impl_for_tuples(8)]
impl OnSubnetDissolved for Tuple {
	fn on_subnet_dissolved(netuid: NetUid) {
		for_tuples!( #( Tuple::on_subnet_dissolved(netuid); )* );
	}
	fn weight() -> Weight {
		let mut total = Weight::zero();
		for_tuples!( #( total = total.saturating_add(Tuple::weight()); )* );
		total
	}
}
