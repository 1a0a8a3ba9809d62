//! The child process a worker runs each computation in (`synod-worker compute-job`), run as
//! the worker runs it: a job within its memory limit answers its result's digest; a job
//! that needs more than its limit dies without taking the machine (or the worker) with it.

use std::{
	io::Write,
	path::Path,
	process::{Command, Output, Stdio},
};
use synod_ml::{
	dataset::{synthetic, Targets},
	hash, Dataset, Hyperparameters,
};

/// Puts `data` in the store under `dir` (as a fetched input would be) and returns the
/// compute-job request for training `hidden` on it.
fn request(dir: &Path, data: &Dataset, hidden: Vec<u32>) -> serde_json::Value {
	let bytes = data.to_artifact();
	let address = hash::to_hex(&synod_ml::content_hash(&bytes));
	std::fs::create_dir_all(dir.join("artifacts")).unwrap();
	std::fs::write(dir.join("artifacts").join(&address), &bytes).unwrap();
	let hyper = Hyperparameters { epochs: 1, hidden, ..Default::default() };
	serde_json::json!({
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
	})
}

fn compute(dir: &Path, request: &serde_json::Value, max_memory_bytes: u64) -> Output {
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
	child.stdin.take().unwrap().write_all(request.to_string().as_bytes()).unwrap();
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

fn tempfile_dir(name: &str) -> std::path::PathBuf {
	let dir = std::env::temp_dir().join(format!("synod-{name}-{}", std::process::id()));
	let _ = std::fs::remove_dir_all(&dir);
	std::fs::create_dir_all(&dir).unwrap();
	dir
}
