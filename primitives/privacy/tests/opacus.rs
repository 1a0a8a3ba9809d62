//! The accountant against Opacus's `RDPAccountant`, case by case: within 1% of its epsilon
//! and never below it. The table is printed by `reference/opacus-table.sh`; rerun it and
//! paste its lines here when a case is added.

use synod_privacy::{epsilon_of, Account, SampledGaussian};

/// Each learner history: (sampling rate in parts per billion, noise multiplier in
/// thousandths, steps) per proposal; delta in parts per 10^18; Opacus's epsilon.
type Case = (&'static [(u32, u32, u32)], u64, f64);

const OPACUS: &[Case] = &[
	// Opacus 1.5.2 (`reference/opacus-table.sh`).
	(&[(4266667, 1100, 14040)], 10000000000000, 2.594363579436907),
	(&[(4266667, 1300, 2340)], 10100000000000, 0.7958354761272972),
	(&[(1000000, 700, 10000)], 10000000000000, 2.024672903782695),
	(&[(10000000, 1000, 1000)], 10000000000000, 2.1013652716430564),
	(&[(10000000, 1100, 10000)], 10000000000000, 5.63199236854841),
	(&[(4000000, 1300, 10000)], 10000000000000, 1.542299574501685),
	(&[(20000000, 800, 500)], 10000000000000, 5.370137866453623),
	(&[(100000000, 2000, 100)], 10000000000000, 2.5805688086608938),
	(&[(50000000, 1000, 2000)], 1000000000000, 19.43372153498612),
	(&[(256000000, 1100, 60)], 10000000000000, 13.412340883823084),
	(&[(10000000, 4000, 10000)], 10000000000000, 1.0354900660362476),
	(&[(500000000, 1000, 20)], 10000000000000, 16.551306631449936),
	(&[(1000000000, 5000, 10)], 10000000000000, 2.8136532471298397),
	(&[(10000000, 600, 100)], 10000000000000, 4.830866191259211),
	(&[(1000000000, 1000, 1)], 10000000000000, 4.728507067217623),
	(&[(1000000, 1000, 1)], 10000000000000, 0.6087728217833737),
	(&[(30000000, 500, 50)], 100000000000, 15.946677506838897),
	(&[(5000000, 1500, 100000)], 10000000000000, 5.7714833066520415),
	(&[(200000000, 3000, 1000)], 10000000000000, 11.973376620081424),
	(&[(10000000, 10000, 1000000)], 10000000000000, 4.742972175663949),
	(&[(64000000, 900, 3000)], 10000000000000, 38.68302234906245),
	(&[(2000000, 800, 50000)], 1000000000000, 4.6861708418352945),
	(&[(900000000, 20000, 100)], 10000000000000, 1.929692412555408),
	(&[(100000, 500, 1000)], 10000000000000, 2.5019177145594034),
	(&[(10000000, 1000, 500), (20000000, 1300, 300)], 10000000000000, 2.1051626465907467),
	(
		&[(4266667, 1100, 2340), (4266667, 1100, 2340), (4266667, 1100, 2340)],
		10000000000000,
		1.7918702254766044,
	),
	(
		&[(100000000, 2000, 50), (1000000000, 5000, 5), (1000000, 700, 1000)],
		1000000000000,
		3.2516011640271523,
	),
];

fn accounted(history: &[(u32, u32, u32)], delta: u64) -> f64 {
	let mut account = Account::new();
	for &(q, sigma, steps) in history {
		let rdp = SampledGaussian::new(q, sigma).unwrap().rdp();
		account = account.after(&rdp, steps).unwrap();
	}
	account.epsilon(delta).unwrap().to_num()
}

#[test]
fn epsilon_is_within_one_percent_of_opacus_and_never_below() {
	assert!(OPACUS.len() >= 20);
	let mut worst = 0f64;
	for &(history, delta, reference) in OPACUS {
		let got = accounted(history, delta);
		let gap = got / reference - 1.0;
		assert!(got >= reference, "{history:?} at {delta}: {got} is below Opacus's {reference}");
		assert!(
			gap <= 0.01,
			"{history:?} at {delta}: {got} is {:.3}% above {reference}",
			gap * 100.0
		);
		worst = worst.max(gap);
	}
	// What the table shows, for the README: the accountant is conservative by its margin.
	println!("worst gap against Opacus: {:.2e}", worst);
}

#[test]
fn one_call_accounts_as_an_account_does() {
	let (history, delta, _) = OPACUS[0];
	let (q, sigma, steps) = history[0];
	let once: f64 = epsilon_of(q, sigma, steps, delta).unwrap().to_num();
	assert_eq!(once, accounted(history, delta));
}

#[test]
fn proposals_compose_by_divergence_not_by_epsilon() {
	// Three equal proposals spend less than three times one proposal's epsilon.
	let (q, sigma, steps) = (4_266_667, 1100, 2_340);
	let one = accounted(&[(q, sigma, steps)], 10_000_000_000_000);
	let three = accounted(&[(q, sigma, steps); 3], 10_000_000_000_000);
	assert!(three > one && three < 3.0 * one, "{one} then {three}");
	assert_eq!(three, accounted(&[(q, sigma, 3 * steps)], 10_000_000_000_000));
}
