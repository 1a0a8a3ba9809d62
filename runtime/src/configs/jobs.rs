//! Jobs: bounties in escrow for work that miners do and validators reproduce.

use frame_support::{parameter_types, traits::ConstU32};
use sp_runtime::Perbill;

use crate::{
	currency::MILLI_SYN, time::DAYS, Balance, Balances, BlockNumber, Runtime, RuntimeHoldReason,
	Staking, Subnets, Yuma,
};

parameter_types! {
	/// Small enough for a demo job, large enough that spam costs something.
	pub const MinBounty: Balance = 10 * MILLI_SYN;
	/// A thousandth of a SYN per gigaflop of each computation: the digits MLP (one
	/// gigaflop) stays at the minimum bounty, a job of ten teraflops on two miners and a
	/// committee of three pays at least 50 SYN.
	pub const MinBountyPerGigaflop: Balance = MILLI_SYN;
	/// A job runs at most a day from posting to its reveal deadline.
	pub const MaxJobDuration: BlockNumber = DAYS;
	/// A settled job's result stays readable for a day.
	pub const OutcomeRetention: BlockNumber = DAYS;
	/// 1% of each settled bounty is burnt.
	pub const ProtocolFee: Perbill = Perbill::from_percent(1);
	/// 10% goes to the committee seats that reproduced the result.
	pub const VerificationFee: Perbill = Perbill::from_percent(10);
	/// A hundred minimum bounties held while a job waits: filling a subnet's queue ties up
	/// 16 SYN.
	pub const QueueDeposit: Balance = crate::currency::SYN;
	/// The jobs hook takes at most 15% of a block, so that with the other hooks the normal
	/// class keeps its 75%. Its per-block indexes alone may take 83 ms of the 150 ms.
	pub MaxHookWeight: frame_support::weights::Weight =
		Perbill::from_percent(15) * crate::configs::RuntimeBlockWeights::get().max_block;
}

impl pallet_jobs::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Subnets = Subnets;
	type Stake = Staking;
	type Incentives = Yuma;
	type Permits = Yuma;
	// The parent block's BABE VRF output, known since the parent: its author could compute
	// it in advance but not choose it (`docs/security.md`).
	type Randomness = pallet_babe::ParentBlockRandomness<Runtime>;
	type Hotkeys = Subnets;
	type Slash = Staking;
	type StakeLock = Staking;
	type MinBounty = MinBounty;
	type MinBountyPerGigaflop = MinBountyPerGigaflop;
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
	// Per subnet: a requester's whole allowance fits in one queue, and one pass stays
	// well under the hook's weight.
	type MaxJobsAwaitingAssignment = ConstU32<16>;
	type QueueDeposit = QueueDeposit;
	// Thirty seconds: a registration, a stake or an epoch reaches the queue within that.
	type AssignmentRetryPeriod = ConstU32<10>;
	// Ten retries (five minutes) at the head of a full queue, then a new posting evicts it.
	type AssignmentPatience = ConstU32<100>;
	type MaxHookWeight = MaxHookWeight;
	type MaxSettlementBacklog = ConstU32<64>;
	type ProtocolFee = ProtocolFee;
	type VerificationFee = VerificationFee;
	type OutcomeRetention = OutcomeRetention;
	type WeightInfo = pallet_jobs::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = benchmark::StakedNeurons;
}

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

		fn provide_randomness() {
			// What `on_finalize` stores after a block with a VRF pre-digest.
			pallet_babe::AuthorVrfRandomness::<Runtime>::put(Some([7u8; 32]));
		}

		fn grant_permit(netuid: NetUid, hotkey: &AccountId) {
			let uid = Subnets::uid_of(netuid, hotkey).expect("registered");
			pallet_yuma::NeuronOutputs::<Runtime>::mutate(netuid, uid, |output| {
				output.get_or_insert_with(Default::default).validator_permit = true
			});
		}
	}
}
