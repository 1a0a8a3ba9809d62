use crate::{mock::*, *};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold},
};
use sp_runtime::Perbill;

const CREATOR: u64 = 7;
const POOL: u128 = 1_000;
const INITIAL: [u8; 32] = [0xAA; 32];
const UPDATE: [u8; 32] = [0xBB; 32];

fn uri(text: &str) -> UriOf {
	text.as_bytes().to_vec().try_into().unwrap()
}

fn create_with(config: ExperimentConfig<u128, u64>, pool: u128) -> sp_runtime::DispatchResult {
	Colearn::create_experiment(
		RuntimeOrigin::signed(CREATOR),
		config,
		INITIAL,
		uri("https://models.example/initial"),
		pool,
	)
}

fn held(who: u64) -> u128 {
	Balances::balance_on_hold(&HoldReason::RewardPool.into(), &who)
}

fn experiment() -> Experiment<u64, u128, u64> {
	Experiments::<Test>::get(0).expect("experiment 0 exists")
}

fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Colearn(event) => Some(event),
			_ => None,
		})
		.collect()
}

/// Experiment 0 with learners 11, 12 and 13 (coldkeys 1..=3, stakes 100, 200 and 300), in
/// round 1's proposal window (block 2); returns the drawn proposer and the two others.
fn three_learners(config: ExperimentConfig<u128, u64>) -> (u64, Vec<u64>) {
	assert_ok!(create_with(config, POOL));
	for (coldkey, stake) in [(1, 100), (2, 200), (3, 300)] {
		let hotkey = staked_learner(coldkey, stake);
		assert_ok!(Colearn::join_experiment(RuntimeOrigin::signed(hotkey), 0));
	}
	run_to(2);
	let proposer = experiment().proposer.expect("a proposer is drawn among staked learners");
	let others = [11, 12, 13].into_iter().filter(|l| *l != proposer).collect();
	(proposer, others)
}

fn propose(proposer: u64, epsilon: u64) -> sp_runtime::DispatchResult {
	let round = experiment().round;
	Colearn::propose(
		RuntimeOrigin::signed(proposer),
		0,
		round,
		UPDATE,
		uri("https://models.example/update"),
		experiment().head,
		epsilon,
		b"two epochs on my shard".to_vec().try_into().unwrap(),
	)
}

/// `learner`'s salt: one per learner, so that tests can replay another's reveal.
fn salt_of(learner: u64) -> [u8; 32] {
	[learner as u8; 32]
}

fn commit(learner: u64, approve: bool, score: i64) -> sp_runtime::DispatchResult {
	let round = experiment().round;
	let commitment =
		Colearn::vote_commitment(0, round, &learner, approve, score, &salt_of(learner));
	Colearn::commit_vote(RuntimeOrigin::signed(learner), 0, round, commitment)
}

fn reveal(learner: u64, approve: bool, score: i64) -> sp_runtime::DispatchResult {
	let round = experiment().round;
	Colearn::reveal_vote(RuntimeOrigin::signed(learner), 0, round, approve, score, salt_of(learner))
}

/// Runs round 1 with a proposal and `votes` (learner, approve, score), all committed and
/// revealed, to its tally at block 11.
fn vote_round(proposer: u64, votes: &[(u64, bool, i64)]) {
	assert_ok!(propose(proposer, 500_000));
	run_to(5);
	for (learner, approve, score) in votes {
		assert_ok!(commit(*learner, *approve, *score));
	}
	run_to(8);
	for (learner, approve, score) in votes {
		assert_ok!(reveal(*learner, *approve, *score));
	}
	run_to(11);
}

fn tallied() -> (bool, Option<i64>) {
	events()
		.into_iter()
		.rev()
		.find_map(|event| match event {
			Event::RoundTallied { accepted, median_improvement, .. } => {
				Some((accepted, median_improvement))
			},
			_ => None,
		})
		.expect("a tally")
}

mod creation {
	use super::*;

	#[test]
	fn creating_holds_the_pool_records_the_initial_model_and_opens_round_one() {
		test(|| {
			assert_ok!(create_with(config(), POOL));
			assert_eq!(held(CREATOR), POOL);
			let record = experiment();
			assert_eq!((record.head, record.pool, record.round), (INITIAL, POOL, 0));
			assert_eq!(record.phase, Phase::Starting);
			let genesis = Lineage::<Test>::get(0, 0).unwrap();
			assert_eq!((genesis.parent, genesis.hash, genesis.proposer), (None, INITIAL, None));
			run_to(2);
			let record = experiment();
			assert_eq!((record.round, record.phase, record.phase_ends), (1, Phase::Proposal, 4));
			// Nobody has joined, so nobody is drawn and the round will be skipped.
			assert_eq!(record.proposer, None);
			run_to(5);
			assert!(events().contains(&Event::RoundSkipped { experiment: 0, round: 1 }));
			assert_eq!(experiment().round, 2);
		});
	}

	#[test]
	fn bad_configs_and_pools_are_refused_with_nothing_changed() {
		test(|| {
			let cases: Vec<(Box<dyn Fn(&mut ExperimentConfig<u128, u64>)>, ConfigError)> = vec![
				(Box::new(|c| c.architecture = Default::default()), ConfigError::BadArchitecture),
				(
					Box::new(|c| c.architecture = b"m l p".to_vec().try_into().unwrap()),
					ConfigError::BadArchitecture,
				),
				(Box::new(|c| c.proposal_window = 0), ConfigError::BadWindow),
				(Box::new(|c| c.reveal_window = 21), ConfigError::BadWindow),
				(Box::new(|c| c.vote_threshold = Perbill::zero()), ConfigError::ZeroThreshold),
				(Box::new(|c| c.reward_per_round = 0), ConfigError::ZeroReward),
				(Box::new(|c| c.max_learners = 1), ConfigError::BadMaxLearners),
				(Box::new(|c| c.max_learners = 6), ConfigError::BadMaxLearners),
				(Box::new(|c| c.max_skipped_rounds = 0), ConfigError::BadMaxSkippedRounds),
				(
					Box::new(|c| c.max_skipped_rounds = MAX_SKIPPED_ROUNDS + 1),
					ConfigError::BadMaxSkippedRounds,
				),
			];
			for (spoil, reason) in cases {
				let mut bad = config();
				spoil(&mut bad);
				assert_noop!(create_with(bad, POOL), Error::<Test>::InvalidConfig { reason });
			}
			assert_noop!(create_with(config(), MIN_POOL - 1), Error::<Test>::PoolTooSmall);
			let mut costly = config();
			costly.reward_per_round = POOL + 1;
			assert_noop!(create_with(costly, POOL), Error::<Test>::PoolTooSmall);
			assert_noop!(create_with(config(), FUNDS), Error::<Test>::InsufficientFunds);
			assert_noop!(
				Colearn::create_experiment(
					RuntimeOrigin::signed(CREATOR),
					config(),
					INITIAL,
					uri("ftp://models.example/x"),
					POOL
				),
				Error::<Test>::BadUri
			);
			for _ in 0..2 {
				assert_ok!(create_with(config(), POOL));
			}
			assert_noop!(create_with(config(), POOL), Error::<Test>::TooManyExperimentsForCreator);
			let create_as = |who: u64| {
				Colearn::create_experiment(
					RuntimeOrigin::signed(who),
					config(),
					INITIAL,
					uri("https://models.example/x"),
					POOL,
				)
			};
			assert_ok!(create_as(8));
			assert_noop!(create_as(9), Error::<Test>::TooManyExperiments);
		});
	}

	#[test]
	fn the_creation_deposit_is_held_while_open_and_a_poor_creator_creates_nothing() {
		test(|| {
			let deposit =
				|who| Balances::balance_on_hold(&HoldReason::CreationDeposit.into(), &who);
			assert_ok!(create_with(config(), POOL));
			assert_eq!((held(CREATOR), deposit(CREATOR)), (POOL, CREATION_DEPOSIT));
			assert_eq!(CreatorOpenExperiments::<Test>::get(CREATOR), 1);
			assert_ok!(Colearn::close_experiment(RuntimeOrigin::signed(CREATOR), 0));
			assert_eq!((held(CREATOR), deposit(CREATOR)), (0, 0));
			assert_eq!(Balances::balance(&CREATOR), FUNDS);
			assert!(!CreatorOpenExperiments::<Test>::contains_key(CREATOR));
			// Enough for the pool, not for the deposit too.
			let poor = 40;
			<Balances as frame_support::traits::fungible::Mutate<u64>>::set_balance(
				&poor,
				POOL + CREATION_DEPOSIT + 9,
			);
			assert_noop!(
				Colearn::create_experiment(
					RuntimeOrigin::signed(poor),
					config(),
					INITIAL,
					uri("https://models.example/x"),
					POOL
				),
				Error::<Test>::InsufficientDeposit
			);
		});
	}

	#[test]
	fn an_experiment_nobody_proposes_to_closes_after_its_most_skipped_rounds() {
		test(|| {
			// The lock-out: open experiments nobody works on would hold every slot for ever.
			assert_ok!(create_with(config(), POOL));
			// Rounds of 3 blocks from block 2; the mock config closes after 5 skipped.
			run_to(2 + 3 * 4);
			assert_eq!(SkippedRounds::<Test>::get(0), 4);
			assert_eq!(experiment().status, ExperimentStatus::Open);
			run_to(2 + 3 * 5 - 1);
			System::set_block_number(2 + 3 * 5);
			let weight = <Colearn as frame_support::traits::Hooks<u64>>::on_initialize(2 + 3 * 5);
			assert!(events().contains(&Event::ExperimentStalled { experiment: 0, skipped: 5 }));
			assert_eq!(experiment().status, ExperimentStatus::Closed);
			assert!(
				weight.all_gte(Colearn::close_weight()),
				"the hook charges the close it made: {weight:?}"
			);
			assert_eq!(Balances::balance(&CREATOR), FUNDS, "pool and deposit returned");
			assert_eq!(OpenExperiments::<Test>::get(), 0);
			assert!(!SkippedRounds::<Test>::contains_key(0));
			// Its slot is free again.
			assert_ok!(create_with(config(), POOL));
		});
	}
}

mod membership {
	use super::*;

	#[test]
	fn staked_hotkeys_join_up_to_the_maximum_and_leave() {
		test(|| {
			assert_ok!(create_with(config(), POOL));
			let poor = staked_learner(1, 99);
			assert_noop!(
				Colearn::join_experiment(RuntimeOrigin::signed(poor), 0),
				Error::<Test>::StakeTooLow
			);
			let learners: Vec<u64> = (2..=6).map(|c| staked_learner(c, 100)).collect();
			for learner in &learners[..4] {
				assert_ok!(Colearn::join_experiment(RuntimeOrigin::signed(*learner), 0));
			}
			assert_noop!(
				Colearn::join_experiment(RuntimeOrigin::signed(learners[0]), 0),
				Error::<Test>::AlreadyJoined
			);
			assert_noop!(
				Colearn::join_experiment(RuntimeOrigin::signed(learners[4]), 0),
				Error::<Test>::ExperimentFull
			);
			assert_noop!(
				Colearn::join_experiment(RuntimeOrigin::signed(learners[0]), 9),
				Error::<Test>::UnknownExperiment
			);
			let learner = Learners::<Test>::get(0, learners[0]).unwrap();
			assert_eq!(learner.epsilon_remaining, 2_000_000);
			assert_ok!(Colearn::leave_experiment(RuntimeOrigin::signed(learners[0]), 0));
			assert_noop!(
				Colearn::leave_experiment(RuntimeOrigin::signed(learners[0]), 0),
				Error::<Test>::NotLearner
			);
			assert_ok!(Colearn::join_experiment(RuntimeOrigin::signed(learners[4]), 0));
			assert_eq!(experiment().learners, 4);
		});
	}

	#[test]
	fn leaving_and_joining_again_does_not_restore_a_spent_budget() {
		test(|| {
			let (proposer, others) = three_learners(config());
			assert_ok!(propose(proposer, 1_500_000));
			assert_ok!(Colearn::leave_experiment(RuntimeOrigin::signed(proposer), 0));
			assert_eq!(DepartedBudgets::<Test>::get(0, proposer), Some(500_000));
			assert_ok!(Colearn::join_experiment(RuntimeOrigin::signed(proposer), 0));
			assert_eq!(Learners::<Test>::get(0, proposer).unwrap().epsilon_remaining, 500_000);
			assert_eq!(DepartedBudgets::<Test>::get(0, proposer), None);
			// A learner that spent nothing leaves nothing behind, and rejoins with its budget.
			assert_ok!(Colearn::leave_experiment(RuntimeOrigin::signed(others[0]), 0));
			assert_eq!(DepartedBudgets::<Test>::get(0, others[0]), None);
			// The close drops the budgets of those that left.
			assert_ok!(Colearn::leave_experiment(RuntimeOrigin::signed(proposer), 0));
			assert_ok!(Colearn::close_experiment(RuntimeOrigin::signed(CREATOR), 0));
			assert_eq!(DepartedBudgets::<Test>::iter_prefix(0).count(), 0);
		});
	}

	#[test]
	fn where_the_creator_admits_hotkeys_apply_and_wait() {
		test(|| {
			let mut gated = config();
			gated.admission = Admission::CreatorApproves;
			assert_ok!(create_with(gated, POOL));
			let applicant = staked_learner(1, 100);
			assert_ok!(Colearn::join_experiment(RuntimeOrigin::signed(applicant), 0));
			assert!(Applicants::<Test>::contains_key(0, applicant));
			assert!(!Learners::<Test>::contains_key(0, applicant));
			assert_noop!(
				Colearn::approve_learner(RuntimeOrigin::signed(applicant), 0, applicant),
				Error::<Test>::NotCreator
			);
			assert_noop!(
				Colearn::approve_learner(RuntimeOrigin::signed(CREATOR), 0, 99),
				Error::<Test>::NotApplicant
			);
			assert_ok!(Colearn::approve_learner(RuntimeOrigin::signed(CREATOR), 0, applicant));
			assert!(Learners::<Test>::contains_key(0, applicant));
			assert_eq!((experiment().learners, experiment().applicants), (1, 0));
			// An applicant may withdraw before it is admitted.
			let other = staked_learner(2, 100);
			assert_ok!(Colearn::join_experiment(RuntimeOrigin::signed(other), 0));
			assert_ok!(Colearn::leave_experiment(RuntimeOrigin::signed(other), 0));
			assert_eq!(experiment().applicants, 0);
		});
	}
}

mod rounds {
	use super::*;

	#[test]
	fn an_approved_improvement_becomes_the_head_and_is_paid() {
		test(|| {
			let (proposer, voters) = three_learners(config());
			let coldkey = |hotkey: u64| hotkey - 10;
			let before: Vec<u128> = [11, 12, 13].map(|h| Balances::balance(&coldkey(h))).to_vec();
			vote_round(proposer, &[(voters[0], true, 20_000), (voters[1], true, 30_000)]);
			assert_eq!(tallied(), (true, Some(20_000)));
			let record = experiment();
			assert_eq!((record.head, record.lineage_len), (UPDATE, 2));
			let entry = Lineage::<Test>::get(0, 1).unwrap();
			assert_eq!(entry.parent, Some(INITIAL));
			assert_eq!(
				(entry.proposer, entry.round, entry.epsilon_spent),
				(Some(proposer), 1, 500_000)
			);
			assert_eq!(entry.votes.len(), 2);
			// 70 to the proposer, 30 shared by the two voters.
			let gained = |h: u64| Balances::balance(&coldkey(h)) - before[(h - 11) as usize];
			assert_eq!(gained(proposer), 70);
			assert_eq!((gained(voters[0]), gained(voters[1])), (15, 15));
			assert_eq!((record.pool, held(CREATOR)), (POOL - 100, POOL - 100));
			assert_eq!(Learners::<Test>::get(0, proposer).unwrap().epsilon_remaining, 1_500_000);
			// Round 2 opens at once, with another proposer.
			assert_eq!(record.round, 2);
			assert_ne!(record.proposer, Some(proposer));
		});
	}

	#[test]
	fn a_proposal_without_enough_approving_stake_is_rejected() {
		test(|| {
			let (proposer, voters) = three_learners(config());
			let issuance = Balances::total_issuance();
			// Whichever two vote, the one approving holds less than half their stake unless it
			// is 13 (300 of 400 or 500): let the smaller one approve.
			let (small, large) = (voters[0].min(voters[1]), voters[0].max(voters[1]));
			vote_round(proposer, &[(small, true, 50_000), (large, false, 50_000)]);
			assert_eq!(tallied().0, false);
			assert_eq!((experiment().head, experiment().pool), (INITIAL, POOL));
			assert_eq!(Balances::total_issuance(), issuance);
		});
	}

	#[test]
	fn approval_without_the_margin_is_rejected() {
		test(|| {
			let (proposer, voters) = three_learners(config());
			vote_round(proposer, &[(voters[0], true, 9_999), (voters[1], true, 50_000)]);
			assert_eq!(tallied(), (false, Some(9_999)));
			assert_eq!(experiment().head, INITIAL);
		});
	}

	#[test]
	fn a_loss_falling_is_an_improvement_where_lower_is_better() {
		test(|| {
			let mut lossy = config();
			lossy.score_direction = ScoreDirection::LowerIsBetter;
			let (proposer, voters) = three_learners(lossy);
			vote_round(proposer, &[(voters[0], true, -20_000), (voters[1], true, -40_000)]);
			assert_eq!(tallied(), (true, Some(20_000)));
		});
	}

	#[test]
	fn a_voter_that_commits_and_does_not_reveal_forfeits_its_share() {
		test(|| {
			let (proposer, voters) = three_learners(config());
			assert_ok!(propose(proposer, 0));
			run_to(5);
			assert_ok!(commit(voters[0], true, 20_000));
			assert_ok!(commit(voters[1], true, 20_000));
			run_to(8);
			assert_ok!(reveal(voters[0], true, 20_000));
			let silent_before = Balances::balance(&(voters[1] - 10));
			run_to(11);
			assert_eq!(tallied(), (true, Some(20_000)));
			assert_eq!(Balances::balance(&(voters[1] - 10)), silent_before);
			// 70 + 15 paid; the silent voter's 15 stays in the pool.
			assert_eq!(experiment().pool, POOL - 85);
		});
	}

	#[test]
	fn every_bad_call_is_refused_with_nothing_changed() {
		test(|| {
			let (proposer, voters) = three_learners(config());
			let round = experiment().round;
			let propose_as = |who: u64, parent: [u8; 32], epsilon: u64, round: u32| {
				Colearn::propose(
					RuntimeOrigin::signed(who),
					0,
					round,
					UPDATE,
					uri("https://models.example/update"),
					parent,
					epsilon,
					Default::default(),
				)
			};
			assert_noop!(propose_as(voters[0], INITIAL, 0, round), Error::<Test>::NotProposer);
			assert_noop!(propose_as(proposer, UPDATE, 0, round), Error::<Test>::ParentNotHead);
			assert_noop!(
				propose_as(proposer, INITIAL, 2_000_001, round),
				Error::<Test>::OverBudget
			);
			assert_noop!(propose_as(proposer, INITIAL, 0, round + 1), Error::<Test>::WrongRound);
			assert_noop!(commit(voters[0], true, 1), Error::<Test>::WrongPhase);
			assert_ok!(propose(proposer, 2_000_000));
			assert_noop!(propose(proposer, 0), Error::<Test>::AlreadyProposed);
			run_to(5);
			assert_noop!(commit(proposer, true, 1), Error::<Test>::ProposerCannotVote);
			assert_noop!(commit(99, true, 1), Error::<Test>::NotLearner);
			assert_ok!(commit(voters[0], true, 1));
			assert_noop!(commit(voters[0], true, 1), Error::<Test>::AlreadyCommitted);
			assert_noop!(reveal(voters[0], true, 1), Error::<Test>::WrongPhase);
			run_to(8);
			assert_noop!(commit(voters[1], true, 1), Error::<Test>::WrongPhase);
			assert_noop!(reveal(voters[1], true, 1), Error::<Test>::NotCommitted);
			assert_noop!(reveal(voters[0], true, 2), Error::<Test>::CommitmentMismatch);
			assert_noop!(reveal(voters[0], false, 1), Error::<Test>::CommitmentMismatch);
			assert_ok!(reveal(voters[0], true, 1));
			assert_noop!(reveal(voters[0], true, 1), Error::<Test>::AlreadyRevealed);
		});
	}

	#[test]
	fn the_last_proposer_is_not_drawn_again_while_another_learner_can_be() {
		test(|| {
			let mut patient = config();
			patient.max_skipped_rounds = 10;
			assert_ok!(create_with(patient, POOL));
			for coldkey in [1, 2] {
				let hotkey = staked_learner(coldkey, 100);
				assert_ok!(Colearn::join_experiment(RuntimeOrigin::signed(hotkey), 0));
			}
			let mut proposers = Vec::new();
			// Rounds without proposals last one window: 3 blocks each.
			for round in 0..6u64 {
				run_to(2 + 3 * round);
				proposers.push(experiment().proposer.unwrap());
			}
			assert!(proposers.windows(2).all(|pair| pair[0] != pair[1]), "{proposers:?}");
		});
	}
}

mod commitments {
	use super::*;
	use sp_core::H256;

	#[test]
	fn the_commitment_is_blake2_256_of_the_documented_bytes() {
		let mut preimage = b"synod/colearn/vote/v1".to_vec();
		preimage.extend(0u32.to_le_bytes());
		preimage.extend(1u32.to_le_bytes());
		preimage.extend(12u64.to_le_bytes());
		preimage.push(1);
		preimage.extend((-20_000i64).to_le_bytes());
		preimage.extend([12u8; 32]);
		assert_eq!(preimage.len(), 21 + 4 + 4 + 8 + 1 + 8 + 32);
		let commitment = Colearn::vote_commitment(0, 1, &12, true, -20_000, &[12; 32]);
		assert_eq!(commitment, H256(sp_io::hashing::blake2_256(&preimage)));
		// From Python's hashlib.blake2b(preimage, digest_size=32): a client's view of the
		// layout, which no change to this crate can move along with it.
		assert_eq!(
			format!("{commitment:?}"),
			"0x00bd496af0198865def92ae2ae7afa09e3b4ce1c785b496a6b9dbf0fb2134131"
		);
	}

	#[test]
	fn every_field_changes_the_commitment() {
		let base = Colearn::vote_commitment(0, 1, &12, true, 5, &[1; 32]);
		let others = [
			Colearn::vote_commitment(1, 1, &12, true, 5, &[1; 32]),
			Colearn::vote_commitment(0, 2, &12, true, 5, &[1; 32]),
			Colearn::vote_commitment(0, 1, &13, true, 5, &[1; 32]),
			Colearn::vote_commitment(0, 1, &12, false, 5, &[1; 32]),
			Colearn::vote_commitment(0, 1, &12, true, 6, &[1; 32]),
			Colearn::vote_commitment(0, 1, &12, true, 5, &[2; 32]),
		];
		for (field, other) in others.iter().enumerate() {
			assert_ne!(*other, base, "field {field} is not bound");
		}
	}

	#[test]
	fn a_copied_commitment_and_a_replayed_reveal_pay_the_copier_nothing() {
		test(|| {
			let (proposer, voters) = three_learners(config());
			let (honest, copier) = (voters[0], voters[1]);
			let coldkey = |hotkey: u64| hotkey - 10;
			let before = [proposer, honest, copier].map(|h| Balances::balance(&coldkey(h)));
			assert_ok!(propose(proposer, 0));
			run_to(5);
			assert_ok!(commit(honest, true, 20_000));
			// Commitments are public and opaque: the pallet cannot refuse a copied one.
			let copied = VoteCommits::<Test>::get(0, honest).expect("the honest vote committed");
			assert_ok!(Colearn::commit_vote(RuntimeOrigin::signed(copier), 0, 1, copied));
			run_to(8);
			assert_ok!(reveal(honest, true, 20_000));
			// The honest reveal's block publishes its vote and salt; replayed, they name the
			// wrong voter.
			assert_noop!(
				Colearn::reveal_vote(
					RuntimeOrigin::signed(copier),
					0,
					1,
					true,
					20_000,
					salt_of(honest)
				),
				Error::<Test>::CommitmentMismatch
			);
			run_to(11);
			assert_eq!(tallied(), (true, Some(20_000)));
			let entry = Lineage::<Test>::get(0, 1).expect("the proposal was accepted");
			assert_eq!(
				entry.votes.into_inner(),
				vec![(honest, Vote { approve: true, score: 20_000 })]
			);
			// The copier committed, so it counts in the split of the voters' 30, and never
			// revealed, so its 15 stays in the pool: 70 and 15 paid, as to any silent voter.
			let gained = |i: usize, hotkey: u64| Balances::balance(&coldkey(hotkey)) - before[i];
			assert_eq!((gained(0, proposer), gained(1, honest), gained(2, copier)), (70, 15, 0));
			assert_eq!(experiment().pool, POOL - 85);
		});
	}

	#[test]
	fn a_commitment_made_for_one_round_does_not_reveal_in_the_next() {
		test(|| {
			let (first, voters) = three_learners(config());
			assert_ok!(propose(first, 0));
			run_to(5);
			for voter in &voters {
				assert_ok!(commit(*voter, true, 20_000));
			}
			let round_one: Vec<H256> =
				voters.iter().map(|v| VoteCommits::<Test>::get(0, v).unwrap()).collect();
			run_to(8);
			for voter in &voters {
				assert_ok!(reveal(*voter, true, 20_000));
			}
			run_to(11);
			// Round 2 opened at the tally; its proposer is one of round 1's voters, never the
			// last proposer.
			let second = experiment().proposer.expect("a proposer for round 2");
			let (index, replayer) =
				voters.iter().copied().enumerate().find(|(_, v)| *v != second).unwrap();
			assert_eq!(experiment().round, 2);
			assert_ok!(propose(second, 0));
			run_to(14);
			assert_ok!(Colearn::commit_vote(
				RuntimeOrigin::signed(replayer),
				0,
				2,
				round_one[index]
			));
			run_to(17);
			assert_noop!(
				Colearn::reveal_vote(
					RuntimeOrigin::signed(replayer),
					0,
					2,
					true,
					20_000,
					salt_of(replayer)
				),
				Error::<Test>::CommitmentMismatch
			);
		});
	}

	#[test]
	fn a_commitment_made_for_one_experiment_does_not_reveal_in_another() {
		test(|| {
			assert_ok!(create_with(config(), POOL));
			assert_ok!(create_with(config(), POOL));
			for (coldkey, stake) in [(1, 100), (2, 200), (3, 300)] {
				let hotkey = staked_learner(coldkey, stake);
				for id in [0, 1] {
					assert_ok!(Colearn::join_experiment(RuntimeOrigin::signed(hotkey), id));
				}
			}
			run_to(2);
			let drawn = |id| Experiments::<Test>::get(id).unwrap().proposer.unwrap();
			let proposers = [drawn(0), drawn(1)];
			let voter = [11, 12, 13].into_iter().find(|l| !proposers.contains(l)).unwrap();
			for (id, proposer) in [0, 1].into_iter().zip(proposers) {
				assert_ok!(Colearn::propose(
					RuntimeOrigin::signed(proposer),
					id,
					1,
					UPDATE,
					uri("https://models.example/update"),
					INITIAL,
					0,
					Default::default(),
				));
			}
			run_to(5);
			let commitment = Colearn::vote_commitment(0, 1, &voter, true, 20_000, &salt_of(voter));
			for id in [0, 1] {
				assert_ok!(Colearn::commit_vote(RuntimeOrigin::signed(voter), id, 1, commitment));
			}
			run_to(8);
			let reveal_in = |id| {
				Colearn::reveal_vote(
					RuntimeOrigin::signed(voter),
					id,
					1,
					true,
					20_000,
					salt_of(voter),
				)
			};
			assert_ok!(reveal_in(0));
			assert_noop!(reveal_in(1), Error::<Test>::CommitmentMismatch);
		});
	}
}

mod closing {
	use super::*;

	#[test]
	fn an_exhausted_pool_closes_the_experiment_and_returns_the_rest() {
		test(|| {
			let mut generous = config();
			generous.reward_per_round = 1_000;
			assert_ok!(create_with(generous, 1_050));
			for (coldkey, stake) in [(1, 100), (2, 200), (3, 300)] {
				let hotkey = staked_learner(coldkey, stake);
				assert_ok!(Colearn::join_experiment(RuntimeOrigin::signed(hotkey), 0));
			}
			run_to(2);
			let proposer = experiment().proposer.unwrap();
			let voters: Vec<u64> = [11, 12, 13].into_iter().filter(|l| *l != proposer).collect();
			let creator_before = Balances::balance(&CREATOR);
			vote_round(proposer, &[(voters[0], true, 20_000), (voters[1], true, 20_000)]);
			let record = experiment();
			assert_eq!(record.status, ExperimentStatus::Closed);
			assert!(events().contains(&Event::ExperimentClosed { experiment: 0, refund: 50 }));
			assert_eq!(Balances::balance(&CREATOR), creator_before + 50 + CREATION_DEPOSIT);
			assert_eq!(held(CREATOR), 0);
			// Closed by the hook after it took this block's entry of the index: none is left.
			assert_eq!(PhaseDue::<Test>::iter().count(), 0);
			// The lineage outlives the experiment; nobody can join it any more.
			assert_eq!(Lineage::<Test>::get(0, 1).unwrap().hash, UPDATE);
			let latecomer = staked_learner(4, 100);
			assert_noop!(
				Colearn::join_experiment(RuntimeOrigin::signed(latecomer), 0),
				Error::<Test>::ExperimentClosed
			);
			run_to(20);
			assert_eq!(experiment().round, 1, "a closed experiment has no rounds");
		});
	}

	#[test]
	fn only_the_creator_closes_and_gets_the_pool_back() {
		test(|| {
			assert_ok!(create_with(config(), POOL));
			run_to(3);
			assert_noop!(
				Colearn::close_experiment(RuntimeOrigin::signed(1), 0),
				Error::<Test>::NotCreator
			);
			assert_ok!(Colearn::close_experiment(RuntimeOrigin::signed(CREATOR), 0));
			assert_eq!((held(CREATOR), Balances::balance(&CREATOR)), (0, FUNDS));
			assert_eq!(PhaseDue::<Test>::iter().count(), 0, "no empty entry is left behind");
			assert_noop!(
				Colearn::close_experiment(RuntimeOrigin::signed(CREATOR), 0),
				Error::<Test>::ExperimentClosed
			);
			assert_eq!(OpenExperiments::<Test>::get(), 0);
		});
	}
}

mod sweeping {
	use super::*;
	use frame_support::{
		traits::{Get, Hooks},
		weights::Weight,
	};

	fn idle(limit: Weight) -> Weight {
		<Colearn as Hooks<u64>>::on_idle(System::block_number(), limit)
	}

	fn departed() -> usize {
		DepartedBudgets::<Test>::iter_prefix(0).count()
	}

	/// A sweep of `n` budgets, and the read that finds the experiment.
	fn sweep_of(n: u32) -> Weight {
		<() as WeightInfo>::sweep_departed(n).saturating_add(
			<<Test as frame_system::Config>::DbWeight as Get<
				frame_support::weights::RuntimeDbWeight,
			>>::get()
			.reads(1),
		)
	}

	#[test]
	fn a_close_leaves_what_it_cannot_drop_to_sweeps_in_spare_weight() {
		let mut ext = new_test_ext();
		ext.execute_with(|| {
			assert_ok!(create_with(config(), POOL));
			// Twelve learners that spent and left, one a round, more than a close drops (5).
			for learner in 200..212u64 {
				DepartedBudgets::<Test>::insert(0, learner, 1);
			}
		});
		// The budgets of earlier blocks are in the database, as on a chain: a close drops
		// only what it is bounded to.
		ext.commit_all().unwrap();
		ext.execute_with(|| {
			assert_ok!(Colearn::close_experiment(RuntimeOrigin::signed(CREATOR), 0));
			assert_eq!(departed(), 7);
			assert!(DepartedToSweep::<Test>::contains_key(0));
			Colearn::do_try_state().expect("leftovers to sweep are allowed");
		});
		ext.commit_all().unwrap();
		ext.execute_with(|| {
			// No room for one budget: nothing done, nothing charged.
			assert_eq!(idle(sweep_of(1) - Weight::from_parts(1, 0)), Weight::zero());
			assert_eq!(departed(), 7);
			// Room for two drops two, and charges what it did.
			assert_eq!(idle(sweep_of(2) + Weight::from_parts(1, 0)), sweep_of(2));
			assert_eq!(departed(), 5);
		});
		ext.commit_all().unwrap();
		ext.execute_with(|| {
			// However much room there is, a block sweeps at most `MaxLearners`.
			assert_eq!(idle(Weight::MAX), sweep_of(5));
			assert_eq!(departed(), 0);
			Colearn::do_try_state().expect("colearn invariants hold");
		});
		ext.commit_all().unwrap();
		ext.execute_with(|| {
			// Once nothing is left, the entry goes and the sweep is only a look.
			idle(Weight::MAX);
			assert!(!DepartedToSweep::<Test>::contains_key(0));
			assert!(idle(Weight::MAX).all_lt(sweep_of(1)), "an empty sweep charges no budget");
			Colearn::do_try_state().expect("colearn invariants hold");
		});
	}

	#[test]
	fn a_closed_experiment_with_budgets_and_no_sweep_breaks_the_invariants() {
		test(|| {
			assert_ok!(create_with(config(), POOL));
			assert_ok!(Colearn::close_experiment(RuntimeOrigin::signed(CREATOR), 0));
			DepartedBudgets::<Test>::insert(0, 200, 1);
			assert!(Colearn::do_try_state().is_err());
			DepartedToSweep::<Test>::insert(0, ());
			assert_ok!(Colearn::do_try_state());
		});
	}
}

mod properties {
	use super::*;
	use proptest::prelude::*;
	use std::collections::BTreeMap;

	#[derive(Clone, Debug)]
	enum Action {
		Join { coldkey: u64 },
		Leave { coldkey: u64 },
		Propose { proposer_or: u64, parent_is_head: bool, epsilon: u64 },
		Commit { coldkey: u64, approve: bool, score: i64 },
		Reveal { coldkey: u64, honest: bool },
		Advance(u64),
	}

	fn action() -> impl Strategy<Value = Action> {
		prop_oneof![
			3 => (1u64..=5).prop_map(|coldkey| Action::Join { coldkey }),
			1 => (1u64..=5).prop_map(|coldkey| Action::Leave { coldkey }),
			3 => (0u64..=8, proptest::bool::weighted(0.9), 0u64..1_200_000).prop_map(
				|(proposer_or, parent_is_head, epsilon)| Action::Propose {
					proposer_or,
					parent_is_head,
					epsilon
				}
			),
			4 => (1u64..=5, proptest::bool::weighted(0.7), -20_000i64..60_000).prop_map(
				|(coldkey, approve, score)| Action::Commit { coldkey, approve, score }
			),
			4 => (1u64..=5, proptest::bool::weighted(0.9))
				.prop_map(|(coldkey, honest)| Action::Reveal { coldkey, honest }),
			3 => (1u64..4).prop_map(Action::Advance),
		]
	}

	proptest! {
		#![proptest_config(ProptestConfig::with_cases(64))]
		/// Random joins, leaves, proposals (by the proposer or not, on the head or not, within
		/// the budget or not), votes, no-shows and blocks, then a close: failed calls change nothing,
		/// every block keeps the invariants, no balance is minted or burnt, and whatever left
		/// the creator's pool reached learners.
		#[test]
		fn random_rounds_keep_the_pool_and_the_lineage_whole(
			actions in proptest::collection::vec(action(), 1..120),
			stakes in proptest::collection::vec(50u128..400, 5),
		) {
			new_test_ext().execute_with(|| -> Result<(), TestCaseError> {
				let mut lossy = config();
				lossy.epsilon_budget = 1_500_000;
				// Two accepted rounds exhaust the pool and close the experiment.
				lossy.reward_per_round = 400;
				assert_ok!(create_with(lossy, 1_000));
				for (coldkey, stake) in (1u64..=5).zip(&stakes) {
					staked_learner(coldkey, *stake);
				}
				let issuance = Balances::total_issuance();
				let wealth = || -> u128 {
					(1u64..=5).chain([CREATOR]).map(|who| Balances::total_balance(&who)).sum()
				};
				let start = wealth();
				let mut votes: BTreeMap<u64, (bool, i64)> = BTreeMap::new();
				for action in actions {
					let root = sp_io::storage::root(sp_runtime::StateVersion::V1);
					let record = experiment();
					let round = record.round;
					let result = match action {
						Action::Join { coldkey } =>
							Colearn::join_experiment(RuntimeOrigin::signed(10 + coldkey), 0),
						Action::Leave { coldkey } =>
							Colearn::leave_experiment(RuntimeOrigin::signed(10 + coldkey), 0),
						Action::Propose { proposer_or, parent_is_head, epsilon } => {
							// Mostly the drawn proposer, sometimes a learner that was not drawn.
							let proposer = match (proposer_or, &record.proposer) {
								(0..=3, Some(drawn)) => *drawn,
								(other, _) => 10 + (other % 5) + 1,
							};
							let parent = if parent_is_head { record.head } else { [9; 32] };
							Colearn::propose(
								RuntimeOrigin::signed(proposer),
								0,
								round,
								[round as u8; 32],
								uri("https://models.example/p"),
								parent,
								epsilon,
								Default::default(),
							)
						},
						Action::Commit { coldkey, approve, score } => {
							let result = commit(10 + coldkey, approve, score);
							if result.is_ok() {
								votes.insert(10 + coldkey, (approve, score));
							}
							result
						},
						Action::Reveal { coldkey, honest } => {
							let (approve, score) =
								votes.get(&(10 + coldkey)).copied().unwrap_or((true, 0));
							reveal(10 + coldkey, approve, if honest { score } else { score + 1 })
						},
						Action::Advance(blocks) => {
							run_to(System::block_number() + blocks);
							Ok(())
						},
					};
					if result.is_err() {
						prop_assert_eq!(
							sp_io::storage::root(sp_runtime::StateVersion::V1),
							root,
							"a failed call changed storage"
						);
					}
					if experiment().round != round {
						votes.clear();
					}
					Colearn::do_try_state().map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
					prop_assert_eq!(Balances::total_issuance(), issuance);
					prop_assert_eq!(wealth(), start, "the pool's payouts left the learners");
				}
				// Closing returns the rest of the pool: the creator got back all it did not pay.
				// What accepted rounds paid: closing (by the creator, an exhausted pool or a
				// stall) returns all the rest.
				let paid: u128 = events()
					.into_iter()
					.filter_map(|event| match event {
						Event::HeadMoved { to_proposer, to_voters, .. } => {
							Some(to_proposer + to_voters)
						},
						_ => None,
					})
					.sum();
				if experiment().status == ExperimentStatus::Open {
					assert_ok!(Colearn::close_experiment(RuntimeOrigin::signed(CREATOR), 0));
				}
				prop_assert_eq!(held(CREATOR), 0);
				prop_assert_eq!(Balances::balance(&CREATOR), FUNDS - paid);
				Colearn::do_try_state().map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
				Ok(())
			})?;
		}
	}
}
