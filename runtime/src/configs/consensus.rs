//! Block authorship (Aura), finality (GRANDPA) and the clock they share.

use frame_support::traits::{ConstBool, ConstU32, ConstU64};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;

use crate::{time::SLOT_DURATION, Aura, Runtime, RuntimeEvent};

/// Most validators the chain can have. Bounds the authority lists in storage.
const MAX_AUTHORITIES: u32 = 32;

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = ConstU32<MAX_AUTHORITIES>;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = ConstU32<MAX_AUTHORITIES>;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	// No session pallet yet, hence no key-ownership proofs and no equivocation reports.
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}

impl pallet_timestamp::Config for Runtime {
	/// Milliseconds since the Unix epoch.
	type Moment = u64;
	type OnTimestampSet = Aura;
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = ();
}
