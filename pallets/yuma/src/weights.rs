//! Weights for `pallet_yuma`, generated from its benchmarks (`benchmarking.rs`) by
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
	/// Proof: `Subnets::Hyperparameters` (`max_values`: None, `max_size`: Some(149), added: 2624, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::NeuronCount` (r:1 w:0)
	/// Proof: `Subnets::NeuronCount` (`max_values`: None, `max_size`: Some(12), added: 2487, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Uids` (r:1 w:0)
	/// Proof: `Subnets::Uids` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Pools` (r:1 w:0)
	/// Proof: `Staking::Pools` (`max_values`: None, `max_size`: Some(120), added: 2595, mode: `MaxEncodedLen`)
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
		// Fastest run: 75_313_000 ps; proof size measured `2183`.
		Weight::from_parts(84_161_448, 4511)
			.saturating_add(Weight::from_parts(51_793, 0).saturating_mul(w.into()))
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Subnets::Hyperparameters` (r:1 w:0)
	/// Proof: `Subnets::Hyperparameters` (`max_values`: None, `max_size`: Some(149), added: 2624, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Uids` (r:1 w:0)
	/// Proof: `Subnets::Uids` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::LastUpdate` (r:1 w:1)
	/// Proof: `Yuma::LastUpdate` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::EpochIndex` (r:1 w:0)
	/// Proof: `Yuma::EpochIndex` (`max_values`: None, `max_size`: Some(18), added: 2493, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::WeightCommits` (r:1 w:1)
	/// Proof: `Yuma::WeightCommits` (`max_values`: None, `max_size`: Some(499), added: 2974, mode: `MaxEncodedLen`)
	fn commit_weights() -> Weight {
		// Fastest run: 27_762_000 ps; proof size measured `1105`.
		Weight::from_parts(30_195_000, 3964)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Subnets::Hyperparameters` (r:1 w:0)
	/// Proof: `Subnets::Hyperparameters` (`max_values`: None, `max_size`: Some(149), added: 2624, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Uids` (r:1 w:0)
	/// Proof: `Subnets::Uids` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::EpochIndex` (r:1 w:0)
	/// Proof: `Yuma::EpochIndex` (`max_values`: None, `max_size`: Some(18), added: 2493, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::WeightCommits` (r:1 w:1)
	/// Proof: `Yuma::WeightCommits` (`max_values`: None, `max_size`: Some(499), added: 2974, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::NeuronCount` (r:1 w:0)
	/// Proof: `Subnets::NeuronCount` (`max_values`: None, `max_size`: Some(12), added: 2487, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Pools` (r:1 w:0)
	/// Proof: `Staking::Pools` (`max_values`: None, `max_size`: Some(120), added: 2595, mode: `MaxEncodedLen`)
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
		// Fastest run: 65_668_000 ps; proof size measured `2734`.
		Weight::from_parts(79_703_486, 4511)
			.saturating_add(Weight::from_parts(51_847, 0).saturating_mul(w.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Yuma::Released` (r:1 w:0)
	/// Proof: `Yuma::Released` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::Parameters` (r:0 w:1)
	/// Proof: `Yuma::Parameters` (`max_values`: Some(1), `max_size`: Some(52), added: 547, mode: `MaxEncodedLen`)
	fn set_emission_parameters() -> Weight {
		// Fastest run: 6_760_000 ps; proof size measured `80`.
		Weight::from_parts(7_431_000, 1501)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Subnets::Ownership` (r:1 w:0)
	/// Proof: `Subnets::Ownership` (`max_values`: None, `max_size`: Some(62), added: 2537, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::SubnetShares` (r:0 w:1)
	/// Proof: `Yuma::SubnetShares` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	fn set_subnet_share() -> Weight {
		// Fastest run: 9_614_000 ps; proof size measured `322`.
		Weight::from_parts(10_616_000, 3527)
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
		// Fastest run: 11_598_000 ps; proof size measured `719`.
		Weight::from_parts(8_927_608, 3527)
			.saturating_add(Weight::from_parts(4_067_778, 0).saturating_mul(s.into()))
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
	/// Proof: `Subnets::Hyperparameters` (`max_values`: None, `max_size`: Some(149), added: 2624, mode: `MaxEncodedLen`)
	/// `s` ranges over `[1, 64]`.
	fn schedule(s: u32, ) -> Weight {
		// Fastest run: 11_437_000 ps; proof size measured `787`.
		Weight::from_parts(10_407_065, 3527)
			.saturating_add(Weight::from_parts(3_599_975, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(Weight::from_parts(0, 2624).saturating_mul(s.into()))
	}
	/// Storage: `Subnets::Hyperparameters` (r:1 w:0)
	/// Proof: `Subnets::Hyperparameters` (`max_values`: None, `max_size`: Some(149), added: 2624, mode: `MaxEncodedLen`)
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
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Pools` (r:256 w:64)
	/// Proof: `Staking::Pools` (`max_values`: None, `max_size`: Some(120), added: 2595, mode: `MaxEncodedLen`)
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
	/// Storage: `Subnets::HotkeyOwner` (r:64 w:0)
	/// Proof: `Subnets::HotkeyOwner` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Parameters` (r:1 w:0)
	/// Proof: `Staking::Parameters` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Takes` (r:64 w:0)
	/// Proof: `Staking::Takes` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Positions` (r:64 w:0)
	/// Proof: `Staking::Positions` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	/// Storage: `Staking::StakeShares` (r:64 w:64)
	/// Proof: `Staking::StakeShares` (`max_values`: None, `max_size`: Some(116), added: 2591, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	/// Storage: `Staking::TotalStake` (r:1 w:1)
	/// Proof: `Staking::TotalStake` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::Paid` (r:1 w:1)
	/// Proof: `Yuma::Paid` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// `n` ranges over `[2, 256]`.
	/// `e` ranges over `[0, 16384]`.
	fn run_epoch(n: u32, e: u32, ) -> Weight {
		// Fastest run: 275_251_000 ps; proof size measured `0`.
		Weight::from_parts(278_636_000, 6196)
			.saturating_add(Weight::from_parts(25_327_358, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(199_216, 0).saturating_mul(e.into()))
			.saturating_add(T::DbWeight::get().reads(36_u64))
			.saturating_add(T::DbWeight::get().reads((7_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(16_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 6).saturating_mul(e.into()))
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
		// Fastest run: 19_319_000 ps; proof size measured `1316`.
		Weight::from_parts(22_173_000, 4511)
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
		// Fastest run: 28_974_000 ps; proof size measured `6985`.
		Weight::from_parts(119_039_076, 107651)
			.saturating_add(Weight::from_parts(1_643_933, 0).saturating_mul(u.into()))
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
		Weight::from_parts(84_161_448, 4511)
			.saturating_add(Weight::from_parts(51_793, 0).saturating_mul(w.into()))
			.saturating_add(ParityDbWeight::get().reads(9_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn commit_weights() -> Weight {
		Weight::from_parts(30_195_000, 3964)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn reveal_weights(w: u32, ) -> Weight {
		Weight::from_parts(79_703_486, 4511)
			.saturating_add(Weight::from_parts(51_847, 0).saturating_mul(w.into()))
			.saturating_add(ParityDbWeight::get().reads(10_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn set_emission_parameters() -> Weight {
		Weight::from_parts(7_431_000, 1501)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn set_subnet_share() -> Weight {
		Weight::from_parts(10_616_000, 3527)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn accrue(s: u32, ) -> Weight {
		Weight::from_parts(8_927_608, 3527)
			.saturating_add(Weight::from_parts(4_067_778, 0).saturating_mul(s.into()))
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().reads((3_u64).saturating_mul(s.into())))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 2537).saturating_mul(s.into()))
	}
	fn schedule(s: u32, ) -> Weight {
		Weight::from_parts(10_407_065, 3527)
			.saturating_add(Weight::from_parts(3_599_975, 0).saturating_mul(s.into()))
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(s.into())))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
			.saturating_add(Weight::from_parts(0, 2624).saturating_mul(s.into()))
	}
	fn run_epoch(n: u32, e: u32, ) -> Weight {
		Weight::from_parts(278_636_000, 6196)
			.saturating_add(Weight::from_parts(25_327_358, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(199_216, 0).saturating_mul(e.into()))
			.saturating_add(ParityDbWeight::get().reads(36_u64))
			.saturating_add(ParityDbWeight::get().reads((7_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(16_u64))
			.saturating_add(ParityDbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 6).saturating_mul(e.into()))
			.saturating_add(Weight::from_parts(0, 3521).saturating_mul(n.into()))
	}
	fn on_neuron_replaced() -> Weight {
		Weight::from_parts(22_173_000, 4511)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
	}
	fn on_subnet_dissolved(u: u32, ) -> Weight {
		Weight::from_parts(119_039_076, 107651)
			.saturating_add(Weight::from_parts(1_643_933, 0).saturating_mul(u.into()))
			.saturating_add(ParityDbWeight::get().reads(124_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(u.into())))
			.saturating_add(ParityDbWeight::get().writes(128_u64))
			.saturating_add(ParityDbWeight::get().writes((2_u64).saturating_mul(u.into())))
			.saturating_add(Weight::from_parts(0, 2974).saturating_mul(u.into()))
	}
}
