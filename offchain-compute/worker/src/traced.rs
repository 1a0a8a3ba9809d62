//! The miner's side of a spot-checked job (`docs/verification.md`, "Phases").
//!
//! It trains with a trace in a child process, keeping every checkpoint and the model in its
//! store; commits, blind, to the trace's root by `commit_by`; opens every leaf on chain in
//! the `MinWindow` blocks after that; and serves, under the base URL it opened with, only
//! what the chain's plan lets it ([`TraceRecord::gate`]): before the committee's commit
//! deadline the checkpoint before each run of the plan's places and nothing else, after it
//! the model and its leaf's proof as well. The record of each trace outlives its job (the
//! newest [`KEPT_TRACES`]), so that the requester can fetch the model once the job settles.
//! A refusal is revealed as for any job.

use crate::{
	chain::{bytes, random_salt, Chain, JobDetails},
	commitments::JobResult,
	compute::{self, KeptTrace},
	metrics::Metrics,
	miner::{Miner, MinerJob},
	server::TraceGate,
	spot_check,
};
use anyhow::{anyhow, Result};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use subxt::dynamic::Value;
use synod_ml::hash;

/// How many traces a miner keeps serving, the newest jobs'.
pub const KEPT_TRACES: usize = 64;

/// A trace the miner computed and what it may serve of it.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct TraceRecord {
	pub trace: KeptTrace,
	/// The job's seed, which salts its leaves.
	pub seed: u64,
	/// The committee's commit deadline: nothing a member must reach is served before.
	pub verify_by: u64,
	/// The checkpoints the plan lets it serve, once it has read the plan.
	#[serde(default)]
	pub starts: Option<Vec<u32>>,
}

impl TraceRecord {
	/// What job `job`'s trace serves after finalized block `finalized`.
	pub fn gate(&self, job: u64, finalized: u64) -> Result<TraceGate> {
		let trace = self.trace.trace(job, self.seed)?;
		let outputs = trace.segments() + 1;
		Ok(TraceGate {
			checkpoints: trace.checkpoints.clone(),
			output: trace.output,
			proof: trace.proof(outputs),
			open: self.starts.iter().flatten().copied().collect(),
			output_open: finalized >= self.verify_by,
			seed: self.seed,
		})
	}
}

impl Miner {
	/// One finalized block of spot-checked job `id`, of which this miner keeps `entry` and
	/// has `committed` (by the entry or the chain): compute with a trace, commit, then open
	/// the trace (or reveal a refusal).
	pub(crate) async fn advance_traced(
		&mut self,
		chain: &Chain,
		(id, job, me, finalized): (u64, &JobDetails, &str, u64),
		entry: &MinerJob,
		committed: bool,
	) -> Result<()> {
		let deadlines = job.deadlines;
		let on_chain = job.miners.iter().find(|m| m.hotkey == me);
		let result = match entry.result.clone() {
			Some(result) => result,
			None if !committed && finalized < deadlines.commit_by => {
				match self.compute_traced(id, job, finalized).await? {
					Some(result) => result,
					None => return Ok(()),
				}
			},
			None => return Ok(()),
		};
		let (answer, salt) = (JobResult::from_state(&result.0)?, hash::from_hex(&result.1)?);
		if !committed {
			return self.commit(chain, id, deadlines.commit_by, finalized, (&answer, &salt)).await;
		}
		match answer {
			JobResult::Refused(_) => {
				self.reveal(chain, id, job, me, finalized, (&answer, &salt)).await
			},
			JobResult::Digest(_) => {
				let opened = entry.opened || on_chain.is_some_and(|m| m.revealed);
				if opened {
					return Ok(());
				}
				self.open(chain, id, job, finalized, &salt).await
			},
		}
	}

	/// Trains job `id` with a trace; the answer it commits to and its salt, saved, or
	/// `None` after a failed try (recorded for a retry).
	async fn compute_traced(
		&mut self,
		id: u64,
		job: &JobDetails,
		finalized: u64,
	) -> Result<Option<(String, String)>> {
		tracing::info!(job = id, architecture = %job.spec.architecture, traced = true, "computing");
		self.update(id, |e| compute::begin_attempt(e, finalized))?;
		let blocks_left = job.deadlines.commit_by.saturating_sub(finalized);
		let limits = crate::isolate::Limits::of(&job.spec, blocks_left, u64::MAX);
		let computed =
			crate::isolate::run_traced(id, &job.spec, &self.store, self.fault, limits).await;
		let answer = match computed {
			Ok(trace) => {
				let root = trace.trace(id, job.spec.seed)?.root();
				let record = TraceRecord {
					trace,
					seed: job.spec.seed,
					verify_by: job.deadlines.verify_by,
					starts: None,
				};
				let traces = &mut self.state.value.traces;
				traces.insert(id, record);
				while traces.len() > KEPT_TRACES {
					traces.pop_first();
				}
				JobResult::Digest(root)
			},
			Err(e) => match compute::refusal(&e) {
				Some(reason) => {
					tracing::warn!(job = id, error = format!("{e:#}"), "the job is refused");
					JobResult::Refused(reason)
				},
				None => {
					tracing::error!(job = id, error = format!("{e:#}"), "cannot compute the job");
					Metrics::inc(&self.metrics.jobs_failed);
					self.update(id, |entry| compute::record_outcome(entry, Some(&e)))?;
					return Ok(None);
				},
			},
		};
		self.update(id, |e| compute::record_outcome(e, None))?;
		let result = (answer.to_state(), hash::to_hex(&random_salt()));
		self.update(id, |e| e.result = Some(result.clone()))?;
		Ok(Some(result))
	}

	/// Opens job `id`'s trace on chain with the commitment's `salt`, in the window after
	/// the commit deadline.
	async fn open(
		&mut self,
		chain: &Chain,
		id: u64,
		job: &JobDetails,
		finalized: u64,
		salt: &[u8; 32],
	) -> Result<()> {
		let open_by = job.open_by(chain.min_window().await?);
		if finalized < job.deadlines.commit_by || finalized >= open_by {
			return Ok(());
		}
		let record = self
			.state
			.value
			.traces
			.get(&id)
			.ok_or_else(|| anyhow!("job {id}: committed to a trace the state file lost"))?;
		let leaves = record.trace.trace(id, record.seed)?.leaves();
		let uri = self.server.trace_url(id);
		let fields = vec![
			Value::u128(id.into()),
			Value::unnamed_composite(leaves.iter().map(Value::from_bytes)),
			bytes(salt),
			bytes(&uri),
		];
		chain.submit("Jobs", "open_trace", fields).await?;
		tracing::info!(job = id, leaves = leaves.len(), %uri, "opened its trace");
		self.update(id, |e| e.opened = true)
	}

	/// Reads the plan of each trace that has none yet, and sets what each trace serves.
	pub(crate) async fn gate_traces(&mut self, chain: &Chain, finalized: u64) -> Result<()> {
		let mut changed = false;
		for (id, record) in self.state.value.traces.iter_mut() {
			if record.starts.is_some() || finalized > record.verify_by {
				continue;
			}
			let plan = match chain.check_plan(*id).await {
				Ok(plan) => plan,
				Err(e) => {
					tracing::warn!(job = id, error = format!("{e:#}"), "reading the plan failed");
					continue;
				},
			};
			if let Some((places, dispute)) = plan {
				let starts = spot_check::starts(&places);
				tracing::info!(job = id, ?places, dispute, ?starts, "serving the plan's starts");
				record.starts = Some(starts);
				changed = true;
			}
		}
		if changed {
			self.state.save()?;
		}
		let served: BTreeSet<u64> = self.state.value.traces.keys().copied().collect();
		for (id, record) in &self.state.value.traces {
			self.server.traces.set(*id, record.gate(*id, finalized)?);
		}
		self.server.traces.retain(&served);
		Ok(())
	}
}
