//! A runtime with balances, the real subnets and staking pallets and this pallet. Subnet 1,
//! owned by [`OWNER`], exists from genesis; accounts 1..=9 are funded with [`FUNDS`]; coldkey
//! `c` registers hotkey `10 + c` with [`register_miner`]. Incentives come from a table the
//! tests fill ([`set_incentives`]), randomness from a hash of the subject and block.

use crate as pallet_jobs;
use crate::{Artifact, JobKind, JobSpec};
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
	pub type Jobs = pallet_jobs;
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
/// The smallest bounty.
pub const MIN_BOUNTY: u128 = 1_000;
/// Held per waiting job.
pub const QUEUE_DEPOSIT: u128 = 100;
/// What a job pays per gigaflop of each computation: [`train_spec`]'s one gigaflop by up to
/// eight computations stays within the minimum bounty.
pub const PRICE_PER_GIGAFLOP: u128 = 10;

frame_support::ord_parameter_types! {
	pub const Governor: u64 = GOVERNOR;
}

frame_support::parameter_types! {
	/// The hook's weight; tests that meter it lower this.
	pub static HookWeight: frame_support::weights::Weight = frame_support::weights::Weight::MAX;
	/// 10% of a settled bounty is burnt.
	pub const ProtocolFee: sp_runtime::Perbill = sp_runtime::Perbill::from_percent(10);
	/// 20% goes to the validators that reproduced the truth.
	pub const VerificationFee: sp_runtime::Perbill = sp_runtime::Perbill::from_percent(20);
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

thread_local! {
	static INCENTIVES: core::cell::RefCell<alloc::collections::BTreeMap<u16, alloc::vec::Vec<u16>>> =
		Default::default();
}

/// Sets the incentives per uid that subnet `netuid` reports.
pub fn set_incentives(netuid: u16, incentives: &[u16]) {
	INCENTIVES.with(|table| table.borrow_mut().insert(netuid, incentives.to_vec()));
}

pub struct TableIncentives;
impl synod_primitives::subnet::NeuronIncentive for TableIncentives {
	fn incentives(netuid: u16) -> alloc::vec::Vec<u16> {
		INCENTIVES.with(|table| table.borrow().get(&netuid).cloned().unwrap_or_default())
	}
}

thread_local! {
	static PERMITS: core::cell::RefCell<alloc::collections::BTreeSet<(u16, u16)>> =
		Default::default();
}

/// Gives uid `uid` of `netuid` a validator permit.
pub fn grant_permit(netuid: u16, uid: u16) {
	PERMITS.with(|permits| permits.borrow_mut().insert((netuid, uid)));
}

/// Takes the validator permit of uid `uid` of `netuid` away, as an epoch can.
pub fn revoke_permit(netuid: u16, uid: u16) {
	PERMITS.with(|permits| permits.borrow_mut().remove(&(netuid, uid)));
}

pub struct TablePermits;
impl synod_primitives::subnet::ValidatorPermits for TablePermits {
	fn has_permit(netuid: u16, uid: u16) -> bool {
		PERMITS.with(|permits| permits.borrow().contains(&(netuid, uid)))
	}
}

/// Randomness from BLAKE2 of the subject and the block number, known since the parent
/// block as BABE's per-block VRF output is: deterministic for tests.
pub struct HashRandomness;
impl frame_support::traits::Randomness<Option<sp_core::H256>, u64> for HashRandomness {
	fn random(subject: &[u8]) -> (Option<sp_core::H256>, u64) {
		use sp_runtime::traits::Hash;
		let block = System::block_number();
		let value = sp_runtime::traits::BlakeTwo256::hash_of(&(subject, block));
		(Some(value), block.saturating_sub(1))
	}
}

impl pallet_jobs::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Subnets = Subnets;
	type Stake = Staking;
	type Incentives = TableIncentives;
	type Permits = TablePermits;
	type Hotkeys = Subnets;
	type Slash = Staking;
	type StakeLock = Staking;
	type ProtocolFee = ProtocolFee;
	type VerificationFee = VerificationFee;
	type OutcomeRetention = ConstU64<20>;
	type Randomness = HashRandomness;
	type MinBounty = ConstU128<MIN_BOUNTY>;
	type MinBountyPerGigaflop = ConstU128<PRICE_PER_GIGAFLOP>;
	type MaxReplicas = ConstU32<5>;
	type MaxJobsPerMiner = ConstU32<2>;
	type MaxJobsPerMinerPerRequester = ConstU32<1>;
	type MaxJobsAwaitingAssignment = ConstU32<8>;
	type QueueDeposit = ConstU128<QUEUE_DEPOSIT>;
	type AssignmentRetryPeriod = ConstU64<5>;
	type AssignmentPatience = ConstU64<10>;
	type MaxHookWeight = HookWeight;
	type MaxSettlementBacklog = ConstU32<4>;
	type MaxJobsPerRequester = ConstU32<3>;
	type MaxJobDuration = ConstU64<100>;
	type MinWindow = ConstU64<2>;
	type MaxExpiriesPerBlock = ConstU32<2>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkSetup;
}

/// Builds benchmark state with the real subnets and staking pallets and the permit table.
#[cfg(feature = "runtime-benchmarks")]
pub struct BenchmarkSetup;

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<u64> for BenchmarkSetup {
	fn subnet_with_neurons(neurons: u32) -> (u16, alloc::vec::Vec<u64>) {
		use synod_primitives::subnet::SubnetRegistry;
		frame_support::assert_ok!(Subnets::force_create_subnet(
			RuntimeOrigin::signed(GOVERNOR),
			OWNER
		));
		let netuid = *Subnets::netuids().last().unwrap();
		let hotkeys = (0..neurons).map(|i| Self::register_neuron(netuid, i)).collect();
		(netuid, hotkeys)
	}

	fn register_neuron(netuid: u16, index: u32) -> u64 {
		use frame_support::traits::fungible::Mutate;
		let coldkey = 10_000 + netuid as u64 * 1_000 + index as u64;
		let hotkey = 100_000 + netuid as u64 * 1_000 + index as u64;
		Balances::set_balance(&coldkey, FUNDS);
		frame_support::assert_ok!(Subnets::register(
			RuntimeOrigin::signed(coldkey),
			netuid,
			hotkey
		));
		frame_support::assert_ok!(Staking::add_stake(RuntimeOrigin::signed(coldkey), hotkey, 100));
		hotkey
	}

	fn grant_permit(netuid: u16, hotkey: &u64) {
		use synod_primitives::subnet::SubnetRegistry;
		grant_permit(netuid, Subnets::uid_of(netuid, hotkey).unwrap());
	}

	fn set_job_policy(netuid: u16, policy: crate::JobPolicy) {
		set_job_policy(netuid, policy);
	}
}

/// Sets subnet `netuid`'s job policy through its owner's call.
pub fn set_job_policy(netuid: u16, policy: crate::JobPolicy) {
	use synod_primitives::subnet::SubnetRegistry;
	let mut hyperparameters = Subnets::hyperparameters(netuid).unwrap();
	hyperparameters.jobs = policy;
	frame_support::assert_ok!(Subnets::set_hyperparameters(
		RuntimeOrigin::signed(OWNER),
		netuid,
		hyperparameters
	));
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
		default_hyperparameters: Some(SubnetHyperparameters {
			// A wrong result costs half the miner's stake, silence a tenth. Jobs are verified
			// whole here; `tests/spot_checks.rs` turns spot checks on where it needs them.
			jobs: crate::JobPolicy {
				wrong_result_slash: sp_runtime::Perbill::from_percent(50),
				liveness_slash: sp_runtime::Perbill::from_percent(10),
				spot_checks: 0,
				..Default::default()
			},
			..SubnetHyperparameters::with_burn(10, 10)
		}),
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
	INCENTIVES.with(|table| table.borrow_mut().clear());
	PERMITS.with(|permits| permits.borrow_mut().clear());
	BURNT_FEES.with(|burnt| burnt.set(0));
	EVENTS_SEEN.with(|seen| seen.set(0));
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Registers coldkey `coldkey`'s hotkey `10 + coldkey` on subnet 1 and returns the hotkey.
pub fn register_miner(coldkey: u64) -> u64 {
	frame_support::assert_ok!(Subnets::register(RuntimeOrigin::signed(coldkey), 1, 10 + coldkey));
	10 + coldkey
}

/// Runs `test` on fresh state and checks the invariants of both pallets afterwards.
pub fn test(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Jobs::do_try_state().expect("jobs invariants hold");
		Subnets::do_try_state().expect("subnets invariants hold");
		Staking::do_try_state().expect("staking invariants hold");
	});
}

thread_local! {
	static BURNT_FEES: core::cell::Cell<u128> = const { core::cell::Cell::new(0) };
	/// How many of `System::events()` were counted already: `run_to_block` keeps them.
	static EVENTS_SEEN: core::cell::Cell<usize> = const { core::cell::Cell::new(0) };
}

/// The protocol fees and the penalties burnt by settlements so far in this test.
pub fn burnt_fees() -> u128 {
	BURNT_FEES.with(|burnt| burnt.get())
}

/// Runs blocks up to `n` with every pallet's hooks, checking the invariants at each and
/// counting the fees that settlements burn.
pub fn run_to(n: u64) {
	while System::block_number() < n {
		System::run_to_block::<AllPalletsWithSystem>(System::block_number() + 1);
		Jobs::do_try_state().expect("jobs invariants hold at every block");
	}
	let events = System::events();
	let seen = EVENTS_SEEN.with(|seen| seen.replace(events.len()));
	for record in events.into_iter().skip(seen) {
		let burnt = match record.event {
			RuntimeEvent::Jobs(crate::Event::JobSettled { burnt, .. }) => burnt,
			RuntimeEvent::Jobs(crate::Event::StatisticsSettled { burnt, .. }) => burnt,
			RuntimeEvent::Jobs(crate::Event::Penalised { slashed, .. }) => slashed,
			_ => 0,
		};
		BURNT_FEES.with(|total| total.set(total.get() + burnt));
	}
}

/// A training job on one input.
pub fn train_spec() -> JobSpec {
	JobSpec {
		kind: JobKind::Train,
		architecture: b"mlp".to_vec().try_into().unwrap(),
		architecture_version: 1,
		inputs: alloc::vec![Artifact {
			hash: [1; 32],
			uri: b"https://data.example/iris.bin".to_vec().try_into().unwrap()
		}]
		.try_into()
		.unwrap(),
		hyperparameters: codec::Encode::encode(&synod_cost::Settings::default())
			.try_into()
			.unwrap(),
		seed: 7,
		shape: crate::InputShape { rows: 100, features: 4, outputs: 3 },
	}
}

/// Deadlines from `assign_by`, ten blocks apart.
pub fn deadlines(assign_by: u64) -> crate::JobDeadlines<u64> {
	crate::JobDeadlines {
		assign_by,
		commit_by: assign_by + 10,
		verify_by: assign_by + 20,
		reveal_by: assign_by + 30,
	}
}
