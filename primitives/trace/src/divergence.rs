//! Where traces part: what a dispute re-executes.
//!
//! Two replicas whose roots differ reveal their leaves (a trace has at most
//! `MAX_SEGMENTS + 2`, so the chain compares them in bounded weight). The first leaf where
//! they differ, `d`, is the one piece of work on which they disagree from a state on which
//! they agree: for `d` in `1..=S`, segment `d` from checkpoint `d - 1`; for `d = 0`, the
//! initial state, built from the spec alone; for `d = S + 1`, the output, derived from the
//! final state. Re-executing that one piece tells which of the two, if either, computed it
//! right; whatever either claims after it does not matter.

use crate::Hash;
use alloc::vec::Vec;

/// The first leaf where `a` and `b` differ, or where the shorter one ends; `None` when they
/// are the same.
pub fn first_divergence(a: &[Hash], b: &[Hash]) -> Option<usize> {
	match a.iter().zip(b).position(|(x, y)| x != y) {
		Some(index) => Some(index),
		None if a.len() == b.len() => None,
		None => Some(a.len().min(b.len())),
	}
}

/// The leaves a dispute among `traces` re-executes: for each pair of different traces, the
/// first leaf where they part, each leaf once, ascending. At most one per pair; for two
/// traces (the common dispute), exactly one.
pub fn disputed_checkpoints(traces: &[&[Hash]]) -> Vec<usize> {
	let mut distinct: Vec<&[Hash]> = Vec::new();
	for trace in traces {
		if !distinct.contains(trace) {
			distinct.push(trace);
		}
	}
	let mut disputed = Vec::new();
	for (i, a) in distinct.iter().enumerate() {
		for b in &distinct[i + 1..] {
			if let Some(leaf) = first_divergence(a, b) {
				disputed.push(leaf);
			}
		}
	}
	disputed.sort_unstable();
	disputed.dedup();
	disputed
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::{leaf::Trace, trace_key};
	use proptest::prelude::*;

	/// An honest trace of `segments` segments, and one that follows it until checkpoint
	/// `from` and then computes something else.
	fn honest_and_diverging(segments: u32, from: usize) -> (Vec<Hash>, Vec<Hash>) {
		let key = trace_key(5, 6);
		let honest = Trace {
			key,
			checkpoints: (0..=segments).map(|i| [i as u8; 32]).collect(),
			output: [0xaa; 32],
		};
		let mut cheat = honest.clone();
		for (index, checkpoint) in cheat.checkpoints.iter_mut().enumerate().skip(from) {
			checkpoint[31] = 0xff ^ index as u8;
		}
		if from > segments as usize {
			cheat.output = [0xbb; 32];
		} else {
			// A different final state gives a different output too.
			cheat.output = [0xcc; 32];
		}
		(honest.leaves(), cheat.leaves())
	}

	#[test]
	fn a_miner_diverging_at_the_first_the_last_or_a_middle_segment_is_found_there() {
		for (from, expected) in [(1, 1), (20, 20), (13, 13), (0, 0), (21, 21)] {
			let (honest, cheat) = honest_and_diverging(20, from);
			assert_eq!(first_divergence(&honest, &cheat), Some(expected), "diverging from {from}");
			assert_eq!(disputed_checkpoints(&[&honest, &cheat, &honest]), alloc::vec![expected]);
		}
		let (honest, _) = honest_and_diverging(20, 5);
		assert_eq!(first_divergence(&honest, &honest), None);
		assert!(disputed_checkpoints(&[&honest, &honest]).is_empty());
		assert_eq!(first_divergence(&honest, &honest[..10]), Some(10));
	}

	#[test]
	fn three_traces_dispute_each_first_parting() {
		let (honest, early) = honest_and_diverging(20, 4);
		let (_, late) = honest_and_diverging(20, 15);
		assert_eq!(disputed_checkpoints(&[&honest, &late, &early]), alloc::vec![4, 15]);
	}

	proptest! {
		#[test]
		fn the_parting_leaf_is_the_first_that_differs(segments in 1u32..=64, from in 0usize..=65) {
			let from = from.min(segments as usize + 1);
			let (honest, cheat) = honest_and_diverging(segments, from);
			let found = first_divergence(&honest, &cheat).unwrap();
			prop_assert_eq!(found, from);
			prop_assert_eq!(&honest[..found], &cheat[..found]);
			prop_assert_ne!(honest[found], cheat[found]);
			prop_assert_eq!(first_divergence(&cheat, &honest), Some(found));
		}
	}
}
