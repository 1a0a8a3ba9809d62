//! The whole network with real processes (issue 7): a `--dev` node, three validators and two
//! miners as `synod-worker` processes that register and stake themselves, and a requester
//! process that posts a digits training job, serves the training set, waits for the verified
//! result, fetches it and scores it on rows it held back.
//!
//! Every validator can be drawn as a miner (the chain draws among all staked neurons); with
//! three validators and two replicas at least one validator is always left to verify.

use std::time::Duration;

use anyhow::{anyhow, ensure, Result};
use serde_json::Value as Json;
use subxt::{dynamic::At, dynamic::Value, rpcs::rpc_params};
use subxt_signer::sr25519::dev;
use synod_e2e::*;

fn call(pallet: &str, name: &str, fields: Vec<(&str, Value)>) -> Value {
	Value::unnamed_variant(pallet, [Value::named_variant(name, fields)])
}

/// Waits until `netuid` lists `count` neurons, each with a validator permit.
async fn wait_for_permits(
	client: &subxt::rpcs::RpcClient,
	netuid: u16,
	count: usize,
) -> Result<Json> {
	let deadline = tokio::time::Instant::now() + Duration::from_secs(240);
	loop {
		let graph = metagraph(client, netuid).await?;
		let neurons = graph["neurons"].as_array().cloned().unwrap_or_default();
		if neurons.len() == count && neurons.iter().all(|n| n["output"]["validatorPermit"] == true)
		{
			return Ok(graph);
		}
		ensure!(tokio::time::Instant::now() < deadline, "permits never came: {graph}");
		tokio::time::sleep(Duration::from_secs(1)).await;
	}
}

#[tokio::test(flavor = "multi_thread")]
async fn workers_train_verify_and_settle_a_digits_job() -> Result<()> {
	let dir = tempfile::tempdir()?;
	let mut node = Node::start("dev", dir.path(), &["--dev"])?;
	let (client, api) = node.connect().await?;
	let url = node.ws_url();

	// Alice creates the subnet and funds the one coldkey that is not a dev account.
	let miner_cold = derived("//Synod//miner2-coldkey");
	let created = submit(
		&api,
		&dev::alice(),
		"Utility",
		"batch_all",
		vec![Value::unnamed_composite([
			call("Subnets", "create_subnet", vec![]),
			call(
				"Balances",
				"transfer_keep_alive",
				vec![("dest", address(&account(&miner_cold))), ("value", Value::u128(1_000 * SYN))],
			),
		])],
	)
	.await?;
	let netuid = created
		.fields("Subnets", "SubnetCreated")
		.and_then(|f| f.at("netuid"))
		.and_then(|v| v.as_u128())
		.ok_or_else(|| anyhow!("no SubnetCreated"))? as u16;
	let net = netuid.to_string();

	// Each worker registers and stakes its own hotkey with its coldkey.
	let neuron = |role: &'static str, hotkey: &str, coldkey: &str, stake: &str| -> Vec<String> {
		[role, "--netuid", &net, "--hotkey", hotkey, "--coldkey", coldkey, "--stake", stake]
			.iter()
			.map(|s| s.to_string())
			.collect()
	};
	let specs = [
		("validator-bob", neuron("validator", "//Bob//validator", "//Bob", "1000")),
		("validator-charlie", neuron("validator", "//Charlie//validator", "//Charlie", "800")),
		("validator-ferdie", neuron("validator", "//Ferdie//validator", "//Ferdie", "600")),
		("miner-dave", neuron("miner", "//Dave//miner", "//Dave", "100")),
		("miner-two", neuron("miner", "//Synod//miner2", "//Synod//miner2-coldkey", "100")),
	];
	let mut workers = Vec::new();
	for (name, args) in &specs {
		let args: Vec<&str> = args.iter().map(String::as_str).collect();
		workers.push(Worker::start(name, dir.path(), &url, &args)?);
	}
	for worker in &workers {
		worker.wait_for_log("running", Duration::from_secs(120)).await?;
	}
	wait_for_permits(&client, netuid, workers.len()).await?;

	// Eve posts a training job: an MLP on 80% of the digits, two replicas, 10 SYN.
	let mut requester = Worker::start(
		"requester-eve",
		dir.path(),
		&url,
		&[
			"requester",
			"post",
			"--hotkey",
			"//Eve",
			"--netuid",
			&net,
			"--replicas",
			"2",
			"--bounty",
			"10",
			"--step-blocks",
			"8",
			"--hyperparameters",
			r#"{"epochs":15,"hidden":[64]}"#,
		],
	)?;
	let out = requester.finish(Duration::from_secs(400)).await?;
	let summary: Json =
		serde_json::from_str(out.trim()).map_err(|e| anyhow!("requester printed {out:?}: {e}"))?;
	assert_eq!(summary["status"], "settled", "{summary}");
	assert_eq!(summary["byValidators"], true, "{summary}");
	assert_eq!(summary["penalties"], 0, "{summary}");
	let score = summary["score"].as_f64().ok_or_else(|| anyhow!("no score: {summary}"))?;
	assert!(score >= 0.9, "held-out accuracy {score}: {summary}");

	// The chain's record names the same result, and both drawn workers computed and revealed it.
	let job = summary["job"].as_u64().ok_or_else(|| anyhow!("no job id: {summary}"))?;
	let view = rpc(&client, "synod_job", rpc_params![job]).await?;
	let on_chain = view["outcome"]["resultHash"].as_str().unwrap_or_default();
	assert_eq!(on_chain.trim_start_matches("0x"), summary["resultHash"], "{view}");
	let revealed = workers.iter().filter(|w| w.log().contains("revealed")).count();
	assert_eq!(revealed, 2, "two replicas revealed");
	let verified = workers.iter().filter(|w| w.log().contains("committed a verification")).count();
	assert!(verified >= 1, "at least one validator verified");

	// Two jobs at once. Eve asks for inference with the model she just got, on her held-out
	// rows; Alice posts a longer training job, and the first worker that starts computing it is
	// killed (SIGKILL, as a crash) and restarted on the same data directory: it must finish
	// the job from its state file, and the job must settle as if nothing had happened.
	let model = summary["resultHash"].as_str().unwrap_or_default().to_string();
	let mut inference = Worker::start(
		"requester-eve",
		dir.path(),
		&url,
		&[
			"requester",
			"post",
			"--hotkey",
			"//Eve",
			"--netuid",
			&net,
			"--kind",
			"infer",
			"--model",
			&model,
			"--replicas",
			"2",
			"--bounty",
			"5",
			"--step-blocks",
			"8",
			"--hyperparameters",
			r#"{"epochs":15,"hidden":[64]}"#,
		],
	)?;
	let mut long_training = Worker::start(
		"requester-alice",
		dir.path(),
		&url,
		&[
			"requester",
			"post",
			"--hotkey",
			"//Alice",
			"--netuid",
			&net,
			"--replicas",
			"2",
			"--bounty",
			"10",
			"--step-blocks",
			"12",
			"--seed",
			"9",
			"--hyperparameters",
			r#"{"epochs":60,"hidden":[64]}"#,
		],
	)?;
	long_training.wait_for_log("posted", Duration::from_secs(120)).await?;
	let long_job = long_training
		.log()
		.lines()
		.find(|l| l.contains("posted"))
		.and_then(|l| l.split("job=").nth(1))
		.and_then(|rest| rest.split_whitespace().next())
		.map(str::to_string)
		.ok_or_else(|| anyhow!("no job id in {}", long_training.log_tail()))?;
	let computing = format!("computing job={long_job} ");
	let deadline = tokio::time::Instant::now() + Duration::from_secs(120);
	let victim = loop {
		if let Some(i) = workers.iter().position(|w| w.log().contains(&computing)) {
			break i;
		}
		ensure!(tokio::time::Instant::now() < deadline, "nobody started job {long_job}");
		tokio::time::sleep(Duration::from_millis(200)).await;
	};
	workers[victim].restart()?;

	let out = inference.finish(Duration::from_secs(400)).await?;
	let inferred: Json = serde_json::from_str(out.lines().last().unwrap_or_default())
		.map_err(|e| anyhow!("inference requester printed {out:?}: {e}"))?;
	assert_eq!(inferred["status"], "settled", "{inferred}");
	assert_eq!(inferred["byValidators"], true, "{inferred}");
	assert_eq!(inferred["rows"], 359, "the 20% of 1,797 digits held out: {inferred}");
	let accuracy = inferred["score"].as_f64().ok_or_else(|| anyhow!("no score: {inferred}"))?;
	assert!(
		(accuracy - score).abs() < 1e-9,
		"the predictions are the model's: {inferred} vs {summary}"
	);

	let out = long_training.finish(Duration::from_secs(400)).await?;
	let trained: Json = serde_json::from_str(out.trim())
		.map_err(|e| anyhow!("training requester printed {out:?}: {e}"))?;
	assert_eq!(trained["status"], "settled", "{trained}");
	assert_eq!(trained["penalties"], 0, "the restarted worker delivered: {trained}");
	let restarted = &workers[victim];
	let log = restarted.log();
	assert!(
		log.matches(&computing).count() >= 2,
		"{} computed again after the restart",
		restarted.name
	);
	assert!(
		log.contains(&format!("revealed job={long_job} ")),
		"{} revealed after its restart:\n{}",
		restarted.name,
		restarted.log_tail()
	);
	Ok(())
}
