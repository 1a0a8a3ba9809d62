//! The training loop: hand-written, single device, fixed data order.
//!
//! Each epoch visits the rows in a permutation drawn from the job's seed and the epoch number,
//! in batches of `batch_size` (the last one shorter); Adam takes one step per batch. No data
//! loader threads, no learner framework: nothing whose scheduling could reorder the arithmetic.
//!
//! A traced run ([`train_traced`]) also captures a [`Checkpoint`] at each point that the job's
//! `synod_trace::TrainingLayout` names, and returns the trace of their hashes; capturing only
//! reads the state, so the weights are those of an untraced run. [`replay`] resumes from any
//! checkpoint of the run the job's spec describes and runs to a later one: what a verifier
//! does with the segments it checks.

use crate::{
	arch::{Architecture, Model, Task},
	checkpoint::TrainedModelMeta,
	dataset::Targets,
	rng::{streams, SplitMix64},
	Checkpoint, Dataset, Hyperparameters, MlError, TrainedModel,
};
use burn::{
	module::Module,
	nn::loss::{CrossEntropyLoss, CrossEntropyLossConfig, MseLoss, Reduction},
	optim::{AdamConfig, GradientsParams, ModuleOptimizer},
	tensor::{Device, Int, Tensor, TensorData},
};
use synod_trace::{Hash, Position, Trace, TrainingLayout};

/// Where a training run is, for progress bars and logs.
#[derive(Clone, Copy, Debug)]
pub struct Progress {
	pub epoch: u32,
	pub epochs: u32,
	/// The mean loss over the epoch's batches.
	pub loss: f32,
}

/// Trains `architecture` on `data` as the job's hyperparameters and seed say.
pub fn train(
	architecture: Architecture,
	hyper: &Hyperparameters,
	seed: u64,
	data: &Dataset,
	progress: impl FnMut(Progress),
) -> Result<TrainedModel, MlError> {
	hyper.check()?;
	let outputs = outputs_for(architecture, hyper, data)?;
	let device = hyper.mode.device().autodiff();
	let model = architecture.build(hyper, data.features(), outputs, seed, &device);
	let schedule = Schedule { architecture, hyper, seed, data, outputs };
	let end = Position { epoch: hyper.epochs, batch: 0 };
	let (model, _) =
		schedule.run(model, AdamConfig::new().init(), Position::default(), end, progress, None)?;
	Ok(schedule.trained(model))
}

/// Trains further from `start` on `data`: what a collective-learning proposer does with the
/// head. The layers (and so `hidden` and `image_side`) are `start`'s; the schedule (epochs,
/// batch size, learning rate, mode) is `schedule`'s, and the result records it. Adam starts
/// afresh, so the same start, schedule, seed and data give the same weights.
pub fn fine_tune(
	start: &TrainedModel,
	schedule: &Hyperparameters,
	seed: u64,
	data: &Dataset,
	progress: impl FnMut(Progress),
) -> Result<TrainedModel, MlError> {
	let mut hyper = start.hyperparameters.clone();
	hyper.epochs = schedule.epochs;
	hyper.batch_size = schedule.batch_size;
	hyper.learning_rate_micros = schedule.learning_rate_micros;
	hyper.mode = schedule.mode;
	hyper.check()?;
	let outputs = outputs_for(start.architecture, &hyper, data)?;
	fits(start, data, outputs)?;
	let model = start.model_on(&hyper.mode.device().autodiff())?;
	let schedule =
		Schedule { architecture: start.architecture, hyper: &hyper, seed, data, outputs };
	let end = Position { epoch: hyper.epochs, batch: 0 };
	let (model, _) =
		schedule.run(model, AdamConfig::new().init(), Position::default(), end, progress, None)?;
	Ok(schedule.trained(model))
}

/// A traced training run: the model and the trace of its checkpoints.
#[derive(Debug)]
pub struct TracedRun {
	pub model: TrainedModel,
	/// The hashes of its checkpoints and of its output, salted with the job's trace key.
	pub trace: Trace,
}

/// Trains as [`train`] does, the same weights bit for bit, and hands each checkpoint of the
/// job's layout to `keep` (index, checkpoint) as it is taken, the initial state first.
pub fn train_traced(
	architecture: Architecture,
	hyper: &Hyperparameters,
	seed: u64,
	data: &Dataset,
	trace_key: &Hash,
	progress: impl FnMut(Progress),
	mut keep: impl FnMut(u32, Checkpoint) -> Result<(), MlError>,
) -> Result<TracedRun, MlError> {
	hyper.check()?;
	let outputs = outputs_for(architecture, hyper, data)?;
	let layout = layout_of(hyper, data)?;
	let device = hyper.mode.device().autodiff();
	let model = architecture.build(hyper, data.features(), outputs, seed, &device);
	let optimizer = AdamConfig::new().init();
	let schedule = Schedule { architecture, hyper, seed, data, outputs };
	let mut checkpoints = Vec::with_capacity(layout.segments() as usize + 1);
	let mut take = |index: u32, model: &Model, optimizer: &ModuleOptimizer, at: Position| {
		let checkpoint = schedule.capture(model, optimizer, at)?;
		checkpoints.push(checkpoint.hash());
		keep(index, checkpoint)
	};
	take(0, &model, &optimizer, Position::default())?;
	let end = layout.checkpoint(layout.segments());
	let (model, _) = schedule.run(
		model,
		optimizer,
		Position::default(),
		end,
		progress,
		Some((&layout, &mut take)),
	)?;
	let model = schedule.trained(model);
	let trace = Trace { key: *trace_key, checkpoints, output: model.content_hash() };
	Ok(TracedRun { model, trace })
}

/// The run a verifier expects a served checkpoint to belong to, from the job's spec: never
/// from the checkpoint itself, which the miner wrote.
#[derive(Clone, Copy, Debug)]
pub struct ExpectedRun<'a> {
	pub architecture: Architecture,
	pub hyperparameters: &'a Hyperparameters,
	pub seed: u64,
}

/// Resumes `expected`'s run on `data` from `start`, which must be its checkpoint `from`, and
/// runs it to checkpoint `until`, which it returns: the re-execution of segments
/// `from + 1..=until`. A checkpoint of another architecture, settings, seed or place is
/// refused before anything trains.
pub fn replay(
	start: &Checkpoint,
	expected: ExpectedRun<'_>,
	data: &Dataset,
	from: u32,
	until: u32,
	progress: impl FnMut(Progress),
) -> Result<Checkpoint, MlError> {
	let trained = start.model(None)?;
	let hyper = expected.hyperparameters;
	hyper.check()?;
	if trained.architecture != expected.architecture
		|| trained.hyperparameters != *hyper
		|| start.seed() != expected.seed
	{
		return Err(MlError::BadArtifact(format!(
			"the checkpoint is of a {} run with {:?} and seed {}, where the job is a {} run with \
			 {:?} and seed {}",
			trained.architecture.name(),
			trained.hyperparameters,
			start.seed(),
			expected.architecture.name(),
			hyper,
			expected.seed
		)));
	}
	let outputs = outputs_for(trained.architecture, hyper, data)?;
	fits(&trained, data, outputs)?;
	let layout = layout_of(hyper, data)?;
	if until <= from || until > layout.segments() {
		return Err(MlError::BadArtifact(format!(
			"cannot run from checkpoint {from} to checkpoint {until} of {}",
			layout.segments()
		)));
	}
	if start.position() != layout.checkpoint(from) {
		return Err(MlError::BadArtifact(format!(
			"the checkpoint is at {:?}, where checkpoint {from} is at {:?}",
			start.position(),
			layout.checkpoint(from)
		)));
	}
	let model = trained.model_on(&hyper.mode.device().autodiff())?;
	let optimizer = start.restore_optimizer(&model, AdamConfig::new().init())?;
	let schedule =
		Schedule { architecture: trained.architecture, hyper, seed: expected.seed, data, outputs };
	let stop = layout.checkpoint(until);
	let (model, optimizer) =
		schedule.run(model, optimizer, start.position(), stop, progress, None)?;
	schedule.capture(&model, &optimizer, stop)
}

/// Checkpoint 0 of `expected`'s run on `data`: the initial state, a function of the spec
/// alone, which a verifier builds itself rather than fetching (it is the leaf a dispute over
/// the initialisation checks).
pub fn initial_checkpoint(
	expected: ExpectedRun<'_>,
	data: &Dataset,
) -> Result<Checkpoint, MlError> {
	let hyper = expected.hyperparameters;
	hyper.check()?;
	let outputs = outputs_for(expected.architecture, hyper, data)?;
	let device = hyper.mode.device().autodiff();
	let model =
		expected.architecture.build(hyper, data.features(), outputs, expected.seed, &device);
	let schedule =
		Schedule { architecture: expected.architecture, hyper, seed: expected.seed, data, outputs };
	schedule.capture(&model, &AdamConfig::new().init(), Position::default())
}

/// Where a run with `hyper` on `data` takes its checkpoints.
pub fn layout_of(hyper: &Hyperparameters, data: &Dataset) -> Result<TrainingLayout, MlError> {
	let rows = u32::try_from(data.rows())
		.map_err(|_| MlError::BadDataset(format!("{} rows", data.rows())))?;
	TrainingLayout::new(hyper.epochs, rows, hyper.batch_size)
		.ok_or_else(|| MlError::BadDataset("no rows, epochs or batch size to train with".into()))
}

/// Refuses `data` (with `outputs` outputs) for a model of other features or outputs.
pub(crate) fn fits(model: &TrainedModel, data: &Dataset, outputs: usize) -> Result<(), MlError> {
	if data.features() == model.features && outputs == model.outputs {
		return Ok(());
	}
	Err(MlError::BadDataset(format!(
		"the model takes {} features to {} outputs; the data has {} features and {} outputs",
		model.features,
		model.outputs,
		data.features(),
		outputs
	)))
}

/// How many outputs `architecture` needs for `data`, refusing data it cannot learn from.
pub(crate) fn outputs_for(
	architecture: Architecture,
	hyper: &Hyperparameters,
	data: &Dataset,
) -> Result<usize, MlError> {
	let task = architecture.task_for(data, hyper)?;
	if data.rows() == 0 {
		return Err(MlError::BadDataset("no rows to train on".into()));
	}
	Ok(match task {
		Task::Classification { classes } => classes as usize,
		Task::Regression => 1,
	})
}

/// The mean loss of `model` on rows `chunk` of `data` (labelled: `task_for` refused the rest),
/// on `device`.
pub(crate) fn batch_loss(
	model: &Model,
	data: &Dataset,
	chunk: &[usize],
	device: &Device,
	cross_entropy: &CrossEntropyLoss,
) -> Tensor<1> {
	let features = data.features();
	let mut rows = Vec::with_capacity(chunk.len() * features);
	for &i in chunk.iter() {
		rows.extend_from_slice(data.row(i));
	}
	let input = Tensor::<2>::from_data(TensorData::new(rows, [chunk.len(), features]), device);
	let prediction = model.forward(input);
	match data.targets() {
		Targets::Classes { labels, .. } => {
			let targets: Vec<i64> = chunk.iter().map(|&i| labels[i] as i64).collect();
			let targets =
				Tensor::<1, Int>::from_data(TensorData::new(targets, [chunk.len()]), device);
			cross_entropy.forward(prediction, targets)
		},
		Targets::Values(values) => {
			let targets: Vec<f32> = chunk.iter().map(|&i| values[i]).collect();
			let targets =
				Tensor::<2>::from_data(TensorData::new(targets, [chunk.len(), 1]), device);
			MseLoss::new().forward(prediction, targets, Reduction::Mean)
		},
		Targets::None => unreachable!("task_for refuses unlabelled data"),
	}
}

/// What a checkpoint is handed at each checkpoint of a run: its index, the state, the place.
type OnCheckpoint<'a> =
	&'a mut dyn FnMut(u32, &Model, &ModuleOptimizer, Position) -> Result<(), MlError>;

/// One run's fixed inputs.
struct Schedule<'a> {
	architecture: Architecture,
	hyper: &'a Hyperparameters,
	seed: u64,
	data: &'a Dataset,
	outputs: usize,
}

impl Schedule<'_> {
	fn capture(
		&self,
		model: &Model,
		optimizer: &ModuleOptimizer,
		at: Position,
	) -> Result<Checkpoint, MlError> {
		let meta = TrainedModelMeta {
			architecture: self.architecture,
			hyperparameters: self.hyper,
			features: self.data.features(),
			outputs: self.outputs,
		};
		Checkpoint::capture(&meta, model, optimizer, self.seed, at)
	}

	fn trained(&self, model: Model) -> TrainedModel {
		TrainedModel {
			architecture: self.architecture,
			hyperparameters: self.hyper.clone(),
			features: self.data.features(),
			outputs: self.outputs,
			model: model.valid(),
		}
	}

	/// The optimiser steps from `from` to `to`, from `model` (on an autodiff device) and
	/// `optimizer`; at each checkpoint of `checkpoints`' layout reached on the way, its
	/// callback.
	fn run(
		&self,
		mut model: Model,
		mut optimizer: ModuleOptimizer,
		from: Position,
		to: Position,
		mut progress: impl FnMut(Progress),
		mut checkpoints: Option<(&TrainingLayout, OnCheckpoint<'_>)>,
	) -> Result<(Model, ModuleOptimizer), MlError> {
		let (hyper, data) = (self.hyper, self.data);
		let device = hyper.mode.device().autodiff();
		let cross_entropy = CrossEntropyLossConfig::new().init(&device);
		let batch_size = hyper.batch_size as usize;

		let mut position = from;
		while position < to {
			let epoch = position.epoch;
			let order =
				SplitMix64::stream(self.seed ^ ((epoch as u64) << 32), streams::EPOCH_ORDER)
					.permutation(data.rows());
			let chunks: Vec<&[usize]> = order.chunks(batch_size).collect();
			let mut loss_sum = 0.0f64;
			let mut batches = 0u32;
			for (index, chunk) in chunks.iter().enumerate().skip(position.batch as usize) {
				if (Position { epoch, batch: index as u32 }) >= to {
					break;
				}
				let loss = batch_loss(&model, data, chunk, &device, &cross_entropy);
				loss_sum += loss.clone().into_scalar::<f32>() as f64;
				batches += 1;
				let gradients = GradientsParams::from_grads(loss.backward(), &model);
				model = optimizer.step(hyper.learning_rate(), model, gradients);
				position = if index + 1 == chunks.len() {
					Position { epoch: epoch + 1, batch: 0 }
				} else {
					Position { epoch, batch: index as u32 + 1 }
				};
				if let Some((layout, callback)) = checkpoints.as_mut() {
					if let Some(checkpoint) = layout.checkpoint_at(position) {
						callback(checkpoint, &model, &optimizer, position)?;
					}
				}
			}
			if position.epoch > epoch {
				progress(Progress {
					epoch: epoch + 1,
					epochs: hyper.epochs,
					loss: (loss_sum / batches.max(1) as f64) as f32,
				});
			}
		}
		Ok((model, optimizer))
	}
}
