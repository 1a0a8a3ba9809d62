//! Datasets: rows of `f32` features with optional targets, addressed by content hash.
//!
//! Sources: the UCI handwritten digits shipped in this crate ([`digits`]), CSV files
//! ([`csv`]), and seeded generators for tests ([`synthetic`]). Splits and shards are
//! deterministic functions of a seed, so every party to a job cuts the same rows.

pub mod csv;
pub mod digits;
pub mod synthetic;

use crate::{
	artifact::{self, f32_bits, f32_values, ArtifactKind},
	rng::{streams, SplitMix64},
	ContentHash, MlError,
};
use codec::{Decode, Encode};

/// The most values (rows × features) a dataset may hold: 256 Mi floats, 1 GiB (the cost
/// model's bound, which the chain holds declared shapes to).
pub const MAX_VALUES: usize = synod_cost::MAX_VALUES as usize;

/// What each row is labelled with.
#[derive(Clone, Debug, PartialEq)]
pub enum Targets {
	/// Unlabelled rows, as inference inputs are.
	None,
	/// Class indices below `classes`.
	Classes { classes: u32, labels: Vec<u32> },
	/// Real-valued targets for regression.
	Values(Vec<f32>),
}

/// A table of `rows × features` values with their targets.
#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
	features: usize,
	values: Vec<f32>,
	targets: Targets,
}

#[derive(Encode, Decode)]
enum TargetsWire {
	None,
	Classes { classes: u32, labels: Vec<u32> },
	Values(Vec<u32>),
}

#[derive(Encode, Decode)]
struct DatasetWire {
	features: u32,
	values: Vec<u32>,
	targets: TargetsWire,
}

impl Dataset {
	/// A dataset, checked: `values.len()` a multiple of `features`, one target per row, labels
	/// below the class count, every value finite.
	pub fn new(features: usize, values: Vec<f32>, targets: Targets) -> Result<Self, MlError> {
		let bad = |reason: String| Err(MlError::BadDataset(reason));
		if features == 0 {
			return bad("no feature columns".into());
		}
		if values.len() > MAX_VALUES {
			return bad(format!("{} values, more than the {MAX_VALUES} allowed", values.len()));
		}
		if !values.len().is_multiple_of(features) {
			return bad(format!("{} values are not whole rows of {features}", values.len()));
		}
		if let Some(i) = values.iter().position(|v| !v.is_finite()) {
			return bad(format!("value {i} is {} (values must be finite)", values[i]));
		}
		let rows = values.len() / features;
		match &targets {
			Targets::None => {},
			Targets::Classes { classes, labels } => {
				if labels.len() != rows {
					return bad(format!("{} labels for {rows} rows", labels.len()));
				}
				if *classes < 2 {
					return bad(format!("{classes} classes (at least 2)"));
				}
				if let Some(label) = labels.iter().find(|l| **l >= *classes) {
					return bad(format!("label {label} is not below the class count {classes}"));
				}
			},
			Targets::Values(targets) => {
				if targets.len() != rows {
					return bad(format!("{} targets for {rows} rows", targets.len()));
				}
				if let Some(t) = targets.iter().find(|t| !t.is_finite()) {
					return bad(format!("target {t} is not finite"));
				}
			},
		}
		Ok(Self { features, values, targets })
	}

	pub fn rows(&self) -> usize {
		self.values.len() / self.features
	}

	pub fn features(&self) -> usize {
		self.features
	}

	pub fn values(&self) -> &[f32] {
		&self.values
	}

	pub fn targets(&self) -> &Targets {
		&self.targets
	}

	/// The class count of a classification dataset.
	pub fn classes(&self) -> Option<u32> {
		match self.targets {
			Targets::Classes { classes, .. } => Some(classes),
			_ => None,
		}
	}

	/// One row's features.
	pub fn row(&self, index: usize) -> &[f32] {
		&self.values[index * self.features..(index + 1) * self.features]
	}

	/// The rows at `indices`, in that order, with their targets.
	pub fn select(&self, indices: &[usize]) -> Dataset {
		let mut values = Vec::with_capacity(indices.len() * self.features);
		for &i in indices {
			values.extend_from_slice(self.row(i));
		}
		let targets = match &self.targets {
			Targets::None => Targets::None,
			Targets::Classes { classes, labels } => Targets::Classes {
				classes: *classes,
				labels: indices.iter().map(|&i| labels[i]).collect(),
			},
			Targets::Values(v) => Targets::Values(indices.iter().map(|&i| v[i]).collect()),
		};
		Dataset { features: self.features, values, targets }
	}

	/// The same rows without their targets: what an inference job sends.
	pub fn without_targets(&self) -> Dataset {
		Dataset { features: self.features, values: self.values.clone(), targets: Targets::None }
	}

	/// Splits into (train, test) with `test_permille`‰ of the rows, drawn by `seed`.
	pub fn split(&self, seed: u64, test_permille: u32) -> (Dataset, Dataset) {
		let order = SplitMix64::stream(seed, streams::SPLIT).permutation(self.rows());
		let test_rows = self.rows() * test_permille.min(1000) as usize / 1000;
		let (test, train) = order.split_at(test_rows);
		(self.select(train), self.select(test))
	}

	/// `count` disjoint shards covering every row, sizes differing by at most one, drawn by
	/// `seed`: one per learner or statistics provider.
	pub fn shards(&self, seed: u64, count: usize) -> Vec<Dataset> {
		let order = SplitMix64::stream(seed, streams::SHARDS).permutation(self.rows());
		(0..count.max(1))
			.map(|shard| {
				let rows: Vec<usize> =
					order.iter().copied().skip(shard).step_by(count.max(1)).collect();
				self.select(&rows)
			})
			.collect()
	}

	/// The dataset as an artifact.
	pub fn to_artifact(&self) -> Vec<u8> {
		let targets = match &self.targets {
			Targets::None => TargetsWire::None,
			Targets::Classes { classes, labels } => {
				TargetsWire::Classes { classes: *classes, labels: labels.clone() }
			},
			Targets::Values(v) => TargetsWire::Values(f32_bits(v)),
		};
		let wire =
			DatasetWire { features: self.features as u32, values: f32_bits(&self.values), targets };
		artifact::encode(ArtifactKind::Dataset, &wire)
	}

	/// Reads a dataset artifact, with every check of [`Dataset::new`].
	pub fn from_artifact(bytes: &[u8]) -> Result<Self, MlError> {
		let wire: DatasetWire = artifact::decode(ArtifactKind::Dataset, bytes)?;
		let targets = match wire.targets {
			TargetsWire::None => Targets::None,
			TargetsWire::Classes { classes, labels } => Targets::Classes { classes, labels },
			TargetsWire::Values(v) => Targets::Values(f32_values(&v)),
		};
		Dataset::new(wire.features as usize, f32_values(&wire.values), targets)
	}

	/// The content hash of the dataset's artifact: its address on chain and on the wire.
	pub fn content_hash(&self) -> ContentHash {
		artifact::address(&self.to_artifact())
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	fn tiny() -> Dataset {
		Dataset::new(
			2,
			(0..20).map(|v| v as f32).collect(),
			Targets::Classes { classes: 3, labels: vec![0, 1, 2, 0, 1, 2, 0, 1, 2, 0] },
		)
		.unwrap()
	}

	#[test]
	fn malformed_tables_are_refused_with_the_reason() {
		let err = |r: Result<Dataset, MlError>| r.unwrap_err().to_string();
		assert!(err(Dataset::new(0, vec![], Targets::None)).contains("no feature"));
		assert!(err(Dataset::new(3, vec![1.0; 4], Targets::None)).contains("not whole rows"));
		assert!(err(Dataset::new(1, vec![f32::NAN], Targets::None)).contains("finite"));
		let labels = Targets::Classes { classes: 2, labels: vec![0, 2] };
		assert!(err(Dataset::new(1, vec![1.0, 2.0], labels)).contains("label 2"));
		assert!(err(Dataset::new(1, vec![1.0], Targets::Values(vec![]))).contains("0 targets"));
	}

	#[test]
	fn artifact_round_trips_and_its_hash_follows_the_content() {
		let data = tiny();
		assert_eq!(Dataset::from_artifact(&data.to_artifact()).unwrap(), data);
		let mut other = data.values().to_vec();
		other[0] = 0.5;
		let changed = Dataset::new(2, other, data.targets().clone()).unwrap();
		assert_ne!(changed.content_hash(), data.content_hash());
	}

	#[test]
	fn splits_and_shards_are_deterministic_partitions() {
		let data = tiny();
		let (train, test) = data.split(9, 300);
		assert_eq!((train.rows(), test.rows()), (7, 3));
		assert_eq!(data.split(9, 300), (train.clone(), test.clone()));
		let shards = data.shards(4, 3);
		assert_eq!(shards.iter().map(Dataset::rows).collect::<Vec<_>>(), vec![4, 3, 3]);
		let mut firsts: Vec<f32> =
			shards.iter().flat_map(|s| (0..s.rows()).map(|r| s.row(r)[0])).collect();
		firsts.sort_by(f32::total_cmp);
		assert_eq!(firsts, (0..10).map(|r| (2 * r) as f32).collect::<Vec<_>>());
		assert_eq!(data.shards(4, 3), shards);
		assert_ne!(data.shards(5, 3), shards);
	}
}
