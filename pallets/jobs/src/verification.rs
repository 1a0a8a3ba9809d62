//! The committee's verifications, blind: a member re-executes the job from its spec and
//! inputs alone and commits by `verify_by`, while every miner's result is still hidden
//! behind its commitment; it reveals only after `verify_by`, with the miners. Nobody on the
//! committee can copy a miner or another member.
//!
//! The commitment is BLAKE2-256 of SCALE
//! `(VERIFICATION_COMMITMENT_TAG, job, validator, result, salt)`, bound to the member and
//! the job, and tagged apart from a miner's, so neither a member's nor a miner's commitment
//! can be replayed as another's.

use crate::{pallet::*, types::*, JobId, JobResult};
use frame_support::{ensure, pallet_prelude::*};
use sp_runtime::traits::Hash;
use synod_primitives::job::VERIFICATION_COMMITMENT_TAG;

impl<T: Config> Pallet<T> {
	/// The commitment that committee member `validator`'s reveal of `result` with `salt` for
	/// `job` must match: BLAKE2-256 of SCALE
	/// `(b"synod/jobs/verify/v1", job: u64, validator, result, salt)`.
	pub fn verification_commitment(
		job: JobId,
		validator: &T::AccountId,
		result: &JobResult,
		salt: &[u8; 32],
	) -> T::Hash {
		T::Hashing::hash_of(&(VERIFICATION_COMMITMENT_TAG, job, validator, result, salt))
	}

	/// The job `job`, if `validator` sits on its committee.
	pub(crate) fn seated_on(
		job: JobId,
		validator: &T::AccountId,
	) -> Result<JobOf<T>, DispatchError> {
		let record = JobRecords::<T>::get(job).ok_or(Error::<T>::UnknownJob)?;
		ensure!(record.state == JobState::Assigned, Error::<T>::WrongPhase);
		ensure!(Self::on_committee(job, validator), Error::<T>::NotOnCommittee);
		Ok(record)
	}

	pub(crate) fn do_commit_verification(
		validator: T::AccountId,
		job: JobId,
		commitment: T::Hash,
	) -> DispatchResult {
		let record = Self::seated_on(job, &validator)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now <= record.deadlines.verify_by, Error::<T>::CommitClosed);
		ensure!(
			!VerificationCommits::<T>::contains_key(job, &validator),
			Error::<T>::AlreadyCommitted
		);
		VerificationCommits::<T>::insert(job, &validator, commitment);
		Self::deposit_event(Event::VerificationCommitted { job, validator });
		Ok(())
	}

	pub(crate) fn do_reveal_verification(
		validator: T::AccountId,
		job: JobId,
		result: JobResult,
		salt: [u8; 32],
	) -> DispatchResult {
		let record = Self::seated_on(job, &validator)?;
		ensure!(Self::spot_check_layout(&record).is_none(), Error::<T>::SpotChecked);
		let commitment =
			VerificationCommits::<T>::get(job, &validator).ok_or(Error::<T>::NotCommitted)?;
		Self::ensure_reveal_window(&record)?;
		ensure!(
			!VerificationReveals::<T>::contains_key(job, &validator),
			Error::<T>::AlreadyRevealed
		);
		ensure!(
			Self::verification_commitment(job, &validator, &result, &salt) == commitment,
			Error::<T>::CommitmentMismatch
		);
		VerificationReveals::<T>::insert(job, &validator, result);
		Self::deposit_event(Event::VerificationRevealed { job, validator, result });
		Ok(())
	}
}
