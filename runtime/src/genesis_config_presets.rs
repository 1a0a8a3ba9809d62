//! Genesis presets: the initial state of the chains that the node can start.
//!
//! - `development`: Alice alone authors and finalizes, and holds the sudo key; the twelve
//!   well-known dev accounts are endowed.
//! - `local_testnet`: Alice, Bob, Charlie and Dave are the authorities; Alice, Bob and Charlie
//!   form the council; the same accounts are endowed, and Alice holds sudo.

use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

use crate::{
	currency::SYN, AccountId, AuraConfig, BalancesConfig, CouncilMembershipConfig, GrandpaConfig,
	RuntimeGenesisConfig, SudoConfig,
};

/// What each endowed dev account starts with: a million SYN.
pub const ENDOWMENT: crate::Balance = 1_000_000 * SYN;

/// Builds a genesis state from its parts.
fn genesis(
	authorities: &[Sr25519Keyring],
	endowed: Vec<AccountId>,
	sudo: AccountId,
	council: Vec<AccountId>,
) -> Value {
	let aura: Vec<AuraId> = authorities.iter().map(|k| k.public().into()).collect();
	// GRANDPA keys are ed25519; `--alice` and friends put both kinds into the keystore.
	let grandpa: Vec<(GrandpaId, u64)> = authorities.iter().map(|k| (ed25519_of(*k), 1)).collect();
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed.into_iter().map(|account| (account, ENDOWMENT)).collect(),
		},
		aura: AuraConfig { authorities: aura },
		grandpa: GrandpaConfig { authorities: grandpa },
		sudo: SudoConfig { key: Some(sudo) },
		council_membership: CouncilMembershipConfig {
			members: council.try_into().expect("the council fits its bound"),
		},
	})
}

/// The ed25519 key derived from the same dev seed as an sr25519 keyring entry.
fn ed25519_of(key: Sr25519Keyring) -> GrandpaId {
	let ed = match key {
		Sr25519Keyring::Alice => Ed25519Keyring::Alice,
		Sr25519Keyring::Bob => Ed25519Keyring::Bob,
		Sr25519Keyring::Charlie => Ed25519Keyring::Charlie,
		Sr25519Keyring::Dave => Ed25519Keyring::Dave,
		Sr25519Keyring::Eve => Ed25519Keyring::Eve,
		Sr25519Keyring::Ferdie => Ed25519Keyring::Ferdie,
		other => panic!("no ed25519 dev key for {other:?}"),
	};
	ed.public().into()
}

/// The twelve well-known dev accounts (Alice … Ferdie and their `//stash` accounts).
fn dev_accounts() -> Vec<AccountId> {
	Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect()
}

fn development() -> Value {
	genesis(
		&[Sr25519Keyring::Alice],
		dev_accounts(),
		Sr25519Keyring::Alice.to_account_id(),
		vec![Sr25519Keyring::Alice.to_account_id()],
	)
}

fn local_testnet() -> Value {
	use Sr25519Keyring::{Alice, Bob, Charlie, Dave};
	genesis(
		&[Alice, Bob, Charlie, Dave],
		dev_accounts(),
		Alice.to_account_id(),
		vec![Alice.to_account_id(), Bob.to_account_id(), Charlie.to_account_id()],
	)
}

/// The JSON of the preset called `id`, if there is one.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_testnet(),
		_ => return None,
	};
	Some(serde_json::to_string(&patch).expect("serialising a JSON value cannot fail").into_bytes())
}

/// The names of the presets, for `chain-spec-builder list-presets` and the node.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
	]
}
