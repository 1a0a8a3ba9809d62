//! Content addresses: everything the network exchanges is named by the BLAKE2-256 of its bytes,
//! the hash the chain stores for inputs and results.

use crate::MlError;

/// The BLAKE2-256 of an artifact's bytes.
pub type ContentHash = [u8; 32];

/// BLAKE2-256 of `bytes`.
pub fn content_hash(bytes: &[u8]) -> ContentHash {
	sp_crypto_hashing::blake2_256(bytes)
}

/// Lower-case hex, as hashes appear in URIs, file names and logs.
pub fn to_hex(hash: &ContentHash) -> String {
	hash.iter().map(|b| format!("{b:02x}")).collect()
}

/// Parses 64 hex digits, with or without a `0x` prefix.
pub fn from_hex(text: &str) -> Result<ContentHash, MlError> {
	let digits = text.strip_prefix("0x").unwrap_or(text);
	let bad = || MlError::BadHash(text.to_string());
	// ASCII first: the byte slices below would split a multi-byte character, and panic.
	if digits.len() != 64 || !digits.is_ascii() {
		return Err(bad());
	}
	let mut hash = [0u8; 32];
	for (i, byte) in hash.iter_mut().enumerate() {
		*byte = u8::from_str_radix(&digits[2 * i..2 * i + 2], 16).map_err(|_| bad())?;
	}
	Ok(hash)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn hex_round_trips_and_rejects_malformed_text() {
		let hash = content_hash(b"synod");
		assert_eq!(from_hex(&to_hex(&hash)).unwrap(), hash);
		assert_eq!(from_hex(&format!("0x{}", to_hex(&hash))).unwrap(), hash);
		assert!(from_hex("abc").is_err());
		assert!(from_hex(&"zz".repeat(32)).is_err());
		// 64 bytes, but a 3-byte character straddles the first pair of digits.
		assert!(from_hex(&format!("€{}", "a".repeat(61))).is_err());
	}
}
