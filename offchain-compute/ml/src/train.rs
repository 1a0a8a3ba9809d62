//! The training loop: hand-written, single device, fixed data order.
//!
//! Each epoch visits the rows in a permutation drawn from the job's seed and the epoch number,
//! in batches of `batch_size` (the last one shorter); Adam takes one step per batch. No data
//! loader threads, no learner framework: nothing whose scheduling could reorder the arithmetic.

use crate::{
	arch::{Architecture, Task},
	dataset::Targets,
	rng::{streams, SplitMix64},
	Dataset, Hyperparameters, MlError, TrainedModel,
};
use burn::{
	module::Module,
	nn::loss::{CrossEntropyLossConfig, MseLoss, Reduction},
	optim::{AdamConfig, GradientsParams},
	tensor::{Int, Tensor, TensorData},
};

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
	run(architecture, hyper, seed, data, outputs, model, progress)
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
	if data.features() != start.features || outputs != start.outputs {
		return Err(MlError::BadDataset(format!(
			"the model takes {} features to {} outputs; the data has {} features and {} outputs",
			start.features,
			start.outputs,
			data.features(),
			outputs
		)));
	}
	let model = start.model_on(&hyper.mode.device().autodiff())?;
	run(start.architecture, &hyper, seed, data, outputs, model, progress)
}

/// How many outputs `architecture` needs for `data`, refusing data it cannot learn from.
fn outputs_for(
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

/// The epochs themselves, from `model` (on an autodiff device).
fn run(
	architecture: Architecture,
	hyper: &Hyperparameters,
	seed: u64,
	data: &Dataset,
	outputs: usize,
	mut model: crate::arch::Model,
	mut progress: impl FnMut(Progress),
) -> Result<TrainedModel, MlError> {
	let device = hyper.mode.device().autodiff();
	let mut optimizer = AdamConfig::new().init();
	let cross_entropy = CrossEntropyLossConfig::new().init(&device);
	let features = data.features();
	let batch_size = hyper.batch_size as usize;

	for epoch in 0..hyper.epochs {
		let order = SplitMix64::stream(seed ^ ((epoch as u64) << 32), streams::EPOCH_ORDER)
			.permutation(data.rows());
		let mut loss_sum = 0.0f64;
		let mut batches = 0u32;
		for chunk in order.chunks(batch_size) {
			let mut rows = Vec::with_capacity(chunk.len() * features);
			for &i in chunk {
				rows.extend_from_slice(data.row(i));
			}
			let input =
				Tensor::<2>::from_data(TensorData::new(rows, [chunk.len(), features]), &device);
			let prediction = model.forward(input);
			let loss = match data.targets() {
				Targets::Classes { labels, .. } => {
					let targets: Vec<i64> = chunk.iter().map(|&i| labels[i] as i64).collect();
					let targets = Tensor::<1, Int>::from_data(
						TensorData::new(targets, [chunk.len()]),
						&device,
					);
					cross_entropy.forward(prediction, targets)
				},
				Targets::Values(values) => {
					let targets: Vec<f32> = chunk.iter().map(|&i| values[i]).collect();
					let targets =
						Tensor::<2>::from_data(TensorData::new(targets, [chunk.len(), 1]), &device);
					MseLoss::new().forward(prediction, targets, Reduction::Mean)
				},
				Targets::None => unreachable!("task_for refuses unlabelled data"),
			};
			loss_sum += loss.clone().into_scalar::<f32>() as f64;
			batches += 1;
			let gradients = GradientsParams::from_grads(loss.backward(), &model);
			model = optimizer.step(hyper.learning_rate(), model, gradients);
		}
		progress(Progress {
			epoch: epoch + 1,
			epochs: hyper.epochs,
			loss: (loss_sum / batches.max(1) as f64) as f32,
		});
	}

	Ok(TrainedModel {
		architecture,
		hyperparameters: hyper.clone(),
		features,
		outputs,
		model: model.valid(),
	})
}
