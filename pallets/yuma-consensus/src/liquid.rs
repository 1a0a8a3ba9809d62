//! Yuma 3's liquid alpha: a bond EMA rate per (validator, miner) cell, from a sigmoid of how far
//! the validator's weight runs ahead of consensus (buying) or its bond runs ahead of its weight
//! (selling).
//!
//! Subtensor evaluates the sigmoid for every cell of the n×n grid
//! (`compute_liquid_alpha_values_sparse`) although `mat_ema_alpha_sparse` reads it only where
//! the validator has a weight or a bond. Here it is evaluated at those cells only. Subtensor
//! finds a cell's weight and bond by walking each row once while the column rises, which
//! assumes rows sorted by column; for an unsorted row the walk misses entries, and that is
//! reproduced too (the walk visits only the cells that are read, which skips exactly what
//! visiting every column would).

use crate::{sparse::SparseRow, I32F32};
use alloc::vec::Vec;
use substrate_fixed::transcendental::exp;

const ZERO: I32F32 = I32F32::from_bits(0);
const ONE: I32F32 = I32F32::from_bits(1 << 32);

/// The liquid-alpha settings, as fixed-point numbers.
#[derive(Clone, Copy, Debug)]
pub struct LiquidAlpha {
	pub low: I32F32,
	pub high: I32F32,
	pub steepness: I32F32,
}

/// `exp(x)` with `x` clamped to ±20, as subtensor's `exp_safe`.
pub fn exp_safe(input: I32F32) -> I32F32 {
	let clamped = input.max(I32F32::from_num(-20)).min(I32F32::from_num(20));
	exp(clamped).unwrap_or_else(|_| if clamped <= ZERO { ZERO } else { I32F32::max_value() })
}

/// The EMA rate of one cell (subtensor's `alpha_sigmoid`).
pub fn alpha_sigmoid(
	consensus: I32F32,
	weight: I32F32,
	bond: I32F32,
	settings: &LiquidAlpha,
) -> I32F32 {
	let clamp = |x: I32F32| x.min(ONE).max(ZERO);
	let buy = clamp(weight.saturating_sub(consensus));
	let sell = clamp(bond.saturating_sub(weight));
	let x = if weight >= bond { buy } else { sell };
	let slope = settings.steepness.saturating_div(I32F32::from_num(-100));
	let sigmoid = ONE.saturating_div(
		ONE.saturating_add(exp_safe(slope.saturating_mul(x.saturating_sub(I32F32::from_num(0.5))))),
	);
	let alpha = settings
		.low
		.saturating_add(sigmoid.saturating_mul(settings.high.saturating_sub(settings.low)));
	alpha.min(settings.high).max(settings.low)
}

/// Subtensor's row walk: advances `cursor` past entries whose column is below `column` and
/// returns the value at the head if it is exactly `column`.
fn walk(row: &[(u16, I32F32)], cursor: &mut usize, column: u16) -> I32F32 {
	while let Some(&(j, value)) = row.get(*cursor) {
		if j < column {
			*cursor += 1;
		} else {
			return if j == column { value } else { ZERO };
		}
	}
	ZERO
}

/// `mat_ema_alpha_sparse` with alphas from [`alpha_sigmoid`]: each cell the validator weighs
/// becomes `(1 − α)·bond + max(0, α·weight)`, capped at 1; a bond without a weight is dropped.
pub fn ema_rows(
	weights: &[SparseRow],
	bonds: &[SparseRow],
	consensus: &[I32F32],
	settings: &LiquidAlpha,
) -> Vec<SparseRow> {
	let n = consensus.len();
	weights
		.iter()
		.zip(bonds.iter())
		.map(|(w_row, b_row)| {
			// The cells read below, ascending, with their alpha.
			let mut cells: Vec<u16> = w_row
				.iter()
				.chain(b_row.iter())
				.map(|(j, _)| *j)
				.filter(|j| (*j as usize) < n)
				.collect();
			cells.sort_unstable();
			cells.dedup();
			let (mut w_cursor, mut b_cursor) = (0, 0);
			let alphas: Vec<(u16, I32F32)> = cells
				.iter()
				.map(|&j| {
					let weight = walk(w_row, &mut w_cursor, j);
					let bond = walk(b_row, &mut b_cursor, j);
					(j, alpha_sigmoid(consensus[j as usize], weight, bond, settings))
				})
				.collect();
			let position = |j: u16| cells.binary_search(&j).ok();

			// The decayed old bonds, by position in `cells`; of a repeated column the later
			// entry counts.
			let mut decayed: Vec<I32F32> = alloc::vec![ZERO; cells.len()];
			for &(j, old) in b_row {
				if let Some(at) = position(j) {
					decayed[at] = ONE.saturating_sub(alphas[at].1).saturating_mul(old);
				}
			}
			let mut out = SparseRow::new();
			for &(j, new) in w_row {
				if let Some(at) = position(j) {
					let value = decayed[at]
						.saturating_add(alphas[at].1.saturating_mul(new).max(ZERO))
						.min(ONE);
					if value > ZERO {
						out.push((j, value));
					}
				}
			}
			out
		})
		.collect()
}
