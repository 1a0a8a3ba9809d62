//! The `yuma-sim` binary as a user runs it: JSON in, JSON out, clear errors on bad input.

use std::{
	io::Write,
	process::{Command, Stdio},
};

fn sim(input: &str) -> (bool, String, String) {
	let mut child = Command::new(env!("CARGO_BIN_EXE_yuma-sim"))
		.stdin(Stdio::piped())
		.stdout(Stdio::piped())
		.stderr(Stdio::piped())
		.spawn()
		.expect("yuma-sim starts");
	child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
	let out = child.wait_with_output().unwrap();
	(
		out.status.success(),
		String::from_utf8(out.stdout).unwrap(),
		String::from_utf8(out.stderr).unwrap(),
	)
}

/// The spec's V1: two servers, one epoch, Yuma 2.
fn v1(extra_weight: &str) -> String {
	format!(
		r#"{{"current_block":1,"tempo":10,"last_epoch_block":0,"activity_cutoff":138,
		"kappa":32767,"bonds_penalty":65535,"bonds_moving_average":900000,"yuma3":false,
		"liquid_alpha":false,"alpha_low":45875,"alpha_high":58982,"alpha_sigmoid_steepness":1000,
		"max_allowed_validators":64,"stake_threshold":0,"owner_uid":null,"emission":1000000000,
		"neurons":[
		{{"stake":1000000000,"last_update":1,"registered_at":0,"validator_permit":true,"weights":[[3,65535],[4,0]],"bonds":[]}},
		{{"stake":1000000000,"last_update":1,"registered_at":0,"validator_permit":true,"weights":[[3,0],[4,65535]],"bonds":[]}},
		{{"stake":1000000000,"last_update":1,"registered_at":0,"validator_permit":true,"weights":[[3,65535],[4,0]{extra_weight}],"bonds":[]}},
		{{"stake":0,"last_update":1,"registered_at":0,"validator_permit":false,"weights":[],"bonds":[]}},
		{{"stake":0,"last_update":1,"registered_at":0,"validator_permit":false,"weights":[],"bonds":[]}}
		]}}"#
	)
}

#[test]
fn reproduces_v1_as_json() {
	let (ok, stdout, stderr) = sim(&v1(""));
	assert!(ok, "{stderr}");
	let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
	let neurons = json["neurons"].as_array().unwrap();
	let field = |name: &str| neurons.iter().map(|n| n[name].as_u64().unwrap()).collect::<Vec<_>>();
	assert_eq!(field("consensus"), [0, 0, 0, 65535, 0]);
	assert_eq!(field("dividends"), [32767, 0, 32767, 0, 0]);
	assert_eq!(field("server_emission"), [0, 0, 0, 500_000_000, 0]);
	assert_eq!(field("validator_emission"), [250_000_000, 0, 250_000_000, 0, 0]);
	assert_eq!(neurons[0]["bonds"], serde_json::json!([[3, 65535]]));
	assert_eq!(neurons[1]["bonds"], serde_json::json!([]));
	assert_eq!(neurons[0]["validator_permit"], true);
}

#[test]
fn refuses_bad_input_with_a_clear_error() {
	let cases = [
		(v1(",[9,1]"), "names uid 9, out of range"),
		(v1(",[3,1]"), "names uid 3 twice"),
		(v1("").replace("\"tempo\":10", "\"tempo\":10,\"rho\":10"), "unknown field `rho`"),
		(v1("").replace("[[3,65535],[4,0]]", "[[3,65535,1],[4,0]]"), "invalid input"),
		(v1("").replace("\"owner_uid\":null", "\"owner_uid\":7"), "owner_uid 7 is out of range"),
		("not json".to_string(), "invalid input"),
	];
	for (input, expected) in cases {
		let (ok, stdout, stderr) = sim(&input);
		assert!(!ok, "accepted bad input, printed {stdout}");
		assert!(stderr.contains(expected), "expected {expected:?} in {stderr:?}");
		assert!(stdout.is_empty());
	}
}
