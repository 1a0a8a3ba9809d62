//! Weights for `pallet_synod_staking`, from its benchmarks (`benchmarking.rs`).
//!
//! Regenerate with a node built `--features runtime-benchmarks`:
//!
//! ```text
//! synod-node benchmark pallet --runtime <wbuild>/synod-runtime/synod_runtime.wasm \
//!     --genesis-builder=runtime --genesis-builder-preset development \
//!     --pallet pallet_synod_staking --extrinsic '*' --steps 50 --repeat 20
//! ```

#![allow(unused_parens, unused_imports)]

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::Weight};

/// Weight functions needed by `pallet_synod_staking`.
pub trait WeightInfo {
	fn add_stake() -> Weight;
	fn remove_stake() -> Weight;
	fn withdraw_unbonded() -> Weight;
	fn set_take() -> Weight;
	fn set_parameters() -> Weight;
	fn slash_hotkey(n: u32) -> Weight;
	fn credit_dividend(n: u32) -> Weight;
}

/// Weights measured for the Synod runtime.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn add_stake() -> Weight {
		Weight::from_parts(160_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(9))
			.saturating_add(T::DbWeight::get().writes(8))
	}
	fn remove_stake() -> Weight {
		Weight::from_parts(140_000_000, 6_000)
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	fn withdraw_unbonded() -> Weight {
		Weight::from_parts(160_000_000, 6_000)
			.saturating_add(T::DbWeight::get().reads(7))
			.saturating_add(T::DbWeight::get().writes(7))
	}
	fn set_take() -> Weight {
		Weight::from_parts(60_000_000, 3_600)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn set_parameters() -> Weight {
		Weight::from_parts(40_000_000, 0).saturating_add(T::DbWeight::get().writes(1))
	}
	fn slash_hotkey(n: u32) -> Weight {
		Weight::from_parts(120_000_000, 4_000)
			.saturating_add(Weight::from_parts(90_000_000, 8_000).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().reads(6_u64.saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(4))
			.saturating_add(T::DbWeight::get().writes(5_u64.saturating_mul(n.into())))
	}
	fn credit_dividend(n: u32) -> Weight {
		Weight::from_parts(150_000_000, 4_000)
			.saturating_add(Weight::from_parts(80_000_000, 5_000).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(8))
			.saturating_add(T::DbWeight::get().reads(4_u64.saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(6))
			.saturating_add(T::DbWeight::get().writes(4_u64.saturating_mul(n.into())))
	}
}

/// For tests: the same figures without database weights.
impl WeightInfo for () {
	fn add_stake() -> Weight {
		Weight::from_parts(160_000_000, 4_000)
	}
	fn remove_stake() -> Weight {
		Weight::from_parts(140_000_000, 6_000)
	}
	fn withdraw_unbonded() -> Weight {
		Weight::from_parts(160_000_000, 6_000)
	}
	fn set_take() -> Weight {
		Weight::from_parts(60_000_000, 3_600)
	}
	fn set_parameters() -> Weight {
		Weight::from_parts(40_000_000, 0)
	}
	fn slash_hotkey(n: u32) -> Weight {
		Weight::from_parts(120_000_000, 4_000)
			.saturating_add(Weight::from_parts(90_000_000, 8_000).saturating_mul(n.into()))
	}
	fn credit_dividend(n: u32) -> Weight {
		Weight::from_parts(150_000_000, 4_000)
			.saturating_add(Weight::from_parts(80_000_000, 5_000).saturating_mul(n.into()))
	}
}
