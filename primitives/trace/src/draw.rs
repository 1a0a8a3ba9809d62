//! Which segments a committee re-executes in a spot check.
//!
//! The last segment is always drawn: it ends at the final state, from which the output is
//! derived, so every verified job has its delivered output checked. The others are `k - 1`
//! distinct segments drawn uniformly from `1..=S-1`. A miner serves the checkpoint at the start
//! of each drawn segment, so drawn segments that are adjacent are re-executed as one **run**
//! ([`runs`]) from the run's first start: no served checkpoint is ever the end of a drawn
//! segment, the very hash a verifier must reach by itself. The caller's seed must be
//! randomness that nobody knew when the miners committed (the chain's, after the commit
//! deadline, with the job mixed in).

use crate::{hash_parts, Hash, MAX_SEGMENTS};
use alloc::vec::Vec;

/// Domain tag of the draw's random words.
pub const DRAW_TAG: &[u8] = b"synod/trace/draw/v1";

/// `checks` distinct segments of `segments` (numbered `1..=segments`), ascending, drawn with
/// `seed`: the last and `checks - 1` others uniformly, all of them when `checks` is at least
/// `segments`. A count above [`MAX_SEGMENTS`], which no layout gives, is taken as
/// [`MAX_SEGMENTS`], so that the draw's work stays bounded.
pub fn spot_checks(seed: &Hash, segments: u32, checks: u32) -> Vec<u32> {
	let segments = segments.min(MAX_SEGMENTS);
	if segments == 0 || checks == 0 {
		return Vec::new();
	}
	let others = (checks - 1).min(segments - 1);
	// A partial Fisher-Yates shuffle of the segments before the last.
	let mut pool: Vec<u32> = (1..segments).collect();
	for taken in 0..others {
		let remaining = (segments - 1 - taken) as u64;
		let pick = taken as u64 + word(seed, taken) % remaining;
		pool.swap(taken as usize, pick as usize);
	}
	let mut drawn: Vec<u32> = pool[..others as usize].to_vec();
	drawn.sort_unstable();
	drawn.push(segments);
	drawn
}

/// The drawn segments (ascending, distinct) as runs of adjacent ones, each `(first, last)`: a
/// run is re-executed from checkpoint `first - 1` to checkpoint `last`, and a verifier commits
/// to every checkpoint it reaches on the way.
pub fn runs(drawn: &[u32]) -> Vec<(u32, u32)> {
	let mut runs: Vec<(u32, u32)> = Vec::new();
	for &segment in drawn {
		match runs.last_mut() {
			Some((_, last)) if *last + 1 == segment => *last = segment,
			_ => runs.push((segment, segment)),
		}
	}
	runs
}

/// The `index`-th random word of the draw: `mod n` of it is uniform up to a bias of
/// `n / 2^64`, below 2^-57 for the segments a trace can have.
fn word(seed: &Hash, index: u32) -> u64 {
	let hash = hash_parts(&[DRAW_TAG, seed, &index.to_le_bytes()]);
	let mut bytes = [0u8; 8];
	bytes.copy_from_slice(&hash[..8]);
	u64::from_le_bytes(bytes)
}

#[cfg(test)]
mod tests {
	use super::*;
	use proptest::prelude::*;

	#[test]
	fn the_last_segment_and_the_rest_when_asked() {
		let seed = [3u8; 32];
		assert_eq!(spot_checks(&seed, 0, 3), Vec::<u32>::new());
		assert_eq!(spot_checks(&seed, 1, 3), alloc::vec![1]);
		assert_eq!(spot_checks(&seed, 2, 3), alloc::vec![1, 2]);
		assert_eq!(spot_checks(&seed, 20, 0), Vec::<u32>::new());
		assert_eq!(spot_checks(&seed, 20, 1), alloc::vec![20]);
		assert_eq!(spot_checks(&seed, 20, 50), (1..=20).collect::<Vec<_>>());
		assert_eq!(spot_checks(&seed, 1000, 2).last(), Some(&MAX_SEGMENTS));
	}

	#[test]
	fn adjacent_draws_make_one_run() {
		assert_eq!(runs(&[2, 3, 4, 9, 19, 20]), alloc::vec![(2, 4), (9, 9), (19, 20)]);
		assert_eq!(runs(&[20]), alloc::vec![(20, 20)]);
		assert!(runs(&[]).is_empty());
	}

	#[test]
	fn every_segment_is_drawn_equally_often() {
		// 3 checks of 20: the last, and two of segments 1..=19, each 2/19 of the time, the
		// second to last included (it starts where the always-drawn last one does not).
		let mut counts = [0u32; 21];
		let trials = 19_000u32;
		for trial in 0..trials {
			let seed = sp_crypto_hashing::blake2_256(&trial.to_le_bytes());
			for segment in spot_checks(&seed, 20, 3) {
				counts[segment as usize] += 1;
			}
		}
		assert_eq!(counts[20], trials);
		// Expected 2000 each; four standard deviations are about 170.
		for (segment, count) in counts.iter().enumerate().take(20).skip(1) {
			assert!((1830..=2170).contains(count), "segment {segment} drawn {count} times");
		}
	}

	proptest! {
		#[test]
		fn draws_are_distinct_ascending_and_in_range(seed: [u8; 32], segments in 1u32..=64, checks in 1u32..=16) {
			let drawn = spot_checks(&seed, segments, checks);
			prop_assert_eq!(drawn.len() as u32, checks.min(segments));
			prop_assert_eq!(drawn.last().copied(), Some(segments));
			prop_assert!(drawn.iter().all(|s| (1..=segments).contains(s)));
			prop_assert!(drawn.windows(2).all(|pair| pair[1] > pair[0]));
			prop_assert_eq!(&drawn, &spot_checks(&seed, segments, checks));
			// The runs cover the draw exactly, and no run starts where another ends.
			let runs = runs(&drawn);
			let covered: Vec<u32> = runs.iter().flat_map(|(a, b)| *a..=*b).collect();
			prop_assert_eq!(&covered, &drawn);
			prop_assert!(runs.windows(2).all(|pair| pair[1].0 > pair[0].1 + 1));
		}
	}
}
