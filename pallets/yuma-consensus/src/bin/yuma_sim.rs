//! `yuma-sim`: runs one Yuma epoch on the JSON read from stdin and writes the outputs as JSON
//! to stdout, integer for integer what subtensor's chain would store.
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

use std::io::Read;

fn main() {
	let mut text = String::new();
	let result = std::io::stdin()
		.read_to_string(&mut text)
		.map_err(|e| format!("reading stdin: {e}"))
		.and_then(|_| yuma_consensus::sim::run_json(&text));
	match result {
		Ok(json) => println!("{json}"),
		Err(message) => {
			eprintln!("yuma-sim: {message}");
			std::process::exit(1);
		},
	}
}
