//! The Rényi divergence of one step of the sampled Gaussian mechanism, at each order.
//!
//! One DP-SGD step samples each record with probability `q`, clips each sampled gradient to
//! norm `C` and adds Gaussian noise of standard deviation `sigma C` to their sum. Its Rényi
//! divergence of order `alpha` is `ln(A_alpha) / (alpha - 1)` (Mironov, Talwar and Zhang,
//! "Rényi Differential Privacy of the Sampled Gaussian Mechanism", 2019), with
//!
//! `A_alpha = E_{z ~ N(0, sigma^2)} [(1 - q + q e^{(2z - 1) / (2 sigma^2)})^alpha]`.
//!
//! - **Whole orders** expand the power by the binomial theorem:
//!   `A_alpha = sum_i C(alpha, i) q^i (1 - q)^(alpha - i) e^{(i^2 - i) / (2 sigma^2)}`,
//!   summed in the log domain, exactly but for rounding.
//! - **Fractional orders** (at most 10.9) integrate the expectation by the trapezoidal rule
//!   over `[-12 sigma, 10.9 + 12 sigma]`. The integrand is analytic in a strip of half-width
//!   `pi sigma^2` around the real line (its only singularities are where the base of the
//!   power vanishes), so the rule's error falls like `e^{-2 pi^2 sigma^2 / h}`: with the step
//!   `h = min(sigma / 4, pi sigma^2 / 8)` that is `e^{-16 pi}` at worst, about `2^-72`, and
//!   the tails cut off hold less than `e^-72` of the mass. One grid serves every fractional order, so the bases
//!   are computed once a step. Opacus sums an erfc series here instead; both approximate the
//!   same integral, and agree to far better than the accountant's tolerance.
//!
//! `sigma` is bounded below by [`MIN_SIGMA_MILLI`], which bounds the grid at
//! [`MAX_POINTS`], and so the work of a step.

use crate::{
	fixed::{int, ln, log_add, log_sum_exp, one, Fixed, HALF_LN_2PI, PI},
	orders::{LARGEST_FRACTIONAL, ORDERS, ORDER_COUNT},
	Rdp,
};

/// `q` is given in parts per billion: this is `q = 1`.
pub const Q_ONE: u32 = 1_000_000_000;
/// The least noise multiplier, in thousandths: 0.5. Below it a step leaks so much that no
/// budget a learner would accept survives a round, and the grid would grow without bound.
pub const MIN_SIGMA_MILLI: u32 = 500;
/// The largest noise multiplier, in thousandths: 1 000.
pub const MAX_SIGMA_MILLI: u32 = 1_000_000;
/// The most points the fractional orders' grid has (at `sigma = 0.5`, 235).
pub const MAX_POINTS: usize = 256;

/// Why a mechanism's declared parameters are refused, with what was declared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParameterError {
	/// `q` (parts per billion) must be in `1..=Q_ONE`.
	SamplingRate(u32),
	/// `sigma` (thousandths) must be in `MIN_SIGMA_MILLI..=MAX_SIGMA_MILLI`.
	NoiseMultiplier(u32),
}

/// One step of the sampled Gaussian mechanism: sampling rate `q` and noise multiplier
/// `sigma`, as a proposal declares them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SampledGaussian {
	q_ppb: u32,
	sigma_milli: u32,
}

impl SampledGaussian {
	/// The mechanism of sampling rate `q_ppb / 10^9` and noise multiplier
	/// `sigma_milli / 1000`, within their bounds.
	pub fn new(q_ppb: u32, sigma_milli: u32) -> Result<Self, ParameterError> {
		if q_ppb == 0 || q_ppb > Q_ONE {
			return Err(ParameterError::SamplingRate(q_ppb));
		}
		if !(MIN_SIGMA_MILLI..=MAX_SIGMA_MILLI).contains(&sigma_milli) {
			return Err(ParameterError::NoiseMultiplier(sigma_milli));
		}
		Ok(Self { q_ppb, sigma_milli })
	}

	fn sigma(&self) -> Fixed {
		int(self.sigma_milli as i64) / int(1000)
	}

	/// `1 / (2 sigma^2)`.
	fn inverse_two_variance(&self) -> Fixed {
		let milli = self.sigma_milli as i64;
		int(500_000) / int(milli * milli)
	}

	/// The Rényi divergence of one step at each of the [`ORDERS`].
	pub fn rdp(&self) -> Rdp {
		let inv = self.inverse_two_variance();
		let mut values = [Fixed::from_bits(0); ORDER_COUNT];
		if self.q_ppb == Q_ONE {
			// No sampling: the Gaussian mechanism itself, alpha / (2 sigma^2) at every order.
			for (value, &tenths) in values.iter_mut().zip(ORDERS.iter()) {
				*value = int(tenths as i64) * inv / int(10);
			}
			return Rdp { values };
		}
		let q = int(self.q_ppb as i64) / int(Q_ONE as i64);
		// Both exist: 0 < q < 1.
		let ln_q = ln(q).unwrap_or_default();
		let ln_rest = ln(one() - q).unwrap_or_default();
		let grid = Grid::new(self, ln_q, ln_rest);
		for (value, &tenths) in values.iter_mut().zip(ORDERS.iter()) {
			let log_a = if tenths % 10 == 0 {
				whole_order_log_a((tenths / 10) as u32, ln_q, ln_rest, inv)
			} else {
				grid.log_a(tenths)
			};
			// A_alpha >= 1; rounding must not make a step look like it gives privacy back.
			let log_a = log_a.max(Fixed::from_bits(0));
			*value = log_a * int(10) / int(tenths as i64 - 10);
		}
		Rdp { values }
	}
}

/// `ln A_alpha` for a whole order by the binomial expansion.
fn whole_order_log_a(alpha: u32, ln_q: Fixed, ln_rest: Fixed, inv: Fixed) -> Fixed {
	let mut terms = [Fixed::from_bits(0); 64];
	let mut binomial: u128 = 1;
	for i in 0..=alpha {
		let (i_, rest) = (i as i64, (alpha - i) as i64);
		// C(63, 31) < 2^60: exact in u128 and in the integer part of a `Fixed`.
		let ln_binomial = ln(int(binomial as i64)).unwrap_or_default();
		terms[i as usize] =
			ln_binomial + int(i_) * ln_q + int(rest) * ln_rest + int(i_ * i_ - i_) * inv;
		binomial = binomial * (alpha - i) as u128 / (i + 1) as u128;
	}
	log_sum_exp(terms[..=alpha as usize].iter().copied()).unwrap_or_default()
}

/// The trapezoidal grid of the fractional orders: at each point `z`, `-z^2 / (2 sigma^2)`
/// and `ln(1 - q + q e^{(2z - 1) / (2 sigma^2)})`.
struct Grid {
	points: usize,
	gaussian: [Fixed; MAX_POINTS],
	log_base: [Fixed; MAX_POINTS],
	/// `ln(h / (sigma sqrt(2 pi)))`: the step and the density's constant.
	log_weight: Fixed,
}

impl Grid {
	fn new(mechanism: &SampledGaussian, ln_q: Fixed, ln_rest: Fixed) -> Self {
		let sigma = mechanism.sigma();
		let inv = mechanism.inverse_two_variance();
		let step = (sigma / int(4)).min(PI * sigma * sigma / int(8));
		let span = int(12) * sigma;
		let low = -span;
		let high = int(LARGEST_FRACTIONAL as i64) / int(10) + span;
		let points = (((high - low) / step).to_num::<i64>() as usize + 2).min(MAX_POINTS);
		let mut grid = Grid {
			points,
			gaussian: [Fixed::from_bits(0); MAX_POINTS],
			log_base: [Fixed::from_bits(0); MAX_POINTS],
			log_weight: ln(step).unwrap_or_default() - ln(sigma).unwrap_or_default() - HALF_LN_2PI,
		};
		for k in 0..points {
			let z = low + int(k as i64) * step;
			let u = (z + z - one()) * inv;
			grid.gaussian[k] = -(z * z * inv);
			grid.log_base[k] = log_add(Some(ln_rest), Some(ln_q + u)).unwrap_or_default();
		}
		grid
	}

	/// `ln A_alpha` for `alpha = tenths / 10`.
	fn log_a(&self, tenths: u16) -> Fixed {
		let alpha = int(tenths as i64) / int(10);
		let terms = (0..self.points).map(|k| self.gaussian[k] + alpha * self.log_base[k]);
		self.log_weight + log_sum_exp(terms).unwrap_or_default()
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn parameters_out_of_range_are_refused_by_value() {
		assert_eq!(SampledGaussian::new(0, 1000), Err(ParameterError::SamplingRate(0)));
		assert_eq!(
			SampledGaussian::new(Q_ONE + 1, 1000),
			Err(ParameterError::SamplingRate(Q_ONE + 1))
		);
		assert_eq!(SampledGaussian::new(1, 499), Err(ParameterError::NoiseMultiplier(499)));
		assert_eq!(
			SampledGaussian::new(1, MAX_SIGMA_MILLI + 1),
			Err(ParameterError::NoiseMultiplier(MAX_SIGMA_MILLI + 1))
		);
		assert!(SampledGaussian::new(Q_ONE, MIN_SIGMA_MILLI).is_ok());
	}

	#[test]
	fn the_grid_stays_within_its_bound_at_the_least_noise() {
		let mechanism = SampledGaussian::new(10_000_000, MIN_SIGMA_MILLI).unwrap();
		let q = int(10_000_000) / int(Q_ONE as i64);
		let grid = Grid::new(&mechanism, ln(q).unwrap(), ln(one() - q).unwrap());
		assert!(grid.points < MAX_POINTS, "{} points", grid.points);
	}

	#[test]
	fn without_sampling_it_is_the_gaussian_mechanism() {
		// sigma = 2: alpha / 8.
		let rdp = SampledGaussian::new(Q_ONE, 2000).unwrap().rdp();
		for (value, &tenths) in rdp.values.iter().zip(ORDERS.iter()) {
			let want = tenths as f64 / 80.0;
			assert!((value.to_num::<f64>() - want).abs() < 1e-15, "{tenths}: {value}");
		}
	}

	#[test]
	fn the_quadrature_agrees_with_the_binomial_sum_at_whole_orders() {
		// The grid is built for fractional orders; at whole ones it must give what the
		// exact expansion gives.
		for (q_ppb, sigma_milli) in [(10_000_000, 1000), (1_000_000, 700), (300_000_000, 2500)] {
			let mechanism = SampledGaussian::new(q_ppb, sigma_milli).unwrap();
			let q = int(q_ppb as i64) / int(Q_ONE as i64);
			let (ln_q, ln_rest) = (ln(q).unwrap(), ln(one() - q).unwrap());
			let grid = Grid::new(&mechanism, ln_q, ln_rest);
			for alpha in 2..=10u32 {
				let exact =
					whole_order_log_a(alpha, ln_q, ln_rest, mechanism.inverse_two_variance());
				let integrated = grid.log_a((alpha * 10) as u16);
				let gap = (exact - integrated).abs().to_num::<f64>();
				let tolerance = 1e-15 + 1e-12 * exact.to_num::<f64>();
				assert!(gap <= tolerance, "{q_ppb} {sigma_milli} {alpha}: {exact} vs {integrated}");
			}
		}
	}

	#[test]
	fn more_noise_or_less_sampling_leaks_less_at_every_order() {
		let base = SampledGaussian::new(10_000_000, 1000).unwrap().rdp();
		let noisier = SampledGaussian::new(10_000_000, 1200).unwrap().rdp();
		let sparser = SampledGaussian::new(5_000_000, 1000).unwrap().rdp();
		for i in 0..ORDER_COUNT {
			assert!(noisier.values[i] < base.values[i], "order {}", ORDERS[i]);
			assert!(sparser.values[i] < base.values[i], "order {}", ORDERS[i]);
		}
		// And a higher order never leaks less.
		assert!(base.values.windows(2).all(|pair| pair[0] <= pair[1]));
	}
}
