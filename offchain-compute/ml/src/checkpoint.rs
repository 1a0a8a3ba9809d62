//! Checkpoints: the full state of a training run at one point of it, as an artifact.
//!
//! A checkpoint holds everything that decides what the rest of the run computes: the
//! weights, Adam's state for each parameter (its step count and both moments), the job's seed
//! and the position in the data order (the next batch of the next epoch). Resuming from it
//! gives, bit for bit, what the uninterrupted run gives; its content hash is the value a
//! job's trace commits to (`synod_trace::leaf`).
//!
//! burn keys an optimiser's state by parameter ids that it draws at random, so the artifact
//! keys it by parameter path instead, in module order, and a resumed run maps the paths back
//! to its own ids: two runs with the same state write the same bytes.

use crate::{
	arch::Model,
	artifact::{self, f32_bits, f32_values, ArtifactKind},
	model::ModelWire,
	ContentHash, ExecutionMode, MlError, TrainedModel,
};
use burn::{
	module::{Module, ModuleVisitor, Param},
	optim::{ModuleOptimizer, OptimizerRecord},
	tensor::{DType, Tensor, TensorData},
};
use codec::{Decode, Encode};
use std::collections::BTreeMap;
use synod_trace::Position;

/// One tensor of a parameter's optimiser state (`momentum.moment_1`, …).
#[derive(Encode, Decode, Clone, PartialEq, Debug)]
struct StateTensor {
	field: String,
	shape: Vec<u32>,
	values: Vec<u32>,
}

/// A scalar of a parameter's optimiser state (its step count, its rank), floats as bits.
#[derive(Encode, Decode, Clone, Copy, PartialEq, Debug)]
enum StateScalar {
	Int(i64),
	UInt(u64),
	Float(u64),
	Bool(bool),
}

/// The optimiser's state for one parameter.
#[derive(Encode, Decode, Clone, PartialEq, Debug)]
struct ParameterState {
	/// The parameter's path in the module tree.
	path: String,
	/// The path burn records for the parameter group, if any.
	group: Option<String>,
	/// By field name, ascending.
	tensors: Vec<StateTensor>,
	/// By key, ascending.
	scalars: Vec<(String, StateScalar)>,
}

#[derive(Encode, Decode)]
struct CheckpointWire {
	model: ModelWire,
	seed: u64,
	epoch: u32,
	batch: u32,
	/// Parameters with optimiser state, in module order: none before the first step.
	optimizer: Vec<ParameterState>,
}

/// A training run's full state at one of its checkpoints.
pub struct Checkpoint {
	bytes: Vec<u8>,
	wire: CheckpointWire,
}

impl std::fmt::Debug for Checkpoint {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		f.debug_struct("Checkpoint")
			.field("position", &self.position())
			.field("bytes", &self.bytes.len())
			.finish()
	}
}

impl Checkpoint {
	/// Captures the state of a run with job seed `seed` at `position`: `model` (on any
	/// device) as `trained` describes it, and `optimizer`'s state.
	pub(crate) fn capture(
		trained: &TrainedModelMeta<'_>,
		model: &Model,
		optimizer: &ModuleOptimizer,
		seed: u64,
		position: Position,
	) -> Result<Self, MlError> {
		let model_wire = crate::model::wire_of(
			trained.architecture,
			trained.hyperparameters,
			trained.features,
			trained.outputs,
			model,
		);
		let wire = CheckpointWire {
			model: model_wire,
			seed,
			epoch: position.epoch,
			batch: position.batch,
			optimizer: optimizer_state(model, optimizer)?,
		};
		let bytes = artifact::encode(ArtifactKind::Checkpoint, &wire);
		Ok(Self { bytes, wire })
	}

	/// Reads a checkpoint artifact, checking its model as a model artifact is checked.
	pub fn from_bytes(bytes: Vec<u8>) -> Result<Self, MlError> {
		let wire: CheckpointWire = artifact::decode(ArtifactKind::Checkpoint, &bytes)?;
		let checkpoint = Self { bytes, wire };
		// Building it refuses layers its values do not fill, before anything trains on it.
		checkpoint.model(None)?;
		Ok(checkpoint)
	}

	/// Its artifact bytes.
	pub fn bytes(&self) -> &[u8] {
		&self.bytes
	}

	/// Its content hash: the value its trace leaf commits to.
	pub fn hash(&self) -> ContentHash {
		artifact::address(&self.bytes)
	}

	/// Where in the run it was taken.
	pub fn position(&self) -> Position {
		Position { epoch: self.wire.epoch, batch: self.wire.batch }
	}

	/// The job seed of the run.
	pub fn seed(&self) -> u64 {
		self.wire.seed
	}

	/// The model at this point (on `mode`'s device, or its own): at the last checkpoint, the
	/// job's output.
	pub fn model(&self, mode: Option<ExecutionMode>) -> Result<TrainedModel, MlError> {
		TrainedModel::from_wire(self.wire.model.clone(), mode, None)
	}

	/// `optimizer` with this checkpoint's state, for `model` (whose parameter ids it maps
	/// the stored paths to).
	pub(crate) fn restore_optimizer(
		&self,
		model: &Model,
		optimizer: ModuleOptimizer,
	) -> Result<ModuleOptimizer, MlError> {
		let ids: BTreeMap<String, (u64, Vec<u32>)> =
			parameter_ids(model).into_iter().map(|(path, id, shape)| (path, (id, shape))).collect();
		let mut tensors = Vec::new();
		let mut writer_scalars = Vec::new();
		let mut groups = Vec::new();
		for state in &self.wire.optimizer {
			let (id, parameter_shape) = ids.get(&state.path).ok_or_else(|| {
				MlError::BadArtifact(format!(
					"optimiser state for {}, a parameter the model lacks",
					state.path
				))
			})?;
			let id = *id;
			for tensor in &state.tensors {
				// Adam's moments have their parameter's shape; other shapes would make the
				// next step fail inside burn instead of here, with a name.
				if tensor.shape != *parameter_shape {
					return Err(MlError::BadArtifact(format!(
						"optimiser state {}.{} has shape {:?}, its parameter {:?}",
						state.path, tensor.field, tensor.shape, parameter_shape
					)));
				}
				let shape: Vec<usize> = tensor.shape.iter().map(|d| *d as usize).collect();
				let count = shape.iter().try_fold(1usize, |n, d| n.checked_mul(*d));
				if count != Some(tensor.values.len()) {
					return Err(MlError::BadArtifact(format!(
						"optimiser state {}.{} has {} values for its shape {:?}",
						state.path,
						tensor.field,
						tensor.values.len(),
						tensor.shape
					)));
				}
				let (bytes, shape, dtype) =
					TensorData::new(f32_values(&tensor.values), shape).into_parts();
				let name = format!("{id}.{}", tensor.field);
				tensors.push(burn_pack::Tensor::new(name, dtype, shape, Some(id), bytes));
			}
			for (key, scalar) in &state.scalars {
				// burn rebuilds each state at its recorded rank and fails the step (a panic
				// inside burn) when that is not the parameter's.
				if key == RANK_KEY && *scalar != StateScalar::UInt(parameter_shape.len() as u64) {
					return Err(MlError::BadArtifact(format!(
						"optimiser state {} claims rank {scalar:?} for a parameter of rank {}",
						state.path,
						parameter_shape.len()
					)));
				}
				let value = match *scalar {
					StateScalar::Int(v) => burn_pack::Scalar::Int(v),
					StateScalar::UInt(v) => burn_pack::Scalar::UInt(v),
					StateScalar::Float(bits) => burn_pack::Scalar::Float(f64::from_bits(bits)),
					StateScalar::Bool(v) => burn_pack::Scalar::Bool(v),
				};
				writer_scalars.push((format!("{id}.{key}"), value));
			}
			if let Some(group) = &state.group {
				groups.push((id.to_string(), group.clone()));
			}
		}
		let mut writer = burn_pack::Writer::new(tensors);
		for (key, value) in &writer_scalars {
			writer = writer.with_scalar(key, *value);
		}
		for (key, value) in &groups {
			writer = writer.with_metadata(key, value);
		}
		let bytes = writer.into_bytes().map_err(burn_error)?;
		let record = OptimizerRecord::from_bytes(bytes).map_err(burn_error)?;
		Ok(optimizer.load_record(record))
	}
}

/// The scalar burn records each parameter's rank under.
const RANK_KEY: &str = "__rank";

/// What a checkpoint says about the model besides its weights.
pub(crate) struct TrainedModelMeta<'a> {
	pub architecture: crate::Architecture,
	pub hyperparameters: &'a crate::Hyperparameters,
	pub features: usize,
	pub outputs: usize,
}

fn burn_error(error: impl std::fmt::Debug) -> MlError {
	MlError::Burn(format!("optimiser state: {error:?}"))
}

/// Each float parameter's path, burn id and shape, in module order.
fn parameter_ids(model: &Model) -> Vec<(String, u64, Vec<u32>)> {
	#[derive(Default)]
	struct Ids {
		path: Vec<String>,
		ids: Vec<(String, u64, Vec<u32>)>,
	}
	impl ModuleVisitor for Ids {
		fn enter_module(&mut self, name: &str, _container_type: &str) {
			self.path.push(name.to_string());
		}
		fn exit_module(&mut self, _name: &str, _container_type: &str) {
			self.path.pop();
		}
		fn visit_float<const D: usize>(&mut self, param: &Param<Tensor<D>>) {
			let shape = param.val().dims().iter().map(|d| *d as u32).collect();
			self.ids.push((self.path.join("."), param.id.val(), shape));
		}
	}
	let mut ids = Ids::default();
	model.visit(&mut ids);
	ids.ids
}

/// `optimizer`'s state for `model`'s parameters, by path in module order, each parameter's
/// fields and scalars sorted by name.
fn optimizer_state(
	model: &Model,
	optimizer: &ModuleOptimizer,
) -> Result<Vec<ParameterState>, MlError> {
	let bytes = optimizer.to_record().into_bytes().map_err(burn_error)?;
	let reader = burn_pack::Reader::from_bytes(bytes).map_err(burn_error)?;
	let scalars = reader.scalars().clone();
	let groups = reader.metadata().clone();
	let mut by_id: BTreeMap<u64, ParameterState> = BTreeMap::new();
	let split = |name: &str| -> Result<(u64, String), MlError> {
		let (id, rest) = name
			.split_once('.')
			.and_then(|(id, rest)| Some((id.parse::<u64>().ok()?, rest.to_string())))
			.ok_or_else(|| burn_error(format!("unexpected state name {name:?}")))?;
		Ok((id, rest))
	};
	let empty = |path: String| ParameterState {
		path,
		group: None,
		tensors: Vec::new(),
		scalars: Vec::new(),
	};
	for tensor in reader.into_tensors().map_err(burn_error)? {
		let (name, dtype, shape, _, bytes) = tensor.into_parts().map_err(burn_error)?;
		let (id, field) = split(&name)?;
		if dtype != DType::F32 {
			return Err(burn_error(format!("{name} is {dtype:?}, not f32")));
		}
		let data = TensorData::from_bytes(bytes, shape, dtype);
		let shape = data.shape().iter().map(|d| *d as u32).collect();
		let values = data.try_to_vec::<f32>().map_err(burn_error)?;
		by_id.entry(id).or_insert_with(|| empty(String::new())).tensors.push(StateTensor {
			field,
			shape,
			values: f32_bits(&values),
		});
	}
	for (name, scalar) in scalars {
		let (id, key) = split(&name)?;
		let value = match scalar {
			burn_pack::Scalar::Int(v) => StateScalar::Int(v),
			burn_pack::Scalar::UInt(v) => StateScalar::UInt(v),
			burn_pack::Scalar::Float(v) => StateScalar::Float(v.to_bits()),
			burn_pack::Scalar::Bool(v) => StateScalar::Bool(v),
		};
		by_id.entry(id).or_insert_with(|| empty(String::new())).scalars.push((key, value));
	}
	for (id, group) in groups {
		let id = id.parse::<u64>().map_err(|_| burn_error(format!("group key {id:?}")))?;
		by_id.entry(id).or_insert_with(|| empty(String::new())).group = Some(group);
	}
	let mut ordered = Vec::with_capacity(by_id.len());
	for (path, id, _) in parameter_ids(model) {
		if let Some(mut state) = by_id.remove(&id) {
			state.path = path;
			state.tensors.sort_by(|a, b| a.field.cmp(&b.field));
			state.scalars.sort_by(|a, b| a.0.cmp(&b.0));
			ordered.push(state);
		}
	}
	if let Some(id) = by_id.keys().next() {
		return Err(burn_error(format!("state for parameter {id}, which the model lacks")));
	}
	Ok(ordered)
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::{dataset::synthetic, train_traced, Architecture, Hyperparameters};

	#[test]
	fn optimiser_state_of_another_shape_is_refused_by_name() {
		let data = synthetic::gaussian_blobs(5, 64, 8, 3);
		let hyper =
			Hyperparameters { epochs: 2, batch_size: 16, hidden: vec![8], ..Default::default() };
		let mut kept = Vec::new();
		train_traced(
			Architecture::Mlp,
			&hyper,
			1,
			&data,
			&[0; 32],
			|_| {},
			|_, c| {
				kept.push(c);
				Ok(())
			},
		)
		.unwrap();
		let mut wire: CheckpointWire =
			artifact::decode(ArtifactKind::Checkpoint, kept[1].bytes()).unwrap();
		// A served checkpoint whose moments claim a larger tensor, values to match.
		let tensor = &mut wire.optimizer[0].tensors[0];
		tensor.shape = vec![tensor.values.len() as u32 * 2];
		tensor.values = tensor.values.repeat(2);
		let forged = Checkpoint::from_bytes(artifact::encode(ArtifactKind::Checkpoint, &wire))
			.expect("its model is sound");
		let expected = crate::ExpectedRun {
			architecture: Architecture::Mlp,
			hyperparameters: &hyper,
			seed: 1,
		};
		let error = crate::replay(&forged, expected, &data, 1, 2, |_| {}).unwrap_err().to_string();
		assert!(error.contains("has shape"), "{error}");
		// A rank other than the parameter's.
		let mut wire: CheckpointWire =
			artifact::decode(ArtifactKind::Checkpoint, kept[1].bytes()).unwrap();
		let rank = wire.optimizer[0].scalars.iter_mut().find(|(key, _)| key == RANK_KEY).unwrap();
		rank.1 = StateScalar::UInt(3);
		let forged = Checkpoint::from_bytes(artifact::encode(ArtifactKind::Checkpoint, &wire))
			.expect("its model is sound");
		let error = crate::replay(&forged, expected, &data, 1, 2, |_| {}).unwrap_err().to_string();
		assert!(error.contains("claims rank"), "{error}");
		assert!(crate::replay(&kept[1], expected, &data, 1, 2, |_| {}).is_ok());
	}
}
