//! What DP-SGD costs: samples per second of plain training and of DP-SGD (Poisson sampling at
//! an expected batch of 64, per-row clipping, noise) on the same models, data and optimiser,
//! in both execution modes, one thread. `scripts/bench-dp.sh` runs it in release beside
//! PyTorch and Opacus on the same models and prints the comparison. Output: one
//! tab-separated line per model and mode.

use std::time::Instant;
use synod_ml::{
	dataset::synthetic, fine_tune_private, train, Architecture, DpSgd, ExecutionMode,
	Hyperparameters, NoiseSecret,
};

const ROWS: usize = 4096;
const BATCH: u32 = 64;
/// DP-SGD steps timed: 32 steps of an expected 64 rows.
const STEPS: u32 = 32;

fn main() {
	let data = synthetic::gaussian_blobs(1, ROWS, 64, 10);
	println!("model\tmode\tplain_samples_per_s\tdp_samples_per_s");
	for (name, architecture, hidden) in [
		("mlp 64-128-128-10", Architecture::Mlp, vec![128, 128]),
		("cnn 8x8 c8-c16", Architecture::Cnn, vec![8, 16]),
	] {
		for mode in [ExecutionMode::Verifiable, ExecutionMode::Fast] {
			let hyper = Hyperparameters {
				mode,
				epochs: 1,
				batch_size: BATCH,
				learning_rate_micros: 1000,
				hidden: hidden.clone(),
				image_side: 8,
			};
			let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
			let (plain, private) = pool.install(|| {
				let started = Instant::now();
				let model = train(architecture, &hyper, 7, &data, |_| {}).unwrap();
				let plain = ROWS as f64 / started.elapsed().as_secs_f64();
				let dp = DpSgd {
					sample_rate_ppb: (BATCH as u64 * 1_000_000_000 / ROWS as u64) as u32,
					noise_multiplier_milli: 1_000,
					clip_norm_milli: 1_000,
					steps: STEPS,
				};
				let started = Instant::now();
				fine_tune_private(
					&model,
					&hyper,
					&dp,
					&NoiseSecret([7; 32]),
					b"bench",
					&data,
					|_| {},
				)
				.unwrap();
				let private = (STEPS * BATCH) as f64 / started.elapsed().as_secs_f64();
				(plain, private)
			});
			println!("{name}\t{}\t{plain:.0}\t{private:.0}", mode.name());
		}
	}
}
