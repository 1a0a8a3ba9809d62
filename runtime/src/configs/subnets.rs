//! Subnets and neuron registration.

use frame_support::traits::ConstU16;

use crate::{configs::GovernanceOrigin, Balances, Runtime, RuntimeHoldReason};

/// The most subnets at once; bounds the work of anything that visits every subnet.
pub const MAX_SUBNETS: u16 = 64;
/// The most uids any subnet may hold, as on subtensor's mainnet.
pub const MAX_UIDS: u16 = 256;

impl pallet_subnets::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type GovernanceOrigin = GovernanceOrigin;
	// Yuma consensus (issue 4) will report emissions; until then every neuron has none and a
	// full subnet replaces its oldest non-immune neuron.
	type NeuronEmission = ();
	type OnNeuronReplaced = ();
	type OnSubnetDissolved = ();
	type MaxSubnets = ConstU16<MAX_SUBNETS>;
	type MaxUidsLimit = ConstU16<MAX_UIDS>;
	type WeightInfo = pallet_subnets::weights::SubstrateWeight<Runtime>;
}
