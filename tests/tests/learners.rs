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

#[tokio::test(flavor = "multi_thread")]
async fn three_learners_improve_a_shared_model_without_sharing_data() -> Result<()> {
	let dir = tempfile::tempdir()?;
	let mut node = Node::start("dev", dir.path(), &["--dev", "--sealing", "1000"])?;
	let (client, _api) = node.connect().await?;
	let url = node.ws_url();

	// Learners stake through a subnet's registration; this subnet posts no jobs.
	let net = learners_subnet(dir.path(), &url).await?;
	let learner = |name: &str, index: usize, extra: &[&str]| {
		start_learner(dir.path(), &url, &net, (name, index), 6, extra)
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

	let parent_score = check_lineage_improves(dir.path(), &entries)?;
	for child in &entries[1..] {
		// The experiment has no privacy budget: nothing declared, nothing spent.
		assert_eq!(
			(&child["privacy"], &child["epsilonAfter"]),
			(&Json::Null, &Json::from(0)),
			"{child}"
		);
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
