use crate::{mock::*, *};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold},
};

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

fn held(who: u64) -> u128 {
	Balances::balance_on_hold(&HoldReason::Escrow.into(), &who)
}

/// Registers miners 11 and 12 (coldkeys 1 and 2, 1 000 staked each); `requester` posts a
/// 5 000 job for two replicas, which they are assigned in block 2. Returns the job's id.
fn assign_to_staked_miners(requester: u64, deadlines: JobDeadlines<u64>) -> JobId {
	for coldkey in [1, 2] {
		let hotkey = register_miner(coldkey);
		assert_ok!(Staking::add_stake(RuntimeOrigin::signed(coldkey), hotkey, 1_000));
	}
	let job = NextJobId::<Test>::get();
	assert_ok!(Jobs::post_job(
		RuntimeOrigin::signed(requester),
		1,
		Box::new(train_spec()),
		5_000,
		2,
		deadlines
	));
	run_to(2);
	assert_eq!(Assignments::<Test>::get(job).map(|m| m.len()), Some(2));
	job
}

/// Registers coldkey `c`'s hotkey `10 + c` for each `(c, stake)`, stakes it and gives it a
/// validator permit.
fn add_validators(validators: &[(u64, u128)]) {
	use synod_primitives::subnet::SubnetRegistry;
	for (coldkey, stake) in validators {
		let hotkey = register_miner(*coldkey);
		assert_ok!(Staking::add_stake(RuntimeOrigin::signed(*coldkey), hotkey, *stake));
		grant_permit(1, Subnets::uid_of(1, &hotkey).unwrap());
	}
}

fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event").event
}

#[test]
fn posting_holds_the_bounty_in_escrow() {
	test(|| {
		assert_ok!(post(1, 5_000, 10));
		assert_eq!(held(1), 5_000);
		assert_eq!(Balances::balance(&1), FUNDS - 5_000);
		assert_eq!(Escrowed::<Test>::get(), 5_000);
		let job = JobRecords::<Test>::get(0).expect("stored");
		assert_eq!(job.requester, 1);
		assert_eq!(job.state, JobState::Posted);
		assert_eq!(job.spec, train_spec());
		assert_eq!(RequesterJobCount::<Test>::get(1), 1);
		assert_eq!(AssignmentExpiries::<Test>::get(10).into_inner(), vec![0]);
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
		unordered.reveal_by = unordered.commit_by;
		for bad in [deadlines(1), deadlines(0), deadlines(80), unordered] {
			assert_noop!(
				Jobs::post_job(signed(1), 1, spec(), 5_000, 2, bad),
				Error::<Test>::BadDeadlines
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
		// A cancelled job frees its place in flight.
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
		assert!(System::events()
			.iter()
			.any(|r| r.event == Event::JobExpired { job: 0, refund: 5_000 }.into()));
		assert_eq!(Escrowed::<Test>::get(), 3_000);
		run_to(6);
		assert_eq!(Escrowed::<Test>::get(), 0);
		assert_eq!(Balances::balance(&2), FUNDS);
		assert_eq!(Balances::total_issuance(), issuance, "escrow creates and destroys nothing");
		assert_eq!(JobRecords::<Test>::iter().count(), 0);
	});
}

mod assignment {
	use super::*;

	fn post_with(requester: u64, replicas: u8, assign_by: u64) -> sp_runtime::DispatchResult {
		Jobs::post_job(
			RuntimeOrigin::signed(requester),
			1,
			Box::new(train_spec()),
			5_000,
			replicas,
			deadlines(assign_by),
		)
	}

	#[test]
	fn miners_are_drawn_in_the_block_after_posting() {
		test(|| {
			let miners = [register_miner(1), register_miner(2), register_miner(3)];
			assert_ok!(post_with(5, 2, 10));
			run_to(1);
			assert_eq!(JobRecords::<Test>::get(0).unwrap().state, JobState::Posted);
			run_to(2);
			let job = JobRecords::<Test>::get(0).unwrap();
			assert_eq!(job.state, JobState::Assigned);
			let drawn = Assignments::<Test>::get(0).unwrap().into_inner();
			assert_eq!(drawn.len(), 2);
			assert_ne!(drawn[0], drawn[1]);
			assert!(drawn.iter().all(|m| miners.contains(m)));
			assert!(drawn.iter().all(|m| MinerLoad::<Test>::get(m) == 1));
			assert!(System::events()
				.iter()
				.any(|r| r.event == Event::JobAssigned { job: 0, miners: drawn.clone() }.into()));
			assert!(AwaitingAssignment::<Test>::get().is_empty());
			// Assigned: the requester can no longer withdraw it, and it does not expire.
			assert_noop!(
				Jobs::cancel_job(RuntimeOrigin::signed(5), 0),
				Error::<Test>::NotCancellable
			);
			run_to(10);
			assert_eq!(Escrowed::<Test>::get(), 5_000);
		});
	}

	#[test]
	fn a_job_waits_for_enough_eligible_miners() {
		test(|| {
			register_miner(1);
			assert_ok!(post_with(5, 2, 10));
			run_to(3);
			assert_eq!(JobRecords::<Test>::get(0).unwrap().state, JobState::Posted);
			register_miner(2);
			run_to(4);
			assert_eq!(JobRecords::<Test>::get(0).unwrap().state, JobState::Assigned);
		});
	}

	#[test]
	fn miners_below_the_minimum_stake_or_at_their_cap_are_not_drawn() {
		test(|| {
			let (staked, unstaked) = (register_miner(1), register_miner(2));
			assert_ok!(Staking::add_stake(RuntimeOrigin::signed(1), staked, 500));
			let mut hp =
				<Subnets as synod_primitives::subnet::SubnetRegistry<_, _, _>>::hyperparameters(1)
					.unwrap();
			hp.min_stake = 100;
			assert_ok!(Subnets::set_hyperparameters(RuntimeOrigin::signed(GOVERNOR), 1, hp));
			let eligible: Vec<u64> = Jobs::candidates(1, 1).into_iter().map(|(m, _)| m).collect();
			assert_eq!(eligible, vec![staked]);
			assert!(!eligible.contains(&unstaked));
			// Two jobs fill the staked miner's cap of two; a third waits.
			for assign_by in [10, 11, 12] {
				assert_ok!(post_with(5, 1, assign_by));
			}
			run_to(2);
			assert_eq!(MinerLoad::<Test>::get(staked), 2);
			assert_eq!(AwaitingAssignment::<Test>::get().into_inner(), vec![2]);
			assert!(Jobs::candidates(1, 1).is_empty());
		});
	}

	#[test]
	fn validators_are_drawn_only_when_miners_run_short() {
		use synod_primitives::subnet::SubnetRegistry;
		test(|| {
			let hotkeys: Vec<u64> = (1..=4).map(register_miner).collect();
			for validator in &hotkeys[..2] {
				grant_permit(1, Subnets::uid_of(1, validator).unwrap());
			}
			let drawn = |replicas| -> Vec<u64> {
				Jobs::candidates(1, replicas).into_iter().map(|(m, _)| m).collect()
			};
			assert_eq!(drawn(1), hotkeys[2..].to_vec());
			assert_eq!(drawn(2), hotkeys[2..].to_vec());
			assert_eq!(drawn(3), hotkeys);
			// A two-replica job goes to the two neurons without a permit, whatever the draw.
			assert_ok!(post_with(5, 2, 10));
			run_to(2);
			let mut assigned = Assignments::<Test>::get(0).unwrap().into_inner();
			assigned.sort();
			assert_eq!(assigned, hotkeys[2..].to_vec());
		});
	}

	#[test]
	fn incentive_weighs_the_draw() {
		test(|| {
			for coldkey in 1..=3 {
				register_miner(coldkey);
			}
			set_incentives(1, &[0, 65535, 1000]);
			let weights: Vec<u64> = Jobs::candidates(1, 1).into_iter().map(|(_, w)| w).collect();
			let base = crate::assignment::BASE_WEIGHT;
			assert_eq!(weights, vec![base, base + 65535, base + 1000]);
		});
	}

	#[test]
	fn the_waiting_queue_is_bounded() {
		test(|| {
			// Eight jobs from three requesters, two per expiry block, fill the queue.
			for (k, requester) in [1, 1, 1, 2, 2, 2, 3, 3].into_iter().enumerate() {
				assert_ok!(post_with(requester, 1, 10 + k as u64));
			}
			assert_noop!(post_with(4, 1, 30), Error::<Test>::AssignmentQueueFull);
		});
	}
}

mod results {
	use super::*;

	const RESULT: [u8; 32] = [0xab; 32];

	/// Job 0 with two of three registered miners drawn (at block 2); returns them and the
	/// miner left out.
	fn assigned_job() -> (u64, u64, u64) {
		let registered = [register_miner(1), register_miner(2), register_miner(3)];
		assert_ok!(Jobs::post_job(
			RuntimeOrigin::signed(5),
			1,
			Box::new(train_spec()),
			5_000,
			2,
			deadlines(10)
		));
		run_to(2);
		let miners = Assignments::<Test>::get(0).unwrap();
		let outsider = *registered.iter().find(|m| !miners.contains(m)).unwrap();
		(miners[0], miners[1], outsider)
	}

	fn commit(miner: u64, salt: u8) -> sp_runtime::DispatchResult {
		let commitment = Jobs::result_commitment(&RESULT, &[salt; 32]);
		Jobs::commit_result(RuntimeOrigin::signed(miner), 0, commitment)
	}

	fn reveal(miner: u64, salt: u8) -> sp_runtime::DispatchResult {
		let uri: ResultUri = b"https://miner.example/r".to_vec().try_into().unwrap();
		Jobs::reveal_result(RuntimeOrigin::signed(miner), 0, RESULT, [salt; 32], uri)
	}

	#[test]
	fn reveals_open_when_every_miner_committed() {
		test(|| {
			let (first, second, outsider) = assigned_job();
			assert_noop!(commit(outsider, 1), Error::<Test>::NotAssigned);
			assert_noop!(reveal(first, 1), Error::<Test>::NotCommitted);
			assert_ok!(commit(first, 1));
			assert_noop!(commit(first, 1), Error::<Test>::AlreadyCommitted);
			assert_noop!(reveal(first, 1), Error::<Test>::RevealNotOpen);
			assert_ok!(commit(second, 2));
			assert_noop!(reveal(first, 2), Error::<Test>::CommitmentMismatch);
			let bad_uri: ResultUri = b"ftp://x/y".to_vec().try_into().unwrap();
			assert_noop!(
				Jobs::reveal_result(RuntimeOrigin::signed(first), 0, RESULT, [1; 32], bad_uri),
				Error::<Test>::BadResultUri
			);
			assert_ok!(reveal(first, 1));
			assert_eq!(ResultReveals::<Test>::get(0, first).unwrap().result_hash, RESULT);
			assert_eq!(
				last_event(),
				Event::ResultRevealed { job: 0, miner: first, result_hash: RESULT }.into()
			);
			assert_noop!(reveal(first, 1), Error::<Test>::AlreadyRevealed);
			assert_ok!(reveal(second, 2));
		});
	}

	#[test]
	fn the_deadlines_close_commits_and_open_then_close_reveals() {
		test(|| {
			let (first, second, _) = assigned_job();
			assert_ok!(commit(first, 1));
			// deadlines(10): commit by 20, reveal by 30.
			run_to(21);
			assert_noop!(commit(second, 2), Error::<Test>::CommitClosed);
			// Past the commit deadline, reveals open without the second commitment.
			assert_ok!(reveal(first, 1));
			assert_noop!(reveal(second, 2), Error::<Test>::NotCommitted);
		});
	}

	#[test]
	fn reveals_close_at_the_reveal_deadline() {
		test(|| {
			let (first, second, _) = assigned_job();
			assert_ok!(commit(first, 1));
			assert_ok!(commit(second, 2));
			assert_ok!(reveal(first, 1));
			run_to(31);
			assert_noop!(reveal(second, 2), Error::<Test>::RevealClosed);
		});
	}

	#[test]
	fn a_posted_job_takes_no_results() {
		test(|| {
			register_miner(1);
			assert_ok!(Jobs::post_job(
				RuntimeOrigin::signed(5),
				1,
				Box::new(train_spec()),
				5_000,
				1,
				deadlines(10)
			));
			assert_noop!(commit(11, 1), Error::<Test>::WrongPhase);
			assert_noop!(
				Jobs::commit_result(RuntimeOrigin::signed(11), 9, Default::default()),
				Error::<Test>::UnknownJob
			);
		});
	}
}

mod properties {
	use super::*;
	use proptest::prelude::*;

	#[derive(Clone, Debug)]
	enum Action {
		Post { requester: u64, bounty: u128, replicas: u8, assign_in: u64 },
		Cancel { requester: u64, job: u64 },
		Register { coldkey: u64 },
		Commit { miner: u64, job: u64, salt: u8 },
		Reveal { miner: u64, job: u64, salt: u8, honest: bool },
		Permit { uid: u16 },
		Verify { validator: u64, job: u64, salt: u8 },
		RevealVerification { validator: u64, job: u64, salt: u8 },
		Advance(u64),
	}

	fn action() -> impl Strategy<Value = Action> {
		prop_oneof![
			(1u64..=4, 500u128..8_000, 0u8..=3, 0u64..25).prop_map(
				|(requester, bounty, replicas, assign_in)| Action::Post {
					requester,
					bounty,
					replicas,
					assign_in
				}
			),
			(1u64..=4, 0u64..12).prop_map(|(requester, job)| Action::Cancel { requester, job }),
			(1u64..=6).prop_map(|coldkey| Action::Register { coldkey }),
			(11u64..=16, 0u64..12, 0u8..3).prop_map(|(miner, job, salt)| Action::Commit {
				miner,
				job,
				salt
			}),
			(11u64..=16, 0u64..12, 0u8..3, proptest::bool::weighted(0.8))
				.prop_map(|(miner, job, salt, honest)| Action::Reveal { miner, job, salt, honest }),
			(0u16..6).prop_map(|uid| Action::Permit { uid }),
			(11u64..=16, 0u64..12, 0u8..3).prop_map(|(validator, job, salt)| Action::Verify {
				validator,
				job,
				salt
			}),
			(11u64..=16, 0u64..12, 0u8..3).prop_map(|(validator, job, salt)| {
				Action::RevealVerification { validator, job, salt }
			}),
			(1u64..16).prop_map(Action::Advance),
		]
	}

	/// Random choices made useful: `job` picks among the jobs in flight and `who` among that
	/// job's miners (or, past them, any hotkey), so that results meet assigned jobs often.
	fn pick(job: u64, who: u64) -> (JobId, u64) {
		let mut jobs: Vec<JobId> = JobRecords::<Test>::iter_keys().collect();
		jobs.sort();
		let Some(job) = jobs.get(job as usize % jobs.len().max(1)).copied() else {
			return (job, who);
		};
		let miners = Assignments::<Test>::get(job).unwrap_or_default();
		let index = (who - 11) as usize;
		(job, miners.get(index).copied().unwrap_or(who))
	}

	proptest! {
		#![proptest_config(ProptestConfig::with_cases(64))]
		/// Random posts, cancellations, registrations, permits, miners' and validators'
		/// commits and reveals, and expiries, under every kind of job policy: every
		/// failed call leaves the state as it was, and after every step the escrow equals
		/// the bounties in flight, nothing is minted or burnt but registration costs and
		/// settled protocol fees, and all of the pallet's invariants hold.
		#[test]
		fn random_sequences_keep_the_escrow_whole(
			actions in proptest::collection::vec(action(), 1..100),
			verification_percent in proptest::sample::select(vec![0u32, 50, 100]),
			accept_unanimous_miners in proptest::bool::ANY,
		) {
			new_test_ext().execute_with(|| -> Result<(), TestCaseError> {
				set_job_policy(1, JobPolicy {
					verification_rate: sp_runtime::Perbill::from_percent(verification_percent),
					accept_unanimous_miners,
					..Default::default()
				});
				let issuance = Balances::total_issuance();
				let mut burnt = 0u128;
				for action in actions {
					let root = sp_io::storage::root(sp_runtime::StateVersion::V1);
					let now = System::block_number();
					let result = match action {
						Action::Post { requester, bounty, replicas, assign_in } => Jobs::post_job(
							RuntimeOrigin::signed(requester),
							1,
							Box::new(train_spec()),
							bounty,
							replicas,
							deadlines(now + assign_in),
						),
						Action::Cancel { requester, job } =>
							Jobs::cancel_job(RuntimeOrigin::signed(requester), job),
						Action::Register { coldkey } => {
							let before = Balances::total_issuance();
							let result =
								Subnets::register(RuntimeOrigin::signed(coldkey), 1, 10 + coldkey);
							burnt += before - Balances::total_issuance();
							result.map(|_| ()).map_err(|e| e.error)
						},
						Action::Commit { miner, job, salt } => {
							let (job, miner) = pick(job, miner);
							// One miner in three computes a wrong result.
							let result = if salt == 2 { [8; 32] } else { [7; 32] };
							Jobs::commit_result(
								RuntimeOrigin::signed(miner),
								job,
								Jobs::result_commitment(&result, &[miner as u8; 32]),
							)
						},
						Action::Reveal { miner, job, salt, honest } => {
							let (job, miner) = pick(job, miner);
							// Mostly what it committed; sometimes something else.
							let result = if salt == 2 { [8; 32] } else { [7; 32] };
							let result = if honest { result } else { [9; 32] };
							Jobs::reveal_result(
								RuntimeOrigin::signed(miner),
								job,
								result,
								[miner as u8; 32],
								b"https://m.example/r".to_vec().try_into().unwrap(),
							)
						},
						Action::Permit { uid } => {
							grant_permit(1, uid);
							Ok(())
						},
						Action::Verify { validator, job, salt } => {
							let (job, _) = pick(job, 11);
							Jobs::commit_verification(
								RuntimeOrigin::signed(validator),
								job,
								Jobs::result_commitment(&[7; 32], &[salt; 32]),
							)
						},
						Action::RevealVerification { validator, job, salt } => {
							let (job, _) = pick(job, 11);
							Jobs::reveal_verification(
								RuntimeOrigin::signed(validator),
								job,
								[7; 32],
								[salt; 32],
							)
						},
						Action::Advance(blocks) => {
							run_to(now + blocks);
							Ok(())
						},
					};
					if result.is_err() {
						prop_assert_eq!(root, sp_io::storage::root(sp_runtime::StateVersion::V1));
					}
					Jobs::do_try_state().unwrap();
					let bounties: u128 = JobRecords::<Test>::iter().map(|(_, j)| j.bounty).sum();
					let held: u128 = (1..=4).map(held).sum();
					prop_assert_eq!(held, bounties);
					prop_assert_eq!(Escrowed::<Test>::get(), bounties);
					prop_assert_eq!(Balances::total_issuance() + burnt + burnt_fees(), issuance);
				}
				Ok(())
			})?;
		}
	}
}

mod verification {
	use super::*;

	const RESULT: [u8; 32] = [0xcd; 32];

	/// Job 0 assigned to one of miners 11 and 12; then 13, 14 and 15 register (uids 2 to 4)
	/// and 13 and 14 get permits.
	fn job_with_validators() {
		register_miner(1);
		register_miner(2);
		assert_ok!(Jobs::post_job(
			RuntimeOrigin::signed(6),
			1,
			Box::new(train_spec()),
			5_000,
			1,
			deadlines(10)
		));
		run_to(2);
		assert_eq!(JobRecords::<Test>::get(0).unwrap().state, JobState::Assigned);
		for coldkey in 3..=5 {
			register_miner(coldkey);
		}
		grant_permit(1, 2);
		grant_permit(1, 3);
	}

	fn commit(validator: u64, salt: u8) -> sp_runtime::DispatchResult {
		let commitment = Jobs::result_commitment(&RESULT, &[salt; 32]);
		Jobs::commit_verification(RuntimeOrigin::signed(validator), 0, commitment)
	}

	fn reveal(validator: u64, salt: u8) -> sp_runtime::DispatchResult {
		Jobs::reveal_verification(RuntimeOrigin::signed(validator), 0, RESULT, [salt; 32])
	}

	#[test]
	fn permitted_validators_commit_then_reveal_after_the_miners() {
		test(|| {
			job_with_validators();
			assert_noop!(commit(15, 1), Error::<Test>::NoPermit);
			assert_noop!(commit(99, 1), Error::<Test>::NoPermit);
			assert_ok!(commit(13, 1));
			assert_noop!(commit(13, 1), Error::<Test>::AlreadyCommitted);
			assert_ok!(commit(14, 2));
			// Reveals open after the miners' reveal deadline (30).
			assert_noop!(reveal(13, 1), Error::<Test>::RevealNotOpen);
			run_to(31);
			assert_noop!(commit(13, 3), Error::<Test>::CommitClosed);
			assert_noop!(reveal(13, 2), Error::<Test>::CommitmentMismatch);
			assert_ok!(reveal(13, 1));
			assert_eq!(VerificationReveals::<Test>::get(0, 13), Some(RESULT));
			assert_noop!(reveal(13, 1), Error::<Test>::AlreadyRevealed);
			// The block after the verification deadline (40) settles the job.
			run_to(41);
			assert_noop!(reveal(14, 2), Error::<Test>::UnknownJob);
		});
	}

	#[test]
	fn a_miner_cannot_verify_its_own_job() {
		test(|| {
			job_with_validators();
			let miner = Assignments::<Test>::get(0).unwrap()[0];
			let uid =
				<Subnets as synod_primitives::subnet::SubnetRegistry<_, _, _>>::uid_of(1, &miner)
					.unwrap();
			grant_permit(1, uid);
			assert_noop!(commit(miner, 1), Error::<Test>::OwnJob);
		});
	}

	#[test]
	fn verifiers_per_job_are_bounded() {
		test(|| {
			job_with_validators();
			// Every uid but the miner's holds a permit; the first two that verify fill the job.
			let miner = Assignments::<Test>::get(0).unwrap()[0];
			let others: Vec<u64> = (11..=15).filter(|hotkey| *hotkey != miner).collect();
			for uid in 0..5 {
				grant_permit(1, uid);
			}
			assert_ok!(commit(others[0], 1));
			assert_ok!(commit(others[1], 1));
			assert_noop!(commit(others[2], 1), Error::<Test>::TooManyVerifiers);
		});
	}
}

mod settlement {
	use super::*;
	use synod_primitives::stake::StakeInfo;

	const TRUTH: [u8; 32] = [0x11; 32];
	const WRONG: [u8; 32] = [0x22; 32];
	const BOUNTY: u128 = 5_000;
	const REQUESTER: u64 = 6;

	/// Miners 11 and 12 (coldkeys 1 and 2, each with 1 000 staked) are assigned job 0; then
	/// validators 13 and 14 (coldkeys 3 and 4) register with permits and stakes 1 000 and
	/// 3 000.
	fn assigned_job() {
		assert_eq!(assign_to_staked_miners(REQUESTER, deadlines(10)), 0);
		add_validators(&[(3, 1_000), (4, 3_000)]);
	}

	fn miner_result(miner: u64, result: [u8; 32]) {
		let salt = [miner as u8; 32];
		let commitment = Jobs::result_commitment(&result, &salt);
		assert_ok!(Jobs::commit_result(RuntimeOrigin::signed(miner), 0, commitment));
	}

	fn miner_reveal(miner: u64, result: [u8; 32]) {
		let uri: ResultUri = b"https://m.example/r".to_vec().try_into().unwrap();
		assert_ok!(Jobs::reveal_result(
			RuntimeOrigin::signed(miner),
			0,
			result,
			[miner as u8; 32],
			uri
		));
	}

	fn verify(validator: u64, result: [u8; 32]) {
		let commitment = Jobs::result_commitment(&result, &[validator as u8; 32]);
		assert_ok!(Jobs::commit_verification(RuntimeOrigin::signed(validator), 0, commitment));
	}

	fn reveal_verification(validator: u64, result: [u8; 32]) {
		assert_ok!(Jobs::reveal_verification(
			RuntimeOrigin::signed(validator),
			0,
			result,
			[validator as u8; 32]
		));
	}

	fn settled() -> Event<Test> {
		System::events()
			.into_iter()
			.filter_map(|r| match r.event {
				RuntimeEvent::Jobs(event @ Event::JobSettled { .. }) => Some(event),
				RuntimeEvent::Jobs(event @ Event::JobRefunded { .. }) => Some(event),
				_ => None,
			})
			.last()
			.expect("the job settled")
	}

	#[test]
	fn honest_miners_and_validators_share_the_bounty() {
		test(|| {
			assigned_job();
			let before = [1, 2, 3, 4, REQUESTER].map(|who| Balances::balance(&who));
			let issuance = Balances::total_issuance();
			for miner in [11, 12] {
				miner_result(miner, TRUTH);
			}
			for validator in [13, 14] {
				verify(validator, TRUTH);
			}
			for miner in [11, 12] {
				miner_reveal(miner, TRUTH);
			}
			run_to(31);
			for validator in [13, 14] {
				reveal_verification(validator, TRUTH);
			}
			run_to(41);
			// 10% burnt, 20% to the two validators, 70% to the two miners.
			assert_eq!(
				settled(),
				Event::JobSettled {
					job: 0,
					result_hash: TRUTH,
					to_miners: 3_500,
					to_validators: 1_000,
					burnt: 500,
					refunded: 0
				}
			);
			let after = [1, 2, 3, 4, REQUESTER].map(|who| Balances::balance(&who));
			assert_eq!(after[0] - before[0], 1_750);
			assert_eq!(after[1] - before[1], 1_750);
			assert_eq!(after[2] - before[2], 500);
			assert_eq!(after[3] - before[3], 500);
			assert_eq!(after[4], before[4]);
			assert_eq!(held(REQUESTER), 0);
			assert_eq!(Balances::total_issuance(), issuance - 500);
			assert_eq!(JobRecords::<Test>::get(0), None);
			assert_eq!(MinerLoad::<Test>::get(11), 0);
			// The requester reads the verified result and where to fetch it, for a while.
			let outcome = Outcomes::<Test>::get(0).unwrap();
			let truth = outcome.truth.clone().unwrap();
			assert_eq!(truth.result_hash, TRUTH);
			assert_eq!(&truth.uri[..], b"https://m.example/r");
			assert!(truth.by_validators);
			assert_eq!(outcome.settled_at, 41);
			// It records every payout, and they add up to the bounty.
			assert_eq!(outcome.requester, REQUESTER);
			let mut miner_payouts = outcome.miner_payouts.to_vec();
			miner_payouts.sort();
			assert_eq!(miner_payouts, vec![(11, 1_750), (12, 1_750)]);
			assert_eq!(outcome.validator_payouts.len(), 2);
			assert!(outcome.validator_payouts.iter().all(|(_, amount)| *amount == 500));
			assert!(outcome.penalties.is_empty());
			assert_eq!((outcome.burnt, outcome.refunded), (500, 0));
			run_to(60);
			assert!(Outcomes::<Test>::get(0).is_some());
			run_to(61);
			assert!(Outcomes::<Test>::get(0).is_none());
		});
	}

	#[test]
	fn clients_read_a_job_through_its_whole_life() {
		test(|| {
			let status = |job| Jobs::job_view(job).map(|view| view.status);
			// Job 0 asks for more miners than will ever exist, so it waits and expires.
			assert_ok!(Jobs::post_job(
				RuntimeOrigin::signed(REQUESTER),
				1,
				Box::new(train_spec()),
				2_000,
				5,
				deadlines(10)
			));
			assert_eq!(status(0), Some(JobStatus::Posted));
			let view = Jobs::job_view(0).unwrap();
			let details = view.job.as_ref().unwrap();
			assert_eq!(
				(details.requester, details.bounty, details.sampled),
				(6, 2_000, Some(true))
			);
			assert_eq!(details.spec.architecture, "mlp");
			assert_eq!(details.spec.inputs[0].uri, "https://data.example/iris.bin");
			assert!(details.miners.is_empty() && view.outcome.is_none());
			assert_eq!(Jobs::jobs_of_requester(&REQUESTER), vec![0]);
			// Job 1 is assigned to 11 and 12.
			assert_eq!(assign_to_staked_miners(REQUESTER, deadlines(11)), 1);
			add_validators(&[(3, 1_000)]);
			assert_eq!(Jobs::jobs_of_requester(&REQUESTER), vec![0, 1]);
			assert_eq!(status(1), Some(JobStatus::Committing));
			assert_eq!(Jobs::assignments_of(&11), vec![1]);
			assert_eq!(Jobs::jobs_in_status(JobStatus::Posted, 0, 10), vec![0]);
			assert_eq!(Jobs::jobs_in_status(JobStatus::Committing, 0, 10), vec![1]);
			assert_eq!(Jobs::jobs_in_status(JobStatus::Committing, 2, 10), Vec::<JobId>::new());
			for miner in [11, 12] {
				let commitment = Jobs::result_commitment(&TRUTH, &[miner as u8; 32]);
				assert_ok!(Jobs::commit_result(RuntimeOrigin::signed(miner), 1, commitment));
			}
			// Every miner committed: reveals are open before the deadline.
			assert_eq!(status(1), Some(JobStatus::Revealing));
			let commitment = Jobs::result_commitment(&TRUTH, &[13; 32]);
			assert_ok!(Jobs::commit_verification(RuntimeOrigin::signed(13), 1, commitment));
			let uri: ResultUri = b"https://m.example/r".to_vec().try_into().unwrap();
			assert_ok!(Jobs::reveal_result(RuntimeOrigin::signed(11), 1, TRUTH, [11; 32], uri));
			let details = Jobs::job_view(1).unwrap().job.unwrap();
			let eleven = details.miners.iter().find(|m| m.hotkey == 11).unwrap();
			assert_eq!(eleven.result_hash, Some(sp_core::H256(TRUTH)));
			assert_eq!(eleven.uri.as_deref(), Some("https://m.example/r"));
			let twelve = details.miners.iter().find(|m| m.hotkey == 12).unwrap();
			assert!(twelve.committed && twelve.result_hash.is_none());
			assert_eq!(details.verifiers.len(), 1);
			assert!(details.verifiers[0].committed && details.verifiers[0].result_hash.is_none());
			run_to(32);
			assert_eq!(status(1), Some(JobStatus::Verifying));
			assert_ok!(Jobs::reveal_verification(RuntimeOrigin::signed(13), 1, TRUTH, [13; 32]));
			run_to(42);
			// Job 0 expired unassigned at block 10 and is gone; job 1 settled.
			assert_eq!(status(0), None);
			let view = Jobs::job_view(1).unwrap();
			assert_eq!(view.status, JobStatus::Settled);
			let outcome = view.outcome.unwrap();
			assert_eq!(outcome.result_hash, Some(sp_core::H256(TRUTH)));
			assert!(outcome.by_validators);
			assert_eq!(outcome.miner_payouts.len(), 1, "12 never revealed");
			assert_eq!(outcome.penalties[0].account, 12);
			assert_eq!(Jobs::jobs_in_status(JobStatus::Settled, 0, 10), vec![1]);
			assert!(Jobs::assignments_of(&11).is_empty());
			assert!(Jobs::jobs_of_requester(&REQUESTER).is_empty());
		});
	}

	#[test]
	fn a_wrong_miner_is_slashed_to_the_requester_and_the_honest_one_takes_the_pool() {
		test(|| {
			assigned_job();
			miner_result(11, TRUTH);
			miner_result(12, WRONG);
			// The heavier validator (3 000 of 4 000) reproduces the truth.
			verify(13, WRONG);
			verify(14, TRUTH);
			miner_reveal(11, TRUTH);
			miner_reveal(12, WRONG);
			run_to(31);
			reveal_verification(13, WRONG);
			reveal_verification(14, TRUTH);
			let requester_before = Balances::balance(&REQUESTER);
			run_to(41);
			assert_eq!(
				settled(),
				Event::JobSettled {
					job: 0,
					result_hash: TRUTH,
					to_miners: 3_500,
					to_validators: 1_000,
					burnt: 500,
					refunded: 0
				}
			);
			// Miner 12 lost half its stake to the requester; validator 13 earned nothing.
			assert_eq!(Staking::hotkey_stake(&12), 500);
			assert_eq!(Balances::balance(&REQUESTER) - requester_before, 500);
			assert!(System::events().iter().any(
				|r| r.event == Event::MinerPenalised { job: 0, miner: 12, slashed: 500 }.into()
			));
		});
	}

	#[test]
	fn without_a_quorum_or_unanimity_the_job_is_refunded() {
		test(|| {
			assigned_job();
			miner_result(11, TRUTH);
			miner_result(12, TRUTH);
			miner_reveal(11, TRUTH);
			run_to(41);
			// Miner 12 never revealed: no unanimity and no validators, so no truth and a full
			// refund (the liveness penalty applies only against a truth).
			assert_eq!(settled(), Event::JobRefunded { job: 0, refund: BOUNTY });
			assert_eq!(held(REQUESTER), 0);
		});
	}

	#[test]
	fn unanimous_miners_are_paid_without_a_validator_fee() {
		test(|| {
			assigned_job();
			for miner in [11, 12] {
				miner_result(miner, TRUTH);
			}
			for miner in [11, 12] {
				miner_reveal(miner, TRUTH);
			}
			run_to(41);
			assert_eq!(
				settled(),
				Event::JobSettled {
					job: 0,
					result_hash: TRUTH,
					to_miners: 4_500,
					to_validators: 0,
					burnt: 500,
					refunded: 0
				}
			);
		});
	}

	#[test]
	fn a_silent_miner_pays_the_liveness_penalty_when_a_truth_exists() {
		test(|| {
			assigned_job();
			miner_result(11, TRUTH);
			miner_result(12, TRUTH);
			verify(14, TRUTH);
			miner_reveal(11, TRUTH);
			run_to(31);
			reveal_verification(14, TRUTH);
			run_to(41);
			assert_eq!(Staking::hotkey_stake(&12), 900);
			// One validator takes the whole fee; the one honest miner the pool.
			assert_eq!(
				settled(),
				Event::JobSettled {
					job: 0,
					result_hash: TRUTH,
					to_miners: 3_500,
					to_validators: 1_000,
					burnt: 500,
					refunded: 0
				}
			);
		});
	}
}

mod sampling {
	use super::*;
	use frame_support::traits::Randomness;
	use sp_runtime::Perbill;
	use synod_primitives::{stake::StakeInfo, subnet::SubnetRegistry};

	const RESULT: [u8; 32] = [0x11; 32];
	const OTHER: [u8; 32] = [0x22; 32];
	const REQUESTER: u64 = 6;

	fn policy(rate: u32) -> JobPolicy {
		JobPolicy { verification_rate: Perbill::from_percent(rate), ..Default::default() }
	}

	/// Under `policy`: miners 11 and 12 (staked 1 000 each) are assigned job 0 in block 2;
	/// then 13 registers, stakes 1 000 and gets a validator permit.
	fn assigned_under(policy: JobPolicy) {
		set_job_policy(1, policy);
		assert_eq!(assign_to_staked_miners(REQUESTER, deadlines(10)), 0);
		add_validators(&[(3, 1_000)]);
	}

	fn commit(miner: u64, result: [u8; 32]) {
		let commitment = Jobs::result_commitment(&result, &[miner as u8; 32]);
		assert_ok!(Jobs::commit_result(RuntimeOrigin::signed(miner), 0, commitment));
	}

	fn reveal(miner: u64, result: [u8; 32]) {
		let uri: ResultUri = b"https://m.example/r".to_vec().try_into().unwrap();
		assert_ok!(Jobs::reveal_result(
			RuntimeOrigin::signed(miner),
			0,
			result,
			[miner as u8; 32],
			uri
		));
	}

	fn validator_commit() -> sp_runtime::DispatchResult {
		let commitment = Jobs::result_commitment(&RESULT, &[13; 32]);
		Jobs::commit_verification(RuntimeOrigin::signed(13), 0, commitment)
	}

	#[test]
	fn a_partial_rate_is_drawn_after_the_miners_commit_deadline() {
		test(|| {
			assigned_under(policy(50));
			assert_eq!(JobRecords::<Test>::get(0).unwrap().sampled, None);
			assert_eq!(SamplingDue::<Test>::get(21).into_inner(), vec![0]);
			commit(11, RESULT);
			commit(12, RESULT);
			// Before the draw nobody may verify, so nobody knows whether anyone will.
			run_to(20);
			assert_noop!(validator_commit(), Error::<Test>::NotSampled);
			run_to(21);
			let sampled = JobRecords::<Test>::get(0).unwrap().sampled.expect("drawn");
			assert!(System::events().iter().any(
				|r| r.event == RuntimeEvent::Jobs(Event::VerificationDrawn { job: 0, sampled })
			));
			assert!(SamplingDue::<Test>::get(21).is_empty());
			if sampled {
				assert_ok!(validator_commit());
			} else {
				assert_noop!(validator_commit(), Error::<Test>::NotSampled);
			}
		});
	}

	#[test]
	fn the_draw_follows_the_rate() {
		// The draw reads the mock's randomness, a hash of the subject and the block: the
		// rate must pick about its share of jobs across blocks.
		let sampled = (0..400u64)
			.filter(|block| {
				new_test_ext().execute_with(|| {
					System::set_block_number(*block + 1);
					let value = <Test as Config>::Randomness::random(&codec::Encode::encode(&(
						b"synod/jobs/sample",
						0u64,
					)))
					.0;
					crate::sampling::drawn(
						Perbill::from_percent(25),
						u64::from_le_bytes(value.0[..8].try_into().unwrap()),
					)
				})
			})
			.count();
		// Expected 100; four standard deviations are about 35.
		assert!((65..=135).contains(&sampled), "{sampled}");
	}

	#[test]
	fn a_job_not_drawn_stands_on_its_miners_unanimity() {
		test(|| {
			assigned_under(policy(0));
			assert_eq!(JobRecords::<Test>::get(0).unwrap().sampled, Some(false));
			assert!(SamplingDue::<Test>::iter().next().is_none());
			assert_noop!(validator_commit(), Error::<Test>::NotSampled);
			for miner in [11, 12] {
				commit(miner, RESULT);
			}
			for miner in [11, 12] {
				reveal(miner, RESULT);
			}
			run_to(41);
			let outcome = Outcomes::<Test>::get(0).expect("settled");
			let truth = outcome.truth.expect("the miners' result");
			assert_eq!((truth.result_hash, truth.by_validators), (RESULT, false));
			// No verification fee: 10% burnt, 90% to the miners.
			assert!(outcome.validator_payouts.is_empty());
			assert_eq!(outcome.miner_payouts.iter().map(|(_, a)| a).sum::<u128>(), 4_500);
		});
	}

	#[test]
	fn disagreeing_miners_of_a_job_not_drawn_are_refunded_unslashed() {
		test(|| {
			assigned_under(policy(0));
			commit(11, RESULT);
			commit(12, OTHER);
			reveal(11, RESULT);
			reveal(12, OTHER);
			run_to(41);
			assert_eq!(Staking::hotkey_stake(&11), 1_000);
			assert_eq!(Staking::hotkey_stake(&12), 1_000);
			assert_eq!(held(REQUESTER), 0);
			assert_eq!(Balances::balance(&REQUESTER), FUNDS);
			let outcome = Outcomes::<Test>::get(0).expect("recorded");
			assert_eq!((outcome.truth, outcome.refunded), (None, 5_000));
			assert!(outcome.penalties.is_empty());
		});
	}

	#[test]
	fn without_unanimity_allowed_a_verified_job_needs_its_quorum() {
		test(|| {
			assigned_under(JobPolicy { accept_unanimous_miners: false, ..policy(100) });
			for miner in [11, 12] {
				commit(miner, RESULT);
			}
			for miner in [11, 12] {
				reveal(miner, RESULT);
			}
			run_to(41);
			assert_eq!(
				last_event(),
				RuntimeEvent::Jobs(Event::JobRefunded { job: 0, refund: 5_000 })
			);
			assert_eq!(Balances::balance(&REQUESTER), FUNDS);
		});
	}

	#[test]
	fn a_job_keeps_the_policy_it_was_posted_under() {
		test(|| {
			// Posted under a 50% slash for a wrong result.
			assigned_under(JobPolicy {
				wrong_result_slash: Perbill::from_percent(50),
				..policy(100)
			});
			set_job_policy(1, JobPolicy { wrong_result_slash: Perbill::zero(), ..policy(100) });
			commit(11, RESULT);
			commit(12, OTHER);
			assert_ok!(validator_commit());
			reveal(11, RESULT);
			reveal(12, OTHER);
			run_to(31);
			assert_ok!(Jobs::reveal_verification(RuntimeOrigin::signed(13), 0, RESULT, [13; 32]));
			run_to(41);
			assert_eq!(Staking::hotkey_stake(&12), 500);
			let outcome = Outcomes::<Test>::get(0).unwrap();
			assert_eq!(outcome.penalties.to_vec(), vec![(12, 500)]);
		});
	}

	#[test]
	fn slashes_above_governance_bound_are_refused() {
		test(|| {
			let mut hyperparameters = Subnets::hyperparameters(1).unwrap();
			hyperparameters.jobs.wrong_result_slash = Perbill::from_percent(51);
			assert_noop!(
				Subnets::set_hyperparameters(RuntimeOrigin::signed(OWNER), 1, hyperparameters),
				pallet_subnets::Error::<Test>::HyperparameterOutOfBounds {
					field: synod_primitives::subnet::Hyperparameter::WrongResultSlash
				}
			);
		});
	}
}

mod statistics {
	use super::*;
	use synod_primitives::job::STATS_SCALE;

	fn moments(values: &[i128]) -> MomentsOf {
		vec![ColumnMoments {
			count: values.len() as u64,
			sum: values.iter().map(|v| v * STATS_SCALE).sum(),
			sum_of_squares: values.iter().map(|v| (v * STATS_SCALE).pow(2) as u128).sum(),
		}]
		.try_into()
		.unwrap()
	}

	fn statistics_job() {
		register_miner(1);
		register_miner(2);
		let mut spec = train_spec();
		spec.kind = JobKind::FederatedStatistics { columns: 1 };
		spec.inputs = Default::default();
		assert_ok!(Jobs::post_job(
			RuntimeOrigin::signed(6),
			1,
			Box::new(spec),
			5_000,
			2,
			deadlines(10)
		));
		run_to(2);
	}

	#[test]
	fn providers_moments_become_column_statistics_and_they_are_paid() {
		test(|| {
			statistics_job();
			let submit =
				|who: u64, m: MomentsOf| Jobs::submit_statistics(RuntimeOrigin::signed(who), 0, m);
			assert_noop!(submit(13, moments(&[1])), Error::<Test>::NotAssigned);
			let two_columns: MomentsOf = vec![ColumnMoments::default(); 2].try_into().unwrap();
			assert_noop!(submit(11, two_columns), Error::<Test>::WrongColumnCount);
			assert_ok!(submit(11, moments(&[2, 4, 4])));
			assert_noop!(submit(11, moments(&[2])), Error::<Test>::AlreadyRevealed);
			assert_ok!(submit(12, moments(&[4, 5, 5, 7, 9])));
			let before = [1, 2].map(|who| Balances::balance(&who));
			run_to(41);
			let summary = Statistics::<Test>::get(0).unwrap().into_inner();
			assert_eq!(
				summary,
				vec![ColumnSummary {
					count: 8,
					mean: 5 * STATS_SCALE,
					variance: 4 * (STATS_SCALE as u128).pow(2),
					std_dev: 2 * STATS_SCALE as u128,
				}]
			);
			// 10% burnt, the rest shared by the two providers.
			assert_eq!(Balances::balance(&1) - before[0], 2_250);
			assert_eq!(Balances::balance(&2) - before[1], 2_250);
			assert_eq!(held(6), 0);
			run_to(61);
			assert_eq!(Statistics::<Test>::get(0), None, "pruned after the retention");
		});
	}

	#[test]
	fn only_statistics_jobs_take_moments_and_silence_refunds() {
		test(|| {
			register_miner(1);
			assert_ok!(post(6, 5_000, 10));
			run_to(2);
			assert_noop!(
				Jobs::submit_statistics(RuntimeOrigin::signed(11), 0, moments(&[1])),
				Error::<Test>::NotStatistics
			);
			run_to(41);
			// The training job had no results: refunded.
			assert_eq!(held(6), 0);
		});
	}
}
