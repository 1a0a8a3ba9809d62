//! Collective learning under a privacy budget, with real processes (issue 18): a `--dev` node
//! sealing a block a second and three `synod-worker learner` processes, each with a third of
//! the digits outside the common test split, all training with DP-SGD (`--dp-sgd`). Bob's
//! learner opens the experiment with a budget that admits exactly two proposals per coldkey.
//!
//! The test waits until every learner has proposed twice and then been stopped by its budget
//! (it logs that the next proposal would pass it), then checks that the epsilon the chain
//! recorded for each coldkey, and each lineage entry's, is what the reference accountant
//! gives for the declared training, and that no accepted round made the head worse on the
//! common test split.

use std::time::Duration;

use anyhow::{anyhow, ensure, Result};
use serde_json::Value as Json;
use subxt::rpcs::rpc_params;
use synod_e2e::*;

/// The DP-SGD every learner declares: sampling rate 0.05, noise multiplier 1.0, clipping
/// norm 1.0, 30 steps.
const DP_SGD: &str = r#"{"sample_rate_ppb":50000000,"noise_multiplier_milli":1000,"clip_norm_milli":1000,"steps":30}"#;
const DELTA: u64 = 10_000_000_000_000;

/// The reference accountant's epsilon for `proposals` proposals of [`DP_SGD`], in
/// millionths rounded up, as the chain records it.
fn reference(proposals: u32) -> u64 {
	synod_privacy::epsilon_micros_of(50_000_000, 1_000, 30 * proposals, DELTA)
		.expect("valid parameters")
}

#[tokio::test(flavor = "multi_thread")]
async fn learners_train_privately_until_their_budgets_stop_them() -> Result<()> {
	let budget = reference(2);
	ensure!(reference(3) > budget && reference(1) < budget, "the budget admits two proposals");
	let dir = tempfile::tempdir()?;
	let mut node = Node::start("dev", dir.path(), &["--dev", "--sealing", "1000"])?;
	let (client, _api) = node.connect().await?;
	let url = node.ws_url();

	let net = learners_subnet(dir.path(), &url).await?;
	let learner = |name: &str, index: usize, extra: &[&str]| {
		let mut args = vec!["--dp-sgd", DP_SGD];
		args.extend(extra);
		start_learner(dir.path(), &url, &net, (name, index), 8, &args)
	};
	let budget_flag = budget.to_string();
	let delta_flag = DELTA.to_string();
	let creator = learner(
		"Bob",
		0,
		&[
			"--create",
			"--fund",
			"150",
			"--pool",
			"100",
			"--min-improvement",
			"10000",
			"--epsilon-budget",
			&budget_flag,
			"--delta",
			&delta_flag,
		],
	)?;
	creator.wait_for_log("created the experiment", Duration::from_secs(180)).await?;
	let learners = [creator, learner("Charlie", 1, &[])?, learner("Dave", 2, &[])?];
	for learner in &learners {
		learner.wait_for_log("learner running", Duration::from_secs(120)).await?;
	}

	// Until every learner has been stopped by its budget.
	let stopped = "past the budget";
	let deadline = tokio::time::Instant::now() + Duration::from_secs(600);
	while !learners.iter().all(|l| l.log().contains(stopped)) {
		if tokio::time::Instant::now() >= deadline {
			let view = rpc(&client, "synod_experiment", rpc_params![0]).await?;
			let logs: Vec<String> = learners.iter().map(|l| l.log_tail()).collect();
			return Err(anyhow!("not every budget ran out: {view}\n{}", logs.join("\n")));
		}
		tokio::time::sleep(Duration::from_secs(2)).await;
	}

	// Each coldkey spent exactly two proposals' worth, as the reference accountant says.
	let view = rpc(&client, "synod_experiment", rpc_params![0]).await?;
	let members = view["learners"].as_array().cloned().unwrap_or_default();
	assert_eq!(members.len(), 3, "{view}");
	for member in &members {
		assert_eq!(member["epsilonSpent"], budget, "{view}");
		assert_eq!(member["epsilonRemaining"], 0, "{view}");
	}

	// Every proposal declared the training; accepted ones record the coldkey's epsilon
	// after one or two proposals, and none made the head worse on the test split.
	let lineage = rpc(&client, "synod_lineage", rpc_params![0]).await?;
	let entries = lineage.as_array().cloned().unwrap_or_default();
	ensure!(entries.len() >= 2, "no round was accepted: {lineage}");
	for child in &entries[1..] {
		assert_eq!(child["privacy"]["steps"], 30, "{child}");
		assert_eq!(child["privacy"]["noiseMultiplierMilli"], 1_000, "{child}");
		let after = child["epsilonAfter"].as_u64().unwrap_or_default();
		assert!(after == reference(1) || after == reference(2), "{child}");
	}
	check_lineage_improves(dir.path(), &entries)?;
	// Each learner's secret stays in its data folder, readable by its user alone.
	for name in ["bob", "charlie", "dave"] {
		let path = dir.path().join(format!("learner-{name}")).join("learner-dp-secret");
		let mode =
			std::os::unix::fs::PermissionsExt::mode(&std::fs::metadata(&path)?.permissions());
		assert_eq!((mode & 0o777, std::fs::read(&path)?.len()), (0o600, 32), "{path:?}");
	}
	Ok(())
}
