//! The whole network with real processes (issue 7): a `--dev` node, three validators and two
//! miners as `synod-worker` processes that register and stake themselves, and a requester
//! process that posts a digits training job, serves the training set, waits for the verified
//! result, fetches it and scores it on rows it held back. Then, at once: an inference job with
//! that model; a longer training job during which the first worker to start it is killed and
//! restarted; a federated statistics job over shards of the digits that each worker holds
//! privately; and an attacker's poison job, whose training set claims `u32::MAX` classes where
//! its spec declares ten, which every miner and committee seat refuses before building
//! anything, so that it settles on the reproduced refusal with nobody penalised. Last, the validators' weights, built from the jobs they verified, must give the
//! workers that delivered the incentive of an epoch.
//!
//! Then the attackers join, from the worker's `fault-injection` build: a miner that reports
//! results trained with the wrong seed (`--faulty`), a miner that copies another miner's
//! commitment and replays its reveal (`--copy`), and a validator that does the same on its
//! committee (`--copy`). The subnet grows to four permits and four-seat committees, and a job
//! for four replicas goes to both honest miners and both lazy ones, verified by all four
//! validators: it settles on the honest result, the honest miners and validators are paid,
//! the wrong miner is slashed for its result, and both copiers are slashed for their silence
//! (a copied commitment never opens) and paid nothing.
//!
//! The subnet keeps the chain's default policy, so its training jobs are spot-checked
//! (`docs/verification.md`): miners open traces, the committee re-executes the plan's
//! segments, and the wrong-seed miner's trace parts from the honest ones at its initial state.
//!
//! The subnet gives validator permits to its most staked neurons, the validators; the chain
//! draws miners among the neurons without a permit while there are enough of them, and each
//! job's committee among the permit holders (three seats, all three validators, until the
//! attackers' phase).

use std::time::Duration;

use anyhow::{anyhow, ensure, Result};
use serde_json::Value as Json;
use subxt::{dynamic::Value, rpcs::rpc_params, OnlineClient, PolkadotConfig};
use subxt_signer::sr25519::dev;
use synod_e2e::*;

type Api = OnlineClient<PolkadotConfig>;

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
	Worker::start(name, dir, url, &requester_args(hotkey, net, flags))
}

/// The arguments of `synod-worker requester post` signing with `hotkey` on subnet `net`.
fn requester_args<'a>(hotkey: &'a str, net: &'a str, flags: &[&'a str]) -> Vec<&'a str> {
	let mut args = vec!["requester", "post", "--hotkey", hotkey, "--netuid", net];
	args.extend(flags);
	args
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
	let copier_cold = derived("//Synod//copier-coldkey");
	let lazy_validator_cold = derived("//Synod//lazy-validator-coldkey");
	let statistician = derived("//Synod//statistician");
	let poisoner = derived("//Synod//poisoner");
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
			fund(&copier_cold, 1_000),
			fund(&lazy_validator_cold, 1_000),
			fund(&statistician, 100),
			fund(&poisoner, 100),
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
	assert_eq!(summary["byCommittee"], true, "{summary}");
	assert_eq!(summary["penalties"], 0, "{summary}");
	let score = summary["score"].as_f64().ok_or_else(|| anyhow!("no score: {summary}"))?;
	assert!(score >= 0.9, "held-out accuracy {score}: {summary}");

	// The chain's record names the same result (the subnet spot-checks training jobs, so the
	// root of the trace whose output is the model), and both drawn workers computed and
	// opened it.
	let job = summary["job"].as_u64().ok_or_else(|| anyhow!("no job id: {summary}"))?;
	let view = rpc(&client, "synod_job", rpc_params![job]).await?;
	let on_chain = view["outcome"]["resultHash"].as_str().unwrap_or_default();
	assert_eq!(on_chain.trim_start_matches("0x"), summary["traceRoot"], "{view}");
	let opened = workers.iter().filter(|w| w.log().contains("opened its trace")).count();
	assert_eq!(opened, 2, "two replicas opened their traces");
	let verified = workers.iter().filter(|w| w.log().contains("committed a spot check")).count();
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
	// And an attacker's poison job: its training set claims u32::MAX classes where the spec
	// declares ten, so that a worker that trusted it would build a head of u32::MAX outputs.
	// The two miners' four slots each hold these four jobs exactly.
	let mut poison = Worker::start_faulty(
		"requester-poisoner",
		dir.path(),
		&url,
		&requester_args(
			"//Synod//poisoner",
			&net,
			&[
				"--poison",
				"--replicas",
				"2",
				"--bounty",
				"5",
				"--step-blocks",
				"8",
				"--hyperparameters",
				r#"{"epochs":15,"hidden":[64]}"#,
			],
		),
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
	assert_eq!(inferred["byCommittee"], true, "{inferred}");
	assert_eq!(inferred["rows"], 359, "the 20% of 1,797 digits held out: {inferred}");
	let accuracy = inferred["score"].as_f64().ok_or_else(|| anyhow!("no score: {inferred}"))?;
	assert!(
		(accuracy - score).abs() < 1e-9,
		"the predictions are the model's: {inferred} vs {summary}"
	);

	// Every drawn miner and committee seat refused the poison before building anything; the
	// committee's reproduction of the refusal is the truth, nobody is penalised, and the
	// workers went on with the other jobs (which settle below).
	let poisoned = verdict(&mut poison).await?;
	assert_eq!(poisoned["status"], "settled", "{poisoned}");
	assert_eq!(poisoned["refused"], "inputMismatch", "{poisoned}");
	assert_eq!(poisoned["byCommittee"], true, "{poisoned}");
	assert_eq!(poisoned["penalties"], 0, "a reproduced refusal costs nobody: {poisoned}");
	let poison_job = format!("job={} ", posted_job(&poison)?);
	let refusers = workers
		.iter()
		.filter(|w| {
			w.log().lines().any(|l| l.contains("the job is refused") && l.contains(&poison_job))
		})
		.count();
	assert!(refusers >= 4, "two miners and at least two seats refused the poison: {refusers}");

	// The statistics are those of the two drawn providers' shards together, computed as the
	// pallet does (integer mean toward zero, variance (n·Σx² − (Σx)²) / n² rounded down), from
	// the moments each shard gives.
	let stats = verdict(&mut statistics).await?;
	assert_eq!(stats["status"], "settled", "{stats}");
	let stats_job = posted_job(&statistics)?;
	let submitted = format!("revealed federated statistics job={stats_job} ");
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
		log.contains(&format!("opened its trace job={long_job} ")),
		"{} opened its trace after its restart:\n{}",
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

	// The attackers join: a wrong miner, a copying miner and a copying validator. The subnet
	// grows to four permits and four-seat committees, so that the copying validator sits on
	// the next job's committee with the three honest ones (three seats of four are the
	// two thirds a truth needs).
	let attackers = [
		("miner-faulty", "miner", "//Synod//faulty", "//Synod//faulty-coldkey", "100", "--faulty"),
		("miner-copier", "miner", "//Synod//copier", "//Synod//copier-coldkey", "100", "--copy"),
		(
			"validator-copier",
			"validator",
			"//Synod//lazy-validator",
			"//Synod//lazy-validator-coldkey",
			"500",
			"--copy",
		),
	];
	let mut lazy = Vec::new();
	for (name, role, hotkey, coldkey, stake, fault) in attackers {
		let args = [
			role,
			"--netuid",
			&net,
			"--hotkey",
			hotkey,
			"--coldkey",
			coldkey,
			"--stake",
			stake,
			fault,
		];
		lazy.push(Worker::start_faulty(name, dir.path(), &url, &args)?);
	}
	for worker in &lazy {
		worker.wait_for_log("running", Duration::from_secs(120)).await?;
	}
	grow_committees(&api, netuid, 4).await?;
	let hotkey_of = |seed: &str| account(&derived(seed)).to_string();
	let (faulty, copier, lazy_validator) = (
		hotkey_of("//Synod//faulty"),
		hotkey_of("//Synod//copier"),
		hotkey_of("//Synod//lazy-validator"),
	);
	let mut all_validators = validators.clone();
	all_validators.push(lazy_validator.clone());
	wait_for_permits(&client, netuid, workers.len() + lazy.len(), &all_validators).await?;
	let mut checked = post(
		dir.path(),
		&url,
		"requester-eve-four-replicas",
		"//Eve",
		&net,
		&[
			"--replicas",
			"4",
			"--bounty",
			"8",
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
	assert_eq!(checked["byCommittee"], true, "{checked}");
	let job = checked["job"].as_u64().ok_or_else(|| anyhow!("no job id: {checked}"))?;
	let view = rpc(&client, "synod_job", rpc_params![job]).await?;
	let accounts = |list: &str| -> Vec<String> {
		view["outcome"][list]
			.as_array()
			.map(|l| l.iter().filter_map(|p| p["account"].as_str().map(str::to_string)).collect())
			.unwrap_or_default()
	};
	let mut penalised = accounts("penalties");
	penalised.sort();
	let mut expected = vec![faulty.clone(), copier.clone(), lazy_validator.clone()];
	expected.sort();
	assert_eq!(penalised, expected, "the wrong miner and both copiers, nobody else: {view}");
	let paid_miners = accounts("minerPayouts");
	for (name, hotkey) in hotkeys.iter().filter(|(name, _)| name.starts_with("miner")) {
		assert!(paid_miners.contains(hotkey), "{name} was paid for the truth: {view}");
	}
	assert_eq!(paid_miners.len(), 2, "only the honest miners are paid: {view}");
	let paid_validators = accounts("validatorPayouts");
	assert_eq!(paid_validators.len(), 3, "{view}");
	assert!(validators.iter().all(|v| paid_validators.contains(v)), "{view}");
	for penalty in view["outcome"]["penalties"].as_array().cloned().unwrap_or_default() {
		assert!(balance(&penalty["amount"])? > 0, "a penalty took stake: {view}");
	}
	let [faulty_worker, copier_worker, lazy_validator_worker] = &lazy[..] else { unreachable!() };
	assert!(
		faulty_worker.log().contains(&format!("opened its trace job={job} ")),
		"the faulty miner opened its wrong trace:\n{}",
		faulty_worker.log_tail()
	);
	for (worker, what) in [
		(copier_worker, "committed a copied commitment"),
		(copier_worker, "replayed reveal refused"),
		(lazy_validator_worker, "committed a copied commitment"),
		(lazy_validator_worker, "replayed reveal refused"),
	] {
		assert!(
			worker.log().contains(what),
			"{}: no {what:?}:\n{}",
			worker.name,
			worker.log_tail()
		);
	}
	Ok(())
}

/// The fields of a struct value.
fn named(value: &mut Value) -> Result<&mut Vec<(String, Value)>> {
	use subxt::ext::scale_value::{Composite, ValueDef};
	match &mut value.value {
		ValueDef::Composite(Composite::Named(fields)) => Ok(fields),
		other => Err(anyhow!("not a struct: {other:?}")),
	}
}

/// Sets `netuid`'s validator permits and committee seats to `seats`, as its owner Alice: the
/// hyperparameters are read from storage as the runtime's own type and written back changed.
async fn grow_committees(api: &Api, netuid: u16, seats: u16) -> Result<()> {
	let address = subxt::dynamic::storage::<(u16,), Value>("Subnets", "Hyperparameters");
	let at = api.at_current_block().await?;
	let mut hyperparameters: Value = at
		.storage()
		.try_fetch(address, (netuid,))
		.await?
		.ok_or_else(|| anyhow!("subnet {netuid} has no hyperparameters"))?
		.decode()?;
	for (name, value) in named(&mut hyperparameters)? {
		match name.as_str() {
			"max_validators" => *value = Value::u128(seats.into()),
			"jobs" => {
				for (field, inner) in named(value)? {
					if field == "committee_size" {
						*inner = Value::u128(seats.into());
					}
				}
			},
			_ => {},
		}
	}
	submit(
		api,
		&dev::alice(),
		"Subnets",
		"set_hyperparameters",
		vec![Value::u128(netuid.into()), hyperparameters],
	)
	.await?;
	Ok(())
}
