//! Federated statistics jobs: assigned providers commit to, then reveal, per column, the
//! count, sum and sum of squares of their private values (as fixed-point integers); at
//! settlement the pallet combines them into each column's mean, variance and standard
//! deviation. No row ever reaches the chain.
//!
//! Commit-reveal keeps providers from copying each other: a commitment is
//! [`Pallet::moments_commitment`] of the job, the provider, its moments and a salt, and
//! moments are revealed only after every commitment is in. Moments that no data can give
//! (a variance below zero, sums without values, values beyond the aggregate's range) are
//! refused at reveal and penalised as a wrong result, so one provider cannot force a
//! refund for everyone. Revealed moments are public: hiding each provider's moments from
//! the others needs secure aggregation (`docs/security.md`).

use crate::{pallet::*, settlement::Paid, types::*, BalanceOf, JobId, JobKind, MomentsReveal};
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
use synod_primitives::{job::aggregate, stake::SlashReason};

impl<T: Config> Pallet<T> {
	/// The statistics job `job` and its column count, if `provider` is one of its providers.
	fn providing(job: JobId, provider: &T::AccountId) -> Result<(JobOf<T>, u16), DispatchError> {
		let record = Self::assigned_to(job, provider)?;
		let JobKind::FederatedStatistics { columns } = record.spec.kind else {
			return Err(Error::<T>::WrongJobKind.into());
		};
		Ok((record, columns))
	}

	pub(crate) fn do_commit_statistics(
		provider: T::AccountId,
		job: JobId,
		commitment: T::Hash,
	) -> DispatchResult {
		let (record, _) = Self::providing(job, &provider)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now <= record.deadlines.commit_by, Error::<T>::CommitClosed);
		ensure!(
			!StatisticsCommits::<T>::contains_key(job, &provider),
			Error::<T>::AlreadyCommitted
		);
		StatisticsCommits::<T>::insert(job, &provider, commitment);
		Self::deposit_event(Event::StatisticsCommitted { job, provider });
		Ok(())
	}

	pub(crate) fn do_reveal_statistics(
		provider: T::AccountId,
		job: JobId,
		moments: MomentsOf,
		salt: [u8; 32],
	) -> DispatchResult {
		let (record, columns) = Self::providing(job, &provider)?;
		let commitment =
			StatisticsCommits::<T>::get(job, &provider).ok_or(Error::<T>::NotCommitted)?;
		Self::ensure_reveal_window(&record)?;
		ensure!(
			!StatisticsSubmissions::<T>::contains_key(job, &provider),
			Error::<T>::AlreadyRevealed
		);
		ensure!(moments.len() == columns as usize, Error::<T>::WrongColumnCount);
		ensure!(
			Self::moments_commitment(job, &provider, &moments, &salt) == commitment,
			Error::<T>::CommitmentMismatch
		);
		match synod_primitives::job::check_moments(&moments).err() {
			None => {
				StatisticsSubmissions::<T>::insert(
					job,
					&provider,
					MomentsReveal::Accepted(moments),
				);
				Self::deposit_event(Event::StatisticsSubmitted { job, provider });
			},
			Some((column, defect)) => {
				let refused = MomentsReveal::Refused { column, defect };
				StatisticsSubmissions::<T>::insert(job, &provider, refused);
				Self::deposit_event(Event::MomentsRefused { job, provider, column, defect });
			},
		}
		Ok(())
	}

	/// Settles a statistics job: refused providers, and those that committed and withheld,
	/// lose the wrong-result slash, those that never committed the liveness slash (burnt); the accepted providers share the bounty less the
	/// protocol fee, and the aggregate is kept; with no accepted moments the job is refunded.
	pub(crate) fn settle_statistics(job: JobId, record: &JobOf<T>, columns: u16) -> Weight {
		let mut paid = Paid::<T>::default();
		let mut accepted: Vec<(T::AccountId, Vec<crate::ColumnMoments>)> = Vec::new();
		for provider in Assignments::<T>::get(job).unwrap_or_default() {
			match StatisticsSubmissions::<T>::get(job, &provider) {
				Some(MomentsReveal::Accepted(moments)) => {
					accepted.push((provider, moments.into_inner()))
				},
				Some(MomentsReveal::Refused { .. }) => Self::penalise(
					job,
					&provider,
					record.policy.wrong_result_slash,
					SlashReason::WrongResult,
					&mut paid,
				),
				None => {
					// Withholding committed moments costs as much as wrong ones.
					let fraction = if StatisticsCommits::<T>::contains_key(job, &provider) {
						crate::settlement::withheld_slash(&record.policy)
					} else {
						record.policy.liveness_slash
					};
					Self::penalise(job, &provider, fraction, SlashReason::MissedDeadline, &mut paid)
				},
			}
		}
		let parts: Vec<Vec<crate::ColumnMoments>> =
			accepted.iter().map(|(_, moments)| moments.clone()).collect();
		// Checked moments of at most `MAX_PROVIDERS` providers always aggregate.
		let summary = aggregate(&parts, columns as usize)
			.and_then(|summary| SummaryOf::try_from(summary).ok());
		let (Some(summary), false) = (summary, accepted.is_empty()) else {
			let refund = Self::close(job, record);
			let slashes = Self::record_outcome(job, record, None, paid, refund);
			Self::deposit_event(Event::JobRefunded { job, refund });
			return slashes;
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
		paid.burnt = burnt;
		let share = bounty.saturating_sub(burnt) / (accepted.len() as u32).into();
		let mut to_providers = BalanceOf::<T>::zero();
		for (provider, _) in &accepted {
			if !share.is_zero() && Self::pay_from_escrow(&record.requester, provider, share) {
				to_providers = to_providers.saturating_add(share);
				let _ = paid.miner_payouts.try_push((provider.clone(), share));
			}
		}
		Statistics::<T>::insert(job, summary);
		let spent = burnt.saturating_add(to_providers);
		let refunded = Self::finish(job, record, bounty.saturating_sub(spent));
		let slashes = Self::record_outcome(job, record, None, paid, refunded);
		Self::deposit_event(Event::StatisticsSettled { job, to_providers, burnt, refunded });
		slashes
	}
}
