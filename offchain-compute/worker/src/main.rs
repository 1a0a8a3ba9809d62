//! `synod-worker`: the off-chain half of Synod. One binary, one role per process.

mod artifacts;
mod chain;
mod commitments;
mod compute;
#[cfg(feature = "fault-injection")]
mod faults;
mod follow;
mod isolate;
mod keys;
mod learner;
mod metrics;
mod miner;
mod requester;
mod server;
mod setup;
mod spot_check;
mod state;
mod subnet;
mod traced;
mod validator;

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand};
use std::{path::PathBuf, sync::Arc, time::Duration};
use synod_ml::{dataset::csv, hash, Dataset};

/// Synod's worker: does the network's machine learning off chain and reports it on chain.
///
/// Each process plays one role against a node (`--node`), signing with its hotkey
/// (`--hotkey`), keeping its artifacts and progress under `--data-dir` so that a restart
/// resumes where it stopped. Miners, validators, learners and a requester posting a job
/// serve their artifacts over HTTP (`--listen`), and Prometheus metrics on a port of their
/// own (`--metrics-listen`). Logs go to stderr (`RUST_LOG` filters them).
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
	/// Let downloads reach private, loopback and link-local addresses, for local networks.
	/// Without it a job's inputs (and models) must be on public addresses, so that a job
	/// cannot make this worker reach into the network it runs in.
	#[arg(long, global = true, env = "SYNOD_ALLOW_PRIVATE_ADDRESSES")]
	allow_private_addresses: bool,
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
	/// Learn with others without sharing data (collective learning): join an experiment (or
	/// open one with `--create`), train from the head on a private shard when the chain draws
	/// this learner, and score the others' proposals on private validation rows, voting by
	/// commit and reveal.
	Learner(LearnerArgs),
	/// Post jobs and read their results.
	#[command(subcommand)]
	Requester(RequesterCommand),
	/// Score a model artifact on a dataset's held-out rows (the split requesters and learners
	/// keep back), fetching it by hash if it is not in the data directory. No node needed.
	/// Prints `{"model", "rows", "score"}` (accuracy, or minus the mean squared error).
	Evaluate {
		/// The model's content hash.
		#[arg(long)]
		model: String,
		/// Where to fetch it from, if the data directory does not hold it.
		#[arg(long)]
		uri: Option<String>,
		#[command(flatten)]
		data: DataArgs,
	},
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
	/// Compute one job read as JSON from stdin within a memory limit, printing its answer:
	/// the child process a miner or validator runs each computation in.
	#[command(hide = true)]
	ComputeJob {
		/// The address space this process may take, in bytes.
		#[arg(long)]
		max_memory_bytes: u64,
		/// The worker that started it: it stops if that one is gone.
		#[arg(long)]
		parent_pid: Option<u32>,
	},
	/// Create a subnet owned by `--hotkey` (which pays the deposit), optionally with a
	/// shorter tempo for demos or fewer validator permits. Prints `{"netuid": N}`.
	CreateSubnet {
		/// Blocks between the subnet's epochs.
		#[arg(long)]
		tempo: Option<u16>,
		/// How many neurons (the most staked) hold validator permits. The chain draws miners
		/// among neurons without one while there are enough, so this separates the roles.
		#[arg(long)]
		max_validators: Option<u16>,
		/// Segments of each training job's trace the committee re-executes, instead of the
		/// whole job (0: whole re-execution; see docs/verification.md).
		#[arg(long)]
		spot_checks: Option<u8>,
	},
}

#[derive(Args)]
struct ServeArgs {
	/// Address the artifact server listens on: the other parties of this worker's jobs
	/// fetch what it publishes there.
	#[arg(long, default_value = "127.0.0.1:0")]
	listen: String,
	/// Base URL others reach that server at (default: `http://<listen address>`).
	#[arg(long)]
	public_url: Option<String>,
	/// Address the Prometheus metrics server (`GET /metrics`) listens on. The default, a
	/// free loopback port (logged at start), keeps the metrics private and lets several
	/// workers run on one machine.
	#[arg(long, default_value = "127.0.0.1:0")]
	metrics_listen: String,
}

impl ServeArgs {
	/// Starts the artifact and metrics servers these arguments describe, on this runtime.
	async fn start(
		self,
		store: &artifacts::Store,
		metrics: &Arc<metrics::Metrics>,
		role: &'static str,
	) -> Result<server::Server> {
		server::Server::start(
			&self.listen,
			&self.metrics_listen,
			self.public_url,
			store.clone(),
			metrics.clone(),
			role,
		)
		.await
	}
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
	/// Fault injection: report results computed with the wrong seed (to demonstrate
	/// slashing; never in earnest).
	#[cfg(feature = "fault-injection")]
	#[arg(long)]
	faulty: bool,
	/// Fault injection: compute nothing, copy another miner's commitment and replay its
	/// reveal (to demonstrate that copying earns nothing).
	#[cfg(feature = "fault-injection")]
	#[arg(long, conflicts_with = "faulty")]
	copy: bool,
	/// Fault injection: on spot-checked jobs, train honestly to checkpoint N - 1 and on
	/// altered rows after it, so that the trace parts from the honest one at checkpoint N
	/// (to demonstrate that a dispute finds it).
	#[cfg(feature = "fault-injection")]
	#[arg(long, value_name = "N", conflicts_with_all = ["faulty", "copy"])]
	diverge_from: Option<u32>,
}

impl MinerArgs {
	/// How this miner misbehaves: never, outside the fault-injection build.
	fn fault(&self) -> compute::Fault {
		#[cfg(feature = "fault-injection")]
		{
			if self.faulty {
				return compute::Fault::WrongSeed;
			}
			if self.copy {
				return compute::Fault::Copy;
			}
			if let Some(checkpoint) = self.diverge_from {
				return compute::Fault::DivergeFrom(checkpoint);
			}
		}
		compute::Fault::None
	}
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
	/// Fault injection: on a committee, compute nothing, copy another member's commitment
	/// and replay its reveal (to demonstrate that copying earns nothing).
	#[cfg(feature = "fault-injection")]
	#[arg(long)]
	copy: bool,
}

impl ValidatorArgs {
	/// How this validator misbehaves on committees: never, outside the fault-injection build.
	fn fault(&self) -> compute::Fault {
		#[cfg(feature = "fault-injection")]
		if self.copy {
			return compute::Fault::Copy;
		}
		compute::Fault::None
	}
}

/// A dataset and the rows held back from it for testing.
#[derive(Args, Clone)]
struct DataArgs {
	/// `digits` or a CSV file.
	#[arg(long, default_value = "digits")]
	dataset: String,
	/// For CSV files: `last-class`, `last-value` or `none`.
	#[arg(long, default_value = "last-class")]
	target: String,
	/// Thousandths of the rows held back as the common test split.
	#[arg(long, default_value_t = 200)]
	test_permille: u32,
	#[arg(long, default_value_t = 7)]
	split_seed: u64,
}

impl DataArgs {
	fn choice(&self) -> requester::DataChoice {
		requester::DataChoice {
			dataset: self.dataset.clone(),
			target: self.target.clone(),
			test_permille: self.test_permille,
			split_seed: self.split_seed,
		}
	}
}

#[derive(Args)]
struct LearnerArgs {
	#[command(flatten)]
	neuron: NeuronArgs,
	#[command(flatten)]
	serve: ServeArgs,
	/// The experiment to join.
	#[arg(long, default_value_t = 0, conflicts_with = "create")]
	experiment: u32,
	/// The learner's rows: shard `--shard` of the dataset less its test split.
	#[command(flatten)]
	data: DataArgs,
	/// Shard K of N (`K/N`) of the rows outside the test split; default all of them.
	#[arg(long)]
	shard: Option<String>,
	/// Thousandths of its shard the learner keeps to score proposals.
	#[arg(long, default_value_t = 250)]
	validation_permille: u32,
	/// How each proposal is trained from the head: epochs, batch size, learning rate, mode.
	#[arg(long, default_value = r#"{"epochs":5}"#)]
	schedule: String,
	/// DP-SGD for experiments with a privacy budget, as JSON: sample_rate_ppb,
	/// noise_multiplier_milli, clip_norm_milli and steps, e.g.
	/// `{"sample_rate_ppb":50000000,"noise_multiplier_milli":1000,"clip_norm_milli":1000,"steps":40}`.
	/// Trained at `--schedule`'s learning rate and mode; its sampling and noise come from a
	/// secret kept in `<data-dir>/learner-dp-secret` (made on first use, mode 0600). Without
	/// it the learner sits out its turns to propose in such experiments.
	#[arg(long)]
	dp_sgd: Option<String>,
	/// Open a new experiment and learn in it: its initial model is trained on this learner's
	/// rows with `--initial` hyperparameters, and this process serves it.
	#[arg(long)]
	create: bool,
	/// The experiment's architecture (with `--create`).
	#[arg(long, default_value = "mlp")]
	architecture: String,
	/// Hyperparameters of the initial model, which fix the layers (with `--create`).
	#[arg(long, default_value = r#"{"epochs":1,"hidden":[32]}"#)]
	initial: String,
	/// Blocks in each of a round's windows: proposal, commit, reveal (with `--create`).
	#[arg(long, default_value_t = 8)]
	window: u32,
	/// SYN the experiment pays per accepted round (with `--create`).
	#[arg(long, default_value_t = 5.0)]
	reward: f64,
	/// SYN in the reward pool (with `--create`).
	#[arg(long, default_value_t = 100.0)]
	pool: f64,
	/// The least median improvement, in millionths of accuracy, an accepted round shows
	/// (with `--create`).
	#[arg(long, default_value_t = 0)]
	min_improvement: i64,
	/// Each coldkey's privacy budget, in millionths of epsilon, at `--delta` (with
	/// `--create`); none by default, for an experiment whose learners train without
	/// differential privacy.
	#[arg(long)]
	epsilon_budget: Option<u64>,
	/// The privacy budget's delta, in parts per 10^18 (with `--epsilon-budget`).
	#[arg(long, default_value_t = 10_000_000_000_000)]
	delta: u64,
	/// SYN of stake a learner needs (with `--create`).
	#[arg(long, default_value_t = 10.0)]
	min_stake: f64,
	#[arg(long, default_value_t = 8)]
	max_learners: u32,
	/// Rounds in a row without an accepted proposal after which the experiment closes and
	/// its pool comes back (with `--create`).
	#[arg(long, default_value_t = 20)]
	max_skipped_rounds: u32,
}

// Parsed once per process: the size of the biggest variant costs nothing.
#[allow(clippy::large_enum_variant)]
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
	/// The dataset; the test split is kept back to evaluate the result.
	#[command(flatten)]
	data: DataArgs,
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
	/// Blocks in each of the job's windows (assignment, the miners' commits, the
	/// committee's commits, reveals); at least 6.
	#[arg(long, default_value_t = 10)]
	step_blocks: u64,
	/// Serves a poisoned training set: relabelled to claim u32::MAX classes while the spec
	/// declares the true count, as an attacker would to make every worker build a head of
	/// u32::MAX outputs. In the fault-injection build only.
	#[cfg(feature = "fault-injection")]
	#[arg(long)]
	poison: bool,
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
	Ok(Some(take_shard(data, shard)?))
}

/// Shard `K/N` of `data` (all of it without `--shard`).
fn take_shard(data: Dataset, shard: &Option<String>) -> Result<Dataset> {
	let Some(shard) = shard else { return Ok(data) };
	let (k, n) = shard
		.split_once('/')
		.and_then(|(k, n)| Some((k.parse::<usize>().ok()?, n.parse::<usize>().ok()?)))
		.filter(|(k, n)| k < n)
		.with_context(|| format!("--shard {shard:?}: expected K/N with K < N"))?;
	Ok(data.shards(0, n).swap_remove(k))
}

/// A learner: joins (or opens) its experiment and follows the chain.
async fn learn(
	cli_node: &str,
	hotkey: subxt_signer::sr25519::Keypair,
	args: LearnerArgs,
	store: artifacts::Store,
	metrics: Arc<metrics::Metrics>,
	state_path: PathBuf,
) -> Result<()> {
	let schedule: synod_ml::Hyperparameters = serde_json::from_str(&args.schedule)
		.context("--schedule is not valid JSON for hyperparameters")?;
	schedule.check()?;
	let private = match &args.dp_sgd {
		None => None,
		Some(json) => {
			let dp: synod_ml::DpSgd =
				serde_json::from_str(json).context("--dp-sgd is not valid JSON for DP-SGD")?;
			let secret_path = state_path.with_file_name("learner-dp-secret");
			Some(learner::Private { dp, secret: learner::noise_secret(&secret_path)? })
		},
	};
	let (rows, _test) = args.data.choice().split()?;
	let (train, validation) = take_shard(rows, &args.shard)?.split(11, args.validation_permille);
	anyhow::ensure!(
		train.rows() > 0 && validation.rows() > 0,
		"the shard leaves {} rows to train on and {} to validate on",
		train.rows(),
		validation.rows()
	);
	let server =
		join(cli_node, &hotkey, &args.neuron, args.serve, &store, &metrics, "learner").await?;
	let mut experiment = args.experiment;
	if args.create {
		let initial: synod_ml::Hyperparameters = serde_json::from_str(&args.initial)
			.context("--initial is not valid JSON for hyperparameters")?;
		let architecture =
			synod_ml::Architecture::lookup(&args.architecture, synod_ml::arch::VERSION)?;
		let (rows, hyper) = (train.clone(), initial.clone());
		let model = tokio::task::spawn_blocking(move || {
			synod_ml::train(architecture, &hyper, 0, &rows, |_| {})
		})
		.await??;
		let hash = store.put(&model.to_artifact())?;
		let config = learner::NewExperiment {
			architecture: args.architecture.clone(),
			min_improvement: args.min_improvement,
			window: args.window,
			reward: (args.reward * chain::SYN as f64) as u128,
			privacy: args.epsilon_budget.map(|epsilon| (epsilon, args.delta)),
			min_stake: (args.min_stake * chain::SYN as f64) as u128,
			max_learners: args.max_learners,
			max_skipped_rounds: args.max_skipped_rounds,
		};
		let chain =
			chain::Chain::connect(cli_node, hotkey.clone(), Duration::from_secs(120)).await?;
		experiment = learner::create_experiment(
			&chain,
			config.to_value(),
			&hash,
			&server.url_of(&hash),
			(args.pool * chain::SYN as f64) as u128,
		)
		.await?;
		tracing::info!(experiment, initial = %hash::to_hex(&hash), "created the experiment");
	}
	let mut role = learner::Learner {
		experiment,
		store,
		server,
		metrics: metrics.clone(),
		state: state::StateFile::open(&state_path)?,
		train,
		validation,
		schedule,
		private,
	};
	tracing::info!(
		experiment,
		train_rows = role.train.rows(),
		validation_rows = role.validation.rows(),
		"learner running"
	);
	follow::follow(cli_node, hotkey, &mut role, &metrics).await
}

/// What a miner, a validator and a learner do before their main loop: start the artifact
/// and metrics servers, and, given a coldkey, make the hotkey a staked neuron of the subnet.
async fn join(
	node: &str,
	hotkey: &subxt_signer::sr25519::Keypair,
	neuron: &NeuronArgs,
	serve: ServeArgs,
	store: &artifacts::Store,
	metrics: &Arc<metrics::Metrics>,
	role: &'static str,
) -> Result<server::Server> {
	let server = serve.start(store, metrics, role).await?;
	if let Some(coldkey) = &neuron.coldkey {
		let chain = chain::Chain::connect(node, hotkey.clone(), Duration::from_secs(120)).await?;
		let coldkey = keys::load(coldkey)?;
		setup::ensure_neuron(&chain, neuron.netuid, &coldkey, neuron.stake, neuron.fund).await?;
	}
	Ok(server)
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
	let addresses = if cli.allow_private_addresses {
		artifacts::Addresses::AllowPrivate
	} else {
		artifacts::Addresses::PublicOnly
	};
	if let RoleCommand::ComputeJob { max_memory_bytes, parent_pid } = &cli.role {
		let store = artifacts::Store::open(&cli.data_dir)?.with_addresses(addresses);
		return isolate::child(&store, *max_memory_bytes, *parent_pid);
	}
	if let RoleCommand::Evaluate { model, uri, data } = &cli.role {
		let store = artifacts::Store::open(&cli.data_dir)?.with_addresses(addresses);
		let hash = hash::from_hex(model.trim_start_matches("0x"))?;
		// `fetch` answers from the data directory when it holds the model.
		let bytes = match uri {
			Some(uri) => store.fetch(&hash, uri)?,
			None => store.get(&hash)?.with_context(|| {
				format!("model {model} is not in the data directory; give --uri")
			})?,
		};
		let trained = synod_ml::TrainedModel::from_artifact(&bytes, None)?;
		let (_, test) = data.choice().split()?;
		let score = trained.evaluate(&test)?.score();
		println!("{}", serde_json::json!({ "model": model, "rows": test.rows(), "score": score }));
		return Ok(());
	}
	let hotkey =
		keys::load(cli.hotkey.as_deref().context("--hotkey (or SYNOD_HOTKEY) is required")?)?;
	let store = artifacts::Store::open(&cli.data_dir)?.with_addresses(addresses);
	let metrics = Arc::new(metrics::Metrics::default());
	let patience = Duration::from_secs(120);

	match cli.role {
		RoleCommand::Miner(args) => {
			let fault = args.fault();
			let server =
				join(&cli.node, &hotkey, &args.neuron, args.serve, &store, &metrics, "miner")
					.await?;
			let mut miner = miner::Miner {
				store,
				server,
				metrics: metrics.clone(),
				state: state::StateFile::open(&cli.data_dir.join("miner-state.json"))?,
				fault,
				private_data: private_data(&args.private_data, &args.shard)?,
			};
			tracing::info!(netuid = args.neuron.netuid, ?fault, "miner running");
			follow::follow(&cli.node, hotkey, &mut miner, &metrics).await
		},
		RoleCommand::Validator(args) => {
			let fault = args.fault();
			let server =
				join(&cli.node, &hotkey, &args.neuron, args.serve, &store, &metrics, "validator")
					.await?;
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
				fault,
			};
			tracing::info!(netuid = args.neuron.netuid, ?fault, "validator running");
			follow::follow(&cli.node, hotkey, &mut validator, &metrics).await
		},
		RoleCommand::Learner(args) => {
			let state_path = cli.data_dir.join("learner-state.json");
			learn(&cli.node, hotkey, args, store, metrics, state_path).await
		},
		RoleCommand::Moments { .. }
		| RoleCommand::Evaluate { .. }
		| RoleCommand::ComputeJob { .. } => {
			unreachable!("answered before connecting")
		},
		RoleCommand::CreateSubnet { tempo, max_validators, spot_checks } => {
			let chain = chain::Chain::connect(&cli.node, hotkey, patience).await?;
			let netuid = subnet::create(&chain).await?;
			let changes: Vec<(&str, u128)> = [
				("tempo", tempo),
				("max_validators", max_validators),
				("jobs.spot_checks", spot_checks.map(u16::from)),
			]
			.into_iter()
			.filter_map(|(name, value)| Some((name, u128::from(value?))))
			.collect();
			subnet::set_hyperparameters(&chain, netuid, &changes).await?;
			println!(
				"{}",
				serde_json::json!({
					"netuid": netuid,
					"tempo": tempo,
					"maxValidators": max_validators,
					"spotChecks": spot_checks,
				})
			);
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
							data: args.data.choice(),
							model: args.model,
							columns: args.columns,
							seed: args.seed,
							bounty: args.bounty,
							replicas: args.replicas,
							step_blocks: args.step_blocks,
						},
					};
					let server = args.serve.start(&store, &metrics, "requester").await?;
					#[cfg(feature = "fault-injection")]
					let poison = args.poison;
					#[cfg(not(feature = "fault-injection"))]
					let poison = false;
					requester::post(&chain, &store, &server, &spec, poison).await
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
