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
			// Sybils would be free: every voice must have stake behind it.
			(Box::new(|c| c.min_stake = 0), ConfigError::MinStakeTooLow),
			(Box::new(|c| c.min_stake = MIN_LEARNER_STAKE - 1), ConfigError::MinStakeTooLow),
			(
				Box::new(|c| c.privacy = Some(PrivacyBudget { epsilon_micros: 0, delta: DELTA })),
				ConfigError::BadPrivacyBudget,
			),
			(
				Box::new(|c| {
					c.privacy = Some(PrivacyBudget { epsilon_micros: 1_000_000, delta: 0 })
				}),
				ConfigError::BadPrivacyBudget,
			),
			(
				Box::new(|c| {
					c.privacy =
						Some(PrivacyBudget { epsilon_micros: 1_000_000, delta: MAX_DELTA + 1 })
				}),
				ConfigError::BadPrivacyBudget,
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
		let deposit = |who| Balances::balance_on_hold(&HoldReason::CreationDeposit.into(), &who);
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
