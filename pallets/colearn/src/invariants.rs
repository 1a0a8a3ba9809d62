//! The pallet's invariants, checked by `try_state` and after every test.

use crate::{pallet::*, BalanceOf, ExperimentId, ExperimentStatus};
use alloc::{collections::BTreeMap, vec::Vec};
use frame_support::{ensure, traits::fungible::InspectHold};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::{Saturating, Zero};
use synod_primitives::stake::StakeLock;

impl<T: Config> Pallet<T> {
	/// The invariants:
	/// - the pools of open experiments are what their creators hold, closed ones hold
	///   nothing, and each creator's deposit hold is its open experiments' deposits;
	/// - each open experiment is due exactly once, in the block after its phase ends;
	/// - learner and applicant counts match; every learner and applicant of an open
	///   experiment is recorded as learning there and nowhere else, and every learner's
	///   hotkey holds a stake lock; closed experiments keep neither;
	/// - no privacy account is above its experiment's budget or kept without one, and a
	///   closed experiment's accounts are only kept while a sweep will drop them;
	/// - the head is the last lineage entry.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let mut held: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut deposits: BTreeMap<T::AccountId, (u32, BalanceOf<T>)> = BTreeMap::new();
		let mut open = 0u32;
		let mut members = 0usize;
		let due: Vec<(BlockNumberFor<T>, ExperimentId)> = PhaseDue::<T>::iter()
			.flat_map(|(block, ids)| ids.into_iter().map(move |id| (block, id)))
			.collect();
		for (experiment, record) in Experiments::<T>::iter() {
			let entry = held.entry(record.creator.clone()).or_default();
			*entry = entry.saturating_add(record.pool);
			let scheduled: Vec<_> = due.iter().filter(|(_, id)| *id == experiment).collect();
			match record.status {
				ExperimentStatus::Open => {
					open += 1;
					let entry = deposits.entry(record.creator.clone()).or_default();
					entry.0 += 1;
					entry.1 = entry
						.1
						.saturating_add(CreationDeposits::<T>::get(experiment).unwrap_or_default());
					ensure!(
						SkippedRounds::<T>::get(experiment) < record.config.max_skipped_rounds,
						"an open experiment skipped its most rounds"
					);
					ensure!(
						scheduled.len() == 1
							&& scheduled[0].0 == record.phase_ends.saturating_add(1u32.into()),
						"an open experiment not due exactly once, after its phase"
					);
				},
				ExperimentStatus::Closed => {
					ensure!(record.pool.is_zero(), "a closed experiment keeps a pool");
					ensure!(!record.closing, "a closed experiment still closing");
					ensure!(
						!CreationDeposits::<T>::contains_key(experiment)
							&& !SkippedRounds::<T>::contains_key(experiment),
						"a closed experiment keeps its deposit or skip count"
					);
					ensure!(scheduled.is_empty(), "a closed experiment is still due");
					ensure!(
						AccountsToSweep::<T>::contains_key(experiment)
							|| PrivacyAccounts::<T>::iter_prefix(experiment).next().is_none(),
						"a closed experiment keeps privacy accounts that no sweep will drop"
					);
				},
			}
			let learners: Vec<T::AccountId> = Learners::<T>::iter_key_prefix(experiment).collect();
			let applicants: Vec<T::AccountId> =
				Applicants::<T>::iter_key_prefix(experiment).collect();
			ensure!(learners.len() as u32 == record.learners, "a learner count differs");
			ensure!(applicants.len() as u32 == record.applicants, "an applicant count differs");
			ensure!(
				record.status == ExperimentStatus::Open
					|| (learners.is_empty() && applicants.is_empty()),
				"a closed experiment keeps learners or applicants"
			);
			members += learners.len() + applicants.len();
			for member in learners.iter().chain(applicants.iter()) {
				ensure!(
					LearningIn::<T>::get(member) == Some(experiment),
					"a learner or applicant not recorded as learning there"
				);
			}
			ensure!(
				learners.iter().all(|learner| T::StakeLock::is_locked(learner)),
				"a learner whose stake is not locked"
			);
			for (_, account) in PrivacyAccounts::<T>::iter_prefix(experiment) {
				let budget = record
					.config
					.privacy
					.ok_or("a privacy account in an experiment without a budget")?;
				ensure!(
					account.epsilon_micros <= budget.epsilon_micros,
					"a privacy account above its budget"
				);
			}
			let head = Lineage::<T>::get(experiment, record.lineage_len.saturating_sub(1))
				.ok_or("an experiment without its head in the lineage")?;
			ensure!(head.hash == record.head, "the head is not the last lineage entry");
			ensure!(
				!Lineage::<T>::contains_key(experiment, record.lineage_len),
				"a lineage entry past the head"
			);
		}
		ensure!(open == OpenExperiments::<T>::get(), "the open count is wrong");
		ensure!(
			LearningIn::<T>::iter().count() == members,
			"a hotkey recorded as learning where it is neither learner nor applicant"
		);
		ensure!(
			PhaseDue::<T>::iter_values().all(|ids| !ids.is_empty()),
			"an empty entry in the phase index"
		);
		for experiment in AccountsToSweep::<T>::iter_keys() {
			ensure!(
				Experiments::<T>::get(experiment)
					.is_some_and(|record| record.status == ExperimentStatus::Closed),
				"an experiment to sweep that is not closed"
			);
		}
		for (experiment, _) in PrivacyAccounts::<T>::iter_keys() {
			ensure!(
				Experiments::<T>::contains_key(experiment),
				"a privacy account of an unknown experiment"
			);
		}
		ensure!(
			CreatorOpenExperiments::<T>::iter().count() == deposits.len(),
			"an open count for a creator without open experiments"
		);
		for (creator, (count, deposit)) in deposits {
			ensure!(
				CreatorOpenExperiments::<T>::get(&creator) == count,
				"a creator's open count differs from its experiments"
			);
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::CreationDeposit.into(), &creator)
					== deposit,
				"a creator's deposit hold differs from its open experiments"
			);
		}
		for (creator, pools) in held {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::RewardPool.into(), &creator) == pools,
				"a creator's hold differs from its experiments' pools"
			);
		}
		Ok(())
	}
}
