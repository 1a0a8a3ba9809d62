//! Weight initialisation from the job's seed, independent of burn's global generator.
//!
//! Every float parameter, in module order, is drawn uniform in `±1/√fan_in` (PyTorch's default
//! for linear and convolution layers), where `fan_in` is a weight's input width (`[in, out]`
//! for burn's linear layers, `[out, in, k, k]` for convolutions) and a bias takes its weight's.

use super::Model;
use crate::rng::{streams, SplitMix64};
use burn::{
	module::{Module, ModuleMapper, Param},
	tensor::{Tensor, TensorData},
};

struct SeededInit {
	rng: SplitMix64,
	fan_in: usize,
}

impl ModuleMapper for SeededInit {
	fn map_float<const D: usize>(&mut self, param: Param<Tensor<D>>) -> Param<Tensor<D>> {
		param.map(|tensor| {
			let dims = tensor.dims();
			match D {
				1 => {},
				2 => self.fan_in = dims[0],
				_ => self.fan_in = dims[1..].iter().product(),
			}
			let bound = 1.0 / (self.fan_in.max(1) as f32).sqrt();
			let count: usize = dims.iter().product();
			let values: Vec<f32> = (0..count).map(|_| self.rng.uniform(bound)).collect();
			let require_grad = tensor.is_require_grad();
			Tensor::<D>::from_data(TensorData::new(values, dims), &tensor.device())
				.set_require_grad(require_grad)
		})
	}
}

pub(super) fn initialise(model: Model, seed: u64) -> Model {
	model.map(&mut SeededInit { rng: SplitMix64::stream(seed, streams::INIT), fan_in: 1 })
}
