//! Miners' results, in two steps so that nobody can copy them: a commitment before the
//! miners' commit deadline, then the result and where it is served, only after the
//! committee's commit deadline, so that no result is public while anyone can still commit.
//!
//! The commitment is BLAKE2-256 of the SCALE encoding of
//! `(RESULT_COMMITMENT_TAG, job, miner, result, salt)`: it binds the job and the signer, so
//! another miner's commitment bytes, submitted as one's own, never open.

use crate::{pallet::*, types::*, JobId, JobKind, JobResult};
use frame_support::{ensure, pallet_prelude::*};
use sp_runtime::traits::Hash;
use synod_primitives::job::{MOMENTS_COMMITMENT_TAG, RESULT_COMMITMENT_TAG};

impl<T: Config> Pallet<T> {
	/// The commitment that `miner`'s reveal of `result` with `salt` for `job` must match:
	/// BLAKE2-256 of SCALE `(b"synod/jobs/result/v1", job: u64, miner, result, salt)`, the
	/// tag as 20 raw bytes, `result` as the [`JobResult`] enum (variant byte, then the
	/// 32-byte digest or the refusal's variant byte).
	pub fn result_commitment(
		job: JobId,
		miner: &T::AccountId,
		result: &JobResult,
		salt: &[u8; 32],
	) -> T::Hash {
		T::Hashing::hash_of(&(RESULT_COMMITMENT_TAG, job, miner, result, salt))
	}

	/// The commitment that `provider`'s reveal of `moments` with `salt` for `job` must
	/// match: BLAKE2-256 of SCALE `(b"synod/jobs/moments/v1", job, provider, moments, salt)`.
	pub fn moments_commitment(
		job: JobId,
		provider: &T::AccountId,
		moments: &MomentsOf,
		salt: &[u8; 32],
	) -> T::Hash {
		T::Hashing::hash_of(&(MOMENTS_COMMITMENT_TAG, job, provider, moments, salt))
	}

	/// The assigned job `job`, if `miner` is one of its miners.
	pub(crate) fn assigned_to(job: JobId, miner: &T::AccountId) -> Result<JobOf<T>, DispatchError> {
		let record = JobRecords::<T>::get(job).ok_or(Error::<T>::UnknownJob)?;
		ensure!(record.state == JobState::Assigned, Error::<T>::WrongPhase);
		let miners = Assignments::<T>::get(job).unwrap_or_default();
		ensure!(miners.contains(miner), Error::<T>::NotAssigned);
		Ok(record)
	}

	/// Whether `now` is in `record`'s reveal window: after the committee's commits close, by
	/// the reveal deadline.
	pub(crate) fn ensure_reveal_window(record: &JobOf<T>) -> DispatchResult {
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now > record.deadlines.verify_by, Error::<T>::RevealNotOpen);
		ensure!(now <= record.deadlines.reveal_by, Error::<T>::RevealClosed);
		Ok(())
	}

	pub(crate) fn do_commit_result(
		miner: T::AccountId,
		job: JobId,
		commitment: T::Hash,
	) -> DispatchResult {
		let record = Self::assigned_to(job, &miner)?;
		ensure!(
			!matches!(record.spec.kind, JobKind::FederatedStatistics { .. }),
			Error::<T>::WrongJobKind
		);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now <= record.deadlines.commit_by, Error::<T>::CommitClosed);
		ensure!(!ResultCommits::<T>::contains_key(job, &miner), Error::<T>::AlreadyCommitted);
		ResultCommits::<T>::insert(job, &miner, commitment);
		Self::deposit_event(Event::ResultCommitted { job, miner });
		Ok(())
	}

	pub(crate) fn do_reveal_result(
		miner: T::AccountId,
		job: JobId,
		result: JobResult,
		salt: [u8; 32],
		uri: ResultUri,
	) -> DispatchResult {
		let record = Self::assigned_to(job, &miner)?;
		let commitment = ResultCommits::<T>::get(job, &miner).ok_or(Error::<T>::NotCommitted)?;
		Self::ensure_reveal_window(&record)?;
		ensure!(!ResultReveals::<T>::contains_key(job, &miner), Error::<T>::AlreadyRevealed);
		ensure!(
			Self::result_commitment(job, &miner, &result, &salt) == commitment,
			Error::<T>::CommitmentMismatch
		);
		// A spot-checked job's digest is opened, with its trace, by `open_trace`.
		ensure!(
			matches!(result, JobResult::Refused(_)) || Self::spot_check_layout(&record).is_none(),
			Error::<T>::SpotChecked
		);
		let uri_ok = match result {
			JobResult::Digest(hash) => {
				synod_primitives::job::Artifact { hash, uri: uri.clone() }.uri_is_valid()
			},
			JobResult::Refused(_) => uri.is_empty(),
		};
		ensure!(uri_ok, Error::<T>::BadResultUri);
		ResultReveals::<T>::insert(job, &miner, ResultReveal { result, uri });
		Self::deposit_event(Event::ResultRevealed { job, miner, result });
		Ok(())
	}
}
