//! Command-line interface: the standard Substrate node flags plus `--sealing`.

use std::{fmt, str::FromStr};

/// How a dev chain makes blocks. Networks of several validators use BABE instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sealing {
	/// A block every this many milliseconds, empty or not, each finalized at once.
	Interval(u64),
	/// A block for every transaction that enters the pool, finalized at once.
	Instant,
	/// Blocks only when asked through the `engine_createBlock` RPC.
	Manual,
}

impl Sealing {
	/// The dev chain's default: a block every three seconds, so hooks and epochs advance
	/// without any transaction.
	pub const DEV_DEFAULT: Sealing = Sealing::Interval(3000);
}

impl FromStr for Sealing {
	type Err = String;

	fn from_str(s: &str) -> Result<Self, Self::Err> {
		match s {
			"instant" => Ok(Sealing::Instant),
			"manual" => Ok(Sealing::Manual),
			ms => match ms.parse::<u64>() {
				Ok(0) => {
					Err("a sealing interval of 0 ms would seal without pause; give at least 1"
						.into())
				},
				Ok(ms) => Ok(Sealing::Interval(ms)),
				Err(_) => Err(format!(
					"'{s}' is not a sealing mode: give a block interval in milliseconds, 'instant' or 'manual'"
				)),
			},
		}
	}
}

impl fmt::Display for Sealing {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		match self {
			Sealing::Interval(ms) => write!(f, "a block every {ms} ms"),
			Sealing::Instant => f.write_str("a block per transaction"),
			Sealing::Manual => f.write_str("blocks on engine_createBlock"),
		}
	}
}

#[derive(Debug, clap::Parser)]
#[command(
	propagate_version = true,
	args_conflicts_with_subcommands = true,
	subcommand_negates_reqs = true,
	after_help = "Chains: `--dev` (one node, sealing on its own), `--chain local` (BABE + GRANDPA among \
	Alice, Bob, Charlie and Dave: start each with --alice … --dave), or a path to a chain-spec JSON file."
)]
pub struct Cli {
	#[command(subcommand)]
	pub subcommand: Option<Subcommand>,

	#[clap(flatten)]
	pub run: sc_cli::RunCmd,

	/// How the node makes blocks on a single-node chain: a block interval in milliseconds,
	/// `instant` (one block per transaction) or `manual` (blocks on the `engine_createBlock`
	/// RPC). Every sealed block is final at once. Defaults to 3000 with `--dev`; without it, a
	/// chain other than `dev` runs BABE and GRANDPA.
	#[arg(long, value_name = "MS|instant|manual")]
	pub sealing: Option<Sealing>,
}

#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Subcommand {
	/// Key management: generate, inspect, and insert keys into the keystore.
	#[command(subcommand)]
	Key(sc_cli::KeySubcommand),

	/// Build a chain specification (`--raw` for the storage form that nodes start from).
	#[deprecated(note = "use export-chain-spec, as upstream does; kept for existing scripts")]
	BuildSpec(sc_cli::BuildSpecCmd),

	/// Export the chain specification of a chain named by `--chain`.
	ExportChainSpec(sc_cli::ExportChainSpecCmd),

	/// Validate blocks.
	CheckBlock(sc_cli::CheckBlockCmd),

	/// Export blocks.
	ExportBlocks(sc_cli::ExportBlocksCmd),

	/// Export the state of a given block into a chain spec.
	ExportState(sc_cli::ExportStateCmd),

	/// Import blocks.
	ImportBlocks(sc_cli::ImportBlocksCmd),

	/// Remove the whole chain.
	PurgeChain(sc_cli::PurgeChainCmd),

	/// Revert the chain to a previous state.
	Revert(sc_cli::RevertCmd),

	/// Benchmarks: runtime pallets (needs `--features runtime-benchmarks`), storage, blocks,
	/// and this machine.
	#[command(subcommand)]
	Benchmark(frame_benchmarking_cli::BenchmarkCmd),

	/// Information about the database.
	ChainInfo(sc_cli::ChainInfoCmd),
}

#[cfg(test)]
mod tests {
	use super::Sealing;

	#[test]
	fn sealing_parses_its_three_forms_and_rejects_the_rest() {
		assert_eq!("1500".parse(), Ok(Sealing::Interval(1500)));
		assert_eq!("instant".parse(), Ok(Sealing::Instant));
		assert_eq!("manual".parse(), Ok(Sealing::Manual));
		assert!("0".parse::<Sealing>().unwrap_err().contains("at least 1"));
		assert!("fast".parse::<Sealing>().unwrap_err().contains("'fast' is not a sealing mode"));
	}
}
