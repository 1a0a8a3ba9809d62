//! Which segments a committee re-executes in a spot check.
//!
//! The last segment is always drawn: it ends at the final state, from which the output is
//! derived, so every verified job has its delivered output checked. The others are drawn
//! uniformly among the sets of segments of which no two are adjacent, because a miner serves
//! the checkpoint at the start of each drawn segment: two adjacent drawn segments would make
//! the end of the first, the very hash a verifier must reach by itself, the start of the
//! second. The caller's seed must be randomness that nobody knew when the miners committed
//! (the chain's, after the commit deadline, with the job mixed in).

use crate::{hash_parts, Hash};
use alloc::vec::Vec;

/// Domain tag of the draw's random words.
pub const DRAW_TAG: &[u8] = b"synod/trace/draw/v1";

/// The most segments one spot check can draw from `segments`: the last, and every other one
/// before it, none adjacent.
pub fn most_checks(segments: u32) -> u32 {
	match segments {
		0 => 0,
		s => 1 + (s.saturating_sub(2)).div_ceil(2),
	}
}

/// `checks` segments of `segments` (numbered `1..=segments`), ascending, drawn with `seed`:
/// the last and `checks - 1` others, no two adjacent; fewer when `segments` has no room for
/// that many ([`most_checks`]).
pub fn spot_checks(seed: &Hash, segments: u32, checks: u32) -> Vec<u32> {
	if segments == 0 || checks == 0 {
		return Vec::new();
	}
	// Segments `1..=slots` cannot touch the last one.
	let slots = segments.saturating_sub(2);
	let others = (checks - 1).min(most_checks(segments) - 1);
	// Choosing `others` non-adjacent slots of `slots` is choosing `others` distinct values of
	// `slots - others + 1` and spreading them: the i-th smallest moves up by i.
	let values = slots + 1 - others;
	let mut pool: Vec<u32> = (0..values).collect();
	for taken in 0..others {
		let remaining = (values - taken) as u64;
		let pick = taken as u64 + word(seed, taken) % remaining;
		pool.swap(taken as usize, pick as usize);
	}
	let mut chosen: Vec<u32> = pool[..others as usize].to_vec();
	chosen.sort_unstable();
	let mut drawn: Vec<u32> =
		chosen.iter().enumerate().map(|(rank, value)| value + rank as u32 + 1).collect();
	drawn.push(segments);
	drawn
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
	fn the_last_segment_and_room_for_the_rest() {
		let seed = [3u8; 32];
		assert_eq!(spot_checks(&seed, 0, 3), Vec::<u32>::new());
		assert_eq!(spot_checks(&seed, 1, 3), alloc::vec![1]);
		assert_eq!(spot_checks(&seed, 2, 3), alloc::vec![2]);
		assert_eq!(spot_checks(&seed, 3, 3), alloc::vec![1, 3]);
		assert_eq!(spot_checks(&seed, 20, 0), Vec::<u32>::new());
		assert_eq!(spot_checks(&seed, 20, 1), alloc::vec![20]);
		// 18 slots before the last hold at most 9 non-adjacent segments.
		assert_eq!(most_checks(20), 10);
		assert_eq!(spot_checks(&seed, 20, 50).len(), 10);
	}

	#[test]
	fn every_segment_is_drawn_about_equally_often() {
		// 2 checks of 20: the last, and one of segments 1..=18, each 1/18 of the time.
		let mut counts = [0u32; 21];
		for trial in 0u32..18_000 {
			let seed = sp_crypto_hashing::blake2_256(&trial.to_le_bytes());
			for segment in spot_checks(&seed, 20, 2) {
				counts[segment as usize] += 1;
			}
		}
		assert_eq!((counts[19], counts[20]), (0, 18_000));
		// Expected 1000 each; four standard deviations are about 126.
		for (segment, count) in counts.iter().enumerate().take(19).skip(1) {
			assert!((874..=1126).contains(count), "segment {segment} drawn {count} times");
		}
	}

	proptest! {
		#[test]
		fn draws_are_distinct_apart_and_in_range(seed: [u8; 32], segments in 1u32..=64, checks in 1u32..=16) {
			let drawn = spot_checks(&seed, segments, checks);
			prop_assert_eq!(drawn.len() as u32, checks.min(most_checks(segments)));
			prop_assert_eq!(drawn.last().copied(), Some(segments));
			prop_assert!(drawn.iter().all(|s| (1..=segments).contains(s)));
			prop_assert!(drawn.windows(2).all(|pair| pair[1] >= pair[0] + 2));
			prop_assert_eq!(drawn, spot_checks(&seed, segments, checks));
		}
	}
}
