//! The whole network with real processes (issue 7): a `--dev` node, three validators and two
//! miners as `synod-worker` processes that register and stake themselves, and a requester
//! process that posts a digits training job, serves the training set, waits for the verified
//! result, fetches it and scores it on rows it held back. Then, at once: an inference job with
//! that model; a longer training job during which the first worker to start it is killed and
//! restarted; and a federated statistics job over shards of the digits that each worker holds
//! privately. Last, the validators' weights, built from the jobs they verified, must give the
//! workers that delivered the incentive of an epoch.
//!
//! Then a miner started with `--faulty` joins, a job is posted for three replicas, and it is
//! slashed for revealing a result the validators did not reproduce.
//!
//! The subnet gives validator permits to its three most staked neurons, the validators; the
//! chain draws miners among the neurons without a permit while there are enough of them, so
//! the validators are always free to verify and the draws are the miners'.

use std::time::Duration;

use anyhow::{anyhow, ensure, Result};
use serde_json::Value as Json;
use subxt::{dynamic::Value, rpcs::rpc_params};
use subxt_signer::sr25519::dev;
use synod_e2e::*;

fn call(pallet: &str, name: &str, fields: Vec<(&str, Value)>) -> Value {
	Value::unnamed_variant(pallet, [Value::named_variant(name, fields)])
}

/// Waits until `netuid` lists `count` neurons and exactly `holders` (SS58 hotkeys) hold
/// validator permits.
async fn wait_for_permits(
	client: &subxt::rpcs::RpcClient,
	netuid: u16,
	count: usize,
	holders: &[String],
) -> Result<Json> {
	let deadline = tokio::time::Instant::now() + Duration::from_secs(240);
	loop {
		let graph = metagraph(client, netuid).await?;
		let neurons = graph["neurons"].as_array().cloned().unwrap_or_default();
		let permitted: Vec<&str> = neurons
			.iter()
			.filter(|n| n["output"]["validatorPermit"] == true)
			.filter_map(|n| n["hotkey"].as_str())
			.collect();
		if neurons.len() == count
			&& permitted.len() == holders.len()
			&& holders.iter().all(|h| permitted.contains(&h.as_str()))
		{
			return Ok(graph);
		}
		ensure!(tokio::time::Instant::now() < deadline, "permits never came: {graph}");
		tokio::time::sleep(Duration::from_secs(1)).await;
	}
}

/// The id of the job a requester process logged as posted.
fn posted_job(requester: &Worker) -> Result<String> {
	requester
		.log()
		.lines()
		.find(|l| l.contains("posted"))
		.and_then(|l| l.split("job=").nth(1))
		.and_then(|rest| rest.split_whitespace().next())
		.map(str::to_string)
		.ok_or_else(|| {
			anyhow!("{} logged no posted job:\n{}", requester.name, requester.log_tail())
		})
}

/// Starts `synod-worker requester post` as `name`, signing with `hotkey`, on subnet `net`,
/// with `flags` for the job.
fn post(
	dir: &std::path::Path,
	url: &str,
	name: &str,
	hotkey: &str,
	net: &str,
	flags: &[&str],
) -> Result<Worker> {
	let mut args = vec!["requester", "post", "--hotkey", hotkey, "--netuid", net];
	args.extend(flags);
	Worker::start(name, dir, url, &args)
}

/// Waits for a requester to finish and reads its verdict: the JSON line it printed last.
async fn verdict(requester: &mut Worker) -> Result<Json> {
	let out = requester.finish(Duration::from_secs(400)).await?;
	serde_json::from_str(out.lines().last().unwrap_or_default())
		.map_err(|e| anyhow!("{} printed {out:?}: {e}", requester.name))
}

#[tokio::test(flavor = "multi_thread")]
async fn workers_train_verify_and_settle_a_digits_job() -> Result<()> {
	let dir = tempfile::tempdir()?;
	let mut node = Node::start("dev", dir.path(), &["--dev"])?;
	let (client, api) = node.connect().await?;
	let url = node.ws_url();

	// Alice funds the coldkeys that are not dev accounts, then creates the subnet with the
	// worker's own command: three validator permits, for the three validators.
	let miner_cold = derived("//Synod//miner2-coldkey");
	let faulty_cold = derived("//Synod//faulty-coldkey");
	let statistician = derived("//Synod//statistician");
	let fund = |who: &subxt_signer::sr25519::Keypair, amount: u128| {
		call(
			"Balances",
			"transfer_keep_alive",
			vec![("dest", address(&account(who))), ("value", Value::u128(amount * SYN))],
		)
	};
	submit(
		&api,
		&dev::alice(),
		"Utility",
		"batch_all",
		vec![Value::unnamed_composite([
			fund(&miner_cold, 1_000),
			fund(&faulty_cold, 1_000),
			fund(&statistician, 100),
		])],
	)
	.await?;
	let mut owner = Worker::start(
		"owner-alice",
		dir.path(),
		&url,
		&["create-subnet", "--hotkey", "//Alice", "--max-validators", "3"],
	)?;
	let out = owner.finish(Duration::from_secs(120)).await?;
	let created: Json = serde_json::from_str(out.trim())
		.map_err(|e| anyhow!("create-subnet printed {out:?}: {e}"))?;
	let netuid = created["netuid"].as_u64().ok_or_else(|| anyhow!("no netuid: {created}"))? as u16;
	assert_eq!(created["maxValidators"], 3, "{created}");
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
	// Each holds a fifth of the digits as private rows for federated statistics.
	let shards = specs.len();
	let mut workers = Vec::new();
	for (index, (name, args)) in specs.iter().enumerate() {
		let shard = format!("{index}/{shards}");
		let mut args: Vec<&str> = args.iter().map(String::as_str).collect();
		args.extend(["--private-data", "digits", "--shard", &shard]);
		workers.push(Worker::start(name, dir.path(), &url, &args)?);
	}
	for worker in &workers {
		worker.wait_for_log("running", Duration::from_secs(120)).await?;
	}
	let hotkeys: Vec<(String, String)> = specs
		.iter()
		.map(|(name, args)| (name.to_string(), account(&derived(&args[4])).to_string()))
		.collect();
	let validators: Vec<String> = hotkeys
		.iter()
		.filter(|(name, _)| name.starts_with("validator"))
		.map(|(_, hotkey)| hotkey.clone())
		.collect();
	wait_for_permits(&client, netuid, workers.len(), &validators).await?;

	// Eve posts a training job: an MLP on 80% of the digits, two replicas, 10 SYN.
	let mut requester = post(
		dir.path(),
		&url,
		"requester-eve",
		"//Eve",
		&net,
		&[
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
	let summary = verdict(&mut requester).await?;
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
	let mut inference = post(
		dir.path(),
		&url,
		"requester-eve",
		"//Eve",
		&net,
		&[
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
	let mut long_training = post(
		dir.path(),
		&url,
		"requester-alice",
		"//Alice",
		&net,
		&[
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
	let mut statistics = post(
		dir.path(),
		&url,
		"requester-statistician",
		"//Synod//statistician",
		&net,
		&[
			"--kind",
			"statistics",
			"--columns",
			"8",
			"--replicas",
			"2",
			"--bounty",
			"4",
			"--step-blocks",
			"8",
		],
	)?;
	long_training.wait_for_log("posted", Duration::from_secs(120)).await?;
	let long_job = posted_job(&long_training)?;
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

	let inferred = verdict(&mut inference).await?;
	assert_eq!(inferred["status"], "settled", "{inferred}");
	assert_eq!(inferred["byValidators"], true, "{inferred}");
	assert_eq!(inferred["rows"], 359, "the 20% of 1,797 digits held out: {inferred}");
	let accuracy = inferred["score"].as_f64().ok_or_else(|| anyhow!("no score: {inferred}"))?;
	assert!(
		(accuracy - score).abs() < 1e-9,
		"the predictions are the model's: {inferred} vs {summary}"
	);

	// The statistics are those of the two drawn providers' shards together, computed as the
	// pallet does (integer mean toward zero, variance (n·Σx² − (Σx)²) / n² rounded down), from
	// the moments each shard gives.
	let stats = verdict(&mut statistics).await?;
	assert_eq!(stats["status"], "settled", "{stats}");
	let stats_job = posted_job(&statistics)?;
	let submitted = format!("submitted federated statistics job={stats_job} ");
	let providers: Vec<usize> =
		(0..workers.len()).filter(|i| workers[*i].log().contains(&submitted)).collect();
	assert_eq!(providers.len(), 2, "two providers answered: {stats}");
	let mut totals = vec![(0u128, 0i128, 0u128); 8];
	for index in &providers {
		let shard = format!("{index}/{shards}");
		let out = std::process::Command::new(worker_binary())
			.args(["moments", "--private-data", "digits", "--shard", &shard, "--columns", "8"])
			.output()?;
		ensure!(out.status.success(), "moments: {}", String::from_utf8_lossy(&out.stderr));
		let moments: Json = serde_json::from_slice(&out.stdout)?;
		for (column, total) in totals.iter_mut().enumerate() {
			let m = &moments[column];
			total.0 += m["count"].as_u64().unwrap_or_default() as u128;
			total.1 += m["sum"].as_str().unwrap_or("0").parse::<i128>()?;
			total.2 += m["sumOfSquares"].as_str().unwrap_or("0").parse::<u128>()?;
		}
	}
	let summary_columns =
		stats["statistics"].as_array().ok_or_else(|| anyhow!("no statistics: {stats}"))?;
	assert_eq!(summary_columns.len(), 8, "{stats}");
	for ((count, sum, squares), column) in totals.iter().zip(summary_columns) {
		let mean = sum / *count as i128;
		let variance = (squares * count - sum.unsigned_abs().pow(2)) / (count * count);
		assert_eq!(column["count"].as_u64(), Some(*count as u64), "{column}");
		assert_eq!(balance(&column["variance"])?, variance, "{column}");
		assert_eq!(column["mean"].as_str().map(|m| m.parse::<i128>()), Some(Ok(mean)), "{column}");
	}
	assert!(totals[1].1 > 0, "a column that is not blank in every image: {totals:?}");

	let trained = verdict(&mut long_training).await?;
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

	// The validators committed weights from their scores an epoch ago and revealed them since;
	// an epoch then pays incentive, and only to neurons that delivered verified results.
	let delivered: Vec<String> = workers
		.iter()
		.zip(&specs)
		.filter(|(w, _)| w.log().contains("revealed job="))
		.map(|(_, (name, _))| name.to_string())
		.collect();
	let deadline = tokio::time::Instant::now() + Duration::from_secs(240);
	loop {
		let graph = metagraph(&client, netuid).await?;
		let earning: Vec<String> = graph["neurons"]
			.as_array()
			.cloned()
			.unwrap_or_default()
			.iter()
			.filter(|n| n["output"]["incentive"].as_u64().unwrap_or_default() > 0)
			.filter_map(|n| {
				hotkeys.iter().find(|(_, h)| n["hotkey"] == *h).map(|(name, _)| name.clone())
			})
			.collect();
		if !earning.is_empty() {
			for name in &earning {
				assert!(
					delivered.contains(name),
					"{name} earns incentive but never delivered: {graph}"
				);
			}
			break;
		}
		ensure!(tokio::time::Instant::now() < deadline, "no incentive from the weights: {graph}");
		tokio::time::sleep(Duration::from_secs(2)).await;
	}
	let revealed_weights = workers
		.iter()
		.filter(|w| w.name.starts_with("validator") && w.log().contains("revealed weights"))
		.count();
	assert!(revealed_weights >= 1, "a validator revealed its weights");

	// A miner that reports results trained with another seed joins. With it the subnet has
	// exactly three neurons without a permit, so a three-replica job goes to it and to both
	// honest miners; the validators reproduce the honest result and it loses stake to Eve.
	let faulty_hotkey = account(&derived("//Synod//faulty")).to_string();
	let faulty = Worker::start(
		"miner-faulty",
		dir.path(),
		&url,
		&[
			"miner",
			"--netuid",
			&net,
			"--hotkey",
			"//Synod//faulty",
			"--coldkey",
			"//Synod//faulty-coldkey",
			"--stake",
			"100",
			"--faulty",
		],
	)?;
	faulty.wait_for_log("running", Duration::from_secs(120)).await?;
	wait_for_permits(&client, netuid, workers.len() + 1, &validators).await?;
	let mut checked = post(
		dir.path(),
		&url,
		"requester-eve-three-replicas",
		"//Eve",
		&net,
		&[
			"--replicas",
			"3",
			"--bounty",
			"6",
			"--step-blocks",
			"8",
			"--seed",
			"21",
			"--hyperparameters",
			r#"{"epochs":5,"hidden":[32]}"#,
		],
	)?;
	let checked = verdict(&mut checked).await?;
	assert_eq!(checked["status"], "settled", "{checked}");
	assert_eq!(checked["byValidators"], true, "{checked}");
	assert_eq!(checked["penalties"], 1, "{checked}");
	let job = checked["job"].as_u64().ok_or_else(|| anyhow!("no job id: {checked}"))?;
	let view = rpc(&client, "synod_job", rpc_params![job]).await?;
	let penalties = view["outcome"]["penalties"].as_array().cloned().unwrap_or_default();
	assert_eq!(penalties.len(), 1, "{view}");
	assert_eq!(penalties[0]["account"], faulty_hotkey, "the faulty miner was slashed: {view}");
	assert!(balance(&penalties[0]["amount"])? > 0, "{view}");
	let paid: Vec<&str> = view["outcome"]["minerPayouts"]
		.as_array()
		.map(|list| list.iter().filter_map(|p| p["account"].as_str()).collect())
		.unwrap_or_default();
	for (name, hotkey) in hotkeys.iter().filter(|(name, _)| name.starts_with("miner")) {
		assert!(paid.contains(&hotkey.as_str()), "{name} was paid for the truth: {view}");
	}
	assert!(
		faulty.log().contains(&format!("revealed job={job} ")),
		"the faulty miner revealed its wrong result:\n{}",
		faulty.log_tail()
	);
	Ok(())
}
