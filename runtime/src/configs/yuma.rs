//! Yuma consensus: weights, epochs and the emission schedule.

use frame_support::traits::ConstU32;

use crate::{
	configs::{GovernanceOrigin, MAX_SUBNETS, MAX_UIDS},
	Balances, Runtime, Staking, Subnets,
};

impl pallet_yuma::Config for Runtime {
	type Currency = Balances;
	type Subnets = Subnets;
	type Stake = Staking;
	type Dividends = Staking;
	type GovernanceOrigin = GovernanceOrigin;
	type MaxUids = ConstU32<{ MAX_UIDS as u32 }>;
	type MaxSubnets = ConstU32<{ MAX_SUBNETS as u32 }>;
	// Subtensor's bound on unrevealed commits per hotkey and subnet.
	type MaxUnrevealedCommits = ConstU32<10>;
	// Subtensor's production cap; an epoch of 256 uids fits a block several times over.
	type MaxEpochsPerBlock = ConstU32<2>;
	type WeightInfo = pallet_yuma::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = benchmark::SubnetWithNeurons;
}

#[cfg(feature = "runtime-benchmarks")]
mod benchmark {
	use crate::{AccountId, Balances, RuntimeOrigin, Staking, Subnets};
	use alloc::vec::Vec;
	use frame_benchmarking::account;
	use frame_support::traits::fungible::Mutate;
	use synod_primitives::{subnet::SubnetRegistry, NetUid};

	/// Builds a staked subnet for the Yuma benchmarks through the subnets and staking calls.
	pub struct SubnetWithNeurons;

	impl pallet_yuma::BenchmarkHelper<AccountId> for SubnetWithNeurons {
		fn subnet_with_neurons(
			neurons: u16,
			staked: u16,
			commit_reveal: bool,
		) -> (NetUid, Vec<AccountId>) {
			let funds = 1_000_000 * crate::currency::SYN;
			let owner: AccountId = account("subnet-owner", 0, 0);
			Balances::set_balance(&owner, funds);
			Subnets::force_create_subnet(RuntimeOrigin::root(), owner).expect("room for a subnet");
			let netuid = *Subnets::netuids().last().expect("just created");
			let mut hyperparameters = Subnets::hyperparameters(netuid).expect("just created");
			hyperparameters.max_uids = neurons.max(1);
			hyperparameters.max_validators = hyperparameters.max_validators.min(neurons.max(1));
			hyperparameters.commit_reveal = commit_reveal;
			hyperparameters.weights_rate_limit = 0;
			hyperparameters.yuma3 = true;
			hyperparameters.liquid_alpha = true;
			Subnets::set_hyperparameters(RuntimeOrigin::root(), netuid, hyperparameters)
				.expect("within bounds");
			let hotkeys = (0..neurons as u32)
				.map(|i| {
					let coldkey: AccountId = account("coldkey", i, netuid as u32);
					let hotkey: AccountId = account("hotkey", i, netuid as u32);
					Balances::set_balance(&coldkey, funds);
					Subnets::register(
						RuntimeOrigin::signed(coldkey.clone()),
						netuid,
						hotkey.clone(),
					)
					.expect("room for the neuron");
					if i < staked as u32 {
						Staking::add_stake(
							RuntimeOrigin::signed(coldkey),
							hotkey.clone(),
							(1_000 + i as u128) * crate::currency::SYN,
						)
						.expect("funded");
					}
					hotkey
				})
				.collect();
			(netuid, hotkeys)
		}
	}
}
