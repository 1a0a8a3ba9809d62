//! Balances, sudo and utility: transfers of every kind between the pool's accounts, root's
//! forced balance changes, and the wrappers (batches, derivative accounts, dispatch as
//! another origin, sudo) around calls drawn from every other generator. Forced changes go
//! to the pool's accounts only: root can rewrite a pallet's own account by design, and that
//! breaking the pallet's bookkeeping would not be a finding.

use frame_support::{traits::OriginTrait, weights::Weight};
use pallet_balances::AdjustmentDirection;
use synod_runtime::{currency::SYN, AccountId, Runtime, RuntimeCall, RuntimeOrigin};

use crate::world::{Action, Gen};

type Balances = pallet_balances::Call<Runtime>;
type Sudo = pallet_sudo::Call<Runtime>;
type Utility = pallet_utility::Call<Runtime>;

/// An account outside the pool: no call is signed for it, so it never holds anything.
const NEVER_HOLDS: [u8; 32] = [0xEE; 32];

/// Amounts up to a whole endowment (1,000,000 SYN), edges included.
fn amount(g: &mut Gen) -> u128 {
	g.rng.amount(1_000_000 * SYN)
}

fn weight(g: &mut Gen) -> Weight {
	Weight::from_parts(g.rng.amount(2_000_000_000_000) as u64, g.rng.amount(5 * 1024 * 1024) as u64)
}

pub fn generate(g: &mut Gen) -> Action {
	match g.rng.weighted(&[10, 6, 6]) {
		0 => balances(g),
		1 => sudo(g),
		_ => utility(g),
	}
}

fn balances(g: &mut Gen) -> Action {
	let who = g.account();
	let dest = g.account().into();
	let root = g.vary_origin(RuntimeOrigin::root());
	match g.rng.below(9) {
		0 => Action::signed(&who, Balances::transfer_allow_death { dest, value: amount(g) }),
		1 => Action::signed(&who, Balances::transfer_keep_alive { dest, value: amount(g) }),
		2 => Action::signed(&who, Balances::transfer_all { dest, keep_alive: g.rng.chance(1, 2) }),
		3 => Action::signed(
			&who,
			Balances::burn { value: amount(g), keep_alive: g.rng.chance(1, 2) },
		),
		4 => Action {
			origin: root,
			call: Balances::force_transfer { source: who.into(), dest, value: amount(g) }.into(),
		},
		5 => {
			// Never an account that may hold anything: pallet-balances' legacy `unreserve`
			// takes from the reserved balance that holds make up without updating them, so on
			// an account with an escrow or a stake it breaks that pallet's books by root's hand
			// (found by this fuzzer; docs/security.md). Checking the holds here was not enough:
			// a block's calls are drawn before any runs, and an earlier one can post a job or
			// stake (found by the long run). So an account no call signs for; on Synod every
			// reserve is a hold, so no other account could show the call more.
			let who = AccountId::from(NEVER_HOLDS);
			Action {
				origin: root,
				call: Balances::force_unreserve { who: who.into(), amount: amount(g) }.into(),
			}
		},
		6 => Action {
			origin: root,
			call: Balances::force_set_balance { who: who.into(), new_free: amount(g) }.into(),
		},
		7 => {
			let direction = if g.rng.chance(1, 2) {
				AdjustmentDirection::Increase
			} else {
				AdjustmentDirection::Decrease
			};
			Action {
				origin: root,
				call: Balances::force_adjust_total_issuance { direction, delta: g.rng.amount(SYN) }
					.into(),
			}
		},
		_ => {
			let accounts: Vec<AccountId> = (0..g.rng.between(1, 4)).map(|_| g.account()).collect();
			Action::signed(&who, Balances::upgrade_accounts { who: accounts })
		},
	}
}

/// Sudo from its key (the genesis key is Alice; the fuzzer may move or remove it) or, one
/// time in eight, from someone else.
fn sudo(g: &mut Gen) -> Action {
	let key = match g.sudo_key() {
		Some(key) if g.rng.chance(7, 8) => key,
		_ => g.account(),
	};
	let inner = g.inner();
	let call = Box::new(inner.call);
	match g.rng.below(5) {
		0 | 1 => Action::signed(&key, Sudo::sudo { call }),
		2 => Action::signed(&key, Sudo::sudo_unchecked_weight { call, weight: weight(g) }),
		3 => {
			let who = inner_signer(&inner.origin).unwrap_or_else(|| g.account());
			Action::signed(&key, Sudo::sudo_as { who: who.into(), call })
		},
		_ => {
			// Moving the key is common and recoverable; removing it is rare, and root (which
			// the fuzzer also dispatches directly) can set it again.
			if g.rng.chance(1, 8) {
				Action::signed(&key, Sudo::remove_key {})
			} else {
				let new = g.funded();
				let origin = if g.rng.chance(1, 2) {
					RuntimeOrigin::root()
				} else {
					RuntimeOrigin::signed(key)
				};
				Action { origin, call: Sudo::set_key { new: new.into() }.into() }
			}
		},
	}
}

/// The signer of a signed origin.
fn inner_signer(origin: &RuntimeOrigin) -> Option<AccountId> {
	origin.as_signer().cloned()
}

/// A generated call, or half the time a remark, which every origin may make.
fn sometimes_remark(g: &mut Gen) -> Action {
	let mut inner = g.inner();
	if g.rng.chance(1, 2) {
		inner.call = frame_system::Call::<Runtime>::remark { remark: b"inner".to_vec() }.into();
	}
	inner
}

fn calls(g: &mut Gen) -> (RuntimeOrigin, Vec<RuntimeCall>) {
	let first = g.inner();
	let mut calls = vec![first.call];
	for _ in 0..g.rng.below(3) {
		calls.push(g.inner().call);
	}
	(first.origin, calls)
}

fn utility(g: &mut Gen) -> Action {
	match g.rng.below(8) {
		0 => {
			let (origin, calls) = calls(g);
			Action { origin, call: Utility::batch { calls }.into() }
		},
		1 => {
			let (origin, calls) = calls(g);
			Action { origin, call: Utility::batch_all { calls }.into() }
		},
		2 => {
			let (origin, calls) = calls(g);
			Action { origin, call: Utility::force_batch { calls }.into() }
		},
		3 => {
			// A derivative account holds nothing, so most calls fail from it; a remark does
			// not, and shows the derivation dispatching at all.
			let inner = sometimes_remark(g);
			let index = g.rng.below(3) as u16;
			Action {
				origin: inner.origin,
				call: Utility::as_derivative { index, call: Box::new(inner.call) }.into(),
			}
		},
		4 | 5 => {
			let inner = g.inner();
			let as_origin = Box::new(inner.origin.caller().clone());
			let call = Box::new(inner.call);
			// Only root may dispatch as another origin; a signer must be refused.
			let origin = g.vary_origin(RuntimeOrigin::root());
			let call = if g.rng.chance(1, 2) {
				Utility::dispatch_as { as_origin, call }
			} else {
				Utility::dispatch_as_fallible { as_origin, call }
			};
			Action { origin, call: call.into() }
		},
		6 => {
			// The inner call runs as root, which signed calls refuse: a remark shows the
			// wrapper's own path.
			let inner = sometimes_remark(g);
			let origin = g.vary_origin(RuntimeOrigin::root());
			Action {
				origin,
				call: Utility::with_weight { call: Box::new(inner.call), weight: weight(g) }.into(),
			}
		},
		_ => {
			let main = g.inner();
			let fallback = g.inner();
			Action {
				origin: main.origin,
				call: Utility::if_else {
					main: Box::new(main.call),
					fallback: Box::new(fallback.call),
				}
				.into(),
			}
		},
	}
}
