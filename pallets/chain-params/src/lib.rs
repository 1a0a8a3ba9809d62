//! # Chain parameters pallet
//!
//! Holds the chain-wide values that a chain spec chooses at genesis and that nothing may change
//! afterwards, so that one runtime serves chains with different settings: a dev chain whose
//! epochs last a minute and a production chain whose epochs last an hour run the same wasm.
//!
//! ## Terms
//! - *Epoch duration*: the number of BABE slots in an epoch. BABE's client copies the genesis
//!   epoch's length forward for every later epoch while the runtime recomputes epoch starts
//!   from the current value, so a change after genesis would split the two views and stall
//!   block production. Hence the pallet has no calls: the value is written once, by the
//!   genesis build, and read by [`EpochDurationOf`] wherever the runtime needs it.
//!
//! ## Design
//! A `parameter_types! { pub storage … }` item would also read from storage, but a genesis
//! preset is a JSON patch of the pallets' genesis configs and cannot write a raw key; a
//! genesis config field can. The genesis build refuses a zero duration, which would make
//! every slot an epoch change and divide by zero in BABE's epoch arithmetic.

#![cfg_attr(not(feature = "std"), no_std)]

#[cfg(test)]
mod tests;

pub use pallet::*;

#[frame_support::pallet]
pub mod pallet {
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::BlockNumberFor;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The epoch duration used when genesis set none: what a production chain runs.
		/// Only chains whose genesis predates this pallet read it.
		#[pallet::constant]
		type DefaultEpochDuration: Get<u64>;
	}

	/// Slots per BABE epoch. Written at genesis, never afterwards; never zero.
	#[pallet::storage]
	pub type EpochDuration<T: Config> = StorageValue<_, u64, OptionQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Slots per BABE epoch; `0` (the default) means [`Config::DefaultEpochDuration`].
		pub epoch_duration: u64,
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			let duration = match self.epoch_duration {
				0 => T::DefaultEpochDuration::get(),
				slots => slots,
			};
			assert!(duration > 0, "the default epoch duration must not be zero");
			EpochDuration::<T>::put(duration);
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			frame_support::ensure!(
				EpochDuration::<T>::get() != Some(0),
				"the epoch duration is zero"
			);
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// Slots per BABE epoch: the genesis value, or the default on a chain without one.
		pub fn epoch_duration() -> u64 {
			EpochDuration::<T>::get().unwrap_or_else(T::DefaultEpochDuration::get)
		}
	}
}

/// The epoch duration as a `Get`, for `pallet_babe::Config::EpochDuration`.
pub struct EpochDurationOf<T>(core::marker::PhantomData<T>);

impl<T: Config> frame_support::traits::Get<u64> for EpochDurationOf<T> {
	fn get() -> u64 {
		Pallet::<T>::epoch_duration()
	}
}
