//! A runtime with balances, the real subnets and staking pallets, and this pallet, wired as
//! Synod's runtime wires them. Account [`GOVERNOR`] is the governance origin.
//!
//! Coldkey `c` (1..=9) registers hotkey `10 + c`; subnet 1, owned by [`OWNER`], exists from
//! genesis with tempo 9 (its epochs run at blocks 8, 18, 28, ...), commit-reveal off and no
//! rate limit.

use crate as pallet_yuma;
use crate::{EmissionParameters, NetUid, Uid};
use frame_support::{
	assert_ok, derive_impl,
	traits::{ConstU128, ConstU16, ConstU32},
};
use sp_runtime::{BuildStorage, Perbill};
use synod_primitives::subnet::{HyperparameterBounds, SubnetHyperparameters, SubnetRegistry};

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
	#[runtime::pallet_index(3)]
	pub type Staking = pallet_synod_staking;
	#[runtime::pallet_index(4)]
	pub type Yuma = pallet_yuma;
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
/// The owner of subnet 1.
pub const OWNER: u64 = 50;
/// The existential deposit.
pub const ED: u128 = 10;
/// Every funded account's starting balance.
pub const FUNDS: u128 = 1_000_000_000;
/// What the schedule releases per block before its first halving.
pub const BLOCK_EMISSION: u128 = 1_000_000;
/// What registration burns (min and max burn are equal).
pub const BURN: u128 = 100;

// `EnsureSignedBy<Governor, _>` admits only [`GOVERNOR`].
frame_support::ord_parameter_types! {
	pub const Governor: u64 = GOVERNOR;
}

type Governance = frame_system::EnsureSignedBy<Governor, u64>;

impl pallet_subnets::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type GovernanceOrigin = Governance;
	type NeuronEmission = Yuma;
	type OnNeuronReplaced = Yuma;
	type OnSubnetDissolved = Yuma;
	type MaxSubnets = ConstU16<4>;
	type MaxUidsLimit = ConstU16<16>;
	type WeightInfo = ();
}

frame_support::parameter_types! {
	/// The staking pot, as the runtime names it.
	pub const StakingPot: frame_support::PalletId = frame_support::PalletId(*b"syn/stak");
}

impl pallet_synod_staking::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Hotkeys = Subnets;
	type GovernanceOrigin = Governance;
	type PalletId = StakingPot;
	type MaxUnbondingChunks = ConstU32<4>;
	type MaxStakersPerHotkey = ConstU32<8>;
	type MaxPositionsPerColdkey = ConstU32<8>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkSetup;
}

impl pallet_yuma::Config for Test {
	type Currency = Balances;
	type Subnets = Subnets;
	type Stake = Staking;
	type Dividends = Staking;
	type GovernanceOrigin = Governance;
	type MaxUids = ConstU32<16>;
	type MaxSubnets = ConstU32<4>;
	type MaxUnrevealedCommits = ConstU32<3>;
	type MaxEpochsPerBlock = ConstU32<1>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkSetup;
}

/// Builds benchmark state with the real subnets and staking pallets.
#[cfg(feature = "runtime-benchmarks")]
pub struct BenchmarkSetup;

#[cfg(feature = "runtime-benchmarks")]
impl pallet_synod_staking::BenchmarkHelper<u64> for BenchmarkSetup {
	fn register_hotkey(hotkey: &u64, coldkey: &u64) {
		use frame_support::traits::fungible::Mutate;
		Balances::set_balance(coldkey, FUNDS);
		let _ = Subnets::register(signed(*coldkey), 1, *hotkey);
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<u64> for BenchmarkSetup {
	fn subnet_with_neurons(
		neurons: u16,
		staked: u16,
		commit_reveal: bool,
	) -> (NetUid, alloc::vec::Vec<u64>) {
		use frame_support::traits::fungible::Mutate;
		assert_ok!(Subnets::force_create_subnet(governance(), OWNER));
		let netuid = *Subnets::netuids().last().expect("just created");
		set_hyperparameters(netuid, |hp| {
			hp.max_uids = neurons.max(1);
			hp.max_validators = hp.max_validators.min(hp.max_uids);
			hp.commit_reveal = commit_reveal;
			hp.weights_rate_limit = 0;
			hp.yuma3 = true;
			hp.liquid_alpha = true;
		});
		let hotkeys = (0..neurons as u64)
			.map(|i| {
				let (coldkey, hotkey) = (1_000 + i, 5_000 + i);
				Balances::set_balance(&coldkey, FUNDS);
				assert_ok!(Subnets::register(signed(coldkey), netuid, hotkey));
				if i < staked as u64 {
					assert_ok!(Staking::add_stake(signed(coldkey), hotkey, 1_000 + i as u128));
				}
				hotkey
			})
			.collect();
		(netuid, hotkeys)
	}
}

/// The subnets' hyperparameters in the tests: 16 uids, tempo 9, Yuma 3, commit-reveal off,
/// no rate limit, a fixed registration cost of [`BURN`].
pub fn test_hyperparameters() -> SubnetHyperparameters<u128> {
	let mut hp = SubnetHyperparameters::with_burn(BURN, BURN);
	hp.max_uids = 16;
	hp.max_validators = 2;
	hp.immunity_period = 0;
	hp.tempo = 9;
	hp.commit_reveal = false;
	hp.weights_rate_limit = 0;
	hp
}

/// The emission schedule of the tests: [`BLOCK_EMISSION`] per block, a cap of 10^12, an 18%
/// owner cut, no stake threshold.
pub fn test_emission() -> EmissionParameters<u128> {
	EmissionParameters {
		initial_block_emission: BLOCK_EMISSION,
		supply_cap: 1_000_000_000_000,
		owner_cut: Perbill::from_percent(18),
		stake_threshold: 0,
	}
}

/// Accounts 1..=9, [`OWNER`] and [`GOVERNOR`] funded with [`FUNDS`]; subnet 1 owned by
/// [`OWNER`]; block 1.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: (1..=9).chain([OWNER, GOVERNOR]).map(|who| (who, FUNDS)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut bounds = HyperparameterBounds::permissive(BURN, BURN, FUNDS);
	bounds.max_uids.max = 16;
	bounds.max_validators.max = 16;
	bounds.weights_rate_limit.min = 0;
	pallet_subnets::GenesisConfig::<Test> {
		subnet_deposit: 1_000,
		default_hyperparameters: Some(test_hyperparameters()),
		bounds: Some(bounds),
		subnets: alloc::vec![OWNER],
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_synod_staking::GenesisConfig::<Test> {
		parameters: pallet_synod_staking::StakingParameters {
			unbonding_period: 10,
			min_stake: 1,
			max_take: Perbill::from_percent(20),
			default_take: Perbill::from_percent(10),
			take_raise_cooldown: 5,
		},
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_yuma::GenesisConfig::<Test> { parameters: Some(test_emission()), ..Default::default() }
		.assimilate_storage(&mut storage)
		.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Checks the invariants of the three pallets.
pub fn check_invariants() {
	Yuma::do_try_state().expect("yuma invariants hold");
	Subnets::do_try_state().expect("subnets invariants hold");
	Staking::do_try_state().expect("staking invariants hold");
}

/// Runs `test` on fresh state and checks every pallet's invariants afterwards.
pub fn test(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		check_invariants();
	});
}

/// Runs blocks up to `n`, with every pallet's hooks.
pub fn run_to(n: u64) {
	System::run_to_block::<AllPalletsWithSystem>(n);
}

pub fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

pub fn governance() -> RuntimeOrigin {
	RuntimeOrigin::signed(GOVERNOR)
}

/// The hotkey of coldkey `coldkey`.
pub fn hotkey(coldkey: u64) -> u64 {
	10 + coldkey
}

/// Registers `coldkey`'s hotkey on `netuid` and returns its uid.
pub fn register(netuid: NetUid, coldkey: u64) -> Uid {
	assert_ok!(Subnets::register(signed(coldkey), netuid, hotkey(coldkey)));
	Subnets::uid_of(netuid, &hotkey(coldkey)).expect("just registered")
}

/// `coldkey` stakes `amount` behind its own hotkey.
pub fn stake(coldkey: u64, amount: u128) {
	assert_ok!(Staking::add_stake(signed(coldkey), hotkey(coldkey), amount));
}

/// Changes subnet `netuid`'s hyperparameters as governance.
pub fn set_hyperparameters(netuid: NetUid, change: impl FnOnce(&mut SubnetHyperparameters<u128>)) {
	let mut hp = Subnets::hyperparameters(netuid).expect("subnet exists");
	change(&mut hp);
	assert_ok!(Subnets::set_hyperparameters(governance(), netuid, hp));
}

/// Every event of this pallet so far.
pub fn yuma_events() -> alloc::vec::Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Yuma(event) => Some(event),
			_ => None,
		})
		.collect()
}
