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
