//! Weights for `pallet_jobs`, generated from its benchmarks (`benchmarking.rs`) by
//! `scripts/benchmark.sh`: STEPS 10, REPEAT 5, on AMD EPYC, 2026-12-03.
//!
//! A release `synod-node` built `--features runtime-benchmarks` ran the compiled wasm on this
//! machine. Regenerate on reference hardware before a public network, and after any change to
//! a benchmarked call.

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
	fn commit_statistics() -> Weight;
	fn reveal_statistics() -> Weight;
	fn expire_jobs(n: u32, ) -> Weight;
	fn assign_jobs(n: u32, ) -> Weight;
	fn settle_jobs(n: u32, ) -> Weight;
	fn draw_samples(n: u32, ) -> Weight;
	fn prune_outcomes(n: u32, ) -> Weight;
	fn open_trace() -> Weight;
	fn reveal_spot_check() -> Weight;
	fn draw_checks(n: u32, ) -> Weight;
	fn settle_spot_checked(n: u32, ) -> Weight;
}

/// Weights measured for the Synod runtime, with its database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Subnets::Hyperparameters` (r:1 w:0)
	/// Proof: `Subnets::Hyperparameters` (`max_values`: None, `max_size`: Some(150), added: 2625, mode: `MaxEncodedLen`)
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
	/// Proof: `Jobs::AwaitingAssignment` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::AssignmentRetryAt` (r:1 w:1)
	/// Proof: `Jobs::AssignmentRetryAt` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Escrowed` (r:1 w:1)
	/// Proof: `Jobs::Escrowed` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::QueueDeposits` (r:0 w:1)
	/// Proof: `Jobs::QueueDeposits` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::JobRecords` (r:0 w:1)
	/// Proof: `Jobs::JobRecords` (`max_values`: None, `max_size`: Some(3561), added: 6036, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::RequesterJobs` (r:0 w:1)
	/// Proof: `Jobs::RequesterJobs` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn post_job() -> Weight {
		// Fastest run: 153_659_000 ps; proof size measured `1806`.
		Weight::from_parts(241_420_000, 3658)
			.saturating_add(T::DbWeight::get().reads(11_u64))
			.saturating_add(T::DbWeight::get().writes(13_u64))
	}
	/// Storage: `Jobs::JobRecords` (r:1 w:1)
	/// Proof: `Jobs::JobRecords` (`max_values`: None, `max_size`: Some(3561), added: 6036, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::AssignmentExpiries` (r:1 w:1)
	/// Proof: `Jobs::AssignmentExpiries` (`max_values`: None, `max_size`: Some(141), added: 2616, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::SettlementDue` (r:1 w:1)
	/// Proof: `Jobs::SettlementDue` (`max_values`: None, `max_size`: Some(141), added: 2616, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::SamplingDue` (r:1 w:1)
	/// Proof: `Jobs::SamplingDue` (`max_values`: None, `max_size`: Some(141), added: 2616, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Escrowed` (r:1 w:1)
	/// Proof: `Jobs::Escrowed` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::AwaitingAssignment` (r:1 w:1)
	/// Proof: `Jobs::AwaitingAssignment` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::QueueDeposits` (r:1 w:1)
	/// Proof: `Jobs::QueueDeposits` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Assignments` (r:1 w:0)
	/// Proof: `Jobs::Assignments` (`max_values`: None, `max_size`: Some(273), added: 2748, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Committees` (r:1 w:0)
	/// Proof: `Jobs::Committees` (`max_values`: None, `max_size`: Some(785), added: 3260, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::RequesterJobCount` (r:1 w:1)
	/// Proof: `Jobs::RequesterJobCount` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::RequesterJobs` (r:0 w:1)
	/// Proof: `Jobs::RequesterJobs` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn cancel_job() -> Weight {
		// Fastest run: 162_262_000 ps; proof size measured `5065`.
		Weight::from_parts(270_704_000, 7026)
			.saturating_add(T::DbWeight::get().reads(12_u64))
			.saturating_add(T::DbWeight::get().writes(11_u64))
	}
	/// Storage: `Jobs::JobRecords` (r:1 w:0)
	/// Proof: `Jobs::JobRecords` (`max_values`: None, `max_size`: Some(3561), added: 6036, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Assignments` (r:1 w:0)
	/// Proof: `Jobs::Assignments` (`max_values`: None, `max_size`: Some(273), added: 2748, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::ResultCommits` (r:1 w:1)
	/// Proof: `Jobs::ResultCommits` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	fn commit_result() -> Weight {
		// Fastest run: 34_942_000 ps; proof size measured `3150`.
		Weight::from_parts(75_693_000, 7026)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Jobs::JobRecords` (r:1 w:0)
	/// Proof: `Jobs::JobRecords` (`max_values`: None, `max_size`: Some(3561), added: 6036, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Assignments` (r:1 w:0)
	/// Proof: `Jobs::Assignments` (`max_values`: None, `max_size`: Some(273), added: 2748, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::ResultCommits` (r:1 w:0)
	/// Proof: `Jobs::ResultCommits` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::ResultReveals` (r:1 w:1)
	/// Proof: `Jobs::ResultReveals` (`max_values`: None, `max_size`: Some(355), added: 2830, mode: `MaxEncodedLen`)
	fn reveal_result() -> Weight {
		// Fastest run: 44_777_000 ps; proof size measured `3527`.
		Weight::from_parts(93_199_000, 7026)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Jobs::JobRecords` (r:1 w:0)
	/// Proof: `Jobs::JobRecords` (`max_values`: None, `max_size`: Some(3561), added: 6036, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::CommitteeJobs` (r:1 w:0)
	/// Proof: `Jobs::CommitteeJobs` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::VerificationCommits` (r:1 w:1)
	/// Proof: `Jobs::VerificationCommits` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	fn commit_verification() -> Weight {
		// Fastest run: 35_072_000 ps; proof size measured `3603`.
		Weight::from_parts(69_194_000, 7026)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Jobs::JobRecords` (r:1 w:0)
	/// Proof: `Jobs::JobRecords` (`max_values`: None, `max_size`: Some(3561), added: 6036, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::CommitteeJobs` (r:1 w:0)
	/// Proof: `Jobs::CommitteeJobs` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::VerificationCommits` (r:1 w:0)
	/// Proof: `Jobs::VerificationCommits` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::VerificationReveals` (r:1 w:1)
	/// Proof: `Jobs::VerificationReveals` (`max_values`: None, `max_size`: Some(97), added: 2572, mode: `MaxEncodedLen`)
	fn reveal_verification() -> Weight {
		// Fastest run: 42_654_000 ps; proof size measured `3999`.
		Weight::from_parts(98_917_000, 7026)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Jobs::JobRecords` (r:1 w:0)
	/// Proof: `Jobs::JobRecords` (`max_values`: None, `max_size`: Some(3561), added: 6036, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Assignments` (r:1 w:0)
	/// Proof: `Jobs::Assignments` (`max_values`: None, `max_size`: Some(273), added: 2748, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::StatisticsCommits` (r:1 w:1)
	/// Proof: `Jobs::StatisticsCommits` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	fn commit_statistics() -> Weight {
		// Fastest run: 35_433_000 ps; proof size measured `3195`.
		Weight::from_parts(48_192_000, 7026)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Jobs::JobRecords` (r:1 w:0)
	/// Proof: `Jobs::JobRecords` (`max_values`: None, `max_size`: Some(3561), added: 6036, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Assignments` (r:1 w:0)
	/// Proof: `Jobs::Assignments` (`max_values`: None, `max_size`: Some(273), added: 2748, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::StatisticsCommits` (r:1 w:0)
	/// Proof: `Jobs::StatisticsCommits` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::StatisticsSubmissions` (r:1 w:1)
	/// Proof: `Jobs::StatisticsSubmissions` (`max_values`: None, `max_size`: Some(2627), added: 5102, mode: `MaxEncodedLen`)
	fn reveal_statistics() -> Weight {
		// Fastest run: 55_693_000 ps; proof size measured `3468`.
		Weight::from_parts(77_926_000, 7026)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Jobs::AssignmentExpiries` (r:1 w:1)
	/// Proof: `Jobs::AssignmentExpiries` (`max_values`: None, `max_size`: Some(141), added: 2616, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::JobRecords` (r:16 w:16)
	/// Proof: `Jobs::JobRecords` (`max_values`: None, `max_size`: Some(3561), added: 6036, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:16 w:16)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:16 w:16)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::SettlementDue` (r:1 w:1)
	/// Proof: `Jobs::SettlementDue` (`max_values`: None, `max_size`: Some(141), added: 2616, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::SamplingDue` (r:1 w:1)
	/// Proof: `Jobs::SamplingDue` (`max_values`: None, `max_size`: Some(141), added: 2616, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Escrowed` (r:1 w:1)
	/// Proof: `Jobs::Escrowed` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::AwaitingAssignment` (r:1 w:1)
	/// Proof: `Jobs::AwaitingAssignment` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::QueueDeposits` (r:16 w:16)
	/// Proof: `Jobs::QueueDeposits` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Assignments` (r:16 w:0)
	/// Proof: `Jobs::Assignments` (`max_values`: None, `max_size`: Some(273), added: 2748, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Committees` (r:16 w:0)
	/// Proof: `Jobs::Committees` (`max_values`: None, `max_size`: Some(785), added: 3260, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::RequesterJobCount` (r:16 w:16)
	/// Proof: `Jobs::RequesterJobCount` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::AssignmentRetryAt` (r:0 w:1)
	/// Proof: `Jobs::AssignmentRetryAt` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::RequesterJobs` (r:0 w:16)
	/// Proof: `Jobs::RequesterJobs` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// `n` ranges over `[0, 16]`.
	fn expire_jobs(n: u32, ) -> Weight {
		// Fastest run: 8_432_000 ps; proof size measured `2751`.
		Weight::from_parts(40_706_246, 3606)
			.saturating_add(Weight::from_parts(135_655_241, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().reads((7_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(3_u64))
			.saturating_add(T::DbWeight::get().writes((6_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 6036).saturating_mul(n.into()))
	}
	/// Storage: `Jobs::AssignmentRetryAt` (r:2 w:1)
	/// Proof: `Jobs::AssignmentRetryAt` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::AssignmentCursor` (r:1 w:0)
	/// Proof: `Jobs::AssignmentCursor` (`max_values`: Some(1), `max_size`: Some(6), added: 501, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::AwaitingAssignment` (r:1 w:1)
	/// Proof: `Jobs::AwaitingAssignment` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::JobRecords` (r:16 w:16)
	/// Proof: `Jobs::JobRecords` (`max_values`: None, `max_size`: Some(3561), added: 6036, mode: `MaxEncodedLen`)
	/// Storage: `Babe::AuthorVrfRandomness` (r:1 w:0)
	/// Proof: `Babe::AuthorVrfRandomness` (`max_values`: Some(1), `max_size`: Some(33), added: 528, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Hyperparameters` (r:1 w:0)
	/// Proof: `Subnets::Hyperparameters` (`max_values`: None, `max_size`: Some(150), added: 2625, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::NeuronCount` (r:1 w:0)
	/// Proof: `Subnets::NeuronCount` (`max_values`: None, `max_size`: Some(12), added: 2487, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::NeuronOutputs` (r:256 w:0)
	/// Proof: `Yuma::NeuronOutputs` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Neurons` (r:256 w:0)
	/// Proof: `Subnets::Neurons` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Endpoints` (r:256 w:0)
	/// Proof: `Subnets::Endpoints` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::HotkeyOwner` (r:256 w:0)
	/// Proof: `Subnets::HotkeyOwner` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Pools` (r:256 w:0)
	/// Proof: `Staking::Pools` (`max_values`: None, `max_size`: Some(120), added: 2595, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::MinerLoad` (r:256 w:105)
	/// Proof: `Jobs::MinerLoad` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::MinerRequesterLoad` (r:4096 w:128)
	/// Proof: `Jobs::MinerRequesterLoad` (`max_values`: None, `max_size`: Some(100), added: 2575, mode: `MaxEncodedLen`)
	/// Storage: `Staking::StakeLocks` (r:169 w:169)
	/// Proof: `Staking::StakeLocks` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::QueueDeposits` (r:16 w:16)
	/// Proof: `Jobs::QueueDeposits` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:16 w:16)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:16 w:16)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Committees` (r:0 w:16)
	/// Proof: `Jobs::Committees` (`max_values`: None, `max_size`: Some(785), added: 3260, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::MinerJobs` (r:0 w:128)
	/// Proof: `Jobs::MinerJobs` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Assignments` (r:0 w:16)
	/// Proof: `Jobs::Assignments` (`max_values`: None, `max_size`: Some(273), added: 2748, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::CommitteeJobs` (r:0 w:256)
	/// Proof: `Jobs::CommitteeJobs` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// `n` ranges over `[0, 16]`.
	fn assign_jobs(n: u32, ) -> Weight {
		// Fastest run: 20_290_000 ps; proof size measured `70684`.
		Weight::from_parts(927_024_920, 707038)
			.saturating_add(Weight::from_parts(7_588_587_017, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(1078_u64))
			.saturating_add(T::DbWeight::get().reads((314_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(27_u64))
			.saturating_add(T::DbWeight::get().writes((55_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 659200).saturating_mul(n.into()))
	}
	/// Storage: `Jobs::SettlementBacklog` (r:1 w:1)
	/// Proof: `Jobs::SettlementBacklog` (`max_values`: Some(1), `max_size`: Some(514), added: 1009, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::SettlementDue` (r:1 w:1)
	/// Proof: `Jobs::SettlementDue` (`max_values`: None, `max_size`: Some(141), added: 2616, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::JobRecords` (r:16 w:16)
	/// Proof: `Jobs::JobRecords` (`max_values`: None, `max_size`: Some(3561), added: 6036, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::VerificationReveals` (r:272 w:256)
	/// Proof: `Jobs::VerificationReveals` (`max_values`: None, `max_size`: Some(97), added: 2572, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Committees` (r:16 w:16)
	/// Proof: `Jobs::Committees` (`max_values`: None, `max_size`: Some(785), added: 3260, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::VerificationCommits` (r:256 w:256)
	/// Proof: `Jobs::VerificationCommits` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Pools` (r:53 w:53)
	/// Proof: `Staking::Pools` (`max_values`: None, `max_size`: Some(120), added: 2595, mode: `MaxEncodedLen`)
	/// Storage: `Staking::TotalStake` (r:1 w:1)
	/// Proof: `Staking::TotalStake` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Staking::TotalUnbonding` (r:1 w:1)
	/// Proof: `Staking::TotalUnbonding` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:17 w:17)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:46 w:46)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Assignments` (r:16 w:16)
	/// Proof: `Jobs::Assignments` (`max_values`: None, `max_size`: Some(273), added: 2748, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::ResultReveals` (r:128 w:128)
	/// Proof: `Jobs::ResultReveals` (`max_values`: None, `max_size`: Some(355), added: 2830, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::ResultCommits` (r:128 w:128)
	/// Proof: `Jobs::ResultCommits` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::HotkeyOwner` (r:29 w:0)
	/// Proof: `Subnets::HotkeyOwner` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Escrowed` (r:1 w:1)
	/// Proof: `Jobs::Escrowed` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::AwaitingAssignment` (r:1 w:1)
	/// Proof: `Jobs::AwaitingAssignment` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::QueueDeposits` (r:16 w:0)
	/// Proof: `Jobs::QueueDeposits` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::MinerLoad` (r:38 w:38)
	/// Proof: `Jobs::MinerLoad` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::MinerRequesterLoad` (r:128 w:128)
	/// Proof: `Jobs::MinerRequesterLoad` (`max_values`: None, `max_size`: Some(100), added: 2575, mode: `MaxEncodedLen`)
	/// Storage: `Staking::StakeLocks` (r:54 w:54)
	/// Proof: `Staking::StakeLocks` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::RequesterJobCount` (r:16 w:16)
	/// Proof: `Jobs::RequesterJobCount` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::PruneAt` (r:1 w:1)
	/// Proof: `Jobs::PruneAt` (`max_values`: None, `max_size`: Some(141), added: 2616, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::MinerJobs` (r:0 w:128)
	/// Proof: `Jobs::MinerJobs` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::AssignmentRetryAt` (r:0 w:1)
	/// Proof: `Jobs::AssignmentRetryAt` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Outcomes` (r:0 w:16)
	/// Proof: `Jobs::Outcomes` (`max_values`: None, `max_size`: Some(3086), added: 5561, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::RequesterJobs` (r:0 w:16)
	/// Proof: `Jobs::RequesterJobs` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::CommitteeJobs` (r:0 w:256)
	/// Proof: `Jobs::CommitteeJobs` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// `n` ranges over `[0, 16]`.
	fn settle_jobs(n: u32, ) -> Weight {
		// Fastest run: 9_825_000 ps; proof size measured `11105`.
		Weight::from_parts(48_804_553, 60362)
			.saturating_add(Weight::from_parts(1_785_863_297, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(55_u64))
			.saturating_add(T::DbWeight::get().reads((75_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(47_u64))
			.saturating_add(T::DbWeight::get().writes((98_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 43724).saturating_mul(n.into()))
	}
	/// Storage: `Jobs::SamplingDue` (r:1 w:1)
	/// Proof: `Jobs::SamplingDue` (`max_values`: None, `max_size`: Some(141), added: 2616, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::JobRecords` (r:16 w:16)
	/// Proof: `Jobs::JobRecords` (`max_values`: None, `max_size`: Some(3561), added: 6036, mode: `MaxEncodedLen`)
	/// Storage: `Babe::AuthorVrfRandomness` (r:1 w:0)
	/// Proof: `Babe::AuthorVrfRandomness` (`max_values`: Some(1), `max_size`: Some(33), added: 528, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Assignments` (r:16 w:0)
	/// Proof: `Jobs::Assignments` (`max_values`: None, `max_size`: Some(273), added: 2748, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Hyperparameters` (r:1 w:0)
	/// Proof: `Subnets::Hyperparameters` (`max_values`: None, `max_size`: Some(150), added: 2625, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::HotkeyOwner` (r:169 w:0)
	/// Proof: `Subnets::HotkeyOwner` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::NeuronCount` (r:1 w:0)
	/// Proof: `Subnets::NeuronCount` (`max_values`: None, `max_size`: Some(12), added: 2487, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Neurons` (r:256 w:0)
	/// Proof: `Subnets::Neurons` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Endpoints` (r:256 w:0)
	/// Proof: `Subnets::Endpoints` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::NeuronOutputs` (r:256 w:0)
	/// Proof: `Yuma::NeuronOutputs` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Pools` (r:64 w:0)
	/// Proof: `Staking::Pools` (`max_values`: None, `max_size`: Some(120), added: 2595, mode: `MaxEncodedLen`)
	/// Storage: `Staking::StakeLocks` (r:62 w:62)
	/// Proof: `Staking::StakeLocks` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Committees` (r:0 w:16)
	/// Proof: `Jobs::Committees` (`max_values`: None, `max_size`: Some(785), added: 3260, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::CommitteeJobs` (r:0 w:256)
	/// Proof: `Jobs::CommitteeJobs` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// `n` ranges over `[0, 16]`.
	fn draw_samples(n: u32, ) -> Weight {
		// Fastest run: 13_860_000 ps; proof size measured `48250`.
		Weight::from_parts(2_045_982_194, 707038)
			.saturating_add(Weight::from_parts(2_285_848_182, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(638_u64))
			.saturating_add(T::DbWeight::get().reads((38_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(20_u64))
			.saturating_add(T::DbWeight::get().writes((21_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 16140).saturating_mul(n.into()))
	}
	/// Storage: `Jobs::PruneAt` (r:1 w:1)
	/// Proof: `Jobs::PruneAt` (`max_values`: None, `max_size`: Some(141), added: 2616, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Outcomes` (r:0 w:16)
	/// Proof: `Jobs::Outcomes` (`max_values`: None, `max_size`: Some(3086), added: 5561, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Statistics` (r:0 w:16)
	/// Proof: `Jobs::Statistics` (`max_values`: None, `max_size`: Some(3602), added: 6077, mode: `MaxEncodedLen`)
	/// `n` ranges over `[0, 16]`.
	fn prune_outcomes(n: u32, ) -> Weight {
		// Fastest run: 4_236_000 ps; proof size measured `150`.
		Weight::from_parts(8_655_999, 3606)
			.saturating_add(Weight::from_parts(3_422_423, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}
	/// Storage: `Jobs::JobRecords` (r:1 w:0)
	/// Proof: `Jobs::JobRecords` (`max_values`: None, `max_size`: Some(3561), added: 6036, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Assignments` (r:1 w:0)
	/// Proof: `Jobs::Assignments` (`max_values`: None, `max_size`: Some(273), added: 2748, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::ResultCommits` (r:1 w:0)
	/// Proof: `Jobs::ResultCommits` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::ResultReveals` (r:1 w:1)
	/// Proof: `Jobs::ResultReveals` (`max_values`: None, `max_size`: Some(355), added: 2830, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::TraceLeaves` (r:0 w:1)
	/// Proof: `Jobs::TraceLeaves` (`max_values`: None, `max_size`: Some(2178), added: 4653, mode: `MaxEncodedLen`)
	fn open_trace() -> Weight {
		// Fastest run: 133_189_000 ps; proof size measured `3569`.
		Weight::from_parts(224_655_000, 7026)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Jobs::JobRecords` (r:1 w:0)
	/// Proof: `Jobs::JobRecords` (`max_values`: None, `max_size`: Some(3561), added: 6036, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::CommitteeJobs` (r:1 w:0)
	/// Proof: `Jobs::CommitteeJobs` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::VerificationCommits` (r:1 w:0)
	/// Proof: `Jobs::VerificationCommits` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::SpotCheckReveals` (r:1 w:1)
	/// Proof: `Jobs::SpotCheckReveals` (`max_values`: None, `max_size`: Some(2179), added: 4654, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::CheckPlans` (r:1 w:0)
	/// Proof: `Jobs::CheckPlans` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	fn reveal_spot_check() -> Weight {
		// Fastest run: 60_881_000 ps; proof size measured `4505`.
		Weight::from_parts(121_281_000, 7026)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Jobs::CheckDrawDue` (r:1 w:1)
	/// Proof: `Jobs::CheckDrawDue` (`max_values`: None, `max_size`: Some(141), added: 2616, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::JobRecords` (r:16 w:0)
	/// Proof: `Jobs::JobRecords` (`max_values`: None, `max_size`: Some(3561), added: 6036, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::TraceLeaves` (r:144 w:0)
	/// Proof: `Jobs::TraceLeaves` (`max_values`: None, `max_size`: Some(2178), added: 4653, mode: `MaxEncodedLen`)
	/// Storage: `Babe::AuthorVrfRandomness` (r:1 w:0)
	/// Proof: `Babe::AuthorVrfRandomness` (`max_values`: Some(1), `max_size`: Some(33), added: 528, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::CheckPlans` (r:0 w:16)
	/// Proof: `Jobs::CheckPlans` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// `n` ranges over `[0, 16]`.
	fn draw_checks(n: u32, ) -> Weight {
		// Fastest run: 6_830_000 ps; proof size measured `678`.
		Weight::from_parts(68_206_860, 3606)
			.saturating_add(Weight::from_parts(105_967_407, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads((10_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 41877).saturating_mul(n.into()))
	}
	/// Storage: `Jobs::SettlementBacklog` (r:1 w:1)
	/// Proof: `Jobs::SettlementBacklog` (`max_values`: Some(1), `max_size`: Some(514), added: 1009, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::SettlementDue` (r:1 w:1)
	/// Proof: `Jobs::SettlementDue` (`max_values`: None, `max_size`: Some(141), added: 2616, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::JobRecords` (r:16 w:16)
	/// Proof: `Jobs::JobRecords` (`max_values`: None, `max_size`: Some(3561), added: 6036, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::SpotCheckReveals` (r:272 w:256)
	/// Proof: `Jobs::SpotCheckReveals` (`max_values`: None, `max_size`: Some(2179), added: 4654, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Committees` (r:16 w:16)
	/// Proof: `Jobs::Committees` (`max_values`: None, `max_size`: Some(785), added: 3260, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Pools` (r:53 w:53)
	/// Proof: `Staking::Pools` (`max_values`: None, `max_size`: Some(120), added: 2595, mode: `MaxEncodedLen`)
	/// Storage: `Staking::TotalStake` (r:1 w:1)
	/// Proof: `Staking::TotalStake` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Staking::TotalUnbonding` (r:1 w:1)
	/// Proof: `Staking::TotalUnbonding` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:17 w:17)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:46 w:46)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Assignments` (r:16 w:16)
	/// Proof: `Jobs::Assignments` (`max_values`: None, `max_size`: Some(273), added: 2748, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::ResultReveals` (r:128 w:128)
	/// Proof: `Jobs::ResultReveals` (`max_values`: None, `max_size`: Some(355), added: 2830, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::CheckPlans` (r:16 w:16)
	/// Proof: `Jobs::CheckPlans` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::TraceLeaves` (r:128 w:128)
	/// Proof: `Jobs::TraceLeaves` (`max_values`: None, `max_size`: Some(2178), added: 4653, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::HotkeyOwner` (r:29 w:0)
	/// Proof: `Subnets::HotkeyOwner` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::CheckDrawDue` (r:1 w:1)
	/// Proof: `Jobs::CheckDrawDue` (`max_values`: None, `max_size`: Some(141), added: 2616, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Escrowed` (r:1 w:1)
	/// Proof: `Jobs::Escrowed` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::AwaitingAssignment` (r:1 w:1)
	/// Proof: `Jobs::AwaitingAssignment` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::QueueDeposits` (r:16 w:0)
	/// Proof: `Jobs::QueueDeposits` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::ResultCommits` (r:128 w:128)
	/// Proof: `Jobs::ResultCommits` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::VerificationCommits` (r:256 w:256)
	/// Proof: `Jobs::VerificationCommits` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::MinerLoad` (r:38 w:38)
	/// Proof: `Jobs::MinerLoad` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::MinerRequesterLoad` (r:128 w:128)
	/// Proof: `Jobs::MinerRequesterLoad` (`max_values`: None, `max_size`: Some(100), added: 2575, mode: `MaxEncodedLen`)
	/// Storage: `Staking::StakeLocks` (r:54 w:54)
	/// Proof: `Staking::StakeLocks` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::RequesterJobCount` (r:16 w:16)
	/// Proof: `Jobs::RequesterJobCount` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::PruneAt` (r:1 w:1)
	/// Proof: `Jobs::PruneAt` (`max_values`: None, `max_size`: Some(141), added: 2616, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::MinerJobs` (r:0 w:128)
	/// Proof: `Jobs::MinerJobs` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::AssignmentRetryAt` (r:0 w:1)
	/// Proof: `Jobs::AssignmentRetryAt` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Outcomes` (r:0 w:16)
	/// Proof: `Jobs::Outcomes` (`max_values`: None, `max_size`: Some(3086), added: 5561, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::RequesterJobs` (r:0 w:16)
	/// Proof: `Jobs::RequesterJobs` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::CommitteeJobs` (r:0 w:256)
	/// Proof: `Jobs::CommitteeJobs` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// `n` ranges over `[0, 16]`.
	fn settle_spot_checked(n: u32, ) -> Weight {
		// Fastest run: 8_513_000 ps; proof size measured `9104`.
		Weight::from_parts(11_768_000, 60362)
			.saturating_add(Weight::from_parts(2_031_094_469, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(56_u64))
			.saturating_add(T::DbWeight::get().reads((84_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(48_u64))
			.saturating_add(T::DbWeight::get().writes((107_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 79118).saturating_mul(n.into()))
	}
}

/// The same figures with ParityDb's database weights, for tests and other runtimes.
impl WeightInfo for () {
	fn post_job() -> Weight {
		Weight::from_parts(241_420_000, 3658)
			.saturating_add(ParityDbWeight::get().reads(11_u64))
			.saturating_add(ParityDbWeight::get().writes(13_u64))
	}
	fn cancel_job() -> Weight {
		Weight::from_parts(270_704_000, 7026)
			.saturating_add(ParityDbWeight::get().reads(12_u64))
			.saturating_add(ParityDbWeight::get().writes(11_u64))
	}
	fn commit_result() -> Weight {
		Weight::from_parts(75_693_000, 7026)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn reveal_result() -> Weight {
		Weight::from_parts(93_199_000, 7026)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn commit_verification() -> Weight {
		Weight::from_parts(69_194_000, 7026)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn reveal_verification() -> Weight {
		Weight::from_parts(98_917_000, 7026)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn commit_statistics() -> Weight {
		Weight::from_parts(48_192_000, 7026)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn reveal_statistics() -> Weight {
		Weight::from_parts(77_926_000, 7026)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn expire_jobs(n: u32, ) -> Weight {
		Weight::from_parts(40_706_246, 3606)
			.saturating_add(Weight::from_parts(135_655_241, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().reads((7_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
			.saturating_add(ParityDbWeight::get().writes((6_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 6036).saturating_mul(n.into()))
	}
	fn assign_jobs(n: u32, ) -> Weight {
		Weight::from_parts(927_024_920, 707038)
			.saturating_add(Weight::from_parts(7_588_587_017, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(1078_u64))
			.saturating_add(ParityDbWeight::get().reads((314_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(27_u64))
			.saturating_add(ParityDbWeight::get().writes((55_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 659200).saturating_mul(n.into()))
	}
	fn settle_jobs(n: u32, ) -> Weight {
		Weight::from_parts(48_804_553, 60362)
			.saturating_add(Weight::from_parts(1_785_863_297, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(55_u64))
			.saturating_add(ParityDbWeight::get().reads((75_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(47_u64))
			.saturating_add(ParityDbWeight::get().writes((98_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 43724).saturating_mul(n.into()))
	}
	fn draw_samples(n: u32, ) -> Weight {
		Weight::from_parts(2_045_982_194, 707038)
			.saturating_add(Weight::from_parts(2_285_848_182, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(638_u64))
			.saturating_add(ParityDbWeight::get().reads((38_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(20_u64))
			.saturating_add(ParityDbWeight::get().writes((21_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 16140).saturating_mul(n.into()))
	}
	fn prune_outcomes(n: u32, ) -> Weight {
		Weight::from_parts(8_655_999, 3606)
			.saturating_add(Weight::from_parts(3_422_423, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
			.saturating_add(ParityDbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}
	fn open_trace() -> Weight {
		Weight::from_parts(224_655_000, 7026)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn reveal_spot_check() -> Weight {
		Weight::from_parts(121_281_000, 7026)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn draw_checks(n: u32, ) -> Weight {
		Weight::from_parts(68_206_860, 3606)
			.saturating_add(Weight::from_parts(105_967_407, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().reads((10_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 41877).saturating_mul(n.into()))
	}
	fn settle_spot_checked(n: u32, ) -> Weight {
		Weight::from_parts(11_768_000, 60362)
			.saturating_add(Weight::from_parts(2_031_094_469, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(56_u64))
			.saturating_add(ParityDbWeight::get().reads((84_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(48_u64))
			.saturating_add(ParityDbWeight::get().writes((107_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 79118).saturating_mul(n.into()))
	}
}
