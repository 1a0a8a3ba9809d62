//! A binary Merkle tree over a trace's leaves.
//!
//! Each level pairs its nodes left to right, a node being BLAKE2-256 of
//! `(NODE_TAG, left, right)`; an odd node at the end of a level is carried up unchanged
//! rather than paired with itself (pairing a node with itself would let two leaf lists, one
//! with its last leaf repeated, share a root). A proof is checked against a leaf count, which
//! the verifier takes from the job's layout, never from the prover: the count fixes where
//! the odd nodes are carried up. Its length must be exactly the path's: at most
//! `ceil(log2(leaves))` hashes.

use crate::{hash_parts, Hash};
use alloc::vec::Vec;

/// Domain tag of an inner node.
pub const NODE_TAG: &[u8] = b"synod/trace/node/v1";

fn node(left: &Hash, right: &Hash) -> Hash {
	hash_parts(&[NODE_TAG, left, right])
}

fn parent_level(level: &[Hash]) -> Vec<Hash> {
	level
		.chunks(2)
		.map(|pair| match pair {
			[left, right] => node(left, right),
			[single] => *single,
			_ => unreachable!("chunks of two"),
		})
		.collect()
}

/// The root of `leaves`; the zero hash for none.
pub fn root(leaves: &[Hash]) -> Hash {
	if leaves.is_empty() {
		return [0; 32];
	}
	let mut level = leaves.to_vec();
	while level.len() > 1 {
		level = parent_level(&level);
	}
	level[0]
}

/// The siblings on the path from leaf `index` to the root, bottom up; empty if `index` is
/// out of range.
pub fn proof(leaves: &[Hash], index: usize) -> Vec<Hash> {
	let mut siblings = Vec::new();
	if index >= leaves.len() {
		return siblings;
	}
	let (mut level, mut position) = (leaves.to_vec(), index);
	while level.len() > 1 {
		let sibling = position ^ 1;
		if sibling < level.len() {
			siblings.push(level[sibling]);
		}
		level = parent_level(&level);
		position /= 2;
	}
	siblings
}

/// Whether `proof` shows `leaf` at `index` of a tree of `leaves` leaves with root `root`.
/// The work is one hash per proof element, and a proof longer than the path fails, so a
/// caller bounds the work by bounding `leaves`.
pub fn verify(root: &Hash, leaf: &Hash, index: u32, leaves: u32, proof: &[Hash]) -> bool {
	if index >= leaves {
		return false;
	}
	let (mut hash, mut position, mut width) = (*leaf, index, leaves);
	let mut siblings = proof.iter();
	while width > 1 {
		let is_last_and_alone = position == width - 1 && width % 2 == 1;
		if !is_last_and_alone {
			let Some(sibling) = siblings.next() else { return false };
			hash = if position % 2 == 0 { node(&hash, sibling) } else { node(sibling, &hash) };
		}
		position /= 2;
		width = width.div_ceil(2);
	}
	siblings.next().is_none() && hash == *root
}

#[cfg(test)]
mod tests {
	use super::*;
	use proptest::prelude::*;

	fn leaves(count: usize, seed: u8) -> Vec<Hash> {
		(0..count)
			.map(|i| sp_crypto_hashing::blake2_256(&[seed, i as u8, (i >> 8) as u8]))
			.collect()
	}

	#[test]
	fn small_trees_have_the_shapes_described() {
		let [a, b, c] = [[1u8; 32], [2; 32], [3; 32]];
		assert_eq!(root(&[a]), a);
		assert_eq!(root(&[a, b]), node(&a, &b));
		assert_eq!(root(&[a, b, c]), node(&node(&a, &b), &c));
		assert_eq!(proof(&[a, b, c], 2), alloc::vec![node(&a, &b)]);
		// No duplication: the last leaf repeated is another tree.
		assert_ne!(root(&[a, b, c]), root(&[a, b, c, c]));
		assert!(verify(&a, &a, 0, 1, &[]));
		assert!(!verify(&a, &a, 1, 1, &[]));
	}

	proptest! {
		#[test]
		fn every_leaf_proves_and_nothing_else_does(
			count in 1usize..=66, index in 0usize..66, seed: u8, flip in 0usize..32,
		) {
			let index = index % count;
			let leaves = leaves(count, seed);
			let root = root(&leaves);
			let proof = proof(&leaves, index);
			prop_assert!(proof.len() as u32 <= (count as u32).next_power_of_two().trailing_zeros());
			prop_assert!(verify(&root, &leaves[index], index as u32, count as u32, &proof));
			// Another leaf, another place, a changed sibling, a proof with
			// a hash too many or too few: all fail.
			let mut other = leaves[index];
			other[flip] ^= 1;
			prop_assert!(!verify(&root, &other, index as u32, count as u32, &proof));
			if count > 1 {
				let elsewhere = ((index + 1) % count) as u32;
				prop_assert!(!verify(&root, &leaves[index], elsewhere, count as u32, &proof));
			}
			if let Some(first) = proof.first() {
				let mut tampered = proof.clone();
				tampered[0][flip] ^= 1;
				prop_assert!(!verify(&root, &leaves[index], index as u32, count as u32, &tampered));
				prop_assert!(!verify(&root, &leaves[index], index as u32, count as u32, &proof[1..]));
				let mut longer = proof.clone();
				longer.push(*first);
				prop_assert!(!verify(&root, &leaves[index], index as u32, count as u32, &longer));
			}
		}
	}
}
