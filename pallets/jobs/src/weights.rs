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
	fn reveal_statistics() -> Weight;
	fn commit_statistics() -> Weight;
	fn expire_jobs(n: u32, ) -> Weight;
	fn assign_jobs(n: u32, ) -> Weight;
	fn settle_jobs(n: u32, ) -> Weight;
	fn draw_samples(n: u32, ) -> Weight;
	fn prune_outcomes(n: u32, ) -> Weight;
}

/// Weights measured for the Synod runtime, with its database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Subnets::Hyperparameters` (r:1 w:0)
	/// Proof: `Subnets::Hyperparameters` (`max_values`: None, `max_size`: Some(137), added: 2612, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::RequesterJobCount` (r:1 w:1)
	/// Proof: `Jobs::RequesterJobCount` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::NextJobId` (r:1 w:1)
	/// Proof: `Jobs::NextJobId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::AssignmentExpiries` (r:1 w:1)
	/// Proof: `Jobs::AssignmentExpiries` (`max_values`: None, `max_size`: Some(141), added: 2616, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::SettlementDue` (r:1 w:1)
	/// Proof: `Jobs::SettlementDue` (`max_values`: None, `max_size`: Some(141), added: 2616, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::SamplingDue` (r:1 w:1)
	/// Proof: `Jobs::SamplingDue` (`max_values`: None, `max_size`: Some(141), added: 2616, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::AwaitingAssignment` (r:1 w:1)
	/// Proof: `Jobs::AwaitingAssignment` (`max_values`: Some(1), `max_size`: Some(514), added: 1009, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Escrowed` (r:1 w:1)
	/// Proof: `Jobs::Escrowed` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::JobRecords` (r:0 w:1)
	/// Proof: `Jobs::JobRecords` (`max_values`: None, `max_size`: Some(3531), added: 6006, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::RequesterJobs` (r:0 w:1)
	/// Proof: `Jobs::RequesterJobs` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn post_job() -> Weight {
		// Fastest run: 1_611_578_000 ps; proof size measured `648`.
		Weight::from_parts(1_733_135_000, 3606)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(11_u64))
	}
	/// Storage: `Jobs::JobRecords` (r:1 w:1)
	/// Proof: `Jobs::JobRecords` (`max_values`: None, `max_size`: Some(3531), added: 6006, mode: `MaxEncodedLen`)
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
		// Fastest run: 1_693_856_000 ps; proof size measured `4133`.
		Weight::from_parts(1_809_357_000, 6996)
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().writes(9_u64))
	}
	/// Storage: `Jobs::JobRecords` (r:1 w:0)
	/// Proof: `Jobs::JobRecords` (`max_values`: None, `max_size`: Some(3531), added: 6006, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Assignments` (r:1 w:0)
	/// Proof: `Jobs::Assignments` (`max_values`: None, `max_size`: Some(273), added: 2748, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::ResultCommits` (r:1 w:1)
	/// Proof: `Jobs::ResultCommits` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	fn commit_result() -> Weight {
		// Fastest run: 463_146_000 ps; proof size measured `4119`.
		Weight::from_parts(529_067_000, 6996)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Jobs::JobRecords` (r:1 w:0)
	/// Proof: `Jobs::JobRecords` (`max_values`: None, `max_size`: Some(3531), added: 6006, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Assignments` (r:1 w:0)
	/// Proof: `Jobs::Assignments` (`max_values`: None, `max_size`: Some(273), added: 2748, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::ResultCommits` (r:9 w:0)
	/// Proof: `Jobs::ResultCommits` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::ResultReveals` (r:1 w:1)
	/// Proof: `Jobs::ResultReveals` (`max_values`: None, `max_size`: Some(354), added: 2829, mode: `MaxEncodedLen`)
	fn reveal_result() -> Weight {
		// Fastest run: 1_471_042_000 ps; proof size measured `4899`.
		Weight::from_parts(1_631_222_000, 24129)
			.saturating_add(T::DbWeight::get().reads(12_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Jobs::JobRecords` (r:1 w:0)
	/// Proof: `Jobs::JobRecords` (`max_values`: None, `max_size`: Some(3531), added: 6006, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Uids` (r:1 w:0)
	/// Proof: `Subnets::Uids` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::NeuronOutputs` (r:1 w:0)
	/// Proof: `Yuma::NeuronOutputs` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Assignments` (r:1 w:0)
	/// Proof: `Jobs::Assignments` (`max_values`: None, `max_size`: Some(273), added: 2748, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::VerificationCommits` (r:17 w:1)
	/// Proof: `Jobs::VerificationCommits` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	fn commit_verification() -> Weight {
		// Fastest run: 2_445_082_000 ps; proof size measured `6813`.
		Weight::from_parts(2_570_155_000, 44697)
			.saturating_add(T::DbWeight::get().reads(21_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Jobs::JobRecords` (r:1 w:0)
	/// Proof: `Jobs::JobRecords` (`max_values`: None, `max_size`: Some(3531), added: 6006, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::VerificationCommits` (r:1 w:0)
	/// Proof: `Jobs::VerificationCommits` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::VerificationReveals` (r:1 w:1)
	/// Proof: `Jobs::VerificationReveals` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	fn reveal_verification() -> Weight {
		// Fastest run: 541_910_000 ps; proof size measured `4018`.
		Weight::from_parts(576_793_000, 6996)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Jobs::JobRecords` (r:1 w:0)
	/// Proof: `Jobs::JobRecords` (`max_values`: None, `max_size`: Some(3531), added: 6006, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Assignments` (r:1 w:0)
	/// Proof: `Jobs::Assignments` (`max_values`: None, `max_size`: Some(273), added: 2748, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::StatisticsSubmissions` (r:1 w:1)
	/// Proof: `Jobs::StatisticsSubmissions` (`max_values`: None, `max_size`: Some(2626), added: 5101, mode: `MaxEncodedLen`)
	fn reveal_statistics() -> Weight {
		// Fastest run: 439_629_000 ps; proof size measured `3896`.
		Weight::from_parts(471_143_000, 6996)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Not yet benchmarked: the weight of `commit_result`, the same reads and write.
	fn commit_statistics() -> Weight {
		// Fastest run: 463_146_000 ps; proof size measured `4119`.
		Weight::from_parts(529_067_000, 6996)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Jobs::AssignmentExpiries` (r:1 w:1)
	/// Proof: `Jobs::AssignmentExpiries` (`max_values`: None, `max_size`: Some(141), added: 2616, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::JobRecords` (r:16 w:16)
	/// Proof: `Jobs::JobRecords` (`max_values`: None, `max_size`: Some(3531), added: 6006, mode: `MaxEncodedLen`)
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
		// Fastest run: 73_337_000 ps; proof size measured `322`.
		Weight::from_parts(283_470_679, 3606)
			.saturating_add(Weight::from_parts(1_304_272_714, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().reads((5_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(3_u64))
			.saturating_add(T::DbWeight::get().writes((5_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 6006).saturating_mul(n.into()))
	}
	/// Storage: `Jobs::AwaitingAssignment` (r:1 w:1)
	/// Proof: `Jobs::AwaitingAssignment` (`max_values`: Some(1), `max_size`: Some(514), added: 1009, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::JobRecords` (r:64 w:64)
	/// Proof: `Jobs::JobRecords` (`max_values`: None, `max_size`: Some(3531), added: 6006, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Hyperparameters` (r:1 w:0)
	/// Proof: `Subnets::Hyperparameters` (`max_values`: None, `max_size`: Some(137), added: 2612, mode: `MaxEncodedLen`)
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
	/// Storage: `Jobs::MinerJobs` (r:0 w:512)
	/// Proof: `Jobs::MinerJobs` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Assignments` (r:0 w:64)
	/// Proof: `Jobs::Assignments` (`max_values`: None, `max_size`: Some(273), added: 2748, mode: `MaxEncodedLen`)
	/// `n` ranges over `[0, 64]`.
	fn assign_jobs(n: u32, ) -> Weight {
		// Fastest run: 76_010_000 ps; proof size measured `2370`.
		Weight::from_parts(77_591_000, 23054)
			.saturating_add(Weight::from_parts(16_523_134_569, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(29_u64))
			.saturating_add(T::DbWeight::get().reads((11_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(4_u64))
			.saturating_add(T::DbWeight::get().writes((12_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 6006).saturating_mul(n.into()))
	}
	/// Storage: `Jobs::SettlementDue` (r:1 w:1)
	/// Proof: `Jobs::SettlementDue` (`max_values`: None, `max_size`: Some(141), added: 2616, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::JobRecords` (r:16 w:16)
	/// Proof: `Jobs::JobRecords` (`max_values`: None, `max_size`: Some(3531), added: 6006, mode: `MaxEncodedLen`)
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
	/// Storage: `Jobs::PruneAt` (r:1 w:1)
	/// Proof: `Jobs::PruneAt` (`max_values`: None, `max_size`: Some(141), added: 2616, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::MinerJobs` (r:0 w:128)
	/// Proof: `Jobs::MinerJobs` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Outcomes` (r:0 w:16)
	/// Proof: `Jobs::Outcomes` (`max_values`: None, `max_size`: Some(1917), added: 4392, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::RequesterJobs` (r:0 w:16)
	/// Proof: `Jobs::RequesterJobs` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// `n` ranges over `[0, 16]`.
	fn settle_jobs(n: u32, ) -> Weight {
		// Fastest run: 75_171_000 ps; proof size measured `1739`.
		Weight::from_parts(1_337_227_570, 3606)
			.saturating_add(Weight::from_parts(34_276_078_131, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().reads((126_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(3_u64))
			.saturating_add(T::DbWeight::get().writes((95_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 65075).saturating_mul(n.into()))
	}
	/// Storage: `Jobs::SamplingDue` (r:1 w:1)
	/// Proof: `Jobs::SamplingDue` (`max_values`: None, `max_size`: Some(141), added: 2616, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::JobRecords` (r:16 w:16)
	/// Proof: `Jobs::JobRecords` (`max_values`: None, `max_size`: Some(3531), added: 6006, mode: `MaxEncodedLen`)
	/// Storage: `RandomnessCollectiveFlip::RandomMaterial` (r:1 w:0)
	/// Proof: `RandomnessCollectiveFlip::RandomMaterial` (`max_values`: Some(1), `max_size`: Some(2594), added: 3089, mode: `MaxEncodedLen`)
	/// `n` ranges over `[0, 16]`.
	fn draw_samples(n: u32, ) -> Weight {
		// Fastest run: 73_777_000 ps; proof size measured `313`.
		Weight::from_parts(220_036_297, 4079)
			.saturating_add(Weight::from_parts(146_305_821, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 6006).saturating_mul(n.into()))
	}
	/// Storage: `Jobs::PruneAt` (r:1 w:1)
	/// Proof: `Jobs::PruneAt` (`max_values`: None, `max_size`: Some(141), added: 2616, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Outcomes` (r:0 w:16)
	/// Proof: `Jobs::Outcomes` (`max_values`: None, `max_size`: Some(1917), added: 4392, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Statistics` (r:0 w:16)
	/// Proof: `Jobs::Statistics` (`max_values`: None, `max_size`: Some(3602), added: 6077, mode: `MaxEncodedLen`)
	/// `n` ranges over `[0, 16]`.
	fn prune_outcomes(n: u32, ) -> Weight {
		// Fastest run: 72_037_000 ps; proof size measured `78`.
		Weight::from_parts(139_870_174, 3606)
			.saturating_add(Weight::from_parts(29_680_000, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}
}

/// The same figures with ParityDb's database weights, for tests and other runtimes.
impl WeightInfo for () {
	fn post_job() -> Weight {
		Weight::from_parts(1_733_135_000, 3606)
			.saturating_add(ParityDbWeight::get().reads(10_u64))
			.saturating_add(ParityDbWeight::get().writes(11_u64))
	}
	fn cancel_job() -> Weight {
		Weight::from_parts(1_809_357_000, 6996)
			.saturating_add(ParityDbWeight::get().reads(9_u64))
			.saturating_add(ParityDbWeight::get().writes(9_u64))
	}
	fn commit_result() -> Weight {
		Weight::from_parts(529_067_000, 6996)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn reveal_result() -> Weight {
		Weight::from_parts(1_631_222_000, 24129)
			.saturating_add(ParityDbWeight::get().reads(12_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn commit_verification() -> Weight {
		Weight::from_parts(2_570_155_000, 44697)
			.saturating_add(ParityDbWeight::get().reads(21_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn reveal_verification() -> Weight {
		Weight::from_parts(576_793_000, 6996)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn reveal_statistics() -> Weight {
		Weight::from_parts(471_143_000, 6996)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	/// Not yet benchmarked: the weight of `commit_result`, the same reads and write.
	fn commit_statistics() -> Weight {
		Weight::from_parts(529_067_000, 6996)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn expire_jobs(n: u32, ) -> Weight {
		Weight::from_parts(283_470_679, 3606)
			.saturating_add(Weight::from_parts(1_304_272_714, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().reads((5_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
			.saturating_add(ParityDbWeight::get().writes((5_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 6006).saturating_mul(n.into()))
	}
	fn assign_jobs(n: u32, ) -> Weight {
		Weight::from_parts(77_591_000, 23054)
			.saturating_add(Weight::from_parts(16_523_134_569, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(29_u64))
			.saturating_add(ParityDbWeight::get().reads((11_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
			.saturating_add(ParityDbWeight::get().writes((12_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 6006).saturating_mul(n.into()))
	}
	fn settle_jobs(n: u32, ) -> Weight {
		Weight::from_parts(1_337_227_570, 3606)
			.saturating_add(Weight::from_parts(34_276_078_131, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().reads((126_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
			.saturating_add(ParityDbWeight::get().writes((95_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 65075).saturating_mul(n.into()))
	}
	fn draw_samples(n: u32, ) -> Weight {
		Weight::from_parts(220_036_297, 4079)
			.saturating_add(Weight::from_parts(146_305_821, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 6006).saturating_mul(n.into()))
	}
	fn prune_outcomes(n: u32, ) -> Weight {
		Weight::from_parts(139_870_174, 3606)
			.saturating_add(Weight::from_parts(29_680_000, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
			.saturating_add(ParityDbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}
}
