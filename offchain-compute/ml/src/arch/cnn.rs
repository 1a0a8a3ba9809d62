use burn::{
	module::Module,
	nn::{
		conv::{Conv2d, Conv2dConfig},
		pool::{MaxPool2d, MaxPool2dConfig},
		Linear, LinearConfig, PaddingConfig2d, Relu,
	},
	tensor::{ops::PadMode, Device, Tensor},
};

/// Channels of the two convolutions when a job names none.
const DEFAULT_CHANNELS: [usize; 2] = [8, 16];

/// `conv3×3 → ReLU → conv3×3 → ReLU → maxpool 2×2 → linear`, on `side × side` images of one
/// channel given as rows of `side²` pixels.
///
/// In the fast mode the convolutions are burn's own. In the verifiable mode they are computed
/// from the same weights as the nine shifted views of the input side by side (im2col) times the
/// weights as a matrix: one matrix product on SSE2 kernels instead of the portable backend's
/// scalar convolution, which trains about four times slower. The two modes never had to agree
/// (their backends round differently anyway); each is fixed and deterministic.
#[derive(Module, Debug)]
pub struct Cnn {
	first: Conv2d,
	second: Conv2d,
	pool: MaxPool2d,
	head: Linear,
	activation: Relu,
	side: usize,
	im2col: bool,
}

impl Cnn {
	/// `channels`: the convolutions' output channels (the first one or two entries are used).
	pub fn new(
		side: usize,
		channels: &[u32],
		outputs: usize,
		im2col: bool,
		device: &Device,
	) -> Self {
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
			im2col,
		}
	}

	fn convolve(&self, conv: &Conv2d, images: Tensor<4>) -> Tensor<4> {
		if !self.im2col {
			return conv.forward(images);
		}
		let [batch, channels, height, width] = images.dims();
		let padded = images.pad((1, 1, 1, 1), PadMode::Constant(0.0));
		let mut shifted = Vec::with_capacity(9);
		for dy in 0..3 {
			for dx in 0..3 {
				shifted.push(padded.clone().slice([
					0..batch,
					0..channels,
					dy..dy + height,
					dx..dx + width,
				]));
			}
		}
		// Rows: one per output pixel; columns: (dy, dx, input channel).
		let columns = Tensor::cat(shifted, 1)
			.reshape([batch, 9, channels, height * width])
			.permute([0, 3, 1, 2])
			.reshape([batch * height * width, 9 * channels]);
		// The weight `[out, in, 3, 3]` as a `[(dy, dx, in), out]` matrix.
		let weight = conv.weight.val();
		let out = weight.dims()[0];
		let matrix = weight.permute([2, 3, 1, 0]).reshape([9 * channels, out]);
		let mut result = columns.matmul(matrix);
		if let Some(bias) = &conv.bias {
			result = result + bias.val().reshape([1, out]);
		}
		result.reshape([batch, height, width, out]).permute([0, 3, 1, 2])
	}

	pub fn forward(&self, rows: Tensor<2>) -> Tensor<2> {
		let [batch, _] = rows.dims();
		let images = rows.reshape([batch, 1, self.side, self.side]);
		let x = self.activation.forward(self.convolve(&self.first, images));
		let x = self.activation.forward(self.convolve(&self.second, x));
		let x = self.pool.forward(x);
		self.head.forward(x.flatten(1, 3))
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::{rng::SplitMix64, ExecutionMode};
	use burn::tensor::TensorData;

	#[test]
	fn im2col_computes_the_same_convolutions_as_burn() {
		let device = ExecutionMode::Verifiable.device();
		let mut cnn = Cnn::new(6, &[3, 5], 4, false, &device);
		let mut rng = SplitMix64::new(3);
		let pixels: Vec<f32> = (0..2 * 36).map(|_| rng.uniform(1.0)).collect();
		let rows = Tensor::<2>::from_data(TensorData::new(pixels, [2, 36]), &device);
		let direct = cnn.forward(rows.clone()).into_data().try_to_vec::<f32>().unwrap();
		cnn.im2col = true;
		let unrolled = cnn.forward(rows).into_data().try_to_vec::<f32>().unwrap();
		assert_eq!(direct.len(), 8);
		for (a, b) in direct.iter().zip(&unrolled) {
			assert!((a - b).abs() < 1e-5, "{direct:?} vs {unrolled:?}");
		}
	}
}
