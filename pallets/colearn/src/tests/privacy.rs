//! The privacy budget: what a proposal declares is accounted by order at the chain's
//! reference, the account belongs to the coldkey and outlives its hotkeys' membership, and
//! nothing that would exceed the budget is accepted.

use super::*;

/// DP-SGD at sampling rate 0.01, noise multiplier 1.0 and clipping norm 1.0, for `steps`.
pub(super) fn training(steps: u32) -> DpSgdParameters {
	DpSgdParameters {
		sample_rate_ppb: 10_000_000,
		noise_multiplier_milli: 1_000,
		steps,
		clip_norm_milli: 1_000,
	}
}

/// The epsilon, in millionths rounded up, of `steps` steps of [`training`] at [`DELTA`]:
/// the reference accountant, which `synod-privacy`'s tests hold against Opacus.
fn reference(steps: u32) -> u64 {
	synod_privacy::epsilon_micros_of(10_000_000, 1_000, steps, DELTA).unwrap()
}

fn account_of(coldkey: u64) -> Option<PrivacyAccount> {
	PrivacyAccounts::<Test>::get(0, coldkey)
}

/// Experiment 0 on [`private_config`] with two learners, 11 and 12, in round 1's proposal
/// window; returns the drawn proposer and the other.
fn two_private_learners() -> (u64, u64) {
	assert_ok!(create_with(private_config(), POOL));
	for coldkey in [1, 2] {
		let hotkey = staked_learner(coldkey, 100 * coldkey as u128);
		assert_ok!(Colearn::join_experiment(RuntimeOrigin::signed(hotkey), 0));
	}
	run_to(2);
	let proposer = experiment().proposer.unwrap();
	(proposer, if proposer == 11 { 12 } else { 11 })
}

#[test]
fn a_declared_training_is_accounted_at_the_reference_epsilon() {
	test(|| {
		let (proposer, other) = two_private_learners();
		assert_ok!(propose_trained(proposer, Some(training(400))));
		let spent = reference(400);
		assert!((1_000_000..2_000_000).contains(&spent), "{spent}");
		let account = account_of(proposer - 10).expect("the proposer's coldkey spent");
		assert_eq!((account.epsilon_micros, account.proposals), (spent, 1));
		assert!(events().contains(&Event::Proposed {
			experiment: 0,
			round: 1,
			proposer,
			weights_hash: UPDATE,
			epsilon_after: spent,
		}));
		let (proposal, coldkey) = Proposals::<Test>::get(0).unwrap();
		assert_eq!(
			(proposal.privacy, proposal.epsilon_after, coldkey),
			(Some(training(400)), spent, proposer - 10)
		);
		// The view shows each learner what its coldkey spent and has left.
		let view = Colearn::experiment_view(0).unwrap();
		let shown = |hotkey| {
			let learner = view.learners.iter().find(|l| l.hotkey == hotkey).unwrap();
			(learner.epsilon_spent, learner.epsilon_remaining)
		};
		assert_eq!(shown(proposer), (spent, Some(2_000_000 - spent)));
		assert_eq!(shown(other), (0, Some(2_000_000)));
		assert_eq!((view.config.epsilon_budget, view.config.delta), (Some(2_000_000), Some(DELTA)));
	});
}

#[test]
fn spends_compose_by_order_and_what_would_exceed_the_budget_is_refused() {
	test(|| {
		let (first, _) = two_private_learners();
		assert_ok!(propose_trained(first, Some(training(400))));
		// Round 1 runs to its tally at block 11; round 2's proposer (the other) lets its
		// window pass; round 3 draws the first again at block 14.
		run_to(14);
		assert_eq!((experiment().round, experiment().proposer), (3, Some(first)));
		// 600 more steps would make 1 000, past the budget: refused, nothing spent.
		assert!(reference(1_000) > 2_000_000);
		assert_noop!(propose_trained(first, Some(training(600))), Error::<Test>::OverBudget);
		// 400 more make 800, within it, though two epsilons of 400 steps added would not be:
		// the account adds divergences, not epsilons.
		assert!(reference(800) <= 2_000_000 && 2 * reference(400) > 2_000_000);
		assert_ok!(propose_trained(first, Some(training(400))));
		let account = account_of(first - 10).unwrap();
		assert_eq!((account.epsilon_micros, account.proposals), (reference(800), 2));
	});
}

#[test]
fn leaving_and_joining_again_keeps_what_was_spent() {
	test(|| {
		let (proposer, _) = two_private_learners();
		assert_ok!(propose_trained(proposer, Some(training(400))));
		let spent = account_of(proposer - 10).unwrap();
		assert_ok!(Colearn::leave_experiment(RuntimeOrigin::signed(proposer), 0));
		assert_eq!(account_of(proposer - 10), Some(spent.clone()), "leaving forgets nothing");
		assert_ok!(Colearn::join_experiment(RuntimeOrigin::signed(proposer), 0));
		assert_eq!(account_of(proposer - 10), Some(spent.clone()));
		let view = Colearn::experiment_view(0).unwrap();
		let rejoined = view.learners.iter().find(|l| l.hotkey == proposer).unwrap();
		assert_eq!(rejoined.epsilon_spent, spent.epsilon_micros);
		// The close drops the accounts with the experiment.
		assert_ok!(Colearn::close_experiment(RuntimeOrigin::signed(CREATOR), 0));
		run_to(12);
		assert_eq!(experiment().status, ExperimentStatus::Closed);
		assert_eq!(PrivacyAccounts::<Test>::iter_prefix(0).count(), 0);
	});
}

#[test]
fn every_hotkey_of_a_coldkey_spends_from_its_one_account() {
	test(|| {
		// Coldkey 1 joins with two hotkeys, 11 and 21: whichever is drawn spends from
		// coldkey 1's account, and the other sees the spend as its own.
		assert_ok!(create_with(private_config(), POOL));
		let first = staked_learner(1, 100);
		assert_ok!(Subnets::register(RuntimeOrigin::signed(1), 1, 21));
		assert_ok!(Staking::add_stake(RuntimeOrigin::signed(1), 21, 100));
		for hotkey in [first, 21] {
			assert_ok!(Colearn::join_experiment(RuntimeOrigin::signed(hotkey), 0));
		}
		run_to(2);
		let proposer = experiment().proposer.unwrap();
		assert_ok!(propose_trained(proposer, Some(training(400))));
		assert_eq!(account_of(1).unwrap().epsilon_micros, reference(400));
		let view = Colearn::experiment_view(0).unwrap();
		assert!(view.learners.iter().all(|l| (l.coldkey, l.epsilon_spent) == (1, reference(400))));
		// A fresh coldkey is a fresh learner: nothing here ties coldkey 2 to coldkey 1.
		assert_eq!(account_of(2), None);
	});
}

#[test]
fn declarations_that_do_not_fit_are_refused_with_nothing_changed() {
	test(|| {
		let (proposer, _) = two_private_learners();
		let refused = |privacy, reason| {
			assert_noop!(
				propose_trained(proposer, privacy),
				Error::<Test>::InvalidPrivacy { reason }
			);
		};
		refused(None, PrivacyError::Undeclared);
		refused(
			Some(DpSgdParameters { sample_rate_ppb: 0, ..training(1) }),
			PrivacyError::SamplingRate,
		);
		refused(
			Some(DpSgdParameters { noise_multiplier_milli: 499, ..training(1) }),
			PrivacyError::NoiseMultiplier,
		);
		refused(Some(training(0)), PrivacyError::Steps);
		refused(Some(training(MAX_STEPS_PER_PROPOSAL + 1)), PrivacyError::Steps);
		refused(
			Some(DpSgdParameters { clip_norm_milli: 0, ..training(1) }),
			PrivacyError::ClipNorm,
		);
		assert_eq!(account_of(proposer - 10), None);
	});
}
