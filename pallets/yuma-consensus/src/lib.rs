//! # Yuma consensus
//!
//! Subtensor's epoch (`shared/specs/yuma.md`), re-implemented to give the same integers on the
//! same inputs, on the same fixed-point types (`substrate-fixed` 0.6.0: `I32F32` for vectors and
//! matrices, `I64F64` for stake normalisation, `I96F32` for emission), but with algorithms that
//! scale: a column's stake-weighted median by one sort instead of a quickselect over every
//! validator, sparse row merges instead of dense accumulators.
//!
//! Every faster algorithm here is checked against a direct transcription of subtensor's own in
//! the tests, on random inputs, so "faster" never means "different".
//!
//! This crate is being built up for issue 4; today it holds the fixed-point conventions
//! ([`fixed`]), the weighted median ([`median`]), the sparse matrix operations ([`sparse`])
//! and the epoch ([`epoch`]) for Yuma 2 and Yuma 3 (with liquid alpha, [`liquid`]).

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod epoch;
pub mod fixed;
pub mod liquid;
pub mod median;
#[cfg(feature = "sim")]
pub mod sim;
pub mod sparse;

pub use substrate_fixed::types::{I32F32, I64F64, I96F32};
