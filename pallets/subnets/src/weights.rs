//! Weights for `pallet_subnets`, from its benchmarks (`benchmarking.rs`).
//!
//! Measured 2026-11-22 with STEPS 20, REPEAT 10, compiled wasm, on the 2-core development VM
//! (Intel Xeon) with a debug `synod-node` built `--features runtime-benchmarks`:
//!
//! ```text
//! synod-node benchmark pallet --runtime <wbuild>/synod-runtime/synod_runtime.wasm \
//!     --genesis-builder=runtime --genesis-builder-preset development \
//!     --pallet pallet_subnets --extrinsic '*' --steps 20 --repeat 10
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

/// Weight functions needed by `pallet_subnets`.
pub trait WeightInfo {
	fn create_subnet() -> Weight;
	fn force_create_subnet() -> Weight;
	fn set_hyperparameters() -> Weight;
	fn set_hyperparameter_bounds() -> Weight;
	fn set_default_hyperparameters() -> Weight;
	fn set_subnet_deposit() -> Weight;
	fn dissolve_subnet(n: u32) -> Weight;
	fn register_appending() -> Weight;
	fn register_replacing(n: u32) -> Weight;
	fn serve_endpoint() -> Weight;
}

/// Weights measured for the Synod runtime.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Subnets::SubnetDeposit` (r:1 w:0)
	/// Proof: `Subnets::SubnetDeposit` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::CounterForOwnership` (r:1 w:1)
	/// Proof: `Subnets::CounterForOwnership` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::NextNetuid` (r:1 w:1)
	/// Proof: `Subnets::NextNetuid` (`max_values`: Some(1), `max_size`: Some(2), added: 497, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::DefaultHyperparameters` (r:1 w:0)
	/// Proof: `Subnets::DefaultHyperparameters` (`max_values`: Some(1), `max_size`: Some(114), added: 609, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Ownership` (r:1 w:1)
	/// Proof: `Subnets::Ownership` (`max_values`: None, `max_size`: Some(62), added: 2537, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Hyperparameters` (r:0 w:1)
	/// Proof: `Subnets::Hyperparameters` (`max_values`: None, `max_size`: Some(124), added: 2599, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::RegistrationCosts` (r:0 w:1)
	/// Proof: `Subnets::RegistrationCosts` (`max_values`: None, `max_size`: Some(30), added: 2505, mode: `MaxEncodedLen`)
	fn create_subnet() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `317`
		//  Estimated: `3593`
		// Minimum execution time: 1_296_674_000 picoseconds.
		Weight::from_parts(1_401_876_000, 0)
			.saturating_add(Weight::from_parts(0, 3593))
			.saturating_add(T::DbWeight::get().reads(7))
			.saturating_add(T::DbWeight::get().writes(7))
	}
	/// Storage: `Subnets::CounterForOwnership` (r:1 w:1)
	/// Proof: `Subnets::CounterForOwnership` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::NextNetuid` (r:1 w:1)
	/// Proof: `Subnets::NextNetuid` (`max_values`: Some(1), `max_size`: Some(2), added: 497, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::DefaultHyperparameters` (r:1 w:0)
	/// Proof: `Subnets::DefaultHyperparameters` (`max_values`: Some(1), `max_size`: Some(114), added: 609, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Ownership` (r:1 w:1)
	/// Proof: `Subnets::Ownership` (`max_values`: None, `max_size`: Some(62), added: 2537, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Hyperparameters` (r:0 w:1)
	/// Proof: `Subnets::Hyperparameters` (`max_values`: None, `max_size`: Some(124), added: 2599, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::RegistrationCosts` (r:0 w:1)
	/// Proof: `Subnets::RegistrationCosts` (`max_values`: None, `max_size`: Some(30), added: 2505, mode: `MaxEncodedLen`)
	fn force_create_subnet() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `213`
		//  Estimated: `3527`
		// Minimum execution time: 324_549_000 picoseconds.
		Weight::from_parts(355_084_000, 0)
			.saturating_add(Weight::from_parts(0, 3527))
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	/// Storage: `Subnets::Ownership` (r:1 w:0)
	/// Proof: `Subnets::Ownership` (`max_values`: None, `max_size`: Some(62), added: 2537, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Bounds` (r:1 w:0)
	/// Proof: `Subnets::Bounds` (`max_values`: Some(1), `max_size`: Some(112), added: 607, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::NeuronCount` (r:1 w:0)
	/// Proof: `Subnets::NeuronCount` (`max_values`: None, `max_size`: Some(12), added: 2487, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::RegistrationCosts` (r:1 w:1)
	/// Proof: `Subnets::RegistrationCosts` (`max_values`: None, `max_size`: Some(30), added: 2505, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Hyperparameters` (r:0 w:1)
	/// Proof: `Subnets::Hyperparameters` (`max_values`: None, `max_size`: Some(124), added: 2599, mode: `MaxEncodedLen`)
	fn set_hyperparameters() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `425`
		//  Estimated: `3527`
		// Minimum execution time: 409_992_000 picoseconds.
		Weight::from_parts(436_493_000, 0)
			.saturating_add(Weight::from_parts(0, 3527))
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	/// Storage: `Subnets::Bounds` (r:0 w:1)
	/// Proof: `Subnets::Bounds` (`max_values`: Some(1), `max_size`: Some(112), added: 607, mode: `MaxEncodedLen`)
	fn set_hyperparameter_bounds() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `0`
		//  Estimated: `0`
		// Minimum execution time: 101_214_000 picoseconds.
		Weight::from_parts(115_063_000, 0)
			.saturating_add(Weight::from_parts(0, 0))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Storage: `Subnets::Bounds` (r:1 w:0)
	/// Proof: `Subnets::Bounds` (`max_values`: Some(1), `max_size`: Some(112), added: 607, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::DefaultHyperparameters` (r:0 w:1)
	/// Proof: `Subnets::DefaultHyperparameters` (`max_values`: Some(1), `max_size`: Some(114), added: 609, mode: `MaxEncodedLen`)
	fn set_default_hyperparameters() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `211`
		//  Estimated: `1597`
		// Minimum execution time: 197_223_000 picoseconds.
		Weight::from_parts(213_408_000, 0)
			.saturating_add(Weight::from_parts(0, 1597))
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Storage: `Subnets::SubnetDeposit` (r:0 w:1)
	/// Proof: `Subnets::SubnetDeposit` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	fn set_subnet_deposit() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `0`
		//  Estimated: `0`
		// Minimum execution time: 97_621_000 picoseconds.
		Weight::from_parts(110_589_000, 0)
			.saturating_add(Weight::from_parts(0, 0))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Storage: `Subnets::Ownership` (r:1 w:1)
	/// Proof: `Subnets::Ownership` (`max_values`: None, `max_size`: Some(62), added: 2537, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::NeuronCount` (r:1 w:1)
	/// Proof: `Subnets::NeuronCount` (`max_values`: None, `max_size`: Some(12), added: 2487, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Neurons` (r:256 w:256)
	/// Proof: `Subnets::Neurons` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Uids` (r:256 w:256)
	/// Proof: `Subnets::Uids` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::CounterForOwnership` (r:1 w:1)
	/// Proof: `Subnets::CounterForOwnership` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Hyperparameters` (r:0 w:1)
	/// Proof: `Subnets::Hyperparameters` (`max_values`: None, `max_size`: Some(124), added: 2599, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::RegistrationCosts` (r:0 w:1)
	/// Proof: `Subnets::RegistrationCosts` (`max_values`: None, `max_size`: Some(30), added: 2505, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[0, 256]`.
	fn dissolve_subnet(n: u32) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `597 + n * (102 ±0)`
		//  Estimated: `3593 + n * (2563 ±0)`
		// Minimum execution time: 1_282_292_000 picoseconds.
		Weight::from_parts(1_360_326_337, 0)
			.saturating_add(Weight::from_parts(0, 3593))
			// Standard Error: 1_054_448
			.saturating_add(Weight::from_parts(26_997_177, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(7))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2563).saturating_mul(n.into()))
	}
	/// Storage: `Subnets::Hyperparameters` (r:1 w:0)
	/// Proof: `Subnets::Hyperparameters` (`max_values`: None, `max_size`: Some(124), added: 2599, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Uids` (r:1 w:1)
	/// Proof: `Subnets::Uids` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::HotkeyOwner` (r:1 w:1)
	/// Proof: `Subnets::HotkeyOwner` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::NeuronCount` (r:1 w:1)
	/// Proof: `Subnets::NeuronCount` (`max_values`: None, `max_size`: Some(12), added: 2487, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::RegistrationCosts` (r:1 w:1)
	/// Proof: `Subnets::RegistrationCosts` (`max_values`: None, `max_size`: Some(30), added: 2505, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Neurons` (r:0 w:1)
	/// Proof: `Subnets::Neurons` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	fn register_appending() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `584`
		//  Estimated: `3593`
		// Minimum execution time: 1_051_044_000 picoseconds.
		Weight::from_parts(1_134_634_000, 0)
			.saturating_add(Weight::from_parts(0, 3593))
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().writes(6))
	}
	/// Storage: `Subnets::Hyperparameters` (r:1 w:0)
	/// Proof: `Subnets::Hyperparameters` (`max_values`: None, `max_size`: Some(124), added: 2599, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Uids` (r:1 w:2)
	/// Proof: `Subnets::Uids` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::HotkeyOwner` (r:1 w:1)
	/// Proof: `Subnets::HotkeyOwner` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::NeuronCount` (r:1 w:0)
	/// Proof: `Subnets::NeuronCount` (`max_values`: None, `max_size`: Some(12), added: 2487, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Neurons` (r:256 w:1)
	/// Proof: `Subnets::Neurons` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::RegistrationCosts` (r:1 w:1)
	/// Proof: `Subnets::RegistrationCosts` (`max_values`: None, `max_size`: Some(30), added: 2505, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Endpoints` (r:0 w:1)
	/// Proof: `Subnets::Endpoints` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[1, 256]`.
	fn register_replacing(n: u32) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1726 + n * (90 ±0)`
		//  Estimated: `3593 + n * (2563 ±0)`
		// Minimum execution time: 1_312_224_000 picoseconds.
		Weight::from_parts(1_526_686_794, 0)
			.saturating_add(Weight::from_parts(0, 3593))
			// Standard Error: 1_034_047
			.saturating_add(Weight::from_parts(53_785_478, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(7))
			.saturating_add(Weight::from_parts(0, 2563).saturating_mul(n.into()))
	}
	/// Storage: `Subnets::Hyperparameters` (r:1 w:0)
	/// Proof: `Subnets::Hyperparameters` (`max_values`: None, `max_size`: Some(124), added: 2599, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Uids` (r:1 w:0)
	/// Proof: `Subnets::Uids` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Endpoints` (r:1 w:1)
	/// Proof: `Subnets::Endpoints` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	fn serve_endpoint() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `538`
		//  Estimated: `3748`
		// Minimum execution time: 494_557_000 picoseconds.
		Weight::from_parts(535_405_000, 0)
			.saturating_add(Weight::from_parts(0, 3748))
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(1))
	}
}

/// For tests: the same figures over ParityDb's read and write costs.
impl WeightInfo for () {
	/// Storage: `Subnets::SubnetDeposit` (r:1 w:0)
	/// Proof: `Subnets::SubnetDeposit` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::CounterForOwnership` (r:1 w:1)
	/// Proof: `Subnets::CounterForOwnership` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::NextNetuid` (r:1 w:1)
	/// Proof: `Subnets::NextNetuid` (`max_values`: Some(1), `max_size`: Some(2), added: 497, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::DefaultHyperparameters` (r:1 w:0)
	/// Proof: `Subnets::DefaultHyperparameters` (`max_values`: Some(1), `max_size`: Some(114), added: 609, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Ownership` (r:1 w:1)
	/// Proof: `Subnets::Ownership` (`max_values`: None, `max_size`: Some(62), added: 2537, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Hyperparameters` (r:0 w:1)
	/// Proof: `Subnets::Hyperparameters` (`max_values`: None, `max_size`: Some(124), added: 2599, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::RegistrationCosts` (r:0 w:1)
	/// Proof: `Subnets::RegistrationCosts` (`max_values`: None, `max_size`: Some(30), added: 2505, mode: `MaxEncodedLen`)
	fn create_subnet() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `317`
		//  Estimated: `3593`
		// Minimum execution time: 1_296_674_000 picoseconds.
		Weight::from_parts(1_401_876_000, 0)
			.saturating_add(Weight::from_parts(0, 3593))
			.saturating_add(ParityDbWeight::get().reads(7))
			.saturating_add(ParityDbWeight::get().writes(7))
	}
	/// Storage: `Subnets::CounterForOwnership` (r:1 w:1)
	/// Proof: `Subnets::CounterForOwnership` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::NextNetuid` (r:1 w:1)
	/// Proof: `Subnets::NextNetuid` (`max_values`: Some(1), `max_size`: Some(2), added: 497, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::DefaultHyperparameters` (r:1 w:0)
	/// Proof: `Subnets::DefaultHyperparameters` (`max_values`: Some(1), `max_size`: Some(114), added: 609, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Ownership` (r:1 w:1)
	/// Proof: `Subnets::Ownership` (`max_values`: None, `max_size`: Some(62), added: 2537, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Hyperparameters` (r:0 w:1)
	/// Proof: `Subnets::Hyperparameters` (`max_values`: None, `max_size`: Some(124), added: 2599, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::RegistrationCosts` (r:0 w:1)
	/// Proof: `Subnets::RegistrationCosts` (`max_values`: None, `max_size`: Some(30), added: 2505, mode: `MaxEncodedLen`)
	fn force_create_subnet() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `213`
		//  Estimated: `3527`
		// Minimum execution time: 324_549_000 picoseconds.
		Weight::from_parts(355_084_000, 0)
			.saturating_add(Weight::from_parts(0, 3527))
			.saturating_add(ParityDbWeight::get().reads(4))
			.saturating_add(ParityDbWeight::get().writes(5))
	}
	/// Storage: `Subnets::Ownership` (r:1 w:0)
	/// Proof: `Subnets::Ownership` (`max_values`: None, `max_size`: Some(62), added: 2537, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Bounds` (r:1 w:0)
	/// Proof: `Subnets::Bounds` (`max_values`: Some(1), `max_size`: Some(112), added: 607, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::NeuronCount` (r:1 w:0)
	/// Proof: `Subnets::NeuronCount` (`max_values`: None, `max_size`: Some(12), added: 2487, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::RegistrationCosts` (r:1 w:1)
	/// Proof: `Subnets::RegistrationCosts` (`max_values`: None, `max_size`: Some(30), added: 2505, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Hyperparameters` (r:0 w:1)
	/// Proof: `Subnets::Hyperparameters` (`max_values`: None, `max_size`: Some(124), added: 2599, mode: `MaxEncodedLen`)
	fn set_hyperparameters() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `425`
		//  Estimated: `3527`
		// Minimum execution time: 409_992_000 picoseconds.
		Weight::from_parts(436_493_000, 0)
			.saturating_add(Weight::from_parts(0, 3527))
			.saturating_add(ParityDbWeight::get().reads(4))
			.saturating_add(ParityDbWeight::get().writes(2))
	}
	/// Storage: `Subnets::Bounds` (r:0 w:1)
	/// Proof: `Subnets::Bounds` (`max_values`: Some(1), `max_size`: Some(112), added: 607, mode: `MaxEncodedLen`)
	fn set_hyperparameter_bounds() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `0`
		//  Estimated: `0`
		// Minimum execution time: 101_214_000 picoseconds.
		Weight::from_parts(115_063_000, 0)
			.saturating_add(Weight::from_parts(0, 0))
			.saturating_add(ParityDbWeight::get().writes(1))
	}
	/// Storage: `Subnets::Bounds` (r:1 w:0)
	/// Proof: `Subnets::Bounds` (`max_values`: Some(1), `max_size`: Some(112), added: 607, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::DefaultHyperparameters` (r:0 w:1)
	/// Proof: `Subnets::DefaultHyperparameters` (`max_values`: Some(1), `max_size`: Some(114), added: 609, mode: `MaxEncodedLen`)
	fn set_default_hyperparameters() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `211`
		//  Estimated: `1597`
		// Minimum execution time: 197_223_000 picoseconds.
		Weight::from_parts(213_408_000, 0)
			.saturating_add(Weight::from_parts(0, 1597))
			.saturating_add(ParityDbWeight::get().reads(1))
			.saturating_add(ParityDbWeight::get().writes(1))
	}
	/// Storage: `Subnets::SubnetDeposit` (r:0 w:1)
	/// Proof: `Subnets::SubnetDeposit` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	fn set_subnet_deposit() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `0`
		//  Estimated: `0`
		// Minimum execution time: 97_621_000 picoseconds.
		Weight::from_parts(110_589_000, 0)
			.saturating_add(Weight::from_parts(0, 0))
			.saturating_add(ParityDbWeight::get().writes(1))
	}
	/// Storage: `Subnets::Ownership` (r:1 w:1)
	/// Proof: `Subnets::Ownership` (`max_values`: None, `max_size`: Some(62), added: 2537, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::NeuronCount` (r:1 w:1)
	/// Proof: `Subnets::NeuronCount` (`max_values`: None, `max_size`: Some(12), added: 2487, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Neurons` (r:256 w:256)
	/// Proof: `Subnets::Neurons` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Uids` (r:256 w:256)
	/// Proof: `Subnets::Uids` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::CounterForOwnership` (r:1 w:1)
	/// Proof: `Subnets::CounterForOwnership` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Hyperparameters` (r:0 w:1)
	/// Proof: `Subnets::Hyperparameters` (`max_values`: None, `max_size`: Some(124), added: 2599, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::RegistrationCosts` (r:0 w:1)
	/// Proof: `Subnets::RegistrationCosts` (`max_values`: None, `max_size`: Some(30), added: 2505, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[0, 256]`.
	fn dissolve_subnet(n: u32) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `597 + n * (102 ±0)`
		//  Estimated: `3593 + n * (2563 ±0)`
		// Minimum execution time: 1_282_292_000 picoseconds.
		Weight::from_parts(1_360_326_337, 0)
			.saturating_add(Weight::from_parts(0, 3593))
			// Standard Error: 1_054_448
			.saturating_add(Weight::from_parts(26_997_177, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(5))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(7))
			.saturating_add(ParityDbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2563).saturating_mul(n.into()))
	}
	/// Storage: `Subnets::Hyperparameters` (r:1 w:0)
	/// Proof: `Subnets::Hyperparameters` (`max_values`: None, `max_size`: Some(124), added: 2599, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Uids` (r:1 w:1)
	/// Proof: `Subnets::Uids` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::HotkeyOwner` (r:1 w:1)
	/// Proof: `Subnets::HotkeyOwner` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::NeuronCount` (r:1 w:1)
	/// Proof: `Subnets::NeuronCount` (`max_values`: None, `max_size`: Some(12), added: 2487, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::RegistrationCosts` (r:1 w:1)
	/// Proof: `Subnets::RegistrationCosts` (`max_values`: None, `max_size`: Some(30), added: 2505, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Neurons` (r:0 w:1)
	/// Proof: `Subnets::Neurons` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	fn register_appending() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `584`
		//  Estimated: `3593`
		// Minimum execution time: 1_051_044_000 picoseconds.
		Weight::from_parts(1_134_634_000, 0)
			.saturating_add(Weight::from_parts(0, 3593))
			.saturating_add(ParityDbWeight::get().reads(6))
			.saturating_add(ParityDbWeight::get().writes(6))
	}
	/// Storage: `Subnets::Hyperparameters` (r:1 w:0)
	/// Proof: `Subnets::Hyperparameters` (`max_values`: None, `max_size`: Some(124), added: 2599, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Uids` (r:1 w:2)
	/// Proof: `Subnets::Uids` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::HotkeyOwner` (r:1 w:1)
	/// Proof: `Subnets::HotkeyOwner` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::NeuronCount` (r:1 w:0)
	/// Proof: `Subnets::NeuronCount` (`max_values`: None, `max_size`: Some(12), added: 2487, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Neurons` (r:256 w:1)
	/// Proof: `Subnets::Neurons` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::RegistrationCosts` (r:1 w:1)
	/// Proof: `Subnets::RegistrationCosts` (`max_values`: None, `max_size`: Some(30), added: 2505, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Endpoints` (r:0 w:1)
	/// Proof: `Subnets::Endpoints` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[1, 256]`.
	fn register_replacing(n: u32) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1726 + n * (90 ±0)`
		//  Estimated: `3593 + n * (2563 ±0)`
		// Minimum execution time: 1_312_224_000 picoseconds.
		Weight::from_parts(1_526_686_794, 0)
			.saturating_add(Weight::from_parts(0, 3593))
			// Standard Error: 1_034_047
			.saturating_add(Weight::from_parts(53_785_478, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(6))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(7))
			.saturating_add(Weight::from_parts(0, 2563).saturating_mul(n.into()))
	}
	/// Storage: `Subnets::Hyperparameters` (r:1 w:0)
	/// Proof: `Subnets::Hyperparameters` (`max_values`: None, `max_size`: Some(124), added: 2599, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Uids` (r:1 w:0)
	/// Proof: `Subnets::Uids` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Endpoints` (r:1 w:1)
	/// Proof: `Subnets::Endpoints` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	fn serve_endpoint() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `538`
		//  Estimated: `3748`
		// Minimum execution time: 494_557_000 picoseconds.
		Weight::from_parts(535_405_000, 0)
			.saturating_add(Weight::from_parts(0, 3748))
			.saturating_add(ParityDbWeight::get().reads(3))
			.saturating_add(ParityDbWeight::get().writes(1))
	}
}
