//! A fuzzer for the Synod runtime: random sequences of signed, root and council calls,
//! across every pallet, dispatched on the real runtime in blocks built as a node builds
//! them, with every hook between, and everything that must hold checked after each block.
//!
//! # Model
//!
//! A **run** is named by a seed and split into **episodes**, each from the development
//! genesis. An episode's first block runs a **prelude** (subnets with staked neurons, so
//! that jobs, committees and colearn have somebody to draw), then each block carries 0 to
//! `max_block_calls` calls built by per-pallet **generators** ([`calls`]). A generator aims
//! at the live state most of the time (a job in its commit window and one of its miners, an
//! open colearn round and its voters, an open council motion and a member), remembering what
//! it committed to so that its reveals open (the [`world::Memo`]), and misses on purpose the
//! rest of the time (wrong signer, unknown id, out-of-bounds argument), so that both the
//! deep paths and the refusals are exercised.
//!
//! # Checks
//!
//! - after every call: it used no more weight than it declared; and one failed call in
//!   `rollback_check_every` left the state root unchanged;
//! - after every block's `on_initialize`: the hooks left the normal class its share;
//! - after every block: every pallet's `try_state`; the total issuance moved by exactly what
//!   pallet-balances reported minted and burnt; the accounts hold the total issuance (less
//!   what root forced with `force_adjust_total_issuance`).
//!
//! The first that fails ends the run with a [`run::Finding`]: the episode's seed replays it.
//!
//! # What it does not do
//!
//! Calls are dispatched directly, not through transaction extensions (no signatures, fees or
//! nonces: those are the SDK's and are covered by the runtime's own tests); the runtime runs
//! natively, so `set_code` cannot read a new wasm's version (see [`report::NEVER_SUCCEED`]).

pub mod block;
pub mod calls;
pub mod checks;
pub mod hooks;
pub mod report;
pub mod rng;
pub mod run;
pub mod world;
