//! Which jobs a committee re-executes. A subnet's [`JobPolicy::verification_rate`] says what
//! share of its jobs are verified. At 100% (the default) or 0% the answer is known when the
//! job is posted, and a verified job's committee is drawn with its miners. Between them it
//! is drawn two blocks after the miners' commit deadline, from randomness revealed after
//! the commits closed: a miner commits to its result before anyone can know whether it will
//! be checked, so cutting corners is a gamble on every job. A job drawn gets its committee
//! then; one not drawn stands on its miners' unanimous result. Where the randomness is not
//! fresh (a chain without it yet), the job is verified: the safe side.

use crate::{pallet::*, types::*, JobKind, JobPolicy, JobSpec};
use sp_runtime::{
	traits::{BlakeTwo256, Hash},
	PerThing, Perbill,
};

/// Whether a share of `rate` picks a draw of `value`: `value mod 10^9` is uniform over the
/// billionths, up to a bias below 2^-32.
pub(crate) fn drawn(rate: Perbill, value: u64) -> bool {
	let billionths = (value % <Perbill as PerThing>::ACCURACY as u64) as u32;
	billionths < rate.deconstruct()
}

impl<T: Config> Pallet<T> {
	/// Whether a committee re-executes a job with `spec` under `policy`, if that is already
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

	/// Draws whether each job whose draw falls in block `now` is verified, and seats the
	/// committee of each one drawn; returns how many jobs had their draw in this block.
	pub(crate) fn draw_samples(now: frame_system::pallet_prelude::BlockNumberFor<T>) -> u32 {
		let due = SamplingDue::<T>::take(now);
		for job in &due {
			let Some(mut record) = JobRecords::<T>::get(job) else { continue };
			if record.sampled.is_some() || record.state != JobState::Assigned {
				continue;
			}
			let seed = Self::fresh_seed(b"synod/jobs/sample", *job, record.deadlines.commit_by);
			let sampled = match seed {
				Some(seed) => drawn(record.policy.verification_rate, first_word(&seed)),
				None => true,
			};
			record.sampled = Some(sampled);
			Self::deposit_event(Event::VerificationDrawn { job: *job, sampled });
			if sampled {
				let miners = Assignments::<T>::get(job).unwrap_or_default();
				let candidates = Self::committee_candidates(&record, &miners);
				// Without fresh randomness (a chain that has none yet) the committee is
				// still drawn, from a seed anyone can predict: a chain with a VRF never
				// takes this branch once its first block is built.
				let seed = seed.unwrap_or_else(|| {
					BlakeTwo256::hash_of(&(b"synod/jobs/no-randomness", *job, now)).into()
				});
				Self::seat_committee(*job, &mut record, &candidates, seed);
			}
			JobRecords::<T>::insert(job, record);
		}
		due.len() as u32
	}
}

/// The first eight bytes of `seed` as a little-endian `u64`.
fn first_word(seed: &[u8; 32]) -> u64 {
	let mut word = [0u8; 8];
	word.copy_from_slice(&seed[..8]);
	u64::from_le_bytes(word)
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
			.filter(|hash| drawn(Perbill::from_percent(30), first_word(hash)))
			.count();
		// Expected 3000; four standard deviations are about 183.
		assert!((2817..=3183).contains(&picked), "{picked}");
	}
}
