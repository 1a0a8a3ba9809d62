use super::*;
use proptest::prelude::*;
use std::collections::BTreeMap;

#[derive(Clone, Debug)]
enum Action {
	Join { coldkey: u64 },
	Leave { coldkey: u64 },
	Propose { proposer_or: u64, parent_is_head: bool, steps: u32 },
	Commit { coldkey: u64, approve: bool, score: i64 },
	Reveal { coldkey: u64, honest: bool },
	Advance(u64),
	Close,
}

fn action() -> impl Strategy<Value = Action> {
	prop_oneof![
		3 => (1u64..=5).prop_map(|coldkey| Action::Join { coldkey }),
		1 => (1u64..=5).prop_map(|coldkey| Action::Leave { coldkey }),
		3 => (0u64..=8, proptest::bool::weighted(0.9), 0u32..4_000).prop_map(
			|(proposer_or, parent_is_head, steps)| Action::Propose {
				proposer_or,
				parent_is_head,
				steps
			}
		),
		4 => (1u64..=5, proptest::bool::weighted(0.7), -20_000i64..60_000).prop_map(
			|(coldkey, approve, score)| Action::Commit { coldkey, approve, score }
		),
		4 => (1u64..=5, proptest::bool::weighted(0.9))
			.prop_map(|(coldkey, honest)| Action::Reveal { coldkey, honest }),
		3 => (1u64..4).prop_map(Action::Advance),
		1 => Just(Action::Close),
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
			let mut lossy = private_config();
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
					Action::Propose { proposer_or, parent_is_head, steps } => {
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
							Some(crate::tests::privacy::training(steps)),
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
					Action::Close => Colearn::close_experiment(RuntimeOrigin::signed(CREATOR), 0),
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
			// A close asked for takes effect when the round ends, 9 blocks at most.
			if experiment().status == ExperimentStatus::Open {
				if !experiment().closing {
					assert_ok!(Colearn::close_experiment(RuntimeOrigin::signed(CREATOR), 0));
				}
				run_to(System::block_number() + 9);
			}
			prop_assert_eq!(experiment().status, ExperimentStatus::Closed);
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
			prop_assert_eq!(held(CREATOR), 0);
			prop_assert!((11u64..=15).all(|hotkey| !locked(hotkey)), "a lock outlived the close");
			prop_assert_eq!(Balances::balance(&CREATOR), FUNDS - paid);
			Colearn::do_try_state().map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
			Ok(())
		})?;
	}
}
