//! The fuzzer's only source of choices: a seeded SplitMix64 stream, so that a seed names a
//! run exactly and a failing run can be replayed from its seed alone.

/// A deterministic stream of choices.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
	/// The stream of `seed`.
	pub fn new(seed: u64) -> Self {
		Self(seed)
	}

	/// The next 64 bits.
	pub fn next_u64(&mut self) -> u64 {
		self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
		let mut z = self.0;
		z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
		z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
		z ^ (z >> 31)
	}

	/// A value in `0..n` (0 when `n` is 0).
	pub fn below(&mut self, n: u64) -> u64 {
		if n == 0 {
			0
		} else {
			self.next_u64() % n
		}
	}

	/// A value in `low..=high`.
	pub fn between(&mut self, low: u64, high: u64) -> u64 {
		low + self.below(high.saturating_sub(low).saturating_add(1))
	}

	/// True with probability `numerator / denominator`.
	pub fn chance(&mut self, numerator: u64, denominator: u64) -> bool {
		self.below(denominator) < numerator
	}

	/// One element of a non-empty slice.
	pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
		assert!(!items.is_empty(), "pick from an empty slice");
		&items[self.below(items.len() as u64) as usize]
	}

	/// An index drawn with the given relative weights (all zero picks 0).
	pub fn weighted(&mut self, weights: &[u32]) -> usize {
		let total: u64 = weights.iter().map(|w| *w as u64).sum();
		let mut point = self.below(total);
		for (index, weight) in weights.iter().enumerate() {
			if point < *weight as u64 {
				return index;
			}
			point -= *weight as u64;
		}
		0
	}

	/// 32 random bytes.
	pub fn bytes32(&mut self) -> [u8; 32] {
		let mut out = [0u8; 32];
		for chunk in out.chunks_mut(8) {
			chunk.copy_from_slice(&self.next_u64().to_le_bytes());
		}
		out
	}

	/// `len` random bytes.
	pub fn bytes(&mut self, len: usize) -> Vec<u8> {
		(0..len).map(|_| self.next_u64() as u8).collect()
	}

	/// Up to `max` random bytes.
	pub fn bytes_upto(&mut self, max: u64) -> Vec<u8> {
		let len = self.below(max + 1) as usize;
		self.bytes(len)
	}

	/// An amount whose order of magnitude is uniform up to `max`, with the edges (0, 1,
	/// `max`) drawn often: amounts near a balance or a bound are where arithmetic breaks.
	pub fn amount(&mut self, max: u128) -> u128 {
		match self.below(16) {
			0 => 0,
			1 => 1,
			2 => max,
			3 => max.saturating_sub(1),
			_ => {
				let bits = 128 - max.leading_zeros() as u64;
				let top = self.below(bits + 1);
				let raw = (self.next_u64() as u128) << 64 | self.next_u64() as u128;
				let value = if top >= 128 { raw } else { raw & ((1u128 << top) - 1) };
				value.min(max)
			},
		}
	}
}
