//! The stake-weighted median of each column: consensus.
//!
//! Subtensor finds each column's median with a quickselect over every validator with stake, a
//! zero standing in for each validator that did not weigh the column (`weighted_median`,
//! `weighted_median_col_sparse`). With `s` the validators' normalised stake, `S(≤v)` the stake
//! of those whose weight is at most `v`, and `minority = Σs − κ`, the quickselect returns the
//! unique value `v` with `S(<v) ≤ minority < S(≤v)`: every partition it keeps has all stake
//! below it at or under `minority` and all stake up to its top above it, and fixed-point
//! addition is exact, so the order in which it adds does not matter. When no value qualifies
//! (`minority` at or above the total), it ends on the largest value.
//!
//! So here each column is one sort of the validators that weighed it, plus the zero group: the
//! answer is the smallest value whose cumulative stake exceeds `minority`, else the largest.
//! `O(E log E)` for `E` weight entries instead of `O(V)` per column for every column.

use crate::{fixed::inplace_normalize, I32F32};
use alloc::{vec, vec::Vec};

/// The stake-weighted median of each of `columns` columns of the sparse `weights` (row `i`
/// belongs to validator `i`), with majority `kappa`, as subtensor's
/// `weighted_median_col_sparse` computes it. Rows of validators without stake are ignored;
/// entries beyond `columns` are ignored; of two entries for one cell, the later counts.
pub fn weighted_median_col_sparse(
	stake: &[I32F32],
	weights: &[Vec<(u16, I32F32)>],
	columns: u16,
	kappa: I32F32,
) -> Vec<I32F32> {
	let zero = I32F32::from_num(0);
	// The stake of validators with stake, renormalised, in row order (subtensor's `use_stake`).
	let mut use_stake: Vec<I32F32> = stake.iter().copied().filter(|s| *s > zero).collect();
	inplace_normalize(&mut use_stake);
	let rows = use_stake.len();
	let mut median = vec![zero; columns as usize];
	if rows == 0 {
		return median;
	}
	let stake_sum = crate::fixed::sum(&use_stake);
	let minority = stake_sum.saturating_sub(kappa);

	// Column view: for each column, (value, row) of the rows with stake that weighed it.
	let mut by_column: Vec<Vec<(I32F32, usize)>> = vec![Vec::new(); columns as usize];
	let mut row = 0usize;
	for (s, entries) in stake.iter().zip(weights.iter()) {
		if *s <= zero {
			continue;
		}
		for &(column, value) in entries {
			let Some(cells) = by_column.get_mut(column as usize) else { continue };
			// A repeated cell within one row overwrites the earlier one, as in subtensor.
			match cells.last_mut() {
				Some(last) if last.1 == row => last.0 = value,
				_ => cells.push((value, row)),
			}
		}
		row += 1;
	}

	let mut entries: Vec<(I32F32, I32F32)> = Vec::new();
	for (column, cells) in by_column.iter().enumerate() {
		entries.clear();
		// Validators that did not weigh the column count as a zero with their stake.
		let mut unweighed_stake = stake_sum;
		for &(value, row) in cells {
			entries.push((value, use_stake[row]));
			unweighed_stake = unweighed_stake.saturating_sub(use_stake[row]);
		}
		if cells.len() < rows {
			entries.push((zero, unweighed_stake));
		}
		median[column] = crossing(&mut entries, minority);
	}
	median
}

/// The smallest value whose cumulative stake exceeds `minority`, or the largest value when
/// none does. `entries` are (value, stake) pairs, not empty; they are sorted in place.
fn crossing(entries: &mut [(I32F32, I32F32)], minority: I32F32) -> I32F32 {
	entries.sort_unstable_by_key(|(value, _)| *value);
	let mut cumulative = I32F32::from_num(0);
	let mut index = 0;
	while index < entries.len() {
		let value = entries[index].0;
		while index < entries.len() && entries[index].0 == value {
			cumulative = cumulative.saturating_add(entries[index].1);
			index += 1;
		}
		if cumulative > minority {
			return value;
		}
	}
	entries.last().map(|(value, _)| *value).unwrap_or_default()
}

#[cfg(test)]
mod tests {
	use super::*;
	use proptest::prelude::*;

	fn fixed(values: &[f64]) -> Vec<I32F32> {
		values.iter().map(|v| I32F32::from_num(*v)).collect()
	}

	fn sparse(dense: &[Vec<f64>]) -> Vec<Vec<(u16, I32F32)>> {
		dense
			.iter()
			.map(|row| {
				row.iter()
					.enumerate()
					.filter(|(_, v)| **v != 0.0)
					.map(|(c, v)| (c as u16, I32F32::from_num(*v)))
					.collect()
			})
			.collect()
	}

	/// Subtensor's quickselect, transcribed step for step as the reference.
	fn reference_median(
		stake: &[I32F32],
		score: &[I32F32],
		minority: I32F32,
		mut lo: I32F32,
		mut hi: I32F32,
	) -> I32F32 {
		let zero = I32F32::from_num(0);
		let mut partition: Vec<usize> = (0..stake.len()).collect();
		for _ in 0..=stake.len() {
			match partition.len() {
				0 => return zero,
				1 => return score[partition[0]],
				_ => {},
			}
			let pivot = score[partition[partition.len() / 2]];
			let (mut lo_stake, mut hi_stake) = (zero, zero);
			let (mut lower, mut upper) = (Vec::new(), Vec::new());
			for &i in &partition {
				if score[i] == pivot {
					continue;
				}
				if score[i] < pivot {
					lo_stake = lo_stake.saturating_add(stake[i]);
					lower.push(i);
				} else {
					hi_stake = hi_stake.saturating_add(stake[i]);
					upper.push(i);
				}
			}
			if minority < lo.saturating_add(lo_stake) && !lower.is_empty() {
				hi = lo.saturating_add(lo_stake);
				partition = lower;
			} else if hi.saturating_sub(hi_stake) <= minority && !upper.is_empty() {
				lo = hi.saturating_sub(hi_stake);
				partition = upper;
			} else {
				return pivot;
			}
		}
		zero
	}

	/// Subtensor's `weighted_median_col_sparse`, transcribed densely, as the reference.
	fn reference(
		stake: &[I32F32],
		weights: &[Vec<(u16, I32F32)>],
		columns: u16,
		kappa: I32F32,
	) -> Vec<I32F32> {
		let zero = I32F32::from_num(0);
		let mut use_stake: Vec<I32F32> = stake.iter().copied().filter(|s| *s > zero).collect();
		inplace_normalize(&mut use_stake);
		let stake_sum = crate::fixed::sum(&use_stake);
		let minority = stake_sum.saturating_sub(kappa);
		let mut score = vec![vec![zero; use_stake.len()]; columns as usize];
		let mut k = 0;
		for (s, row) in stake.iter().zip(weights.iter()) {
			if *s > zero {
				for &(c, v) in row {
					if let Some(cell) = score.get_mut(c as usize).and_then(|col| col.get_mut(k)) {
						*cell = v;
					}
				}
				k += 1;
			}
		}
		score
			.iter()
			.map(|col| reference_median(&use_stake, col, minority, zero, stake_sum))
			.collect()
	}

	#[test]
	fn the_spec_unit_case() {
		// subtensor tests/math.rs::test_math_weighted_median_col, quoted in spec 1.4 step 6.
		let stake = fixed(&[0.0, 0.75, 0.25, 0.0]);
		let weights = sparse(&[
			vec![0.0, 0.1, 0.0],
			vec![0.0, 0.2, 0.4],
			vec![0.0, 0.3, 0.1],
			vec![0.0, 0.4, 0.5],
		]);
		let expect = |kappa: f64, want: &[f64]| {
			let got = weighted_median_col_sparse(&stake, &weights, 3, I32F32::from_num(kappa));
			assert_eq!(got, fixed(want), "kappa {kappa}");
			assert_eq!(got, reference(&stake, &weights, 3, I32F32::from_num(kappa)));
		};
		expect(0.24, &[0.0, 0.3, 0.4]);
		expect(0.26, &[0.0, 0.2, 0.4]);
		expect(0.76, &[0.0, 0.2, 0.1]);
	}

	#[test]
	fn no_stake_gives_zeros() {
		let weights = sparse(&[vec![0.5, 0.5]]);
		let zero = I32F32::from_num(0);
		assert_eq!(
			weighted_median_col_sparse(&[zero], &weights, 2, I32F32::from_num(0.5)),
			vec![zero; 2]
		);
	}

	fn weight_value() -> impl Strategy<Value = I32F32> {
		// Few distinct values so that ties are common; raw bits so every fixed value can occur.
		prop_oneof![
			Just(I32F32::from_num(0)),
			(0u16..4).prop_map(|v| I32F32::from_num(v) / I32F32::from_num(4)),
			(0i64..=(1i64 << 32)).prop_map(I32F32::from_bits),
		]
	}

	proptest! {
		#![proptest_config(ProptestConfig::with_cases(512))]
		#[test]
		fn equals_subtensor_quickselect(
			stake_bits in proptest::collection::vec(0i64..(1i64 << 34), 0..12),
			entries in proptest::collection::vec(proptest::collection::vec((0u16..7, weight_value()), 0..8), 12),
			kappa_bits in 0i64..=(1i64 << 33),
			columns in 0u16..6,
		) {
			let stake: Vec<I32F32> = stake_bits.into_iter().map(I32F32::from_bits).collect();
			let weights: Vec<Vec<(u16, I32F32)>> = entries.into_iter().take(stake.len()).collect();
			let kappa = I32F32::from_bits(kappa_bits);
			prop_assert_eq!(
				weighted_median_col_sparse(&stake, &weights, columns, kappa),
				reference(&stake, &weights, columns, kappa)
			);
		}
	}
}
