//! The layers behind each architecture name, as synod-ml builds them, and what they count:
//! parameters, forward-pass operations and activations per row.

use crate::Settings;

/// The floating-point operations of one Adam update, per parameter (moments, bias
/// corrections, square root, division, step).
pub const ADAM_FLOPS_PER_PARAMETER: u128 = 10;
/// A CNN's two convolutions' channels when its settings name none.
pub const DEFAULT_CNN_CHANNELS: [u32; 2] = [8, 16];

/// The shape of the computation behind an architecture name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
	/// `mlp`: ReLU hidden layers of the settings' widths, then a linear head.
	Mlp,
	/// `cnn`: two 3×3 convolutions (same padding) with ReLU, 2×2 max pooling, a linear head.
	Cnn,
	/// `linear-regression` and `logistic-regression`: one linear layer.
	Linear { classifies: bool },
}

impl Family {
	/// The family of an architecture name at `version`.
	pub fn lookup(name: &[u8], version: u32) -> Option<Self> {
		if version != crate::ARCHITECTURE_VERSION {
			return None;
		}
		Some(match name {
			b"mlp" => Family::Mlp,
			b"cnn" => Family::Cnn,
			b"linear-regression" => Family::Linear { classifies: false },
			b"logistic-regression" => Family::Linear { classifies: true },
			_ => return None,
		})
	}

	/// Whether its outputs are class logits (else one regressed value).
	pub fn classifies(self) -> bool {
		!matches!(self, Family::Linear { classifies: false })
	}
}

/// A model's layers, reduced to what its cost follows from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Layers {
	/// Dense layers: the widths from input to output.
	Dense { widths: [u32; crate::settings::MAX_LAYERS + 2], count: usize },
	/// A CNN on `side × side` images with channels `c1`, `c2` and `outputs` outputs.
	Convolutional { side: u32, c1: u32, c2: u32, outputs: u32 },
}

impl Layers {
	/// The layers of `family` with `settings` from `features` inputs to `outputs` outputs.
	pub fn of(family: Family, settings: &Settings, features: u32, outputs: u32) -> Self {
		match family {
			Family::Cnn => Layers::Convolutional {
				side: settings.image_side,
				c1: settings.hidden.first().copied().unwrap_or(DEFAULT_CNN_CHANNELS[0]),
				c2: settings.hidden.get(1).copied().unwrap_or(DEFAULT_CNN_CHANNELS[1]),
				outputs,
			},
			Family::Mlp | Family::Linear { .. } => {
				let hidden: &[u32] = if family == Family::Mlp { &settings.hidden } else { &[] };
				let mut widths = [0; crate::settings::MAX_LAYERS + 2];
				widths[0] = features;
				// `Settings::check` bounds the hidden layers to MAX_LAYERS.
				let hidden = &hidden[..hidden.len().min(crate::settings::MAX_LAYERS)];
				widths[1..=hidden.len()].copy_from_slice(hidden);
				widths[hidden.len() + 1] = outputs;
				Layers::Dense { widths, count: hidden.len() + 2 }
			},
		}
	}

	/// Each pair of consecutive dense widths.
	fn dense_pairs(widths: &[u32]) -> impl Iterator<Item = (u128, u128)> + '_ {
		widths.windows(2).map(|pair| (pair[0] as u128, pair[1] as u128))
	}

	/// Trainable parameters (weights and biases).
	pub fn parameters(&self) -> u128 {
		match self {
			Layers::Dense { widths, count } => {
				Self::dense_pairs(&widths[..*count]).map(|(i, o)| i * o + o).sum()
			},
			Layers::Convolutional { side, c1, c2, outputs } => {
				let (c1, c2, outputs) = (*c1 as u128, *c2 as u128, *outputs as u128);
				let pooled = (*side as u128 / 2).pow(2);
				(9 * c1 + c1) + (9 * c1 * c2 + c2) + (c2 * pooled * outputs + outputs)
			},
		}
	}

	/// Parameter tensors (each layer's weight and bias): what a model artifact lists.
	pub fn tensors(&self) -> u128 {
		match self {
			Layers::Dense { count, .. } => 2 * (*count as u128 - 1),
			Layers::Convolutional { .. } => 6,
		}
	}

	/// Floating-point operations of one row's forward pass.
	pub fn forward_flops(&self) -> u128 {
		match self {
			Layers::Dense { widths, count } => {
				Self::dense_pairs(&widths[..*count]).map(|(i, o)| 2 * i * o).sum()
			},
			Layers::Convolutional { side, c1, c2, outputs } => {
				let (c1, c2, outputs) = (*c1 as u128, *c2 as u128, *outputs as u128);
				let pixels = (*side as u128).pow(2);
				let pooled = (*side as u128 / 2).pow(2);
				2 * 9 * c1 * pixels + 2 * 9 * c1 * c2 * pixels + 2 * c2 * pooled * outputs
			},
		}
	}

	/// Floats one row's forward pass produces on its way: inputs, every layer's outputs
	/// before and after its activation, and (CNN) the shifted copies a convolution multiplies.
	pub fn activations_per_row(&self) -> u128 {
		match self {
			Layers::Dense { widths, count } => {
				let widths = &widths[..*count];
				let (first, last) = (widths[0] as u128, widths[*count - 1] as u128);
				let hidden: u128 = widths[1..*count - 1].iter().map(|w| 2 * *w as u128).sum();
				first + hidden + last
			},
			Layers::Convolutional { side, c1, c2, outputs } => {
				let (c1, c2) = (*c1 as u128, *c2 as u128);
				let pixels = (*side as u128).pow(2);
				pixels * (1 + 9 + 2 * c1 + 9 * c1 + 2 * c2) + pixels / 4 * c2 + *outputs as u128
			},
		}
	}
}
