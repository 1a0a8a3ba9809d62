//! The miner: computes the jobs the chain assigns its hotkey and reports them in the right
//! windows.
//!
//! On each finalized block it reads its assignments (`synod_minerAssignments`) and, per job:
//! fetches the inputs and computes the result (off the async runtime), stores it and serves it,
//! saves the result and a fresh salt to its state file *before* committing, commits
//! `BLAKE2-256(result_hash, salt)` by `commit_by`, and reveals the hash, salt and URL once every
//! miner has committed or the commit window has closed, by `reveal_by`. For federated
//! statistics jobs it submits its private data's moments instead. A restart reads the state
//! file and the chain's view of the job, so it neither computes twice nor loses a salt.

use crate::{
	artifacts::{Server, Store},
	chain::{bytes, commitment, random_salt, Chain, JobDetails, Role},
	compute::{self, Fault},
	metrics::Metrics,
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
	/// The result's content hash and the salt of its commitment, once computed.
	pub result: Option<(String, String)>,
	pub committed: bool,
	pub revealed: bool,
	/// Why the job could not be computed, if it could not (not retried).
	pub failed: Option<String>,
}

#[derive(Default, Serialize, Deserialize)]
pub struct MinerState {
	pub jobs: BTreeMap<u64, MinerJob>,
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
		let assigned = chain.assignments().await?;
		self.state.value.jobs.retain(|id, _| assigned.contains(id));
		for id in assigned {
			let Some(job) = chain.job(id).await?.and_then(|view| view.job) else { continue };
			if let Err(e) = self.advance(chain, id, &job, &me, finalized).await {
				tracing::warn!(job = id, error = format!("{e:#}"), "job step failed");
				Metrics::inc(&self.metrics.transactions_failed);
			}
		}
		Ok(())
	}
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
		let deadlines = job.deadlines;
		let on_chain = job.miners.iter().find(|m| m.hotkey == me);
		let entry = self.state.value.jobs.entry(id).or_default().clone();

		if let Some(columns) = job.spec.statistics_columns() {
			if entry.revealed
				|| on_chain.is_some_and(|m| m.committed)
				|| finalized >= deadlines.reveal_by
			{
				return Ok(());
			}
			let data = self.private_data.as_ref().ok_or_else(|| {
				anyhow!("job {id} asks for statistics, but this miner has no --private-data")
			})?;
			let moments = stats::column_moments(data, columns as usize)?;
			let value = Value::unnamed_composite(moments.iter().map(|m| {
				Value::named_composite([
					("count", Value::u128(m.count.into())),
					("sum", Value::i128(m.sum)),
					("sum_of_squares", Value::u128(m.sum_of_squares)),
				])
			}));
			chain.submit("Jobs", "submit_statistics", vec![Value::u128(id.into()), value]).await?;
			tracing::info!(job = id, rows = data.rows(), columns, "submitted federated statistics");
			Metrics::inc(&self.metrics.jobs_done);
			self.update(id, |e| e.revealed = true)?;
			return Ok(());
		}

		if entry.failed.is_some() {
			return Ok(());
		}
		let committed = entry.committed || on_chain.is_some_and(|m| m.committed);
		let result = match entry.result.clone() {
			Some(result) => result,
			None if !committed && finalized < deadlines.commit_by => {
				tracing::info!(job = id, architecture = %job.spec.architecture, "computing");
				let (spec, store, fault) = (job.spec.clone(), self.store.clone(), self.fault);
				let computed =
					tokio::task::spawn_blocking(move || compute::run(id, &spec, &store, fault))
						.await?;
				match computed {
					Ok(artifact) => {
						let result_hash = self.store.put(&artifact)?;
						let result = (hash::to_hex(&result_hash), hash::to_hex(&random_salt()));
						self.update(id, |e| e.result = Some(result.clone()))?;
						result
					},
					Err(e) => {
						tracing::error!(
							job = id,
							error = format!("{e:#}"),
							"cannot compute the job"
						);
						Metrics::inc(&self.metrics.jobs_failed);
						self.update(id, |e2| e2.failed = Some(format!("{e:#}")))?;
						return Ok(());
					},
				}
			},
			None => return Ok(()),
		};
		let (result_hash, salt) = (hash::from_hex(&result.0)?, hash::from_hex(&result.1)?);

		if !committed {
			if finalized >= deadlines.commit_by {
				return Ok(());
			}
			let fields = vec![Value::u128(id.into()), bytes(commitment(&result_hash, &salt))];
			chain.submit("Jobs", "commit_result", fields).await?;
			tracing::info!(job = id, result = %result.0, "committed");
			Metrics::inc(&self.metrics.jobs_done);
			self.update(id, |e| e.committed = true)?;
			return Ok(());
		}

		let revealed = entry.revealed || on_chain.is_some_and(|m| m.result_hash.is_some());
		let everyone_committed = job.miners.iter().all(|m| m.committed);
		let window = (everyone_committed || finalized >= deadlines.commit_by)
			&& finalized < deadlines.reveal_by;
		if !revealed && window {
			let uri = self.server.url_of(&result_hash);
			let fields = vec![Value::u128(id.into()), bytes(result_hash), bytes(salt), bytes(&uri)];
			chain.submit("Jobs", "reveal_result", fields).await?;
			tracing::info!(job = id, %uri, "revealed");
			self.update(id, |e| e.revealed = true)?;
		}
		Ok(())
	}

	fn update(&mut self, id: u64, change: impl FnOnce(&mut MinerJob)) -> Result<()> {
		change(self.state.value.jobs.entry(id).or_default());
		self.state.save()
	}
}
