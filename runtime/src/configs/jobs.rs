//! Jobs: bounties in escrow for work that miners do and validators reproduce.

use frame_support::{parameter_types, traits::ConstU32};
use sp_runtime::Perbill;

use crate::{
	currency::MILLI_SYN, time::DAYS, Balance, Balances, BlockNumber, RandomnessCollectiveFlip,
	Runtime, RuntimeHoldReason, Staking, Subnets, Yuma,
};

parameter_types! {
	/// Small enough for a demo job, large enough that spam costs something.
	pub const MinBounty: Balance = 10 * MILLI_SYN;
	/// A job runs at most a day from posting to its reveal deadline.
	pub const MaxJobDuration: BlockNumber = DAYS;
	/// A settled job's result stays readable for a day.
	pub const OutcomeRetention: BlockNumber = DAYS;
	/// 1% of each settled bounty is burnt.
	pub const ProtocolFee: Perbill = Perbill::from_percent(1);
	/// 10% goes to the committee seats that reproduced the result.
	pub const VerificationFee: Perbill = Perbill::from_percent(10);
}

/// The collective flip's value, with the block since which anyone could know it: the
/// parent's, since the flip mixes block hashes up to the parent's. The flip itself reports
/// the oldest block of its material, which says nothing about when the value was fixed.
/// BABE's `ParentBlockRandomness` has this shape and replaces the adapter (issue 15).
/// The flip adds the parent's hash in its own `on_initialize`, so it must stay before Jobs in
/// the runtime (index 14 against 15) for the value to include the parent.
pub struct ParentHashRandomness;

impl frame_support::traits::Randomness<Option<crate::Hash>, BlockNumber> for ParentHashRandomness {
	fn random(subject: &[u8]) -> (Option<crate::Hash>, BlockNumber) {
		let (value, _) =
			<RandomnessCollectiveFlip as frame_support::traits::Randomness<_, _>>::random(subject);
		let now = frame_system::Pallet::<Runtime>::block_number();
		(Some(value), now.saturating_sub(1))
	}
}

impl pallet_jobs::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Subnets = Subnets;
	type Stake = Staking;
	type Incentives = Yuma;
	type Permits = Yuma;
	// Derived from recent block hashes: `docs/security.md` says what a block author can do.
	type Randomness = ParentHashRandomness;
	type Hotkeys = Subnets;
	type Slash = Staking;
	type StakeLock = Staking;
	type MinBounty = MinBounty;
	type MaxReplicas = ConstU32<8>;
	type MaxJobsPerRequester = ConstU32<16>;
	type MaxJobDuration = MaxJobDuration;
	// Twelve seconds: a worker sees the finalized block and its transaction lands a block
	// or two later.
	type MinWindow = ConstU32<4>;
	type MaxExpiriesPerBlock = ConstU32<16>;
	type MaxJobsPerMiner = ConstU32<4>;
	// Half a miner's slots per requester: one requester never occupies a miner alone.
	type MaxJobsPerMinerPerRequester = ConstU32<2>;
	type MaxJobsAwaitingAssignment = ConstU32<64>;
	type ProtocolFee = ProtocolFee;
	type VerificationFee = VerificationFee;
	type OutcomeRetention = OutcomeRetention;
	type WeightInfo = pallet_jobs::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = benchmark::StakedNeurons;
}

impl pallet_insecure_randomness_collective_flip::Config for Runtime {}

#[cfg(feature = "runtime-benchmarks")]
mod benchmark {
	use crate::{AccountId, Balances, Runtime, RuntimeOrigin, Staking, Subnets};
	use alloc::vec::Vec;
	use frame_benchmarking::account;
	use frame_support::traits::fungible::Mutate;
	use synod_primitives::{subnet::SubnetRegistry, NetUid};

	/// Builds subnets of staked neurons through the subnets and staking calls.
	pub struct StakedNeurons;

	impl pallet_jobs::BenchmarkHelper<AccountId> for StakedNeurons {
		fn subnet_with_neurons(neurons: u32) -> (NetUid, Vec<AccountId>) {
			let owner: AccountId = account("jobs-subnet-owner", 0, 0);
			Balances::set_balance(&owner, 1_000_000 * crate::currency::SYN);
			Subnets::force_create_subnet(RuntimeOrigin::root(), owner).expect("room for a subnet");
			let netuid = *Subnets::netuids().last().expect("just created");
			let hotkeys = (0..neurons).map(|i| Self::register_neuron(netuid, i)).collect();
			(netuid, hotkeys)
		}

		fn register_neuron(netuid: NetUid, index: u32) -> AccountId {
			let coldkey: AccountId = account("jobs-coldkey", index, netuid as u32);
			let hotkey: AccountId = account("jobs-hotkey", index, netuid as u32);
			Balances::set_balance(&coldkey, 1_000_000 * crate::currency::SYN);
			Subnets::register(RuntimeOrigin::signed(coldkey.clone()), netuid, hotkey.clone())
				.expect("room for the neuron");
			Staking::add_stake(
				RuntimeOrigin::signed(coldkey),
				hotkey.clone(),
				crate::currency::SYN,
			)
			.expect("funded");
			hotkey
		}

		fn set_job_policy(netuid: NetUid, policy: pallet_jobs::JobPolicy) {
			let owner: AccountId = account("jobs-subnet-owner", 0, 0);
			let mut hyperparameters = Subnets::hyperparameters(netuid).expect("created");
			hyperparameters.jobs = policy;
			Subnets::set_hyperparameters(RuntimeOrigin::signed(owner), netuid, hyperparameters)
				.expect("a policy within the bounds");
		}

		fn grant_permit(netuid: NetUid, hotkey: &AccountId) {
			let uid = Subnets::uid_of(netuid, hotkey).expect("registered");
			pallet_yuma::NeuronOutputs::<Runtime>::mutate(netuid, uid, |output| {
				output.get_or_insert_with(Default::default).validator_permit = true
			});
		}
	}
}
