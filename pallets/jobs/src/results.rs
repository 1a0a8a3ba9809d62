//! Miners' results, in two steps so that no miner can copy another's: a commitment
//! `BLAKE2-256(SCALE(result_hash, salt))` before the commit deadline, then the result hash, the
//! salt and where the result can be fetched, once every assigned miner has committed or the
//! commit deadline has passed, and before the reveal deadline.

use crate::{pallet::*, JobId};
use frame_support::{ensure, pallet_prelude::*};
use sp_runtime::traits::Hash;

impl<T: Config> Pallet<T> {
	/// The commitment a reveal of `result_hash` with `salt` must match.
	pub fn result_commitment(result_hash: &[u8; 32], salt: &[u8; 32]) -> T::Hash {
		T::Hashing::hash_of(&(result_hash, salt))
	}

	/// The assigned job `job`, if `miner` is one of its miners.
	fn assigned_to(job: JobId, miner: &T::AccountId) -> Result<JobOf<T>, DispatchError> {
		let record = JobRecords::<T>::get(job).ok_or(Error::<T>::UnknownJob)?;
		ensure!(record.state == JobState::Assigned, Error::<T>::WrongPhase);
		let miners = Assignments::<T>::get(job).unwrap_or_default();
		ensure!(miners.contains(miner), Error::<T>::NotAssigned);
		Ok(record)
	}

	pub(crate) fn do_commit_result(
		miner: T::AccountId,
		job: JobId,
		commitment: T::Hash,
	) -> DispatchResult {
		let record = Self::assigned_to(job, &miner)?;
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
		result_hash: [u8; 32],
		salt: [u8; 32],
		uri: ResultUri,
	) -> DispatchResult {
		let record = Self::assigned_to(job, &miner)?;
		let commitment = ResultCommits::<T>::get(job, &miner).ok_or(Error::<T>::NotCommitted)?;
		let now = frame_system::Pallet::<T>::block_number();
		let all_committed =
			ResultCommits::<T>::iter_prefix(job).count() >= record.replicas as usize;
		ensure!(all_committed || now > record.deadlines.commit_by, Error::<T>::RevealNotOpen);
		ensure!(now <= record.deadlines.reveal_by, Error::<T>::RevealClosed);
		ensure!(!ResultReveals::<T>::contains_key(job, &miner), Error::<T>::AlreadyRevealed);
		ensure!(
			Self::result_commitment(&result_hash, &salt) == commitment,
			Error::<T>::CommitmentMismatch
		);
		let probe = synod_primitives::job::Artifact { hash: result_hash, uri: uri.clone() };
		ensure!(probe.uri_is_valid(), Error::<T>::BadResultUri);
		ResultReveals::<T>::insert(job, &miner, ResultReveal { result_hash, uri });
		Self::deposit_event(Event::ResultRevealed { job, miner, result_hash });
		Ok(())
	}
}
