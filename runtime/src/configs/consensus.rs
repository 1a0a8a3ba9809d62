//! Block authorship (BABE), finality (GRANDPA), the clock they share, and the epoch length
//! that the chain spec fixes.
//!
//! BABE rather than Aura because every BABE block with a VRF pre-digest carries an output
//! that its author could not choose: the jobs pallet draws miners, samples and committees
//! from it (`pallet_babe::ParentBlockRandomness`). Slots are `PrimaryAndSecondaryVRFSlots`, so
//! that secondary blocks carry a VRF output too; a plain secondary block would leave the
//! parent's output in place and make two blocks draw alike.

use frame_support::{
	parameter_types,
	traits::{ConstU32, ConstU64},
};
use sp_consensus_babe::{AllowedSlots, BabeEpochConfiguration};

use crate::{time::SLOT_DURATION, Babe, Runtime, RuntimeEvent};

/// Most validators the chain can have. Bounds the authority lists in storage.
const MAX_AUTHORITIES: u32 = 32;

/// BABE's epoch configuration at genesis: a primary slot for a quarter of the slots on
/// average, secondary VRF slots for the rest, so that every slot has an author.
pub const GENESIS_EPOCH_CONFIG: BabeEpochConfiguration =
	BabeEpochConfiguration { c: (1, 4), allowed_slots: AllowedSlots::PrimaryAndSecondaryVRFSlots };

parameter_types! {
	/// An hour of slots: what production chains run and what a genesis without the field gets.
	pub const DefaultEpochDuration: u64 = crate::time::HOURS as u64;
	pub const ExpectedBlockTime: u64 = crate::time::MILLISECS_PER_BLOCK;
}

impl pallet_chain_params::Config for Runtime {
	type DefaultEpochDuration = DefaultEpochDuration;
}

impl pallet_babe::Config for Runtime {
	// From genesis: dev and local chains run minute-long epochs with the same wasm.
	type EpochDuration = pallet_chain_params::EpochDurationOf<Runtime>;
	type ExpectedBlockTime = ExpectedBlockTime;
	// No session pallet: the authorities stay the genesis set, epochs still rotate randomness.
	type EpochChangeTrigger = pallet_babe::SameAuthoritiesForever;
	type DisabledValidators = ();
	type WeightInfo = ();
	type MaxAuthorities = ConstU32<MAX_AUTHORITIES>;
	type MaxNominators = ConstU32<0>;
	// No session pallet yet, hence no key-ownership proofs and no equivocation reports.
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = ConstU32<MAX_AUTHORITIES>;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}

impl pallet_timestamp::Config for Runtime {
	/// Milliseconds since the Unix epoch.
	type Moment = u64;
	// BABE checks that each block's timestamp lies in the slot its pre-digest claims.
	type OnTimestampSet = Babe;
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = ();
}
