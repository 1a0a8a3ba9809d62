//! Weights for `pallet_governance`.
//!
//! `dispatch_as_root` reads no storage and deposits one event; the inner call's own weight is
//! added to the figure below. The figure is provisional: it is `pallet_sudo::sudo`'s benchmarked
//! base (7.9 µs on Parity's reference hardware), which does the same work plus one storage
//! read, rounded up. Replace it with the output of
//! `synod-node benchmark pallet --pallet pallet_governance` (node built with
//! `--features runtime-benchmarks`) on reference hardware.

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
