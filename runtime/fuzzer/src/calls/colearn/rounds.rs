//! A round's calls: the drawn proposer's proposal, the other learners' vote commitments
//! and the reveals of what this generator committed, each with its deliberate misses.

use super::*;

/// A DP-SGD declaration for an experiment with a budget (or without one, `budgeted`
/// false): mostly training that spends a part of a budget of a few epsilon, now and then
/// none, a broken field, or far more steps than any budget admits.
fn training(g: &mut Gen, budgeted: bool) -> Option<DpSgdParameters> {
	if !budgeted {
		return None;
	}
	let mut parameters = DpSgdParameters {
		sample_rate_ppb: g.rng.between(1_000_000, 50_000_000) as u32,
		noise_multiplier_milli: g.rng.between(700, 4_000) as u32,
		steps: g.rng.between(1, 1_000) as u32,
		clip_norm_milli: g.rng.between(100, 5_000) as u32,
	};
	match g.rng.below(24) {
		0 => return None,
		1 => parameters.steps = MAX_STEPS_PER_PROPOSAL,
		2 => parameters.noise_multiplier_milli = g.rng.below(500) as u32,
		3 => parameters.clip_norm_milli = 0,
		_ => {},
	}
	Some(parameters)
}

/// The drawn proposer proposes on the head in its window; one time in six with one fault.
pub(super) fn propose(g: &mut Gen, t: &Targets) -> Action {
	if t.proposing.is_empty() || g.rng.chance(1, 10) {
		return propose_blind(g, t);
	}
	let index = *g.rng.pick(&t.proposing);
	let (experiment, record) = &t.open[index];
	let experiment = *experiment;
	let Some(proposer) = record.proposer.clone() else { return propose_blind(g, t) };
	let mut round = record.round;
	let mut parent = record.head;
	let mut uri = good_uri(g);
	let mut privacy = training(g, record.config.privacy.is_some());
	let mut who = proposer.clone();
	if g.rng.chance(1, 6) {
		match g.rng.below(5) {
			0 => parent = g.rng.bytes32(),
			1 => round = *g.rng.pick(&[round.saturating_add(1), round.saturating_sub(1)]),
			2 => uri = bad_uri(g),
			3 => privacy = training(g, record.config.privacy.is_none()),
			_ => who = other_learner(g, experiment, &proposer),
		}
	}
	let call = Colearn::propose {
		experiment,
		round,
		weights_hash: g.rng.bytes32(),
		uri,
		parent,
		privacy,
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
		privacy: {
			let budgeted = g.rng.chance(1, 2);
			training(g, budgeted)
		},
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
pub(super) fn commit(g: &mut Gen, t: &Targets) -> Action {
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
pub(super) fn reveal(g: &mut Gen, t: &Targets) -> Action {
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
