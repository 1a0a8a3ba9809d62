//! The worker's main loop: a role's step on each newly finalized block, learnt from the
//! node's finalized-heads subscription rather than by polling, and a reconnection with
//! exponential backoff whenever the node goes away.
//!
//! A step that fails is retried at the next finalized block, or after [`STEP_RETRY`] if
//! none comes first (a chain that seals blocks only on demand may produce none for a
//! while). Reconnection waits grow from [`RECONNECT_MIN`] to [`RECONNECT_MAX`], with jitter,
//! so that the workers of a network that lost its node do not all knock at once; a
//! connection that works starts the waits over.

use crate::{chain::Chain, metrics::Metrics};
use anyhow::{anyhow, Result};
use backon::BackoffBuilder;
use std::{sync::atomic::Ordering, time::Duration};
use subxt_signer::sr25519::Keypair;

/// The first wait before reconnecting.
pub const RECONNECT_MIN: Duration = Duration::from_secs(1);
/// The longest wait between two tries to reconnect.
pub const RECONNECT_MAX: Duration = Duration::from_secs(30);
/// How soon a failed step is tried again when no new block comes first.
pub const STEP_RETRY: Duration = Duration::from_secs(2);

/// A role's work, done once per newly finalized block.
pub trait Role {
	fn step(
		&mut self,
		chain: &Chain,
		finalized: u64,
	) -> impl std::future::Future<Output = Result<()>>;
}

/// The waits between tries to reach the node: exponential, jittered, capped, endless.
pub fn reconnect_delays() -> impl Iterator<Item = Duration> {
	backon::ExponentialBuilder::default()
		.with_min_delay(RECONNECT_MIN)
		.with_max_delay(RECONNECT_MAX)
		.with_factor(2.0)
		.with_jitter()
		.without_max_times()
		.build()
}

/// Runs `role` on each newly finalized block, forever, reconnecting when the node goes away.
pub async fn follow(
	url: &str,
	signer: Keypair,
	role: &mut impl Role,
	metrics: &Metrics,
) -> Result<()> {
	let mut handled = 0u64;
	let mut delays = reconnect_delays();
	loop {
		match Chain::try_connect(url, signer.clone()).await {
			Ok(chain) => {
				tracing::info!(%url, account = %chain.account(), "connected");
				delays = reconnect_delays();
				let lost = follow_finalized(&chain, role, metrics, &mut handled).await;
				if let Err(e) = lost {
					tracing::warn!(error = format!("{e:#}"), "lost the node; reconnecting");
				}
			},
			Err(e) => {
				let wait = delays.next().unwrap_or(RECONNECT_MAX);
				tracing::warn!(%url, error = %e, ?wait, "node unreachable; retrying");
				tokio::time::sleep(wait).await;
			},
		}
	}
}

/// Follows `chain`'s finalized heads, stepping `role` on each block past `handled`, until
/// the subscription fails or ends.
async fn follow_finalized(
	chain: &Chain,
	role: &mut impl Role,
	metrics: &Metrics,
	handled: &mut u64,
) -> Result<()> {
	let mut blocks = chain.api().stream_blocks().await?;
	// The head the node finalized before the subscription's first message.
	let mut finalized = chain.finalized_number().await?;
	let mut failed = false;
	loop {
		if finalized > *handled {
			metrics.best_block.store(chain.best_number().await?, Ordering::Relaxed);
			match role.step(chain, finalized).await {
				Ok(()) => {
					*handled = finalized;
					failed = false;
					metrics.finalized_block.store(finalized, Ordering::Relaxed);
				},
				Err(e) => {
					failed = true;
					tracing::warn!(
						block = finalized,
						error = format!("{e:#}"),
						"step failed; will retry"
					);
				},
			}
		}
		let next = if failed {
			tokio::select! {
				next = blocks.next() => Some(next),
				_ = tokio::time::sleep(STEP_RETRY) => None,
			}
		} else {
			Some(blocks.next().await)
		};
		match next {
			// No block in time: the failed step runs again on the same head.
			None => {},
			Some(None) => return Err(anyhow!("the node ended the finalized-heads subscription")),
			Some(Some(block)) => finalized = finalized.max(u64::from(block?.number())),
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn reconnection_waits_grow_to_their_cap_and_never_stop() {
		let waits: Vec<Duration> = reconnect_delays().take(64).collect();
		assert_eq!(waits.len(), 64, "the waits never run out");
		// Jitter adds up to one more wait's worth on top of each.
		for wait in &waits {
			assert!(*wait >= RECONNECT_MIN && *wait <= RECONNECT_MAX * 2, "{wait:?}");
		}
		let early: Duration = waits[..3].iter().sum();
		let late: Duration = waits[40..43].iter().sum();
		assert!(early < Duration::from_secs(14), "the first waits are short: {waits:?}");
		assert!(late >= RECONNECT_MAX * 3, "later waits reach the cap: {waits:?}");
	}
}
