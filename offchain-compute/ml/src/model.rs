//! Trained models: the canonical encoding of their weights (the result a training job
//! commits to), loading, inference and evaluation.

use crate::{
	arch::{Architecture, Model, VERSION},
	artifact::{self, f32_bits, f32_values, ArtifactKind},
	dataset::Targets,
	ContentHash, Dataset, ExecutionMode, Hyperparameters, MlError,
};
use burn::{
	module::{Module, ModuleMapper, ModuleVisitor, Param},
	tensor::{Device, Tensor, TensorData},
};
use codec::{Decode, Encode};
use rayon::prelude::*;

/// A model with what it takes to rebuild and run it.
#[derive(Debug)]
pub struct TrainedModel {
	pub architecture: Architecture,
	pub hyperparameters: Hyperparameters,
	pub features: usize,
	pub outputs: usize,
	pub(crate) model: Model,
}

#[derive(Encode, Decode, Clone)]
pub(crate) struct TensorWire {
	/// The parameter's path in the module tree, e.g. `layers.0.weight`.
	pub(crate) path: String,
	pub(crate) shape: Vec<u32>,
	pub(crate) values: Vec<u32>,
}

#[derive(Encode, Decode, Clone)]
pub(crate) struct ModelWire {
	pub(crate) architecture: String,
	pub(crate) version: u32,
	pub(crate) hyperparameters: Vec<u8>,
	pub(crate) features: u32,
	pub(crate) outputs: u32,
	pub(crate) tensors: Vec<TensorWire>,
}

/// Collects parameters by path, in module order: the canonical order, independent of burn's
/// random parameter ids.
#[derive(Default)]
struct Collect {
	path: Vec<String>,
	tensors: Vec<TensorWire>,
}

impl ModuleVisitor for Collect {
	fn enter_module(&mut self, name: &str, _container_type: &str) {
		self.path.push(name.to_string());
	}
	fn exit_module(&mut self, _name: &str, _container_type: &str) {
		self.path.pop();
	}
	fn visit_float<const D: usize>(&mut self, param: &Param<Tensor<D>>) {
		let tensor = param.val();
		let shape = tensor.dims().iter().map(|d| *d as u32).collect();
		let values = tensor.into_data().convert::<f32>().try_to_vec::<f32>().expect("f32 weights");
		self.tensors.push(TensorWire {
			path: self.path.join("."),
			shape,
			values: f32_bits(&values),
		});
	}
}

/// The wire form of `model`, an `architecture` model with `hyper` from `features` to
/// `outputs`: its parameters by path, in module order.
pub(crate) fn wire_of(
	architecture: Architecture,
	hyper: &Hyperparameters,
	features: usize,
	outputs: usize,
	model: &Model,
) -> ModelWire {
	let mut collect = Collect::default();
	model.visit(&mut collect);
	ModelWire {
		architecture: architecture.name().to_string(),
		version: VERSION,
		hyperparameters: hyper.to_bytes(),
		features: features as u32,
		outputs: outputs as u32,
		tensors: collect.tensors,
	}
}

/// Every float parameter of `model` as (path, shape, values), in module order.
pub(crate) fn parameters(model: &Model) -> Vec<(String, Vec<usize>, Vec<f32>)> {
	let mut collect = Collect::default();
	model.visit(&mut collect);
	collect
		.tensors
		.into_iter()
		.map(|t| (t.path, t.shape.iter().map(|d| *d as usize).collect(), f32_values(&t.values)))
		.collect()
}

/// Fills a skeleton's parameters from an artifact, checking each path and shape.
struct Fill {
	path: Vec<String>,
	tensors: std::vec::IntoIter<TensorWire>,
	error: Option<MlError>,
}

impl ModuleMapper for Fill {
	fn enter_module(&mut self, name: &str, _container_type: &str) {
		self.path.push(name.to_string());
	}
	fn exit_module(&mut self, _name: &str, _container_type: &str) {
		self.path.pop();
	}
	fn map_float<const D: usize>(&mut self, param: Param<Tensor<D>>) -> Param<Tensor<D>> {
		let path = self.path.join(".");
		let next = self.tensors.next();
		param.map(|tensor| {
			let dims = tensor.dims();
			let expected: Vec<u32> = dims.iter().map(|d| *d as u32).collect();
			match next {
				// Keep the skeleton's gradient flag: on an autodiff device the loaded model
				// trains further.
				Some(wire) if wire.path == path && wire.shape == expected => Tensor::from_data(
					TensorData::new(f32_values(&wire.values), dims),
					&tensor.device(),
				)
				.set_require_grad(tensor.is_require_grad()),
				other => {
					let found = other
						.map_or("nothing".to_string(), |w| format!("{} {:?}", w.path, w.shape));
					self.error.get_or_insert(MlError::BadArtifact(format!(
						"expected parameter {path} {expected:?}, found {found}"
					)));
					tensor
				},
			}
		})
	}
}

/// A model's layers as its artifact states them: what a job declares and a loader checks
/// before it builds anything.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModelHeader {
	pub architecture: Architecture,
	/// MLP: hidden widths; CNN: channels.
	pub hidden: Vec<u32>,
	/// CNN: the image side.
	pub image_side: u32,
	pub features: usize,
	pub outputs: usize,
}

impl ModelHeader {
	/// The header a job declares: its architecture and settings on data of `features` to
	/// `outputs`. Only the layers count; a CNN's image side, only for a CNN.
	pub fn declared(
		architecture: Architecture,
		hyper: &Hyperparameters,
		features: usize,
		outputs: usize,
	) -> Self {
		let hidden = match architecture {
			Architecture::Mlp | Architecture::Cnn => hyper.hidden.clone(),
			_ => Vec::new(),
		};
		let image_side = if architecture == Architecture::Cnn { hyper.image_side } else { 0 };
		Self { architecture, hidden, image_side, features, outputs }
	}

	/// The largest artifact a model of this header can be: what a download of it is capped at.
	pub fn max_artifact_bytes(&self) -> u64 {
		let Some(family) = synod_cost::Family::lookup(self.architecture.name().as_bytes(), VERSION)
		else {
			return 0;
		};
		let settings = synod_cost::Settings {
			hidden: self.hidden.clone(),
			image_side: self.image_side.max(2),
			..Default::default()
		};
		let layers = synod_cost::model::Layers::of(
			family,
			&settings,
			self.features as u32,
			self.outputs as u32,
		);
		synod_cost::memory::model_artifact_bytes(&layers)
	}

	/// The header of `wire`, with its settings, once its dimensions are within bounds and
	/// its values as many as its layers have: a small file cannot claim large layers.
	fn of(wire: &ModelWire) -> Result<(Self, Hyperparameters), MlError> {
		let architecture = Architecture::lookup(&wire.architecture, wire.version)?;
		let hyperparameters = Hyperparameters::decode(&wire.hyperparameters)?;
		let (features, outputs) = (wire.features, wire.outputs);
		if !(1..=synod_cost::MAX_FEATURES).contains(&features)
			|| !(1..=synod_cost::MAX_OUTPUTS).contains(&outputs)
		{
			return Err(MlError::BadArtifact(format!("{features} features, {outputs} outputs")));
		}
		let family = synod_cost::Family::lookup(architecture.name().as_bytes(), wire.version)
			.ok_or_else(|| {
				MlError::BadArtifact(format!("no cost model for {}", wire.architecture))
			})?;
		let layers =
			synod_cost::model::Layers::of(family, &hyperparameters.settings(), features, outputs);
		if architecture == Architecture::Cnn && features != hyperparameters.image_side.pow(2) {
			return Err(MlError::BadArtifact(format!(
				"a CNN on {0}x{0} images with {features} features",
				hyperparameters.image_side
			)));
		}
		// Each tensor's values must fill its stated shape (a loader would panic otherwise),
		// and all of them the layers the header names.
		if let Some(tensor) = wire.tensors.iter().find(|t| {
			t.shape.iter().try_fold(1u64, |n, d| n.checked_mul(*d as u64))
				!= Some(t.values.len() as u64)
		}) {
			return Err(MlError::BadArtifact(format!(
				"{} has {} values for its shape {:?}",
				tensor.path,
				tensor.values.len(),
				tensor.shape
			)));
		}
		let stated: u128 = wire.tensors.iter().map(|t| t.values.len() as u128).sum();
		if stated != layers.parameters() {
			return Err(MlError::BadArtifact(format!(
				"{stated} parameter values for layers that have {}",
				layers.parameters()
			)));
		}
		let header =
			Self::declared(architecture, &hyperparameters, features as usize, outputs as usize);
		Ok((header, hyperparameters))
	}
}

impl std::fmt::Display for ModelHeader {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		write!(
			f,
			"{} {:?} from {} features to {} outputs",
			self.architecture.name(),
			self.hidden,
			self.features,
			self.outputs
		)?;
		if self.architecture == Architecture::Cnn {
			write!(f, " on {0}x{0} images", self.image_side)?;
		}
		Ok(())
	}
}

/// What a model's predictions are worth on labelled data.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Evaluation {
	/// Share of rows classified right, in `[0, 1]`.
	Accuracy(f64),
	/// Mean squared error of the predictions.
	MeanSquaredError(f64),
}

impl Evaluation {
	/// One number where higher is better, as learners score proposals.
	pub fn score(self) -> f64 {
		match self {
			Evaluation::Accuracy(a) => a,
			Evaluation::MeanSquaredError(e) => -e,
		}
	}
}

impl TrainedModel {
	/// The model as an artifact: its content hash is a training job's result.
	pub fn to_artifact(&self) -> Vec<u8> {
		artifact::encode(ArtifactKind::Model, &self.wire())
	}

	/// What the artifact encodes.
	pub(crate) fn wire(&self) -> ModelWire {
		wire_of(self.architecture, &self.hyperparameters, self.features, self.outputs, &self.model)
	}

	/// The same weights on `device` (an autodiff device, to train further).
	pub(crate) fn model_on(&self, device: &Device) -> Result<Model, MlError> {
		let mut collect = Collect::default();
		self.model.visit(&mut collect);
		let skeleton =
			self.architecture.skeleton(&self.hyperparameters, self.features, self.outputs, device);
		let mut fill = Fill { path: Vec::new(), tensors: collect.tensors.into_iter(), error: None };
		let model = skeleton.map(&mut fill);
		match fill.error {
			Some(error) => Err(error),
			None => Ok(model),
		}
	}

	/// The content hash of [`Self::to_artifact`].
	pub fn content_hash(&self) -> ContentHash {
		artifact::address(&self.to_artifact())
	}

	/// Loads a model artifact onto its mode's device (or `mode`, if given).
	pub fn from_artifact(bytes: &[u8], mode: Option<ExecutionMode>) -> Result<Self, MlError> {
		Self::from_artifact_expecting(bytes, mode, None)
	}

	/// What a model artifact says it is, read (and its parameter count checked against its
	/// layers) without building the model.
	pub fn header_of(bytes: &[u8]) -> Result<ModelHeader, MlError> {
		let wire: ModelWire = artifact::decode(ArtifactKind::Model, bytes)?;
		Ok(ModelHeader::of(&wire)?.0)
	}

	/// Loads a model artifact as [`Self::from_artifact`] does, refusing before it allocates
	/// any layer one whose header is not `expected` (a job's declared model, a proposal
	/// that must have the head's layers).
	pub fn from_artifact_expecting(
		bytes: &[u8],
		mode: Option<ExecutionMode>,
		expected: Option<&ModelHeader>,
	) -> Result<Self, MlError> {
		let wire: ModelWire = artifact::decode(ArtifactKind::Model, bytes)?;
		Self::from_wire(wire, mode, expected)
	}

	/// Builds the model `wire` describes, as [`Self::from_artifact_expecting`] does.
	pub(crate) fn from_wire(
		wire: ModelWire,
		mode: Option<ExecutionMode>,
		expected: Option<&ModelHeader>,
	) -> Result<Self, MlError> {
		let (header, mut hyperparameters) = ModelHeader::of(&wire)?;
		if let Some(expected) = expected {
			if header != *expected {
				return Err(MlError::BadArtifact(format!(
					"the model is {header}, where {expected} was declared"
				)));
			}
		}
		let ModelHeader { architecture, features, outputs, .. } = header;
		// Run where the caller says: a fast-mode model can be checked in the verifiable mode.
		if let Some(mode) = mode {
			hyperparameters.mode = mode;
		}
		let device = hyperparameters.mode.device();
		let skeleton = architecture.skeleton(&hyperparameters, features, outputs, &device);
		let count = wire.tensors.len();
		let mut fill = Fill { path: Vec::new(), tensors: wire.tensors.into_iter(), error: None };
		let model = skeleton.map(&mut fill);
		if let Some(error) = fill.error {
			return Err(error);
		}
		if fill.tensors.len() != 0 {
			return Err(MlError::BadArtifact(format!(
				"{} parameters beyond the {} the architecture has",
				fill.tensors.len(),
				count - fill.tensors.len()
			)));
		}
		Ok(Self { architecture, hyperparameters, features, outputs, model })
	}

	/// The model's header: what a model that may replace it must have.
	pub fn header(&self) -> ModelHeader {
		ModelHeader::declared(self.architecture, &self.hyperparameters, self.features, self.outputs)
	}

	/// The device the model runs on.
	pub fn device(&self) -> Device {
		self.hyperparameters.mode.device()
	}

	/// Runs the model on every row, in batches of the job's batch size.
	pub fn predict(&self, data: &Dataset) -> Result<Outputs, MlError> {
		if data.features() != self.features {
			return Err(MlError::DatasetMismatch {
				architecture: self.architecture.name(),
				expected: format!("{} features", self.features),
				found: format!("{} features", data.features()),
			});
		}
		let batch = self.hyperparameters.batch_size.max(1) as usize;
		let chunks = data.values().chunks(batch * self.features);
		let values = match (self.hyperparameters.mode, self.architecture) {
			// The portable backend's bookkeeping dominates a CNN's inference; `portable.rs`
			// computes the same bits on plain slices.
			(ExecutionMode::Verifiable, Architecture::Cnn) => {
				let portable = crate::portable::PortableCnn::from_model(
					&self.model,
					self.hyperparameters.image_side as usize,
				)?;
				let rows = data.values().par_chunks(batch * self.features);
				let batches: Vec<Vec<f32>> =
					rows.map(|rows| portable.forward(rows, rows.len() / self.features)).collect();
				batches.concat()
			},
			// The portable backend runs each batch on one thread; batches are independent, so
			// they may run on any threads in any order and still give the same bits.
			(ExecutionMode::Verifiable, _) => {
				let rows = data.values().par_chunks(batch * self.features);
				let batches: Result<Vec<Vec<f32>>, MlError> =
					rows.map(|rows| self.burn_forward(rows)).collect();
				batches?.concat()
			},
			// The fast backend spreads each batch over its own threads.
			(ExecutionMode::Fast, _) => {
				let mut values = Vec::with_capacity(data.rows() * self.outputs);
				for rows in chunks {
					values.extend(self.burn_forward(rows)?);
				}
				values
			},
		};
		Ok(Outputs { width: self.outputs as u32, values, classify: self.architecture.classifies() })
	}

	/// The outputs of burn's own forward pass on one batch of rows.
	pub(crate) fn burn_forward(&self, rows: &[f32]) -> Result<Vec<f32>, MlError> {
		let input = Tensor::<2>::from_data(
			TensorData::new(rows.to_vec(), [rows.len() / self.features, self.features]),
			&self.device(),
		);
		let out = self.model.forward(input).into_data().convert::<f32>();
		out.try_to_vec::<f32>().map_err(|e| MlError::Burn(format!("{e:?}")))
	}

	/// Accuracy (classifiers) or mean squared error (regression) on labelled data.
	pub fn evaluate(&self, data: &Dataset) -> Result<Evaluation, MlError> {
		let outputs = self.predict(data)?;
		match data.targets() {
			Targets::Classes { labels, .. } if outputs.classify => {
				let right = outputs.classes().iter().zip(labels).filter(|(p, l)| p == l).count();
				Ok(Evaluation::Accuracy(right as f64 / data.rows().max(1) as f64))
			},
			Targets::Values(targets) if !outputs.classify => {
				let sum: f64 = outputs
					.values
					.iter()
					.zip(targets)
					.map(|(p, t)| (*p as f64 - *t as f64).powi(2))
					.sum();
				Ok(Evaluation::MeanSquaredError(sum / data.rows().max(1) as f64))
			},
			_ => Err(MlError::DatasetMismatch {
				architecture: self.architecture.name(),
				expected: "targets of the model's kind".into(),
				found: "other or no targets".into(),
			}),
		}
	}
}

/// An inference job's result: one row of `width` outputs per input row.
#[derive(Clone, Debug, PartialEq)]
pub struct Outputs {
	pub width: u32,
	/// Row-major logits (classifiers) or predictions (regression).
	pub values: Vec<f32>,
	/// Whether the values are class logits.
	pub classify: bool,
}

#[derive(Encode, Decode)]
struct OutputsWire {
	width: u32,
	values: Vec<u32>,
	classify: bool,
}

impl Outputs {
	pub fn rows(&self) -> usize {
		if self.width == 0 {
			0
		} else {
			self.values.len() / self.width as usize
		}
	}

	/// Each row's predicted class: the first index of its largest logit.
	pub fn classes(&self) -> Vec<u32> {
		self.values
			.chunks(self.width.max(1) as usize)
			.map(|row| {
				let mut best = 0;
				for (i, v) in row.iter().enumerate() {
					if *v > row[best] {
						best = i;
					}
				}
				best as u32
			})
			.collect()
	}

	pub fn to_artifact(&self) -> Vec<u8> {
		let wire = OutputsWire {
			width: self.width,
			values: f32_bits(&self.values),
			classify: self.classify,
		};
		artifact::encode(ArtifactKind::Outputs, &wire)
	}

	pub fn from_artifact(bytes: &[u8]) -> Result<Self, MlError> {
		let wire: OutputsWire = artifact::decode(ArtifactKind::Outputs, bytes)?;
		let outputs = Outputs {
			width: wire.width,
			values: f32_values(&wire.values),
			classify: wire.classify,
		};
		if outputs.width == 0 || !outputs.values.len().is_multiple_of(outputs.width as usize) {
			return Err(MlError::BadArtifact(format!(
				"{} values are not whole rows of {}",
				outputs.values.len(),
				outputs.width
			)));
		}
		Ok(outputs)
	}

	/// The content hash of [`Self::to_artifact`]: an inference job's result.
	pub fn content_hash(&self) -> ContentHash {
		artifact::address(&self.to_artifact())
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_small_artifact_cannot_claim_large_layers() {
		// 1 KB that claims 2^20 features into 4096 hidden units: 16 GiB of layers, were they
		// built from the header before the values were counted.
		let hyper = Hyperparameters { hidden: vec![4096], ..Default::default() };
		let wire = ModelWire {
			architecture: "mlp".into(),
			version: crate::arch::VERSION,
			hyperparameters: hyper.to_bytes(),
			features: 1 << 20,
			outputs: 10,
			tensors: vec![TensorWire {
				path: "layers.0.weight".into(),
				shape: vec![200],
				values: vec![0; 200],
			}],
		};
		let bytes = artifact::encode(ArtifactKind::Model, &wire);
		assert!(bytes.len() < 1024);
		let error = TrainedModel::from_artifact(&bytes, None).unwrap_err().to_string();
		assert!(error.contains("200 parameter values for layers that have"), "{error}");
		assert!(TrainedModel::header_of(&bytes).is_err());
	}

	#[test]
	fn every_tensor_must_fill_its_shape() {
		// The right number of values in all, split unevenly between weight and bias: a
		// loader that counted only the total would hand burn a tensor of the wrong length.
		let hyper = Hyperparameters { hidden: vec![], ..Default::default() };
		let wire = |weight: usize, bias: usize| ModelWire {
			architecture: "logistic-regression".into(),
			version: crate::arch::VERSION,
			hyperparameters: hyper.to_bytes(),
			features: 4,
			outputs: 3,
			tensors: vec![
				TensorWire {
					path: "linear.weight".into(),
					shape: vec![4, 3],
					values: vec![0; weight],
				},
				TensorWire { path: "linear.bias".into(), shape: vec![3], values: vec![0; bias] },
			],
		};
		let uneven = artifact::encode(ArtifactKind::Model, &wire(13, 2));
		let error = TrainedModel::from_artifact(&uneven, None).unwrap_err().to_string();
		assert!(error.contains("13 values for its shape [4, 3]"), "{error}");
	}
}
