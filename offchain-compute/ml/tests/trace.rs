//! A traced run is what spot checks and disputes stand on: it must train exactly what an
//! untraced run trains, and resuming from any of its checkpoints must reproduce every later
//! one, bit for bit, or an honest miner would fail its checks.

use synod_ml::{
	dataset::{digits, synthetic},
	hash::to_hex,
	initial_checkpoint, replay, train, train_traced, Architecture, Checkpoint, Dataset,
	ExecutionMode, ExpectedRun, Hyperparameters,
};
use synod_trace::{trace_key, Position};

/// The run of seed 42 that [`traced`] trains, as a verifier reads it from the job's spec.
fn expected(architecture: Architecture, hyper: &Hyperparameters) -> ExpectedRun<'_> {
	ExpectedRun { architecture, hyperparameters: hyper, seed: 42 }
}

fn hyper(mode: ExecutionMode, epochs: u32, batch_size: u32) -> Hyperparameters {
	Hyperparameters { mode, epochs, batch_size, hidden: vec![16], ..Default::default() }
}

/// Trains with a trace, keeping every checkpoint.
fn traced(
	architecture: Architecture,
	hyper: &Hyperparameters,
	data: &Dataset,
) -> (synod_ml::TracedRun, Vec<Checkpoint>) {
	let mut kept = Vec::new();
	let run = train_traced(
		architecture,
		hyper,
		42,
		data,
		&trace_key(1, 42),
		|_| {},
		|index, c| {
			assert_eq!(index as usize, kept.len(), "checkpoints come in order");
			kept.push(c);
			Ok(())
		},
	)
	.unwrap();
	(run, kept)
}

#[test]
fn a_traced_run_trains_the_same_weights_as_an_untraced_one() {
	let blobs = synthetic::gaussian_blobs(5, 256, 8, 3);
	for mode in [ExecutionMode::Verifiable, ExecutionMode::Fast] {
		for architecture in [Architecture::Mlp, Architecture::LogisticRegression] {
			let h = hyper(mode, 4, 16);
			let plain = train(architecture, &h, 42, &blobs, |_| {}).unwrap();
			let (run, kept) = traced(architecture, &h, &blobs);
			assert_eq!(run.model.content_hash(), plain.content_hash(), "{architecture:?} {mode:?}");
			assert_eq!(run.trace.output, plain.content_hash());
			assert_eq!(kept.len(), 5, "the initial state and one per epoch");
			assert_eq!(
				run.trace.checkpoints,
				kept.iter().map(Checkpoint::hash).collect::<Vec<_>>()
			);
			// The last checkpoint holds the output's weights.
			assert_eq!(kept[4].model(None).unwrap().content_hash(), plain.content_hash());
			// A verifier builds the initial state from the spec, as the miner did.
			let initial = initial_checkpoint(expected(architecture, &h), &blobs).unwrap();
			assert_eq!(initial.hash(), kept[0].hash(), "{architecture:?} {mode:?}");
		}
	}
}

#[test]
fn resuming_from_any_checkpoint_reproduces_every_later_one() {
	let blobs = synthetic::gaussian_blobs(7, 200, 6, 3);
	for mode in [ExecutionMode::Verifiable, ExecutionMode::Fast] {
		let h = hyper(mode, 5, 16);
		let (run, kept) = traced(Architecture::Mlp, &h, &blobs);
		for from in 0..5u32 {
			// A verifier gets the start as bytes from the miner.
			let start = Checkpoint::from_bytes(kept[from as usize].bytes().to_vec()).unwrap();
			assert_eq!(start.hash(), run.trace.checkpoints[from as usize]);
			for until in from + 1..=5 {
				let job = expected(Architecture::Mlp, &h);
				let reached = replay(&start, job, &blobs, from, until, |_| {}).unwrap();
				assert_eq!(
					reached.hash(),
					run.trace.checkpoints[until as usize],
					"{mode:?}: from {from} to {until}"
				);
			}
		}
	}
}

#[test]
fn long_epochs_are_split_and_resume_mid_epoch() {
	// 600 rows in batches of 2: 300 batches an epoch, two segments of 150 each.
	let blobs = synthetic::gaussian_blobs(3, 600, 4, 2);
	let h = hyper(ExecutionMode::Verifiable, 2, 2);
	let (run, kept) = traced(Architecture::LogisticRegression, &h, &blobs);
	assert_eq!(run.trace.segments(), 4);
	assert_eq!(kept[1].position(), Position { epoch: 0, batch: 150 });
	assert_eq!(kept[3].position(), Position { epoch: 1, batch: 150 });
	let job = expected(Architecture::LogisticRegression, &h);
	let reached = replay(&kept[1], job, &blobs, 1, 3, |_| {}).unwrap();
	assert_eq!(reached.hash(), run.trace.checkpoints[3]);
	assert_eq!(
		run.model.content_hash(),
		train(Architecture::LogisticRegression, &h, 42, &blobs, |_| {}).unwrap().content_hash()
	);
}

#[test]
fn a_replay_refuses_what_it_cannot_reproduce() {
	let blobs = synthetic::gaussian_blobs(5, 64, 8, 3);
	let h = hyper(ExecutionMode::Verifiable, 3, 16);
	let (_, kept) = traced(Architecture::Mlp, &h, &blobs);
	let run = expected(Architecture::Mlp, &h);
	assert!(replay(&kept[1], run, &blobs, 1, 2, |_| {}).is_ok());
	// Backwards, nowhere, or past the end.
	for until in [0, 1, 4] {
		assert!(replay(&kept[1], run, &blobs, 1, until, |_| {}).is_err(), "until {until}");
	}
	// A checkpoint served as another one than it is: its place is in it.
	let error = replay(&kept[1], run, &blobs, 2, 3, |_| {}).unwrap_err().to_string();
	assert!(error.contains("where checkpoint 2 is at"), "{error}");
	// A checkpoint of another run than the job's: other settings, seed or architecture. A
	// miner that trained with one step an epoch must not have its checkpoints replayed so.
	let faster = Hyperparameters { batch_size: 64, ..h.clone() };
	let other_seed = ExpectedRun { seed: 43, ..run };
	let other_architecture = expected(Architecture::LogisticRegression, &h);
	for other in [expected(Architecture::Mlp, &faster), other_seed, other_architecture] {
		let error = replay(&kept[1], other, &blobs, 1, 2, |_| {}).unwrap_err().to_string();
		assert!(error.contains("where the job is"), "{error}");
	}
	// Other data: other features.
	let other = synthetic::gaussian_blobs(5, 64, 9, 3);
	assert!(replay(&kept[0], run, &other, 0, 1, |_| {}).is_err());
	// Bytes that are not a checkpoint, or a checkpoint cut short.
	let mut cut = kept[1].bytes().to_vec();
	cut.truncate(cut.len() - 4);
	assert!(Checkpoint::from_bytes(cut).is_err());
	let model = kept[1].model(None).unwrap().to_artifact();
	assert!(Checkpoint::from_bytes(model).is_err());
}

/// Golden trace roots of the verifiable mode: with the golden model hashes of
/// `determinism.rs`, the same on every x86-64 machine (the qemu check runs these too).
#[test]
fn golden_trace_roots_of_the_verifiable_mode() {
	let cases: [(Architecture, Dataset, Hyperparameters, &str); 2] = [
		(
			Architecture::Mlp,
			digits::load().unwrap(),
			hyper(ExecutionMode::Verifiable, 3, 32),
			"f666e5a5de6befe2f15a825867f7ba91aa4703b12d0dbf392c326fd52e861dce",
		),
		(
			Architecture::Cnn,
			digits::load().unwrap(),
			Hyperparameters { epochs: 2, batch_size: 64, hidden: vec![4, 8], ..Default::default() },
			"8f73013d19f147ddd4a49f9957c552ffd6b08b4d0311f5cad1ae544542a737c7",
		),
	];
	let mut found = Vec::new();
	for (architecture, data, h, golden) in &cases {
		let (run, _) = traced(*architecture, h, data);
		let root = to_hex(&run.trace.root());
		found.push(format!("{architecture:?}: {root}"));
		if root != *golden {
			found.push(format!("  expected {golden}"));
		}
	}
	assert!(!found.iter().any(|line| line.starts_with("  expected")), "{}", found.join("\n"));
}
