//! Weights for `pallet_colearn`, generated from its benchmarks (`benchmarking.rs`) by
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

/// Weight functions needed by `pallet_colearn`.
pub trait WeightInfo {
	fn create_experiment() -> Weight;
	fn join_experiment() -> Weight;
	fn approve_learner() -> Weight;
	fn leave_experiment() -> Weight;
	fn propose() -> Weight;
	fn commit_vote() -> Weight;
	fn reveal_vote() -> Weight;
	fn close_experiment() -> Weight;
	fn sweep_accounts(n: u32, ) -> Weight;
	fn advance_rounds(t: u32, v: u32, ) -> Weight;
}

/// Weights measured for the Synod runtime, with its database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Colearn::OpenExperiments` (r:1 w:1)
	/// Proof: `Colearn::OpenExperiments` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Colearn::CreatorOpenExperiments` (r:1 w:1)
	/// Proof: `Colearn::CreatorOpenExperiments` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Colearn::NextExperimentId` (r:1 w:1)
	/// Proof: `Colearn::NextExperimentId` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Colearn::PhaseDue` (r:1 w:1)
	/// Proof: `Colearn::PhaseDue` (`max_values`: None, `max_size`: Some(77), added: 2552, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	/// Storage: `Colearn::Experiments` (r:0 w:1)
	/// Proof: `Colearn::Experiments` (`max_values`: None, `max_size`: Some(586), added: 3061, mode: `MaxEncodedLen`)
	/// Storage: `Colearn::CreationDeposits` (r:0 w:1)
	/// Proof: `Colearn::CreationDeposits` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Colearn::Lineage` (r:0 w:1)
	/// Proof: `Colearn::Lineage` (`max_values`: None, `max_size`: Some(3018), added: 5493, mode: `MaxEncodedLen`)
	fn create_experiment() -> Weight {
		// Fastest run: 111_266_000 ps; proof size measured `109`.
		Weight::from_parts(120_069_000, 3658)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(9_u64))
	}
	/// Storage: `Colearn::Experiments` (r:1 w:1)
	/// Proof: `Colearn::Experiments` (`max_values`: None, `max_size`: Some(586), added: 3061, mode: `MaxEncodedLen`)
	/// Storage: `Colearn::Learners` (r:1 w:1)
	/// Proof: `Colearn::Learners` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	/// Storage: `Colearn::Applicants` (r:1 w:0)
	/// Proof: `Colearn::Applicants` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Staking::HotkeyStake` (r:1 w:0)
	/// Proof: `Staking::HotkeyStake` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Colearn::DepartedBudgets` (r:1 w:0)
	/// Proof: `Colearn::DepartedBudgets` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	fn join_experiment() -> Weight {
		// Fastest run: 53_299_000 ps; proof size measured `2421`.
		Weight::from_parts(67_500_000, 4051)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Colearn::Experiments` (r:1 w:1)
	/// Proof: `Colearn::Experiments` (`max_values`: None, `max_size`: Some(586), added: 3061, mode: `MaxEncodedLen`)
	/// Storage: `Colearn::Applicants` (r:1 w:1)
	/// Proof: `Colearn::Applicants` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Staking::HotkeyStake` (r:1 w:0)
	/// Proof: `Staking::HotkeyStake` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Colearn::DepartedBudgets` (r:1 w:0)
	/// Proof: `Colearn::DepartedBudgets` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Colearn::Learners` (r:0 w:1)
	/// Proof: `Colearn::Learners` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	fn approve_learner() -> Weight {
		// Fastest run: 34_882_000 ps; proof size measured `1198`.
		Weight::from_parts(39_469_000, 4051)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Colearn::Experiments` (r:1 w:1)
	/// Proof: `Colearn::Experiments` (`max_values`: None, `max_size`: Some(586), added: 3061, mode: `MaxEncodedLen`)
	/// Storage: `Colearn::Applicants` (r:1 w:0)
	/// Proof: `Colearn::Applicants` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Colearn::Learners` (r:1 w:1)
	/// Proof: `Colearn::Learners` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	fn leave_experiment() -> Weight {
		// Fastest run: 22_914_000 ps; proof size measured `814`.
		Weight::from_parts(25_187_000, 4051)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Colearn::Experiments` (r:1 w:0)
	/// Proof: `Colearn::Experiments` (`max_values`: None, `max_size`: Some(586), added: 3061, mode: `MaxEncodedLen`)
	/// Storage: `Colearn::Proposals` (r:1 w:1)
	/// Proof: `Colearn::Proposals` (`max_values`: None, `max_size`: Some(632), added: 3107, mode: `MaxEncodedLen`)
	/// Storage: `Colearn::Learners` (r:1 w:1)
	/// Proof: `Colearn::Learners` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	fn propose() -> Weight {
		// Fastest run: 26_289_000 ps; proof size measured `846`.
		Weight::from_parts(29_003_000, 4097)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Colearn::Experiments` (r:1 w:0)
	/// Proof: `Colearn::Experiments` (`max_values`: None, `max_size`: Some(586), added: 3061, mode: `MaxEncodedLen`)
	/// Storage: `Colearn::Learners` (r:1 w:0)
	/// Proof: `Colearn::Learners` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	/// Storage: `Colearn::VoteCommits` (r:1 w:1)
	/// Proof: `Colearn::VoteCommits` (`max_values`: None, `max_size`: Some(92), added: 2567, mode: `MaxEncodedLen`)
	fn commit_vote() -> Weight {
		// Fastest run: 24_557_000 ps; proof size measured `884`.
		Weight::from_parts(28_212_000, 4051)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Colearn::Experiments` (r:1 w:0)
	/// Proof: `Colearn::Experiments` (`max_values`: None, `max_size`: Some(586), added: 3061, mode: `MaxEncodedLen`)
	/// Storage: `Colearn::Learners` (r:1 w:0)
	/// Proof: `Colearn::Learners` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	/// Storage: `Colearn::VoteCommits` (r:1 w:0)
	/// Proof: `Colearn::VoteCommits` (`max_values`: None, `max_size`: Some(92), added: 2567, mode: `MaxEncodedLen`)
	/// Storage: `Colearn::VoteReveals` (r:1 w:1)
	/// Proof: `Colearn::VoteReveals` (`max_values`: None, `max_size`: Some(69), added: 2544, mode: `MaxEncodedLen`)
	fn reveal_vote() -> Weight {
		// Fastest run: 29_064_000 ps; proof size measured `998`.
		Weight::from_parts(33_180_000, 4051)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Colearn::Experiments` (r:1 w:1)
	/// Proof: `Colearn::Experiments` (`max_values`: None, `max_size`: Some(586), added: 3061, mode: `MaxEncodedLen`)
	/// Storage: `Colearn::PhaseDue` (r:1 w:1)
	/// Proof: `Colearn::PhaseDue` (`max_values`: None, `max_size`: Some(77), added: 2552, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	/// Storage: `Colearn::VoteCommits` (r:63 w:63)
	/// Proof: `Colearn::VoteCommits` (`max_values`: None, `max_size`: Some(92), added: 2567, mode: `MaxEncodedLen`)
	/// Storage: `Colearn::VoteReveals` (r:63 w:63)
	/// Proof: `Colearn::VoteReveals` (`max_values`: None, `max_size`: Some(69), added: 2544, mode: `MaxEncodedLen`)
	/// Storage: `Colearn::Learners` (r:64 w:64)
	/// Proof: `Colearn::Learners` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	/// Storage: `Colearn::DepartedBudgets` (r:65 w:64)
	/// Proof: `Colearn::DepartedBudgets` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Colearn::CreationDeposits` (r:1 w:1)
	/// Proof: `Colearn::CreationDeposits` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Colearn::CreatorOpenExperiments` (r:1 w:1)
	/// Proof: `Colearn::CreatorOpenExperiments` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Colearn::OpenExperiments` (r:1 w:1)
	/// Proof: `Colearn::OpenExperiments` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Colearn::DepartedToSweep` (r:0 w:1)
	/// Proof: `Colearn::DepartedToSweep` (`max_values`: None, `max_size`: Some(12), added: 2487, mode: `MaxEncodedLen`)
	/// Storage: `Colearn::Proposals` (r:0 w:1)
	/// Proof: `Colearn::Proposals` (`max_values`: None, `max_size`: Some(632), added: 3107, mode: `MaxEncodedLen`)
	/// Storage: `Colearn::SkippedRounds` (r:0 w:1)
	/// Proof: `Colearn::SkippedRounds` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	fn close_experiment() -> Weight {
		// Fastest run: 505_562_000 ps; proof size measured `18840`.
		Weight::from_parts(559_061_000, 166285)
			.saturating_add(T::DbWeight::get().reads(262_u64))
			.saturating_add(T::DbWeight::get().writes(264_u64))
	}
	/// Storage: `Colearn::DepartedToSweep` (r:1 w:1)
	/// Proof: `Colearn::DepartedToSweep` (`max_values`: None, `max_size`: Some(12), added: 2487, mode: `MaxEncodedLen`)
	/// Storage: `Colearn::DepartedBudgets` (r:64 w:64)
	/// Proof: `Colearn::DepartedBudgets` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// `n` ranges over `[1, 64]`.
	fn sweep_accounts(n: u32, ) -> Weight {
		// Fastest run: 10_085_000 ps; proof size measured `176`.
		Weight::from_parts(10_169_710, 3477)
			.saturating_add(Weight::from_parts(1_054_346, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2543).saturating_mul(n.into()))
	}
	/// Storage: `Colearn::PhaseDue` (r:2 w:2)
	/// Proof: `Colearn::PhaseDue` (`max_values`: None, `max_size`: Some(77), added: 2552, mode: `MaxEncodedLen`)
	/// Storage: `Colearn::Experiments` (r:16 w:16)
	/// Proof: `Colearn::Experiments` (`max_values`: None, `max_size`: Some(586), added: 3061, mode: `MaxEncodedLen`)
	/// Storage: `Colearn::Proposals` (r:16 w:16)
	/// Proof: `Colearn::Proposals` (`max_values`: None, `max_size`: Some(632), added: 3107, mode: `MaxEncodedLen`)
	/// Storage: `Colearn::VoteReveals` (r:1024 w:1008)
	/// Proof: `Colearn::VoteReveals` (`max_values`: None, `max_size`: Some(69), added: 2544, mode: `MaxEncodedLen`)
	/// Storage: `Staking::HotkeyStake` (r:64 w:0)
	/// Proof: `Staking::HotkeyStake` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Colearn::VoteCommits` (r:1024 w:1008)
	/// Proof: `Colearn::VoteCommits` (`max_values`: None, `max_size`: Some(92), added: 2567, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::HotkeyOwner` (r:64 w:0)
	/// Proof: `Subnets::HotkeyOwner` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:16 w:16)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:17 w:17)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Colearn::Learners` (r:1040 w:0)
	/// Proof: `Colearn::Learners` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	/// Storage: `Babe::AuthorVrfRandomness` (r:1 w:0)
	/// Proof: `Babe::AuthorVrfRandomness` (`max_values`: Some(1), `max_size`: Some(33), added: 528, mode: `MaxEncodedLen`)
	/// Storage: `RandomnessCollectiveFlip::RandomMaterial` (r:1 w:0)
	/// Proof: `RandomnessCollectiveFlip::RandomMaterial` (`max_values`: Some(1), `max_size`: Some(2594), added: 3089, mode: `MaxEncodedLen`)
	/// Storage: `Colearn::Lineage` (r:0 w:16)
	/// Proof: `Colearn::Lineage` (`max_values`: None, `max_size`: Some(3018), added: 5493, mode: `MaxEncodedLen`)
	/// `t` ranges over `[0, 16]`.
	/// `v` ranges over `[1, 63]`.
	fn advance_rounds(t: u32, v: u32, ) -> Weight {
		// Fastest run: 5_729_000 ps; proof size measured `0`.
		Weight::from_parts(5_818_000, 123246)
			.saturating_add(Weight::from_parts(1_933_168_599, 0).saturating_mul(t.into()))
			.saturating_add(Weight::from_parts(362_415_329, 0).saturating_mul(v.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().reads((80_u64).saturating_mul(t.into())))
			.saturating_add(T::DbWeight::get().reads((18_u64).saturating_mul(v.into())))
			.saturating_add(T::DbWeight::get().writes((52_u64).saturating_mul(t.into())))
			.saturating_add(T::DbWeight::get().writes((11_u64).saturating_mul(v.into())))
			.saturating_add(Weight::from_parts(0, 52583).saturating_mul(t.into()))
			.saturating_add(Weight::from_parts(0, 15845).saturating_mul(v.into()))
	}
}

/// The same figures with ParityDb's database weights, for tests and other runtimes.
impl WeightInfo for () {
	fn create_experiment() -> Weight {
		Weight::from_parts(120_069_000, 3658)
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(9_u64))
	}
	fn join_experiment() -> Weight {
		Weight::from_parts(67_500_000, 4051)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn approve_learner() -> Weight {
		Weight::from_parts(39_469_000, 4051)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn leave_experiment() -> Weight {
		Weight::from_parts(25_187_000, 4051)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn propose() -> Weight {
		Weight::from_parts(29_003_000, 4097)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn commit_vote() -> Weight {
		Weight::from_parts(28_212_000, 4051)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn reveal_vote() -> Weight {
		Weight::from_parts(33_180_000, 4051)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn close_experiment() -> Weight {
		Weight::from_parts(559_061_000, 166285)
			.saturating_add(ParityDbWeight::get().reads(262_u64))
			.saturating_add(ParityDbWeight::get().writes(264_u64))
	}
	fn sweep_accounts(n: u32, ) -> Weight {
		Weight::from_parts(10_169_710, 3477)
			.saturating_add(Weight::from_parts(1_054_346, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2543).saturating_mul(n.into()))
	}
	fn advance_rounds(t: u32, v: u32, ) -> Weight {
		Weight::from_parts(5_818_000, 123246)
			.saturating_add(Weight::from_parts(1_933_168_599, 0).saturating_mul(t.into()))
			.saturating_add(Weight::from_parts(362_415_329, 0).saturating_mul(v.into()))
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().reads((80_u64).saturating_mul(t.into())))
			.saturating_add(ParityDbWeight::get().reads((18_u64).saturating_mul(v.into())))
			.saturating_add(ParityDbWeight::get().writes((52_u64).saturating_mul(t.into())))
			.saturating_add(ParityDbWeight::get().writes((11_u64).saturating_mul(v.into())))
			.saturating_add(Weight::from_parts(0, 52583).saturating_mul(t.into()))
			.saturating_add(Weight::from_parts(0, 15845).saturating_mul(v.into()))
	}
}
