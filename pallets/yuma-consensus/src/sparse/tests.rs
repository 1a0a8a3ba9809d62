//! The merge-based operations against transcriptions of subtensor's densifying ones, on random
//! rows (unsorted, with repeated and out-of-range columns), and the direct ones on small cases
//! worked by hand.

use super::*;
use proptest::prelude::*;

fn f(x: f64) -> I32F32 {
	I32F32::from_num(x)
}

/// Subtensor's `interpolate_sparse`, transcribed with its dense per-row accumulators.
fn reference_interpolate(
	a: &[SparseRow],
	b: &[SparseRow],
	columns: u16,
	ratio: I32F32,
) -> SparseMatrix {
	if ratio == ZERO {
		return a.to_vec();
	}
	if ratio == ONE || a.len() != b.len() {
		return b.to_vec();
	}
	let mut result = vec![Vec::new(); a.len()];
	for i in 0..a.len() {
		let mut row1 = vec![ZERO; columns as usize];
		for (j, v) in &a[i] {
			if let Some(cell) = row1.get_mut(*j as usize) {
				*cell = *v;
			}
		}
		let mut row2 = vec![ZERO; columns as usize];
		for (j, v) in &b[i] {
			if let Some(cell) = row2.get_mut(*j as usize) {
				*cell = *v;
			}
		}
		for j in 0..columns as usize {
			let value =
				row1[j].saturating_add(ratio.saturating_mul(row2[j].saturating_sub(row1[j])));
			if ZERO < value {
				result[i].push((j as u16, value));
			}
		}
	}
	result
}

/// Subtensor's `mat_ema_sparse`, transcribed with its dense per-row accumulators.
fn reference_mat_ema(new: &[SparseRow], old: &[SparseRow], alpha: I32F32) -> SparseMatrix {
	let n = new.len();
	let keep = ONE.saturating_sub(alpha);
	let mut old_rows = old.iter();
	new.iter()
		.map(|new_row| {
			let mut acc = vec![ZERO; n];
			for (j, v) in new_row {
				if let Some(cell) = acc.get_mut(*j as usize) {
					*cell = cell.saturating_add(alpha.saturating_mul(*v));
				}
			}
			if let Some(old_row) = old_rows.next() {
				for (j, v) in old_row {
					if let Some(cell) = acc.get_mut(*j as usize) {
						*cell = cell.saturating_add(keep.saturating_mul(*v));
					}
				}
			}
			acc.iter()
				.enumerate()
				.filter(|(_, v)| **v > ZERO)
				.map(|(j, v)| (j as u16, *v))
				.collect()
		})
		.collect()
}

fn value() -> impl Strategy<Value = I32F32> {
	prop_oneof![
		Just(ZERO),
		Just(ONE),
		(0i64..=(1i64 << 32)).prop_map(I32F32::from_bits),
		(-(1i64 << 31)..0).prop_map(I32F32::from_bits),
	]
}

fn matrix(rows: usize) -> impl Strategy<Value = SparseMatrix> {
	proptest::collection::vec(proptest::collection::vec((0u16..10, value()), 0..8), rows)
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(512))]

	#[test]
	fn interpolate_equals_subtensor(
		(a, b) in (0usize..8).prop_flat_map(|rows| (matrix(rows), matrix(rows))),
		columns in 0u16..10,
		ratio in prop_oneof![Just(ZERO), Just(ONE), (0i64..=(1i64 << 32)).prop_map(I32F32::from_bits)],
	) {
		prop_assert_eq!(interpolate(&a, &b, columns, ratio), reference_interpolate(&a, &b, columns, ratio));
	}

	#[test]
	fn mat_ema_equals_subtensor(
		new in (0usize..9).prop_flat_map(matrix),
		old_rows in 0usize..10,
		old_seed in matrix(10),
		alpha in (0i64..=(1i64 << 32)).prop_map(I32F32::from_bits),
	) {
		let old: SparseMatrix = old_seed.into_iter().take(old_rows).collect();
		prop_assert_eq!(mat_ema(&new, &old, alpha), reference_mat_ema(&new, &old, alpha));
	}
}

#[test]
fn clipping_caps_and_drops_at_zero_thresholds() {
	let matrix = vec![vec![(0, f(0.5)), (1, f(0.25)), (2, f(0.75))]];
	let clipped = col_clip(&matrix, &[f(0.4), f(0.0), f(1.0)]);
	assert_eq!(clipped, vec![vec![(0, f(0.4)), (2, f(0.75))]]);
}

#[test]
fn products_over_rows_and_columns() {
	let matrix = vec![vec![(0, f(0.5)), (2, f(0.5))], vec![(2, f(1.0))]];
	assert_eq!(matmul(&matrix, &[f(0.5), f(0.25)], 3), vec![f(0.25), ZERO, f(0.5)]);
	assert_eq!(matmul_transpose(&matrix, &[f(1.0), f(0.0), f(0.5)]), vec![f(0.75), f(0.5)]);
	assert_eq!(row_hadamard(&matrix, &[f(0.5)]), vec![vec![(0, f(0.25)), (2, f(0.25))]]);
}

#[test]
fn normalisations() {
	let mut matrix = vec![vec![(0, f(1.0)), (1, f(3.0))], vec![(1, f(1.0))], vec![]];
	inplace_row_normalize(&mut matrix);
	assert_eq!(matrix[0], vec![(0, f(0.25)), (1, f(0.75))]);
	inplace_col_normalize(&mut matrix, 2);
	// Column sums 0.25 and 1.75.
	assert_eq!(
		matrix,
		vec![
			vec![(0, f(1.0)), (1, safe_div(f(0.75), f(1.75)))],
			vec![(1, safe_div(f(1.0), f(1.75)))],
			vec![],
		]
	);
	let mut matrix = vec![vec![(0, f(0.5)), (1, f(0.25))], vec![(1, f(0.5))]];
	inplace_col_max_upscale(&mut matrix, 2);
	assert_eq!(matrix, vec![vec![(0, f(1.0)), (1, f(0.5))], vec![(1, f(1.0))]]);
}

#[test]
fn masks() {
	let matrix = vec![vec![(0, f(0.5)), (1, f(0.5))], vec![(0, f(0.5)), (1, f(0.5))]];
	assert_eq!(mask_rows(&[false], &matrix), vec![matrix[0].clone(), vec![]]);
	assert_eq!(mask_diag(&matrix, None), vec![vec![(1, f(0.5))], vec![(0, f(0.5))]]);
	assert_eq!(mask_diag(&matrix, Some(1)), vec![vec![(1, f(0.5))], matrix[1].clone()]);
	// Drop W_ij where validator i last updated at or before j's registration: validator 1
	// updated at block 1, before column 1 registered (block 3), so that weight goes.
	let outdated = mask_by(&matrix, &[5, 1], &[0, 3], |updated, registered| updated <= registered);
	assert_eq!(outdated, vec![matrix[0].clone(), vec![(0, f(0.5))]]);
}
