//! Which jobs validators re-execute. A subnet's [`JobPolicy::verification_rate`] says what
//! share of its jobs are verified. At 100% (the default) or 0% the answer is known when the
//! job is posted. Between them it is drawn from `Config::Randomness` in the block after the
//! miners' commit deadline: a miner commits to its result before it can know whether anyone
//! will check it, so cutting corners is a gamble on every job. A job not drawn stands on its
//! miners' unanimous result. The draw has the limits of the randomness documented in
//! `assignment.rs`: a block author can withhold its block to redraw, not choose.

use crate::{pallet::*, JobId, JobKind, JobPolicy, JobSpec};
use codec::Encode;
use frame_support::traits::Randomness;
use sp_runtime::{PerThing, Perbill};

/// Whether a share of `rate` picks a draw of `value`: `value mod 10^9` is uniform over the
/// billionths, up to a bias below 2^-32.
pub(crate) fn drawn(rate: Perbill, value: u64) -> bool {
	let billionths = (value % <Perbill as PerThing>::ACCURACY as u64) as u32;
	billionths < rate.deconstruct()
}

impl<T: Config> Pallet<T> {
	/// Whether validators re-execute a job with `spec` under `policy`, if that is already
	/// decided when it is posted. Statistics jobs are never re-executed: their data is private
	/// to each provider.
	pub(crate) fn sampled_at_posting(spec: &JobSpec, policy: &JobPolicy) -> Option<bool> {
		if matches!(spec.kind, JobKind::FederatedStatistics { .. }) {
			return Some(false);
		}
		if policy.verification_rate == Perbill::one() {
			Some(true)
		} else if policy.verification_rate.is_zero() {
			Some(false)
		} else {
			None
		}
	}

	/// Draws whether each job whose draw falls in block `now` is verified; returns how many
	/// jobs had their draw in this block.
	pub(crate) fn draw_samples(now: frame_system::pallet_prelude::BlockNumberFor<T>) -> u32 {
		let due = SamplingDue::<T>::take(now);
		for job in &due {
			let Some(mut record) = JobRecords::<T>::get(job) else { continue };
			if record.sampled.is_some() {
				continue;
			}
			let sampled = drawn(record.policy.verification_rate, Self::random_u64(*job));
			record.sampled = Some(sampled);
			JobRecords::<T>::insert(job, record);
			Self::deposit_event(Event::VerificationDrawn { job: *job, sampled });
		}
		due.len() as u32
	}

	/// A pseudo-random `u64` for the verification draw of `job`.
	fn random_u64(job: JobId) -> u64 {
		let (random, _) = T::Randomness::random(&(b"synod/jobs/sample", job).encode());
		let bytes = random.encode();
		let mut word = [0u8; 8];
		let n = bytes.len().min(8);
		word[..n].copy_from_slice(&bytes[..n]);
		u64::from_le_bytes(word)
	}
}

#[cfg(test)]
mod unit {
	use super::*;

	#[test]
	fn a_rate_picks_its_share_of_draws() {
		assert!(!drawn(Perbill::zero(), 0));
		assert!(drawn(Perbill::one(), u64::MAX));
		assert!(drawn(Perbill::from_percent(30), 299_999_999));
		assert!(!drawn(Perbill::from_percent(30), 300_000_000));
		assert!(drawn(Perbill::from_percent(30), 1_000_000_000 + 5));
		let picked = (0..10_000u64)
			.map(|i| sp_io::hashing::blake2_256(&i.to_le_bytes()))
			.filter(|hash| {
				drawn(Perbill::from_percent(30), u64::from_le_bytes(hash[..8].try_into().unwrap()))
			})
			.count();
		// Expected 3000; four standard deviations are about 183.
		assert!((2817..=3183).contains(&picked), "{picked}");
	}
}
