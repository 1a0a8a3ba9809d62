//! Weights for `pallet_yuma`, generated from its benchmarks (`benchmarking.rs`) by
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

/// Weight functions needed by `pallet_yuma`.
pub trait WeightInfo {
	fn set_weights(w: u32, ) -> Weight;
	fn commit_weights() -> Weight;
	fn reveal_weights(w: u32, ) -> Weight;
	fn set_emission_parameters() -> Weight;
	fn set_subnet_share() -> Weight;
	fn accrue(s: u32, ) -> Weight;
	fn schedule(s: u32, ) -> Weight;
	fn run_epoch(n: u32, e: u32, ) -> Weight;
	fn on_neuron_replaced() -> Weight;
	fn on_subnet_dissolved(u: u32, ) -> Weight;
}

/// Weights measured for the Synod runtime, with its database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Subnets::Hyperparameters` (r:1 w:0)
	/// Proof: `Subnets::Hyperparameters` (`max_values`: None, `max_size`: Some(137), added: 2612, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::NeuronCount` (r:1 w:0)
	/// Proof: `Subnets::NeuronCount` (`max_values`: None, `max_size`: Some(12), added: 2487, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Uids` (r:1 w:0)
	/// Proof: `Subnets::Uids` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Staking::HotkeyStake` (r:1 w:0)
	/// Proof: `Staking::HotkeyStake` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::Parameters` (r:1 w:0)
	/// Proof: `Yuma::Parameters` (`max_values`: Some(1), `max_size`: Some(52), added: 547, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::LastUpdate` (r:1 w:1)
	/// Proof: `Yuma::LastUpdate` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::NeuronOutputs` (r:1 w:0)
	/// Proof: `Yuma::NeuronOutputs` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::Weights` (r:1 w:1)
	/// Proof: `Yuma::Weights` (`max_values`: None, `max_size`: Some(1046), added: 3521, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::WeightEntries` (r:1 w:1)
	/// Proof: `Yuma::WeightEntries` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	/// `w` ranges over `[1, 256]`.
	fn set_weights(w: u32, ) -> Weight {
		// Fastest run: 48_062_000 ps; proof size measured `2092`.
		Weight::from_parts(55_224_231, 4511)
			.saturating_add(Weight::from_parts(48_159, 0).saturating_mul(w.into()))
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Subnets::Hyperparameters` (r:1 w:0)
	/// Proof: `Subnets::Hyperparameters` (`max_values`: None, `max_size`: Some(137), added: 2612, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Uids` (r:1 w:0)
	/// Proof: `Subnets::Uids` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::LastUpdate` (r:1 w:1)
	/// Proof: `Yuma::LastUpdate` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::EpochIndex` (r:1 w:0)
	/// Proof: `Yuma::EpochIndex` (`max_values`: None, `max_size`: Some(18), added: 2493, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::WeightCommits` (r:1 w:1)
	/// Proof: `Yuma::WeightCommits` (`max_values`: None, `max_size`: Some(499), added: 2974, mode: `MaxEncodedLen`)
	fn commit_weights() -> Weight {
		// Fastest run: 25_247_000 ps; proof size measured `1093`.
		Weight::from_parts(27_911_000, 3964)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Subnets::Hyperparameters` (r:1 w:0)
	/// Proof: `Subnets::Hyperparameters` (`max_values`: None, `max_size`: Some(137), added: 2612, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Uids` (r:1 w:0)
	/// Proof: `Subnets::Uids` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::EpochIndex` (r:1 w:0)
	/// Proof: `Yuma::EpochIndex` (`max_values`: None, `max_size`: Some(18), added: 2493, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::WeightCommits` (r:1 w:1)
	/// Proof: `Yuma::WeightCommits` (`max_values`: None, `max_size`: Some(499), added: 2974, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::NeuronCount` (r:1 w:0)
	/// Proof: `Subnets::NeuronCount` (`max_values`: None, `max_size`: Some(12), added: 2487, mode: `MaxEncodedLen`)
	/// Storage: `Staking::HotkeyStake` (r:1 w:0)
	/// Proof: `Staking::HotkeyStake` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::Parameters` (r:1 w:0)
	/// Proof: `Yuma::Parameters` (`max_values`: Some(1), `max_size`: Some(52), added: 547, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::NeuronOutputs` (r:1 w:0)
	/// Proof: `Yuma::NeuronOutputs` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::Weights` (r:1 w:1)
	/// Proof: `Yuma::Weights` (`max_values`: None, `max_size`: Some(1046), added: 3521, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::WeightEntries` (r:1 w:1)
	/// Proof: `Yuma::WeightEntries` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	/// `w` ranges over `[1, 256]`.
	fn reveal_weights(w: u32, ) -> Weight {
		// Fastest run: 60_460_000 ps; proof size measured `2643`.
		Weight::from_parts(68_414_503, 4511)
			.saturating_add(Weight::from_parts(42_211, 0).saturating_mul(w.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Yuma::Released` (r:1 w:0)
	/// Proof: `Yuma::Released` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::Parameters` (r:0 w:1)
	/// Proof: `Yuma::Parameters` (`max_values`: Some(1), `max_size`: Some(52), added: 547, mode: `MaxEncodedLen`)
	fn set_emission_parameters() -> Weight {
		// Fastest run: 6_259_000 ps; proof size measured `80`.
		Weight::from_parts(7_021_000, 1501)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Subnets::Ownership` (r:1 w:0)
	/// Proof: `Subnets::Ownership` (`max_values`: None, `max_size`: Some(62), added: 2537, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::SubnetShares` (r:0 w:1)
	/// Proof: `Yuma::SubnetShares` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	fn set_subnet_share() -> Weight {
		// Fastest run: 9_294_000 ps; proof size measured `322`.
		Weight::from_parts(10_096_000, 3527)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Subnets::Ownership` (r:65 w:0)
	/// Proof: `Subnets::Ownership` (`max_values`: None, `max_size`: Some(62), added: 2537, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::Parameters` (r:1 w:0)
	/// Proof: `Yuma::Parameters` (`max_values`: Some(1), `max_size`: Some(52), added: 547, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::Released` (r:1 w:1)
	/// Proof: `Yuma::Released` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::SubnetShares` (r:64 w:0)
	/// Proof: `Yuma::SubnetShares` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::PendingEmission` (r:64 w:64)
	/// Proof: `Yuma::PendingEmission` (`max_values`: None, `max_size`: Some(26), added: 2501, mode: `MaxEncodedLen`)
	/// `s` ranges over `[1, 64]`.
	fn accrue(s: u32, ) -> Weight {
		// Fastest run: 10_976_000 ps; proof size measured `719`.
		Weight::from_parts(9_059_991, 3527)
			.saturating_add(Weight::from_parts(3_847_677, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 2537).saturating_mul(s.into()))
	}
	/// Storage: `Subnets::Ownership` (r:65 w:0)
	/// Proof: `Subnets::Ownership` (`max_values`: None, `max_size`: Some(62), added: 2537, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::EpochQueue` (r:1 w:1)
	/// Proof: `Yuma::EpochQueue` (`max_values`: Some(1), `max_size`: Some(130), added: 625, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Hyperparameters` (r:64 w:0)
	/// Proof: `Subnets::Hyperparameters` (`max_values`: None, `max_size`: Some(137), added: 2612, mode: `MaxEncodedLen`)
	/// `s` ranges over `[1, 64]`.
	fn schedule(s: u32, ) -> Weight {
		// Fastest run: 10_596_000 ps; proof size measured `775`.
		Weight::from_parts(10_006_156, 3527)
			.saturating_add(Weight::from_parts(3_461_348, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(Weight::from_parts(0, 2612).saturating_mul(s.into()))
	}
	/// Storage: `Subnets::Hyperparameters` (r:1 w:0)
	/// Proof: `Subnets::Hyperparameters` (`max_values`: None, `max_size`: Some(137), added: 2612, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::NeuronCount` (r:1 w:0)
	/// Proof: `Subnets::NeuronCount` (`max_values`: None, `max_size`: Some(12), added: 2487, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Neurons` (r:256 w:0)
	/// Proof: `Subnets::Neurons` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Endpoints` (r:256 w:0)
	/// Proof: `Subnets::Endpoints` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::WeightEntries` (r:1 w:0)
	/// Proof: `Yuma::WeightEntries` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::PendingEmission` (r:1 w:1)
	/// Proof: `Yuma::PendingEmission` (`max_values`: None, `max_size`: Some(26), added: 2501, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::Parameters` (r:1 w:0)
	/// Proof: `Yuma::Parameters` (`max_values`: Some(1), `max_size`: Some(52), added: 547, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Ownership` (r:1 w:0)
	/// Proof: `Subnets::Ownership` (`max_values`: None, `max_size`: Some(62), added: 2537, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:65 w:65)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Staking::HotkeyStake` (r:256 w:64)
	/// Proof: `Staking::HotkeyStake` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::EpochIndex` (r:1 w:1)
	/// Proof: `Yuma::EpochIndex` (`max_values`: None, `max_size`: Some(18), added: 2493, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::LastUpdate` (r:256 w:0)
	/// Proof: `Yuma::LastUpdate` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::NeuronOutputs` (r:256 w:256)
	/// Proof: `Yuma::NeuronOutputs` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::Weights` (r:256 w:0)
	/// Proof: `Yuma::Weights` (`max_values`: None, `max_size`: Some(1046), added: 3521, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::Bonds` (r:256 w:256)
	/// Proof: `Yuma::Bonds` (`max_values`: None, `max_size`: Some(1046), added: 3521, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::LastEpochBlock` (r:1 w:1)
	/// Proof: `Yuma::LastEpochBlock` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	/// Storage: `Staking::StakerCount` (r:64 w:0)
	/// Proof: `Staking::StakerCount` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::HotkeyOwner` (r:64 w:0)
	/// Proof: `Subnets::HotkeyOwner` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Parameters` (r:1 w:0)
	/// Proof: `Staking::Parameters` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Takes` (r:64 w:0)
	/// Proof: `Staking::Takes` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Stake` (r:128 w:64)
	/// Proof: `Staking::Stake` (`max_values`: None, `max_size`: Some(112), added: 2587, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:64 w:64)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Positions` (r:64 w:0)
	/// Proof: `Staking::Positions` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	/// Storage: `Staking::TotalStake` (r:1 w:1)
	/// Proof: `Staking::TotalStake` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::Paid` (r:1 w:1)
	/// Proof: `Yuma::Paid` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// `n` ranges over `[2, 256]`.
	/// `e` ranges over `[0, 16384]`.
	fn run_epoch(n: u32, e: u32, ) -> Weight {
		// Fastest run: 381_279_000 ps; proof size measured `0`.
		Weight::from_parts(382_841_000, 11338)
			.saturating_add(Weight::from_parts(28_349_856, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(334_899, 0).saturating_mul(e.into()))
			.saturating_add(T::DbWeight::get().reads(42_u64))
			.saturating_add(T::DbWeight::get().reads((8_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(18_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 12).saturating_mul(e.into()))
			.saturating_add(Weight::from_parts(0, 3521).saturating_mul(n.into()))
	}
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
	/// Storage: `Yuma::NeuronOutputs` (r:0 w:1)
	/// Proof: `Yuma::NeuronOutputs` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	fn on_neuron_replaced() -> Weight {
		// Fastest run: 17_176_000 ps; proof size measured `1316`.
		Weight::from_parts(19_059_000, 4511)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `Yuma::PendingEmission` (r:1 w:1)
	/// Proof: `Yuma::PendingEmission` (`max_values`: None, `max_size`: Some(26), added: 2501, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::Released` (r:1 w:1)
	/// Proof: `Yuma::Released` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::EpochQueue` (r:1 w:1)
	/// Proof: `Yuma::EpochQueue` (`max_values`: Some(1), `max_size`: Some(130), added: 625, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::Weights` (r:64 w:64)
	/// Proof: `Yuma::Weights` (`max_values`: None, `max_size`: Some(1046), added: 3521, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::Bonds` (r:64 w:64)
	/// Proof: `Yuma::Bonds` (`max_values`: None, `max_size`: Some(1046), added: 3521, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::LastUpdate` (r:64 w:64)
	/// Proof: `Yuma::LastUpdate` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::NeuronOutputs` (r:64 w:64)
	/// Proof: `Yuma::NeuronOutputs` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::WeightCommits` (r:256 w:256)
	/// Proof: `Yuma::WeightCommits` (`max_values`: None, `max_size`: Some(499), added: 2974, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::SubnetShares` (r:0 w:1)
	/// Proof: `Yuma::SubnetShares` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::EpochIndex` (r:0 w:1)
	/// Proof: `Yuma::EpochIndex` (`max_values`: None, `max_size`: Some(18), added: 2493, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::WeightEntries` (r:0 w:1)
	/// Proof: `Yuma::WeightEntries` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::LastEpochBlock` (r:0 w:1)
	/// Proof: `Yuma::LastEpochBlock` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	/// `u` ranges over `[1, 256]`.
	fn on_subnet_dissolved(u: u32, ) -> Weight {
		// Fastest run: 26_590_000 ps; proof size measured `6985`.
		Weight::from_parts(108_162_116, 107651)
			.saturating_add(Weight::from_parts(1_394_177, 0).saturating_mul(u.into()))
			.saturating_add(T::DbWeight::get().reads(124_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(u.into())))
			.saturating_add(T::DbWeight::get().writes(128_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(u.into())))
			.saturating_add(Weight::from_parts(0, 2974).saturating_mul(u.into()))
	}
}

/// The same figures with ParityDb's database weights, for tests and other runtimes.
impl WeightInfo for () {
	fn set_weights(w: u32, ) -> Weight {
		Weight::from_parts(55_224_231, 4511)
			.saturating_add(Weight::from_parts(48_159, 0).saturating_mul(w.into()))
			.saturating_add(ParityDbWeight::get().reads(9_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn commit_weights() -> Weight {
		Weight::from_parts(27_911_000, 3964)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn reveal_weights(w: u32, ) -> Weight {
		Weight::from_parts(68_414_503, 4511)
			.saturating_add(Weight::from_parts(42_211, 0).saturating_mul(w.into()))
			.saturating_add(ParityDbWeight::get().reads(10_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn set_emission_parameters() -> Weight {
		Weight::from_parts(7_021_000, 1501)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn set_subnet_share() -> Weight {
		Weight::from_parts(10_096_000, 3527)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn accrue(s: u32, ) -> Weight {
		Weight::from_parts(9_059_991, 3527)
			.saturating_add(Weight::from_parts(3_847_677, 0).saturating_mul(s.into()))
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().reads((3_u64).saturating_mul(s.into())))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 2537).saturating_mul(s.into()))
	}
	fn schedule(s: u32, ) -> Weight {
		Weight::from_parts(10_006_156, 3527)
			.saturating_add(Weight::from_parts(3_461_348, 0).saturating_mul(s.into()))
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(s.into())))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
			.saturating_add(Weight::from_parts(0, 2612).saturating_mul(s.into()))
	}
	fn run_epoch(n: u32, e: u32, ) -> Weight {
		Weight::from_parts(382_841_000, 11338)
			.saturating_add(Weight::from_parts(28_349_856, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(334_899, 0).saturating_mul(e.into()))
			.saturating_add(ParityDbWeight::get().reads(42_u64))
			.saturating_add(ParityDbWeight::get().reads((8_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(18_u64))
			.saturating_add(ParityDbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 12).saturating_mul(e.into()))
			.saturating_add(Weight::from_parts(0, 3521).saturating_mul(n.into()))
	}
	fn on_neuron_replaced() -> Weight {
		Weight::from_parts(19_059_000, 4511)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
	}
	fn on_subnet_dissolved(u: u32, ) -> Weight {
		Weight::from_parts(108_162_116, 107651)
			.saturating_add(Weight::from_parts(1_394_177, 0).saturating_mul(u.into()))
			.saturating_add(ParityDbWeight::get().reads(124_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(u.into())))
			.saturating_add(ParityDbWeight::get().writes(128_u64))
			.saturating_add(ParityDbWeight::get().writes((2_u64).saturating_mul(u.into())))
			.saturating_add(Weight::from_parts(0, 2974).saturating_mul(u.into()))
	}
}
