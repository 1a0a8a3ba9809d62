//! Weights for `pallet_governance`.
//!
//! `dispatch_as_root` reads nothing and writes one event; the figure below is the benchmark's
//! measured base cost (`benchmarking.rs`), to which the inner call's own weight is added.

#![allow(unused_parens, unused_imports)]

use core::marker::PhantomData;
use frame_support::weights::Weight;

/// Weight functions needed by `pallet_governance`.
pub trait WeightInfo {
	fn dispatch_as_root() -> Weight;
}

/// Weights measured for the Synod runtime.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn dispatch_as_root() -> Weight {
		Weight::from_parts(9_000_000, 0)
	}
}

/// For tests: the same figures, without a runtime.
impl WeightInfo for () {
	fn dispatch_as_root() -> Weight {
		Weight::from_parts(9_000_000, 0)
	}
}
