//! `synod-worker`: the off-chain half of Synod. One binary, one role per process.

mod artifacts;
mod chain;
mod compute;
mod keys;
mod metrics;
mod miner;
mod requester;
mod setup;
mod state;
mod subnet;
mod validator;

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand};
use std::{path::PathBuf, sync::Arc, time::Duration};
use synod_ml::{dataset::csv, hash, Dataset};

/// Synod's worker: does the network's machine learning off chain and reports it on chain.
///
/// Each process plays one role against a node (`--node`), signing with its hotkey
/// (`--hotkey`), keeping its artifacts and progress under `--data-dir` so that a restart
/// resumes where it stopped. Miners and validators serve their artifacts and Prometheus
/// metrics over HTTP (`--listen`). Logs go to stderr (`RUST_LOG` filters them).
#[derive(Parser)]
#[command(name = "synod-worker", version)]
struct Cli {
	/// The node's WebSocket RPC endpoint.
	#[arg(long, global = true, env = "SYNOD_NODE", default_value = "ws://127.0.0.1:9944")]
	node: String,
	/// The hotkey: a secret URI (`//Alice//miner1`, a mnemonic) or a file holding one.
	#[arg(long, global = true, env = "SYNOD_HOTKEY")]
	hotkey: Option<String>,
	/// Where artifacts and the state file live.
	#[arg(long, global = true, env = "SYNOD_DATA_DIR", default_value = "synod-worker-data")]
	data_dir: PathBuf,
	#[command(subcommand)]
	role: RoleCommand,
}

#[derive(Subcommand)]
enum RoleCommand {
	/// Compute the jobs the chain assigns this hotkey: fetch the inputs, train or infer,
	/// publish the result, commit, then reveal, each in its window. Answers federated
	/// statistics jobs from `--private-data` without sending a row anywhere.
	Miner(MinerArgs),
	/// Re-execute the subnet's sampled jobs, commit and reveal verifications, score miners by
	/// whether they reproduced the result, and commit and reveal Yuma weights every epoch.
	Validator(ValidatorArgs),
	/// Post jobs and read their results.
	#[command(subcommand)]
	Requester(RequesterCommand),
	/// Print the federated-statistics moments of private data as a miner would submit them
	/// (count, sum and sum of squares per column, in the chain's fixed point). No node needed.
	Moments {
		/// `digits` or a CSV file.
		#[arg(long)]
		private_data: String,
		/// Shard K of N (`K/N`).
		#[arg(long)]
		shard: Option<String>,
		/// How many leading columns.
		#[arg(long)]
		columns: u16,
	},
	/// Create a subnet owned by `--hotkey` (which pays the deposit), optionally with a
	/// shorter tempo for demos. Prints `{"netuid": N}`.
	CreateSubnet {
		/// Blocks between the subnet's epochs.
		#[arg(long)]
		tempo: Option<u16>,
	},
}

#[derive(Args)]
struct ServeArgs {
	/// Address the artifact and metrics server listens on.
	#[arg(long, default_value = "127.0.0.1:0")]
	listen: String,
	/// Base URL others reach that server at (default: `http://<listen address>`).
	#[arg(long)]
	public_url: Option<String>,
}

#[derive(Args)]
struct NeuronArgs {
	/// The subnet this worker serves.
	#[arg(long)]
	netuid: u16,
	/// A coldkey (secret URI or file) that funds, registers and stakes the hotkey if needed.
	#[arg(long)]
	coldkey: Option<String>,
	/// Stake (SYN) the coldkey puts behind the hotkey.
	#[arg(long, default_value_t = 100.0)]
	stake: f64,
	/// Balance (SYN) the coldkey sends the hotkey for transaction fees when registering it.
	#[arg(long, default_value_t = 10.0)]
	fund: f64,
}

#[derive(Args)]
struct MinerArgs {
	#[command(flatten)]
	neuron: NeuronArgs,
	#[command(flatten)]
	serve: ServeArgs,
	/// This miner's private rows for federated statistics: `digits` or a CSV file.
	#[arg(long)]
	private_data: Option<String>,
	/// Take only shard K of N of the private data (`K/N`, K from 0).
	#[arg(long)]
	shard: Option<String>,
	/// Report results computed with the wrong seed (to demonstrate slashing; never in earnest).
	#[arg(long, hide = true)]
	faulty: bool,
}

#[derive(Args)]
struct ValidatorArgs {
	#[command(flatten)]
	neuron: NeuronArgs,
	#[command(flatten)]
	serve: ServeArgs,
	/// Weight of each new outcome in a miner's moving-average score, 0..1.
	#[arg(long, default_value_t = 0.3)]
	score_alpha: f64,
	/// Private rows for federated statistics jobs, should the chain draw this validator as a
	/// provider: `digits` or a CSV file.
	#[arg(long)]
	private_data: Option<String>,
	/// Take only shard K of N of the private data (`K/N`).
	#[arg(long)]
	shard: Option<String>,
}

#[derive(Subcommand)]
enum RequesterCommand {
	/// Post a job, serve its inputs, wait for the verified result, fetch and evaluate it.
	/// Prints one JSON line: job id, status, result hash and its score on held-out rows.
	Post(PostArgs),
	/// Follow a job until it settles or is refunded.
	Watch {
		#[arg(long)]
		job: u64,
	},
	/// Fetch a settled job's verified result (checked against its on-chain hash) to `--out`.
	Fetch {
		#[arg(long)]
		job: u64,
		#[arg(long)]
		out: PathBuf,
	},
}

#[derive(Args)]
struct PostArgs {
	/// A JSON file with the job (same fields as the flags, kebab-case); flags are ignored.
	#[arg(long)]
	spec: Option<PathBuf>,
	#[arg(long, default_value_t = 1)]
	netuid: u16,
	/// `train`, `infer` or `statistics`.
	#[arg(long, default_value = "train")]
	kind: String,
	/// `mlp`, `cnn`, `logistic-regression` or `linear-regression`.
	#[arg(long, default_value = "mlp")]
	architecture: String,
	/// Hyperparameters as JSON, e.g. `{"epochs":20,"hidden":[64],"mode":"verifiable"}`.
	#[arg(long, default_value = "{}")]
	hyperparameters: String,
	/// `digits` or a CSV file.
	#[arg(long, default_value = "digits")]
	dataset: String,
	/// For CSV files: `last-class`, `last-value` or `none`.
	#[arg(long, default_value = "last-class")]
	target: String,
	/// Thousandths of the rows kept back to evaluate the result.
	#[arg(long, default_value_t = 200)]
	test_permille: u32,
	#[arg(long, default_value_t = 7)]
	split_seed: u64,
	/// Inference: the content hash of a model artifact in the data directory.
	#[arg(long)]
	model: Option<String>,
	/// Statistics: how many leading columns to summarise.
	#[arg(long)]
	columns: Option<u16>,
	#[arg(long, default_value_t = 42)]
	seed: u64,
	/// Bounty in SYN.
	#[arg(long, default_value_t = 10.0)]
	bounty: f64,
	#[arg(long, default_value_t = 2)]
	replicas: u8,
	/// Blocks in each of the job's windows (assignment, commit, reveal, verification).
	#[arg(long, default_value_t = 10)]
	step_blocks: u64,
	#[command(flatten)]
	serve: ServeArgs,
}

fn private_data(source: &Option<String>, shard: &Option<String>) -> Result<Option<Dataset>> {
	let Some(source) = source else { return Ok(None) };
	let data = if source == "digits" {
		synod_ml::dataset::digits::load()?
	} else {
		let text = std::fs::read_to_string(source).with_context(|| format!("reading {source}"))?;
		csv::parse(&text, csv::TargetColumn::None)?
	};
	let Some(shard) = shard else { return Ok(Some(data)) };
	let (k, n) = shard
		.split_once('/')
		.and_then(|(k, n)| Some((k.parse::<usize>().ok()?, n.parse::<usize>().ok()?)))
		.filter(|(k, n)| k < n)
		.with_context(|| format!("--shard {shard:?}: expected K/N with K < N"))?;
	Ok(Some(data.shards(0, n).swap_remove(k)))
}

#[tokio::main]
async fn main() -> Result<()> {
	tracing_subscriber::fmt()
		.with_env_filter(
			tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
		)
		.with_writer(std::io::stderr)
		// Colours only on a terminal: log files and tests read plain `key=value` fields.
		.with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
		.init();
	let cli = Cli::parse();
	if let RoleCommand::Moments { private_data: source, shard, columns } = &cli.role {
		let data = private_data(&Some(source.clone()), shard)?.expect("a source was given");
		let moments = synod_ml::stats::column_moments(&data, *columns as usize)?;
		let json: Vec<_> = moments
			.iter()
			.map(|m| {
				serde_json::json!({
					"count": m.count,
					"sum": m.sum.to_string(),
					"sumOfSquares": m.sum_of_squares.to_string(),
				})
			})
			.collect();
		println!("{}", serde_json::Value::from(json));
		return Ok(());
	}
	std::fs::create_dir_all(&cli.data_dir)
		.with_context(|| format!("creating {}", cli.data_dir.display()))?;
	let hotkey =
		keys::load(cli.hotkey.as_deref().context("--hotkey (or SYNOD_HOTKEY) is required")?)?;
	let store = artifacts::Store::open(&cli.data_dir)?;
	let metrics = Arc::new(metrics::Metrics::default());
	let patience = Duration::from_secs(120);

	match cli.role {
		RoleCommand::Miner(args) => {
			let server = artifacts::Server::start(
				&args.serve.listen,
				args.serve.public_url,
				store.clone(),
				metrics.clone(),
				"miner",
			)?;
			let chain = chain::Chain::connect(&cli.node, hotkey.clone(), patience).await?;
			if let Some(coldkey) = &args.neuron.coldkey {
				setup::ensure_neuron(
					&chain,
					args.neuron.netuid,
					&keys::load(coldkey)?,
					args.neuron.stake,
					args.neuron.fund,
				)
				.await?;
			}
			drop(chain);
			let mut miner = miner::Miner {
				store,
				server,
				metrics: metrics.clone(),
				state: state::StateFile::open(&cli.data_dir.join("miner-state.json"))?,
				fault: if args.faulty { compute::Fault::WrongSeed } else { compute::Fault::None },
				private_data: private_data(&args.private_data, &args.shard)?,
			};
			tracing::info!(netuid = args.neuron.netuid, faulty = args.faulty, "miner running");
			chain::follow(&cli.node, hotkey, &mut miner, &metrics).await
		},
		RoleCommand::Validator(args) => {
			let server = artifacts::Server::start(
				&args.serve.listen,
				args.serve.public_url,
				store.clone(),
				metrics.clone(),
				"validator",
			)?;
			let chain = chain::Chain::connect(&cli.node, hotkey.clone(), patience).await?;
			if let Some(coldkey) = &args.neuron.coldkey {
				setup::ensure_neuron(
					&chain,
					args.neuron.netuid,
					&keys::load(coldkey)?,
					args.neuron.stake,
					args.neuron.fund,
				)
				.await?;
			}
			drop(chain);
			let miner = miner::Miner {
				store: store.clone(),
				server,
				metrics: metrics.clone(),
				state: state::StateFile::open(&cli.data_dir.join("miner-state.json"))?,
				fault: compute::Fault::None,
				private_data: private_data(&args.private_data, &args.shard)?,
			};
			let mut validator = validator::Validator {
				netuid: args.neuron.netuid,
				store,
				metrics: metrics.clone(),
				state: state::StateFile::open(&cli.data_dir.join("validator-state.json"))?,
				miner,
				alpha_micros: (args.score_alpha.clamp(0.0, 1.0) * 1e6) as u64,
			};
			tracing::info!(netuid = args.neuron.netuid, "validator running");
			chain::follow(&cli.node, hotkey, &mut validator, &metrics).await
		},
		RoleCommand::Moments { .. } => unreachable!("answered before connecting"),
		RoleCommand::CreateSubnet { tempo } => {
			let chain = chain::Chain::connect(&cli.node, hotkey, patience).await?;
			let netuid = subnet::create(&chain).await?;
			if let Some(tempo) = tempo {
				subnet::set_tempo(&chain, netuid, tempo).await?;
			}
			println!("{}", serde_json::json!({ "netuid": netuid, "tempo": tempo }));
			Ok(())
		},
		RoleCommand::Requester(command) => {
			let chain = chain::Chain::connect(&cli.node, hotkey, patience).await?;
			match command {
				RequesterCommand::Post(args) => {
					let spec = match &args.spec {
						Some(path) => serde_json::from_slice(&std::fs::read(path)?)
							.with_context(|| format!("{} is not a job spec", path.display()))?,
						None => requester::PostSpec {
							netuid: args.netuid,
							kind: args.kind,
							architecture: args.architecture,
							hyperparameters: serde_json::from_str(&args.hyperparameters)
								.context("--hyperparameters is not valid JSON for them")?,
							data: requester::DataChoice {
								dataset: args.dataset,
								target: args.target,
								test_permille: args.test_permille,
								split_seed: args.split_seed,
							},
							model: args.model,
							columns: args.columns,
							seed: args.seed,
							bounty: args.bounty,
							replicas: args.replicas,
							step_blocks: args.step_blocks,
						},
					};
					let server = artifacts::Server::start(
						&args.serve.listen,
						args.serve.public_url,
						store.clone(),
						metrics,
						"requester",
					)?;
					requester::post(&chain, &store, &server, &spec).await
				},
				RequesterCommand::Watch { job } => {
					let view = requester::watch(&chain, job).await?;
					println!("{}", serde_json::json!({ "job": job, "status": view.status }));
					Ok(())
				},
				RequesterCommand::Fetch { job, out } => {
					let view = chain.job(job).await?.context("unknown job")?;
					let (result, bytes) = requester::fetch(&store, &view)?;
					requester::save(&bytes, &out)?;
					println!(
						"{}",
						serde_json::json!({ "job": job, "resultHash": hash::to_hex(&result), "out": out })
					);
					Ok(())
				},
			}
		},
	}
}
