//! The validator: sits on the verification committees the chain draws it for, reproduces
//! those jobs blind, scores the miners, and turns the scores into Yuma weights each epoch.
//!
//! Per job whose committee it sits on (`synod_committeeAssignments`): it computes the result
//! from the spec and inputs alone (no miner's result is public yet, and it never fetches a
//! miner's artifact), commits the pallet's `verification_commitment` (bound to the job and
//! this hotkey) by `verify_by`, and reveals it after, by `reveal_by`. Once the miners have
//! revealed (or the reveal window is about to close) it scores each miner of the job: 0 for
//! another result or none; for a result equal to its own, 1 less a quarter for latency (the
//! share of its commit window the miner took, from the block this validator first saw the job
//! to the block it first saw the commit), folded into a moving average per miner.
//! Each new epoch it reveals the weights committed an epoch before (or sets them directly if
//! the subnet has commit-reveal off) and commits the current scores, normalised to `u16`.
//! A validator can be drawn as a miner too (the chain does so when the subnet has too few
//! neurons without a permit); its embedded miner does those jobs.

use crate::{
	artifacts::Store,
	chain::{bytes, random_salt, Chain, JobDetails},
	commitments::{self, JobResult},
	compute::{self, Fault},
	follow::Role,
	metrics::Metrics,
	miner::{in_reveal_window, Miner},
	state::StateFile,
};
use anyhow::{anyhow, Result};
use codec::Encode;
use serde::{Deserialize, Serialize};
use std::{collections::BTreeMap, sync::Arc};
use subxt::{dynamic::Value, rpcs::rpc_params};
use synod_ml::hash;

/// A validator's progress on one job.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Verification {
	/// Its own result and the salt of its commitment.
	pub truth: Option<(String, String)>,
	pub committed: bool,
	pub revealed: bool,
	/// Whether the job's miners were scored against it.
	#[serde(default)]
	pub scored: bool,
	/// Why the last try to re-execute failed, the failed tries so far, and the finalized
	/// block from which the next may run ([`compute::retry_at`]).
	pub failed: Option<String>,
	#[serde(default)]
	pub attempts: u32,
	#[serde(default)]
	pub retry_at: u64,
	/// For a spot-checked job, its report instead of a result.
	#[serde(default)]
	pub spot: Option<crate::spot_check::SpotState>,
}

impl compute::Retrying for Verification {
	fn retry_state(&mut self) -> (&mut Option<String>, &mut u32, &mut u64) {
		(&mut self.failed, &mut self.attempts, &mut self.retry_at)
	}
}

/// What the validator thinks of one miner.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct MinerScore {
	/// Moving average of outcomes ([`outcome_micros`]), in millionths.
	pub score_micros: u64,
	pub verified: u64,
	pub failed: u64,
}

/// Weights committed and waiting for their reveal epoch.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct PendingWeights {
	pub epoch: u64,
	pub uids: Vec<u16>,
	pub values: Vec<u16>,
	pub salt: Vec<u16>,
	pub version: u64,
}

/// When this validator saw a job's progress, for the latency part of the score.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Sightings {
	/// The first finalized block it saw the job assigned.
	pub assigned: u64,
	/// Per miner hotkey, the first finalized block it saw that miner's commit.
	pub commits: BTreeMap<String, u64>,
}

/// How much of a verified outcome latency can take away, in millionths.
const LATENCY_WEIGHT: u64 = 250_000;

/// A miner's outcome for one job, in millionths: 0 unless verified; else 1 less
/// [`LATENCY_WEIGHT`] times the share of its commit window (`assigned` to `commit_by`) it took.
/// A commit never seen (the validator started late) counts as taking the whole window.
pub fn outcome_micros(
	verified: bool,
	assigned: u64,
	committed: Option<u64>,
	commit_by: u64,
) -> u64 {
	if !verified {
		return 0;
	}
	let window = commit_by.saturating_sub(assigned).max(1);
	let taken = committed.map_or(window, |at| at.saturating_sub(assigned).min(window));
	1_000_000 - LATENCY_WEIGHT * taken / window
}

#[derive(Default, Serialize, Deserialize)]
pub struct ValidatorState {
	pub jobs: BTreeMap<u64, Verification>,
	#[serde(default)]
	pub sightings: BTreeMap<u64, Sightings>,
	pub scores: BTreeMap<String, MinerScore>,
	pub pending_weights: Option<PendingWeights>,
	pub weights_epoch: Option<u64>,
}

pub struct Validator {
	pub netuid: u16,
	pub store: Store,
	pub metrics: Arc<Metrics>,
	pub state: StateFile<ValidatorState>,
	pub miner: Miner,
	/// The weight of a new outcome in a miner's moving average, in millionths.
	pub alpha_micros: u64,
	/// How it misbehaves on committees: never, outside the fault-injection build.
	#[cfg_attr(not(feature = "fault-injection"), allow(dead_code))]
	pub fault: Fault,
}

impl Role for Validator {
	async fn step(&mut self, chain: &Chain, finalized: u64) -> Result<()> {
		self.miner.step(chain, finalized).await?;
		let me = chain.account().to_string();
		let mut live = Vec::new();
		for status in ["committing", "verifying", "revealing"] {
			live.extend(chain.jobs_by_status(status).await?);
		}
		// Every job of the subnet is watched, for the latency of its miners' commits.
		self.state.value.sightings.retain(|id, _| live.contains(id));
		for id in &live {
			let Some(job) = chain.job(*id).await?.and_then(|v| v.job) else { continue };
			if job.netuid == self.netuid {
				self.observe(*id, &job, finalized)?;
			}
		}
		let seats = chain.committee_seats().await?;
		self.state.value.jobs.retain(|id, _| seats.contains(id));
		for id in seats {
			let Some(job) = chain.job(id).await?.and_then(|v| v.job) else { continue };
			let step = match job.spot_check_layout() {
				Some(_) => self.spot_check(chain, id, &job, &me, finalized).await,
				None => self.verify(chain, id, &job, &me, finalized).await,
			};
			if let Err(e) = step {
				tracing::warn!(job = id, error = format!("{e:#}"), "verification step failed");
				Metrics::inc(&self.metrics.transactions_failed);
			}
		}
		if let Err(e) = self.weights(chain).await {
			tracing::warn!(error = format!("{e:#}"), "setting weights failed; retrying next block");
		}
		Ok(())
	}
}

impl Validator {
	async fn verify(
		&mut self,
		chain: &Chain,
		id: u64,
		job: &JobDetails,
		me: &str,
		finalized: u64,
	) -> Result<()> {
		let deadlines = job.deadlines;
		let Some((entry, committed)) = self.seat_of(id, job, me, finalized) else { return Ok(()) };
		#[cfg(feature = "fault-injection")]
		if self.fault == Fault::Copy {
			return self.copy(chain, (id, job, me, finalized), committed, &entry).await;
		}
		let truth = match entry.truth.clone() {
			Some(truth) => truth,
			None if !committed && finalized < deadlines.verify_by => {
				tracing::info!(job = id, "re-executing");
				self.update(id, |v| compute::begin_attempt(v, finalized))?;
				let limits = crate::isolate::Limits::of(
					&job.spec,
					deadlines.verify_by.saturating_sub(finalized),
					u64::MAX,
				);
				let computed =
					crate::isolate::run(id, &job.spec, &self.store, Fault::None, limits).await;
				// The committee reproduces a refusal like any result.
				let answer = match compute::answer(id, "re-executing", computed, &self.store)? {
					Ok(answer) => {
						self.update(id, |v| compute::record_outcome(v, None))?;
						Some(answer)
					},
					Err(e) => {
						self.update(id, |v| compute::record_outcome(v, Some(&e)))?;
						None
					},
				};
				let Some(answer) = answer else { return Ok(()) };
				let truth = (answer.to_state(), hash::to_hex(&random_salt()));
				self.update(id, |v| v.truth = Some(truth.clone()))?;
				truth
			},
			None => return Ok(()),
		};
		let (answer, salt) = (JobResult::from_state(&truth.0)?, hash::from_hex(&truth.1)?);
		if !committed {
			if finalized < deadlines.verify_by {
				let account = chain.account().0;
				let commitment = commitments::verification(id, &account, &answer, &salt);
				let fields = vec![Value::u128(id.into()), bytes(commitment)];
				chain.submit("Jobs", "commit_verification", fields).await?;
				tracing::info!(job = id, truth = %truth.0, "committed a verification");
				self.update(id, |v| v.committed = true)?;
			}
			return Ok(());
		}
		let in_window = in_reveal_window(finalized, deadlines.verify_by, deadlines.reveal_by);
		let on_chain = job.committee.iter().find(|v| v.validator == me);
		let revealed = entry.revealed || on_chain.is_some_and(|v| v.result_hash.is_some());
		if !revealed && in_window {
			let fields = vec![Value::u128(id.into()), answer.value(), bytes(salt)];
			chain.submit("Jobs", "reveal_verification", fields).await?;
			Metrics::inc(&self.metrics.verifications);
			self.update(id, |v| v.revealed = true)?;
			return Ok(());
		}
		// Miners reveal in the same window: score them once all have, or at its last block.
		let last_chance = finalized + 1 >= deadlines.reveal_by;
		if revealed && !entry.scored && (job.miners.iter().all(|m| m.revealed) || last_chance) {
			let sightings = self.state.value.sightings.get(&id).cloned().unwrap_or_default();
			for miner in &job.miners {
				let verified = miner.result_hash.as_deref().map(|h| h.trim_start_matches("0x"))
					== Some(truth.0.as_str());
				let committed = sightings.commits.get(&miner.hotkey).copied();
				let outcome =
					outcome_micros(verified, sightings.assigned, committed, deadlines.commit_by);
				self.score(&miner.hotkey, verified, outcome);
				tracing::info!(job = id, miner = %miner.hotkey, verified, outcome, "scored");
			}
			self.update(id, |v| v.scored = true)?;
		}
		Ok(())
	}

	/// This member's record of job `id` and whether it has committed (by the record or the
	/// chain), or `None` while a failed try waits for its retry.
	pub(crate) fn seat_of(
		&mut self,
		id: u64,
		job: &JobDetails,
		me: &str,
		finalized: u64,
	) -> Option<(Verification, bool)> {
		let entry = self.state.value.jobs.entry(id).or_default().clone();
		let on_chain = job.committee.iter().find(|v| v.validator == me);
		let committed = entry.committed || on_chain.is_some_and(|v| v.committed);
		(entry.failed.is_none() || finalized >= entry.retry_at).then_some((entry, committed))
	}

	/// The lazy committee member of the fault-injection build: reproduces nothing, copies
	/// another member's commitment and replays its reveal (`faults.rs`).
	#[cfg(feature = "fault-injection")]
	pub(crate) async fn copy(
		&mut self,
		chain: &Chain,
		(id, job, me, finalized): (u64, &JobDetails, &str, u64),
		committed: bool,
		entry: &Verification,
	) -> Result<()> {
		use crate::faults::{Copier, Step, Victim};
		let deadlines = job.deadlines;
		// A spot-checked job's reports are not in the job's view: read them from storage,
		// as anyone replaying them would.
		let spot_checked = job.spot_check_layout().is_some();
		let copier = Copier {
			item: "VerificationCommits",
			commit_call: "commit_verification",
			reveal_call: if spot_checked { "reveal_spot_check" } else { "reveal_verification" },
			commit_by: deadlines.verify_by,
			with_uri: false,
		};
		let mut victims: Vec<Victim> = Vec::new();
		for seat in job.committee.iter().filter(|v| v.validator != me) {
			let report = match spot_checked && finalized >= deadlines.verify_by {
				true => chain.spot_check_reveal(id, &seat.validator).await?,
				false => None,
			};
			victims.push(Victim {
				hotkey: &seat.validator,
				committed: seat.committed,
				revealed: seat.result_hash.as_deref(),
				uri: None,
				report,
			});
		}
		let window = (finalized, deadlines.verify_by, deadlines.reveal_by);
		match copier.step(chain, id, window, (committed, entry.revealed), &victims).await? {
			Step::Committed => self.update(id, |v| v.committed = true),
			Step::Replayed => self.update(id, |v| v.revealed = true),
			Step::Nothing => Ok(()),
		}
	}

	/// Notes the first block it saw `job` assigned and each of its miners' commits.
	fn observe(&mut self, id: u64, job: &JobDetails, finalized: u64) -> Result<()> {
		let sightings = self
			.state
			.value
			.sightings
			.entry(id)
			.or_insert_with(|| Sightings { assigned: finalized, commits: BTreeMap::new() });
		let before = sightings.commits.len();
		for miner in job.miners.iter().filter(|m| m.committed) {
			sightings.commits.entry(miner.hotkey.clone()).or_insert(finalized);
		}
		if sightings.commits.len() != before || sightings.assigned == finalized {
			self.state.save()?;
		}
		Ok(())
	}

	pub(crate) fn score(&mut self, miner: &str, verified: bool, outcome: u64) {
		let alpha = self.alpha_micros.min(1_000_000);
		let entry = self.state.value.scores.entry(miner.to_string()).or_default();
		entry.score_micros =
			(entry.score_micros * (1_000_000 - alpha) + outcome * alpha) / 1_000_000;
		if verified {
			entry.verified += 1;
		} else {
			entry.failed += 1;
		}
		self.metrics
			.scores
			.lock()
			.expect("not poisoned")
			.insert(miner.to_string(), entry.score_micros);
	}

	pub(crate) fn update(&mut self, id: u64, change: impl FnOnce(&mut Verification)) -> Result<()> {
		change(self.state.value.jobs.entry(id).or_default());
		self.state.save()
	}

	/// Reveals due weights and commits (or sets) new ones once per epoch.
	async fn weights(&mut self, chain: &Chain) -> Result<()> {
		let graph = chain.metagraph(self.netuid).await?;
		let epoch =
			graph["epochIndex"].as_u64().ok_or_else(|| anyhow!("no epochIndex in {graph}"))?;
		let subnet = chain.subnet(self.netuid).await?;
		let hyper = &subnet["hyperparameters"];
		let commit_reveal = hyper["commitReveal"].as_bool().unwrap_or(true);
		let period = hyper["revealPeriodEpochs"].as_u64().unwrap_or(1);
		let version = hyper["weightsVersion"].as_u64().unwrap_or(0);
		let netuid = Value::u128(self.netuid.into());
		let u16s = |v: &[u16]| Value::unnamed_composite(v.iter().map(|x| Value::u128((*x).into())));

		if let Some(pending) = self.state.value.pending_weights.clone() {
			if epoch == pending.epoch + period {
				let fields = vec![
					netuid.clone(),
					u16s(&pending.uids),
					u16s(&pending.values),
					u16s(&pending.salt),
					Value::u128(pending.version.into()),
				];
				chain.submit("Yuma", "reveal_weights", fields).await?;
				tracing::info!(epoch, uids = ?pending.uids, values = ?pending.values, "revealed weights");
				self.state.value.pending_weights = None;
				self.state.save()?;
			} else if epoch > pending.epoch + period {
				tracing::warn!(
					committed = pending.epoch,
					epoch,
					"weights commit expired unrevealed"
				);
				self.state.value.pending_weights = None;
				self.state.save()?;
			}
		}
		if self.state.value.weights_epoch == Some(epoch)
			|| self.state.value.pending_weights.is_some()
		{
			return Ok(());
		}
		let neurons = graph["neurons"].as_array().cloned().unwrap_or_default();
		let mut weights: Vec<(u16, u64)> = neurons
			.iter()
			.filter_map(|n| {
				let score = self.state.value.scores.get(n["hotkey"].as_str()?)?.score_micros;
				Some((n["uid"].as_u64()? as u16, score))
			})
			.filter(|(_, score)| *score > 0)
			.collect();
		weights.sort();
		let Some(top) = weights.iter().map(|(_, s)| *s).max() else { return Ok(()) };
		let uids: Vec<u16> = weights.iter().map(|(uid, _)| *uid).collect();
		let values: Vec<u16> = weights
			.iter()
			.map(|(_, s)| (*s as u128 * u16::MAX as u128 / top as u128) as u16)
			.collect();
		if commit_reveal {
			let salt: Vec<u16> =
				random_salt().chunks(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
			let hash = sp_crypto_hashing::blake2_256(
				&(chain.account().0, self.netuid, &uids, &values, &salt, version).encode(),
			);
			chain.submit("Yuma", "commit_weights", vec![netuid, bytes(hash)]).await?;
			tracing::info!(epoch, ?uids, ?values, "committed weights");
			self.state.value.pending_weights =
				Some(PendingWeights { epoch, uids, values, salt, version });
		} else {
			let fields = vec![netuid, u16s(&uids), u16s(&values), Value::u128(version.into())];
			chain.submit("Yuma", "set_weights", fields).await?;
			tracing::info!(epoch, ?uids, ?values, "set weights");
		}
		self.state.value.weights_epoch = Some(epoch);
		self.state.save()?;
		Ok(())
	}
}

/// The uid of `hotkey` on `netuid`, if registered.
pub async fn uid_of(chain: &Chain, netuid: u16, hotkey: &str) -> Result<Option<u16>> {
	let neurons: serde_json::Value = chain.rpc("synod_neurons", rpc_params![netuid]).await?;
	Ok(neurons.as_array().and_then(|list| {
		list.iter()
			.find(|n| n["hotkey"] == hotkey)
			.and_then(|n| n["uid"].as_u64())
			.map(|u| u as u16)
	}))
}

#[cfg(test)]
mod tests {
	use super::outcome_micros;

	#[test]
	fn latency_takes_up_to_a_quarter_of_a_verified_outcome() {
		// Seen assigned at block 100, commits due by block 110.
		assert_eq!(outcome_micros(true, 100, Some(100), 110), 1_000_000);
		assert_eq!(outcome_micros(true, 100, Some(104), 110), 900_000);
		assert_eq!(outcome_micros(true, 100, Some(110), 110), 750_000);
		assert_eq!(outcome_micros(true, 100, Some(130), 110), 750_000);
		assert_eq!(outcome_micros(true, 100, None, 110), 750_000);
		// A wrong or missing result earns nothing, however fast.
		assert_eq!(outcome_micros(false, 100, Some(100), 110), 0);
		// A window already closed when first seen cannot divide by zero.
		assert_eq!(outcome_micros(true, 120, Some(120), 110), 1_000_000);
	}
}
