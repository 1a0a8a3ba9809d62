//! Calls of the chain's machinery: `frame_system` (remarks, raw storage under a prefix the
//! fuzzer owns, heap pages, code upgrades), BABE's epoch configuration and GRANDPA's stall
//! recovery. Root may write any storage by design; its raw writes stay under
//! [`FUZZ_PREFIX`] so that an invariant broken there would be the fuzzer's doing, not a
//! finding. Equivocation reports take a key-ownership proof whose type is uninhabited in
//! this runtime (`sp_core::Void`), and `do_task` a task enum with no variants: neither can be
//! built, and the report says so.

use sp_consensus_babe::{digests::NextConfigDescriptor, AllowedSlots};
use sp_runtime::traits::{BlakeTwo256, Hash};
use synod_runtime::{Runtime, RuntimeOrigin};

use crate::world::{Action, Gen};

/// The only keys the fuzzer's raw storage writes touch.
pub const FUZZ_PREFIX: &[u8] = b":fuzz:";

/// The runtime blobs an authorised upgrade may install: few, so that an authorisation and
/// the application that opens it meet often.
fn code(index: u64) -> Vec<u8> {
	let mut code = b"synod-fuzz-code-".to_vec();
	code.push(index as u8);
	code
}

fn fuzz_key(g: &mut Gen) -> Vec<u8> {
	let mut key = FUZZ_PREFIX.to_vec();
	key.extend(g.rng.bytes_upto(4));
	key
}

/// Root most of the time, for calls that need it; otherwise whoever.
fn mostly_root(g: &mut Gen) -> RuntimeOrigin {
	let origin = RuntimeOrigin::root();
	g.vary_origin(origin)
}

pub fn generate(g: &mut Gen) -> Action {
	type System = frame_system::Call<Runtime>;
	let origin = mostly_root(g);
	let signer = g.account();
	match g.rng.below(14) {
		0 => Action::signed(&signer, System::remark { remark: g.rng.bytes_upto(64) }),
		1 => Action::signed(&signer, System::remark_with_event { remark: g.rng.bytes_upto(64) }),
		2 => {
			Action { origin, call: System::set_heap_pages { pages: g.rng.between(8, 4096) }.into() }
		},
		3 => Action { origin, call: System::set_code { code: code(g.rng.below(4)) }.into() },
		4 => Action {
			origin,
			call: System::set_code_without_checks { code: code(g.rng.below(4)) }.into(),
		},
		5 => {
			let items =
				(0..g.rng.between(1, 3)).map(|_| (fuzz_key(g), g.rng.bytes_upto(16))).collect();
			Action { origin, call: System::set_storage { items }.into() }
		},
		6 => {
			let keys = (0..g.rng.between(1, 3)).map(|_| fuzz_key(g)).collect();
			Action { origin, call: System::kill_storage { keys }.into() }
		},
		7 => Action {
			origin,
			call: System::kill_prefix { prefix: fuzz_key(g), subkeys: g.rng.below(8) as u32 }
				.into(),
		},
		8 => Action {
			origin,
			call: System::authorize_upgrade { code_hash: BlakeTwo256::hash(&code(g.rng.below(4))) }
				.into(),
		},
		9 | 10 => Action {
			origin,
			call: System::authorize_upgrade_without_checks {
				code_hash: BlakeTwo256::hash(&code(g.rng.below(4))),
			}
			.into(),
		},
		11 => {
			Action::signed(&signer, System::apply_authorized_upgrade { code: code(g.rng.below(4)) })
		},
		12 => babe(g, origin),
		_ => grandpa(g, origin),
	}
}

fn babe(g: &mut Gen, origin: RuntimeOrigin) -> Action {
	let denominator = g.rng.between(0, 8);
	let numerator = g.rng.between(0, 9);
	let allowed_slots = *g.rng.pick(&[
		AllowedSlots::PrimarySlots,
		AllowedSlots::PrimaryAndSecondaryPlainSlots,
		AllowedSlots::PrimaryAndSecondaryVRFSlots,
	]);
	let config = NextConfigDescriptor::V1 { c: (numerator, denominator), allowed_slots };
	Action { origin, call: pallet_babe::Call::<Runtime>::plan_config_change { config }.into() }
}

fn grandpa(g: &mut Gen, origin: RuntimeOrigin) -> Action {
	let now = g.now();
	Action {
		origin,
		call: pallet_grandpa::Call::<Runtime>::note_stalled {
			delay: g.rng.between(0, 20) as u32,
			best_finalized_block_number: now.saturating_sub(g.rng.below(5) as u32),
		}
		.into(),
	}
}
