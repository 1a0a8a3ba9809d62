//! Validators' verifications: a validator with a permit on the job's subnet re-executes the
//! job and commits `BLAKE2-256(SCALE(result_hash, salt))` by the miners' reveal deadline, then
//! reveals it between that deadline and the verification deadline, so that validators cannot
//! copy each other. Only jobs drawn for verification (`sampling.rs`) take verifications.

use crate::{pallet::*, JobId};
use frame_support::{ensure, pallet_prelude::*, traits::Get};
use synod_primitives::subnet::{SubnetRegistry, ValidatorPermits};

impl<T: Config> Pallet<T> {
	/// The job `job`, in its verification window, if `validator` may verify it.
	fn verifiable_by(job: JobId, validator: &T::AccountId) -> Result<JobOf<T>, DispatchError> {
		let record = JobRecords::<T>::get(job).ok_or(Error::<T>::UnknownJob)?;
		ensure!(record.state == JobState::Assigned, Error::<T>::WrongPhase);
		ensure!(record.sampled == Some(true), Error::<T>::NotSampled);
		let uid = T::Subnets::uid_of(record.netuid, validator).ok_or(Error::<T>::NoPermit)?;
		ensure!(T::Permits::has_permit(record.netuid, uid), Error::<T>::NoPermit);
		let miners = Assignments::<T>::get(job).unwrap_or_default();
		ensure!(!miners.contains(validator), Error::<T>::OwnJob);
		Ok(record)
	}

	pub(crate) fn do_commit_verification(
		validator: T::AccountId,
		job: JobId,
		commitment: T::Hash,
	) -> DispatchResult {
		let record = Self::verifiable_by(job, &validator)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now <= record.deadlines.reveal_by, Error::<T>::CommitClosed);
		ensure!(
			!VerificationCommits::<T>::contains_key(job, &validator),
			Error::<T>::AlreadyCommitted
		);
		ensure!(
			(VerificationCommits::<T>::iter_prefix(job).count() as u32)
				< T::MaxVerifiersPerJob::get(),
			Error::<T>::TooManyVerifiers
		);
		VerificationCommits::<T>::insert(job, &validator, commitment);
		Self::deposit_event(Event::VerificationCommitted { job, validator });
		Ok(())
	}

	pub(crate) fn do_reveal_verification(
		validator: T::AccountId,
		job: JobId,
		result_hash: [u8; 32],
		salt: [u8; 32],
	) -> DispatchResult {
		let record = JobRecords::<T>::get(job).ok_or(Error::<T>::UnknownJob)?;
		ensure!(record.state == JobState::Assigned, Error::<T>::WrongPhase);
		let commitment =
			VerificationCommits::<T>::get(job, &validator).ok_or(Error::<T>::NotCommitted)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now > record.deadlines.reveal_by, Error::<T>::RevealNotOpen);
		ensure!(now <= record.deadlines.verify_by, Error::<T>::RevealClosed);
		ensure!(
			!VerificationReveals::<T>::contains_key(job, &validator),
			Error::<T>::AlreadyRevealed
		);
		ensure!(
			Self::result_commitment(&result_hash, &salt) == commitment,
			Error::<T>::CommitmentMismatch
		);
		VerificationReveals::<T>::insert(job, &validator, result_hash);
		Self::deposit_event(Event::VerificationRevealed { job, validator, result_hash });
		Ok(())
	}
}
