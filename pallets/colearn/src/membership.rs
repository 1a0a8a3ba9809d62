//! Who is in an experiment, and how an experiment ends: admitting a learner (and locking its
//! stake), closing (releasing the pool, the deposit and every lock) and sweeping the privacy
//! accounts that a close could not drop in its own weight.

use crate::{pallet::*, ExperimentId, ExperimentStatus, LearnerInfo, WeightInfo, STAKE_LOCK};
use frame_support::{
	traits::{fungible::MutateHold, tokens::Precision, Get},
	weights::Weight,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::{Saturating, Zero};
use synod_primitives::{stake::StakeLock, subnet::HotkeyOwnership};

impl<T: Config> Pallet<T> {
	/// Makes `learner` a learner of `experiment` under the coldkey that owns it now (itself,
	/// if none does), and locks its stake. The caller records it in [`LearningIn`].
	pub(crate) fn admit(
		experiment: ExperimentId,
		record: &mut ExperimentOf<T>,
		learner: &T::AccountId,
	) {
		record.learners += 1;
		let coldkey = T::Hotkeys::owner_of(learner).unwrap_or_else(|| learner.clone());
		Learners::<T>::insert(
			experiment,
			learner,
			LearnerInfo { coldkey, joined_at: frame_system::Pallet::<T>::block_number() },
		);
		T::StakeLock::lock(STAKE_LOCK, learner);
	}

	/// Returns what is left of the pool to the creator, takes the experiment out of the
	/// round index, forgets the round, the learners (releasing their locks) and the
	/// applicants, and marks the experiment closed; its lineage stays.
	pub(crate) fn close(experiment: ExperimentId, mut record: ExperimentOf<T>) {
		// Called from the hook too, after it took this block's entry: an entry left empty is
		// removed, not written back as an empty list.
		PhaseDue::<T>::mutate_exists(record.phase_ends.saturating_add(1u32.into()), |due| {
			if let Some(ids) = due {
				ids.retain(|id| *id != experiment);
				if ids.is_empty() {
					*due = None;
				}
			}
		});
		let refund = T::Currency::release(
			&HoldReason::RewardPool.into(),
			&record.creator,
			record.pool,
			Precision::BestEffort,
		)
		.unwrap_or_else(|_| Zero::zero());
		Self::clear_round(experiment);
		// At most `max_learners` of each, which is at most `MaxLearners`.
		for (learner, _) in Learners::<T>::drain_prefix(experiment) {
			T::StakeLock::unlock(STAKE_LOCK, &learner);
			LearningIn::<T>::remove(&learner);
		}
		for (applicant, ()) in Applicants::<T>::drain_prefix(experiment) {
			LearningIn::<T>::remove(&applicant);
		}
		let bound = T::MaxLearners::get();
		if PrivacyAccounts::<T>::clear_prefix(experiment, bound, None).maybe_cursor.is_some() {
			AccountsToSweep::<T>::insert(experiment, frame_system::Pallet::<T>::block_number());
		}
		record.pool = Zero::zero();
		record.status = ExperimentStatus::Closed;
		record.proposer = None;
		record.closing = false;
		record.learners = 0;
		record.applicants = 0;
		if let Some(deposit) = CreationDeposits::<T>::take(experiment) {
			let _ = T::Currency::release(
				&HoldReason::CreationDeposit.into(),
				&record.creator,
				deposit,
				Precision::BestEffort,
			);
		}
		CreatorOpenExperiments::<T>::mutate_exists(&record.creator, |count| {
			*count = count.and_then(|c| c.checked_sub(1)).filter(|c| *c > 0)
		});
		SkippedRounds::<T>::remove(experiment);
		Experiments::<T>::insert(experiment, record);
		OpenExperiments::<T>::mutate(|open| *open = open.saturating_sub(1));
		Self::deposit_event(Event::ExperimentClosed { experiment, refund });
	}

	/// What closing an experiment weighs: the benchmarked close, which has the most
	/// learners, votes, applicants and privacy accounts (more than it drops).
	pub(crate) fn close_weight() -> Weight {
		T::WeightInfo::close_experiment()
	}

	/// Drops, within `limit`, up to `MaxLearners` privacy accounts of the first experiment in
	/// [`AccountsToSweep`] that closed before `now`, and its entry there with the last of
	/// them. Returns the weight used: nothing when `limit` cannot pay for one account.
	pub(crate) fn sweep_accounts(now: BlockNumberFor<T>, limit: Weight) -> Weight {
		let look = T::DbWeight::get().reads(1);
		// The most accounts whose sweep fits: the weight grows with them, so a halving search
		// over at most `MaxLearners` finds it in a few evaluations.
		let fits = |n: u32| T::WeightInfo::sweep_accounts(n).saturating_add(look).all_lte(limit);
		if !fits(1) {
			return Weight::zero();
		}
		let Some((experiment, closed)) = AccountsToSweep::<T>::iter().next() else {
			return look;
		};
		if closed >= now {
			return look;
		}
		let (mut low, mut high) = (1u32, T::MaxLearners::get().max(1));
		while low < high {
			let middle = low + (high - low).div_ceil(2);
			if fits(middle) {
				low = middle;
			} else {
				high = middle - 1;
			}
		}
		let removal = PrivacyAccounts::<T>::clear_prefix(experiment, low, None);
		if removal.maybe_cursor.is_none() {
			AccountsToSweep::<T>::remove(experiment);
		}
		T::WeightInfo::sweep_accounts(removal.loops.max(1)).saturating_add(look)
	}

	/// Forgets the current round's proposal and votes.
	pub(crate) fn clear_round(experiment: ExperimentId) {
		let bound = T::MaxLearners::get();
		Proposals::<T>::remove(experiment);
		let _ = VoteCommits::<T>::clear_prefix(experiment, bound, None);
		let _ = VoteReveals::<T>::clear_prefix(experiment, bound, None);
	}
}
