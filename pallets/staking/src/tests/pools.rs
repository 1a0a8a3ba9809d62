//! Tests of slashing and dividends through the pools: exact totals, rounding that favours
//! the pool, the era that a slash of everything starts, and a pool that a costly share would
//! turn against a newcomer.

use super::*;

mod slashing {
	use super::*;

	/// Coldkey 7: 600 active and a claim of 400; coldkey 8: 1 000 active; 2 000 at stake.
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
			assert_eq!(unbonding(7, HOT)[0].amount, 360);
			assert_eq!(Staking::stake(&8, &HOT), 900);
			assert_eq!(Staking::hotkey_stake(&HOT), 1_440);
			assert_eq!(in_pot(), 1_800);
			assert_eq!(Balances::total_issuance(), issuance - 200);
		});
	}

	#[test]
	fn an_amount_is_paid_exactly_and_the_last_share_takes_the_rounding() {
		test(|| {
			staked();
			// 333 of 2 000: the active pool (1 600) gives 266.4 -> 266, the unbonding pool the
			// other 67, so exactly 333 leaves the pot.
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
			assert_eq!(in_pot(), 2_000 - 333);
			// 1 334 over 1 600 shares: 833.75 -> 833 and 500.25 -> 500; one unit stays in the
			// pool for whoever leaves last.
			assert_eq!(Staking::stake(&8, &HOT), 833);
			assert_eq!(Staking::stake(&7, &HOT), 500);
			assert_eq!(unbonding(7, HOT)[0].amount, 333);
			assert_ok!(Staking::remove_stake(signed(8), HOT, 833));
			assert_eq!(Staking::stake(&7, &HOT), 501);
			assert_ok!(Staking::remove_stake(signed(7), HOT, 501));
			run_to(1 + UNBONDING);
			assert_ok!(Staking::withdraw_unbonded(signed(8), HOT));
			assert_ok!(Staking::withdraw_unbonded(signed(7), HOT));
			// Everyone got out what the slash left them, to the unit, and the pot is empty.
			assert_eq!(Balances::balance(&8), FUNDS - 1_000 + 833);
			assert_eq!(Balances::balance(&7), FUNDS - 1_000 + 834);
			assert_eq!(in_pot(), 0);
			assert!(!Pools::<Test>::contains_key(HOT));
		});
	}

	#[test]
	fn a_slash_of_everything_voids_the_positions_until_their_owners_clear_them() {
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
			assert_eq!(in_pot(), 0);
			assert_eq!(TotalStake::<Test>::get(), 0);
			assert_eq!(TotalUnbonding::<Test>::get(), 0);
			let pools = Pools::<Test>::get(HOT);
			assert_eq!((pools.active.era, pools.unbonding.era), (1, 1));
			// The positions stay, worth nothing, until their owners clear them.
			assert_eq!(
				Staking::positions(&7),
				vec![StakePosition { hotkey: HOT, stake: 0, unbonding: vec![] }]
			);
			assert_eq!(StakerCount::<Test>::get(HOT), 2);
			assert_noop!(Staking::remove_stake(signed(7), HOT, 1), Error::<Test>::NotEnoughStake);
			// A newcomer buys at one unit a share, not at the voided shares' price.
			assert_ok!(Staking::add_stake(signed(9), HOT, 300));
			assert_eq!(Staking::stake(&9, &HOT), 300);
			// A voided staker that stakes again starts from nothing.
			assert_ok!(Staking::add_stake(signed(8), HOT, 200));
			assert_eq!(Staking::stake(&8, &HOT), 200);
			assert_eq!(Staking::hotkey_stake(&HOT), 500);
			// Clearing is a withdrawal of nothing, due or not.
			assert_ok!(Staking::withdraw_unbonded(signed(7), HOT));
			assert_eq!(
				last_event(),
				Event::Withdrawn { coldkey: 7, hotkey: HOT, amount: 0 }.into()
			);
			assert_eq!(Staking::positions(&7), vec![]);
			assert_eq!(System::consumers(&7), 0);
			assert_noop!(
				Staking::withdraw_unbonded(signed(7), HOT),
				Error::<Test>::NothingToWithdraw
			);
			assert_eq!(StakerCount::<Test>::get(HOT), 2);
		});
	}

	/// Found by `random_sequences_keep_the_invariants`: slashes make shares cheap, a
	/// newcomer buys many of them, and the old holding is worth less than a unit, which
	/// `remove_stake` cannot take out. Its owner clears it, and nobody gains but by dust.
	#[test]
	fn a_holding_worth_less_than_a_unit_is_cleared_by_its_owner() {
		test(|| {
			let cut = |percent| {
				Staking::slash(
					&HOT,
					SlashAmount::Fraction(Perbill::from_percent(percent)),
					SlashReason::Governance,
					SlashDestination::Account(20),
				)
				.unwrap()
			};
			assert_ok!(Staking::add_stake(signed(6), HOT, 100));
			for percent in [63, 63, 86] {
				cut(percent);
			}
			assert_ok!(Staking::add_stake(signed(7), HOT, 100));
			cut(51);
			assert_eq!(Staking::stake(&6, &HOT), 0);
			assert_noop!(Staking::remove_stake(signed(6), HOT, 1), Error::<Test>::NotEnoughStake);
			let before = Pools::<Test>::get(HOT).active;
			let seven = StakeShares::<Test>::get(HOT, 7).unwrap().shares;
			assert_ok!(Staking::withdraw_unbonded(signed(6), HOT));
			assert_eq!(
				last_event(),
				Event::Withdrawn { coldkey: 6, hotkey: HOT, amount: 0 }.into()
			);
			assert_eq!(Staking::positions(&6), vec![]);
			assert_eq!(System::consumers(&6), 0);
			assert_eq!(StakerCount::<Test>::get(HOT), 1);
			// The pool's value stays; only the worthless shares left it.
			let after = Pools::<Test>::get(HOT).active;
			assert_eq!((after.value, after.shares), (before.value, seven));
			assert_eq!(Staking::stake(&7, &HOT), before.value);
			assert_noop!(
				Staking::withdraw_unbonded(signed(6), HOT),
				Error::<Test>::NothingToWithdraw
			);
			// A holding worth a unit or more is not cleared.
			assert_noop!(
				Staking::withdraw_unbonded(signed(7), HOT),
				Error::<Test>::NothingToWithdraw
			);
		});
	}

	/// Why the pools exist: a slash and a dividend change the pools, never a staker's entry,
	/// so their cost does not depend on how many stand behind the hotkey.
	#[test]
	fn a_slash_and_a_dividend_leave_every_stakers_entry_as_it_was() {
		test(|| {
			for coldkey in 6..=13 {
				assert_ok!(Staking::add_stake(signed(coldkey), HOT, 1_000));
				assert_ok!(Staking::remove_stake(signed(coldkey), HOT, 250));
			}
			let entries = || {
				let mut shares: Vec<_> = StakeShares::<Test>::iter_prefix(HOT).collect();
				let mut claims: Vec<_> = UnbondingClaims::<Test>::iter_prefix(HOT).collect();
				shares.sort_by_key(|(coldkey, _)| *coldkey);
				claims.sort_by_key(|(coldkey, _)| *coldkey);
				(shares, claims)
			};
			let before = entries();
			assert_ok!(Staking::slash(
				&HOT,
				SlashAmount::Fraction(Perbill::from_percent(20)),
				SlashReason::WrongResult,
				SlashDestination::Burn,
			));
			// The owner (1) finds no room for a position among the hotkey's 8 (the bound), so
			// its take is paid free; the stakers' part goes into the pool.
			assert_ok!(Staking::credit_dividend(&HOT, 8_000));
			assert_eq!(entries(), before);
			for coldkey in 6..=13 {
				// 750 less 20%, plus an eighth of the 7 200 shared: 600 + 900.
				assert_eq!(Staking::stake(&coldkey, &HOT), 1_500);
				assert_eq!(unbonding(coldkey, HOT)[0].amount, 200);
			}
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
			assert!(!Pools::<Test>::contains_key(HOT2));
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
	fn the_take_buys_shares_after_the_stakers_part_grows_the_pool() {
		test(|| {
			// Coldkey 7 stakes 300, coldkey 8 stakes 700; the owner (1) has no position.
			assert_ok!(Staking::add_stake(signed(7), HOT, 300));
			assert_ok!(Staking::add_stake(signed(8), HOT, 700));
			let issuance = Balances::total_issuance();
			assert_eq!(Staking::credit_dividend(&HOT, 1_001), Ok(1_001));
			assert_eq!(
				last_event(),
				Event::DividendCredited { hotkey: HOT, amount: 1_001, take: 100 }.into()
			);
			// Take 10% of 1 001 = 100; the other 901 make 1 000 shares worth 1 901. The take
			// buys 100 * 1 000 / 1 901 = 52.6 -> 52 shares: 2 001 over 1 052 shares.
			let pool = Pools::<Test>::get(HOT).active;
			assert_eq!((pool.value, pool.shares), (2_001, 1_052));
			assert_eq!(Staking::stake(&7, &HOT), 570);
			assert_eq!(Staking::stake(&8, &HOT), 1_331);
			assert_eq!(Staking::stake(&1, &HOT), 98);
			assert_eq!(Staking::hotkey_stake(&HOT), 2_001);
			assert_eq!(in_pot(), 2_001);
			assert_eq!(Balances::total_issuance(), issuance + 1_001);
			// Unbonding stake earns nothing.
			assert_ok!(Staking::remove_stake(signed(7), HOT, 570));
			assert_ok!(Staking::credit_dividend(&HOT, 100));
			assert_eq!(unbonding(7, HOT)[0].amount, 570);
		});
	}

	#[test]
	fn a_hotkey_without_stakers_pays_its_owner() {
		test(|| {
			assert_ok!(Staking::credit_dividend(&HOT2, 50));
			assert_eq!(Staking::stake(&2, &HOT2), 50);
			assert_eq!(in_pot(), 50);
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
			assert!(!Pools::<Test>::contains_key(HOT));
		});
	}
}

mod costly_shares {
	use super::*;

	/// The attack share pools invite: the only staker of a hotkey makes each share worth a
	/// fortune (few shares, a large dividend, no take), so that a newcomer's deposit buys
	/// whole shares worth far less than it paid and the difference stays with the attacker.
	#[test]
	fn a_deposit_that_would_round_away_is_refused() {
		test(|| {
			assert_ok!(Staking::set_take(signed(1), HOT, Perbill::zero()));
			assert_ok!(Staking::add_stake(signed(7), HOT, MIN_STAKE));
			assert_ok!(Staking::credit_dividend(&HOT, 10_000_000));
			// 100 shares worth 10 000 100: 100 001 a share.
			assert_eq!(Staking::stake(&7, &HOT), 10_000_100);
			// Less than a share buys nothing; one and a half shares' worth would buy one.
			assert_noop!(
				Staking::add_stake(signed(8), HOT, 50_000),
				Error::<Test>::AmountBuysNoShare
			);
			assert_noop!(
				Staking::add_stake(signed(8), HOT, 150_000),
				Error::<Test>::DepositRoundsAway
			);
			// A deposit large against a share loses under a millionth of itself, which is
			// allowed.
			Balances::set_balance(&8, 1_000_000_000_000);
			let amount = 500_000_000_000;
			assert_ok!(Staking::add_stake(signed(8), HOT, amount));
			let lost = amount - Staking::stake(&8, &HOT);
			assert!(lost <= amount / 1_000_000 + 1, "lost {lost}");
		});
	}
}
