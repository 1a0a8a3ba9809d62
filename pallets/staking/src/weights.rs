//! Weights for `pallet_synod_staking`, generated from its benchmarks (`benchmarking.rs`) by
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

/// Weight functions needed by `pallet_synod_staking`.
pub trait WeightInfo {
	fn add_stake() -> Weight;
	fn remove_stake() -> Weight;
	fn withdraw_unbonded() -> Weight;
	fn set_take() -> Weight;
	fn set_parameters() -> Weight;
	fn slash_hotkey() -> Weight;
	fn credit_dividend() -> Weight;
}

/// Weights measured for the Synod runtime, with its database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Subnets::HotkeyOwner` (r:1 w:0)
	/// Proof: `Subnets::HotkeyOwner` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Pools` (r:1 w:1)
	/// Proof: `Staking::Pools` (`max_values`: None, `max_size`: Some(120), added: 2595, mode: `MaxEncodedLen`)
	/// Storage: `Staking::StakeShares` (r:1 w:1)
	/// Proof: `Staking::StakeShares` (`max_values`: None, `max_size`: Some(116), added: 2591, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Parameters` (r:1 w:0)
	/// Proof: `Staking::Parameters` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Staking::TotalStake` (r:1 w:1)
	/// Proof: `Staking::TotalStake` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Positions` (r:1 w:1)
	/// Proof: `Staking::Positions` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	/// Storage: `Staking::StakerCount` (r:1 w:1)
	/// Proof: `Staking::StakerCount` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Staking::PositionCount` (r:1 w:1)
	/// Proof: `Staking::PositionCount` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	fn add_stake() -> Weight {
		// Fastest run: 79_348_000 ps; proof size measured `1592`.
		Weight::from_parts(88_471_000, 6196)
			.saturating_add(T::DbWeight::get().reads(11_u64))
			.saturating_add(T::DbWeight::get().writes(9_u64))
	}
	/// Storage: `Staking::Pools` (r:1 w:1)
	/// Proof: `Staking::Pools` (`max_values`: None, `max_size`: Some(120), added: 2595, mode: `MaxEncodedLen`)
	/// Storage: `Staking::StakeShares` (r:1 w:1)
	/// Proof: `Staking::StakeShares` (`max_values`: None, `max_size`: Some(116), added: 2591, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Parameters` (r:1 w:0)
	/// Proof: `Staking::Parameters` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Staking::UnbondingClaims` (r:1 w:1)
	/// Proof: `Staking::UnbondingClaims` (`max_values`: None, `max_size`: Some(741), added: 3216, mode: `MaxEncodedLen`)
	/// Storage: `Staking::TotalUnbonding` (r:1 w:1)
	/// Proof: `Staking::TotalUnbonding` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Staking::TotalStake` (r:1 w:1)
	/// Proof: `Staking::TotalStake` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	fn remove_stake() -> Weight {
		// Fastest run: 30_986_000 ps; proof size measured `1339`.
		Weight::from_parts(33_089_000, 4206)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `Staking::StakeLocks` (r:1 w:0)
	/// Proof: `Staking::StakeLocks` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Pools` (r:1 w:1)
	/// Proof: `Staking::Pools` (`max_values`: None, `max_size`: Some(120), added: 2595, mode: `MaxEncodedLen`)
	/// Storage: `Staking::UnbondingClaims` (r:1 w:1)
	/// Proof: `Staking::UnbondingClaims` (`max_values`: None, `max_size`: Some(741), added: 3216, mode: `MaxEncodedLen`)
	/// Storage: `Staking::StakeShares` (r:1 w:0)
	/// Proof: `Staking::StakeShares` (`max_values`: None, `max_size`: Some(116), added: 2591, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Staking::TotalUnbonding` (r:1 w:1)
	/// Proof: `Staking::TotalUnbonding` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Positions` (r:1 w:1)
	/// Proof: `Staking::Positions` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	/// Storage: `Staking::StakerCount` (r:1 w:1)
	/// Proof: `Staking::StakerCount` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Staking::PositionCount` (r:1 w:1)
	/// Proof: `Staking::PositionCount` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	fn withdraw_unbonded() -> Weight {
		// Fastest run: 84_857_000 ps; proof size measured `1754`.
		Weight::from_parts(91_507_000, 6196)
			.saturating_add(T::DbWeight::get().reads(11_u64))
			.saturating_add(T::DbWeight::get().writes(9_u64))
	}
	/// Storage: `Subnets::HotkeyOwner` (r:1 w:0)
	/// Proof: `Subnets::HotkeyOwner` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Parameters` (r:1 w:0)
	/// Proof: `Staking::Parameters` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Takes` (r:1 w:1)
	/// Proof: `Staking::Takes` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	fn set_take() -> Weight {
		// Fastest run: 17_866_000 ps; proof size measured `469`.
		Weight::from_parts(19_859_000, 3545)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Staking::Parameters` (r:0 w:1)
	/// Proof: `Staking::Parameters` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	fn set_parameters() -> Weight {
		// Fastest run: 3_816_000 ps; proof size measured `0`.
		Weight::from_parts(4_376_000, 0)
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Staking::Pools` (r:1 w:1)
	/// Proof: `Staking::Pools` (`max_values`: None, `max_size`: Some(120), added: 2595, mode: `MaxEncodedLen`)
	/// Storage: `Staking::TotalStake` (r:1 w:1)
	/// Proof: `Staking::TotalStake` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Staking::TotalUnbonding` (r:1 w:1)
	/// Proof: `Staking::TotalUnbonding` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	fn slash_hotkey() -> Weight {
		// Fastest run: 46_579_000 ps; proof size measured `870`.
		Weight::from_parts(50_996_000, 6196)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `Staking::Parameters` (r:1 w:0)
	/// Proof: `Staking::Parameters` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::HotkeyOwner` (r:1 w:0)
	/// Proof: `Subnets::HotkeyOwner` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Takes` (r:1 w:0)
	/// Proof: `Staking::Takes` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Pools` (r:1 w:1)
	/// Proof: `Staking::Pools` (`max_values`: None, `max_size`: Some(120), added: 2595, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Positions` (r:1 w:1)
	/// Proof: `Staking::Positions` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	/// Storage: `Staking::StakerCount` (r:1 w:1)
	/// Proof: `Staking::StakerCount` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Staking::PositionCount` (r:1 w:1)
	/// Proof: `Staking::PositionCount` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Staking::StakeShares` (r:1 w:1)
	/// Proof: `Staking::StakeShares` (`max_values`: None, `max_size`: Some(116), added: 2591, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	/// Storage: `Staking::TotalStake` (r:1 w:1)
	/// Proof: `Staking::TotalStake` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	fn credit_dividend() -> Weight {
		// Fastest run: 103_394_000 ps; proof size measured `1726`.
		Weight::from_parts(111_336_000, 6196)
			.saturating_add(T::DbWeight::get().reads(12_u64))
			.saturating_add(T::DbWeight::get().writes(9_u64))
	}
}

/// The same figures with ParityDb's database weights, for tests and other runtimes.
impl WeightInfo for () {
	fn add_stake() -> Weight {
		Weight::from_parts(88_471_000, 6196)
			.saturating_add(ParityDbWeight::get().reads(11_u64))
			.saturating_add(ParityDbWeight::get().writes(9_u64))
	}
	fn remove_stake() -> Weight {
		Weight::from_parts(33_089_000, 4206)
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn withdraw_unbonded() -> Weight {
		Weight::from_parts(91_507_000, 6196)
			.saturating_add(ParityDbWeight::get().reads(11_u64))
			.saturating_add(ParityDbWeight::get().writes(9_u64))
	}
	fn set_take() -> Weight {
		Weight::from_parts(19_859_000, 3545)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn set_parameters() -> Weight {
		Weight::from_parts(4_376_000, 0)
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn slash_hotkey() -> Weight {
		Weight::from_parts(50_996_000, 6196)
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
	}
	fn credit_dividend() -> Weight {
		Weight::from_parts(111_336_000, 6196)
			.saturating_add(ParityDbWeight::get().reads(12_u64))
			.saturating_add(ParityDbWeight::get().writes(9_u64))
	}
}
