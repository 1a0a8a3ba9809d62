//! Benchmarks for `pallet_synod_staking`, each at its worst case.

use super::*;
use crate::pallet::*;
use frame_benchmarking::v2::*;
use frame_support::traits::{fungible::Mutate, EnsureOrigin, Get};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_runtime::{traits::Saturating, Perbill};
use synod_primitives::stake::{
	DividendCredit, SlashAmount, SlashDestination, SlashReason, StakeSlash,
};

fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	// About 1.8e19 units: far more than any benchmark stakes, far from overflowing issuance.
	T::Currency::set_balance(&who, BalanceOf::<T>::from(u32::MAX) * BalanceOf::<T>::from(u32::MAX));
	who
}

fn hotkey<T: Config>() -> (T::AccountId, T::AccountId) {
	let owner = funded::<T>("owner", 0);
	let hotkey: T::AccountId = account("hotkey", 0, 0);
	T::BenchmarkHelper::register_hotkey(&hotkey, &owner);
	(hotkey, owner)
}

fn amount<T: Config>() -> BalanceOf<T> {
	Parameters::<T>::get().min_stake.max(1u32.into()).saturating_mul(1_000u32.into())
}

/// A few stakers behind `hotkey` with active stake and unbonding claims, so that both pools
/// hold something: slashes and dividends cost the same for any number of them.
fn stakers<T: Config>(hotkey: &T::AccountId) {
	for i in 0..4 {
		let coldkey = funded::<T>("staker", i);
		Pallet::<T>::add_stake(
			RawOrigin::Signed(coldkey.clone()).into(),
			hotkey.clone(),
			amount::<T>() * 2u32.into(),
		)
		.expect("room for the staker");
		Pallet::<T>::remove_stake(RawOrigin::Signed(coldkey).into(), hotkey.clone(), 1u32.into())
			.expect("room for the claim");
	}
}

/// A position of `coldkey` behind `hotkey` with `claims` unbonding claims, one a block.
fn claims<T: Config>(coldkey: &T::AccountId, hotkey: &T::AccountId, claims: u32) {
	for block in 0..claims {
		frame_system::Pallet::<T>::set_block_number((block + 1).into());
		Pallet::<T>::remove_stake(
			RawOrigin::Signed(coldkey.clone()).into(),
			hotkey.clone(),
			1u32.into(),
		)
		.expect("room for the claim");
	}
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn add_stake() {
		// A pool with stakers already, and the coldkey's first position (its consumer
		// reference): the most work a stake does.
		let (hotkey, _) = hotkey::<T>();
		stakers::<T>(&hotkey);
		let coldkey = funded::<T>("coldkey", 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(coldkey.clone()), hotkey.clone(), amount::<T>());

		assert_eq!(Pallet::<T>::stake_of(&coldkey, &hotkey), amount::<T>());
	}

	#[benchmark]
	fn remove_stake() {
		let (hotkey, _) = hotkey::<T>();
		let coldkey = funded::<T>("coldkey", 0);
		Pallet::<T>::add_stake(
			RawOrigin::Signed(coldkey.clone()).into(),
			hotkey.clone(),
			amount::<T>() * 2u32.into(),
		)
		.expect("staked");
		// A queue one short of full: the longest one a new claim is pushed onto.
		claims::<T>(&coldkey, &hotkey, T::MaxUnbondingChunks::get() - 1);
		let left = Pallet::<T>::stake_of(&coldkey, &hotkey);
		frame_system::Pallet::<T>::set_block_number(T::MaxUnbondingChunks::get().into());

		#[extrinsic_call]
		_(RawOrigin::Signed(coldkey.clone()), hotkey.clone(), amount::<T>());

		assert_eq!(Pallet::<T>::stake_of(&coldkey, &hotkey), left - amount::<T>());
	}

	#[benchmark]
	fn withdraw_unbonded() {
		let (hotkey, _) = hotkey::<T>();
		let coldkey = funded::<T>("coldkey", 0);
		Pallet::<T>::add_stake(
			RawOrigin::Signed(coldkey.clone()).into(),
			hotkey.clone(),
			amount::<T>(),
		)
		.expect("staked");
		// A full queue, all due, and the position closes with the hotkey's pools: the most
		// work withdrawal does.
		let chunks = T::MaxUnbondingChunks::get();
		claims::<T>(&coldkey, &hotkey, chunks - 1);
		frame_system::Pallet::<T>::set_block_number(chunks.into());
		let rest = Pallet::<T>::stake_of(&coldkey, &hotkey);
		Pallet::<T>::remove_stake(RawOrigin::Signed(coldkey.clone()).into(), hotkey.clone(), rest)
			.expect("room for the last claim");
		let later = frame_system::Pallet::<T>::block_number()
			.saturating_add(Parameters::<T>::get().unbonding_period);
		frame_system::Pallet::<T>::set_block_number(later);

		#[extrinsic_call]
		_(RawOrigin::Signed(coldkey.clone()), hotkey.clone());

		assert!(!Positions::<T>::contains_key(&coldkey, &hotkey));
		assert!(!Pools::<T>::contains_key(&hotkey));
	}

	#[benchmark]
	fn set_take() {
		let (hotkey, owner) = hotkey::<T>();
		let take = Parameters::<T>::get().max_take;
		// An earlier take, long enough ago that raising it is allowed, so the check runs.
		Pallet::<T>::set_take(
			RawOrigin::Signed(owner.clone()).into(),
			hotkey.clone(),
			Perbill::zero(),
		)
		.expect("owner sets a take");
		let cooldown: BlockNumberFor<T> = Parameters::<T>::get().take_raise_cooldown;
		let now = frame_system::Pallet::<T>::block_number();
		frame_system::Pallet::<T>::set_block_number(now.saturating_add(cooldown));

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), hotkey.clone(), take);

		assert_eq!(Pallet::<T>::take_of(&hotkey), take);
	}

	#[benchmark]
	fn set_parameters() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let parameters = Parameters::<T>::get();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, parameters.clone());

		assert_eq!(Parameters::<T>::get(), parameters);
		Ok(())
	}

	#[benchmark]
	fn slash_hotkey() {
		let (hotkey, _) = hotkey::<T>();
		stakers::<T>(&hotkey);
		let receiver = funded::<T>("receiver", 0);

		#[block]
		{
			Pallet::<T>::slash(
				&hotkey,
				SlashAmount::Fraction(Perbill::from_percent(33)),
				SlashReason::Governance,
				SlashDestination::Account(receiver),
			)
			.expect("slashable");
		}
	}

	#[benchmark]
	fn credit_dividend() {
		// The owner has no position yet, so its take opens one.
		let (hotkey, owner) = hotkey::<T>();
		stakers::<T>(&hotkey);

		#[block]
		{
			Pallet::<T>::credit_dividend(&hotkey, amount::<T>()).expect("credited");
		}

		assert!(Positions::<T>::contains_key(&owner, &hotkey));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
