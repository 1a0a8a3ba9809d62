//! The committed raw `local` chain spec must still be what the node builds from the runtime's
//! `local_testnet` preset: the same genesis storage, and a runtime of the same version.
//!
//! The runtime's code itself is compared by its declared version rather than byte for byte:
//! the wasm embeds the paths it was built from, so two clones of one commit differ there. A
//! change of runtime logic must bump `spec_version` (as on any live chain), and then this test
//! asks for the spec to be regenerated.

use std::{collections::BTreeSet, time::Duration};

use synod_e2e::{local_chain_spec, run_node_command, wasm::runtime_identity};

const CODE_KEY: &str = "0x3a636f6465";

#[test]
fn committed_local_spec_matches_the_runtime_preset() -> anyhow::Result<()> {
	let (ok, fresh) = run_node_command(
		&["export-chain-spec", "--chain", "local", "--raw"],
		Duration::from_secs(120),
	)?;
	assert!(ok, "export-chain-spec failed:\n{fresh}");
	let fresh: serde_json::Value = serde_json::from_str(&fresh)?;
	let committed: serde_json::Value =
		serde_json::from_str(&std::fs::read_to_string(local_chain_spec())?)?;

	let mut stale = Vec::new();
	for key in
		["name", "id", "chainType", "properties", "bootNodes", "codeSubstitutes", "protocolId"]
	{
		if fresh[key] != committed[key] {
			stale.push(format!(
				"{key}: committed {} but the node builds {}",
				committed[key], fresh[key]
			));
		}
	}
	let (now, then) = (&fresh["genesis"]["raw"]["top"], &committed["genesis"]["raw"]["top"]);
	let keys: BTreeSet<&String> =
		now.as_object().into_iter().chain(then.as_object()).flat_map(|m| m.keys()).collect();
	for key in keys.into_iter().filter(|k| *k != CODE_KEY) {
		if now[key.as_str()] != then[key.as_str()] {
			stale.push(format!("genesis storage {key}"));
		}
	}
	let code = |spec: &serde_json::Value| {
		spec["genesis"]["raw"]["top"][CODE_KEY].as_str().map(str::to_owned)
	};
	let (now_code, then_code) = (code(&fresh).expect(":code in fresh spec"), code(&committed));
	match then_code {
		None => stale.push("no runtime code (:code)".into()),
		Some(then_code) => {
			if runtime_identity(&now_code)? != runtime_identity(&then_code)? {
				stale.push("the runtime's version or API list (:code)".into());
			}
		},
	}
	assert!(
		stale.is_empty(),
		"chain-spec/local.json is stale; regenerate it with `scripts/chain-spec.sh` and commit it.\n  {}",
		stale.join("\n  ")
	);
	Ok(())
}

#[test]
fn runtime_identity_reads_the_version_section() -> anyhow::Result<()> {
	let spec: serde_json::Value =
		serde_json::from_str(&std::fs::read_to_string(local_chain_spec())?)?;
	let code = spec["genesis"]["raw"]["top"][CODE_KEY].as_str().expect(":code");
	let (version, apis) = runtime_identity(code)?;
	// SCALE: a compact-length-prefixed spec_name comes first.
	assert_eq!(&version[..6], b"\x14synod", "spec_name should be 'synod'");
	assert!(!apis.is_empty());
	Ok(())
}
