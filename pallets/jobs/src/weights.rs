//! Weights for `pallet_jobs`, generated from its benchmarks (`benchmarking.rs`) by
//! `scripts/benchmark.sh`: STEPS 10, REPEAT 5, on AMD EPYC, 2026-12-02.
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
	/// Proof: `Subnets::Hyperparameters` (`max_values`: None, `max_size`: Some(149), added: 2624, mode: `MaxEncodedLen`)
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
	/// Proof: `Jobs::JobRecords` (`max_values`: None, `max_size`: Some(3560), added: 6035, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::RequesterJobs` (r:0 w:1)
	/// Proof: `Jobs::RequesterJobs` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn post_job() -> Weight {
		// Fastest run: 129_063_000 ps; proof size measured `1805`.
		Weight::from_parts(136_704_000, 3658)
			.saturating_add(T::DbWeight::get().reads(11_u64))
			.saturating_add(T::DbWeight::get().writes(13_u64))
	}
	/// Storage: `Jobs::JobRecords` (r:1 w:1)
	/// Proof: `Jobs::JobRecords` (`max_values`: None, `max_size`: Some(3560), added: 6035, mode: `MaxEncodedLen`)
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
		// Fastest run: 131_816_000 ps; proof size measured `5064`.
		Weight::from_parts(144_415_000, 7025)
			.saturating_add(T::DbWeight::get().reads(12_u64))
			.saturating_add(T::DbWeight::get().writes(11_u64))
	}
	/// Storage: `Jobs::JobRecords` (r:1 w:0)
	/// Proof: `Jobs::JobRecords` (`max_values`: None, `max_size`: Some(3560), added: 6035, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Assignments` (r:1 w:0)
	/// Proof: `Jobs::Assignments` (`max_values`: None, `max_size`: Some(273), added: 2748, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::ResultCommits` (r:1 w:1)
	/// Proof: `Jobs::ResultCommits` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	fn commit_result() -> Weight {
		// Fastest run: 22_073_000 ps; proof size measured `3149`.
		Weight::from_parts(24_747_000, 7025)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Jobs::JobRecords` (r:1 w:0)
	/// Proof: `Jobs::JobRecords` (`max_values`: None, `max_size`: Some(3560), added: 6035, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Assignments` (r:1 w:0)
	/// Proof: `Jobs::Assignments` (`max_values`: None, `max_size`: Some(273), added: 2748, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::ResultCommits` (r:1 w:0)
	/// Proof: `Jobs::ResultCommits` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::ResultReveals` (r:1 w:1)
	/// Proof: `Jobs::ResultReveals` (`max_values`: None, `max_size`: Some(355), added: 2830, mode: `MaxEncodedLen`)
	fn reveal_result() -> Weight {
		// Fastest run: 30_736_000 ps; proof size measured `3526`.
		Weight::from_parts(33_660_000, 7025)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Jobs::JobRecords` (r:1 w:0)
	/// Proof: `Jobs::JobRecords` (`max_values`: None, `max_size`: Some(3560), added: 6035, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::CommitteeJobs` (r:1 w:0)
	/// Proof: `Jobs::CommitteeJobs` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::VerificationCommits` (r:1 w:1)
	/// Proof: `Jobs::VerificationCommits` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	fn commit_verification() -> Weight {
		// Fastest run: 28_943_000 ps; proof size measured `3602`.
		Weight::from_parts(31_667_000, 7025)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Jobs::JobRecords` (r:1 w:0)
	/// Proof: `Jobs::JobRecords` (`max_values`: None, `max_size`: Some(3560), added: 6035, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::CommitteeJobs` (r:1 w:0)
	/// Proof: `Jobs::CommitteeJobs` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::VerificationCommits` (r:1 w:0)
	/// Proof: `Jobs::VerificationCommits` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::VerificationReveals` (r:1 w:1)
	/// Proof: `Jobs::VerificationReveals` (`max_values`: None, `max_size`: Some(97), added: 2572, mode: `MaxEncodedLen`)
	fn reveal_verification() -> Weight {
		// Fastest run: 36_294_000 ps; proof size measured `3998`.
		Weight::from_parts(39_619_000, 7025)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Jobs::JobRecords` (r:1 w:0)
	/// Proof: `Jobs::JobRecords` (`max_values`: None, `max_size`: Some(3560), added: 6035, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Assignments` (r:1 w:0)
	/// Proof: `Jobs::Assignments` (`max_values`: None, `max_size`: Some(273), added: 2748, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::StatisticsCommits` (r:1 w:1)
	/// Proof: `Jobs::StatisticsCommits` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	fn commit_statistics() -> Weight {
		// Fastest run: 23_976_000 ps; proof size measured `3194`.
		Weight::from_parts(27_581_000, 7025)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Jobs::JobRecords` (r:1 w:0)
	/// Proof: `Jobs::JobRecords` (`max_values`: None, `max_size`: Some(3560), added: 6035, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Assignments` (r:1 w:0)
	/// Proof: `Jobs::Assignments` (`max_values`: None, `max_size`: Some(273), added: 2748, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::StatisticsCommits` (r:1 w:0)
	/// Proof: `Jobs::StatisticsCommits` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::StatisticsSubmissions` (r:1 w:1)
	/// Proof: `Jobs::StatisticsSubmissions` (`max_values`: None, `max_size`: Some(2627), added: 5102, mode: `MaxEncodedLen`)
	fn reveal_statistics() -> Weight {
		// Fastest run: 41_662_000 ps; proof size measured `3467`.
		Weight::from_parts(45_949_000, 7025)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Jobs::AssignmentExpiries` (r:1 w:1)
	/// Proof: `Jobs::AssignmentExpiries` (`max_values`: None, `max_size`: Some(141), added: 2616, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::JobRecords` (r:16 w:16)
	/// Proof: `Jobs::JobRecords` (`max_values`: None, `max_size`: Some(3560), added: 6035, mode: `MaxEncodedLen`)
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
		// Fastest run: 6_520_000 ps; proof size measured `2751`.
		Weight::from_parts(22_328_869, 3606)
			.saturating_add(Weight::from_parts(105_716_144, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().reads((7_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(3_u64))
			.saturating_add(T::DbWeight::get().writes((6_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 6035).saturating_mul(n.into()))
	}
	/// Storage: `Jobs::AssignmentRetryAt` (r:2 w:1)
	/// Proof: `Jobs::AssignmentRetryAt` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::AssignmentCursor` (r:1 w:0)
	/// Proof: `Jobs::AssignmentCursor` (`max_values`: Some(1), `max_size`: Some(6), added: 501, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::AwaitingAssignment` (r:1 w:1)
	/// Proof: `Jobs::AwaitingAssignment` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::JobRecords` (r:16 w:16)
	/// Proof: `Jobs::JobRecords` (`max_values`: None, `max_size`: Some(3560), added: 6035, mode: `MaxEncodedLen`)
	/// Storage: `Babe::AuthorVrfRandomness` (r:1 w:0)
	/// Proof: `Babe::AuthorVrfRandomness` (`max_values`: Some(1), `max_size`: Some(33), added: 528, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Hyperparameters` (r:1 w:0)
	/// Proof: `Subnets::Hyperparameters` (`max_values`: None, `max_size`: Some(149), added: 2624, mode: `MaxEncodedLen`)
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
		// Fastest run: 8_994_000 ps; proof size measured `70683`.
		Weight::from_parts(537_509_128, 707038)
			.saturating_add(Weight::from_parts(5_895_946_546, 0).saturating_mul(n.into()))
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
	/// Proof: `Jobs::JobRecords` (`max_values`: None, `max_size`: Some(3560), added: 6035, mode: `MaxEncodedLen`)
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
		// Fastest run: 6_259_000 ps; proof size measured `11105`.
		Weight::from_parts(6_610_000, 60362)
			.saturating_add(Weight::from_parts(1_269_944_801, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(55_u64))
			.saturating_add(T::DbWeight::get().reads((75_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(47_u64))
			.saturating_add(T::DbWeight::get().writes((98_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 43724).saturating_mul(n.into()))
	}
	/// Storage: `Jobs::SamplingDue` (r:1 w:1)
	/// Proof: `Jobs::SamplingDue` (`max_values`: None, `max_size`: Some(141), added: 2616, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::JobRecords` (r:16 w:16)
	/// Proof: `Jobs::JobRecords` (`max_values`: None, `max_size`: Some(3560), added: 6035, mode: `MaxEncodedLen`)
	/// Storage: `Babe::AuthorVrfRandomness` (r:1 w:0)
	/// Proof: `Babe::AuthorVrfRandomness` (`max_values`: Some(1), `max_size`: Some(33), added: 528, mode: `MaxEncodedLen`)
	/// Storage: `Jobs::Assignments` (r:16 w:0)
	/// Proof: `Jobs::Assignments` (`max_values`: None, `max_size`: Some(273), added: 2748, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Hyperparameters` (r:1 w:0)
	/// Proof: `Subnets::Hyperparameters` (`max_values`: None, `max_size`: Some(149), added: 2624, mode: `MaxEncodedLen`)
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
		// Fastest run: 7_512_000 ps; proof size measured `48249`.
		Weight::from_parts(1_095_556_778, 707038)
			.saturating_add(Weight::from_parts(1_565_881_641, 0).saturating_mul(n.into()))
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
		// Fastest run: 3_415_000 ps; proof size measured `150`.
		Weight::from_parts(5_177_982, 3606)
			.saturating_add(Weight::from_parts(1_926_892, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}

	// Provisional until `scripts/benchmark.sh pallet_jobs` measures them.
	fn open_trace() -> Weight { Self::reveal_result().saturating_mul(4) }
	fn reveal_spot_check() -> Weight { Self::reveal_verification().saturating_mul(4) }
	fn draw_checks(n: u32, ) -> Weight { Self::draw_samples(n) }
	fn settle_spot_checked(n: u32, ) -> Weight { Self::settle_jobs(n).saturating_mul(2) }
}

/// The same figures with ParityDb's database weights, for tests and other runtimes.
impl WeightInfo for () {
	fn post_job() -> Weight {
		Weight::from_parts(136_704_000, 3658)
			.saturating_add(ParityDbWeight::get().reads(11_u64))
			.saturating_add(ParityDbWeight::get().writes(13_u64))
	}
	fn cancel_job() -> Weight {
		Weight::from_parts(144_415_000, 7025)
			.saturating_add(ParityDbWeight::get().reads(12_u64))
			.saturating_add(ParityDbWeight::get().writes(11_u64))
	}
	fn commit_result() -> Weight {
		Weight::from_parts(24_747_000, 7025)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn reveal_result() -> Weight {
		Weight::from_parts(33_660_000, 7025)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn commit_verification() -> Weight {
		Weight::from_parts(31_667_000, 7025)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn reveal_verification() -> Weight {
		Weight::from_parts(39_619_000, 7025)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn commit_statistics() -> Weight {
		Weight::from_parts(27_581_000, 7025)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn reveal_statistics() -> Weight {
		Weight::from_parts(45_949_000, 7025)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn expire_jobs(n: u32, ) -> Weight {
		Weight::from_parts(22_328_869, 3606)
			.saturating_add(Weight::from_parts(105_716_144, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().reads((7_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
			.saturating_add(ParityDbWeight::get().writes((6_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 6035).saturating_mul(n.into()))
	}
	fn assign_jobs(n: u32, ) -> Weight {
		Weight::from_parts(537_509_128, 707038)
			.saturating_add(Weight::from_parts(5_895_946_546, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(1078_u64))
			.saturating_add(ParityDbWeight::get().reads((314_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(27_u64))
			.saturating_add(ParityDbWeight::get().writes((55_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 659200).saturating_mul(n.into()))
	}
	fn settle_jobs(n: u32, ) -> Weight {
		Weight::from_parts(6_610_000, 60362)
			.saturating_add(Weight::from_parts(1_269_944_801, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(55_u64))
			.saturating_add(ParityDbWeight::get().reads((75_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(47_u64))
			.saturating_add(ParityDbWeight::get().writes((98_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 43724).saturating_mul(n.into()))
	}
	fn draw_samples(n: u32, ) -> Weight {
		Weight::from_parts(1_095_556_778, 707038)
			.saturating_add(Weight::from_parts(1_565_881_641, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(638_u64))
			.saturating_add(ParityDbWeight::get().reads((38_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(20_u64))
			.saturating_add(ParityDbWeight::get().writes((21_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 16140).saturating_mul(n.into()))
	}
	fn prune_outcomes(n: u32, ) -> Weight {
		Weight::from_parts(5_177_982, 3606)
			.saturating_add(Weight::from_parts(1_926_892, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
			.saturating_add(ParityDbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}

	// Provisional until `scripts/benchmark.sh pallet_jobs` measures them.
	fn open_trace() -> Weight { Self::reveal_result().saturating_mul(4) }
	fn reveal_spot_check() -> Weight { Self::reveal_verification().saturating_mul(4) }
	fn draw_checks(n: u32, ) -> Weight { Self::draw_samples(n) }
	fn settle_spot_checked(n: u32, ) -> Weight { Self::settle_jobs(n).saturating_mul(2) }
}
