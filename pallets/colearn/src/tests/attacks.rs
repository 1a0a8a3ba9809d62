//! The attacks on the vote: sybils at the minimum stake, the proposer voting through
//! another hotkey or another hotkey's stake, one stake in two experiments, stake withdrawn
//! while it votes, and leavers whose votes would still count.

use super::*;

/// Makes `hotkey` round 1's proposer: the draw is by stake, and these tests need a given
/// proposer rather than a likely one.
fn force_proposer(hotkey: u64) {
	let mut record = experiment();
	assert_eq!((record.round, record.phase), (1, Phase::Proposal));
	record.proposer = Some(hotkey);
	Experiments::<Test>::insert(0, record);
}

/// Experiment 0 on `config` with coldkey `c` staking `stake` behind hotkey `10 + c` for each
/// of `learners`, in round 1's proposal window, with hotkey 11 the proposer.
fn learners_with(config: ExperimentConfig<u128, u64>, learners: &[(u64, u128)]) {
	assert_ok!(create_with(config, POOL));
	for (coldkey, stake) in learners {
		let hotkey = staked_learner(*coldkey, *stake);
		assert_ok!(Colearn::join_experiment(RuntimeOrigin::signed(hotkey), 0));
	}
	run_to(2);
	force_proposer(11);
}

/// The last tally's approving and revealed stake.
fn tallied_stake() -> (u128, u128) {
	events()
		.into_iter()
		.rev()
		.find_map(|event| match event {
			Event::RoundTallied { approving_stake, revealed_stake, .. } => {
				Some((approving_stake, revealed_stake))
			},
			_ => None,
		})
		.expect("a tally")
}

fn five_learners() -> ExperimentConfig<u128, u64> {
	ExperimentConfig { max_learners: 5, ..config() }
}

#[test]
fn sybils_at_the_minimum_stake_cannot_veto_what_the_stake_approves() {
	test(|| {
		// One learner with 400 against three sybils at the minimum of 100 each: by heads the
		// sybils' score would be the median.
		learners_with(five_learners(), &[(1, 100), (2, 400), (3, 100), (4, 100), (5, 100)]);
		let sybils = [(13, false, -50_000), (14, false, -50_000), (15, false, -50_000)];
		let mut votes = vec![(12, true, 50_000)];
		votes.extend(sybils);
		vote_round(11, &votes);
		assert_eq!(tallied(), (true, Some(50_000)));
		assert_eq!(tallied_stake(), (400, 700));
		assert_eq!(experiment().head, UPDATE);
	});
}

#[test]
fn sybils_at_the_minimum_stake_cannot_pass_what_the_stake_rejects() {
	test(|| {
		learners_with(five_learners(), &[(1, 100), (2, 400), (3, 100), (4, 100), (5, 100)]);
		let sybils = [(13, true, 50_000), (14, true, 50_000), (15, true, 50_000)];
		let mut votes = vec![(12, false, -50_000)];
		votes.extend(sybils);
		vote_round(11, &votes);
		assert_eq!(tallied(), (false, Some(-50_000)));
		assert_eq!(experiment().head, INITIAL);
	});
}

#[test]
fn the_proposers_coldkey_cannot_vote_through_another_hotkey() {
	test(|| {
		assert_ok!(create_with(config(), POOL));
		for (coldkey, stake) in [(1, 100), (2, 200)] {
			let hotkey = staked_learner(coldkey, stake);
			assert_ok!(Colearn::join_experiment(RuntimeOrigin::signed(hotkey), 0));
		}
		// Coldkey 1's second hotkey.
		assert_ok!(Subnets::register(RuntimeOrigin::signed(1), 1, 21));
		assert_ok!(Staking::add_stake(RuntimeOrigin::signed(1), 21, 500));
		assert_ok!(Colearn::join_experiment(RuntimeOrigin::signed(21), 0));
		run_to(2);
		force_proposer(11);
		assert_ok!(propose(11));
		run_to(5);
		assert_noop!(commit(21, true, 90_000), Error::<Test>::ProposerCannotVote);
		assert_noop!(commit(11, true, 90_000), Error::<Test>::ProposerCannotVote);
		assert_ok!(commit(12, true, 20_000));
	});
}

#[test]
fn the_proposers_stake_behind_another_voter_does_not_weigh() {
	test(|| {
		learners_with(config(), &[(1, 100), (2, 200), (3, 300)]);
		// The proposer's coldkey puts 1 000 behind voter 12, owned by coldkey 2: counted, it
		// would carry 1 200 of 1 500 for the proposal.
		assert_ok!(Staking::add_stake(RuntimeOrigin::signed(1), 12, 1_000));
		vote_round(11, &[(12, true, 20_000), (13, false, -20_000)]);
		assert_eq!(tallied_stake(), (200, 500));
		assert_eq!(tallied().0, false);
	});
}

#[test]
fn one_stake_learns_in_one_experiment_at_a_time() {
	test(|| {
		assert_ok!(create_with(config(), POOL));
		let mut gated = config();
		gated.admission = Admission::CreatorApproves;
		assert_ok!(create_with(gated, POOL));
		let hotkey = staked_learner(1, 100);
		assert_ok!(Colearn::join_experiment(RuntimeOrigin::signed(hotkey), 0));
		assert_noop!(
			Colearn::join_experiment(RuntimeOrigin::signed(hotkey), 1),
			Error::<Test>::LearningElsewhere
		);
		assert_ok!(Colearn::leave_experiment(RuntimeOrigin::signed(hotkey), 0));
		// An application holds the hotkey too.
		assert_ok!(Colearn::join_experiment(RuntimeOrigin::signed(hotkey), 1));
		assert_noop!(
			Colearn::join_experiment(RuntimeOrigin::signed(hotkey), 0),
			Error::<Test>::LearningElsewhere
		);
		assert!(!locked(hotkey), "an applicant's stake answers for nothing yet");
		assert_ok!(Colearn::approve_learner(RuntimeOrigin::signed(CREATOR), 1, hotkey));
		assert!(locked(hotkey));
	});
}

#[test]
fn a_learners_stake_cannot_be_withdrawn_and_once_unbonded_does_not_vote() {
	test(|| {
		learners_with(config(), &[(1, 100), (2, 200), (3, 300)]);
		assert_ok!(propose(11));
		// Learner 12's coldkey unbonds everything: it no longer has the minimum to vote, and
		// cannot take the funds out while 12 learns.
		assert_ok!(Staking::remove_stake(RuntimeOrigin::signed(2), 12, 200));
		run_to(5);
		assert_noop!(commit(12, true, 20_000), Error::<Test>::StakeTooLow);
		run_to(20);
		assert_noop!(
			Staking::withdraw_unbonded(RuntimeOrigin::signed(2), 12),
			pallet_synod_staking::Error::<Test>::StakeLocked
		);
		assert_ok!(Colearn::leave_experiment(RuntimeOrigin::signed(12), 0));
		assert_ok!(Staking::withdraw_unbonded(RuntimeOrigin::signed(2), 12));
	});
}

#[test]
fn the_voters_share_goes_by_stake_to_those_who_agreed() {
	test(|| {
		learners_with(config(), &[(1, 100), (2, 200), (3, 300), (4, 400)]);
		let before = [2u64, 3, 4].map(|coldkey| Balances::balance(&coldkey));
		// 500 of 900 approve: accepted; the one that rejected is paid nothing.
		vote_round(11, &[(12, true, 20_000), (13, true, 20_000), (14, false, -5_000)]);
		assert_eq!(tallied().0, true);
		let gained = [2u64, 3, 4].map(|coldkey| Balances::balance(&coldkey)).map(|b| b);
		let gained: Vec<u128> = gained.iter().zip(before).map(|(after, b)| after - b).collect();
		assert_eq!(gained, vec![30 * 200 / 500, 30 * 300 / 500, 0]);
	});
}

#[test]
fn splitting_a_stake_over_sybils_earns_no_more() {
	// The same approving stake, once behind one hotkey and once over three: the voters' part
	// it earns is the same, to within rounding down of each share.
	let earned = |split: bool| {
		let mut paid = 0;
		new_test_ext().execute_with(|| {
			let approvers: &[(u64, u128)] =
				if split { &[(2, 100), (3, 100), (4, 100)] } else { &[(2, 300)] };
			let mut learners = vec![(1, 100)];
			learners.extend_from_slice(approvers);
			learners.push((5, 300));
			learners_with(five_learners(), &learners);
			let mut votes: Vec<(u64, bool, i64)> =
				approvers.iter().map(|(c, _)| (10 + c, true, 20_000)).collect();
			votes.push((15, true, 20_000));
			let before: u128 = approvers.iter().map(|(c, _)| Balances::balance(c)).sum();
			vote_round(11, &votes);
			let after: u128 = approvers.iter().map(|(c, _)| Balances::balance(c)).sum();
			paid = after - before;
		});
		paid
	};
	let (whole, split) = (earned(false), earned(true));
	assert_eq!(whole, 15);
	assert!(split <= whole && whole - split < 3, "{split} of {whole}");
}

#[test]
fn a_learner_that_leaves_takes_its_vote_with_it() {
	test(|| {
		learners_with(config(), &[(1, 100), (2, 200), (3, 300)]);
		assert_ok!(propose(11));
		run_to(5);
		assert_ok!(commit(12, true, 20_000));
		assert_ok!(commit(13, true, 20_000));
		run_to(8);
		assert_ok!(reveal(12, true, 20_000));
		assert_ok!(reveal(13, true, 20_000));
		let before = Balances::balance(&3);
		// 13 leaves with its stake free to withdraw: its vote must not count.
		assert_ok!(Colearn::leave_experiment(RuntimeOrigin::signed(13), 0));
		run_to(11);
		assert_eq!(tallied_stake(), (200, 200));
		assert_eq!(Balances::balance(&3), before);
		let entry = Lineage::<Test>::get(0, 1).unwrap();
		assert_eq!(entry.votes.into_inner(), vec![(12, Vote { approve: true, score: 20_000 })]);
	});
}

#[test]
fn a_zero_minimum_stake_is_refused() {
	test(|| {
		let free = ExperimentConfig { min_stake: 0, ..config() };
		assert_noop!(
			create_with(free, POOL),
			Error::<Test>::InvalidConfig { reason: ConfigError::MinStakeTooLow }
		);
	});
}

#[test]
fn stake_added_once_the_reveals_are_public_buys_no_say() {
	test(|| {
		learners_with(config(), &[(1, 100), (2, 200), (3, 300)]);
		assert_ok!(propose(11));
		run_to(5);
		assert_ok!(commit(12, true, 20_000));
		assert_ok!(commit(13, false, -20_000));
		run_to(8);
		assert_ok!(reveal(12, true, 20_000));
		assert_ok!(reveal(13, false, -20_000));
		// Seeing 200 for and 300 against, a friend of the proposer (another coldkey) stakes
		// 1 000 behind the approving voter before the tally: it counts at its commit weight.
		assert_ok!(Staking::add_stake(RuntimeOrigin::signed(5), 12, 1_000));
		run_to(11);
		assert_eq!(tallied_stake(), (200, 500));
		assert_eq!(tallied().0, false);
	});
}

#[test]
fn rejected_rounds_count_towards_the_stall_so_locks_cannot_last_for_ever() {
	test(|| {
		// Every round proposed and rejected spends nothing: without this the experiment, and
		// its learners' stake locks, would run as long as somebody proposed.
		learners_with(
			ExperimentConfig { max_skipped_rounds: 2, ..config() },
			&[(1, 100), (2, 200)],
		);
		assert_ok!(propose(11));
		run_to(11);
		assert_eq!(tallied().0, false);
		assert_eq!(SkippedRounds::<Test>::get(0), 1);
		let proposer = experiment().proposer.unwrap();
		assert_ok!(propose(proposer));
		run_to(20);
		assert!(events().contains(&Event::ExperimentStalled { experiment: 0, skipped: 2 }));
		assert_eq!(experiment().status, ExperimentStatus::Closed);
		assert!(!locked(11) && !locked(12));
	});
}
