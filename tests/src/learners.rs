//! Collective learning with real learner processes: a subnet to stake them through, learners
//! holding a third of the digits each, and the common test split they never see.

use std::{path::Path, time::Duration};

use anyhow::{anyhow, ensure, Result};
use serde_json::Value as Json;

use crate::{worker_binary, Worker};

/// Creates a subnet (Alice's) for learners to register and stake through; returns its id.
pub async fn learners_subnet(dir: &Path, url: &str) -> Result<String> {
	let mut owner =
		Worker::start("owner-alice", dir, url, &["create-subnet", "--hotkey", "//Alice"])?;
	let out = owner.finish(Duration::from_secs(120)).await?;
	let created: Json = serde_json::from_str(out.trim())
		.map_err(|e| anyhow!("create-subnet printed {out:?}: {e}"))?;
	Ok(created["netuid"].as_u64().ok_or_else(|| anyhow!("no netuid: {created}"))?.to_string())
}

/// Starts `//{name}`'s learner (hotkey `//{name}//learner`, 100 SYN staked on subnet `net`)
/// on shard `index` of 3 with rounds of `window` blocks, and `extra` arguments; its data
/// folder is `learner-{name}` in lower case.
pub fn start_learner(
	dir: &Path,
	url: &str,
	net: &str,
	(name, index): (&str, usize),
	window: u32,
	extra: &[&str],
) -> Result<Worker> {
	let (hotkey, coldkey) = (format!("//{name}//learner"), format!("//{name}"));
	let (shard, window) = (format!("{index}/3"), window.to_string());
	let mut args = vec![
		"learner",
		"--netuid",
		net,
		"--hotkey",
		&hotkey,
		"--coldkey",
		&coldkey,
		"--stake",
		"100",
		"--shard",
		&shard,
		"--window",
		&window,
	];
	args.extend(extra);
	Worker::start(&format!("learner-{}", name.to_lowercase()), dir, url, &args)
}

/// The score of model `hash` (served at `uri`) on the digits' common test split, the 20% of
/// 1,797 digits no learner holds, by `synod-worker evaluate`.
pub fn test_score(dir: &Path, hash: &str, uri: &str) -> Result<f64> {
	let out = std::process::Command::new(worker_binary())
		.arg("--allow-private-addresses")
		.args(["--data-dir", &dir.join("evaluator").display().to_string()])
		.args(["evaluate", "--model", hash, "--uri", uri])
		.output()?;
	ensure!(out.status.success(), "evaluate {hash}: {}", String::from_utf8_lossy(&out.stderr));
	let report: Json = serde_json::from_slice(&out.stdout)?;
	ensure!(report["rows"] == 359, "not the common test split: {report}");
	report["score"].as_f64().ok_or_else(|| anyhow!("no score in {report}"))
}

/// Checks `entries` (a lineage, oldest first) as accepted rounds must be: each the child of
/// the one before, approved by some voter other than its proposer, and no worse than its
/// parent on the common test split. Returns the last model's score.
pub fn check_lineage_improves(dir: &Path, entries: &[Json]) -> Result<f64> {
	let score_of = |entry: &Json| {
		test_score(
			dir,
			entry["hash"].as_str().unwrap_or_default(),
			entry["uri"].as_str().unwrap_or_default(),
		)
	};
	let first = entries.first().ok_or_else(|| anyhow!("an empty lineage"))?;
	let mut parent_score = score_of(first)?;
	for pair in entries.windows(2) {
		let (parent, child) = (&pair[0], &pair[1]);
		ensure!(child["parent"] == parent["hash"], "not the head's child: {child}");
		let votes = child["votes"].as_array().cloned().unwrap_or_default();
		ensure!(votes.iter().any(|v| v["approve"] == true), "accepted without approval: {child}");
		ensure!(
			!votes.iter().any(|v| v["learner"] == child["proposer"]),
			"the proposer voted: {child}"
		);
		let score = score_of(child)?;
		ensure!(
			score >= parent_score,
			"round {} made the head worse on the test split: {parent_score} -> {score}",
			child["round"]
		);
		parent_score = score;
	}
	Ok(parent_score)
}
