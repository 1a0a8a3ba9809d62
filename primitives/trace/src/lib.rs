//! # synod-trace
//!
//! A training job's result is not only its output but the path that led there: the
//! **trace**, the hashes of the full training state (weights, optimiser state, position in the
//! data order) at fixed points of the run, and the hash of the output. Committing to the trace
//! lets a verifier check a few pieces of a job instead of all of it, and lets two miners that
//! disagree find the one piece where they part.
//!
//! ## Terms
//! - A **segment** is the work between two consecutive **checkpoints**. A job of `S` segments
//!   has checkpoints `0..=S`: checkpoint 0 is the initial state (a function of the spec
//!   alone), checkpoint `S` the final one. Segment `j` (`1..=S`) runs from checkpoint `j - 1`
//!   to checkpoint `j`. The [`layout`] fixes the checkpoints from the job's settings and shape,
//!   so the chain knows `S` from the spec alone, and bounds it by [`MAX_SEGMENTS`].
//! - A **value** is checkpoint `i`'s content hash (or the output's) bound to the job and the
//!   place; a **leaf** hides it: value `i` goes in leaf `i`, the output's in leaf `S + 1`
//!   ([`leaf`]). Both are keyed by the job, so that neither can be carried from one job to
//!   another, and leaves are one-way: a Merkle proof shows a neighbour's leaf, never the
//!   value behind it, which is what a verifier must compute itself.
//! - The **root** is the Merkle root of the leaves ([`merkle`]); it is the job's result
//!   digest. Two replicas that computed the same thing have the same root.
//! - A **spot check** re-executes a few drawn segments, adjacent ones as one run ([`draw`]);
//!   a **dispute** re-executes
//!   the segment where two traces first diverge ([`divergence`]).
//!
//! Everything here is plain arithmetic on bytes, `no_std` and without FRAME, so that the
//! runtime and the workers compute the same thing. Hashes are BLAKE2-256; every preimage
//! starts with a tag of its own, so no hash of one kind can be offered as another.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod divergence;
pub mod draw;
pub mod layout;
pub mod leaf;
pub mod merkle;

pub use divergence::{disputed_checkpoints, first_divergence};
pub use draw::{runs, spot_checks};
pub use layout::{Position, TrainingLayout, MAX_SEGMENTS};
pub use leaf::{checkpoint_leaf, checkpoint_value, output_leaf, output_value, trace_key, Trace};
pub use merkle::{proof, root, verify};

/// A BLAKE2-256 hash.
pub type Hash = [u8; 32];

/// BLAKE2-256 of the concatenation of `parts`.
pub(crate) fn hash_parts(parts: &[&[u8]]) -> Hash {
	let total = parts.iter().map(|part| part.len()).sum();
	let mut preimage = alloc::vec::Vec::with_capacity(total);
	for part in parts {
		preimage.extend_from_slice(part);
	}
	sp_crypto_hashing::blake2_256(&preimage)
}
