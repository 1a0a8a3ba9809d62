//! Each computation in a child process of its own, with a memory limit and a deadline.
//!
//! A job within its subnet's limits can still need more memory than this machine has, and a
//! bug in a backend can still loop or abort. So a miner's or validator's computation runs in
//! `synod-worker compute-job`, a child that limits its own address space (from the cost
//! model's peak, with room for threads and the allocator) and dies with its parent; the
//! parent kills it at the job's deadline. A child that is killed, aborts on a failed
//! allocation or runs out of time is a failed try, recorded and retried with backoff while
//! the deadline allows (`compute::begin_attempt`): never a crash of the worker, and never a
//! refusal (a machine's limits are not the job's fault). A learner's scoring of a proposal
//! and its fine-tuning of the head run the same way, with the limits a job of the head's
//! architecture and settings on its rows would have, and its window's end as the deadline;
//! its private rows go to the child on stdin, never into the store it serves.

use crate::{
	artifacts::{Addresses, Store},
	chain::SpecView,
	commitments::Refusal,
	compute::{self, Fault, KeptTrace, Refuse},
	spot_check::Opened,
};
use anyhow::{anyhow, bail, ensure, Context, Result};
use serde::{Deserialize, Serialize};
use std::{
	io::{BufRead, Read},
	process::Stdio,
	time::Duration,
};
use synod_ml::{ContentHash, Dataset, DpSgd, Hyperparameters, NoiseSecret, TrainedModel};
use tokio::io::AsyncWriteExt;

/// What a computation may take beyond the cost model's peak: thread stacks, allocator
/// arenas, the binary itself. Address space, not resident memory, so it is generous.
pub const ADDRESS_SPACE_SLACK: u64 = 2 << 30;
/// The seconds a block is assumed to take when a deadline in blocks becomes a wall-clock
/// limit (the runtime's target block time).
pub const SECONDS_PER_BLOCK: u64 = 3;
/// The shortest wall-clock limit, however close the deadline.
pub const MIN_DEADLINE: Duration = Duration::from_secs(30);
/// Blocks before the deadline by which a computation must be done, so that its commit
/// still lands (the worker follows finalized blocks, which lag the best one).
pub const COMMIT_MARGIN_BLOCKS: u64 = 2;

/// What a child is asked to compute: one JSON line on its stdin, followed, for a learner's
/// tasks, by its private rows (a dataset artifact), which never touch the store (the store
/// is what the worker serves).
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Task {
	/// A job of the chain, as [`compute::run`] computes it; `wrong_seed` is the
	/// fault-injection build's wrong-seed miner.
	Job { job: u64, spec: SpecView, wrong_seed: bool },
	/// A spot-checked training job, trained with a trace ([`compute::run_traced`]);
	/// `diverge_from` is the fault-injection build's diverging miner.
	TracedJob { job: u64, spec: SpecView, wrong_seed: bool, diverge_from: Option<u32> },
	/// A committee member's re-execution of a spot-checked job's `places`, from the
	/// miners' `opened` traces ([`crate::spot_check::check`]).
	SpotCheck { job: u64, spec: SpecView, places: Vec<u32>, opened: Vec<Opened> },
	/// A learner's vote: the head and the proposal (hashes of models in the store; none for
	/// a proposal that could not be fetched acceptably) scored on the validation rows.
	Score { head: String, proposal: Option<String> },
	/// A learner's proposal: the head fine-tuned with `schedule` (a hyperparameter
	/// encoding, hex) and `seed` on the training rows; the model goes to the store.
	FineTune { head: String, schedule: String, seed: u64 },
	/// A learner's proposal trained with DP-SGD: the head fine-tuned at `schedule`'s
	/// learning rate and mode as `dp` declares, sampling and noise keyed by `secret` (hex;
	/// on the pipe, never on a command line) and `context` (hex).
	FineTunePrivate { head: String, schedule: String, dp: DpSgd, secret: String, context: String },
}

/// What a child answers on its stdout.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Answer {
	/// The result artifact, stored under this hash.
	Digest(String),
	/// The job is refused, with what was found.
	Refused { reason: Refusal, found: String },
	/// The job could not be computed (an outage, a bug).
	Failed(String),
	/// A traced run: every checkpoint and the model are in the store.
	Traced(KeptTrace),
	/// The values a spot check reached at its places, hex.
	Reached(Vec<String>),
	/// A spot check found no start it could check from.
	Unreachable(String),
	/// A learner's scores (higher is better) of the head and of the proposal; the proposal's
	/// is none when it is no model of the head's layers, which every honest learner finds.
	Scores { head: f64, proposal: Option<f64> },
}

/// The limits of one computation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
	/// The child's address space, in bytes.
	pub memory: u64,
	/// How long it may run.
	pub deadline: Duration,
}

impl Limits {
	/// The limits of `spec` with `blocks_left` blocks to its deadline: twice the cost
	/// model's peak plus [`ADDRESS_SPACE_SLACK`], at most `ceiling` bytes.
	pub fn of(spec: &SpecView, blocks_left: u64, ceiling: u64) -> Self {
		Self::within(spec.cost().map_or(0, |cost| cost.peak_bytes), blocks_left, ceiling)
	}

	/// The limits of `work` with `model` on `rows` rows, as a job of that model's
	/// architecture and settings would have.
	pub fn of_model(
		model: &TrainedModel,
		work: synod_cost::Work,
		rows: usize,
		blocks_left: u64,
		ceiling: u64,
	) -> Self {
		let shape = synod_cost::Shape {
			rows: rows.try_into().unwrap_or(u32::MAX),
			features: model.features.try_into().unwrap_or(u32::MAX),
			outputs: model.outputs.try_into().unwrap_or(u32::MAX),
		};
		let cost = synod_cost::job_cost(
			model.architecture.name().as_bytes(),
			synod_ml::arch::VERSION,
			&model.hyperparameters.to_bytes(),
			work,
			shape,
		);
		// A model that loaded has a cost; none would leave only the slack.
		Self::within(cost.map_or(0, |cost| cost.peak_bytes), blocks_left, ceiling)
	}

	fn within(peak: u64, blocks_left: u64, ceiling: u64) -> Self {
		let memory = peak.saturating_mul(2).saturating_add(ADDRESS_SPACE_SLACK).min(ceiling);
		let blocks = blocks_left.saturating_sub(COMMIT_MARGIN_BLOCKS);
		let deadline = Duration::from_secs(blocks.saturating_mul(SECONDS_PER_BLOCK));
		Self { memory, deadline: deadline.max(MIN_DEADLINE) }
	}
}

/// Runs job `job` in a child process within `limits`, as [`compute::run`] would in this one.
pub async fn run(
	job: u64,
	spec: &SpecView,
	store: &Store,
	fault: Fault,
	limits: Limits,
) -> Result<Vec<u8>> {
	let task = Task::Job { job, spec: spec.clone(), wrong_seed: fault.wrong_seed() };
	match ask(store, &task, &[], limits).await? {
		Answer::Digest(hash) => stored(store, &hash),
		Answer::Refused { reason, found } => Err(Refuse(reason, found).into()),
		Answer::Failed(error) => Err(anyhow!(error)),
		_ => bail!("the child answered a job with something else"),
	}
}

/// Trains spot-checked job `job` with a trace in a child process within `limits`.
pub async fn run_traced(
	job: u64,
	spec: &SpecView,
	store: &Store,
	fault: Fault,
	limits: Limits,
) -> Result<KeptTrace> {
	let task = Task::TracedJob {
		job,
		spec: spec.clone(),
		wrong_seed: fault.wrong_seed(),
		diverge_from: fault.diverge_from(),
	};
	match ask(store, &task, &[], limits).await? {
		Answer::Traced(trace) => Ok(trace),
		Answer::Refused { reason, found } => Err(Refuse(reason, found).into()),
		Answer::Failed(error) => Err(anyhow!(error)),
		_ => bail!("the child answered a traced job with something else"),
	}
}

/// Re-executes `places` of spot-checked job `job` from the miners' `opened` traces in a
/// child process within `limits`; the values reached, or the refusal or
/// [`crate::spot_check::Unreachable`] that is the report.
pub async fn spot_check(
	job: u64,
	spec: &SpecView,
	store: &Store,
	(places, opened): (&[u32], &[Opened]),
	limits: Limits,
) -> Result<Vec<[u8; 32]>> {
	let task = Task::SpotCheck {
		job,
		spec: spec.clone(),
		places: places.to_vec(),
		opened: opened.to_vec(),
	};
	match ask(store, &task, &[], limits).await? {
		Answer::Reached(values) => crate::spot_check::from_hex(&values),
		Answer::Refused { reason, found } => Err(Refuse(reason, found).into()),
		Answer::Unreachable(why) => Err(crate::spot_check::Unreachable(why).into()),
		Answer::Failed(error) => Err(anyhow!(error)),
		_ => bail!("the child answered a spot check with something else"),
	}
}

/// Scores the stored `head` and `proposal` on `validation` in a child within `limits`:
/// the head's score and the proposal's (none if it is no model of the head's layers).
pub async fn score(
	store: &Store,
	head: &ContentHash,
	proposal: Option<&ContentHash>,
	validation: &Dataset,
	limits: Limits,
) -> Result<(f64, Option<f64>)> {
	let task = Task::Score {
		head: synod_ml::hash::to_hex(head),
		proposal: proposal.map(synod_ml::hash::to_hex),
	};
	match ask(store, &task, &validation.to_artifact(), limits).await? {
		Answer::Scores { head, proposal } => Ok((head, proposal)),
		Answer::Failed(error) => Err(anyhow!(error)),
		_ => bail!("the child answered a scoring with something else"),
	}
}

/// Fine-tunes the stored `head` with `schedule` and `seed` on `train` in a child within
/// `limits`; returns the new model's hash (in the store).
pub async fn fine_tune(
	store: &Store,
	head: &ContentHash,
	schedule: &Hyperparameters,
	seed: u64,
	train: &Dataset,
	limits: Limits,
) -> Result<ContentHash> {
	let task = Task::FineTune {
		head: synod_ml::hash::to_hex(head),
		schedule: hex::encode(schedule.to_bytes()),
		seed,
	};
	tuned_model(store, &task, train, limits).await
}

/// What [`fine_tune`] does, with DP-SGD as `dp` declares, keyed by `secret` and `context`.
pub async fn fine_tune_private(
	store: &Store,
	head: &ContentHash,
	schedule: &Hyperparameters,
	dp: &DpSgd,
	secret: &NoiseSecret,
	context: &[u8],
	train: &Dataset,
	limits: Limits,
) -> Result<ContentHash> {
	let task = Task::FineTunePrivate {
		head: synod_ml::hash::to_hex(head),
		schedule: hex::encode(schedule.to_bytes()),
		dp: *dp,
		secret: hex::encode(secret.0),
		context: hex::encode(context),
	};
	tuned_model(store, &task, train, limits).await
}

/// Runs a fine-tuning `task` on `train` in a child and returns the hash of the model it
/// stored.
async fn tuned_model(
	store: &Store,
	task: &Task,
	train: &Dataset,
	limits: Limits,
) -> Result<ContentHash> {
	match ask(store, task, &train.to_artifact(), limits).await? {
		Answer::Digest(hash) => {
			let hash = synod_ml::hash::from_hex(&hash)?;
			// Only that it is there: the caller serves it; reading it back would hash it again.
			ensure!(store.path_of(&hash).exists(), "the child stored no model {hash:?}");
			Ok(hash)
		},
		Answer::Failed(error) => Err(anyhow!(error)),
		_ => bail!("the child answered a fine-tuning with something else"),
	}
}

/// The stored artifact of `hash` (hex), which the child said it stored.
fn stored(store: &Store, hash: &str) -> Result<Vec<u8>> {
	let hash = synod_ml::hash::from_hex(hash)?;
	store.get(&hash)?.ok_or_else(|| anyhow!("the child stored no artifact {hash:?}"))
}

/// Runs `task` (with `private` rows after it on stdin) in a child process within `limits`
/// and returns its answer. A child killed at the deadline or by its memory limit is an
/// error: a failed try, for the caller to retry.
async fn ask(store: &Store, task: &Task, private: &[u8], limits: Limits) -> Result<Answer> {
	let exe = std::env::current_exe().context("finding this worker's binary")?;
	let mut command = tokio::process::Command::new(exe);
	command
		.arg("--data-dir")
		.arg(store.data_dir())
		.args((store.addresses() == Addresses::AllowPrivate).then_some("--allow-private-addresses"))
		.args(["compute-job", "--max-memory-bytes", &limits.memory.to_string()])
		.args(["--parent-pid", &std::process::id().to_string()])
		// Fewer malloc arenas: each reserves address space the limit would count.
		.env("MALLOC_ARENA_MAX", "2")
		// The cost model assumes at most this many inference batches at once.
		.env("RAYON_NUM_THREADS", rayon_threads().to_string())
		.stdin(Stdio::piped())
		.stdout(Stdio::piped())
		.stderr(Stdio::inherit())
		.kill_on_drop(true);
	let mut child = command.spawn().context("starting the compute-job child")?;
	let mut stdin = child.stdin.take().context("the child's stdin")?;
	let mut input = serde_json::to_vec(task)?;
	input.push(b'\n');
	input.extend_from_slice(private);
	// Written beside the wait: a child that dies early must not leave the write blocked.
	let write = async move {
		let written = stdin.write_all(&input).await;
		drop(stdin);
		written
	};
	let run = async { tokio::join!(write, child.wait_with_output()) };
	let output = match tokio::time::timeout(limits.deadline, run).await {
		Ok((_, output)) => output?,
		// Dropping the future drops the child, which `kill_on_drop` kills.
		Err(_) => {
			bail!("the computation ran past its deadline ({:?}) and was killed", limits.deadline)
		},
	};
	if !output.status.success() {
		bail!(
			"the computation died ({}) within a limit of {} MiB: out of memory, or killed",
			output.status,
			limits.memory >> 20
		);
	}
	let line = String::from_utf8_lossy(&output.stdout);
	serde_json::from_str(line.trim()).map_err(|e| anyhow!("the child answered {line:?}: {e}"))
}

/// The threads a child computes on: this machine's, at most the cost model's
/// `MAX_BATCHES_IN_FLIGHT` (the results do not depend on it).
fn rayon_threads() -> usize {
	let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
	cores.min(synod_cost::memory::MAX_BATCHES_IN_FLIGHT as usize)
}

/// The child's side: limits its own address space, dies with its parent (`parent`, the
/// worker's pid), computes the task read from stdin and prints its [`Answer`].
pub fn child(store: &Store, max_memory_bytes: u64, parent: Option<u32>) -> Result<()> {
	limit_self(max_memory_bytes, parent)?;
	let mut input = std::io::stdin().lock();
	let mut line = String::new();
	input.read_line(&mut line).context("reading the task from stdin")?;
	let task: Task = serde_json::from_str(&line).context("decoding the task")?;
	let mut private = Vec::new();
	input.read_to_end(&mut private).context("reading the task's private rows")?;
	let answer = match task {
		Task::Job { job, spec, wrong_seed } => {
			let fault = Fault::of_child(wrong_seed, None);
			match compute::run(job, &spec, store, fault) {
				Ok(artifact) => Answer::Digest(synod_ml::hash::to_hex(&store.put(&artifact)?)),
				Err(e) => refused_or_failed(e),
			}
		},
		Task::TracedJob { job, spec, wrong_seed, diverge_from } => {
			let fault = Fault::of_child(wrong_seed, diverge_from);
			match compute::run_traced(job, &spec, store, fault) {
				Ok(trace) => Answer::Traced(trace),
				Err(e) => refused_or_failed(e),
			}
		},
		Task::SpotCheck { job, spec, places, opened } => {
			match crate::spot_check::check(job, &spec, store, &places, &opened) {
				Ok(values) => Answer::Reached(crate::spot_check::to_hex(&values)),
				Err(e)
					if e.chain()
						.any(|c| c.downcast_ref::<crate::spot_check::Unreachable>().is_some()) =>
				{
					Answer::Unreachable(format!("{e:#}"))
				},
				Err(e) => refused_or_failed(e),
			}
		},
		Task::Score { head, proposal } => {
			scores(store, &head, proposal.as_deref(), &private).unwrap_or_else(failed)
		},
		Task::FineTune { head, schedule, seed } => {
			tuned(store, &head, &schedule, seed, &private).unwrap_or_else(failed)
		},
		Task::FineTunePrivate { head, schedule, dp, secret, context } => {
			tuned_privately(store, &head, &schedule, &dp, &secret, &context, &private)
				.unwrap_or_else(failed)
		},
	};
	println!("{}", serde_json::to_string(&answer)?);
	Ok(())
}

/// The answer for a job that failed: its refusal, if it is one.
fn refused_or_failed(error: anyhow::Error) -> Answer {
	match error.chain().find_map(|c| c.downcast_ref::<Refuse>()) {
		Some(Refuse(reason, found)) => Answer::Refused { reason: *reason, found: found.clone() },
		None => failed(error),
	}
}

fn failed(error: anyhow::Error) -> Answer {
	Answer::Failed(format!("{error:#}"))
}

/// The stored model `hash` (hex).
fn model(store: &Store, hash: &str) -> Result<TrainedModel> {
	let bytes = stored(store, hash)?;
	Ok(TrainedModel::from_artifact(&bytes, None)?)
}

/// The head's and the proposal's scores on the validation rows `rows` (an artifact).
fn scores(store: &Store, head: &str, proposal: Option<&str>, rows: &[u8]) -> Result<Answer> {
	let validation = Dataset::from_artifact(rows)?;
	let head = model(store, head)?;
	let before = head.evaluate(&validation)?.score();
	let after = match proposal {
		None => None,
		Some(hash) => {
			let bytes = stored(store, hash)?;
			// Refused before any layer is built unless it has exactly the head's layers.
			match TrainedModel::from_artifact_expecting(&bytes, None, Some(&head.header())) {
				Ok(mut proposal) => {
					// Scored in the head's batches: a proposal's own could be any size.
					proposal.hyperparameters.batch_size = head.hyperparameters.batch_size;
					Some(proposal.evaluate(&validation)?.score())
				},
				Err(e) => {
					tracing::warn!(error = %e, "the proposal is not a model of the head's layers");
					None
				},
			}
		},
	};
	Ok(Answer::Scores { head: before, proposal: after })
}

/// The head fine-tuned with `schedule` (hex) and `seed` on the training rows `rows`,
/// stored; answers its hash.
fn tuned(store: &Store, head: &str, schedule: &str, seed: u64, rows: &[u8]) -> Result<Answer> {
	let train = Dataset::from_artifact(rows)?;
	let head = model(store, head)?;
	let schedule = Hyperparameters::decode(&hex::decode(schedule)?)?;
	let tuned = synod_ml::fine_tune(&head, &schedule, seed, &train, |_| {})?;
	Ok(Answer::Digest(synod_ml::hash::to_hex(&store.put(&tuned.to_artifact())?)))
}

fn tuned_privately(
	store: &Store,
	head: &str,
	schedule: &str,
	dp: &DpSgd,
	secret: &str,
	context: &str,
	rows: &[u8],
) -> Result<Answer> {
	let train = Dataset::from_artifact(rows)?;
	let head = model(store, head)?;
	let schedule = Hyperparameters::decode(&hex::decode(schedule)?)?;
	let secret: [u8; 32] =
		hex::decode(secret)?.try_into().map_err(|_| anyhow!("a DP-SGD secret is 32 bytes"))?;
	let context = hex::decode(context)?;
	let tuned = synod_ml::fine_tune_private(
		&head,
		&schedule,
		dp,
		&NoiseSecret(secret),
		&context,
		&train,
		|_| {},
	)?;
	Ok(Answer::Digest(synod_ml::hash::to_hex(&store.put(&tuned.to_artifact())?)))
}

/// Caps this process's address space at `bytes` and has the kernel kill it when its parent
/// dies, so that a computation never outlives the worker that started it.
fn limit_self(bytes: u64, parent: Option<u32>) -> Result<()> {
	let limit = libc::rlimit { rlim_cur: bytes, rlim_max: bytes };
	// SAFETY: plain system calls on this process with a valid, initialised argument.
	if unsafe { libc::setrlimit(libc::RLIMIT_AS, &limit) } != 0 {
		bail!("setting the memory limit: {}", std::io::Error::last_os_error());
	}
	#[cfg(target_os = "linux")]
	// SAFETY: as above; PR_SET_PDEATHSIG takes a signal number.
	unsafe {
		libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
		// The parent may have died before the call: then this process is already orphaned
		// (adopted by init or a subreaper, whatever its pid).
		if parent.is_some_and(|parent| libc::getppid() as u32 != parent) {
			std::process::exit(1);
		}
	}
	Ok(())
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::chain::{ArtifactRef, ShapeView};

	#[test]
	fn limits_follow_the_cost_model_and_the_deadline() {
		let settings = synod_ml::Hyperparameters::default().to_bytes();
		let spec = SpecView {
			kind: serde_json::json!("train"),
			architecture: "mlp".into(),
			architecture_version: 1,
			inputs: vec![ArtifactRef { hash: "00".repeat(32), uri: "http://x/y".into() }],
			hyperparameters: format!("0x{}", hex::encode(&settings)),
			seed: 1,
			shape: ShapeView { rows: 1437, features: 64, outputs: 10 },
		};
		let peak = spec.cost().expect("a training job has a cost").peak_bytes;
		let limits = Limits::of(&spec, 40, u64::MAX);
		assert_eq!(limits.memory, 2 * peak + ADDRESS_SPACE_SLACK);
		assert_eq!(limits.deadline, Duration::from_secs(3 * (40 - COMMIT_MARGIN_BLOCKS)));
		assert_eq!(Limits::of(&spec, 2, 1 << 30).deadline, MIN_DEADLINE);
		assert_eq!(Limits::of(&spec, 2, 1 << 30).memory, 1 << 30, "the operator's ceiling");
		let statistics = SpecView { kind: serde_json::json!({"federatedStatistics": {}}), ..spec };
		assert_eq!(statistics.cost(), None);
	}
}
