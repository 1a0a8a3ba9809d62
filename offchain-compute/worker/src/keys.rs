//! The worker's hotkey: a secret URI given on the command line or read from a keystore file.

use anyhow::{Context, Result};
use std::{path::Path, str::FromStr};
use subxt_signer::{sr25519::Keypair, SecretUri};

/// Reads `spec` as a secret URI (`//Alice//miner1`, a mnemonic with optional `//` paths), or,
/// if it names an existing file, as the secret URI that file holds (a keystore file, kept
/// out of shell history and process listings).
pub fn load(spec: &str) -> Result<Keypair> {
	let text = if Path::new(spec).is_file() {
		std::fs::read_to_string(spec).with_context(|| format!("reading key file {spec}"))?
	} else {
		spec.to_string()
	};
	let uri = SecretUri::from_str(text.trim())
		.map_err(|e| anyhow::anyhow!("not a secret URI or key file: {e}"))?;
	Keypair::from_uri(&uri).map_err(|e| anyhow::anyhow!("cannot derive a key from the URI: {e}"))
}
