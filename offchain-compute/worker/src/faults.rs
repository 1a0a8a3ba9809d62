//! The misbehaviours of the `fault-injection` build, shared by its lazy miner and lazy
//! committee member: copy another party's commitment bytes, then replay what that party
//! revealed. The pallet binds every commitment to its signer, so the replay never opens; the
//! end-to-end tests run these to show that copying is penalised and paid nothing.

use crate::{
	chain::{bytes, random_salt, Chain},
	commitments::JobResult,
	miner::in_reveal_window,
};
use anyhow::Result;
use subxt::dynamic::Value;
use synod_ml::hash;

/// Another party of the job, as a copier sees it.
pub struct Victim<'a> {
	pub hotkey: &'a str,
	pub committed: bool,
	/// Its revealed digest, `0x`-hex.
	pub revealed: Option<&'a str>,
	/// Where it serves that digest (miners only).
	pub uri: Option<&'a str>,
	/// Its revealed spot-check report, for a member of a spot-checked job's committee.
	pub report: Option<Value>,
}

/// What a copier does in one role: where commitments are stored, which calls it makes, and
/// when its commitments close.
pub struct Copier {
	/// The jobs pallet's double map of this role's commitments.
	pub item: &'static str,
	pub commit_call: &'static str,
	pub reveal_call: &'static str,
	/// The block by which this role commits.
	pub commit_by: u64,
	/// Whether the reveal carries a URI (a miner's does).
	pub with_uri: bool,
}

/// What [`Copier::step`] did.
pub enum Step {
	Nothing,
	Committed,
	/// Tried to replay a reveal (once: it cannot open the copied commitment).
	Replayed,
}

impl Copier {
	/// One finalized block of a copier on `job`: commit a copied commitment while its window
	/// is open, then replay a victim's reveal once the reveal window opens.
	pub async fn step(
		&self,
		chain: &Chain,
		job: u64,
		(finalized, verify_by, reveal_by): (u64, u64, u64),
		(committed, revealed): (bool, bool),
		victims: &[Victim<'_>],
	) -> Result<Step> {
		if !committed {
			if finalized >= self.commit_by {
				return Ok(Step::Nothing);
			}
			for victim in victims.iter().filter(|v| v.committed) {
				let Some(copied) = chain.commitment_of(self.item, job, victim.hotkey).await? else {
					continue;
				};
				chain
					.submit("Jobs", self.commit_call, vec![Value::u128(job.into()), bytes(copied)])
					.await?;
				tracing::warn!(job, victim = %victim.hotkey, "committed a copied commitment");
				return Ok(Step::Committed);
			}
			return Ok(Step::Nothing);
		}
		if revealed || !in_reveal_window(finalized, verify_by, reveal_by) {
			return Ok(Step::Nothing);
		}
		let Some(victim) = victims.iter().find(|v| v.revealed.is_some() || v.report.is_some())
		else {
			return Ok(Step::Nothing);
		};
		let revealed = match (&victim.report, victim.revealed) {
			(Some(report), _) => report.clone(),
			(None, digest) => {
				let digest = hash::from_hex(digest.unwrap_or_default().trim_start_matches("0x"))?;
				JobResult::Digest(digest).value()
			},
		};
		let mut fields = vec![Value::u128(job.into()), revealed, bytes(random_salt())];
		if self.with_uri {
			fields.push(bytes(victim.uri.unwrap_or_default().as_bytes()));
		}
		match chain.submit("Jobs", self.reveal_call, fields).await {
			Ok(_) => {
				tracing::error!(job, call = self.reveal_call, "a replayed reveal was accepted")
			},
			Err(e) => tracing::warn!(job, error = format!("{e:#}"), "replayed reveal refused"),
		}
		Ok(Step::Replayed)
	}
}
