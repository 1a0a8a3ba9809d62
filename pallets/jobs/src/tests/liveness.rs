//! Liveness under attack: whatever is queued, the hook stays within its weight, what does
//! not fit waits in order, queues are per subnet and cost a deposit, and a queue nobody can
//! serve costs a pass a period rather than one a block.

use super::*;
use frame_support::{
	assert_noop,
	traits::{fungible::Mutate, Get},
	weights::Weight,
};

fn db() -> frame_support::weights::RuntimeDbWeight {
	<<Test as frame_system::Config>::DbWeight as Get<_>>::get()
}

/// A funded requester that is no neuron.
fn requester(index: u64) -> u64 {
	let who = 1_000 + index;
	Balances::set_balance(&who, FUNDS);
	who
}

/// Tries to post the standard job from `who` with `replicas` replicas on `netuid`.
fn try_post(netuid: u16, who: u64, replicas: u8, assign_by: u64) -> sp_runtime::DispatchResult {
	Jobs::post_job(
		RuntimeOrigin::signed(who),
		netuid,
		Box::new(train_spec()),
		BOUNTY,
		replicas,
		deadlines(assign_by),
	)
}

/// Posts the standard job from `who` with `replicas` replicas on `netuid`.
fn post_on(netuid: u16, who: u64, replicas: u8, assign_by: u64) -> JobId {
	let job = NextJobId::<Test>::get();
	assert_ok!(try_post(netuid, who, replicas, assign_by));
	job
}

fn state(job: JobId) -> JobState {
	JobRecords::<Test>::get(job).expect("in flight").state
}

/// The jobs hook of the next block, run alone, and the weight it reports.
fn next_hook() -> Weight {
	let next = System::block_number() + 1;
	System::set_block_number(next);
	let used = Jobs::run_hook(next);
	Jobs::do_try_state().expect("jobs invariants hold after a metered hook");
	used
}

#[test]
fn an_unservable_queue_is_tried_once_a_period_not_every_block() {
	test(|| {
		world();
		// Three replicas but two miner operators (and validators taken for the committee):
		// nothing can serve these jobs until someone registers.
		let jobs: Vec<JobId> = (0..3).map(|i| post_on(1, requester(i), 3, 30 + i / 2)).collect();
		run_to(3);
		assert!(jobs.iter().all(|job| state(*job) == JobState::Posted));
		assert_eq!(AssignmentRetryAt::<Test>::get(1), Some(8), "retried after a period");
		// In the blocks between, the hook tries nothing: it weighs what an empty queue does.
		let idle = next_hook();
		let mut empty = sp_io::TestExternalities::default();
		let baseline = empty.execute_with(|| {
			System::set_block_number(4);
			Jobs::run_hook(4)
		});
		assert!(
			idle.all_lte(baseline.saturating_add(db().reads(2))),
			"an idle block with a queue of unservable jobs costs {idle:?}, an empty one {baseline:?}"
		);
		// A new miner operator registers; the queue notices at the next retry.
		neuron(6, MINER_STAKE, false);
		run_to(7);
		assert!(jobs.iter().all(|job| state(*job) == JobState::Posted));
		run_to(8);
		assert_eq!(state(jobs[0]), JobState::Assigned);
	});
}

#[test]
fn a_freed_miner_retries_its_subnets_queue_at_once() {
	test(|| {
		world();
		// Miners take two jobs each; a third two-replica job waits for a free slot.
		let first = post_on(1, requester(0), 2, 3);
		let second = post_on(1, requester(1), 2, 3);
		let waiting = post_on(1, requester(2), 2, 20);
		run_to(3);
		assert_eq!((state(first), state(second)), (JobState::Assigned, JobState::Assigned));
		assert_eq!(state(waiting), JobState::Posted);
		assert_eq!(AssignmentRetryAt::<Test>::get(1), Some(8));
		// The first job settles (disputed: nobody acted) and frees its miners in block 34;
		// long before, the waiting job expired at 20 with its deposit back.
		run_to(20);
		assert!(!JobRecords::<Test>::contains_key(waiting));
		assert_eq!(Balances::balance_on_hold(&HoldReason::QueueDeposit.into(), &1_002), 0);
		// Now one that can wait: it is retried the block after the slots free.
		let patient = post_on(1, requester(3), 2, 40);
		run_to(30);
		assert_eq!(state(patient), JobState::Posted);
		let retry = AssignmentRetryAt::<Test>::get(1).expect("queued");
		run_to(34);
		assert!(!JobRecords::<Test>::contains_key(first), "settled in 34");
		assert_eq!(retry, 32, "tried at 22, 27, 32");
		assert_eq!(AssignmentRetryAt::<Test>::get(1), Some(35), "the freed slots retry it");
		run_to(35);
		assert_eq!(state(patient), JobState::Assigned);
	});
}

#[test]
fn the_hook_stops_at_its_weight_and_resumes_where_it_stopped() {
	test(|| {
		world();
		for coldkey in [6, 7] {
			neuron(coldkey, MINER_STAKE, false);
		}
		// Four one-replica jobs, all servable; the hook may try only two a block.
		let jobs: Vec<JobId> = (0..4).map(|i| post_on(1, requester(i), 1, 12 + i / 2)).collect();
		let limit = Jobs::indexes_weight()
			.saturating_add(db().reads_writes(3, 2))
			.saturating_add(<Test as crate::Config>::WeightInfo::assign_jobs(0))
			.saturating_add(Jobs::assignment_try_weight().saturating_mul(2));
		HookWeight::set(limit);
		System::set_block_number(2);
		let used = next_hook();
		assert!(used.all_lte(limit), "{used:?} above {limit:?}");
		let assigned: Vec<JobState> = jobs.iter().map(|job| state(*job)).collect();
		assert_eq!(
			assigned,
			[JobState::Assigned, JobState::Assigned, JobState::Posted, JobState::Posted],
			"the oldest two first"
		);
		assert_eq!(AssignmentCursor::<Test>::get(), Some((1, 0)));
		let used = next_hook();
		assert!(used.all_lte(limit), "{used:?} above {limit:?}");
		assert!(jobs.iter().all(|job| state(*job) == JobState::Assigned));
		assert_eq!(AssignmentCursor::<Test>::get(), None);
		assert!(!AwaitingAssignment::<Test>::contains_key(1));
		HookWeight::set(Weight::MAX);
	});
}

#[test]
fn settlements_beyond_the_hook_weight_wait_in_order_and_keep_the_escrow() {
	test(|| {
		world();
		// Two jobs settling in block 34, nobody acting: both are disputed and refunded, their
		// silent parties penalised. The hook pays for one settlement a block.
		let first = post_train(REQUESTER, 3);
		let second = post_train(8, 3);
		run_to(33);
		assert_eq!((state(first), state(second)), (JobState::Assigned, JobState::Assigned));
		let limit = Jobs::indexes_weight()
			.saturating_add(db().reads_writes(3, 3))
			.saturating_add(Jobs::settlement_weight());
		HookWeight::set(limit);
		let used = next_hook();
		HookWeight::set(Weight::MAX);
		assert!(!JobRecords::<Test>::contains_key(first), "the first settles in its block");
		assert_eq!(state(second), JobState::Assigned);
		assert_eq!(SettlementBacklog::<Test>::get().into_inner(), vec![second]);
		// Past the budget only by the slashes it could not know before settling.
		let penalties = Outcomes::<Test>::get(first).unwrap().penalties.len() as u32;
		assert!(used.all_lte(limit.saturating_add(Jobs::penalty_weight(penalties))));
		assert_eq!(Escrowed::<Test>::get(), BOUNTY, "the waiting job keeps its escrow");
		next_hook();
		assert!(!JobRecords::<Test>::contains_key(second));
		assert!(SettlementBacklog::<Test>::get().is_empty());
		assert_eq!(Escrowed::<Test>::get(), 0);
		assert_eq!(held(8), 0);
	});
}

#[test]
fn a_full_queue_on_one_subnet_leaves_the_others_open() {
	test(|| {
		assert_ok!(Subnets::force_create_subnet(RuntimeOrigin::signed(GOVERNOR), OWNER));
		let other = *Subnets::netuids().last().unwrap();
		// Eight jobs nobody can serve (no neurons) fill subnet 1's queue.
		let requesters: Vec<u64> = (0..3).map(requester).collect();
		for i in 0..8usize {
			post_on(1, requesters[i / 3], 1, 10 + i as u64 / 2);
		}
		let late = requester(9);
		assert_noop!(try_post(1, late, 1, 20), Error::<Test>::AssignmentQueueFull);
		post_on(other, late, 1, 20);
		assert_eq!(AwaitingAssignment::<Test>::get(other).len(), 1);
		// Their deposits come back when they expire.
		run_to(14);
		assert!(!AwaitingAssignment::<Test>::contains_key(1));
		for i in 0..3 {
			assert_eq!(
				Balances::balance_on_hold(&HoldReason::QueueDeposit.into(), &(1_000 + i)),
				0
			);
			assert_eq!(Balances::balance(&(1_000 + i)), FUNDS);
		}
	});
}

#[test]
fn a_requester_that_cannot_hold_the_deposit_posts_nothing() {
	test(|| {
		let poor = 2_000;
		Balances::set_balance(&poor, BOUNTY + ED + QUEUE_DEPOSIT - 1);
		assert_noop!(try_post(1, poor, 1, 10), Error::<Test>::InsufficientDeposit);
		// Cancelling returns bounty and deposit alike.
		let who = requester(0);
		let job = post_on(1, who, 1, 10);
		assert_eq!(Balances::balance(&who), FUNDS - BOUNTY - QUEUE_DEPOSIT);
		assert_ok!(Jobs::cancel_job(RuntimeOrigin::signed(who), job));
		assert_eq!(Balances::balance(&who), FUNDS);
		assert!(!AwaitingAssignment::<Test>::contains_key(1));
		assert!(!AssignmentRetryAt::<Test>::contains_key(1));
	});
}

#[test]
fn a_posting_to_a_full_queue_evicts_the_oldest_job_once_it_has_waited_long_enough() {
	test(|| {
		// Eight jobs nobody can serve fill subnet 1's queue in block 1.
		let squatters: Vec<u64> = (0..3).map(requester).collect();
		let jobs: Vec<JobId> =
			(0..8usize).map(|i| post_on(1, squatters[i / 3], 1, 40 + i as u64 / 2)).collect();
		let late = requester(9);
		let post_late = || try_post(1, late, 1, 44);
		run_to(10);
		assert_noop!(post_late(), Error::<Test>::AssignmentQueueFull);
		// Ten blocks after its posting, the oldest gives way, refunded in full.
		run_to(11);
		let fresh = NextJobId::<Test>::get();
		assert_ok!(post_late());
		assert!(has_event(Event::JobEvicted { job: jobs[0], refund: BOUNTY }));
		assert!(!JobRecords::<Test>::contains_key(jobs[0]));
		assert!(!AssignmentExpiries::<Test>::get(40).contains(&jobs[0]));
		let queue = AwaitingAssignment::<Test>::get(1).into_inner();
		assert_eq!(queue.len(), 8);
		assert_eq!((queue[0], queue[7]), (jobs[1], fresh), "the rest keep their order");
		// Its requester has the bounty and deposit of the evicted job back.
		let held = Balances::balance_on_hold(&HoldReason::QueueDeposit.into(), &squatters[0]);
		assert_eq!(held, 2 * QUEUE_DEPOSIT);
		assert_eq!(
			Balances::balance(&squatters[0]),
			FUNDS - 2 * (BOUNTY + QUEUE_DEPOSIT),
			"one of three jobs refunded"
		);
	});
}

#[test]
fn more_settlements_in_a_block_than_a_pruning_index_holds_are_all_pruned_later() {
	test(|| {
		// A block that drains a full backlog settles up to 64 + 16 jobs; the pruning index of
		// one block holds 16. Before, the 17th outcome was never scheduled and stayed for good.
		let per_block = <<Test as Config>::MaxExpiriesPerBlock as Get<u32>>::get() as u64;
		let jobs: Vec<JobId> = (0..per_block + 3).collect();
		for job in &jobs {
			Jobs::retain_until_pruned(*job);
		}
		let at = System::block_number() + <<Test as Config>::OutcomeRetention as Get<u64>>::get();
		assert_eq!(PruneAt::<Test>::get(at).len() as u64, per_block);
		let scheduled: Vec<JobId> =
			(at..at + 3).flat_map(|block| PruneAt::<Test>::get(block).into_inner()).collect();
		assert_eq!(scheduled, jobs, "every outcome is scheduled, in order, none dropped");
	});
}
