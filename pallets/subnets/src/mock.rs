//! A runtime with `frame_system`, balances and this pallet. Account [`GOVERNOR`] is the
//! governance origin; hooks record what they are told so tests can check they were called.

use crate as pallet_subnets;
use crate::{HyperparameterBounds, NetUid, SubnetHyperparameters, Uid};
use core::cell::RefCell;
use frame_support::{derive_impl, traits::ConstU16, weights::Weight};
use sp_runtime::BuildStorage;

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
	pub type Subnets = pallet_subnets;
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
/// What `create_subnet` locks.
pub const DEPOSIT: u128 = 1_000;
/// The registration cost's floor and ceiling in the default hyperparameters.
pub const MIN_BURN: u128 = 100;
pub const MAX_BURN: u128 = 10_000;
/// Every funded account's starting balance.
pub const FUNDS: u128 = 1_000_000;

use frame_support::traits::ConstU128;

// `EnsureSignedBy<Governor, _>` admits only [`GOVERNOR`].
frame_support::ord_parameter_types! {
	pub const Governor: u64 = GOVERNOR;
}

thread_local! {
	/// Emission per uid that the mock scoring pallet reports, per netuid.
	pub static EMISSIONS: RefCell<alloc::collections::BTreeMap<NetUid, alloc::vec::Vec<u64>>> =
		Default::default();
	/// Every (netuid, uid, old, new) the replacement hook was told of.
	pub static REPLACED: RefCell<alloc::vec::Vec<(NetUid, Uid, u64, u64)>> = Default::default();
	/// Every netuid the dissolution hook was told of.
	pub static DISSOLVED: RefCell<alloc::vec::Vec<NetUid>> = Default::default();
}

pub struct MockEmission;
impl crate::NeuronEmission for MockEmission {
	fn emissions(netuid: NetUid) -> alloc::vec::Vec<u64> {
		EMISSIONS.with(|e| e.borrow().get(&netuid).cloned().unwrap_or_default())
	}
}

pub struct RecordReplaced;
impl crate::OnNeuronReplaced<u64> for RecordReplaced {
	fn on_neuron_replaced(netuid: NetUid, uid: Uid, old: &u64, new: &u64) {
		REPLACED.with(|r| r.borrow_mut().push((netuid, uid, *old, *new)));
	}
	fn weight() -> Weight {
		Weight::zero()
	}
}

pub struct RecordDissolved;
impl crate::OnSubnetDissolved for RecordDissolved {
	fn on_subnet_dissolved(netuid: NetUid) {
		DISSOLVED.with(|d| d.borrow_mut().push(netuid));
	}
	fn weight() -> Weight {
		Weight::zero()
	}
}

impl pallet_subnets::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type GovernanceOrigin = frame_system::EnsureSignedBy<Governor, u64>;
	type NeuronEmission = MockEmission;
	type OnNeuronReplaced = RecordReplaced;
	type OnSubnetDissolved = RecordDissolved;
	type MaxSubnets = ConstU16<4>;
	type MaxUidsLimit = ConstU16<16>;
	type WeightInfo = ();
}

/// The default hyperparameters of the tests: four uids, immunity of 10 blocks, cost from
/// [`MIN_BURN`] rising 50% per registration and decaying 10% per block.
pub fn test_hyperparameters() -> SubnetHyperparameters<u128> {
	let mut hp = SubnetHyperparameters::with_burn(MIN_BURN, MAX_BURN);
	hp.max_uids = 4;
	hp.max_validators = 2;
	hp.immunity_period = 10;
	hp.burn_increase = sp_runtime::Perbill::from_percent(50);
	hp.burn_decay = sp_runtime::Perbill::from_percent(10);
	hp.serving_rate_limit = 5;
	hp
}

pub fn test_bounds() -> HyperparameterBounds<u128> {
	let mut bounds = HyperparameterBounds::permissive(MIN_BURN / 2, MAX_BURN * 2, 1_000_000);
	bounds.max_uids.max = 16;
	bounds.max_validators.max = 16;
	bounds
}

/// Accounts 1..=20 funded with [`FUNDS`], subnet settings from the helpers above, at block 1.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: (1..=20).map(|who| (who, FUNDS)).chain([(GOVERNOR, FUNDS)]).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_subnets::GenesisConfig::<Test> {
		subnet_deposit: DEPOSIT,
		default_hyperparameters: Some(test_hyperparameters()),
		bounds: Some(test_bounds()),
		subnets: alloc::vec![],
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	EMISSIONS.with(|e| e.borrow_mut().clear());
	REPLACED.with(|r| r.borrow_mut().clear());
	DISSOLVED.with(|d| d.borrow_mut().clear());
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test` on fresh state and checks the pallet's invariants afterwards.
pub fn test(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Subnets::do_try_state().expect("invariants hold after the test");
	});
}

/// Moves to block `n`.
pub fn run_to(n: u64) {
	System::set_block_number(n);
}
