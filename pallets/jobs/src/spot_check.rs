//! The committee's side of a spot-checked job: its blind report of what it reached at the
//! plan's places, and the settlement that judges each miner leaf by leaf.
//!
//! A member commits with [`Pallet::commit_verification`](crate::Pallet::commit_verification)
//! as for any job, to [`Pallet::spot_check_commitment`] (tagged apart from a whole
//! reproduction's, so neither opens as the other), and reveals with the miners.
//!
//! At settlement the truth is the report of two thirds of the seats drawn. A miner is right
//! when, at every place of the plan, its opened leaf is the leaf of the value the truth
//! reached there; two miners right are then the same trace (where their traces first part is
//! a place of the plan). The committee is paid the verification fee in proportion to the
//! optimiser steps the plan re-executed out of the job's, the rest going to the miners.

use crate::{
	pallet::*,
	settlement::{two_thirds, withheld_slash, Paid},
	types::*,
	BalanceOf, JobId, JobResult,
};
use alloc::vec::Vec;
use frame_support::{ensure, pallet_prelude::*};
use sp_runtime::{traits::Hash, Perbill};
use synod_primitives::{job::SPOT_CHECK_COMMITMENT_TAG, stake::SlashReason};
use synod_trace::TrainingLayout;

/// What settlement makes of a miner of a spot-checked job.
enum Verdict {
	/// Its trace holds the truth at every checked place: paid.
	Right,
	/// It refused as the committee did: neither paid nor penalised.
	RefusedAlike,
	/// Its trace or refusal is not the truth.
	Wrong,
	/// It opened a trace that no member could start from: as a withheld reveal.
	Withheld,
	/// It revealed nothing; `committed` says whether it had committed.
	Silent { committed: bool },
	/// No truth: who was right is not known.
	Unjudged,
}

impl<T: Config> Pallet<T> {
	/// The commitment that committee member `validator`'s reveal of `report` with `salt` for
	/// `job` must match: BLAKE2-256 of SCALE
	/// `(b"synod/jobs/spotck/v1", job: u64, validator, report, salt)`.
	pub fn spot_check_commitment(
		job: JobId,
		validator: &T::AccountId,
		report: &SpotCheck,
		salt: &[u8; 32],
	) -> T::Hash {
		T::Hashing::hash_of(&(SPOT_CHECK_COMMITMENT_TAG, job, validator, report, salt))
	}

	pub(crate) fn do_reveal_spot_check(
		validator: T::AccountId,
		job: JobId,
		report: SpotCheck,
		salt: [u8; 32],
	) -> DispatchResult {
		let record = Self::seated_on(job, &validator)?;
		ensure!(Self::spot_check_layout(&record).is_some(), Error::<T>::NotSpotChecked);
		let commitment =
			VerificationCommits::<T>::get(job, &validator).ok_or(Error::<T>::NotCommitted)?;
		Self::ensure_reveal_window(&record)?;
		ensure!(!SpotCheckReveals::<T>::contains_key(job, &validator), Error::<T>::AlreadyRevealed);
		ensure!(
			Self::spot_check_commitment(job, &validator, &report, &salt) == commitment,
			Error::<T>::CommitmentMismatch
		);
		if let SpotCheck::Reached(values) = &report {
			let plan = CheckPlans::<T>::get(job).ok_or(Error::<T>::NoChecksDrawn)?;
			ensure!(
				values.len() == plan.places.len(),
				Error::<T>::WrongCheckCount {
					expected: plan.places.len() as u8,
					got: values.len() as u8,
				}
			);
		}
		SpotCheckReveals::<T>::insert(job, &validator, report);
		Self::deposit_event(Event::SpotCheckRevealed { job, validator });
		Ok(())
	}

	/// The report two thirds of `job`'s seats revealed, if any.
	fn spot_check_truth(job: JobId) -> Option<SpotCheck> {
		let reports: Vec<SpotCheck> = SpotCheckReveals::<T>::iter_prefix_values(job).collect();
		let size = Committees::<T>::decode_len(job).unwrap_or(0) as u32;
		// Two reports cannot both reach two thirds, so the first found is the only one.
		reports.iter().find_map(|report| {
			let seats = reports.iter().filter(|other| *other == report).count() as u32;
			two_thirds(seats, size).then(|| report.clone())
		})
	}

	/// How `miner` of `job` fares against `truth`.
	fn verdict(
		job: JobId,
		record: &JobOf<T>,
		layout: &TrainingLayout,
		miner: &T::AccountId,
		truth: Option<&SpotCheck>,
	) -> Verdict {
		let Some(revealed) = ResultReveals::<T>::get(job, miner).map(|reveal| reveal.result) else {
			return Verdict::Silent { committed: ResultCommits::<T>::contains_key(job, miner) };
		};
		let Some(truth) = truth else { return Verdict::Unjudged };
		match (truth, revealed) {
			(SpotCheck::Reached(values), JobResult::Digest(_)) => {
				let plan = CheckPlans::<T>::get(job).unwrap_or_default();
				let leaves = TraceLeaves::<T>::get(job, miner).unwrap_or_default();
				let segments = layout.segments();
				let right = plan.places.len() == values.len()
					&& plan.places.iter().zip(values.iter()).all(|(&place, value)| {
						leaves.get(place as usize)
							== Some(&Self::expected_leaf(record, job, segments, place, value))
					});
				if right {
					Verdict::Right
				} else {
					Verdict::Wrong
				}
			},
			(SpotCheck::Refused(reason), JobResult::Refused(refused)) if *reason == refused => {
				Verdict::RefusedAlike
			},
			(SpotCheck::Unreachable, JobResult::Digest(_)) => Verdict::Withheld,
			_ => Verdict::Wrong,
		}
	}

	/// Settles the spot-checked `job` (one drawn for verification): judges its seats and
	/// miners, pays, burns and refunds, and forgets it; returns what its slashes weighed.
	pub(crate) fn settle_spot_checked(
		job: JobId,
		record: &JobOf<T>,
		layout: &TrainingLayout,
	) -> Weight {
		let truth = Self::spot_check_truth(job);
		let mut paid = Paid::<T>::default();
		let policy = &record.policy;

		let mut matching_seats = Vec::new();
		for seat in Committees::<T>::get(job).unwrap_or_default() {
			let hotkey = seat.hotkey;
			match (SpotCheckReveals::<T>::get(job, &hotkey), truth.as_ref()) {
				(Some(report), Some(truth)) if report == *truth => matching_seats.push(hotkey),
				(Some(_), Some(_)) => Self::penalise(
					job,
					&hotkey,
					policy.wrong_result_slash,
					SlashReason::WrongVerification,
					&mut paid,
				),
				(Some(_), None) => {},
				(None, _) => {
					let slash = if VerificationCommits::<T>::contains_key(job, &hotkey) {
						withheld_slash(policy)
					} else {
						policy.liveness_slash
					};
					Self::penalise(job, &hotkey, slash, SlashReason::MissedVerification, &mut paid)
				},
			}
		}

		let mut right = Vec::new();
		for miner in Assignments::<T>::get(job).unwrap_or_default() {
			let (slash, reason) = match Self::verdict(job, record, layout, &miner, truth.as_ref()) {
				Verdict::Right => {
					right.push(miner);
					continue;
				},
				Verdict::RefusedAlike | Verdict::Unjudged => continue,
				Verdict::Wrong => (policy.wrong_result_slash, SlashReason::WrongResult),
				Verdict::Withheld | Verdict::Silent { committed: true } => {
					(withheld_slash(policy), SlashReason::MissedDeadline)
				},
				Verdict::Silent { committed: false } => {
					(policy.liveness_slash, SlashReason::MissedDeadline)
				},
			};
			Self::penalise(job, &miner, slash, reason, &mut paid);
		}

		let result = match &truth {
			Some(SpotCheck::Reached(_)) => right
				.first()
				.and_then(|miner| ResultReveals::<T>::get(job, miner))
				.map(|reveal| (reveal.result, reveal.uri)),
			Some(SpotCheck::Refused(reason)) => {
				Some((JobResult::Refused(*reason), ResultUri::default()))
			},
			Some(SpotCheck::Unreachable) | None => None,
		};
		let Some((result, uri)) = result else {
			let refund = Self::close(job, record);
			let slashes = Self::record_outcome(job, record, None, paid, refund);
			Self::deposit_event(Event::JobRefunded { job, refund });
			return slashes;
		};

		let fee = Self::spot_check_fee(job, layout, &result, record.bounty);
		let truth = Truth { result, uri, by_committee: true };
		Self::pay_out(job, record, truth, fee, (&matching_seats, &right), paid)
	}

	/// The committee's pool for `job`: the verification fee in proportion to the steps its
	/// plan re-executed out of the job's; the whole fee for a refusal, which the committee
	/// established by checking every input.
	fn spot_check_fee(
		job: JobId,
		layout: &TrainingLayout,
		result: &JobResult,
		bounty: BalanceOf<T>,
	) -> BalanceOf<T> {
		let fee = T::VerificationFee::get().mul_floor(bounty);
		if matches!(result, JobResult::Refused(_)) {
			return fee;
		}
		let places = CheckPlans::<T>::get(job).map(|plan| plan.places).unwrap_or_default();
		let total = layout.total_batches().max(1);
		let done = Self::checked_steps(layout, &places).min(total);
		Perbill::from_rational(done, total).mul_floor(fee)
	}
}
