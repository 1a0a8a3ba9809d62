use burn::{
	module::Module,
	nn::{Linear, LinearConfig},
	tensor::{Device, Tensor},
};

/// One linear layer: linear regression (one output, squared error) or multinomial logistic
/// regression (one output per class, cross-entropy); the loss tells them apart.
#[derive(Module, Debug)]
pub struct LinearModel {
	layer: Linear,
}

impl LinearModel {
	pub fn new(features: usize, outputs: usize, device: &Device) -> Self {
		Self { layer: LinearConfig::new(features, outputs).init(device) }
	}

	pub fn forward(&self, rows: Tensor<2>) -> Tensor<2> {
		self.layer.forward(rows)
	}
}
