//! `synod-fuzz`: runs the runtime fuzzer and prints, per call of the runtime, how often it
//! was dispatched and succeeded, and the calls per second.

use clap::Parser;
use synod_runtime_fuzzer::run::{self, Config, Episode};

/// Random calls across every pallet of the Synod runtime, with every invariant checked
/// after each block.
///
/// Examples:
///   synod-fuzz --seed 1 --calls 10000000
///   synod-fuzz --episode-seed 0x5eed --calls 10000   (replays one episode of a finding)
#[derive(Parser, Debug)]
#[command(version, verbatim_doc_comment)]
struct Cli {
	/// Names the run: the same seed makes the same calls.
	#[arg(long, default_value_t = 0)]
	seed: u64,
	/// Calls to dispatch in all.
	#[arg(long, default_value_t = 100_000)]
	calls: u64,
	/// Calls per episode, each episode from genesis.
	#[arg(long, default_value_t = 10_000)]
	episode_calls: u64,
	/// The most calls in one block.
	#[arg(long, default_value_t = 24)]
	max_block_calls: u64,
	/// Check that one failed call in this many changed nothing (0: never).
	#[arg(long, default_value_t = 16)]
	rollback_check_every: u64,
	/// Print every call (block, 1 if it succeeded, the call, its origin) to stderr.
	#[arg(long)]
	trace: bool,
	/// Run the one episode with this seed (as a finding names it) instead of a whole run.
	#[arg(long, value_parser = parse_seed)]
	episode_seed: Option<u64>,
}

fn parse_seed(text: &str) -> Result<u64, String> {
	match text.strip_prefix("0x") {
		Some(hex) => u64::from_str_radix(hex, 16).map_err(|e| e.to_string()),
		None => text.parse().map_err(|e: std::num::ParseIntError| e.to_string()),
	}
}

fn main() -> std::process::ExitCode {
	let cli = Cli::parse();
	let config = Config {
		seed: cli.seed,
		calls: cli.calls,
		episode_calls: cli.episode_calls,
		max_block_calls: cli.max_block_calls,
		rollback_check_every: cli.rollback_check_every,
		trace: cli.trace,
	};
	let result = match cli.episode_seed {
		Some(seed) => Episode { seed, calls: cli.calls, config: &config }.run(run::genesis()),
		None => {
			let mut next = 0u64;
			run::run(&config, |report| {
				if report.dispatched() >= next {
					eprintln!(
						"synod-fuzz: {} calls, {} blocks, {:.0} calls/s",
						report.dispatched(),
						report.blocks,
						report.rate()
					);
					next = report.dispatched() + 1_000_000;
				}
			})
		},
	};
	match result {
		Ok(report) => {
			print!("{report}");
			let missing = report.never_succeeded();
			if !missing.is_empty() {
				println!("never succeeded: {missing:?}");
			}
			println!("seed {}: no invariant broken", cli.seed);
			std::process::ExitCode::SUCCESS
		},
		Err((report, finding)) => {
			print!("{report}");
			println!(
				"FINDING in block {} of episode seed {:#x}: {}\n  call: {}",
				finding.block,
				finding.episode_seed,
				finding.what,
				finding.call.as_deref().unwrap_or("(the block's hooks)")
			);
			std::process::ExitCode::FAILURE
		},
	}
}
