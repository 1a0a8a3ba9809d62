//! # synod-cost
//!
//! What a job costs, known before anyone runs it.
//!
//! A job names an architecture, its settings (the SCALE bytes in the spec's
//! `hyperparameters`) and the declared [`Shape`] of its data: rows, features per row and
//! outputs per row. From those alone [`job_cost`] computes the floating-point operations the
//! job takes and a bound on the memory it needs ([`Cost`]). The chain checks that cost
//! against the subnet's limits and prices the job by it before accepting it; workers check,
//! before they allocate anything, that the inputs they fetched have the declared shape, and
//! refuse a job whose inputs do not. So nobody can post a job that looks small and is not: a
//! dataset with `classes = u32::MAX` declares `outputs = u32::MAX` and is priced (and refused)
//! as what it is, or declares something else and is refused by every worker alike.
//!
//! ## Terms
//! - **Settings** ([`Settings`]): mode, epochs, batch size, learning rate, hidden widths,
//!   image side; their wire format is defined here, once, for the runtime and synod-ml.
//! - **Family** ([`Family`]): the shape of the computation behind an architecture name.
//! - **Cost** ([`Cost`]): megaflops (10^6 floating-point operations, a multiply-add
//!   counted as two) and peak bytes.
//!
//! ## Design
//! The counts follow the layers as synod-ml builds them ([`model`]); training is counted as
//! three forward passes per row and epoch (the backward pass takes about two) plus Adam's
//! update per step. Memory is an upper estimate of what synod-ml holds at its peak, with the
//! assumptions named in [`memory`]. Everything is integer arithmetic in `u128`, so no
//! setting within bounds overflows, and the result is the same on every machine, in the
//! runtime's wasm as on a worker.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod memory;
pub mod model;
pub mod settings;

pub use model::Family;
pub use settings::{Mode, Settings, SettingsError};

/// The most values (rows × features) a dataset may hold: 256 Mi floats, 1 GiB.
pub const MAX_VALUES: u64 = 1 << 28;
/// The most features a model takes.
pub const MAX_FEATURES: u32 = 1 << 20;
/// The most outputs (classes) a model gives.
pub const MAX_OUTPUTS: u32 = 1 << 16;
/// The largest artifact a worker fetches: a job whose dataset or model (input or result)
/// could be larger is no job, since no worker would fetch its inputs or its result.
pub const MAX_ARTIFACT_BYTES: u64 = 256 << 20;
/// The version of every architecture synod-ml implements.
pub const ARCHITECTURE_VERSION: u32 = 1;

/// What a job declares its data to be.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Shape {
	/// Rows of the dataset input: training rows, or rows to infer.
	pub rows: u32,
	/// Features per row.
	pub features: u32,
	/// Outputs per row: the class count of a classifier (at least 2), 1 for a regression.
	pub outputs: u32,
}

/// What a job does with its model.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Work {
	/// Train a fresh model on labelled rows.
	Train,
	/// Run a given model on rows.
	Infer,
}

/// What a job takes: its arithmetic and the memory it needs at its peak.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Cost {
	/// Floating-point operations, in millions, rounded up (at least 1).
	pub megaflops: u64,
	/// An upper estimate of the bytes a worker holds at the job's peak.
	pub peak_bytes: u64,
}

impl Cost {
	/// The peak in mebibytes, rounded up.
	pub fn peak_mib(&self) -> u64 {
		self.peak_bytes.div_ceil(1 << 20)
	}
	/// The floating-point operations in billions, rounded up.
	pub fn gigaflops(&self) -> u64 {
		self.megaflops.div_ceil(1000)
	}
}

/// Why a job has no cost: it is not a job any worker can run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CostError {
	/// No architecture of that name and version.
	UnknownArchitecture,
	/// The settings do not decode, or one is out of range.
	Settings(SettingsError),
	/// The declared shape cannot be data for this architecture: no rows, no or more than
	/// [`MAX_FEATURES`] features, more than [`MAX_VALUES`] values, a classifier with fewer
	/// than two or more than [`MAX_OUTPUTS`] classes, a regression with other than one
	/// output, a CNN whose features are not `image_side²`, or a dataset or model artifact
	/// that could be larger than [`MAX_ARTIFACT_BYTES`].
	Shape,
}

impl From<SettingsError> for CostError {
	fn from(error: SettingsError) -> Self {
		CostError::Settings(error)
	}
}

/// The cost of a job of `architecture` (name and version) with the settings `settings`
/// (the spec's bytes) on data of `shape`.
pub fn job_cost(
	architecture: &[u8],
	version: u32,
	settings: &[u8],
	work: Work,
	shape: Shape,
) -> Result<Cost, CostError> {
	let family = Family::lookup(architecture, version).ok_or(CostError::UnknownArchitecture)?;
	let settings = Settings::decode(settings)?;
	cost(family, &settings, work, shape)
}

/// The cost of `work` with a model of `family` and `settings` on data of `shape`.
pub fn cost(
	family: Family,
	settings: &Settings,
	work: Work,
	shape: Shape,
) -> Result<Cost, CostError> {
	settings.check()?;
	check_shape(family, settings, shape)?;
	let layers = model::Layers::of(family, settings, shape.features, shape.outputs);
	if memory::dataset_artifact_bytes(shape) > MAX_ARTIFACT_BYTES
		|| memory::model_artifact_bytes(&layers) > MAX_ARTIFACT_BYTES
	{
		return Err(CostError::Shape);
	}
	let rows = shape.rows as u128;
	let forward = layers.forward_flops();
	let flops = match work {
		Work::Train => {
			let epochs = settings.epochs as u128;
			let steps = epochs * rows.div_ceil(settings.batch_size as u128);
			3 * forward * rows * epochs
				+ model::ADAM_FLOPS_PER_PARAMETER * layers.parameters() * steps
		},
		Work::Infer => forward * rows,
	};
	let megaflops = flops.div_ceil(1_000_000).max(1);
	let peak_bytes = memory::peak_bytes(&layers, settings, work, shape);
	Ok(Cost { megaflops: saturate(megaflops), peak_bytes: saturate(peak_bytes) })
}

/// Checks that `shape` can be data for `family` with `settings`.
pub fn check_shape(family: Family, settings: &Settings, shape: Shape) -> Result<(), CostError> {
	let values = shape.rows as u64 * shape.features as u64;
	let outputs_fit = if family.classifies() {
		(2..=MAX_OUTPUTS).contains(&shape.outputs)
	} else {
		shape.outputs == 1
	};
	let side = settings.image_side as u64;
	let image_fits = family != Family::Cnn || shape.features as u64 == side * side;
	let features_fit = (1..=MAX_FEATURES).contains(&shape.features);
	if shape.rows == 0 || !features_fit || values > MAX_VALUES || !outputs_fit || !image_fits {
		return Err(CostError::Shape);
	}
	Ok(())
}

fn saturate(value: u128) -> u64 {
	u64::try_from(value).unwrap_or(u64::MAX)
}

#[cfg(test)]
mod tests;
