//! A job's way through the block hook: assignment, expiry, settlement and pruning, and the
//! one place that forgets a job, releasing its escrow, its indexes and its stake locks.

use crate::{pallet::*, types::*, JobId, STAKE_LOCK};
use codec::Encode;
use frame_support::{
	traits::{fungible::MutateHold, tokens::Precision, Get, Randomness},
	weights::Weight,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::{One, Saturating, Zero};
use synod_primitives::stake::{StakeLock, StakeSlash};

impl<T: Config> Pallet<T> {
	/// Releases a job's whole bounty to its requester and forgets the job; returns what
	/// was released.
	pub(crate) fn close(job: JobId, record: &JobOf<T>) -> crate::BalanceOf<T> {
		Self::finish(job, record, record.bounty)
	}

	/// Releases `remaining` of a job's bounty (what settlement did not pay or burn) to
	/// its requester and forgets the job, every index of it and its stake locks; returns what
	/// was released.
	pub(crate) fn finish(
		job: JobId,
		record: &JobOf<T>,
		remaining: crate::BalanceOf<T>,
	) -> crate::BalanceOf<T> {
		let released = T::Currency::release(
			&HoldReason::Escrow.into(),
			&record.requester,
			remaining,
			Precision::BestEffort,
		)
		.unwrap_or_else(|_| Zero::zero());
		// `mutate_exists`, so that an index a hook already took is not written back empty.
		SettlementDue::<T>::mutate_exists(Self::settlement_block(&record.deadlines), |due| {
			forget(due, job)
		});
		if record.sampled.is_none() {
			SamplingDue::<T>::mutate_exists(Self::sampling_block(&record.deadlines), |due| {
				forget(due, job)
			});
		}
		if Self::spot_check_layout(record).is_some() {
			CheckDrawDue::<T>::mutate_exists(Self::check_draw_block(&record.deadlines), |due| {
				forget(due, job)
			});
			let _ = TraceLeaves::<T>::clear_prefix(job, T::MaxReplicas::get(), None);
			let _ = SpotCheckReveals::<T>::clear_prefix(job, crate::MaxCommittee::get(), None);
			CheckPlans::<T>::remove(job);
		}
		Escrowed::<T>::mutate(|total| *total = total.saturating_sub(record.bounty));
		RequesterJobs::<T>::remove(&record.requester, job);
		Self::leave_queue(record.netuid, job, &record.requester);
		let miners = T::MaxReplicas::get();
		let _ = ResultCommits::<T>::clear_prefix(job, miners, None);
		let _ = ResultReveals::<T>::clear_prefix(job, miners, None);
		let seats = crate::MaxCommittee::get();
		let _ = VerificationCommits::<T>::clear_prefix(job, seats, None);
		let _ = VerificationReveals::<T>::clear_prefix(job, seats, None);
		let _ = StatisticsCommits::<T>::clear_prefix(job, miners, None);
		let _ = StatisticsSubmissions::<T>::clear_prefix(job, miners, None);
		if let Some(miners) = Assignments::<T>::take(job) {
			// Its miners have a slot free again: the subnet's waiting jobs may fit now.
			if AwaitingAssignment::<T>::contains_key(record.netuid) {
				let next = frame_system::Pallet::<T>::block_number().saturating_add(One::one());
				Self::retry_queue_from(record.netuid, next);
			}
			for miner in miners {
				MinerLoad::<T>::mutate_exists(&miner, crate::decrement);
				MinerRequesterLoad::<T>::mutate_exists(&miner, &record.requester, |load| {
					crate::decrement(load)
				});
				MinerJobs::<T>::remove(&miner, job);
				T::StakeLock::unlock(STAKE_LOCK, &miner);
			}
		}
		if let Some(committee) = Committees::<T>::take(job) {
			for seat in committee {
				CommitteeJobs::<T>::remove(&seat.hotkey, job);
				T::StakeLock::unlock(STAKE_LOCK, &seat.hotkey);
			}
		}
		RequesterJobCount::<T>::mutate_exists(&record.requester, crate::decrement);
		JobRecords::<T>::remove(job);
		released
	}

	/// Forgets the outcomes whose retention ends at `now`; returns how many jobs.
	pub(crate) fn prune_outcomes(now: BlockNumberFor<T>) -> u32 {
		let pruned = PruneAt::<T>::take(now);
		for job in &pruned {
			Outcomes::<T>::remove(job);
			Statistics::<T>::remove(job);
		}
		pruned.len() as u32
	}

	/// Refunds the jobs still unassigned at their assignment deadline `now`; returns how
	/// many jobs had that deadline.
	pub(crate) fn expire_jobs(now: BlockNumberFor<T>) -> u32 {
		let expiring = AssignmentExpiries::<T>::take(now);
		for job in &expiring {
			if let Some(record) = JobRecords::<T>::get(job) {
				if record.state == JobState::Posted {
					let refund = Self::close(*job, &record);
					Self::deposit_event(Event::JobExpired { job: *job, refund });
				}
			}
		}
		expiring.len() as u32
	}

	/// A seed for the draw `context` of `job`, if the randomness behind it became known
	/// strictly after block `fixed_at` (when the drawn-for thing was fixed); `None` means the
	/// draw must wait.
	pub(crate) fn fresh_seed(
		context: &[u8],
		job: JobId,
		fixed_at: BlockNumberFor<T>,
	) -> Option<[u8; 32]> {
		let (random, known_since) = T::Randomness::random(&(context, job).encode());
		let random = random.filter(|_| known_since > fixed_at)?;
		let mut seed = [0u8; 32];
		let bytes = random.encode();
		let n = bytes.len().min(32);
		seed[..n].copy_from_slice(&bytes[..n]);
		Some(seed)
	}

	/// Keeps a settled job's results readable until `OutcomeRetention` blocks from now, or
	/// the first block after that with room in its pruning index.
	pub(crate) fn retain_until_pruned(job: JobId) {
		let mut at =
			frame_system::Pallet::<T>::block_number().saturating_add(T::OutcomeRetention::get());
		// A block that drains the settlement backlog settles more jobs than one block's index
		// holds: the rest are pruned in the blocks after, never dropped (a dropped job's
		// outcome would stay in storage for good). The backlog and the block's own jobs fill
		// at most this many indexes.
		let indexes = T::MaxSettlementBacklog::get() / T::MaxExpiriesPerBlock::get().max(1) + 2;
		for _ in 0..indexes {
			if PruneAt::<T>::mutate(at, |due| due.try_push(job).is_ok()) {
				return;
			}
			at = at.saturating_add(One::one());
		}
		frame_support::defensive!(
			"more settlements in one block than the backlog and the block's own"
		);
	}

	/// The block in which a job with `deadlines` learns whether it is verified: the first
	/// whose randomness was revealed after the miners' commits closed, so that no miner
	/// knows it when committing.
	pub(crate) fn sampling_block(deadlines: &DeadlinesOf<T>) -> BlockNumberFor<T> {
		deadlines.commit_by.saturating_add(2u32.into())
	}

	/// The block in which a job with `deadlines` settles: right after the reveals close.
	pub(crate) fn settlement_block(deadlines: &DeadlinesOf<T>) -> BlockNumberFor<T> {
		deadlines.reveal_by.saturating_add(One::one())
	}

	/// What the hook spends on other pallets beyond its benchmarked storage work: a stake
	/// lock per party of each job drawn, an unlock per party of each settled. Slashes are
	/// charged as they happen ([`Pallet::penalty_weight`]).
	pub(crate) fn party_weight(drawn: u32, settled: u32) -> Weight {
		let parties = T::MaxReplicas::get().saturating_add(crate::MaxCommittee::get());
		let per_party = T::StakeLock::lock_weight().saturating_mul(parties as u64);
		per_party.saturating_mul(drawn.saturating_add(settled) as u64)
	}

	/// What `penalties` slashes cost, each walking up to every staker of its hotkey.
	pub fn penalty_weight(penalties: u32) -> Weight {
		T::Slash::slash_weight().saturating_mul(penalties as u64)
	}
}

/// Takes `job` out of a per-block index, dropping the index once it is empty.
fn forget<S: Get<u32>>(due: &mut Option<frame_support::BoundedVec<JobId, S>>, job: JobId) {
	if let Some(jobs) = due {
		jobs.retain(|id| *id != job);
		if jobs.is_empty() {
			*due = None;
		}
	}
}
