//! Share pools: how the stake behind a hotkey divides among its stakers without a visit to
//! each one.
//!
//! A hotkey has two pools, its active stake and its unbonding stake. A staker owns shares
//! (points, for unbonding) of a pool, and a pool's value divides among them in proportion, so
//! a slash or a dividend changes one pool value and nothing per staker. Values are rounded
//! down; what rounding leaves stays in the pool and goes to whoever holds its last share.
//!
//! A slash that takes a pool's whole value while shares are outstanding starts a new **era**
//! of that pool: shares of an earlier era are worth nothing, and the positions that hold them
//! are dropped when their owners next touch them (`withdraw_unbonded`), since dropping them
//! at the slash would visit every staker.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::{
	helpers_128bit::multiply_by_rational_with_rounding,
	traits::{AtLeast32BitUnsigned, Zero},
	Rounding, SaturatedConversion,
};

/// `a * b / c` in 128 bits with the given rounding; `None` if the result exceeds the balance
/// type or `c` is zero.
pub(crate) fn mul_div<B: AtLeast32BitUnsigned + Copy>(
	a: B,
	b: B,
	c: B,
	rounding: Rounding,
) -> Option<B> {
	let (a, b, c): (u128, u128, u128) =
		(a.saturated_into(), b.saturated_into(), c.saturated_into());
	let result = multiply_by_rational_with_rounding(a, b, c, rounding)?;
	B::try_from(result).ok()
}

/// One pool of stake behind a hotkey.
#[derive(
	Clone,
	Copy,
	Default,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct Pool<Balance> {
	/// What the pool holds, in the currency.
	pub value: Balance,
	/// The shares of this era outstanding; zero exactly when `value` is zero.
	pub shares: Balance,
	/// Starts at zero; rises when a slash wipes out the pool's value.
	pub era: u32,
}

impl<B: AtLeast32BitUnsigned + Copy> Pool<B> {
	/// The value of `shares` of this pool (of its current era), rounded down; the pool's
	/// whole value for all of its shares.
	pub fn value_of(&self, shares: B) -> B {
		if shares >= self.shares {
			return if self.shares.is_zero() { Zero::zero() } else { self.value };
		}
		// `shares < self.shares`, so the product over `self.shares` is below `value`.
		mul_div(shares, self.value, self.shares, Rounding::Down).unwrap_or_else(Zero::zero)
	}

	/// The shares that `amount` buys, rounded down (so the pool never owes more than it has);
	/// `None` if they exceed the balance type.
	pub fn shares_for(&self, amount: B) -> Option<B> {
		if self.shares.is_zero() {
			// A new era or a new pool: one share per unit.
			Some(amount)
		} else {
			mul_div(amount, self.shares, self.value, Rounding::Down)
		}
	}

	/// The shares that taking `amount` out costs, rounded up (so what stays behind is never
	/// worth less than before); at least all of `held` shares when `amount` is their value.
	pub fn shares_to_take(&self, amount: B, held: B) -> B {
		if amount >= self.value_of(held) {
			return held;
		}
		mul_div(amount, self.shares, self.value, Rounding::Up).unwrap_or(held).min(held)
	}

	/// Adds `amount` of value for `shares` new shares.
	pub fn deposit(&mut self, amount: B, shares: B) -> Option<()> {
		self.value = self.value.checked_add(&amount)?;
		self.shares = self.shares.checked_add(&shares)?;
		Some(())
	}

	/// Removes `shares` and the `amount` they were worth (`amount <= value`); the pool's
	/// whole value leaves with its last share.
	pub fn withdraw(&mut self, amount: B, shares: B) {
		self.shares = self.shares.saturating_sub(shares);
		self.value = if self.shares.is_zero() { Zero::zero() } else { self.value - amount };
	}

	/// Adds value without shares: a dividend, which every share gains from.
	pub fn grow(&mut self, amount: B) -> Option<()> {
		self.value = self.value.checked_add(&amount)?;
		Some(())
	}

	/// Takes `cut` (at most `value`) out of the pool; a cut of all of it ends the era.
	pub fn slash(&mut self, cut: B) {
		self.value = self.value.saturating_sub(cut);
		if self.value.is_zero() && !self.shares.is_zero() {
			self.shares = Zero::zero();
			self.era = self.era.wrapping_add(1);
		}
	}

	/// Whether the pool holds nothing and owes nothing.
	pub fn is_empty(&self) -> bool {
		self.value.is_zero() && self.shares.is_zero()
	}
}

/// A hotkey's two pools.
#[derive(
	Clone,
	Copy,
	Default,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct HotkeyPools<Balance> {
	/// Active stake: counts for the hotkey's weight and earns dividends.
	pub active: Pool<Balance>,
	/// Unbonding stake: earns nothing and is slashed like active stake until withdrawn.
	pub unbonding: Pool<Balance>,
}

/// A staker's shares of a hotkey's active pool, in the era they were bought in.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct Shares<Balance> {
	/// How many; never zero in storage.
	pub shares: Balance,
	/// The pool's era when they were bought; worth nothing once the pool's era moves on.
	pub era: u32,
}

/// One unbonding claim: points of a hotkey's unbonding pool, withdrawable from `unlock_at`.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct UnbondingClaim<Balance, BlockNumber> {
	/// Points of the unbonding pool; never zero in storage.
	pub points: Balance,
	/// The first block at which the claim may be withdrawn.
	pub unlock_at: BlockNumber,
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn the_last_share_takes_what_rounding_left() {
		let mut pool = Pool::<u128> { value: 0, shares: 0, era: 0 };
		pool.deposit(100, pool.shares_for(100).unwrap()).unwrap();
		pool.deposit(50, pool.shares_for(50).unwrap()).unwrap();
		pool.grow(1).unwrap();
		// 151 over 150 shares: 100 shares are worth 100.66 -> 100, 50 are worth 50.33 -> 50.
		assert_eq!(pool.value_of(100), 100);
		assert_eq!(pool.value_of(50), 50);
		pool.withdraw(pool.value_of(100), 100);
		assert_eq!(pool, Pool { value: 51, shares: 50, era: 0 });
		assert_eq!(pool.value_of(50), 51);
		pool.withdraw(51, 50);
		assert!(pool.is_empty());
	}

	#[test]
	fn taking_rounds_the_shares_up_and_buying_rounds_them_down() {
		let pool = Pool::<u128> { value: 300, shares: 200, era: 0 };
		// 1.5 a share: 10 buys 6.67 -> 6 shares; taking 10 costs 6.67 -> 7 of them.
		assert_eq!(pool.shares_for(10), Some(6));
		assert_eq!(pool.shares_to_take(10, 100), 7);
		// Asking for all of a holding's value, or more, takes all of it.
		assert_eq!(pool.shares_to_take(150, 100), 100);
		assert_eq!(pool.shares_to_take(149, 100), 100);
		assert_eq!(pool.shares_to_take(148, 100), 99);
	}

	#[test]
	fn a_slash_of_everything_ends_the_era() {
		let mut pool = Pool::<u128> { value: 300, shares: 200, era: 4 };
		pool.slash(299);
		assert_eq!(pool, Pool { value: 1, shares: 200, era: 4 });
		pool.slash(1);
		assert_eq!(pool, Pool { value: 0, shares: 0, era: 5 });
		assert_eq!(pool.shares_for(7), Some(7));
		assert_eq!(pool.value_of(200), 0);
	}

	#[test]
	fn overflowing_shares_are_refused_not_wrapped() {
		let pool = Pool::<u64> { value: 1, shares: u64::MAX / 2, era: 0 };
		assert_eq!(pool.shares_for(3), None);
		let mut full = Pool::<u64> { value: u64::MAX, shares: 1, era: 0 };
		assert_eq!(full.grow(1), None);
	}
}
