//! The spec's vectors (`shared/specs/yuma.md` 2.2), reproduced exactly.

use super::*;
use alloc::vec;

fn neuron(stake: u64, permit: bool, last_update: u64, weights: &[(u16, u16)]) -> NeuronInput {
	NeuronInput {
		stake,
		last_update,
		registered_at: 0,
		validator_permit: permit,
		weights: weights.to_vec(),
		bonds: vec![],
		commit_block: None,
	}
}

/// Yuma 2 with subtensor's defaults, distributing 10^9.
fn yuma2(
	current_block: u64,
	tempo: u64,
	activity_cutoff: u64,
	neurons: Vec<NeuronInput>,
) -> EpochInput {
	EpochInput {
		current_block,
		tempo,
		last_epoch_block: 0,
		activity_cutoff,
		kappa: 32_767,
		bonds_penalty: 65_535,
		bonds_moving_average: 900_000,
		yuma3: false,
		liquid_alpha: false,
		alpha_low: 45_875,
		alpha_high: 58_982,
		alpha_sigmoid_steepness: 1000,
		max_allowed_validators: 64,
		stake_threshold: 0,
		owner_uid: None,
		emission: 1_000_000_000,
		neurons,
	}
}

fn column<T: Copy>(out: &[NeuronOutput], f: impl Fn(&NeuronOutput) -> T) -> Vec<T> {
	out.iter().map(f).collect()
}

#[test]
fn v1_two_servers_one_epoch() {
	let v = 1_000_000_000;
	let input = yuma2(
		1,
		10,
		138,
		vec![
			neuron(v, true, 1, &[(3, 65535), (4, 0)]),
			neuron(v, true, 1, &[(3, 0), (4, 65535)]),
			neuron(v, true, 1, &[(3, 65535), (4, 0)]),
			neuron(0, false, 1, &[]),
			neuron(0, false, 1, &[]),
		],
	);
	let out = run_epoch(&input).unwrap();
	assert_eq!(column(&out, |x| x.consensus), [0, 0, 0, 65535, 0]);
	assert_eq!(column(&out, |x| x.incentive), [0, 0, 0, 65535, 0]);
	assert_eq!(column(&out, |x| x.dividends), [32767, 0, 32767, 0, 0]);
	assert_eq!(column(&out, |x| x.validator_trust), [65535, 0, 65535, 0, 0]);
	assert_eq!(column(&out, |x| x.server_emission), [0, 0, 0, 500_000_000, 0]);
	assert_eq!(column(&out, |x| x.validator_emission), [250_000_000, 0, 250_000_000, 0, 0]);
	assert_eq!(out[0].bonds, vec![(3, 65535)]);
	assert_eq!(out[1].bonds, vec![]);
	assert_eq!(out[2].bonds, vec![(3, 65535)]);

	let mut split = input;
	split.neurons[2].weights = vec![(3, 65535), (4, 65535)];
	let out = run_epoch(&split).unwrap();
	assert_eq!(column(&out, |x| x.consensus), [0, 0, 0, 32767, 32767]);
	assert_eq!(column(&out, |x| x.dividends), [16383, 16383, 32767, 0, 0]);
	assert_eq!(column(&out, |x| x.validator_trust), [32767, 32767, 65535, 0, 0]);
	assert_eq!(
		column(&out, |x| x.emission),
		[125_000_000, 125_000_000, 250_000_000, 250_000_000, 250_000_000]
	);
}

/// V2: `test_bonds`, stake 1..4 on four validators weighing four miners, at block 2.
fn v2_input() -> EpochInput {
	let weights = [(4, 16383), (5, 32767), (6, 49149), (7, 65535)];
	let mut neurons: Vec<NeuronInput> = (1..=4).map(|s| neuron(s, true, 2, &weights)).collect();
	neurons.extend((0..4).map(|_| neuron(0, false, 1, &[])));
	for n in neurons.iter_mut() {
		n.registered_at = 1;
	}
	let mut input = yuma2(2, 1, 13, neurons);
	input.max_allowed_validators = 8;
	input.last_epoch_block = 1;
	input
}

#[test]
fn v2_test_bonds_first_epoch() {
	let input = v2_input();
	let out = run_epoch(&input).unwrap();
	assert_eq!(column(&out, |x| x.consensus), [0, 0, 0, 0, 6553, 13107, 19660, 26214]);
	assert_eq!(column(&out, |x| x.incentive), [0, 0, 0, 0, 6553, 13107, 19660, 26214]);
	assert_eq!(column(&out, |x| x.dividends), [6553, 13106, 19660, 26214, 0, 0, 0, 0]);
	assert_eq!(column(&out, |x| x.validator_trust), [65534, 65534, 65534, 65534, 0, 0, 0, 0]);
	assert_eq!(
		column(&out, |x| x.server_emission),
		[0, 0, 0, 0, 49_998_779, 100_000_610, 149_996_337, 200_004_272]
	);
	assert_eq!(
		column(&out, |x| x.validator_emission),
		[49_999_998, 99_999_999, 150_000_000, 200_000_001, 0, 0, 0, 0]
	);
	for (i, bond) in [16383, 32767, 49151, 65535].into_iter().enumerate() {
		assert_eq!(out[i].bonds, vec![(4, bond), (5, bond), (6, bond), (7, bond)], "row {i}");
	}
}

#[test]
fn v4_kappa_clips_one_dissenter_over_two_epochs() {
	let majority = [(3, 65535), (4, 32767), (5, 10922)];
	let mut input = yuma2(
		300,
		100,
		5000,
		vec![
			neuron(500, true, 200, &majority),
			neuron(300, true, 200, &majority),
			neuron(200, true, 200, &[(5, 65535)]),
			neuron(0, false, 0, &[]),
			neuron(0, false, 0, &[]),
			neuron(0, false, 0, &[]),
		],
	);
	input.max_allowed_validators = 3;
	input.last_epoch_block = 10;
	let out = run_epoch(&input).unwrap();
	assert_eq!(column(&out, |x| x.consensus), [0, 0, 0, 39321, 19660, 6553]);
	assert_eq!(column(&out, |x| x.incentive), [0, 0, 0, 38362, 19180, 7991]);
	assert_eq!(column(&out, |x| x.dividends), [39960, 23976, 1598, 0, 0, 0]);
	assert_eq!(column(&out, |x| x.validator_trust), [65534, 65534, 6553, 0, 0, 0]);
	assert_eq!(
		column(&out, |x| x.server_emission),
		[0, 0, 0, 292_685_867, 146_340_700, 60_973_430]
	);
	assert_eq!(
		column(&out, |x| x.validator_emission),
		[304_878_321, 182_926_991, 12_194_685, 0, 0, 0]
	);
	assert_eq!(out[0].bonds, vec![(3, 65535), (4, 65535), (5, 65535)]);
	assert_eq!(out[1].bonds, vec![(3, 39320), (4, 39320), (5, 39320)]);
	assert_eq!(out[2].bonds, vec![(5, 26213)]);

	// The same weights a tempo later, over the bonds just stored.
	let mut next = input.clone();
	next.current_block = 400;
	next.last_epoch_block = 300;
	for (neuron, result) in next.neurons.iter_mut().zip(out.iter()) {
		neuron.bonds = result.bonds.clone();
		neuron.validator_permit = result.validator_permit;
	}
	let out = run_epoch(&next).unwrap();
	assert_eq!(column(&out, |x| x.dividends)[..3], [39960, 23975, 1598]);
	assert_eq!(column(&out, |x| x.validator_emission)[..3], [304_881_094, 182_924_469, 12_194_434]);
}

#[test]
fn v6_edge_cases() {
	// (a) No stake anywhere: nothing, and no permits.
	let input = yuma2(10, 10, 5000, (0..3).map(|_| neuron(0, false, 5, &[])).collect());
	for x in run_epoch(&input).unwrap() {
		assert_eq!(x, NeuronOutput { active: true, ..Default::default() });
	}

	// (b) First epoch, no permits yet: everything to validators by stake.
	let input = yuma2(
		10,
		10,
		5000,
		vec![neuron(100, false, 5, &[]), neuron(300, false, 5, &[]), neuron(0, false, 5, &[])],
	);
	let out = run_epoch(&input).unwrap();
	assert_eq!(column(&out, |x| x.validator_permit), [true, true, false]);
	assert_eq!(column(&out, |x| x.validator_emission), [250_000_000, 750_000_000, 0]);
	assert_eq!(column(&out, |x| x.server_emission), [0, 0, 0]);

	// (c) A stake threshold of 200 leaves uid 1 (150) without weight or permit.
	let mut input = yuma2(
		10,
		10,
		5000,
		vec![
			neuron(1000, true, 5, &[(2, 65535), (3, 65535)]),
			neuron(150, false, 5, &[(3, 65535)]),
			neuron(0, false, 5, &[]),
			neuron(0, false, 5, &[]),
		],
	);
	input.stake_threshold = 200;
	let out = run_epoch(&input).unwrap();
	assert_eq!(column(&out, |x| x.stake_weight), [65535, 0, 0, 0]);
	assert_eq!(column(&out, |x| x.validator_permit), [true, false, false, false]);
	assert_eq!(column(&out, |x| x.consensus), [0, 0, 32767, 32767]);
	assert_eq!(column(&out, |x| x.dividends), [65535, 0, 0, 0]);
	assert_eq!(column(&out, |x| x.emission), [500_000_000, 0, 250_000_000, 250_000_000]);
}

#[test]
fn v3_an_inactive_validator_loses_its_share() {
	let weights = [(2, 65535), (3, 65535)];
	let mut input = yuma2(
		1,
		1,
		13,
		vec![
			neuron(1, true, 1, &weights),
			neuron(1, true, 1, &weights),
			neuron(1, true, 0, &[]),
			neuron(1, true, 0, &[]),
		],
	);
	input.max_allowed_validators = 4;
	let out = run_epoch(&input).unwrap();
	assert_eq!(column(&out, |x| x.dividends), [32767, 32767, 0, 0]);
	assert_eq!(column(&out, |x| x.emission), [250_000_000; 4]);
	assert_eq!(out[0].bonds, vec![(2, 65535), (3, 65535)]);
	assert_eq!(out[1].bonds, vec![(2, 65535), (3, 65535)]);

	// Block 5002: only validator 0 sets weights again; validator 1 is past the cutoff.
	let carry = |input: &mut EpochInput, out: &[NeuronOutput]| {
		for (neuron, result) in input.neurons.iter_mut().zip(out.iter()) {
			neuron.bonds = result.bonds.clone();
			neuron.validator_permit = result.validator_permit;
		}
	};
	carry(&mut input, &out);
	input.last_epoch_block = input.current_block;
	input.current_block = 5002;
	input.neurons[0].last_update = 5002;
	let out = run_epoch(&input).unwrap();
	assert_eq!(column(&out, |x| x.dividends), [36044, 29490, 0, 0]);
	assert_eq!(column(&out, |x| x.emission), [274_999_999, 224_999_999, 250_000_000, 250_000_000]);
	assert_eq!(out[0].bonds, vec![(2, 65535), (3, 65535)]);
	assert_eq!(out[1].bonds, vec![(2, 53619), (3, 53619)]);

	// Block 5003: validator 1 is back.
	carry(&mut input, &out);
	input.last_epoch_block = input.current_block;
	input.current_block = 5003;
	input.neurons[1].last_update = 5003;
	let out = run_epoch(&input).unwrap();
	assert_eq!(column(&out, |x| x.dividends), [35716, 29818, 0, 0]);
	assert_eq!(column(&out, |x| x.emission), [272_501_132, 227_498_866, 250_000_000, 250_000_000]);
}

#[test]
fn v2_test_bonds_sequence() {
	let mut input = v2_input();
	let mut out = run_epoch(&input).unwrap();

	// One epoch per block, each after one change of weights (none for `None`).
	let bond_column = |out: &[NeuronOutput], column: u16| -> Vec<u16> {
		out[..4]
			.iter()
			.map(|x| x.bonds.iter().find(|(j, _)| *j == column).map(|(_, b)| *b).unwrap_or(0))
			.collect()
	};
	let mut step = |change: Option<(usize, Vec<(u16, u16)>)>| {
		for (neuron, result) in input.neurons.iter_mut().zip(out.iter()) {
			neuron.bonds = result.bonds.clone();
			neuron.validator_permit = result.validator_permit;
		}
		input.last_epoch_block = input.current_block;
		input.current_block += 1;
		if let Some((uid, weights)) = change {
			input.neurons[uid].weights = weights;
			input.neurons[uid].last_update = input.current_block;
		}
		out = run_epoch(&input).unwrap();
		out.clone()
	};

	let e2 = step(Some((0, vec![(0, 65535)])));
	assert_eq!(bond_column(&e2, 4), [14582, 32767, 49151, 65535]);
	assert_eq!(column(&e2, |x| x.dividends)[..4], [5897, 13252, 19879, 26505]);
	let e3 = step(Some((1, vec![(1, 65535)])));
	assert_eq!(bond_column(&e3, 4), [12603, 28321, 49151, 65535]);
	let e4 = step(Some((2, vec![(2, 65535)])));
	assert_eq!(bond_column(&e4, 7), [12602, 28320, 49150, 65535]);
	let e5 = step(Some((2, vec![(7, 65535)])));
	assert_eq!(bond_column(&e5, 7), [10951, 24609, 49150, 65535]);
	assert_eq!(e5[7].consensus, 26214);
	assert_eq!(e5[7].incentive, 65535);
	assert_eq!(column(&e5, |x| x.dividends)[..4], [4776, 10734, 21438, 28585]);
	assert_eq!(
		column(&e5, |x| x.validator_emission)[..4],
		[36_443_733, 81_898_628, 163_565_493, 218_092_144]
	);
	assert_eq!(e5[7].server_emission, 500_000_000);
	let e6 = step(None);
	assert_eq!(bond_column(&e6, 7), [9559, 21482, 49150, 65535]);
	let e7 = step(None);
	assert_eq!(bond_column(&e7, 7), [8376, 18824, 49150, 65535]);
}

#[test]
fn v6d_a_reregistered_uid_inherits_neither_weights_nor_bonds() {
	let equal = [(2, 65535), (3, 65535), (4, 65535)];
	let mut input = yuma2(
		101,
		100,
		1388,
		vec![
			neuron(600, true, 100, &equal),
			neuron(400, true, 100, &equal),
			neuron(0, false, 0, &[]),
			neuron(0, false, 0, &[]),
			neuron(0, false, 0, &[]),
		],
	);
	let out = run_epoch(&input).unwrap();
	assert_eq!(column(&out, |x| x.incentive)[2..], [21844, 21844, 21844]);
	assert_eq!(column(&out, |x| x.validator_emission)[..2], [300_000_000, 199_999_999]);
	assert_eq!(out[0].bonds, vec![(2, 65535), (3, 65535), (4, 65535)]);
	assert_eq!(out[1].bonds, vec![(2, 43689), (3, 43689), (4, 43689)]);

	// uid 3 changes hands at block 150; its incoming weights are zeroed, as `clear_neuron` does.
	for (neuron, result) in input.neurons.iter_mut().zip(out.iter()) {
		neuron.bonds = result.bonds.clone();
		neuron.validator_permit = result.validator_permit;
		for weight in neuron.weights.iter_mut().filter(|(j, _)| *j == 3) {
			weight.1 = 0;
		}
	}
	input.neurons[3].registered_at = 150;
	input.neurons[3].last_update = 150;
	input.last_epoch_block = 101;
	input.current_block = 201;
	let out = run_epoch(&input).unwrap();
	assert_eq!(column(&out, |x| x.consensus), [0, 0, 32767, 0, 32767]);
	assert_eq!(column(&out, |x| x.server_emission), [0, 0, 250_000_000, 0, 250_000_000]);
	assert_eq!(column(&out, |x| x.validator_emission)[..2], [300_002_472, 199_997_527]);
	assert!(out[..2].iter().all(|x| x.bonds.iter().all(|(j, _)| *j != 3)));
}

#[test]
fn a_pending_commit_older_than_a_registration_drops_that_weight() {
	let weights = [(2, 65535), (3, 30000), (4, 65535)];
	let mut input = yuma2(
		301,
		100,
		1388,
		vec![
			neuron(600, true, 290, &weights),
			neuron(400, true, 290, &weights),
			neuron(0, false, 0, &[]),
			neuron(0, false, 0, &[]),
			neuron(0, false, 0, &[]),
		],
	);
	// uid 3 changed hands at block 250; validator 0 committed at 240 and 1 at 260.
	input.neurons[3].registered_at = 250;
	input.neurons[0].commit_block = Some(240);
	input.neurons[1].commit_block = Some(260);
	let masked = run_epoch(&input).unwrap();
	// The same as if validator 0 had never weighted uid 3.
	let mut expected = input.clone();
	expected.neurons[0].commit_block = None;
	expected.neurons[1].commit_block = None;
	expected.neurons[0].weights.retain(|(j, _)| *j != 3);
	assert_eq!(masked, run_epoch(&expected).unwrap());
	assert_ne!(
		masked,
		run_epoch(&{
			let mut unmasked = input.clone();
			unmasked.neurons[0].commit_block = None;
			unmasked
		})
		.unwrap()
	);
}

#[test]
fn v6e_the_owner_keeps_its_self_weight_and_permit() {
	let mut input = yuma2(
		10,
		10,
		5000,
		vec![
			neuron(0, true, 5, &[(0, 65535)]),
			neuron(1000, true, 5, &[(0, 65535), (2, 32768), (3, 32768)]),
			neuron(0, false, 5, &[]),
			neuron(0, false, 5, &[]),
		],
	);
	input.owner_uid = Some(0);
	let out = run_epoch(&input).unwrap();
	assert_eq!(column(&out, |x| x.consensus), [32767, 0, 16383, 16383]);
	assert_eq!(column(&out, |x| x.validator_permit), [true, true, false, false]);
	assert_eq!(column(&out, |x| x.server_emission), [249_998_092, 0, 125_000_953, 125_000_953]);
	assert_eq!(column(&out, |x| x.validator_emission), [0, 500_000_000, 0, 0]);
	assert_eq!(column(&out, |x| x.validator_trust), [32767, 65534, 0, 0]);
}

/// V5: `test_yuma_3_kappa_moves_first`, Yuma 3 with liquid alpha over six epochs.
fn v5_input() -> EpochInput {
	let mut neurons = vec![
		neuron(8, true, 3, &[(3, 65535), (4, 0)]),
		neuron(1, true, 3, &[(3, 65535), (4, 0)]),
		neuron(1, true, 3, &[(3, 65535), (4, 0)]),
		neuron(0, false, 1, &[]),
		neuron(0, false, 1, &[]),
	];
	for n in neurons.iter_mut() {
		n.registered_at = 1;
	}
	let mut input = yuma2(3, 1, 13, neurons);
	input.yuma3 = true;
	input.liquid_alpha = true;
	input.bonds_penalty = 0;
	input.bonds_moving_average = 975_000;
	input.alpha_low = 6553;
	input.alpha_high = 19660;
	input.max_allowed_validators = 3;
	input.last_epoch_block = 2;
	input
}

fn next_epoch(input: &mut EpochInput, out: &[NeuronOutput]) {
	for (neuron, result) in input.neurons.iter_mut().zip(out.iter()) {
		neuron.bonds = result.bonds.clone();
		neuron.validator_permit = result.validator_permit;
	}
	input.last_epoch_block = input.current_block;
	input.current_block += 1;
}

fn set_weights(input: &mut EpochInput, uid: usize, weights: &[(u16, u16)]) {
	input.neurons[uid].weights = weights.to_vec();
	input.neurons[uid].last_update = input.current_block;
}

#[test]
fn v5_yuma3_liquid_alpha_kappa_moves_first() {
	let mut input = v5_input();
	let expected: [([u16; 3], [&[(u16, u16)]; 3]); 6] = [
		([52428, 6553, 6553], [&[(3, 6640)], &[(3, 6640)], &[(3, 6640)]]),
		([65535, 0, 0], [&[(3, 5951), (4, 6640)], &[(3, 24229)], &[(3, 24229)]]),
		([61486, 4048, 0], [&[(3, 5336), (4, 12607)], &[(3, 20770), (4, 6640)], &[(3, 36565)]]),
		(
			[57796, 5068, 2669],
			[&[(3, 4786), (4, 17970)], &[(3, 18119), (4, 12607)], &[(3, 28221), (4, 6640)]],
		),
		(
			[56122, 5531, 3881],
			[&[(3, 4294), (4, 22789)], &[(3, 15957), (4, 17970)], &[(3, 23518), (4, 12607)]],
		),
		(
			[55170, 5795, 4569],
			[&[(3, 3853), (4, 27120)], &[(3, 14133), (4, 22789)], &[(3, 20244), (4, 17970)]],
		),
	];
	let mut previous: Option<Vec<NeuronOutput>> = None;
	for (epoch, (dividends, bonds)) in expected.iter().enumerate() {
		if let Some(out) = &previous {
			next_epoch(&mut input, out);
		}
		// ep1: v0 moves to miner 4; ep2: v1 follows; ep3: v2 follows; then no change.
		if (1..=3).contains(&epoch) {
			set_weights(&mut input, epoch - 1, &[(3, 0), (4, 65535)]);
		}
		let out = run_epoch(&input).unwrap();
		assert_eq!(column(&out, |x| x.dividends)[..3], dividends[..], "epoch {epoch}");
		for v in 0..3 {
			assert_eq!(out[v].bonds, bonds[v].to_vec(), "epoch {epoch}, validator {v}");
		}
		previous = Some(out);
	}
}

#[test]
fn v7_an_omitted_miner_loses_its_bond_an_explicit_zero_decays() {
	let mut input = v5_input();
	let out = run_epoch(&input).unwrap();
	next_epoch(&mut input, &out);
	let mut explicit = input.clone();
	set_weights(&mut explicit, 0, &[(3, 0), (4, 65535)]);
	assert_eq!(run_epoch(&explicit).unwrap()[0].bonds, vec![(3, 5951), (4, 6640)]);
	let mut omitted = input;
	set_weights(&mut omitted, 0, &[(4, 65535)]);
	assert_eq!(run_epoch(&omitted).unwrap()[0].bonds, vec![(4, 6640)]);
}

mod properties {
	use super::*;
	use proptest::prelude::*;

	fn row(n: usize) -> impl Strategy<Value = Vec<(u16, u16)>> {
		proptest::collection::btree_map(0..n as u16, any::<u16>(), 0..=n)
			.prop_map(|cells| cells.into_iter().collect())
	}

	fn epoch() -> impl Strategy<Value = EpochInput> {
		(1usize..10).prop_flat_map(|n| {
			let neuron = (
				// Up to 2^59 each, so that nine stakes sum below I64F64's 2^63 ceiling: above it
				// the sum saturates and the normalised stake can exceed 1, in subtensor too.
				prop_oneof![Just(0u64), 1u64..1_000_000, 0u64..(1u64 << 59)],
				0u64..30,
				0u64..30,
				any::<bool>(),
				row(n),
				row(n),
			)
				.prop_map(
					|(stake, last_update, registered_at, validator_permit, weights, bonds)| {
						NeuronInput {
							stake,
							last_update,
							registered_at,
							validator_permit,
							weights,
							bonds,
							commit_block: None,
						}
					},
				);
			(
				proptest::collection::vec(neuron, n),
				(20u64..40, 1u64..10, 0u64..25, 1u64..40),
				(any::<u16>(), any::<u16>(), 0u64..=1_000_000),
				(any::<bool>(), any::<bool>(), 1638u16..30000, 0u16..30000, any::<i16>()),
				(proptest::option::of(0..n as u16), 0u64..1000, any::<u64>()),
			)
				.prop_map(
					move |(
						neurons,
						(current_block, tempo, last_epoch_block, activity_cutoff),
						(kappa, bonds_penalty, bonds_moving_average),
						(yuma3, liquid_alpha, alpha_low, alpha_extra, alpha_sigmoid_steepness),
						(owner_uid, stake_threshold, emission),
					)| EpochInput {
						current_block,
						tempo,
						last_epoch_block,
						activity_cutoff,
						kappa,
						bonds_penalty,
						bonds_moving_average,
						yuma3,
						liquid_alpha,
						alpha_low,
						alpha_high: alpha_low.saturating_add(alpha_extra),
						alpha_sigmoid_steepness,
						max_allowed_validators: n as u16,
						stake_threshold,
						owner_uid,
						emission,
						neurons,
					},
				)
		})
	}

	proptest! {
		#![proptest_config(ProptestConfig::with_cases(256))]

		#[test]
		fn shares_sum_to_at_most_one_and_emission_is_conserved(input in epoch()) {
			let out = run_epoch(&input).unwrap();
			for (name, values) in [
				("incentive", column(&out, |x| x.incentive as u64)),
				("dividends", column(&out, |x| x.dividends as u64)),
				("stake_weight", column(&out, |x| x.stake_weight as u64)),
			] {
				prop_assert!(values.iter().sum::<u64>() <= 65535, "{} sums above 65535: {:?}", name, values);
			}
			let paid: u128 = out.iter().map(|x| x.server_emission as u128 + x.validator_emission as u128).sum();
			let emission = input.emission as u128;
			prop_assert!(paid <= emission, "paid {} of {}", paid, emission);
			let n = input.neurons.len() as u128;
			let nobody = out.iter().all(|x| x.stake_weight == 0) && paid == 0;
			// Each of the 2n shares is an I32F32 proportion, truncated to 2^-32, then truncated
			// to an integer: each loses under emission / 2^32 + 1.
			let bound = 2 * n * (emission / (1u128 << 32) + 1) + 1;
			prop_assert!(nobody || paid + bound >= emission, "paid {} of {}", paid, emission);
		}

		#[test]
		fn relabelling_uids_relabels_the_outputs(input in epoch(), seed in any::<u64>()) {
			let n = input.neurons.len();
			// A permutation from the seed: uid `u` becomes `perm[u]`.
			let mut perm: Vec<u16> = (0..n as u16).collect();
			let mut state = seed;
			for i in (1..n).rev() {
				state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
				perm.swap(i, (state >> 33) as usize % (i + 1));
			}
			let relabel = |row: &[(u16, u16)]| {
				let mut out: Vec<(u16, u16)> = row.iter().map(|(j, v)| (perm[*j as usize], *v)).collect();
				out.sort();
				out
			};
			let mut moved = input.clone();
			for (uid, neuron) in input.neurons.iter().enumerate() {
				let mut neuron = neuron.clone();
				neuron.weights = relabel(&neuron.weights);
				neuron.bonds = relabel(&neuron.bonds);
				moved.neurons[perm[uid] as usize] = neuron;
			}
			moved.owner_uid = input.owner_uid.map(|o| perm[o as usize]);
			let out = run_epoch(&input).unwrap();
			let out_moved = run_epoch(&moved).unwrap();
			for (uid, x) in out.iter().enumerate() {
				let mut expected = x.clone();
				expected.bonds = relabel(&x.bonds);
				let mut got = out_moved[perm[uid] as usize].clone();
				got.bonds.sort();
				prop_assert_eq!(got, expected, "uid {} (now {})", uid, perm[uid]);
			}
		}
	}
}
