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

/// `n` stakers behind `hotkey`, each with an active stake and a full unbonding queue.
fn stakers<T: Config>(hotkey: &T::AccountId, n: u32) {
	let chunks = T::MaxUnbondingChunks::get();
	for i in 0..n {
		let coldkey = funded::<T>("staker", i);
		Pallet::<T>::add_stake(
			RawOrigin::Signed(coldkey.clone()).into(),
			hotkey.clone(),
			amount::<T>() * 2u32.into(),
		)
		.expect("room for the staker");
		for block in 0..chunks {
			frame_system::Pallet::<T>::set_block_number((block + 1).into());
			Pallet::<T>::remove_stake(
				RawOrigin::Signed(coldkey.clone()).into(),
				hotkey.clone(),
				1u32.into(),
			)
			.expect("room for the chunk");
		}
	}
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn add_stake() {
		let (hotkey, _) = hotkey::<T>();
		let coldkey = funded::<T>("coldkey", 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(coldkey.clone()), hotkey.clone(), amount::<T>());

		assert_eq!(Stake::<T>::get(&hotkey, &coldkey), amount::<T>());
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

		#[extrinsic_call]
		_(RawOrigin::Signed(coldkey.clone()), hotkey.clone(), amount::<T>());

		assert_eq!(Stake::<T>::get(&hotkey, &coldkey), amount::<T>());
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
		// A full queue, all due, and the position closes: the most work withdrawal does.
		let chunks = T::MaxUnbondingChunks::get();
		for block in 0..chunks {
			frame_system::Pallet::<T>::set_block_number((block + 1).into());
			let part =
				if block + 1 == chunks { Stake::<T>::get(&hotkey, &coldkey) } else { 1u32.into() };
			Pallet::<T>::remove_stake(
				RawOrigin::Signed(coldkey.clone()).into(),
				hotkey.clone(),
				part,
			)
			.expect("room for the chunk");
		}
		let later = frame_system::Pallet::<T>::block_number()
			.saturating_add(Parameters::<T>::get().unbonding_period);
		frame_system::Pallet::<T>::set_block_number(later);

		#[extrinsic_call]
		_(RawOrigin::Signed(coldkey.clone()), hotkey.clone());

		assert!(!Positions::<T>::contains_key(&coldkey, &hotkey));
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
	fn slash_hotkey(n: Linear<1, { T::MaxStakersPerHotkey::get() }>) {
		let (hotkey, _) = hotkey::<T>();
		stakers::<T>(&hotkey, n);
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
	fn credit_dividend(n: Linear<1, { T::MaxStakersPerHotkey::get() }>) {
		let (hotkey, _) = hotkey::<T>();
		stakers::<T>(&hotkey, n);

		#[block]
		{
			Pallet::<T>::credit_dividend(&hotkey, amount::<T>()).expect("credited");
		}
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
