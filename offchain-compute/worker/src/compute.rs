//! Running a job's spec: fetch its inputs by hash, train or infer with synod-ml, and return
//! the result artifact whose hash goes on chain.

use crate::{artifacts::Store, chain::SpecView};
use anyhow::{anyhow, bail, Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use synod_ml::{hash, Architecture, Dataset, Hyperparameters, TrainedModel};

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

	/// Whether inference outputs are to be corrupted.
	fn corrupts(self) -> bool {
		#[cfg(feature = "fault-injection")]
		if self == Fault::WrongSeed {
			return true;
		}
		false
	}
}

fn input(spec: &SpecView, store: &Store, index: usize, what: &str) -> Result<Vec<u8>> {
	let artifact =
		spec.inputs.get(index).ok_or_else(|| anyhow!("the job names no {what} (input {index})"))?;
	let expected = hash::from_hex(&artifact.hash)?;
	store
		.fetch(&expected, &artifact.uri)
		.with_context(|| format!("fetching the {what} from {}", artifact.uri))
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

/// Runs job `job` and returns its result artifact.
pub fn run(job: u64, spec: &SpecView, store: &Store, fault: Fault) -> Result<Vec<u8>> {
	let hyper = Hyperparameters::decode(&spec.hyperparameter_bytes()?)?;
	let architecture = Architecture::lookup(&spec.architecture, spec.architecture_version)?;
	match spec.kind.as_str() {
		Some("train") => {
			let data = Dataset::from_artifact(&input(spec, store, 0, "training set")?)?;
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
			let model =
				TrainedModel::from_artifact(&input(spec, store, 0, "model")?, Some(hyper.mode))?;
			if model.architecture != architecture {
				bail!(
					"the job names a {} model but its input is a {}",
					architecture.name(),
					model.architecture.name()
				);
			}
			let data = Dataset::from_artifact(&input(spec, store, 1, "inputs")?)?;
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
