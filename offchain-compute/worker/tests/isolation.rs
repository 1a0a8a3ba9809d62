//! The child process a worker runs each computation in (`synod-worker compute-job`), run as
//! the worker runs it: a job within its memory limit answers its result's digest; a job
//! that needs more than its limit dies without taking the machine (or the worker) with it;
//! a learner's scoring gives the scores the models give in this process, and a proposal
//! that is no model of the head's layers scores nothing, without being built.

use std::{
	io::Write,
	path::Path,
	process::{Command, Output, Stdio},
};
use synod_ml::{
	dataset::{synthetic, Targets},
	hash, Architecture, Dataset, Hyperparameters, TrainedModel,
};

/// Puts `data` in the store under `dir` (as a fetched input would be) and returns the
/// compute-job request for training `hidden` on it.
fn request(dir: &Path, data: &Dataset, hidden: Vec<u32>) -> serde_json::Value {
	let bytes = data.to_artifact();
	let address = hash::to_hex(&synod_ml::content_hash(&bytes));
	std::fs::create_dir_all(dir.join("artifacts")).unwrap();
	std::fs::write(dir.join("artifacts").join(&address), &bytes).unwrap();
	let hyper = Hyperparameters { epochs: 1, hidden, ..Default::default() };
	serde_json::json!({ "job": {
		"job": 7,
		"wrong_seed": false,
		"spec": {
			"kind": "train",
			"architecture": "mlp",
			"architectureVersion": 1,
			"inputs": [{ "hash": address, "uri": "http://127.0.0.1:9/unused" }],
			"hyperparameters": format!("0x{}", hex::encode(hyper.to_bytes())),
			"seed": 1,
			"shape": {
				"rows": data.rows(),
				"features": data.features(),
				"outputs": data.classes().unwrap_or(1),
			},
		},
	}})
}

/// Puts `bytes` in the store under `dir`; returns their hash.
fn store(dir: &Path, bytes: &[u8]) -> String {
	let address = hash::to_hex(&synod_ml::content_hash(bytes));
	std::fs::create_dir_all(dir.join("artifacts")).unwrap();
	std::fs::write(dir.join("artifacts").join(&address), bytes).unwrap();
	address
}

fn compute(dir: &Path, request: &serde_json::Value, max_memory_bytes: u64) -> Output {
	compute_with(dir, request, &[], max_memory_bytes)
}

/// Runs the child on `request`, with `private` rows after it on stdin.
fn compute_with(
	dir: &Path,
	request: &serde_json::Value,
	private: &[u8],
	max_memory_bytes: u64,
) -> Output {
	let mut child = Command::new(env!("CARGO_BIN_EXE_synod-worker"))
		.arg("--data-dir")
		.arg(dir)
		.args(["compute-job", "--max-memory-bytes", &max_memory_bytes.to_string()])
		.env("MALLOC_ARENA_MAX", "2")
		.stdin(Stdio::piped())
		.stdout(Stdio::piped())
		.stderr(Stdio::piped())
		.spawn()
		.unwrap();
	let mut stdin = child.stdin.take().unwrap();
	stdin.write_all(format!("{request}\n").as_bytes()).unwrap();
	stdin.write_all(private).unwrap();
	drop(stdin);
	child.wait_with_output().unwrap()
}

#[test]
fn a_job_within_its_limit_answers_and_one_beyond_it_dies_alone() {
	let dir = tempfile_dir("isolation");
	let small = synthetic::gaussian_blobs(3, 60, 4, 3);
	let fits = compute(&dir, &request(&dir, &small, vec![16]), 4 << 30);
	let stdout = String::from_utf8_lossy(&fits.stdout);
	assert!(fits.status.success(), "{}", String::from_utf8_lossy(&fits.stderr));
	let answer: serde_json::Value = serde_json::from_str(stdout.trim()).unwrap();
	let digest = answer["digest"].as_str().unwrap_or_else(|| panic!("{stdout}"));
	assert!(dir.join("artifacts").join(digest).exists(), "the result is in the store");

	// Eight layers of 4096 from 4096 features: 134 M parameters, 2 GiB to train, on a
	// dataset of four rows. Within 1.5 GiB of address space it cannot, and dies.
	let values = (0..4 * 4096).map(|v| (v % 5) as f32).collect();
	let wide =
		Dataset::new(4096, values, Targets::Classes { classes: 2, labels: vec![0, 1, 0, 1] })
			.unwrap();
	let heavy = compute(&dir, &request(&dir, &wide, vec![4096; 8]), 3 << 29);
	let stderr = String::from_utf8_lossy(&heavy.stderr);
	assert!(!heavy.status.success(), "a job over its limit must not complete");
	assert!(stderr.contains("memory allocation"), "it dies of its limit: {stderr}");
	assert!(heavy.stdout.is_empty(), "and answers nothing: {:?}", heavy.stdout);
	let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_learners_scores_come_from_the_child_and_a_foreign_proposal_is_never_built() {
	let dir = tempfile_dir("scoring");
	let data = synthetic::gaussian_blobs(5, 120, 4, 3);
	let (train, validation) = data.split(1, 300);
	let small = Hyperparameters { epochs: 1, hidden: vec![8], ..Default::default() };
	let head = synod_ml::train(Architecture::Mlp, &small, 1, &train, |_| {}).unwrap();
	let better = Hyperparameters { epochs: 4, ..small.clone() };
	let proposal = synod_ml::fine_tune(&head, &better, 2, &train, |_| {}).unwrap();
	let wider = Hyperparameters { hidden: vec![32], ..small };
	let foreign = synod_ml::train(Architecture::Mlp, &wider, 1, &train, |_| {}).unwrap();
	let (head_hash, proposal_hash, foreign_hash) = (
		store(&dir, &head.to_artifact()),
		store(&dir, &proposal.to_artifact()),
		store(&dir, &foreign.to_artifact()),
	);
	let score = |proposal: &str| {
		let task = serde_json::json!({ "score": { "head": head_hash, "proposal": proposal } });
		let output = compute_with(&dir, &task, &validation.to_artifact(), 4 << 30);
		assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
		let stdout = String::from_utf8_lossy(&output.stdout);
		let answer: serde_json::Value = serde_json::from_str(stdout.trim()).unwrap();
		answer["scores"].clone()
	};
	let scores = score(&proposal_hash);
	let expected = |model: &TrainedModel| model.evaluate(&validation).unwrap().score();
	assert_eq!(scores["head"].as_f64(), Some(expected(&head)), "{scores}");
	assert_eq!(scores["proposal"].as_f64(), Some(expected(&proposal)), "{scores}");
	let scores = score(&foreign_hash);
	assert!(scores["proposal"].is_null(), "other layers score nothing: {scores}");
	assert_eq!(scores["head"].as_f64(), Some(expected(&head)));
	let _ = std::fs::remove_dir_all(&dir);
}

fn tempfile_dir(name: &str) -> std::path::PathBuf {
	let dir = std::env::temp_dir().join(format!("synod-{name}-{}", std::process::id()));
	let _ = std::fs::remove_dir_all(&dir);
	std::fs::create_dir_all(&dir).unwrap();
	dir
}
