//! One generator per pallet (or per family of small pallets). Each builds a call of its
//! pallet aimed at the live state most of the time, so that deep paths (a job through its
//! committee to settlement, a colearn round to its tally) are reached, and off target the
//! rest of the time, so that every refusal is exercised too.

pub mod colearn;
pub mod council;
pub mod jobs;
pub mod money;
pub mod staking;
pub mod subnets;
pub mod system;
pub mod yuma;

use crate::world::{Action, Gen};

/// How often each family is drawn, relative to the others: Synod's own pallets most, since
/// their state machines are deep and their calls many.
const FAMILIES: [u32; 8] = [
	4,  // system, babe, grandpa
	6,  // balances, sudo, utility
	4,  // council, membership, governance
	8,  // subnets
	8,  // staking
	8,  // yuma
	16, // jobs
	12, // colearn
];

/// A random call of a random pallet.
pub fn generate(g: &mut Gen) -> Action {
	match g.rng.weighted(&FAMILIES) {
		0 => system::generate(g),
		1 => money::generate(g),
		2 => council::generate(g),
		3 => subnets::generate(g),
		4 => staking::generate(g),
		5 => yuma::generate(g),
		6 => jobs::generate(g),
		_ => colearn::generate(g),
	}
}
