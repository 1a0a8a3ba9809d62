//! The chains the node knows by name, and loading others from a file.

use sc_service::ChainType;
use synod_runtime::{currency, SS58_PREFIX, WASM_BINARY};

/// A chain spec of this runtime's genesis.
pub type ChainSpec = sc_service::GenericChainSpec;

/// What wallets read to show balances: `tokenSymbol`, `tokenDecimals`, `ss58Format`.
pub fn properties() -> sc_service::Properties {
	let mut p = sc_service::Properties::new();
	p.insert("tokenSymbol".into(), currency::TOKEN_SYMBOL.into());
	p.insert("tokenDecimals".into(), currency::TOKEN_DECIMALS.into());
	p.insert("ss58Format".into(), SS58_PREFIX.into());
	p
}

fn wasm() -> Result<&'static [u8], String> {
	WASM_BINARY.ok_or_else(|| {
		"this node was built without the runtime wasm (SKIP_WASM_BUILD was set); rebuild it without".into()
	})
}

fn from_preset(
	name: &str,
	id: &str,
	chain_type: ChainType,
	preset: &str,
) -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name(name)
		.with_id(id)
		.with_chain_type(chain_type)
		.with_genesis_config_preset_name(preset)
		.with_properties(properties())
		.build())
}

/// One validator, Alice, who also holds sudo.
pub fn development() -> Result<ChainSpec, String> {
	from_preset(
		"Synod Development",
		"dev",
		ChainType::Development,
		sp_genesis_builder::DEV_RUNTIME_PRESET,
	)
}

/// Four validators, Alice to Dave; Alice, Bob and Charlie form the council.
pub fn local_testnet() -> Result<ChainSpec, String> {
	from_preset(
		"Synod Local Testnet",
		"synod_local",
		ChainType::Local,
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET,
	)
}

/// The chain named by `--chain`: `dev`, `local`, or a path to a chain spec JSON file.
pub fn load(id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
	Ok(match id {
		"dev" => Box::new(development()?),
		"" | "local" => Box::new(local_testnet()?),
		path => {
			let file = std::path::PathBuf::from(path);
			if !file.is_file() {
				return Err(format!(
					"unknown chain '{path}': expected 'dev', 'local', or the path of a chain spec JSON file"
				));
			}
			Box::new(
				ChainSpec::from_json_file(file).map_err(|e| {
					format!("chain spec file '{path}' is not a valid chain spec: {e}")
				})?,
			)
		},
	})
}
