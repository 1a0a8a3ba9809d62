//! Collective learning with real processes (issue 7): a `--dev` node sealing a block a second,
//! and three `synod-worker learner` processes, each holding a third of the digits outside the
//! common test split. Bob's learner opens the experiment with a weak initial model (one epoch
//! on its own rows) and serves it; Charlie's and Dave's join. The chain draws a proposer each
//! round, who trains from the head on its private rows; the others score the proposal on their
//! private validation rows and vote by commit and reveal.
//!
//! The test waits for two accepted rounds, then scores every model of the lineage on the common
//! test split with `synod-worker evaluate`, fetching each from the learner that serves it: no
//! accepted round may make the head worse, and the votes, the proposer's epsilon and the
//! payouts must be on chain.

use std::time::Duration;

use anyhow::{anyhow, ensure, Result};
use serde_json::Value as Json;
use subxt::rpcs::rpc_params;
use synod_e2e::*;

/// The score of model `hash` (served at `uri`) on the digits' common test split.
fn test_score(dir: &std::path::Path, hash: &str, uri: &str) -> Result<f64> {
	let out = std::process::Command::new(worker_binary())
		.arg("--allow-private-addresses")
		.args(["--data-dir", &dir.join("evaluator").display().to_string()])
		.args(["evaluate", "--model", hash, "--uri", uri])
		.output()?;
	ensure!(out.status.success(), "evaluate {hash}: {}", String::from_utf8_lossy(&out.stderr));
	let report: Json = serde_json::from_slice(&out.stdout)?;
	assert_eq!(report["rows"], 359, "the 20% of 1,797 digits no learner holds: {report}");
	report["score"].as_f64().ok_or_else(|| anyhow!("no score in {report}"))
}

#[tokio::test(flavor = "multi_thread")]
async fn three_learners_improve_a_shared_model_without_sharing_data() -> Result<()> {
	let dir = tempfile::tempdir()?;
	let mut node = Node::start("dev", dir.path(), &["--dev", "--sealing", "1000"])?;
	let (client, _api) = node.connect().await?;
	let url = node.ws_url();

	// Learners stake through a subnet's registration; this subnet posts no jobs.
	let mut owner =
		Worker::start("owner-alice", dir.path(), &url, &["create-subnet", "--hotkey", "//Alice"])?;
	let out = owner.finish(Duration::from_secs(120)).await?;
	let created: Json = serde_json::from_str(out.trim())
		.map_err(|e| anyhow!("create-subnet printed {out:?}: {e}"))?;
	let net =
		created["netuid"].as_u64().ok_or_else(|| anyhow!("no netuid: {created}"))?.to_string();

	let learner = |name: &str, index: usize, extra: &[&str]| -> Result<Worker> {
		let (hotkey, coldkey) = (format!("//{name}//learner"), format!("//{name}"));
		let shard = format!("{index}/3");
		let mut args = vec![
			"learner",
			"--netuid",
			&net,
			"--hotkey",
			&hotkey,
			"--coldkey",
			&coldkey,
			"--stake",
			"100",
			"--shard",
			&shard,
			"--window",
			"6",
		];
		args.extend(extra);
		Worker::start(&format!("learner-{}", name.to_lowercase()), dir.path(), &url, &args)
	};
	// An accepted round must show a median gain of 1% on the voters' validation rows.
	let creator = learner(
		"Bob",
		0,
		&["--create", "--fund", "150", "--pool", "100", "--min-improvement", "10000"],
	)?;
	creator.wait_for_log("created the experiment", Duration::from_secs(180)).await?;
	let learners = [creator, learner("Charlie", 1, &[])?, learner("Dave", 2, &[])?];
	for learner in &learners {
		learner.wait_for_log("learner running", Duration::from_secs(120)).await?;
	}

	// Rounds run until two are accepted.
	let deadline = tokio::time::Instant::now() + Duration::from_secs(400);
	let lineage = loop {
		let lineage = rpc(&client, "synod_lineage", rpc_params![0]).await?;
		if lineage.as_array().is_some_and(|entries| entries.len() >= 3) {
			break lineage;
		}
		if tokio::time::Instant::now() >= deadline {
			let view = rpc(&client, "synod_experiment", rpc_params![0]).await?;
			let logs: Vec<String> = learners.iter().map(|l| l.log_tail()).collect();
			return Err(anyhow!("fewer than two accepted rounds: {view}\n{}", logs.join("\n")));
		}
		tokio::time::sleep(Duration::from_secs(2)).await;
	};
	let entries = lineage.as_array().cloned().unwrap_or_default();
	let view = rpc(&client, "synod_experiment", rpc_params![0]).await?;
	assert_eq!(view["learners"].as_array().map(Vec::len), Some(3), "{view}");

	let mut parent_score = test_score(
		dir.path(),
		entries[0]["hash"].as_str().unwrap_or_default(),
		entries[0]["uri"].as_str().unwrap_or_default(),
	)?;
	for pair in entries.windows(2) {
		let (parent, child) = (&pair[0], &pair[1]);
		assert_eq!(child["parent"], parent["hash"], "{lineage}");
		let votes = child["votes"].as_array().cloned().unwrap_or_default();
		assert!(votes.iter().any(|v| v["approve"] == true), "accepted without approval: {child}");
		assert!(
			!votes.iter().any(|v| v["learner"] == child["proposer"]),
			"the proposer voted: {child}"
		);
		// The experiment has no privacy budget: nothing declared, nothing spent.
		assert_eq!(
			(&child["privacy"], &child["epsilonAfter"]),
			(&Json::Null, &Json::from(0)),
			"{child}"
		);
		let score = test_score(
			dir.path(),
			child["hash"].as_str().unwrap_or_default(),
			child["uri"].as_str().unwrap_or_default(),
		)?;
		assert!(
			score >= parent_score,
			"round {} made the head worse on the test split: {parent_score} -> {score}",
			child["round"]
		);
		parent_score = score;
	}
	let first = &entries[1];
	assert!(parent_score > 0.5, "the head after an accepted round scores {parent_score}");

	// The proposer logged its proposal, and the voters revealed what they committed to.
	let proposer = first["proposer"].as_str().unwrap_or_default();
	let learner = view["learners"]
		.as_array()
		.and_then(|all| all.iter().find(|l| l["hotkey"] == proposer))
		.ok_or_else(|| anyhow!("proposer {proposer} is not a learner: {view}"))?;
	assert_eq!(learner["epsilonRemaining"], Json::Null, "no budget: {view}");
	let round = first["round"].as_u64().unwrap_or_default();
	let proposed = format!("proposed experiment=0 round={round} ");
	ensure!(learners.iter().any(|l| l.log().contains(&proposed)), "no learner logged {proposed:?}");
	let revealed = format!("revealed a vote experiment=0 round={round} ");
	let voters = learners.iter().filter(|l| l.log().contains(&revealed)).count();
	assert_eq!(voters, first["votes"].as_array().map(Vec::len).unwrap_or_default(), "{first}");
	assert!(voters >= 1, "{first}");
	Ok(())
}
