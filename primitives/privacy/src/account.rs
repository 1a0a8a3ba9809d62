//! A learner's account: the Rényi divergence it has spent at each order, and what that is
//! as `(epsilon, delta)`.
//!
//! Composition adds Rényi divergences order by order, so the account keeps one sum per order
//! and converts only when asked; adding epsilons instead would overstate the spend many
//! times over. The conversion is the one of Balle et al. ("Hypothesis testing
//! interpretations and Rényi differential privacy", 2020), as Opacus applies it:
//!
//! `epsilon = min over alpha of  R_alpha + ln((alpha - 1) / alpha) - (ln delta + ln alpha) / (alpha - 1)`.
//!
//! What it returns is rounded up by a margin (`2^-20` of itself plus `2^-32`) far above the
//! accountant's rounding, so that it is never below the exact value of the same orders.

use crate::{
	fixed::{int, ln, Fixed},
	orders::{ORDERS, ORDER_COUNT},
	Rdp,
};

/// `delta` is given in parts per `10^18`: this is `delta = 1`.
pub const DELTA_ONE: u64 = 1_000_000_000_000_000_000;

/// Why the accountant cannot answer, with what it was given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccountError {
	/// `delta` (parts per `10^18`) must be in `1..DELTA_ONE`.
	Delta(u64),
	/// The spend at some order would exceed the number type (`steps` more steps of this
	/// mechanism): no budget is that large.
	Overflow { steps: u32 },
}

/// The Rényi divergence spent at each of the [`ORDERS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Account {
	/// One sum per order, never negative.
	spent: [Fixed; ORDER_COUNT],
}

impl Default for Account {
	fn default() -> Self {
		Self { spent: [Fixed::from_bits(0); ORDER_COUNT] }
	}
}

impl Account {
	/// The account with nothing spent.
	pub fn new() -> Self {
		Self::default()
	}

	/// The account after `steps` more steps of the mechanism whose divergence per step is
	/// `rdp`; `self` is unchanged.
	pub fn after(&self, rdp: &Rdp, steps: u32) -> Result<Self, AccountError> {
		let mut next = *self;
		for (spent, step) in next.spent.iter_mut().zip(rdp.values.iter()) {
			*spent = step
				.checked_mul_int(steps as i128)
				.and_then(|added| spent.checked_add(added))
				.ok_or(AccountError::Overflow { steps })?;
		}
		Ok(next)
	}

	/// The epsilon this account has spent at `delta` (parts per `10^18`).
	pub fn epsilon(&self, delta: u64) -> Result<Fixed, AccountError> {
		if delta == 0 || delta >= DELTA_ONE {
			return Err(AccountError::Delta(delta));
		}
		let ln_10 = ln(int(10)).unwrap_or_default();
		// ln(delta): delta / 10^18, at most 1e18 < 2^63, so it fits the integer part.
		let ln_delta = ln(int(delta as i64)).unwrap_or_default() - int(18) * ln_10;
		let mut best: Option<Fixed> = None;
		for (spent, &tenths) in self.spent.iter().zip(ORDERS.iter()) {
			let (t, above_one) = (int(tenths as i64), int(tenths as i64 - 10));
			let ln_t = ln(t).unwrap_or_default();
			let ln_alpha = ln_t - ln_10;
			let ln_ratio = ln(above_one).unwrap_or_default() - ln_t;
			// (ln delta + ln alpha) / (alpha - 1), with alpha - 1 = (t - 10) / 10.
			let conversion = (ln_delta + ln_alpha) * int(10) / above_one;
			let Some(epsilon) = spent.checked_add(ln_ratio).and_then(|e| e.checked_sub(conversion))
			else {
				continue;
			};
			best = Some(best.map_or(epsilon, |b| b.min(epsilon)));
		}
		let epsilon = best.unwrap_or(Fixed::max_value()).max(Fixed::from_bits(0));
		let margin = Fixed::from_bits(epsilon.to_bits() >> 20) + Fixed::from_bits(1 << 32);
		Ok(epsilon.saturating_add(margin))
	}

	/// [`Self::epsilon`] in millionths, rounded up: what the chain stores and compares with
	/// a budget.
	pub fn epsilon_micros(&self, delta: u64) -> Result<u64, AccountError> {
		self.epsilon(delta).map(micros_rounded_up)
	}

	/// The raw sums, for storage.
	pub fn to_bits(&self) -> [i128; ORDER_COUNT] {
		self.spent.map(|spent| spent.to_bits())
	}

	/// An account from raw sums; `None` if any is negative (no account holds one).
	pub fn from_bits(bits: [i128; ORDER_COUNT]) -> Option<Self> {
		bits.iter().all(|&b| b >= 0).then(|| Self { spent: bits.map(Fixed::from_bits) })
	}
}

/// `value` in millionths, rounded up (0 below 0); `u64::MAX` where it does not fit.
pub fn micros_rounded_up(value: Fixed) -> u64 {
	let bits = value.to_bits().max(0) as u128;
	let whole = bits >> 64;
	let fraction = bits & u128::from(u64::MAX);
	let fraction_micros = (fraction * 1_000_000).div_ceil(1u128 << 64);
	whole
		.checked_mul(1_000_000)
		.and_then(|micros| micros.checked_add(fraction_micros))
		.and_then(|micros| u64::try_from(micros).ok())
		.unwrap_or(u64::MAX)
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::SampledGaussian;
	use proptest::prelude::*;

	#[test]
	fn millionths_round_up_and_saturate() {
		assert_eq!(micros_rounded_up(Fixed::from_num(0)), 0);
		assert_eq!(micros_rounded_up(Fixed::from_num(2)), 2_000_000);
		assert_eq!(micros_rounded_up(Fixed::from_bits(1)), 1);
		assert_eq!(micros_rounded_up(Fixed::from_num(1.5)), 1_500_000);
		assert_eq!(micros_rounded_up(Fixed::from_bits(-5)), 0);
		assert_eq!(micros_rounded_up(Fixed::max_value()), u64::MAX);
	}

	#[test]
	fn a_delta_out_of_range_is_refused_by_value() {
		assert_eq!(Account::new().epsilon(0), Err(AccountError::Delta(0)));
		assert_eq!(Account::new().epsilon(DELTA_ONE), Err(AccountError::Delta(DELTA_ONE)));
	}

	#[test]
	fn nothing_spent_is_nearly_no_epsilon_and_storage_round_trips() {
		let nothing = Account::new().epsilon(10_000_000_000_000).unwrap();
		// The conversion alone at the largest order: ln(62/63) - (ln 1e-5 + ln 63)/62 > 0.
		assert!(nothing.to_num::<f64>() < 0.2, "{nothing}");
		let rdp = SampledGaussian::new(10_000_000, 1000).unwrap().rdp();
		let account = Account::new().after(&rdp, 1_000).unwrap();
		assert_eq!(Account::from_bits(account.to_bits()), Some(account));
		let mut negative = account.to_bits();
		negative[3] = -1;
		assert_eq!(Account::from_bits(negative), None);
	}

	#[test]
	fn a_spend_beyond_the_type_is_refused_and_changes_nothing() {
		let rdp = SampledGaussian::new(1_000_000_000, 500).unwrap().rdp();
		// No single call from nothing overflows (126 a step at most, times u32::MAX), so
		// start from an account already near the type's end.
		let full = Account::from_bits([i128::MAX - (1 << 64); ORDER_COUNT]).unwrap();
		assert_eq!(full.after(&rdp, u32::MAX), Err(AccountError::Overflow { steps: u32::MAX }));
		assert_eq!(full, Account::from_bits([i128::MAX - (1 << 64); ORDER_COUNT]).unwrap());
	}

	proptest! {
		#![proptest_config(ProptestConfig::with_cases(24))]
		#[test]
		fn more_steps_never_spend_less_and_more_noise_never_more(
			q in 1_000u32..=1_000_000_000,
			sigma in 500u32..=20_000,
			steps in 1u32..100_000,
		) {
			let delta = 10_000_000_000_000;
			let spend = |sigma, steps| {
				let rdp = SampledGaussian::new(q, sigma).unwrap().rdp();
				Account::new().after(&rdp, steps).unwrap().epsilon(delta).unwrap()
			};
			let base = spend(sigma, steps);
			prop_assert!(spend(sigma, steps + 1) >= base);
			prop_assert!(spend(sigma + 100, steps) <= base);
		}
	}
}
