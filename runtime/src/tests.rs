//! Runtime-level tests: genesis presets and the governance origin, on the real runtime.

use frame_support::{
	genesis_builder_helper::build_state,
	traits::{EnsureOrigin, Get},
};
use sp_keyring::Sr25519Keyring::{self, Alice, Bob, Charlie, Dave};

use crate::{
	configs::{CouncilCollective, GovernanceOrigin},
	genesis_config_presets::{config_of, get_preset, preset_names, ENDOWMENT},
	AccountId, Balances, Runtime, RuntimeGenesisConfig, RuntimeOrigin,
};

/// The genesis state of a preset: its patch over the default config, as a node builds it.
pub(crate) fn state_of(preset: &str) -> sp_io::TestExternalities {
	let config = config_of(&preset.into()).unwrap_or_else(|| panic!("no preset {preset}"));
	let json = serde_json::to_vec(&config).unwrap();
	let mut ext = sp_io::TestExternalities::new_empty();
	ext.execute_with(|| {
		build_state::<RuntimeGenesisConfig>(json).expect("the preset builds a genesis state")
	});
	ext
}

fn accounts(keys: &[Sr25519Keyring]) -> Vec<AccountId> {
	keys.iter().map(|k| k.to_account_id()).collect()
}

#[test]
fn both_presets_are_listed() {
	let names: Vec<String> = preset_names().into_iter().map(|p| p.to_string()).collect();
	assert_eq!(names, ["development", "local_testnet"]);
	assert!(get_preset(&"mainnet".into()).is_none());
}

#[test]
fn development_has_alice_alone_as_authority_and_sudo() {
	state_of("development").execute_with(|| {
		assert_eq!(pallet_babe::Authorities::<Runtime>::get().len(), 1);
		// Minute-long epochs that BABE, its runtime API and the client all read alike.
		assert_eq!(<Runtime as pallet_babe::Config>::EpochDuration::get(), 20);
		let config = <Runtime as sp_consensus_babe::runtime_decl_for_babe_api::BabeApi<
			crate::Block,
		>>::configuration();
		assert_eq!(config.epoch_length, 20);
		assert_eq!(config.slot_duration, crate::time::SLOT_DURATION);
		assert_eq!(
			config.allowed_slots,
			sp_consensus_babe::AllowedSlots::PrimaryAndSecondaryVRFSlots
		);
		assert_eq!(pallet_grandpa::Pallet::<Runtime>::grandpa_authorities().len(), 1);
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(Alice.to_account_id()));
		let endowed = Sr25519Keyring::well_known().count() as u128;
		// The endowments, and the existential deposit that keeps the staking pot alive.
		let pot = crate::Staking::pot();
		let ed: crate::Balance = <Runtime as pallet_balances::Config>::ExistentialDeposit::get();
		assert_eq!(Balances::free_balance(&pot), ed);
		assert_eq!(pallet_balances::TotalIssuance::<Runtime>::get(), endowed * ENDOWMENT + ed);
		assert_eq!(Balances::free_balance(Bob.to_account_id()), ENDOWMENT);
		// The README promises a 10-block unbonding period on the dev chain.
		assert_eq!(pallet_synod_staking::Parameters::<Runtime>::get().unbonding_period, 10);
	});
}

#[test]
fn local_testnet_has_four_authorities_and_a_council_of_three() {
	state_of("local_testnet").execute_with(|| {
		assert_eq!(pallet_babe::Authorities::<Runtime>::get().len(), 4);
		assert_eq!(
			pallet_babe::EpochConfig::<Runtime>::get(),
			Some(crate::configs::GENESIS_EPOCH_CONFIG)
		);
		let grandpa = pallet_grandpa::Pallet::<Runtime>::grandpa_authorities();
		assert_eq!(grandpa.len(), 4);
		assert!(grandpa.iter().all(|(_, weight)| *weight == 1));
		let mut council = accounts(&[Alice, Bob, Charlie]);
		council.sort();
		assert_eq!(pallet_collective::Members::<Runtime, CouncilCollective>::get(), council);
		assert_eq!(
			pallet_membership::Members::<Runtime, pallet_membership::Instance1>::get().into_inner(),
			council
		);
		assert!(!council.contains(&Dave.to_account_id()));
	});
}

#[test]
fn governance_origin_is_root_or_two_thirds_of_the_council() {
	let members = |ayes: u32, of: u32| -> RuntimeOrigin {
		pallet_collective::RawOrigin::<AccountId, CouncilCollective>::Members(ayes, of).into()
	};
	assert!(GovernanceOrigin::ensure_origin(RuntimeOrigin::root()).is_ok());
	assert!(GovernanceOrigin::ensure_origin(members(2, 3)).is_ok());
	assert!(GovernanceOrigin::ensure_origin(members(3, 3)).is_ok());
	assert!(GovernanceOrigin::ensure_origin(members(1, 3)).is_err());
	assert!(GovernanceOrigin::ensure_origin(members(6, 10)).is_err());
	assert!(GovernanceOrigin::ensure_origin(RuntimeOrigin::signed(Alice.to_account_id())).is_err());
	assert!(GovernanceOrigin::ensure_origin(RuntimeOrigin::none()).is_err());
}

/// The subnets and staking pallets as the runtime wires them: a hotkey registered through
/// `Subnets` takes stake in `Staking` (which learns ownership only through the trait), slashes
/// and dividends move exactly what they say, and every pallet's invariants hold throughout.
#[test]
fn subnets_and_staking_work_together() {
	use frame_support::{assert_noop, assert_ok};
	use synod_primitives::stake::{
		DividendCredit, SlashAmount, SlashDestination, SlashReason, StakeInfo, StakeSlash,
	};

	use crate::{currency::SYN, Staking, Subnets, System};

	state_of("development").execute_with(|| {
		System::set_block_number(1);
		let (alice, bob, charlie) =
			(Alice.to_account_id(), Bob.to_account_id(), Charlie.to_account_id());
		let hotkey = Dave.to_account_id();
		let signed = |who: &AccountId| RuntimeOrigin::signed(who.clone());

		// Stake needs a registered hotkey.
		assert_noop!(
			Staking::add_stake(signed(&bob), hotkey.clone(), 10 * SYN),
			pallet_synod_staking::Error::<Runtime>::HotkeyNotRegistered
		);
		assert_ok!(Subnets::create_subnet(signed(&alice)));
		assert_ok!(Subnets::register(signed(&alice), 1, hotkey.clone()));
		assert_ok!(Staking::add_stake(signed(&bob), hotkey.clone(), 10 * SYN));
		assert_ok!(Staking::add_stake(signed(&charlie), hotkey.clone(), 30 * SYN));
		assert_eq!(Staking::hotkey_stake(&hotkey), 40 * SYN);

		let issuance = Balances::total_issuance();
		let slashed = <Staking as StakeSlash<_, _>>::slash(
			&hotkey,
			SlashAmount::Fraction(sp_runtime::Perbill::from_percent(10)),
			SlashReason::WrongResult,
			SlashDestination::Burn,
		)
		.unwrap();
		assert_eq!(slashed, 4 * SYN);
		assert_eq!(Balances::total_issuance(), issuance - 4 * SYN);
		assert_eq!(Staking::stake(&bob, &hotkey), 9 * SYN);

		// 18% take to Alice (the hotkey's owner), the rest 1:3 to Bob and Charlie; shares
		// round down, by a unit or two.
		assert_ok!(Staking::credit_dividend(&hotkey, 100 * SYN));
		let about = |stake: crate::Balance, expected: crate::Balance| {
			stake <= expected && expected - stake <= 2
		};
		assert!(about(Staking::stake(&alice, &hotkey), 18 * SYN));
		assert!(about(Staking::stake(&bob, &hotkey), 9 * SYN + 82 * SYN / 4));
		assert!(about(Staking::stake(&charlie, &hotkey), 27 * SYN + 82 * SYN * 3 / 4));
		assert_eq!(Staking::hotkey_stake(&hotkey), 136 * SYN);
		assert_eq!(Balances::total_issuance(), issuance - 4 * SYN + 100 * SYN);

		#[cfg(feature = "try-runtime")]
		{
			use frame_support::traits::{TryState, TryStateSelect};
			<crate::AllPalletsWithSystem as TryState<crate::BlockNumber>>::try_state(
				1,
				TryStateSelect::All,
			)
			.expect("every pallet's invariants hold");
		}
	});
}

#[test]
fn a_dev_subnet_commits_reveals_and_pays_at_its_epoch() {
	use frame_support::{assert_ok, traits::OnInitialize};
	use sp_keyring::Sr25519Keyring::Eve;
	use synod_primitives::stake::StakeInfo;

	use crate::{currency::SYN, Staking, Subnets, System, Yuma};

	let run_to = |n: u32| {
		while System::block_number() < n {
			let next = System::block_number() + 1;
			System::set_block_number(next);
			<crate::AllPalletsWithSystem as OnInitialize<u32>>::on_initialize(next);
		}
	};
	state_of("development").execute_with(|| {
		System::set_block_number(1);
		let signed = |who: &AccountId| RuntimeOrigin::signed(who.clone());
		let (alice, bob, charlie) =
			(Alice.to_account_id(), Bob.to_account_id(), Charlie.to_account_id());
		assert_ok!(Subnets::create_subnet(signed(&alice)));
		// Validators: hotkeys Dave and Eve under Bob; miners: three hotkeys under Charlie.
		let validators = [Dave.to_account_id(), Eve.to_account_id()];
		let miners: Vec<AccountId> = (0..3u8).map(|i| AccountId::from([i + 1; 32])).collect();
		for hotkey in &validators {
			assert_ok!(Subnets::register(signed(&bob), 1, hotkey.clone()));
		}
		for hotkey in &miners {
			assert_ok!(Subnets::register(signed(&charlie), 1, hotkey.clone()));
		}
		assert_ok!(Staking::add_stake(signed(&bob), validators[0].clone(), 1_000 * SYN));
		assert_ok!(Staking::add_stake(signed(&bob), validators[1].clone(), 500 * SYN));
		// The dev tempo of 10 puts subnet 1's epochs at blocks 9, 20, 31, ...
		run_to(9);
		assert_eq!(pallet_yuma::EpochIndex::<Runtime>::get(1), 1);

		let (uids, values, salt) = (vec![2u16, 3, 4], vec![65535u16, 30000, 5000], vec![7u16]);
		for hotkey in &validators {
			let hash = Yuma::commit_hash(hotkey, 1, &uids, &values, &salt, 0);
			assert_ok!(Yuma::commit_weights(signed(hotkey), 1, hash));
		}
		run_to(20);
		for hotkey in &validators {
			assert_ok!(Yuma::reveal_weights(
				signed(hotkey),
				1,
				uids.clone().try_into().unwrap(),
				values.clone().try_into().unwrap(),
				salt.clone().try_into().unwrap(),
				0
			));
		}
		let charlie_before = Balances::free_balance(&charlie);
		let stake_before = Staking::hotkey_stake(&validators[0]);
		let issuance_before = Balances::total_issuance();
		let carried_before = pallet_yuma::PendingEmission::<Runtime>::get(1);
		run_to(31);
		let metagraph = Yuma::metagraph(1).unwrap();
		let incentive: Vec<u16> = metagraph.neurons.iter().map(|n| n.output.incentive).collect();
		assert!(incentive[2] > incentive[3] && incentive[3] > incentive[4] && incentive[4] > 0);
		let to_miners: u128 = metagraph.neurons.iter().map(|n| n.output.server_emission).sum();
		assert_eq!(Balances::free_balance(&charlie) - charlie_before, to_miners);
		assert!(Staking::hotkey_stake(&validators[0]) > stake_before);
		assert!(metagraph.neurons[0].output.dividends > metagraph.neurons[1].output.dividends);
		// Eleven blocks of 1 SYN: minted as paid, less the rounding that carries over (the
		// epoch's fixed point floors each share) and stays pending for the next epoch.
		let minted = Balances::total_issuance() - issuance_before;
		let carried = pallet_yuma::PendingEmission::<Runtime>::get(1);
		assert_eq!(minted + carried, carried_before + 11 * SYN);
		assert!(carried < 11 * SYN / 1_000_000, "carried {carried}");

		#[cfg(feature = "try-runtime")]
		{
			use frame_support::traits::{TryState, TryStateSelect};
			<crate::AllPalletsWithSystem as TryState<crate::BlockNumber>>::try_state(
				31,
				TryStateSelect::All,
			)
			.expect("every pallet's invariants hold");
		}
	});
}

/// The jobs pallet's commitments on the real runtime, against byte layouts computed apart
/// (Python's hashlib over the documented encoding): what an outside client must produce,
/// and what `synod-worker` checks its own commitments against.
#[test]
fn job_commitments_match_their_documented_layouts() {
	use pallet_jobs::{ColumnMoments, JobResult, RefusalReason};
	let account = AccountId::from([1u8; 32]);
	let (digest, salt) = (JobResult::Digest([2; 32]), [3u8; 32]);
	let hex = |hash: crate::Hash| format!("{hash:?}");
	assert_eq!(
		hex(crate::Jobs::result_commitment(7, &account, &digest, &salt)),
		"0x0bfdde919ffd6c8ab1e0b7e0c63bc9bdd19f1a4dbe47af52a802e177079d1513"
	);
	assert_eq!(
		hex(crate::Jobs::verification_commitment(7, &account, &digest, &salt)),
		"0xf54251e032e4661ce89e7d1c4e39ab41d048f7edcb07eba11eaaf51932504ee2"
	);
	let refusal = JobResult::Refused(RefusalReason::InputMismatch);
	assert_eq!(
		hex(crate::Jobs::result_commitment(7, &account, &refusal, &salt)),
		"0x66c82cc16a31a0c0eb0cb0f6b8694760274bf41e56ed48f839ada21fb95f9764"
	);
	let moments: pallet_jobs::MomentsOf =
		vec![ColumnMoments { count: 3, sum: -5, sum_of_squares: 25 }].try_into().unwrap();
	assert_eq!(
		hex(crate::Jobs::moments_commitment(7, &account, &moments, &salt)),
		"0x7f340d5c0309d8bfd36ec0cb492e2dcc34ece762fb62079d12fe6c139890ccec"
	);
	// A spot check's report: variant 0, a compact length and the hashes; `Unreachable` is 2.
	let reached = pallet_jobs::SpotCheck::Reached(vec![[2; 32], [4; 32]].try_into().unwrap());
	assert_eq!(
		hex(crate::Jobs::spot_check_commitment(7, &account, &reached, &salt)),
		"0x7d21c153994a2c52b0ab0bd8e5fd4986dd6d4b2cd4a150ad6c6aa9dab1c9f66d"
	);
	assert_eq!(
		hex(crate::Jobs::spot_check_commitment(
			7,
			&account,
			&pallet_jobs::SpotCheck::Unreachable,
			&salt
		)),
		"0xe41996cac0233d9e6ce6d501af21ef43a98a667b1bf1ea46819d765ff387dd4c"
	);
}

#[test]
fn colearn_draws_from_the_parent_vrf_output_once_there_is_one() {
	use crate::configs::colearn::ParentVrfOrFlip;
	use frame_support::traits::Randomness;
	use sp_runtime::traits::{BlakeTwo256, Hash as _};
	state_of("development").execute_with(|| {
		frame_system::Pallet::<Runtime>::set_block_number(5);
		// No VRF block yet: the flip's value, which is not the VRF-derived one below.
		let (fallback, _) = ParentVrfOrFlip::random(b"subject");
		pallet_babe::AuthorVrfRandomness::<Runtime>::put(Some([9u8; 32]));
		let (value, known_since) = ParentVrfOrFlip::random(b"subject");
		let expected = BlakeTwo256::hash(&[&b"subject"[..], &[9u8; 32]].concat());
		assert_eq!((value, known_since), (expected, 4), "the parent's output, known since it");
		assert_ne!(fallback, value);
		// Another output, another draw.
		pallet_babe::AuthorVrfRandomness::<Runtime>::put(Some([10u8; 32]));
		assert_ne!(ParentVrfOrFlip::random(b"subject").0, value);
	});
}
