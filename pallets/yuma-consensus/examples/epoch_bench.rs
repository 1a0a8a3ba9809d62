//! Times one epoch on random dense weights, for the sizes of issue 4's anchor figures:
//! `cargo run --release -p yuma-consensus --example epoch_bench`.
//!
//! Every validator weighs every uid (dense, as the anchor measurements of subtensor's own code
//! were taken) and holds a bond to each; stake is random. Prints the median of several runs.

use std::time::{Duration, Instant};
use yuma_consensus::epoch::{run_epoch, EpochInput, NeuronInput};

/// A small deterministic generator, so that every run times the same inputs.
struct Lcg(u64);
impl Lcg {
	fn next(&mut self) -> u64 {
		self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
		self.0 >> 16
	}
}

fn input(n: usize, validators: usize, yuma3: bool) -> EpochInput {
	let mut rng = Lcg(n as u64 * 31 + validators as u64);
	let neurons = (0..n)
		.map(|uid| {
			let validator = uid < validators;
			NeuronInput {
				stake: if validator { 1_000 + rng.next() % 1_000_000 } else { 0 },
				last_update: 100,
				registered_at: 0,
				validator_permit: validator,
				weights: if validator {
					(0..n as u16).map(|j| (j, (rng.next() % 65536) as u16)).collect()
				} else {
					Vec::new()
				},
				bonds: if validator {
					(0..n as u16).map(|j| (j, (rng.next() % 65536) as u16)).collect()
				} else {
					Vec::new()
				},
				commit_block: None,
			}
		})
		.collect();
	EpochInput {
		current_block: 1_000,
		tempo: 360,
		last_epoch_block: 640,
		activity_cutoff: 5_000,
		kappa: 32_767,
		bonds_penalty: 65_535,
		bonds_moving_average: 900_000,
		yuma3,
		liquid_alpha: yuma3,
		alpha_low: 45_875,
		alpha_high: 58_982,
		alpha_sigmoid_steepness: 1000,
		max_allowed_validators: validators as u16,
		stake_threshold: 0,
		owner_uid: None,
		emission: 1_000_000_000,
		neurons,
	}
}

fn time(input: &EpochInput) -> Duration {
	let runs = 5;
	let mut times: Vec<Duration> = (0..runs)
		.map(|_| {
			let start = Instant::now();
			std::hint::black_box(run_epoch(std::hint::black_box(input)).expect("epoch runs"));
			start.elapsed()
		})
		.collect();
	times.sort();
	times[runs / 2]
}

/// `epoch_bench [yuma2|yuma3]`: both models, or the one named (to profile it alone).
fn main() {
	let only = std::env::args().nth(1);
	println!("{:<28} {:>6} {:>6} {:>12}", "model", "n", "V", "epoch (ms)");
	for (yuma3, model, name) in
		[(false, "Yuma 2", "yuma2"), (true, "Yuma 3 + liquid alpha", "yuma3")]
	{
		if only.as_deref().is_some_and(|only| only != name) {
			continue;
		}
		for (n, validators) in [(256, 64), (1024, 64), (4096, 64), (4096, 256)] {
			let elapsed = time(&input(n, validators, yuma3));
			println!("{model:<28} {n:>6} {validators:>6} {:>12.1}", elapsed.as_secs_f64() * 1e3);
		}
	}
}
