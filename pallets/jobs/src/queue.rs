//! The assignment queues: one per subnet, each tried only when its eligibility can have
//! changed, as far as the block hook's weight allows.
//!
//! - A posted job waits in its subnet's queue ([`AwaitingAssignment`]) with
//!   [`Config::QueueDeposit`] held from its requester, until it is assigned, cancelled or
//!   expires; the deposit is released when it leaves the queue.
//! - A queue is tried from the block in [`AssignmentRetryAt`]: two blocks after a posting
//!   (when the draw's randomness is fresh), the block after one of the subnet's jobs
//!   releases its miners (a slot opened), and otherwise every
//!   [`Config::AssignmentRetryPeriod`] blocks, which covers what this pallet cannot see:
//!   registrations, stake and epochs. A queue of jobs that cannot be served so costs one
//!   pass a period, not one a block.
//! - Each try is charged before it runs; when the hook's meter cannot pay for the next one,
//!   [`AssignmentCursor`] keeps the subnet and position, and the next block starts there,
//!   so every queue is reached in turn whatever the others hold.

use crate::{meter::HookMeter, pallet::*, JobId, NetUid, WeightInfo};
use alloc::vec::Vec;
use frame_support::{
	ensure,
	pallet_prelude::DispatchResult,
	traits::{fungible::MutateHold, tokens::Precision, Get},
	weights::Weight,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::Saturating;

impl<T: Config> Pallet<T> {
	/// Makes `netuid`'s queue due for a try at block `at` at the latest.
	pub(crate) fn retry_queue_from(netuid: NetUid, at: BlockNumberFor<T>) {
		AssignmentRetryAt::<T>::mutate(netuid, |retry| {
			*retry = Some(retry.map_or(at, |due| due.min(at)));
		});
	}

	/// Takes `job` out of `netuid`'s queue and releases its queue deposit to `requester`;
	/// nothing if it was not queued.
	pub(crate) fn leave_queue(netuid: NetUid, job: JobId, requester: &T::AccountId) {
		let mut queue = AwaitingAssignment::<T>::get(netuid);
		queue.retain(|id| *id != job);
		Self::store_queue(netuid, queue);
		Self::release_queue_deposit(job, requester);
	}

	/// Releases the queue deposit of `job` to `requester`, if it holds one.
	fn release_queue_deposit(job: JobId, requester: &T::AccountId) {
		if let Some(deposit) = QueueDeposits::<T>::take(job) {
			let _ = T::Currency::release(
				&HoldReason::QueueDeposit.into(),
				requester,
				deposit,
				Precision::BestEffort,
			);
		}
	}

	/// Writes `netuid`'s queue, dropping its entries (and its retry block) once it is empty.
	fn store_queue(
		netuid: NetUid,
		queue: frame_support::BoundedVec<JobId, T::MaxJobsAwaitingAssignment>,
	) {
		if queue.is_empty() {
			AwaitingAssignment::<T>::remove(netuid);
			AssignmentRetryAt::<T>::remove(netuid);
		} else {
			AwaitingAssignment::<T>::insert(netuid, queue);
		}
	}

	/// Takes a posted, unassigned job out of every index and refunds it in full; returns the
	/// refund.
	pub(crate) fn withdraw(job: JobId, record: &crate::JobOf<T>) -> crate::BalanceOf<T> {
		AssignmentExpiries::<T>::mutate(record.deadlines.assign_by, |expiring| {
			expiring.retain(|id| *id != job)
		});
		Self::close(job, record)
	}

	/// Makes room in `netuid`'s queue for a posting at `now`: nothing if it has room; if it
	/// is full, evicts its oldest job once that has waited [`Config::AssignmentPatience`]
	/// blocks, else refuses with `AssignmentQueueFull`.
	pub(crate) fn make_room(netuid: NetUid, now: BlockNumberFor<T>) -> DispatchResult {
		let queue = AwaitingAssignment::<T>::get(netuid);
		if (queue.len() as u32) < T::MaxJobsAwaitingAssignment::get() {
			return Ok(());
		}
		let oldest = *queue.first().ok_or(Error::<T>::AssignmentQueueFull)?;
		let record = JobRecords::<T>::get(oldest).ok_or(Error::<T>::AssignmentQueueFull)?;
		ensure!(
			now >= record.posted_at.saturating_add(T::AssignmentPatience::get()),
			Error::<T>::AssignmentQueueFull
		);
		let refund = Self::withdraw(oldest, &record);
		Self::deposit_event(Event::JobEvicted { job: oldest, refund });
		Ok(())
	}

	/// What one assignment try may cost: the benchmarked try (it reads every neuron of the
	/// subnet) and the stake locks of the parties it may draw.
	pub fn assignment_try_weight() -> Weight {
		T::WeightInfo::assign_jobs(1)
			.saturating_sub(T::WeightInfo::assign_jobs(0))
			.saturating_add(Self::party_weight(1, 0))
	}

	/// Tries the jobs of the queues that are due, from where the last block stopped, while
	/// `meter` pays for them; returns how many jobs it tried.
	pub(crate) fn assign_waiting(now: BlockNumberFor<T>, meter: &mut HookMeter) -> u32 {
		let pass = T::WeightInfo::assign_jobs(0);
		let mut subnets: Vec<(NetUid, BlockNumberFor<T>)> = Vec::new();
		// The retry index has an entry per subnet with a queue: at most one per subnet.
		for entry in AssignmentRetryAt::<T>::iter() {
			meter.consume(T::DbWeight::get().reads(1));
			subnets.push(entry);
		}
		subnets.sort_by_key(|(netuid, _)| *netuid);
		let cursor = AssignmentCursor::<T>::take();
		if let Some((start, _)) = cursor {
			let first = subnets.iter().position(|(netuid, _)| *netuid >= start).unwrap_or(0);
			subnets.rotate_left(first);
		}
		let per_try = Self::assignment_try_weight();
		let mut tried = 0u32;
		for (netuid, retry_at) in subnets {
			let from = match cursor {
				Some((start, position)) if start == netuid => position,
				// A pass the last block could not finish continues whatever the retry block.
				_ if retry_at > now => continue,
				_ => 0,
			};
			if !meter.try_consume(pass.saturating_add(per_try)) {
				AssignmentCursor::<T>::put((netuid, from));
				return tried;
			}
			let queue = AwaitingAssignment::<T>::get(netuid);
			let mut kept = frame_support::BoundedVec::<JobId, T::MaxJobsAwaitingAssignment>::new();
			let mut stopped_at = None;
			for (index, job) in queue.iter().enumerate() {
				if (index as u32) < from {
					let _ = kept.try_push(*job);
					continue;
				}
				// The first try of the pass was paid with the pass.
				if index as u32 > from && !meter.try_consume(per_try) {
					stopped_at = Some(kept.len() as u32);
					for rest in queue.iter().skip(index) {
						let _ = kept.try_push(*rest);
					}
					break;
				}
				tried = tried.saturating_add(1);
				match Self::try_assign(*job) {
					Some(requester) => Self::release_queue_deposit(*job, &requester),
					None => {
						let _ = kept.try_push(*job);
					},
				}
			}
			let unfinished = !kept.is_empty();
			Self::store_queue(netuid, kept);
			if let Some(position) = stopped_at {
				AssignmentCursor::<T>::put((netuid, position));
				return tried;
			}
			if unfinished {
				AssignmentRetryAt::<T>::insert(
					netuid,
					now.saturating_add(T::AssignmentRetryPeriod::get()),
				);
			}
		}
		tried
	}
}
