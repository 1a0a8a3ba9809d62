//! Natural logarithms and exponentials in `I64F64`, to within a few units of `2^-64` of
//! their value (relative, for `exp`), and addition in the log domain.
//!
//! `substrate-fixed`'s own `exp` sums its series without reducing the argument, so it loses
//! the precision the accountant needs and overflows early; these reduce by powers of two
//! first, so every series converges in a few dozen terms.

use substrate_fixed::types::I64F64;

/// The number type of the accountant: 64 integer bits, 64 fraction bits.
pub type Fixed = I64F64;

/// `ln 2`, rounded down to 64 fraction bits.
pub const LN_2: Fixed = Fixed::from_bits(0xb172_17f7_d1cf_79ab);
/// `ln(2 pi) / 2`, rounded down to 64 fraction bits.
pub const HALF_LN_2PI: Fixed = Fixed::from_bits(0xeb3f_8e43_25f5_a534);
/// `pi`, rounded down to 64 fraction bits.
pub const PI: Fixed = Fixed::from_bits(0x3_243f_6a88_85a3_08d3);
/// `sqrt 2`, rounded down to 64 fraction bits.
const SQRT_2: Fixed = Fixed::from_bits(0x1_6a09_e667_f3bc_c908);

/// Below this `exp` is zero: `e^-45` is under `2^-64`.
const EXP_FLOOR: i32 = -45;

/// One, as a `Fixed`.
pub fn one() -> Fixed {
	Fixed::from_bits(1 << 64)
}

/// `n`, as a `Fixed`.
pub fn int(n: i64) -> Fixed {
	Fixed::from_bits((n as i128) << 64)
}

/// `x / n` for a small positive integer `n`, exact to the last bit (truncated).
fn div_int(x: Fixed, n: i128) -> Fixed {
	Fixed::from_bits(x.to_bits() / n)
}

/// `e^x`; `None` where it exceeds the type (`x` above about 43.6).
pub fn exp(x: Fixed) -> Option<Fixed> {
	if x < int(EXP_FLOOR as i64) {
		return Some(Fixed::from_bits(0));
	}
	if x > int(44) {
		return None;
	}
	// x = k ln 2 + r with 0 <= r < ln 2, so e^x = 2^k e^r and the series for e^r converges
	// in under 30 terms.
	let mut k = (x.to_bits() / LN_2.to_bits()) as i32;
	let mut r = x - int(k as i64) * LN_2;
	while r < Fixed::from_bits(0) {
		k -= 1;
		r += LN_2;
	}
	while r >= LN_2 {
		k += 1;
		r -= LN_2;
	}
	let (mut term, mut sum, mut n) = (one(), one(), 1i128);
	while term != Fixed::from_bits(0) {
		term = div_int(term * r, n);
		sum += term;
		n += 1;
	}
	if k >= 0 {
		// `sum` is below 2 (65 bits), so a shift of up to 62 keeps it under the sign bit.
		if k > 62 {
			return None;
		}
		let shifted = sum.to_bits().checked_shl(k as u32)?;
		(shifted >> k == sum.to_bits()).then(|| Fixed::from_bits(shifted))
	} else if k <= -127 {
		Some(Fixed::from_bits(0))
	} else {
		Some(Fixed::from_bits(sum.to_bits() >> (-k) as u32))
	}
}

/// `ln y`; `None` for `y <= 0`.
pub fn ln(y: Fixed) -> Option<Fixed> {
	let bits = y.to_bits();
	if bits <= 0 {
		return None;
	}
	// y = m 2^e with m in [sqrt(1/2), sqrt 2): then t = (m - 1)/(m + 1) is under 0.172 and
	// ln m = 2 atanh t = 2 (t + t^3/3 + t^5/5 + ...) gains five bits a term.
	let top = 127 - bits.leading_zeros() as i32;
	let mut e = top - 64;
	let mut m = if e >= 0 {
		Fixed::from_bits(bits >> e as u32)
	} else {
		Fixed::from_bits(bits << (-e) as u32)
	};
	if m > SQRT_2 {
		m = Fixed::from_bits(m.to_bits() >> 1);
		e += 1;
	}
	let t = (m - one()) / (m + one());
	let t2 = t * t;
	let (mut power, mut sum, mut k) = (t, t, 3i128);
	loop {
		// Products round down, so a negative `power` never reaches zero: stop on the term,
		// which division truncates towards zero.
		power *= t2;
		let term = div_int(power, k);
		if term == Fixed::from_bits(0) {
			break;
		}
		sum += term;
		k += 2;
	}
	Some(int(e as i64) * LN_2 + sum + sum)
}

/// `ln(e^a + e^b)`, where `None` stands for `ln 0`.
pub fn log_add(a: Option<Fixed>, b: Option<Fixed>) -> Option<Fixed> {
	match (a, b) {
		(None, other) | (other, None) => other,
		(Some(a), Some(b)) => {
			let (low, high) = if a < b { (a, b) } else { (b, a) };
			// e^(low - high) is in (0, 1], so the sum is in (1, 2] and its log in (0, ln 2].
			let ratio = exp(low - high).unwrap_or_else(|| Fixed::from_bits(0));
			Some(high + ln(one() + ratio).unwrap_or_else(|| Fixed::from_bits(0)))
		},
	}
}

/// `ln(sum of e^x for x in terms)`, the largest first so that nothing overflows; `None`
/// for no terms.
pub fn log_sum_exp(terms: impl Iterator<Item = Fixed> + Clone) -> Option<Fixed> {
	let high = terms.clone().max()?;
	let floor = int(EXP_FLOOR as i64);
	let mut sum = Fixed::from_bits(0);
	for term in terms {
		let gap = term - high;
		if gap >= floor {
			sum += exp(gap).unwrap_or_else(|| Fixed::from_bits(0));
		}
	}
	// The largest term alone contributes one, so `sum >= 1`.
	Some(high + ln(sum)?)
}

#[cfg(test)]
mod tests {
	use super::*;

	fn close(got: Fixed, want: f64, tolerance: f64) -> bool {
		let got: f64 = got.to_num();
		(got - want).abs() <= tolerance * want.abs().max(1.0)
	}

	#[test]
	fn the_constants_are_what_they_name() {
		assert!(close(LN_2, core::f64::consts::LN_2, 1e-15));
		assert!(close(PI, core::f64::consts::PI, 1e-15));
		assert!(close(HALF_LN_2PI, (2.0 * core::f64::consts::PI).ln() / 2.0, 1e-15));
		assert!(close(SQRT_2, core::f64::consts::SQRT_2, 1e-15));
	}

	#[test]
	fn exp_and_ln_match_the_floats_across_their_range() {
		for tenths in -440..=430 {
			let x = int(tenths) / int(10);
			let want = (tenths as f64 / 10.0).exp();
			let got: f64 = exp(x).unwrap().to_num();
			// Relative where the type resolves it, absolute near its resolution.
			assert!((got - want).abs() <= want * 1e-13 + 1e-18, "exp({x}) = {got}, not {want}");
		}
		// Values the type holds exactly, or to far better than the tolerance.
		let exact = [2f64.powi(-60), 2f64.powi(-30), 0.001, 0.5, 0.75, 1.0, 1.001, 2.0, 3.0];
		for y in exact.into_iter().chain([10.0, 1e6, 2f64.powi(62)]) {
			let got = ln(Fixed::from_num(y)).unwrap();
			assert!(close(got, y.ln(), 1e-12), "ln({y}) = {got}");
		}
	}

	#[test]
	fn what_the_type_cannot_hold_is_refused_or_zero() {
		assert_eq!(exp(int(44)), None);
		assert_eq!(exp(int(-46)), Some(Fixed::from_bits(0)));
		assert_eq!(ln(Fixed::from_bits(0)), None);
		assert_eq!(ln(int(-1)), None);
		assert_eq!(ln(one()), Some(Fixed::from_bits(0)));
	}

	#[test]
	fn log_addition_is_addition_of_the_exponentials() {
		let (a, b) = (int(3), int(-2));
		let got: f64 = log_add(Some(a), Some(b)).unwrap().to_num();
		assert!((got - (3f64.exp() + (-2f64).exp()).ln()).abs() < 1e-14);
		assert_eq!(log_add(None, Some(a)), Some(a));
		assert_eq!(log_add(None, None), None);
		let terms = [int(100), int(99), int(-2000)];
		let got: f64 = log_sum_exp(terms.iter().copied()).unwrap().to_num();
		assert!((got - (100.0 + (1.0 + (-1f64).exp()).ln())).abs() < 1e-12);
	}
}
