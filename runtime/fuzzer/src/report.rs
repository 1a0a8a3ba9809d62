//! What a run did: how many times each call of the runtime was dispatched and how many of
//! those succeeded, listed for every call the runtime has, so that one never reached shows
//! as a zero rather than as nothing.

use std::{collections::BTreeMap, fmt, time::Duration};

use frame_support::traits::GetCallMetadata;
use synod_runtime::RuntimeCall;

/// Calls that no generator can build in this runtime, and why.
pub const UNBUILDABLE: &[(&str, &str, &str)] = &[
	("System", "do_task", "the runtime declares no tasks: RuntimeTask has no variant"),
	("Babe", "report_equivocation", "its key-ownership proof type is sp_core::Void"),
	("Babe", "report_equivocation_unsigned", "its key-ownership proof type is sp_core::Void"),
	("Grandpa", "report_equivocation", "its key-ownership proof type is sp_core::Void"),
	("Grandpa", "report_equivocation_unsigned", "its key-ownership proof type is sp_core::Void"),
];

/// Calls that are dispatched but cannot succeed here, and why.
pub const NEVER_SUCCEED: &[(&str, &str, &str)] = &[
	(
		"System",
		"set_code",
		"the fuzzer offers only blobs that are not wasm, whose version no executor reads",
	),
	(
		"Council",
		"set_members",
		"SetMembersOrigin is NeverEnsureOrigin: membership goes through CouncilMembership",
	),
];

/// Calls whose actual weight may exceed what they declare, by design, and why.
pub const FILLS_THE_BLOCK: &[(&str, &str, &str)] = &[
	(
		"System",
		"set_code",
		"a code upgrade reports the whole block's weight, so nothing follows it",
	),
	("System", "set_code_without_checks", "a code upgrade reports the whole block's weight"),
	("System", "apply_authorized_upgrade", "a code upgrade reports the whole block's weight"),
];

/// Dispatches and successes of one call.
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub struct Tally {
	/// Times dispatched.
	pub dispatched: u64,
	/// Times it returned `Ok`.
	pub succeeded: u64,
}

/// A run's counts.
#[derive(Clone, Debug)]
pub struct Report {
	/// Per `(pallet, call)`, every call of the runtime.
	pub calls: BTreeMap<(&'static str, &'static str), Tally>,
	/// Blocks produced.
	pub blocks: u64,
	/// Episodes started (each from genesis).
	pub episodes: u64,
	/// Wall time spent.
	pub elapsed: Duration,
}

impl Default for Report {
	fn default() -> Self {
		let mut calls = BTreeMap::new();
		for pallet in RuntimeCall::get_module_names() {
			for call in RuntimeCall::get_call_names(pallet) {
				calls.insert((*pallet, *call), Tally::default());
			}
		}
		Self { calls, blocks: 0, episodes: 0, elapsed: Duration::ZERO }
	}
}

impl Report {
	/// Counts one dispatch of `call`.
	pub fn count(&mut self, call: &RuntimeCall, ok: bool) {
		let meta = call.get_call_metadata();
		let tally = self.calls.entry((meta.pallet_name, meta.function_name)).or_default();
		tally.dispatched += 1;
		tally.succeeded += ok as u64;
	}

	/// Calls dispatched in all.
	pub fn dispatched(&self) -> u64 {
		self.calls.values().map(|t| t.dispatched).sum()
	}

	/// Calls that succeeded in all.
	pub fn succeeded(&self) -> u64 {
		self.calls.values().map(|t| t.succeeded).sum()
	}

	/// Calls per second of wall time.
	pub fn rate(&self) -> f64 {
		self.dispatched() as f64 / self.elapsed.as_secs_f64().max(1e-9)
	}

	/// Calls that can be built and should succeed, but never did.
	pub fn never_succeeded(&self) -> Vec<(&'static str, &'static str)> {
		let excused = |pallet: &str, call: &str| {
			UNBUILDABLE.iter().chain(NEVER_SUCCEED).any(|(p, c, _)| *p == pallet && *c == call)
		};
		self.calls
			.iter()
			.filter(|((pallet, call), tally)| tally.succeeded == 0 && !excused(pallet, call))
			.map(|(key, _)| *key)
			.collect()
	}

	/// Adds another run's counts to these.
	pub fn merge(&mut self, other: &Report) {
		for (key, tally) in &other.calls {
			let mine = self.calls.entry(*key).or_default();
			mine.dispatched += tally.dispatched;
			mine.succeeded += tally.succeeded;
		}
		self.blocks += other.blocks;
		self.episodes += other.episodes;
		self.elapsed += other.elapsed;
	}
}

impl fmt::Display for Report {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		writeln!(f, "{:<20} {:<32} {:>12} {:>12}", "pallet", "call", "dispatched", "succeeded")?;
		for ((pallet, call), tally) in &self.calls {
			let note = UNBUILDABLE
				.iter()
				.chain(NEVER_SUCCEED)
				.find(|(p, c, _)| p == pallet && c == call)
				.map_or(String::new(), |(_, _, why)| format!("  ({why})"));
			writeln!(
				f,
				"{pallet:<20} {call:<32} {:>12} {:>12}{note}",
				tally.dispatched, tally.succeeded
			)?;
		}
		writeln!(
			f,
			"{} calls ({} succeeded) in {} blocks over {} episodes, {:.1} s: {:.0} calls/s",
			self.dispatched(),
			self.succeeded(),
			self.blocks,
			self.episodes,
			self.elapsed.as_secs_f64(),
			self.rate()
		)
	}
}
