//! Training throughput and inference latency of the MLP and the CNN, in both execution modes,
//! with 1 and 2 threads. `scripts/bench-ml.sh` runs it in release beside the same models in
//! PyTorch and prints the comparison. Output: one tab-separated line per measurement.

use std::time::Instant;
use synod_ml::{dataset::synthetic, train, Architecture, ExecutionMode, Hyperparameters};

const ROWS: usize = 8192;
const EPOCHS: u32 = 3;
const BATCH: u32 = 64;

fn main() {
	// 64 features: the MLP reads them as a vector, the CNN as 8x8 single-channel images.
	let data = synthetic::gaussian_blobs(1, ROWS, 64, 10);
	let unlabelled = data.without_targets();
	println!("model\tmode\tthreads\ttrain_samples_per_s\tinfer_ms_per_batch");
	for (name, architecture, hidden) in [
		("mlp 64-128-128-10", Architecture::Mlp, vec![128, 128]),
		("cnn 8x8 c8-c16", Architecture::Cnn, vec![8, 16]),
	] {
		for mode in [ExecutionMode::Verifiable, ExecutionMode::Fast] {
			for threads in [1, 2] {
				let hyper = Hyperparameters {
					mode,
					epochs: EPOCHS,
					batch_size: BATCH,
					learning_rate_micros: 1000,
					hidden: hidden.clone(),
					image_side: 8,
				};
				let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
				let (train_rate, infer_ms) = pool.install(|| {
					let started = Instant::now();
					let model = train(architecture, &hyper, 7, &data, |_| {}).unwrap();
					let train_rate =
						(ROWS * EPOCHS as usize) as f64 / started.elapsed().as_secs_f64();
					// Warm once, then time inference over every batch.
					model.predict(&unlabelled).unwrap();
					let started = Instant::now();
					model.predict(&unlabelled).unwrap();
					let batches = ROWS.div_ceil(BATCH as usize) as f64;
					(train_rate, started.elapsed().as_secs_f64() * 1000.0 / batches)
				});
				println!("{name}\t{}\t{threads}\t{train_rate:.0}\t{infer_ms:.3}", mode.name());
			}
		}
	}
}
