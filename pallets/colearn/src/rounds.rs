//! Rounds, driven by `on_initialize`: each open experiment is due in the block after its
//! current phase ends, and moves on: a new round draws its proposer; a proposal window with a
//! proposal opens the commit window, one without skips the round; the commit window opens the
//! reveal window; the reveal window's end tallies the round and opens the next (or closes the
//! experiment when its pool cannot pay another round, or its creator asked to close it).
//!
//! A vote weighs the stake behind the voter's hotkey, less whatever the proposer's coldkey
//! has staked behind it: the proposer's own stake never votes on its proposal, through
//! whichever hotkey it sits behind. The score that decides is the stake-weighted median, and
//! the voters' part of an accepted round's reward is split by that weight among the voters
//! who revealed an approval; so splitting one stake over many hotkeys buys neither more say
//! nor more pay, and every hotkey needs the experiment's minimum stake to vote at all.
//!
//! The proposer draw uses `Config::Randomness` in the block the round opens, weighted by
//! stake. On Synod that is the parent block's BABE VRF output, which its author could compute
//! in advance but not choose (`docs/security.md` says what that leaves).

use crate::{pallet::*, BalanceOf, ExperimentId, Phase, Vote};
use alloc::vec::Vec;
use codec::Encode;
use frame_support::traits::{
	fungible::MutateHold,
	tokens::{Fortitude, Precision, Restriction},
	Randomness,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{BlakeTwo256, Hash, Saturating, Zero},
	SaturatedConversion,
};
use synod_primitives::{stake::StakeInfo, subnet::HotkeyOwnership};

/// What a block's round work amounted to, for its weight.
pub struct RoundWork {
	/// Phase transitions made.
	pub transitions: u32,
	/// The most votes one tally among them read, or learners one draw read: the benchmark's
	/// `v` is per experiment (`t` experiments with `v` votes each, a draw among `v + 1`), so
	/// the block's work is at most `advance_rounds(t, most_votes)`.
	pub most_votes: u32,
	/// Experiments closed (a stall, a spent pool or the creator's request), each charged as
	/// a close is: the benchmark of the transitions opens the next round instead.
	pub closes: u32,
}

/// The lower weighted median of `values`: the least value at which the weights of the
/// values up to it reach half of all the weight. Sorted in place; `None` if the weights sum
/// to 0. With equal weights it is the lower middle value.
pub fn lower_weighted_median(values: &mut [(i64, u128)]) -> Option<i64> {
	values.sort_unstable();
	let total = values.iter().fold(0u128, |sum, (_, weight)| sum.saturating_add(*weight));
	if total == 0 {
		return None;
	}
	let mut below = 0u128;
	for (value, weight) in values.iter() {
		below = below.saturating_add(*weight);
		// below >= total / 2, without rounding.
		if below >= total - below {
			return Some(*value);
		}
	}
	None
}

/// The index drawn from `weights` with probability proportional to each, from `seed`; `None`
/// if every weight is 0.
pub fn weighted_pick(weights: &[u128], seed: &[u8]) -> Option<usize> {
	let total: u128 = weights.iter().fold(0u128, |sum, w| sum.saturating_add(*w));
	if total == 0 {
		return None;
	}
	let hash = BlakeTwo256::hash(seed);
	let mut bytes = [0u8; 16];
	bytes.copy_from_slice(&hash.as_ref()[..16]);
	let mut point = u128::from_le_bytes(bytes) % total;
	for (index, weight) in weights.iter().enumerate() {
		if point < *weight {
			return Some(index);
		}
		point -= weight;
	}
	None
}

impl<T: Config> Pallet<T> {
	/// Moves every experiment due at `now` to its next phase.
	pub(crate) fn advance_rounds(now: BlockNumberFor<T>) -> RoundWork {
		let due = PhaseDue::<T>::take(now);
		let mut work = RoundWork { transitions: due.len() as u32, most_votes: 0, closes: 0 };
		for experiment in due {
			let Some(mut record) = Experiments::<T>::get(experiment) else { continue };
			if record.status != crate::ExperimentStatus::Open {
				continue;
			}
			// A draw reads every learner, as a tally reads every vote: charge the larger.
			work.most_votes = work.most_votes.max(record.learners);
			let next = match record.phase {
				Phase::Starting => Some(Self::open_round(experiment, &mut record, now)),
				Phase::Proposal if Proposals::<T>::contains_key(experiment) => {
					Some(Self::enter(&mut record, Phase::Commit, now))
				},
				Phase::Proposal => {
					Self::deposit_event(Event::RoundSkipped { experiment, round: record.round });
					Self::next_round_or_close(experiment, &mut record, now, false)
				},
				Phase::Commit => Some(Self::enter(&mut record, Phase::Reveal, now)),
				Phase::Reveal => {
					let (votes, accepted) = Self::tally(experiment, &mut record);
					work.most_votes = work.most_votes.max(votes);
					Self::next_round_or_close(experiment, &mut record, now, accepted)
				},
			};
			match next {
				Some(due_at) => {
					// At most `MaxOpenExperiments` are open and each is due once: room exists.
					PhaseDue::<T>::mutate(due_at, |due| {
						let _ = due.try_push(experiment);
					});
					Experiments::<T>::insert(experiment, record);
				},
				None => {
					work.closes += 1;
					Self::close(experiment, record)
				},
			}
		}
		work
	}

	/// After a round that ended `accepted` or not: the block the next round is due, or `None`
	/// to close the experiment: its creator asked to, its pool cannot pay another round, or
	/// it has gone `max_skipped_rounds` rounds in a row without accepting a proposal (so an
	/// experiment, and the stake locks of its learners, cannot last for ever on rejected
	/// rounds that spend nothing).
	fn next_round_or_close(
		experiment: ExperimentId,
		record: &mut ExperimentOf<T>,
		now: BlockNumberFor<T>,
		accepted: bool,
	) -> Option<BlockNumberFor<T>> {
		if record.closing || record.pool < record.config.reward_per_round {
			return None;
		}
		if accepted {
			SkippedRounds::<T>::remove(experiment);
		} else {
			let skipped = SkippedRounds::<T>::get(experiment).saturating_add(1);
			if skipped >= record.config.max_skipped_rounds {
				Self::deposit_event(Event::ExperimentStalled { experiment, skipped });
				return None;
			}
			SkippedRounds::<T>::insert(experiment, skipped);
		}
		Some(Self::open_round(experiment, record, now))
	}

	/// Puts `record` in `phase` from `now` for its window; returns the block it is due next.
	fn enter(
		record: &mut ExperimentOf<T>,
		phase: Phase,
		now: BlockNumberFor<T>,
	) -> BlockNumberFor<T> {
		let window = match phase {
			Phase::Proposal => record.config.proposal_window,
			Phase::Commit => record.config.commit_window,
			Phase::Reveal => record.config.reveal_window,
			Phase::Starting => Zero::zero(),
		};
		record.phase = phase;
		record.phase_ends = now.saturating_add(window).saturating_sub(1u32.into());
		now.saturating_add(window)
	}

	/// Opens the next round: forgets the last one's proposal and votes and draws a proposer.
	fn open_round(
		experiment: ExperimentId,
		record: &mut ExperimentOf<T>,
		now: BlockNumberFor<T>,
	) -> BlockNumberFor<T> {
		Self::clear_round(experiment);
		if record.proposer.is_some() {
			record.last_proposer = record.proposer.take();
		}
		record.round = record.round.saturating_add(1);
		record.proposer = Self::draw_proposer(experiment, record);
		Self::deposit_event(Event::RoundStarted {
			experiment,
			round: record.round,
			proposer: record.proposer.clone(),
		});
		Self::enter(record, Phase::Proposal, now)
	}

	/// A learner drawn by stake, never the last proposer while another learner has stake.
	fn draw_proposer(experiment: ExperimentId, record: &ExperimentOf<T>) -> Option<T::AccountId> {
		let mut candidates: Vec<(T::AccountId, u128)> = Learners::<T>::iter_key_prefix(experiment)
			.map(|learner| {
				let stake: u128 = T::Stake::hotkey_stake(&learner).saturated_into();
				(learner, stake)
			})
			.filter(|(_, stake)| *stake > 0)
			.collect();
		// Storage order is by hashed key; sort so that the draw depends on the keys alone.
		candidates.sort_by(|a, b| a.0.cmp(&b.0));
		if candidates.len() > 1 {
			candidates.retain(|(learner, _)| Some(learner) != record.last_proposer.as_ref());
		}
		let (random, _) =
			T::Randomness::random(&(b"synod/colearn/proposer", experiment, record.round).encode());
		let weights: Vec<u128> = candidates.iter().map(|(_, stake)| *stake).collect();
		weighted_pick(&weights, random.as_ref()).map(|index| candidates[index].0.clone())
	}

	/// What `voter`'s vote weighs now in a round proposed by `proposer_coldkey`: the stake
	/// behind it, less the proposer's coldkey's part of it.
	pub(crate) fn vote_weight(voter: &T::AccountId, proposer_coldkey: &T::AccountId) -> u128 {
		let stake: u128 = T::Stake::hotkey_stake(voter).saturated_into();
		let own: u128 = T::Stake::stake(proposer_coldkey, voter).saturated_into();
		stake.saturating_sub(own)
	}

	/// Tallies the round: accepts or rejects the proposal and pays for an accepted one.
	/// Returns how many votes it read and whether it accepted.
	fn tally(experiment: ExperimentId, record: &mut ExperimentOf<T>) -> (u32, bool) {
		let Some((proposal, proposer_coldkey)) = Proposals::<T>::get(experiment) else {
			return (0, false);
		};
		// Commits are refused to the proposer and its coldkey, and a leaver's votes are
		// dropped, so every reveal here is a current learner's.
		let mut votes: Vec<(T::AccountId, Vote, u128)> = VoteReveals::<T>::iter_prefix(experiment)
			.map(|(voter, vote)| {
				let committed: u128 = VoteCommits::<T>::get(experiment, &voter)
					.map_or(0, |(_, weight)| weight.saturated_into());
				let weight = Self::vote_weight(&voter, &proposer_coldkey).min(committed);
				(voter, vote, weight)
			})
			.collect();
		// Storage order is by hashed key; the lineage and the payouts go by account.
		votes.sort_by(|a, b| a.0.cmp(&b.0));
		let mut approving = 0u128;
		let mut revealed = 0u128;
		let mut improvements: Vec<(i64, u128)> = Vec::with_capacity(votes.len());
		for (_, vote, weight) in &votes {
			revealed = revealed.saturating_add(*weight);
			if vote.approve {
				approving = approving.saturating_add(*weight);
			}
			let improvement = match record.config.score_direction {
				crate::ScoreDirection::HigherIsBetter => vote.score,
				crate::ScoreDirection::LowerIsBetter => vote.score.saturating_neg(),
			};
			improvements.push((improvement, *weight));
		}
		let median_improvement = lower_weighted_median(&mut improvements);
		let threshold = record.config.vote_threshold.mul_ceil(revealed);
		let accepted = revealed > 0
			&& approving >= threshold
			&& median_improvement.is_some_and(|median| median >= record.config.min_improvement);
		Self::deposit_event(Event::RoundTallied {
			experiment,
			round: record.round,
			accepted,
			approving_stake: approving.saturated_into(),
			revealed_stake: revealed.saturated_into(),
			median_improvement,
		});
		let counted = votes.len() as u32;
		if accepted {
			let approvers: Vec<(&T::AccountId, u128)> = votes
				.iter()
				.filter(|(_, vote, weight)| vote.approve && *weight > 0)
				.map(|(voter, _, weight)| (voter, *weight))
				.collect();
			let (to_proposer, to_voters) =
				Self::pay_round(record, &proposal.proposer, &approvers, approving);
			let index = record.lineage_len;
			let recorded: Vec<(T::AccountId, Vote)> =
				votes.into_iter().map(|(voter, vote, _)| (voter, vote)).collect();
			Lineage::<T>::insert(
				experiment,
				index,
				crate::LineageEntry {
					parent: Some(proposal.parent),
					hash: proposal.weights_hash,
					uri: proposal.uri.clone(),
					proposer: Some(proposal.proposer.clone()),
					round: record.round,
					// Voters are learners, at most `MaxLearners`.
					votes: recorded.try_into().unwrap_or_default(),
					privacy: proposal.privacy,
					epsilon_after: proposal.epsilon_after,
				},
			);
			record.lineage_len += 1;
			record.head = proposal.weights_hash;
			record.head_uri = proposal.uri;
			Self::deposit_event(Event::HeadMoved {
				experiment,
				index,
				head: record.head,
				to_proposer,
				to_voters,
			});
		}
		(counted, accepted)
	}

	/// Pays an accepted round from the pool: the proposer its part, and the voters' part to
	/// the `approvers` (who revealed an approval) in proportion to their weight, of
	/// `approving` in all. What rounding leaves stays in the pool.
	fn pay_round(
		record: &mut ExperimentOf<T>,
		proposer: &T::AccountId,
		approvers: &[(&T::AccountId, u128)],
		approving: u128,
	) -> (BalanceOf<T>, BalanceOf<T>) {
		let reward = record.config.reward_per_round.min(record.pool);
		let voters_part = record.config.voters_share.mul_floor(reward);
		let proposer_part = reward.saturating_sub(voters_part);
		let to_proposer = Self::pay(record, proposer, proposer_part);
		let mut to_voters = BalanceOf::<T>::zero();
		let voters_part: u128 = voters_part.saturated_into();
		for (voter, weight) in approvers {
			let share = sp_runtime::helpers_128bit::multiply_by_rational_with_rounding(
				voters_part,
				*weight,
				approving.max(1),
				sp_runtime::Rounding::Down,
			)
			.unwrap_or(0);
			to_voters = to_voters.saturating_add(Self::pay(record, voter, share.saturated_into()));
		}
		(to_proposer, to_voters)
	}

	/// Moves `amount` from the pool to the coldkey that owns `hotkey` (or the hotkey itself,
	/// if no coldkey claims it); returns what moved. What cannot move (an amount that would
	/// not open the account) stays in the pool, which goes back to the creator at the close.
	fn pay(
		record: &mut ExperimentOf<T>,
		hotkey: &T::AccountId,
		amount: BalanceOf<T>,
	) -> BalanceOf<T> {
		if amount.is_zero() {
			return amount;
		}
		let to = T::Hotkeys::owner_of(hotkey).unwrap_or_else(|| hotkey.clone());
		let moved = T::Currency::transfer_on_hold(
			&HoldReason::RewardPool.into(),
			&record.creator,
			&to,
			amount,
			Precision::Exact,
			Restriction::Free,
			Fortitude::Polite,
		)
		.unwrap_or_else(|_| Zero::zero());
		record.pool = record.pool.saturating_sub(moved);
		moved
	}
}

#[cfg(test)]
mod unit {
	use super::*;

	fn even(values: &[i64]) -> Vec<(i64, u128)> {
		values.iter().map(|value| (*value, 1)).collect()
	}

	#[test]
	fn with_equal_weights_the_median_is_the_lower_middle() {
		assert_eq!(lower_weighted_median(&mut []), None);
		assert_eq!(lower_weighted_median(&mut even(&[5])), Some(5));
		assert_eq!(lower_weighted_median(&mut even(&[9, -3])), Some(-3));
		assert_eq!(lower_weighted_median(&mut even(&[4, 1, 3])), Some(3));
		assert_eq!(lower_weighted_median(&mut even(&[7, 1, 3, 100])), Some(3));
	}

	#[test]
	fn the_median_follows_the_stake_not_the_heads() {
		// Four sybils at 1 each against one learner with 10: the learner's score decides.
		let mut votes = vec![(-50, 1), (-50, 1), (-50, 1), (-50, 1), (20, 10)];
		assert_eq!(lower_weighted_median(&mut votes), Some(20));
		// Exactly half the weight on each side: the lower one.
		assert_eq!(lower_weighted_median(&mut vec![(3, 5), (8, 5)]), Some(3));
		// Zero weights count for nothing, and all-zero is no median.
		assert_eq!(lower_weighted_median(&mut vec![(-9, 0), (4, 2)]), Some(4));
		assert_eq!(lower_weighted_median(&mut vec![(1, 0), (2, 0)]), None);
	}

	#[test]
	fn picks_follow_the_weights() {
		assert_eq!(weighted_pick(&[0, 0], b"seed"), None);
		assert_eq!(weighted_pick(&[0, 5], b"seed"), Some(1));
		let heavy =
			(0u32..4000).filter(|i| weighted_pick(&[1, 3], &i.to_le_bytes()) == Some(1)).count();
		// Expected 3000; four standard deviations are about 110.
		assert!((2890..=3110).contains(&heavy), "{heavy}");
	}
}
