//! Genesis presets: the initial state of the chains that the node can start.
//!
//! - `development`: Alice alone authors (BABE, one-minute epochs) and finalizes, and holds the sudo key; the twelve
//!   well-known dev accounts are endowed; subnets run an epoch every 11 blocks.
//! - `local_testnet`: Alice, Bob, Charlie and Dave are the BABE and GRANDPA authorities, with
//!   one-minute epochs; Alice, Bob and Charlie
//!   form the council; the same accounts are endowed, and Alice holds sudo.

use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_babe::AuthorityId as BabeId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

use pallet_synod_staking_runtime_api::StakingParameters;
use sp_runtime::Perbill;
use synod_primitives::subnet::{HyperparameterBounds, SubnetHyperparameters};

use crate::{
	configs::{GENESIS_EPOCH_CONFIG, MAX_UIDS},
	currency::SYN,
	AccountId, BabeConfig, BalancesConfig, ChainParamsConfig, CouncilMembershipConfig,
	GrandpaConfig, RuntimeGenesisConfig, StakingConfig, SubnetsConfig, SudoConfig, YumaConfig,
};
use pallet_yuma_runtime_api::EmissionParameters;

/// BABE epochs of a minute (20 slots) on the dev and local chains, so that randomness
/// rotates and epoch changes are exercised within a test; production specs set an hour.
pub const SHORT_EPOCH: u64 = crate::time::MINUTES as u64;

/// What each endowed dev account starts with: a million SYN.
pub const ENDOWMENT: crate::Balance = 1_000_000 * SYN;

/// What `create_subnet` locks from a subnet's owner.
pub const SUBNET_DEPOSIT: crate::Balance = 100 * SYN;
/// The registration cost's floor and ceiling for new subnets.
pub const MIN_REGISTRATION_COST: crate::Balance = SYN;
pub const MAX_REGISTRATION_COST: crate::Balance = 100 * SYN;

/// What each block releases before the first halving: one SYN, as subtensor's one TAO.
pub const BLOCK_EMISSION: crate::Balance = SYN;
/// The most the emission schedule ever releases: 21 million SYN.
pub const SUPPLY_CAP: crate::Balance = 21_000_000 * SYN;

/// Subtensor's hyperparameters for new subnets, with registration between 1 and 100 SYN.
fn subnet_defaults() -> SubnetHyperparameters<u128> {
	SubnetHyperparameters::with_burn(MIN_REGISTRATION_COST, MAX_REGISTRATION_COST)
}

/// The development chain's subnets run an epoch every 11 blocks (33 s), as subtensor's
/// fast-blocks build does with tempo 10, and may update weights every other block.
fn dev_subnet_defaults() -> SubnetHyperparameters<u128> {
	let mut defaults = subnet_defaults();
	defaults.tempo = 10;
	defaults.weights_rate_limit = 2;
	defaults
}

/// Subtensor's schedule and owner cut, no stake threshold.
fn emission() -> EmissionParameters<u128> {
	EmissionParameters {
		initial_block_emission: BLOCK_EMISSION,
		supply_cap: SUPPLY_CAP,
		owner_cut: Perbill::from_rational(11_796u32, 65_535u32),
		stake_threshold: 0,
	}
}

/// What owners may set: registration from 0.1 to 10 000 SYN, up to [`MAX_UIDS`] uids, any
/// minimum stake up to a million SYN.
fn subnet_bounds() -> HyperparameterBounds<u128> {
	let mut bounds = HyperparameterBounds::permissive(SYN / 10, 10_000 * SYN, 1_000_000 * SYN);
	bounds.max_uids.max = MAX_UIDS;
	bounds.max_validators.max = MAX_UIDS;
	bounds
}

/// Staking: no minimum beyond a thousandth of a SYN, subtensor's 18% take as default and
/// ceiling, raised at most once a day, and the given unbonding period.
fn staking(unbonding_period: crate::BlockNumber) -> StakingParameters<u128, u32> {
	StakingParameters {
		unbonding_period,
		min_stake: crate::currency::MILLI_SYN,
		max_take: Perbill::from_percent(18),
		default_take: Perbill::from_percent(18),
		take_raise_cooldown: crate::time::DAYS,
	}
}

/// Builds a genesis state from its parts.
fn genesis(
	authorities: &[Sr25519Keyring],
	endowed: Vec<AccountId>,
	sudo: AccountId,
	council: Vec<AccountId>,
	unbonding_period: crate::BlockNumber,
	subnet_defaults: SubnetHyperparameters<u128>,
	epoch_duration: u64,
) -> Value {
	let babe: Vec<(BabeId, u64)> = authorities.iter().map(|k| (k.public().into(), 1)).collect();
	// GRANDPA keys are ed25519; `--alice` and friends put both kinds into the keystore.
	let grandpa: Vec<(GrandpaId, u64)> = authorities.iter().map(|k| (ed25519_of(*k), 1)).collect();
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed.into_iter().map(|account| (account, ENDOWMENT)).collect(),
		},
		babe: BabeConfig { authorities: babe, epoch_config: GENESIS_EPOCH_CONFIG },
		chain_params: ChainParamsConfig { epoch_duration },
		grandpa: GrandpaConfig { authorities: grandpa },
		sudo: SudoConfig { key: Some(sudo) },
		council_membership: CouncilMembershipConfig {
			members: council.try_into().expect("the council fits its bound"),
		},
		subnets: SubnetsConfig {
			subnet_deposit: SUBNET_DEPOSIT,
			default_hyperparameters: Some(subnet_defaults),
			bounds: Some(subnet_bounds()),
		},
		staking: StakingConfig { parameters: staking(unbonding_period) },
		yuma: YumaConfig { parameters: Some(emission()) },
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
		// Ten blocks (30 s), so that unbonding can be tried out in a minute.
		10,
		dev_subnet_defaults(),
		SHORT_EPOCH,
	)
}

fn local_testnet() -> Value {
	use Sr25519Keyring::{Alice, Bob, Charlie, Dave};
	genesis(
		&[Alice, Bob, Charlie, Dave],
		dev_accounts(),
		Alice.to_account_id(),
		vec![Alice.to_account_id(), Bob.to_account_id(), Charlie.to_account_id()],
		crate::time::DAYS,
		subnet_defaults(),
		SHORT_EPOCH,
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

/// The whole genesis config of preset `id` as JSON: its patch merged (RFC 7386) over the
/// default config, as the chain-spec builder does. For tests and tools; not in the wasm.
#[cfg(feature = "std")]
pub fn config_of(id: &PresetId) -> Option<Value> {
	let patch: Value = serde_json::from_slice(&get_preset(id)?).ok()?;
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).ok()?;
	merge(&mut config, patch);
	Some(config)
}

#[cfg(feature = "std")]
fn merge(base: &mut Value, patch: Value) {
	match (base, patch) {
		(Value::Object(base), Value::Object(patch)) => {
			for (key, value) in patch {
				merge(base.entry(key).or_insert(Value::Null), value);
			}
		},
		(base, patch) => *base = patch,
	}
}
