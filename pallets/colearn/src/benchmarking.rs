//! Benchmarks for `pallet-colearn`, each at its worst case: full experiments, the longest
//! URIs and summaries, every learner voting.

use super::*;
use crate::pallet::*;
use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::traits::{fungible::Mutate, Get};
use frame_support::weights::Weight;
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_runtime::{
	traits::{Bounded, One, Zero},
	Perbill,
};
use synod_primitives::job::{MAX_ARCHITECTURE_LEN, MAX_URI_LEN};

fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	T::Currency::set_balance(&who, T::MinRewardPool::get() * 1_000_000u32.into());
	who
}

fn longest_uri() -> UriOf {
	let mut uri = b"https://".to_vec();
	uri.resize(MAX_URI_LEN as usize, b'm');
	uri.try_into().unwrap()
}

fn config<T: Config>() -> ConfigOf<T> {
	let window = T::MaxWindow::get();
	ExperimentConfig {
		architecture: vec![b'c'; MAX_ARCHITECTURE_LEN as usize].try_into().unwrap(),
		architecture_version: 1,
		vote_threshold: Perbill::from_percent(50),
		min_improvement: 0,
		score_direction: ScoreDirection::HigherIsBetter,
		proposal_window: window,
		commit_window: window,
		reveal_window: window,
		reward_per_round: T::MinRewardPool::get(),
		voters_share: Perbill::from_percent(30),
		// Large enough that no benchmark's spend is refused.
		privacy: Some(PrivacyBudget { epsilon_micros: u64::MAX, delta: MAX_DELTA }),
		min_stake: T::MinLearnerStake::get(),
		admission: Admission::Open,
		max_learners: T::MaxLearners::get(),
		max_skipped_rounds: 10,
	}
}

/// A new experiment of `creator` with `admission`; returns its id.
fn experiment<T: Config>(creator: &T::AccountId, admission: Admission) -> ExperimentId {
	let id = NextExperimentId::<T>::get();
	let mut config = config::<T>();
	config.admission = admission;
	Pallet::<T>::create_experiment(
		RawOrigin::Signed(creator.clone()).into(),
		config,
		[1; 32],
		longest_uri(),
		T::MinRewardPool::get() * 100u32.into(),
	)
	.expect("a valid experiment");
	id
}

/// A hotkey of its own coldkey, staked with the larger of the smallest pool (a stake every
/// runtime accepts) and the least learner stake.
fn learner<T: Config>(index: u32) -> T::AccountId {
	let hotkey: T::AccountId = account("learner", index, 0);
	let coldkey: T::AccountId = account("learner-coldkey", index, 0);
	let stake = T::MinRewardPool::get().max(T::MinLearnerStake::get());
	T::BenchmarkHelper::stake(&coldkey, &hotkey, stake);
	hotkey
}

/// The DP-SGD training whose accounting costs the most: the least noise (the largest
/// quadrature grid) with sampling (every order's sum).
fn costliest_training() -> DpSgdParameters {
	DpSgdParameters {
		sample_rate_ppb: 10_000_000,
		noise_multiplier_milli: synod_privacy::MIN_SIGMA_MILLI,
		steps: MAX_STEPS_PER_PROPOSAL,
		clip_norm_milli: 1_000,
	}
}

/// Makes `learners` learners of `experiment` without the checks of `join_experiment`, so
/// that one set of staked hotkeys can serve several experiments of a benchmark.
fn enrol<T: Config>(experiment: ExperimentId, learners: &[T::AccountId]) {
	let mut record = Experiments::<T>::get(experiment).unwrap();
	for learner in learners {
		Pallet::<T>::admit(experiment, &mut record, learner);
	}
	Experiments::<T>::insert(experiment, record);
}

/// `count` learners joined to `experiment`.
fn join<T: Config>(experiment: ExperimentId, learners: &[T::AccountId]) {
	for learner in learners {
		Pallet::<T>::join_experiment(RawOrigin::Signed(learner.clone()).into(), experiment)
			.expect("room and stake");
	}
}

/// Puts `experiment` in `phase` of its current round, ending in the block before `due`, with
/// `proposer` drawn.
fn set_phase<T: Config>(
	experiment: ExperimentId,
	phase: Phase,
	proposer: &T::AccountId,
	due: BlockNumberFor<T>,
) {
	let mut record = Experiments::<T>::get(experiment).unwrap();
	PhaseDue::<T>::mutate(record.phase_ends + One::one(), |ids| ids.retain(|id| *id != experiment));
	record.round = 1;
	record.phase = phase;
	record.phase_ends = due - One::one();
	record.proposer = Some(proposer.clone());
	Experiments::<T>::insert(experiment, record);
	PhaseDue::<T>::mutate(due, |ids| ids.try_push(experiment).unwrap());
}

/// `proposer`'s proposal with the costliest training declared, and its coldkey.
fn proposal<T: Config>(
	experiment: ExperimentId,
	proposer: &T::AccountId,
) -> (Proposal<T::AccountId>, T::AccountId) {
	let coldkey = Learners::<T>::get(experiment, proposer).expect("a learner").coldkey;
	let proposal = Proposal {
		proposer: proposer.clone(),
		weights_hash: [2; 32],
		uri: longest_uri(),
		parent: [1; 32],
		privacy: Some(costliest_training()),
		epsilon_after: 1,
		summary: vec![b's'; MAX_SUMMARY_LEN as usize].try_into().unwrap(),
	};
	(proposal, coldkey)
}

/// Every learner but the proposer commits and reveals an approving vote in round 1.
fn all_vote<T: Config>(experiment: ExperimentId, learners: &[T::AccountId]) {
	for voter in &learners[1..] {
		let commitment = Pallet::<T>::vote_commitment(experiment, 1, voter, true, 10, &[3; 32]);
		VoteCommits::<T>::insert(experiment, voter, (commitment, BalanceOf::<T>::max_value()));
		VoteReveals::<T>::insert(experiment, voter, Vote { approve: true, score: 10 });
	}
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create_experiment() {
		let creator = funded::<T>("creator", 0);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(creator),
			config::<T>(),
			[1; 32],
			longest_uri(),
			T::MinRewardPool::get() * 100u32.into(),
		);

		assert_eq!(OpenExperiments::<T>::get(), 1);
	}

	#[benchmark]
	fn join_experiment() {
		let id = experiment::<T>(&funded::<T>("creator", 0), Admission::Open);
		let learners: Vec<_> = (0..T::MaxLearners::get()).map(learner::<T>).collect();
		join::<T>(id, &learners[1..]);

		#[extrinsic_call]
		_(RawOrigin::Signed(learners[0].clone()), id);

		assert_eq!(Experiments::<T>::get(id).unwrap().learners, T::MaxLearners::get());
	}

	#[benchmark]
	fn approve_learner() {
		let creator = funded::<T>("creator", 0);
		let id = experiment::<T>(&creator, Admission::CreatorApproves);
		let applicant = learner::<T>(0);
		join::<T>(id, &[applicant.clone()]);

		#[extrinsic_call]
		_(RawOrigin::Signed(creator), id, applicant.clone());

		assert!(Learners::<T>::contains_key(id, &applicant));
	}

	#[benchmark]
	fn leave_experiment() {
		let id = experiment::<T>(&funded::<T>("creator", 0), Admission::Open);
		let leaver = learner::<T>(0);
		join::<T>(id, &[leaver.clone()]);

		#[extrinsic_call]
		_(RawOrigin::Signed(leaver.clone()), id);

		assert!(!Learners::<T>::contains_key(id, &leaver));
	}

	#[benchmark]
	fn propose() {
		let id = experiment::<T>(&funded::<T>("creator", 0), Admission::Open);
		let proposer = learner::<T>(0);
		join::<T>(id, &[proposer.clone()]);
		let now = frame_system::Pallet::<T>::block_number();
		set_phase::<T>(id, Phase::Proposal, &proposer, now + One::one());
		let (p, coldkey) = proposal::<T>(id, &proposer);
		// An account that has spent before: read, added to and written back.
		let budget = Experiments::<T>::get(id).unwrap().config.privacy.unwrap();
		let mechanism = costliest_training().check().unwrap();
		let spent = PrivacyAccount::default()
			.after(&mechanism, 1, &budget)
			.expect("a budget nothing exceeds");
		PrivacyAccounts::<T>::insert(id, &coldkey, spent);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(proposer),
			id,
			1,
			p.weights_hash,
			p.uri,
			p.parent,
			p.privacy,
			p.summary,
		);

		assert!(Proposals::<T>::contains_key(id));
		assert_eq!(PrivacyAccounts::<T>::get(id, &coldkey).unwrap().proposals, 2);
	}

	#[benchmark]
	fn commit_vote() {
		let id = experiment::<T>(&funded::<T>("creator", 0), Admission::Open);
		let learners = [learner::<T>(0), learner::<T>(1)];
		join::<T>(id, &learners);
		let now = frame_system::Pallet::<T>::block_number();
		set_phase::<T>(id, Phase::Commit, &learners[0], now + One::one());
		Proposals::<T>::insert(id, proposal::<T>(id, &learners[0]));
		let commitment = Pallet::<T>::vote_commitment(id, 1, &learners[1], true, 10, &[3; 32]);

		#[extrinsic_call]
		_(RawOrigin::Signed(learners[1].clone()), id, 1, commitment);

		assert!(VoteCommits::<T>::contains_key(id, &learners[1]));
	}

	#[benchmark]
	fn reveal_vote() {
		let id = experiment::<T>(&funded::<T>("creator", 0), Admission::Open);
		let learners = [learner::<T>(0), learner::<T>(1)];
		join::<T>(id, &learners);
		let now = frame_system::Pallet::<T>::block_number();
		set_phase::<T>(id, Phase::Reveal, &learners[0], now + One::one());
		let commitment = Pallet::<T>::vote_commitment(id, 1, &learners[1], true, 10, &[3; 32]);
		VoteCommits::<T>::insert(id, &learners[1], (commitment, BalanceOf::<T>::max_value()));

		#[extrinsic_call]
		_(RawOrigin::Signed(learners[1].clone()), id, 1, true, 10, [3; 32]);

		assert!(VoteReveals::<T>::contains_key(id, &learners[1]));
	}

	#[benchmark]
	fn close_experiment() {
		let creator = funded::<T>("creator", 0);
		let id = experiment::<T>(&creator, Admission::Open);
		let learners: Vec<_> = (0..T::MaxLearners::get()).map(learner::<T>).collect();
		join::<T>(id, &learners);
		let now = frame_system::Pallet::<T>::block_number();
		set_phase::<T>(id, Phase::Reveal, &learners[0], now + One::one());
		Proposals::<T>::insert(id, proposal::<T>(id, &learners[0]));
		all_vote::<T>(id, &learners);
		// More privacy accounts than a close drops, so it also leaves the rest to the sweep.
		// (A clear drops whatever the block's overlay holds, bounded or not: the benchmark
		// commits its setup to the database before it measures, so this is the bounded case
		// there; its test does not, and the close drops them all.)
		for i in 0..=T::MaxLearners::get() {
			PrivacyAccounts::<T>::insert(
				id,
				account::<T::AccountId>("spent", i, 0),
				PrivacyAccount::default(),
			);
		}
		// The close that costs the most is the one at the end of a round: the call asks for
		// it, the hook (charged a close) does it. The call's weight is that of a close.
		// And the most applicants waiting, each recorded as learning there.
		let mut record = Experiments::<T>::get(id).unwrap();
		for i in 0..T::MaxLearners::get() {
			let applicant = account::<T::AccountId>("applicant", i, 0);
			Applicants::<T>::insert(id, &applicant, ());
			LearningIn::<T>::insert(&applicant, id);
			record.applicants += 1;
		}
		record.phase = Phase::Starting;
		Experiments::<T>::insert(id, record);

		#[extrinsic_call]
		_(RawOrigin::Signed(creator), id);

		assert_eq!(Experiments::<T>::get(id).unwrap().status, ExperimentStatus::Closed);
		assert!(
			AccountsToSweep::<T>::contains_key(id)
				|| PrivacyAccounts::<T>::iter_prefix(id).next().is_none()
		);
		assert!(learners.iter().all(|learner| !LearningIn::<T>::contains_key(learner)));
	}

	/// A closed experiment with `n` privacy accounts left to sweep, all dropped in one go
	/// (which also removes its entry in `AccountsToSweep`).
	#[benchmark]
	fn sweep_accounts(n: Linear<1, { T::MaxLearners::get() }>) {
		let creator = funded::<T>("creator", 0);
		let id = experiment::<T>(&creator, Admission::Open);
		Pallet::<T>::close_experiment(RawOrigin::Signed(creator).into(), id).expect("open");
		for i in 0..n {
			PrivacyAccounts::<T>::insert(
				id,
				account::<T::AccountId>("spent", i, 0),
				PrivacyAccount::default(),
			);
		}
		AccountsToSweep::<T>::insert(id, BlockNumberFor::<T>::zero());

		#[block]
		{
			Pallet::<T>::sweep_accounts(One::one(), Weight::MAX);
		}

		assert_eq!(PrivacyAccounts::<T>::iter_prefix(id).count(), 0);
		assert!(!AccountsToSweep::<T>::contains_key(id));
	}

	/// `t` experiments tallied in one block, each with `v + 1` learners of whom `v` vote and
	/// accept (which pays them all, by stake, and extends the lineage). The same hotkeys
	/// learn in every experiment, which calls would refuse and which costs the same.
	#[benchmark]
	fn advance_rounds(
		t: Linear<0, { T::MaxOpenExperiments::get() }>,
		v: Linear<1, { T::MaxLearners::get() - 1 }>,
	) {
		let learners: Vec<_> = (0..=v).map(learner::<T>).collect();
		let now = frame_system::Pallet::<T>::block_number() + One::one();
		for i in 0..t {
			let id = experiment::<T>(&funded::<T>("creator", i), Admission::Open);
			enrol::<T>(id, &learners);
			set_phase::<T>(id, Phase::Reveal, &learners[0], now);
			Proposals::<T>::insert(id, proposal::<T>(id, &learners[0]));
			all_vote::<T>(id, &learners);
		}
		frame_system::Pallet::<T>::set_block_number(now);

		#[block]
		{
			Pallet::<T>::advance_rounds(now);
		}

		for id in 0..t {
			assert_eq!(Experiments::<T>::get(id).unwrap().lineage_len, 2);
		}
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
