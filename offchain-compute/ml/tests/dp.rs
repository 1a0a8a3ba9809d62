//! DP-SGD: deterministic given its secret, clipped per row, sampled by Poisson, noised by a
//! true Gaussian, and still learning.

use synod_ml::{
	dataset::{synthetic, Targets},
	dp::{clipped_gradient_sum, noise_draws, sampled_batches},
	fine_tune_private,
	hash::to_hex,
	train, Architecture, Dataset, DpSgd, ExecutionMode, Hyperparameters, NoiseSecret, TrainedModel,
};

fn blobs() -> Dataset {
	synthetic::gaussian_blobs(5, 256, 8, 3)
}

fn schedule(mode: ExecutionMode) -> Hyperparameters {
	Hyperparameters { mode, epochs: 1, batch_size: 16, hidden: vec![16], ..Default::default() }
}

/// An MLP trained one epoch on `data`: the head a learner starts from.
fn start(data: &Dataset, mode: ExecutionMode) -> TrainedModel {
	train(Architecture::Mlp, &schedule(mode), 7, data, |_| {}).unwrap()
}

/// Sampling rate 0.05, noise multiplier 1.0, clipping norm 1.0.
fn dp(steps: u32) -> DpSgd {
	DpSgd {
		sample_rate_ppb: 50_000_000,
		noise_multiplier_milli: 1_000,
		clip_norm_milli: 1_000,
		steps,
	}
}

const SECRET: NoiseSecret = NoiseSecret([7; 32]);

fn private_hash(
	head: &TrainedModel,
	mode: ExecutionMode,
	secret: &NoiseSecret,
	context: &[u8],
	data: &Dataset,
) -> String {
	let model =
		fine_tune_private(head, &schedule(mode), &dp(4), secret, context, data, |_| {}).unwrap();
	to_hex(&model.content_hash())
}

#[test]
fn training_is_deterministic_given_its_secret_and_context_and_each_changes_it() {
	let data = blobs();
	for mode in [ExecutionMode::Verifiable, ExecutionMode::Fast] {
		let head = start(&data, mode);
		let base = private_hash(&head, mode, &SECRET, b"experiment 0 round 1", &data);
		let again = private_hash(&head, mode, &SECRET, b"experiment 0 round 1", &data);
		assert_eq!(base, again, "{mode:?}");
		let other_secret =
			private_hash(&head, mode, &NoiseSecret([8; 32]), b"experiment 0 round 1", &data);
		let other_round = private_hash(&head, mode, &SECRET, b"experiment 0 round 2", &data);
		assert_ne!(base, other_secret, "{mode:?}: the secret keys the noise");
		assert_ne!(base, other_round, "{mode:?}: the context keys the noise");
		assert_ne!(base, to_hex(&head.content_hash()), "{mode:?}: it trained");
	}
}

/// `data` with one more row: `scale` times row 0's features, labelled as row 0.
fn with_outlier(data: &Dataset, scale: f32) -> Dataset {
	let mut values = data.values().to_vec();
	values.extend(data.row(0).iter().map(|v| v * scale + scale));
	let Targets::Classes { classes, labels } = data.targets() else { unreachable!() };
	let mut labels = labels.clone();
	labels.push((labels[0] + 1) % classes);
	Dataset::new(data.features(), values, Targets::Classes { classes: *classes, labels }).unwrap()
}

fn distance(a: &[f32], b: &[f32]) -> f64 {
	a.iter().zip(b).map(|(x, y)| ((x - y) as f64).powi(2)).sum::<f64>().sqrt()
}

#[test]
fn one_outlier_row_moves_the_clipped_sum_by_at_most_the_clipping_norm() {
	let data = blobs();
	let head = start(&data, ExecutionMode::Verifiable);
	let neighbour = with_outlier(&data, 1_000.0);
	let rows: Vec<usize> = (0..48).collect();
	let mut with_it = rows.clone();
	with_it.push(data.rows());
	for clip in [100, 1_000, 5_000] {
		let without = clipped_gradient_sum(&head, &data, &rows, clip).unwrap();
		let with = clipped_gradient_sum(&head, &neighbour, &with_it, clip).unwrap();
		let moved = distance(&without, &with);
		let bound = clip as f64 / 1e3;
		assert!(moved <= bound * (1.0 + 1e-5), "clip {bound}: the outlier moved the sum {moved}");
		assert!(moved > bound * 0.99, "clip {bound}: the outlier's gradient is clipped to {moved}");
	}
	// Unclipped (a norm nothing reaches), the same row moves the sum far more.
	let without = clipped_gradient_sum(&head, &data, &rows, u32::MAX).unwrap();
	let with = clipped_gradient_sum(&head, &neighbour, &with_it, u32::MAX).unwrap();
	assert!(distance(&without, &with) > 50.0, "{}", distance(&without, &with));
}

#[test]
fn poisson_batches_vary_around_the_expected_size_and_follow_the_secret() {
	let batches = sampled_batches(&SECRET, b"context", 100_000_000, 1_000, 400);
	let sizes: Vec<usize> = batches.iter().map(Vec::len).collect();
	let mean = sizes.iter().sum::<usize>() as f64 / sizes.len() as f64;
	// Binomial(1000, 0.1): mean 100, standard deviation 9.5; of 400 means, 0.47.
	assert!((mean - 100.0).abs() < 2.5, "mean batch {mean}");
	let spread = sizes.iter().max().unwrap() - sizes.iter().min().unwrap();
	assert!(spread > 20, "sizes vary as a binomial's do: {spread}");
	assert_ne!(
		batches,
		sampled_batches(&NoiseSecret([9; 32]), b"context", 100_000_000, 1_000, 400)
	);
	assert_eq!(batches, sampled_batches(&SECRET, b"context", 100_000_000, 1_000, 400));
}

#[test]
fn the_noise_is_a_standard_gaussian_with_its_tails() {
	let draws = noise_draws(&SECRET, b"context", 200_000);
	let n = draws.len() as f64;
	let mean = draws.iter().sum::<f64>() / n;
	let variance = draws.iter().map(|d| (d - mean).powi(2)).sum::<f64>() / n;
	let kurtosis = draws.iter().map(|d| (d - mean).powi(4)).sum::<f64>() / n / variance.powi(2);
	assert!(mean.abs() < 0.01, "mean {mean}");
	assert!((variance - 1.0).abs() < 0.01, "variance {variance}");
	assert!((kurtosis - 3.0).abs() < 0.06, "kurtosis {kurtosis}");
	// A Gaussian has mass past 4 sigma (about 13 of 200 000 draws); a sum of uniforms, as the
	// job seeds use for initial weights, would have far less, and none past 6.
	let far = draws.iter().filter(|d| d.abs() > 4.0).count();
	assert!((3..=30).contains(&far), "{far} draws past 4 sigma");
}

#[test]
fn private_training_still_learns() {
	let data = blobs();
	let (train_rows, test_rows) = data.split(3, 250);
	let weak = train(
		Architecture::Mlp,
		&Hyperparameters { learning_rate_micros: 100, ..schedule(ExecutionMode::Fast) },
		7,
		&train_rows,
		|_| {},
	)
	.unwrap();
	let before = weak.evaluate(&test_rows).unwrap().score();
	let trained = fine_tune_private(
		&weak,
		&schedule(ExecutionMode::Fast),
		&DpSgd { noise_multiplier_milli: 800, ..dp(60) },
		&SECRET,
		b"learns",
		&train_rows,
		|_| {},
	)
	.unwrap();
	let after = trained.evaluate(&test_rows).unwrap().score();
	assert!(after > before + 0.05, "test accuracy {before} -> {after}");
}
