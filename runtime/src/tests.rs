//! Runtime-level tests: genesis presets and the governance origin, on the real runtime.

use frame_support::{genesis_builder_helper::build_state, traits::EnsureOrigin};
use sp_keyring::Sr25519Keyring::{self, Alice, Bob, Charlie, Dave};

use crate::{
	configs::{CouncilCollective, GovernanceOrigin},
	genesis_config_presets::{get_preset, preset_names, ENDOWMENT},
	AccountId, Balances, Runtime, RuntimeGenesisConfig, RuntimeOrigin,
};

/// Applies a JSON merge patch (RFC 7386), as the chain-spec builder does with a preset.
fn merge(base: &mut serde_json::Value, patch: serde_json::Value) {
	match (base, patch) {
		(serde_json::Value::Object(base), serde_json::Value::Object(patch)) => {
			for (key, value) in patch {
				merge(base.entry(key).or_insert(serde_json::Value::Null), value);
			}
		},
		(base, patch) => *base = patch,
	}
}

/// The genesis state of a preset: its patch over the default config, as a node builds it.
fn state_of(preset: &str) -> sp_io::TestExternalities {
	let patch = get_preset(&preset.into()).unwrap_or_else(|| panic!("no preset {preset}"));
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).unwrap();
	merge(&mut config, serde_json::from_slice(&patch).unwrap());
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
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 1);
		assert_eq!(pallet_grandpa::Pallet::<Runtime>::grandpa_authorities().len(), 1);
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(Alice.to_account_id()));
		let endowed = Sr25519Keyring::well_known().count() as u128;
		assert_eq!(pallet_balances::TotalIssuance::<Runtime>::get(), endowed * ENDOWMENT);
		assert_eq!(Balances::free_balance(Bob.to_account_id()), ENDOWMENT);
	});
}

#[test]
fn local_testnet_has_four_authorities_and_a_council_of_three() {
	state_of("local_testnet").execute_with(|| {
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 4);
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
