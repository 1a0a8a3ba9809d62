//! The miner: computes the jobs the chain assigns its hotkey and reports them in the right
//! windows.
//!
//! On each finalized block it reads its assignments (`synod_minerAssignments`) and, per job:
//! fetches the inputs and computes the result (off the async runtime), stores it and serves it,
//! saves the result and a fresh salt to its state file *before* committing, commits the
//! pallet's `result_commitment` (bound to the job and this hotkey) by `commit_by`, and reveals
//! the result, salt and URL only after the committee's commit deadline `verify_by`, by
//! `reveal_by`, so that nothing it computed is public while anyone could still copy it. For
//! federated statistics jobs it commits to its private data's moments, then reveals them in
//! the same window. A restart reads the state file and the chain's view of the job, so it
//! neither computes twice nor loses a salt.

use crate::{
	artifacts::Store,
	chain::{bytes, random_salt, Chain, JobDetails},
	commitments::{self, JobResult},
	compute::{self, Fault},
	follow::Role,
	metrics::Metrics,
	server::Server,
	state::StateFile,
};
use anyhow::{anyhow, Result};
use serde::{Deserialize, Serialize};
use std::{collections::BTreeMap, sync::Arc};
use subxt::dynamic::Value;
use synod_ml::{hash, stats, Dataset};

/// A miner's progress on one job.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct MinerJob {
	/// The result's content hash (empty for a statistics job, whose moments are recomputed
	/// from the private data) and the salt of its commitment, once computed.
	pub result: Option<(String, String)>,
	pub committed: bool,
	pub revealed: bool,
	/// Why the last try to compute the job failed (an outage: a refusal is a result).
	pub failed: Option<String>,
	/// Failed tries so far, and the finalized block from which the next one may run
	/// ([`compute::retry_at`]): a failure is retried with backoff while the deadline allows.
	#[serde(default)]
	pub attempts: u32,
	#[serde(default)]
	pub retry_at: u64,
	/// Whether its trace is opened on chain (a spot-checked job's reveal).
	#[serde(default)]
	pub opened: bool,
}

impl compute::Retrying for MinerJob {
	fn retry_state(&mut self) -> (&mut Option<String>, &mut u32, &mut u64) {
		(&mut self.failed, &mut self.attempts, &mut self.retry_at)
	}
}

#[derive(Default, Serialize, Deserialize)]
pub struct MinerState {
	pub jobs: BTreeMap<u64, MinerJob>,
	/// The traces it serves, kept past their jobs' end so that a requester can fetch the
	/// model after settlement; the newest [`crate::traced::KEPT_TRACES`] of them.
	#[serde(default)]
	pub traces: BTreeMap<u64, crate::traced::TraceRecord>,
}

pub struct Miner {
	pub store: Store,
	pub server: Server,
	pub metrics: Arc<Metrics>,
	pub state: StateFile<MinerState>,
	pub fault: Fault,
	/// The rows this miner contributes to federated statistics, never sent anywhere.
	pub private_data: Option<Dataset>,
}

impl Role for Miner {
	async fn step(&mut self, chain: &Chain, finalized: u64) -> Result<()> {
		let me = chain.account().to_string();
		// Gates first: a plan drawn while this miner trains another job opens its starts at
		// once, not after that training.
		self.gate_traces(chain, finalized).await?;
		let assigned = chain.assignments().await?;
		self.state.value.jobs.retain(|id, _| assigned.contains(id));
		for id in assigned {
			let Some(job) = chain.job(id).await?.and_then(|view| view.job) else { continue };
			if let Err(e) = self.advance(chain, id, &job, &me, finalized).await {
				tracing::warn!(job = id, error = format!("{e:#}"), "job step failed");
				Metrics::inc(&self.metrics.transactions_failed);
			}
		}
		self.gate_traces(chain, finalized).await
	}
}

/// Whether a transaction sent after finalized block `finalized` lands in the reveal window,
/// which opens after `verify_by` and closes with `reveal_by`.
pub fn in_reveal_window(finalized: u64, verify_by: u64, reveal_by: u64) -> bool {
	finalized >= verify_by && finalized < reveal_by
}

impl Miner {
	async fn advance(
		&mut self,
		chain: &Chain,
		id: u64,
		job: &JobDetails,
		me: &str,
		finalized: u64,
	) -> Result<()> {
		if let Some(columns) = job.spec.statistics_columns() {
			return self.provide(chain, id, job, me, finalized, columns).await;
		}
		let deadlines = job.deadlines;
		let on_chain = job.miners.iter().find(|m| m.hotkey == me);
		let entry = self.state.value.jobs.entry(id).or_default().clone();
		if entry.failed.is_some() && finalized < entry.retry_at {
			return Ok(());
		}
		let committed = entry.committed || on_chain.is_some_and(|m| m.committed);
		#[cfg(feature = "fault-injection")]
		if self.fault == Fault::Copy {
			return self.copy(chain, (id, job, me, finalized), committed, &entry).await;
		}
		if job.spot_check_layout().is_some() {
			return self.advance_traced(chain, (id, job, me, finalized), &entry, committed).await;
		}
		let result = match entry.result.clone() {
			Some(result) => result,
			None if !committed && finalized < deadlines.commit_by => {
				tracing::info!(job = id, architecture = %job.spec.architecture, "computing");
				self.update(id, |e| compute::begin_attempt(e, finalized))?;
				let limits = crate::isolate::Limits::of(
					&job.spec,
					deadlines.commit_by.saturating_sub(finalized),
					u64::MAX,
				);
				let computed =
					crate::isolate::run(id, &job.spec, &self.store, self.fault, limits).await;
				let answer = match compute::answer(id, "computing", computed, &self.store)? {
					Ok(answer) => {
						self.update(id, |e| compute::record_outcome(e, None))?;
						Some(answer)
					},
					Err(e) => {
						Metrics::inc(&self.metrics.jobs_failed);
						self.update(id, |e2| compute::record_outcome(e2, Some(&e)))?;
						None
					},
				};
				let Some(answer) = answer else { return Ok(()) };
				let result = (answer.to_state(), hash::to_hex(&random_salt()));
				self.update(id, |e| e.result = Some(result.clone()))?;
				result
			},
			None => return Ok(()),
		};
		let (answer, salt) = (JobResult::from_state(&result.0)?, hash::from_hex(&result.1)?);
		if !committed {
			return self.commit(chain, id, deadlines.commit_by, finalized, (&answer, &salt)).await;
		}
		self.reveal(chain, id, job, me, finalized, (&answer, &salt)).await
	}

	/// Commits to `answer` with `salt` for job `id`, while its window is open.
	pub(crate) async fn commit(
		&mut self,
		chain: &Chain,
		id: u64,
		commit_by: u64,
		finalized: u64,
		(answer, salt): (&JobResult, &[u8; 32]),
	) -> Result<()> {
		if finalized >= commit_by {
			return Ok(());
		}
		let commitment = commitments::result(id, &chain.account().0, answer, salt);
		let fields = vec![Value::u128(id.into()), bytes(commitment)];
		chain.submit("Jobs", "commit_result", fields).await?;
		tracing::info!(job = id, result = %answer.to_state(), "committed");
		Metrics::inc(&self.metrics.jobs_done);
		self.update(id, |e| e.committed = true)
	}

	/// Reveals `answer` with `salt` for job `id` (a refusal with no URI) in the reveal
	/// window, once.
	pub(crate) async fn reveal(
		&mut self,
		chain: &Chain,
		id: u64,
		job: &JobDetails,
		me: &str,
		finalized: u64,
		(answer, salt): (&JobResult, &[u8; 32]),
	) -> Result<()> {
		let (answer, salt) = (*answer, *salt);
		let deadlines = job.deadlines;
		let on_chain = job.miners.iter().find(|m| m.hotkey == me);
		let entry = self.state.value.jobs.entry(id).or_default().clone();
		let revealed = entry.revealed || on_chain.is_some_and(|m| m.revealed);
		if !revealed && in_reveal_window(finalized, deadlines.verify_by, deadlines.reveal_by) {
			// A refusal serves nothing, and the pallet takes no URI with it.
			let uri = match answer {
				JobResult::Digest(hash) => self.server.url_of(&hash),
				JobResult::Refused(_) => String::new(),
			};
			let fields = vec![Value::u128(id.into()), answer.value(), bytes(salt), bytes(&uri)];
			chain.submit("Jobs", "reveal_result", fields).await?;
			tracing::info!(job = id, %uri, "revealed");
			self.update(id, |e| e.revealed = true)?;
		}
		Ok(())
	}

	/// A federated statistics job: commit to the private data's moments, then reveal them.
	async fn provide(
		&mut self,
		chain: &Chain,
		id: u64,
		job: &JobDetails,
		me: &str,
		finalized: u64,
		columns: u16,
	) -> Result<()> {
		let deadlines = job.deadlines;
		let on_chain = job.miners.iter().find(|m| m.hotkey == me);
		let entry = self.state.value.jobs.entry(id).or_default().clone();
		let committed = entry.committed || on_chain.is_some_and(|m| m.committed);
		let revealed = entry.revealed || on_chain.is_some_and(|m| m.revealed);
		if revealed || (!committed && finalized >= deadlines.commit_by) {
			return Ok(());
		}
		let data = self.private_data.as_ref().ok_or_else(|| {
			anyhow!("job {id} asks for statistics, but this miner has no --private-data")
		})?;
		// The moments are a function of the data, so only the salt needs keeping.
		let moments = stats::column_moments(data, columns as usize)?;
		let rows = data.rows();
		let account = chain.account().0;
		if !committed {
			let salt = random_salt();
			self.update(id, |e| e.result = Some((String::new(), hash::to_hex(&salt))))?;
			let commitment = commitments::moments(id, &account, &moments, &salt);
			let fields = vec![Value::u128(id.into()), bytes(commitment)];
			chain.submit("Jobs", "commit_statistics", fields).await?;
			tracing::info!(job = id, rows, columns, "committed to statistics");
			self.update(id, |e| e.committed = true)?;
			return Ok(());
		}
		if !in_reveal_window(finalized, deadlines.verify_by, deadlines.reveal_by) {
			return Ok(());
		}
		let salt_hex = entry
			.result
			.map(|(_, salt)| salt)
			.ok_or_else(|| anyhow!("job {id}: committed, but the state file lost the salt"))?;
		let salt = hash::from_hex(&salt_hex)?;
		let fields =
			vec![Value::u128(id.into()), commitments::moments_value(&moments), bytes(salt)];
		chain.submit("Jobs", "reveal_statistics", fields).await?;
		tracing::info!(job = id, rows, columns, "revealed federated statistics");
		Metrics::inc(&self.metrics.jobs_done);
		self.update(id, |e| e.revealed = true)?;
		Ok(())
	}

	/// The lazy miner of the fault-injection build: computes nothing, copies another miner's
	/// commitment and replays its reveal (`faults.rs`).
	#[cfg(feature = "fault-injection")]
	pub(crate) async fn copy(
		&mut self,
		chain: &Chain,
		(id, job, me, finalized): (u64, &JobDetails, &str, u64),
		committed: bool,
		entry: &MinerJob,
	) -> Result<()> {
		use crate::faults::{Copier, Step, Victim};
		let deadlines = job.deadlines;
		let copier = Copier {
			item: "ResultCommits",
			commit_call: "commit_result",
			reveal_call: "reveal_result",
			commit_by: deadlines.commit_by,
			with_uri: true,
		};
		let victims: Vec<Victim> = job
			.miners
			.iter()
			.filter(|m| m.hotkey != me)
			.map(|m| Victim {
				hotkey: &m.hotkey,
				committed: m.committed,
				revealed: m.result_hash.as_deref(),
				uri: m.uri.as_deref(),
				report: None,
			})
			.collect();
		let window = (finalized, deadlines.verify_by, deadlines.reveal_by);
		match copier.step(chain, id, window, (committed, entry.revealed), &victims).await? {
			Step::Committed => self.update(id, |e| e.committed = true),
			Step::Replayed => self.update(id, |e| e.revealed = true),
			Step::Nothing => Ok(()),
		}
	}

	pub(crate) fn update(&mut self, id: u64, change: impl FnOnce(&mut MinerJob)) -> Result<()> {
		change(self.state.value.jobs.entry(id).or_default());
		self.state.save()
	}
}

#[cfg(test)]
mod tests {
	use super::in_reveal_window;

	#[test]
	fn reveals_wait_for_the_committee_and_stop_at_the_deadline() {
		// verify_by 20, reveal_by 30: a reveal sent after finalized block 19 could land in
		// block 20, inside the committee's window.
		assert!(!in_reveal_window(19, 20, 30));
		assert!(in_reveal_window(20, 20, 30));
		assert!(in_reveal_window(29, 20, 30));
		assert!(!in_reveal_window(30, 20, 30));
	}
}
