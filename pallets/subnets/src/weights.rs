//! Weights for `pallet_subnets`, generated from its benchmarks (`benchmarking.rs`) by
//! `scripts/benchmark.sh`: STEPS 10, REPEAT 5, on AMD EPYC, 2026-12-01.
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

/// Weight functions needed by `pallet_subnets`.
pub trait WeightInfo {
	fn create_subnet() -> Weight;
	fn force_create_subnet() -> Weight;
	fn set_hyperparameters() -> Weight;
	fn set_hyperparameter_bounds() -> Weight;
	fn set_default_hyperparameters() -> Weight;
	fn set_subnet_deposit() -> Weight;
	fn dissolve_subnet(n: u32, ) -> Weight;
	fn register_appending() -> Weight;
	fn register_replacing(n: u32, ) -> Weight;
	fn serve_endpoint() -> Weight;
}

/// Weights measured for the Synod runtime, with its database weights.
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
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::DefaultHyperparameters` (r:1 w:0)
	/// Proof: `Subnets::DefaultHyperparameters` (`max_values`: Some(1), `max_size`: Some(127), added: 622, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Ownership` (r:1 w:1)
	/// Proof: `Subnets::Ownership` (`max_values`: None, `max_size`: Some(62), added: 2537, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Hyperparameters` (r:0 w:1)
	/// Proof: `Subnets::Hyperparameters` (`max_values`: None, `max_size`: Some(137), added: 2612, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::RegistrationCosts` (r:0 w:1)
	/// Proof: `Subnets::RegistrationCosts` (`max_values`: None, `max_size`: Some(30), added: 2505, mode: `MaxEncodedLen`)
	fn create_subnet() -> Weight {
		// Fastest run: 49_303_000 ps; proof size measured `367`.
		Weight::from_parts(51_377_000, 3622)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	/// Storage: `Subnets::CounterForOwnership` (r:1 w:1)
	/// Proof: `Subnets::CounterForOwnership` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::NextNetuid` (r:1 w:1)
	/// Proof: `Subnets::NextNetuid` (`max_values`: Some(1), `max_size`: Some(2), added: 497, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::DefaultHyperparameters` (r:1 w:0)
	/// Proof: `Subnets::DefaultHyperparameters` (`max_values`: Some(1), `max_size`: Some(127), added: 622, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Ownership` (r:1 w:1)
	/// Proof: `Subnets::Ownership` (`max_values`: None, `max_size`: Some(62), added: 2537, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Hyperparameters` (r:0 w:1)
	/// Proof: `Subnets::Hyperparameters` (`max_values`: None, `max_size`: Some(137), added: 2612, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::RegistrationCosts` (r:0 w:1)
	/// Proof: `Subnets::RegistrationCosts` (`max_values`: None, `max_size`: Some(30), added: 2505, mode: `MaxEncodedLen`)
	fn force_create_subnet() -> Weight {
		// Fastest run: 13_820_000 ps; proof size measured `263`.
		Weight::from_parts(14_782_000, 3527)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `Subnets::Ownership` (r:1 w:0)
	/// Proof: `Subnets::Ownership` (`max_values`: None, `max_size`: Some(62), added: 2537, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Hyperparameters` (r:1 w:1)
	/// Proof: `Subnets::Hyperparameters` (`max_values`: None, `max_size`: Some(137), added: 2612, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Bounds` (r:1 w:0)
	/// Proof: `Subnets::Bounds` (`max_values`: Some(1), `max_size`: Some(116), added: 611, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::NeuronCount` (r:1 w:0)
	/// Proof: `Subnets::NeuronCount` (`max_values`: None, `max_size`: Some(12), added: 2487, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::RegistrationCosts` (r:1 w:1)
	/// Proof: `Subnets::RegistrationCosts` (`max_values`: None, `max_size`: Some(30), added: 2505, mode: `MaxEncodedLen`)
	fn set_hyperparameters() -> Weight {
		// Fastest run: 18_968_000 ps; proof size measured `593`.
		Weight::from_parts(20_280_000, 3602)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Subnets::Bounds` (r:0 w:1)
	/// Proof: `Subnets::Bounds` (`max_values`: Some(1), `max_size`: Some(116), added: 611, mode: `MaxEncodedLen`)
	fn set_hyperparameter_bounds() -> Weight {
		// Fastest run: 3_826_000 ps; proof size measured `0`.
		Weight::from_parts(4_246_000, 0)
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Subnets::Bounds` (r:1 w:0)
	/// Proof: `Subnets::Bounds` (`max_values`: Some(1), `max_size`: Some(116), added: 611, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::DefaultHyperparameters` (r:0 w:1)
	/// Proof: `Subnets::DefaultHyperparameters` (`max_values`: Some(1), `max_size`: Some(127), added: 622, mode: `MaxEncodedLen`)
	fn set_default_hyperparameters() -> Weight {
		// Fastest run: 7_421_000 ps; proof size measured `252`.
		Weight::from_parts(8_092_000, 1601)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Subnets::SubnetDeposit` (r:0 w:1)
	/// Proof: `Subnets::SubnetDeposit` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	fn set_subnet_deposit() -> Weight {
		// Fastest run: 3_405_000 ps; proof size measured `0`.
		Weight::from_parts(3_816_000, 0)
			.saturating_add(T::DbWeight::get().writes(1_u64))
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
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::PendingEmission` (r:1 w:0)
	/// Proof: `Yuma::PendingEmission` (`max_values`: None, `max_size`: Some(26), added: 2501, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::Released` (r:1 w:1)
	/// Proof: `Yuma::Released` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::EpochQueue` (r:1 w:1)
	/// Proof: `Yuma::EpochQueue` (`max_values`: Some(1), `max_size`: Some(130), added: 625, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::SubnetShares` (r:0 w:1)
	/// Proof: `Yuma::SubnetShares` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::EpochIndex` (r:0 w:1)
	/// Proof: `Yuma::EpochIndex` (`max_values`: None, `max_size`: Some(18), added: 2493, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::WeightEntries` (r:0 w:1)
	/// Proof: `Yuma::WeightEntries` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::LastEpochBlock` (r:0 w:1)
	/// Proof: `Yuma::LastEpochBlock` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Hyperparameters` (r:0 w:1)
	/// Proof: `Subnets::Hyperparameters` (`max_values`: None, `max_size`: Some(137), added: 2612, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::RegistrationCosts` (r:0 w:1)
	/// Proof: `Subnets::RegistrationCosts` (`max_values`: None, `max_size`: Some(30), added: 2505, mode: `MaxEncodedLen`)
	/// `n` ranges over `[0, 256]`.
	fn dissolve_subnet(n: u32, ) -> Weight {
		// Fastest run: 72_248_000 ps; proof size measured `680`.
		Weight::from_parts(73_494_649, 3622)
			.saturating_add(Weight::from_parts(2_043_052, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(13_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2563).saturating_mul(n.into()))
	}
	/// Storage: `Subnets::Hyperparameters` (r:1 w:0)
	/// Proof: `Subnets::Hyperparameters` (`max_values`: None, `max_size`: Some(137), added: 2612, mode: `MaxEncodedLen`)
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
		// Fastest run: 40_491_000 ps; proof size measured `634`.
		Weight::from_parts(42_854_000, 3602)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `Subnets::Hyperparameters` (r:1 w:0)
	/// Proof: `Subnets::Hyperparameters` (`max_values`: None, `max_size`: Some(137), added: 2612, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Uids` (r:1 w:2)
	/// Proof: `Subnets::Uids` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::HotkeyOwner` (r:1 w:1)
	/// Proof: `Subnets::HotkeyOwner` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::NeuronCount` (r:1 w:0)
	/// Proof: `Subnets::NeuronCount` (`max_values`: None, `max_size`: Some(12), added: 2487, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::NeuronOutputs` (r:256 w:1)
	/// Proof: `Yuma::NeuronOutputs` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Neurons` (r:256 w:1)
	/// Proof: `Subnets::Neurons` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::RegistrationCosts` (r:1 w:1)
	/// Proof: `Subnets::RegistrationCosts` (`max_values`: None, `max_size`: Some(30), added: 2505, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::Weights` (r:1 w:1)
	/// Proof: `Yuma::Weights` (`max_values`: None, `max_size`: Some(1046), added: 3521, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::WeightEntries` (r:1 w:1)
	/// Proof: `Yuma::WeightEntries` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::Bonds` (r:0 w:1)
	/// Proof: `Yuma::Bonds` (`max_values`: None, `max_size`: Some(1046), added: 3521, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::LastUpdate` (r:0 w:1)
	/// Proof: `Yuma::LastUpdate` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::WeightCommits` (r:0 w:1)
	/// Proof: `Yuma::WeightCommits` (`max_values`: None, `max_size`: Some(499), added: 2974, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Endpoints` (r:0 w:1)
	/// Proof: `Subnets::Endpoints` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// `n` ranges over `[1, 256]`.
	fn register_replacing(n: u32, ) -> Weight {
		// Fastest run: 69_163_000 ps; proof size measured `1800`.
		Weight::from_parts(67_108_995, 4511)
			.saturating_add(Weight::from_parts(4_580_671, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(13_u64))
			.saturating_add(Weight::from_parts(0, 2563).saturating_mul(n.into()))
	}
	/// Storage: `Subnets::Hyperparameters` (r:1 w:0)
	/// Proof: `Subnets::Hyperparameters` (`max_values`: None, `max_size`: Some(137), added: 2612, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Uids` (r:1 w:0)
	/// Proof: `Subnets::Uids` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Endpoints` (r:1 w:1)
	/// Proof: `Subnets::Endpoints` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	fn serve_endpoint() -> Weight {
		// Fastest run: 18_047_000 ps; proof size measured `588`.
		Weight::from_parts(19_239_000, 3748)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
}

/// The same figures with ParityDb's database weights, for tests and other runtimes.
impl WeightInfo for () {
	fn create_subnet() -> Weight {
		Weight::from_parts(51_377_000, 3622)
			.saturating_add(ParityDbWeight::get().reads(7_u64))
			.saturating_add(ParityDbWeight::get().writes(7_u64))
	}
	fn force_create_subnet() -> Weight {
		Weight::from_parts(14_782_000, 3527)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn set_hyperparameters() -> Weight {
		Weight::from_parts(20_280_000, 3602)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn set_hyperparameter_bounds() -> Weight {
		Weight::from_parts(4_246_000, 0)
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn set_default_hyperparameters() -> Weight {
		Weight::from_parts(8_092_000, 1601)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn set_subnet_deposit() -> Weight {
		Weight::from_parts(3_816_000, 0)
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn dissolve_subnet(n: u32, ) -> Weight {
		Weight::from_parts(73_494_649, 3622)
			.saturating_add(Weight::from_parts(2_043_052, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(8_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(13_u64))
			.saturating_add(ParityDbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2563).saturating_mul(n.into()))
	}
	fn register_appending() -> Weight {
		Weight::from_parts(42_854_000, 3602)
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
	}
	fn register_replacing(n: u32, ) -> Weight {
		Weight::from_parts(67_108_995, 4511)
			.saturating_add(Weight::from_parts(4_580_671, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(8_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(13_u64))
			.saturating_add(Weight::from_parts(0, 2563).saturating_mul(n.into()))
	}
	fn serve_endpoint() -> Weight {
		Weight::from_parts(19_239_000, 3748)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
}
