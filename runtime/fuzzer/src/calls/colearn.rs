//! Colearn: experiments from their creation through their rounds to their close. Most calls
//! aim at what the live state waits for (learners for a new experiment, the drawn proposer of
//! a round in its proposal window, learners yet to commit in a commit window, the reveal of
//! what this generator committed in a reveal window, applicants waiting for their creator),
//! so that rounds are tallied, heads move and rewards are paid; the rest miss on purpose (a
//! wrong round, parent, signer, budget, config, URI or opening) so that every refusal is met.

use frame_support::{traits::Get, BoundedVec};
use pallet_colearn::{
	Admission, Applicants, Experiment, ExperimentConfig, ExperimentId, ExperimentStatus,
	Experiments, Learners, NextExperimentId, Phase, Proposals, Round, ScoreDirection, SummaryOf,
	UriOf, VoteCommits, VoteReveals, MAX_SKIPPED_ROUNDS, MAX_SUMMARY_LEN,
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
		let mut hotkeys: Vec<(AccountId, Balance)> =
			pallet_synod_staking::HotkeyStake::<Runtime>::iter()
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

/// A stake floor that the staked hotkeys meet most of the time: the least of their stakes,
/// sometimes one of theirs (so some are refused), none, or one nobody meets.
fn min_stake(g: &mut Gen, t: &Targets) -> Balance {
	let least = t.hotkeys.iter().map(|(_, stake)| *stake).min().unwrap_or(1);
	match g.rng.below(10) {
		0 => 0,
		1 => {
			let index = g.rng.below(t.hotkeys.len() as u64) as usize;
			t.hotkeys.get(index).map_or(least, |(_, stake)| *stake)
		},
		2 => {
			if g.rng.chance(1, 3) {
				Balance::MAX
			} else {
				least
			}
		},
		_ => least,
	}
}

/// A valid config with windows of a few blocks, so that a round runs in tens of blocks, and
/// pools that pay a few dozen rounds at most, so that experiments close and free their slots.
fn config(g: &mut Gen, t: &Targets) -> ConfigOf {
	const ARCHITECTURES: [&[u8]; 3] = [b"mlp", b"cnn", b"linear"];
	let score_direction = if g.rng.chance(1, 3) {
		ScoreDirection::LowerIsBetter
	} else {
		ScoreDirection::HigherIsBetter
	};
	let max_learners: u32 = <Runtime as pallet_colearn::Config>::MaxLearners::get();
	let mut config = ExperimentConfig {
		architecture: BoundedVec::truncate_from(g.rng.pick(&ARCHITECTURES).to_vec()),
		architecture_version: g.rng.between(1, 3) as u32,
		vote_threshold: Perbill::from_percent(g.rng.between(1, 80) as u32),
		min_improvement: if g.rng.chance(1, 8) {
			-(g.rng.below(5_000) as i64)
		} else {
			g.rng.below(20_001) as i64
		},
		score_direction,
		proposal_window: g.rng.between(2, 6) as BlockNumber,
		commit_window: g.rng.between(2, 5) as BlockNumber,
		reveal_window: g.rng.between(2, 5) as BlockNumber,
		reward_per_round: g.rng.between(1, 40) as Balance * SYN / 8,
		voters_share: Perbill::from_percent(g.rng.below(101) as u32),
		epsilon_budget: if g.rng.chance(1, 16) { 0 } else { g.rng.between(1, 8) * 1_000_000 },
		min_stake: min_stake(g, t),
		admission: if g.rng.chance(1, 4) { Admission::CreatorApproves } else { Admission::Open },
		max_learners: if g.rng.chance(1, 12) { max_learners } else { g.rng.between(2, 8) as u32 },
		// One skip closes the experiment: its first round, drawn before anyone could join,
		// nearly always skips, so keep that edge rare.
		max_skipped_rounds: if g.rng.chance(1, 16) { 1 } else { g.rng.between(2, 12) as u32 },
	};
	if g.rng.chance(1, 8) {
		break_config(g, &mut config);
	}
	config
}

/// One fault of those `ExperimentConfig::check` names (or its unanimity edge, which is valid).
fn break_config(g: &mut Gen, config: &mut ConfigOf) {
	let max_window: BlockNumber = <Runtime as pallet_colearn::Config>::MaxWindow::get();
	let max_learners: u32 = <Runtime as pallet_colearn::Config>::MaxLearners::get();
	match g.rng.below(7) {
		0 => {
			let name = match g.rng.below(3) {
				0 => Vec::new(),
				1 => b"m l p".to_vec(),
				_ => vec![b'm', 0x7f],
			};
			config.architecture = BoundedVec::truncate_from(name);
		},
		1 => {
			let bad = if g.rng.chance(1, 2) { 0 } else { max_window.saturating_add(1) };
			match g.rng.below(3) {
				0 => config.proposal_window = bad,
				1 => config.commit_window = bad,
				_ => config.reveal_window = bad,
			}
		},
		2 => config.vote_threshold = Perbill::from_percent(0),
		3 => config.reward_per_round = 0,
		4 => config.max_learners = *g.rng.pick(&[0, 1, max_learners.saturating_add(1)]),
		5 => {
			config.max_skipped_rounds =
				if g.rng.chance(1, 2) { 0 } else { MAX_SKIPPED_ROUNDS.saturating_add(1) }
		},
		_ => config.vote_threshold = Perbill::from_percent(100),
	}
}

/// Anyone of the pool opens an experiment; the caps (16 open, 2 per creator) refuse some.
fn create(g: &mut Gen, t: &Targets) -> Action {
	let creator = if g.rng.chance(1, 10) { g.account() } else { g.funded() };
	let config = config(g, t);
	let floor: Balance = <Runtime as pallet_colearn::Config>::MinRewardPool::get();
	let reward = config.reward_per_round;
	let reward_pool = match g.rng.below(20) {
		0 => floor.saturating_sub(1),
		1 => reward.saturating_sub(1),
		// Beyond the endowment (or near it), for the holds that cannot be made.
		2 => g.rng.amount(2_000_000 * SYN),
		_ => reward.saturating_mul(g.rng.between(2, 24) as Balance).max(floor),
	};
	let call = Colearn::create_experiment {
		config,
		initial_model_hash: g.rng.bytes32(),
		uri: uri(g),
		reward_pool,
	};
	signed(g, &creator, call)
}

/// A staked hotkey joins an experiment with room; off target, anyone joins anything.
fn join(g: &mut Gen, t: &Targets) -> Action {
	let (experiment, hotkey) = if !t.joins.is_empty() && aim(g) {
		let (index, hotkey) = g.rng.pick(&t.joins).clone();
		(t.open[index].0, hotkey)
	} else {
		let experiment = any_experiment(g);
		(experiment, hotkey_or_anyone(g, t))
	};
	signed(g, &hotkey, Colearn::join_experiment { experiment })
}

/// The creator admits one of its applicants; off target, a stranger or a non-applicant.
fn approve(g: &mut Gen, t: &Targets) -> Action {
	if !t.applicants.is_empty() && aim(g) {
		let (index, learner) = g.rng.pick(&t.applicants).clone();
		let (experiment, record) = &t.open[index];
		let call = Colearn::approve_learner { experiment: *experiment, learner };
		return signed(g, &record.creator, call);
	}
	let experiment = any_experiment(g);
	let creator = Experiments::<Runtime>::get(experiment).map(|record| record.creator);
	let fallback = g.account();
	let who = if g.rng.chance(1, 2) { creator.unwrap_or(fallback) } else { fallback };
	let learner = hotkey_or_anyone(g, t);
	signed(g, &who, Colearn::approve_learner { experiment, learner })
}

/// A learner or applicant leaves, in whatever phase its experiment is (a proposer that
/// proposed, a voter that committed); off target, someone who is neither.
fn leave(g: &mut Gen, t: &Targets) -> Action {
	let (experiment, who) = if !t.members.is_empty() && aim(g) {
		let (index, who) = g.rng.pick(&t.members).clone();
		(t.open[index].0, who)
	} else {
		let experiment = any_experiment(g);
		(experiment, hotkey_or_anyone(g, t))
	};
	signed(g, &who, Colearn::leave_experiment { experiment })
}

/// Spends a small part of the budget, none, or all that is left.
fn epsilon(g: &mut Gen, remaining: u64, budget: u64) -> u64 {
	match g.rng.below(8) {
		0 => 0,
		1 => remaining,
		_ => g.rng.between(1, (budget / 6).max(1)).min(remaining),
	}
}

/// The drawn proposer proposes on the head in its window; one time in six with one fault.
fn propose(g: &mut Gen, t: &Targets) -> Action {
	if t.proposing.is_empty() || g.rng.chance(1, 10) {
		return propose_blind(g, t);
	}
	let index = *g.rng.pick(&t.proposing);
	let (experiment, record) = &t.open[index];
	let experiment = *experiment;
	let Some(proposer) = record.proposer.clone() else { return propose_blind(g, t) };
	let remaining =
		Learners::<Runtime>::get(experiment, &proposer).map_or(0, |info| info.epsilon_remaining);
	let mut round = record.round;
	let mut parent = record.head;
	let mut uri = good_uri(g);
	let mut epsilon_spent = epsilon(g, remaining, record.config.epsilon_budget);
	let mut who = proposer.clone();
	if g.rng.chance(1, 6) {
		match g.rng.below(5) {
			0 => parent = g.rng.bytes32(),
			1 => round = *g.rng.pick(&[round.saturating_add(1), round.saturating_sub(1)]),
			2 => uri = bad_uri(g),
			3 => epsilon_spent = remaining.saturating_add(g.rng.between(1, 1_000)),
			_ => who = other_learner(g, experiment, &proposer),
		}
	}
	let call = Colearn::propose {
		experiment,
		round,
		weights_hash: g.rng.bytes32(),
		uri,
		parent,
		epsilon_spent,
		summary: summary(g),
	};
	signed(g, &who, call)
}

/// A proposal to whatever experiment, by its drawn proposer or anyone: wrong phases, rounds
/// already proposed in, closed and unknown experiments.
fn propose_blind(g: &mut Gen, t: &Targets) -> Action {
	let experiment = experiment(g, t);
	let record = Experiments::<Runtime>::get(experiment);
	let round = round_near(g, experiment);
	let parent = if g.rng.chance(3, 4) {
		record.as_ref().map_or([0u8; 32], |r| r.head)
	} else {
		g.rng.bytes32()
	};
	let drawn = record.as_ref().and_then(|r| r.proposer.clone());
	let fallback = hotkey_or_anyone(g, t);
	let who = if g.rng.chance(1, 2) { drawn.unwrap_or(fallback) } else { fallback };
	let call = Colearn::propose {
		experiment,
		round,
		weights_hash: g.rng.bytes32(),
		uri: uri(g),
		parent,
		epsilon_spent: g.rng.below(1_000_000),
		summary: summary(g),
	};
	signed(g, &who, call)
}

/// A score improvement (in the experiment's direction) that clears the margin when `good`,
/// falls short of it otherwise; now and then an extreme, for the tally's arithmetic.
fn score(g: &mut Gen, config: &ConfigOf, good: bool) -> i64 {
	if g.rng.chance(1, 40) {
		return *g.rng.pick(&[i64::MIN, i64::MAX, 0]);
	}
	let margin = config.min_improvement;
	let improvement = if good {
		margin.saturating_add(g.rng.below(40_000) as i64)
	} else {
		margin.saturating_sub(g.rng.between(1, 40_000) as i64)
	};
	match config.score_direction {
		ScoreDirection::HigherIsBetter => improvement,
		ScoreDirection::LowerIsBetter => improvement.saturating_neg(),
	}
}

/// A learner that has not committed commits, mostly approving with a score that clears the
/// margin (one time in ten its score disagrees with its vote), and the memo keeps what the
/// reveal needs. One time in eight with one fault.
fn commit(g: &mut Gen, t: &Targets) -> Action {
	if t.commits.is_empty() || g.rng.chance(1, 10) {
		return commit_blind(g, t);
	}
	let (index, voter) = g.rng.pick(&t.commits).clone();
	let (experiment, record) = &t.open[index];
	let (experiment, round) = (*experiment, record.round);
	let approve = g.rng.chance(7, 8);
	let good = approve != g.rng.chance(1, 10);
	let score = score(g, &record.config, good);
	let salt = g.rng.bytes32();
	let (mut hidden_round, mut hidden_approve, mut call_round) = (round, approve, round);
	let mut signer = voter.clone();
	let mut remember = true;
	if g.rng.chance(1, 8) {
		match g.rng.below(5) {
			// Hides other values than the memo keeps: the reveal is refused as a mismatch.
			0 => hidden_approve = !approve,
			// Bound to another round: accepted now, never revealable.
			1 => hidden_round = round.saturating_add(1),
			2 => {
				call_round = round.saturating_add(1);
				remember = false;
			},
			3 => {
				signer = record.proposer.clone().unwrap_or_else(|| voter.clone());
				remember = false;
			},
			_ => {
				signer = g.account();
				remember = false;
			},
		}
	}
	if remember {
		// A memo entry for this voter and round can only be from a commit that never landed
		// (the voter is not committed, or it would not be a target): the new one replaces it.
		let memo = &mut g.memo.colearn;
		memo.commitments
			.retain(|c| !(c.experiment == experiment && c.round == round && c.voter == voter));
		memo.commitments.push(Commitment {
			experiment,
			round,
			voter: voter.clone(),
			approve,
			score,
			salt,
		});
	}
	let commitment =
		Pallet::vote_commitment(experiment, hidden_round, &voter, hidden_approve, score, &salt);
	let call = Colearn::commit_vote { experiment, round: call_round, commitment };
	signed(g, &signer, call)
}

/// A commitment of nothing to whatever experiment, by one of its learners or anyone: wrong
/// phases, repeated commits, the proposer's own vote.
fn commit_blind(g: &mut Gen, t: &Targets) -> Action {
	let experiment = experiment(g, t);
	let round = round_near(g, experiment);
	let who = learner_or_anyone(g, t, experiment);
	let call = Colearn::commit_vote { experiment, round, commitment: H256(g.rng.bytes32()) };
	signed(g, &who, call)
}

/// A remembered commitment is revealed in its window; one time in eight with one value
/// changed, the wrong round, or another learner's signature.
fn reveal(g: &mut Gen, t: &Targets) -> Action {
	if t.reveals.is_empty() || g.rng.chance(1, 10) {
		return reveal_blind(g, t);
	}
	let Commitment { experiment, mut round, voter, mut approve, mut score, mut salt } =
		g.rng.pick(&t.reveals).clone();
	let mut who = voter.clone();
	if g.rng.chance(1, 8) {
		match g.rng.below(5) {
			0 => approve = !approve,
			1 => score = score.wrapping_add(1),
			2 => salt[0] ^= 1,
			3 => round = round.saturating_add(1),
			_ => who = other_learner(g, experiment, &voter),
		}
	}
	let call = Colearn::reveal_vote { experiment, round, approve, score, salt };
	signed(g, &who, call)
}

/// A remembered commitment revealed whenever (in its commit window, twice), or made-up
/// values for whatever experiment.
fn reveal_blind(g: &mut Gen, t: &Targets) -> Action {
	let remembered = g.memo.colearn.commitments.len() as u64;
	if remembered > 0 && g.rng.chance(3, 4) {
		let index = g.rng.below(remembered) as usize;
		let Commitment { experiment, round, voter, approve, score, salt } =
			g.memo.colearn.commitments[index].clone();
		let call = Colearn::reveal_vote { experiment, round, approve, score, salt };
		return signed(g, &voter, call);
	}
	let experiment = experiment(g, t);
	let round = round_near(g, experiment);
	let who = learner_or_anyone(g, t, experiment);
	let call = Colearn::reveal_vote {
		experiment,
		round,
		approve: g.rng.chance(1, 2),
		score: g.rng.next_u64() as i64,
		salt: g.rng.bytes32(),
	};
	signed(g, &who, call)
}

/// The creator closes one of its open experiments, in whatever phase; off target, a
/// stranger, or the creator of a closed or unknown one.
fn close(g: &mut Gen, t: &Targets) -> Action {
	if !t.open.is_empty() && aim(g) {
		let (experiment, record) = g.rng.pick(&t.open);
		let call = Colearn::close_experiment { experiment: *experiment };
		return signed(g, &record.creator, call);
	}
	let experiment = any_experiment(g);
	let creator = Experiments::<Runtime>::get(experiment).map(|record| record.creator);
	let fallback = g.account();
	let who = if g.rng.chance(1, 2) { creator.unwrap_or(fallback) } else { fallback };
	signed(g, &who, Colearn::close_experiment { experiment })
}
