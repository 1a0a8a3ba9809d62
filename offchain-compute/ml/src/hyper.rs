//! Hyperparameters: the part of a job spec that says how to train and infer.
//!
//! They travel SCALE-encoded in the spec's `hyperparameters` field (bounded by the chain to
//! 1 KiB), so miners and validators read the same bytes; requesters write them from flags or
//! JSON. The wire format and the bounds are `synod_cost::Settings`'s, the same the runtime
//! decodes to price a job; this is its form with serde and the mode's backend.

use crate::{ExecutionMode, MlError};
use codec::Encode;
use serde::{Deserialize, Serialize};
use synod_cost::{Mode, Settings, SettingsError};

pub use synod_cost::settings::{MAX_LAYERS, MAX_WIDTH};

/// How a job trains (and runs) its model.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Hyperparameters {
	/// The backend: `verifiable` (any x86-64 CPU checks it) or `fast` (same CPU class).
	pub mode: ExecutionMode,
	/// Passes over the training data.
	pub epochs: u32,
	/// Rows per optimiser step (and per inference batch).
	pub batch_size: u32,
	/// Adam's learning rate in millionths (1000 = 0.001).
	pub learning_rate_micros: u32,
	/// MLP: the hidden layers' widths. CNN: the two convolutions' channel counts.
	pub hidden: Vec<u32>,
	/// CNN: the images' side in pixels (rows are `side × side` single-channel images).
	pub image_side: u32,
}

impl Default for Hyperparameters {
	fn default() -> Self {
		Self {
			mode: ExecutionMode::Verifiable,
			epochs: 20,
			batch_size: 32,
			learning_rate_micros: 3000,
			hidden: vec![64],
			image_side: 8,
		}
	}
}

impl Hyperparameters {
	/// Reads the spec's bytes, refusing trailing data and out-of-range values.
	pub fn decode(bytes: &[u8]) -> Result<Self, MlError> {
		Settings::decode(bytes).map(Self::from).map_err(settings_error)
	}

	/// The bytes that go in a job spec.
	pub fn to_bytes(&self) -> Vec<u8> {
		self.settings().encode()
	}

	/// Checks every bound, naming the first value out of range.
	pub fn check(&self) -> Result<(), MlError> {
		self.settings().check().map_err(settings_error)
	}

	/// The settings as the cost model and the chain read them.
	pub fn settings(&self) -> Settings {
		Settings {
			mode: match self.mode {
				ExecutionMode::Verifiable => Mode::Verifiable,
				ExecutionMode::Fast => Mode::Fast,
			},
			epochs: self.epochs,
			batch_size: self.batch_size,
			learning_rate_micros: self.learning_rate_micros,
			hidden: self.hidden.clone(),
			image_side: self.image_side,
		}
	}

	/// The learning rate as Adam takes it.
	pub fn learning_rate(&self) -> f64 {
		self.learning_rate_micros as f64 / 1e6
	}
}

impl From<Settings> for Hyperparameters {
	fn from(settings: Settings) -> Self {
		Self {
			mode: match settings.mode {
				Mode::Verifiable => ExecutionMode::Verifiable,
				Mode::Fast => ExecutionMode::Fast,
			},
			epochs: settings.epochs,
			batch_size: settings.batch_size,
			learning_rate_micros: settings.learning_rate_micros,
			hidden: settings.hidden,
			image_side: settings.image_side,
		}
	}
}

fn settings_error(error: SettingsError) -> MlError {
	match error {
		SettingsError::Undecodable => MlError::HyperparametersUndecodable(error.to_string()),
		SettingsError::OutOfRange { field, value, expected } => {
			MlError::BadHyperparameter { field, value, expected }
		},
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn bytes_round_trip_and_bounds_are_enforced() {
		let hyper = Hyperparameters { hidden: vec![128, 64], ..Default::default() };
		assert_eq!(Hyperparameters::decode(&hyper.to_bytes()).unwrap(), hyper);
		let mut trailing = hyper.to_bytes();
		trailing.push(1);
		assert!(Hyperparameters::decode(&trailing).is_err());
		let zero_epochs = Hyperparameters { epochs: 0, ..Default::default() };
		let e = Hyperparameters::decode(&zero_epochs.to_bytes()).unwrap_err().to_string();
		assert!(e.contains("epochs = 0"), "{e}");
		let wide = Hyperparameters { hidden: vec![5000], ..Default::default() };
		assert!(wide.check().unwrap_err().to_string().contains("5000"));
	}

	#[test]
	fn defaults_and_bytes_are_the_cost_models() {
		assert_eq!(Hyperparameters::default().settings(), Settings::default());
		let fast = Hyperparameters { mode: ExecutionMode::Fast, ..Default::default() };
		assert_eq!(Hyperparameters::decode(&fast.to_bytes()).unwrap(), fast);
	}

	#[test]
	fn json_names_fields_and_fills_defaults() {
		let hyper: Hyperparameters = serde_json::from_str(r#"{"mode":"fast","epochs":3}"#).unwrap();
		assert_eq!(hyper.mode, ExecutionMode::Fast);
		assert_eq!(hyper.batch_size, Hyperparameters::default().batch_size);
		assert!(serde_json::from_str::<Hyperparameters>(r#"{"epoch":3}"#).is_err());
	}
}
