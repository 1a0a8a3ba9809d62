//! The fixed set of Rényi orders the chain accounts at: those of Opacus's `RDPAccountant`,
//! `1.1, 1.2, ..., 10.9` and `12, 13, ..., 63`, kept as tenths so that they are exact.
//!
//! The set is Opacus's so that the epsilon the chain records is the one its users compute
//! off chain: the best order of a typical DP-SGD run lies between 2 and 12, and a coarser
//! grid there (steps of a quarter) overstates epsilon by up to 3% for budgets near 40.

/// How many orders there are.
pub const ORDER_COUNT: usize = 151;

/// How many of them are tenths below 11 (the rest are whole orders from 12).
const TENTHS_BELOW_ELEVEN: usize = 99;

/// Each order, in tenths: `alpha = ORDERS[i] / 10`, ascending.
pub const ORDERS: [u16; ORDER_COUNT] = orders();

const fn orders() -> [u16; ORDER_COUNT] {
	let mut out = [0u16; ORDER_COUNT];
	let mut i = 0;
	while i < TENTHS_BELOW_ELEVEN {
		out[i] = 11 + i as u16;
		i += 1;
	}
	while i < ORDER_COUNT {
		out[i] = (12 + (i - TENTHS_BELOW_ELEVEN) as u16) * 10;
		i += 1;
	}
	out
}

/// The largest order that is not a whole number, in tenths (10.9).
pub const LARGEST_FRACTIONAL: u16 = 109;

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn the_orders_are_opacus_defaults_ascending() {
		assert_eq!(ORDERS[0], 11);
		assert_eq!(ORDERS[98], 109);
		assert_eq!(ORDERS[99], 120);
		assert_eq!(ORDERS[ORDER_COUNT - 1], 630);
		assert!(ORDERS.windows(2).all(|pair| pair[0] < pair[1]));
		let fractional = ORDERS.iter().filter(|&&t| t % 10 != 0).count();
		assert_eq!(fractional, 90);
		assert!(ORDERS.iter().filter(|&&t| t % 10 != 0).all(|&t| t <= LARGEST_FRACTIONAL));
	}
}
