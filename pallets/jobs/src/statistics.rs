//! Federated statistics jobs: assigned providers submit, per column, the count, sum and sum
//! of squares of their private values (as fixed-point integers); at settlement the pallet
//! combines them into each column's mean, variance and standard deviation. No row ever
//! reaches the chain.

use crate::{pallet::*, settlement::Paid, BalanceOf, JobId, JobKind};
use alloc::vec::Vec;
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{
		fungible::MutateHold,
		tokens::{Fortitude, Precision},
	},
};
use sp_runtime::traits::{Saturating, Zero};
use synod_primitives::job::{aggregate, ColumnMoments};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_submit_statistics(
		provider: T::AccountId,
		job: JobId,
		moments: MomentsOf,
	) -> DispatchResult {
		let record = JobRecords::<T>::get(job).ok_or(Error::<T>::UnknownJob)?;
		let JobKind::FederatedStatistics { columns } = record.spec.kind else {
			return Err(Error::<T>::NotStatistics.into());
		};
		ensure!(record.state == JobState::Assigned, Error::<T>::WrongPhase);
		let providers = Assignments::<T>::get(job).unwrap_or_default();
		ensure!(providers.contains(&provider), Error::<T>::NotAssigned);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now <= record.deadlines.reveal_by, Error::<T>::RevealClosed);
		ensure!(moments.len() == columns as usize, Error::<T>::WrongColumnCount);
		ensure!(
			!StatisticsSubmissions::<T>::contains_key(job, &provider),
			Error::<T>::AlreadyRevealed
		);
		StatisticsSubmissions::<T>::insert(job, &provider, moments);
		Self::deposit_event(Event::StatisticsSubmitted { job, provider });
		Ok(())
	}

	/// Settles a statistics job: the submitting providers share the bounty less the protocol
	/// fee, and the aggregate is kept; with no submission (or sums that overflow) the job is
	/// refunded.
	pub(crate) fn settle_statistics(job: JobId, record: &JobOf<T>, columns: u16) {
		let submissions: Vec<(T::AccountId, MomentsOf)> =
			StatisticsSubmissions::<T>::iter_prefix(job).collect();
		let parts: Vec<Vec<ColumnMoments>> =
			submissions.iter().map(|(_, moments)| moments.clone().into_inner()).collect();
		let summary = aggregate(&parts, columns as usize)
			.and_then(|summary| SummaryOf::try_from(summary).ok());
		let (Some(summary), false) = (summary, submissions.is_empty()) else {
			let refund = Self::close(job, record);
			Self::record_outcome(job, record, None, Default::default(), refund);
			Self::deposit_event(Event::JobRefunded { job, refund });
			return;
		};
		let bounty = record.bounty;
		let burnt = T::Currency::burn_held(
			&HoldReason::Escrow.into(),
			&record.requester,
			T::ProtocolFee::get().mul_floor(bounty),
			Precision::Exact,
			Fortitude::Polite,
		)
		.unwrap_or_else(|_| Zero::zero());
		let share = bounty.saturating_sub(burnt) / (submissions.len() as u32).into();
		let mut to_providers = BalanceOf::<T>::zero();
		let mut paid = Paid::<T> { burnt, ..Default::default() };
		for (provider, _) in &submissions {
			if !share.is_zero() && Self::pay_from_escrow(&record.requester, provider, share) {
				to_providers = to_providers.saturating_add(share);
				let _ = paid.miner_payouts.try_push((provider.clone(), share));
			}
		}
		Statistics::<T>::insert(job, summary);
		let spent = burnt.saturating_add(to_providers);
		let refunded = Self::finish(job, record, bounty.saturating_sub(spent));
		Self::record_outcome(job, record, None, paid, refunded);
		Self::deposit_event(Event::StatisticsSettled { job, to_providers, burnt, refunded });
	}
}
