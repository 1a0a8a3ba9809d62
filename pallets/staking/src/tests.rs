//! Tests of every call and trait function, their error paths (which must leave storage
//! untouched) and the invariants, which [`test`] checks after each test.

use crate::{mock::*, pallet::*, Error, Event, StakePosition, UnbondingChunk};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold, Mutate},
};
use sp_runtime::{DispatchError, Perbill};
use synod_primitives::stake::{
	DividendCredit, SlashAmount, SlashDestination, SlashReason, StakeInfo, StakeSlash,
};

fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn held(who: u64) -> u128 {
	Balances::balance_on_hold(&RuntimeHoldReason::Staking(HoldReason::Staking), &who)
}

fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event").event
}

const HOT: u64 = 31; // owned by coldkey 1
const HOT2: u64 = 32; // owned by coldkey 2

mod add_and_remove {
	use super::*;

	#[test]
	fn add_stake_holds_the_amount() {
		test(|| {
			assert_ok!(Staking::add_stake(signed(7), HOT, 500));
			assert_eq!(
				last_event(),
				Event::StakeAdded { coldkey: 7, hotkey: HOT, amount: 500 }.into()
			);
			assert_eq!(held(7), 500);
			assert_eq!(Balances::balance(&7), FUNDS - 500);
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
			assert_eq!(held(11), u128::MAX / 4);
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
			// Still held, and still slashable, until withdrawn.
			assert_eq!(held(7), 500);
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
			assert_eq!(held(7), 900);
			assert_eq!(
				Unbonding::<Test>::get(HOT, 7).into_inner(),
				vec![UnbondingChunk { amount: 200, unlock_at: 14 }]
			);
			run_to(14);
			assert_ok!(Staking::withdraw_unbonded(signed(7), HOT));
			assert_eq!(held(7), 700);
			assert!(!Unbonding::<Test>::contains_key(HOT, 7));
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
			// Unbonding may start: the chunk stays held and slashable.
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
			assert_eq!(Unbonding::<Test>::get(HOT, 7)[0].unlock_at, 4);
		});
	}
}

mod slashing {
	use super::*;

	/// Coldkey 7: 600 active + a chunk of 400; coldkey 8: 1 000 active; 2 000 at stake.
	fn staked() {
		assert_ok!(Staking::add_stake(signed(7), HOT, 1_000));
		assert_ok!(Staking::remove_stake(signed(7), HOT, 400));
		assert_ok!(Staking::add_stake(signed(8), HOT, 1_000));
	}

	#[test]
	fn a_fraction_is_taken_pro_rata_from_active_and_unbonding_stake() {
		test(|| {
			staked();
			let issuance = Balances::total_issuance();
			let slashed = Staking::slash(
				&HOT,
				SlashAmount::Fraction(Perbill::from_percent(10)),
				SlashReason::WrongResult,
				SlashDestination::Burn,
			)
			.unwrap();
			assert_eq!(slashed, 200);
			assert_eq!(
				last_event(),
				Event::Slashed {
					hotkey: HOT,
					amount: 200,
					reason: SlashReason::WrongResult,
					destination: SlashDestination::Burn
				}
				.into()
			);
			assert_eq!(Staking::stake(&7, &HOT), 540);
			assert_eq!(Unbonding::<Test>::get(HOT, 7)[0].amount, 360);
			assert_eq!(Staking::stake(&8, &HOT), 900);
			assert_eq!(Staking::hotkey_stake(&HOT), 1_440);
			assert_eq!(held(7), 900);
			assert_eq!(held(8), 900);
			assert_eq!(Balances::total_issuance(), issuance - 200);
		});
	}

	#[test]
	fn an_amount_is_paid_to_the_destination_exactly() {
		test(|| {
			staked();
			// 333 of 2 000 does not divide evenly: 99.9 + 66.6 + 166.5 -> 99 + 66 + 166 = 331,
			// and the two units left come from the largest pieces.
			let before = Balances::balance(&15);
			let issuance = Balances::total_issuance();
			let slashed = Staking::slash(
				&HOT,
				SlashAmount::Amount(333),
				SlashReason::MissedDeadline,
				SlashDestination::Account(15),
			)
			.unwrap();
			assert_eq!(slashed, 333);
			assert_eq!(Balances::balance(&15), before + 333);
			assert_eq!(Balances::total_issuance(), issuance);
			assert_eq!(Staking::stake(&8, &HOT), 1_000 - 167);
			assert_eq!(Staking::stake(&7, &HOT), 600 - 100);
			assert_eq!(Unbonding::<Test>::get(HOT, 7)[0].amount, 400 - 66);
		});
	}

	#[test]
	fn slashing_more_than_is_at_stake_takes_everything() {
		test(|| {
			staked();
			let slashed = Staking::slash(
				&HOT,
				SlashAmount::Amount(u128::MAX),
				SlashReason::Governance,
				SlashDestination::Burn,
			)
			.unwrap();
			assert_eq!(slashed, 2_000);
			assert_eq!(held(7), 0);
			assert_eq!(held(8), 0);
			assert_eq!(Staking::positions(&7), vec![]);
			assert_eq!(StakerCount::<Test>::get(HOT), 0);
			assert_eq!(TotalStake::<Test>::get(), 0);
			assert_eq!(TotalUnbonding::<Test>::get(), 0);
		});
	}

	#[test]
	fn slashing_nothing_at_stake_changes_nothing() {
		test(|| {
			let slashed = Staking::slash(
				&HOT2,
				SlashAmount::Fraction(Perbill::one()),
				SlashReason::Governance,
				SlashDestination::Burn,
			)
			.unwrap();
			assert_eq!(slashed, 0);
			assert!(System::events().is_empty());
		});
	}

	#[test]
	fn a_destination_that_cannot_exist_gets_it_burnt() {
		test(|| {
			assert_ok!(Staking::add_stake(signed(7), HOT, 1_000));
			let issuance = Balances::total_issuance();
			// 5 is below the existential deposit of 10, so account 77 cannot be created.
			Staking::slash(
				&HOT,
				SlashAmount::Amount(5),
				SlashReason::Governance,
				SlashDestination::Account(77),
			)
			.unwrap();
			assert_eq!(Balances::balance(&77), 0);
			assert_eq!(Balances::total_issuance(), issuance - 5);
		});
	}
}

mod dividends {
	use super::*;

	#[test]
	fn take_first_then_pro_rata_then_remainder_to_the_owner() {
		test(|| {
			// Coldkey 7 stakes 300, coldkey 8 stakes 700; the owner (1) has no position.
			assert_ok!(Staking::add_stake(signed(7), HOT, 300));
			assert_ok!(Staking::add_stake(signed(8), HOT, 700));
			let issuance = Balances::total_issuance();
			assert_eq!(Staking::credit_dividend(&HOT, 1_001), Ok(1_001));
			// Take 10% of 1 001 = 100; 901 shared: 270.3 -> 270, 630.7 -> 630; 1 left over.
			assert_eq!(
				last_event(),
				Event::DividendCredited { hotkey: HOT, amount: 1_001, take: 100 }.into()
			);
			assert_eq!(Staking::stake(&7, &HOT), 570);
			assert_eq!(Staking::stake(&8, &HOT), 1_330);
			assert_eq!(Staking::stake(&1, &HOT), 101);
			assert_eq!(Staking::hotkey_stake(&HOT), 2_001);
			assert_eq!(Balances::total_issuance(), issuance + 1_001);
			// Unbonding stake earns nothing.
			assert_ok!(Staking::remove_stake(signed(7), HOT, 570));
			assert_ok!(Staking::credit_dividend(&HOT, 100));
			assert_eq!(Unbonding::<Test>::get(HOT, 7)[0].amount, 570);
		});
	}

	#[test]
	fn a_hotkey_without_stakers_pays_its_owner() {
		test(|| {
			assert_ok!(Staking::credit_dividend(&HOT2, 50));
			assert_eq!(Staking::stake(&2, &HOT2), 50);
			assert_eq!(held(2), 50);
			assert_eq!(
				Staking::credit_dividend(&99, 50),
				Err(Error::<Test>::HotkeyNotRegistered.into())
			);
			assert_eq!(Staking::credit_dividend(&HOT2, 0), Ok(0));
		});
	}

	#[test]
	fn an_owner_without_room_for_a_position_is_paid_free_balance() {
		test(|| {
			for hotkey in 32..=35 {
				assert_ok!(Staking::add_stake(signed(1), hotkey, 200));
			}
			let free = Balances::balance(&1);
			assert_ok!(Staking::credit_dividend(&HOT, 40));
			assert_eq!(Balances::balance(&1), free + 40);
			assert_eq!(Staking::stake(&1, &HOT), 0);
		});
	}
}

mod properties {
	use super::*;
	use proptest::prelude::*;

	#[derive(Clone, Debug)]
	enum Action {
		Add { coldkey: u64, hotkey: u64, amount: u128 },
		Remove { coldkey: u64, hotkey: u64, amount: u128 },
		Withdraw { coldkey: u64, hotkey: u64 },
		Advance(u64),
		Slash { hotkey: u64, percent: u32, burn: bool },
		Dividend { hotkey: u64, amount: u128 },
	}

	fn action() -> impl Strategy<Value = Action> {
		let coldkey = 6u64..11;
		let hotkey = 31u64..34;
		prop_oneof![
			(coldkey.clone(), hotkey.clone(), 0u128..5_000)
				.prop_map(|(coldkey, hotkey, amount)| Action::Add { coldkey, hotkey, amount }),
			(coldkey.clone(), hotkey.clone(), 0u128..3_000)
				.prop_map(|(coldkey, hotkey, amount)| Action::Remove { coldkey, hotkey, amount }),
			(coldkey, hotkey.clone())
				.prop_map(|(coldkey, hotkey)| Action::Withdraw { coldkey, hotkey }),
			(1u64..8).prop_map(Action::Advance),
			(hotkey.clone(), 0u32..=100, any::<bool>())
				.prop_map(|(hotkey, percent, burn)| Action::Slash { hotkey, percent, burn }),
			(hotkey, 0u128..10_000)
				.prop_map(|(hotkey, amount)| Action::Dividend { hotkey, amount }),
		]
	}

	proptest! {
		#![proptest_config(ProptestConfig::with_cases(64))]
		#[test]
		fn random_sequences_keep_the_invariants(actions in proptest::collection::vec(action(), 1..80)) {
			new_test_ext().execute_with(|| {
				let issuance = Balances::total_issuance();
				let (mut minted, mut burnt) = (0u128, 0u128);
				for action in actions {
					match action {
						Action::Add { coldkey, hotkey, amount } => {
							let _ = Staking::add_stake(signed(coldkey), hotkey, amount);
						},
						Action::Remove { coldkey, hotkey, amount } => {
							let _ = Staking::remove_stake(signed(coldkey), hotkey, amount);
						},
						Action::Withdraw { coldkey, hotkey } => {
							let _ = Staking::withdraw_unbonded(signed(coldkey), hotkey);
						},
						Action::Advance(blocks) => run_to(System::block_number() + blocks),
						Action::Slash { hotkey, percent, burn } => {
							let destination =
								if burn { SlashDestination::Burn } else { SlashDestination::Account(20) };
							let slashed = Staking::slash(
								&hotkey,
								SlashAmount::Fraction(Perbill::from_percent(percent)),
								SlashReason::Governance,
								destination,
							)
							.unwrap();
							if burn {
								burnt += slashed;
							}
						},
						Action::Dividend { hotkey, amount } => {
							minted += Staking::credit_dividend(&hotkey, amount).unwrap();
						},
					}
					Staking::do_try_state().expect("invariants hold after every step");
				}
				assert_eq!(Balances::total_issuance(), issuance + minted - burnt);
			});
		}
	}
}
