//! Settlement, in the block after a job's reveal deadline: the truth, the penalties, then
//! the bounty.
//!
//! - **Truth**: for a job drawn for verification, the result revealed by at least two
//!   thirds of its committee's seats: of the seats drawn, not of those that showed up, so
//!   that silence never lowers the bar. That is the policy's `committee_size`, or fewer
//!   where fewer permit holders could sit when a partial-rate job's draw came (permits move
//!   with every epoch): two thirds of `committee_size` would then be out of reach, and
//!   every such job disputed however honest its miners, which anyone able to thin the
//!   candidates between assignment and draw could use to have work done and refunded. For a job not drawn (only on subnets
//!   that verify a share of jobs), the result every assigned miner revealed. Otherwise the
//!   job is disputed and refunded in full. There is no escalation to a larger committee:
//!   the committee would be drawn from the same permit holders, and its reveal window would
//!   outlast the job's deadlines that the requester chose; a disputed job costs the
//!   requester nothing and the silent parties their liveness slash.
//! - **Penalties**, from stake, always burnt (`SlashDestination::Burn`), never paid to the
//!   requester or anyone else, so that provoking a slash profits nobody: a miner or seat
//!   that revealed a result other than the truth loses the policy's `wrong_result_slash`;
//!   one that committed and withheld its reveal loses the larger of the two slashes (else a
//!   party that knows its commitment is wrong would hide it for the cheaper one); one that
//!   never committed, its `liveness_slash`. On a disputed job only the silent are penalised
//!   (who was wrong is not known).
//! - **Bounty**: the protocol fee is burnt; the verification fee is shared equally by the
//!   seats that revealed the truth; the rest by the miners that revealed a digest that is
//!   the truth. A refusal that is the truth is neither paid nor penalised. Shares go to the
//!   coldkeys behind the hotkeys; what is not paid (rounding, a refusal, no matching miner)
//!   goes back to the requester, so the bounty is exactly paid, burnt or refunded.
//! - **Record**: the truth, every payout, penalty, burn and refund stay in [`Outcomes`] for
//!   [`Config::OutcomeRetention`] blocks.

use crate::{pallet::*, types::*, BalanceOf, JobId, JobResult};
use alloc::{collections::BTreeMap, vec::Vec};
use frame_support::{
	traits::{
		fungible::MutateHold,
		tokens::{Fortitude, Precision, Restriction},
		Get,
	},
	weights::Weight,
};
use sp_runtime::{
	traits::{Saturating, Zero},
	Perbill,
};
use synod_primitives::{
	stake::{SlashAmount, SlashDestination, SlashReason, StakeSlash},
	subnet::HotkeyOwnership,
};

/// What a settlement paid, penalised and burnt, as [`JobOutcome`] records it. Its bounds are
/// those of the job's miners and committee, so pushing one entry per party always fits.
#[derive(frame_support::DefaultNoBound)]
pub(crate) struct Paid<T: Config> {
	pub miner_payouts: Payouts<T, T::MaxReplicas>,
	pub validator_payouts: Payouts<T, crate::MaxCommittee>,
	pub penalties: Payouts<T, crate::MaxPenalties>,
	pub burnt: BalanceOf<T>,
	/// What the slashes so far weighed, each by the stakers its hotkey had when slashed.
	pub slashes: Weight,
}

/// A miner or seat as settlement judges it: its hotkey, what it revealed, whether it
/// committed.
pub(crate) type Party<AccountId> = (AccountId, Option<JobResult>, bool);

/// What withholding a committed reveal costs: as much as a wrong result, or as silence if
/// the policy makes silence dearer.
pub(crate) fn withheld_slash(policy: &crate::JobPolicy) -> Perbill {
	policy.wrong_result_slash.max(policy.liveness_slash)
}

/// Whether `seats` of a committee of `size` reach two thirds.
pub(crate) fn two_thirds(seats: u32, size: u32) -> bool {
	size > 0 && seats.saturating_mul(3) >= size.saturating_mul(2)
}

impl<T: Config> Pallet<T> {
	/// Keeps how `job` settled readable until `OutcomeRetention` blocks from now; returns
	/// what its slashes weighed, which the hook pays for.
	pub(crate) fn record_outcome(
		job: JobId,
		record: &JobOf<T>,
		truth: Option<Truth>,
		paid: Paid<T>,
		refunded: BalanceOf<T>,
	) -> Weight {
		let slashes = paid.slashes;
		Outcomes::<T>::insert(
			job,
			JobOutcome {
				requester: record.requester.clone(),
				netuid: record.netuid,
				bounty: record.bounty,
				truth,
				miner_payouts: paid.miner_payouts,
				validator_payouts: paid.validator_payouts,
				penalties: paid.penalties,
				burnt: paid.burnt,
				refunded,
				settled_at: frame_system::Pallet::<T>::block_number(),
			},
		);
		Self::retain_until_pruned(job);
		slashes
	}

	/// The result that `job`'s committee (or, for a job not drawn, its miners' unanimity)
	/// establishes, and whether a committee did; `None` when the job is disputed.
	pub(crate) fn truth_of(job: JobId, record: &JobOf<T>) -> Option<(JobResult, bool)> {
		if record.sampled == Some(true) {
			let mut seats: BTreeMap<JobResult, u32> = BTreeMap::new();
			for result in VerificationReveals::<T>::iter_prefix_values(job) {
				*seats.entry(result).or_default() += 1;
			}
			let size = Committees::<T>::decode_len(job).unwrap_or(0) as u32;
			// Two results cannot both reach two thirds, so the first found is the only one.
			return seats
				.into_iter()
				.find(|(_, count)| two_thirds(*count, size))
				.map(|(result, _)| (result, true));
		}
		let reveals: Vec<JobResult> =
			ResultReveals::<T>::iter_prefix_values(job).map(|r| r.result).collect();
		let unanimous = reveals.len() == record.replicas as usize
			&& reveals.windows(2).all(|pair| pair[0] == pair[1]);
		reveals.first().copied().filter(|_| unanimous).map(|result| (result, false))
	}

	/// Moves `amount` of the requester's escrow to the owner of `hotkey`; false if it could
	/// not (no owner, or an amount that cannot open an account).
	pub(crate) fn pay_from_escrow(
		requester: &T::AccountId,
		hotkey: &T::AccountId,
		amount: BalanceOf<T>,
	) -> bool {
		let Some(owner) = T::Hotkeys::owner_of(hotkey) else { return false };
		T::Currency::transfer_on_hold(
			&HoldReason::Escrow.into(),
			requester,
			&owner,
			amount,
			Precision::Exact,
			Restriction::Free,
			Fortitude::Polite,
		)
		.is_ok()
	}

	/// Burns `fraction` of `hotkey`'s stake for `reason` and records it.
	pub(crate) fn penalise(
		job: JobId,
		hotkey: &T::AccountId,
		fraction: Perbill,
		reason: SlashReason,
		paid: &mut Paid<T>,
	) {
		if fraction.is_zero() {
			return;
		}
		// Charged by the stakers actually walked, not the bound, so that a settlement's
		// slashes do not push the hook past its share when hotkeys have few stakers.
		paid.slashes = paid.slashes.saturating_add(T::Slash::slash_weight_of(hotkey));
		let slashed = T::Slash::slash(
			hotkey,
			SlashAmount::Fraction(fraction),
			reason,
			SlashDestination::Burn,
		)
		.unwrap_or_else(|_| Zero::zero());
		let _ = paid.penalties.try_push((hotkey.clone(), slashed));
		Self::deposit_event(Event::Penalised { job, hotkey: hotkey.clone(), slashed, reason });
	}

	/// Penalises whoever among `parties` (each with what it revealed and whether it
	/// committed) was wrong about `truth` or silent; returns those that revealed the truth.
	fn judge(
		job: JobId,
		record: &JobOf<T>,
		parties: &[Party<T::AccountId>],
		truth: Option<JobResult>,
		(wrong, silent): (SlashReason, SlashReason),
		paid: &mut Paid<T>,
	) -> Vec<T::AccountId> {
		let policy = &record.policy;
		let mut matching = Vec::new();
		for (hotkey, revealed, committed) in parties {
			match (revealed, truth) {
				(Some(result), Some(truth)) if *result == truth => matching.push(hotkey.clone()),
				(Some(_), Some(_)) => {
					Self::penalise(job, hotkey, policy.wrong_result_slash, wrong, paid)
				},
				(Some(_), None) => {},
				(None, _) if *committed => {
					Self::penalise(job, hotkey, withheld_slash(policy), silent, paid)
				},
				(None, _) => Self::penalise(job, hotkey, policy.liveness_slash, silent, paid),
			}
		}
		matching
	}

	/// Pays `pool` equally to `hotkeys`; returns what it paid.
	pub(crate) fn share(
		requester: &T::AccountId,
		hotkeys: &[T::AccountId],
		pool: BalanceOf<T>,
		mut record: impl FnMut(&T::AccountId, BalanceOf<T>),
	) -> BalanceOf<T> {
		let mut paid = BalanceOf::<T>::zero();
		if hotkeys.is_empty() {
			return paid;
		}
		let share = pool / (hotkeys.len() as u32).into();
		for hotkey in hotkeys {
			if !share.is_zero() && Self::pay_from_escrow(requester, hotkey, share) {
				paid = paid.saturating_add(share);
				record(hotkey, share);
			}
		}
		paid
	}

	/// Settles `job`: establishes its truth, penalises, pays, burns and refunds, and forgets
	/// it; returns what its slashes weighed.
	pub(crate) fn settle(job: JobId) -> Weight {
		let Some(record) = JobRecords::<T>::get(job) else { return Weight::zero() };
		if record.state != JobState::Assigned {
			return Weight::zero();
		}
		if let crate::JobKind::FederatedStatistics { columns } = record.spec.kind {
			return Self::settle_statistics(job, &record, columns);
		}
		if record.sampled == Some(true) {
			if let Some(layout) = Self::spot_check_layout(&record) {
				return Self::settle_spot_checked(job, &record, &layout);
			}
		}
		let found = Self::truth_of(job, &record);
		let truth = found.map(|(result, _)| result);
		let mut paid = Paid::<T>::default();

		let seats: Vec<Party<T::AccountId>> = Committees::<T>::get(job)
			.unwrap_or_default()
			.into_iter()
			.map(|seat| {
				let revealed = VerificationReveals::<T>::get(job, &seat.hotkey);
				let committed = VerificationCommits::<T>::contains_key(job, &seat.hotkey);
				(seat.hotkey, revealed, committed)
			})
			.collect();
		let reasons = (SlashReason::WrongVerification, SlashReason::MissedVerification);
		let matching_seats = Self::judge(job, &record, &seats, truth, reasons, &mut paid);
		let miners: Vec<Party<T::AccountId>> = Assignments::<T>::get(job)
			.unwrap_or_default()
			.into_iter()
			.map(|miner| {
				let revealed = ResultReveals::<T>::get(job, &miner).map(|r| r.result);
				let committed = ResultCommits::<T>::contains_key(job, &miner);
				(miner, revealed, committed)
			})
			.collect();
		let reasons = (SlashReason::WrongResult, SlashReason::MissedDeadline);
		let matching_miners = Self::judge(job, &record, &miners, truth, reasons, &mut paid);

		let Some((truth, by_committee)) = found else {
			let refund = Self::close(job, &record);
			let slashes = Self::record_outcome(job, &record, None, paid, refund);
			Self::deposit_event(Event::JobRefunded { job, refund });
			return slashes;
		};
		let uri = match truth {
			JobResult::Digest(_) => matching_miners
				.first()
				.and_then(|miner| ResultReveals::<T>::get(job, miner))
				.map(|reveal| reveal.uri)
				.unwrap_or_default(),
			JobResult::Refused(_) => ResultUri::default(),
		};
		let fee = if by_committee {
			T::VerificationFee::get().mul_floor(record.bounty)
		} else {
			0u32.into()
		};
		let truth = Truth { result: truth, uri, by_committee };
		Self::pay_out(job, &record, truth, fee, (&matching_seats, &matching_miners), paid)
	}

	/// Pays out `job`, settled on `truth`: burns the protocol fee, shares `fee` among the
	/// seats that reported the truth and, for a digest, the rest among the miners that
	/// delivered it (`paid_to`), releases what is left to the requester, forgets the job and
	/// records its outcome; returns what its slashes weighed.
	pub(crate) fn pay_out(
		job: JobId,
		record: &JobOf<T>,
		truth: Truth,
		fee: BalanceOf<T>,
		(seats, miners): (&[T::AccountId], &[T::AccountId]),
		mut paid: Paid<T>,
	) -> Weight {
		let bounty = record.bounty;
		let requester = &record.requester;
		paid.burnt = T::Currency::burn_held(
			&HoldReason::Escrow.into(),
			requester,
			T::ProtocolFee::get().mul_floor(bounty),
			Precision::Exact,
			Fortitude::Polite,
		)
		.unwrap_or_else(|_| Zero::zero());
		let mut validator_payouts = Payouts::<T, crate::MaxCommittee>::default();
		let to_validators = Self::share(requester, seats, fee, |hotkey, amount| {
			let _ = validator_payouts.try_push((hotkey.clone(), amount));
		});
		paid.validator_payouts = validator_payouts;
		let mut to_miners = BalanceOf::<T>::zero();
		if matches!(truth.result, JobResult::Digest(_)) {
			let pool = bounty.saturating_sub(paid.burnt).saturating_sub(to_validators);
			let mut miner_payouts = Payouts::<T, T::MaxReplicas>::default();
			to_miners = Self::share(requester, miners, pool, |hotkey, amount| {
				let _ = miner_payouts.try_push((hotkey.clone(), amount));
			});
			paid.miner_payouts = miner_payouts;
		}
		let burnt = paid.burnt;
		let result = truth.result;
		let spent = burnt.saturating_add(to_validators).saturating_add(to_miners);
		let refunded = Self::finish(job, record, bounty.saturating_sub(spent));
		let slashes = Self::record_outcome(job, record, Some(truth), paid, refunded);
		Self::deposit_event(Event::JobSettled {
			job,
			result,
			to_miners,
			to_validators,
			burnt,
			refunded,
		});
		slashes
	}
}

#[cfg(test)]
mod unit {
	use super::two_thirds;

	#[test]
	fn two_thirds_of_the_seats_drawn_not_of_those_present() {
		assert!(two_thirds(2, 3));
		assert!(!two_thirds(1, 3));
		assert!(two_thirds(3, 4));
		assert!(!two_thirds(2, 4));
		assert!(two_thirds(4, 6));
		assert!(!two_thirds(0, 0));
		assert!(two_thirds(1, 1));
	}
}
