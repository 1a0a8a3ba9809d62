//! The pallet's tests, by concern; `attacks` holds the attacks on the vote, `privacy` those
//! on the budget.

mod attacks;
mod closing;
mod commitments;
mod creation;
mod membership;
mod privacy;
mod properties;
mod rounds;
mod sweeping;

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

/// `proposer` proposes [`UPDATE`] on the head in the current round, declaring no training.
fn propose(proposer: u64) -> sp_runtime::DispatchResult {
	propose_trained(proposer, None)
}

/// `proposer` proposes [`UPDATE`] on the head in the current round, declaring `privacy`.
fn propose_trained(proposer: u64, privacy: Option<DpSgdParameters>) -> sp_runtime::DispatchResult {
	let round = experiment().round;
	Colearn::propose(
		RuntimeOrigin::signed(proposer),
		0,
		round,
		UPDATE,
		uri("https://models.example/update"),
		experiment().head,
		privacy,
		b"two epochs on my shard".to_vec().try_into().unwrap(),
	)
}

/// `learner`'s salt: one per learner, so that tests can replay another's reveal.
/// The stake behind `hotkey`.
fn stake_of(hotkey: u64) -> u128 {
	<Staking as synod_primitives::stake::StakeInfo<u64, u128>>::hotkey_stake(&hotkey)
}

/// Whether `hotkey`'s stake is locked.
fn locked(hotkey: u64) -> bool {
	<Staking as synod_primitives::stake::StakeLock<u64>>::is_locked(&hotkey)
}

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
	assert_ok!(propose(proposer));
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
