//! A runtime with `frame_system` and this pallet, where account 1 is the governance origin.

use crate as pallet_governance;
use frame_support::derive_impl;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(RuntimeCall, RuntimeEvent, RuntimeError, RuntimeOrigin, RuntimeTask)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Governance = pallet_governance;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

/// The account that stands for a passed council motion in these tests.
pub const GOVERNOR: u64 = 1;
/// Any other account.
pub const STRANGER: u64 = 2;

// `EnsureSignedBy<Governor, _>` admits only [`GOVERNOR`].
frame_support::ord_parameter_types! {
	pub const Governor: u64 = GOVERNOR;
}

impl pallet_governance::Config for Test {
	type RuntimeCall = RuntimeCall;
	type RootOrigin = frame_system::EnsureSignedBy<Governor, u64>;
	type WeightInfo = ();
}

/// Fresh state at block 1, so that events are recorded.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}
