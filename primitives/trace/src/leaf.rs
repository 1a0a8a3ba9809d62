//! Leaves: each value of a trace bound to its place and its job.
//!
//! What a trace holds at a place is its **value**: the hash of the checkpoint (or output)
//! there, bound to the job's **trace key** ([`trace_key`]: its id and seed) and the place,
//! `BLAKE2-256(VALUE_TAG, key, i, content_hash)` ([`checkpoint_value`], [`output_value`]).
//! A value is what a committee member reveals when it reports what it reached, so that what
//! one job's reports put on chain is worth nothing in another job of the same spec and seed:
//! reporting job 2's value needs the content hash, which no report and no leaf shows.
//!
//! Leaf `i` of a job's trace is BLAKE2-256 of `(LEAF_TAG, i, salt_i, value_i)` for the
//! checkpoints `0..=S` and `(OUTPUT_TAG, salt_out, value_out)` for the output, leaf `S + 1`.
//! The salts come from the trace key too, so a leaf is worth nothing in another job, and two
//! replicas of one job that computed the same thing have the same leaves and the same root,
//! which is what lets the chain see that they disagree and where.
//!
//! The salts are public (every replica must be able to compute them), so what keeps a
//! value secret is that a leaf is a one-way function of it: a verifier holding its
//! neighbour's leaf (from a Merkle proof, or from a trace revealed in a dispute) learns
//! nothing it could commit to in place of the value it has to compute.

use crate::{hash_parts, merkle, Hash};
use alloc::vec::Vec;

/// Domain tag of a trace key.
pub const KEY_TAG: &[u8] = b"synod/trace/key/v1";
/// Domain tag of a leaf's salt.
pub const SALT_TAG: &[u8] = b"synod/trace/salt/v1";
/// Domain tag of a checkpoint's leaf.
pub const LEAF_TAG: &[u8] = b"synod/trace/leaf/v1";
/// Domain tag of the output's leaf.
pub const OUTPUT_TAG: &[u8] = b"synod/trace/output/v1";
/// Domain tag of a value: a content hash bound to its job and place.
pub const VALUE_TAG: &[u8] = b"synod/trace/value/v1";

/// The salt index of the output leaf, apart from every checkpoint's.
const OUTPUT_SALT_INDEX: u32 = u32::MAX;

/// The key that salts the leaves of job `job` with seed `seed`.
pub fn trace_key(job: u64, seed: u64) -> Hash {
	hash_parts(&[KEY_TAG, &job.to_le_bytes(), &seed.to_le_bytes()])
}

fn salt(key: &Hash, index: u32) -> Hash {
	hash_parts(&[SALT_TAG, key, &index.to_le_bytes()])
}

fn value(key: &Hash, index: u32, content: &Hash) -> Hash {
	hash_parts(&[VALUE_TAG, key, &index.to_le_bytes(), content])
}

/// The value of checkpoint `index` under `key`, for the checkpoint whose content hash is
/// `checkpoint`: what a committee member reports having reached there.
pub fn checkpoint_value(key: &Hash, index: u32, checkpoint: &Hash) -> Hash {
	value(key, index, checkpoint)
}

/// The value of the output under `key`, for the output artifact whose content hash is
/// `output`.
pub fn output_value(key: &Hash, output: &Hash) -> Hash {
	value(key, OUTPUT_SALT_INDEX, output)
}

/// Leaf `index` of a trace under `key`, for the checkpoint value `value`
/// ([`checkpoint_value`]).
pub fn checkpoint_leaf(key: &Hash, index: u32, value: &Hash) -> Hash {
	hash_parts(&[LEAF_TAG, &index.to_le_bytes(), &salt(key, index), value])
}

/// The output's leaf of a trace under `key`, for the output value `value`
/// ([`output_value`]).
pub fn output_leaf(key: &Hash, value: &Hash) -> Hash {
	hash_parts(&[OUTPUT_TAG, &salt(key, OUTPUT_SALT_INDEX), value])
}

/// A job's whole trace, as the miner that computed it keeps it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Trace {
	/// The job's trace key.
	pub key: Hash,
	/// The content hash of each checkpoint, `0..=S`.
	pub checkpoints: Vec<Hash>,
	/// The content hash of the output artifact.
	pub output: Hash,
}

impl Trace {
	/// How many segments the trace covers.
	pub fn segments(&self) -> u32 {
		self.checkpoints.len().saturating_sub(1) as u32
	}

	/// Its value at `place`: checkpoint `place`'s for `0..=S`, the output's past that.
	pub fn value(&self, place: u32) -> Hash {
		match self.checkpoints.get(place as usize) {
			Some(checkpoint) => checkpoint_value(&self.key, place, checkpoint),
			None => output_value(&self.key, &self.output),
		}
	}

	/// Its leaves: one per checkpoint, then the output's.
	pub fn leaves(&self) -> Vec<Hash> {
		let mut leaves: Vec<Hash> = (0..self.checkpoints.len() as u32)
			.map(|index| checkpoint_leaf(&self.key, index, &self.value(index)))
			.collect();
		leaves.push(output_leaf(&self.key, &self.value(self.segments() + 1)));
		leaves
	}

	/// Its root: the job's result digest.
	pub fn root(&self) -> Hash {
		merkle::root(&self.leaves())
	}

	/// The Merkle proof of leaf `index` (`S + 1` for the output).
	pub fn proof(&self, index: u32) -> Vec<Hash> {
		merkle::proof(&self.leaves(), index as usize)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn leaves_bind_their_place_their_job_and_their_kind() {
		let key = trace_key(7, 42);
		let value = [9u8; 32];
		assert_ne!(checkpoint_leaf(&key, 1, &value), checkpoint_leaf(&key, 2, &value));
		assert_ne!(checkpoint_leaf(&key, 1, &value), checkpoint_leaf(&trace_key(8, 42), 1, &value));
		assert_ne!(checkpoint_leaf(&key, 1, &value), checkpoint_leaf(&trace_key(7, 43), 1, &value));
		assert_ne!(output_leaf(&key, &value), checkpoint_leaf(&key, u32::MAX, &value));
		// A leaf is not the value behind it: a proof that shows it gives nothing to copy.
		assert_ne!(checkpoint_leaf(&key, 1, &value), value);
	}

	#[test]
	fn a_value_reported_in_one_job_is_not_the_value_of_another() {
		// Two jobs of one spec and seed compute the same checkpoints; what a report of the
		// first reveals is not what the second's miners committed to.
		let content = [5u8; 32];
		let (first, second) = (trace_key(7, 42), trace_key(8, 42));
		assert_ne!(checkpoint_value(&first, 3, &content), checkpoint_value(&second, 3, &content));
		assert_ne!(output_value(&first, &content), output_value(&second, &content));
		assert_ne!(checkpoint_value(&first, 3, &content), checkpoint_value(&first, 4, &content));
		assert_ne!(checkpoint_value(&first, 3, &content), content);
		let trace = Trace { key: second, checkpoints: alloc::vec![content; 4], output: content };
		let leaves = trace.leaves();
		assert_eq!(leaves[3], checkpoint_leaf(&second, 3, &checkpoint_value(&second, 3, &content)));
		assert_ne!(leaves[3], checkpoint_leaf(&second, 3, &checkpoint_value(&first, 3, &content)));
		assert_eq!(leaves[4], output_leaf(&second, &trace.value(4)));
	}

	#[test]
	fn a_trace_proves_each_of_its_leaves_and_only_at_its_place() {
		let trace = Trace {
			key: trace_key(1, 2),
			checkpoints: (0u8..21).map(|i| [i; 32]).collect(),
			output: [0xee; 32],
		};
		let (root, leaves) = (trace.root(), trace.leaves());
		assert_eq!(leaves.len(), 22);
		for index in 0..22u32 {
			let proof = trace.proof(index);
			assert!(merkle::verify(&root, &leaves[index as usize], index, 22, &proof));
			assert!(!merkle::verify(&root, &leaves[index as usize], (index + 1) % 22, 22, &proof));
		}
	}
}
