//! Subtensor's fixed-point conventions (`epoch/math.rs`): truncating arithmetic, division by
//! zero giving zero, normalisations that leave an all-zero vector alone, and the u16
//! proportion conversions the chain stores.

use crate::{I32F32, I64F64};
use alloc::vec::Vec;

/// `x / y`, or 0 when `y` is 0 (subtensor's `safe_div`).
pub fn safe_div(x: I32F32, y: I32F32) -> I32F32 {
	x.checked_div(y).unwrap_or_default()
}

/// [`safe_div`] for `I64F64`.
pub fn safe_div_64(x: I64F64, y: I64F64) -> I64F64 {
	x.checked_div(y).unwrap_or_default()
}

/// A u16 proportion (`x / 65535`) as a fixed-point number.
pub fn u16_proportion_to_fixed(x: u16) -> I32F32 {
	safe_div(I32F32::from_num(x), I32F32::from_num(u16::MAX))
}

/// A proportion as the u16 the chain stores: `floor(x * 65535)`, saturating.
pub fn fixed_proportion_to_u16(x: I32F32) -> u16 {
	x.saturating_mul(I32F32::from_num(u16::MAX)).saturating_to_num::<u16>()
}

/// The sum of `values`, saturating.
pub fn sum(values: &[I32F32]) -> I32F32 {
	values.iter().fold(I32F32::from_num(0), |total, value| total.saturating_add(*value))
}

/// Divides every entry by the vector's sum, unless the sum is 0.
pub fn inplace_normalize(values: &mut [I32F32]) {
	let total = sum(values);
	if total == I32F32::from_num(0) {
		return;
	}
	for value in values.iter_mut() {
		*value = safe_div(*value, total);
	}
}

/// [`inplace_normalize`] for `I64F64`.
pub fn inplace_normalize_64(values: &mut [I64F64]) {
	let total = values.iter().fold(I64F64::from_num(0), |t, v| t.saturating_add(*v));
	if total == I64F64::from_num(0) {
		return;
	}
	for value in values.iter_mut() {
		*value = safe_div_64(*value, total);
	}
}

/// Which entries are among the `k` largest and non-zero. Ties are broken as subtensor's stable
/// ascending sort breaks them: of equal values, the higher index wins.
pub fn is_topk_nonzero(values: &[I32F32], k: usize) -> Vec<bool> {
	let mut chosen: Vec<bool> = values.iter().map(|v| *v != I32F32::from_num(0)).collect();
	let n = values.len();
	if n < k {
		return chosen;
	}
	let mut order: Vec<usize> = (0..n).collect();
	order.sort_by_key(|&index| values[index]);
	for &index in order.iter().take(n - k) {
		chosen[index] = false;
	}
	chosen
}

/// Scales u16 weights so that the largest becomes 65535, rounding as `set_weights` does
/// (`vec_u16_max_upscale_to_u16`): half away from zero, after the division or before it
/// depending on whether the maximum exceeds 32768.
pub fn u16_max_upscale(values: &[u16]) -> Vec<u16> {
	let u16_max = I32F32::from_num(u16::MAX);
	let fixed: Vec<I32F32> = values.iter().map(|v| I32F32::from_num(*v)).collect();
	let Some(max) = fixed.iter().max().copied() else {
		return Vec::new();
	};
	if max == I32F32::from_num(0) {
		return fixed
			.iter()
			.map(|v| v.saturating_mul(u16_max).saturating_to_num::<u16>())
			.collect();
	}
	if max > I32F32::from_num(32768) {
		let scale = safe_div(u16_max, max);
		return fixed
			.iter()
			.map(|v| v.saturating_mul(scale).round().saturating_to_num::<u16>())
			.collect();
	}
	fixed
		.iter()
		.map(|v| safe_div(v.saturating_mul(u16_max), max).round().saturating_to_num::<u16>())
		.collect()
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn upscale_matches_the_spec_example() {
		assert_eq!(u16_max_upscale(&[60000, 30000, 10000]), vec![65535, 32767, 10922]);
		assert_eq!(u16_max_upscale(&[0, 0]), vec![0, 0]);
		assert_eq!(u16_max_upscale(&[1, 2]), vec![32768, 65535]);
		assert_eq!(u16_max_upscale(&[]), Vec::<u16>::new());
	}

	#[test]
	fn proportions_round_trip_by_truncation() {
		assert_eq!(fixed_proportion_to_u16(u16_proportion_to_fixed(6640)), 6639);
		assert_eq!(fixed_proportion_to_u16(I32F32::from_num(1)), 65535);
		assert_eq!(fixed_proportion_to_u16(I32F32::from_num(2)), 65535);
		assert_eq!(fixed_proportion_to_u16(I32F32::from_num(0.5)), 32767);
	}

	#[test]
	fn topk_prefers_higher_uids_on_ties_and_skips_zeros() {
		let f = |x: &[f64]| x.iter().map(|v| I32F32::from_num(*v)).collect::<Vec<_>>();
		assert_eq!(is_topk_nonzero(&f(&[1.0, 1.0, 1.0, 0.0]), 2), vec![false, true, true, false]);
		assert_eq!(is_topk_nonzero(&f(&[3.0, 0.0, 2.0]), 5), vec![true, false, true]);
		assert_eq!(is_topk_nonzero(&f(&[0.0, 0.0, 2.0]), 2), vec![false, false, true]);
	}

	#[test]
	fn normalisation_leaves_zero_vectors_alone() {
		let mut zeros = vec![I32F32::from_num(0); 3];
		inplace_normalize(&mut zeros);
		assert_eq!(zeros, vec![I32F32::from_num(0); 3]);
		let mut values = vec![I32F32::from_num(1), I32F32::from_num(3)];
		inplace_normalize(&mut values);
		assert_eq!(values, vec![I32F32::from_num(0.25), I32F32::from_num(0.75)]);
	}
}
