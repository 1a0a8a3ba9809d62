//! # Staking pallet
//!
//! The money behind Synod's metagraphs: which coldkey stakes how much behind which hotkey.
//! Yuma weighs validators by it, jobs pick and slash miners by it, colearn weighs votes by it;
//! they reach it only through the traits of [`synod_primitives::stake`].
//!
//! ## Model
//! - **Stake sits in one pot.** `add_stake` moves the amount from the coldkey's free balance
//!   to the pallet's account ([`Config::PalletId`]), where it is held with
//!   [`HoldReason::Staking`]; the pot holds exactly the active and unbonding stake of
//!   everyone ([`TotalStake`] + [`TotalUnbonding`]) beside its own existential deposit.
//! - **Shares, not balances** (`pools.rs`). Each hotkey has a pool of active stake and a pool
//!   of unbonding stake ([`Pools`]). A **position** is one (coldkey, hotkey) pair: its shares
//!   of the active pool ([`StakeShares`]) and its unbonding claims, points of the unbonding
//!   pool ([`UnbondingClaims`]). A position is worth its part of each pool, rounded down.
//!   A slash or a dividend changes a pool's value alone, so both cost the same whatever the
//!   number of stakers; that is why the pools exist. A hotkey's stake is its active pool's
//!   value and counts on every subnet where the hotkey is registered. Only a hotkey that
//!   some coldkey has registered ([`Config::Hotkeys`]) can be staked on.
//! - **Unbonding.** `remove_stake` turns an amount of active stake into a claim on the
//!   unbonding pool that unlocks `unbonding_period` blocks later (at most
//!   [`Config::MaxUnbondingChunks`] claims per position; claims unlocking in the same block
//!   merge). Until withdrawn it stays slashable, so leaving does not dodge a pending slash.
//!   A hotkey that answers for work in flight carries stake locks (`locks.rs`, the
//!   `StakeLock` trait): while it has any, its stakers may start unbonding but not withdraw.
//!   `withdraw_unbonded` pays out the due claims of one position.
//! - **Take.** The hotkey's owner sets the share of dividends it keeps, up to `max_take`.
//!   Lowering is immediate; raising needs `take_raise_cooldown` blocks since the last change,
//!   so stakers can leave before a higher take applies.
//! - **Slashing** ([`StakeSlash`]) takes from both pools of a hotkey pro rata to their
//!   values, so every staker loses the same fraction of what it has at stake, active and
//!   unbonding. The total taken is exact; the funds are burnt or paid to an account the
//!   caller names. A slash of everything ends the pools' era (`pools.rs`): the positions
//!   are then worth nothing, and `withdraw_unbonded` clears them. It also clears a holding
//!   that slashes and later, cheaper shares left worth less than one unit, which
//!   `remove_stake` cannot take out.
//! - **Dividends** ([`DividendCredit`]) mint an amount for a hotkey: the owner's take first,
//!   as shares bought at the new price, the rest added to the active pool's value, which
//!   every staker's shares gain from. A hotkey nobody stakes behind pays its owner.
//!
//! ## Calls
//! - [`add_stake`](Pallet::add_stake), [`remove_stake`](Pallet::remove_stake),
//!   [`withdraw_unbonded`](Pallet::withdraw_unbonded): a coldkey's stake behind a hotkey.
//! - [`set_take`](Pallet::set_take): the hotkey's owner sets its take.
//! - [`set_parameters`](Pallet::set_parameters): governance sets the [`StakingParameters`].
//!
//! ## Bounds
//! A hotkey has at most [`Config::MaxStakersPerHotkey`] positions behind it, and a coldkey at
//! most [`Config::MaxPositionsPerColdkey`], so that what lists them (the runtime API and
//! `try_state`) stays bounded; no call or hook visits the stakers of a hotkey.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod dividends;
mod invariants;
mod locks;
#[cfg(test)]
mod mock;
pub mod pools;
mod positions;
mod slashing;
#[cfg(test)]
mod tests;
pub mod weights;

pub use pallet::*;
pub use pallet_synod_staking_runtime_api::{StakePosition, StakingParameters, UnbondingChunk};
pub use pools::{HotkeyPools, Pool, Shares, UnbondingClaim};
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
			tokens::{Fortitude, Precision, Preservation, Restriction},
		},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::{
		traits::{CheckedAdd, Saturating, Zero},
		Perbill,
	};
	use synod_primitives::subnet::HotkeyOwnership;

	/// Version 2: stake as shares of per-hotkey pools in one pot (version 1 held each
	/// coldkey's stake on its own account). No network runs version 1, so there is no
	/// migration; a chain starts from a genesis of this version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

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

		/// Names the pot: the account that holds all stake.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// The most unbonding claims one position may have.
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
		/// Stake, active or unbonding, held on the pot.
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
	pub(crate) type ClaimOf<T> = UnbondingClaim<BalanceOf<T>, BlockNumberFor<T>>;
	pub(crate) type ClaimsOf<T> = BoundedVec<ClaimOf<T>, <T as Config>::MaxUnbondingChunks>;

	/// The staking parameters.
	#[pallet::storage]
	pub type Parameters<T: Config> = StorageValue<_, ParametersOf<T>, ValueQuery>;

	/// Each hotkey's active and unbonding pools; present exactly while some position stands
	/// behind the hotkey (so that an era outlives the positions it voids).
	#[pallet::storage]
	pub type Pools<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, HotkeyPools<BalanceOf<T>>, ValueQuery>;

	/// Shares of the active pool per (hotkey, coldkey); hotkey first so that a hotkey's
	/// stakers are one prefix. Never zero shares; an entry of an earlier era is worth nothing.
	#[pallet::storage]
	pub type StakeShares<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		Shares<BalanceOf<T>>,
		OptionQuery,
	>;

	/// Unbonding claims per (hotkey, coldkey), oldest first, with the unbonding pool's era
	/// they belong to. Never empty; claims of an earlier era are worth nothing.
	#[pallet::storage]
	pub type UnbondingClaims<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		(u32, ClaimsOf<T>),
		OptionQuery,
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

	/// How many positions each coldkey has; a coldkey with any has one consumer reference,
	/// so that its account outlives its stake.
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

	/// All active stake: the sum of the active pools' values.
	#[pallet::storage]
	pub type TotalStake<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	/// All unbonding stake: the sum of the unbonding pools' values.
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
			// The pot's own existential deposit keeps it alive however far slashes take the
			// stake it holds.
			let pot = Pallet::<T>::pot();
			let minimum = T::Currency::minimum_balance();
			if T::Currency::balance(&pot) < minimum {
				T::Currency::mint_into(&pot, minimum).expect("the pot can be created");
			}
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
		/// `coldkey` withdrew `amount` of unbonded stake from `hotkey` to its free balance
		/// (zero when it only cleared a position that a slash of everything had voided).
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
		/// The coldkey cannot move this much while keeping its account alive.
		InsufficientBalance,
		/// More is asked than the position's active stake is worth.
		NotEnoughStake,
		/// The position has `MaxUnbondingChunks` claims already; withdraw or wait.
		TooManyUnbondingChunks,
		/// The hotkey has `MaxStakersPerHotkey` positions behind it already.
		TooManyStakers,
		/// The coldkey has `MaxPositionsPerColdkey` positions already.
		TooManyPositions,
		/// No unbonding claim of this position is due yet, and nothing was voided.
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
		/// A sum, or a number of shares, exceeded the balance type.
		Overflow,
		/// The amount buys no share of the hotkey's pool: each share is worth more.
		AmountBuysNoShare,
		/// Rounding to whole shares would cost the stake more than a millionth of the amount
		/// (and more than one unit): the hotkey's shares are each worth too much for it.
		DepositRoundsAway,
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
		/// Places `amount` of the caller's free balance behind `hotkey` as stake: it buys
		/// shares of the hotkey's active pool at the pool's price, rounded down.
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
			let mut pools = Pools::<T>::get(&hotkey);
			let held = Self::live_shares(&hotkey, &coldkey, &pools.active);
			let bought = pools.active.shares_for(amount).ok_or(Error::<T>::Overflow)?;
			ensure!(!bought.is_zero(), Error::<T>::AmountBuysNoShare);
			pools.active.deposit(amount, bought).ok_or(Error::<T>::Overflow)?;
			// The part of the amount that rounding gives to the pool must stay negligible, or
			// a pool with few and costly shares takes a newcomer's deposit.
			let worth = pools.active.value_of(bought);
			let tolerance = amount / 1_000_000u32.into() + 1u32.into();
			ensure!(amount.saturating_sub(worth) <= tolerance, Error::<T>::DepositRoundsAway);
			let shares = held.checked_add(&bought).ok_or(Error::<T>::Overflow)?;
			let min_stake = Parameters::<T>::get().min_stake;
			ensure!(pools.active.value_of(shares) >= min_stake, Error::<T>::BelowMinimumStake);
			let total = TotalStake::<T>::get().checked_add(&amount).ok_or(Error::<T>::Overflow)?;
			Self::open_position(&coldkey, &hotkey)?;
			T::Currency::transfer_and_hold(
				&HoldReason::Staking.into(),
				&coldkey,
				&Self::pot(),
				amount,
				Precision::Exact,
				Preservation::Preserve,
				Fortitude::Polite,
			)
			.map_err(|_| Error::<T>::InsufficientBalance)?;
			StakeShares::<T>::insert(&hotkey, &coldkey, Shares { shares, era: pools.active.era });
			Pools::<T>::insert(&hotkey, pools);
			TotalStake::<T>::put(total);
			Self::deposit_event(Event::StakeAdded { coldkey, hotkey, amount });
			Ok(())
		}

		/// Unstakes `amount` of the caller's active stake behind `hotkey` (all of it when
		/// what would stay is worth less than one share); it unbonds for `unbonding_period`
		/// blocks and is then withdrawn with `withdraw_unbonded`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::remove_stake())]
		pub fn remove_stake(
			origin: OriginFor<T>,
			hotkey: T::AccountId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			let coldkey = ensure_signed(origin)?;
			ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
			let mut pools = Pools::<T>::get(&hotkey);
			let held = Self::live_shares(&hotkey, &coldkey, &pools.active);
			let worth = pools.active.value_of(held);
			ensure!(amount <= worth, Error::<T>::NotEnoughStake);
			let burnt = pools.active.shares_to_take(amount, held);
			let moved = if burnt == held { worth } else { amount };
			pools.active.withdraw(moved, burnt);
			let left = held - burnt;
			let parameters = Parameters::<T>::get();
			ensure!(
				left.is_zero() || pools.active.value_of(left) >= parameters.min_stake,
				Error::<T>::BelowMinimumStake
			);
			let unlock_at = frame_system::Pallet::<T>::block_number()
				.saturating_add(parameters.unbonding_period);
			let mut claims = Self::live_claims(&hotkey, &coldkey, &pools.unbonding);
			// The unbonding pool's price never rises above one unit a point, so `moved`
			// buys at least `moved` points.
			let points = pools.unbonding.shares_for(moved).ok_or(Error::<T>::Overflow)?;
			ensure!(!points.is_zero(), Error::<T>::AmountBuysNoShare);
			pools.unbonding.deposit(moved, points).ok_or(Error::<T>::Overflow)?;
			match claims.last_mut() {
				Some(last) if last.unlock_at == unlock_at => {
					last.points = last.points.checked_add(&points).ok_or(Error::<T>::Overflow)?
				},
				_ => claims
					.try_push(UnbondingClaim { points, unlock_at })
					.map_err(|_| Error::<T>::TooManyUnbondingChunks)?,
			}
			let unbonding =
				TotalUnbonding::<T>::get().checked_add(&moved).ok_or(Error::<T>::Overflow)?;
			UnbondingClaims::<T>::insert(&hotkey, &coldkey, (pools.unbonding.era, claims));
			Self::set_shares(&hotkey, &coldkey, left, pools.active.era);
			Pools::<T>::insert(&hotkey, pools);
			TotalStake::<T>::mutate(|total| *total = total.saturating_sub(moved));
			TotalUnbonding::<T>::put(unbonding);
			Self::deposit_event(Event::Unbonding { coldkey, hotkey, amount: moved, unlock_at });
			Ok(())
		}

		/// Pays every unbonding claim of the caller's position behind `hotkey` that has
		/// unlocked into its free balance, and clears what a slash of everything voided and
		/// active shares worth less than a unit.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::withdraw_unbonded())]
		pub fn withdraw_unbonded(origin: OriginFor<T>, hotkey: T::AccountId) -> DispatchResult {
			let coldkey = ensure_signed(origin)?;
			ensure!(!Self::locked(&hotkey), Error::<T>::StakeLocked);
			let now = frame_system::Pallet::<T>::block_number();
			let mut pools = Pools::<T>::get(&hotkey);
			let mut voided = false;
			let (due, pending) = match UnbondingClaims::<T>::get(&hotkey, &coldkey) {
				Some((era, claims)) if era == pools.unbonding.era => {
					let (due, pending): (alloc::vec::Vec<_>, alloc::vec::Vec<_>) =
						claims.into_iter().partition(|claim| claim.unlock_at <= now);
					let points =
						due.iter().fold(Zero::zero(), |sum: BalanceOf<T>, c| sum + c.points);
					(points, pending)
				},
				Some(_) => {
					voided = true;
					(Zero::zero(), alloc::vec::Vec::new())
				},
				None => (Zero::zero(), alloc::vec::Vec::new()),
			};
			match StakeShares::<T>::get(&hotkey, &coldkey) {
				Some(held) if held.era != pools.active.era => {
					voided = true;
					StakeShares::<T>::remove(&hotkey, &coldkey);
				},
				// Slashes and later, cheaper shares can leave a holding worth less than a
				// unit: `remove_stake` cannot take it out, so without this the position
				// would hold its slots for good. Its fraction of a unit stays with the other
				// holders (it is not all of the shares, or it would be worth the whole pool).
				Some(held) if pools.active.value_of(held.shares).is_zero() => {
					voided = true;
					pools.active.shares = pools.active.shares.saturating_sub(held.shares);
					StakeShares::<T>::remove(&hotkey, &coldkey);
				},
				_ => {},
			}
			ensure!(!due.is_zero() || voided, Error::<T>::NothingToWithdraw);
			let amount = pools.unbonding.value_of(due);
			pools.unbonding.withdraw(amount, due);
			if !amount.is_zero() {
				T::Currency::transfer_on_hold(
					&HoldReason::Staking.into(),
					&Self::pot(),
					&coldkey,
					amount,
					Precision::Exact,
					Restriction::Free,
					Fortitude::Polite,
				)?;
			}
			if pending.is_empty() {
				UnbondingClaims::<T>::remove(&hotkey, &coldkey);
			} else {
				// Fewer claims than were stored, so the bound holds.
				let claims = ClaimsOf::<T>::truncate_from(pending);
				UnbondingClaims::<T>::insert(&hotkey, &coldkey, (pools.unbonding.era, claims));
			}
			Pools::<T>::insert(&hotkey, pools);
			TotalUnbonding::<T>::mutate(|total| *total = total.saturating_sub(amount));
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
		/// takes at once; a new unbonding period applies to claims created from now on.
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
}
