//! A runtime with `frame_system`, balances and this pallet. Hotkey ownership, which the
//! runtime takes from the subnets pallet, is a table here that tests fill with
//! [`register_hotkey`]. Account [`GOVERNOR`] is the governance origin.

use crate as pallet_synod_staking;
use core::cell::RefCell;
use frame_support::{
	derive_impl,
	traits::{ConstU128, ConstU32},
};
use sp_runtime::{BuildStorage, Perbill};

type Block = frame_system::mocking::MockBlock<Test>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeTask,
		RuntimeHoldReason,
		RuntimeFreezeReason
	)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(2)]
	pub type Staking = pallet_synod_staking;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u128>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = u128;
	type ExistentialDeposit = ConstU128<ED>;
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

/// The account that stands for governance.
pub const GOVERNOR: u64 = 100;
/// The existential deposit.
pub const ED: u128 = 10;
/// Every funded account's starting balance.
pub const FUNDS: u128 = 1_000_000;
/// The unbonding period of the tests, in blocks.
pub const UNBONDING: u64 = 10;
/// The least a position may hold.
pub const MIN_STAKE: u128 = 100;

// `EnsureSignedBy<Governor, _>` admits only [`GOVERNOR`].
frame_support::parameter_types! {
	pub const StakingPalletId: frame_support::PalletId = frame_support::PalletId(*b"syn/stak");
}

frame_support::ord_parameter_types! {
	pub const Governor: u64 = GOVERNOR;
}

thread_local! {
	static OWNERS: RefCell<alloc::collections::BTreeMap<u64, u64>> = Default::default();
}

/// Makes `coldkey` the owner of `hotkey`, as a registration would.
pub fn register_hotkey(hotkey: u64, coldkey: u64) {
	OWNERS.with(|o| o.borrow_mut().insert(hotkey, coldkey));
}

pub struct MockHotkeys;
impl synod_primitives::subnet::HotkeyOwnership<u64> for MockHotkeys {
	fn owner_of(hotkey: &u64) -> Option<u64> {
		OWNERS.with(|o| o.borrow().get(hotkey).copied())
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<u64> for MockHotkeys {
	fn register_hotkey(hotkey: &u64, coldkey: &u64) {
		register_hotkey(*hotkey, *coldkey);
	}
}

impl pallet_synod_staking::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Hotkeys = MockHotkeys;
	type GovernanceOrigin = frame_system::EnsureSignedBy<Governor, u64>;
	type PalletId = StakingPalletId;
	type MaxUnbondingChunks = ConstU32<4>;
	type MaxStakersPerHotkey = ConstU32<8>;
	type MaxPositionsPerColdkey = ConstU32<4>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockHotkeys;
}

/// The parameters of the tests: 10-block unbonding, minimum 100, take 10% by default and at
/// most 20%, raised at most every 5 blocks.
pub fn test_parameters() -> crate::StakingParameters<u128, u32> {
	crate::StakingParameters {
		unbonding_period: UNBONDING as u32,
		min_stake: MIN_STAKE,
		max_take: Perbill::from_percent(20),
		default_take: Perbill::from_percent(10),
		take_raise_cooldown: 5,
	}
}

/// Accounts 1..=20 funded with [`FUNDS`]; hotkeys 31..=35 owned by coldkeys 1..=5; block 1.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: (1..=20).map(|who| (who, FUNDS)).chain([(GOVERNOR, FUNDS)]).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_synod_staking::GenesisConfig::<Test> {
		parameters: test_parameters(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	OWNERS.with(|o| o.borrow_mut().clear());
	for i in 1..=5 {
		register_hotkey(30 + i, i);
	}
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test` on fresh state and checks the pallet's invariants afterwards.
pub fn test(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Staking::do_try_state().expect("invariants hold after the test");
	});
}

/// Moves to block `n`.
pub fn run_to(n: u64) {
	System::set_block_number(n);
}
