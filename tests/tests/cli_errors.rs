//! Bad input to the node gets a clear error and a non-zero exit, not a panic or a hang.

use std::{net::TcpListener, time::Duration};

use synod_e2e::*;

const QUICK: Duration = Duration::from_secs(120);

#[test]
fn an_unknown_chain_is_named_in_the_error() -> anyhow::Result<()> {
	let (ok, out) = run_node_command(&["export-chain-spec", "--chain", "moonbase"], QUICK)?;
	assert!(!ok, "an unknown chain was accepted:\n{out}");
	assert!(out.contains("unknown chain 'moonbase'"), "unclear error:\n{out}");
	assert!(!out.contains("panicked"), "the node panicked:\n{out}");
	Ok(())
}

#[test]
fn a_malformed_chain_spec_file_is_rejected() -> anyhow::Result<()> {
	let dir = tempfile::tempdir()?;
	let path = dir.path().join("broken.json");
	std::fs::write(&path, br#"{ "name": "Broken", "id": "broken", "genesis": { "raw": "#)?;
	let (ok, out) =
		run_node_command(&["export-chain-spec", "--chain", path.to_str().unwrap()], QUICK)?;
	assert!(!ok, "a malformed chain spec was accepted:\n{out}");
	assert!(out.contains("is not a valid chain spec"), "unclear error:\n{out}");
	assert!(out.contains("broken.json"), "the error does not name the file:\n{out}");
	Ok(())
}

/// Starts a dev node with one of its ports taken; it must exit with an error that names the
/// port, says it is in use and names the flag (`flag_hint`) that moves it.
fn refuses_a_taken_port(
	port_args: impl Fn(u16) -> Vec<String>,
	flag_hint: &str,
) -> anyhow::Result<()> {
	let taken = TcpListener::bind("127.0.0.1:0")?;
	let port = taken.local_addr()?.port();
	let dir = tempfile::tempdir()?;
	let mut args: Vec<String> =
		["--dev", "--base-path", dir.path().to_str().unwrap()].map(String::from).to_vec();
	args.extend(port_args(port));
	let args: Vec<&str> = args.iter().map(String::as_str).collect();
	let (ok, out) = run_node_command(&args, QUICK)?;
	assert!(!ok, "the node started although port {port} was taken:\n{out}");
	assert!(
		out.contains(&format!("port {port} on 127.0.0.1 is already in use"))
			&& out.contains(flag_hint),
		"unclear error:\n{out}"
	);
	Ok(())
}

#[test]
fn an_rpc_port_in_use_stops_the_node_with_a_clear_error() -> anyhow::Result<()> {
	refuses_a_taken_port(
		|port| {
			vec![
				"--rpc-port".into(),
				port.to_string(),
				"--port".into(),
				free_port().to_string(),
				"--no-prometheus".into(),
			]
		},
		"--rpc-port",
	)
}

#[test]
fn a_p2p_port_in_use_stops_the_node_with_a_clear_error() -> anyhow::Result<()> {
	refuses_a_taken_port(
		|port| {
			vec![
				"--listen-addr".into(),
				format!("/ip4/127.0.0.1/tcp/{port}"),
				"--rpc-port".into(),
				free_port().to_string(),
				"--no-prometheus".into(),
			]
		},
		"--listen-addr",
	)
}

#[test]
fn a_prometheus_port_in_use_stops_the_node_with_a_clear_error() -> anyhow::Result<()> {
	refuses_a_taken_port(
		|port| {
			vec![
				"--prometheus-port".into(),
				port.to_string(),
				"--rpc-port".into(),
				free_port().to_string(),
				"--port".into(),
				free_port().to_string(),
			]
		},
		"--prometheus-port",
	)
}

#[test]
fn a_bad_sealing_mode_is_refused_by_the_argument_parser() -> anyhow::Result<()> {
	let (ok, out) = run_node_command(&["--dev", "--sealing", "sometimes"], QUICK)?;
	assert!(!ok);
	assert!(out.contains("'sometimes' is not a sealing mode"), "unclear error:\n{out}");
	Ok(())
}

/// Sealing claims every slot for the chain's one BABE authority; on the four-authority local
/// chain, or without the authority's key, the blocks would be refused, so the node says why
/// instead of starting.
#[test]
fn sealing_a_chain_it_cannot_seal_is_refused() -> anyhow::Result<()> {
	let dir = tempfile::tempdir()?;
	let base = dir.path().join("local");
	let node_key = format!("{:064x}", 9);
	let common = |chain: &str, base: &std::path::Path| -> Vec<String> {
		[
			"--chain",
			chain,
			"--sealing",
			"manual",
			"--node-key",
			&node_key,
			"--base-path",
			base.to_str().unwrap(),
			"--rpc-port",
			&free_port().to_string(),
			"--port",
			&free_port().to_string(),
			"--no-prometheus",
		]
		.map(String::from)
		.to_vec()
	};
	let mut args = common("local", &base);
	args.push("--alice".into());
	let args: Vec<&str> = args.iter().map(String::as_str).collect();
	let (ok, out) = run_node_command(&args, QUICK)?;
	assert!(!ok, "sealing started on a four-authority chain:\n{out}");
	assert!(out.contains("exactly one BABE authority, this one has 4"), "unclear error:\n{out}");

	// The dev chain without `--dev` or `--alice`: nobody's key is in the keystore.
	let args = common("dev", &dir.path().join("dev"));
	let args: Vec<&str> = args.iter().map(String::as_str).collect();
	let (ok, out) = run_node_command(&args, QUICK)?;
	assert!(!ok, "sealing started without the authority's key:\n{out}");
	assert!(out.contains("needs the key of the chain's BABE authority"), "unclear error:\n{out}");
	assert!(!out.contains("panicked"), "the node panicked:\n{out}");
	Ok(())
}
