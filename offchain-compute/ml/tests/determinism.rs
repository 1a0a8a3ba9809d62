//! Determinism is what lets a validator check a miner: the same job must give the same bytes
//! on every run, with any thread count, and (in the verifiable mode) on any x86-64 CPU. The
//! golden hashes below were computed once; if a dependency update, a compiler change or an
//! edit to the library changes a single bit of a result, they fail, and the architecture's
//! version must be bumped instead of silently breaking agreement with deployed workers.

use synod_ml::{
	dataset::{digits, synthetic},
	hash::to_hex,
	train, Architecture, Dataset, ExecutionMode, Hyperparameters, TrainedModel,
};

fn hyper(mode: ExecutionMode, epochs: u32) -> Hyperparameters {
	Hyperparameters { mode, epochs, batch_size: 16, hidden: vec![16], ..Default::default() }
}

fn blobs() -> Dataset {
	synthetic::gaussian_blobs(5, 256, 8, 3)
}

fn train_hash(
	architecture: Architecture,
	hyper: &Hyperparameters,
	seed: u64,
	data: &Dataset,
) -> String {
	let model = train(architecture, hyper, seed, data, |_| {}).unwrap();
	to_hex(&model.content_hash())
}

/// Runs `f` on a rayon pool of `threads` threads, as a worker with that many cores would.
fn with_threads<T: Send>(threads: usize, f: impl FnOnce() -> T + Send) -> T {
	rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap().install(f)
}

#[test]
fn two_runs_give_the_same_bytes_in_both_modes() {
	let data = blobs();
	for mode in [ExecutionMode::Verifiable, ExecutionMode::Fast] {
		let first = train_hash(Architecture::Mlp, &hyper(mode, 3), 42, &data);
		let second = train_hash(Architecture::Mlp, &hyper(mode, 3), 42, &data);
		assert_eq!(first, second, "{mode:?}");
	}
}

#[test]
fn one_or_two_threads_give_the_same_bytes_in_both_modes() {
	let data = blobs();
	for mode in [ExecutionMode::Verifiable, ExecutionMode::Fast] {
		let h = hyper(mode, 3);
		let one = with_threads(1, || train_hash(Architecture::Mlp, &h, 42, &data));
		let two = with_threads(2, || train_hash(Architecture::Mlp, &h, 42, &data));
		assert_eq!(one, two, "{mode:?}");
	}
}

#[test]
fn the_seed_the_data_and_the_hyperparameters_each_change_the_result() {
	let data = blobs();
	let base = train_hash(Architecture::Mlp, &hyper(ExecutionMode::Verifiable, 2), 42, &data);
	let other_seed = train_hash(Architecture::Mlp, &hyper(ExecutionMode::Verifiable, 2), 43, &data);
	let other_data = train_hash(
		Architecture::Mlp,
		&hyper(ExecutionMode::Verifiable, 2),
		42,
		&synthetic::gaussian_blobs(6, 256, 8, 3),
	);
	let other_epochs =
		train_hash(Architecture::Mlp, &hyper(ExecutionMode::Verifiable, 3), 42, &data);
	let all = [&base, &other_seed, &other_data, &other_epochs];
	for (i, a) in all.iter().enumerate() {
		for b in &all[i + 1..] {
			assert_ne!(a, b);
		}
	}
}

/// Golden hashes of the verifiable mode, one per architecture. The same numbers must come out
/// on every x86-64 machine (AVX-512, AVX2+FMA or SSE only), in debug and release builds.
#[test]
fn verifiable_mode_matches_the_golden_hashes() {
	let data = blobs();
	let (regression, _, _) = synthetic::linear(9, 128, 8, 0.1);
	let images = synthetic::gaussian_blobs(5, 96, 16, 3);
	let cnn = Hyperparameters {
		image_side: 4,
		hidden: vec![4, 4],
		..hyper(ExecutionMode::Verifiable, 2)
	};
	let found = [
		("mlp", train_hash(Architecture::Mlp, &hyper(ExecutionMode::Verifiable, 3), 42, &data)),
		("cnn", train_hash(Architecture::Cnn, &cnn, 42, &images)),
		(
			"logistic-regression",
			train_hash(
				Architecture::LogisticRegression,
				&hyper(ExecutionMode::Verifiable, 3),
				42,
				&data,
			),
		),
		(
			"linear-regression",
			train_hash(
				Architecture::LinearRegression,
				&hyper(ExecutionMode::Verifiable, 3),
				42,
				&regression,
			),
		),
	];
	let golden = [
		("mlp", "98c6f6e4bb228da835788fea9d18f3c5adf2abc1686f823695e36541ffcbdee0"),
		("cnn", "59321ac4196a5d1f5a96b87dc88492a4b1be85e2311f643cb0252771bc613494"),
		("logistic-regression", "17f5bad537e72eb2d18631cd2441b8897744bb586fcd84ceab2eab4685ec2d87"),
		("linear-regression", "d760030fb09a55523299f9309cb85d6dbd696dd7a0c22c840f929bee0a9e9fb5"),
	];
	let found: Vec<(&str, &str)> = found.iter().map(|(n, h)| (*n, h.as_str())).collect();
	assert_eq!(found, golden);
}

#[test]
fn an_mlp_learns_the_digits_to_over_90_percent() {
	let (train_set, test_set) = digits::load().unwrap().split(7, 200);
	let hyper = Hyperparameters { epochs: 15, ..Default::default() };
	let mut losses = Vec::new();
	let model = train(Architecture::Mlp, &hyper, 1, &train_set, |p| losses.push(p.loss)).unwrap();
	let accuracy = model.evaluate(&test_set).unwrap().score();
	assert!(accuracy >= 0.9, "accuracy {accuracy}, losses {losses:?}");
	assert!(losses.last() < losses.first(), "{losses:?}");
}

#[test]
fn a_cnn_learns_the_digits() {
	let (train_set, test_set) = digits::load().unwrap().split(7, 200);
	let hyper = Hyperparameters { epochs: 4, hidden: vec![8, 16], ..Default::default() };
	let model = train(Architecture::Cnn, &hyper, 1, &train_set, |_| {}).unwrap();
	let accuracy = model.evaluate(&test_set).unwrap().score();
	assert!(accuracy >= 0.85, "accuracy {accuracy}");
}

#[test]
fn regressions_recover_what_generated_the_data() {
	let (data, _, _) = synthetic::linear(9, 512, 4, 0.05);
	let (train_set, test_set) = data.split(1, 250);
	let hyper = Hyperparameters { epochs: 60, learning_rate_micros: 20_000, ..Default::default() };
	let model = train(Architecture::LinearRegression, &hyper, 3, &train_set, |_| {}).unwrap();
	let mse = -model.evaluate(&test_set).unwrap().score();
	// The noise alone has variance 0.05² × 1 (Irwin–Hall has unit variance).
	assert!(mse < 0.01, "mse {mse}");

	let blobs = synthetic::gaussian_blobs(2, 600, 4, 3);
	let (train_set, test_set) = blobs.split(1, 250);
	let model =
		train(Architecture::LogisticRegression, &Hyperparameters::default(), 3, &train_set, |_| {})
			.unwrap();
	assert!(model.evaluate(&test_set).unwrap().score() > 0.9);
}

#[test]
fn a_model_artifact_reloads_to_the_same_model_and_predictions() {
	let data = blobs();
	let model =
		train(Architecture::Mlp, &hyper(ExecutionMode::Verifiable, 2), 42, &data, |_| {}).unwrap();
	let bytes = model.to_artifact();
	let loaded = TrainedModel::from_artifact(&bytes, None).unwrap();
	assert_eq!(loaded.to_artifact(), bytes);
	let unlabelled = data.without_targets();
	let outputs = model.predict(&unlabelled).unwrap();
	assert_eq!(loaded.predict(&unlabelled).unwrap(), outputs);
	assert_eq!(outputs.rows(), data.rows());
	let reread = synod_ml::Outputs::from_artifact(&outputs.to_artifact()).unwrap();
	assert_eq!(reread, outputs);

	// A model of another shape, or a truncated file, is refused rather than half-loaded.
	let mut truncated = bytes.clone();
	truncated.truncate(bytes.len() - 4);
	assert!(TrainedModel::from_artifact(&truncated, None).is_err());
	assert!(TrainedModel::from_artifact(&data.to_artifact(), None).is_err());
}

#[test]
fn bad_jobs_are_refused_by_name() {
	let data = blobs();
	let err =
		|a, h: &Hyperparameters, d: &Dataset| train(a, h, 1, d, |_| {}).unwrap_err().to_string();
	let (regression, _, _) = synthetic::linear(1, 10, 8, 0.0);
	assert!(
		err(Architecture::Mlp, &Hyperparameters::default(), &regression).contains("class labels")
	);
	assert!(err(Architecture::LinearRegression, &Hyperparameters::default(), &data)
		.contains("real-valued"));
	assert!(err(Architecture::Cnn, &Hyperparameters::default(), &data).contains("8x8 images"));
	let zero = Hyperparameters { batch_size: 0, ..Default::default() };
	assert!(err(Architecture::Mlp, &zero, &data).contains("batch_size = 0"));
	assert!(Architecture::lookup("mlp", 2).unwrap_err().to_string().contains("version 2"));
	assert!(Architecture::lookup("transformer", 1).is_err());
}

#[test]
fn fine_tuning_continues_from_the_start_model_deterministically() {
	// A learner's round: a weak head trained on one shard is trained further on another.
	let (train_rows, test_rows) = digits::load().unwrap().split(7, 200);
	let shards = train_rows.shards(0, 3);
	let schedule = Hyperparameters { epochs: 1, hidden: vec![32], ..Default::default() };
	let head = train(Architecture::Mlp, &schedule, 1, &shards[0], |_| {}).unwrap();
	let more = Hyperparameters { epochs: 8, ..schedule.clone() };
	let tuned = synod_ml::fine_tune(&head, &more, 2, &shards[1], |_| {}).unwrap();
	let again = synod_ml::fine_tune(&head, &more, 2, &shards[1], |_| {}).unwrap();
	assert_eq!(tuned.content_hash(), again.content_hash());
	assert_ne!(tuned.content_hash(), head.content_hash());
	let before = head.evaluate(&test_rows).unwrap().score();
	let after = tuned.evaluate(&test_rows).unwrap().score();
	assert!(after > before + 0.05, "fine-tuning from {before} reached only {after}");
	// Starting from the head is not starting over: a fresh model with the same schedule and
	// seed gives other weights.
	let fresh = train(Architecture::Mlp, &more, 2, &shards[1], |_| {}).unwrap();
	assert_ne!(fresh.content_hash(), tuned.content_hash());
	// The layers are the head's whatever the schedule says; the data must fit them.
	let wider = Hyperparameters { hidden: vec![64], ..more.clone() };
	let kept = synod_ml::fine_tune(&head, &wider, 2, &shards[1], |_| {}).unwrap();
	assert_eq!(kept.hyperparameters.hidden, vec![32]);
	let error = synod_ml::fine_tune(&head, &more, 2, &blobs(), |_| {}).unwrap_err().to_string();
	assert!(error.contains("64 features"), "{error}");
}

#[test]
fn verifiable_predictions_are_the_same_bits_on_one_or_two_threads() {
	// Inference spreads batches over threads in the verifiable mode.
	let (train_rows, test_rows) = digits::load().unwrap().split(7, 200);
	for (architecture, hidden) in [(Architecture::Mlp, vec![32]), (Architecture::Cnn, vec![4, 8])] {
		let hyper = Hyperparameters { epochs: 1, batch_size: 32, hidden, ..Default::default() };
		let model = train(architecture, &hyper, 5, &train_rows, |_| {}).unwrap();
		let one = with_threads(1, || model.predict(&test_rows).unwrap());
		let two = with_threads(2, || model.predict(&test_rows).unwrap());
		assert_eq!(one.content_hash(), two.content_hash(), "{architecture:?}");
		assert_eq!(one.rows(), 359);
	}
}
