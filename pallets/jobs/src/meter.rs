//! The block hook, metered: whatever is queued, it spends at most
//! [`Config::MaxHookWeight`] (and, past it, at most one settlement's slashes), and what does
//! not fit waits for the next block in order.
//!
//! 1. The per-block indexes, each bounded by [`Config::MaxExpiriesPerBlock`]: pruning,
//!    verification draws, spot-check plans and expiries. Their worst case is reserved first; `integrity_test`
//!    checks it fits in the hook's weight.
//! 2. Settlements: the backlog first, then the block's own, each charged before it runs
//!    (storage and unlocks) and for its slashes after, since only settlement knows who is
//!    penalised. At least one settles every block, so the backlog always drains; what does
//!    not fit joins [`SettlementBacklog`]. A backlog already full is settled over the
//!    budget rather than dropped: its jobs hold escrow that must come back.
//! 3. Assignment tries with what is left (`queue.rs`).
//!
//! Expiry runs after assignment, so a job may still be assigned in its `assign_by` block;
//! its weight is reserved before assignment starts.

use crate::{pallet::*, JobId, WeightInfo};
use alloc::vec::Vec;
use frame_support::{traits::Get, weights::Weight, BoundedVec};
use frame_system::pallet_prelude::BlockNumberFor;

/// The hook's weight account: what it may spend and what it spent. Unlike
/// `WeightMeter`, it may be overdrawn (by the work that must run whatever the budget:
/// the reserved indexes, a full backlog, slashes known only once done), and says so.
pub(crate) struct HookMeter {
	limit: Weight,
	used: Weight,
}

impl HookMeter {
	pub(crate) fn with_limit(limit: Weight) -> Self {
		Self { limit, used: Weight::zero() }
	}

	/// Spends `weight` if it fits in what is left; returns whether it did.
	pub(crate) fn try_consume(&mut self, weight: Weight) -> bool {
		let after = self.used.saturating_add(weight);
		let fits = after.all_lte(self.limit);
		if fits {
			self.used = after;
		}
		fits
	}

	/// Spends `weight` whether or not it fits.
	pub(crate) fn consume(&mut self, weight: Weight) {
		self.used = self.used.saturating_add(weight);
	}

	pub(crate) fn used(&self) -> Weight {
		self.used
	}
}

impl<T: Config> Pallet<T> {
	/// The worst case of the per-block indexes: pruning, draws (with their committees'
	/// locks) and expiries, each at [`Config::MaxExpiriesPerBlock`].
	pub fn indexes_weight() -> Weight {
		let most = T::MaxExpiriesPerBlock::get();
		T::WeightInfo::prune_outcomes(most)
			.saturating_add(T::WeightInfo::draw_samples(most))
			.saturating_add(T::WeightInfo::draw_checks(most))
			.saturating_add(T::WeightInfo::expire_jobs(most))
			.saturating_add(Self::party_weight(most, 0))
			.saturating_add(T::DbWeight::get().reads_writes(1, 1))
	}

	/// What one settlement costs before its slashes: its benchmarked storage work and the
	/// unlocks of its parties.
	pub fn settlement_weight() -> Weight {
		let whole = T::WeightInfo::settle_jobs(1).saturating_sub(T::WeightInfo::settle_jobs(0));
		let spot_checked = T::WeightInfo::settle_spot_checked(1)
			.saturating_sub(T::WeightInfo::settle_spot_checked(0));
		whole.max(spot_checked).saturating_add(Self::party_weight(0, 1))
	}

	/// Runs the block hook for block `now` within [`Config::MaxHookWeight`]; returns the
	/// weight it used.
	pub(crate) fn run_hook(now: BlockNumberFor<T>) -> Weight {
		let mut meter = HookMeter::with_limit(T::MaxHookWeight::get());
		let expiry_reserve = T::WeightInfo::expire_jobs(T::MaxExpiriesPerBlock::get());
		let pruned = Self::prune_outcomes(now);
		meter.consume(T::WeightInfo::prune_outcomes(pruned));
		let drawn = Self::draw_samples(now);
		meter.consume(
			T::WeightInfo::draw_samples(drawn).saturating_add(Self::party_weight(drawn, 0)),
		);
		let planned = Self::draw_checks(now);
		meter.consume(T::WeightInfo::draw_checks(planned));
		meter.consume(expiry_reserve);
		Self::settle_within(now, &mut meter);
		Self::assign_waiting(now, &mut meter);
		let expired = Self::expire_jobs(now);
		meter
			.used()
			.saturating_sub(expiry_reserve)
			.saturating_add(T::WeightInfo::expire_jobs(expired))
	}

	/// Settles the backlog and the jobs due in block `now` while `meter` allows, at least
	/// one; keeps the rest in the backlog. Returns how many it settled.
	pub(crate) fn settle_within(now: BlockNumberFor<T>, meter: &mut HookMeter) -> u32 {
		meter.consume(T::DbWeight::get().reads_writes(2, 2));
		let mut due: Vec<JobId> = SettlementBacklog::<T>::take().into_inner();
		due.extend(SettlementDue::<T>::take(now));
		let per_job = Self::settlement_weight();
		let mut settled = 0u32;
		let mut next = 0usize;
		while next < due.len() {
			if !meter.try_consume(per_job) {
				if settled > 0 {
					break;
				}
				meter.consume(per_job);
			}
			meter.consume(Self::settle(due[next]));
			settled = settled.saturating_add(1);
			next += 1;
		}
		let room = T::MaxSettlementBacklog::get() as usize;
		let waiting = due.len() - next;
		// A full backlog is settled over the budget: dropping a job would strand its escrow.
		for job in due.iter().skip(next).take(waiting.saturating_sub(room)).copied() {
			meter.consume(per_job);
			meter.consume(Self::settle(job));
			settled = settled.saturating_add(1);
		}
		let kept: Vec<JobId> = due.into_iter().skip(next + waiting.saturating_sub(room)).collect();
		SettlementBacklog::<T>::put(BoundedVec::truncate_from(kept));
		settled
	}
}
