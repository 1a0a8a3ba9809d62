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
fn only_the_creator_closes_and_gets_the_pool_back_when_the_round_ends() {
	test(|| {
		assert_ok!(create_with(config(), POOL));
		// Before the first round the close is immediate.
		assert_ok!(create_with(config(), POOL));
		assert_ok!(Colearn::close_experiment(RuntimeOrigin::signed(CREATOR), 1));
		assert_eq!(Experiments::<Test>::get(1).unwrap().status, ExperimentStatus::Closed);
		run_to(3);
		assert_noop!(
			Colearn::close_experiment(RuntimeOrigin::signed(1), 0),
			Error::<Test>::NotCreator
		);
		// In round 1's proposal window (blocks 2 to 4): the close waits for its end.
		assert_ok!(Colearn::close_experiment(RuntimeOrigin::signed(CREATOR), 0));
		assert!(events().contains(&Event::ExperimentClosing { experiment: 0, round: 1 }));
		assert_eq!((experiment().status, experiment().closing), (ExperimentStatus::Open, true));
		assert_noop!(
			Colearn::close_experiment(RuntimeOrigin::signed(CREATOR), 0),
			Error::<Test>::AlreadyClosing
		);
		run_to(5);
		assert_eq!(experiment().status, ExperimentStatus::Closed);
		assert_eq!(experiment().round, 1, "no round opens after a close");
		assert_eq!((held(CREATOR), Balances::balance(&CREATOR)), (0, FUNDS));
		assert_eq!(PhaseDue::<Test>::iter().count(), 0, "no empty entry is left behind");
		assert_noop!(
			Colearn::close_experiment(RuntimeOrigin::signed(CREATOR), 0),
			Error::<Test>::ExperimentClosed
		);
		assert_eq!(OpenExperiments::<Test>::get(), 0);
	});
}

#[test]
fn a_close_asked_during_the_reveal_waits_for_the_tally_and_pays_the_proposer() {
	test(|| {
		// The attack: the proposer's model is public from its proposal on; a creator that
		// closed before the tally would keep it and pay nothing.
		let (proposer, voters) = three_learners(config());
		let paid_before = Balances::balance(&(proposer - 10));
		assert_ok!(propose(proposer));
		run_to(5);
		for voter in &voters {
			assert_ok!(commit(*voter, true, 20_000));
		}
		run_to(8);
		for voter in &voters {
			assert_ok!(reveal(*voter, true, 20_000));
		}
		assert_ok!(Colearn::close_experiment(RuntimeOrigin::signed(CREATOR), 0));
		assert_eq!(experiment().status, ExperimentStatus::Open);
		run_to(11);
		assert_eq!(tallied(), (true, Some(20_000)));
		assert_eq!(Balances::balance(&(proposer - 10)) - paid_before, 70);
		assert_eq!(experiment().status, ExperimentStatus::Closed);
		assert_eq!(experiment().head, UPDATE);
		// Everything the round did not pay went back, and every learner is free again.
		assert!(events().contains(&Event::ExperimentClosed {
			experiment: 0,
			refund: POOL - experiment_paid()
		}));
		assert!([11, 12, 13].iter().all(|l| !locked(*l) && LearningIn::<Test>::get(l).is_none()));
	});
}

#[test]
fn a_proposal_after_a_close_was_asked_still_runs_its_round() {
	test(|| {
		// The creator sees the proposal in the transaction pool and asks to close first:
		// the proposal still lands, and the round runs to its tally.
		let (proposer, voters) = three_learners(config());
		assert_ok!(Colearn::close_experiment(RuntimeOrigin::signed(CREATOR), 0));
		assert_ok!(propose(proposer));
		run_to(5);
		assert_eq!(experiment().phase, Phase::Commit);
		for voter in &voters {
			assert_ok!(commit(*voter, true, 20_000));
		}
		run_to(8);
		for voter in &voters {
			assert_ok!(reveal(*voter, true, 20_000));
		}
		run_to(11);
		assert_eq!(tallied(), (true, Some(20_000)));
		assert_eq!(experiment().status, ExperimentStatus::Closed);
	});
}

/// What accepted rounds of experiment 0 paid, by its events.
fn experiment_paid() -> u128 {
	events()
		.into_iter()
		.filter_map(|event| match event {
			Event::HeadMoved { experiment: 0, to_proposer, to_voters, .. } => {
				Some(to_proposer + to_voters)
			},
			_ => None,
		})
		.sum()
}
