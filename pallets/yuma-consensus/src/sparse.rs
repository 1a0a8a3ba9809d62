//! Sparse matrices as the epoch uses them: one row per validator, each a list of
//! `(column, value)` pairs, as subtensor's `Vec<Vec<(u16, I32F32)>>`.
//!
//! Subtensor's element-wise operations (`interpolate_sparse`, `mat_ema_sparse`) densify every
//! row into an n-wide accumulator, which costs `O(n)` per row even for a row of three weights.
//! Here they merge the two rows' entries instead (`O(k log k)` for `k` entries), emitting the
//! same values in the same (ascending column) order. Functions that subtensor already computes
//! entry by entry are written directly.

use crate::{fixed::safe_div, I32F32};
use alloc::{vec, vec::Vec};

/// One validator's row: `(column, value)` pairs.
pub type SparseRow = Vec<(u16, I32F32)>;
/// One row per validator.
pub type SparseMatrix = Vec<SparseRow>;

const ZERO: I32F32 = I32F32::from_bits(0);
const ONE: I32F32 = I32F32::from_bits(1 << 32);

/// A row as subtensor's densified accumulator sees it: entries at or beyond `columns` dropped,
/// one entry per column (the later of two wins), in ascending column order.
fn canonical(row: &[(u16, I32F32)], columns: usize) -> SparseRow {
	let mut out: SparseRow = row.iter().copied().filter(|(j, _)| (*j as usize) < columns).collect();
	// A stable sort keeps equal columns in their original order, so the last of them is the
	// one a dense accumulator would have kept.
	out.sort_by_key(|(j, _)| *j);
	let mut deduped: SparseRow = Vec::with_capacity(out.len());
	for (j, value) in out {
		match deduped.last_mut() {
			Some(last) if last.0 == j => last.1 = value,
			_ => deduped.push((j, value)),
		}
	}
	deduped
}

/// Walks the union of two canonical rows in column order, calling `f(column, a, b)` with 0 for
/// a side that has no entry.
fn merge(a: &[(u16, I32F32)], b: &[(u16, I32F32)], mut f: impl FnMut(u16, I32F32, I32F32)) {
	let (mut i, mut k) = (0, 0);
	while i < a.len() || k < b.len() {
		match (a.get(i), b.get(k)) {
			(Some(&(ja, va)), Some(&(jb, vb))) if ja == jb => {
				f(ja, va, vb);
				i += 1;
				k += 1;
			},
			(Some(&(ja, va)), Some(&(jb, _))) if ja < jb => {
				f(ja, va, ZERO);
				i += 1;
			},
			(Some(&(ja, va)), None) => {
				f(ja, va, ZERO);
				i += 1;
			},
			(_, Some(&(jb, vb))) => {
				f(jb, ZERO, vb);
				k += 1;
			},
			(None, None) => break,
		}
	}
}

/// Divides each row by its sum, where the sum is positive (`inplace_row_normalize_sparse`).
pub fn inplace_row_normalize(matrix: &mut [SparseRow]) {
	for row in matrix.iter_mut() {
		let total = row.iter().fold(ZERO, |sum, (_, value)| sum.saturating_add(*value));
		if total > ZERO {
			for (_, value) in row.iter_mut() {
				*value = safe_div(*value, total);
			}
		}
	}
}

/// The sum of each row (`row_sum_sparse`).
pub fn row_sum(matrix: &[SparseRow]) -> Vec<I32F32> {
	matrix.iter().map(|row| row.iter().fold(ZERO, |sum, (_, v)| sum.saturating_add(*v))).collect()
}

/// Divides each entry by its column's sum, where that sum is not 0
/// (`inplace_col_normalize_sparse`).
pub fn inplace_col_normalize(matrix: &mut [SparseRow], columns: u16) {
	let mut totals = vec![ZERO; columns as usize];
	for row in matrix.iter() {
		for (j, value) in row {
			if let Some(total) = totals.get_mut(*j as usize) {
				*total = total.saturating_add(*value);
			}
		}
	}
	for row in matrix.iter_mut() {
		for (j, value) in row.iter_mut() {
			let total = totals.get(*j as usize).copied().unwrap_or(ZERO);
			if total != ZERO {
				*value = safe_div(*value, total);
			}
		}
	}
}

/// Divides each entry by its column's largest entry, where that is not 0
/// (`inplace_col_max_upscale_sparse`).
pub fn inplace_col_max_upscale(matrix: &mut [SparseRow], columns: u16) {
	let mut maxima = vec![ZERO; columns as usize];
	for row in matrix.iter() {
		for (j, value) in row {
			if let Some(max) = maxima.get_mut(*j as usize) {
				if *max < *value {
					*max = *value;
				}
			}
		}
	}
	for row in matrix.iter_mut() {
		for (j, value) in row.iter_mut() {
			let max = maxima.get(*j as usize).copied().unwrap_or(ZERO);
			if max != ZERO {
				*value = safe_div(*value, max);
			}
		}
	}
}

/// Empties the rows whose `mask` entry is true, or that have no mask entry
/// (`mask_rows_sparse`).
pub fn mask_rows(mask: &[bool], matrix: &[SparseRow]) -> SparseMatrix {
	matrix
		.iter()
		.enumerate()
		.map(|(i, row)| if mask.get(i).copied().unwrap_or(true) { Vec::new() } else { row.clone() })
		.collect()
}

/// Drops every diagonal entry except the one at `except` (`mask_diag_sparse_except_index`;
/// with `None`, `mask_diag_sparse`).
pub fn mask_diag(matrix: &[SparseRow], except: Option<u16>) -> SparseMatrix {
	matrix
		.iter()
		.enumerate()
		.map(|(i, row)| {
			row.iter().copied().filter(|(j, _)| i != *j as usize || except == Some(*j)).collect()
		})
		.collect()
}

/// Drops entry `(i, j)` where `mask(first[i], second[j])` holds, a missing vector entry
/// counting as 0 (`vec_mask_sparse_matrix`).
pub fn mask_by(
	matrix: &[SparseRow],
	first: &[u64],
	second: &[u64],
	mask: impl Fn(u64, u64) -> bool,
) -> SparseMatrix {
	matrix
		.iter()
		.enumerate()
		.map(|(i, row)| {
			let f = first.get(i).copied().unwrap_or(0);
			row.iter()
				.copied()
				.filter(|(j, _)| !mask(f, second.get(*j as usize).copied().unwrap_or(0)))
				.collect()
		})
		.collect()
}

/// Multiplies row `i` by `vector[i]`; rows beyond the vector are dropped
/// (`row_hadamard_sparse`).
pub fn row_hadamard(matrix: &[SparseRow], vector: &[I32F32]) -> SparseMatrix {
	matrix
		.iter()
		.zip(vector.iter())
		.map(|(row, scale)| row.iter().map(|(j, v)| (*j, v.saturating_mul(*scale))).collect())
		.collect()
}

/// `result_j = Σ_i vector_i · matrix_ij` over `columns` columns (`matmul_sparse`).
pub fn matmul(matrix: &[SparseRow], vector: &[I32F32], columns: u16) -> Vec<I32F32> {
	let mut result = vec![ZERO; columns as usize];
	for (i, row) in matrix.iter().enumerate() {
		let scale = vector.get(i).copied().unwrap_or(ZERO);
		for (j, value) in row {
			if let Some(cell) = result.get_mut(*j as usize) {
				*cell = cell.saturating_add(scale.saturating_mul(*value));
			}
		}
	}
	result
}

/// `result_i = Σ_j vector_j · matrix_ij` (`matmul_transpose_sparse`).
pub fn matmul_transpose(matrix: &[SparseRow], vector: &[I32F32]) -> Vec<I32F32> {
	matrix
		.iter()
		.map(|row| {
			row.iter().fold(ZERO, |sum, (j, value)| {
				let v = vector.get(*j as usize).copied().unwrap_or(ZERO);
				sum.saturating_add(v.saturating_mul(*value))
			})
		})
		.collect()
}

/// Caps each entry at its column's threshold, dropping it where the threshold is 0 or less
/// (`col_clip_sparse`).
pub fn col_clip(matrix: &[SparseRow], thresholds: &[I32F32]) -> SparseMatrix {
	matrix
		.iter()
		.map(|row| {
			row.iter()
				.filter_map(|&(j, value)| {
					let threshold = thresholds.get(j as usize).copied().unwrap_or(ZERO);
					if threshold < value {
						(threshold > ZERO).then_some((j, threshold))
					} else {
						Some((j, value))
					}
				})
				.collect()
		})
		.collect()
}

/// `a + ratio · (b − a)` cell by cell, keeping positive cells (`interpolate_sparse`): `a` at
/// ratio 0, `b` at ratio 1 (both unchanged, as subtensor returns them).
pub fn interpolate(a: &[SparseRow], b: &[SparseRow], columns: u16, ratio: I32F32) -> SparseMatrix {
	if ratio == ZERO {
		return a.to_vec();
	}
	if ratio == ONE || a.len() != b.len() {
		return b.to_vec();
	}
	a.iter()
		.zip(b.iter())
		.map(|(row_a, row_b)| {
			let (row_a, row_b) =
				(canonical(row_a, columns as usize), canonical(row_b, columns as usize));
			let mut out = SparseRow::new();
			merge(&row_a, &row_b, |j, va, vb| {
				let value = va.saturating_add(ratio.saturating_mul(vb.saturating_sub(va)));
				if value > ZERO {
					out.push((j, value));
				}
			});
			out
		})
		.collect()
}

/// `alpha · new + (1 − alpha) · old` cell by cell, keeping positive cells (`mat_ema_sparse`).
/// Like subtensor, it takes the matrix as square: columns at or beyond the number of rows are
/// dropped.
pub fn mat_ema(new: &[SparseRow], old: &[SparseRow], alpha: I32F32) -> SparseMatrix {
	let n = new.len();
	let keep = ONE.saturating_sub(alpha);
	let mut terms: Vec<(u16, I32F32)> = Vec::new();
	new.iter()
		.enumerate()
		.map(|(i, new_row)| {
			let old_row: &[(u16, I32F32)] = old.get(i).map(|row| row.as_slice()).unwrap_or(&[]);
			// Rows sorted by column without repeats (as stored bonds and merged rows are) are
			// merged in one pass; anything else goes through the general path below.
			if strictly_ascending(new_row) && strictly_ascending(old_row) {
				let mut out = SparseRow::with_capacity(new_row.len().max(old_row.len()));
				merge(new_row, old_row, |j, vn, vo| {
					if (j as usize) < n {
						let value =
							alpha.saturating_mul(vn).saturating_add(keep.saturating_mul(vo));
						if value > ZERO {
							out.push((j, value));
						}
					}
				});
				return out;
			}
			// Each entry scaled on its own and then added, new before old, as subtensor's
			// accumulator does: the stable sort keeps that order within a column.
			terms.clear();
			terms.extend(new_row.iter().map(|(j, v)| (*j, alpha.saturating_mul(*v))));
			if let Some(old_row) = old.get(i) {
				terms.extend(old_row.iter().map(|(j, v)| (*j, keep.saturating_mul(*v))));
			}
			terms.retain(|(j, _)| (*j as usize) < n);
			terms.sort_by_key(|(j, _)| *j);
			let mut out = SparseRow::new();
			let mut index = 0;
			while index < terms.len() {
				let column = terms[index].0;
				let mut value = ZERO;
				while index < terms.len() && terms[index].0 == column {
					value = value.saturating_add(terms[index].1);
					index += 1;
				}
				if value > ZERO {
					out.push((column, value));
				}
			}
			out
		})
		.collect()
}

/// Whether a row's columns strictly increase (sorted, no column twice).
fn strictly_ascending(row: &[(u16, I32F32)]) -> bool {
	row.windows(2).all(|pair| pair[0].0 < pair[1].0)
}

#[cfg(test)]
mod tests;
