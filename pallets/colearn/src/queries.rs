//! What the runtime API answers: the pallet's maps flattened into the views of
//! `pallet-colearn-runtime-api`. Off-chain reads only; no extrinsic calls these.

use crate::{pallet::*, Admission, ExperimentId, ExperimentStatus, Phase, ScoreDirection};
use alloc::{string::String, vec::Vec};
use frame_system::pallet_prelude::BlockNumberFor;
use pallet_colearn_runtime_api::{
	ConfigView, DpSgdView, ExperimentView, LearnerView, LineageView, PhaseView, VoteView,
};
use sp_core::H256;
use synod_primitives::stake::StakeInfo;

/// The experiment view for this runtime.
pub type ExperimentViewOf<T> =
	ExperimentView<<T as frame_system::Config>::AccountId, crate::BalanceOf<T>, BlockNumberFor<T>>;

/// Bytes the pallet validated as printable ASCII, as text.
fn text(bytes: &[u8]) -> String {
	String::from_utf8_lossy(bytes).into_owned()
}

impl<T: Config> Pallet<T> {
	/// Experiment `experiment` as a client reads it.
	pub fn experiment_view(experiment: ExperimentId) -> Option<ExperimentViewOf<T>> {
		let record = Experiments::<T>::get(experiment)?;
		let config = &record.config;
		let mut learners: Vec<LearnerView<T::AccountId, crate::BalanceOf<T>>> =
			Learners::<T>::iter_prefix(experiment)
				.map(|(hotkey, learner)| {
					let spent = PrivacyAccounts::<T>::get(experiment, &learner.coldkey)
						.map_or(0, |account| account.epsilon_micros);
					LearnerView {
						stake: T::Stake::hotkey_stake(&hotkey),
						coldkey: learner.coldkey,
						epsilon_spent: spent,
						epsilon_remaining: config
							.privacy
							.map(|budget| budget.epsilon_micros.saturating_sub(spent)),
						hotkey,
					}
				})
				.collect();
		learners.sort_by(|a, b| a.hotkey.cmp(&b.hotkey));
		let mut applicants: Vec<T::AccountId> =
			Applicants::<T>::iter_key_prefix(experiment).collect();
		applicants.sort();
		let phase = match (record.status, record.phase) {
			(ExperimentStatus::Closed, _) => PhaseView::Closed,
			(_, Phase::Starting) => PhaseView::Starting,
			(_, Phase::Proposal) => PhaseView::Proposal,
			(_, Phase::Commit) => PhaseView::Commit,
			(_, Phase::Reveal) => PhaseView::Reveal,
		};
		Some(ExperimentView {
			id: experiment,
			creator: record.creator.clone(),
			config: ConfigView {
				architecture: text(&config.architecture),
				architecture_version: config.architecture_version,
				vote_threshold: config.vote_threshold,
				min_improvement: config.min_improvement,
				higher_is_better: config.score_direction == ScoreDirection::HigherIsBetter,
				proposal_window: config.proposal_window,
				commit_window: config.commit_window,
				reveal_window: config.reveal_window,
				reward_per_round: config.reward_per_round,
				voters_share: config.voters_share,
				epsilon_budget: config.privacy.map(|budget| budget.epsilon_micros),
				delta: config.privacy.map(|budget| budget.delta),
				min_stake: config.min_stake,
				creator_approves: config.admission == Admission::CreatorApproves,
				max_learners: config.max_learners,
				max_skipped_rounds: config.max_skipped_rounds,
			},
			head: H256(record.head),
			head_uri: text(&record.head_uri),
			pool: record.pool,
			round: record.round,
			phase,
			phase_ends: record.phase_ends,
			proposer: record.proposer.clone(),
			closing: record.closing,
			proposal: Proposals::<T>::get(experiment)
				.map(|(proposal, _)| (H256(proposal.weights_hash), text(&proposal.uri))),
			learners,
			applicants,
			lineage_len: record.lineage_len,
		})
	}

	/// The open experiments, ascending.
	pub fn open_experiment_ids() -> Vec<ExperimentId> {
		let mut open: Vec<ExperimentId> = Experiments::<T>::iter()
			.filter(|(_, record)| record.status == ExperimentStatus::Open)
			.map(|(id, _)| id)
			.collect();
		open.sort_unstable();
		open
	}

	/// Lineage entries `from..from + limit` of `experiment`.
	pub fn lineage_page(
		experiment: ExperimentId,
		from: u32,
		limit: u32,
	) -> Vec<LineageView<T::AccountId>> {
		(from..from.saturating_add(limit))
			.map_while(|index| Lineage::<T>::get(experiment, index).map(|entry| (index, entry)))
			.map(|(index, entry)| LineageView {
				index,
				parent: entry.parent.map(H256),
				hash: H256(entry.hash),
				uri: text(&entry.uri),
				proposer: entry.proposer,
				round: entry.round,
				votes: entry
					.votes
					.into_iter()
					.map(|(learner, vote)| VoteView {
						learner,
						approve: vote.approve,
						score: vote.score,
					})
					.collect(),
				privacy: entry.privacy.map(|p| DpSgdView {
					sample_rate_ppb: p.sample_rate_ppb,
					noise_multiplier_milli: p.noise_multiplier_milli,
					steps: p.steps,
					clip_norm_milli: p.clip_norm_milli,
				}),
				epsilon_after: entry.epsilon_after,
			})
			.collect()
	}
}
