//! A runtime with balances, the real subnets and staking pallets and this pallet. Subnet 1,
//! owned by [`OWNER`], exists from genesis; accounts 1..=9 are funded with [`FUNDS`]; coldkey
//! `c` stakes hotkey `10 + c` with [`staked_learner`]. Randomness is a hash of the subject and
//! the block.

use crate as pallet_colearn;
use crate::{Admission, ExperimentConfig, ScoreDirection};
use frame_support::{
	derive_impl,
	traits::{ConstU128, ConstU16, ConstU32, ConstU64},
};
use sp_runtime::BuildStorage;
use synod_primitives::subnet::{HyperparameterBounds, SubnetHyperparameters};

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
	pub type Colearn = pallet_colearn;
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
pub const FUNDS: u128 = 1_000_000;
/// The smallest reward pool.
pub const MIN_POOL: u128 = 1_000;
/// The least stake an experiment may ask of a learner.
pub const MIN_LEARNER_STAKE: u128 = 50;

frame_support::ord_parameter_types! {
	pub const Governor: u64 = GOVERNOR;
}

impl pallet_subnets::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type GovernanceOrigin = frame_system::EnsureSignedBy<Governor, u64>;
	type NeuronEmission = ();
	type OnNeuronReplaced = ();
	type OnSubnetDissolved = ();
	type MaxSubnets = ConstU16<4>;
	type MaxUidsLimit = ConstU16<256>;
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
	type GovernanceOrigin = frame_system::EnsureSignedBy<Governor, u64>;
	type PalletId = StakingPot;
	type MaxUnbondingChunks = ConstU32<4>;
	type MaxStakersPerHotkey = ConstU32<8>;
	type MaxPositionsPerColdkey = ConstU32<8>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = RegisterOnSubnetOne;
}

/// Registers benchmark hotkeys on subnet 1.
#[cfg(feature = "runtime-benchmarks")]
pub struct RegisterOnSubnetOne;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_synod_staking::BenchmarkHelper<u64> for RegisterOnSubnetOne {
	fn register_hotkey(hotkey: &u64, coldkey: &u64) {
		use frame_support::traits::fungible::Mutate;
		Balances::set_balance(coldkey, FUNDS);
		let _ = Subnets::register(RuntimeOrigin::signed(*coldkey), 1, *hotkey);
	}
}

/// Randomness from BLAKE2 of the subject and the block number: deterministic for tests.
/// Held per open experiment.
pub const CREATION_DEPOSIT: u128 = 25;

pub struct HashRandomness;
impl frame_support::traits::Randomness<sp_core::H256, u64> for HashRandomness {
	fn random(subject: &[u8]) -> (sp_core::H256, u64) {
		use sp_runtime::traits::Hash;
		let block = System::block_number();
		(sp_runtime::traits::BlakeTwo256::hash_of(&(subject, block)), block)
	}
}

impl pallet_colearn::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Stake = Staking;
	type StakeLock = Staking;
	type Hotkeys = Subnets;
	type Randomness = HashRandomness;
	type MinRewardPool = ConstU128<MIN_POOL>;
	type MaxOpenExperiments = ConstU32<3>;
	type MaxOpenExperimentsPerCreator = ConstU32<2>;
	type CreationDeposit = ConstU128<CREATION_DEPOSIT>;
	type MinLearnerStake = ConstU128<MIN_LEARNER_STAKE>;
	type MaxLearners = ConstU32<5>;
	type MaxWindow = ConstU64<20>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = StakeOnSubnetOne;
}

/// Stakes benchmark learners behind hotkeys registered on subnet 1.
#[cfg(feature = "runtime-benchmarks")]
pub struct StakeOnSubnetOne;

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<u64, u128> for StakeOnSubnetOne {
	fn stake(coldkey: &u64, hotkey: &u64, stake: u128) {
		use frame_support::traits::fungible::Mutate;
		let coldkey = *coldkey;
		Balances::set_balance(&coldkey, FUNDS + stake);
		frame_support::assert_ok!(Subnets::register(RuntimeOrigin::signed(coldkey), 1, *hotkey));
		frame_support::assert_ok!(Staking::add_stake(
			RuntimeOrigin::signed(coldkey),
			*hotkey,
			stake
		));
	}
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: (1..=9).chain([OWNER, GOVERNOR]).map(|who| (who, FUNDS)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_subnets::GenesisConfig::<Test> {
		subnet_deposit: 100,
		default_hyperparameters: Some(SubnetHyperparameters::with_burn(10, 10)),
		bounds: Some(HyperparameterBounds::permissive(10, 10, FUNDS)),
		subnets: alloc::vec![OWNER],
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_synod_staking::GenesisConfig::<Test> {
		parameters: pallet_synod_staking::StakingParameters {
			unbonding_period: 10,
			min_stake: 1,
			max_take: sp_runtime::Perbill::from_percent(20),
			default_take: sp_runtime::Perbill::from_percent(10),
			take_raise_cooldown: 5,
		},
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Coldkey `coldkey` registers hotkey `10 + coldkey` on subnet 1 and stakes `stake` behind it;
/// returns the hotkey.
pub fn staked_learner(coldkey: u64, stake: u128) -> u64 {
	let hotkey = 10 + coldkey;
	frame_support::assert_ok!(Subnets::register(RuntimeOrigin::signed(coldkey), 1, hotkey));
	frame_support::assert_ok!(Staking::add_stake(RuntimeOrigin::signed(coldkey), hotkey, stake));
	hotkey
}

/// Runs `test` on fresh state and checks the invariants of the pallets afterwards.
pub fn test(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Colearn::do_try_state().expect("colearn invariants hold");
		Staking::do_try_state().expect("staking invariants hold");
	});
}

/// Runs blocks up to `n` with every pallet's hooks, checking the invariants at each.
pub fn run_to(n: u64) {
	while System::block_number() < n {
		System::run_to_block::<AllPalletsWithSystem>(System::block_number() + 1);
		Colearn::do_try_state().expect("colearn invariants hold at every block");
	}
}

/// An open experiment on an MLP: a 50% threshold, a margin of 0.01 (in accuracy), windows of
/// 3 blocks, 100 per round with 30% to the voters, stake 100, and no privacy budget
/// ([`private_config`] has one).
pub fn config() -> ExperimentConfig<u128, u64> {
	ExperimentConfig {
		architecture: b"mlp".to_vec().try_into().unwrap(),
		architecture_version: 1,
		vote_threshold: sp_runtime::Perbill::from_percent(50),
		min_improvement: 10_000,
		score_direction: ScoreDirection::HigherIsBetter,
		proposal_window: 3,
		commit_window: 3,
		reveal_window: 3,
		reward_per_round: 100,
		voters_share: sp_runtime::Perbill::from_percent(30),
		privacy: None,
		min_stake: 100,
		admission: Admission::Open,
		max_learners: 4,
		max_skipped_rounds: 5,
	}
}

/// [`config`] with a privacy budget of epsilon 2.0 at delta `10^-5` per coldkey.
pub fn private_config() -> ExperimentConfig<u128, u64> {
	ExperimentConfig {
		privacy: Some(crate::PrivacyBudget { epsilon_micros: 2_000_000, delta: DELTA }),
		..config()
	}
}

/// The delta of [`private_config`]'s budget: `10^-5`, in parts per `10^18`.
pub const DELTA: u64 = 10_000_000_000_000;
