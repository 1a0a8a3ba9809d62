//! A job's settings: the wire format of the spec's `hyperparameters` bytes and their bounds.
//!
//! synod-ml reads and writes the same bytes (its `Hyperparameters` converts to and from
//! [`Settings`]); the runtime decodes them to price the job. A change here is a change of
//! every job's meaning, so it comes with a new architecture version.

use alloc::vec::Vec;
use codec::{Decode, DecodeAll, Encode};

/// The most hidden layers or convolution blocks.
pub const MAX_LAYERS: usize = 8;
/// The widest hidden layer or most channels.
pub const MAX_WIDTH: u32 = 4096;
/// The most passes over the training data.
pub const MAX_EPOCHS: u32 = 1000;
/// The most rows per optimiser step or inference batch.
pub const MAX_BATCH_SIZE: u32 = 4096;
/// The largest learning rate, in millionths.
pub const MAX_LEARNING_RATE_MICROS: u32 = 1_000_000;
/// The largest image side, in pixels.
pub const MAX_IMAGE_SIDE: u32 = 256;

/// Which backend runs a job (synod-ml's `ExecutionMode`, by its wire index).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Encode, Decode)]
pub enum Mode {
	/// The same bits on every x86-64 CPU.
	#[default]
	Verifiable,
	/// The same bits on one kind of CPU.
	Fast,
}

/// How a job trains and runs its model.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode)]
pub struct Settings {
	pub mode: Mode,
	/// Passes over the training data, 1 to [`MAX_EPOCHS`].
	pub epochs: u32,
	/// Rows per optimiser step and per inference batch, 1 to [`MAX_BATCH_SIZE`].
	pub batch_size: u32,
	/// Adam's learning rate in millionths, 1 to [`MAX_LEARNING_RATE_MICROS`].
	pub learning_rate_micros: u32,
	/// MLP: the hidden layers' widths. CNN: the two convolutions' channel counts (8 and 16
	/// where absent). At most [`MAX_LAYERS`], each 1 to [`MAX_WIDTH`].
	pub hidden: Vec<u32>,
	/// CNN: the images' side in pixels, 2 to [`MAX_IMAGE_SIDE`].
	pub image_side: u32,
}

/// What is wrong with a job's settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SettingsError {
	/// The bytes are not the SCALE encoding of [`Settings`] (or have bytes left over).
	Undecodable,
	/// A value is out of its range.
	OutOfRange {
		/// The field's name.
		field: &'static str,
		/// The value found.
		value: u64,
		/// The range allowed, in words.
		expected: &'static str,
	},
}

impl core::fmt::Display for SettingsError {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		match self {
			SettingsError::Undecodable => f.write_str("the settings bytes do not decode"),
			SettingsError::OutOfRange { field, value, expected } => {
				write!(f, "{field} = {value}, expected {expected}")
			},
		}
	}
}

impl Default for Settings {
	/// 20 epochs of batches of 32 at a learning rate of 0.003, one hidden layer of 64 (MLP),
	/// 8×8 images (CNN), verifiable.
	fn default() -> Self {
		Self {
			mode: Mode::Verifiable,
			epochs: 20,
			batch_size: 32,
			learning_rate_micros: 3000,
			hidden: alloc::vec![64],
			image_side: 8,
		}
	}
}

impl Settings {
	/// Reads a spec's bytes, refusing trailing data and out-of-range values.
	pub fn decode(bytes: &[u8]) -> Result<Self, SettingsError> {
		let settings = Self::decode_all(&mut &bytes[..]).map_err(|_| SettingsError::Undecodable)?;
		settings.check()?;
		Ok(settings)
	}

	/// Checks every bound, naming the first value out of range.
	pub fn check(&self) -> Result<(), SettingsError> {
		let bad =
			|field, value: u64, expected| Err(SettingsError::OutOfRange { field, value, expected });
		if !(1..=MAX_EPOCHS).contains(&self.epochs) {
			return bad("epochs", self.epochs.into(), "1 to 1000");
		}
		if !(1..=MAX_BATCH_SIZE).contains(&self.batch_size) {
			return bad("batch_size", self.batch_size.into(), "1 to 4096");
		}
		if !(1..=MAX_LEARNING_RATE_MICROS).contains(&self.learning_rate_micros) {
			return bad("learning_rate_micros", self.learning_rate_micros.into(), "1 to 1000000");
		}
		if self.hidden.len() > MAX_LAYERS {
			return bad("hidden (layers)", self.hidden.len() as u64, "at most 8 layers");
		}
		if let Some(w) = self.hidden.iter().find(|w| !(1..=MAX_WIDTH).contains(*w)) {
			return bad("hidden (width)", (*w).into(), "1 to 4096");
		}
		if !(2..=MAX_IMAGE_SIDE).contains(&self.image_side) {
			return bad("image_side", self.image_side.into(), "2 to 256");
		}
		Ok(())
	}
}
