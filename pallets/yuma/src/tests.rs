use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::BoundedVec as Bv;
use synod_primitives::{hooks::OnNeuronReplaced, stake::StakeInfo, subnet::SubnetRegistry};

const NET: NetUid = 1;

fn bv<T: Clone + core::fmt::Debug, S: frame_support::traits::Get<u32>>(items: &[T]) -> Bv<T, S> {
	items.to_vec().try_into().expect("within bounds")
}

fn set_weights(coldkey: u64, uids: &[u16], values: &[u16]) -> sp_runtime::DispatchResult {
	Yuma::set_weights(signed(hotkey(coldkey)), NET, bv(uids), bv(values), 0)
}

/// Coldkeys 1 and 2 validate with 600 000 and 400 000 staked; 3, 4 and 5 mine. Runs to block
/// 8, the first epoch, which gives the validators their permits. Returns the uids by coldkey.
fn validators_and_miners() -> [Uid; 5] {
	let uids = [1, 2, 3, 4, 5].map(|coldkey| register(NET, coldkey));
	stake(1, 600_000);
	stake(2, 400_000);
	run_to(8);
	assert_eq!(EpochIndex::<Test>::get(NET), 1);
	assert!(NeuronOutputs::<Test>::get(NET, uids[0]).unwrap().validator_permit);
	assert!(NeuronOutputs::<Test>::get(NET, uids[1]).unwrap().validator_permit);
	assert!(!NeuronOutputs::<Test>::get(NET, uids[2]).unwrap().validator_permit);
	uids
}

fn output(uid: Uid) -> NeuronEpochOutput<u128> {
	NeuronOutputs::<Test>::get(NET, uid).expect("epoch ran")
}

mod weights {
	use super::*;

	#[test]
	fn are_stored_max_upscaled_and_sorted_by_uid() {
		test(|| {
			validators_and_miners();
			assert_ok!(set_weights(1, &[4, 2, 3], &[15, 3, 5]));
			assert_eq!(
				Weights::<Test>::get(NET, 0).unwrap().into_inner(),
				vec![(2, 13107), (3, 21845), (4, 65535)]
			);
			assert_eq!(WeightEntries::<Test>::get(NET), 3);
			assert_eq!(LastUpdate::<Test>::get(NET, 0), Some(8));
			assert_eq!(
				yuma_events().last(),
				Some(&Event::WeightsSet { netuid: NET, uid: 0, hotkey: hotkey(1), entries: 3 })
			);
			assert_ok!(set_weights(1, &[2], &[7]));
			assert_eq!(WeightEntries::<Test>::get(NET), 1);
			assert_eq!(Yuma::weights_of(NET, &hotkey(1)), Some(vec![(2, 65535)]));
		});
	}

	#[test]
	fn every_check_refuses_with_its_error_and_changes_nothing() {
		test(|| {
			validators_and_miners();
			assert_noop!(
				Yuma::set_weights(signed(hotkey(1)), 9, bv(&[2]), bv(&[1]), 0),
				Error::<Test>::UnknownSubnet
			);
			assert_noop!(set_weights(1, &[2, 3], &[1]), Error::<Test>::LengthMismatch);
			assert_noop!(
				set_weights(1, &[0, 1, 2, 3, 4, 5], &[1; 6]),
				Error::<Test>::TooManyWeights
			);
			assert_noop!(
				Yuma::set_weights(signed(99), NET, bv(&[2]), bv(&[1]), 0),
				Error::<Test>::NotRegistered
			);
			assert_noop!(set_weights(3, &[2, 4], &[1, 1]), Error::<Test>::NoValidatorPermit);
			assert_noop!(
				set_weights(1, &[2, 3, 2], &[1, 1, 1]),
				Error::<Test>::DuplicateUid { uid: 2 }
			);
			assert_noop!(set_weights(1, &[2, 7], &[1, 1]), Error::<Test>::UnknownUid { uid: 7 });

			set_hyperparameters(NET, |hp| hp.min_allowed_weights = 3);
			assert_noop!(set_weights(1, &[2, 3], &[1, 1]), Error::<Test>::TooFewWeights);
			set_hyperparameters(NET, |hp| {
				hp.min_allowed_weights = 1;
				hp.max_weight_limit = 40_000;
			});
			assert_noop!(set_weights(1, &[2, 3], &[65535, 1]), Error::<Test>::MaxWeightExceeded);
			assert_ok!(set_weights(1, &[2, 3], &[1, 1]));

			set_hyperparameters(NET, |hp| hp.weights_version = 5);
			assert_noop!(
				Yuma::set_weights(signed(hotkey(1)), NET, bv(&[2]), bv(&[1]), 4),
				Error::<Test>::OutdatedVersionKey
			);
			set_hyperparameters(NET, |hp| hp.weights_rate_limit = 3);
			assert_noop!(
				Yuma::set_weights(signed(hotkey(1)), NET, bv(&[2]), bv(&[1]), 5),
				Error::<Test>::SettingWeightsTooFast
			);
			run_to(11);
			assert_ok!(Yuma::set_weights(signed(hotkey(1)), NET, bv(&[2, 3]), bv(&[1, 1]), 5));

			let mut parameters = test_emission();
			// Above both validators' stake, dividends included.
			parameters.stake_threshold = 100_000_000;
			assert_ok!(Yuma::set_emission_parameters(governance(), parameters));
			assert_noop!(
				Yuma::set_weights(signed(hotkey(2)), NET, bv(&[2]), bv(&[1]), 5),
				Error::<Test>::NotEnoughStake
			);
			set_hyperparameters(NET, |hp| hp.commit_reveal = true);
			assert_noop!(
				Yuma::set_weights(signed(hotkey(1)), NET, bv(&[2]), bv(&[1]), 5),
				Error::<Test>::CommitRevealEnabled
			);
		});
	}

	#[test]
	fn a_weight_on_oneself_needs_no_permit_and_keeps_a_miner_active() {
		test(|| {
			let uids = validators_and_miners();
			let miner = uids[2];
			set_hyperparameters(NET, |hp| hp.min_allowed_weights = 3);
			assert_ok!(set_weights(3, &[miner], &[9]));
			assert_eq!(LastUpdate::<Test>::get(NET, miner), Some(8));
			assert_noop!(set_weights(3, &[miner, 4], &[9, 9]), Error::<Test>::NoValidatorPermit);
		});
	}
}

mod commit_reveal {
	use super::*;

	fn commit(
		coldkey: u64,
		uids: &[u16],
		values: &[u16],
		salt: &[u16],
	) -> <Test as frame_system::Config>::Hash {
		let hash = Yuma::commit_hash(&hotkey(coldkey), NET, uids, values, salt, 0);
		assert_ok!(Yuma::commit_weights(signed(hotkey(coldkey)), NET, hash));
		hash
	}

	fn reveal(
		coldkey: u64,
		uids: &[u16],
		values: &[u16],
		salt: &[u16],
	) -> sp_runtime::DispatchResult {
		Yuma::reveal_weights(signed(hotkey(coldkey)), NET, bv(uids), bv(values), bv(salt), 0)
	}

	#[test]
	fn weights_are_revealed_in_the_epoch_after_the_commit() {
		test(|| {
			validators_and_miners();
			set_hyperparameters(NET, |hp| hp.commit_reveal = true);
			run_to(10);
			let hash = commit(1, &[2, 3], &[1, 2], &[7, 7]);
			assert_eq!(LastUpdate::<Test>::get(NET, 0), Some(10));
			assert_eq!(
				Yuma::pending_commits(NET, &hotkey(1)),
				vec![WeightCommit { hash, epoch: 1, block: 10 }]
			);
			assert_noop!(reveal(1, &[2, 3], &[1, 2], &[7, 7]), Error::<Test>::RevealTooEarly);
			run_to(18);
			assert_noop!(reveal(1, &[2, 3], &[1, 2], &[7, 8]), Error::<Test>::NoMatchingCommit);
			assert_noop!(reveal(2, &[2, 3], &[1, 2], &[7, 7]), Error::<Test>::NoMatchingCommit);
			assert_ok!(reveal(1, &[2, 3], &[1, 2], &[7, 7]));
			assert_eq!(Yuma::weights_of(NET, &hotkey(1)), Some(vec![(2, 32768), (3, 65535)]));
			assert!(Yuma::pending_commits(NET, &hotkey(1)).is_empty());
			// A reveal does not count as an update: the commit did.
			assert_eq!(LastUpdate::<Test>::get(NET, 0), Some(10));
		});
	}

	#[test]
	fn an_unrevealed_commit_expires_after_its_epoch() {
		test(|| {
			validators_and_miners();
			set_hyperparameters(NET, |hp| hp.commit_reveal = true);
			commit(1, &[2], &[1], &[1]);
			run_to(28);
			assert_noop!(reveal(1, &[2], &[1], &[1]), Error::<Test>::CommitExpired);
			// A new commit drops the expired one.
			commit(1, &[3], &[1], &[1]);
			assert_eq!(Yuma::pending_commits(NET, &hotkey(1)).len(), 1);
		});
	}

	#[test]
	fn unrevealed_commits_are_bounded_and_rate_limited() {
		test(|| {
			validators_and_miners();
			set_hyperparameters(NET, |hp| hp.commit_reveal = true);
			for salt in 0..3 {
				commit(1, &[2], &[1], &[salt]);
			}
			let hash = Yuma::commit_hash(&hotkey(1), NET, &[2], &[1], &[9], 0);
			assert_noop!(
				Yuma::commit_weights(signed(hotkey(1)), NET, hash),
				Error::<Test>::TooManyUnrevealedCommits
			);
			set_hyperparameters(NET, |hp| hp.weights_rate_limit = 5);
			assert_noop!(
				Yuma::commit_weights(signed(hotkey(1)), NET, hash),
				Error::<Test>::SettingWeightsTooFast
			);
			assert_noop!(Yuma::commit_weights(signed(99), NET, hash), Error::<Test>::NotRegistered);
		});
	}

	#[test]
	fn commits_need_commit_reveal_on() {
		test(|| {
			validators_and_miners();
			let hash = Yuma::commit_hash(&hotkey(1), NET, &[2], &[1], &[1], 0);
			assert_noop!(
				Yuma::commit_weights(signed(hotkey(1)), NET, hash),
				Error::<Test>::CommitRevealDisabled
			);
			assert_noop!(reveal(1, &[2], &[1], &[1]), Error::<Test>::CommitRevealDisabled);
		});
	}
}

mod epochs {
	use super::*;

	#[test]
	fn two_validators_three_miners_are_paid_and_money_is_conserved() {
		test(|| {
			let issuance_before = Balances::total_issuance();
			let uids = validators_and_miners();
			assert_ok!(set_weights(1, &[2, 3, 4], &[65535, 32767, 0]));
			assert_ok!(set_weights(2, &[2, 3, 4], &[65535, 32767, 0]));
			let miner_balances = [3, 4, 5].map(|c| Balances::free_balance(c));
			let validator_stakes = [1, 2].map(|c| Staking::hotkey_stake(&hotkey(c)));
			let owner_before = Balances::free_balance(OWNER);
			let pending = PendingEmission::<Test>::get(NET);
			run_to(18);
			assert_eq!(EpochIndex::<Test>::get(NET), 2);

			let miners: Vec<_> = uids[2..].iter().map(|uid| output(*uid)).collect();
			assert!(miners[0].incentive > miners[1].incentive && miners[1].incentive > 0);
			assert_eq!(miners[2].incentive, 0);
			assert!(output(uids[0]).dividends > output(uids[1]).dividends);
			assert!(output(uids[1]).dividends > 0);
			for (k, coldkey) in [3, 4, 5].into_iter().enumerate() {
				assert_eq!(
					Balances::free_balance(coldkey) - miner_balances[k],
					miners[k].server_emission
				);
			}
			for (k, coldkey) in [1, 2].into_iter().enumerate() {
				assert_eq!(
					Staking::hotkey_stake(&hotkey(coldkey)) - validator_stakes[k],
					output(uids[k]).validator_emission
				);
			}
			let Some(Event::EpochRun { owner_cut, to_miners, to_validators, carried, .. }) =
				yuma_events().into_iter().rev().find(|e| matches!(e, Event::EpochRun { .. }))
			else {
				panic!("no epoch event")
			};
			// Ten blocks (9 to 18) of emission accrued since the first epoch.
			let accrued = pending + 10 * BLOCK_EMISSION;
			assert_eq!(owner_cut, accrued * 18 / 100);
			assert_eq!(Balances::free_balance(OWNER) - owner_before, owner_cut);
			assert_eq!(owner_cut + to_miners + to_validators + carried, accrued);
			// Half to miners, half to validators, up to rounding.
			assert!(to_miners.abs_diff(to_validators) <= 2, "{to_miners} vs {to_validators}");
			assert!(carried <= 5);
			// Every unit minted is a payout, and payouts plus pending are what was released.
			assert_eq!(
				Balances::total_issuance() - issuance_before + 5 * BURN,
				Paid::<Test>::get()
			);
			assert_eq!(
				Paid::<Test>::get() + PendingEmission::<Test>::get(NET),
				Released::<Test>::get()
			);
			assert_eq!(Released::<Test>::get(), 17 * BLOCK_EMISSION);
		});
	}

	#[test]
	fn an_epoch_block_reports_the_epoch_and_its_dividend_credits() {
		use frame_support::traits::Hooks;
		test(|| {
			validators_and_miners();
			assert_ok!(set_weights(1, &[2, 3, 4], &[3, 2, 1]));
			assert_ok!(set_weights(2, &[2, 3], &[3, 2]));
			let epoch = <() as crate::WeightInfo>::run_epoch(5, 5);
			// A credit costs the same whatever the hotkey's stakers (share-based stake).
			let credit = <() as pallet_synod_staking::WeightInfo>::credit_dividend();
			System::set_block_number(17);
			let quiet = Yuma::on_initialize(17);
			assert!(quiet.ref_time() < epoch.ref_time());
			System::set_block_number(18);
			let busy = Yuma::on_initialize(18);
			assert_eq!(EpochIndex::<Test>::get(NET), 2);
			assert!(busy.ref_time() >= epoch.ref_time() + 2 * credit.ref_time());
			assert!(
				busy.ref_time() < epoch.ref_time() + 3 * credit.ref_time() + quiet.ref_time() * 2
			);
		});
	}

	#[test]
	fn the_first_epoch_pays_validators_by_stake() {
		test(|| {
			let uids = validators_and_miners();
			// No permits before the first epoch: the emission goes to stake (subtensor's
			// fallback), 60:40.
			let first = output(uids[0]).validator_emission;
			let second = output(uids[1]).validator_emission;
			assert!((first * 2).abs_diff(second * 3) <= 3, "{first} vs {second}");
			assert!(uids[2..].iter().all(|uid| output(*uid).server_emission == 0));
		});
	}

	#[test]
	fn without_stake_nothing_is_paid_but_the_owner_cut() {
		test(|| {
			register(NET, 1);
			register(NET, 2);
			let owner_before = Balances::free_balance(OWNER);
			run_to(8);
			let accrued = 7 * BLOCK_EMISSION;
			assert_eq!(Balances::free_balance(OWNER) - owner_before, accrued * 18 / 100);
			assert_eq!(PendingEmission::<Test>::get(NET), accrued - accrued * 18 / 100);
		});
	}

	#[test]
	fn a_pallet_epoch_gives_what_the_simulator_gives() {
		test(|| {
			let uids = validators_and_miners();
			assert_ok!(set_weights(1, &[2, 3, 4], &[65535, 20000, 100]));
			assert_ok!(set_weights(2, &[2, 3, 4], &[10000, 65535, 0]));
			set_hyperparameters(NET, |hp| {
				hp.liquid_alpha = true;
				hp.kappa = 40_000;
			});
			run_to(17);
			// The simulator's input, read from the chain the way a client would.
			let hp = Subnets::hyperparameters(NET).unwrap();
			let pending = PendingEmission::<Test>::get(NET) + BLOCK_EMISSION;
			let emission = pending - pending * 18 / 100;
			let neurons: Vec<_> = Subnets::neurons(NET)
				.iter()
				.map(|neuron| {
					let row = |r: Option<WeightRow<Test>>| {
						r.map(|r| r.into_iter().map(|(j, v)| [j, v]).collect::<Vec<_>>())
							.unwrap_or_default()
					};
					serde_json::json!({
						"stake": Staking::hotkey_stake(&neuron.hotkey) as u64,
						"last_update": LastUpdate::<Test>::get(NET, neuron.uid).unwrap_or(neuron.registered_at),
						"registered_at": neuron.registered_at,
						"validator_permit": output(neuron.uid).validator_permit,
						"weights": row(Weights::<Test>::get(NET, neuron.uid)),
						"bonds": row(Bonds::<Test>::get(NET, neuron.uid)),
					})
				})
				.collect();
			let input = serde_json::json!({
				"current_block": 18, "tempo": hp.tempo, "last_epoch_block": 8,
				"activity_cutoff": (hp.activity_cutoff_factor_milli as u64 * hp.tempo as u64 / 1000).max(1),
				"kappa": hp.kappa, "bonds_penalty": hp.bonds_penalty,
				"bonds_moving_average": hp.bonds_moving_average, "yuma3": hp.yuma3,
				"liquid_alpha": hp.liquid_alpha, "alpha_low": hp.alpha_low,
				"alpha_high": hp.alpha_high, "alpha_sigmoid_steepness": hp.alpha_sigmoid_steepness,
				"max_allowed_validators": hp.max_validators, "stake_threshold": 0,
				"owner_uid": null, "emission": emission as u64, "neurons": neurons,
			});
			let simulated: serde_json::Value = serde_json::from_str(
				&yuma_consensus::sim::run_json(&input.to_string()).expect("valid input"),
			)
			.unwrap();
			run_to(18);
			for (uid, expected) in uids.iter().zip(simulated["neurons"].as_array().unwrap()) {
				let out = output(*uid);
				let field = |name: &str| expected[name].as_u64().unwrap();
				assert_eq!(out.active, expected["active"].as_bool().unwrap());
				assert_eq!(out.stake_weight as u64, field("stake_weight"), "uid {uid}");
				assert_eq!(out.consensus as u64, field("consensus"), "uid {uid}");
				assert_eq!(out.incentive as u64, field("incentive"), "uid {uid}");
				assert_eq!(out.dividends as u64, field("dividends"), "uid {uid}");
				assert_eq!(out.validator_trust as u64, field("validator_trust"), "uid {uid}");
				assert_eq!(out.validator_permit, expected["validator_permit"].as_bool().unwrap());
				assert_eq!(out.server_emission as u64, field("server_emission"), "uid {uid}");
				assert_eq!(out.validator_emission as u64, field("validator_emission"), "uid {uid}");
				assert_eq!(out.emission as u64, field("emission"), "uid {uid}");
				let bonds: Vec<(u16, u16)> =
					serde_json::from_value(expected["bonds"].clone()).unwrap();
				assert_eq!(
					Bonds::<Test>::get(NET, *uid).map(|b| b.into_inner()).unwrap_or_default(),
					bonds
				);
			}
			assert!(output(uids[2]).incentive > 0 && output(uids[0]).dividends > 0);
		});
	}

	#[test]
	fn epochs_beyond_the_block_limit_wait_for_the_next_block() {
		test(|| {
			assert_ok!(Subnets::force_create_subnet(governance(), OWNER));
			// Subnet 2 with tempo 10 is due at block 8, like subnet 1 with tempo 9.
			set_hyperparameters(2, |hp| hp.tempo = 10);
			run_to(8);
			assert_eq!(EpochIndex::<Test>::get(1), 1);
			assert_eq!(EpochIndex::<Test>::get(2), 0);
			assert!(yuma_events().contains(&Event::EpochDeferred { netuid: 2 }));
			assert_eq!(EpochQueue::<Test>::get().into_inner(), vec![2]);
			run_to(9);
			assert_eq!(EpochIndex::<Test>::get(2), 1);
			assert_eq!(LastEpochBlock::<Test>::get(2), Some(9));
			assert!(EpochQueue::<Test>::get().is_empty());
		});
	}

	#[test]
	fn subnets_share_the_emission_by_governance_shares() {
		test(|| {
			assert_ok!(Subnets::force_create_subnet(governance(), OWNER));
			run_to(2);
			// No shares set: an even split.
			assert_eq!(PendingEmission::<Test>::get(1), BLOCK_EMISSION / 2);
			assert_eq!(PendingEmission::<Test>::get(2), BLOCK_EMISSION / 2);
			assert_ok!(Yuma::set_subnet_share(governance(), 1, 3));
			assert_ok!(Yuma::set_subnet_share(governance(), 2, 1));
			run_to(3);
			assert_eq!(
				PendingEmission::<Test>::get(1),
				BLOCK_EMISSION / 2 + BLOCK_EMISSION * 3 / 4
			);
			assert_eq!(PendingEmission::<Test>::get(2), BLOCK_EMISSION / 2 + BLOCK_EMISSION / 4);
			assert_ok!(Yuma::set_subnet_share(governance(), 2, 0));
			run_to(4);
			assert_eq!(PendingEmission::<Test>::get(2), BLOCK_EMISSION / 2 + BLOCK_EMISSION / 4);
			assert_noop!(Yuma::set_subnet_share(governance(), 9, 1), Error::<Test>::UnknownSubnet);
			assert_noop!(
				Yuma::set_subnet_share(signed(1), 1, 1),
				sp_runtime::DispatchError::BadOrigin
			);
		});
	}

	#[test]
	fn the_schedule_stops_at_the_supply_cap() {
		test(|| {
			let mut parameters = test_emission();
			parameters.supply_cap = 4 * BLOCK_EMISSION;
			assert_ok!(Yuma::set_emission_parameters(governance(), parameters.clone()));
			run_to(40);
			// A full block, a full block (half left), then halves: 1/2, 1/4 ... down to 0.
			assert!(Released::<Test>::get() <= 4 * BLOCK_EMISSION);
			assert!(Released::<Test>::get() > 4 * BLOCK_EMISSION - 64);
			assert_eq!(Yuma::next_block_emission(), 0);
			parameters.supply_cap = Released::<Test>::get() - 1;
			assert_noop!(
				Yuma::set_emission_parameters(governance(), parameters.clone()),
				Error::<Test>::InvalidEmissionParameters
			);
			assert_noop!(
				Yuma::set_emission_parameters(signed(1), parameters),
				sp_runtime::DispatchError::BadOrigin
			);
		});
	}
}

mod hooks {
	use super::*;

	#[test]
	fn a_replaced_uid_starts_clean() {
		test(|| {
			let uids = validators_and_miners();
			assert_ok!(set_weights(1, &[2, 3], &[1, 2]));
			assert_ok!(set_weights(2, &[2, 3], &[1, 2]));
			run_to(18);
			set_hyperparameters(NET, |hp| hp.max_uids = 5);
			// Uid 4 earned nothing: the newcomer takes it.
			assert_eq!(output(uids[4]).emission, 0);
			assert_ok!(Subnets::register(signed(6), NET, hotkey(6)));
			assert_eq!(Subnets::uid_of(NET, &hotkey(6)), Some(uids[4]));
			assert_eq!(NeuronOutputs::<Test>::get(NET, uids[4]), None);
			assert_eq!(LastUpdate::<Test>::get(NET, uids[4]), None);
			// Validators' weights on the old uid 4 would be masked by the outdated rule.
			assert!(output(uids[2]).emission > 0);
		});
	}

	#[test]
	fn a_replaced_validator_loses_weights_bonds_and_commits() {
		test(|| {
			let uids = validators_and_miners();
			assert_ok!(set_weights(1, &[2, 3], &[1, 2]));
			assert_ok!(set_weights(2, &[2, 3], &[1, 2]));
			run_to(18);
			assert!(Bonds::<Test>::get(NET, uids[1]).is_some());
			set_hyperparameters(NET, |hp| hp.commit_reveal = true);
			let hash = Yuma::commit_hash(&hotkey(2), NET, &[2], &[1], &[1], 0);
			assert_ok!(Yuma::commit_weights(signed(hotkey(2)), NET, hash));
			Yuma::on_neuron_replaced(NET, uids[1], &hotkey(2), &hotkey(2));
			assert_eq!(Weights::<Test>::get(NET, uids[1]), None);
			assert_eq!(Bonds::<Test>::get(NET, uids[1]), None);
			assert!(Yuma::pending_commits(NET, &hotkey(2)).is_empty());
			assert_eq!(WeightEntries::<Test>::get(NET), 2);
		});
	}

	#[test]
	fn replacing_neurons_that_set_no_weights_stores_no_weight_count() {
		test(|| {
			let uids = validators_and_miners();
			// Found by the runtime fuzzer: the replacement's clearing stored a zero count for
			// a subnet without weights, which try_state reads as a miscount.
			Yuma::on_neuron_replaced(NET, uids[4], &hotkey(5), &hotkey(6));
			assert!(!WeightEntries::<Test>::contains_key(NET));
			assert_ok!(Yuma::do_try_state());
			assert_ok!(set_weights(1, &[2, 3], &[1, 2]));
			assert_eq!(WeightEntries::<Test>::get(NET), 2);
			// The last row cleared takes the count with it.
			Yuma::on_neuron_replaced(NET, uids[0], &hotkey(1), &hotkey(7));
			assert!(!WeightEntries::<Test>::contains_key(NET));
			assert_ok!(Yuma::do_try_state());
		});
	}

	#[test]
	fn a_dissolved_subnet_returns_its_pending_emission_to_the_schedule() {
		test(|| {
			validators_and_miners();
			assert_ok!(set_weights(1, &[2, 3], &[1, 2]));
			run_to(12);
			let pending = PendingEmission::<Test>::get(NET);
			let released = Released::<Test>::get();
			assert_ok!(Subnets::dissolve_subnet(governance(), NET));
			assert_eq!(Released::<Test>::get(), released - pending);
			assert_eq!(PendingEmission::<Test>::get(NET), 0);
			assert_eq!(Weights::<Test>::iter().count(), 0);
			assert_eq!(NeuronOutputs::<Test>::iter().count(), 0);
			assert_eq!(WeightEntries::<Test>::get(NET), 0);
			run_to(20);
			// With no subnet left nothing is released.
			assert_eq!(Released::<Test>::get(), released - pending);
		});
	}

	#[test]
	fn pruning_reads_the_last_epochs_emission() {
		test(|| {
			let uids = validators_and_miners();
			let emissions = <Yuma as synod_primitives::subnet::NeuronEmission>::emissions(NET);
			assert_eq!(emissions.len(), 5);
			assert_eq!(emissions[uids[0] as usize] as u128, output(uids[0]).emission);
			assert!(emissions[uids[0] as usize] > 0);
		});
	}
}

#[test]
fn metagraph_shows_every_output() {
	test(|| {
		let uids = validators_and_miners();
		let endpoint = synod_primitives::endpoint::Endpoint::Ipv4 { ip: [10, 0, 0, 3], port: 7070 };
		assert_ok!(Subnets::serve_endpoint(signed(hotkey(3)), NET, endpoint.clone()));
		let metagraph = Yuma::metagraph(NET).unwrap();
		assert_eq!(metagraph.neurons[2].endpoint, Some(endpoint));
		assert_eq!(metagraph.neurons[0].endpoint, None);
		assert_eq!(metagraph.epoch_index, 1);
		assert_eq!(metagraph.last_epoch_block, Some(8));
		assert_eq!(metagraph.neurons.len(), 5);
		assert_eq!(metagraph.neurons[0].stake, Staking::hotkey_stake(&hotkey(1)));
		assert!(metagraph.neurons[0].stake > 600_000, "dividends were staked");
		assert_eq!(metagraph.neurons[0].output, output(uids[0]));
		assert_eq!(metagraph.neurons[0].hotkey, hotkey(1));
		assert_eq!(Yuma::metagraph(9), None);
		assert_eq!(Yuma::weights_of(NET, &99), None);
	});
}
