//! Posting, cancelling and expiring jobs, and drawing their miners.

use super::*;
use frame_support::assert_noop;

fn post(requester: u64, bounty: u128, assign_by: u64) -> sp_runtime::DispatchResult {
	Jobs::post_job(
		RuntimeOrigin::signed(requester),
		1,
		Box::new(train_spec()),
		bounty,
		2,
		deadlines(assign_by),
	)
}

#[test]
fn posting_holds_the_bounty_in_escrow() {
	test(|| {
		assert_ok!(post(1, 5_000, 10));
		assert_eq!(held(1), 5_000);
		assert_eq!(Balances::balance(&1), FUNDS - 5_000 - QUEUE_DEPOSIT);
		assert_eq!(QueueDeposits::<Test>::get(0), Some(QUEUE_DEPOSIT));
		assert_eq!(AwaitingAssignment::<Test>::get(1).into_inner(), vec![0]);
		assert_eq!(AssignmentRetryAt::<Test>::get(1), Some(3), "tried once the draw is fresh");
		assert_eq!(Escrowed::<Test>::get(), 5_000);
		let job = JobRecords::<Test>::get(0).expect("stored");
		assert_eq!(job.requester, 1);
		assert_eq!(job.state, JobState::Posted);
		assert_eq!(job.spec, train_spec());
		assert_eq!(job.sampled, Some(true), "the default policy verifies every job");
		assert_eq!(RequesterJobCount::<Test>::get(1), 1);
		assert_eq!(AssignmentExpiries::<Test>::get(10).into_inner(), vec![0]);
		assert_eq!(SettlementDue::<Test>::get(41).into_inner(), vec![0]);
		assert_eq!(
			last_event(),
			Event::JobPosted { job: 0, netuid: 1, requester: 1, bounty: 5_000 }.into()
		);
		assert_ok!(post(1, 2_000, 11));
		assert_eq!(NextJobId::<Test>::get(), 2);
		assert_eq!(Escrowed::<Test>::get(), 7_000);
	});
}

#[test]
fn bad_posts_are_refused_and_change_nothing() {
	test(|| {
		let spec = || Box::new(train_spec());
		let signed = RuntimeOrigin::signed;
		assert_noop!(
			Jobs::post_job(signed(1), 9, spec(), 5_000, 2, deadlines(10)),
			Error::<Test>::UnknownSubnet
		);
		let mut nameless = train_spec();
		nameless.architecture = Default::default();
		assert_noop!(
			Jobs::post_job(signed(1), 1, Box::new(nameless), 5_000, 2, deadlines(10)),
			Error::<Test>::InvalidSpec { reason: JobSpecError::BadArchitecture }
		);
		assert_noop!(post(1, MIN_BOUNTY - 1, 10), Error::<Test>::BountyTooSmall);
		for replicas in [0, 6] {
			assert_noop!(
				Jobs::post_job(signed(1), 1, spec(), 5_000, replicas, deadlines(10)),
				Error::<Test>::BadReplicas
			);
		}
		let mut unordered = deadlines(10);
		unordered.reveal_by = unordered.verify_by;
		// The mock's `MinWindow` is two blocks; posting in block 1, the earliest draw is 3.
		let window = |assign_by, commit_by, verify_by, reveal_by| JobDeadlines {
			assign_by,
			commit_by,
			verify_by,
			reveal_by,
		};
		for (bad, reason) in [
			(deadlines(1), DeadlineError::AssignTooSoon),
			(deadlines(2), DeadlineError::AssignTooSoon),
			(deadlines(80), DeadlineError::TooLong),
			(unordered, DeadlineError::NotIncreasing),
			(window(3, 4, 20, 30), DeadlineError::CommitWindowTooShort),
			// A partial-rate committee is drawn two blocks after `commit_by`.
			(window(3, 5, 8, 30), DeadlineError::VerifyWindowTooShort),
			(window(3, 5, 9, 10), DeadlineError::RevealWindowTooShort),
		] {
			assert_noop!(
				Jobs::post_job(signed(1), 1, spec(), 5_000, 2, bad),
				Error::<Test>::BadDeadlines { reason }
			);
		}
		assert_noop!(post(1, FUNDS, 10), Error::<Test>::InsufficientFunds);
		assert_noop!(post(77, 5_000, 10), Error::<Test>::InsufficientFunds);
	});
}

#[test]
fn in_flight_jobs_and_expiries_are_bounded() {
	test(|| {
		assert_ok!(post(1, 1_000, 10));
		assert_ok!(post(1, 1_000, 11));
		assert_ok!(post(1, 1_000, 12));
		assert_noop!(post(1, 1_000, 13), Error::<Test>::TooManyJobs);
		assert_ok!(post(2, 1_000, 10));
		assert_noop!(post(3, 1_000, 10), Error::<Test>::ExpiryBlockFull);
		assert_ok!(post(3, 1_000, 14));
	});
}

#[test]
fn the_requester_cancels_before_assignment_with_a_full_refund() {
	test(|| {
		assert_ok!(post(1, 5_000, 10));
		assert_noop!(Jobs::cancel_job(RuntimeOrigin::signed(2), 0), Error::<Test>::NotRequester);
		assert_noop!(Jobs::cancel_job(RuntimeOrigin::signed(1), 7), Error::<Test>::UnknownJob);
		assert_ok!(Jobs::cancel_job(RuntimeOrigin::signed(1), 0));
		assert_eq!(last_event(), Event::JobCancelled { job: 0, refund: 5_000 }.into());
		assert_eq!(held(1), 0);
		assert_eq!(Balances::balance(&1), FUNDS);
		assert_eq!(JobRecords::<Test>::get(0), None);
		assert!(AssignmentExpiries::<Test>::get(10).is_empty());
		assert_eq!(RequesterJobCount::<Test>::get(1), 0);
		assert_noop!(Jobs::cancel_job(RuntimeOrigin::signed(1), 0), Error::<Test>::UnknownJob);
		for assign_by in [10, 11, 12] {
			assert_ok!(post(1, 1_000, assign_by));
		}
	});
}

#[test]
fn a_job_nobody_takes_is_refunded_at_its_assignment_deadline() {
	test(|| {
		let issuance = Balances::total_issuance();
		assert_ok!(post(1, 5_000, 4));
		assert_ok!(post(2, 3_000, 6));
		run_to(3);
		assert_eq!(Escrowed::<Test>::get(), 8_000);
		run_to(4);
		assert_eq!(held(1), 0);
		assert_eq!(Balances::balance(&1), FUNDS);
		assert!(has_event(Event::JobExpired { job: 0, refund: 5_000 }));
		run_to(6);
		assert_eq!(Escrowed::<Test>::get(), 0);
		assert_eq!(Balances::balance(&2), FUNDS);
		assert_eq!(Balances::total_issuance(), issuance, "escrow creates and destroys nothing");
		assert_eq!(JobRecords::<Test>::iter().count(), 0);
	});
}

#[test]
fn a_job_is_assigned_in_its_assignment_deadline_block_and_then_runs_to_settlement() {
	test(|| {
		world();
		let job = post_train(REQUESTER, 3);
		run_to(3);
		let drawn = Assignments::<Test>::get(job).unwrap().into_inner();
		assert_eq!(drawn.len(), 2);
		assert!(drawn.iter().all(|m| MINERS.contains(m)), "miners before validators");
		assert!(drawn.iter().all(|m| MinerLoad::<Test>::get(m) == 1));
		assert!(drawn.iter().all(<Staking as synod_primitives::stake::StakeLock<u64>>::is_locked));
		assert!(has_event(Event::JobAssigned { job, miners: drawn.clone() }));
		assert_noop!(
			Jobs::cancel_job(RuntimeOrigin::signed(REQUESTER), job),
			Error::<Test>::NotCancellable
		);
		run_to(10);
		assert_eq!(Escrowed::<Test>::get(), BOUNTY);
	});
}

#[test]
fn a_verified_job_waits_for_its_whole_committee() {
	test(|| {
		for coldkey in [1, 2] {
			neuron(coldkey, MINER_STAKE, false);
		}
		neuron(3, VALIDATOR_STAKE, true);
		neuron(4, VALIDATOR_STAKE, true);
		let job = post_train(REQUESTER, 12);
		run_to(4);
		assert_eq!(JobRecords::<Test>::get(job).unwrap().state, JobState::Posted);
		// Tried at block 3 and failed: the queue waits a retry period (5 blocks) for what
		// this pallet cannot see, such as the registration below.
		assert_eq!(AssignmentRetryAt::<Test>::get(1), Some(8));
		neuron(5, VALIDATOR_STAKE, true);
		run_to(7);
		assert_eq!(JobRecords::<Test>::get(job).unwrap().state, JobState::Posted);
		run_to(8);
		assert_eq!(JobRecords::<Test>::get(job).unwrap().state, JobState::Assigned);
		assert_eq!(Committees::<Test>::get(job).unwrap().len(), 3);
		assert!(AwaitingAssignment::<Test>::get(1).is_empty());
		assert_eq!(AssignmentRetryAt::<Test>::get(1), None);
		assert_eq!(QueueDeposits::<Test>::get(job), None, "the deposit leaves with the job");
	});
}

#[test]
fn miners_below_the_minimum_stake_or_at_their_cap_are_not_drawn() {
	test(|| {
		world();
		let unstaked = register_miner(6);
		let mut hp = Subnets::hyperparameters(1).unwrap();
		hp.min_stake = 100;
		assert_ok!(Subnets::set_hyperparameters(RuntimeOrigin::signed(GOVERNOR), 1, hp));
		let record = |requester| {
			let assign_by = System::block_number() + 2;
			JobRecords::<Test>::get(post_train(requester, assign_by)).unwrap()
		};
		let first = record(7);
		let eligible: Vec<u64> =
			Jobs::miner_candidates(&first).into_iter().map(|c| c.hotkey).collect();
		assert_eq!(eligible, MINERS.to_vec());
		assert!(!eligible.contains(&unstaked));
		// Not even where the subnet asks for no stake: it would risk nothing.
		let mut hp = Subnets::hyperparameters(1).unwrap();
		hp.min_stake = 0;
		assert_ok!(Subnets::set_hyperparameters(RuntimeOrigin::signed(GOVERNOR), 1, hp));
		assert!(Jobs::miner_candidates(&first).iter().all(|c| c.hotkey != unstaked));
		record(8);
		run_to(3);
		// Two jobs fill both miners' caps of two; a third job's candidates are validators.
		assert!(MINERS.iter().all(|m| MinerLoad::<Test>::get(m) == 2));
		let third = record(REQUESTER);
		assert!(Jobs::miner_candidates(&third).iter().all(|c| VALIDATORS.contains(&c.hotkey)));
	});
}

#[test]
fn incentive_weighs_the_miners_draw() {
	test(|| {
		for coldkey in 1..=3 {
			neuron(coldkey, MINER_STAKE, false);
		}
		set_incentives(1, &[0, 65535, 1000]);
		let record = JobRecords::<Test>::get(post_train(REQUESTER, 3)).unwrap();
		let weights: Vec<u64> =
			Jobs::miner_candidates(&record).into_iter().map(|c| c.weight).collect();
		let base = crate::assignment::BASE_WEIGHT;
		assert_eq!(weights, vec![base, base + 65535, base + 1000]);
	});
}

#[test]
fn the_waiting_queue_is_bounded() {
	test(|| {
		for (k, requester) in [1, 1, 1, 2, 2, 2, 3, 3].into_iter().enumerate() {
			assert_ok!(post(requester, 1_000, 10 + k as u64));
		}
		assert_noop!(post(4, 1_000, 30), Error::<Test>::AssignmentQueueFull);
	});
}

#[test]
fn a_job_too_late_for_its_miners_window_is_not_drawn_and_expires() {
	test(|| {
		let late = JobDeadlines { assign_by: 11, commit_by: 12, verify_by: 30, reveal_by: 40 };
		assert_ok!(Jobs::post_job(
			RuntimeOrigin::signed(REQUESTER),
			1,
			Box::new(train_spec()),
			BOUNTY,
			2,
			late
		));
		// Neurons arrive only in block 11: drawn then, the miners would have one block of
		// the mock's two-block window.
		run_to(10);
		world();
		run_to(11);
		assert!(has_event(Event::JobExpired { job: 0, refund: BOUNTY }));
		assert_eq!(Assignments::<Test>::get(0), None);
	});
}
