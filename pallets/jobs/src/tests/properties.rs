//! Random sequences of calls by honest, copying and squatting actors keep the escrow whole,
//! change nothing when they fail, and never leave a requester with more than it had.

use super::*;
use proptest::prelude::*;

/// Requesters are never neurons, so that their balance shows only what jobs did to them.
const REQUESTERS: [u64; 3] = [7, 8, 9];

#[derive(Clone, Debug)]
enum Action {
	Post {
		requester: usize,
		bounty: u128,
		replicas: u8,
		assign_in: u64,
	},
	/// A requester posts the cheapest one-replica job, to occupy miners.
	Squat {
		requester: usize,
	},
	Cancel {
		requester: usize,
		job: u64,
	},
	Register {
		coldkey: u64,
		stake: u128,
	},
	Permit {
		uid: u16,
	},
	Commit {
		job: u64,
		who: u64,
		wrong: bool,
	},
	/// A miner submits another miner's commitment as its own.
	CopyCommit {
		job: u64,
		who: u64,
	},
	Reveal {
		job: u64,
		who: u64,
		wrong: bool,
	},
	/// A miner replays another miner's reveal (result, salt and URI).
	CopyReveal {
		job: u64,
		who: u64,
	},
	Verify {
		job: u64,
		who: u64,
		wrong: bool,
	},
	/// A committee member submits another member's commitment as its own.
	CopyVerify {
		job: u64,
		who: u64,
	},
	RevealVerification {
		job: u64,
		who: u64,
		wrong: bool,
	},
	Advance(u64),
}

fn action() -> impl Strategy<Value = Action> {
	let who = 0u64..4;
	let job = 0u64..8;
	prop_oneof![
		(0usize..3, 1_000u128..8_000, 0u8..=3, 0u64..12).prop_map(
			|(requester, bounty, replicas, assign_in)| Action::Post {
				requester,
				bounty,
				replicas,
				assign_in
			}
		),
		(0usize..3).prop_map(|requester| Action::Squat { requester }),
		(0usize..3, job.clone()).prop_map(|(requester, job)| Action::Cancel { requester, job }),
		(1u64..=6, 0u128..2_000).prop_map(|(coldkey, stake)| Action::Register { coldkey, stake }),
		(0u16..6).prop_map(|uid| Action::Permit { uid }),
		(job.clone(), who.clone(), proptest::bool::weighted(0.2))
			.prop_map(|(job, who, wrong)| Action::Commit { job, who, wrong }),
		(job.clone(), who.clone()).prop_map(|(job, who)| Action::CopyCommit { job, who }),
		(job.clone(), who.clone(), proptest::bool::weighted(0.1))
			.prop_map(|(job, who, wrong)| Action::Reveal { job, who, wrong }),
		(job.clone(), who.clone()).prop_map(|(job, who)| Action::CopyReveal { job, who }),
		(job.clone(), who.clone(), proptest::bool::weighted(0.2))
			.prop_map(|(job, who, wrong)| Action::Verify { job, who, wrong }),
		(job.clone(), who.clone()).prop_map(|(job, who)| Action::CopyVerify { job, who }),
		(job, who, proptest::bool::weighted(0.1))
			.prop_map(|(job, who, wrong)| Action::RevealVerification { job, who, wrong }),
		(1u64..12).prop_map(Action::Advance),
	]
}

/// The `job`-th job in flight (by id), so that random choices meet live jobs.
fn live_job(job: u64) -> JobId {
	let mut jobs: Vec<JobId> = JobRecords::<Test>::iter_keys().collect();
	jobs.sort();
	jobs.get(job as usize % jobs.len().max(1)).copied().unwrap_or(job)
}

/// The `who`-th miner of `job`, and the one after it (the victim of a copy).
fn miners_of(job: JobId, who: u64) -> (u64, u64) {
	let miners = Assignments::<Test>::get(job).unwrap_or_default();
	let pick = |k: u64| miners.get(k as usize % miners.len().max(1)).copied().unwrap_or(11);
	(pick(who), pick(who + 1))
}

/// The `who`-th committee member of `job`, and the one after it.
fn seats_of(job: JobId, who: u64) -> (u64, u64) {
	let seats = Committees::<Test>::get(job).unwrap_or_default();
	let pick = |k: u64| seats.get(k as usize % seats.len().max(1)).map(|s| s.hotkey).unwrap_or(13);
	(pick(who), pick(who + 1))
}

fn result(wrong: bool) -> JobResult {
	if wrong {
		digest(8)
	} else {
		digest(7)
	}
}

fn run(action: Action, burnt: &mut u128) -> sp_runtime::DispatchResult {
	let now = System::block_number();
	let signed = RuntimeOrigin::signed;
	match action {
		Action::Post { requester, bounty, replicas, assign_in } => Jobs::post_job(
			signed(REQUESTERS[requester]),
			1,
			Box::new(train_spec()),
			bounty,
			replicas,
			deadlines(now + 2 + assign_in),
		),
		Action::Squat { requester } => Jobs::post_job(
			signed(REQUESTERS[requester]),
			1,
			Box::new(train_spec()),
			MIN_BOUNTY,
			1,
			deadlines(now + 2),
		),
		Action::Cancel { requester, job } => {
			Jobs::cancel_job(signed(REQUESTERS[requester]), live_job(job))
		},
		Action::Register { coldkey, stake } => {
			let before = Balances::total_issuance();
			let registered = Subnets::register(signed(coldkey), 1, 10 + coldkey);
			*burnt += before - Balances::total_issuance();
			registered.map_err(|e| e.error)?;
			if stake > 0 {
				// Registered either way; a stake the coldkey cannot afford is no failure here.
				let _ = Staking::add_stake(signed(coldkey), 10 + coldkey, stake);
			}
			Ok(())
		},
		Action::Permit { uid } => {
			grant_permit(1, uid);
			Ok(())
		},
		Action::Commit { job, who, wrong } => {
			let job = live_job(job);
			commit(miners_of(job, who).0, job, result(wrong))
		},
		Action::CopyCommit { job, who } => {
			let job = live_job(job);
			let (copier, victim) = miners_of(job, who);
			let copied = ResultCommits::<Test>::get(job, victim).unwrap_or_default();
			Jobs::commit_result(signed(copier), job, copied)
		},
		Action::Reveal { job, who, wrong } => {
			let job = live_job(job);
			reveal(miners_of(job, who).0, job, result(wrong))
		},
		Action::CopyReveal { job, who } => {
			let job = live_job(job);
			let (copier, victim) = miners_of(job, who);
			let Some(seen) = ResultReveals::<Test>::get(job, victim) else { return Ok(()) };
			Jobs::reveal_result(signed(copier), job, seen.result, salt(victim), seen.uri)
		},
		Action::Verify { job, who, wrong } => {
			let job = live_job(job);
			commit_verification(seats_of(job, who).0, job, result(wrong))
		},
		Action::CopyVerify { job, who } => {
			let job = live_job(job);
			let (copier, victim) = seats_of(job, who);
			let copied = VerificationCommits::<Test>::get(job, victim).unwrap_or_default();
			Jobs::commit_verification(signed(copier), job, copied)
		},
		Action::RevealVerification { job, who, wrong } => {
			let job = live_job(job);
			reveal_verification(seats_of(job, who).0, job, result(wrong))
		},
		Action::Advance(blocks) => {
			run_to(now + blocks);
			Ok(())
		},
	}
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(64))]
	/// Random posts, squats, cancellations, registrations, permits, honest and copied
	/// commits and reveals by miners and committee members, and the blocks between, under
	/// each kind of job policy: a failed call leaves the state as it was; after every step
	/// the escrow equals the bounties in flight, nothing is minted and only registration
	/// costs, protocol fees and penalties are burnt, no requester holds more than it
	/// started with, and all of the pallet's invariants hold.
	#[test]
	fn random_sequences_keep_the_escrow_whole(
		actions in proptest::collection::vec(action(), 1..120),
		verification_percent in proptest::sample::select(vec![0u32, 50, 100]),
		committee_size in 1u8..=4,
	) {
		new_test_ext().execute_with(|| -> Result<(), TestCaseError> {
			set_job_policy(1, JobPolicy {
				verification_rate: sp_runtime::Perbill::from_percent(verification_percent),
				committee_size,
				..Default::default()
			});
			let issuance = Balances::total_issuance();
			let mut burnt = 0u128;
			for action in actions {
				let root = sp_io::storage::root(sp_runtime::StateVersion::V1);
				if run(action, &mut burnt).is_err() {
					prop_assert_eq!(root, sp_io::storage::root(sp_runtime::StateVersion::V1));
				}
				Jobs::do_try_state().unwrap();
				let bounties: u128 = JobRecords::<Test>::iter().map(|(_, j)| j.bounty).sum();
				let escrow: u128 = REQUESTERS.iter().map(|r| held(*r)).sum();
				prop_assert_eq!(escrow, bounties);
				prop_assert_eq!(Escrowed::<Test>::get(), bounties);
				prop_assert_eq!(Balances::total_issuance() + burnt + burnt_fees(), issuance);
				for requester in REQUESTERS {
					prop_assert!(Balances::balance(&requester) + held(requester) <= FUNDS);
				}
			}
			Ok(())
		})?;
	}
}
