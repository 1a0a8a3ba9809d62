//! Each attack of `docs/security.md` that the pallet stops, run as its attacker would: it
//! earns the attacker nothing and leaves the honest parties whole.

use super::*;
use frame_support::assert_noop;
use synod_primitives::stake::SlashReason;

/// A1: a miner that computes nothing submits another miner's commitment bytes as its own
/// and replays that miner's reveal once it is public.
#[test]
fn a_copying_miner_cannot_open_a_copied_commitment_and_pays_for_its_silence() {
	test(|| {
		let job = assigned_job();
		let [honest, copier] = MINERS;
		let result = digest(7);
		assert_ok!(commit(honest, job, result));
		let copied = ResultCommits::<Test>::get(job, honest).unwrap();
		assert_ok!(Jobs::commit_result(RuntimeOrigin::signed(copier), job, copied));
		run_to(14);
		for validator in VALIDATORS {
			assert_ok!(commit_verification(validator, job, result));
		}
		run_to(24);
		assert_ok!(reveal(honest, job, result));
		// The copier replays the honest reveal, byte for byte, in every form it can.
		assert_noop!(
			Jobs::reveal_result(RuntimeOrigin::signed(copier), job, result, salt(honest), uri()),
			Error::<Test>::CommitmentMismatch
		);
		assert_noop!(
			Jobs::reveal_result(RuntimeOrigin::signed(copier), job, result, salt(copier), uri()),
			Error::<Test>::CommitmentMismatch
		);
		for validator in VALIDATORS {
			assert_ok!(reveal_verification(validator, job, result));
		}
		let copier_balance = Balances::balance(&2);
		run_to(34);
		let outcome = Outcomes::<Test>::get(job).unwrap();
		assert_eq!(outcome.miner_payouts.iter().map(|(m, _)| *m).collect::<Vec<_>>(), [honest]);
		assert_eq!(Balances::balance(&2), copier_balance, "the copier is paid nothing");
		// Committed and withheld: as dear as a wrong result (half, in the mock's policy).
		assert_eq!(outcome.penalties.into_inner(), vec![(copier, MINER_STAKE / 2)]);
		assert_eq!(at_stake(copier, 2), MINER_STAKE - MINER_STAKE / 2);
		assert_eq!(at_stake(honest, 1), MINER_STAKE, "the honest miner is whole");
	});
}

/// A2: a committee member copies a miner's result, or another member's commitment.
#[test]
fn no_result_is_public_while_the_committee_commits_and_a_copied_seat_pays_nothing() {
	test(|| {
		let job = assigned_job();
		let result = digest(7);
		for miner in MINERS {
			assert_ok!(commit(miner, job, result));
		}
		run_to(14);
		// Before the committee's deadline nothing is revealed: there is nothing to copy.
		assert_noop!(reveal(MINERS[0], job, result), Error::<Test>::RevealNotOpen);
		let [first, second, copier] = VALIDATORS;
		assert_ok!(commit_verification(first, job, result));
		assert_ok!(commit_verification(second, job, result));
		let copied = VerificationCommits::<Test>::get(job, first).unwrap();
		assert_ok!(Jobs::commit_verification(RuntimeOrigin::signed(copier), job, copied));
		// A miner's commitment cannot stand for a verification either: the tags differ.
		assert_ne!(
			Jobs::result_commitment(job, &copier, &result, &salt(copier)),
			Jobs::verification_commitment(job, &copier, &result, &salt(copier))
		);
		run_to(24);
		for miner in MINERS {
			assert_ok!(reveal(miner, job, result));
		}
		assert_ok!(reveal_verification(first, job, result));
		assert_ok!(reveal_verification(second, job, result));
		assert_noop!(
			Jobs::reveal_verification(RuntimeOrigin::signed(copier), job, result, salt(first)),
			Error::<Test>::CommitmentMismatch
		);
		let copier_balance = Balances::balance(&5);
		run_to(34);
		let outcome = Outcomes::<Test>::get(job).unwrap();
		let paid: Vec<u64> = outcome.validator_payouts.iter().map(|(v, _)| *v).collect();
		assert_eq!(paid, [first, second]);
		assert_eq!(Balances::balance(&5), copier_balance);
		assert_eq!(outcome.penalties.into_inner(), vec![(copier, VALIDATOR_STAKE / 2)]);
		assert!(has_event(Event::Penalised {
			job,
			hotkey: copier,
			slashed: VALIDATOR_STAKE / 2,
			reason: SlashReason::MissedVerification,
		}));
	});
}

/// A3: a requester holding permits fills the verifier slots of its own job to fake a
/// result and collect the honest miners' slashes.
#[test]
fn a_requester_never_judges_its_own_job_and_a_captured_committee_profits_nobody() {
	test(|| {
		world();
		// Two more miners, so that two of the requester's jobs find miners under its
		// per-miner share.
		neuron(6, MINER_STAKE, false);
		neuron(7, MINER_STAKE, false);
		// The requester's coldkey owns the subnet's biggest validator.
		let own = neuron(REQUESTER, 50_000, true);
		for _ in 0..2 {
			let job = NextJobId::<Test>::get();
			let assign_by = System::block_number() + 2;
			post_train(REQUESTER, assign_by);
			run_to(assign_by);
			let seats: Vec<u64> =
				Committees::<Test>::get(job).unwrap().iter().map(|s| s.hotkey).collect();
			assert!(!seats.contains(&own), "the requester's hotkey sat on its own job");
			assert!(!Assignments::<Test>::get(job).unwrap().contains(&own));
		}
	});
	// Sybils: validators under other coldkeys that the requester controls capture two of
	// the three seats and reveal a made-up result.
	test(|| {
		let job = assigned_job();
		let truth = digest(7);
		let fake = digest(66);
		for miner in MINERS {
			assert_ok!(commit(miner, job, truth));
		}
		run_to(14);
		let [sybil_a, sybil_b, honest] = VALIDATORS;
		assert_ok!(commit_verification(sybil_a, job, fake));
		assert_ok!(commit_verification(sybil_b, job, fake));
		assert_ok!(commit_verification(honest, job, truth));
		run_to(24);
		for miner in MINERS {
			assert_ok!(reveal(miner, job, truth));
		}
		for (validator, result) in [(sybil_a, fake), (sybil_b, fake), (honest, truth)] {
			assert_ok!(reveal_verification(validator, job, result));
		}
		let coalition =
			|| Balances::balance(&REQUESTER) + Balances::balance(&3) + Balances::balance(&4);
		let before = coalition() + held(REQUESTER);
		run_to(34);
		let outcome = Outcomes::<Test>::get(job).unwrap();
		assert_eq!(outcome.truth.unwrap().result, fake, "two thirds of the seats decide");
		// The honest parties lose their slash, but it is burnt: the coalition gets none of
		// it, and pays the protocol fee for the attempt.
		assert_eq!(outcome.penalties.len(), 3);
		assert!(outcome.refunded <= BOUNTY);
		assert_eq!(coalition(), before - outcome.burnt, "the coalition lost the fee");
		assert!(Balances::balance(&REQUESTER) <= FUNDS);
	});
}

/// A4: the draw is known before the job exists, so a requester times its post.
#[test]
fn miners_are_drawn_from_randomness_revealed_after_the_post() {
	test(|| {
		world();
		assert_noop!(
			Jobs::post_job(
				RuntimeOrigin::signed(REQUESTER),
				1,
				Box::new(train_spec()),
				BOUNTY,
				2,
				deadlines(2)
			),
			Error::<Test>::BadDeadlines { reason: DeadlineError::AssignTooSoon }
		);
		let job = post_train(REQUESTER, 3);
		// Block 2's randomness was known in block 1, when the job was posted: no draw.
		run_to(2);
		assert_eq!(JobRecords::<Test>::get(job).unwrap().state, JobState::Posted);
		run_to(3);
		let record = JobRecords::<Test>::get(job).unwrap();
		assert_eq!(record.state, JobState::Assigned);
		assert_eq!(record.committee_drawn_at, Some(3));
	});
}

/// A4b: a requester fills every honest miner's job cap with cheap jobs so that the job it
/// cares about goes to its own sybils.
#[test]
fn one_requester_cannot_occupy_every_miner() {
	test(|| {
		world();
		let single = |requester: u64, assign_by: u64| {
			let job = NextJobId::<Test>::get();
			assert_ok!(Jobs::post_job(
				RuntimeOrigin::signed(requester),
				1,
				Box::new(train_spec()),
				MIN_BOUNTY,
				1,
				deadlines(assign_by)
			));
			job
		};
		let (a, b, c) = (single(REQUESTER, 3), single(REQUESTER, 3), single(REQUESTER, 5));
		run_to(4);
		// Its share of each miner is one job: two miners, two jobs; the third waits.
		assert_eq!(JobRecords::<Test>::get(a).unwrap().state, JobState::Assigned);
		assert_eq!(JobRecords::<Test>::get(b).unwrap().state, JobState::Assigned);
		assert_eq!(JobRecords::<Test>::get(c).unwrap().state, JobState::Posted);
		// Another requester's job still finds both miners.
		let other = single(8, 6);
		run_to(6);
		assert_eq!(JobRecords::<Test>::get(other).unwrap().state, JobState::Assigned);
		for miner in MINERS {
			assert_eq!(MinerRequesterLoad::<Test>::get(miner, REQUESTER), 1);
		}
	});
}

/// A4c: an operator registers several hotkeys to take every replica of a job.
#[test]
fn replicas_come_from_distinct_coldkeys() {
	test(|| {
		world();
		// Coldkey 1 owns a second miner hotkey.
		assert_ok!(Subnets::register(RuntimeOrigin::signed(1), 1, 21));
		assert_ok!(Staking::add_stake(RuntimeOrigin::signed(1), 21, MINER_STAKE));
		for requester in [6, 7] {
			let job = NextJobId::<Test>::get();
			let assign_by = System::block_number() + 2;
			// Another requester each time, so that the per-requester share never binds.
			post_train(requester, assign_by);
			run_to(assign_by);
			let miners = Assignments::<Test>::get(job).unwrap();
			assert!(miners.contains(&12), "coldkey 2's miner is always drawn: {miners:?}");
			assert!(!(miners.contains(&11) && miners.contains(&21)));
		}
	});
}

/// A5: a miner takes a job and never commits, hoping to go unnoticed.
#[test]
fn a_miner_that_never_commits_pays_the_liveness_penalty() {
	test(|| {
		let job = assigned_job();
		let result = digest(7);
		assert_ok!(commit(MINERS[0], job, result));
		run_to(14);
		for validator in VALIDATORS {
			assert_ok!(commit_verification(validator, job, result));
		}
		run_to(24);
		assert_ok!(reveal(MINERS[0], job, result));
		for validator in VALIDATORS {
			assert_ok!(reveal_verification(validator, job, result));
		}
		run_to(34);
		assert!(has_event(Event::Penalised {
			job,
			hotkey: MINERS[1],
			slashed: MINER_STAKE / 10,
			reason: SlashReason::MissedDeadline,
		}));
	});
}

/// A6: a committee member unbonds and withdraws before settlement to dodge its slash.
#[test]
fn committee_stake_stays_slashable_until_settlement() {
	test(|| {
		let job = assigned_job();
		let silent = VALIDATORS[2];
		assert_ok!(Staking::remove_stake(RuntimeOrigin::signed(5), silent, VALIDATOR_STAKE));
		let result = digest(7);
		for miner in MINERS {
			assert_ok!(commit(miner, job, result));
		}
		// Past the unbonding period, yet the job is in flight.
		run_to(21);
		assert_noop!(
			Staking::withdraw_unbonded(RuntimeOrigin::signed(5), silent),
			pallet_synod_staking::Error::<Test>::StakeLocked
		);
		let others = [VALIDATORS[0], VALIDATORS[1]];
		for validator in others {
			assert_ok!(commit_verification(validator, job, result));
		}
		run_to(24);
		for miner in MINERS {
			assert_ok!(reveal(miner, job, result));
		}
		for validator in others {
			assert_ok!(reveal_verification(validator, job, result));
		}
		run_to(34);
		assert_eq!(at_stake(silent, 5), VALIDATOR_STAKE - VALIDATOR_STAKE / 10);
		// Settled: the lock is gone and what is left can be withdrawn.
		assert_ok!(Staking::withdraw_unbonded(RuntimeOrigin::signed(5), silent));
	});
}

/// Nobody outside the committee commits a verification, and a miner cannot sit on it.
#[test]
fn only_the_drawn_committee_verifies() {
	test(|| {
		let job = assigned_job();
		let outsider = neuron(6, VALIDATOR_STAKE, true);
		assert_noop!(commit_verification(outsider, job, digest(7)), Error::<Test>::NotOnCommittee);
		assert_noop!(commit_verification(MINERS[0], job, digest(7)), Error::<Test>::NotOnCommittee);
		let seats = Committees::<Test>::get(job).unwrap();
		assert_eq!(seats.len(), 3);
		assert!(seats.iter().all(|seat| seat.stake == VALIDATOR_STAKE));
	});
}
