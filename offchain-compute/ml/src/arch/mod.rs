//! The architecture registry: each model a job can name, by id and version.
//!
//! A version pins everything that shapes the computation (layers, activations, loss,
//! initialisation); changing any of it makes a new version, so that a validator running a
//! newer worker still reproduces an older job bit for bit.

mod cnn;
mod init;
mod linear;
mod mlp;

pub use cnn::Cnn;
pub use linear::LinearModel;
pub use mlp::Mlp;

use crate::{dataset::Targets, Dataset, Hyperparameters, MlError};
use burn::{
	module::Module,
	tensor::{Device, Tensor},
};

/// The version of every architecture this library implements.
pub const VERSION: u32 = 1;

/// A model architecture a job can name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Architecture {
	/// Multi-layer perceptron classifier: ReLU hidden layers, softmax cross-entropy.
	Mlp,
	/// Small convolutional classifier for single-channel square images: two 3×3 convolutions
	/// with ReLU, 2×2 max pooling, a linear head.
	Cnn,
	/// Linear regression, mean squared error.
	LinearRegression,
	/// Multinomial logistic regression: one linear layer, softmax cross-entropy.
	LogisticRegression,
}

/// What a model learns to output.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Task {
	Classification { classes: u32 },
	Regression,
}

impl Architecture {
	pub const ALL: [Architecture; 4] =
		[Self::Mlp, Self::Cnn, Self::LinearRegression, Self::LogisticRegression];

	/// The name jobs use.
	pub fn name(self) -> &'static str {
		match self {
			Self::Mlp => "mlp",
			Self::Cnn => "cnn",
			Self::LinearRegression => "linear-regression",
			Self::LogisticRegression => "logistic-regression",
		}
	}

	/// Looks up a job's architecture; unknown names and versions are refused by name.
	pub fn lookup(name: &str, version: u32) -> Result<Self, MlError> {
		Self::ALL
			.into_iter()
			.find(|a| a.name() == name && version == VERSION)
			.ok_or_else(|| MlError::UnknownArchitecture { name: name.to_string(), version })
	}

	/// Whether the architecture classifies (else it regresses).
	pub fn classifies(self) -> bool {
		!matches!(self, Self::LinearRegression)
	}

	/// The task a training set sets this architecture, or why the two do not fit.
	pub fn task_for(self, data: &Dataset, hyper: &Hyperparameters) -> Result<Task, MlError> {
		let mismatch = |expected: &str, found: String| MlError::DatasetMismatch {
			architecture: self.name(),
			expected: expected.to_string(),
			found,
		};
		if self == Self::Cnn {
			let side = hyper.image_side as usize;
			if data.features() != side * side {
				return Err(mismatch(
					&format!("{side}x{side} images ({} features)", side * side),
					format!("{} features", data.features()),
				));
			}
			if side < 2 {
				return Err(mismatch("images of at least 2x2", format!("side {side}")));
			}
		}
		match (self.classifies(), data.targets()) {
			(true, Targets::Classes { classes, .. }) => {
				Ok(Task::Classification { classes: *classes })
			},
			(false, Targets::Values(_)) => Ok(Task::Regression),
			(true, _) => Err(mismatch("class labels", "no class labels".into())),
			(false, _) => Err(mismatch("real-valued targets", "no real-valued targets".into())),
		}
	}

	/// A freshly initialised model for `features` inputs and `outputs` outputs, its weights
	/// drawn from `seed` (see [`init`]).
	pub fn build(
		self,
		hyper: &Hyperparameters,
		features: usize,
		outputs: usize,
		seed: u64,
		device: &Device,
	) -> Model {
		let model = self.skeleton(hyper, features, outputs, device);
		init::initialise(model, seed)
	}

	/// The model's layers, weights not yet meaningful: what a loader fills.
	pub(crate) fn skeleton(
		self,
		hyper: &Hyperparameters,
		features: usize,
		outputs: usize,
		device: &Device,
	) -> Model {
		match self {
			Self::Mlp => Model::Mlp(Mlp::new(features, &hyper.hidden, outputs, device)),
			Self::Cnn => Model::Cnn(Cnn::new(
				hyper.image_side as usize,
				&hyper.hidden,
				outputs,
				hyper.mode == crate::ExecutionMode::Verifiable,
				device,
			)),
			Self::LinearRegression | Self::LogisticRegression => {
				Model::Linear(LinearModel::new(features, outputs, device))
			},
		}
	}
}

/// Any model of the registry.
#[derive(Module, Debug)]
#[allow(clippy::large_enum_variant)]
pub enum Model {
	Mlp(Mlp),
	Cnn(Cnn),
	Linear(LinearModel),
}

impl Model {
	/// Logits (classifiers) or predictions (regression), `[batch, outputs]`, from rows
	/// `[batch, features]`.
	pub fn forward(&self, rows: Tensor<2>) -> Tensor<2> {
		match self {
			Model::Mlp(m) => m.forward(rows),
			Model::Cnn(m) => m.forward(rows),
			Model::Linear(m) => m.forward(rows),
		}
	}
}
