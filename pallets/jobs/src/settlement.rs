//! Settlement, in the block after a job's verification deadline: the truth, then the bounty.
//!
//! - **Truth**: for a job drawn for verification, the result hash that validators holding
//!   more than half of the revealing validators' stake reproduced, if at least
//!   [`Config::MinVerifiers`] revealed. Without such a quorum, or for a job not drawn, the
//!   miners' result stands if every assigned miner revealed the same hash (for a drawn job,
//!   only if its policy's `accept_unanimous_miners` allows it); otherwise the job is refunded.
//! - **Bounty**: the protocol fee is burnt; the verification fee is shared equally by the
//!   validators that reproduced the truth (kept by the requester if none did); the rest is
//!   shared equally by the miners that revealed the truth. Shares go to the coldkeys that own
//!   the hotkeys. Rounding and unpaid shares go back to the requester, so the whole bounty is
//!   accounted for: paid, burnt or refunded.
//! - **Penalties** (from stake, through the staking pallet, to the requester): a miner that
//!   revealed another hash loses its policy's `wrong_result_slash` of its stake; one that
//!   committed and never revealed loses its `liveness_slash`.
//! - **Record**: the truth, every payout, penalty, burn and refund stay in [`Outcomes`] for
//!   [`Config::OutcomeRetention`] blocks.

use crate::{pallet::*, BalanceOf, JobId};
use alloc::{collections::BTreeMap, vec::Vec};
use frame_support::traits::{
	fungible::MutateHold,
	tokens::{Fortitude, Precision, Restriction},
	Get,
};
use sp_runtime::{
	traits::{Saturating, Zero},
	SaturatedConversion,
};
use synod_primitives::{
	stake::{SlashAmount, SlashDestination, SlashReason, StakeInfo, StakeSlash},
	subnet::HotkeyOwnership,
};

/// What a settlement paid, penalised and burnt, as [`JobOutcome`] records it. Its bounds are
/// those of the job's miners and verifiers, so pushing one entry per party always fits.
#[derive(frame_support::DefaultNoBound)]
pub(crate) struct Paid<T: Config> {
	pub miner_payouts: Payouts<T, T::MaxReplicas>,
	pub validator_payouts: Payouts<T, T::MaxVerifiersPerJob>,
	pub penalties: Payouts<T, T::MaxReplicas>,
	pub burnt: BalanceOf<T>,
}

impl<T: Config> Pallet<T> {
	/// Keeps how `job` settled readable until `OutcomeRetention` blocks from now.
	pub(crate) fn record_outcome(
		job: JobId,
		record: &JobOf<T>,
		truth: Option<Truth>,
		paid: Paid<T>,
		refunded: BalanceOf<T>,
	) {
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
	}

	/// The result hash that the job's validators, or failing them its miners, establish, and
	/// whether validators did; `None` without a quorum or unanimity.
	pub(crate) fn truth_of(job: JobId, record: &JobOf<T>) -> Option<([u8; 32], bool)> {
		let verified = record.sampled == Some(true);
		let mut tally: BTreeMap<[u8; 32], u128> = BTreeMap::new();
		let mut total = 0u128;
		let mut voters = 0u32;
		for (validator, hash) in VerificationReveals::<T>::iter_prefix(job) {
			let stake: u128 = T::Stake::hotkey_stake(&validator).saturated_into();
			*tally.entry(hash).or_default() += stake;
			total = total.saturating_add(stake);
			voters += 1;
		}
		if verified && voters >= T::MinVerifiers::get() && total > 0 {
			if let Some((hash, _)) =
				tally.into_iter().find(|(_, stake)| stake.saturating_mul(2) > total)
			{
				return Some((hash, true));
			}
		}
		let reveals: Vec<[u8; 32]> =
			ResultReveals::<T>::iter_prefix_values(job).map(|r| r.result_hash).collect();
		if (!verified || record.policy.accept_unanimous_miners)
			&& reveals.len() == record.replicas as usize
			&& reveals.windows(2).all(|pair| pair[0] == pair[1])
		{
			if let Some(hash) = reveals.first() {
				return Some((*hash, false));
			}
		}
		None
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

	/// Settles `job`: establishes its truth, pays, burns, slashes and refunds, and forgets it.
	pub(crate) fn settle(job: JobId) {
		let Some(record) = JobRecords::<T>::get(job) else { return };
		if record.state != JobState::Assigned {
			return;
		}
		if let crate::JobKind::FederatedStatistics { columns } = record.spec.kind {
			return Self::settle_statistics(job, &record, columns);
		}
		let (truth, by_validators) = match Self::truth_of(job, &record) {
			Some(found) => found,
			None => {
				let refund = Self::close(job, &record);
				Self::record_outcome(job, &record, None, Default::default(), refund);
				Self::deposit_event(Event::JobRefunded { job, refund });
				return;
			},
		};
		let bounty = record.bounty;
		let requester = &record.requester;

		// Penalties first: they come from stake, not from the escrow.
		let miners = Assignments::<T>::get(job).unwrap_or_default();
		let mut matching_miners = Vec::new();
		let mut paid = Paid::<T>::default();
		for miner in miners.iter() {
			let penalty = match ResultReveals::<T>::get(job, miner) {
				Some(reveal) if reveal.result_hash == truth => {
					matching_miners.push(miner.clone());
					None
				},
				Some(_) => Some((record.policy.wrong_result_slash, SlashReason::WrongResult)),
				None if ResultCommits::<T>::contains_key(job, miner) => {
					Some((record.policy.liveness_slash, SlashReason::MissedDeadline))
				},
				None => None,
			};
			if let Some((fraction, reason)) = penalty {
				let slashed = T::Slash::slash(
					miner,
					SlashAmount::Fraction(fraction),
					reason,
					SlashDestination::Account(requester.clone()),
				)
				.unwrap_or_else(|_| Zero::zero());
				let _ = paid.penalties.try_push((miner.clone(), slashed));
				Self::deposit_event(Event::MinerPenalised { job, miner: miner.clone(), slashed });
			}
		}

		// The protocol fee is burnt.
		let protocol_fee = T::ProtocolFee::get().mul_floor(bounty);
		let burnt = T::Currency::burn_held(
			&HoldReason::Escrow.into(),
			requester,
			protocol_fee,
			Precision::Exact,
			Fortitude::Polite,
		)
		.unwrap_or_else(|_| Zero::zero());
		paid.burnt = burnt;

		// The verification fee to the validators that reproduced the truth.
		let mut to_validators = BalanceOf::<T>::zero();
		if by_validators {
			let matching: Vec<T::AccountId> = VerificationReveals::<T>::iter_prefix(job)
				.filter(|(_, hash)| *hash == truth)
				.map(|(validator, _)| validator)
				.collect();
			let fee = T::VerificationFee::get().mul_floor(bounty);
			let share = fee / (matching.len().max(1) as u32).into();
			for validator in &matching {
				if !share.is_zero() && Self::pay_from_escrow(requester, validator, share) {
					to_validators = to_validators.saturating_add(share);
					let _ = paid.validator_payouts.try_push((validator.clone(), share));
				}
			}
		}

		// The rest to the miners that delivered the truth.
		let mut to_miners = BalanceOf::<T>::zero();
		let pool = bounty.saturating_sub(burnt).saturating_sub(to_validators);
		if !matching_miners.is_empty() {
			let share = pool / (matching_miners.len() as u32).into();
			for miner in &matching_miners {
				if !share.is_zero() && Self::pay_from_escrow(requester, miner, share) {
					to_miners = to_miners.saturating_add(share);
					let _ = paid.miner_payouts.try_push((miner.clone(), share));
				}
			}
		}

		let uri = matching_miners
			.first()
			.and_then(|miner| ResultReveals::<T>::get(job, miner))
			.map(|reveal| reveal.uri)
			.unwrap_or_default();
		let spent = burnt.saturating_add(to_validators).saturating_add(to_miners);
		let refunded = Self::finish(job, &record, bounty.saturating_sub(spent));
		let truth_record = Truth { result_hash: truth, uri, by_validators };
		Self::record_outcome(job, &record, Some(truth_record), paid, refunded);
		Self::deposit_event(Event::JobSettled {
			job,
			result_hash: truth,
			to_miners,
			to_validators,
			burnt,
			refunded,
		});
	}
}
