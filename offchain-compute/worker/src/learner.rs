//! The learner: one member of a collective-learning experiment (the colearn pallet).
//!
//! It holds a private shard it never sends anywhere, split into rows it trains on and rows it
//! scores on. On each finalized block it reads the experiment (`synod_experiment`) and acts on
//! the round's phase:
//! - **proposal**, when the chain drew it: trains further from the head on its training rows
//!   (seeded by experiment and round), serves the new weights and proposes them. Where the
//!   experiment has a privacy budget it trains with DP-SGD (`--dp-sgd`, sampling and noise
//!   keyed by a secret of its own) and declares the training; it first computes, as the chain
//!   will, what its coldkey's account would reach, and sits the round out where that passes
//!   the budget;
//! - **commit**, when another learner proposed: fetches the proposal (checked against its
//!   hash), scores it and the head on its validation rows, and commits to
//!   `(approve, score, salt)`, saved to the state file first, bound to the experiment, the
//!   round and its hotkey ([`vote_commitment`]);
//! - **reveal**: reveals that vote.
//!
//! It keeps every model it has seen in its store, so it serves the head it holds to newcomers,
//! and logs the head's score on its own validation rows whenever the head moves.

use crate::{
	artifacts::Store,
	chain::{bytes, random_salt, Chain},
	follow::Role,
	isolate::{self, Limits},
	metrics::Metrics,
	server::Server,
	state::StateFile,
};
use anyhow::{anyhow, bail, Context, Result};
use codec::Encode;
use serde::{Deserialize, Serialize};
use std::{
	collections::BTreeMap,
	sync::{atomic::Ordering, Arc},
};
use subxt::{dynamic::Value, rpcs::rpc_params};
use synod_cost::Work;
use synod_ml::{hash, ContentHash, Dataset, DpSgd, Hyperparameters, NoiseSecret, TrainedModel};

/// This learner's vote in one round, saved before it is committed.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SavedVote {
	pub approve: bool,
	pub score: i64,
	pub salt: String,
	pub committed: bool,
	pub revealed: bool,
}

#[derive(Default, Serialize, Deserialize)]
pub struct LearnerState {
	pub joined: bool,
	/// Rounds this learner proposed in.
	pub proposed: Vec<u32>,
	pub votes: BTreeMap<u32, SavedVote>,
	/// The last head whose score was logged.
	pub head: Option<String>,
}

pub struct Learner {
	pub experiment: u32,
	pub store: Store,
	pub server: Server,
	pub metrics: Arc<Metrics>,
	pub state: StateFile<LearnerState>,
	/// The rows it trains on.
	pub train: Dataset,
	/// The rows it scores proposals on.
	pub validation: Dataset,
	/// Epochs, batch size, learning rate and mode of each proposal's training.
	pub schedule: Hyperparameters,
	/// How it trains where the experiment has a privacy budget; `None` to sit such rounds
	/// out.
	pub private: Option<Private>,
}

/// DP-SGD as this learner trains with it, and the secret its sampling and noise come from.
pub struct Private {
	pub dp: DpSgd,
	pub secret: NoiseSecret,
}

/// The parts of `synod_experiment` a learner acts on.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ExperimentView {
	config: ConfigView,
	head: String,
	head_uri: String,
	round: u32,
	phase: String,
	/// The last block of the current phase: a computation for it must be done by then.
	phase_ends: u64,
	proposer: Option<String>,
	proposal: Option<(String, String)>,
	learners: Vec<LearnerEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ConfigView {
	min_improvement: i64,
	higher_is_better: bool,
	/// Millionths of epsilon each coldkey may spend; `None` without a privacy budget.
	epsilon_budget: Option<u64>,
	/// The budget's delta, in parts per `10^18`.
	delta: Option<u64>,
	proposal_window: u64,
	commit_window: u64,
}

impl ConfigView {
	/// The longer of the windows a learner computes in.
	fn window_blocks(&self) -> u64 {
		self.proposal_window.max(self.commit_window)
	}
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct LearnerEntry {
	hotkey: String,
	/// The coldkey whose privacy account its proposals spend.
	coldkey: String,
	/// What this learner's coldkey has left of the budget; `None` without one.
	epsilon_remaining: Option<u64>,
}

impl Role for Learner {
	async fn step(&mut self, chain: &Chain, finalized: u64) -> Result<()> {
		let me = chain.account().to_string();
		let view: Option<ExperimentView> =
			chain.rpc("synod_experiment", rpc_params![self.experiment]).await?;
		let Some(view) = view else {
			tracing::debug!(experiment = self.experiment, "experiment not created yet");
			return Ok(());
		};
		if view.phase == "closed" {
			return Ok(());
		}
		let Some(entry) = view.learners.iter().find(|l| l.hotkey == me) else {
			if !self.state.value.joined {
				let fields = vec![Value::u128(self.experiment.into())];
				chain.submit("Colearn", "join_experiment", fields).await?;
				tracing::info!(experiment = self.experiment, "joined the experiment");
				self.state.value.joined = true;
				self.state.save()?;
			}
			return Ok(());
		};
		if let Some(left) = entry.epsilon_remaining {
			self.metrics.epsilon_remaining.store(left, Ordering::Relaxed);
		}
		let blocks_left = (view.phase_ends + 1).saturating_sub(finalized);
		self.watch_head(&view).await?;
		let round = view.round;
		match view.phase.as_str() {
			"proposal"
				if view.proposer.as_deref() == Some(me.as_str())
					&& view.proposal.is_none()
					&& !self.state.value.proposed.contains(&round) =>
			{
				self.propose(chain, &view, &entry.coldkey, blocks_left).await?;
			},
			"commit" if view.proposer.as_deref() != Some(me.as_str()) => {
				if let Some(proposal) = &view.proposal {
					if !self.state.value.votes.get(&round).is_some_and(|v| v.committed) {
						self.commit(chain, &view, proposal, blocks_left).await?;
					}
				}
			},
			"reveal" => {
				if let Some(vote) = self.state.value.votes.get(&round).cloned() {
					if vote.committed && !vote.revealed {
						self.reveal(chain, round, &vote).await?;
					}
				}
			},
			_ => {},
		}
		Ok(())
	}
}

impl Learner {
	/// The model `hash`, from the store or fetched from `uri` (checked against the hash),
	/// with its hash. Its header is checked against its size as it loads: a small file
	/// cannot claim large layers.
	fn model(&self, hash: &str, uri: &str) -> Result<(ContentHash, TrainedModel)> {
		let hash = hash::from_hex(hash.trim_start_matches("0x"))?;
		let bytes = self.store.fetch(&hash, uri).with_context(|| format!("fetching {uri}"))?;
		Ok((hash, TrainedModel::from_artifact(&bytes, None)?))
	}

	/// A proposal to replace `head`, fetched into the store no larger than a model of the
	/// head's layers; whether it has exactly those layers is the scoring child's to find.
	/// `Ok(None)` for one over that size, which every honest learner finds alike and votes
	/// against; `Err` for an outage, which is tried again.
	fn proposal(&self, head: &TrainedModel, hash: &str, uri: &str) -> Result<Option<ContentHash>> {
		let hash = hash::from_hex(hash.trim_start_matches("0x"))?;
		match self.store.fetch_within(&hash, uri, head.header().max_artifact_bytes()) {
			Ok(_) => Ok(Some(hash)),
			Err(e) if e.downcast_ref::<crate::artifacts::Unacceptable>().is_some() => {
				tracing::warn!(%uri, error = format!("{e:#}"), "the proposal is unacceptable");
				Ok(None)
			},
			Err(e) => Err(e.context(format!("fetching {uri}"))),
		}
	}

	/// The limits of `work` with `head` on `rows` rows in the `blocks_left` blocks left of
	/// the phase.
	fn limits(head: &TrainedModel, work: Work, rows: usize, blocks_left: u64) -> Limits {
		Limits::of_model(head, work, rows, blocks_left, u64::MAX)
	}

	/// Logs the head's score on the validation rows when it moves.
	async fn watch_head(&mut self, view: &ExperimentView) -> Result<()> {
		if self.state.value.head.as_deref() == Some(view.head.as_str()) {
			return Ok(());
		}
		let (hash, head) = self.model(&view.head, &view.head_uri)?;
		// Not tied to a phase: as long as scoring a proposal may take, a whole window.
		let limits =
			Self::limits(&head, Work::Infer, self.validation.rows(), view.config.window_blocks());
		let (score, _) = isolate::score(&self.store, &hash, None, &self.validation, limits).await?;
		tracing::info!(
			experiment = self.experiment,
			round = view.round,
			head = %view.head,
			validation_score = score,
			"head"
		);
		self.metrics.head_score_micros.store((score.max(0.0) * 1e6) as u64, Ordering::Relaxed);
		self.state.value.head = Some(view.head.clone());
		self.state.save()
	}

	/// What this learner's proposal in `view`'s round declares, and what its coldkey's
	/// account reaches with it (millionths of epsilon): `Ok(None)` where the experiment has
	/// no budget, `Err` with the reason to sit the round out where it has one.
	async fn declaration(
		&self,
		chain: &Chain,
		view: &ExperimentView,
		coldkey: &str,
	) -> Result<Option<(&Private, u64)>, String> {
		let (Some(budget), Some(delta)) = (view.config.epsilon_budget, view.config.delta) else {
			return Ok(None);
		};
		let Some(private) = &self.private else {
			return Err(
				"the experiment has a privacy budget; start the learner with --dp-sgd".into()
			);
		};
		let spent =
			chain.privacy_account(self.experiment, coldkey).await.map_err(|e| format!("{e:#}"))?;
		let after = epsilon_after(spent, &private.dp, delta).map_err(|e| format!("{e:#}"))?;
		if after > budget {
			return Err(format!(
				"the proposal would take the coldkey to {after} millionths of epsilon, past the \
				 budget of {budget}"
			));
		}
		Ok(Some((private, after)))
	}

	async fn propose(
		&mut self,
		chain: &Chain,
		view: &ExperimentView,
		coldkey: &str,
		blocks_left: u64,
	) -> Result<()> {
		let round = view.round;
		let declared = match self.declaration(chain, view, coldkey).await {
			Ok(declared) => {
				declared.map(|(private, after)| (private.dp, private.secret.clone(), after))
			},
			Err(reason) => {
				tracing::warn!(experiment = self.experiment, round, %reason, "not proposing");
				self.state.value.proposed.push(round);
				return self.state.save();
			},
		};
		let (head_hash, head) = self.model(&view.head, &view.head_uri)?;
		let seed = round_seed(self.experiment, round);
		tracing::info!(
			experiment = self.experiment,
			round,
			rows = self.train.rows(),
			private = declared.is_some(),
			"training from the head"
		);
		let limits = Self::limits(&head, Work::Train, self.train.rows(), blocks_left);
		let (hash, summary, privacy) = match &declared {
			None => {
				let hash = isolate::fine_tune(
					&self.store,
					&head_hash,
					&self.schedule,
					seed,
					&self.train,
					limits,
				)
				.await?;
				let summary = format!(
					"{} epochs on {} private rows, seed {seed}",
					self.schedule.epochs,
					self.train.rows()
				);
				(hash, summary, Value::unnamed_variant("None", Vec::<Value>::new()))
			},
			Some((dp, secret, _)) => {
				// The context keys the noise apart from every other round's.
				let hash = isolate::fine_tune_private(
					&self.store,
					&head_hash,
					&self.schedule,
					dp,
					secret,
					&seed.to_le_bytes(),
					&self.train,
					limits,
				)
				.await?;
				let summary = format!(
					"{} DP-SGD steps on {} private rows: q {} ppb, sigma {}/1000, clip {}/1000",
					dp.steps,
					self.train.rows(),
					dp.sample_rate_ppb,
					dp.noise_multiplier_milli,
					dp.clip_norm_milli
				);
				(hash, summary, declared_training(dp))
			},
		};
		let uri = self.server.url_of(&hash);
		let parent = hash::from_hex(view.head.trim_start_matches("0x"))?;
		let fields = vec![
			Value::u128(self.experiment.into()),
			Value::u128(round.into()),
			bytes(hash),
			bytes(&uri),
			bytes(parent),
			privacy,
			bytes(summary.as_bytes()),
		];
		// Recorded first: a restart must not train and propose twice in one round.
		self.state.value.proposed.push(round);
		self.state.save()?;
		chain.submit("Colearn", "propose", fields).await?;
		let epsilon_after = declared.as_ref().map(|(_, _, after)| *after);
		tracing::info!(
			experiment = self.experiment,
			round,
			weights = %hash::to_hex(&hash),
			%uri,
			epsilon_after_micros = ?epsilon_after,
			"proposed"
		);
		if let (Some(after), Some(budget)) = (epsilon_after, view.config.epsilon_budget) {
			self.metrics.epsilon_remaining.store(budget.saturating_sub(after), Ordering::Relaxed);
		}
		Metrics::inc(&self.metrics.jobs_done);
		Ok(())
	}

	async fn commit(
		&mut self,
		chain: &Chain,
		view: &ExperimentView,
		(proposal_hash, proposal_uri): &(String, String),
		blocks_left: u64,
	) -> Result<()> {
		let round = view.round;
		let vote = match self.state.value.votes.get(&round) {
			Some(saved) => saved.clone(),
			None => {
				let (head_hash, head) = self.model(&view.head, &view.head_uri)?;
				let proposal = self.proposal(&head, proposal_hash, proposal_uri)?;
				let limits = Self::limits(&head, Work::Infer, self.validation.rows(), blocks_left);
				let (before, after) = isolate::score(
					&self.store,
					&head_hash,
					proposal.as_ref(),
					&self.validation,
					limits,
				)
				.await?;
				// A proposal that is no model of the head's layers scores as if it
				// predicted nothing right: one unit (a whole accuracy) worse than the head.
				let after = after.unwrap_or(before - 1.0);
				// `score()` is higher-is-better; the chain wants the raw difference of the
				// experiment's measure, and its direction says which sign is better.
				let gain = ((after - before) * 1e6).round() as i64;
				let score = if view.config.higher_is_better { gain } else { -gain };
				let approve = gain >= view.config.min_improvement;
				let vote = SavedVote {
					approve,
					score,
					salt: hash::to_hex(&random_salt()),
					committed: false,
					revealed: false,
				};
				tracing::info!(round, before, after, approve, "scored the proposal");
				self.state.value.votes.insert(round, vote.clone());
				self.state.save()?;
				vote
			},
		};
		let salt = hash::from_hex(&vote.salt)?;
		let commitment = vote_commitment(
			self.experiment,
			round,
			&chain.account().0,
			vote.approve,
			vote.score,
			&salt,
		);
		let fields =
			vec![Value::u128(self.experiment.into()), Value::u128(round.into()), bytes(commitment)];
		chain.submit("Colearn", "commit_vote", fields).await?;
		tracing::info!(
			experiment = self.experiment,
			round,
			approve = vote.approve,
			"committed a vote"
		);
		self.update_vote(round, |v| v.committed = true)
	}

	async fn reveal(&mut self, chain: &Chain, round: u32, vote: &SavedVote) -> Result<()> {
		let salt = hash::from_hex(&vote.salt)?;
		let fields = vec![
			Value::u128(self.experiment.into()),
			Value::u128(round.into()),
			Value::bool(vote.approve),
			Value::i128(vote.score.into()),
			bytes(salt),
		];
		chain.submit("Colearn", "reveal_vote", fields).await?;
		tracing::info!(
			experiment = self.experiment,
			round,
			approve = vote.approve,
			score = vote.score,
			"revealed a vote"
		);
		Metrics::inc(&self.metrics.verifications);
		self.update_vote(round, |v| v.revealed = true)
	}

	fn update_vote(&mut self, round: u32, change: impl FnOnce(&mut SavedVote)) -> Result<()> {
		let vote = self
			.state
			.value
			.votes
			.get_mut(&round)
			.ok_or_else(|| anyhow!("no vote for round {round}"))?;
		change(vote);
		// Old rounds are settled; keep the file small.
		self.state.value.votes.retain(|r, _| *r + 16 > round);
		self.state.value.proposed.retain(|r| *r + 16 > round);
		self.state.save()
	}
}

/// The first field of every vote commitment: the pallet's `VOTE_COMMITMENT_TAG`.
pub const VOTE_COMMITMENT_TAG: [u8; 21] = *b"synod/colearn/vote/v1";

/// What `voter`'s reveal of `(approve, score, salt)` in `round` of `experiment` must hash to:
/// the pallet's `vote_commitment`, BLAKE2-256 of the SCALE encoding of
/// `(VOTE_COMMITMENT_TAG, experiment, round, voter, approve, score, salt)`, 102 bytes: the tag
/// (no length prefix), `u32` and `u32` little-endian, the hotkey's 32 raw bytes, one byte
/// 0 or 1, `i64` little-endian, the salt. Naming the voter keeps another learner from copying
/// this commitment and replaying its reveal.
pub fn vote_commitment(
	experiment: u32,
	round: u32,
	voter: &[u8; 32],
	approve: bool,
	score: i64,
	salt: &[u8; 32],
) -> [u8; 32] {
	sp_crypto_hashing::blake2_256(
		&(VOTE_COMMITMENT_TAG, experiment, round, voter, approve, score, salt).encode(),
	)
}

/// The training seed of `round`'s proposal: anyone can re-run it from the lineage.
pub fn round_seed(experiment: u32, round: u32) -> u64 {
	(u64::from(experiment) << 32) | u64::from(round)
}

/// The learner's DP-SGD secret at `path`: 32 bytes from the operating system's generator,
/// made on first use and readable by this user alone. Whoever reads it can subtract the
/// noise from every proposal this learner made.
pub fn noise_secret(path: &std::path::Path) -> Result<NoiseSecret> {
	use std::{io::Write, os::unix::fs::OpenOptionsExt};
	match std::fs::read(path) {
		Ok(bytes) => {
			let secret: [u8; 32] = bytes.try_into().map_err(|bytes: Vec<u8>| {
				anyhow!("{} holds {} bytes, not a 32-byte secret", path.display(), bytes.len())
			})?;
			Ok(NoiseSecret(secret))
		},
		Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
			let secret = random_salt();
			let mut file = std::fs::OpenOptions::new()
				.write(true)
				.create_new(true)
				.mode(0o600)
				.open(path)
				.with_context(|| format!("creating {}", path.display()))?;
			file.write_all(&secret)?;
			file.sync_all()?;
			Ok(NoiseSecret(secret))
		},
		Err(e) => Err(anyhow::Error::new(e).context(format!("reading {}", path.display()))),
	}
}

/// The `Option<DpSgdParameters>` argument of `propose` declaring `dp`.
fn declared_training(dp: &DpSgd) -> Value {
	Value::unnamed_variant(
		"Some",
		[Value::named_composite([
			("sample_rate_ppb", Value::u128(dp.sample_rate_ppb.into())),
			("noise_multiplier_milli", Value::u128(dp.noise_multiplier_milli.into())),
			("steps", Value::u128(dp.steps.into())),
			("clip_norm_milli", Value::u128(dp.clip_norm_milli.into())),
		])],
	)
}

/// The epsilon (millionths, rounded up) that an account of `spent` reaches with one more
/// proposal of `dp` at `delta`: the chain's own computation (`synod-privacy`), so that a
/// learner never proposes what the chain would refuse.
pub fn epsilon_after(
	spent: Option<[i128; synod_privacy::ORDER_COUNT]>,
	dp: &DpSgd,
	delta: u64,
) -> Result<u64> {
	let account = match spent {
		Some(bits) => synod_privacy::Account::from_bits(bits)
			.ok_or_else(|| anyhow!("the chain holds a negative privacy sum"))?,
		None => synod_privacy::Account::new(),
	};
	let mechanism =
		synod_privacy::SampledGaussian::new(dp.sample_rate_ppb, dp.noise_multiplier_milli)
			.map_err(|e| anyhow!("DP-SGD parameters the chain refuses: {e:?}"))?;
	account
		.after(&mechanism.rdp(), dp.steps)
		.and_then(|account| account.epsilon_micros(delta))
		.map_err(|e| anyhow!("the privacy account cannot take this proposal: {e:?}"))
}

/// Opens an experiment whose initial model is `initial` (already in `store` and served by
/// `server`); returns its id.
pub async fn create_experiment(
	chain: &Chain,
	config: Value,
	initial: &ContentHash,
	uri: &str,
	pool: u128,
) -> Result<u32> {
	let fields = vec![config, bytes(initial), bytes(uri), Value::u128(pool)];
	let events = chain.submit("Colearn", "create_experiment", fields).await?;
	use subxt::dynamic::At;
	let Some(id) = events
		.iter()
		.find(|(p, e, _)| p == "Colearn" && e == "ExperimentCreated")
		.and_then(|(_, _, f)| f.at("experiment")?.as_u128())
	else {
		bail!("create_experiment emitted no ExperimentCreated: {events:?}");
	};
	Ok(id as u32)
}

/// The experiment config the `--create` flags describe, as the runtime's type.
pub struct NewExperiment {
	pub architecture: String,
	pub min_improvement: i64,
	pub window: u32,
	pub reward: u128,
	/// Each coldkey's privacy budget: millionths of epsilon and delta in parts per `10^18`;
	/// `None` for an experiment without differential privacy.
	pub privacy: Option<(u64, u64)>,
	pub min_stake: u128,
	pub max_learners: u32,
	pub max_skipped_rounds: u32,
}

impl NewExperiment {
	pub fn to_value(&self) -> Value {
		let perbill =
			|percent: u32| Value::unnamed_composite([Value::u128((percent * 10_000_000).into())]);
		Value::named_composite([
			("architecture", bytes(self.architecture.as_bytes())),
			("architecture_version", Value::u128(synod_ml::arch::VERSION.into())),
			("vote_threshold", perbill(50)),
			("min_improvement", Value::i128(self.min_improvement.into())),
			("score_direction", Value::unnamed_variant("HigherIsBetter", Vec::<Value>::new())),
			("proposal_window", Value::u128(self.window.into())),
			("commit_window", Value::u128(self.window.into())),
			("reveal_window", Value::u128(self.window.into())),
			("reward_per_round", Value::u128(self.reward)),
			("voters_share", perbill(30)),
			(
				"privacy",
				match self.privacy {
					None => Value::unnamed_variant("None", Vec::<Value>::new()),
					Some((epsilon_micros, delta)) => Value::unnamed_variant(
						"Some",
						[Value::named_composite([
							("epsilon_micros", Value::u128(epsilon_micros.into())),
							("delta", Value::u128(delta.into())),
						])],
					),
				},
			),
			("min_stake", Value::u128(self.min_stake)),
			("admission", Value::unnamed_variant("Open", Vec::<Value>::new())),
			("max_learners", Value::u128(self.max_learners.into())),
			("max_skipped_rounds", Value::u128(self.max_skipped_rounds.into())),
		])
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn the_vote_commitment_is_the_pallets_layout() {
		// `//Alice`'s account id.
		let alice: [u8; 32] =
			hex::decode("d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d")
				.unwrap()
				.try_into()
				.unwrap();
		let mut preimage = b"synod/colearn/vote/v1".to_vec();
		preimage.extend(0u32.to_le_bytes());
		preimage.extend(1u32.to_le_bytes());
		preimage.extend(alice);
		preimage.push(1);
		preimage.extend(20_000i64.to_le_bytes());
		preimage.extend([0x11; 32]);
		assert_eq!(preimage.len(), 102);
		let commitment = vote_commitment(0, 1, &alice, true, 20_000, &[0x11; 32]);
		assert_eq!(commitment, sp_crypto_hashing::blake2_256(&preimage));
		// The example in the pallet's `vote_commitment` docs.
		assert_eq!(
			hex::encode(commitment),
			"ec625496ef0395a35682d523e73b2d1b612077c4f8f380622cfa516369261638"
		);
		assert_ne!(vote_commitment(0, 2, &alice, true, 20_000, &[0x11; 32]), commitment);
		assert_ne!(vote_commitment(1, 1, &alice, true, 20_000, &[0x11; 32]), commitment);
		assert_ne!(vote_commitment(0, 1, &[0; 32], true, 20_000, &[0x11; 32]), commitment);
	}

	#[test]
	fn a_learner_computes_the_spend_as_the_chain_will() {
		let dp = DpSgd {
			sample_rate_ppb: 50_000_000,
			noise_multiplier_milli: 1_000,
			clip_norm_milli: 1_000,
			steps: 30,
		};
		let delta = 10_000_000_000_000;
		let micros =
			|steps| synod_privacy::epsilon_micros_of(50_000_000, 1_000, steps, delta).unwrap();
		assert_eq!(epsilon_after(None, &dp, delta).unwrap(), micros(30));
		// After one proposal, as the chain stores the account: the next spends on top.
		let mechanism = synod_privacy::SampledGaussian::new(50_000_000, 1_000).unwrap();
		let once = synod_privacy::Account::new().after(&mechanism.rdp(), 30).unwrap();
		assert_eq!(epsilon_after(Some(once.to_bits()), &dp, delta).unwrap(), micros(60));
		assert!(epsilon_after(None, &DpSgd { noise_multiplier_milli: 10, ..dp }, delta).is_err());
	}

	#[test]
	fn the_noise_secret_is_made_once_and_kept_from_other_users() {
		use std::os::unix::fs::PermissionsExt;
		let dir = std::env::temp_dir().join(format!("synod-secret-{}", std::process::id()));
		std::fs::create_dir_all(&dir).unwrap();
		let path = dir.join("learner-dp-secret");
		let _ = std::fs::remove_file(&path);
		let first = noise_secret(&path).unwrap();
		assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
		assert_eq!(noise_secret(&path).unwrap().0, first.0, "read back, not made again");
		std::fs::write(&path, [1u8; 5]).unwrap();
		assert!(noise_secret(&path).is_err(), "a short file is no secret");
		std::fs::remove_dir_all(&dir).unwrap();
	}
}
