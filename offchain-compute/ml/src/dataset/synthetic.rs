//! Seeded synthetic data for tests: any size, no bytes in the repository, the same on every
//! machine (integer draws and exactly rounded float operations only).

use super::{Dataset, Targets};
use crate::rng::{streams, SplitMix64};

/// `rows` points around `classes` random centres in `features` dimensions: separable enough
/// that a correct model learns it, noisy enough that a broken one does not.
pub fn gaussian_blobs(seed: u64, rows: usize, features: usize, classes: u32) -> Dataset {
	let mut rng = SplitMix64::stream(seed, streams::SYNTHETIC);
	let centres: Vec<f32> = (0..classes as usize * features).map(|_| rng.uniform(3.0)).collect();
	let mut values = Vec::with_capacity(rows * features);
	let mut labels = Vec::with_capacity(rows);
	for _ in 0..rows {
		let class = rng.below(classes as usize);
		labels.push(class as u32);
		let centre = &centres[class * features..(class + 1) * features];
		values.extend(centre.iter().map(|c| c + rng.normal()));
	}
	Dataset::new(features, values, Targets::Classes { classes, labels })
		.expect("generated data is well formed")
}

/// `y = w·x + b + noise` with random `w`, `b`: a regression problem with a known answer.
pub fn linear(seed: u64, rows: usize, features: usize, noise: f32) -> (Dataset, Vec<f32>, f32) {
	let mut rng = SplitMix64::stream(seed, streams::SYNTHETIC);
	let weights: Vec<f32> = (0..features).map(|_| rng.uniform(2.0)).collect();
	let bias = rng.uniform(1.0);
	let mut values = Vec::with_capacity(rows * features);
	let mut targets = Vec::with_capacity(rows);
	for _ in 0..rows {
		let x: Vec<f32> = (0..features).map(|_| rng.uniform(1.0)).collect();
		let y =
			x.iter().zip(&weights).map(|(x, w)| x * w).sum::<f32>() + bias + noise * rng.normal();
		values.extend(x);
		targets.push(y);
	}
	let data = Dataset::new(features, values, Targets::Values(targets)).expect("well formed");
	(data, weights, bias)
}
