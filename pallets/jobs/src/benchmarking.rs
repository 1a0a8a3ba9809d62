//! Benchmarks for `pallet-jobs`, each at its worst case: full replicas and verifiers, the
//! longest spec, full per-block indexes.

use super::*;
use crate::pallet::*;
use alloc::{boxed::Box, vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::traits::{fungible::Mutate, Get};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_runtime::traits::One;
use synod_primitives::job::{
	MAX_ARCHITECTURE_LEN, MAX_HYPERPARAMETERS_LEN, MAX_INPUTS, MAX_URI_LEN,
};

fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	T::Currency::set_balance(&who, T::MinBounty::get() * 1_000_000u32.into());
	who
}

/// The largest valid training spec.
fn largest_spec() -> JobSpec {
	let uri = |i: u32| {
		let mut uri = b"https://".to_vec();
		uri.resize(MAX_URI_LEN as usize, b'a' + (i % 26) as u8);
		uri.try_into().unwrap()
	};
	JobSpec {
		kind: JobKind::Train,
		architecture: vec![b'm'; MAX_ARCHITECTURE_LEN as usize].try_into().unwrap(),
		architecture_version: 1,
		inputs: (0..MAX_INPUTS)
			.map(|i| Artifact { hash: [i as u8; 32], uri: uri(i) })
			.collect::<Vec<_>>()
			.try_into()
			.unwrap(),
		hyperparameters: vec![7u8; MAX_HYPERPARAMETERS_LEN as usize].try_into().unwrap(),
		seed: 42,
	}
}

/// A policy that verifies half the jobs, so that each job's verification is drawn.
fn partial_policy() -> JobPolicy {
	JobPolicy { verification_rate: sp_runtime::Perbill::from_percent(50), ..Default::default() }
}

fn deadlines<T: Config>(from: BlockNumberFor<T>) -> DeadlinesOf<T> {
	let step = T::MaxJobDuration::get() / 5u32.into();
	let step = step.max(One::one());
	JobDeadlines {
		assign_by: from + step,
		commit_by: from + step + step,
		reveal_by: from + step + step + step,
		verify_by: from + step + step + step + step,
	}
}

/// A job with `replicas` posted on a subnet of `replicas + verifiers` staked neurons, the
/// first `verifiers` of the rest holding permits; returns it, its requester, the miners that
/// would be drawn (all eligible ones) and the validators.
fn posted_job<T: Config>(
	index: u32,
	replicas: u32,
	verifiers: u32,
) -> (JobId, T::AccountId, NetUid, Vec<T::AccountId>) {
	let (netuid, hotkeys) = T::BenchmarkHelper::subnet_with_neurons(replicas + verifiers);
	let requester = funded::<T>("requester", index);
	let job = NextJobId::<T>::get();
	let now = frame_system::Pallet::<T>::block_number();
	Pallet::<T>::post_job(
		RawOrigin::Signed(requester.clone()).into(),
		netuid,
		Box::new(largest_spec()),
		T::MinBounty::get() * 1_000u32.into(),
		replicas as u8,
		deadlines::<T>(now),
	)
	.expect("a valid job");
	(job, requester, netuid, hotkeys)
}

/// [`posted_job`], assigned to `replicas` miners, with `verifiers` validators; returns the
/// job, the miners and the validators.
fn assigned_job<T: Config>(
	index: u32,
	replicas: u32,
	verifiers: u32,
) -> (JobId, Vec<T::AccountId>, Vec<T::AccountId>) {
	let (job, _, netuid, hotkeys) = posted_job::<T>(index, replicas, 0);
	let next = frame_system::Pallet::<T>::block_number() + One::one();
	frame_system::Pallet::<T>::set_block_number(next);
	assert_eq!(Pallet::<T>::assign_waiting(next), 1);
	let miners = Assignments::<T>::get(job).expect("assigned").into_inner();
	debug_assert!(miners.iter().all(|miner| hotkeys.contains(miner)));
	let validators: Vec<T::AccountId> = (0..verifiers)
		.map(|i| {
			let validator = T::BenchmarkHelper::register_neuron(netuid, 500 + i);
			T::BenchmarkHelper::grant_permit(netuid, &validator);
			validator
		})
		.collect();
	(job, miners, validators)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn post_job() {
		let (netuid, _) = T::BenchmarkHelper::subnet_with_neurons(1);
		// A partial verification rate indexes the job for a draw as well.
		T::BenchmarkHelper::set_job_policy(netuid, partial_policy());
		let requester = funded::<T>("requester", 0);
		let now = frame_system::Pallet::<T>::block_number();

		#[extrinsic_call]
		_(
			RawOrigin::Signed(requester),
			netuid,
			Box::new(largest_spec()),
			T::MinBounty::get(),
			T::MaxReplicas::get() as u8,
			deadlines::<T>(now),
		);

		assert_eq!(NextJobId::<T>::get(), 1);
		assert_eq!(JobRecords::<T>::get(0).unwrap().sampled, None);
	}

	#[benchmark]
	fn cancel_job() {
		let (job, requester, _, _) = posted_job::<T>(0, 1, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(requester), job);

		assert!(JobRecords::<T>::get(job).is_none());
	}

	#[benchmark]
	fn commit_result() {
		let (job, miners, _) = assigned_job::<T>(0, T::MaxReplicas::get(), 0);
		let commitment = Pallet::<T>::result_commitment(&[1; 32], &[2; 32]);

		#[extrinsic_call]
		_(RawOrigin::Signed(miners[0].clone()), job, commitment);

		assert!(ResultCommits::<T>::contains_key(job, &miners[0]));
	}

	#[benchmark]
	fn reveal_result() {
		let (job, miners, _) = assigned_job::<T>(0, T::MaxReplicas::get(), 0);
		for miner in &miners {
			let commitment = Pallet::<T>::result_commitment(&[1; 32], &[2; 32]);
			Pallet::<T>::commit_result(RawOrigin::Signed(miner.clone()).into(), job, commitment)
				.unwrap();
		}
		let mut uri = vec![b'h'; MAX_URI_LEN as usize];
		uri[..8].copy_from_slice(b"https://");

		#[extrinsic_call]
		_(RawOrigin::Signed(miners[0].clone()), job, [1; 32], [2; 32], uri.try_into().unwrap());

		assert!(ResultReveals::<T>::contains_key(job, &miners[0]));
	}

	#[benchmark]
	fn commit_verification() {
		let verifiers = T::MaxVerifiersPerJob::get();
		let (job, _, validators) = assigned_job::<T>(0, T::MaxReplicas::get(), verifiers);
		for validator in &validators[1..] {
			let commitment = Pallet::<T>::result_commitment(&[1; 32], &[2; 32]);
			Pallet::<T>::commit_verification(
				RawOrigin::Signed(validator.clone()).into(),
				job,
				commitment,
			)
			.unwrap();
		}
		let commitment = Pallet::<T>::result_commitment(&[1; 32], &[2; 32]);

		#[extrinsic_call]
		_(RawOrigin::Signed(validators[0].clone()), job, commitment);

		assert!(VerificationCommits::<T>::contains_key(job, &validators[0]));
	}

	#[benchmark]
	fn reveal_verification() {
		let (job, _, validators) = assigned_job::<T>(0, 1, 1);
		let commitment = Pallet::<T>::result_commitment(&[1; 32], &[2; 32]);
		Pallet::<T>::commit_verification(
			RawOrigin::Signed(validators[0].clone()).into(),
			job,
			commitment,
		)
		.unwrap();
		let reveal_by = JobRecords::<T>::get(job).unwrap().deadlines.reveal_by;
		frame_system::Pallet::<T>::set_block_number(reveal_by + One::one());

		#[extrinsic_call]
		_(RawOrigin::Signed(validators[0].clone()), job, [1; 32], [2; 32]);

		assert!(VerificationReveals::<T>::contains_key(job, &validators[0]));
	}

	#[benchmark]
	fn submit_statistics() {
		let (netuid, _) = T::BenchmarkHelper::subnet_with_neurons(1);
		let requester = funded::<T>("requester", 0);
		let columns = synod_primitives::job::MAX_COLUMNS as u16;
		let mut spec = largest_spec();
		spec.kind = JobKind::FederatedStatistics { columns };
		let now = frame_system::Pallet::<T>::block_number();
		Pallet::<T>::post_job(
			RawOrigin::Signed(requester).into(),
			netuid,
			Box::new(spec),
			T::MinBounty::get(),
			1,
			deadlines::<T>(now),
		)
		.unwrap();
		frame_system::Pallet::<T>::set_block_number(now + One::one());
		Pallet::<T>::assign_waiting(now + One::one());
		let provider = Assignments::<T>::get(0).unwrap()[0].clone();
		let moments: MomentsOf =
			vec![ColumnMoments { count: 10, sum: 10, sum_of_squares: 10 }; columns as usize]
				.try_into()
				.unwrap();

		#[extrinsic_call]
		_(RawOrigin::Signed(provider.clone()), 0, moments);

		assert!(StatisticsSubmissions::<T>::contains_key(0, &provider));
	}

	#[benchmark]
	fn expire_jobs(n: Linear<0, { T::MaxExpiriesPerBlock::get() }>) {
		let (netuid, _) = T::BenchmarkHelper::subnet_with_neurons(0);
		let now = frame_system::Pallet::<T>::block_number();
		let due = deadlines::<T>(now);
		for i in 0..n {
			let requester = funded::<T>("requester", i);
			Pallet::<T>::post_job(
				RawOrigin::Signed(requester).into(),
				netuid,
				Box::new(largest_spec()),
				T::MinBounty::get(),
				1,
				due,
			)
			.unwrap();
		}

		#[block]
		{
			Pallet::<T>::expire_jobs(due.assign_by);
		}

		assert_eq!(Escrowed::<T>::get(), 0u32.into());
	}

	#[benchmark]
	fn assign_jobs(n: Linear<0, { T::MaxJobsAwaitingAssignment::get() }>) {
		// Enough neurons for every job to draw its full replicas.
		let replicas = T::MaxReplicas::get();
		let neurons = (n * replicas).div_ceil(T::MaxJobsPerMiner::get()) + replicas;
		let (netuid, _) = T::BenchmarkHelper::subnet_with_neurons(neurons);
		let now = frame_system::Pallet::<T>::block_number();
		for i in 0..n {
			let requester = funded::<T>("requester", i);
			Pallet::<T>::post_job(
				RawOrigin::Signed(requester).into(),
				netuid,
				Box::new(largest_spec()),
				T::MinBounty::get(),
				replicas as u8,
				deadlines::<T>(now + i.into()),
			)
			.unwrap();
		}
		let next = now + One::one();
		frame_system::Pallet::<T>::set_block_number(next);

		#[block]
		{
			Pallet::<T>::assign_waiting(next);
		}

		assert_eq!(Assignments::<T>::iter().count() as u32, n);
	}

	#[benchmark]
	fn settle_jobs(n: Linear<0, { T::MaxExpiriesPerBlock::get() }>) {
		// Every job settles in the same block with full miners and verifiers, all agreeing.
		let replicas = T::MaxReplicas::get();
		let verifiers = T::MaxVerifiersPerJob::get();
		let start = frame_system::Pallet::<T>::block_number();
		let mut jobs = Vec::new();
		for i in 0..n {
			frame_system::Pallet::<T>::set_block_number(start);
			let (job, miners, validators) = assigned_job::<T>(i, replicas, verifiers);
			for miner in &miners {
				let commitment = Pallet::<T>::result_commitment(&[1; 32], &[2; 32]);
				Pallet::<T>::commit_result(
					RawOrigin::Signed(miner.clone()).into(),
					job,
					commitment,
				)
				.unwrap();
			}
			for validator in &validators {
				let commitment = Pallet::<T>::result_commitment(&[1; 32], &[2; 32]);
				Pallet::<T>::commit_verification(
					RawOrigin::Signed(validator.clone()).into(),
					job,
					commitment,
				)
				.unwrap();
			}
			jobs.push((job, miners, validators));
		}
		let uri = || -> ResultUri { b"https://miner.example/result".to_vec().try_into().unwrap() };
		for (job, miners, _) in &jobs {
			for miner in miners {
				Pallet::<T>::reveal_result(
					RawOrigin::Signed(miner.clone()).into(),
					*job,
					[1; 32],
					[2; 32],
					uri(),
				)
				.unwrap();
			}
		}
		let due = deadlines::<T>(start);
		frame_system::Pallet::<T>::set_block_number(due.reveal_by + One::one());
		for (job, _, validators) in &jobs {
			for validator in validators {
				Pallet::<T>::reveal_verification(
					RawOrigin::Signed(validator.clone()).into(),
					*job,
					[1; 32],
					[2; 32],
				)
				.unwrap();
			}
		}
		let settle_at = due.verify_by + One::one();
		frame_system::Pallet::<T>::set_block_number(settle_at);

		#[block]
		{
			Pallet::<T>::settle_due(settle_at);
		}

		assert_eq!(Outcomes::<T>::iter().count() as u32, n);
	}

	#[benchmark]
	fn draw_samples(n: Linear<0, { T::MaxExpiriesPerBlock::get() }>) {
		let (netuid, _) = T::BenchmarkHelper::subnet_with_neurons(0);
		T::BenchmarkHelper::set_job_policy(netuid, partial_policy());
		let now = frame_system::Pallet::<T>::block_number();
		let due = deadlines::<T>(now);
		for i in 0..n {
			Pallet::<T>::post_job(
				RawOrigin::Signed(funded::<T>("requester", i)).into(),
				netuid,
				Box::new(largest_spec()),
				T::MinBounty::get(),
				1,
				due,
			)
			.unwrap();
		}
		let at = due.commit_by + One::one();

		#[block]
		{
			Pallet::<T>::draw_samples(at);
		}

		assert!(JobRecords::<T>::iter_values().all(|record| record.sampled.is_some()));
	}

	#[benchmark]
	fn prune_outcomes(n: Linear<0, { T::MaxExpiriesPerBlock::get() }>) {
		let now = frame_system::Pallet::<T>::block_number();
		let requester: T::AccountId = account("requester", 0, 0);
		let payouts = |count: u32| {
			(0..count).map(|i| (account("payee", i, 0), 1u32.into())).collect::<Vec<_>>()
		};
		for job in 0..n as JobId {
			let outcome = JobOutcome::<T> {
				requester: requester.clone(),
				netuid: 1,
				bounty: 1u32.into(),
				truth: Some(Truth {
					result_hash: [1; 32],
					uri: vec![b'h'; MAX_URI_LEN as usize].try_into().unwrap(),
					by_validators: true,
				}),
				miner_payouts: payouts(T::MaxReplicas::get()).try_into().unwrap(),
				validator_payouts: payouts(T::MaxVerifiersPerJob::get()).try_into().unwrap(),
				penalties: payouts(T::MaxReplicas::get()).try_into().unwrap(),
				burnt: 1u32.into(),
				refunded: 1u32.into(),
				settled_at: now,
			};
			Outcomes::<T>::insert(job, outcome);
			PruneAt::<T>::mutate(now, |due| due.try_push(job).unwrap());
		}

		#[block]
		{
			Pallet::<T>::prune_outcomes(now);
		}

		assert_eq!(Outcomes::<T>::iter().count(), 0);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
