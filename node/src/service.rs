//! Assembles the node: client, transaction pool, networking, RPC, and block production, by
//! BABE and GRANDPA on networks or by sealing on a dev chain (see [`crate::dev_seal`]).

use std::{sync::Arc, time::Duration};

use futures::{channel::mpsc, FutureExt};
use sc_client_api::{Backend, BlockBackend};
use sc_consensus_babe::{BabeParams, SlotProportion};
use sc_consensus_grandpa::SharedVoterState;
use sc_consensus_manual_seal::EngineCommand;
use sc_network::{config::FullNetworkConfiguration, NetworkBackend, NotificationMetrics};
use sc_service::{error::Error as ServiceError, Configuration, TaskManager, WarpSyncConfig};
use sc_telemetry::{Telemetry, TelemetryWorker};
use sc_transaction_pool_api::OffchainTransactionPoolFactory;
use sp_consensus_babe::SlotDuration;
use sp_inherents::CreateInherentDataProviders;
use synod_runtime::{opaque::Block, Hash, RuntimeApi};

use crate::cli::Sealing;

/// The client, executing the runtime's wasm with the standard host functions.
pub type FullClient = sc_service::TFullClient<
	Block,
	RuntimeApi,
	sc_executor::WasmExecutor<sp_io::SubstrateHostFunctions>,
>;
pub type FullBackend = sc_service::TFullBackend<Block>;
pub type FullSelectChain = sc_consensus::LongestChain<FullBackend, Block>;
pub type FullPool = sc_transaction_pool::TransactionPoolHandle<Block, FullClient>;

/// Blocks between the GRANDPA justifications that a node stores, so that a syncing node can
/// prove finality without replaying every vote.
const GRANDPA_JUSTIFICATION_PERIOD: u32 = 512;

/// What every node has, before choosing how blocks are made.
pub struct Base {
	pub client: Arc<FullClient>,
	pub backend: Arc<FullBackend>,
	pub task_manager: TaskManager,
	pub keystore_container: sc_service::KeystoreContainer,
	pub select_chain: FullSelectChain,
	pub transaction_pool: Arc<FullPool>,
	pub telemetry: Option<Telemetry>,
}

/// Opens the database and builds the client, the pool and telemetry.
pub fn new_base(config: &Configuration) -> Result<Base, ServiceError> {
	let telemetry = config
		.telemetry_endpoints
		.clone()
		.filter(|x| !x.is_empty())
		.map(|endpoints| -> Result<_, sc_telemetry::Error> {
			let worker = TelemetryWorker::new(16)?;
			let telemetry = worker.handle().new_telemetry(endpoints);
			Ok((worker, telemetry))
		})
		.transpose()?;

	let executor = sc_service::new_wasm_executor::<sp_io::SubstrateHostFunctions>(&config.executor);
	let (client, backend, keystore_container, task_manager) =
		sc_service::new_full_parts::<Block, RuntimeApi, _>(
			config,
			telemetry.as_ref().map(|(_, telemetry)| telemetry.handle()),
			executor,
			// Keep blocks that carry GRANDPA justifications, which warp sync serves.
			vec![Arc::new(sc_consensus_grandpa::GrandpaPruningFilter)],
		)?;
	let client = Arc::new(client);

	let telemetry = telemetry.map(|(worker, telemetry)| {
		task_manager.spawn_handle().spawn("telemetry", None, worker.run());
		telemetry
	});

	let select_chain = sc_consensus::LongestChain::new(backend.clone());
	let transaction_pool = Arc::from(
		sc_transaction_pool::Builder::new(
			task_manager.spawn_essential_handle(),
			client.clone(),
			config.role.is_authority().into(),
		)
		.with_options(config.transaction_pool.clone())
		.with_prometheus(config.prometheus_registry())
		.build(),
	);

	Ok(Base {
		client,
		backend,
		task_manager,
		keystore_container,
		select_chain,
		transaction_pool,
		telemetry,
	})
}

/// The inherent data a BABE block carries: its slot, and the timestamp it was made at.
pub type BabeInherents =
	(sp_consensus_babe::inherents::InherentDataProvider, sp_timestamp::InherentDataProvider);

/// Where block authoring and block import get [`BabeInherents`] from; shared, so that the
/// import and the authoring of one node agree on the clock.
pub type SharedInherents =
	Arc<dyn CreateInherentDataProviders<Block, (), InherentDataProviders = BabeInherents>>;

/// GRANDPA's block import, which records authority-set changes and justifications.
pub type FullGrandpaImport =
	sc_consensus_grandpa::GrandpaBlockImport<FullBackend, Block, FullClient, FullSelectChain>;

/// BABE's block import over GRANDPA's: tracks epochs, checks inherents against the slot.
pub type FullBabeImport = sc_consensus_babe::BabeBlockImport<
	Block,
	FullClient,
	FullGrandpaImport,
	SharedInherents,
	FullSelectChain,
>;

/// The parts that the chain subcommands (export, import, revert, benchmark) need.
pub type Service = sc_service::PartialComponents<
	FullClient,
	FullBackend,
	FullSelectChain,
	sc_consensus::DefaultImportQueue<Block>,
	FullPool,
	(
		FullBabeImport,
		sc_consensus_babe::BabeLink<Block>,
		sc_consensus_grandpa::LinkHalf<Block, FullClient, FullSelectChain>,
		Option<Telemetry>,
	),
>;

/// The slot and timestamp of now, by this machine's clock: what a network block is made
/// and checked against.
pub fn wall_clock_inherents(slot_duration: SlotDuration) -> SharedInherents {
	Arc::new(move |_parent: Hash, ()| async move {
		let timestamp = sp_timestamp::InherentDataProvider::from_system_time();
		let slot =
			sp_consensus_babe::inherents::InherentDataProvider::from_timestamp_and_slot_duration(
				*timestamp,
				slot_duration,
			);
		Ok((slot, timestamp))
	})
}

/// Keeps BABE's worker handle for as long as the node runs: the import queue's essential
/// "babe-worker" task ends when the last handle is dropped, and the node with it.
fn hold_babe_worker_handle(
	task_manager: &TaskManager,
	handle: sc_consensus_babe::BabeWorkerHandle<Block>,
) {
	task_manager.spawn_handle().spawn("babe-worker-handle", None, async move {
		let _handle = handle;
		futures::future::pending::<()>().await
	});
}

/// BABE block verification and BABE-over-GRANDPA block import, on top of a [`Base`].
pub struct BabeGrandpaImport {
	pub import_queue: sc_consensus::DefaultImportQueue<Block>,
	pub block_import: FullBabeImport,
	pub babe_link: sc_consensus_babe::BabeLink<Block>,
	pub grandpa_link: sc_consensus_grandpa::LinkHalf<Block, FullClient, FullSelectChain>,
}

fn babe_grandpa_import(
	config: &Configuration,
	base: &Base,
) -> Result<BabeGrandpaImport, ServiceError> {
	let client = &base.client;
	let telemetry = base.telemetry.as_ref().map(|x| x.handle());
	let (grandpa_import, grandpa_link) = sc_consensus_grandpa::block_import(
		client.clone(),
		GRANDPA_JUSTIFICATION_PERIOD,
		client,
		base.select_chain.clone(),
		telemetry.clone(),
	)?;
	let babe_config = sc_consensus_babe::configuration(&**client)?;
	let slot_duration = babe_config.slot_duration();
	let (block_import, babe_link) = sc_consensus_babe::block_import(
		babe_config,
		grandpa_import.clone(),
		client.clone(),
		wall_clock_inherents(slot_duration),
		base.select_chain.clone(),
		OffchainTransactionPoolFactory::new(base.transaction_pool.clone()),
	)?;
	let (import_queue, worker_handle) =
		sc_consensus_babe::import_queue(sc_consensus_babe::ImportQueueParams {
			link: babe_link.clone(),
			block_import: block_import.clone(),
			justification_import: Some(Box::new(grandpa_import)),
			client: client.clone(),
			slot_duration,
			spawner: &base.task_manager.spawn_essential_handle(),
			registry: config.prometheus_registry(),
			telemetry,
		})?;
	hold_babe_worker_handle(&base.task_manager, worker_handle);
	Ok(BabeGrandpaImport { import_queue, block_import, babe_link, grandpa_link })
}

/// The base plus BABE block verification and GRANDPA block import, for the subcommands.
pub fn new_partial(config: &Configuration) -> Result<Service, ServiceError> {
	let base = new_base(config)?;
	let BabeGrandpaImport { import_queue, block_import, babe_link, grandpa_link } =
		babe_grandpa_import(config, &base)?;
	let Base {
		client,
		backend,
		task_manager,
		keystore_container,
		select_chain,
		transaction_pool,
		telemetry,
	} = base;
	Ok(sc_service::PartialComponents {
		client,
		backend,
		task_manager,
		import_queue,
		keystore_container,
		select_chain,
		transaction_pool,
		other: (block_import, babe_link, grandpa_link, telemetry),
	})
}

/// Starts a node: sealing when `sealing` is given, BABE and GRANDPA otherwise.
pub fn new_full<N: NetworkBackend<Block, Hash>>(
	config: Configuration,
	sealing: Option<Sealing>,
) -> Result<TaskManager, ServiceError> {
	match sealing {
		Some(sealing) => crate::dev_seal::new_dev::<N>(config, sealing),
		None => new_babe_grandpa::<N>(config),
	}
}

/// Handles on the started network.
pub struct Networked {
	pub network: Arc<dyn sc_network::service::traits::NetworkService>,
	pub sync_service: Arc<sc_network_sync::SyncingService<Block>>,
}

/// Everything `start_network_and_rpc` takes that varies between the dev and the full node.
pub struct NetworkParams<N: NetworkBackend<Block, Hash>> {
	pub net_config: FullNetworkConfiguration<Block, Hash, N>,
	pub metrics: NotificationMetrics,
	pub import_queue: sc_consensus::DefaultImportQueue<Block>,
	pub warp_sync_config: Option<WarpSyncConfig<Block>>,
	pub manual_seal: Option<mpsc::Sender<EngineCommand<Hash>>>,
}

/// Starts networking, offchain workers and the RPC server; consumes the configuration.
pub fn start_network_and_rpc<N: NetworkBackend<Block, Hash>>(
	config: Configuration,
	base: &mut Base,
	params: NetworkParams<N>,
) -> Result<Networked, ServiceError> {
	let NetworkParams { net_config, metrics, import_queue, warp_sync_config, manual_seal } = params;
	let (network, system_rpc_tx, tx_handler_controller, sync_service, _bitswap) =
		sc_service::build_network(sc_service::BuildNetworkParams {
			config: &config,
			net_config,
			client: base.client.clone(),
			transaction_pool: base.transaction_pool.clone(),
			spawn_handle: base.task_manager.spawn_handle(),
			spawn_essential_handle: base.task_manager.spawn_essential_handle(),
			gap_sync_body_policy: None,
			import_queue,
			block_announce_validator_builder: None,
			warp_sync_config,
			block_relay: None,
			metrics,
		})?;

	if config.offchain_worker.enabled {
		let offchain_workers =
			sc_offchain::OffchainWorkers::new(sc_offchain::OffchainWorkerOptions {
				runtime_api_provider: base.client.clone(),
				is_validator: config.role.is_authority(),
				keystore: Some(base.keystore_container.keystore()),
				offchain_db: base.backend.offchain_storage(),
				transaction_pool: Some(OffchainTransactionPoolFactory::new(
					base.transaction_pool.clone(),
				)),
				network_provider: Arc::new(network.clone()),
				enable_http_requests: true,
				custom_extensions: |_| vec![],
			})?;
		base.task_manager.spawn_handle().spawn(
			"offchain-workers-runner",
			"offchain-worker",
			offchain_workers.run(base.client.clone(), base.task_manager.spawn_handle()).boxed(),
		);
	}

	let rpc_builder = {
		let client = base.client.clone();
		let pool = base.transaction_pool.clone();
		Box::new(move |_| {
			let deps = crate::rpc::FullDeps {
				client: client.clone(),
				pool: pool.clone(),
				manual_seal: manual_seal.clone(),
			};
			crate::rpc::create_full(deps).map_err(Into::into)
		})
	};

	sc_service::spawn_tasks(sc_service::SpawnTasksParams {
		network: network.clone(),
		client: base.client.clone(),
		keystore: base.keystore_container.keystore(),
		task_manager: &mut base.task_manager,
		transaction_pool: base.transaction_pool.clone(),
		rpc_builder,
		backend: base.backend.clone(),
		system_rpc_tx,
		tx_handler_controller,
		sync_service: sync_service.clone(),
		config,
		telemetry: base.telemetry.as_mut(),
		tracing_execute_block: None,
	})?;

	Ok(Networked { network, sync_service })
}

/// A validator or full node of a network: BABE authors, GRANDPA finalizes.
fn new_babe_grandpa<N: NetworkBackend<Block, Hash>>(
	config: Configuration,
) -> Result<TaskManager, ServiceError> {
	let mut base = new_base(&config)?;
	let BabeGrandpaImport { import_queue, block_import, babe_link, grandpa_link } =
		babe_grandpa_import(&config, &base)?;

	let mut net_config = FullNetworkConfiguration::<Block, Hash, N>::new(
		&config.network,
		config.prometheus_registry().cloned(),
	);
	let metrics = N::register_notification_metrics(config.prometheus_registry());
	let grandpa_protocol_name = sc_consensus_grandpa::protocol_standard_name(
		&base.client.block_hash(0).ok().flatten().expect("the genesis block is in the database"),
		&config.chain_spec,
	);
	let (grandpa_protocol_config, grandpa_notification_service) =
		sc_consensus_grandpa::grandpa_peers_set_config::<_, N>(
			grandpa_protocol_name.clone(),
			metrics.clone(),
			net_config.peer_store_handle(),
		);
	net_config.add_notification_protocol(grandpa_protocol_config);
	let warp_sync = Arc::new(sc_consensus_grandpa::warp_proof::NetworkProvider::new(
		base.backend.clone(),
		grandpa_link.shared_authority_set().clone(),
		Vec::default(),
	));

	let role = config.role;
	let force_authoring = config.force_authoring;
	let name = config.network.node_name.clone();
	let enable_grandpa = !config.disable_grandpa;
	let prometheus_registry = config.prometheus_registry().cloned();

	let Networked { network, sync_service } = start_network_and_rpc::<N>(
		config,
		&mut base,
		NetworkParams {
			net_config,
			metrics,
			import_queue,
			warp_sync_config: Some(WarpSyncConfig::WithProvider(warp_sync)),
			manual_seal: None,
		},
	)?;
	let Base {
		client,
		task_manager,
		keystore_container,
		select_chain,
		transaction_pool,
		telemetry,
		..
	} = base;

	if role.is_authority() {
		let proposer_factory = sc_basic_authorship::ProposerFactory::new(
			task_manager.spawn_handle(),
			client.clone(),
			transaction_pool.clone(),
			prometheus_registry.as_ref(),
			telemetry.as_ref().map(|x| x.handle()),
		);
		let slot_duration = babe_link.config().slot_duration();
		let babe = sc_consensus_babe::start_babe(BabeParams {
			keystore: keystore_container.keystore(),
			client: client.clone(),
			select_chain,
			env: proposer_factory,
			block_import,
			sync_oracle: sync_service.clone(),
			justification_sync_link: sync_service.clone(),
			create_inherent_data_providers: wall_clock_inherents(slot_duration),
			force_authoring,
			backoff_authoring_blocks: Option::<()>::None,
			babe_link,
			block_proposal_slot_portion: SlotProportion::new(2f32 / 3f32),
			max_block_proposal_slot_portion: None,
			telemetry: telemetry.as_ref().map(|x| x.handle()),
		})?;
		// Authoring is essential: if it stops, the node stops rather than idle unnoticed.
		task_manager.spawn_essential_handle().spawn_blocking("babe", Some("block-authoring"), babe);
	}

	if enable_grandpa {
		// Only an authority votes; a full node follows finality without a keystore.
		let keystore = role.is_authority().then(|| keystore_container.keystore());
		let grandpa_config = sc_consensus_grandpa::Config {
			gossip_duration: Duration::from_millis(333),
			justification_generation_period: GRANDPA_JUSTIFICATION_PERIOD,
			name: Some(name),
			observer_enabled: false,
			keystore,
			local_role: role,
			telemetry: telemetry.as_ref().map(|x| x.handle()),
			protocol_name: grandpa_protocol_name,
		};
		let voter = sc_consensus_grandpa::run_grandpa_voter(sc_consensus_grandpa::GrandpaParams {
			config: grandpa_config,
			link: grandpa_link,
			network,
			sync: sync_service,
			notification_service: grandpa_notification_service,
			voting_rule: sc_consensus_grandpa::VotingRulesBuilder::default().build(),
			prometheus_registry,
			shared_voter_state: SharedVoterState::empty(),
			telemetry: telemetry.as_ref().map(|x| x.handle()),
			offchain_tx_pool_factory: OffchainTransactionPoolFactory::new(transaction_pool),
		})?;
		task_manager.spawn_essential_handle().spawn_blocking("grandpa-voter", None, voter);
	}

	Ok(task_manager)
}
