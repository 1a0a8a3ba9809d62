//! The pallet's invariants, checked by `try_state` after every block of the tests and of
//! `try-runtime`.

use crate::{pallet::*, types::*, BalanceOf, JobId};
use frame_support::{
	ensure,
	traits::{fungible::InspectHold, Get},
};
use sp_runtime::traits::{Saturating, Zero};
use synod_primitives::stake::StakeLock;

impl<T: Config> Pallet<T> {
	/// The invariants: the escrow held equals [`Escrowed`], which equals the sum of the
	/// bounties of the jobs in storage; per-requester and per-miner indexes and counts
	/// match the jobs; every job is in the indexes of its deadlines; every miner and
	/// committee member of a job in flight holds a stake lock, and none is the requester's;
	/// every recorded settlement paid, burnt and refunded exactly its bounty, so no
	/// requester got back more than it posted.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::BTreeMap;
		let mut bounties = BalanceOf::<T>::zero();
		let mut per_requester: BTreeMap<T::AccountId, (u32, BalanceOf<T>)> = BTreeMap::new();
		let mut load: BTreeMap<T::AccountId, u32> = BTreeMap::new();
		let mut requester_load: BTreeMap<(T::AccountId, T::AccountId), u32> = BTreeMap::new();
		let mut seats = 0usize;
		let mut deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		for (job, record) in JobRecords::<T>::iter() {
			bounties = bounties.saturating_add(record.bounty);
			let entry = per_requester.entry(record.requester.clone()).or_default();
			entry.0 += 1;
			entry.1 = entry.1.saturating_add(record.bounty);
			ensure!(
				RequesterJobs::<T>::contains_key(&record.requester, job),
				"a job missing from its requester's index"
			);
			ensure!(
				record.sampled.is_some()
					|| SamplingDue::<T>::get(Self::sampling_block(&record.deadlines))
						.contains(&job),
				"an undrawn job missing from the sampling index"
			);
			match record.state {
				JobState::Posted => {
					ensure!(
						AssignmentExpiries::<T>::get(record.deadlines.assign_by).contains(&job),
						"a posted job missing from the expiry index"
					);
					ensure!(
						AwaitingAssignment::<T>::get(record.netuid).contains(&job),
						"a posted job not waiting for miners"
					);
					ensure!(
						QueueDeposits::<T>::get(job) == Some(T::QueueDeposit::get())
							|| (T::QueueDeposit::get().is_zero()
								&& !QueueDeposits::<T>::contains_key(job)),
						"a waiting job without its queue deposit"
					);
					*deposits.entry(record.requester.clone()).or_default() = deposits
						.get(&record.requester)
						.copied()
						.unwrap_or_default()
						.saturating_add(QueueDeposits::<T>::get(job).unwrap_or_default());
					ensure!(
						SettlementDue::<T>::get(Self::settlement_block(&record.deadlines))
							.contains(&job),
						"a job missing from the settlement index"
					);
				},
				JobState::Assigned => {
					ensure!(
						SettlementDue::<T>::get(Self::settlement_block(&record.deadlines))
							.contains(&job) || SettlementBacklog::<T>::get().contains(&job),
						"a job missing from the settlement index and the backlog"
					);
					ensure!(
						!QueueDeposits::<T>::contains_key(job),
						"an assigned job still holds a queue deposit"
					);
					let miners = Assignments::<T>::get(job).unwrap_or_default();
					ensure!(
						miners.len() == record.replicas as usize,
						"an assigned job without its replicas"
					);
					for miner in miners.iter() {
						*load.entry(miner.clone()).or_default() += 1;
						*requester_load
							.entry((miner.clone(), record.requester.clone()))
							.or_default() += 1;
						ensure!(T::StakeLock::is_locked(miner), "an assigned miner unlocked");
						ensure!(
							!Self::is_requesters(miner, &record.requester),
							"a requester's own hotkey mines its job"
						);
					}
					if let Some(committee) = Committees::<T>::get(job) {
						ensure!(record.sampled == Some(true), "a committee on an unverified job");
						ensure!(
							committee.len() <= record.policy.committee_size as usize,
							"a committee larger than its policy"
						);
						for seat in committee.iter() {
							seats += 1;
							ensure!(
								CommitteeJobs::<T>::contains_key(&seat.hotkey, job),
								"a committee seat missing from its member's index"
							);
							ensure!(
								T::StakeLock::is_locked(&seat.hotkey),
								"a committee member unlocked"
							);
							ensure!(
								!miners.contains(&seat.hotkey)
									&& !Self::is_requesters(&seat.hotkey, &record.requester),
								"a miner or the requester sits on its job's committee"
							);
						}
					}
				},
			}
		}
		ensure!(bounties == Escrowed::<T>::get(), "Escrowed differs from the bounties");
		ensure!(
			RequesterJobs::<T>::iter_keys().count()
				== per_requester.values().map(|(n, _)| *n as usize).sum::<usize>(),
			"the requester index holds a job that does not exist"
		);
		for (requester, (count, held)) in &per_requester {
			ensure!(
				RequesterJobCount::<T>::get(requester) == *count,
				"a requester's job count is wrong"
			);
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::Escrow.into(), requester) == *held,
				"a requester's escrow hold differs from its bounties"
			);
		}
		ensure!(
			RequesterJobCount::<T>::iter().count() == per_requester.len(),
			"a job count for a requester without jobs"
		);
		for (job, miner, _) in ResultCommits::<T>::iter() {
			ensure!(
				Assignments::<T>::get(job).is_some_and(|miners| miners.contains(&miner)),
				"a result commitment from a miner not assigned"
			);
		}
		for (job, validator) in VerificationReveals::<T>::iter_keys() {
			ensure!(
				VerificationCommits::<T>::contains_key(job, &validator),
				"a verification reveal without its commitment"
			);
		}
		for (job, validator) in VerificationCommits::<T>::iter_keys() {
			ensure!(
				CommitteeJobs::<T>::contains_key(&validator, job),
				"a verification commitment from outside the committee"
			);
		}
		let scheduled: alloc::collections::BTreeSet<JobId> =
			PruneAt::<T>::iter_values().flat_map(|jobs| jobs.into_inner()).collect();
		for job in Outcomes::<T>::iter_keys().chain(Statistics::<T>::iter_keys()) {
			ensure!(scheduled.contains(&job), "a settled outcome never to be pruned");
		}
		for outcome in Outcomes::<T>::iter_values() {
			let paid = outcome
				.miner_payouts
				.iter()
				.chain(outcome.validator_payouts.iter())
				.fold(outcome.burnt.saturating_add(outcome.refunded), |sum, (_, amount)| {
					sum.saturating_add(*amount)
				});
			ensure!(paid == outcome.bounty, "a settlement paid out other than its bounty");
			ensure!(outcome.refunded <= outcome.bounty, "a requester got back more than it posted");
		}
		for (job, provider) in StatisticsCommits::<T>::iter_keys() {
			ensure!(
				Assignments::<T>::get(job).is_some_and(|miners| miners.contains(&provider)),
				"moments from a provider not assigned"
			);
		}
		for (job, provider) in StatisticsSubmissions::<T>::iter_keys() {
			ensure!(
				StatisticsCommits::<T>::contains_key(job, &provider),
				"moments revealed without their commitment"
			);
		}
		Self::try_state_traces()?;
		for (job, miner) in ResultReveals::<T>::iter_keys() {
			ensure!(
				ResultCommits::<T>::contains_key(job, &miner),
				"a reveal without its commitment"
			);
		}
		ensure!(
			MinerLoad::<T>::iter().collect::<BTreeMap<_, _>>() == load,
			"miner loads differ from the assignments"
		);
		for (miner, job) in MinerJobs::<T>::iter_keys() {
			ensure!(
				Assignments::<T>::get(job).is_some_and(|miners| miners.contains(&miner)),
				"a miner's job index names a job it is not assigned"
			);
		}
		ensure!(
			MinerJobs::<T>::iter_keys().count() as u32 == load.values().sum::<u32>(),
			"a miner's job index misses an assignment"
		);
		ensure!(
			MinerRequesterLoad::<T>::iter()
				.map(|(miner, requester, n)| ((miner, requester), n))
				.collect::<BTreeMap<_, _>>()
				== requester_load,
			"miner loads per requester differ from the assignments"
		);
		ensure!(
			CommitteeJobs::<T>::iter_keys().count() == seats,
			"a committee index names a seat that does not exist"
		);
		for (netuid, queue) in AwaitingAssignment::<T>::iter() {
			ensure!(!queue.is_empty(), "an empty assignment queue is stored");
			ensure!(
				AssignmentRetryAt::<T>::contains_key(netuid),
				"a queue without its retry block"
			);
			ensure!(
				queue.iter().all(|job| JobRecords::<T>::get(job).is_some_and(|record| {
					record.state == JobState::Posted && record.netuid == netuid
				})),
				"a job waits for miners that is not posted on that subnet"
			);
		}
		ensure!(
			AssignmentRetryAt::<T>::iter_keys().all(AwaitingAssignment::<T>::contains_key),
			"a retry block for a subnet without a queue"
		);
		ensure!(
			QueueDeposits::<T>::iter_keys().all(|job| JobRecords::<T>::get(job)
				.is_some_and(|record| record.state == JobState::Posted)),
			"a queue deposit for a job that does not wait"
		);
		for (requester, held) in &deposits {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::QueueDeposit.into(), requester) == *held,
				"a requester's queue-deposit hold differs from its waiting jobs"
			);
		}
		ensure!(
			SettlementBacklog::<T>::get().iter().all(|job| JobRecords::<T>::get(job)
				.is_some_and(|record| record.state == JobState::Assigned)),
			"a settlement backlog entry for a job that is not in flight"
		);
		Ok(())
	}

	/// Spot checks: every spot-checked job in flight waits in its plan's index until that
	/// block; every opened trace belongs to one, has its layout's leaf count and is the root
	/// its miner revealed; every plan's places are distinct leaves of that layout, ascending;
	/// every report opened a committed member's commitment.
	fn try_state_traces() -> Result<(), sp_runtime::TryRuntimeError> {
		let now = frame_system::Pallet::<T>::block_number();
		for (job, record) in JobRecords::<T>::iter() {
			let draw = Self::check_draw_block(&record.deadlines);
			if Self::spot_check_layout(&record).is_some() && now < draw {
				ensure!(
					CheckDrawDue::<T>::get(draw).contains(&job),
					"a spot-checked job missing from its plan's index"
				);
			}
		}
		for (job, miner, leaves) in TraceLeaves::<T>::iter() {
			let record = JobRecords::<T>::get(job).ok_or("a trace of a job not in flight")?;
			let layout =
				Self::spot_check_layout(&record).ok_or("a trace of a job verified whole")?;
			ensure!(leaves.len() as u32 == layout.segments() + 2, "a trace of the wrong length");
			ensure!(
				ResultReveals::<T>::get(job, &miner).map(|reveal| reveal.result)
					== Some(crate::JobResult::Digest(synod_trace::root(&leaves))),
				"a trace that is not the root its miner revealed"
			);
		}
		for (job, plan) in CheckPlans::<T>::iter() {
			let record = JobRecords::<T>::get(job).ok_or("a plan of a job not in flight")?;
			let layout =
				Self::spot_check_layout(&record).ok_or("a plan of a job verified whole")?;
			ensure!(
				!plan.places.is_empty()
					&& plan.places.windows(2).all(|pair| pair[0] < pair[1])
					&& plan.places.iter().all(|place| *place <= layout.segments() + 1),
				"a plan whose places are not distinct leaves of its trace"
			);
		}
		for (job, validator) in SpotCheckReveals::<T>::iter_keys() {
			ensure!(
				VerificationCommits::<T>::contains_key(job, &validator),
				"a spot-check report without its commitment"
			);
		}
		Ok(())
	}
}
