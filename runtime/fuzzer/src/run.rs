//! Episodes: each starts from the development genesis, runs the prelude in its first block,
//! then blocks of random calls until its share of calls is spent, checking everything after
//! every block. A seed names a whole run; an episode's own seed is drawn from it, so that a
//! finding is replayed by its episode seed alone (`--episode-seed`).

use std::time::Instant;

use frame_support::{dispatch::GetDispatchInfo, traits::OriginTrait};
use sp_runtime::{traits::Dispatchable, BuildStorage, StateVersion, Storage};
use synod_runtime::{genesis_config_presets::config_of, RuntimeGenesisConfig};

use crate::{
	block::Chain,
	calls,
	checks::{self, Ledger},
	report::{Report, FILLS_THE_BLOCK},
	rng::Rng,
	world::{Action, Gen, Memo, Pool},
};

/// What to run.
#[derive(Clone, Debug)]
pub struct Config {
	/// Names the run.
	pub seed: u64,
	/// Calls to dispatch in all (the prelude's and the timestamp inherents included).
	pub calls: u64,
	/// Calls per episode before starting again from genesis.
	pub episode_calls: u64,
	/// The most calls in one block (each block draws 0..=this).
	pub max_block_calls: u64,
	/// One call in this many is checked to change nothing when it fails (0: none), by the
	/// state root before and after it.
	pub rollback_check_every: u64,
	/// Print every call with its block, origin and whether it succeeded (to stderr), to
	/// read the way to a finding.
	pub trace: bool,
}

impl Default for Config {
	fn default() -> Self {
		Self {
			seed: 0,
			calls: 100_000,
			episode_calls: 10_000,
			max_block_calls: 24,
			rollback_check_every: 16,
			trace: false,
		}
	}
}

/// An invariant that did not hold, and where.
#[derive(Clone, Debug)]
pub struct Finding {
	/// The episode's seed: `--episode-seed` replays it.
	pub episode_seed: u64,
	/// The block it was found in.
	pub block: u32,
	/// The call, when a call broke it (rather than the block's hooks).
	pub call: Option<String>,
	/// What did not hold.
	pub what: String,
}

/// The development genesis state, as a node builds it from the preset.
pub fn genesis() -> Storage {
	let config = config_of(&sp_genesis_builder::DEV_RUNTIME_PRESET.into())
		.expect("the runtime has a development preset");
	let config: RuntimeGenesisConfig =
		serde_json::from_value(config).expect("the preset patches the default config");
	config.build_storage().expect("the development genesis builds")
}

/// Runs `config`, calling `progress` after each episode with the counts so far.
pub fn run(
	config: &Config,
	mut progress: impl FnMut(&Report),
) -> Result<Report, (Report, Finding)> {
	let genesis = genesis();
	let mut seeds = Rng::new(config.seed);
	let mut total = Report::default();
	let mut left = config.calls;
	while left > 0 {
		let calls = left.min(config.episode_calls);
		let episode = Episode { seed: seeds.next_u64(), calls, config };
		let result = episode.run(genesis.clone());
		let (report, finding) = match result {
			Ok(report) => (report, None),
			Err((report, finding)) => (report, Some(finding)),
		};
		total.merge(&report);
		if let Some(finding) = finding {
			return Err((total, finding));
		}
		left = left.saturating_sub(report.dispatched().max(1));
		progress(&total);
	}
	Ok(total)
}

/// One episode, from genesis.
pub struct Episode<'a> {
	/// Every choice of the episode comes from it.
	pub seed: u64,
	/// Calls to dispatch.
	pub calls: u64,
	/// The run's settings.
	pub config: &'a Config,
}

impl Episode<'_> {
	/// Runs the episode on `genesis`.
	pub fn run(&self, genesis: Storage) -> Result<Report, (Report, Finding)> {
		let started = Instant::now();
		let mut ext = sp_io::TestExternalities::new(genesis);
		ext.register_extension(sp_core::traits::ReadRuntimeVersionExt::new(NotWasm));
		let mut report = Report { episodes: 1, ..Report::default() };
		let mut rng = Rng::new(self.seed);
		let pool = Pool::default();
		let mut memo = Memo::default();
		let (mut chain, mut ledger) =
			ext.execute_with(|| (Chain::at_genesis(), Ledger::at_genesis()));
		let mut checked = 0u64;
		while report.dispatched() < self.calls {
			let outcome = ext.execute_with(|| {
				let number = chain.open().map_err(|what| (0, None, what))?;
				report.count(
					&synod_runtime::RuntimeCall::Timestamp(pallet_timestamp::Call::set { now: 0 }),
					true,
				);
				let actions = if number == 1 {
					calls::subnets::prelude(&pool)
				} else {
					let mut g = Gen { rng: &mut rng, pool: &pool, memo: &mut memo, depth: 0 };
					(0..g.rng.below(self.config.max_block_calls + 1))
						.map(|_| calls::generate(&mut g))
						.collect()
				};
				for Action { origin, call } in actions {
					checked += 1;
					let check = self.config.rollback_check_every != 0
						&& checked % self.config.rollback_check_every == 0;
					let ok = dispatch(&origin, &call, check).map_err(|what| {
						(number, Some(format!("{call:?} as {:?}", origin.caller())), what)
					})?;
					report.count(&call, ok);
					if self.config.trace {
						eprintln!("#{number} {}: {call:?} as {:?}", ok as u8, origin.caller());
					}
				}
				chain.close();
				report.blocks += 1;
				checks::try_state(number).map_err(|what| (number, None, what))?;
				ledger.after_block(number).map_err(|what| (number, None, what))
			});
			if let Err((block, call, what)) = outcome {
				report.elapsed = started.elapsed();
				return Err((report, Finding { episode_seed: self.seed, block, call, what }));
			}
			// Every block, as a node commits each block it imports: the state root (at each
			// block's end, and twice for each rollback check) is computed over the overlay's
			// changes since the last commit, so a longer interval made each one redo the
			// blocks before it (committing every 64 blocks ran 615 calls/s, every block 856).
			ext.commit_all().expect("the overlay commits to the in-memory backend");
		}
		report.elapsed = started.elapsed();
		Ok(report)
	}
}

/// The version reader a node's executor provides, for the only code the fuzzer offers:
/// blobs that are not wasm, which a node's executor refuses the same way.
struct NotWasm;

impl sp_core::traits::ReadRuntimeVersion for NotWasm {
	fn read_runtime_version(
		&self,
		code: &[u8],
		_: &mut dyn sp_core::traits::Externalities,
	) -> Result<Vec<u8>, String> {
		Err(format!("{} bytes that are not a wasm module", code.len()))
	}
}

/// Whether `call` is, or wraps (in a council motion, a batch, sudo), a call that reports the
/// whole block's weight by design (a code upgrade). Read from the call's debug form, and only
/// when a call used more than it declared.
fn fills_the_block(call: &synod_runtime::RuntimeCall) -> bool {
	let text = format!("{call:?}");
	FILLS_THE_BLOCK
		.iter()
		.any(|(pallet, name, _)| text.contains(&format!("{pallet}(Call::{name} ")))
}

/// Dispatches `call` from `origin`; checks that it used no more weight than it declared
/// and, when `check_rollback`, that it changed nothing if it failed. Returns whether it
/// succeeded.
fn dispatch(
	origin: &synod_runtime::RuntimeOrigin,
	call: &synod_runtime::RuntimeCall,
	check_rollback: bool,
) -> Result<bool, String> {
	let declared = call.get_dispatch_info().call_weight;
	let before = check_rollback.then(|| sp_io::storage::root(StateVersion::V1));
	let result = call.clone().dispatch(origin.clone());
	let (ok, actual) = match &result {
		Ok(post) => (true, post.actual_weight),
		Err(error) => (false, error.post_info.actual_weight),
	};
	if let Some(actual) = actual {
		if !actual.all_lte(declared) && !fills_the_block(call) {
			return Err(format!("used {actual:?}, more than the {declared:?} it declared"));
		}
	}
	if let (Some(before), false) = (before, ok) {
		if sp_io::storage::root(StateVersion::V1) != before {
			let error = result.err().map(|e| e.error);
			return Err(format!("failed ({error:?}) but changed the state"));
		}
	}
	Ok(ok)
}
