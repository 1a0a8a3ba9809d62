//! DP-SGD: training whose every step is the sampled Gaussian mechanism that the chain's
//! accountant (`synod-privacy`) accounts for.
//!
//! Each step:
//! 1. **Poisson sampling**: every row joins the step's batch with probability `q`, on its
//!    own (so the batch's size varies, as the accountant's analysis assumes; a fixed-size
//!    shuffled batch would be another mechanism).
//! 2. **Per-sample clipping**: each sampled row's gradient is computed alone (a microbatch of
//!    one: burn has no per-sample gradients, and one backward pass per row works for every
//!    architecture we train) and scaled to L2 norm at most `C` over all parameters together.
//! 3. **Noise**: Gaussian noise of standard deviation `sigma C` is added to each coordinate
//!    of the clipped sum, which is then divided by the expected batch size `q N`, and Adam
//!    takes its step (what Adam does with the noisy gradient is post-processing).
//!
//! The cost is one forward and backward pass per sampled row where plain training makes one
//! per batch: about `batch` times the passes, each on one row.
//!
//! **The randomness is secret.** Whoever knows the noise can subtract it, and whoever knows
//! which rows were sampled loses the amplification that sampling gives; so both come from a
//! ChaCha20 stream keyed by [`NoiseSecret`], 32 bytes only the learner holds, and the context
//! (experiment and round), never from public data. Gaussian draws are Box–Muller in `f64`
//! through `libm`, so the same secret gives the same bits on every machine; the training is
//! deterministic given the secret, the context, the start and the data.
//!
//! What this does not do: protect against the floating-point attacks on the Gaussian
//! mechanism's low-order bits (Mironov, 2012), which need noise with a discrete or
//! snapped distribution.

use crate::{
	arch::Model,
	train::{batch_loss, fits, outputs_for, Progress},
	Dataset, Hyperparameters, MlError, TrainedModel,
};
use burn::{
	module::{Module, ModuleVisitor, Param},
	nn::loss::CrossEntropyLossConfig,
	optim::{AdamConfig, GradientsParams},
	tensor::{Device, Tensor, TensorData},
};
use rand_chacha::{
	rand_core::{RngCore, SeedableRng},
	ChaCha20Rng,
};

/// The domain of the key that seeds a run's randomness.
const KEY_TAG: &[u8] = b"synod/ml/dp-sgd/v1";
/// The ChaCha20 stream of the sampling draws, and that of the noise.
const SAMPLING_STREAM: u64 = 0;
const NOISE_STREAM: u64 = 1;

/// How a learner trains with DP-SGD: what a proposal declares.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DpSgd {
	/// The probability each row joins a step's batch, in parts per billion: `1..=10^9`.
	pub sample_rate_ppb: u32,
	/// The noise's standard deviation over the clipping norm, in thousandths (0 only in
	/// tests: no privacy at all).
	pub noise_multiplier_milli: u32,
	/// The norm each row's gradient is clipped to, in thousandths; above 0.
	pub clip_norm_milli: u32,
	/// How many noisy steps a training takes; above 0.
	pub steps: u32,
}

impl DpSgd {
	fn check(&self) -> Result<(), MlError> {
		let bad = |field, value: u32, expected| {
			Err(MlError::BadHyperparameter { field, value: value.into(), expected })
		};
		if self.sample_rate_ppb == 0 || self.sample_rate_ppb > 1_000_000_000 {
			return bad("dp sample_rate_ppb", self.sample_rate_ppb, "1..=1000000000");
		}
		if self.clip_norm_milli == 0 {
			return bad("dp clip_norm_milli", self.clip_norm_milli, "above 0");
		}
		if self.steps == 0 {
			return bad("dp steps", self.steps, "above 0");
		}
		Ok(())
	}

	fn clip_norm(&self) -> f64 {
		self.clip_norm_milli as f64 / 1e3
	}

	fn noise_std(&self) -> f64 {
		self.noise_multiplier_milli as f64 / 1e3 * self.clip_norm()
	}
}

/// The learner's secret that keys its sampling and noise; never derived from anything
/// public. Its `Debug` shows nothing of it.
#[derive(Clone)]
pub struct NoiseSecret(pub [u8; 32]);

impl core::fmt::Debug for NoiseSecret {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		f.write_str("NoiseSecret(..)")
	}
}

/// The two streams of one training: sampling and noise, keyed by the secret and `context`.
fn streams(secret: &NoiseSecret, context: &[u8]) -> (ChaCha20Rng, ChaCha20Rng) {
	let mut preimage = KEY_TAG.to_vec();
	preimage.extend_from_slice(&secret.0);
	preimage.extend_from_slice(&(context.len() as u64).to_le_bytes());
	preimage.extend_from_slice(context);
	let key = sp_crypto_hashing::blake2_256(&preimage);
	let mut sampling = ChaCha20Rng::from_seed(key);
	sampling.set_stream(SAMPLING_STREAM);
	let mut noise = ChaCha20Rng::from_seed(key);
	noise.set_stream(NOISE_STREAM);
	(sampling, noise)
}

/// Whether a row joins the batch: a draw below `q * 2^64`.
fn sampled(rng: &mut ChaCha20Rng, sample_rate_ppb: u32) -> bool {
	let threshold = ((sample_rate_ppb as u128) << 64) / 1_000_000_000;
	(rng.next_u64() as u128) < threshold
}

/// Standard normal draws by Box–Muller, two at a time, in `f64` through `libm`.
struct Gaussian {
	rng: ChaCha20Rng,
	spare: Option<f64>,
}

impl Gaussian {
	fn next(&mut self) -> f64 {
		if let Some(spare) = self.spare.take() {
			return spare;
		}
		// u in (0, 1] so that its logarithm exists; v in [0, 1).
		let u = ((self.rng.next_u64() >> 11) + 1) as f64 / (1u64 << 53) as f64;
		let v = (self.rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
		let radius = libm::sqrt(-2.0 * libm::log(u));
		let angle = 2.0 * core::f64::consts::PI * v;
		self.spare = Some(radius * libm::sin(angle));
		radius * libm::cos(angle)
	}
}

/// The squared L2 norm of every gradient in `grads` of `model`'s parameters, summed in
/// `f64` in module order.
struct SquaredNorm<'a> {
	grads: &'a GradientsParams,
	total: f64,
}

impl ModuleVisitor for SquaredNorm<'_> {
	fn visit_float<const D: usize>(&mut self, param: &Param<Tensor<D>>) {
		if let Some(grad) = self.grads.get::<D>(param.id) {
			let values = grad.into_data().try_to_vec::<f32>().unwrap_or_default();
			self.total += values.iter().map(|v| (*v as f64) * (*v as f64)).sum::<f64>();
		}
	}
}

/// Adds `factor` times each gradient of `sample` to `sum`.
struct Accumulate<'a> {
	sample: &'a GradientsParams,
	factor: f32,
	sum: &'a mut GradientsParams,
}

impl ModuleVisitor for Accumulate<'_> {
	fn visit_float<const D: usize>(&mut self, param: &Param<Tensor<D>>) {
		let Some(grad) = self.sample.get::<D>(param.id) else { return };
		let scaled = grad.mul_scalar(self.factor);
		let next = match self.sum.remove::<D>(param.id) {
			Some(sum) => sum.add(scaled),
			None => scaled,
		};
		self.sum.register(param.id, next);
	}
}

/// The values of `param`'s gradient in `grads`, zeros where it has none (no row sampled).
fn values_of<const D: usize>(grads: &GradientsParams, param: &Param<Tensor<D>>) -> Vec<f32> {
	let count = param.val().shape().num_elements();
	match grads.get::<D>(param.id) {
		Some(grad) => grad.into_data().try_to_vec::<f32>().unwrap_or_else(|_| vec![0.0; count]),
		None => vec![0.0; count],
	}
}

/// The noisy mean gradient: `(sum + N(0, std^2)) / expected`, every parameter of the model,
/// on `device`.
struct Privatise<'a> {
	sum: &'a GradientsParams,
	noise: &'a mut Gaussian,
	std: f64,
	expected: f64,
	device: &'a Device,
	out: GradientsParams,
}

impl ModuleVisitor for Privatise<'_> {
	fn visit_float<const D: usize>(&mut self, param: &Param<Tensor<D>>) {
		let shape = param.val().shape();
		let sum = values_of(self.sum, param);
		let noisy: Vec<f32> = sum
			.iter()
			.map(|s| {
				let noise = if self.std > 0.0 { self.noise.next() * self.std } else { 0.0 };
				((*s as f64 + noise) / self.expected) as f32
			})
			.collect();
		let tensor = Tensor::<D>::from_data(TensorData::new(noisy, shape), self.device);
		self.out.register(param.id, tensor);
	}
}

/// Every gradient in `grads`, flattened in module order.
struct Flatten<'a> {
	grads: &'a GradientsParams,
	out: Vec<f32>,
}

impl ModuleVisitor for Flatten<'_> {
	fn visit_float<const D: usize>(&mut self, param: &Param<Tensor<D>>) {
		self.out.extend(values_of(self.grads, param));
	}
}

/// The clipped gradients of `rows`, summed: one backward pass per row.
fn clipped_sum(
	model: &Model,
	data: &Dataset,
	rows: &[usize],
	clip: f64,
	device: &Device,
) -> (GradientsParams, f64) {
	let cross_entropy = CrossEntropyLossConfig::new().init(device);
	let mut sum = GradientsParams::new();
	let mut loss_sum = 0.0;
	for &row in rows {
		let loss = batch_loss(model, data, &[row], device, &cross_entropy);
		loss_sum += loss.clone().into_scalar::<f32>() as f64;
		let grads = GradientsParams::from_grads(loss.backward(), model);
		let mut norm = SquaredNorm { grads: &grads, total: 0.0 };
		model.visit(&mut norm);
		let norm = norm.total.sqrt();
		let factor = if norm > clip { (clip / norm) as f32 } else { 1.0 };
		model.visit(&mut Accumulate { sample: &grads, factor, sum: &mut sum });
	}
	(sum, loss_sum)
}

/// Trains further from `start` with DP-SGD as `dp` declares, at `schedule`'s learning rate
/// and in its mode; sampling and noise keyed by `secret` and `context` (say, the experiment
/// and round). Reports each step as an "epoch" of `dp.steps`, with the mean loss of its
/// sampled rows.
pub fn fine_tune_private(
	start: &TrainedModel,
	schedule: &Hyperparameters,
	dp: &DpSgd,
	secret: &NoiseSecret,
	context: &[u8],
	data: &Dataset,
	mut progress: impl FnMut(Progress),
) -> Result<TrainedModel, MlError> {
	dp.check()?;
	let mut hyper = start.hyperparameters.clone();
	hyper.learning_rate_micros = schedule.learning_rate_micros;
	hyper.mode = schedule.mode;
	hyper.check()?;
	let outputs = outputs_for(start.architecture, &hyper, data)?;
	fits(start, data, outputs)?;
	let plain = hyper.mode.device();
	let device = plain.clone().autodiff();
	let mut model = start.model_on(&device)?;
	let mut optimizer = AdamConfig::new().init();
	let (mut sampling, noise) = streams(secret, context);
	let mut noise = Gaussian { rng: noise, spare: None };
	let expected = (data.rows() as f64 * dp.sample_rate_ppb as f64 / 1e9).max(f64::MIN_POSITIVE);
	for step in 0..dp.steps {
		let batch: Vec<usize> =
			(0..data.rows()).filter(|_| sampled(&mut sampling, dp.sample_rate_ppb)).collect();
		let (sum, loss_sum) = clipped_sum(&model, data, &batch, dp.clip_norm(), &device);
		let mut privatise = Privatise {
			sum: &sum,
			noise: &mut noise,
			std: dp.noise_std(),
			expected,
			device: &plain,
			out: GradientsParams::new(),
		};
		model.visit(&mut privatise);
		model = optimizer.step(hyper.learning_rate(), model, privatise.out);
		progress(Progress {
			epoch: step + 1,
			epochs: dp.steps,
			loss: (loss_sum / batch.len().max(1) as f64) as f32,
		});
	}
	Ok(TrainedModel {
		architecture: start.architecture,
		hyperparameters: hyper,
		features: data.features(),
		outputs,
		model: model.valid(),
	})
}

/// The sum of the clipped per-row gradients of `rows` for `model`, flattened in module
/// order, with no noise: what one step adds noise to. For tests and benches.
pub fn clipped_gradient_sum(
	model: &TrainedModel,
	data: &Dataset,
	rows: &[usize],
	clip_norm_milli: u32,
) -> Result<Vec<f32>, MlError> {
	let device = model.hyperparameters.mode.device().autodiff();
	let trainable = model.model_on(&device)?;
	let (sum, _) = clipped_sum(&trainable, data, rows, clip_norm_milli as f64 / 1e3, &device);
	let mut flatten = Flatten { grads: &sum, out: Vec::new() };
	trainable.visit(&mut flatten);
	Ok(flatten.out)
}

/// The first `count` noise draws of `secret` and `context`, standard normal: for tests.
pub fn noise_draws(secret: &NoiseSecret, context: &[u8], count: usize) -> Vec<f64> {
	let (_, rng) = streams(secret, context);
	let mut gaussian = Gaussian { rng, spare: None };
	(0..count).map(|_| gaussian.next()).collect()
}

/// The batches of the first `steps` steps: which rows of `rows` each sampled. For tests.
pub fn sampled_batches(
	secret: &NoiseSecret,
	context: &[u8],
	sample_rate_ppb: u32,
	rows: usize,
	steps: u32,
) -> Vec<Vec<usize>> {
	let (mut sampling, _) = streams(secret, context);
	(0..steps)
		.map(|_| (0..rows).filter(|_| sampled(&mut sampling, sample_rate_ppb)).collect())
		.collect()
}
