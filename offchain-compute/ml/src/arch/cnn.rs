use burn::{
	module::Module,
	nn::{
		conv::{Conv2d, Conv2dConfig},
		pool::{MaxPool2d, MaxPool2dConfig},
		Linear, LinearConfig, PaddingConfig2d, Relu,
	},
	tensor::{Device, Tensor},
};

/// Channels of the two convolutions when a job names none.
const DEFAULT_CHANNELS: [usize; 2] = [8, 16];

/// `conv3×3 → ReLU → conv3×3 → ReLU → maxpool 2×2 → linear`, on `side × side` images of one
/// channel given as rows of `side²` pixels.
#[derive(Module, Debug)]
pub struct Cnn {
	first: Conv2d,
	second: Conv2d,
	pool: MaxPool2d,
	head: Linear,
	activation: Relu,
	side: usize,
}

impl Cnn {
	/// `channels`: the convolutions' output channels (the first one or two entries are used).
	pub fn new(side: usize, channels: &[u32], outputs: usize, device: &Device) -> Self {
		let c1 = channels.first().map_or(DEFAULT_CHANNELS[0], |c| *c as usize);
		let c2 = channels.get(1).map_or(DEFAULT_CHANNELS[1], |c| *c as usize);
		let conv = |from, to| {
			Conv2dConfig::new([from, to], [3, 3])
				.with_padding(PaddingConfig2d::Explicit(1, 1, 1, 1))
				.init(device)
		};
		let pooled = side / 2;
		Self {
			first: conv(1, c1),
			second: conv(c1, c2),
			pool: MaxPool2dConfig::new([2, 2]).with_strides([2, 2]).init(),
			head: LinearConfig::new(c2 * pooled * pooled, outputs).init(device),
			activation: Relu::new(),
			side,
		}
	}

	pub fn forward(&self, rows: Tensor<2>) -> Tensor<2> {
		let [batch, _] = rows.dims();
		let images = rows.reshape([batch, 1, self.side, self.side]);
		let x = self.activation.forward(self.first.forward(images));
		let x = self.activation.forward(self.second.forward(x));
		let x = self.pool.forward(x);
		self.head.forward(x.flatten(1, 3))
	}
}
