//! What a job holds in memory at its peak, and how large its artifacts can be.
//!
//! The estimate is an upper bound under these assumptions about the worker (synod-ml and
//! synod-worker hold to them):
//! - an input is held three times while it decodes (its artifact bytes, the decoded bits,
//!   the values);
//! - training keeps four copies of the parameters (weights, gradients, Adam's two moments)
//!   and two more while the result is encoded, and four floats per activation of the batch
//!   in flight (forward values, their gradients, temporaries);
//! - inference runs at most [`MAX_BATCHES_IN_FLIGHT`] batches at once, each with two floats
//!   per activation, and holds its outputs three times (values, bits, artifact);
//! - the process itself (code, thread stacks, allocator slack) takes [`BASE_BYTES`].

use crate::{model::Layers, Settings, Shape, Work};

/// What a worker process takes before any job data: code, thread stacks, allocator slack.
pub const BASE_BYTES: u128 = 64 << 20;
/// The most inference batches a worker runs at once (its thread pool is no larger).
pub const MAX_BATCHES_IN_FLIGHT: u128 = 16;
/// A model artifact's bytes besides its values: envelope, architecture name, settings,
/// dimensions. The settings are at most 1 KiB (the chain's bound on them).
const MODEL_HEADER_BYTES: u128 = 2048;
/// A tensor's bytes in a model artifact besides its values: its path and shape.
const TENSOR_HEADER_BYTES: u128 = 128;

/// The bytes of a SCALE compact length prefix of `n`.
fn compact_len(n: u128) -> u128 {
	match n {
		0..=0x3f => 1,
		0x40..=0x3fff => 2,
		0x4000..=0x3fff_ffff => 4,
		_ => 5,
	}
}

/// The largest dataset artifact of `shape`: the envelope, the feature count, the values
/// and labels with their class count (the largest kind of targets).
pub fn dataset_artifact_bytes(shape: Shape) -> u64 {
	let rows = shape.rows as u128;
	let values = rows * shape.features as u128;
	let bytes = 8 + 4 + compact_len(values) + 4 * values + 1 + 4 + compact_len(rows) + 4 * rows;
	u64::try_from(bytes).unwrap_or(u64::MAX)
}

/// The largest model artifact of `layers`.
pub fn model_artifact_bytes(layers: &Layers) -> u64 {
	let bytes =
		MODEL_HEADER_BYTES + layers.tensors() * TENSOR_HEADER_BYTES + 4 * layers.parameters() + 5;
	u64::try_from(bytes).unwrap_or(u64::MAX)
}

/// The peak estimate of `work` with `layers` and `settings` on data of `shape`.
pub fn peak_bytes(layers: &Layers, settings: &Settings, work: Work, shape: Shape) -> u128 {
	let data = 3 * dataset_artifact_bytes(shape) as u128;
	let parameters = 4 * layers.parameters();
	let batch = (settings.batch_size as u128).min(shape.rows as u128).max(1);
	let activations = 4 * batch * layers.activations_per_row();
	let work = match work {
		Work::Train => 6 * parameters + 4 * activations,
		Work::Infer => {
			let outputs = 4 * shape.rows as u128 * shape.outputs as u128;
			let batches = MAX_BATCHES_IN_FLIGHT.min((shape.rows as u128).div_ceil(batch));
			2 * model_artifact_bytes(layers) as u128
				+ 2 * parameters
				+ batches * 2 * activations
				+ 3 * outputs
		},
	};
	BASE_BYTES + data + work
}
