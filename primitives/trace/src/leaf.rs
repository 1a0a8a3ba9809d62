//! Leaves: each value of a trace bound to its place and its job.
//!
//! Leaf `i` of a job's trace is BLAKE2-256 of `(LEAF_TAG, i, salt_i, checkpoint_i)` for the
//! checkpoints `0..=S` and `(OUTPUT_TAG, salt_out, output)` for the output, leaf `S + 1`.
//! The salts come from the job's **trace key** ([`trace_key`]: its id and seed), so a leaf
//! is worth nothing in another job, and two replicas of one job that computed the same thing
//! have the same leaves and the same root, which is what lets the chain see that they
//! disagree and where.
//!
//! The salts are public (every replica must be able to compute them), so what keeps a
//! checkpoint hash secret is that a leaf is a one-way function of it: a verifier holding its
//! neighbour's leaf (from a Merkle proof, or from a trace revealed in a dispute) learns
//! nothing it could commit to in place of the checkpoint hash it has to compute.

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

/// The salt index of the output leaf, apart from every checkpoint's.
const OUTPUT_SALT_INDEX: u32 = u32::MAX;

/// The key that salts the leaves of job `job` with seed `seed`.
pub fn trace_key(job: u64, seed: u64) -> Hash {
	hash_parts(&[KEY_TAG, &job.to_le_bytes(), &seed.to_le_bytes()])
}

fn salt(key: &Hash, index: u32) -> Hash {
	hash_parts(&[SALT_TAG, key, &index.to_le_bytes()])
}

/// Leaf `index` of a trace under `key`, for the checkpoint whose hash is `checkpoint`.
pub fn checkpoint_leaf(key: &Hash, index: u32, checkpoint: &Hash) -> Hash {
	hash_parts(&[LEAF_TAG, &index.to_le_bytes(), &salt(key, index), checkpoint])
}

/// The output's leaf of a trace under `key`, for the output whose hash is `output`.
pub fn output_leaf(key: &Hash, output: &Hash) -> Hash {
	hash_parts(&[OUTPUT_TAG, &salt(key, OUTPUT_SALT_INDEX), output])
}

/// A job's whole trace, as the miner that computed it keeps it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Trace {
	/// The job's trace key.
	pub key: Hash,
	/// The hash of each checkpoint, `0..=S`.
	pub checkpoints: Vec<Hash>,
	/// The hash of the output artifact.
	pub output: Hash,
}

impl Trace {
	/// How many segments the trace covers.
	pub fn segments(&self) -> u32 {
		self.checkpoints.len().saturating_sub(1) as u32
	}

	/// Its leaves: one per checkpoint, then the output's.
	pub fn leaves(&self) -> Vec<Hash> {
		let mut leaves: Vec<Hash> = self
			.checkpoints
			.iter()
			.enumerate()
			.map(|(index, checkpoint)| checkpoint_leaf(&self.key, index as u32, checkpoint))
			.collect();
		leaves.push(output_leaf(&self.key, &self.output));
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
