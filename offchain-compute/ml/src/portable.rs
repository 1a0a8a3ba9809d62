//! The CNN's inference in the verifiable mode without burn's tensor machinery.
//!
//! The portable backend spends most of a CNN inference on bookkeeping: its tensors have dynamic
//! rank, and every copy (padding, the nine shifted views of a convolution, their concatenation)
//! walks them element by element; the arithmetic itself is three matrix products. So the
//! verifiable mode reads the weights out once and runs the same computation on plain slices: the products through the same matrixmultiply `sgemm` (SSE2 kernels only, see
//! `.cargo/config.toml`) with the same shapes and layouts that burn's ndarray backend passes,
//! bias, ReLU and pooling as plain loops. The outputs are bit for bit burn's own (a test checks
//! it), so this is a faster road to the same result, not a new result.

use crate::MlError;

/// A trained CNN's weights as plain row-major arrays: two 3×3 convolutions with ReLU, 2×2 max
/// pooling, a dense head.
pub(crate) struct PortableCnn {
	side: usize,
	first: Conv,
	second: Conv,
	head: Dense,
}

pub(crate) struct Dense {
	/// `[inputs, outputs]`, as burn's `Linear` keeps it.
	weight: Vec<f32>,
	bias: Vec<f32>,
	inputs: usize,
	outputs: usize,
}

pub(crate) struct Conv {
	/// The `[out, in, 3, 3]` kernel as a `[(dy, dx, in), out]` matrix.
	matrix: Vec<f32>,
	bias: Vec<f32>,
	inputs: usize,
	outputs: usize,
}

/// The parameters not yet taken, by path.
struct Weights {
	found: Vec<(String, Vec<usize>, Vec<f32>)>,
}

impl Weights {
	fn take(&mut self, path: &str) -> Result<(Vec<usize>, Vec<f32>), MlError> {
		let index = self
			.found
			.iter()
			.position(|(p, _, _)| p.ends_with(path))
			.ok_or_else(|| MlError::BadArtifact(format!("no parameter {path}")))?;
		let (_, shape, values) = self.found.remove(index);
		Ok((shape, values))
	}

	fn dense(&mut self, prefix: &str) -> Result<Dense, MlError> {
		let (shape, weight) = self.take(&format!("{prefix}.weight"))?;
		let (_, bias) = self.take(&format!("{prefix}.bias"))?;
		Ok(Dense { weight, bias, inputs: shape[0], outputs: shape[1] })
	}

	fn conv(&mut self, prefix: &str) -> Result<Conv, MlError> {
		let (shape, kernel) = self.take(&format!("{prefix}.weight"))?;
		let (_, bias) = self.take(&format!("{prefix}.bias"))?;
		let (outputs, inputs) = (shape[0], shape[1]);
		let mut matrix = vec![0.0; 9 * inputs * outputs];
		for o in 0..outputs {
			for c in 0..inputs {
				for k in 0..9 {
					matrix[(k * inputs + c) * outputs + o] = kernel[(o * inputs + c) * 9 + k];
				}
			}
		}
		Ok(Conv { matrix, bias, inputs, outputs })
	}
}

impl PortableCnn {
	pub(crate) fn from_model(model: &crate::arch::Model, side: usize) -> Result<Self, MlError> {
		let mut weights = Weights { found: crate::model::parameters(model) };
		Ok(PortableCnn {
			side,
			first: weights.conv("first")?,
			second: weights.conv("second")?,
			head: weights.dense("head")?,
		})
	}

	/// Outputs `[rows, outputs]` for `rows` images of `input`, each `side²` pixels.
	pub(crate) fn forward(&self, input: &[f32], rows: usize) -> Vec<f32> {
		let (side, pooled) = (self.side, self.side / 2);
		let mut x = self.first.forward(input, rows, side);
		relu(&mut x);
		let mut x = self.second.forward(&x, rows, side);
		relu(&mut x);
		// Pool, and lay the features out as burn flattens `[channel, y, x]`.
		let channels = self.second.outputs;
		let mut features = vec![0.0f32; rows * channels * pooled * pooled];
		for r in 0..rows {
			let image = &x[r * side * side * channels..(r + 1) * side * side * channels];
			let out = &mut features[r * channels * pooled * pooled..];
			for y in 0..pooled {
				for x_ in 0..pooled {
					for c in 0..channels {
						// burn's scan: strictly greater replaces, from minus infinity.
						let mut max = f32::NEG_INFINITY;
						for (dy, dx) in [(0, 0), (0, 1), (1, 0), (1, 1)] {
							let value = image[((2 * y + dy) * side + 2 * x_ + dx) * channels + c];
							if value > max {
								max = value;
							}
						}
						out[(c * pooled + y) * pooled + x_] = max;
					}
				}
			}
		}
		self.head.forward(&features, rows)
	}
}

impl Dense {
	fn forward(&self, input: &[f32], rows: usize) -> Vec<f32> {
		let mut out = matmul(input, rows, self.inputs, &self.weight, self.outputs);
		add_bias(&mut out, &self.bias);
		out
	}
}

impl Conv {
	/// A zero-bordered 3×3 convolution of `rows` images, channel-last in and out
	/// (`[row, y, x, channel]`).
	fn forward(&self, input: &[f32], rows: usize, side: usize) -> Vec<f32> {
		let (c_in, pixels) = (self.inputs, side * side);
		let mut columns = vec![0.0f32; rows * pixels * 9 * c_in];
		for r in 0..rows {
			for y in 0..side {
				for x in 0..side {
					let row = &mut columns[((r * side + y) * side + x) * 9 * c_in..][..9 * c_in];
					for dy in 0..3 {
						for dx in 0..3 {
							let (sy, sx) = ((y + dy) as isize - 1, (x + dx) as isize - 1);
							if sy < 0 || sx < 0 || sy >= side as isize || sx >= side as isize {
								continue;
							}
							let from = ((r * side + sy as usize) * side + sx as usize) * c_in;
							row[(dy * 3 + dx) * c_in..][..c_in]
								.copy_from_slice(&input[from..from + c_in]);
						}
					}
				}
			}
		}
		let mut out = matmul(&columns, rows * pixels, 9 * c_in, &self.matrix, self.outputs);
		add_bias(&mut out, &self.bias);
		out
	}
}

/// `[m, k]·[k, n]`, row-major, through the same `sgemm` burn's ndarray backend calls.
fn matmul(a: &[f32], m: usize, k: usize, b: &[f32], n: usize) -> Vec<f32> {
	assert!(a.len() >= m * k && b.len() >= k * n, "matmul operands smaller than their shapes");
	let mut c = vec![0.0f32; m * n];
	// SAFETY: the asserts above and `c`'s length bound every access sgemm makes with these
	// shapes and row-major strides.
	unsafe {
		matrixmultiply::sgemm(
			m,
			k,
			n,
			1.0,
			a.as_ptr(),
			k as isize,
			1,
			b.as_ptr(),
			n as isize,
			1,
			0.0,
			c.as_mut_ptr(),
			n as isize,
			1,
		);
	}
	c
}

fn add_bias(rows: &mut [f32], bias: &[f32]) {
	for row in rows.chunks_mut(bias.len()) {
		for (value, b) in row.iter_mut().zip(bias) {
			*value += b;
		}
	}
}

/// burn's ndarray ReLU exactly: below zero becomes zero (so -0.0 and NaN pass through).
fn relu(values: &mut [f32]) {
	for value in values {
		if *value < 0.0 {
			*value = 0.0;
		}
	}
}

#[cfg(test)]
mod tests {
	use crate::{dataset::digits, train, Architecture, Hyperparameters};

	#[test]
	fn the_portable_cnn_gives_burns_bits() {
		let (train_rows, test_rows) = digits::load().unwrap().split(7, 200);
		let hyper =
			Hyperparameters { epochs: 2, batch_size: 50, hidden: vec![4, 8], ..Default::default() };
		let model = train(Architecture::Cnn, &hyper, 3, &train_rows, |_| {}).unwrap();
		// 359 rows in batches of 50: a short last batch too.
		let portable = model.predict(&test_rows).unwrap().values;
		let burn: Vec<f32> = test_rows
			.values()
			.chunks(50 * 64)
			.flat_map(|rows| model.burn_forward(rows).unwrap())
			.collect();
		assert_eq!(portable.len(), 359 * 10);
		let same = portable.iter().zip(&burn).all(|(a, b)| a.to_bits() == b.to_bits());
		assert!(same, "{:?} vs {:?}", &portable[..10], &burn[..10]);
	}
}
