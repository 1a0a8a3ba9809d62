//! Benchmarks for `pallet_subnets`, each at its worst case.

use super::*;
use crate::pallet::{Hyperparameters, NeuronCount, Ownership as SubnetsMap};
use alloc::vec;
use frame_benchmarking::v2::*;
use frame_support::traits::{fungible::Mutate, EnsureOrigin, Get};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_runtime::Saturating;

fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	// About 1.8e19 units: more than any registration cost or deposit, yet far from overflowing
	// the total issuance when many accounts hold it.
	let plenty = BalanceOf::<T>::from(u32::MAX) * BalanceOf::<T>::from(u32::MAX);
	T::Currency::set_balance(&who, plenty);
	who
}

/// A subnet owned by a funded account, with `max_uids` raised to `max_uids`.
fn subnet_with_room<T: Config>(max_uids: u16) -> (NetUid, T::AccountId) {
	let owner = funded::<T>("owner", 0);
	// With a deposit, so that dissolving it releases a hold as the worst case does.
	SubnetDeposit::<T>::put(BalanceOf::<T>::from(1_000u32));
	let netuid = NextNetuid::<T>::get();
	Pallet::<T>::create_subnet(RawOrigin::Signed(owner.clone()).into()).expect("room for a subnet");
	Hyperparameters::<T>::mutate(netuid, |hp| {
		let hp = hp.as_mut().expect("just created");
		hp.max_uids = max_uids;
		hp.max_validators = max_uids.min(hp.max_validators).max(1);
		hp.registration_allowed = true;
	});
	(netuid, owner)
}

fn fill<T: Config>(netuid: NetUid, n: u16) {
	for i in 0..n as u32 {
		let coldkey = funded::<T>("coldkey", i);
		let hotkey: T::AccountId = account("hotkey", i, 0);
		Pallet::<T>::register(RawOrigin::Signed(coldkey).into(), netuid, hotkey)
			.expect("room for the neuron");
	}
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create_subnet() {
		let caller = funded::<T>("caller", 0);
		SubnetDeposit::<T>::put(BalanceOf::<T>::from(1_000u32));

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()));

		assert_eq!(SubnetsMap::<T>::count(), 1);
	}

	#[benchmark]
	fn force_create_subnet() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let owner: T::AccountId = account("owner", 0, 0);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, owner);

		assert_eq!(SubnetsMap::<T>::count(), 1);
		Ok(())
	}

	#[benchmark]
	fn set_hyperparameters() {
		let (netuid, owner) = subnet_with_room::<T>(1);
		let mut hyperparameters = DefaultHyperparameters::<T>::get().expect("genesis sets it");
		hyperparameters.tempo = hyperparameters.tempo.saturating_add(1);

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), netuid, hyperparameters.clone());

		assert_eq!(Hyperparameters::<T>::get(netuid), Some(hyperparameters));
	}

	#[benchmark]
	fn set_hyperparameter_bounds() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let bounds = Bounds::<T>::get().expect("genesis sets it");

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, bounds.clone());

		assert_eq!(Bounds::<T>::get(), Some(bounds));
		Ok(())
	}

	#[benchmark]
	fn set_default_hyperparameters() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let hyperparameters = DefaultHyperparameters::<T>::get().expect("genesis sets it");

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, hyperparameters.clone());

		assert_eq!(DefaultHyperparameters::<T>::get(), Some(hyperparameters));
		Ok(())
	}

	#[benchmark]
	fn set_subnet_deposit() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let deposit = BalanceOf::<T>::from(7u32);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, deposit);

		assert_eq!(SubnetDeposit::<T>::get(), deposit);
		Ok(())
	}

	#[benchmark]
	fn dissolve_subnet(
		n: Linear<0, { T::MaxUidsLimit::get() as u32 }>,
	) -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let (netuid, _) = subnet_with_room::<T>(T::MaxUidsLimit::get());
		fill::<T>(netuid, n as u16);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, netuid);

		assert_eq!(SubnetsMap::<T>::count(), 0);
		Ok(())
	}

	#[benchmark]
	fn register_appending() {
		let (netuid, _) = subnet_with_room::<T>(T::MaxUidsLimit::get());
		let coldkey = funded::<T>("new", 0);
		let hotkey: T::AccountId = account("new-hotkey", 0, 0);

		#[extrinsic_call]
		register(RawOrigin::Signed(coldkey), netuid, hotkey.clone());

		assert_eq!(Uids::<T>::get(netuid, &hotkey), Some(0));
	}

	#[benchmark]
	fn register_replacing(n: Linear<1, { T::MaxUidsLimit::get() as u32 }>) {
		let (netuid, _) = subnet_with_room::<T>(n as u16);
		fill::<T>(netuid, n as u16);
		// Past everyone's immunity, so that every uid is a candidate and all are compared.
		let immunity: BlockNumberFor<T> =
			Hyperparameters::<T>::get(netuid).expect("exists").immunity_period.into();
		let now = frame_system::Pallet::<T>::block_number();
		frame_system::Pallet::<T>::set_block_number(
			now.saturating_add(immunity).saturating_add(1u32.into()),
		);
		let coldkey = funded::<T>("new", 0);
		let hotkey: T::AccountId = account("new-hotkey", 0, 0);

		#[extrinsic_call]
		register(RawOrigin::Signed(coldkey), netuid, hotkey.clone());

		assert_eq!(NeuronCount::<T>::get(netuid), n as u16);
		assert!(Uids::<T>::contains_key(netuid, &hotkey));
	}

	#[benchmark]
	fn serve_endpoint() {
		let (netuid, _) = subnet_with_room::<T>(1);
		fill::<T>(netuid, 1);
		let hotkey: T::AccountId = account("hotkey", 0, 0);
		let url = vec![b'a'; synod_primitives::endpoint::MAX_URL_LEN as usize - 8];
		let endpoint =
			Endpoint::Url([b"https://".to_vec(), url].concat().try_into().expect("fits"));
		// A previous endpoint, so that the rate limit is read and checked.
		Pallet::<T>::serve_endpoint(
			RawOrigin::Signed(hotkey.clone()).into(),
			netuid,
			Endpoint::Ipv4 { ip: [10, 0, 0, 1], port: 1 },
		)
		.expect("first endpoint");
		let limit: BlockNumberFor<T> =
			Hyperparameters::<T>::get(netuid).expect("exists").serving_rate_limit.into();
		let now = frame_system::Pallet::<T>::block_number();
		frame_system::Pallet::<T>::set_block_number(now.saturating_add(limit));

		#[extrinsic_call]
		_(RawOrigin::Signed(hotkey), netuid, endpoint.clone());

		assert_eq!(Endpoints::<T>::get(netuid, 0).map(|served| served.endpoint), Some(endpoint));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
