//! Colearn: experiments from their creation through their rounds to their close. Most calls
//! aim at what the live state waits for (learners for a new experiment, the drawn proposer of
//! a round in its proposal window, learners yet to commit in a commit window, the reveal of
//! what this generator committed in a reveal window, applicants waiting for their creator),
//! so that rounds are tallied, heads move and rewards are paid; the rest miss on purpose (a
//! wrong round, parent, signer, budget, config, URI or opening) so that every refusal is met.

use frame_support::{traits::Get, BoundedVec};
use pallet_colearn::{
	Admission, Applicants, DpSgdParameters, Experiment, ExperimentConfig, ExperimentId,
	ExperimentStatus, Experiments, Learners, NextExperimentId, Phase, PrivacyBudget, Proposals,
	Round, ScoreDirection, SummaryOf, UriOf, VoteCommits, VoteReveals, MAX_SKIPPED_ROUNDS,
	MAX_STEPS_PER_PROPOSAL, MAX_SUMMARY_LEN,
};
use sp_core::H256;
use sp_runtime::Perbill;
use synod_runtime::{currency::SYN, AccountId, Balance, BlockNumber, Runtime, RuntimeOrigin};

use crate::world::{Action, Gen};

type Colearn = pallet_colearn::Call<Runtime>;
type Pallet = pallet_colearn::Pallet<Runtime>;
type Record = Experiment<AccountId, Balance, BlockNumber>;
type ConfigOf = ExperimentConfig<Balance, BlockNumber>;

/// Commitments older than the current round are dropped each call; this bounds what is left
/// should many experiments sit in their commit and reveal windows at once.
const MEMO_CAP: usize = 1024;

/// What a commitment hid, for the reveal that opens it.
#[derive(Clone)]
struct Commitment {
	experiment: ExperimentId,
	round: Round,
	voter: AccountId,
	approve: bool,
	score: i64,
	salt: [u8; 32],
}

/// The votes this generator committed in rounds still open.
#[derive(Default)]
pub struct Memo {
	commitments: Vec<Commitment>,
}

/// Accounts with the index (into `Targets::open`) of the experiment they are a target in.
type Pairs = Vec<(usize, AccountId)>;

/// What the live state waits for, read once per call.
struct Targets {
	/// Open experiments, by id.
	open: Vec<(ExperimentId, Record)>,
	/// Indexes into `open` of experiments whose drawn proposer has not proposed yet.
	proposing: Vec<usize>,
	/// Learners (not the proposer) that have not committed in a commit window.
	commits: Pairs,
	/// Remembered commitments that may be revealed now.
	reveals: Vec<Commitment>,
	/// Staked hotkeys that may join (or apply to) an experiment with room.
	joins: Pairs,
	/// Applicants waiting for their creator.
	applicants: Pairs,
	/// Learners and applicants, who may leave.
	members: Pairs,
	/// Every hotkey with stake, by account.
	hotkeys: Vec<(AccountId, Balance)>,
}

impl Targets {
	fn read(open: Vec<(ExperimentId, Record)>, memo: &Memo) -> Self {
		// Learners must be staked hotkeys; the prelude and the staking generator make them.
		let mut hotkeys: Vec<(AccountId, Balance)> = pallet_synod_staking::Pools::<Runtime>::iter()
			.map(|(hotkey, pools)| (hotkey, pools.active.value))
			.filter(|(_, stake)| *stake > 0)
			.collect();
		hotkeys.sort_by(|a, b| a.0.cmp(&b.0));
		let mut proposing: Vec<usize> = Vec::new();
		let (mut commits, mut joins, mut applicants, mut members): (Pairs, Pairs, Pairs, Pairs) =
			Default::default();
		for (index, (id, record)) in open.iter().enumerate() {
			let learners: Vec<AccountId> = Learners::<Runtime>::iter_key_prefix(*id).collect();
			let waiting: Vec<AccountId> = Applicants::<Runtime>::iter_key_prefix(*id).collect();
			match record.phase {
				Phase::Proposal => {
					if record.proposer.is_some() && !Proposals::<Runtime>::contains_key(*id) {
						proposing.push(index);
					}
				},
				Phase::Commit => {
					for voter in &learners {
						if Some(voter) != record.proposer.as_ref()
							&& !VoteCommits::<Runtime>::contains_key(*id, voter)
						{
							commits.push((index, voter.clone()));
						}
					}
				},
				_ => {},
			}
			let room = match record.config.admission {
				Admission::Open => record.learners < record.config.max_learners,
				Admission::CreatorApproves => record.applicants < record.config.max_learners,
			};
			if room {
				for (hotkey, stake) in &hotkeys {
					if *stake >= record.config.min_stake
						&& !learners.contains(hotkey)
						&& !waiting.contains(hotkey)
					{
						joins.push((index, hotkey.clone()));
					}
				}
			}
			members.extend(learners.iter().chain(&waiting).map(|who| (index, who.clone())));
			applicants.extend(waiting.into_iter().map(|who| (index, who)));
		}
		let reveals = memo
			.commitments
			.iter()
			.filter(|c| {
				open.iter().any(|(id, record)| {
					*id == c.experiment && record.round == c.round && record.phase == Phase::Reveal
				}) && VoteCommits::<Runtime>::contains_key(c.experiment, &c.voter)
					&& !VoteReveals::<Runtime>::contains_key(c.experiment, &c.voter)
			})
			.cloned()
			.collect();
		Self { open, proposing, commits, reveals, joins, applicants, members, hotkeys }
	}
}

fn open_experiments() -> Vec<(ExperimentId, Record)> {
	let mut open: Vec<(ExperimentId, Record)> = Experiments::<Runtime>::iter()
		.filter(|(_, record)| record.status == ExperimentStatus::Open)
		.collect();
	open.sort_by_key(|(id, _)| *id);
	open
}

/// Forgets commitments whose round has moved on (or whose experiment closed): the pallet
/// cleared them, so nothing could open them any more.
fn prune(memo: &mut Memo, open: &[(ExperimentId, Record)]) {
	memo.commitments.retain(|c| {
		open.iter().any(|(id, record)| {
			*id == c.experiment
				&& record.round == c.round
				&& matches!(record.phase, Phase::Commit | Phase::Reveal)
		})
	});
	if memo.commitments.len() > MEMO_CAP {
		let excess = memo.commitments.len() - MEMO_CAP;
		memo.commitments = memo.commitments.split_off(excess);
	}
}

pub fn generate(g: &mut Gen) -> Action {
	let open = open_experiments();
	prune(&mut g.memo.colearn, &open);
	let t = Targets::read(open, &g.memo.colearn);
	let max_open: u32 = <Runtime as pallet_colearn::Config>::MaxOpenExperiments::get();
	// Windows last a few blocks: what a round waits for is drawn far more often than the
	// rest, or the window closes before a call lands in it and the round is skipped.
	let boost = |due: bool, by: u32| if due { by } else { 0 };
	let weights = [
		3 + boost(t.open.len() < 6, 4),
		3 + boost(!t.joins.is_empty(), 6),
		1 + boost(!t.applicants.is_empty(), 5),
		1,
		2 + boost(!t.proposing.is_empty(), 16),
		2 + boost(!t.commits.is_empty(), 12),
		2 + boost(!t.reveals.is_empty(), 12),
		1 + boost(t.open.len() + 2 >= max_open as usize, 3),
	];
	match g.rng.weighted(&weights) {
		0 => create(g, &t),
		1 => join(g, &t),
		2 => approve(g, &t),
		3 => leave(g, &t),
		4 => propose(g, &t),
		5 => commit(g, &t),
		6 => reveal(g, &t),
		_ => close(g, &t),
	}
}

/// `call` signed by `who`; now and then another origin, for the origin checks.
fn signed(g: &mut Gen, who: &AccountId, call: Colearn) -> Action {
	let origin = RuntimeOrigin::signed(who.clone());
	let origin = if g.rng.chance(1, 3) { g.vary_origin(origin) } else { origin };
	Action { origin, call: call.into() }
}

/// Whether to aim at the live target (when there is one).
fn aim(g: &mut Gen) -> bool {
	g.rng.chance(4, 5)
}

/// An experiment that exists, most of the time, open or closed; otherwise an unknown one.
fn any_experiment(g: &mut Gen) -> ExperimentId {
	let next = NextExperimentId::<Runtime>::get();
	if next == 0 || g.rng.chance(1, 8) {
		next.saturating_add(g.rng.below(3) as u32)
	} else {
		g.rng.below(next as u64) as u32
	}
}

/// An open experiment two times in three, else any.
fn experiment(g: &mut Gen, t: &Targets) -> ExperimentId {
	if !t.open.is_empty() && g.rng.chance(2, 3) {
		g.rng.pick(&t.open).0
	} else {
		any_experiment(g)
	}
}

/// A staked hotkey, or (one time in three) any account of the pool.
fn hotkey_or_anyone(g: &mut Gen, t: &Targets) -> AccountId {
	let keys: Vec<AccountId> = t.hotkeys.iter().map(|(hotkey, _)| hotkey.clone()).collect();
	let fallback = g.account();
	g.pick_or(&keys, 3, fallback)
}

/// A learner of `experiment` two times in three, else a staked hotkey or anyone.
fn learner_or_anyone(g: &mut Gen, t: &Targets, experiment: ExperimentId) -> AccountId {
	let learners: Vec<AccountId> = Learners::<Runtime>::iter_key_prefix(experiment).collect();
	let fallback = hotkey_or_anyone(g, t);
	g.pick_or(&learners, 3, fallback)
}

/// The current round of `experiment` (0 for an unknown one), or the next.
fn round_near(g: &mut Gen, experiment: ExperimentId) -> Round {
	let round = Experiments::<Runtime>::get(experiment).map_or(0, |record| record.round);
	round.saturating_add(g.rng.below(2) as u32)
}

/// A learner of `experiment` other than `not`, or anyone.
fn other_learner(g: &mut Gen, experiment: ExperimentId, not: &AccountId) -> AccountId {
	let others: Vec<AccountId> =
		Learners::<Runtime>::iter_key_prefix(experiment).filter(|who| who != not).collect();
	let fallback = g.account();
	g.pick_or(&others, 4, fallback)
}

fn good_uri(g: &mut Gen) -> UriOf {
	let scheme = if g.rng.chance(1, 4) { "http" } else { "https" };
	let path = g.rng.below(1 << 20);
	BoundedVec::truncate_from(format!("{scheme}://models.synod.test/{path}").into_bytes())
}

/// URIs the pallet refuses: no scheme it admits, no host, a control byte, nothing.
fn bad_uri(g: &mut Gen) -> UriOf {
	const BAD: [&[u8]; 6] = [
		b"",
		b"ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi",
		b"https://",
		b"https://models.synod.test/\x07",
		b"https://models synod test/",
		b"file:///models/head.bin",
	];
	BoundedVec::truncate_from(g.rng.pick(&BAD).to_vec())
}

fn uri(g: &mut Gen) -> UriOf {
	if g.rng.chance(1, 12) {
		bad_uri(g)
	} else {
		good_uri(g)
	}
}

fn summary(g: &mut Gen) -> SummaryOf {
	let len = if g.rng.chance(1, 16) { MAX_SUMMARY_LEN as usize } else { g.rng.below(48) as usize };
	BoundedVec::truncate_from(g.rng.bytes(len))
}

mod experiments;
mod rounds;
use experiments::{approve, close, create, join, leave};
use rounds::{commit, propose, reveal};
