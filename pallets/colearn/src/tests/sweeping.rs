use super::*;
use frame_support::{
	traits::{Get, Hooks},
	weights::Weight,
};

fn idle(limit: Weight) -> Weight {
	<Colearn as Hooks<u64>>::on_idle(System::block_number(), limit)
}

fn departed() -> usize {
	PrivacyAccounts::<Test>::iter_prefix(0).count()
}

/// An account that has spent, as a proposal leaves it.
fn spent() -> PrivacyAccount {
	PrivacyAccount { epsilon_micros: 1, proposals: 1, ..Default::default() }
}

/// A sweep of `n` accounts, and the read that finds the experiment.
fn sweep_of(n: u32) -> Weight {
	<() as WeightInfo>::sweep_accounts(n).saturating_add(
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
		assert_ok!(create_with(private_config(), POOL));
		// Twelve coldkeys that spent, one a round, more than a close drops (5).
		for coldkey in 200..212u64 {
			PrivacyAccounts::<Test>::insert(0, coldkey, spent());
		}
	});
	// The accounts of earlier blocks are in the database, as on a chain: a close drops
	// only what it is bounded to.
	ext.commit_all().unwrap();
	ext.execute_with(|| {
		assert_ok!(Colearn::close_experiment(RuntimeOrigin::signed(CREATOR), 0));
		assert_eq!(departed(), 7);
		assert!(AccountsToSweep::<Test>::contains_key(0));
		Colearn::do_try_state().expect("leftovers to sweep are allowed");
		// Not in the closing block, whose bounded clear would count the keys the close took.
		assert!(idle(Weight::MAX).all_lt(sweep_of(1)));
		assert_eq!(departed(), 7);
	});
	ext.commit_all().unwrap();
	ext.execute_with(|| {
		System::set_block_number(2);
		// No room for one account: nothing done, nothing charged.
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
		assert!(!AccountsToSweep::<Test>::contains_key(0));
		assert!(idle(Weight::MAX).all_lt(sweep_of(1)), "an empty sweep charges no account");
		Colearn::do_try_state().expect("colearn invariants hold");
	});
}

#[test]
fn a_closed_experiment_with_accounts_and_no_sweep_breaks_the_invariants() {
	test(|| {
		assert_ok!(create_with(private_config(), POOL));
		assert_ok!(Colearn::close_experiment(RuntimeOrigin::signed(CREATOR), 0));
		PrivacyAccounts::<Test>::insert(0, 200, spent());
		assert!(Colearn::do_try_state().is_err());
		AccountsToSweep::<Test>::insert(0, 1);
		assert_ok!(Colearn::do_try_state());
	});
}
