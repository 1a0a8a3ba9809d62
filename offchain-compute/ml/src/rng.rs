//! The one source of randomness in a job: SplitMix64 from the job's seed.
//!
//! Weight initialisation, data order, splits, shards and synthetic data all draw from here
//! rather than from burn's global generator, which is shared by every thread of a process (so
//! two trainings at once would interleave draws) and is not specified across versions. Only
//! integer arithmetic and exactly rounded float operations are used, so every machine draws
//! the same numbers.

/// SplitMix64 (Steele, Lea and Flood, 2014).
#[derive(Clone, Debug)]
pub struct SplitMix64 {
	state: u64,
}

impl SplitMix64 {
	/// A generator for `seed`.
	pub fn new(seed: u64) -> Self {
		Self { state: seed }
	}

	/// A generator for one purpose of a job (`stream`), independent of its other purposes.
	pub fn stream(seed: u64, stream: u64) -> Self {
		let mut mixer = Self::new(seed ^ stream.wrapping_mul(0xD6E8_FEB8_6659_FD93));
		Self::new(mixer.next_u64())
	}

	pub fn next_u64(&mut self) -> u64 {
		self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
		let mut z = self.state;
		z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
		z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
		z ^ (z >> 31)
	}

	/// Uniform in `[0, 1)` with 24 random bits: exact in `f32`.
	pub fn next_unit_f32(&mut self) -> f32 {
		(self.next_u64() >> 40) as f32 / (1u32 << 24) as f32
	}

	/// Uniform in `[-bound, bound)`.
	pub fn uniform(&mut self, bound: f32) -> f32 {
		(self.next_unit_f32() * 2.0 - 1.0) * bound
	}

	/// Approximately standard normal: the sum of twelve uniforms less six (Irwin–Hall), which
	/// needs no transcendental function whose last bit could differ between C libraries.
	pub fn normal(&mut self) -> f32 {
		(0..12).map(|_| self.next_unit_f32()).sum::<f32>() - 6.0
	}

	/// Uniform in `0..n` (`n > 0`), without modulo bias worth noticing for `n < 2^32`.
	pub fn below(&mut self, n: usize) -> usize {
		(((self.next_u64() >> 32) * n as u64) >> 32) as usize
	}

	/// Fisher–Yates shuffle.
	pub fn shuffle<T>(&mut self, items: &mut [T]) {
		for i in (1..items.len()).rev() {
			let j = self.below(i + 1);
			items.swap(i, j);
		}
	}

	/// A random order of `0..n`.
	pub fn permutation(&mut self, n: usize) -> Vec<usize> {
		let mut order: Vec<usize> = (0..n).collect();
		self.shuffle(&mut order);
		order
	}
}

/// Named streams, so that adding a use of randomness never shifts another's draws.
pub mod streams {
	pub const INIT: u64 = 1;
	pub const EPOCH_ORDER: u64 = 2;
	pub const SPLIT: u64 = 3;
	pub const SHARDS: u64 = 4;
	pub const SYNTHETIC: u64 = 5;
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn first_outputs_match_the_reference_sequence() {
		// The published SplitMix64 sequence for seed 1234567.
		let mut rng = SplitMix64::new(1234567);
		assert_eq!(rng.next_u64(), 6457827717110365317);
		assert_eq!(rng.next_u64(), 3203168211198807973);
	}

	#[test]
	fn permutations_are_permutations_and_depend_on_the_seed() {
		let a = SplitMix64::new(7).permutation(100);
		let mut sorted = a.clone();
		sorted.sort();
		assert_eq!(sorted, (0..100).collect::<Vec<_>>());
		assert_ne!(a, SplitMix64::new(8).permutation(100));
		assert_eq!(a, SplitMix64::new(7).permutation(100));
	}

	#[test]
	fn streams_differ() {
		assert_ne!(SplitMix64::stream(1, 1).next_u64(), SplitMix64::stream(1, 2).next_u64());
	}
}
