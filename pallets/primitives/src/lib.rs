//! # Synod primitives
//!
//! The vocabulary that Synod's pallets share, and the traits through which they use one another.
//! No pallet depends on another: each names what it needs as a trait from this crate in its
//! `Config`, and the runtime plugs in the pallet that provides it.
//!
//! - [`subnet`]: subnets, their hyperparameters and neurons, and [`subnet::SubnetRegistry`] to
//!   read them.
//! - [`endpoint`]: the address a neuron publishes for its artifact server.
//! - [`stake`]: reading stake, slashing it and paying dividends into it.
//! - [`hooks`]: what the subnets pallet tells the others when a uid changes hands or a subnet
//!   is dissolved.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

/// The cost model that prices jobs (`primitives/cost`), for the pallets and runtime.
pub use synod_cost as cost;
pub mod endpoint;
pub mod hooks;
pub mod job;
pub mod stake;
pub mod subnet;

/// Identifies a subnet.
pub type NetUid = u16;
/// A neuron's position in its subnet's metagraph, dense from 0.
pub type Uid = u16;

/// Serialises balances as decimal strings: JSON numbers lose precision above 2^53 in
/// JavaScript clients, and a balance of 10 000 SYN is already 10^16 units. Reads either a
/// string or a number.
#[cfg(feature = "serde")]
pub mod serde_balance {
	use alloc::string::ToString;
	use core::{fmt, fmt::Display, marker::PhantomData, str::FromStr};
	use serde::{de, Deserializer, Serializer};

	pub fn serialize<S: Serializer, B: Display>(
		value: &B,
		serializer: S,
	) -> Result<S::Ok, S::Error> {
		serializer.serialize_str(&value.to_string())
	}

	pub fn deserialize<'de, D, B>(deserializer: D) -> Result<B, D::Error>
	where
		D: Deserializer<'de>,
		B: FromStr + TryFrom<u128>,
	{
		struct BalanceVisitor<B>(PhantomData<B>);
		impl<B: FromStr + TryFrom<u128>> de::Visitor<'_> for BalanceVisitor<B> {
			type Value = B;
			fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
				f.write_str("a balance as a decimal string or a non-negative integer")
			}
			fn visit_str<E: de::Error>(self, text: &str) -> Result<B, E> {
				text.parse().map_err(|_| E::custom("not a balance: expected decimal digits"))
			}
			fn visit_u64<E: de::Error>(self, value: u64) -> Result<B, E> {
				self.visit_u128(value as u128)
			}
			fn visit_u128<E: de::Error>(self, value: u128) -> Result<B, E> {
				B::try_from(value).map_err(|_| E::custom("balance out of range"))
			}
		}
		deserializer.deserialize_any(BalanceVisitor(PhantomData))
	}
}
