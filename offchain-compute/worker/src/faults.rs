//! The misbehaviours of the `fault-injection` build, shared by its lazy miner and lazy
//! committee member: copy another party's commitment bytes, then replay what that party
//! revealed. The pallet binds every commitment to its signer, so the replay never opens; the
//! end-to-end tests run these to show that copying is penalised and paid nothing.

use crate::chain::{bytes, Chain};
use anyhow::Result;
use subxt::dynamic::Value;

/// Submits, by `call`, the first commitment of `victims` found in the jobs pallet's `item`
/// for `job` as the signer's own; returns whose it copied.
pub async fn copy_commitment<'a>(
	chain: &Chain,
	job: u64,
	item: &str,
	call: &str,
	victims: impl IntoIterator<Item = &'a str>,
) -> Result<Option<String>> {
	for victim in victims {
		let Some(copied) = chain.commitment_of(item, job, victim).await? else { continue };
		chain.submit("Jobs", call, vec![Value::u128(job.into()), bytes(copied)]).await?;
		tracing::warn!(job, %victim, "committed a copied commitment");
		return Ok(Some(victim.to_string()));
	}
	Ok(None)
}

/// Submits a replayed reveal by `call`; the pallet should refuse it.
pub async fn replay(chain: &Chain, job: u64, call: &str, fields: Vec<Value>) {
	match chain.submit("Jobs", call, fields).await {
		Ok(_) => tracing::error!(job, call, "a replayed reveal was accepted"),
		Err(e) => tracing::warn!(job, call, error = format!("{e:#}"), "replayed reveal refused"),
	}
}
