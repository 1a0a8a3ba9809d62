//! # Staking pallet
//!
//! The money behind Synod's metagraphs: which coldkey stakes how much behind which hotkey.
//! Yuma weighs validators by it, jobs pick and slash miners by it, colearn weighs votes by it;
//! they reach it only through the traits of [`synod_primitives::stake`].
//!
//! ## Model
//! - **Stake is a hold.** `add_stake` places a `fungible` hold with [`HoldReason::Staking`] on
//!   the coldkey's balance; the pallet records only how that hold divides among positions. A
//!   **position** is one (coldkey, hotkey) pair: its active stake plus its unbonding chunks.
//!   A hotkey's stake is the sum of its stakers' active stake and counts on every subnet where
//!   the hotkey is registered. Only a hotkey that some coldkey has registered
//!   ([`Config::Hotkeys`]) can be staked on.
//! - **Unbonding.** `remove_stake` moves an amount out of the active stake into a chunk that
//!   unlocks `unbonding_period` blocks later (at most [`Config::MaxUnbondingChunks`] per
//!   position; chunks unlocking in the same block merge). Until withdrawn it stays held and
//!   slashable, so leaving does not dodge a pending slash. A hotkey that answers for work in
//!   flight carries stake locks (`locks.rs`, the `StakeLock` trait): while it has any, its
//!   stakers may start unbonding but not withdraw. `withdraw_unbonded` releases the due
//!   chunks of one position.
//! - **Take.** The hotkey's owner sets the share of dividends it keeps, up to `max_take`.
//!   Lowering is immediate; raising needs `take_raise_cooldown` blocks since the last change,
//!   so stakers can leave before a higher take applies.
//! - **Slashing** ([`StakeSlash`]) takes from everything at stake behind a hotkey, active and
//!   unbonding, pro rata to each piece (rounded down, the remainder from the largest pieces),
//!   so the total is exact. The funds are burnt or paid to an account the caller names.
//! - **Dividends** ([`DividendCredit`]) mint an amount for a hotkey: the owner's take first,
//!   the rest pro rata to active stake (the rounding remainder to the owner), each added to
//!   the receiver's stake behind that hotkey.
//!
//! ## Calls
//! - [`add_stake`](Pallet::add_stake), [`remove_stake`](Pallet::remove_stake),
//!   [`withdraw_unbonded`](Pallet::withdraw_unbonded): a coldkey's stake behind a hotkey.
//! - [`set_take`](Pallet::set_take): the hotkey's owner sets its take.
//! - [`set_parameters`](Pallet::set_parameters): governance sets the [`StakingParameters`].
//!
//! ## Bounds
//! A hotkey has at most [`Config::MaxStakersPerHotkey`] positions behind it, and a coldkey at
//! most [`Config::MaxPositionsPerColdkey`]: slashing and dividends visit every staker, so their
//! weight must have a ceiling.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod dividends;
mod invariants;
mod locks;
#[cfg(test)]
mod mock;
mod slashing;
#[cfg(test)]
mod tests;
pub mod weights;

pub use pallet::*;
pub use pallet_synod_staking_runtime_api::{StakePosition, StakingParameters, UnbondingChunk};
pub use weights::WeightInfo;

use frame_support::traits::fungible;

/// The balance type of the pallet's currency.
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// Registers hotkeys for the benchmarks, which the runtime does through its subnets pallet.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Makes `coldkey` the owner of `hotkey`.
	fn register_hotkey(hotkey: &AccountId, coldkey: &AccountId);
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Balanced, BalancedHold, Inspect, Mutate, MutateHold},
			tokens::Precision,
		},
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::{
		traits::{CheckedAdd, Saturating, Zero},
		Perbill,
	};
	use synod_primitives::subnet::HotkeyOwnership;

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The currency held as stake, minted for dividends and slashed.
		type Currency: Inspect<Self::AccountId>
			+ Mutate<Self::AccountId>
			+ Balanced<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ BalancedHold<Self::AccountId>;

		/// The runtime's hold reasons, which include this pallet's.
		type RuntimeHoldReason: From<HoldReason>;

		/// Who owns a hotkey: only registered hotkeys take stake, and their owners set takes.
		type Hotkeys: HotkeyOwnership<Self::AccountId>;

		/// Root or the council: sets the staking parameters.
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The most unbonding chunks one position may have.
		#[pallet::constant]
		type MaxUnbondingChunks: Get<u32>;

		/// The most positions behind one hotkey.
		#[pallet::constant]
		type MaxStakersPerHotkey: Get<u32>;

		/// The most positions of one coldkey.
		#[pallet::constant]
		type MaxPositionsPerColdkey: Get<u32>;

		/// Weights of this pallet's calls and trait functions, from its benchmarks.
		type WeightInfo: WeightInfo;

		/// Registers hotkeys for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// Stake, active or unbonding.
		Staking,
	}

	/// A take and when it was set, for the raise cooldown.
	#[derive(
		Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
	)]
	pub struct TakeRecord<BlockNumber> {
		pub take: Perbill,
		pub set_at: BlockNumber,
	}

	pub(crate) type ParametersOf<T> = StakingParameters<BalanceOf<T>, BlockNumberFor<T>>;
	pub(crate) type ChunkOf<T> = UnbondingChunk<BalanceOf<T>, BlockNumberFor<T>>;
	pub(crate) type ChunksOf<T> = BoundedVec<ChunkOf<T>, <T as Config>::MaxUnbondingChunks>;

	/// The staking parameters.
	#[pallet::storage]
	pub type Parameters<T: Config> = StorageValue<_, ParametersOf<T>, ValueQuery>;

	/// Active stake per (hotkey, coldkey); hotkey first so a hotkey's stakers are one prefix.
	#[pallet::storage]
	pub type Stake<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		BalanceOf<T>,
		ValueQuery,
	>;

	/// The sum of the active stake behind each hotkey.
	#[pallet::storage]
	pub type HotkeyStake<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, BalanceOf<T>, ValueQuery>;

	/// Unbonding chunks per (hotkey, coldkey), oldest first.
	#[pallet::storage]
	pub type Unbonding<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		ChunksOf<T>,
		ValueQuery,
	>;

	/// The positions of each coldkey, by hotkey, so that a coldkey's stake can be listed.
	#[pallet::storage]
	pub type Positions<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		(),
		OptionQuery,
	>;

	/// How many positions each coldkey has.
	#[pallet::storage]
	pub type PositionCount<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// How many positions stand behind each hotkey.
	#[pallet::storage]
	pub type StakerCount<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// Takes that owners have set; a hotkey without one has the default take.
	#[pallet::storage]
	pub type Takes<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, TakeRecord<BlockNumberFor<T>>>;

	/// All active stake.
	#[pallet::storage]
	pub type TotalStake<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	/// All stake in unbonding chunks.
	#[pallet::storage]
	pub type TotalUnbonding<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	/// How many locks of each holder a hotkey carries (`locks.rs`); while it has any, nobody
	/// staked behind it may withdraw. A count of zero is never stored.
	#[pallet::storage]
	pub type StakeLocks<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		synod_primitives::stake::StakeLockId,
		u32,
		OptionQuery,
	>;

	/// Genesis settings, with plain numbers so that chain specs stay readable JSON.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		pub parameters: StakingParameters<u128, u32>,
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			use sp_runtime::SaturatedConversion;
			assert!(self.parameters.is_valid(), "genesis default take exceeds the maximum take");
			let p = &self.parameters;
			Parameters::<T>::put(StakingParameters {
				unbonding_period: p.unbonding_period.into(),
				min_stake: p.min_stake.saturated_into(),
				max_take: p.max_take,
				default_take: p.default_take,
				take_raise_cooldown: p.take_raise_cooldown.into(),
			});
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(crate) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `coldkey` placed `amount` behind `hotkey`.
		StakeAdded { coldkey: T::AccountId, hotkey: T::AccountId, amount: BalanceOf<T> },
		/// `coldkey` unstaked `amount` from `hotkey`; it can be withdrawn from `unlock_at`.
		Unbonding {
			coldkey: T::AccountId,
			hotkey: T::AccountId,
			amount: BalanceOf<T>,
			unlock_at: BlockNumberFor<T>,
		},
		/// `coldkey` withdrew `amount` of unbonded stake from `hotkey` to its free balance.
		Withdrawn { coldkey: T::AccountId, hotkey: T::AccountId, amount: BalanceOf<T> },
		/// `hotkey`'s owner set its take.
		TakeSet { hotkey: T::AccountId, take: Perbill },
		/// Governance set the staking parameters.
		ParametersSet { parameters: ParametersOf<T> },
		/// `amount` was slashed from the stake behind `hotkey` for `reason` and sent to
		/// `destination` (burnt if that account could not receive it).
		Slashed {
			hotkey: T::AccountId,
			amount: BalanceOf<T>,
			reason: synod_primitives::stake::SlashReason,
			destination: synod_primitives::stake::SlashDestination<T::AccountId>,
		},
		/// `amount` was minted as dividends for `hotkey`; its owner kept `take` of it.
		DividendCredited { hotkey: T::AccountId, amount: BalanceOf<T>, take: BalanceOf<T> },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// An amount of 0 was given.
		ZeroAmount,
		/// No coldkey has registered this hotkey.
		HotkeyNotRegistered,
		/// The position would hold less than the minimum stake (and more than nothing).
		BelowMinimumStake,
		/// The coldkey cannot hold this much while keeping its account alive.
		InsufficientBalance,
		/// More is asked than the position's active stake.
		NotEnoughStake,
		/// The position has `MaxUnbondingChunks` chunks already; withdraw or wait.
		TooManyUnbondingChunks,
		/// The hotkey has `MaxStakersPerHotkey` positions behind it already.
		TooManyStakers,
		/// The coldkey has `MaxPositionsPerColdkey` positions already.
		TooManyPositions,
		/// No unbonding chunk of this position is due yet.
		NothingToWithdraw,
		/// The hotkey answers for work in flight (a job it computes or verifies): its stake
		/// stays slashable, so withdrawal waits until that work settles.
		StakeLocked,
		/// The caller does not own the hotkey.
		NotHotkeyOwner,
		/// The take exceeds the maximum take.
		TakeTooHigh,
		/// The take was changed less than `take_raise_cooldown` blocks ago and cannot rise yet.
		TakeRateLimited,
		/// The default take exceeds the maximum take.
		InvalidParameters,
		/// A sum exceeded the balance type.
		Overflow,
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
		/// Places `amount` of the caller's free balance behind `hotkey` as stake.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::add_stake())]
		pub fn add_stake(
			origin: OriginFor<T>,
			hotkey: T::AccountId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			let coldkey = ensure_signed(origin)?;
			ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
			ensure!(T::Hotkeys::owner_of(&hotkey).is_some(), Error::<T>::HotkeyNotRegistered);
			let stake = Stake::<T>::get(&hotkey, &coldkey)
				.checked_add(&amount)
				.ok_or(Error::<T>::Overflow)?;
			ensure!(stake >= Parameters::<T>::get().min_stake, Error::<T>::BelowMinimumStake);
			let hotkey_stake =
				HotkeyStake::<T>::get(&hotkey).checked_add(&amount).ok_or(Error::<T>::Overflow)?;
			let total = TotalStake::<T>::get().checked_add(&amount).ok_or(Error::<T>::Overflow)?;
			Self::open_position(&coldkey, &hotkey)?;
			T::Currency::hold(&HoldReason::Staking.into(), &coldkey, amount)
				.map_err(|_| Error::<T>::InsufficientBalance)?;
			Stake::<T>::insert(&hotkey, &coldkey, stake);
			HotkeyStake::<T>::insert(&hotkey, hotkey_stake);
			TotalStake::<T>::put(total);
			Self::deposit_event(Event::StakeAdded { coldkey, hotkey, amount });
			Ok(())
		}

		/// Unstakes `amount` from the caller's position behind `hotkey`; it unbonds for
		/// `unbonding_period` blocks and is then withdrawn with `withdraw_unbonded`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::remove_stake())]
		pub fn remove_stake(
			origin: OriginFor<T>,
			hotkey: T::AccountId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			let coldkey = ensure_signed(origin)?;
			ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
			let stake = Stake::<T>::get(&hotkey, &coldkey);
			ensure!(amount <= stake, Error::<T>::NotEnoughStake);
			let parameters = Parameters::<T>::get();
			let remaining = stake - amount;
			ensure!(
				remaining.is_zero() || remaining >= parameters.min_stake,
				Error::<T>::BelowMinimumStake
			);
			let unlock_at = frame_system::Pallet::<T>::block_number()
				.saturating_add(parameters.unbonding_period);
			let mut chunks = Unbonding::<T>::get(&hotkey, &coldkey);
			match chunks.last_mut() {
				Some(last) if last.unlock_at == unlock_at => {
					last.amount = last.amount.checked_add(&amount).ok_or(Error::<T>::Overflow)?
				},
				_ => chunks
					.try_push(UnbondingChunk { amount, unlock_at })
					.map_err(|_| Error::<T>::TooManyUnbondingChunks)?,
			}
			let unbonding =
				TotalUnbonding::<T>::get().checked_add(&amount).ok_or(Error::<T>::Overflow)?;
			Unbonding::<T>::insert(&hotkey, &coldkey, chunks);
			Self::set_stake(&hotkey, &coldkey, remaining);
			HotkeyStake::<T>::mutate(&hotkey, |total| *total -= amount);
			TotalStake::<T>::mutate(|total| *total -= amount);
			TotalUnbonding::<T>::put(unbonding);
			Self::remove_zero_hotkey_stake(&hotkey);
			Self::deposit_event(Event::Unbonding { coldkey, hotkey, amount, unlock_at });
			Ok(())
		}

		/// Releases every unbonding chunk of the caller's position behind `hotkey` that has
		/// unlocked, back to its free balance.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::withdraw_unbonded())]
		pub fn withdraw_unbonded(origin: OriginFor<T>, hotkey: T::AccountId) -> DispatchResult {
			let coldkey = ensure_signed(origin)?;
			ensure!(!Self::locked(&hotkey), Error::<T>::StakeLocked);
			let now = frame_system::Pallet::<T>::block_number();
			let chunks = Unbonding::<T>::get(&hotkey, &coldkey);
			let (due, pending): (alloc::vec::Vec<_>, alloc::vec::Vec<_>) =
				chunks.into_iter().partition(|chunk| chunk.unlock_at <= now);
			let amount =
				due.iter().fold(BalanceOf::<T>::zero(), |sum, c| sum.saturating_add(c.amount));
			ensure!(!amount.is_zero(), Error::<T>::NothingToWithdraw);
			T::Currency::release(&HoldReason::Staking.into(), &coldkey, amount, Precision::Exact)?;
			if pending.is_empty() {
				Unbonding::<T>::remove(&hotkey, &coldkey);
			} else {
				// Fewer chunks than were stored, so the bound holds.
				Unbonding::<T>::insert(&hotkey, &coldkey, ChunksOf::<T>::truncate_from(pending));
			}
			TotalUnbonding::<T>::mutate(|total| *total -= amount);
			Self::close_position_if_empty(&coldkey, &hotkey);
			Self::deposit_event(Event::Withdrawn { coldkey, hotkey, amount });
			Ok(())
		}

		/// Sets the share of `hotkey`'s dividends its owner keeps. Signed by the owner.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::set_take())]
		pub fn set_take(
			origin: OriginFor<T>,
			hotkey: T::AccountId,
			take: Perbill,
		) -> DispatchResult {
			let coldkey = ensure_signed(origin)?;
			let owner = T::Hotkeys::owner_of(&hotkey).ok_or(Error::<T>::HotkeyNotRegistered)?;
			ensure!(owner == coldkey, Error::<T>::NotHotkeyOwner);
			let parameters = Parameters::<T>::get();
			ensure!(take <= parameters.max_take, Error::<T>::TakeTooHigh);
			let now = frame_system::Pallet::<T>::block_number();
			if let Some(record) = Takes::<T>::get(&hotkey) {
				let raising = take > record.take;
				let ready_at = record.set_at.saturating_add(parameters.take_raise_cooldown);
				ensure!(!raising || now >= ready_at, Error::<T>::TakeRateLimited);
			}
			Takes::<T>::insert(&hotkey, TakeRecord { take, set_at: now });
			Self::deposit_event(Event::TakeSet { hotkey, take });
			Ok(())
		}

		/// Replaces the staking parameters. Governance only. A lower `max_take` caps existing
		/// takes at once; a new unbonding period applies to chunks created from now on.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::set_parameters())]
		pub fn set_parameters(origin: OriginFor<T>, parameters: ParametersOf<T>) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			ensure!(parameters.is_valid(), Error::<T>::InvalidParameters);
			Parameters::<T>::put(&parameters);
			Self::deposit_event(Event::ParametersSet { parameters });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// Records a new position of `coldkey` behind `hotkey`, within both bounds; nothing if
		/// it exists.
		pub(crate) fn open_position(
			coldkey: &T::AccountId,
			hotkey: &T::AccountId,
		) -> DispatchResult {
			if Positions::<T>::contains_key(coldkey, hotkey) {
				return Ok(());
			}
			let stakers = StakerCount::<T>::get(hotkey);
			ensure!(stakers < T::MaxStakersPerHotkey::get(), Error::<T>::TooManyStakers);
			let positions = PositionCount::<T>::get(coldkey);
			ensure!(positions < T::MaxPositionsPerColdkey::get(), Error::<T>::TooManyPositions);
			Positions::<T>::insert(coldkey, hotkey, ());
			StakerCount::<T>::insert(hotkey, stakers + 1);
			PositionCount::<T>::insert(coldkey, positions + 1);
			Ok(())
		}

		/// Forgets a position that holds neither active stake nor unbonding chunks.
		pub(crate) fn close_position_if_empty(coldkey: &T::AccountId, hotkey: &T::AccountId) {
			let empty = !Stake::<T>::contains_key(hotkey, coldkey)
				&& !Unbonding::<T>::contains_key(hotkey, coldkey);
			if empty && Positions::<T>::take(coldkey, hotkey).is_some() {
				StakerCount::<T>::mutate_exists(hotkey, |count| {
					*count = count.and_then(|c| c.checked_sub(1)).filter(|c| *c > 0)
				});
				PositionCount::<T>::mutate_exists(coldkey, |count| {
					*count = count.and_then(|c| c.checked_sub(1)).filter(|c| *c > 0)
				});
			}
		}

		/// Stores a position's active stake, removing the entry at zero.
		pub(crate) fn set_stake(
			hotkey: &T::AccountId,
			coldkey: &T::AccountId,
			amount: BalanceOf<T>,
		) {
			if amount.is_zero() {
				Stake::<T>::remove(hotkey, coldkey);
			} else {
				Stake::<T>::insert(hotkey, coldkey, amount);
			}
		}

		pub(crate) fn remove_zero_hotkey_stake(hotkey: &T::AccountId) {
			if HotkeyStake::<T>::get(hotkey).is_zero() {
				HotkeyStake::<T>::remove(hotkey);
			}
		}

		/// The take of `hotkey`: what its owner set, capped by today's maximum, or the default.
		pub fn take_of(hotkey: &T::AccountId) -> Perbill {
			let parameters = Parameters::<T>::get();
			Takes::<T>::get(hotkey)
				.map(|record| record.take)
				.unwrap_or(parameters.default_take)
				.min(parameters.max_take)
		}

		/// The staking parameters in force, for the runtime API.
		pub fn parameters() -> StakingParameters<BalanceOf<T>, BlockNumberFor<T>> {
			Parameters::<T>::get()
		}

		/// Every position of `coldkey`, with its unbonding chunks, for the runtime API.
		pub fn positions(
			coldkey: &T::AccountId,
		) -> alloc::vec::Vec<StakePosition<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>> {
			Positions::<T>::iter_key_prefix(coldkey)
				.map(|hotkey| StakePosition {
					stake: Stake::<T>::get(&hotkey, coldkey),
					unbonding: Unbonding::<T>::get(&hotkey, coldkey).into_inner(),
					hotkey,
				})
				.collect()
		}
	}
}

impl<T: Config> synod_primitives::stake::StakeInfo<T::AccountId, BalanceOf<T>> for Pallet<T> {
	fn hotkey_stake(hotkey: &T::AccountId) -> BalanceOf<T> {
		HotkeyStake::<T>::get(hotkey)
	}

	fn stake(coldkey: &T::AccountId, hotkey: &T::AccountId) -> BalanceOf<T> {
		Stake::<T>::get(hotkey, coldkey)
	}
}
