//! Benchmarks for `pallet_yuma`, each at its worst case. The epoch is measured on Yuma 3 with
//! liquid alpha, the slowest bond model, by neurons `n` and weight entries `e`.

use super::*;
use crate::pallet::*;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::traits::{EnsureOrigin, Get};
use frame_system::RawOrigin;
use sp_runtime::{
	traits::{Bounded, Hash, Zero},
	BoundedVec,
};
use synod_primitives::{
	hooks::{OnNeuronReplaced, OnSubnetDissolved},
	subnet::SubnetRegistry,
};

/// The most validators a subnet's epoch weighs with: subtensor's default permit count.
const VALIDATORS: u32 = 64;

fn max_uids<T: Config>() -> u32 {
	T::MaxUids::get()
}

/// Gives the first `validators` uids a permit and a fresh update, so the epoch counts them.
fn permits<T: Config>(netuid: NetUid, validators: u32) {
	let now = frame_system::Pallet::<T>::block_number();
	for uid in 0..validators as Uid {
		NeuronOutputs::<T>::insert(
			netuid,
			uid,
			NeuronEpochOutput { validator_permit: true, ..Default::default() },
		);
		LastUpdate::<T>::insert(netuid, uid, now);
	}
}

/// `entries` weights spread over validators' rows of at most `n` each, pseudo-random values.
fn fill_weights<T: Config>(netuid: NetUid, n: u32, entries: u32) -> u32 {
	let validators = entries.div_ceil(n.max(1)).min(VALIDATORS).min(n);
	permits::<T>(netuid, validators);
	let mut left = entries;
	for uid in 0..validators as Uid {
		let count = left.min(n);
		left -= count;
		let row: Vec<(Uid, u16)> =
			(0..count as Uid).map(|j| (j, 1 + (j.wrapping_mul(7919) ^ uid) % 65_000)).collect();
		Pallet::<T>::store_weights(netuid, uid, row.clone().try_into().expect("n within MaxUids"));
		Bonds::<T>::insert(netuid, uid, WeightRow::<T>::try_from(row).expect("n within MaxUids"));
	}
	validators
}

fn full_commits<T: Config>(netuid: NetUid, hotkey: &T::AccountId, keep_free: u32) {
	let now = frame_system::Pallet::<T>::block_number();
	let commits: Vec<CommitOf<T>> = (0..T::MaxUnrevealedCommits::get().saturating_sub(keep_free))
		.map(|i| WeightCommit { hash: T::Hashing::hash_of(&i), epoch: 0, block: now })
		.collect();
	WeightCommits::<T>::insert(
		netuid,
		hotkey,
		CommitQueue::<T>::try_from(commits).expect("bounded"),
	);
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn set_weights(w: Linear<1, { max_uids::<T>() }>) {
		let (netuid, hotkeys) =
			T::BenchmarkHelper::subnet_with_neurons(max_uids::<T>() as u16, 1, false);
		permits::<T>(netuid, 1);
		let uids: Vec<Uid> = (0..w as Uid).rev().collect();
		let values: Vec<u16> = (0..w as u16).map(|v| v + 1).collect();

		#[extrinsic_call]
		_(
			RawOrigin::Signed(hotkeys[0].clone()),
			netuid,
			BoundedVec::try_from(uids).unwrap(),
			BoundedVec::try_from(values).unwrap(),
			0,
		);

		assert_eq!(WeightEntries::<T>::get(netuid), w);
	}

	#[benchmark]
	fn commit_weights() {
		let (netuid, hotkeys) = T::BenchmarkHelper::subnet_with_neurons(1, 1, true);
		full_commits::<T>(netuid, &hotkeys[0], 1);
		let hash = T::Hashing::hash_of(&u32::MAX);

		#[extrinsic_call]
		_(RawOrigin::Signed(hotkeys[0].clone()), netuid, hash);

		assert_eq!(
			WeightCommits::<T>::get(netuid, &hotkeys[0]).len() as u32,
			T::MaxUnrevealedCommits::get()
		);
	}

	#[benchmark]
	fn reveal_weights(w: Linear<1, { max_uids::<T>() }>) {
		let (netuid, hotkeys) =
			T::BenchmarkHelper::subnet_with_neurons(max_uids::<T>() as u16, 1, true);
		permits::<T>(netuid, 1);
		let hotkey = hotkeys[0].clone();
		let uids: Vec<Uid> = (0..w as Uid).rev().collect();
		let values: Vec<u16> = (0..w as u16).map(|v| v + 1).collect();
		let salt: Vec<u16> = (0..64).collect();
		// The matching commit is the last of a full queue, to be found after the others.
		full_commits::<T>(netuid, &hotkey, 1);
		let hash = Pallet::<T>::commit_hash(&hotkey, netuid, &uids, &values, &salt, 0);
		let now = frame_system::Pallet::<T>::block_number();
		WeightCommits::<T>::mutate(netuid, &hotkey, |commits| {
			commits.try_push(WeightCommit { hash, epoch: 0, block: now }).expect("room left")
		});
		let period = T::Subnets::hyperparameters(netuid).unwrap().reveal_period_epochs as u64;
		EpochIndex::<T>::insert(netuid, period);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(hotkey),
			netuid,
			BoundedVec::try_from(uids).unwrap(),
			BoundedVec::try_from(values).unwrap(),
			BoundedVec::try_from(salt).unwrap(),
			0,
		);

		assert_eq!(WeightEntries::<T>::get(netuid), w);
	}

	#[benchmark]
	fn set_emission_parameters() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let parameters = EmissionParameters {
			initial_block_emission: 1_000u32.into(),
			supply_cap: BalanceOf::<T>::max_value(),
			owner_cut: sp_runtime::Perbill::from_percent(18),
			stake_threshold: 1u32.into(),
		};

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, parameters.clone());

		assert_eq!(Parameters::<T>::get(), parameters);
		Ok(())
	}

	#[benchmark]
	fn set_subnet_share() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let (netuid, _) = T::BenchmarkHelper::subnet_with_neurons(0, 0, false);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, netuid, 7);

		assert_eq!(SubnetShares::<T>::get(netuid), 7);
		Ok(())
	}

	#[benchmark]
	fn accrue(s: Linear<1, { T::MaxSubnets::get() }>) {
		let existing = T::Subnets::netuids().len() as u32;
		for _ in existing..s {
			T::BenchmarkHelper::subnet_with_neurons(0, 0, false);
		}
		let mut parameters = Parameters::<T>::get();
		parameters.initial_block_emission = 1_000_000u32.into();
		parameters.supply_cap = BalanceOf::<T>::max_value();
		Parameters::<T>::put(parameters);

		#[block]
		{
			Pallet::<T>::accrue_block_emission();
		}

		assert!(!Released::<T>::get().is_zero());
	}

	#[benchmark]
	fn schedule(s: Linear<1, { T::MaxSubnets::get() }>) {
		let existing = T::Subnets::netuids().len() as u32;
		for _ in existing..s {
			T::BenchmarkHelper::subnet_with_neurons(0, 0, false);
		}
		// Each block's scheduling reads every subnet's tempo and queues the due ones; the
		// epochs themselves are `run_epoch`.
		let visited;
		#[block]
		{
			visited = Pallet::<T>::queue_due_epochs(0);
		}

		assert_eq!(visited, s);
	}

	#[benchmark]
	fn run_epoch(
		n: Linear<2, { max_uids::<T>() }>,
		e: Linear<0, { max_uids::<T>() * VALIDATORS }>,
	) {
		// Stake behind the validators only: dividends then reach at most `VALIDATORS`
		// hotkeys, and `epoch_weight` adds a dividend credit for every neuron on top.
		let staked = n.min(VALIDATORS) as u16;
		let (netuid, _) = T::BenchmarkHelper::subnet_with_neurons(n as u16, staked, false);
		fill_weights::<T>(netuid, n, e);
		PendingEmission::<T>::insert(netuid, BalanceOf::<T>::from(1_000_000_000u32));
		Released::<T>::put(BalanceOf::<T>::from(1_000_000_000u32));

		#[block]
		{
			Pallet::<T>::run_subnet_epoch(netuid);
		}

		assert_eq!(EpochIndex::<T>::get(netuid), 1);
	}

	#[benchmark]
	fn on_neuron_replaced() {
		let n = max_uids::<T>();
		let (netuid, hotkeys) = T::BenchmarkHelper::subnet_with_neurons(n as u16, 1, true);
		fill_weights::<T>(netuid, n, n);
		full_commits::<T>(netuid, &hotkeys[0], 0);

		#[block]
		{
			<Pallet<T> as OnNeuronReplaced<T::AccountId>>::on_neuron_replaced(
				netuid,
				0,
				&hotkeys[0],
				&hotkeys[0],
			);
		}

		assert!(Weights::<T>::get(netuid, 0).is_none());
	}

	#[benchmark]
	fn on_subnet_dissolved(u: Linear<1, { max_uids::<T>() }>) {
		let (netuid, hotkeys) = T::BenchmarkHelper::subnet_with_neurons(u as u16, 1, true);
		fill_weights::<T>(netuid, u, u * u.min(VALIDATORS));
		for hotkey in &hotkeys {
			full_commits::<T>(netuid, hotkey, 0);
		}
		PendingEmission::<T>::insert(netuid, BalanceOf::<T>::from(1_000u32));
		Released::<T>::put(BalanceOf::<T>::from(1_000u32));

		#[block]
		{
			<Pallet<T> as OnSubnetDissolved>::on_subnet_dissolved(netuid);
		}

		assert_eq!(Weights::<T>::iter_prefix(netuid).count(), 0);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
