//! Collective learning: experiments whose learners vote on model updates by stake.

use frame_support::{
	parameter_types,
	traits::{ConstU32, Randomness},
};

use crate::{
	currency::SYN, time::DAYS, Balance, Balances, BlockNumber, Hash, RandomnessCollectiveFlip,
	Runtime, RuntimeHoldReason, Staking, Subnets,
};

/// The parent block's BABE VRF output (`pallet_babe::ParentBlockRandomness`), known since the
/// parent: what opens a round draws its proposer from it, which the parent's author could
/// compute in advance but not choose. Only a block whose parent carries no VRF output (block
/// 1, whose parent is genesis) falls back to the collective flip of block hashes; no round
/// can open there, since experiments are created by transactions.
pub struct ParentVrfOrFlip;

impl Randomness<Hash, BlockNumber> for ParentVrfOrFlip {
	fn random(subject: &[u8]) -> (Hash, BlockNumber) {
		match pallet_babe::ParentBlockRandomness::<Runtime>::random(subject) {
			(Some(value), known_since) => (value, known_since),
			(None, _) => RandomnessCollectiveFlip::random(subject),
		}
	}
}

parameter_types! {
	/// An experiment locks at least this much for rewards: opening one is not free.
	pub const MinRewardPool: Balance = SYN;
	/// Held per open experiment besides its pool, returned at its close.
	pub const CreationDeposit: Balance = 10 * SYN;
	/// A round's phase lasts at most a day.
	pub const MaxWindow: BlockNumber = DAYS;
	/// Every learner of every experiment has at least 1 SYN at stake: a vote's weight is
	/// stake, and a sybil costs what it weighs.
	pub const MinLearnerStake: Balance = SYN;
}

impl pallet_colearn::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Stake = Staking;
	// Learners' stake stays slashable and in place while they learn.
	type StakeLock = Staking;
	type Hotkeys = Subnets;
	// The parent block's BABE VRF output, as the jobs pallet draws from.
	type Randomness = ParentVrfOrFlip;
	type MinRewardPool = MinRewardPool;
	// A block may tally every open experiment; 16 keeps that worst case near half a block.
	type MaxOpenExperiments = ConstU32<16>;
	// Sixteen slots need eight creators, each with 20 SYN held for as long as its
	// experiments run (at most `max_skipped_rounds` rounds with nobody proposing).
	type MaxOpenExperimentsPerCreator = ConstU32<2>;
	type CreationDeposit = CreationDeposit;
	type MinLearnerStake = MinLearnerStake;
	type MaxLearners = ConstU32<64>;
	type MaxWindow = MaxWindow;
	type WeightInfo = pallet_colearn::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = benchmark::StakedHotkeys;
}

#[cfg(feature = "runtime-benchmarks")]
mod benchmark {
	use crate::{AccountId, Balance, Balances, RuntimeOrigin, Staking, Subnets};
	use frame_benchmarking::account;
	use frame_support::traits::fungible::Mutate;
	use synod_primitives::subnet::SubnetRegistry;

	/// Stakes learners' hotkeys, registered on a subnet made for them, through the subnets
	/// and staking calls.
	pub struct StakedHotkeys;

	impl pallet_colearn::BenchmarkHelper<AccountId, Balance> for StakedHotkeys {
		fn stake(coldkey: &AccountId, hotkey: &AccountId, stake: Balance) {
			let owner: AccountId = account("colearn-subnet-owner", 0, 0);
			let netuid = match Subnets::netuids()
				.into_iter()
				.find(|netuid| Subnets::owner(*netuid).as_ref() == Some(&owner))
			{
				Some(netuid) => netuid,
				None => {
					Subnets::force_create_subnet(RuntimeOrigin::root(), owner)
						.expect("room for a subnet");
					*Subnets::netuids().last().expect("just created")
				},
			};
			Balances::set_balance(coldkey, 1_000_000_000 * crate::currency::SYN);
			Subnets::register(RuntimeOrigin::signed(coldkey.clone()), netuid, hotkey.clone())
				.expect("room for the hotkey");
			Staking::add_stake(RuntimeOrigin::signed(coldkey.clone()), hotkey.clone(), stake)
				.expect("funded");
		}
	}
}

// Only `ParentVrfOrFlip`'s fallback reads the flip.
impl pallet_insecure_randomness_collective_flip::Config for Runtime {}
