//! Weights for `pallet_subnets`, from its benchmarks (`benchmarking.rs`).
//!
//! Regenerate with a node built `--features runtime-benchmarks`:
//!
//! ```text
//! synod-node benchmark pallet --runtime <wbuild>/synod-runtime/synod_runtime.wasm \
//!     --genesis-builder=runtime --genesis-builder-preset development \
//!     --pallet pallet_subnets --extrinsic '*' --steps 50 --repeat 20
//! ```

#![allow(unused_parens, unused_imports)]

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::Weight};

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
	fn create_subnet() -> Weight {
		Weight::from_parts(120_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(6))
	}
	fn force_create_subnet() -> Weight {
		Weight::from_parts(90_000_000, 3_500)
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	fn set_hyperparameters() -> Weight {
		Weight::from_parts(90_000_000, 3_700)
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	fn set_hyperparameter_bounds() -> Weight {
		Weight::from_parts(60_000_000, 0).saturating_add(T::DbWeight::get().writes(1))
	}
	fn set_default_hyperparameters() -> Weight {
		Weight::from_parts(70_000_000, 1_600)
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn set_subnet_deposit() -> Weight {
		Weight::from_parts(40_000_000, 0).saturating_add(T::DbWeight::get().writes(1))
	}
	fn dissolve_subnet(n: u32) -> Weight {
		Weight::from_parts(150_000_000, 4_000)
			.saturating_add(Weight::from_parts(9_000_000, 2_600).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(8))
			.saturating_add(T::DbWeight::get().writes(3_u64.saturating_mul(n.into())))
	}
	fn register_appending() -> Weight {
		Weight::from_parts(150_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(7))
			.saturating_add(T::DbWeight::get().writes(6))
	}
	fn register_replacing(n: u32) -> Weight {
		Weight::from_parts(170_000_000, 4_000)
			.saturating_add(Weight::from_parts(7_000_000, 2_600).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(8))
			.saturating_add(T::DbWeight::get().reads(n.into()))
			.saturating_add(T::DbWeight::get().writes(7))
	}
	fn serve_endpoint() -> Weight {
		Weight::from_parts(70_000_000, 3_600)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(1))
	}
}

/// For tests: the same figures with the test database weights.
impl WeightInfo for () {
	fn create_subnet() -> Weight {
		Weight::from_parts(120_000_000, 4_000)
	}
	fn force_create_subnet() -> Weight {
		Weight::from_parts(90_000_000, 3_500)
	}
	fn set_hyperparameters() -> Weight {
		Weight::from_parts(90_000_000, 3_700)
	}
	fn set_hyperparameter_bounds() -> Weight {
		Weight::from_parts(60_000_000, 0)
	}
	fn set_default_hyperparameters() -> Weight {
		Weight::from_parts(70_000_000, 1_600)
	}
	fn set_subnet_deposit() -> Weight {
		Weight::from_parts(40_000_000, 0)
	}
	fn dissolve_subnet(n: u32) -> Weight {
		Weight::from_parts(150_000_000, 4_000)
			.saturating_add(Weight::from_parts(9_000_000, 2_600).saturating_mul(n.into()))
	}
	fn register_appending() -> Weight {
		Weight::from_parts(150_000_000, 4_000)
	}
	fn register_replacing(n: u32) -> Weight {
		Weight::from_parts(170_000_000, 4_000)
			.saturating_add(Weight::from_parts(7_000_000, 2_600).saturating_mul(n.into()))
	}
	fn serve_endpoint() -> Weight {
		Weight::from_parts(70_000_000, 3_600)
	}
}
