//! Collective learning: experiments whose learners vote on model updates by stake.

use frame_support::{parameter_types, traits::ConstU32};

use crate::{
	currency::SYN, time::DAYS, Balance, Balances, BlockNumber, RandomnessCollectiveFlip, Runtime,
	RuntimeHoldReason, Staking, Subnets,
};

parameter_types! {
	/// An experiment locks at least this much for rewards: opening one is not free.
	pub const MinRewardPool: Balance = SYN;
	/// A round's phase lasts at most a day.
	pub const MaxWindow: BlockNumber = DAYS;
}

impl pallet_colearn::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Stake = Staking;
	type Hotkeys = Subnets;
	// Derived from recent block hashes: see `pallets/colearn/src/rounds.rs` for its limits.
	type Randomness = RandomnessCollectiveFlip;
	type MinRewardPool = MinRewardPool;
	// A block may tally every open experiment; 16 keeps that worst case near half a block.
	type MaxOpenExperiments = ConstU32<16>;
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
		fn stake(hotkey: &AccountId, stake: Balance) {
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
			let coldkey: AccountId = account("colearn-coldkey", 0, 0);
			Balances::set_balance(&coldkey, 1_000_000_000 * crate::currency::SYN);
			Subnets::register(RuntimeOrigin::signed(coldkey.clone()), netuid, hotkey.clone())
				.expect("room for the hotkey");
			Staking::add_stake(RuntimeOrigin::signed(coldkey), hotkey.clone(), stake)
				.expect("funded");
		}
	}
}
