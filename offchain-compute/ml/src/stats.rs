//! Federated statistics: what a provider publishes instead of its rows.
//!
//! Per column: the count, the sum and the sum of squares, in the chain's fixed point (values
//! scaled by 10^6 and rounded to the nearest integer; squares of the scaled values, so scaled
//! by 10^12). The jobs pallet adds providers' moments and derives mean, variance and standard
//! deviation from them; no row leaves its provider.

use crate::{Dataset, MlError};
use codec::{Decode, Encode};

/// Values enter the statistics as integers scaled by this (six decimals): the pallet's
/// `STATS_SCALE`.
pub const STATS_SCALE: i128 = 1_000_000;

/// One column's moments, as the jobs pallet's `ColumnMoments`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Encode, Decode)]
pub struct ColumnMoments {
	pub count: u64,
	/// Σ value × 10^6.
	pub sum: i128,
	/// Σ (value × 10^6)².
	pub sum_of_squares: u128,
}

impl ColumnMoments {
	/// The moments of two disjoint sets of values.
	pub fn merge(self, other: Self) -> Self {
		Self {
			count: self.count + other.count,
			sum: self.sum + other.sum,
			sum_of_squares: self.sum_of_squares + other.sum_of_squares,
		}
	}

	/// Mean and population variance, in real units (for people; the chain does this in
	/// integers).
	pub fn mean_and_variance(&self) -> (f64, f64) {
		let n = self.count.max(1) as f64;
		let scale = STATS_SCALE as f64;
		let mean = self.sum as f64 / n / scale;
		let mean_square = self.sum_of_squares as f64 / n / (scale * scale);
		(mean, (mean_square - mean * mean).max(0.0))
	}
}

/// The value in the chain's fixed point: `round(value × 10^6)`, computed in `f64` (exact for
/// every `f32` times 10^6 up to the rounding of the product).
pub fn to_fixed(value: f32) -> i128 {
	(value as f64 * STATS_SCALE as f64).round() as i128
}

/// The moments of the first `columns` feature columns of `data`.
pub fn column_moments(data: &Dataset, columns: usize) -> Result<Vec<ColumnMoments>, MlError> {
	if columns == 0 || columns > data.features() {
		return Err(MlError::DatasetMismatch {
			architecture: "federated statistics",
			expected: format!("at least {columns} columns (and at least one)"),
			found: format!("{} columns", data.features()),
		});
	}
	let mut moments = vec![ColumnMoments::default(); columns];
	for row in 0..data.rows() {
		for (column, m) in data.row(row)[..columns].iter().zip(moments.iter_mut()) {
			let fixed = to_fixed(*column);
			m.count += 1;
			m.sum += fixed;
			m.sum_of_squares += (fixed * fixed) as u128;
		}
	}
	Ok(moments)
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::dataset::{synthetic, Targets};

	#[test]
	fn moments_of_shards_merge_to_the_whole() {
		let data = synthetic::gaussian_blobs(3, 200, 4, 3);
		let whole = column_moments(&data, 4).unwrap();
		let merged = data
			.shards(11, 3)
			.iter()
			.map(|s| column_moments(s, 4).unwrap())
			.reduce(|a, b| a.iter().zip(&b).map(|(x, y)| x.merge(*y)).collect())
			.unwrap();
		assert_eq!(merged, whole);
	}

	#[test]
	fn mean_and_variance_are_the_textbook_ones() {
		let data = Dataset::new(1, vec![1.0, 2.0, 3.0, 4.0], Targets::None).unwrap();
		let m = column_moments(&data, 1).unwrap()[0];
		assert_eq!((m.count, m.sum, m.sum_of_squares), (4, 10_000_000, 30_000_000_000_000));
		assert_eq!(m.mean_and_variance(), (2.5, 1.25));
		assert!(column_moments(&data, 2).is_err());
	}
}
