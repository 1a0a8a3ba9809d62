//! Subnets and neuron registration.

use frame_support::traits::ConstU16;

use crate::{configs::GovernanceOrigin, Balances, Runtime, RuntimeHoldReason, Yuma};

/// The most subnets at once; bounds the work of anything that visits every subnet.
pub const MAX_SUBNETS: u16 = 64;
/// The most uids any subnet may hold, as on subtensor's mainnet.
pub const MAX_UIDS: u16 = 256;

impl pallet_subnets::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type GovernanceOrigin = GovernanceOrigin;
	// A full subnet replaces the neuron that earned least in its last epoch, and Yuma forgets
	// the weights, bonds and outputs of a replaced uid or a dissolved subnet.
	type NeuronEmission = Yuma;
	type OnNeuronReplaced = Yuma;
	type OnSubnetDissolved = Yuma;
	type MaxSubnets = ConstU16<MAX_SUBNETS>;
	type MaxUidsLimit = ConstU16<MAX_UIDS>;
	type WeightInfo = pallet_subnets::weights::SubstrateWeight<Runtime>;
}
