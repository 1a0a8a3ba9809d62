//! Experiments and their membership: configs (valid, and broken on purpose), creation,
//! joining, approval, leaving and closing.

use super::*;

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
		privacy: match g.rng.below(16) {
			0 => None,
			1 => Some(PrivacyBudget { epsilon_micros: 0, delta: 10_000_000_000_000 }),
			2 => Some(PrivacyBudget { epsilon_micros: 1_000_000, delta: 0 }),
			_ => Some(PrivacyBudget {
				epsilon_micros: g.rng.between(1, 8) * 1_000_000,
				delta: 10_000_000_000_000,
			}),
		},
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
pub(super) fn create(g: &mut Gen, t: &Targets) -> Action {
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
pub(super) fn join(g: &mut Gen, t: &Targets) -> Action {
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
pub(super) fn approve(g: &mut Gen, t: &Targets) -> Action {
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
pub(super) fn leave(g: &mut Gen, t: &Targets) -> Action {
	let (experiment, who) = if !t.members.is_empty() && aim(g) {
		let (index, who) = g.rng.pick(&t.members).clone();
		(t.open[index].0, who)
	} else {
		let experiment = any_experiment(g);
		(experiment, hotkey_or_anyone(g, t))
	};
	signed(g, &who, Colearn::leave_experiment { experiment })
}

/// The creator closes one of its open experiments, in whatever phase; off target, a
/// stranger, or the creator of a closed or unknown one.
pub(super) fn close(g: &mut Gen, t: &Targets) -> Action {
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
