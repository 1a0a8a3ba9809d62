//! # Subnets pallet
//!
//! Keeps Synod's subnets and their metagraphs: which hotkey holds which uid on which subnet,
//! since when, under which coldkey, and where it serves its artifacts. Yuma consensus, jobs and
//! collective learning read all of this through [`SubnetRegistry`]; none of them touches this
//! pallet's storage.
//!
//! ## Model
//! - A **subnet** (`netuid`, never reused) has an owner, [`SubnetHyperparameters`] and a
//!   metagraph of at most `max_uids` neurons with dense uids `0..n`. Anyone may create one by
//!   locking [`SubnetDeposit`] (held from the owner with [`HoldReason::SubnetDeposit`]);
//!   governance may create one for any owner without a deposit.
//! - **Hyperparameters** are set by the owner or by governance, always within the
//!   [`HyperparameterBounds`] that governance fixes. The Yuma consensus parameters (kappa,
//!   bonds penalty and moving average, Yuma 3, liquid alpha and its range and steepness) are
//!   governance's alone. Bounds that change later do not move
//!   existing subnets; a subnet must come into the new bounds at its next change.
//! - **Registration** is by burn, as on subtensor: the coldkey pays the subnet's current
//!   registration cost, which then rises by `burn_increase` and falls by `burn_decay` each block
//!   toward `min_burn` (never above `max_burn`). The decay is applied lazily from the block of
//!   the last change, `cost = max(min_burn, last * (1 - burn_decay)^blocks)`, so no per-block
//!   work is needed and the result is the same whenever it is read.
//! - A hotkey belongs to the first coldkey that registers it, everywhere and for good; stake
//!   and ownership checks in other pallets rely on that ([`HotkeyOwnership`]).
//! - When a subnet is **full**, a registration replaces the non-immune neuron with the lowest
//!   emission in the last epoch (ties: the oldest registration, then the lowest uid). A neuron
//!   is immune for `immunity_period` blocks after its registration. The replaced uid's state in
//!   other pallets is reset through [`Config::OnNeuronReplaced`].
//! - **Dissolving** a subnet (governance) returns the owner's deposit, removes its neurons and
//!   lets the other pallets settle through [`Config::OnSubnetDissolved`].
//!
//! ## Calls
//! - [`create_subnet`](Pallet::create_subnet): a signed account locks the deposit and owns a new
//!   subnet with the default hyperparameters.
//! - [`force_create_subnet`](Pallet::force_create_subnet): governance creates a subnet for an
//!   owner, without deposit.
//! - [`set_hyperparameters`](Pallet::set_hyperparameters): the owner or governance replaces a
//!   subnet's hyperparameters.
//! - [`set_hyperparameter_bounds`](Pallet::set_hyperparameter_bounds),
//!   [`set_default_hyperparameters`](Pallet::set_default_hyperparameters),
//!   [`set_subnet_deposit`](Pallet::set_subnet_deposit): governance's network-wide settings.
//! - [`dissolve_subnet`](Pallet::dissolve_subnet): governance removes a subnet.
//! - [`register`](Pallet::register): a coldkey burns the registration cost for a hotkey.
//! - [`serve_endpoint`](Pallet::serve_endpoint): a registered hotkey publishes its endpoint,
//!   at most once per `serving_rate_limit` blocks.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod impls;
#[cfg(test)]
mod mock;
mod registration;
#[cfg(test)]
mod tests;
pub mod weights;

pub use pallet::*;
pub use synod_primitives::{
	endpoint::Endpoint,
	hooks::{OnNeuronReplaced, OnSubnetDissolved},
	subnet::{
		HotkeyOwnership, Hyperparameter, HyperparameterBounds, NeuronEmission, NeuronRecord,
		SubnetHyperparameters, SubnetOwnership, SubnetRegistry,
	},
	NetUid, Uid,
};
pub use weights::WeightInfo;

/// The balance type of the pallet's currency.
pub type BalanceOf<T> = <<T as Config>::Currency as frame_support::traits::fungible::Inspect<
	<T as frame_system::Config>::AccountId,
>>::Balance;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, Mutate, MutateHold},
			tokens::{Fortitude, Precision, Preservation},
		},
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::{Saturating, Zero};

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The currency burnt for registrations and held for subnet deposits.
		type Currency: Inspect<Self::AccountId>
			+ Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The runtime's hold reasons, which include this pallet's.
		type RuntimeHoldReason: From<HoldReason>;

		/// Root or the council: creates subnets for others, fixes bounds, dissolves subnets.
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Each uid's emission in its subnet's last epoch, which decides replacements.
		type NeuronEmission: NeuronEmission;

		/// Resets another pallet's state of a uid that changed hands.
		type OnNeuronReplaced: OnNeuronReplaced<Self::AccountId>;

		/// Settles what other pallets hold for a dissolved subnet.
		type OnSubnetDissolved: OnSubnetDissolved;

		/// The most subnets that may exist at once.
		#[pallet::constant]
		type MaxSubnets: Get<u16>;

		/// The hard ceiling of any subnet's `max_uids`; bounds every per-subnet loop.
		#[pallet::constant]
		type MaxUidsLimit: Get<u16>;

		/// Weights of this pallet's calls, from its benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit locked by a subnet's owner, returned when the subnet is dissolved.
		SubnetDeposit,
	}

	/// A subnet's registration cost as of the block it last changed.
	#[derive(
		Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
	)]
	pub struct RegistrationCost<Balance, BlockNumber> {
		/// The cost right after the last change.
		pub amount: Balance,
		/// The block of the last change, from which the decay counts.
		pub updated_at: BlockNumber,
	}

	/// A registered neuron, as stored.
	#[derive(
		Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
	)]
	pub struct Neuron<AccountId, BlockNumber> {
		/// The key the neuron signs with.
		pub hotkey: AccountId,
		/// The coldkey that registered it.
		pub coldkey: AccountId,
		/// The block of its registration.
		pub registered_at: BlockNumber,
	}

	/// A published endpoint and when it was published, for the rate limit.
	#[derive(
		Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
	)]
	pub struct ServedEndpoint<BlockNumber> {
		pub endpoint: Endpoint,
		pub served_at: BlockNumber,
	}

	pub(crate) type OwnershipOf<T> =
		SubnetOwnership<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;
	pub(crate) type HyperparametersOf<T> = SubnetHyperparameters<BalanceOf<T>>;
	pub(crate) type BoundsOf<T> = HyperparameterBounds<BalanceOf<T>>;
	pub(crate) type NeuronOf<T> = Neuron<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

	/// Existing subnets: owner, deposit and creation block.
	#[pallet::storage]
	pub type Ownership<T: Config> = CountedStorageMap<_, Twox64Concat, NetUid, OwnershipOf<T>>;

	/// The netuid the next subnet gets; netuids are never reused, so a client that saw a netuid
	/// never confuses a dissolved subnet with a newer one.
	#[pallet::storage]
	pub type NextNetuid<T: Config> =
		StorageValue<_, NetUid, ValueQuery, frame_support::traits::ConstU16<1>>;

	/// Each subnet's hyperparameters.
	#[pallet::storage]
	pub type Hyperparameters<T: Config> = StorageMap<_, Twox64Concat, NetUid, HyperparametersOf<T>>;

	/// The hyperparameters a new subnet starts with.
	#[pallet::storage]
	pub type DefaultHyperparameters<T: Config> = StorageValue<_, HyperparametersOf<T>>;

	/// The ranges within which owners and governance set hyperparameters.
	#[pallet::storage]
	pub type Bounds<T: Config> = StorageValue<_, BoundsOf<T>>;

	/// What `create_subnet` locks from its caller.
	#[pallet::storage]
	pub type SubnetDeposit<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	/// Each subnet's registration cost at its last change.
	#[pallet::storage]
	pub type RegistrationCosts<T: Config> =
		StorageMap<_, Twox64Concat, NetUid, RegistrationCost<BalanceOf<T>, BlockNumberFor<T>>>;

	/// How many neurons each subnet holds; its uids are `0..count`.
	#[pallet::storage]
	pub type NeuronCount<T: Config> = StorageMap<_, Twox64Concat, NetUid, u16, ValueQuery>;

	/// The neuron under each uid.
	#[pallet::storage]
	pub type Neurons<T: Config> =
		StorageDoubleMap<_, Twox64Concat, NetUid, Twox64Concat, Uid, NeuronOf<T>>;

	/// The uid of each registered hotkey, per subnet.
	#[pallet::storage]
	pub type Uids<T: Config> =
		StorageDoubleMap<_, Twox64Concat, NetUid, Blake2_128Concat, T::AccountId, Uid>;

	/// The endpoint each uid published, if any; cleared when the uid changes hands.
	#[pallet::storage]
	pub type Endpoints<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		NetUid,
		Twox64Concat,
		Uid,
		ServedEndpoint<BlockNumberFor<T>>,
	>;

	/// The coldkey that owns each hotkey ever registered.
	#[pallet::storage]
	pub type HotkeyOwner<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, T::AccountId>;

	/// Genesis settings. Balances are plain `u128` so that chain specs stay readable JSON.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// What `create_subnet` locks.
		pub subnet_deposit: u128,
		/// New subnets' hyperparameters; subtensor's defaults with free registration if unset.
		pub default_hyperparameters: Option<SubnetHyperparameters<u128>>,
		/// Governance's bounds; wide ones admitting the defaults if unset.
		pub bounds: Option<HyperparameterBounds<u128>>,
		/// Subnets that exist from genesis, by owner, with the default hyperparameters and no
		/// deposit.
		pub subnets: alloc::vec::Vec<T::AccountId>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			use sp_runtime::SaturatedConversion;
			let balance = |value: u128| -> BalanceOf<T> { value.saturated_into() };
			let uid_limit = T::MaxUidsLimit::get();
			let defaults = self.default_hyperparameters.clone().unwrap_or_else(|| {
				let mut defaults = SubnetHyperparameters::with_burn(0, 0);
				defaults.max_uids = defaults.max_uids.min(uid_limit);
				defaults.max_validators = defaults.max_validators.min(defaults.max_uids);
				defaults
			});
			let bounds = self.bounds.clone().unwrap_or_else(|| {
				let mut bounds = HyperparameterBounds::permissive(
					defaults.min_burn,
					defaults.max_burn,
					u128::MAX,
				);
				bounds.max_uids.max = bounds.max_uids.max.min(uid_limit);
				bounds.max_validators.max = bounds.max_validators.max.min(uid_limit);
				bounds
			});
			if let Err(field) = defaults.check(&bounds) {
				panic!("genesis default hyperparameters outside the bounds: {field:?}");
			}
			assert!(
				bounds.max_uids.max <= T::MaxUidsLimit::get(),
				"genesis bounds allow {} uids, above MaxUidsLimit {}",
				bounds.max_uids.max,
				T::MaxUidsLimit::get()
			);
			SubnetDeposit::<T>::put(balance(self.subnet_deposit));
			DefaultHyperparameters::<T>::put(defaults.map_balance(balance));
			Bounds::<T>::put(bounds.map_balance(balance));
			for owner in &self.subnets {
				Pallet::<T>::do_create_subnet(owner.clone(), Zero::zero())
					.expect("genesis subnets fit within MaxSubnets");
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A subnet was created; `deposit` is held from `owner`.
		SubnetCreated { netuid: NetUid, owner: T::AccountId, deposit: BalanceOf<T> },
		/// A subnet's hyperparameters were replaced.
		HyperparametersSet { netuid: NetUid, hyperparameters: HyperparametersOf<T> },
		/// Governance changed the bounds of hyperparameters.
		BoundsSet { bounds: BoundsOf<T> },
		/// Governance changed the hyperparameters new subnets start with.
		DefaultHyperparametersSet { hyperparameters: HyperparametersOf<T> },
		/// Governance changed the subnet deposit.
		SubnetDepositSet { deposit: BalanceOf<T> },
		/// A subnet was dissolved, its neurons removed and `deposit_returned` released.
		SubnetDissolved { netuid: NetUid, neurons_removed: u16, deposit_returned: BalanceOf<T> },
		/// `hotkey` took `uid` on `netuid`; `coldkey` burnt `cost`.
		NeuronRegistered {
			netuid: NetUid,
			uid: Uid,
			hotkey: T::AccountId,
			coldkey: T::AccountId,
			cost: BalanceOf<T>,
		},
		/// A full subnet gave `uid`, held by `old_hotkey`, to `new_hotkey`.
		NeuronReplaced {
			netuid: NetUid,
			uid: Uid,
			old_hotkey: T::AccountId,
			new_hotkey: T::AccountId,
		},
		/// A neuron published an endpoint.
		EndpointServed { netuid: NetUid, uid: Uid, endpoint: Endpoint },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No subnet has this netuid.
		UnknownSubnet,
		/// `MaxSubnets` subnets exist already.
		TooManySubnets,
		/// Every netuid up to `u16::MAX` has been used.
		NetuidsExhausted,
		/// The caller is neither the subnet's owner nor governance.
		NotSubnetOwner,
		/// The named hyperparameter is outside governance's bounds or inconsistent with others.
		HyperparameterOutOfBounds { field: Hyperparameter },
		/// The owner tried to change a Yuma consensus parameter (`field`); only governance may.
		GovernanceOnly { field: Hyperparameter },
		/// `max_uids` is below the number of neurons the subnet already holds.
		MaxUidsBelowNeuronCount,
		/// A bound's minimum exceeds its maximum, or `max_uids` exceeds `MaxUidsLimit`.
		InvalidBounds,
		/// The default hyperparameters lie outside the bounds given, at `field`; new subnets
		/// would start out of bounds. Set defaults that both the old and the new bounds
		/// admit first (widen the bounds, set the defaults, then narrow them).
		DefaultsOutOfBounds { field: Hyperparameter },
		/// The caller cannot afford the deposit while keeping its account alive.
		CannotAffordDeposit,
		/// The subnet does not accept registrations now.
		RegistrationClosed,
		/// The hotkey is already registered on this subnet.
		AlreadyRegistered,
		/// The hotkey belongs to another coldkey.
		HotkeyOwnedByAnotherColdkey,
		/// The coldkey cannot pay the registration cost while keeping its account alive.
		CannotAffordRegistration,
		/// The subnet is full and every neuron in it is still immune.
		AllNeuronsImmune,
		/// The hotkey is not registered on this subnet.
		NotRegistered,
		/// The endpoint's port is 0.
		EndpointZeroPort,
		/// The endpoint's address is unspecified, broadcast or multicast.
		EndpointUnroutable,
		/// The URL is not `http(s)://host...` in printable ASCII.
		EndpointMalformedUrl,
		/// The neuron published an endpoint less than `serving_rate_limit` blocks ago.
		ServingRateLimited,
		/// The network-wide settings are missing from storage (genesis did not set them).
		NotConfigured,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Creates a subnet owned by the caller, holding [`SubnetDeposit`] from it.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::create_subnet())]
		pub fn create_subnet(origin: OriginFor<T>) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			let deposit = SubnetDeposit::<T>::get();
			Self::ensure_room_for_subnet()?;
			if !deposit.is_zero() {
				T::Currency::hold(&HoldReason::SubnetDeposit.into(), &owner, deposit)
					.map_err(|_| Error::<T>::CannotAffordDeposit)?;
			}
			Self::do_create_subnet(owner, deposit).map(|_| ())
		}

		/// Creates a subnet owned by `owner`, without a deposit. Governance only.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::force_create_subnet())]
		pub fn force_create_subnet(origin: OriginFor<T>, owner: T::AccountId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_create_subnet(owner, Zero::zero()).map(|_| ())
		}

		/// Replaces `netuid`'s hyperparameters. The owner or governance, within the bounds.
		///
		/// A new `min_burn`/`max_burn` clamps the current registration cost into the new range
		/// at once.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_hyperparameters())]
		pub fn set_hyperparameters(
			origin: OriginFor<T>,
			netuid: NetUid,
			hyperparameters: HyperparametersOf<T>,
		) -> DispatchResult {
			let by_governance = Self::ensure_owner_or_governance(origin, netuid)?;
			if !by_governance {
				let current = Hyperparameters::<T>::get(netuid).ok_or(Error::<T>::UnknownSubnet)?;
				if let Some(field) = hyperparameters.consensus_change(&current) {
					return Err(Error::<T>::GovernanceOnly { field }.into());
				}
			}
			let bounds = Bounds::<T>::get().ok_or(Error::<T>::NotConfigured)?;
			hyperparameters
				.check(&bounds)
				.map_err(|field| Error::<T>::HyperparameterOutOfBounds { field })?;
			ensure!(
				hyperparameters.max_uids <= T::MaxUidsLimit::get(),
				Error::<T>::HyperparameterOutOfBounds { field: Hyperparameter::MaxUids }
			);
			ensure!(
				hyperparameters.max_uids >= NeuronCount::<T>::get(netuid),
				Error::<T>::MaxUidsBelowNeuronCount
			);
			let now = frame_system::Pallet::<T>::block_number();
			let cost = Self::registration_cost_at(netuid, &hyperparameters, now);
			RegistrationCosts::<T>::insert(
				netuid,
				RegistrationCost { amount: cost, updated_at: now },
			);
			Hyperparameters::<T>::insert(netuid, &hyperparameters);
			Self::deposit_event(Event::HyperparametersSet { netuid, hyperparameters });
			Ok(())
		}

		/// Fixes the ranges of bounded hyperparameters; the defaults new subnets start with
		/// must lie within them. Existing subnets keep their values until their next change,
		/// which must then lie within. Governance only.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::set_hyperparameter_bounds())]
		pub fn set_hyperparameter_bounds(
			origin: OriginFor<T>,
			bounds: BoundsOf<T>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			ensure!(Self::bounds_are_valid(&bounds), Error::<T>::InvalidBounds);
			if let Some(defaults) = DefaultHyperparameters::<T>::get() {
				defaults
					.check(&bounds)
					.map_err(|field| Error::<T>::DefaultsOutOfBounds { field })?;
			}
			Bounds::<T>::put(&bounds);
			Self::deposit_event(Event::BoundsSet { bounds });
			Ok(())
		}

		/// Sets the hyperparameters new subnets start with; they must lie within the bounds.
		/// Governance only.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::set_default_hyperparameters())]
		pub fn set_default_hyperparameters(
			origin: OriginFor<T>,
			hyperparameters: HyperparametersOf<T>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			let bounds = Bounds::<T>::get().ok_or(Error::<T>::NotConfigured)?;
			hyperparameters
				.check(&bounds)
				.map_err(|field| Error::<T>::HyperparameterOutOfBounds { field })?;
			DefaultHyperparameters::<T>::put(&hyperparameters);
			Self::deposit_event(Event::DefaultHyperparametersSet { hyperparameters });
			Ok(())
		}

		/// Sets what `create_subnet` locks; existing deposits keep their amount. Governance only.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::set_subnet_deposit())]
		pub fn set_subnet_deposit(origin: OriginFor<T>, deposit: BalanceOf<T>) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			SubnetDeposit::<T>::put(deposit);
			Self::deposit_event(Event::SubnetDepositSet { deposit });
			Ok(())
		}

		/// Dissolves `netuid`: returns its owner's deposit, removes its neurons and lets the
		/// other pallets settle. Governance only.
		#[pallet::call_index(6)]
		#[pallet::weight(
			T::WeightInfo::dissolve_subnet(T::MaxUidsLimit::get().into())
				.saturating_add(T::OnSubnetDissolved::weight())
		)]
		pub fn dissolve_subnet(origin: OriginFor<T>, netuid: NetUid) -> DispatchResultWithPostInfo {
			T::GovernanceOrigin::ensure_origin(origin)?;
			let ownership = Ownership::<T>::get(netuid).ok_or(Error::<T>::UnknownSubnet)?;
			let removed = Self::do_dissolve(netuid, ownership)?;
			Ok(Some(
				T::WeightInfo::dissolve_subnet(removed.into())
					.saturating_add(T::OnSubnetDissolved::weight()),
			)
			.into())
		}

		/// Registers `hotkey` on `netuid`, burning the current registration cost from the
		/// calling coldkey. A full subnet replaces its weakest non-immune neuron.
		#[pallet::call_index(7)]
		#[pallet::weight(
			T::WeightInfo::register_replacing(T::MaxUidsLimit::get().into())
				.max(T::WeightInfo::register_appending())
				.saturating_add(T::OnNeuronReplaced::weight())
		)]
		pub fn register(
			origin: OriginFor<T>,
			netuid: NetUid,
			hotkey: T::AccountId,
		) -> DispatchResultWithPostInfo {
			let coldkey = ensure_signed(origin)?;
			let replaced_among = Self::do_register(netuid, coldkey, hotkey)?;
			let weight = match replaced_among {
				None => T::WeightInfo::register_appending(),
				Some(n) => T::WeightInfo::register_replacing(n.into())
					.saturating_add(T::OnNeuronReplaced::weight()),
			};
			Ok(Some(weight).into())
		}

		/// Publishes the calling hotkey's endpoint on `netuid`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::serve_endpoint())]
		pub fn serve_endpoint(
			origin: OriginFor<T>,
			netuid: NetUid,
			endpoint: Endpoint,
		) -> DispatchResult {
			let hotkey = ensure_signed(origin)?;
			Self::do_serve_endpoint(netuid, hotkey, endpoint)
		}
	}

	impl<T: Config> Pallet<T> {
		fn ensure_room_for_subnet() -> DispatchResult {
			ensure!(
				Ownership::<T>::count() < T::MaxSubnets::get() as u32,
				Error::<T>::TooManySubnets
			);
			ensure!(NextNetuid::<T>::get() < NetUid::MAX, Error::<T>::NetuidsExhausted);
			Ok(())
		}

		pub(crate) fn do_create_subnet(
			owner: T::AccountId,
			deposit: BalanceOf<T>,
		) -> Result<NetUid, DispatchError> {
			Self::ensure_room_for_subnet()?;
			let hyperparameters =
				DefaultHyperparameters::<T>::get().ok_or(Error::<T>::NotConfigured)?;
			let netuid = NextNetuid::<T>::get();
			let now = frame_system::Pallet::<T>::block_number();
			NextNetuid::<T>::put(netuid + 1);
			RegistrationCosts::<T>::insert(
				netuid,
				RegistrationCost { amount: hyperparameters.min_burn, updated_at: now },
			);
			Hyperparameters::<T>::insert(netuid, hyperparameters);
			Ownership::<T>::insert(
				netuid,
				SubnetOwnership { owner: owner.clone(), deposit, created_at: now },
			);
			Self::deposit_event(Event::SubnetCreated { netuid, owner, deposit });
			Ok(netuid)
		}

		/// Whether `origin` is governance (`true`) or `netuid`'s owner (`false`); an error for
		/// anyone else.
		fn ensure_owner_or_governance(
			origin: OriginFor<T>,
			netuid: NetUid,
		) -> Result<bool, DispatchError> {
			let ownership = Ownership::<T>::get(netuid).ok_or(Error::<T>::UnknownSubnet)?;
			if T::GovernanceOrigin::try_origin(origin.clone()).is_ok() {
				return Ok(true);
			}
			let who = ensure_signed(origin)?;
			ensure!(who == ownership.owner, Error::<T>::NotSubnetOwner);
			Ok(false)
		}

		fn bounds_are_valid(bounds: &BoundsOf<T>) -> bool {
			bounds.max_uids.min <= bounds.max_uids.max
				&& bounds.max_uids.max <= T::MaxUidsLimit::get()
				&& bounds.max_validators.min <= bounds.max_validators.max
				&& bounds.immunity_period.min <= bounds.immunity_period.max
				&& bounds.min_stake.min <= bounds.min_stake.max
				&& bounds.burn.min <= bounds.burn.max
				&& bounds.serving_rate_limit.min <= bounds.serving_rate_limit.max
				&& bounds.tempo.min <= bounds.tempo.max
				&& bounds.activity_cutoff_factor_milli.min
					<= bounds.activity_cutoff_factor_milli.max
				&& bounds.weights_rate_limit.min <= bounds.weights_rate_limit.max
				&& bounds.reveal_period_epochs.min <= bounds.reveal_period_epochs.max
		}

		fn do_dissolve(netuid: NetUid, ownership: OwnershipOf<T>) -> Result<u16, DispatchError> {
			let count = NeuronCount::<T>::take(netuid);
			let _ = Neurons::<T>::clear_prefix(netuid, u32::MAX, None);
			let _ = Uids::<T>::clear_prefix(netuid, u32::MAX, None);
			let _ = Endpoints::<T>::clear_prefix(netuid, u32::MAX, None);
			Hyperparameters::<T>::remove(netuid);
			RegistrationCosts::<T>::remove(netuid);
			Ownership::<T>::remove(netuid);
			if !ownership.deposit.is_zero() {
				T::Currency::release(
					&HoldReason::SubnetDeposit.into(),
					&ownership.owner,
					ownership.deposit,
					Precision::Exact,
				)?;
			}
			T::OnSubnetDissolved::on_subnet_dissolved(netuid);
			Self::deposit_event(Event::SubnetDissolved {
				netuid,
				neurons_removed: count,
				deposit_returned: ownership.deposit,
			});
			Ok(count)
		}

		/// Registers `hotkey`; returns `Some(n)` when it replaced a neuron of a subnet of `n`.
		fn do_register(
			netuid: NetUid,
			coldkey: T::AccountId,
			hotkey: T::AccountId,
		) -> Result<Option<u16>, DispatchError> {
			let hyperparameters =
				Hyperparameters::<T>::get(netuid).ok_or(Error::<T>::UnknownSubnet)?;
			ensure!(hyperparameters.registration_allowed, Error::<T>::RegistrationClosed);
			ensure!(!Uids::<T>::contains_key(netuid, &hotkey), Error::<T>::AlreadyRegistered);
			if let Some(owner) = HotkeyOwner::<T>::get(&hotkey) {
				ensure!(owner == coldkey, Error::<T>::HotkeyOwnedByAnotherColdkey);
			}
			let now = frame_system::Pallet::<T>::block_number();
			let count = NeuronCount::<T>::get(netuid);
			let replaced = if count < hyperparameters.max_uids {
				None
			} else {
				let uid = Self::neuron_to_replace(netuid, count, &hyperparameters, now)
					.ok_or(Error::<T>::AllNeuronsImmune)?;
				Some(uid)
			};

			let cost = Self::registration_cost_at(netuid, &hyperparameters, now);
			if !cost.is_zero() {
				T::Currency::burn_from(
					&coldkey,
					cost,
					Preservation::Preserve,
					Precision::Exact,
					Fortitude::Polite,
				)
				.map_err(|_| Error::<T>::CannotAffordRegistration)?;
			}
			RegistrationCosts::<T>::insert(
				netuid,
				RegistrationCost {
					amount: Self::raised_cost(cost, &hyperparameters),
					updated_at: now,
				},
			);
			HotkeyOwner::<T>::insert(&hotkey, &coldkey);

			let neuron =
				Neuron { hotkey: hotkey.clone(), coldkey: coldkey.clone(), registered_at: now };
			let uid = match replaced {
				None => {
					NeuronCount::<T>::insert(netuid, count + 1);
					count
				},
				Some(uid) => {
					let old = Neurons::<T>::get(netuid, uid).ok_or(Error::<T>::NotRegistered)?;
					Uids::<T>::remove(netuid, &old.hotkey);
					Endpoints::<T>::remove(netuid, uid);
					T::OnNeuronReplaced::on_neuron_replaced(netuid, uid, &old.hotkey, &hotkey);
					Self::deposit_event(Event::NeuronReplaced {
						netuid,
						uid,
						old_hotkey: old.hotkey,
						new_hotkey: hotkey.clone(),
					});
					uid
				},
			};
			Neurons::<T>::insert(netuid, uid, neuron);
			Uids::<T>::insert(netuid, &hotkey, uid);
			Self::deposit_event(Event::NeuronRegistered { netuid, uid, hotkey, coldkey, cost });
			Ok(replaced.map(|_| count))
		}

		fn do_serve_endpoint(
			netuid: NetUid,
			hotkey: T::AccountId,
			endpoint: Endpoint,
		) -> DispatchResult {
			let hyperparameters =
				Hyperparameters::<T>::get(netuid).ok_or(Error::<T>::UnknownSubnet)?;
			let uid = Uids::<T>::get(netuid, &hotkey).ok_or(Error::<T>::NotRegistered)?;
			endpoint.validate().map_err(|e| match e {
				synod_primitives::endpoint::EndpointError::ZeroPort => Error::<T>::EndpointZeroPort,
				synod_primitives::endpoint::EndpointError::UnroutableAddress => {
					Error::<T>::EndpointUnroutable
				},
				synod_primitives::endpoint::EndpointError::MalformedUrl => {
					Error::<T>::EndpointMalformedUrl
				},
			})?;
			let now = frame_system::Pallet::<T>::block_number();
			if let Some(previous) = Endpoints::<T>::get(netuid, uid) {
				let ready_at =
					previous.served_at.saturating_add(hyperparameters.serving_rate_limit.into());
				ensure!(now >= ready_at, Error::<T>::ServingRateLimited);
			}
			Endpoints::<T>::insert(
				netuid,
				uid,
				ServedEndpoint { endpoint: endpoint.clone(), served_at: now },
			);
			Self::deposit_event(Event::EndpointServed { netuid, uid, endpoint });
			Ok(())
		}
	}
}
