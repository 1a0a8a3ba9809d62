//! Verification at a fraction of the compute (issue 17), with real processes: a `--dev` node,
//! three validators and two miners as `synod-worker` processes, on a subnet whose policy
//! spot-checks two segments of each training job's trace.
//!
//! First a 20-epoch digits job for two replicas, on which the miners agree: each miner opens
//! its trace of 20 segments, the chain draws the plan, and every committee member re-executes
//! the plan's segments alone (at most 10% of the job's, counted from the plan on chain), from
//! checkpoints it fetched from the miners and checked against their opened leaves. The job
//! settles on the trace, and the requester fetches the model with the proof that its hash is
//! the trace's output leaf, and scores it on rows it held back.
//!
//! Then a miner of the `fault-injection` build that trains honestly to checkpoint 12 and on
//! altered rows after it (`--diverge-from 13`) joins, and a job goes to all three miners: the
//! opened traces part at leaf 13, the plan adds that one segment to the draw, the committee
//! re-executes it from checkpoint 12 (on which all agree), and the diverging miner is slashed
//! while the two honest ones are paid.

use std::time::Duration;

use anyhow::{anyhow, ensure, Result};
use serde_json::Value as Json;
use subxt::{dynamic::Value, rpcs::rpc_params, OnlineClient, PolkadotConfig};
use subxt_signer::sr25519::dev;
use synod_e2e::*;

type Api = OnlineClient<PolkadotConfig>;

/// The segments a 20-epoch job's trace has: one per epoch.
const SEGMENTS: u32 = 20;
/// The subnet's spot checks per job.
const SPOT_CHECKS: u32 = 2;

fn call(pallet: &str, name: &str, fields: Vec<(&str, Value)>) -> Value {
	Value::unnamed_variant(pallet, [Value::named_variant(name, fields)])
}

/// The id of the job a requester process logged as posted.
fn posted_job(requester: &Worker) -> Option<u64> {
	requester
		.log()
		.lines()
		.find(|l| l.contains("posted"))
		.and_then(|l| l.split("job=").nth(1))
		.and_then(|rest| rest.split_whitespace().next())
		.and_then(|id| id.parse().ok())
}

/// Waits for `requester`'s job and its plan (`Jobs.CheckPlans`): the places, and whether
/// the opened traces differ.
async fn plan_of(api: &Api, requester: &Worker) -> Result<(u64, Vec<u32>, bool)> {
	let deadline = tokio::time::Instant::now() + Duration::from_secs(300);
	loop {
		if let Some(job) = posted_job(requester) {
			let address = subxt::dynamic::storage::<(u64,), Value>("Jobs", "CheckPlans");
			let at = api.at_current_block().await?;
			if let Some(plan) = at.storage().try_fetch(address, (job,)).await? {
				use subxt::dynamic::At;
				let plan = plan.decode()?;
				let places = plan
					.at("places")
					.map(numbers)
					.ok_or_else(|| anyhow!("a plan without places: {plan:?}"))?
					.into_iter()
					.map(|v| v as u32)
					.collect();
				let dispute = plan.at("dispute").and_then(|d| d.as_bool()).unwrap_or_default();
				return Ok((job, places, dispute));
			}
		}
		ensure!(
			tokio::time::Instant::now() < deadline,
			"no plan was drawn:\n{}",
			requester.log_tail()
		);
		tokio::time::sleep(Duration::from_secs(1)).await;
	}
}

/// The unsigned numbers in `value`, in order, through the composite a `BoundedVec` is.
fn numbers(value: &Value) -> Vec<u128> {
	use subxt::ext::scale_value::{Primitive, ValueDef};
	match &value.value {
		ValueDef::Primitive(Primitive::U128(number)) => vec![*number],
		ValueDef::Composite(composite) => composite.values().flat_map(numbers).collect(),
		_ => Vec::new(),
	}
}

/// Waits for a requester to finish and reads its verdict: the JSON line it printed last.
async fn verdict(requester: &mut Worker) -> Result<Json> {
	let out = requester.finish(Duration::from_secs(400)).await?;
	serde_json::from_str(out.lines().last().unwrap_or_default())
		.map_err(|e| anyhow!("{} printed {out:?}: {e}", requester.name))
}

/// Waits until `netuid` lists `count` neurons.
async fn wait_for_neurons(
	client: &subxt::rpcs::RpcClient,
	netuid: u16,
	count: usize,
) -> Result<()> {
	let deadline = tokio::time::Instant::now() + Duration::from_secs(240);
	loop {
		let graph = metagraph(client, netuid).await?;
		let neurons = graph["neurons"].as_array().map_or(0, Vec::len);
		let permits = graph["neurons"]
			.as_array()
			.map_or(0, |n| n.iter().filter(|n| n["output"]["validatorPermit"] == true).count());
		if neurons == count && permits == 3 {
			return Ok(());
		}
		ensure!(tokio::time::Instant::now() < deadline, "the neurons never came: {graph}");
		tokio::time::sleep(Duration::from_secs(1)).await;
	}
}

/// The accounts of an outcome's `list` (`penalties`, `minerPayouts`, ...).
fn accounts(view: &Json, list: &str) -> Vec<String> {
	view["outcome"][list]
		.as_array()
		.map(|l| l.iter().filter_map(|p| p["account"].as_str().map(str::to_string)).collect())
		.unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread")]
async fn spot_checks_verify_a_fraction_and_a_dispute_finds_the_diverging_miner() -> Result<()> {
	let dir = scratch_dir()?;
	let mut node = Node::start("dev", dir.path(), &["--dev"])?;
	let (client, api) = node.connect().await?;
	let url = node.ws_url();
	let (miner_cold, diverger_cold) =
		(derived("//Synod//miner2-coldkey"), derived("//Synod//diverger-coldkey"));
	let fund = |who: &subxt_signer::sr25519::Keypair| {
		call(
			"Balances",
			"transfer_keep_alive",
			vec![("dest", address(&account(who))), ("value", Value::u128(1_000 * SYN))],
		)
	};
	submit(
		&api,
		&dev::alice(),
		"Utility",
		"batch_all",
		vec![Value::unnamed_composite([fund(&miner_cold), fund(&diverger_cold)])],
	)
	.await?;
	let spot_checks = SPOT_CHECKS.to_string();
	let mut owner = Worker::start(
		"owner-alice",
		dir.path(),
		&url,
		&[
			"create-subnet",
			"--hotkey",
			"//Alice",
			"--max-validators",
			"3",
			"--spot-checks",
			&spot_checks,
		],
	)?;
	let out = owner.finish(Duration::from_secs(120)).await?;
	let created: Json = serde_json::from_str(out.trim())
		.map_err(|e| anyhow!("create-subnet printed {out:?}: {e}"))?;
	let netuid = created["netuid"].as_u64().ok_or_else(|| anyhow!("no netuid: {created}"))? as u16;
	let subnet = rpc(&client, "synod_subnet", rpc_params![netuid]).await?;
	assert_eq!(subnet["hyperparameters"]["jobs"]["spotChecks"], SPOT_CHECKS, "{subnet}");
	let net = netuid.to_string();

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
	wait_for_neurons(&client, netuid, workers.len()).await?;
	let hotkey_of = |seed: &str| account(&derived(seed)).to_string();
	let honest = [hotkey_of("//Dave//miner"), hotkey_of("//Synod//miner2")];

	// A job on which the miners agree: each member re-executes the two drawn segments (the
	// last among them) and derives the output from the last, nothing else.
	let job_args = |replicas: &'static str, seed: &'static str| {
		vec![
			"requester",
			"post",
			"--hotkey",
			"//Eve",
			"--netuid",
			&net,
			"--replicas",
			replicas,
			"--bounty",
			"10",
			"--step-blocks",
			"8",
			"--seed",
			seed,
			"--hyperparameters",
			r#"{"epochs":20,"hidden":[32]}"#,
		]
		.into_iter()
		.map(str::to_string)
		.collect::<Vec<_>>()
	};
	let args = job_args("2", "5");
	let args: Vec<&str> = args.iter().map(String::as_str).collect();
	let mut requester = Worker::start("requester-agreed", dir.path(), &url, &args)?;
	let (job, places, dispute) = plan_of(&api, &requester).await?;
	assert!(!dispute, "the honest miners' traces agree: {places:?}");
	let segments: Vec<u32> =
		places.iter().copied().filter(|p| (1..=SEGMENTS).contains(p)).collect();
	assert_eq!(segments.len() as u32, SPOT_CHECKS, "the draw, and nothing else: {places:?}");
	assert!(segments.len() as u32 * 10 <= SEGMENTS, "at most 10% of the segments: {places:?}");
	assert!(segments.contains(&SEGMENTS), "the last segment is always checked: {places:?}");
	assert!(places.contains(&(SEGMENTS + 1)), "and the output: {places:?}");
	assert!(places.contains(&0), "and the initial state, built from the spec: {places:?}");
	let summary = verdict(&mut requester).await?;
	assert_eq!(summary["status"], "settled", "{summary}");
	assert_eq!(summary["byCommittee"], true, "{summary}");
	assert_eq!(summary["penalties"], 0, "{summary}");
	ensure!(summary["traceRoot"].is_string(), "the outcome is the trace's root: {summary}");
	let score = summary["score"].as_f64().ok_or_else(|| anyhow!("no score: {summary}"))?;
	assert!(score >= 0.9, "held-out accuracy {score}: {summary}");
	let view = rpc(&client, "synod_job", rpc_params![job]).await?;
	let paid = accounts(&view, "minerPayouts");
	assert!(honest.iter().all(|m| paid.contains(m)), "both miners are paid: {view}");
	// Every member that reported re-executed just the plan's places.
	let checked = format!("spot-checking job={job} places={places:?}");
	let members = workers.iter().filter(|w| w.log().contains(&checked)).count();
	assert!(members >= 2, "two thirds of the seats spot-checked {places:?}");
	let opened = workers.iter().filter(|w| w.log().contains("opened its trace")).count();
	assert_eq!(opened, 2, "both miners opened their traces");

	// A miner whose trace parts from the honest one at checkpoint 13 joins; the next job
	// goes to all three miners.
	let diverger = neuron("miner", "//Synod//diverger", "//Synod//diverger-coldkey", "100");
	let mut diverger_args: Vec<&str> = diverger.iter().map(String::as_str).collect();
	diverger_args.extend(["--diverge-from", "13"]);
	let diverging = Worker::start_faulty("miner-diverging", dir.path(), &url, &diverger_args)?;
	diverging.wait_for_log("running", Duration::from_secs(120)).await?;
	wait_for_neurons(&client, netuid, workers.len() + 1).await?;
	let args = job_args("3", "11");
	let args: Vec<&str> = args.iter().map(String::as_str).collect();
	let mut requester = Worker::start("requester-disputed", dir.path(), &url, &args)?;
	let (job, places, dispute) = plan_of(&api, &requester).await?;
	assert!(dispute, "the traces part: {places:?}");
	assert!(places.contains(&13), "where they first part, checkpoint 13: {places:?}");
	let segments: Vec<u32> =
		places.iter().copied().filter(|p| (1..=SEGMENTS).contains(p)).collect();
	assert!(segments.len() as u32 <= SPOT_CHECKS + 1, "one segment added to the draw: {places:?}");
	let summary = verdict(&mut requester).await?;
	assert_eq!(summary["status"], "settled", "{summary}");
	let view = rpc(&client, "synod_job", rpc_params![job]).await?;
	assert_eq!(
		accounts(&view, "penalties"),
		vec![hotkey_of("//Synod//diverger")],
		"the diverging miner, and nobody else, is slashed: {view}"
	);
	let paid = accounts(&view, "minerPayouts");
	assert!(honest.iter().all(|m| paid.contains(m)), "both honest miners are paid: {view}");
	assert_eq!(paid.len(), 2, "{view}");
	assert!(
		diverging.log().contains("trained a trace that parts from the honest one"),
		"{}",
		diverging.log_tail()
	);
	let score = summary["score"].as_f64().ok_or_else(|| anyhow!("no score: {summary}"))?;
	assert!(score >= 0.9, "held-out accuracy {score}: {summary}");
	Ok(())
}
