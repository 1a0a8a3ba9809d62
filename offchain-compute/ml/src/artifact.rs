//! The artifact format: what miners publish and validators, learners and requesters fetch.
//!
//! An artifact is `SYNOD\0`, a kind byte, a format version byte, then the SCALE encoding of
//! its payload, floats as their IEEE-754 bits. SCALE is canonical (one encoding per value),
//! has no code paths that run what it reads (unlike pickles) and bounds what it allocates by
//! the input's length, so an artifact's BLAKE2-256 names its content and a hostile file can at
//! worst fail to decode. Decoding refuses trailing bytes, other kinds and other versions.

use crate::{content_hash, ContentHash, MlError};
use codec::{Decode, DecodeAll, Encode};

const MAGIC: &[u8; 6] = b"SYNOD\0";
/// The format version this library writes and reads.
pub const FORMAT_VERSION: u8 = 1;

/// What an artifact holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum ArtifactKind {
	Dataset = 1,
	Model = 2,
	Outputs = 3,
	Statistics = 4,
	/// A training run's full state at a checkpoint of its trace.
	Checkpoint = 5,
}

impl ArtifactKind {
	fn from_byte(byte: u8) -> Option<Self> {
		[Self::Dataset, Self::Model, Self::Outputs, Self::Statistics, Self::Checkpoint]
			.into_iter()
			.find(|kind| *kind as u8 == byte)
	}
}

/// The artifact bytes of `payload`.
pub fn encode<T: Encode>(kind: ArtifactKind, payload: &T) -> Vec<u8> {
	let mut bytes = Vec::with_capacity(8 + payload.size_hint());
	bytes.extend_from_slice(MAGIC);
	bytes.push(kind as u8);
	bytes.push(FORMAT_VERSION);
	payload.encode_to(&mut bytes);
	bytes
}

/// The kind an artifact says it holds, if it is one.
pub fn kind_of(bytes: &[u8]) -> Result<ArtifactKind, MlError> {
	if bytes.len() < 8 || &bytes[..6] != MAGIC {
		return Err(MlError::BadArtifact("not a Synod artifact (no SYNOD magic)".into()));
	}
	ArtifactKind::from_byte(bytes[6])
		.ok_or_else(|| MlError::BadArtifact(format!("unknown artifact kind {}", bytes[6])))
}

/// Decodes an artifact of `kind`.
pub fn decode<T: Decode>(kind: ArtifactKind, bytes: &[u8]) -> Result<T, MlError> {
	let found = kind_of(bytes)?;
	if found != kind {
		return Err(MlError::BadArtifact(format!("expected a {kind:?} artifact, found {found:?}")));
	}
	if bytes[7] != FORMAT_VERSION {
		return Err(MlError::BadArtifact(format!(
			"format version {} (this worker reads {FORMAT_VERSION})",
			bytes[7]
		)));
	}
	T::decode_all(&mut &bytes[8..])
		.map_err(|e| MlError::BadArtifact(format!("{kind:?} payload does not decode: {e}")))
}

/// The artifact's content hash, as it goes on chain.
pub fn address(bytes: &[u8]) -> ContentHash {
	content_hash(bytes)
}

/// Floats travel as their bits, so that encoding is exact and canonical.
pub(crate) fn f32_bits(values: &[f32]) -> Vec<u32> {
	values.iter().map(|v| v.to_bits()).collect()
}

pub(crate) fn f32_values(bits: &[u32]) -> Vec<f32> {
	bits.iter().map(|b| f32::from_bits(*b)).collect()
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn envelope_checks_magic_kind_version_and_trailing_bytes() {
		let bytes = encode(ArtifactKind::Outputs, &(7u32, vec![1u8, 2]));
		assert_eq!(
			decode::<(u32, Vec<u8>)>(ArtifactKind::Outputs, &bytes).unwrap(),
			(7, vec![1, 2])
		);
		assert!(decode::<(u32, Vec<u8>)>(ArtifactKind::Model, &bytes).is_err());
		let mut trailing = bytes.clone();
		trailing.push(0);
		assert!(decode::<(u32, Vec<u8>)>(ArtifactKind::Outputs, &trailing).is_err());
		let mut future = bytes.clone();
		future[7] = 2;
		assert!(decode::<(u32, Vec<u8>)>(ArtifactKind::Outputs, &future).is_err());
		assert!(kind_of(b"PK\x03\x04zip").is_err());
		// A length prefix claiming far more than the input holds fails instead of allocating.
		let mut lying = encode(ArtifactKind::Outputs, &(7u32, Vec::<u8>::new()));
		lying.truncate(12);
		lying.extend_from_slice(&[0xff, 0xff, 0xff, 0x7f]);
		assert!(decode::<(u32, Vec<u8>)>(ArtifactKind::Outputs, &lying).is_err());
	}
}
