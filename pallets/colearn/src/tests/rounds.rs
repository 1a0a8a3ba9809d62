use super::*;

#[test]
fn an_approved_improvement_becomes_the_head_and_is_paid() {
	test(|| {
		let (proposer, voters) = three_learners(config());
		let coldkey = |hotkey: u64| hotkey - 10;
		let before: Vec<u128> = [11, 12, 13].map(|h| Balances::balance(&coldkey(h))).to_vec();
		let (small, large) = (voters[0].min(voters[1]), voters[0].max(voters[1]));
		// The larger stake's score is the weighted median.
		vote_round(proposer, &[(small, true, 30_000), (large, true, 20_000)]);
		assert_eq!(tallied(), (true, Some(20_000)));
		let record = experiment();
		assert_eq!((record.head, record.lineage_len), (UPDATE, 2));
		let entry = Lineage::<Test>::get(0, 1).unwrap();
		assert_eq!(entry.parent, Some(INITIAL));
		assert_eq!(
			(entry.proposer, entry.round, entry.privacy, entry.epsilon_after),
			(Some(proposer), 1, None, 0)
		);
		assert_eq!(entry.votes.len(), 2);
		// 70 to the proposer, 30 shared by the two voters in proportion to their stake,
		// rounded down; the rounding stays in the pool.
		let gained = |h: u64| Balances::balance(&coldkey(h)) - before[(h - 11) as usize];
		assert_eq!(gained(proposer), 70);
		let (s, l) = (stake_of(small), stake_of(large));
		let shares = (30 * s / (s + l), 30 * l / (s + l));
		assert_eq!((gained(small), gained(large)), shares);
		let paid = 70 + shares.0 + shares.1;
		assert_eq!((record.pool, held(CREATOR)), (POOL - paid, POOL - paid));
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
		// The larger stake's score is the weighted median.
		let (small, large) = (voters[0].min(voters[1]), voters[0].max(voters[1]));
		vote_round(proposer, &[(small, true, 50_000), (large, true, 9_999)]);
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
		let (small, large) = (voters[0].min(voters[1]), voters[0].max(voters[1]));
		vote_round(proposer, &[(small, true, -40_000), (large, true, -20_000)]);
		assert_eq!(tallied(), (true, Some(20_000)));
	});
}

#[test]
fn a_voter_that_commits_and_does_not_reveal_is_paid_nothing() {
	test(|| {
		let (proposer, voters) = three_learners(config());
		assert_ok!(propose(proposer));
		run_to(5);
		assert_ok!(commit(voters[0], true, 20_000));
		assert_ok!(commit(voters[1], true, 20_000));
		run_to(8);
		assert_ok!(reveal(voters[0], true, 20_000));
		let silent_before = Balances::balance(&(voters[1] - 10));
		let revealer_before = Balances::balance(&(voters[0] - 10));
		run_to(11);
		assert_eq!(tallied(), (true, Some(20_000)));
		assert_eq!(Balances::balance(&(voters[1] - 10)), silent_before);
		// The voters' 30 goes to the one that revealed and agreed.
		assert_eq!(Balances::balance(&(voters[0] - 10)) - revealer_before, 30);
		assert_eq!(experiment().pool, POOL - 100);
	});
}

#[test]
fn every_bad_call_is_refused_with_nothing_changed() {
	test(|| {
		let (proposer, voters) = three_learners(config());
		let round = experiment().round;
		let propose_as = |who: u64, parent: [u8; 32], privacy, round: u32| {
			Colearn::propose(
				RuntimeOrigin::signed(who),
				0,
				round,
				UPDATE,
				uri("https://models.example/update"),
				parent,
				privacy,
				Default::default(),
			)
		};
		assert_noop!(propose_as(voters[0], INITIAL, None, round), Error::<Test>::NotProposer);
		assert_noop!(propose_as(proposer, UPDATE, None, round), Error::<Test>::ParentNotHead);
		// Without a budget, nothing is accounted, so a declaration would mislead.
		assert_noop!(
			propose_as(proposer, INITIAL, Some(privacy::training(100)), round),
			Error::<Test>::InvalidPrivacy { reason: PrivacyError::NotBudgeted }
		);
		assert_noop!(propose_as(proposer, INITIAL, None, round + 1), Error::<Test>::WrongRound);
		assert_noop!(commit(voters[0], true, 1), Error::<Test>::WrongPhase);
		assert_ok!(propose(proposer));
		assert_noop!(propose(proposer), Error::<Test>::AlreadyProposed);
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
