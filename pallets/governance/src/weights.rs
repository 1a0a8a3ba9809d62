//! Weights for `pallet_governance`, from its benchmark (`benchmarking.rs`).
//!
//! Measured 2026-11-22 with STEPS 50, REPEAT 20, compiled wasm, on the 2-core development VM
//! (Intel Xeon) with a debug `synod-node` built `--features runtime-benchmarks`:
//!
//! ```text
//! synod-node benchmark pallet --runtime <wbuild>/synod-runtime/synod_runtime.wasm \
//!     --genesis-builder=runtime --genesis-builder-preset development \
//!     --pallet pallet_governance --extrinsic '*' --steps 50 --repeat 20
//! ```
//!
//! The host functions of a debug node are unoptimised, so the figure overstates the cost (the
//! safe direction); rerun with a release node on reference hardware before a public network.
//! `dispatch_as_root` reads and writes no storage; the inner call's weight is added to it.

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
		// Proof size: measured 0 bytes, estimated 0. Minimum execution time: 119.2 µs.
		Weight::from_parts(129_174_000, 0)
	}
}

/// For tests: the same figures, without a runtime.
impl WeightInfo for () {
	fn dispatch_as_root() -> Weight {
		Weight::from_parts(129_174_000, 0)
	}
}
