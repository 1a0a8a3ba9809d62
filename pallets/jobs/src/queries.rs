//! What the runtime API answers: the pallet's maps flattened into the views of
//! `pallet-jobs-runtime-api`. Off-chain reads only; no extrinsic calls these.

use crate::{pallet::*, types::*, JobId, JobKind, JobResult};
use alloc::{string::String, vec::Vec};
use pallet_jobs_runtime_api::{
	ArtifactView, CommitteeSeatView, Deadlines, JobCostView, JobDetails, JobStatus, JobView,
	MinerView, OutcomeView, Payout, RefusalReason, SpecView,
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

/// A result as the views show it: a digest, or a refusal.
fn split(result: Option<JobResult>) -> (Option<H256>, Option<RefusalReason>) {
	match result {
		Some(JobResult::Digest(hash)) => (Some(H256(hash)), None),
		Some(JobResult::Refused(reason)) => (None, Some(reason)),
		None => (None, None),
	}
}

impl<T: Config> Pallet<T> {
	/// Which phase a job in flight is in, at the current block.
	pub fn status_of(record: &JobOf<T>) -> JobStatus {
		let now = frame_system::Pallet::<T>::block_number();
		let deadlines = &record.deadlines;
		if record.state == JobState::Posted {
			JobStatus::Posted
		} else if now <= deadlines.commit_by {
			JobStatus::Committing
		} else if now <= deadlines.verify_by {
			JobStatus::Verifying
		} else {
			JobStatus::Revealing
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

	/// One miner (or provider) of `job` as a client reads it.
	fn miner_view(job: JobId, hotkey: T::AccountId, statistics: bool) -> MinerView<T::AccountId> {
		if statistics {
			let revealed = StatisticsSubmissions::<T>::get(job, &hotkey);
			return MinerView {
				committed: StatisticsCommits::<T>::contains_key(job, &hotkey),
				result_hash: None,
				refused: None,
				revealed: revealed.is_some(),
				uri: None,
				hotkey,
			};
		}
		let reveal = ResultReveals::<T>::get(job, &hotkey);
		let (result_hash, refused) = split(reveal.as_ref().map(|r| r.result));
		MinerView {
			committed: ResultCommits::<T>::contains_key(job, &hotkey),
			result_hash,
			refused,
			revealed: reveal.is_some(),
			uri: reveal.filter(|r| !r.uri.is_empty()).map(|r| text(&r.uri)),
			hotkey,
		}
	}

	/// Job `job` as a client reads it.
	pub fn job_view(job: JobId) -> Option<JobViewOf<T>> {
		if let Some(record) = JobRecords::<T>::get(job) {
			let status = Self::status_of(&record);
			let statistics = matches!(record.spec.kind, JobKind::FederatedStatistics { .. });
			let miners = Assignments::<T>::get(job)
				.unwrap_or_default()
				.into_iter()
				.map(|hotkey| Self::miner_view(job, hotkey, statistics))
				.collect();
			let committee = Committees::<T>::get(job)
				.unwrap_or_default()
				.into_iter()
				.map(|seat| {
					let (result_hash, refused) =
						split(VerificationReveals::<T>::get(job, &seat.hotkey));
					CommitteeSeatView {
						committed: VerificationCommits::<T>::contains_key(job, &seat.hotkey),
						result_hash,
						refused,
						stake: seat.stake,
						validator: seat.hotkey,
					}
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
					shape: spec.shape,
					cost: spec.cost().ok().flatten().map(|cost| JobCostView {
						megaflops: cost.megaflops,
						peak_mib: cost.peak_mib(),
					}),
				},
				bounty: record.bounty,
				replicas: record.replicas,
				deadlines: Deadlines {
					assign_by: record.deadlines.assign_by,
					commit_by: record.deadlines.commit_by,
					verify_by: record.deadlines.verify_by,
					reveal_by: record.deadlines.reveal_by,
				},
				posted_at: record.posted_at,
				policy: record.policy,
				sampled: record.sampled,
				miners,
				committee,
				committee_drawn_at: record.committee_drawn_at,
			};
			return Some(JobView { id: job, status, job: Some(details), outcome: None });
		}
		let outcome = Outcomes::<T>::get(job)?;
		let statistics = Statistics::<T>::get(job).map(|summary| summary.into_inner());
		let status = Self::outcome_status(job, &outcome);
		let (result_hash, refused) = split(outcome.truth.as_ref().map(|truth| truth.result));
		Some(JobView {
			id: job,
			status,
			job: None,
			outcome: Some(OutcomeView {
				requester: outcome.requester.clone(),
				netuid: outcome.netuid,
				result_hash,
				refused,
				uri: outcome
					.truth
					.as_ref()
					.filter(|truth| !truth.uri.is_empty())
					.map(|truth| text(&truth.uri)),
				by_committee: outcome.truth.as_ref().is_some_and(|truth| truth.by_committee),
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
				.filter(|(job, record)| *job >= from && Self::status_of(record) == status)
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

	/// The unsettled jobs whose committee `hotkey` sits on, ascending.
	pub fn committee_seats_of(hotkey: &T::AccountId) -> Vec<JobId> {
		let mut jobs: Vec<JobId> = CommitteeJobs::<T>::iter_key_prefix(hotkey).collect();
		jobs.sort_unstable();
		jobs
	}
}
