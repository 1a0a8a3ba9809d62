//! Settlement: two thirds of the committee's seats, refusals, disputes, partial verification
//! and what clients read along the way.

use super::*;
use frame_support::assert_noop;
use pallet_jobs_runtime_api::JobStatus;
use synod_primitives::stake::SlashReason;

#[test]
fn an_honest_job_pays_miners_and_committee_and_burns_the_fee() {
	test(|| {
		let job = assigned_job();
		let issuance = Balances::total_issuance();
		let coldkeys = |keys: [u64; 5]| keys.map(|k| Balances::balance(&k));
		let before = coldkeys([1, 2, 3, 4, 5]);
		run_honest(job, digest(7));
		// 10% burnt (500); 20% to three seats (333 each); the rest to two miners (1 750
		// each); the remainder of the rounding back.
		let after = coldkeys([1, 2, 3, 4, 5]);
		let gains: Vec<u128> = after.iter().zip(before).map(|(a, b)| a - b).collect();
		assert_eq!(gains, vec![1_750, 1_750, 333, 333, 333]);
		assert_eq!(Balances::total_issuance(), issuance - 500);
		assert_eq!(Balances::balance(&REQUESTER), FUNDS - BOUNTY + 1);
		assert_eq!(held(REQUESTER), 0);
		assert!(has_event(Event::JobSettled {
			job,
			result: digest(7),
			to_miners: 3_500,
			to_validators: 999,
			burnt: 500,
			refunded: 1,
		}));
		let outcome = Outcomes::<Test>::get(job).unwrap();
		assert!(outcome.penalties.is_empty());
		assert_eq!(outcome.truth.unwrap().uri, uri());
		// Locks and indexes are gone with the job.
		for hotkey in MINERS.into_iter().chain(VALIDATORS) {
			assert!(!<Staking as synod_primitives::stake::StakeLock<u64>>::is_locked(&hotkey));
			assert!(Jobs::committee_seats_of(&hotkey).is_empty());
		}
	});
}

#[test]
fn commits_and_reveals_keep_their_windows() {
	test(|| {
		let job = assigned_job();
		let result = digest(7);
		assert_ok!(commit(MINERS[0], job, result));
		assert_noop!(commit(MINERS[0], job, result), Error::<Test>::AlreadyCommitted);
		assert_noop!(reveal(MINERS[1], job, result), Error::<Test>::NotCommitted);
		run_to(14);
		assert_noop!(commit(MINERS[1], job, result), Error::<Test>::CommitClosed);
		assert_ok!(commit_verification(VALIDATORS[0], job, result));
		assert_noop!(reveal_verification(VALIDATORS[0], job, result), Error::<Test>::RevealNotOpen);
		run_to(24);
		assert_noop!(commit_verification(VALIDATORS[1], job, result), Error::<Test>::CommitClosed);
		assert_ok!(reveal(MINERS[0], job, result));
		assert_noop!(reveal(MINERS[0], job, result), Error::<Test>::AlreadyRevealed);
		run_to(34);
		// Settled and forgotten: no call reaches it any more.
		assert_noop!(reveal(MINERS[0], job, result), Error::<Test>::UnknownJob);
	});
}

#[test]
fn a_digest_needs_its_uri_and_a_refusal_has_none() {
	test(|| {
		let job = assigned_job();
		let refusal = JobResult::Refused(RefusalReason::InputMismatch);
		assert_ok!(commit(MINERS[0], job, digest(7)));
		assert_ok!(commit(MINERS[1], job, refusal));
		run_to(24);
		let signed = RuntimeOrigin::signed;
		assert_noop!(
			Jobs::reveal_result(
				signed(MINERS[0]),
				job,
				digest(7),
				salt(MINERS[0]),
				Default::default()
			),
			Error::<Test>::BadResultUri
		);
		assert_noop!(
			Jobs::reveal_result(signed(MINERS[1]), job, refusal, salt(MINERS[1]), uri()),
			Error::<Test>::BadResultUri
		);
		assert_ok!(reveal(MINERS[0], job, digest(7)));
		assert_ok!(reveal(MINERS[1], job, refusal));
	});
}

/// Runs the standard job with each miner revealing `miners[i]` and each seat `seats[i]`
/// (`None`: silent).
fn run_with(job: JobId, miners: [Option<JobResult>; 2], seats: [Option<JobResult>; 3]) {
	for (miner, result) in MINERS.into_iter().zip(miners) {
		if let Some(result) = result {
			assert_ok!(commit(miner, job, result));
		}
	}
	run_to(14);
	for (validator, result) in VALIDATORS.into_iter().zip(seats) {
		if let Some(result) = result {
			assert_ok!(commit_verification(validator, job, result));
		}
	}
	run_to(24);
	for (miner, result) in MINERS.into_iter().zip(miners) {
		if let Some(result) = result {
			assert_ok!(reveal(miner, job, result));
		}
	}
	for (validator, result) in VALIDATORS.into_iter().zip(seats) {
		if let Some(result) = result {
			assert_ok!(reveal_verification(validator, job, result));
		}
	}
	run_to(34);
}

#[test]
fn a_wrong_miner_and_a_wrong_seat_are_slashed_and_the_slash_is_burnt() {
	test(|| {
		let job = assigned_job();
		let (truth, lie) = (Some(digest(7)), Some(digest(8)));
		let requester_before = Balances::balance(&REQUESTER) + held(REQUESTER);
		run_with(job, [truth, lie], [truth, truth, lie]);
		let outcome = Outcomes::<Test>::get(job).unwrap();
		assert_eq!(
			outcome.penalties.into_inner(),
			vec![(VALIDATORS[2], VALIDATOR_STAKE / 2), (MINERS[1], MINER_STAKE / 2)]
		);
		assert!(has_event(Event::Penalised {
			job,
			hotkey: MINERS[1],
			slashed: MINER_STAKE / 2,
			reason: SlashReason::WrongResult,
		}));
		// The requester paid for a verified result; none of the slashes reached it.
		let requester_after = Balances::balance(&REQUESTER);
		assert_eq!(requester_after, requester_before - BOUNTY + outcome.refunded);
		assert!(outcome.refunded < BOUNTY);
	});
}

#[test]
fn without_two_thirds_the_job_is_disputed_refunded_and_only_silence_is_penalised() {
	test(|| {
		let job = assigned_job();
		run_with(job, [Some(digest(7)), Some(digest(7))], [Some(digest(7)), Some(digest(8)), None]);
		assert!(has_event(Event::JobRefunded { job, refund: BOUNTY }));
		assert_eq!(Balances::balance(&REQUESTER), FUNDS);
		let outcome = Outcomes::<Test>::get(job).unwrap();
		assert_eq!(outcome.truth, None);
		assert_eq!(outcome.penalties.into_inner(), vec![(VALIDATORS[2], VALIDATOR_STAKE / 10)]);
	});
}

#[test]
fn silence_never_lowers_the_bar() {
	test(|| {
		let job = assigned_job();
		// One seat of three revealed: a majority of those present, not two thirds of seats.
		run_with(job, [Some(digest(7)), Some(digest(7))], [Some(digest(7)), None, None]);
		assert!(has_event(Event::JobRefunded { job, refund: BOUNTY }));
	});
}

#[test]
fn a_refusal_the_committee_reproduces_costs_the_miners_nothing() {
	test(|| {
		let job = assigned_job();
		let refusal = Some(JobResult::Refused(RefusalReason::InputMismatch));
		let miners_before = [1, 2].map(|k| Balances::balance(&k));
		run_with(job, [refusal, refusal], [refusal, refusal, refusal]);
		let outcome = Outcomes::<Test>::get(job).unwrap();
		assert!(outcome.penalties.is_empty());
		assert!(outcome.miner_payouts.is_empty());
		assert_eq!(outcome.validator_payouts.len(), 3);
		assert_eq!([1, 2].map(|k| Balances::balance(&k)), miners_before);
		assert_eq!(outcome.burnt + 999 + outcome.refunded, BOUNTY);
		assert_eq!(at_stake(MINERS[0], 1), MINER_STAKE);
	});
}

#[test]
fn a_refusal_the_committee_does_not_reproduce_is_a_wrong_result() {
	test(|| {
		let job = assigned_job();
		let refusal = Some(JobResult::Refused(RefusalReason::ExceedsLimits));
		let truth = Some(digest(7));
		run_with(job, [refusal, truth], [truth, truth, truth]);
		assert!(has_event(Event::Penalised {
			job,
			hotkey: MINERS[0],
			slashed: MINER_STAKE / 2,
			reason: SlashReason::WrongResult,
		}));
	});
}

#[test]
fn clients_read_the_phase_the_committee_and_its_snapshot() {
	test(|| {
		let job = assigned_job();
		let status = || Jobs::job_view(job).unwrap().status;
		assert_eq!(status(), JobStatus::Committing);
		let view = Jobs::job_view(job).unwrap().job.unwrap();
		assert_eq!(view.committee_drawn_at, Some(3));
		let seats: Vec<(u64, u128, bool)> =
			view.committee.iter().map(|s| (s.validator, s.stake, s.committed)).collect();
		let mut sorted = seats.clone();
		sorted.sort();
		assert_eq!(sorted, VALIDATORS.map(|v| (v, VALIDATOR_STAKE, false)).to_vec());
		for validator in VALIDATORS {
			assert_eq!(Jobs::committee_seats_of(&validator), vec![job]);
		}
		run_to(14);
		assert_eq!(status(), JobStatus::Verifying);
		run_to(24);
		assert_eq!(status(), JobStatus::Revealing);
		assert_eq!(Jobs::jobs_in_status(JobStatus::Revealing, 0, 10), vec![job]);
		run_to(34);
		let view = Jobs::job_view(job).unwrap();
		assert_eq!(view.status, JobStatus::Refunded, "nobody revealed");
		let outcome = view.outcome.unwrap();
		assert!(!outcome.by_committee);
		assert_eq!(outcome.penalties.len(), 5, "two miners and three seats were silent");
	});
}

mod partial_verification {
	use super::*;

	fn policy(rate: u32) -> JobPolicy {
		JobPolicy {
			verification_rate: sp_runtime::Perbill::from_percent(rate),
			spot_checks: 0,
			..Default::default()
		}
	}

	#[test]
	fn a_job_not_verified_stands_on_its_miners_unanimity_without_a_committee() {
		test(|| {
			world();
			set_job_policy(1, policy(0));
			let job = post_train(REQUESTER, 3);
			run_to(3);
			assert_eq!(Committees::<Test>::get(job), None);
			for miner in MINERS {
				assert_ok!(commit(miner, job, digest(7)));
			}
			run_to(24);
			for miner in MINERS {
				assert_ok!(reveal(miner, job, digest(7)));
			}
			run_to(34);
			let outcome = Outcomes::<Test>::get(job).unwrap();
			assert!(!outcome.truth.unwrap().by_committee);
			assert!(outcome.validator_payouts.is_empty());
			assert_eq!(outcome.miner_payouts.len(), 2);
		});
	}

	#[test]
	fn disagreeing_miners_of_a_job_not_verified_are_refunded_unslashed() {
		test(|| {
			world();
			set_job_policy(1, policy(0));
			let job = post_train(REQUESTER, 3);
			run_to(3);
			assert_ok!(commit(MINERS[0], job, digest(7)));
			assert_ok!(commit(MINERS[1], job, digest(8)));
			run_to(24);
			assert_ok!(reveal(MINERS[0], job, digest(7)));
			assert_ok!(reveal(MINERS[1], job, digest(8)));
			run_to(34);
			assert!(has_event(Event::JobRefunded { job, refund: BOUNTY }));
			assert!(Outcomes::<Test>::get(job).unwrap().penalties.is_empty());
		});
	}

	#[test]
	fn the_sample_and_its_committee_are_drawn_after_the_commits_close() {
		test(|| {
			world();
			set_job_policy(1, policy(50));
			let mut drawn = [0, 0];
			for round in 0..6u64 {
				let job = NextJobId::<Test>::get();
				let start = System::block_number();
				let requester = 1 + round % 3 + 5;
				let assign_by = start + 2;
				assert_ok!(Jobs::post_job(
					RuntimeOrigin::signed(requester),
					1,
					Box::new(train_spec()),
					BOUNTY,
					1,
					deadlines(assign_by)
				));
				let commit_by = deadlines(assign_by).commit_by;
				run_to(commit_by + 1);
				assert_eq!(JobRecords::<Test>::get(job).unwrap().sampled, None);
				run_to(commit_by + 2);
				let record = JobRecords::<Test>::get(job).unwrap();
				let sampled = record.sampled.expect("drawn two blocks after the commits");
				drawn[sampled as usize] += 1;
				assert_eq!(Committees::<Test>::get(job).is_some(), sampled);
				if sampled {
					assert_eq!(record.committee_drawn_at, Some(commit_by + 2));
				}
				run_to(deadlines(assign_by).reveal_by + 1);
			}
			assert!(drawn[0] > 0 && drawn[1] > 0, "both outcomes in six draws: {drawn:?}");
		});
	}

	#[test]
	fn a_committee_thinned_before_its_draw_decides_by_the_seats_it_has() {
		test(|| {
			world();
			// Verified all but surely, yet drawn after the commits as at any partial rate.
			set_job_policy(
				1,
				JobPolicy {
					verification_rate: sp_runtime::Perbill::from_parts(999_999_999),
					spot_checks: 0,
					..Default::default()
				},
			);
			let job = post_train(REQUESTER, 3);
			run_to(3);
			assert_eq!(JobRecords::<Test>::get(job).unwrap().state, JobState::Assigned);
			for miner in MINERS {
				assert_ok!(commit(miner, job, digest(7)));
			}
			// Two of the three candidates lose their permits before the draw in block 15:
			// two thirds of the policy's three seats are out of reach of the one left.
			for validator in [14, 15] {
				revoke_permit(1, Subnets::uid_of(1, &validator).unwrap());
			}
			run_to(15);
			assert_eq!(JobRecords::<Test>::get(job).unwrap().sampled, Some(true));
			let seated: Vec<u64> =
				Committees::<Test>::get(job).unwrap().iter().map(|seat| seat.hotkey).collect();
			assert_eq!(seated, vec![13]);
			assert_ok!(commit_verification(13, job, digest(7)));
			run_to(24);
			for miner in MINERS {
				assert_ok!(reveal(miner, job, digest(7)));
			}
			assert_ok!(reveal_verification(13, job, digest(7)));
			run_to(34);
			let outcome = Outcomes::<Test>::get(job).unwrap();
			let truth = outcome.truth.expect("the one seat drawn is the whole committee");
			assert!(truth.by_committee);
			assert_eq!(outcome.miner_payouts.len(), 2, "the honest miners are paid");
			assert_eq!(outcome.validator_payouts.len(), 1);
			assert!(outcome.penalties.is_empty());
		});
	}

	#[test]
	fn a_job_keeps_the_policy_it_was_posted_under() {
		test(|| {
			world();
			let posted_under = Subnets::hyperparameters(1).unwrap().jobs;
			let job = post_train(REQUESTER, 3);
			set_job_policy(1, JobPolicy { committee_size: 5, ..policy(0) });
			run_to(3);
			let record = JobRecords::<Test>::get(job).unwrap();
			assert_eq!(record.policy, posted_under);
			assert_eq!(Committees::<Test>::get(job).unwrap().len(), 3);
		});
	}

	#[test]
	fn committee_sizes_and_slashes_outside_their_bounds_are_refused() {
		test(|| {
			let mut hp = Subnets::hyperparameters(1).unwrap();
			for (size, ok) in [(0u8, false), (1, true), (16, true), (17, false)] {
				hp.jobs.committee_size = size;
				let result =
					Subnets::set_hyperparameters(RuntimeOrigin::signed(OWNER), 1, hp.clone());
				assert_eq!(result.is_ok(), ok, "committee of {size}");
			}
			hp.jobs.committee_size = 3;
			hp.jobs.wrong_result_slash = sp_runtime::Perbill::from_percent(51);
			assert!(Subnets::set_hyperparameters(RuntimeOrigin::signed(OWNER), 1, hp).is_err());
		});
	}
}
