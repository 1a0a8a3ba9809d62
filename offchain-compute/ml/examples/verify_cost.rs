//! What verifying a training job costs against computing it: a miner's traced run, a
//! committee member's spot check (the segments `synod_trace::spot_checks` draws, each run of
//! adjacent ones re-executed from the miner's checkpoint after checking its Merkle proof) and a dispute's
//! one segment, for jobs of 10, 20 and 50 epochs of the CNN on the digits.
//! `scripts/bench-verify.sh` runs it in release. Output: one tab-separated line per job;
//! times are the process's CPU seconds (user and system, from `/proc/self/stat`), on one
//! thread as the verifiable mode runs.

use synod_ml::{
	dataset::digits, replay, train_traced, Architecture, ExecutionMode, ExpectedRun,
	Hyperparameters,
};
use synod_trace::{checkpoint_leaf, checkpoint_value, runs, spot_checks, trace_key, verify};

/// Spot checks per job: the last segment and one other, the default policy.
const CHECKS: u32 = 2;

/// The CPU seconds this process has used.
fn cpu_seconds() -> f64 {
	let stat = std::fs::read_to_string("/proc/self/stat").expect("/proc/self/stat");
	// The command name may hold spaces; the fields after its closing parenthesis do not.
	let fields: Vec<&str> = stat.rsplit_once(')').expect("stat").1.split_whitespace().collect();
	let ticks: u64 = fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap();
	// Linux reports them in USER_HZ, 100 on every platform it supports.
	ticks as f64 / 100.0
}

fn timed<T>(f: impl FnOnce() -> T) -> (T, f64) {
	let start = cpu_seconds();
	let value = f();
	(value, cpu_seconds() - start)
}

fn main() {
	let data = digits::load().unwrap();
	println!("epochs\tsegments\tminer_s\tspot_segments\tspot_s\tdispute_s");
	let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
	pool.install(|| {
		for epochs in [10u32, 20, 50] {
			let hyper = Hyperparameters {
				mode: ExecutionMode::Verifiable,
				epochs,
				batch_size: 32,
				learning_rate_micros: 1000,
				hidden: vec![8, 16],
				image_side: 8,
			};
			let key = trace_key(1, 7);
			let mut checkpoints = Vec::new();
			let (run, miner) = timed(|| {
				train_traced(
					Architecture::Cnn,
					&hyper,
					7,
					&data,
					&key,
					|_| {},
					|_, checkpoint| {
						checkpoints.push(checkpoint.bytes().to_vec());
						Ok(())
					},
				)
				.unwrap()
			});
			let trace = run.trace;
			let (root, leaves, segments) = (trace.root(), trace.leaves(), trace.segments());
			// A spot check: each drawn segment from its start checkpoint, proved against the root.
			let drawn = spot_checks(&[9; 32], segments, CHECKS);
			// A run of adjacent drawn segments, from its first start, proved against the root.
			let re_execute = |(first, last): (u32, u32)| {
				let index = first - 1;
				let start =
					synod_ml::Checkpoint::from_bytes(checkpoints[index as usize].clone()).unwrap();
				let leaf =
					checkpoint_leaf(&key, index, &checkpoint_value(&key, index, &start.hash()));
				assert!(verify(&root, &leaf, index, leaves.len() as u32, &trace.proof(index)));
				let run = ExpectedRun {
					architecture: Architecture::Cnn,
					hyperparameters: &hyper,
					seed: 7,
				};
				let reached = replay(&start, run, &data, index, last, |_| {}).unwrap();
				assert_eq!(reached.hash(), trace.checkpoints[last as usize]);
			};
			let ((), spot) = timed(|| runs(&drawn).into_iter().for_each(re_execute));
			// A dispute: the one segment where two traces part, here the middle one.
			let middle = segments / 2 + 1;
			let ((), dispute) = timed(|| re_execute((middle, middle)));
			println!("{epochs}\t{segments}\t{miner:.2}\t{}\t{spot:.2}\t{dispute:.2}", drawn.len());
		}
	});
}
