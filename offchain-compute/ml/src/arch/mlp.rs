use burn::{
	module::Module,
	nn::{Linear, LinearConfig, Relu},
	tensor::{Device, Tensor},
};

/// Multi-layer perceptron: `Linear → ReLU` per hidden width, then a linear output layer.
#[derive(Module, Debug)]
pub struct Mlp {
	layers: Vec<Linear>,
	activation: Relu,
}

impl Mlp {
	pub fn new(features: usize, hidden: &[u32], outputs: usize, device: &Device) -> Self {
		let mut widths = vec![features];
		widths.extend(hidden.iter().map(|w| *w as usize));
		widths.push(outputs);
		let layers =
			widths.windows(2).map(|w| LinearConfig::new(w[0], w[1]).init(device)).collect();
		Self { layers, activation: Relu::new() }
	}

	pub fn forward(&self, rows: Tensor<2>) -> Tensor<2> {
		let last = self.layers.len() - 1;
		let mut x = rows;
		for (i, layer) in self.layers.iter().enumerate() {
			x = layer.forward(x);
			if i < last {
				x = self.activation.forward(x);
			}
		}
		x
	}
}
