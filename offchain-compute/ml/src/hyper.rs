//! Hyperparameters: the part of a job spec that says how to train and infer.
//!
//! They travel SCALE-encoded in the spec's `hyperparameters` field (bounded by the chain to
//! 1 KiB), so miners and validators read the same bytes; requesters write them from flags or
//! JSON.

use crate::{ExecutionMode, MlError};
use codec::{Decode, DecodeAll, Encode};
use serde::{Deserialize, Serialize};

/// The most hidden layers or convolution blocks.
pub const MAX_LAYERS: usize = 8;
/// The widest hidden layer or most channels.
pub const MAX_WIDTH: u32 = 4096;

/// How a job trains (and runs) its model.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, Serialize, Deserialize)]
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
		let hyper = Self::decode_all(&mut &bytes[..])
			.map_err(|e| MlError::HyperparametersUndecodable(e.to_string()))?;
		hyper.check()?;
		Ok(hyper)
	}

	/// The bytes that go in a job spec.
	pub fn to_bytes(&self) -> Vec<u8> {
		self.encode()
	}

	/// Checks every bound, naming the first value out of range.
	pub fn check(&self) -> Result<(), MlError> {
		let bad = |field, value: u64, expected| {
			Err(MlError::BadHyperparameter { field, value, expected })
		};
		if !(1..=1000).contains(&self.epochs) {
			return bad("epochs", self.epochs.into(), "1 to 1000");
		}
		if !(1..=4096).contains(&self.batch_size) {
			return bad("batch_size", self.batch_size.into(), "1 to 4096");
		}
		if !(1..=1_000_000).contains(&self.learning_rate_micros) {
			return bad("learning_rate_micros", self.learning_rate_micros.into(), "1 to 1000000");
		}
		if self.hidden.len() > MAX_LAYERS {
			return bad("hidden (layers)", self.hidden.len() as u64, "at most 8 layers");
		}
		if let Some(w) = self.hidden.iter().find(|w| !(1..=MAX_WIDTH).contains(*w)) {
			return bad("hidden (width)", (*w).into(), "1 to 4096");
		}
		if !(2..=256).contains(&self.image_side) {
			return bad("image_side", self.image_side.into(), "2 to 256");
		}
		Ok(())
	}

	/// The learning rate as Adam takes it.
	pub fn learning_rate(&self) -> f64 {
		self.learning_rate_micros as f64 / 1e6
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
	fn json_names_fields_and_fills_defaults() {
		let hyper: Hyperparameters = serde_json::from_str(r#"{"mode":"fast","epochs":3}"#).unwrap();
		assert_eq!(hyper.mode, ExecutionMode::Fast);
		assert_eq!(hyper.batch_size, Hyperparameters::default().batch_size);
		assert!(serde_json::from_str::<Hyperparameters>(r#"{"epoch":3}"#).is_err());
	}
}
