//! Each computation in a child process of its own, with a memory limit and a deadline.
//!
//! A job within its subnet's limits can still need more memory than this machine has, and a
//! bug in a backend can still loop or abort. So a miner's or validator's computation runs in
//! `synod-worker compute-job`, a child that limits its own address space (from the cost
//! model's peak, with room for threads and the allocator) and dies with its parent; the
//! parent kills it at the job's deadline. A child that is killed, aborts on a failed
//! allocation or runs out of time is a failed try, recorded and retried with backoff while
//! the deadline allows (`compute::begin_attempt`): never a crash of the worker, and never a
//! refusal (a machine's limits are not the job's fault).

use crate::{
	artifacts::{Addresses, Store},
	chain::SpecView,
	commitments::Refusal,
	compute::{self, Fault, Refuse},
};
use anyhow::{anyhow, bail, Context, Result};
use serde::{Deserialize, Serialize};
use std::{process::Stdio, time::Duration};
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

/// What a child is asked to compute.
#[derive(Serialize, Deserialize)]
pub struct Request {
	pub job: u64,
	pub spec: SpecView,
	/// The fault-injection build's wrong-seed miner.
	pub wrong_seed: bool,
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
		let peak = spec.cost().map_or(0, |cost| cost.peak_bytes);
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
	let request = Request { job, spec: spec.clone(), wrong_seed: fault.wrong_seed() };
	let mut stdin = child.stdin.take().context("the child's stdin")?;
	stdin.write_all(&serde_json::to_vec(&request)?).await?;
	drop(stdin);
	let output = match tokio::time::timeout(limits.deadline, child.wait_with_output()).await {
		Ok(output) => output?,
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
	let answer: Answer = serde_json::from_str(line.trim())
		.map_err(|e| anyhow!("the child answered {line:?}: {e}"))?;
	match answer {
		Answer::Digest(hash) => {
			let hash = synod_ml::hash::from_hex(&hash)?;
			store.get(&hash)?.ok_or_else(|| anyhow!("the child stored no artifact {hash:?}"))
		},
		Answer::Refused { reason, found } => Err(Refuse(reason, found).into()),
		Answer::Failed(error) => Err(anyhow!(error)),
	}
}

/// The threads a child computes on: this machine's, at most the cost model's
/// `MAX_BATCHES_IN_FLIGHT` (the results do not depend on it).
fn rayon_threads() -> usize {
	let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
	cores.min(synod_cost::memory::MAX_BATCHES_IN_FLIGHT as usize)
}

/// The child's side: limits its own address space, dies with its parent (`parent`, the
/// worker's pid), computes the job read from stdin and prints its [`Answer`].
pub fn child(store: &Store, max_memory_bytes: u64, parent: Option<u32>) -> Result<()> {
	limit_self(max_memory_bytes, parent)?;
	let request: Request = serde_json::from_reader(std::io::stdin().lock())
		.context("reading the job to compute from stdin")?;
	let fault = if request.wrong_seed { Fault::wrong_seed_if_built() } else { Fault::None };
	let answer = match compute::run(request.job, &request.spec, store, fault) {
		Ok(artifact) => Answer::Digest(synod_ml::hash::to_hex(&store.put(&artifact)?)),
		Err(e) => match e.chain().find_map(|c| c.downcast_ref::<Refuse>()) {
			Some(Refuse(reason, found)) => {
				Answer::Refused { reason: *reason, found: found.clone() }
			},
			None => Answer::Failed(format!("{e:#}")),
		},
	};
	println!("{}", serde_json::to_string(&answer)?);
	Ok(())
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
