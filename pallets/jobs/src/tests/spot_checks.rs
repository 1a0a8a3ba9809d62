//! Spot-checked jobs: openings checked against the commitment, the plan drawn after the
//! openings, disputes that re-execute only where traces part, and settlement leaf by leaf.
//!
//! The standard job trains 20 epochs of 4 batches: 20 segments, 80 steps, 22 leaves. Its
//! deadlines: commit 13, openings 14..=15, plan in block 16, verify 23, reveal 33.

use super::*;
use frame_support::assert_noop;
use synod_primitives::stake::SlashReason;
use synod_trace::{trace_key, Trace};

const SEGMENTS: u32 = 20;
const OUTPUT: u32 = SEGMENTS + 1;

/// The honest trace of `job`: checkpoint `i`'s hash is `[i; 32]`, the output's `[0xee; 32]`.
fn honest(job: JobId) -> Trace {
	Trace {
		key: trace_key(job, train_spec().seed),
		checkpoints: (0..=SEGMENTS).map(|i| [i as u8; 32]).collect(),
		output: [0xee; 32],
	}
}

/// A trace that follows the honest one until leaf `from` and differs at it and after.
fn diverging(job: JobId, from: u32) -> Trace {
	let mut trace = honest(job);
	for (index, checkpoint) in trace.checkpoints.iter_mut().enumerate() {
		if index as u32 >= from {
			checkpoint[0] ^= 0x80;
		}
	}
	trace.output[0] ^= 0x80;
	trace
}

fn leaves(trace: &Trace) -> TraceLeavesOf {
	trace.leaves().try_into().unwrap()
}

/// The standard world on a subnet that spot-checks `checks` segments, with the standard job
/// (of `replicas` miners) posted in block 1 and assigned in block 3.
fn spot_checked_job(checks: u8, replicas: u8) -> JobId {
	world();
	set_job_policy(1, JobPolicy { spot_checks: checks, ..policy_of_subnet() });
	let job = NextJobId::<Test>::get();
	assert_ok!(Jobs::post_job(
		RuntimeOrigin::signed(REQUESTER),
		1,
		Box::new(train_spec()),
		BOUNTY,
		replicas,
		deadlines(3)
	));
	run_to(3);
	assert_eq!(JobRecords::<Test>::get(job).unwrap().state, JobState::Assigned);
	job
}

fn policy_of_subnet() -> JobPolicy {
	Subnets::hyperparameters(1).unwrap().jobs
}

fn miners_of(job: JobId) -> Vec<u64> {
	Assignments::<Test>::get(job).unwrap().into_inner()
}

fn commit_trace(miner: u64, job: JobId, trace: &Trace) {
	assert_ok!(commit(miner, job, JobResult::Digest(trace.root())));
}

fn open(miner: u64, job: JobId, trace: &Trace) -> sp_runtime::DispatchResult {
	Jobs::open_trace(RuntimeOrigin::signed(miner), job, leaves(trace), salt(miner), uri())
}

/// What an honest committee member reaches at each of `job`'s planned places.
fn honest_report(job: JobId) -> SpotCheck {
	let trace = honest(job);
	let plan = CheckPlans::<Test>::get(job).expect("a plan");
	let values: Vec<[u8; 32]> = plan.places.iter().map(|&place| trace.value(place)).collect();
	SpotCheck::Reached(values.try_into().unwrap())
}

fn commit_report(validator: u64, job: JobId, report: &SpotCheck) {
	let commitment = Jobs::spot_check_commitment(job, &validator, report, &salt(validator));
	assert_ok!(Jobs::commit_verification(RuntimeOrigin::signed(validator), job, commitment));
}

fn reveal_report(validator: u64, job: JobId, report: SpotCheck) -> sp_runtime::DispatchResult {
	Jobs::reveal_spot_check(RuntimeOrigin::signed(validator), job, report, salt(validator))
}

/// Runs `job` from its commits to settlement: each miner with its trace (`None`: commits
/// the honest one and never opens), the committee reporting what `report` gives once the plan
/// is fixed.
fn run_spot_checked(
	job: JobId,
	traces: &[(u64, Option<Trace>)],
	report: impl Fn(JobId) -> SpotCheck,
) {
	for (miner, trace) in traces {
		commit_trace(*miner, job, trace.as_ref().unwrap_or(&honest(job)));
	}
	run_to(14);
	for (miner, trace) in traces {
		if let Some(trace) = trace {
			assert_ok!(open(*miner, job, trace));
		}
	}
	run_to(16);
	let report = report(job);
	for validator in VALIDATORS {
		commit_report(validator, job, &report);
	}
	run_to(24);
	for validator in VALIDATORS {
		assert_ok!(reveal_report(validator, job, report.clone()));
	}
	run_to(34);
}

/// The places `job`'s plan checked, from its `ChecksDrawn` event.
fn checked_places(job: JobId) -> Vec<u32> {
	System::events()
		.into_iter()
		.find_map(|record| match record.event {
			RuntimeEvent::Jobs(Event::ChecksDrawn { job: drawn, places, .. }) if drawn == job => {
				Some(places)
			},
			_ => None,
		})
		.expect("a plan was drawn")
}

fn penalties_of(job: JobId) -> Vec<u64> {
	Outcomes::<Test>::get(job).unwrap().penalties.iter().map(|(hotkey, _)| *hotkey).collect()
}

fn paid_miners(job: JobId) -> Vec<u64> {
	Outcomes::<Test>::get(job).unwrap().miner_payouts.iter().map(|(hotkey, _)| *hotkey).collect()
}

#[test]
fn agreeing_miners_are_checked_at_two_segments_and_the_output_and_paid_by_the_steps() {
	test(|| {
		let job = spot_checked_job(2, 2);
		let [a, b] = [MINERS[0], MINERS[1]];
		run_spot_checked(job, &[(a, Some(honest(job))), (b, Some(honest(job)))], |job| {
			let plan = CheckPlans::<Test>::get(job).unwrap();
			// The initial state, the last segment, one other, and the output; drawn, not a
			// dispute.
			assert_eq!(plan.places.len(), 4);
			assert!(!plan.dispute);
			assert_eq!(plan.places[0], 0);
			assert_eq!(plan.places[2..], [SEGMENTS, OUTPUT]);
			assert!((1..SEGMENTS).contains(&plan.places[1]));
			honest_report(job)
		});
		let outcome = Outcomes::<Test>::get(job).unwrap();
		assert!(outcome.penalties.is_empty());
		assert_eq!(outcome.truth.unwrap().result, JobResult::Digest(honest(job).root()));
		// Two segments of 4 steps, the initial state and the output (1 each) of 80 steps:
		// 10/80 of the 20% fee (1 000) is 125, 41 a seat; the miners share the rest after the
		// 10% burnt.
		let seat_pay: Vec<u128> = outcome.validator_payouts.iter().map(|(_, paid)| *paid).collect();
		assert_eq!(seat_pay, vec![41, 41, 41]);
		let to_miners: u128 = outcome.miner_payouts.iter().map(|(_, paid)| *paid).sum();
		assert_eq!(to_miners, BOUNTY - 500 - 123 - 1);
		assert_eq!(outcome.burnt, 500);
		assert_eq!(outcome.refunded, BOUNTY - 500 - 123 - to_miners);
		assert_eq!(held(REQUESTER), 0);
	});
}

#[test]
fn a_lone_miner_diverging_from_epoch_13_is_caught_at_the_last_segment() {
	test(|| {
		let job = spot_checked_job(2, 1);
		let miner = miners_of(job)[0];
		run_spot_checked(job, &[(miner, Some(diverging(job, 13)))], honest_report);
		assert!(penalties_of(job).contains(&miner));
		assert!(has_event(Event::Penalised {
			job,
			hotkey: miner,
			slashed: MINER_STAKE / 2,
			reason: SlashReason::WrongResult
		}));
		assert!(has_event(Event::JobRefunded { job, refund: BOUNTY }));
		assert!(Outcomes::<Test>::get(job).unwrap().truth.is_none());
	});
}

#[test]
fn a_dispute_re_executes_only_the_leaf_where_the_traces_part() {
	// The first leaf (the initial state), the first segment, one in the middle, the last,
	// and the output.
	for from in [0, 1, 13, SEGMENTS, OUTPUT] {
		test(|| {
			let job = spot_checked_job(2, 2);
			let [honest_miner, cheat] = [MINERS[0], MINERS[1]];
			let cheating = if from == OUTPUT {
				let mut trace = honest(job);
				trace.output = [0x01; 32];
				trace
			} else {
				diverging(job, from)
			};
			run_spot_checked(
				job,
				&[(honest_miner, Some(honest(job))), (cheat, Some(cheating))],
				|job| {
					let plan = CheckPlans::<Test>::get(job).unwrap();
					assert!(plan.dispute);
					// Where they part, on top of the draw (the last segment, one other, the
					// output).
					assert!(plan.places.contains(&from), "diverging at {from}");
					assert!(plan.places.contains(&SEGMENTS) && plan.places.contains(&OUTPUT));
					assert!(plan.places.len() <= 5, "diverging at {from}");
					honest_report(job)
				},
			);
			assert_eq!(paid_miners(job), vec![honest_miner], "diverging at {from}");
			assert_eq!(penalties_of(job), vec![cheat], "diverging at {from}");
			// Each segment checked is 4 steps of 80; the initial state and the output 1.
			let steps: u64 = checked_places(job)
				.iter()
				.map(|p| if (1..=SEGMENTS).contains(p) { 4 } else { 1 })
				.sum();
			let fee = sp_runtime::Perbill::from_rational(steps, 80u64).mul_floor(1_000u128);
			let outcome = Outcomes::<Test>::get(job).unwrap();
			let to_seats: u128 = outcome.validator_payouts.iter().map(|(_, paid)| *paid).sum();
			assert_eq!(to_seats, fee / 3 * 3, "diverging at {from}");
		});
	}
}

#[test]
fn colluding_miners_parting_only_at_the_output_are_still_spot_checked() {
	test(|| {
		let job = spot_checked_job(2, 2);
		let [a, b] = [MINERS[0], MINERS[1]];
		// Both fake everything from epoch 13, and differ only in the output's leaf, to make
		// the dispute re-execute nothing but the output.
		let fake = diverging(job, 13);
		let mut accomplice = fake.clone();
		accomplice.output = [0x01; 32];
		run_spot_checked(job, &[(a, Some(fake)), (b, Some(accomplice))], |job| {
			let plan = CheckPlans::<Test>::get(job).unwrap();
			assert!(plan.dispute);
			assert!(plan.places.contains(&SEGMENTS));
			honest_report(job)
		});
		let mut penalised = penalties_of(job);
		penalised.sort();
		assert_eq!(penalised, vec![a, b]);
		assert!(has_event(Event::JobRefunded { job, refund: BOUNTY }));
	});
}

#[test]
fn three_traces_are_judged_at_every_pair_s_parting() {
	test(|| {
		// Three replicas need a third miner.
		neuron(6, MINER_STAKE, false);
		let job = spot_checked_job(2, 3);
		let miners = miners_of(job);
		let traces = [honest(job), diverging(job, 5), diverging(job, 9)];
		let runs: Vec<(u64, Option<Trace>)> =
			miners.iter().copied().zip(traces.iter().cloned().map(Some)).collect();
		run_spot_checked(job, &runs, |job| {
			let plan = CheckPlans::<Test>::get(job).unwrap();
			assert!(plan.places.contains(&5) && plan.places.contains(&9));
			honest_report(job)
		});
		assert_eq!(paid_miners(job), vec![miners[0]]);
		let mut penalised = penalties_of(job);
		penalised.sort();
		let mut wrong = vec![miners[1], miners[2]];
		wrong.sort();
		assert_eq!(penalised, wrong);
	});
}

#[test]
fn a_miner_that_does_not_open_loses_as_one_that_withheld_its_reveal() {
	test(|| {
		let job = spot_checked_job(2, 2);
		let [a, b] = [MINERS[0], MINERS[1]];
		run_spot_checked(job, &[(a, Some(honest(job))), (b, None)], honest_report);
		assert_eq!(paid_miners(job), vec![a]);
		assert!(has_event(Event::Penalised {
			job,
			hotkey: b,
			slashed: MINER_STAKE / 2,
			reason: SlashReason::MissedDeadline
		}));
	});
}

/// What reports reveal on chain is worth nothing in another job of the same spec and seed:
/// a member that copies an earlier job's revealed values, at this plan's places, has not
/// reported what this job's miners committed to.
#[test]
fn a_report_copied_from_an_earlier_job_of_the_same_spec_is_not_this_jobs_truth() {
	test(|| {
		let job = spot_checked_job(2, 2);
		let [a, b] = [MINERS[0], MINERS[1]];
		let [lazy, honest_members @ ..] = VALIDATORS;
		for miner in [a, b] {
			commit_trace(miner, job, &honest(job));
		}
		run_to(14);
		for miner in [a, b] {
			assert_ok!(open(miner, job, &honest(job)));
		}
		run_to(16);
		// The same checkpoints and output, reached in job `job + 7`.
		let earlier = Trace { key: trace_key(job + 7, train_spec().seed), ..honest(job) };
		let places = CheckPlans::<Test>::get(job).unwrap().places;
		let copied: Vec<[u8; 32]> = places.iter().map(|&place| earlier.value(place)).collect();
		assert_ne!(SpotCheck::Reached(copied.clone().try_into().unwrap()), honest_report(job));
		let copied = SpotCheck::Reached(copied.try_into().unwrap());
		commit_report(lazy, job, &copied);
		for member in honest_members {
			commit_report(member, job, &honest_report(job));
		}
		run_to(24);
		assert_ok!(reveal_report(lazy, job, copied));
		for member in honest_members {
			assert_ok!(reveal_report(member, job, honest_report(job)));
		}
		run_to(34);
		let outcome = Outcomes::<Test>::get(job).unwrap();
		assert_eq!(outcome.truth.unwrap().result, JobResult::Digest(honest(job).root()));
		let mut paid = paid_miners(job);
		paid.sort();
		assert_eq!(paid, vec![a, b]);
		let seats: Vec<u64> = outcome.validator_payouts.iter().map(|(v, _)| *v).collect();
		assert!(!seats.contains(&lazy), "the copier is not paid: {seats:?}");
		assert!(honest_members.iter().all(|m| seats.contains(m)), "{seats:?}");
	});
}

#[test]
fn checkpoints_nobody_serves_are_blamed_on_the_miners_that_opened() {
	test(|| {
		let job = spot_checked_job(2, 2);
		let [a, b] = [MINERS[0], MINERS[1]];
		let validator_funds = VALIDATORS.map(|v| at_stake(v, v - 10));
		run_spot_checked(job, &[(a, Some(honest(job))), (b, Some(honest(job)))], |_| {
			SpotCheck::Unreachable
		});
		let mut penalised = penalties_of(job);
		penalised.sort();
		assert_eq!(penalised, vec![a, b]);
		assert!(has_event(Event::JobRefunded { job, refund: BOUNTY }));
		// The committee that said so is neither paid nor penalised.
		assert_eq!(VALIDATORS.map(|v| at_stake(v, v - 10)), validator_funds);
	});
}

#[test]
fn a_refusal_the_committee_reproduces_costs_nothing() {
	test(|| {
		let job = spot_checked_job(2, 2);
		let refusal = JobResult::Refused(RefusalReason::InputMismatch);
		for miner in MINERS {
			assert_ok!(commit(miner, job, refusal));
		}
		run_to(16);
		// Nobody opened a trace: there is no plan, and the committee reports the refusal.
		assert!(CheckPlans::<Test>::get(job).is_none());
		let report = SpotCheck::Refused(RefusalReason::InputMismatch);
		for validator in VALIDATORS {
			commit_report(validator, job, &report);
		}
		run_to(24);
		for miner in MINERS {
			assert_ok!(reveal(miner, job, refusal));
		}
		for validator in VALIDATORS {
			assert_ok!(reveal_report(validator, job, report.clone()));
		}
		run_to(34);
		let outcome = Outcomes::<Test>::get(job).unwrap();
		assert!(outcome.penalties.is_empty());
		assert_eq!(outcome.truth.unwrap().result, refusal);
		assert!(outcome.miner_payouts.is_empty());
	});
}

#[test]
fn openings_and_reports_are_checked_and_change_nothing_when_refused() {
	test(|| {
		let job = spot_checked_job(2, 2);
		let [a, b] = [MINERS[0], MINERS[1]];
		let trace = honest(job);
		commit_trace(a, job, &trace);
		assert_noop!(open(a, job, &trace), Error::<Test>::OpenNotYet);
		assert_noop!(open(b, job, &trace), Error::<Test>::NotCommitted);
		commit_trace(b, job, &diverging(job, 1));
		run_to(14);
		// A trace other than the committed one, or one of another length, does not open.
		assert_noop!(open(a, job, &diverging(job, 3)), Error::<Test>::CommitmentMismatch);
		let mut short = trace.clone();
		short.checkpoints.pop();
		assert_noop!(open(a, job, &short), Error::<Test>::WrongLeafCount { expected: 22, got: 21 });
		// Another miner's opening, signed as one's own, does not open one's commitment.
		assert_noop!(
			Jobs::open_trace(RuntimeOrigin::signed(b), job, leaves(&trace), salt(a), uri()),
			Error::<Test>::CommitmentMismatch
		);
		assert_noop!(
			Jobs::open_trace(
				RuntimeOrigin::signed(a),
				job,
				leaves(&trace),
				salt(a),
				vec![].try_into().unwrap()
			),
			Error::<Test>::BadResultUri
		);
		assert_ok!(open(a, job, &trace));
		assert_noop!(open(a, job, &trace), Error::<Test>::AlreadyRevealed);
		run_to(16);
		assert_noop!(open(b, job, &diverging(job, 1)), Error::<Test>::OpenClosed);
		let report = honest_report(job);
		let validator = VALIDATORS[0];
		commit_report(validator, job, &report);
		run_to(24);
		// A digest goes through `open_trace`, a committee's report through
		// `reveal_spot_check`.
		let b_digest = JobResult::Digest(diverging(job, 1).root());
		assert_noop!(reveal(b, job, b_digest), Error::<Test>::SpotChecked);
		assert_noop!(
			reveal_verification(validator, job, JobResult::Digest(trace.root())),
			Error::<Test>::SpotChecked
		);
		let short_report = SpotCheck::Reached(vec![[0u8; 32]].try_into().unwrap());
		let commitment =
			Jobs::spot_check_commitment(job, &validator, &short_report, &salt(validator));
		assert_ne!(VerificationCommits::<Test>::get(job, validator), Some(commitment));
		assert_noop!(
			reveal_report(validator, job, short_report),
			Error::<Test>::CommitmentMismatch
		);
		// Another member's report and salt do not open one's own commitment.
		assert_noop!(
			Jobs::reveal_spot_check(
				RuntimeOrigin::signed(VALIDATORS[1]),
				job,
				report.clone(),
				salt(validator)
			),
			Error::<Test>::NotCommitted
		);
		assert_ok!(reveal_report(validator, job, report.clone()));
		assert_noop!(reveal_report(validator, job, report), Error::<Test>::AlreadyRevealed);
	});
}

#[test]
fn a_report_of_the_wrong_length_is_refused() {
	test(|| {
		let job = spot_checked_job(2, 1);
		let miner = miners_of(job)[0];
		commit_trace(miner, job, &honest(job));
		run_to(14);
		assert_ok!(open(miner, job, &honest(job)));
		run_to(16);
		let validator = VALIDATORS[0];
		let short = SpotCheck::Reached(vec![[0u8; 32]].try_into().unwrap());
		commit_report(validator, job, &short);
		run_to(24);
		assert_noop!(
			reveal_report(validator, job, short),
			Error::<Test>::WrongCheckCount { expected: 4, got: 1 }
		);
	});
}

#[test]
fn a_job_verified_whole_has_no_trace_to_open() {
	test(|| {
		let job = assigned_job();
		let trace = honest(job);
		commit_trace(MINERS[0], job, &trace);
		run_to(14);
		assert_noop!(open(MINERS[0], job, &trace), Error::<Test>::NotSpotChecked);
		run_to(24);
		assert_noop!(
			reveal_report(VALIDATORS[0], job, SpotCheck::Unreachable),
			Error::<Test>::NotSpotChecked
		);
	});
}

#[test]
fn a_spot_checked_job_leaves_its_committee_a_window_after_the_plan() {
	test(|| {
		world();
		set_job_policy(1, JobPolicy { spot_checks: 2, ..policy_of_subnet() });
		// The plan comes in block commit_by + MinWindow + 1 = 16; verify_by 17 leaves one.
		let tight = JobDeadlines { assign_by: 3, commit_by: 13, verify_by: 17, reveal_by: 40 };
		assert_noop!(
			Jobs::post_job(
				RuntimeOrigin::signed(REQUESTER),
				1,
				Box::new(train_spec()),
				BOUNTY,
				1,
				tight
			),
			Error::<Test>::BadDeadlines { reason: DeadlineError::VerifyWindowTooShort }
		);
		let enough = JobDeadlines { verify_by: 18, ..tight };
		assert_ok!(Jobs::post_job(
			RuntimeOrigin::signed(REQUESTER),
			1,
			Box::new(train_spec()),
			BOUNTY,
			1,
			enough
		));
	});
}
