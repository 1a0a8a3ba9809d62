//! # synod-privacy
//!
//! The privacy accountant the chain runs. A learner that trains with DP-SGD declares, with
//! each proposal, its sampling rate `q`, noise multiplier `sigma` and number of steps; the
//! chain adds the Rényi divergence of those steps to the learner's account, order by order,
//! and refuses a proposal whose spend, converted to `(epsilon, delta)`, would exceed the
//! learner's budget. The numbers are the ones Opacus's `RDPAccountant` computes for the
//! same parameters (the tests hold a table of its answers), to within 1% and never below.
//! Only where a step's divergence is below about `10^-12` (noise multipliers in the
//! hundreds) is Opacus's own floating-point error larger than the accountant's margin;
//! there the accountant stays above the exact value, though it may fall below Opacus's.
//!
//! ## Terms
//! - The **sampled Gaussian mechanism** ([`SampledGaussian`]) is one DP-SGD step: each record
//!   sampled with probability `q`, each sampled gradient clipped to norm `C`, Gaussian
//!   noise of standard deviation `sigma C` added to their sum. The clip `C` scales the noise
//!   and not the privacy, so the accountant needs only `q` and `sigma`.
//! - **Rényi differential privacy** of order `alpha` bounds the Rényi divergence of that
//!   order between the outputs on neighbouring datasets. It composes by addition, so an
//!   [`Account`] holds one sum per order over a fixed set ([`orders`]).
//! - **`(epsilon, delta)`**: what a learner budgets. [`Account::epsilon`] converts the sums
//!   at each order and takes the least.
//!
//! ## Design
//! Everything is fixed point (`I64F64`) with logarithms and exponentials of our own
//! ([`fixed`]), so every node computes the same bits; there are no floats and no
//! allocations. A step's divergence costs one binomial sum per whole order and one pass
//! over a bounded quadrature grid for all the fractional ones ([`mechanism`]).
//!
//! What the accountant cannot know is whether the learner really sampled, clipped and added
//! the noise it declared: only the learner holds its data. It accounts for what was declared.

#![cfg_attr(not(feature = "std"), no_std)]

pub mod account;
pub mod fixed;
pub mod mechanism;
pub mod orders;

pub use account::{micros_rounded_up, Account, AccountError, DELTA_ONE};
pub use fixed::Fixed;
pub use mechanism::{ParameterError, SampledGaussian, MAX_SIGMA_MILLI, MIN_SIGMA_MILLI, Q_ONE};
pub use orders::{ORDERS, ORDER_COUNT};

/// The Rényi divergence of one step at each of the [`ORDERS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rdp {
	/// One value per order, never negative, non-decreasing in the order.
	pub values: [Fixed; ORDER_COUNT],
}

/// The epsilon, at `delta` (parts per `10^18`), of `steps` steps of sampling rate
/// `q_ppb / 10^9` and noise multiplier `sigma_milli / 1000`, from nothing spent: what
/// Opacus's `RDPAccountant` reports for one `step(noise_multiplier, sample_rate)` history.
pub fn epsilon_of(q_ppb: u32, sigma_milli: u32, steps: u32, delta: u64) -> Result<Fixed, Error> {
	let rdp = SampledGaussian::new(q_ppb, sigma_milli)?.rdp();
	Ok(Account::new().after(&rdp, steps)?.epsilon(delta)?)
}

/// [`epsilon_of`] in millionths, rounded up, as the chain records it.
pub fn epsilon_micros_of(
	q_ppb: u32,
	sigma_milli: u32,
	steps: u32,
	delta: u64,
) -> Result<u64, Error> {
	epsilon_of(q_ppb, sigma_milli, steps, delta).map(micros_rounded_up)
}

/// Why an accounting was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Error {
	/// The mechanism's parameters.
	Parameter(ParameterError),
	/// The account or `delta`.
	Account(AccountError),
}

impl From<ParameterError> for Error {
	fn from(e: ParameterError) -> Self {
		Error::Parameter(e)
	}
}

impl From<AccountError> for Error {
	fn from(e: AccountError) -> Self {
		Error::Account(e)
	}
}
