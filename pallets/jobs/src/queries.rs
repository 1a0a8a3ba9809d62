//! What the runtime API answers: the pallet's maps flattened into the views of
//! `pallet-jobs-runtime-api`. Off-chain reads only; no extrinsic calls these.

use crate::{pallet::*, JobId, JobKind};
use alloc::{string::String, vec::Vec};
use pallet_jobs_runtime_api::{
	ArtifactView, Deadlines, JobDetails, JobStatus, JobView, MinerView, OutcomeView, Payout,
	SpecView, VerifierView,
};
use sp_core::H256;

/// The views' types for this runtime.
pub type JobViewOf<T> = JobView<
	<T as frame_system::Config>::AccountId,
	crate::BalanceOf<T>,
	frame_system::pallet_prelude::BlockNumberFor<T>,
>;

/// Bytes the pallet validated as printable ASCII, as text.
fn text(bytes: &[u8]) -> String {
	String::from_utf8_lossy(bytes).into_owned()
}

fn payouts<T: Config, B>(list: &Payouts<T, B>) -> Vec<Payout<T::AccountId, crate::BalanceOf<T>>> {
	list.iter()
		.map(|(account, amount)| Payout { account: account.clone(), amount: *amount })
		.collect()
}

impl<T: Config> Pallet<T> {
	/// Where a job in flight is, at the current block.
	pub fn status_of(job: JobId, record: &JobOf<T>) -> JobStatus {
		let now = frame_system::Pallet::<T>::block_number();
		let deadlines = &record.deadlines;
		if record.state == JobState::Posted {
			JobStatus::Posted
		} else if now <= deadlines.commit_by
			&& (ResultCommits::<T>::iter_prefix(job).count() as u32) < record.replicas as u32
			&& !matches!(record.spec.kind, JobKind::FederatedStatistics { .. })
		{
			JobStatus::Committing
		} else if now <= deadlines.reveal_by {
			JobStatus::Revealing
		} else {
			JobStatus::Verifying
		}
	}

	/// Whether a settled job ended on a result (or a statistics aggregate) or was refunded.
	fn outcome_status(job: JobId, outcome: &JobOutcome<T>) -> JobStatus {
		if outcome.truth.is_some() || Statistics::<T>::contains_key(job) {
			JobStatus::Settled
		} else {
			JobStatus::Refunded
		}
	}

	/// Job `job` as a client reads it.
	pub fn job_view(job: JobId) -> Option<JobViewOf<T>> {
		if let Some(record) = JobRecords::<T>::get(job) {
			let status = Self::status_of(job, &record);
			let statistics = matches!(record.spec.kind, JobKind::FederatedStatistics { .. });
			let miners = Assignments::<T>::get(job)
				.unwrap_or_default()
				.into_iter()
				.map(|hotkey| {
					let reveal = ResultReveals::<T>::get(job, &hotkey);
					let committed = if statistics {
						StatisticsSubmissions::<T>::contains_key(job, &hotkey)
					} else {
						ResultCommits::<T>::contains_key(job, &hotkey)
					};
					MinerView {
						committed,
						result_hash: reveal.as_ref().map(|r| H256(r.result_hash)),
						uri: reveal.map(|r| text(&r.uri)),
						hotkey,
					}
				})
				.collect();
			let verifiers = VerificationCommits::<T>::iter_key_prefix(job)
				.map(|validator| VerifierView {
					committed: true,
					result_hash: VerificationReveals::<T>::get(job, &validator).map(H256),
					validator,
				})
				.collect();
			let spec = &record.spec;
			let details = JobDetails {
				requester: record.requester.clone(),
				netuid: record.netuid,
				spec: SpecView {
					kind: spec.kind,
					architecture: text(&spec.architecture),
					architecture_version: spec.architecture_version,
					inputs: spec
						.inputs
						.iter()
						.map(|input| ArtifactView { hash: H256(input.hash), uri: text(&input.uri) })
						.collect(),
					hyperparameters: spec.hyperparameters.to_vec(),
					seed: spec.seed,
				},
				bounty: record.bounty,
				replicas: record.replicas,
				deadlines: Deadlines {
					assign_by: record.deadlines.assign_by,
					commit_by: record.deadlines.commit_by,
					reveal_by: record.deadlines.reveal_by,
					verify_by: record.deadlines.verify_by,
				},
				posted_at: record.posted_at,
				policy: record.policy,
				sampled: record.sampled,
				miners,
				verifiers,
			};
			return Some(JobView { id: job, status, job: Some(details), outcome: None });
		}
		let outcome = Outcomes::<T>::get(job)?;
		let statistics = Statistics::<T>::get(job).map(|summary| summary.into_inner());
		let status = Self::outcome_status(job, &outcome);
		Some(JobView {
			id: job,
			status,
			job: None,
			outcome: Some(OutcomeView {
				requester: outcome.requester.clone(),
				netuid: outcome.netuid,
				result_hash: outcome.truth.as_ref().map(|truth| H256(truth.result_hash)),
				uri: outcome
					.truth
					.as_ref()
					.filter(|truth| !truth.uri.is_empty())
					.map(|truth| text(&truth.uri)),
				by_validators: outcome.truth.as_ref().is_some_and(|truth| truth.by_validators),
				statistics,
				miner_payouts: payouts::<T, _>(&outcome.miner_payouts),
				validator_payouts: payouts::<T, _>(&outcome.validator_payouts),
				penalties: payouts::<T, _>(&outcome.penalties),
				burnt: outcome.burnt,
				refunded: outcome.refunded,
				settled_at: outcome.settled_at,
			}),
		})
	}

	/// The jobs `requester` has in flight, ascending.
	pub fn jobs_of_requester(requester: &T::AccountId) -> Vec<JobId> {
		let mut jobs: Vec<JobId> = RequesterJobs::<T>::iter_key_prefix(requester).collect();
		jobs.sort_unstable();
		jobs
	}

	/// The jobs in `status`, ascending, from `from` on, at most `limit`.
	pub fn jobs_in_status(status: JobStatus, from: JobId, limit: u32) -> Vec<JobId> {
		let mut jobs: Vec<JobId> = match status {
			JobStatus::Settled | JobStatus::Refunded => Outcomes::<T>::iter()
				.filter(|(job, outcome)| {
					*job >= from && Self::outcome_status(*job, outcome) == status
				})
				.map(|(job, _)| job)
				.collect(),
			_ => JobRecords::<T>::iter()
				.filter(|(job, record)| *job >= from && Self::status_of(*job, record) == status)
				.map(|(job, _)| job)
				.collect(),
		};
		jobs.sort_unstable();
		jobs.truncate(limit as usize);
		jobs
	}

	/// The unsettled jobs `hotkey` is assigned to, ascending.
	pub fn assignments_of(hotkey: &T::AccountId) -> Vec<JobId> {
		let mut jobs: Vec<JobId> = MinerJobs::<T>::iter_key_prefix(hotkey).collect();
		jobs.sort_unstable();
		jobs
	}
}
