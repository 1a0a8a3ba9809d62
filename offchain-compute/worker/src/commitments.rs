//! The jobs pallet's commitments, computed as the pallet does: BLAKE2-256 of the SCALE
//! encoding of `(tag, job, signer, payload, salt)`. They bind the job and the signer, so a
//! commitment copied from another account never opens; the tags keep a miner's result, a
//! committee member's reproduction and a provider's moments apart.

use codec::Encode;
use subxt::dynamic::Value;
use synod_ml::stats::ColumnMoments;

const RESULT_TAG: [u8; 20] = *b"synod/jobs/result/v1";
const VERIFICATION_TAG: [u8; 20] = *b"synod/jobs/verify/v1";
const MOMENTS_TAG: [u8; 21] = *b"synod/jobs/moments/v1";
const SPOT_CHECK_TAG: [u8; 20] = *b"synod/jobs/spotck/v1";

/// Why a miner declines a job, as the pallet's `RefusalReason`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Refusal {
	InputMismatch,
	ExceedsLimits,
}

/// A miner's or committee member's answer to a job, as the pallet's `JobResult`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum JobResult {
	Digest([u8; 32]),
	Refused(Refusal),
}

impl JobResult {
	/// The SCALE encoding of the pallet's enum: a variant byte, then the digest or the
	/// refusal's variant byte.
	fn scale(&self) -> Vec<u8> {
		match self {
			Self::Digest(hash) => [&[0u8][..], hash].concat(),
			Self::Refused(reason) => vec![1, *reason as u8],
		}
	}

	/// How a state file keeps it: the digest in hex, or `refused:<reason>`.
	pub fn to_state(&self) -> String {
		match self {
			Self::Digest(hash) => hex::encode(hash),
			Self::Refused(reason) => format!("refused:{reason:?}"),
		}
	}

	/// The inverse of [`Self::to_state`].
	pub fn from_state(text: &str) -> anyhow::Result<Self> {
		Ok(match text {
			"refused:InputMismatch" => Self::Refused(Refusal::InputMismatch),
			"refused:ExceedsLimits" => Self::Refused(Refusal::ExceedsLimits),
			digest => Self::Digest(synod_ml::hash::from_hex(digest)?),
		})
	}

	/// The call argument.
	pub fn value(&self) -> Value {
		match self {
			Self::Digest(hash) => Value::unnamed_variant("Digest", [Value::from_bytes(hash)]),
			Self::Refused(reason) => Value::unnamed_variant(
				"Refused",
				[Value::unnamed_variant(format!("{reason:?}"), [])],
			),
		}
	}
}

/// A committee member's report on a spot-checked job, as the pallet's `SpotCheck`.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum SpotCheck {
	/// The value reached at each of the plan's places, in its order.
	Reached(Vec<[u8; 32]>),
	Refused(Refusal),
	/// No miner served a start it needed that matched the miner's opened trace.
	Unreachable,
}

impl SpotCheck {
	/// The SCALE encoding of the pallet's enum: a variant byte, then the values (a compact
	/// length and the hashes) or the refusal's variant byte.
	fn scale(&self) -> Vec<u8> {
		match self {
			Self::Reached(values) => [vec![0u8], values.encode()].concat(),
			Self::Refused(reason) => vec![1, *reason as u8],
			Self::Unreachable => vec![2],
		}
	}

	/// The call argument.
	pub fn value(&self) -> Value {
		match self {
			Self::Reached(values) => Value::unnamed_variant(
				"Reached",
				[Value::unnamed_composite(values.iter().map(Value::from_bytes))],
			),
			Self::Refused(reason) => Value::unnamed_variant(
				"Refused",
				[Value::unnamed_variant(format!("{reason:?}"), [])],
			),
			Self::Unreachable => Value::unnamed_variant("Unreachable", []),
		}
	}
}

fn hash(tag: &[u8], job: u64, signer: &[u8; 32], payload: &[u8], salt: &[u8; 32]) -> [u8; 32] {
	let mut bytes = tag.to_vec();
	bytes.extend(job.encode());
	bytes.extend(signer);
	bytes.extend(payload);
	bytes.extend(salt);
	sp_crypto_hashing::blake2_256(&bytes)
}

/// What miner `signer` commits to for `job`: the pallet's `result_commitment`.
pub fn result(job: u64, signer: &[u8; 32], result: &JobResult, salt: &[u8; 32]) -> [u8; 32] {
	hash(&RESULT_TAG, job, signer, &result.scale(), salt)
}

/// What committee member `signer` commits to: the pallet's `verification_commitment`.
pub fn verification(job: u64, signer: &[u8; 32], result: &JobResult, salt: &[u8; 32]) -> [u8; 32] {
	hash(&VERIFICATION_TAG, job, signer, &result.scale(), salt)
}

/// What committee member `signer` commits to for a spot-checked job: the pallet's
/// `spot_check_commitment`.
pub fn spot_check(job: u64, signer: &[u8; 32], report: &SpotCheck, salt: &[u8; 32]) -> [u8; 32] {
	hash(&SPOT_CHECK_TAG, job, signer, &report.scale(), salt)
}

/// The SCALE encoding of a provider's moments: a compact length, then per column the count
/// (`u64`), sum (`i128`) and sum of squares (`u128`).
fn moments_scale(moments: &[ColumnMoments]) -> Vec<u8> {
	let columns: Vec<(u64, i128, u128)> =
		moments.iter().map(|m| (m.count, m.sum, m.sum_of_squares)).collect();
	columns.encode()
}

/// What provider `signer` commits to: the pallet's `moments_commitment`.
pub fn moments(
	job: u64,
	signer: &[u8; 32],
	moments: &[ColumnMoments],
	salt: &[u8; 32],
) -> [u8; 32] {
	hash(&MOMENTS_TAG, job, signer, &moments_scale(moments), salt)
}

/// The call argument for a provider's moments.
pub fn moments_value(moments: &[ColumnMoments]) -> Value {
	Value::unnamed_composite(moments.iter().map(|m| {
		Value::named_composite([
			("count", Value::u128(m.count.into())),
			("sum", Value::i128(m.sum)),
			("sum_of_squares", Value::u128(m.sum_of_squares)),
		])
	}))
}

#[cfg(test)]
mod tests {
	use super::*;

	// The same vectors as the runtime's `job_commitments_match_their_documented_layouts`.
	const ACCOUNT: [u8; 32] = [1; 32];
	const SALT: [u8; 32] = [3; 32];

	#[test]
	fn commitments_are_the_pallets() {
		let digest = JobResult::Digest([2; 32]);
		assert_eq!(
			hex::encode(result(7, &ACCOUNT, &digest, &SALT)),
			"0bfdde919ffd6c8ab1e0b7e0c63bc9bdd19f1a4dbe47af52a802e177079d1513"
		);
		assert_eq!(
			hex::encode(verification(7, &ACCOUNT, &digest, &SALT)),
			"f54251e032e4661ce89e7d1c4e39ab41d048f7edcb07eba11eaaf51932504ee2"
		);
		let refusal = JobResult::Refused(Refusal::InputMismatch);
		assert_eq!(
			hex::encode(result(7, &ACCOUNT, &refusal, &SALT)),
			"66c82cc16a31a0c0eb0cb0f6b8694760274bf41e56ed48f839ada21fb95f9764"
		);
		let column = ColumnMoments { count: 3, sum: -5, sum_of_squares: 25 };
		assert_eq!(
			hex::encode(moments(7, &ACCOUNT, &[column], &SALT)),
			"7f340d5c0309d8bfd36ec0cb492e2dcc34ece762fb62079d12fe6c139890ccec"
		);
		let reached = SpotCheck::Reached(vec![[2; 32], [4; 32]]);
		assert_eq!(
			hex::encode(spot_check(7, &ACCOUNT, &reached, &SALT)),
			"7d21c153994a2c52b0ab0bd8e5fd4986dd6d4b2cd4a150ad6c6aa9dab1c9f66d"
		);
		assert_eq!(
			hex::encode(spot_check(7, &ACCOUNT, &SpotCheck::Unreachable, &SALT)),
			"e41996cac0233d9e6ce6d501af21ef43a98a667b1bf1ea46819d765ff387dd4c"
		);
	}

	#[test]
	fn results_survive_the_state_file() {
		for result in [
			JobResult::Digest([7; 32]),
			JobResult::Refused(Refusal::InputMismatch),
			JobResult::Refused(Refusal::ExceedsLimits),
		] {
			assert_eq!(JobResult::from_state(&result.to_state()).unwrap(), result);
		}
	}

	#[test]
	fn a_commitment_names_its_signer_and_job() {
		let digest = JobResult::Digest([2; 32]);
		let mine = result(7, &ACCOUNT, &digest, &SALT);
		assert_ne!(mine, result(7, &[9; 32], &digest, &SALT));
		assert_ne!(mine, result(8, &ACCOUNT, &digest, &SALT));
		assert_ne!(mine, verification(7, &ACCOUNT, &digest, &SALT));
	}
}
