//! Running a job's spec: fetch its inputs by hash, train or infer with synod-ml, and return
//! the result artifact whose hash goes on chain.

use crate::{
	artifacts::{Store, Unacceptable},
	chain::{ShapeView, SpecView},
	commitments::{JobResult, Refusal},
};
use anyhow::{bail, Result};
use indicatif::{ProgressBar, ProgressStyle};
use synod_cost::memory::{dataset_artifact_bytes, model_artifact_bytes};
use synod_ml::{
	dataset::Targets, hash, Architecture, Dataset, Hyperparameters, ModelHeader, TrainedModel,
};

/// What a deliberately faulty worker does instead of the job, in the `fault-injection`
/// build only (demos and end-to-end tests of the defences); the default build has `None`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
	None,
	/// Trains with another seed, so that its result is plausible but wrong.
	#[cfg(feature = "fault-injection")]
	WrongSeed,
	/// Computes nothing: copies another party's commitment and replays its reveal.
	#[cfg(feature = "fault-injection")]
	Copy,
	/// Trains a spot-checked job honestly up to checkpoint `n - 1`, then on subtly altered
	/// rows: a trace that first parts from the honest one at checkpoint `n`.
	#[cfg(feature = "fault-injection")]
	DivergeFrom(u32),
}

impl Fault {
	/// The seed a job with `seed` is run with.
	fn seed(self, seed: u64) -> u64 {
		#[cfg(feature = "fault-injection")]
		if self == Fault::WrongSeed {
			return seed.wrapping_add(1);
		}
		seed
	}

	/// Whether this is the wrong-seed miner (what a child process is told).
	pub fn wrong_seed(self) -> bool {
		#[cfg(feature = "fault-injection")]
		if self == Fault::WrongSeed {
			return true;
		}
		false
	}

	/// The checkpoint from which a traced run parts from the honest one, if it is to.
	pub fn diverge_from(self) -> Option<u32> {
		#[cfg(feature = "fault-injection")]
		if let Fault::DivergeFrom(checkpoint) = self {
			return Some(checkpoint);
		}
		None
	}

	/// The fault a child is told of: `wrong_seed`, or parting at checkpoint `diverge_from`.
	pub fn of_child(wrong_seed: bool, diverge_from: Option<u32>) -> Self {
		#[cfg(feature = "fault-injection")]
		if let Some(checkpoint) = diverge_from {
			return Fault::DivergeFrom(checkpoint);
		}
		let _ = diverge_from;
		if wrong_seed {
			Self::wrong_seed_if_built()
		} else {
			Fault::None
		}
	}

	/// The wrong-seed fault where the build has it, else none.
	pub fn wrong_seed_if_built() -> Self {
		#[cfg(feature = "fault-injection")]
		return Fault::WrongSeed;
		#[cfg(not(feature = "fault-injection"))]
		Fault::None
	}

	/// Whether inference outputs are to be corrupted.
	fn corrupts(self) -> bool {
		#[cfg(feature = "fault-injection")]
		if self == Fault::WrongSeed {
			return true;
		}
		false
	}
}

/// Why this worker declines a job, with what it found: the answer it commits to instead of
/// a digest. Only for what every honest worker finds alike (an input that is not what the
/// chain names, settings beyond what the worker runs); a node or network failure is no
/// refusal, since the committee would compute the job and the refusal would be wrong.
#[derive(Debug)]
pub struct Refuse(pub Refusal, pub String);

impl std::fmt::Display for Refuse {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		write!(f, "refusing ({:?}): {}", self.0, self.1)
	}
}

impl std::error::Error for Refuse {}

/// The refusal behind `error`, if it is one.
pub fn refusal(error: &anyhow::Error) -> Option<Refusal> {
	error.chain().find_map(|cause| cause.downcast_ref::<Refuse>()).map(|refuse| refuse.0)
}

/// What a finished computation of job `job` answers on chain: the digest of its artifact (kept
/// in `store`), or the refusal its error stands for. `Ok(None)` with the error logged when it
/// is neither (an outage, a bug): then there is no answer to give, and the caller decides what
/// to record. `role` names the computation in the logs ("computing", "re-executing").
pub fn answer(
	job: u64,
	role: &str,
	computed: Result<Vec<u8>>,
	store: &Store,
) -> Result<Result<JobResult, anyhow::Error>> {
	match computed {
		Ok(artifact) => Ok(Ok(JobResult::Digest(store.put(&artifact)?))),
		Err(e) => Ok(match refusal(&e) {
			Some(reason) => {
				tracing::warn!(job, error = format!("{e:#}"), "{role}: the job is refused");
				Ok(JobResult::Refused(reason))
			},
			None => {
				tracing::error!(job, error = format!("{e:#}"), "{role}: cannot compute the job");
				Err(e)
			},
		}),
	}
}

fn refuse<E: std::fmt::Display>(reason: Refusal) -> impl FnOnce(E) -> anyhow::Error {
	move |error| Refuse(reason, format!("{error:#}")).into()
}

/// Input `index` of the spec, at most `max_bytes` (what the declared shape allows).
fn input(
	spec: &SpecView,
	store: &Store,
	index: usize,
	what: &str,
	max_bytes: u64,
) -> Result<Vec<u8>> {
	let artifact = spec
		.inputs
		.get(index)
		.ok_or_else(|| Refuse(Refusal::InputMismatch, format!("the job names no {what}")))?;
	let expected = hash::from_hex(&artifact.hash)?;
	store.fetch_within(&expected, &artifact.uri, max_bytes).map_err(|error| {
		let context = format!("fetching the {what} from {}", artifact.uri);
		if error.downcast_ref::<Unacceptable>().is_some() {
			Refuse(Refusal::InputMismatch, format!("{context}: {error:#}")).into()
		} else {
			error.context(context)
		}
	})
}

fn progress_bar(epochs: u32, job: u64) -> ProgressBar {
	let bar = ProgressBar::new(epochs.into());
	bar.set_style(
		ProgressStyle::with_template("job {prefix} [{bar:30}] epoch {pos}/{len} loss {msg}")
			.expect("a valid template")
			.progress_chars("=> "),
	);
	bar.set_prefix(job.to_string());
	bar
}

/// Refuses a dataset that is not the declared shape: `labelled`, a training set, whose
/// classes (or regression targets) must give the declared outputs.
fn check_dataset(data: &Dataset, declared: ShapeView, labelled: bool) -> Result<()> {
	let outputs = match data.targets() {
		Targets::Classes { classes, .. } => Some(*classes),
		Targets::Values(_) => Some(1),
		Targets::None => None,
	};
	let rows_fit = data.rows() == declared.rows as usize;
	let features_fit = data.features() == declared.features as usize;
	let outputs_fit = !labelled || outputs == Some(declared.outputs);
	if rows_fit && features_fit && outputs_fit {
		return Ok(());
	}
	let found = format!(
		"{} rows of {} features with {} outputs, where the job declares {} rows of {} features \
		 with {} outputs",
		data.rows(),
		data.features(),
		outputs.map_or("no".to_string(), |o| o.to_string()),
		declared.rows,
		declared.features,
		declared.outputs
	);
	Err(Refuse(Refusal::InputMismatch, found).into())
}

/// A job's architecture and settings, refused as [`run`] refuses them.
pub fn job_settings(spec: &SpecView) -> Result<(Architecture, Hyperparameters)> {
	let hyper = Hyperparameters::decode(&spec.hyperparameter_bytes()?)
		.map_err(refuse(Refusal::ExceedsLimits))?;
	let architecture = Architecture::lookup(&spec.architecture, spec.architecture_version)
		.map_err(refuse(Refusal::ExceedsLimits))?;
	let family =
		synod_cost::Family::lookup(spec.architecture.as_bytes(), spec.architecture_version)
			.ok_or_else(|| Refuse(Refusal::ExceedsLimits, "no cost model for it".into()))?;
	let shape = spec.shape;
	synod_cost::check_shape(family, &hyper.settings(), shape.into()).map_err(|_| {
		Refuse(Refusal::InputMismatch, format!("the declared shape {shape:?} is no data"))
	})?;
	Ok((architecture, hyper))
}

/// A training job's training set, fetched within its declared shape and checked against it.
pub fn training_set(spec: &SpecView, store: &Store) -> Result<Dataset> {
	let data_bytes = dataset_artifact_bytes(spec.shape.into());
	let data = Dataset::from_artifact(&input(spec, store, 0, "training set", data_bytes)?)
		.map_err(refuse(Refusal::InputMismatch))?;
	check_dataset(&data, spec.shape, true)?;
	Ok(data)
}

/// A spot-checked training job's trace, as the miner keeps it: every checkpoint and the
/// output model are in the store, under these hashes.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct KeptTrace {
	pub checkpoints: Vec<String>,
	pub output: String,
}

impl KeptTrace {
	/// The trace of job `job` with seed `seed`: what its leaves and root are computed from.
	pub fn trace(&self, job: u64, seed: u64) -> Result<synod_trace::Trace> {
		let checkpoints =
			self.checkpoints.iter().map(|c| hash::from_hex(c)).collect::<Result<_, _>>()?;
		let output = hash::from_hex(&self.output)?;
		Ok(synod_trace::Trace { key: synod_trace::trace_key(job, seed), checkpoints, output })
	}
}

/// Trains spot-checked job `job` with a trace, keeping every checkpoint and the model in
/// `store`: checked and refused as [`run`] does.
pub fn run_traced(job: u64, spec: &SpecView, store: &Store, fault: Fault) -> Result<KeptTrace> {
	let (architecture, hyper) = job_settings(spec)?;
	if spec.kind.as_str() != Some("train") {
		bail!("job {job} is a {} job, which has no trace", spec.kind);
	}
	let data = training_set(spec, store)?;
	let seed = fault.seed(spec.seed);
	let key = synod_trace::trace_key(job, spec.seed);
	let bar = progress_bar(hyper.epochs, job);
	let mut checkpoints = Vec::new();
	let stop_after = fault.diverge_from().map(|checkpoint| checkpoint.saturating_sub(1));
	let traced = synod_ml::train_traced(
		architecture,
		&hyper,
		seed,
		&data,
		&key,
		|p| {
			bar.set_position(p.epoch.into());
			bar.set_message(format!("{:.4}", p.loss));
		},
		|index, checkpoint| {
			checkpoints.push(hash::to_hex(&store.put(checkpoint.bytes()).map_err(io_error)?));
			if stop_after == Some(index) {
				return Err(synod_ml::MlError::BadArtifact(DIVERGING.into()));
			}
			Ok(())
		},
	);
	bar.finish_and_clear();
	let output = match (traced, stop_after) {
		(Ok(run), _) => hash::to_hex(&store.put(&run.model.to_artifact())?),
		(Err(_), Some(from)) => {
			let expected = synod_ml::ExpectedRun { architecture, hyperparameters: &hyper, seed };
			diverge(store, expected, &data, from, &mut checkpoints)?
		},
		(Err(e), None) => return Err(e.into()),
	};
	tracing::info!(job, segments = checkpoints.len() - 1, "trained with a trace");
	Ok(KeptTrace { checkpoints, output })
}

/// What stops the diverging miner's honest run where its own begins.
const DIVERGING: &str = "the fault-injection build parts from the honest run here";

fn io_error(error: anyhow::Error) -> synod_ml::MlError {
	synod_ml::MlError::BadArtifact(format!("{error:#}"))
}

/// The diverging miner's run on from its honest checkpoint `from`: each later segment on
/// rows whose first value is negated, each checkpoint stored and listed; returns the
/// output model's hash.
fn diverge(
	store: &Store,
	expected: synod_ml::ExpectedRun<'_>,
	data: &Dataset,
	from: u32,
	checkpoints: &mut Vec<String>,
) -> Result<String> {
	let mut values = data.values().to_vec();
	if let Some(first) = values.first_mut() {
		*first = -*first - 1.0;
	}
	let altered = Dataset::new(data.features(), values, data.targets().clone())?;
	let segments = synod_ml::layout_of(expected.hyperparameters, data)?.segments();
	let mut at = synod_ml::Checkpoint::from_bytes(
		store.get(&hash::from_hex(&checkpoints[from as usize])?)?.unwrap_or_default(),
	)?;
	for until in from + 1..=segments {
		at = synod_ml::replay(&at, expected, &altered, until - 1, until, |_| {})?;
		checkpoints.push(hash::to_hex(&store.put(at.bytes())?));
	}
	tracing::warn!(from, "trained a trace that parts from the honest one");
	Ok(hash::to_hex(&store.put(&at.model(None)?.to_artifact())?))
}

/// Runs job `job` and returns its result artifact. Every input is checked against the
/// spec's declared shape, and downloaded no larger than it allows, before anything is built
/// from it: a job whose inputs are not what it declared (and so not what the chain priced)
/// is refused.
pub fn run(job: u64, spec: &SpecView, store: &Store, fault: Fault) -> Result<Vec<u8>> {
	let (architecture, hyper) = job_settings(spec)?;
	let family =
		synod_cost::Family::lookup(spec.architecture.as_bytes(), spec.architecture_version)
			.ok_or_else(|| Refuse(Refusal::ExceedsLimits, "no cost model for it".into()))?;
	let shape = spec.shape;
	let data_bytes = dataset_artifact_bytes(shape.into());
	match spec.kind.as_str() {
		Some("train") => {
			let data = training_set(spec, store)?;
			let seed = fault.seed(spec.seed);
			let bar = progress_bar(hyper.epochs, job);
			let started = std::time::Instant::now();
			let model = synod_ml::train(architecture, &hyper, seed, &data, |p| {
				bar.set_position(p.epoch.into());
				bar.set_message(format!("{:.4}", p.loss));
				tracing::debug!(job, epoch = p.epoch, loss = p.loss, "trained an epoch");
			})?;
			bar.finish_and_clear();
			tracing::info!(
				job,
				architecture = architecture.name(),
				rows = data.rows(),
				epochs = hyper.epochs,
				seconds = started.elapsed().as_secs_f32(),
				"trained"
			);
			Ok(model.to_artifact())
		},
		Some("infer") => {
			let (features, outputs) = (shape.features as usize, shape.outputs as usize);
			let declared = ModelHeader::declared(architecture, &hyper, features, outputs);
			let layers = synod_cost::model::Layers::of(
				family,
				&hyper.settings(),
				shape.features,
				shape.outputs,
			);
			let bytes = input(spec, store, 0, "model", model_artifact_bytes(&layers))?;
			let mut model =
				TrainedModel::from_artifact_expecting(&bytes, Some(hyper.mode), Some(&declared))
					.map_err(refuse(Refusal::InputMismatch))?;
			// Batches of the spec's size, which the job was priced by, not the artifact's.
			model.hyperparameters.batch_size = hyper.batch_size;
			let data = Dataset::from_artifact(&input(spec, store, 1, "inputs", data_bytes)?)
				.map_err(refuse(Refusal::InputMismatch))?;
			check_dataset(&data, shape, false)?;
			let mut outputs = model.predict(&data)?;
			if fault.corrupts() {
				outputs.values.iter_mut().for_each(|v| *v = -*v);
			}
			tracing::info!(job, rows = data.rows(), "inferred");
			Ok(outputs.to_artifact())
		},
		_ => bail!("job {job} is a {} job, which has no artifact to compute", spec.kind),
	}
}

/// The longest wait between two tries of a job that failed, in blocks.
pub const MAX_RETRY_WAIT: u64 = 32;

/// The finalized block from which a job that failed its `attempts`-th try at `failed_at`
/// is tried again: 1, 2, 4, ... blocks later, at most [`MAX_RETRY_WAIT`]. An outage (a
/// download that failed, a worker killed mid-job) may pass; the job's own deadline ends the
/// retries.
pub fn retry_at(failed_at: u64, attempts: u32) -> u64 {
	let wait = 1u64 << attempts.saturating_sub(1).min(MAX_RETRY_WAIT.trailing_zeros());
	failed_at.saturating_add(wait.min(MAX_RETRY_WAIT))
}

/// A job's record of failed tries, kept in a role's state file.
pub trait Retrying {
	/// The last failure, the failed tries so far, the block the next may run from.
	fn retry_state(&mut self) -> (&mut Option<String>, &mut u32, &mut u64);
}

/// What a try that has not reported back is recorded as: a worker that dies inside a
/// computation (out of memory, killed) finds it at restart and waits its backoff instead of
/// running the poison again at once.
pub const INTERRUPTED: &str = "interrupted: the worker stopped during this try";

/// Records that a try of the job starts at finalized block `finalized`: counted, and
/// recorded as interrupted until [`record_outcome`] says otherwise.
pub fn begin_attempt(entry: &mut impl Retrying, finalized: u64) {
	let (failed, attempts, next) = entry.retry_state();
	*attempts = attempts.saturating_add(1);
	*next = retry_at(finalized, *attempts);
	*failed = Some(INTERRUPTED.to_string());
}

/// Records how the try begun by [`begin_attempt`] ended: `None` for success.
pub fn record_outcome(entry: &mut impl Retrying, error: Option<&anyhow::Error>) {
	let (failed, attempts, next) = entry.retry_state();
	*failed = error.map(|error| format!("{error:#}"));
	if let Some(reason) = failed {
		tracing::warn!(attempt = *attempts, retry_at = *next, error = %reason, "job failed; will retry");
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::{artifacts::Store, chain::ArtifactRef, server::TestServer};
	use synod_ml::ContentHash;

	fn spec(hash: &str, uri: &str, hyperparameters: String) -> SpecView {
		SpecView {
			kind: serde_json::json!("train"),
			architecture: "mlp".into(),
			architecture_version: synod_ml::arch::VERSION,
			inputs: vec![ArtifactRef { hash: hash.into(), uri: uri.into() }],
			hyperparameters,
			seed: 1,
			shape: ShapeView { rows: 20, features: 4, outputs: 3 },
		}
	}

	/// A scratch directory for test `name` and the store that a server there will publish.
	fn stores(name: &str) -> (std::path::PathBuf, Store) {
		let dir = std::env::temp_dir().join(format!("synod-{name}-{}", std::process::id()));
		let served = Store::open(&dir.join("served")).unwrap();
		(dir, served)
	}

	/// Serves `served` on loopback; returns the server and a worker's own store that may
	/// fetch from it.
	fn serve(dir: &std::path::Path, served: Store) -> (TestServer, Store) {
		let server = TestServer::start(served);
		let mine = Store::open(&dir.join("mine"))
			.unwrap()
			.with_addresses(crate::artifacts::Addresses::AllowPrivate);
		(server, mine)
	}

	/// A labelled dataset of `rows` rows of four features and `classes` classes.
	fn dataset(rows: usize, classes: u32) -> Dataset {
		let values = (0..rows * 4).map(|v| (v % 7) as f32).collect();
		let labels = (0..rows as u32).map(|r| r % 3).collect();
		Dataset::new(4, values, Targets::Classes { classes, labels }).unwrap()
	}

	#[test]
	fn poison_inputs_are_refused_before_anything_is_built_from_them() {
		let (dir, served) = stores("poison");
		let honest = served.put(&dataset(20, 3).to_artifact()).unwrap();
		// A 400-byte dataset whose class count asks for a head of u32::MAX outputs.
		let poison = served.put(&dataset(20, u32::MAX).to_artifact()).unwrap();
		// More rows than declared: larger than the declared shape allows.
		let larger = served.put(&dataset(400, 3).to_artifact()).unwrap();
		let (server, mine) = serve(&dir, served);
		let hyper = synod_ml::Hyperparameters { epochs: 1, ..Default::default() };
		let settings = format!("0x{}", hex::encode(hyper.to_bytes()));
		let job =
			|hash: &ContentHash| spec(&hash::to_hex(hash), &server.url_of(hash), settings.clone());
		for (name, hash) in [("u32::MAX classes", &poison), ("400 rows", &larger)] {
			let error = run(0, &job(hash), &mine, Fault::None).unwrap_err();
			assert_eq!(refusal(&error), Some(Refusal::InputMismatch), "{name}: {error:#}");
		}
		assert!(mine.get(&larger).unwrap().is_none(), "an oversized input is not kept");
		// The honest job next to them still trains.
		let model =
			TrainedModel::from_artifact(&run(0, &job(&honest), &mine, Fault::None).unwrap(), None)
				.unwrap();
		assert_eq!((model.features, model.outputs), (4, 3));
		// An inference job whose model is not the declared one is refused, as is one whose
		// model claims layers its bytes do not hold.
		let trained = mine.put(&model.to_artifact()).unwrap();
		let mut infer = job(&trained);
		infer.kind = serde_json::json!("infer");
		infer.inputs.push(infer.inputs[0].clone());
		infer.shape.outputs = 5;
		let error = run(0, &infer, &mine, Fault::None).unwrap_err();
		assert_eq!(refusal(&error), Some(Refusal::InputMismatch), "{error:#}");
		let _ = std::fs::remove_dir_all(&dir);
	}

	#[test]
	fn a_failed_job_is_retried_with_backoff_and_never_given_up_before_its_deadline() {
		let waits: Vec<u64> = (1..=8).map(|attempt| retry_at(100, attempt) - 100).collect();
		assert_eq!(waits, [1, 2, 4, 8, 16, 32, 32, 32]);
		let mut entry = crate::miner::MinerJob::default();
		begin_attempt(&mut entry, 50);
		record_outcome(&mut entry, Some(&anyhow::anyhow!("connection refused")));
		begin_attempt(&mut entry, 51);
		// A worker killed here finds the try recorded as interrupted, with its backoff.
		assert_eq!((entry.attempts, entry.retry_at), (2, 53));
		assert_eq!(entry.failed.as_deref(), Some(INTERRUPTED));
		record_outcome(&mut entry, None);
		assert_eq!(entry.failed, None);
	}

	#[test]
	fn inputs_that_are_not_what_the_chain_names_are_refused_and_outages_are_not() {
		let (dir, served) = stores("compute");
		let other = served.put(b"not a dataset").unwrap();
		let (server, mine) = serve(&dir, served);
		let hyper = synod_ml::Hyperparameters::default();
		let settings = format!("0x{}", hex::encode(hyper.to_bytes()));
		// The URI serves bytes that hash to something else than the spec names.
		let named = hash::to_hex(&[9; 32]);
		let mismatch = spec(&named, &server.url_of(&other), settings.clone());
		let error = run(0, &mismatch, &mine, Fault::None).unwrap_err();
		assert_eq!(refusal(&error), Some(Refusal::InputMismatch), "{error:#}");
		// The bytes are what the spec names, but no dataset.
		let garbage = spec(&hash::to_hex(&other), &server.url_of(&other), settings.clone());
		let error = run(0, &garbage, &mine, Fault::None).unwrap_err();
		assert_eq!(refusal(&error), Some(Refusal::InputMismatch), "{error:#}");
		// Settings no worker runs.
		let unreadable = spec(&named, &server.url_of(&other), "0xff".into());
		let error = run(0, &unreadable, &mine, Fault::None).unwrap_err();
		assert_eq!(refusal(&error), Some(Refusal::ExceedsLimits), "{error:#}");
		// Nobody answers: the committee might fetch it, so this is no refusal.
		let offline = spec(&named, "http://127.0.0.1:9/x", settings);
		let error = run(0, &offline, &mine, Fault::None).unwrap_err();
		assert_eq!(refusal(&error), None, "{error:#}");
		let _ = std::fs::remove_dir_all(&dir);
	}
}
