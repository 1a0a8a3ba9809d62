//! Random sequences of every operation, with the invariants after each step, the issuance
//! against what was minted and burnt, and, at the end, everyone leaving with the pot empty.

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
		(hotkey.clone(), prop_oneof![0u32..=100, Just(100)], any::<bool>())
			.prop_map(|(hotkey, percent, burn)| Action::Slash { hotkey, percent, burn }),
		(hotkey, 0u128..10_000).prop_map(|(hotkey, amount)| Action::Dividend { hotkey, amount }),
	]
}

/// Everyone unstakes and withdraws everything; what comes out is all the pot held.
fn everyone_leaves() {
	let stakers: Vec<(u64, u64)> =
		Positions::<Test>::iter().map(|(coldkey, hotkey, ())| (coldkey, hotkey)).collect();
	// Room in every queue first.
	run_to(System::block_number() + UNBONDING);
	for (coldkey, hotkey) in &stakers {
		let _ = Staking::withdraw_unbonded(signed(*coldkey), *hotkey);
		let stake = Staking::stake(coldkey, hotkey);
		if stake > 0 {
			assert_ok!(Staking::remove_stake(signed(*coldkey), *hotkey, stake));
		}
	}
	run_to(System::block_number() + UNBONDING);
	for (coldkey, hotkey) in &stakers {
		let _ = Staking::withdraw_unbonded(signed(*coldkey), *hotkey);
	}
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
			let in_accounts: u128 = (1..=20).map(|who| Balances::total_balance(&who)).sum();
			let staked = in_pot();
			everyone_leaves();
			Staking::do_try_state().expect("invariants hold after everyone left");
			assert_eq!(in_pot(), 0, "stake stayed in the pot after everyone left");
			assert_eq!(Positions::<Test>::iter().count(), 0);
			assert_eq!(Pools::<Test>::iter().count(), 0);
			// All that left the pot reached the stakers' accounts, to the unit.
			let after: u128 = (1..=20).map(|who| Balances::total_balance(&who)).sum();
			prop_assert_eq!(after, in_accounts + staked);
			Ok(())
		})?;
	}
}
