//! Federated statistics: providers commit to their moments, reveal them, and moments that
//! no data gives are refused and penalised while the others' aggregate stands.

use super::*;
use frame_support::assert_noop;
use synod_primitives::{job::STATS_SCALE, stake::SlashReason};

fn moments(values: &[i128]) -> MomentsOf {
	vec![ColumnMoments {
		count: values.len() as u64,
		sum: values.iter().map(|v| v * STATS_SCALE).sum(),
		sum_of_squares: values.iter().map(|v| (v * STATS_SCALE).pow(2) as u128).sum(),
	}]
	.try_into()
	.unwrap()
}

/// Three staked providers (11, 12, 13) and a one-column statistics job of three replicas,
/// posted by 6 in block 1 and assigned in block 3; reveals open in block 24.
fn statistics_job() -> JobId {
	for coldkey in [1, 2, 3] {
		neuron(coldkey, MINER_STAKE, false);
	}
	let mut spec = train_spec();
	spec.kind = JobKind::FederatedStatistics { columns: 1 };
	spec.inputs = Default::default();
	// Providers compute on data only they hold: a statistics job declares no shape.
	spec.shape = Default::default();
	assert_ok!(Jobs::post_job(RuntimeOrigin::signed(6), 1, Box::new(spec), 6_000, 3, deadlines(3)));
	run_to(3);
	assert_eq!(JobRecords::<Test>::get(0).unwrap().state, JobState::Assigned);
	0
}

fn commit_moments(provider: u64, job: JobId, moments: &MomentsOf) -> sp_runtime::DispatchResult {
	let commitment = Jobs::moments_commitment(job, &provider, moments, &salt(provider));
	Jobs::commit_statistics(RuntimeOrigin::signed(provider), job, commitment)
}

fn reveal_moments(provider: u64, job: JobId, moments: MomentsOf) -> sp_runtime::DispatchResult {
	Jobs::reveal_statistics(RuntimeOrigin::signed(provider), job, moments, salt(provider))
}

#[test]
fn committed_moments_become_column_statistics_and_the_providers_are_paid() {
	test(|| {
		let job = statistics_job();
		let parts = [moments(&[2, 4]), moments(&[4, 4, 5]), moments(&[5, 7, 9])];
		for (provider, part) in [11, 12, 13].into_iter().zip(&parts) {
			assert_ok!(commit_moments(provider, job, part));
		}
		assert_noop!(commit_moments(11, job, &parts[0]), Error::<Test>::AlreadyCommitted);
		assert_noop!(commit_moments(14, job, &parts[0]), Error::<Test>::NotAssigned);
		run_to(24);
		let two_columns: MomentsOf = vec![ColumnMoments::default(); 2].try_into().unwrap();
		assert_noop!(reveal_moments(11, job, two_columns), Error::<Test>::WrongColumnCount);
		for (provider, part) in [11, 12, 13].into_iter().zip(parts.clone()) {
			assert_ok!(reveal_moments(provider, job, part));
		}
		assert_noop!(reveal_moments(11, job, parts[0].clone()), Error::<Test>::AlreadyRevealed);
		let before = [1, 2, 3].map(|who| Balances::balance(&who));
		run_to(34);
		// Rows 2, 4, 4, 4, 5, 5, 7, 9: mean 5, variance 4, deviation 2.
		assert_eq!(
			Statistics::<Test>::get(job).unwrap().into_inner(),
			vec![ColumnSummary {
				count: 8,
				mean: 5 * STATS_SCALE,
				variance: 4 * (STATS_SCALE as u128).pow(2),
				std_dev: 2 * STATS_SCALE as u128,
			}]
		);
		// 10% burnt, the rest shared by the three providers.
		for (k, who) in [1, 2, 3].into_iter().enumerate() {
			assert_eq!(Balances::balance(&who) - before[k], 1_800);
		}
		assert_eq!(held(6), 0);
		run_to(54);
		assert_eq!(Statistics::<Test>::get(job), None, "pruned after the retention");
	});
}

#[test]
fn a_provider_cannot_open_a_copied_commitment() {
	test(|| {
		let job = statistics_job();
		let honest = moments(&[2, 4]);
		assert_ok!(commit_moments(11, job, &honest));
		let copied = StatisticsCommits::<Test>::get(job, 11).unwrap();
		assert_ok!(Jobs::commit_statistics(RuntimeOrigin::signed(12), job, copied));
		run_to(24);
		assert_ok!(reveal_moments(11, job, honest.clone()));
		assert_noop!(
			Jobs::reveal_statistics(RuntimeOrigin::signed(12), job, honest, salt(11)),
			Error::<Test>::CommitmentMismatch
		);
	});
}

#[test]
fn moments_no_data_gives_are_refused_penalised_and_leave_the_aggregate_standing() {
	test(|| {
		let job = statistics_job();
		// Two values summing to 10 with squares summing to less than 50: impossible.
		let impossible: MomentsOf =
			vec![ColumnMoments { count: 2, sum: 10, sum_of_squares: 49 }].try_into().unwrap();
		let (a, b) = (moments(&[2, 4, 4, 4]), moments(&[5, 5, 7, 9]));
		assert_ok!(commit_moments(11, job, &a));
		assert_ok!(commit_moments(12, job, &b));
		assert_ok!(commit_moments(13, job, &impossible));
		run_to(24);
		assert_ok!(reveal_moments(11, job, a));
		assert_ok!(reveal_moments(12, job, b));
		assert_ok!(reveal_moments(13, job, impossible));
		assert!(has_event(Event::MomentsRefused {
			job,
			provider: 13,
			column: 0,
			defect: MomentsDefect::NegativeVariance,
		}));
		run_to(34);
		assert_eq!(Statistics::<Test>::get(job).unwrap()[0].mean, 5 * STATS_SCALE);
		assert!(has_event(Event::Penalised {
			job,
			hotkey: 13,
			slashed: MINER_STAKE / 2,
			reason: SlashReason::WrongResult,
		}));
		let outcome = Outcomes::<Test>::get(job).unwrap();
		let mut paid: Vec<u64> = outcome.miner_payouts.iter().map(|(p, _)| *p).collect();
		paid.sort();
		assert_eq!(paid, [11, 12]);
	});
}

#[test]
fn results_and_moments_go_to_their_own_kinds_of_job() {
	test(|| {
		let job = statistics_job();
		assert_noop!(commit(11, job, digest(7)), Error::<Test>::WrongJobKind);
	});
	test(|| {
		let train = assigned_job();
		let miner = Assignments::<Test>::get(train).unwrap()[0];
		assert_noop!(commit_moments(miner, train, &moments(&[1])), Error::<Test>::WrongJobKind);
	});
}

#[test]
fn silent_providers_pay_the_liveness_penalty_and_nobody_left_means_a_refund() {
	test(|| {
		let job = statistics_job();
		run_to(34);
		assert!(has_event(Event::JobRefunded { job, refund: 6_000 }));
		assert_eq!(Outcomes::<Test>::get(job).unwrap().penalties.len(), 3);
		assert_eq!(Balances::balance(&6), FUNDS);
	});
}
