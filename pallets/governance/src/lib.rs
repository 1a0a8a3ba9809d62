//! # Governance pallet
//!
//! Lets a governance origin act as Root. Pallet-collective dispatches a passed motion with a
//! `Members(ayes, total)` origin, which no Root-only call accepts; this pallet turns such an
//! origin, once [`Config::RootOrigin`] accepts it, into Root for one call. On Synod that origin
//! is a two-thirds council motion, so the council can do what sudo does on a dev chain:
//! upgrade the runtime, set balances, change later pallets' parameters.
//!
//! ## Calls
//! - [`dispatch_as_root`](Pallet::dispatch_as_root): checks the origin against
//!   [`Config::RootOrigin`], dispatches the call as Root and reports its result in
//!   [`Event::DispatchedAsRoot`]. The outer call succeeds even when the inner one fails, so
//!   that a motion is closed either way and its outcome is on record.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

pub use pallet::*;
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::WeightInfo;
	use alloc::boxed::Box;
	use frame_support::{
		dispatch::GetDispatchInfo, pallet_prelude::*, traits::UnfilteredDispatchable,
	};
	use frame_system::{pallet_prelude::*, RawOrigin};

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// A call that governance may dispatch as Root.
		type RuntimeCall: Parameter
			+ UnfilteredDispatchable<RuntimeOrigin = Self::RuntimeOrigin>
			+ GetDispatchInfo;

		/// The origin allowed to act as Root, e.g. two thirds of the council.
		type RootOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Weights of this pallet's calls, from its benchmarks.
		type WeightInfo: WeightInfo;
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A call was dispatched as Root on governance's behalf; `result` is the call's own.
		DispatchedAsRoot { result: DispatchResult },
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Dispatches `call` with the Root origin, if the caller is [`Config::RootOrigin`].
		#[pallet::call_index(0)]
		#[pallet::weight({
			let info = call.get_dispatch_info();
			(T::WeightInfo::dispatch_as_root().saturating_add(info.call_weight), info.class)
		})]
		pub fn dispatch_as_root(
			origin: OriginFor<T>,
			call: Box<<T as Config>::RuntimeCall>,
		) -> DispatchResultWithPostInfo {
			T::RootOrigin::ensure_origin(origin)?;
			let result = call.dispatch_bypass_filter(RawOrigin::Root.into());
			Self::deposit_event(Event::DispatchedAsRoot {
				result: result.map(|_| ()).map_err(|e| e.error),
			});
			// The actual weight of the inner call is not known here; charge the declared one.
			Ok(().into())
		}
	}
}
