//! The seeded run that CI makes: five thousand calls across every pallet with every
//! invariant checked after each block (about two minutes on a debug build). The long run (ten million calls) is
//! `scripts/fuzz.sh`; its figures are in the README.

use synod_runtime_fuzzer::{
	report::UNBUILDABLE,
	run::{run, Config},
};

#[test]
fn a_seeded_run_breaks_no_invariant_and_reaches_every_call() {
	let config = Config { seed: 1, calls: 5_000, episode_calls: 5_000, ..Config::default() };
	let report = match run(&config, |_| {}) {
		Ok(report) => report,
		Err((report, finding)) => panic!("{report}\nFINDING: {finding:?}"),
	};
	println!("{report}");
	let unreached: Vec<_> = report
		.calls
		.iter()
		.filter(|((pallet, call), tally)| {
			tally.dispatched == 0 && !UNBUILDABLE.iter().any(|(p, c, _)| p == pallet && c == call)
		})
		.map(|(key, _)| *key)
		.collect();
	assert!(unreached.is_empty(), "never dispatched: {unreached:?}");
	let missing = report.never_succeeded();
	assert!(missing.is_empty(), "never succeeded: {missing:?}");
}
