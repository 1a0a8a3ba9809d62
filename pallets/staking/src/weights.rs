//! Weights for `pallet_synod_staking`, from its benchmarks (`benchmarking.rs`).
//!
//! Measured 2026-11-22 with STEPS 10, REPEAT 5, compiled wasm, on the 2-core development VM
//! (Intel Xeon) with a debug `synod-node` built `--features runtime-benchmarks`:
//!
//! ```text
//! synod-node benchmark pallet --runtime <wbuild>/synod-runtime/synod_runtime.wasm \
//!     --genesis-builder=runtime --genesis-builder-preset development \
//!     --pallet pallet_synod_staking --extrinsic '*' --steps 10 --repeat 5
//! ```
//!
//! A debug node's host functions (storage, hashing) are unoptimised, so these figures overstate
//! the cost several times over: the safe direction. Regenerate with a release node on reference
//! hardware before a public network (and after any change to a call).

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
	fn slash_hotkey(n: u32) -> Weight;
	fn credit_dividend(n: u32) -> Weight;
}

/// Weights measured for the Synod runtime.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Subnets::HotkeyOwner` (r:1 w:0)
	/// Proof: `Subnets::HotkeyOwner` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Stake` (r:1 w:1)
	/// Proof: `Staking::Stake` (`max_values`: None, `max_size`: Some(112), added: 2587, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Parameters` (r:1 w:0)
	/// Proof: `Staking::Parameters` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Staking::HotkeyStake` (r:1 w:1)
	/// Proof: `Staking::HotkeyStake` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Staking::TotalStake` (r:1 w:1)
	/// Proof: `Staking::TotalStake` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Positions` (r:1 w:1)
	/// Proof: `Staking::Positions` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	/// Storage: `Staking::StakerCount` (r:1 w:1)
	/// Proof: `Staking::StakerCount` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Staking::PositionCount` (r:1 w:1)
	/// Proof: `Staking::PositionCount` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	fn add_stake() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `525`
		//  Estimated: `3593`
		// Minimum execution time: 1_803_428_000 picoseconds.
		Weight::from_parts(1_927_261_000, 0)
			.saturating_add(Weight::from_parts(0, 3593))
			.saturating_add(T::DbWeight::get().reads(10))
			.saturating_add(T::DbWeight::get().writes(8))
	}
	/// Storage: `Staking::Stake` (r:1 w:1)
	/// Proof: `Staking::Stake` (`max_values`: None, `max_size`: Some(112), added: 2587, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Parameters` (r:1 w:0)
	/// Proof: `Staking::Parameters` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Unbonding` (r:1 w:1)
	/// Proof: `Staking::Unbonding` (`max_values`: None, `max_size`: Some(737), added: 3212, mode: `MaxEncodedLen`)
	/// Storage: `Staking::TotalUnbonding` (r:1 w:1)
	/// Proof: `Staking::TotalUnbonding` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Staking::HotkeyStake` (r:1 w:1)
	/// Proof: `Staking::HotkeyStake` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Staking::TotalStake` (r:1 w:1)
	/// Proof: `Staking::TotalStake` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	fn remove_stake() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `532`
		//  Estimated: `4202`
		// Minimum execution time: 760_568_000 picoseconds.
		Weight::from_parts(821_707_000, 0)
			.saturating_add(Weight::from_parts(0, 4202))
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	/// Storage: `Staking::Unbonding` (r:1 w:1)
	/// Proof: `Staking::Unbonding` (`max_values`: None, `max_size`: Some(737), added: 3212, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `Staking::TotalUnbonding` (r:1 w:1)
	/// Proof: `Staking::TotalUnbonding` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Stake` (r:1 w:0)
	/// Proof: `Staking::Stake` (`max_values`: None, `max_size`: Some(112), added: 2587, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Positions` (r:1 w:1)
	/// Proof: `Staking::Positions` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	/// Storage: `Staking::StakerCount` (r:1 w:1)
	/// Proof: `Staking::StakerCount` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Staking::PositionCount` (r:1 w:1)
	/// Proof: `Staking::PositionCount` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	fn withdraw_unbonded() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1426`
		//  Estimated: `4202`
		// Minimum execution time: 1_665_222_000 picoseconds.
		Weight::from_parts(1_811_673_000, 0)
			.saturating_add(Weight::from_parts(0, 4202))
			.saturating_add(T::DbWeight::get().reads(8))
			.saturating_add(T::DbWeight::get().writes(7))
	}
	/// Storage: `Subnets::HotkeyOwner` (r:1 w:0)
	/// Proof: `Subnets::HotkeyOwner` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Parameters` (r:1 w:0)
	/// Proof: `Staking::Parameters` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Takes` (r:1 w:1)
	/// Proof: `Staking::Takes` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	fn set_take() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `466`
		//  Estimated: `3545`
		// Minimum execution time: 486_342_000 picoseconds.
		Weight::from_parts(516_823_000, 0)
			.saturating_add(Weight::from_parts(0, 3545))
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Storage: `Staking::Parameters` (r:0 w:1)
	/// Proof: `Staking::Parameters` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	fn set_parameters() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `0`
		//  Estimated: `0`
		// Minimum execution time: 101_628_000 picoseconds.
		Weight::from_parts(112_128_000, 0)
			.saturating_add(Weight::from_parts(0, 0))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Storage: `Staking::Stake` (r:513 w:512)
	/// Proof: `Staking::Stake` (`max_values`: None, `max_size`: Some(112), added: 2587, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Unbonding` (r:513 w:512)
	/// Proof: `Staking::Unbonding` (`max_values`: None, `max_size`: Some(737), added: 3212, mode: `MaxEncodedLen`)
	/// Storage: `Staking::HotkeyStake` (r:1 w:1)
	/// Proof: `Staking::HotkeyStake` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Staking::TotalStake` (r:1 w:1)
	/// Proof: `Staking::TotalStake` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Staking::TotalUnbonding` (r:1 w:1)
	/// Proof: `Staking::TotalUnbonding` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:512 w:512)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:513 w:513)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[1, 512]`.
	fn slash_hotkey(n: u32) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1230 + n * (315 ±0)`
		//  Estimated: `4202 + n * (3212 ±0)`
		// Minimum execution time: 2_006_763_000 picoseconds.
		Weight::from_parts(3_133_069_006, 0)
			.saturating_add(Weight::from_parts(0, 4202))
			// Standard Error: 20_213_341
			.saturating_add(Weight::from_parts(916_330_459, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(4))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 3212).saturating_mul(n.into()))
	}
	/// Storage: `Staking::Parameters` (r:1 w:0)
	/// Proof: `Staking::Parameters` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::HotkeyOwner` (r:1 w:0)
	/// Proof: `Subnets::HotkeyOwner` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Takes` (r:1 w:0)
	/// Proof: `Staking::Takes` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Staking::HotkeyStake` (r:1 w:1)
	/// Proof: `Staking::HotkeyStake` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Stake` (r:513 w:512)
	/// Proof: `Staking::Stake` (`max_values`: None, `max_size`: Some(112), added: 2587, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:513 w:513)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:512 w:512)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Positions` (r:1 w:0)
	/// Proof: `Staking::Positions` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	/// Storage: `Staking::StakerCount` (r:1 w:0)
	/// Proof: `Staking::StakerCount` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Staking::TotalStake` (r:1 w:1)
	/// Proof: `Staking::TotalStake` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Staking::PositionCount` (r:1 w:1)
	/// Proof: `Staking::PositionCount` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[1, 512]`.
	fn credit_dividend(n: u32) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1912 + n * (231 ±0)`
		//  Estimated: `6542 + n * (2603 ±1)`
		// Minimum execution time: 4_084_128_000 picoseconds.
		Weight::from_parts(3_373_214_431, 0)
			.saturating_add(Weight::from_parts(0, 6542))
			// Standard Error: 20_278_606
			.saturating_add(Weight::from_parts(1_586_740_831, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(12))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(9))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2603).saturating_mul(n.into()))
	}
}

/// For tests: the same figures over ParityDb's read and write costs.
impl WeightInfo for () {
	/// Storage: `Subnets::HotkeyOwner` (r:1 w:0)
	/// Proof: `Subnets::HotkeyOwner` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Stake` (r:1 w:1)
	/// Proof: `Staking::Stake` (`max_values`: None, `max_size`: Some(112), added: 2587, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Parameters` (r:1 w:0)
	/// Proof: `Staking::Parameters` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Staking::HotkeyStake` (r:1 w:1)
	/// Proof: `Staking::HotkeyStake` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Staking::TotalStake` (r:1 w:1)
	/// Proof: `Staking::TotalStake` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Positions` (r:1 w:1)
	/// Proof: `Staking::Positions` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	/// Storage: `Staking::StakerCount` (r:1 w:1)
	/// Proof: `Staking::StakerCount` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Staking::PositionCount` (r:1 w:1)
	/// Proof: `Staking::PositionCount` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	fn add_stake() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `525`
		//  Estimated: `3593`
		// Minimum execution time: 1_803_428_000 picoseconds.
		Weight::from_parts(1_927_261_000, 0)
			.saturating_add(Weight::from_parts(0, 3593))
			.saturating_add(ParityDbWeight::get().reads(10))
			.saturating_add(ParityDbWeight::get().writes(8))
	}
	/// Storage: `Staking::Stake` (r:1 w:1)
	/// Proof: `Staking::Stake` (`max_values`: None, `max_size`: Some(112), added: 2587, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Parameters` (r:1 w:0)
	/// Proof: `Staking::Parameters` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Unbonding` (r:1 w:1)
	/// Proof: `Staking::Unbonding` (`max_values`: None, `max_size`: Some(737), added: 3212, mode: `MaxEncodedLen`)
	/// Storage: `Staking::TotalUnbonding` (r:1 w:1)
	/// Proof: `Staking::TotalUnbonding` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Staking::HotkeyStake` (r:1 w:1)
	/// Proof: `Staking::HotkeyStake` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Staking::TotalStake` (r:1 w:1)
	/// Proof: `Staking::TotalStake` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	fn remove_stake() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `532`
		//  Estimated: `4202`
		// Minimum execution time: 760_568_000 picoseconds.
		Weight::from_parts(821_707_000, 0)
			.saturating_add(Weight::from_parts(0, 4202))
			.saturating_add(ParityDbWeight::get().reads(6))
			.saturating_add(ParityDbWeight::get().writes(5))
	}
	/// Storage: `Staking::Unbonding` (r:1 w:1)
	/// Proof: `Staking::Unbonding` (`max_values`: None, `max_size`: Some(737), added: 3212, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `Staking::TotalUnbonding` (r:1 w:1)
	/// Proof: `Staking::TotalUnbonding` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Stake` (r:1 w:0)
	/// Proof: `Staking::Stake` (`max_values`: None, `max_size`: Some(112), added: 2587, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Positions` (r:1 w:1)
	/// Proof: `Staking::Positions` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	/// Storage: `Staking::StakerCount` (r:1 w:1)
	/// Proof: `Staking::StakerCount` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Staking::PositionCount` (r:1 w:1)
	/// Proof: `Staking::PositionCount` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	fn withdraw_unbonded() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1426`
		//  Estimated: `4202`
		// Minimum execution time: 1_665_222_000 picoseconds.
		Weight::from_parts(1_811_673_000, 0)
			.saturating_add(Weight::from_parts(0, 4202))
			.saturating_add(ParityDbWeight::get().reads(8))
			.saturating_add(ParityDbWeight::get().writes(7))
	}
	/// Storage: `Subnets::HotkeyOwner` (r:1 w:0)
	/// Proof: `Subnets::HotkeyOwner` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Parameters` (r:1 w:0)
	/// Proof: `Staking::Parameters` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Takes` (r:1 w:1)
	/// Proof: `Staking::Takes` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	fn set_take() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `466`
		//  Estimated: `3545`
		// Minimum execution time: 486_342_000 picoseconds.
		Weight::from_parts(516_823_000, 0)
			.saturating_add(Weight::from_parts(0, 3545))
			.saturating_add(ParityDbWeight::get().reads(3))
			.saturating_add(ParityDbWeight::get().writes(1))
	}
	/// Storage: `Staking::Parameters` (r:0 w:1)
	/// Proof: `Staking::Parameters` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	fn set_parameters() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `0`
		//  Estimated: `0`
		// Minimum execution time: 101_628_000 picoseconds.
		Weight::from_parts(112_128_000, 0)
			.saturating_add(Weight::from_parts(0, 0))
			.saturating_add(ParityDbWeight::get().writes(1))
	}
	/// Storage: `Staking::Stake` (r:513 w:512)
	/// Proof: `Staking::Stake` (`max_values`: None, `max_size`: Some(112), added: 2587, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Unbonding` (r:513 w:512)
	/// Proof: `Staking::Unbonding` (`max_values`: None, `max_size`: Some(737), added: 3212, mode: `MaxEncodedLen`)
	/// Storage: `Staking::HotkeyStake` (r:1 w:1)
	/// Proof: `Staking::HotkeyStake` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Staking::TotalStake` (r:1 w:1)
	/// Proof: `Staking::TotalStake` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Staking::TotalUnbonding` (r:1 w:1)
	/// Proof: `Staking::TotalUnbonding` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:512 w:512)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:513 w:513)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[1, 512]`.
	fn slash_hotkey(n: u32) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1230 + n * (315 ±0)`
		//  Estimated: `4202 + n * (3212 ±0)`
		// Minimum execution time: 2_006_763_000 picoseconds.
		Weight::from_parts(3_133_069_006, 0)
			.saturating_add(Weight::from_parts(0, 4202))
			// Standard Error: 20_213_341
			.saturating_add(Weight::from_parts(916_330_459, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(6))
			.saturating_add(ParityDbWeight::get().reads((4_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(4))
			.saturating_add(ParityDbWeight::get().writes((4_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 3212).saturating_mul(n.into()))
	}
	/// Storage: `Staking::Parameters` (r:1 w:0)
	/// Proof: `Staking::Parameters` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::HotkeyOwner` (r:1 w:0)
	/// Proof: `Subnets::HotkeyOwner` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Takes` (r:1 w:0)
	/// Proof: `Staking::Takes` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Staking::HotkeyStake` (r:1 w:1)
	/// Proof: `Staking::HotkeyStake` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Stake` (r:513 w:512)
	/// Proof: `Staking::Stake` (`max_values`: None, `max_size`: Some(112), added: 2587, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:513 w:513)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:512 w:512)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Positions` (r:1 w:0)
	/// Proof: `Staking::Positions` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	/// Storage: `Staking::StakerCount` (r:1 w:0)
	/// Proof: `Staking::StakerCount` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Staking::TotalStake` (r:1 w:1)
	/// Proof: `Staking::TotalStake` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Staking::PositionCount` (r:1 w:1)
	/// Proof: `Staking::PositionCount` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[1, 512]`.
	fn credit_dividend(n: u32) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1912 + n * (231 ±0)`
		//  Estimated: `6542 + n * (2603 ±1)`
		// Minimum execution time: 4_084_128_000 picoseconds.
		Weight::from_parts(3_373_214_431, 0)
			.saturating_add(Weight::from_parts(0, 6542))
			// Standard Error: 20_278_606
			.saturating_add(Weight::from_parts(1_586_740_831, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(12))
			.saturating_add(ParityDbWeight::get().reads((3_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(9))
			.saturating_add(ParityDbWeight::get().writes((3_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2603).saturating_mul(n.into()))
	}
}
