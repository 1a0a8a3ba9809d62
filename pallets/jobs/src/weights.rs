//! Weights for `pallet_jobs`, generated from its benchmarks (`benchmarking.rs`) by
//! `scripts/benchmark.sh`: STEPS 10, REPEAT 5, on Intel(R) Xeon(R) Processor, 2026-11-22.
//!
//! A debug `synod-node` built `--features runtime-benchmarks` runs the compiled wasm, but its
//! host functions (storage, hashing) are unoptimised, so these figures overstate the cost:
//! the safe direction. Regenerate on reference hardware before a public network, and after
//! any change to a benchmarked call.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{constants::ParityDbWeight, Weight}};
use core::marker::PhantomData;

/// Weight functions needed by `pallet_jobs`.
pub trait WeightInfo {
	fn post_job() -> Weight;
	fn cancel_job() -> Weight;
	fn commit_result() -> Weight;
	fn reveal_result() -> Weight;
	fn commit_verification() -> Weight;
	fn reveal_verification() -> Weight;
	fn submit_statistics() -> Weight;
	fn expire_jobs(n: u32, ) -> Weight;
	fn assign_jobs(n: u32, ) -> Weight;
	fn settle_jobs(n: u32, ) -> Weight;
	fn prune_outcomes(n: u32, ) -> Weight;
}

/// Weights measured for the Synod runtime, with its database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Subnets::Ownership` (r:1 w:0)
	/// Proof: `Subnets::Ownership` (`max_values`: None, `max_size`: Some(62), added: 2537, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::RequesterJobCount` (r:1 w:1)
	/// Proof: `Jobs::RequesterJobCount` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::NextJobId` (r:1 w:1)
	/// Proof: `Jobs::NextJobId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::AssignmentExpiries` (r:1 w:1)
	/// Proof: `Jobs::AssignmentExpiries` (`max_values`: None, `max_size`: Some(141), added: 2616, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::SettlementDue` (r:1 w:1)
	/// Proof: `Jobs::SettlementDue` (`max_values`: None, `max_size`: Some(141), added: 2616, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::AwaitingAssignment` (r:1 w:1)
	/// Proof: `Jobs::AwaitingAssignment` (`max_values`: Some(1), `max_size`: Some(514), added: 1009, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Escrowed` (r:1 w:1)
	/// Proof: `Jobs::Escrowed` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::JobRecords` (r:0 w:1)
	/// Proof: `Jobs::JobRecords` (`max_values`: None, `max_size`: Some(3516), added: 5991, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::RequesterJobs` (r:0 w:1)
	/// Proof: `Jobs::RequesterJobs` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn post_job() -> Weight {
		// Fastest run: 1_615_385_000 ps; proof size measured `587`.
		Weight::from_parts(1_740_634_000, 3606)
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	/// Storage: `Jobs::JobRecords` (r:1 w:1)
	/// Proof: `Jobs::JobRecords` (`max_values`: None, `max_size`: Some(3516), added: 5991, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::AssignmentExpiries` (r:1 w:1)
	/// Proof: `Jobs::AssignmentExpiries` (`max_values`: None, `max_size`: Some(141), added: 2616, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::SettlementDue` (r:1 w:1)
	/// Proof: `Jobs::SettlementDue` (`max_values`: None, `max_size`: Some(141), added: 2616, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Escrowed` (r:1 w:1)
	/// Proof: `Jobs::Escrowed` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::AwaitingAssignment` (r:1 w:1)
	/// Proof: `Jobs::AwaitingAssignment` (`max_values`: Some(1), `max_size`: Some(514), added: 1009, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Assignments` (r:1 w:0)
	/// Proof: `Jobs::Assignments` (`max_values`: None, `max_size`: Some(273), added: 2748, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::RequesterJobCount` (r:1 w:1)
	/// Proof: `Jobs::RequesterJobCount` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::RequesterJobs` (r:0 w:1)
	/// Proof: `Jobs::RequesterJobs` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn cancel_job() -> Weight {
		// Fastest run: 1_716_844_000 ps; proof size measured `4118`.
		Weight::from_parts(1_905_587_000, 6981)
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().writes(9_u64))
	}
	/// Storage: `Jobs::JobRecords` (r:1 w:0)
	/// Proof: `Jobs::JobRecords` (`max_values`: None, `max_size`: Some(3516), added: 5991, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Assignments` (r:1 w:0)
	/// Proof: `Jobs::Assignments` (`max_values`: None, `max_size`: Some(273), added: 2748, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::ResultCommits` (r:1 w:1)
	/// Proof: `Jobs::ResultCommits` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	fn commit_result() -> Weight {
		// Fastest run: 479_935_000 ps; proof size measured `4071`.
		Weight::from_parts(520_642_000, 6981)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Jobs::JobRecords` (r:1 w:0)
	/// Proof: `Jobs::JobRecords` (`max_values`: None, `max_size`: Some(3516), added: 5991, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Assignments` (r:1 w:0)
	/// Proof: `Jobs::Assignments` (`max_values`: None, `max_size`: Some(273), added: 2748, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::ResultCommits` (r:9 w:0)
	/// Proof: `Jobs::ResultCommits` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::ResultReveals` (r:1 w:1)
	/// Proof: `Jobs::ResultReveals` (`max_values`: None, `max_size`: Some(354), added: 2829, mode: `MaxEncodedLen`)
	fn reveal_result() -> Weight {
		// Fastest run: 1_488_367_000 ps; proof size measured `4851`.
		Weight::from_parts(1_632_045_000, 24129)
			.saturating_add(T::DbWeight::get().reads(12_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Jobs::JobRecords` (r:1 w:0)
	/// Proof: `Jobs::JobRecords` (`max_values`: None, `max_size`: Some(3516), added: 5991, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Uids` (r:1 w:0)
	/// Proof: `Subnets::Uids` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::NeuronOutputs` (r:1 w:0)
	/// Proof: `Yuma::NeuronOutputs` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Assignments` (r:1 w:0)
	/// Proof: `Jobs::Assignments` (`max_values`: None, `max_size`: Some(273), added: 2748, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::VerificationCommits` (r:17 w:1)
	/// Proof: `Jobs::VerificationCommits` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	fn commit_verification() -> Weight {
		// Fastest run: 2_450_182_000 ps; proof size measured `6765`.
		Weight::from_parts(2_587_980_000, 44697)
			.saturating_add(T::DbWeight::get().reads(21_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Jobs::JobRecords` (r:1 w:0)
	/// Proof: `Jobs::JobRecords` (`max_values`: None, `max_size`: Some(3516), added: 5991, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::VerificationCommits` (r:1 w:0)
	/// Proof: `Jobs::VerificationCommits` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::VerificationReveals` (r:1 w:1)
	/// Proof: `Jobs::VerificationReveals` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	fn reveal_verification() -> Weight {
		// Fastest run: 549_675_000 ps; proof size measured `3970`.
		Weight::from_parts(594_372_000, 6981)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Jobs::JobRecords` (r:1 w:0)
	/// Proof: `Jobs::JobRecords` (`max_values`: None, `max_size`: Some(3516), added: 5991, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Assignments` (r:1 w:0)
	/// Proof: `Jobs::Assignments` (`max_values`: None, `max_size`: Some(273), added: 2748, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::StatisticsSubmissions` (r:1 w:1)
	/// Proof: `Jobs::StatisticsSubmissions` (`max_values`: None, `max_size`: Some(2626), added: 5101, mode: `MaxEncodedLen`)
	fn submit_statistics() -> Weight {
		// Fastest run: 440_319_000 ps; proof size measured `3848`.
		Weight::from_parts(474_209_000, 6981)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Jobs::AssignmentExpiries` (r:1 w:1)
	/// Proof: `Jobs::AssignmentExpiries` (`max_values`: None, `max_size`: Some(141), added: 2616, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::JobRecords` (r:16 w:16)
	/// Proof: `Jobs::JobRecords` (`max_values`: None, `max_size`: Some(3516), added: 5991, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:16 w:16)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:16 w:16)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::SettlementDue` (r:1 w:1)
	/// Proof: `Jobs::SettlementDue` (`max_values`: None, `max_size`: Some(141), added: 2616, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Escrowed` (r:1 w:1)
	/// Proof: `Jobs::Escrowed` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::AwaitingAssignment` (r:1 w:1)
	/// Proof: `Jobs::AwaitingAssignment` (`max_values`: Some(1), `max_size`: Some(514), added: 1009, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Assignments` (r:16 w:0)
	/// Proof: `Jobs::Assignments` (`max_values`: None, `max_size`: Some(273), added: 2748, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::RequesterJobCount` (r:16 w:16)
	/// Proof: `Jobs::RequesterJobCount` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::RequesterJobs` (r:0 w:16)
	/// Proof: `Jobs::RequesterJobs` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// `n` ranges over `[0, 16]`.
	fn expire_jobs(n: u32, ) -> Weight {
		// Fastest run: 73_493_000 ps; proof size measured `322`.
		Weight::from_parts(309_160_650, 3606)
			.saturating_add(Weight::from_parts(1_317_803_339, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().reads((5_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(3_u64))
			.saturating_add(T::DbWeight::get().writes((5_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 5991).saturating_mul(n.into()))
	}
	/// Storage: `Jobs::AwaitingAssignment` (r:1 w:1)
	/// Proof: `Jobs::AwaitingAssignment` (`max_values`: Some(1), `max_size`: Some(514), added: 1009, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::JobRecords` (r:64 w:64)
	/// Proof: `Jobs::JobRecords` (`max_values`: None, `max_size`: Some(3516), added: 5991, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Hyperparameters` (r:1 w:0)
	/// Proof: `Subnets::Hyperparameters` (`max_values`: None, `max_size`: Some(124), added: 2599, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::NeuronCount` (r:1 w:0)
	/// Proof: `Subnets::NeuronCount` (`max_values`: None, `max_size`: Some(12), added: 2487, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::NeuronOutputs` (r:136 w:0)
	/// Proof: `Yuma::NeuronOutputs` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Neurons` (r:136 w:0)
	/// Proof: `Subnets::Neurons` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Endpoints` (r:136 w:0)
	/// Proof: `Subnets::Endpoints` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `Staking::HotkeyStake` (r:136 w:0)
	/// Proof: `Staking::HotkeyStake` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::MinerLoad` (r:136 w:128)
	/// Proof: `Jobs::MinerLoad` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `RandomnessCollectiveFlip::RandomMaterial` (r:1 w:0)
	/// Proof: `RandomnessCollectiveFlip::RandomMaterial` (`max_values`: Some(1), `max_size`: Some(2594), added: 3089, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Assignments` (r:0 w:64)
	/// Proof: `Jobs::Assignments` (`max_values`: None, `max_size`: Some(273), added: 2748, mode: `MaxEncodedLen`)
	/// `n` ranges over `[0, 64]`.
	fn assign_jobs(n: u32, ) -> Weight {
		// Fastest run: 77_921_000 ps; proof size measured `2357`.
		Weight::from_parts(84_591_000, 23054)
			.saturating_add(Weight::from_parts(16_145_578_593, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(29_u64))
			.saturating_add(T::DbWeight::get().reads((11_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(4_u64))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 5991).saturating_mul(n.into()))
	}
	/// Storage: `Jobs::SettlementDue` (r:1 w:1)
	/// Proof: `Jobs::SettlementDue` (`max_values`: None, `max_size`: Some(141), added: 2616, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::JobRecords` (r:16 w:16)
	/// Proof: `Jobs::JobRecords` (`max_values`: None, `max_size`: Some(3516), added: 5991, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::VerificationReveals` (r:272 w:256)
	/// Proof: `Jobs::VerificationReveals` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	/// Storage: `Staking::HotkeyStake` (r:256 w:0)
	/// Proof: `Staking::HotkeyStake` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Assignments` (r:16 w:16)
	/// Proof: `Jobs::Assignments` (`max_values`: None, `max_size`: Some(273), added: 2748, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::ResultReveals` (r:128 w:128)
	/// Proof: `Jobs::ResultReveals` (`max_values`: None, `max_size`: Some(354), added: 2829, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:400 w:400)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:16 w:16)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::HotkeyOwner` (r:384 w:0)
	/// Proof: `Subnets::HotkeyOwner` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::PruneAt` (r:1 w:1)
	/// Proof: `Jobs::PruneAt` (`max_values`: None, `max_size`: Some(141), added: 2616, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Escrowed` (r:1 w:1)
	/// Proof: `Jobs::Escrowed` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::AwaitingAssignment` (r:1 w:1)
	/// Proof: `Jobs::AwaitingAssignment` (`max_values`: Some(1), `max_size`: Some(514), added: 1009, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::ResultCommits` (r:128 w:128)
	/// Proof: `Jobs::ResultCommits` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::VerificationCommits` (r:256 w:256)
	/// Proof: `Jobs::VerificationCommits` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::MinerLoad` (r:128 w:128)
	/// Proof: `Jobs::MinerLoad` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::RequesterJobCount` (r:16 w:16)
	/// Proof: `Jobs::RequesterJobCount` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Outcomes` (r:0 w:16)
	/// Proof: `Jobs::Outcomes` (`max_values`: None, `max_size`: Some(310), added: 2785, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::RequesterJobs` (r:0 w:16)
	/// Proof: `Jobs::RequesterJobs` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// `n` ranges over `[0, 16]`.
	fn settle_jobs(n: u32, ) -> Weight {
		// Fastest run: 72_621_000 ps; proof size measured `1706`.
		Weight::from_parts(4_233_005_086, 3606)
			.saturating_add(Weight::from_parts(34_419_775_615, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().reads((126_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(3_u64))
			.saturating_add(T::DbWeight::get().writes((87_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 65075).saturating_mul(n.into()))
	}
	/// Storage: `Jobs::PruneAt` (r:1 w:1)
	/// Proof: `Jobs::PruneAt` (`max_values`: None, `max_size`: Some(141), added: 2616, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Outcomes` (r:0 w:16)
	/// Proof: `Jobs::Outcomes` (`max_values`: None, `max_size`: Some(310), added: 2785, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Statistics` (r:0 w:16)
	/// Proof: `Jobs::Statistics` (`max_values`: None, `max_size`: Some(3602), added: 6077, mode: `MaxEncodedLen`)
	/// `n` ranges over `[0, 16]`.
	fn prune_outcomes(n: u32, ) -> Weight {
		// Fastest run: 71_255_000 ps; proof size measured `78`.
		Weight::from_parts(137_374_330, 3606)
			.saturating_add(Weight::from_parts(28_844_475, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}
}

/// The same figures with ParityDb's database weights, for tests and other runtimes.
impl WeightInfo for () {
	fn post_job() -> Weight {
		Weight::from_parts(1_740_634_000, 3606)
			.saturating_add(ParityDbWeight::get().reads(9_u64))
			.saturating_add(ParityDbWeight::get().writes(10_u64))
	}
	fn cancel_job() -> Weight {
		Weight::from_parts(1_905_587_000, 6981)
			.saturating_add(ParityDbWeight::get().reads(9_u64))
			.saturating_add(ParityDbWeight::get().writes(9_u64))
	}
	fn commit_result() -> Weight {
		Weight::from_parts(520_642_000, 6981)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn reveal_result() -> Weight {
		Weight::from_parts(1_632_045_000, 24129)
			.saturating_add(ParityDbWeight::get().reads(12_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn commit_verification() -> Weight {
		Weight::from_parts(2_587_980_000, 44697)
			.saturating_add(ParityDbWeight::get().reads(21_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn reveal_verification() -> Weight {
		Weight::from_parts(594_372_000, 6981)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn submit_statistics() -> Weight {
		Weight::from_parts(474_209_000, 6981)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn expire_jobs(n: u32, ) -> Weight {
		Weight::from_parts(309_160_650, 3606)
			.saturating_add(Weight::from_parts(1_317_803_339, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().reads((5_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
			.saturating_add(ParityDbWeight::get().writes((5_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 5991).saturating_mul(n.into()))
	}
	fn assign_jobs(n: u32, ) -> Weight {
		Weight::from_parts(84_591_000, 23054)
			.saturating_add(Weight::from_parts(16_145_578_593, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(29_u64))
			.saturating_add(ParityDbWeight::get().reads((11_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
			.saturating_add(ParityDbWeight::get().writes((4_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 5991).saturating_mul(n.into()))
	}
	fn settle_jobs(n: u32, ) -> Weight {
		Weight::from_parts(4_233_005_086, 3606)
			.saturating_add(Weight::from_parts(34_419_775_615, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().reads((126_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
			.saturating_add(ParityDbWeight::get().writes((87_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 65075).saturating_mul(n.into()))
	}
	fn prune_outcomes(n: u32, ) -> Weight {
		Weight::from_parts(137_374_330, 3606)
			.saturating_add(Weight::from_parts(28_844_475, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
			.saturating_add(ParityDbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}
}
