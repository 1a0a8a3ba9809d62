//! Tests of every call, their error paths (which must leave storage untouched) and the
//! invariants, which [`test`] checks after each test.

use crate::{
	mock::*, pallet::*, Endpoint, Error, Event, Hyperparameter, NeuronRecord, SubnetRegistry,
};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold},
};
use sp_runtime::{DispatchError, Perbill};

fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn governance() -> RuntimeOrigin {
	RuntimeOrigin::signed(GOVERNOR)
}

fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event").event
}

fn held_deposit(who: u64) -> u128 {
	Balances::balance_on_hold(&RuntimeHoldReason::Subnets(HoldReason::SubnetDeposit), &who)
}

/// Creates a subnet owned by account 1; returns its netuid.
fn subnet() -> u16 {
	let netuid = NextNetuid::<Test>::get();
	assert_ok!(Subnets::create_subnet(signed(1)));
	netuid
}

/// Registers hotkey `hotkey` under coldkey `coldkey`; returns its uid.
fn register(netuid: u16, coldkey: u64, hotkey: u64) -> u16 {
	assert_ok!(Subnets::register(signed(coldkey), netuid, hotkey));
	Uids::<Test>::get(netuid, hotkey).expect("registered")
}

fn url(text: &str) -> Endpoint {
	Endpoint::Url(text.as_bytes().to_vec().try_into().unwrap())
}

mod creation {
	use super::*;

	#[test]
	fn create_subnet_holds_the_deposit_and_uses_the_defaults() {
		test(|| {
			let free_before = Balances::balance(&1);
			assert_ok!(Subnets::create_subnet(signed(1)));
			assert_eq!(
				last_event(),
				Event::SubnetCreated { netuid: 1, owner: 1, deposit: DEPOSIT }.into()
			);
			assert_eq!(held_deposit(1), DEPOSIT);
			assert_eq!(Balances::balance(&1), free_before - DEPOSIT);
			assert_eq!(Subnets::owner(1), Some(1));
			assert_eq!(Subnets::hyperparameters(1), Some(test_hyperparameters()));
			assert_eq!(Subnets::registration_cost(1), Some(MIN_BURN));
			assert_ok!(Subnets::create_subnet(signed(2)));
			assert_eq!(Subnets::netuids(), vec![1, 2]);
		});
	}

	#[test]
	fn netuids_are_not_reused() {
		test(|| {
			let first = subnet();
			assert_ok!(Subnets::dissolve_subnet(governance(), first));
			assert_eq!(subnet(), first + 1);
		});
	}

	#[test]
	fn create_subnet_needs_the_deposit() {
		test(|| {
			// Account 50 holds less than the deposit plus the existential deposit.
			assert_ok!(<Balances as frame_support::traits::fungible::Mutate<u64>>::mint_into(
				&50, DEPOSIT
			));
			assert_noop!(Subnets::create_subnet(signed(50)), Error::<Test>::CannotAffordDeposit);
		});
	}

	#[test]
	fn create_subnet_stops_at_max_subnets() {
		test(|| {
			for owner in 1..=4 {
				assert_ok!(Subnets::create_subnet(signed(owner)));
			}
			assert_noop!(Subnets::create_subnet(signed(5)), Error::<Test>::TooManySubnets);
			assert_noop!(
				Subnets::force_create_subnet(governance(), 5),
				Error::<Test>::TooManySubnets
			);
		});
	}

	#[test]
	fn force_create_subnet_is_governance_only_and_free() {
		test(|| {
			assert_noop!(Subnets::force_create_subnet(signed(1), 7), DispatchError::BadOrigin);
			assert_ok!(Subnets::force_create_subnet(governance(), 7));
			assert_eq!(
				last_event(),
				Event::SubnetCreated { netuid: 1, owner: 7, deposit: 0 }.into()
			);
			assert_eq!(held_deposit(7), 0);
			assert_eq!(Subnets::owner(1), Some(7));
		});
	}

	#[test]
	fn unsigned_origins_are_refused() {
		test(|| {
			assert_noop!(Subnets::create_subnet(RuntimeOrigin::none()), DispatchError::BadOrigin);
			let netuid = subnet();
			assert_noop!(
				Subnets::register(RuntimeOrigin::none(), netuid, 11),
				DispatchError::BadOrigin
			);
			assert_noop!(
				Subnets::serve_endpoint(RuntimeOrigin::none(), netuid, url("http://a")),
				DispatchError::BadOrigin
			);
		});
	}
}

mod hyperparameters {
	use super::*;

	#[test]
	fn owner_and_governance_set_them_others_cannot() {
		test(|| {
			let netuid = subnet();
			let mut hp = test_hyperparameters();
			hp.tempo = 99;
			assert_ok!(Subnets::set_hyperparameters(signed(1), netuid, hp.clone()));
			assert_eq!(
				last_event(),
				Event::HyperparametersSet { netuid, hyperparameters: hp.clone() }.into()
			);
			hp.kappa = 1;
			assert_ok!(Subnets::set_hyperparameters(governance(), netuid, hp.clone()));
			assert_eq!(Subnets::hyperparameters(netuid), Some(hp.clone()));
			assert_noop!(
				Subnets::set_hyperparameters(signed(2), netuid, hp.clone()),
				Error::<Test>::NotSubnetOwner
			);
			assert_noop!(
				Subnets::set_hyperparameters(signed(1), 42, hp),
				Error::<Test>::UnknownSubnet
			);
		});
	}

	#[test]
	fn consensus_parameters_are_governance_only() {
		test(|| {
			let netuid = subnet();
			let cases: Vec<(Hyperparameter, Box<dyn Fn(&mut crate::SubnetHyperparameters<u128>)>)> = vec![
				(Hyperparameter::Kappa, Box::new(|hp| hp.kappa = 40_000)),
				(Hyperparameter::BondsPenalty, Box::new(|hp| hp.bonds_penalty = 0)),
				(Hyperparameter::BondsMovingAverage, Box::new(|hp| hp.bonds_moving_average = 1)),
				(Hyperparameter::Yuma3, Box::new(|hp| hp.yuma3 = !hp.yuma3)),
				(Hyperparameter::LiquidAlpha, Box::new(|hp| hp.liquid_alpha = !hp.liquid_alpha)),
				(Hyperparameter::AlphaRange, Box::new(|hp| hp.alpha_high = hp.alpha_low)),
				(
					Hyperparameter::AlphaSigmoidSteepness,
					Box::new(|hp| hp.alpha_sigmoid_steepness = 10),
				),
			];
			for (field, change) in cases {
				let mut hp = test_hyperparameters();
				change(&mut hp);
				assert_noop!(
					Subnets::set_hyperparameters(signed(1), netuid, hp.clone()),
					Error::<Test>::GovernanceOnly { field }
				);
				assert_ok!(Subnets::set_hyperparameters(governance(), netuid, hp));
				assert_ok!(Subnets::set_hyperparameters(
					governance(),
					netuid,
					test_hyperparameters()
				));
			}
			// The owner may resubmit governance's consensus values with other changes.
			let mut hp = test_hyperparameters();
			hp.tempo = 7;
			assert_ok!(Subnets::set_hyperparameters(signed(1), netuid, hp));
		});
	}

	#[test]
	fn each_bounded_field_is_checked() {
		test(|| {
			let netuid = subnet();
			let cases: Vec<(Hyperparameter, Box<dyn Fn(&mut crate::SubnetHyperparameters<u128>)>)> = vec![
				(Hyperparameter::MaxUids, Box::new(|hp| hp.max_uids = 17)),
				(Hyperparameter::MaxUids, Box::new(|hp| hp.max_uids = 0)),
				(Hyperparameter::MaxValidators, Box::new(|hp| hp.max_validators = hp.max_uids + 1)),
				(Hyperparameter::ImmunityPeriod, Box::new(|hp| hp.immunity_period = 100_801)),
				(Hyperparameter::MinStake, Box::new(|hp| hp.min_stake = 1_000_001)),
				(Hyperparameter::MinBurn, Box::new(|hp| hp.min_burn = MIN_BURN / 2 - 1)),
				(Hyperparameter::MaxBurn, Box::new(|hp| hp.max_burn = MAX_BURN * 2 + 1)),
				(Hyperparameter::MaxBurn, Box::new(|hp| hp.max_burn = hp.min_burn - 1)),
				(Hyperparameter::ServingRateLimit, Box::new(|hp| hp.serving_rate_limit = u32::MAX)),
				(Hyperparameter::Tempo, Box::new(|hp| hp.tempo = 0)),
				(
					Hyperparameter::ActivityCutoffFactorMilli,
					Box::new(|hp| hp.activity_cutoff_factor_milli = 999),
				),
				(Hyperparameter::WeightsRateLimit, Box::new(|hp| hp.weights_rate_limit = u32::MAX)),
				(Hyperparameter::RevealPeriodEpochs, Box::new(|hp| hp.reveal_period_epochs = 0)),
				(Hyperparameter::AlphaRange, Box::new(|hp| hp.alpha_low = hp.alpha_high + 1)),
				(Hyperparameter::AlphaRange, Box::new(|hp| hp.alpha_low = 1637)),
				(
					Hyperparameter::BondsMovingAverage,
					Box::new(|hp| hp.bonds_moving_average = 1_000_001),
				),
			];
			for (field, change) in cases {
				let mut hp = test_hyperparameters();
				change(&mut hp);
				assert_noop!(
					Subnets::set_hyperparameters(governance(), netuid, hp),
					Error::<Test>::HyperparameterOutOfBounds { field }
				);
			}
		});
	}

	#[test]
	fn max_uids_cannot_drop_below_the_neurons_held() {
		test(|| {
			let netuid = subnet();
			register(netuid, 2, 12);
			register(netuid, 3, 13);
			let mut hp = test_hyperparameters();
			hp.max_uids = 1;
			hp.max_validators = 1;
			assert_noop!(
				Subnets::set_hyperparameters(signed(1), netuid, hp.clone()),
				Error::<Test>::MaxUidsBelowNeuronCount
			);
			hp.max_uids = 2;
			assert_ok!(Subnets::set_hyperparameters(signed(1), netuid, hp));
		});
	}

	#[test]
	fn a_new_burn_range_clamps_the_current_cost() {
		test(|| {
			let netuid = subnet();
			for i in 0..3 {
				register(netuid, 2 + i, 12 + i);
			}
			assert_eq!(Subnets::registration_cost(netuid), Some(337));
			let mut hp = test_hyperparameters();
			hp.max_burn = 200;
			assert_ok!(Subnets::set_hyperparameters(signed(1), netuid, hp.clone()));
			assert_eq!(Subnets::registration_cost(netuid), Some(200));
			hp.min_burn = 150;
			hp.max_burn = 10_000;
			hp.burn_decay = Perbill::from_percent(50);
			assert_ok!(Subnets::set_hyperparameters(signed(1), netuid, hp));
			run_to(10);
			assert_eq!(Subnets::registration_cost(netuid), Some(150));
		});
	}

	#[test]
	fn bounds_are_governance_only_and_must_be_ranges() {
		test(|| {
			let mut bounds = test_bounds();
			assert_noop!(
				Subnets::set_hyperparameter_bounds(signed(1), bounds.clone()),
				DispatchError::BadOrigin
			);
			bounds.tempo.min = 10;
			bounds.tempo.max = 9;
			assert_noop!(
				Subnets::set_hyperparameter_bounds(governance(), bounds.clone()),
				Error::<Test>::InvalidBounds
			);
			let mut bounds = test_bounds();
			bounds.max_uids.max = 17;
			assert_noop!(
				Subnets::set_hyperparameter_bounds(governance(), bounds),
				Error::<Test>::InvalidBounds
			);
		});
	}

	#[test]
	fn tighter_bounds_apply_at_the_next_change() {
		test(|| {
			let netuid = subnet();
			let mut bounds = test_bounds();
			bounds.tempo = synod_primitives::subnet::Range { min: 1, max: 100 };
			// New subnets would start at the default tempo of 360, outside the new bounds.
			assert_noop!(
				Subnets::set_hyperparameter_bounds(governance(), bounds.clone()),
				Error::<Test>::DefaultsOutOfBounds { field: Hyperparameter::Tempo }
			);
			let mut defaults = test_hyperparameters();
			defaults.tempo = 100;
			assert_ok!(Subnets::set_default_hyperparameters(governance(), defaults));
			assert_ok!(Subnets::set_hyperparameter_bounds(governance(), bounds.clone()));
			assert_eq!(last_event(), Event::BoundsSet { bounds }.into());
			// The subnet keeps tempo 360 until it changes something.
			assert_eq!(Subnets::hyperparameters(netuid).unwrap().tempo, 360);
			assert_noop!(
				Subnets::set_hyperparameters(signed(1), netuid, test_hyperparameters()),
				Error::<Test>::HyperparameterOutOfBounds { field: Hyperparameter::Tempo }
			);
		});
	}

	#[test]
	fn defaults_and_deposit_are_governance_settings() {
		test(|| {
			let mut hp = test_hyperparameters();
			hp.max_uids = 8;
			assert_noop!(
				Subnets::set_default_hyperparameters(signed(1), hp.clone()),
				DispatchError::BadOrigin
			);
			assert_ok!(Subnets::set_default_hyperparameters(governance(), hp.clone()));
			assert_noop!(Subnets::set_subnet_deposit(signed(1), 5), DispatchError::BadOrigin);
			assert_ok!(Subnets::set_subnet_deposit(governance(), 5));
			let netuid = subnet();
			assert_eq!(Subnets::hyperparameters(netuid), Some(hp.clone()));
			assert_eq!(held_deposit(1), 5);
			hp.tempo = 0;
			assert_noop!(
				Subnets::set_default_hyperparameters(governance(), hp),
				Error::<Test>::HyperparameterOutOfBounds { field: Hyperparameter::Tempo }
			);
		});
	}
}

mod registration {
	use super::*;

	#[test]
	fn register_burns_the_cost_and_gives_dense_uids() {
		test(|| {
			let netuid = subnet();
			let issuance = Balances::total_issuance();
			assert_eq!(register(netuid, 2, 12), 0);
			assert_eq!(
				last_event(),
				Event::NeuronRegistered { netuid, uid: 0, hotkey: 12, coldkey: 2, cost: MIN_BURN }
					.into()
			);
			assert_eq!(Balances::balance(&2), FUNDS - MIN_BURN);
			assert_eq!(Balances::total_issuance(), issuance - MIN_BURN);
			// +50% after each registration: 100, 150, 225.
			assert_eq!(Subnets::registration_cost(netuid), Some(150));
			assert_eq!(register(netuid, 3, 13), 1);
			assert_eq!(Balances::balance(&3), FUNDS - 150);
			assert_eq!(Subnets::registration_cost(netuid), Some(225));
			assert_eq!(Subnets::neuron_count(netuid), 2);
			assert_eq!(
				Subnets::neuron(netuid, 1),
				Some(NeuronRecord {
					uid: 1,
					hotkey: 13,
					coldkey: 3,
					registered_at: 1,
					endpoint: None
				})
			);
			assert_eq!(Subnets::uid_of(netuid, &13), Some(1));
			assert_eq!(<Subnets as crate::HotkeyOwnership<u64>>::owner_of(&13), Some(3));
		});
	}

	#[test]
	fn the_cost_decays_per_block_toward_the_floor() {
		test(|| {
			let netuid = subnet();
			register(netuid, 2, 12);
			register(netuid, 3, 13);
			assert_eq!(Subnets::registration_cost(netuid), Some(225));
			run_to(2);
			// 225 * 0.9 = 202.5, floored.
			assert_eq!(Subnets::registration_cost(netuid), Some(202));
			run_to(4);
			// 225 * 0.9^3 = 164.025.
			assert_eq!(Subnets::registration_cost(netuid), Some(164));
			run_to(1_000);
			assert_eq!(Subnets::registration_cost(netuid), Some(MIN_BURN));
			// Block numbers far beyond u32 still give the floor, without overflow.
			run_to(u64::MAX);
			assert_eq!(Subnets::registration_cost(netuid), Some(MIN_BURN));
		});
	}

	#[test]
	fn the_cost_never_exceeds_max_burn() {
		test(|| {
			let netuid = subnet();
			let mut hp = test_hyperparameters();
			hp.max_uids = 16;
			hp.burn_increase = Perbill::one();
			assert_ok!(Subnets::set_hyperparameters(signed(1), netuid, hp));
			for i in 0..8 {
				register(netuid, 2 + i, 20 + i);
			}
			// 100 doubled seven times is 12 800, above the 10 000 ceiling.
			assert_eq!(Subnets::registration_cost(netuid), Some(MAX_BURN));
		});
	}

	#[test]
	fn register_refuses_bad_requests() {
		test(|| {
			let netuid = subnet();
			register(netuid, 2, 12);
			assert_noop!(Subnets::register(signed(2), 42, 13), Error::<Test>::UnknownSubnet);
			assert_noop!(
				Subnets::register(signed(2), netuid, 12),
				Error::<Test>::AlreadyRegistered
			);
			assert_noop!(
				Subnets::register(signed(3), netuid, 12),
				Error::<Test>::AlreadyRegistered
			);
			let other = subnet();
			assert_noop!(
				Subnets::register(signed(3), other, 12),
				Error::<Test>::HotkeyOwnedByAnotherColdkey
			);
			// Its own coldkey may register it on a second subnet.
			assert_eq!(register(other, 2, 12), 0);
			let mut hp = test_hyperparameters();
			hp.registration_allowed = false;
			assert_ok!(Subnets::set_hyperparameters(signed(1), netuid, hp));
			assert_noop!(
				Subnets::register(signed(3), netuid, 13),
				Error::<Test>::RegistrationClosed
			);
		});
	}

	#[test]
	fn register_needs_the_cost_and_keeps_the_account_alive() {
		test(|| {
			let netuid = subnet();
			let mint = |who, amount| {
				<Balances as frame_support::traits::fungible::Mutate<u64>>::mint_into(&who, amount)
					.unwrap();
			};
			mint(60, MIN_BURN - 1);
			assert_noop!(
				Subnets::register(signed(60), netuid, 61),
				Error::<Test>::CannotAffordRegistration
			);
			// Exactly the cost would leave nothing, below the existential deposit.
			mint(70, MIN_BURN);
			assert_noop!(
				Subnets::register(signed(70), netuid, 71),
				Error::<Test>::CannotAffordRegistration
			);
			mint(80, MIN_BURN + ED);
			assert_eq!(register(netuid, 80, 81), 0);
			assert_eq!(Balances::balance(&80), ED);
		});
	}

	#[test]
	fn a_full_subnet_refuses_while_everyone_is_immune() {
		test(|| {
			let netuid = subnet();
			for i in 0..4 {
				register(netuid, 2 + i, 12 + i);
			}
			// Immunity is 10 blocks: registered at 1, immune through block 10.
			run_to(10);
			assert_noop!(Subnets::register(signed(9), netuid, 19), Error::<Test>::AllNeuronsImmune);
		});
	}

	#[test]
	fn a_full_subnet_replaces_the_lowest_emission() {
		test(|| {
			let netuid = subnet();
			for i in 0..4 {
				register(netuid, 2 + i, 12 + i);
			}
			EMISSIONS.with(|e| e.borrow_mut().insert(netuid, vec![50, 7, 9, 30]));
			Subnets::serve_endpoint(signed(13), netuid, url("http://miner-1")).unwrap();
			run_to(11);
			register(netuid, 9, 19);
			assert_eq!(Subnets::uid_of(netuid, &19), Some(1));
			assert_eq!(Subnets::uid_of(netuid, &13), None);
			assert_eq!(Subnets::neuron_count(netuid), 4);
			assert_eq!(Endpoints::<Test>::get(netuid, 1), None);
			assert_eq!(REPLACED.with(|r| r.borrow().clone()), vec![(netuid, 1, 13, 19)]);
			assert!(System::events().iter().any(|r| r.event
				== Event::NeuronReplaced { netuid, uid: 1, old_hotkey: 13, new_hotkey: 19 }
					.into()));
			// The new neuron is immune; the next one replaces uid 2 (emission 9).
			register(netuid, 10, 20);
			assert_eq!(Subnets::uid_of(netuid, &20), Some(2));
		});
	}

	#[test]
	fn ties_go_to_the_oldest_then_the_lowest_uid() {
		test(|| {
			let netuid = subnet();
			register(netuid, 2, 12);
			run_to(2);
			register(netuid, 3, 13);
			register(netuid, 4, 14);
			run_to(3);
			register(netuid, 5, 15);
			run_to(20);
			// All emissions 0 (no epoch yet): uid 0 is the oldest.
			register(netuid, 9, 19);
			assert_eq!(Subnets::uid_of(netuid, &19), Some(0));
			// uid 1 and 2 registered in the same block: the lower uid goes.
			register(netuid, 10, 20);
			assert_eq!(Subnets::uid_of(netuid, &20), Some(1));
		});
	}

	#[test]
	fn a_replaced_hotkey_may_register_again() {
		test(|| {
			let netuid = subnet();
			for i in 0..4 {
				register(netuid, 2 + i, 12 + i);
			}
			run_to(20);
			register(netuid, 9, 19);
			assert_eq!(Subnets::uid_of(netuid, &12), None);
			run_to(40);
			register(netuid, 2, 12);
			assert!(Subnets::uid_of(netuid, &12).is_some());
		});
	}
}

mod dissolution {
	use super::*;

	#[test]
	fn dissolve_returns_the_deposit_and_removes_everything() {
		test(|| {
			let netuid = subnet();
			register(netuid, 2, 12);
			register(netuid, 3, 13);
			Subnets::serve_endpoint(signed(12), netuid, url("http://a.example")).unwrap();
			let free_before = Balances::balance(&1);
			assert_noop!(Subnets::dissolve_subnet(signed(1), netuid), DispatchError::BadOrigin);
			assert_ok!(Subnets::dissolve_subnet(governance(), netuid));
			assert_eq!(
				last_event(),
				Event::SubnetDissolved { netuid, neurons_removed: 2, deposit_returned: DEPOSIT }
					.into()
			);
			assert_eq!(Balances::balance(&1), free_before + DEPOSIT);
			assert_eq!(held_deposit(1), 0);
			assert!(!Subnets::subnet_exists(netuid));
			assert_eq!(Subnets::neurons(netuid), vec![]);
			assert_eq!(Uids::<Test>::iter_prefix(netuid).count(), 0);
			assert_eq!(Endpoints::<Test>::iter_prefix(netuid).count(), 0);
			assert_eq!(Subnets::registration_cost(netuid), None);
			assert_eq!(DISSOLVED.with(|d| d.borrow().clone()), vec![netuid]);
			// Hotkeys stay owned: stake behind them may outlive the subnet.
			assert_eq!(<Subnets as crate::HotkeyOwnership<u64>>::owner_of(&12), Some(2));
			assert_noop!(
				Subnets::dissolve_subnet(governance(), netuid),
				Error::<Test>::UnknownSubnet
			);
		});
	}
}

mod endpoints {
	use super::*;

	#[test]
	fn serve_endpoint_validates_and_rate_limits() {
		test(|| {
			let netuid = subnet();
			register(netuid, 2, 12);
			assert_noop!(
				Subnets::serve_endpoint(signed(13), netuid, url("http://a")),
				Error::<Test>::NotRegistered
			);
			assert_noop!(
				Subnets::serve_endpoint(signed(12), 42, url("http://a")),
				Error::<Test>::UnknownSubnet
			);
			assert_noop!(
				Subnets::serve_endpoint(
					signed(12),
					netuid,
					Endpoint::Ipv4 { ip: [1, 2, 3, 4], port: 0 }
				),
				Error::<Test>::EndpointZeroPort
			);
			assert_noop!(
				Subnets::serve_endpoint(
					signed(12),
					netuid,
					Endpoint::Ipv6 { ip: [0; 16], port: 1 }
				),
				Error::<Test>::EndpointUnroutable
			);
			assert_noop!(
				Subnets::serve_endpoint(signed(12), netuid, url("gopher://x")),
				Error::<Test>::EndpointMalformedUrl
			);
			let endpoint = Endpoint::Ipv4 { ip: [127, 0, 0, 1], port: 8000 };
			assert_ok!(Subnets::serve_endpoint(signed(12), netuid, endpoint.clone()));
			assert_eq!(
				last_event(),
				Event::EndpointServed { netuid, uid: 0, endpoint: endpoint.clone() }.into()
			);
			assert_eq!(Subnets::neuron(netuid, 0).unwrap().endpoint, Some(endpoint));
			// The limit is 5 blocks: served at 1, again from block 6.
			run_to(5);
			assert_noop!(
				Subnets::serve_endpoint(signed(12), netuid, url("https://b.example")),
				Error::<Test>::ServingRateLimited
			);
			run_to(6);
			assert_ok!(Subnets::serve_endpoint(signed(12), netuid, url("https://b.example")));
		});
	}
}

mod properties {
	use super::*;
	use proptest::prelude::*;

	#[derive(Clone, Debug)]
	enum Action {
		Create(u64),
		Register { subnet: u8, coldkey: u64, hotkey: u64 },
		Advance(u64),
		Emissions { subnet: u8, values: Vec<u64> },
		Dissolve(u8),
		Serve { subnet: u8, hotkey: u64, port: u16 },
	}

	fn action() -> impl Strategy<Value = Action> {
		prop_oneof![
			(1u64..5).prop_map(Action::Create),
			(0u8..4, 1u64..8, 10u64..30).prop_map(|(subnet, coldkey, hotkey)| Action::Register {
				subnet,
				coldkey,
				hotkey
			}),
			(1u64..15).prop_map(Action::Advance),
			(0u8..4, proptest::collection::vec(0u64..5, 0..5))
				.prop_map(|(subnet, values)| Action::Emissions { subnet, values }),
			(0u8..4).prop_map(Action::Dissolve),
			(0u8..4, 10u64..30, 0u16..3).prop_map(|(subnet, hotkey, port)| Action::Serve {
				subnet,
				hotkey,
				port
			}),
		]
	}

	proptest! {
		#![proptest_config(ProptestConfig::with_cases(64))]
		#[test]
		fn random_sequences_keep_the_invariants(actions in proptest::collection::vec(action(), 1..60)) {
			new_test_ext().execute_with(|| {
				let issuance = Balances::total_issuance();
				let mut burnt = 0u128;
				for action in actions {
					let netuid_of = |i: u8| Subnets::netuids().get(i as usize).copied().unwrap_or(99);
					match action {
						Action::Create(owner) => {
							let _ = Subnets::create_subnet(signed(owner));
						},
						Action::Register { subnet, coldkey, hotkey } => {
							let netuid = netuid_of(subnet);
							let cost = Subnets::registration_cost(netuid).unwrap_or(0);
							if Subnets::register(signed(coldkey), netuid, hotkey).is_ok() {
								burnt += cost;
								assert_eq!(Subnets::uid_of(netuid, &hotkey).map(|uid| uid < 4), Some(true));
							}
						},
						Action::Advance(blocks) => run_to(System::block_number() + blocks),
						Action::Emissions { subnet, values } => {
							EMISSIONS.with(|e| e.borrow_mut().insert(netuid_of(subnet), values));
						},
						Action::Dissolve(subnet) => {
							let _ = Subnets::dissolve_subnet(governance(), netuid_of(subnet));
						},
						Action::Serve { subnet, hotkey, port } => {
							let endpoint = Endpoint::Ipv4 { ip: [10, 0, 0, 1], port };
							let _ = Subnets::serve_endpoint(signed(hotkey), netuid_of(subnet), endpoint);
						},
					}
					Subnets::do_try_state().expect("invariants hold after every step");
				}
				assert_eq!(Balances::total_issuance(), issuance - burnt);
			});
		}
	}
}
