//! Tests of the calls, their error paths (which must leave storage untouched) and the
//! invariants, which [`test`] checks after each test.

use super::*;

mod add_and_remove {
	use super::*;

	#[test]
	fn add_stake_moves_the_amount_into_the_pot() {
		test(|| {
			assert_ok!(Staking::add_stake(signed(7), HOT, 500));
			assert_eq!(
				last_event(),
				Event::StakeAdded { coldkey: 7, hotkey: HOT, amount: 500 }.into()
			);
			assert_eq!(in_pot(), 500);
			assert_eq!(Balances::balance(&7), FUNDS - 500);
			// The stake keeps the coldkey's account alive, as a hold on it would.
			assert_eq!(System::consumers(&7), 1);
			assert_eq!(Staking::stake(&7, &HOT), 500);
			assert_eq!(Staking::hotkey_stake(&HOT), 500);
			assert_ok!(Staking::add_stake(signed(8), HOT, 300));
			assert_ok!(Staking::add_stake(signed(7), HOT, 1));
			assert_eq!(Staking::hotkey_stake(&HOT), 801);
			assert_eq!(TotalStake::<Test>::get(), 801);
			assert_eq!(StakerCount::<Test>::get(HOT), 2);
		});
	}

	#[test]
	fn add_stake_refuses_bad_requests() {
		test(|| {
			assert_noop!(
				Staking::add_stake(RuntimeOrigin::none(), HOT, 500),
				DispatchError::BadOrigin
			);
			assert_noop!(Staking::add_stake(signed(7), HOT, 0), Error::<Test>::ZeroAmount);
			assert_noop!(
				Staking::add_stake(signed(7), 99, 500),
				Error::<Test>::HotkeyNotRegistered
			);
			assert_noop!(
				Staking::add_stake(signed(7), HOT, MIN_STAKE - 1),
				Error::<Test>::BelowMinimumStake
			);
			// All of it would leave nothing free, below the existential deposit.
			assert_noop!(
				Staking::add_stake(signed(7), HOT, FUNDS),
				Error::<Test>::InsufficientBalance
			);
			assert_noop!(
				Staking::add_stake(signed(50), HOT, 500),
				Error::<Test>::InsufficientBalance
			);
			assert_ok!(Staking::add_stake(signed(7), HOT, FUNDS - ED));
		});
	}

	#[test]
	fn add_stake_stops_at_the_position_bounds() {
		test(|| {
			for coldkey in 1..=8 {
				assert_ok!(Staking::add_stake(signed(coldkey), HOT, 200));
			}
			assert_noop!(Staking::add_stake(signed(9), HOT, 200), Error::<Test>::TooManyStakers);
			// An existing staker may add more.
			assert_ok!(Staking::add_stake(signed(8), HOT, 200));
			for hotkey in 32..=35 {
				assert_ok!(Staking::add_stake(signed(10), hotkey, 200));
			}
			register_hotkey(36, 6);
			assert_noop!(Staking::add_stake(signed(10), 36, 200), Error::<Test>::TooManyPositions);
		});
	}

	#[test]
	fn stake_near_the_balance_limit_adds_up_exactly() {
		test(|| {
			// Holds never exceed total issuance, so the totals' overflow checks are defensive;
			// what can happen is stake near the type's limit, which must add up exactly.
			Balances::set_balance(&11, u128::MAX / 2);
			assert_ok!(Staking::add_stake(signed(11), HOT, u128::MAX / 4));
			Balances::set_balance(&12, u128::MAX / 4);
			assert_ok!(Staking::add_stake(signed(12), HOT, u128::MAX / 8));
			assert_eq!(Staking::hotkey_stake(&HOT), u128::MAX / 4 + u128::MAX / 8);
			assert_eq!(TotalStake::<Test>::get(), u128::MAX / 4 + u128::MAX / 8);
			assert_eq!(in_pot(), u128::MAX / 4 + u128::MAX / 8);
			assert_eq!(Staking::stake(&11, &HOT), u128::MAX / 4);
		});
	}

	#[test]
	fn remove_stake_starts_unbonding() {
		test(|| {
			assert_ok!(Staking::add_stake(signed(7), HOT, 500));
			assert_ok!(Staking::remove_stake(signed(7), HOT, 200));
			let unlock_at = 1 + UNBONDING;
			assert_eq!(
				last_event(),
				Event::Unbonding { coldkey: 7, hotkey: HOT, amount: 200, unlock_at }.into()
			);
			assert_eq!(Staking::stake(&7, &HOT), 300);
			assert_eq!(Staking::hotkey_stake(&HOT), 300);
			// Still in the pot, and still slashable, until withdrawn.
			assert_eq!(in_pot(), 500);
			assert_eq!(TotalUnbonding::<Test>::get(), 200);
			// A second unstake in the same block merges into the same chunk.
			assert_ok!(Staking::remove_stake(signed(7), HOT, 300));
			assert_eq!(
				Staking::positions(&7),
				vec![StakePosition {
					hotkey: HOT,
					stake: 0,
					unbonding: vec![UnbondingChunk { amount: 500, unlock_at }],
				}]
			);
			assert_eq!(Staking::hotkey_stake(&HOT), 0);
		});
	}

	#[test]
	fn remove_stake_refuses_bad_requests() {
		test(|| {
			assert_ok!(Staking::add_stake(signed(7), HOT, 500));
			assert_noop!(Staking::remove_stake(signed(7), HOT, 0), Error::<Test>::ZeroAmount);
			assert_noop!(Staking::remove_stake(signed(7), HOT, 501), Error::<Test>::NotEnoughStake);
			assert_noop!(Staking::remove_stake(signed(8), HOT, 1), Error::<Test>::NotEnoughStake);
			// 450 would leave 50, below the minimum of 100; all 500 is fine.
			assert_noop!(
				Staking::remove_stake(signed(7), HOT, 450),
				Error::<Test>::BelowMinimumStake
			);
			for block in 2..=5 {
				run_to(block);
				assert_ok!(Staking::remove_stake(signed(7), HOT, 10));
			}
			run_to(6);
			assert_noop!(
				Staking::remove_stake(signed(7), HOT, 10),
				Error::<Test>::TooManyUnbondingChunks
			);
		});
	}
}

mod withdrawal {
	use super::*;

	#[test]
	fn withdraw_releases_only_due_chunks() {
		test(|| {
			assert_ok!(Staking::add_stake(signed(7), HOT, 1_000));
			assert_ok!(Staking::remove_stake(signed(7), HOT, 100)); // due at 11
			run_to(4);
			assert_ok!(Staking::remove_stake(signed(7), HOT, 200)); // due at 14
			run_to(10);
			assert_noop!(
				Staking::withdraw_unbonded(signed(7), HOT),
				Error::<Test>::NothingToWithdraw
			);
			run_to(11);
			let free = Balances::balance(&7);
			assert_ok!(Staking::withdraw_unbonded(signed(7), HOT));
			assert_eq!(
				last_event(),
				Event::Withdrawn { coldkey: 7, hotkey: HOT, amount: 100 }.into()
			);
			assert_eq!(Balances::balance(&7), free + 100);
			assert_eq!(in_pot(), 900);
			assert_eq!(unbonding(7, HOT), vec![UnbondingChunk { amount: 200, unlock_at: 14 }]);
			run_to(14);
			assert_ok!(Staking::withdraw_unbonded(signed(7), HOT));
			assert_eq!(in_pot(), 700);
			assert!(!UnbondingClaims::<Test>::contains_key(HOT, 7));
		});
	}

	#[test]
	fn withdrawing_everything_closes_the_position() {
		test(|| {
			assert_ok!(Staking::add_stake(signed(7), HOT, 500));
			assert_ok!(Staking::remove_stake(signed(7), HOT, 500));
			assert_eq!(PositionCount::<Test>::get(7), 1);
			run_to(1 + UNBONDING);
			assert_ok!(Staking::withdraw_unbonded(signed(7), HOT));
			assert_eq!(Balances::balance(&7), FUNDS);
			assert_eq!(Staking::positions(&7), vec![]);
			assert_eq!(PositionCount::<Test>::get(7), 0);
			assert_eq!(StakerCount::<Test>::get(HOT), 0);
			assert!(!Pools::<Test>::contains_key(HOT));
			assert_eq!(System::consumers(&7), 0);
			assert_noop!(
				Staking::withdraw_unbonded(signed(7), HOT),
				Error::<Test>::NothingToWithdraw
			);
		});
	}
}

mod locks {
	use super::*;
	use synod_primitives::stake::StakeLock;

	#[test]
	fn a_locked_hotkey_unbonds_but_withdraws_only_once_every_lock_is_released() {
		test(|| {
			assert_ok!(Staking::add_stake(signed(7), HOT, 500));
			Staking::lock(*b"jobs    ", &HOT);
			Staking::lock(*b"jobs    ", &HOT);
			Staking::lock(*b"colearn ", &HOT);
			// Unbonding may start: the claim stays in the pot and slashable.
			assert_ok!(Staking::remove_stake(signed(7), HOT, 500));
			run_to(1 + UNBONDING);
			assert_noop!(Staking::withdraw_unbonded(signed(7), HOT), Error::<Test>::StakeLocked);
			Staking::unlock(*b"jobs    ", &HOT);
			Staking::unlock(*b"colearn ", &HOT);
			// A release of a lock never taken changes nothing.
			Staking::unlock(*b"colearn ", &HOT);
			assert!(Staking::is_locked(&HOT));
			assert_noop!(Staking::withdraw_unbonded(signed(7), HOT), Error::<Test>::StakeLocked);
			Staking::unlock(*b"jobs    ", &HOT);
			assert!(!Staking::is_locked(&HOT));
			assert_eq!(StakeLocks::<Test>::iter().count(), 0);
			assert_ok!(Staking::withdraw_unbonded(signed(7), HOT));
			assert_eq!(Balances::balance(&7), FUNDS);
		});
	}
}

mod takes {
	use super::*;

	#[test]
	fn only_the_owner_sets_a_take_within_the_maximum() {
		test(|| {
			assert_eq!(Staking::take_of(&HOT), Perbill::from_percent(10));
			assert_noop!(
				Staking::set_take(signed(2), HOT, Perbill::from_percent(5)),
				Error::<Test>::NotHotkeyOwner
			);
			assert_noop!(
				Staking::set_take(signed(1), 99, Perbill::from_percent(5)),
				Error::<Test>::HotkeyNotRegistered
			);
			assert_noop!(
				Staking::set_take(signed(1), HOT, Perbill::from_percent(21)),
				Error::<Test>::TakeTooHigh
			);
			assert_ok!(Staking::set_take(signed(1), HOT, Perbill::from_percent(15)));
			assert_eq!(
				last_event(),
				Event::TakeSet { hotkey: HOT, take: Perbill::from_percent(15) }.into()
			);
			assert_eq!(Staking::take_of(&HOT), Perbill::from_percent(15));
		});
	}

	#[test]
	fn raising_a_take_waits_for_the_cooldown_lowering_does_not() {
		test(|| {
			assert_ok!(Staking::set_take(signed(1), HOT, Perbill::from_percent(12)));
			assert_ok!(Staking::set_take(signed(1), HOT, Perbill::from_percent(8)));
			run_to(5);
			assert_noop!(
				Staking::set_take(signed(1), HOT, Perbill::from_percent(9)),
				Error::<Test>::TakeRateLimited
			);
			run_to(6);
			assert_ok!(Staking::set_take(signed(1), HOT, Perbill::from_percent(9)));
		});
	}

	#[test]
	fn a_lower_maximum_caps_existing_takes() {
		test(|| {
			assert_ok!(Staking::set_take(signed(1), HOT, Perbill::from_percent(20)));
			let mut parameters = Parameters::<Test>::get();
			parameters.max_take = Perbill::from_percent(10);
			assert_ok!(Staking::set_parameters(signed(GOVERNOR), parameters));
			assert_eq!(Staking::take_of(&HOT), Perbill::from_percent(10));
		});
	}

	#[test]
	fn parameters_are_governance_only_and_consistent() {
		test(|| {
			let mut parameters = Parameters::<Test>::get();
			assert_noop!(
				Staking::set_parameters(signed(1), parameters.clone()),
				DispatchError::BadOrigin
			);
			parameters.default_take = Perbill::from_percent(30);
			assert_noop!(
				Staking::set_parameters(signed(GOVERNOR), parameters.clone()),
				Error::<Test>::InvalidParameters
			);
			parameters.default_take = Perbill::from_percent(5);
			parameters.unbonding_period = 3;
			assert_ok!(Staking::set_parameters(signed(GOVERNOR), parameters.clone()));
			assert_eq!(last_event(), Event::ParametersSet { parameters }.into());
			assert_ok!(Staking::add_stake(signed(7), HOT, 500));
			assert_ok!(Staking::remove_stake(signed(7), HOT, 500));
			assert_eq!(unbonding(7, HOT)[0].unlock_at, 4);
		});
	}
}
