//! The dev node: one authority that seals blocks on a timer, per transaction, or on request,
//! and finalizes each at once.
//!
//! The runtime is the same as on BABE networks, so each sealed block carries a BABE
//! pre-digest (a VRF claim of Alice's, from the keystore) for a slot, BABE requires every
//! block's slot to be greater than its parent's, and the runtime checks that the timestamp
//! lies in that slot. The timestamp of a sealed block is therefore the later of the wall
//! clock and the parent's timestamp plus one slot, rounded to a slot boundary: a burst of
//! instant-sealed blocks runs the chain's clock ahead of the wall clock rather than stall.
//! Blocks go through BABE's block import, which follows epoch changes; a chain left idle
//! for longer than an epoch resumes in the epoch of the wall clock, skipping the ones between.

use std::sync::Arc;

use codec::Decode;
use futures::channel::mpsc;
use sc_client_api::StorageProvider;
use sc_consensus_manual_seal::{
	consensus::babe::{BabeConsensusDataProvider, BabeVerifier},
	EngineCommand, InstantSealParams, ManualSealParams,
};
use sc_network::{config::FullNetworkConfiguration, NetworkBackend};
use sc_service::{error::Error as ServiceError, Configuration, TaskManager};
use sc_transaction_pool_api::OffchainTransactionPoolFactory;
use sp_consensus_babe::{inherents::InherentDataProvider as SlotInherent, SlotDuration};
use sp_core::{crypto::ByteArray, storage::StorageKey};
use sp_keystore::{Keystore, KeystorePtr};
use synod_runtime::{opaque::Block, Hash};

use crate::{
	cli::Sealing,
	service::{new_base, start_network_and_rpc, FullClient, NetworkParams, SharedInherents},
};

/// Storage key of `pallet_timestamp::Now`: twox128("Timestamp") ++ twox128("Now").
fn timestamp_now_key() -> StorageKey {
	let mut key = sp_io::hashing::twox_128(b"Timestamp").to_vec();
	key.extend_from_slice(&sp_io::hashing::twox_128(b"Now"));
	StorageKey(key)
}

/// The timestamp for a block on top of `parent`: see the module docs.
pub fn next_timestamp(parent_moment: u64, wall_clock: u64, slot_duration: u64) -> u64 {
	let earliest = parent_moment.saturating_add(slot_duration);
	let at = wall_clock.max(earliest);
	// Round up to a slot boundary, so that the slot BABE reads from it is exact.
	at.div_ceil(slot_duration) * slot_duration
}

fn parent_moment(client: &FullClient, parent: Hash) -> Result<u64, String> {
	let stored = client
		.storage(parent, &timestamp_now_key())
		.map_err(|e| format!("reading the parent's timestamp at {parent:?}: {e}"))?;
	match stored {
		None => Ok(0),
		Some(bytes) => u64::decode(&mut &bytes.0[..])
			.map_err(|e| format!("decoding the parent's timestamp at {parent:?}: {e}")),
	}
}

/// The slot and timestamp of the next sealed block on top of `parent`: see the module docs.
/// Sealing and BABE's block import read the same moment, so the two agree.
fn sealing_inherents(client: Arc<FullClient>, slot_duration: SlotDuration) -> SharedInherents {
	Arc::new(move |parent: Hash, ()| {
		let client = client.clone();
		async move {
			let wall_clock = sp_timestamp::Timestamp::current().as_millis();
			let moment = next_timestamp(
				parent_moment(&client, parent)?,
				wall_clock,
				slot_duration.as_millis(),
			);
			let timestamp = sp_timestamp::InherentDataProvider::new(moment.into());
			let slot = SlotInherent::from_timestamp_and_slot_duration(*timestamp, slot_duration);
			Ok((slot, timestamp))
		}
	})
}

/// Fails unless the chain has exactly one BABE authority and its key is in the keystore:
/// sealing claims every slot for that authority, and with any other set the blocks it made
/// would carry claims that BABE's block import refuses.
fn ensure_single_local_authority(
	authorities: &[(sp_consensus_babe::AuthorityId, sp_consensus_babe::BabeAuthorityWeight)],
	keystore: &KeystorePtr,
) -> Result<(), ServiceError> {
	let [(authority, _)] = authorities else {
		return Err(ServiceError::Other(format!(
			"--sealing needs a chain with exactly one BABE authority, this one has {}; run it \
			 without --sealing, one node per authority",
			authorities.len()
		)));
	};
	let key = (authority.to_raw_vec(), sp_consensus_babe::KEY_TYPE);
	if !keystore.has_keys(&[key]) {
		return Err(ServiceError::Other(format!(
			"--sealing needs the key of the chain's BABE authority {authority} in the keystore; \
			 start the node with --dev or --alice, or insert the key with `key insert`"
		)));
	}
	Ok(())
}

/// Starts a single-node chain that seals blocks as `sealing` says.
pub fn new_dev<N: NetworkBackend<Block, Hash>>(
	config: Configuration,
	sealing: Sealing,
) -> Result<TaskManager, ServiceError> {
	let mut base = new_base(&config)?;
	let client = base.client.clone();
	let babe_config = sc_consensus_babe::configuration(&*client)?;
	let keystore = base.keystore_container.keystore();
	let slot_duration = babe_config.slot_duration();
	let authorities = babe_config.authorities.clone();
	let inherents = sealing_inherents(client.clone(), slot_duration);
	let (block_import, babe_link) = sc_consensus_babe::block_import(
		babe_config,
		client.clone(),
		client.clone(),
		inherents.clone(),
		base.select_chain.clone(),
		OffchainTransactionPoolFactory::new(base.transaction_pool.clone()),
	)?;

	// Blocks from peers (a node syncing this chain, or this node catching up) go through
	// BABE's block import too, with manual-seal's BABE verifier, which finds their epoch; so
	// the epoch tree follows them as it follows the blocks sealed here.
	let import_queue = sc_consensus::BasicQueue::new(
		BabeVerifier::new(babe_link.epoch_changes().clone(), client.clone()),
		Box::new(block_import.clone()),
		None,
		&base.task_manager.spawn_essential_handle(),
		config.prometheus_registry(),
	);
	let net_config = FullNetworkConfiguration::<Block, Hash, N>::new(
		&config.network,
		config.prometheus_registry().cloned(),
	);
	let metrics = N::register_notification_metrics(config.prometheus_registry());
	let prometheus_registry = config.prometheus_registry().cloned();

	// Commands from the timer and from the `engine_*` RPC methods share one stream.
	let (commands_sink, commands_stream) = mpsc::channel::<EngineCommand<Hash>>(1024);
	let manual_seal = (sealing != Sealing::Instant).then(|| commands_sink.clone());

	start_network_and_rpc::<N>(
		config,
		&mut base,
		NetworkParams { net_config, metrics, import_queue, warp_sync_config: None, manual_seal },
	)?;

	// After the RPC and networking start, which is when `--dev`/`--alice` put their keys in.
	ensure_single_local_authority(&authorities, &keystore)?;
	let proposer = sc_basic_authorship::ProposerFactory::new(
		base.task_manager.spawn_handle(),
		client.clone(),
		base.transaction_pool.clone(),
		prometheus_registry.as_ref(),
		base.telemetry.as_ref().map(|x| x.handle()),
	);
	let consensus_data_provider = BabeConsensusDataProvider::new(
		client.clone(),
		keystore,
		babe_link.epoch_changes().clone(),
		authorities,
	)
	.map_err(|e| ServiceError::Other(format!("BABE sealing: {e}")))?;
	let consensus_data_provider = Some(Box::new(consensus_data_provider) as Box<_>);

	log::info!("🔨 Dev sealing: {sealing}");
	let pool = base.transaction_pool.clone();
	let select_chain = base.select_chain.clone();
	let essential = base.task_manager.spawn_essential_handle();
	match sealing {
		Sealing::Instant => essential.spawn_blocking(
			"dev-seal",
			None,
			sc_consensus_manual_seal::run_instant_seal_and_finalize(InstantSealParams {
				block_import,
				env: proposer,
				client,
				pool,
				select_chain,
				consensus_data_provider,
				create_inherent_data_providers: inherents,
			}),
		),
		Sealing::Interval(_) | Sealing::Manual => {
			if let Sealing::Interval(ms) = sealing {
				base.task_manager.spawn_handle().spawn(
					"dev-seal-timer",
					None,
					seal_every(ms, commands_sink),
				);
			} else {
				drop(commands_sink);
			}
			essential.spawn_blocking(
				"dev-seal",
				None,
				sc_consensus_manual_seal::run_manual_seal(ManualSealParams {
					block_import,
					env: proposer,
					client,
					pool,
					select_chain,
					commands_stream: Box::pin(commands_stream),
					consensus_data_provider,
					create_inherent_data_providers: inherents,
				}),
			)
		},
	}
	Ok(base.task_manager)
}

/// Asks for a sealed, finalized block every `ms` milliseconds, empty or not.
async fn seal_every(ms: u64, mut sink: mpsc::Sender<EngineCommand<Hash>>) {
	let mut interval = tokio::time::interval(std::time::Duration::from_millis(ms));
	interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
	loop {
		interval.tick().await;
		let command = EngineCommand::SealNewBlock {
			create_empty: true,
			finalize: true,
			parent_hash: None,
			sender: None,
		};
		// A full queue means sealing lags behind the timer: skip this tick rather than pile up.
		if let Err(e) = sink.try_send(command) {
			if e.is_disconnected() {
				return;
			}
		}
	}
}

#[cfg(test)]
mod tests {
	use super::next_timestamp;

	#[test]
	fn follows_the_wall_clock_when_it_is_ahead() {
		assert_eq!(next_timestamp(3000, 10_000, 3000), 12_000);
	}

	#[test]
	fn moves_one_slot_past_the_parent_when_blocks_come_fast() {
		// Instant seal: the wall clock has not reached the next slot yet.
		assert_eq!(next_timestamp(12_000, 12_500, 3000), 15_000);
		assert_eq!(next_timestamp(15_000, 12_600, 3000), 18_000);
	}

	#[test]
	fn genesis_parent_starts_from_the_wall_clock() {
		assert_eq!(next_timestamp(0, 1_700_000_000_001, 3000), 1_700_000_001_000);
	}
}
