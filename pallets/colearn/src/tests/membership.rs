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
		// Joined under the coldkey that owns it, with its stake locked and recorded as
		// learning here.
		let learner = Learners::<Test>::get(0, learners[0]).unwrap();
		assert_eq!(learner.coldkey, 2);
		assert!(locked(learners[0]));
		assert_eq!(LearningIn::<Test>::get(learners[0]), Some(0));
		assert_ok!(Colearn::leave_experiment(RuntimeOrigin::signed(learners[0]), 0));
		assert!(!locked(learners[0]));
		assert_eq!(LearningIn::<Test>::get(learners[0]), None);
		assert_noop!(
			Colearn::leave_experiment(RuntimeOrigin::signed(learners[0]), 0),
			Error::<Test>::NotLearner
		);
		assert_ok!(Colearn::join_experiment(RuntimeOrigin::signed(learners[4]), 0));
		assert_eq!(experiment().learners, 4);
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
