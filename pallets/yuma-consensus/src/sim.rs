//! The simulator's formats: one epoch's input as JSON in, its outputs as JSON out. The
//! `yuma-sim` binary reads stdin and writes stdout with [`run_json`]; tests call it directly.
//!
//! Input: `{"current_block", "tempo", "last_epoch_block" (0 = current_block - tempo),
//! "activity_cutoff", "kappa", "bonds_penalty", "bonds_moving_average", "yuma3",
//! "liquid_alpha", "alpha_low", "alpha_high", "alpha_sigmoid_steepness",
//! "max_allowed_validators", "stake_threshold", "owner_uid" (null or a uid), "emission",
//! "neurons": [{"stake", "last_update", "registered_at", "validator_permit",
//! "weights": [[uid, u16], ...], "bonds": [[uid, u16], ...]}]}`.
//!
//! Output: `{"neurons": [{"active", "stake_weight", "consensus", "incentive", "dividends",
//! "validator_trust", "validator_permit", "server_emission", "validator_emission", "emission",
//! "bonds": [[uid, u16], ...]}]}`, proportions as u16 out of 65535, neurons in uid order.
//!
//! Unknown fields, a uid out of range, a repeated uid within a row, or a malformed entry stop
//! it with a message naming the problem and exit status 1.

use crate::epoch::{run_epoch, EpochInput, NeuronInput, NeuronOutput};
use serde::{Deserialize, Serialize};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Input {
	current_block: u64,
	tempo: u64,
	last_epoch_block: u64,
	activity_cutoff: u64,
	kappa: u16,
	bonds_penalty: u16,
	bonds_moving_average: u64,
	yuma3: bool,
	liquid_alpha: bool,
	alpha_low: u16,
	alpha_high: u16,
	alpha_sigmoid_steepness: i16,
	max_allowed_validators: u16,
	stake_threshold: u64,
	owner_uid: Option<u16>,
	emission: u64,
	neurons: Vec<Neuron>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Neuron {
	stake: u64,
	last_update: u64,
	registered_at: u64,
	validator_permit: bool,
	weights: Vec<(u16, u16)>,
	bonds: Vec<(u16, u16)>,
}

#[derive(Serialize)]
struct Output {
	neurons: Vec<OutputNeuron>,
}

#[derive(Serialize)]
struct OutputNeuron {
	active: bool,
	stake_weight: u16,
	consensus: u16,
	incentive: u16,
	dividends: u16,
	validator_trust: u16,
	validator_permit: bool,
	server_emission: u64,
	validator_emission: u64,
	emission: u64,
	bonds: Vec<(u16, u16)>,
}

impl From<NeuronOutput> for OutputNeuron {
	fn from(x: NeuronOutput) -> Self {
		Self {
			active: x.active,
			stake_weight: x.stake_weight,
			consensus: x.consensus,
			incentive: x.incentive,
			dividends: x.dividends,
			validator_trust: x.validator_trust,
			validator_permit: x.validator_permit,
			server_emission: x.server_emission,
			validator_emission: x.validator_emission,
			emission: x.emission,
			bonds: x.bonds,
		}
	}
}

/// Checks what JSON cannot: every uid exists and no row names one twice.
fn check(input: &Input) -> Result<(), String> {
	let n = input.neurons.len();
	if n > u16::MAX as usize {
		return Err(format!("{n} neurons; at most {} fit u16 uids", u16::MAX));
	}
	if let Some(owner) = input.owner_uid {
		if owner as usize >= n {
			return Err(format!("owner_uid {owner} is out of range: there are {n} neurons"));
		}
	}
	for (uid, neuron) in input.neurons.iter().enumerate() {
		for (field, row) in [("weights", &neuron.weights), ("bonds", &neuron.bonds)] {
			let mut seen = std::collections::BTreeSet::new();
			for (target, _) in row {
				if *target as usize >= n {
					return Err(format!(
						"neurons[{uid}].{field} names uid {target}, out of range: there are {n} neurons"
					));
				}
				if !seen.insert(*target) {
					return Err(format!("neurons[{uid}].{field} names uid {target} twice"));
				}
			}
		}
	}
	Ok(())
}

/// Runs one epoch on `text`, the simulator's input JSON, and returns the output JSON, or a
/// message naming what is wrong with the input.
pub fn run_json(text: &str) -> Result<String, String> {
	let input: Input = serde_json::from_str(text).map_err(|e| format!("invalid input: {e}"))?;
	check(&input)?;
	let epoch = EpochInput {
		current_block: input.current_block,
		tempo: input.tempo,
		last_epoch_block: input.last_epoch_block,
		activity_cutoff: input.activity_cutoff,
		kappa: input.kappa,
		bonds_penalty: input.bonds_penalty,
		bonds_moving_average: input.bonds_moving_average,
		yuma3: input.yuma3,
		liquid_alpha: input.liquid_alpha,
		alpha_low: input.alpha_low,
		alpha_high: input.alpha_high,
		alpha_sigmoid_steepness: input.alpha_sigmoid_steepness,
		max_allowed_validators: input.max_allowed_validators,
		stake_threshold: input.stake_threshold,
		owner_uid: input.owner_uid,
		emission: input.emission,
		neurons: input
			.neurons
			.into_iter()
			.map(|x| NeuronInput {
				stake: x.stake,
				last_update: x.last_update,
				registered_at: x.registered_at,
				validator_permit: x.validator_permit,
				weights: x.weights,
				bonds: x.bonds,
				// The input format has no commits: the commit mask is the chain's concern.
				commit_block: None,
			})
			.collect(),
	};
	let neurons = run_epoch(&epoch).map_err(|e| format!("epoch failed: {e:?}"))?;
	let output = Output { neurons: neurons.into_iter().map(OutputNeuron::from).collect() };
	serde_json::to_string(&output).map_err(|e| format!("writing output: {e}"))
}
