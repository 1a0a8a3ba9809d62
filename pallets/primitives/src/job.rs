//! Jobs: the work a requester asks of a subnet's miners, as the chain stores and bounds it.
//!
//! The chain never runs a job. It holds the bounty, checks that the spec is well formed and
//! bounded, and records commitments and hashes; workers fetch the inputs by their URIs, check
//! them against their hashes, and run the job with `burn`.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
use scale_info::TypeInfo;
use sp_core::U256;

/// Identifies a job; ids are never reused.
pub type JobId = u64;

/// The longest model architecture name.
pub const MAX_ARCHITECTURE_LEN: u32 = 64;
/// The most input artifacts a job names.
pub const MAX_INPUTS: u32 = 8;
/// The longest artifact URI.
pub const MAX_URI_LEN: u32 = 256;
/// The most bytes of encoded hyperparameters.
pub const MAX_HYPERPARAMETERS_LEN: u32 = 1024;

/// What the miners are asked to compute.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub enum JobKind {
	/// Train the architecture on the inputs; the result is the trained weights.
	Train,
	/// Run the architecture (weights among the inputs) on the inputs; the result is the
	/// outputs.
	Infer,
	/// Count, sum and sum of squares of `columns` numeric columns of each provider's private
	/// data; only those leave the providers.
	FederatedStatistics { columns: u16 },
}

/// An artifact by content: its BLAKE2-256 hash and where to fetch it.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Artifact {
	/// BLAKE2-256 of the artifact's bytes; whoever fetches it checks this.
	pub hash: [u8; 32],
	/// An `http://` or `https://` URL, printable ASCII.
	pub uri: BoundedVec<u8, ConstU32<MAX_URI_LEN>>,
}

impl Artifact {
	/// Whether the URI is an `http://` or `https://` URL with a host, in printable ASCII.
	pub fn uri_is_valid(&self) -> bool {
		let uri: &[u8] = &self.uri;
		let scheme_ok = uri.starts_with(b"http://") || uri.starts_with(b"https://");
		let host_ok = uri.iter().skip_while(|b| **b != b'/').nth(2).is_some();
		scheme_ok && host_ok && printable(uri)
	}
}

/// What a job declares its data to be: the dataset input's rows and features per row, and
/// the model's outputs per row (classes, or 1 for a regression). The chain prices the job by
/// it ([`JobSpec::cost`]); a worker refuses, before it allocates, inputs that are not this
/// shape. A federated statistics job declares none (all zero).
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct InputShape {
	pub rows: u32,
	pub features: u32,
	pub outputs: u32,
}

impl From<InputShape> for synod_cost::Shape {
	fn from(shape: InputShape) -> Self {
		synod_cost::Shape { rows: shape.rows, features: shape.features, outputs: shape.outputs }
	}
}

/// A job's specification: everything a miner needs to reproduce its result exactly.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct JobSpec {
	pub kind: JobKind,
	/// The model architecture, by the name the worker's ML library knows it by.
	pub architecture: BoundedVec<u8, ConstU32<MAX_ARCHITECTURE_LEN>>,
	/// The architecture's version; a worker refuses versions it does not implement.
	pub architecture_version: u32,
	/// The input artifacts (datasets, initial or trained weights).
	pub inputs: BoundedVec<Artifact, ConstU32<MAX_INPUTS>>,
	/// Training or inference settings, SCALE-encoded by the worker's ML library; the chain
	/// only bounds them.
	pub hyperparameters: BoundedVec<u8, ConstU32<MAX_HYPERPARAMETERS_LEN>>,
	/// The seed of every random choice the job makes, so that replicas agree bit for bit.
	pub seed: u64,
	/// The declared shape of the inputs, which the job is priced by.
	pub shape: InputShape,
}

/// Why a miner declines a job instead of computing it. A refusal is committed and revealed
/// like any result, and the committee reproduces it: one the committee agrees with costs
/// the miner nothing, one it does not is a wrong result.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	PartialOrd,
	Ord,
)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub enum RefusalReason {
	/// An input's bytes do not hash to the hash the spec names, or it could not be fetched.
	InputMismatch,
	/// The inputs or settings exceed the subnet's limits (size, epochs, parameters).
	ExceedsLimits,
}

/// What a miner or a committee member says a job's result is. The digest is opaque to the
/// chain: today the BLAKE2-256 of the output artifact, later a root over a checkpointed
/// training trace.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum JobResult {
	/// The result's digest.
	Digest([u8; 32]),
	/// The job was declined for this reason.
	Refused(RefusalReason),
}

/// The domain tag of a miner's result commitment.
pub const RESULT_COMMITMENT_TAG: [u8; 20] = *b"synod/jobs/result/v1";
/// The domain tag of a committee member's verification commitment.
pub const VERIFICATION_COMMITMENT_TAG: [u8; 20] = *b"synod/jobs/verify/v1";
/// The domain tag of a statistics provider's moments commitment.
pub const MOMENTS_COMMITMENT_TAG: [u8; 21] = *b"synod/jobs/moments/v1";
/// The domain tag of a committee member's spot-check commitment: what it reached at the
/// places of a trace it re-executed.
pub const SPOT_CHECK_COMMITMENT_TAG: [u8; 20] = *b"synod/jobs/spotck/v1";

/// What is wrong with a job spec.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	frame_support::PalletError,
)]
pub enum JobSpecError {
	/// The architecture name is empty or not printable ASCII.
	BadArchitecture,
	/// A training or inference job names no input.
	NoInputs,
	/// An input's URI is not an `http(s)://` URL of printable ASCII.
	BadUri,
	/// A federated statistics job asks for no column.
	NoColumns,
	/// No architecture of that name and version is known to the cost model.
	UnknownArchitecture,
	/// The settings (`hyperparameters`) do not decode, or a value is out of range.
	BadSettings,
	/// The declared shape cannot be data for the architecture (no rows, too many values,
	/// fewer than two classes, a CNN's features other than its image side squared), or a
	/// statistics job declares one.
	BadShape,
}

fn printable(bytes: &[u8]) -> bool {
	bytes.iter().all(|b| (0x21..=0x7e).contains(b))
}

impl JobSpec {
	/// Checks what the bounded types cannot.
	pub fn validate(&self) -> Result<(), JobSpecError> {
		if self.architecture.is_empty() || !printable(&self.architecture) {
			return Err(JobSpecError::BadArchitecture);
		}
		match self.kind {
			JobKind::Train | JobKind::Infer if self.inputs.is_empty() => {
				return Err(JobSpecError::NoInputs)
			},
			JobKind::FederatedStatistics { columns: 0 } => return Err(JobSpecError::NoColumns),
			_ => {},
		}
		if !self.inputs.iter().all(Artifact::uri_is_valid) {
			return Err(JobSpecError::BadUri);
		}
		self.cost().map(|_| ())
	}

	/// What the job takes to compute, by the cost model, from the spec alone; `None` for a
	/// statistics job, whose providers compute on data only they hold.
	pub fn cost(&self) -> Result<Option<synod_cost::Cost>, JobSpecError> {
		let work = match self.kind {
			JobKind::Train => synod_cost::Work::Train,
			JobKind::Infer => synod_cost::Work::Infer,
			JobKind::FederatedStatistics { .. } => {
				return match self.shape == InputShape::default() {
					true => Ok(None),
					false => Err(JobSpecError::BadShape),
				}
			},
		};
		synod_cost::job_cost(
			&self.architecture,
			self.architecture_version,
			&self.hyperparameters,
			work,
			self.shape.into(),
		)
		.map(Some)
		.map_err(|error| match error {
			synod_cost::CostError::UnknownArchitecture => JobSpecError::UnknownArchitecture,
			synod_cost::CostError::Settings(_) => JobSpecError::BadSettings,
			synod_cost::CostError::Shape => JobSpecError::BadShape,
		})
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	fn spec(kind: JobKind, uris: &[&str]) -> JobSpec {
		JobSpec {
			kind,
			architecture: b"mlp".to_vec().try_into().unwrap(),
			architecture_version: 1,
			inputs: uris
				.iter()
				.map(|uri| Artifact {
					hash: [7; 32],
					uri: uri.as_bytes().to_vec().try_into().unwrap(),
				})
				.collect::<Vec<_>>()
				.try_into()
				.unwrap(),
			hyperparameters: default_settings(),
			seed: 42,
			shape: match kind {
				JobKind::FederatedStatistics { .. } => InputShape::default(),
				_ => InputShape { rows: 100, features: 64, outputs: 10 },
			},
		}
	}

	fn default_settings() -> BoundedVec<u8, ConstU32<MAX_HYPERPARAMETERS_LEN>> {
		let settings = synod_cost::Settings {
			mode: synod_cost::Mode::Verifiable,
			epochs: 2,
			batch_size: 32,
			learning_rate_micros: 3000,
			hidden: alloc::vec![16],
			image_side: 8,
		};
		settings.encode().try_into().unwrap()
	}

	#[test]
	fn well_formed_specs_pass() {
		assert_eq!(spec(JobKind::Train, &["https://data.example/x.bin"]).validate(), Ok(()));
		assert_eq!(spec(JobKind::Infer, &["http://10.0.0.1:8080/a"]).validate(), Ok(()));
		assert_eq!(spec(JobKind::FederatedStatistics { columns: 3 }, &[]).validate(), Ok(()));
	}

	#[test]
	fn each_defect_is_named() {
		assert_eq!(spec(JobKind::Train, &[]).validate(), Err(JobSpecError::NoInputs));
		assert_eq!(
			spec(JobKind::FederatedStatistics { columns: 0 }, &[]).validate(),
			Err(JobSpecError::NoColumns)
		);
		for uri in ["ftp://x/y", "https://", "https://a b", "data.example/x"] {
			assert_eq!(spec(JobKind::Infer, &[uri]).validate(), Err(JobSpecError::BadUri), "{uri}");
		}
		let mut nameless = spec(JobKind::Train, &["https://d/x"]);
		nameless.architecture = Default::default();
		assert_eq!(nameless.validate(), Err(JobSpecError::BadArchitecture));
		nameless.architecture = b"m l p".to_vec().try_into().unwrap();
		assert_eq!(nameless.validate(), Err(JobSpecError::BadArchitecture));
	}

	#[test]
	fn the_cost_model_judges_what_the_spec_declares() {
		let train = spec(JobKind::Train, &["https://d/x"]);
		assert!(train.cost().unwrap().unwrap().megaflops > 0);
		let mut unknown = train.clone();
		unknown.architecture = b"transformer".to_vec().try_into().unwrap();
		assert_eq!(unknown.validate(), Err(JobSpecError::UnknownArchitecture));
		let mut unreadable = train.clone();
		unreadable.hyperparameters = alloc::vec![0xff].try_into().unwrap();
		assert_eq!(unreadable.validate(), Err(JobSpecError::BadSettings));
		let mut poison = train.clone();
		poison.shape.outputs = u32::MAX;
		assert_eq!(poison.validate(), Err(JobSpecError::BadShape));
		let mut statistics = spec(JobKind::FederatedStatistics { columns: 2 }, &[]);
		assert_eq!(statistics.cost(), Ok(None));
		statistics.shape.rows = 5;
		assert_eq!(statistics.validate(), Err(JobSpecError::BadShape));
	}
}

/// The most columns a federated statistics job covers.
pub const MAX_COLUMNS: u32 = 64;
/// Values enter federated statistics as integers scaled by 10^6 (six decimals); squares by
/// 10^12.
pub const STATS_SCALE: i128 = 1_000_000;

/// One provider's moments of one column: what leaves it instead of its rows.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct ColumnMoments {
	/// How many values.
	pub count: u64,
	/// Their sum, scaled by [`STATS_SCALE`].
	pub sum: i128,
	/// The sum of their squares, scaled by `STATS_SCALE^2`.
	pub sum_of_squares: u128,
}

/// A column's statistics over every provider.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct ColumnSummary {
	pub count: u64,
	/// The mean, scaled by [`STATS_SCALE`], rounded toward zero.
	#[cfg_attr(feature = "serde", serde(with = "crate::serde_balance"))]
	pub mean: i128,
	/// The population variance, scaled by `STATS_SCALE^2`, rounded down.
	#[cfg_attr(feature = "serde", serde(with = "crate::serde_balance"))]
	pub variance: u128,
	/// The standard deviation, scaled by [`STATS_SCALE`], rounded down.
	#[cfg_attr(feature = "serde", serde(with = "crate::serde_balance"))]
	pub std_dev: u128,
}

/// `floor(sqrt(n))`.
pub fn isqrt(n: u128) -> u128 {
	if n < 2 {
		return n;
	}
	// Newton's iteration from above converges to the floor.
	let mut x = 1u128 << ((128 - n.leading_zeros()).div_ceil(2));
	loop {
		let next = (x + n / x) / 2;
		if next >= x {
			return x;
		}
		x = next;
	}
}

/// The most providers whose moments [`aggregate`] adds up; each provider's moments stay
/// below `1/MAX_PROVIDERS` of their types' range ([`ColumnMoments::check`]), so the sums
/// always fit.
pub const MAX_PROVIDERS: u32 = 16;

/// Why one provider's moments of a column cannot be real data.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum MomentsDefect {
	/// No values, yet a sum or a sum of squares that is not zero.
	EmptyWithSums,
	/// A count, sum or sum of squares beyond `1/MAX_PROVIDERS` of its type's range.
	OutOfRange,
	/// The sum of squares times the count is below the squared sum, which no real values
	/// give (Cauchy-Schwarz): the variance would be negative.
	NegativeVariance,
	/// No column has any value: moments that cost nothing to produce and add nothing.
	NoValues,
}

/// Checks one provider's moments, column by column ([`ColumnMoments::check`]), and that they
/// hold some value; names the first column that fails.
pub fn check_moments(columns: &[ColumnMoments]) -> Result<(), (u16, MomentsDefect)> {
	for (index, moments) in columns.iter().enumerate() {
		moments.check().map_err(|defect| (index as u16, defect))?;
	}
	if columns.iter().all(|moments| moments.count == 0) {
		return Err((0, MomentsDefect::NoValues));
	}
	Ok(())
}

impl ColumnMoments {
	/// Checks that these moments could come from real values and that up to
	/// [`MAX_PROVIDERS`] of them add up without overflow.
	pub fn check(&self) -> Result<(), MomentsDefect> {
		if self.count == 0 {
			return if self.sum == 0 && self.sum_of_squares == 0 {
				Ok(())
			} else {
				Err(MomentsDefect::EmptyWithSums)
			};
		}
		let providers = MAX_PROVIDERS as u128;
		if self.count as u128 > u64::MAX as u128 / providers
			|| self.sum.unsigned_abs() > i128::MAX as u128 / providers
			|| self.sum_of_squares > u128::MAX / providers
		{
			return Err(MomentsDefect::OutOfRange);
		}
		let sum = U256::from(self.sum.unsigned_abs());
		if U256::from(self.sum_of_squares) * U256::from(self.count) < sum * sum {
			return Err(MomentsDefect::NegativeVariance);
		}
		Ok(())
	}
}

/// Sums the providers' moments column by column and derives each column's mean, variance and
/// standard deviation. Variance is `(Q·N − S²) / N²`, exact in 256-bit integers before the
/// final division. `None` only if the moments were not [checked](ColumnMoments::check) or
/// come from more than [`MAX_PROVIDERS`] providers, so that a provider cannot make the
/// aggregate fail for everyone.
pub fn aggregate(providers: &[Vec<ColumnMoments>], columns: usize) -> Option<Vec<ColumnSummary>> {
	(0..columns)
		.map(|column| {
			let (mut n, mut s, mut q) = (0u64, 0i128, 0u128);
			for moments in providers {
				let m = moments.get(column).copied().unwrap_or_default();
				n = n.checked_add(m.count)?;
				s = s.checked_add(m.sum)?;
				q = q.checked_add(m.sum_of_squares)?;
			}
			if n == 0 {
				return Some(ColumnSummary::default());
			}
			let count = U256::from(n);
			let abs_sum = U256::from(s.unsigned_abs());
			let spread = (U256::from(q) * count).checked_sub(abs_sum * abs_sum)?;
			let variance: u128 = (spread / (count * count)).try_into().ok()?;
			Some(ColumnSummary {
				count: n,
				mean: s / n as i128,
				variance,
				std_dev: isqrt(variance),
			})
		})
		.collect()
}

#[cfg(test)]
mod statistics_tests {
	use super::*;

	fn moments(values: &[i128]) -> ColumnMoments {
		ColumnMoments {
			count: values.len() as u64,
			sum: values.iter().map(|v| v * STATS_SCALE).sum(),
			sum_of_squares: values.iter().map(|v| (v * STATS_SCALE).pow(2) as u128).sum(),
		}
	}

	#[test]
	fn integer_square_roots_are_floors() {
		for n in [0u128, 1, 2, 3, 4, 15, 16, 17, 1 << 64, u128::MAX] {
			let r = isqrt(n);
			assert!(r * r <= n, "{n}");
			assert!((r + 1).checked_mul(r + 1).is_none_or(|sq| sq > n), "{n}");
		}
	}

	#[test]
	fn providers_combine_as_one_dataset() {
		// Rows 2, 4, 4, 4, 5, 5, 7, 9 split over two providers: mean 5, variance 4, std 2.
		let providers = vec![vec![moments(&[2, 4, 4])], vec![moments(&[4, 5, 5, 7, 9])]];
		let summary = aggregate(&providers, 1).unwrap();
		assert_eq!(
			summary,
			vec![ColumnSummary {
				count: 8,
				mean: 5 * STATS_SCALE,
				variance: 4 * (STATS_SCALE as u128).pow(2),
				std_dev: 2 * STATS_SCALE as u128,
			}]
		);
	}

	#[test]
	fn empty_columns_and_overflow() {
		assert_eq!(aggregate(&[], 2).unwrap(), vec![ColumnSummary::default(); 2]);
		let huge = ColumnMoments { count: u64::MAX, sum: 0, sum_of_squares: 0 };
		assert_eq!(huge.check(), Err(MomentsDefect::OutOfRange));
		assert_eq!(aggregate(&[vec![huge], vec![huge]], 1), None);
	}

	#[test]
	fn moments_no_real_data_gives_are_named() {
		assert_eq!(moments(&[3, -4, 5]).check(), Ok(()));
		assert_eq!(ColumnMoments::default().check(), Ok(()));
		let empty = ColumnMoments { count: 0, sum: 1, sum_of_squares: 0 };
		assert_eq!(empty.check(), Err(MomentsDefect::EmptyWithSums));
		// Two values summing to 10 have squares summing to at least 50.
		let negative = ColumnMoments { count: 2, sum: 10, sum_of_squares: 49 };
		assert_eq!(negative.check(), Err(MomentsDefect::NegativeVariance));
		let edge = ColumnMoments { count: 2, sum: 10, sum_of_squares: 50 };
		assert_eq!(edge.check(), Ok(()));
		assert_eq!(check_moments(&[ColumnMoments::default(), edge]), Ok(()));
		assert_eq!(check_moments(&[edge, negative]), Err((1, MomentsDefect::NegativeVariance)));
		assert_eq!(
			check_moments(&[ColumnMoments::default(); 3]),
			Err((0, MomentsDefect::NoValues)),
			"a provider that holds nothing is not paid for nothing"
		);
	}

	#[test]
	fn checked_moments_of_the_most_providers_always_aggregate() {
		let count = u64::MAX / MAX_PROVIDERS as u64;
		// Large, yet consistent: sum^2 = 2^180 <= count * sum_of_squares ~ 2^184.
		let sum = 1i128 << 90;
		let widest =
			ColumnMoments { count, sum, sum_of_squares: u128::MAX / MAX_PROVIDERS as u128 };
		assert_eq!(widest.check(), Ok(()));
		let all = vec![vec![widest]; MAX_PROVIDERS as usize];
		let summary = aggregate(&all, 1).expect("checked moments aggregate");
		assert_eq!(summary[0].count, count * MAX_PROVIDERS as u64);
	}
}
