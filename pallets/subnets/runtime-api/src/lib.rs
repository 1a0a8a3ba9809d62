//! Runtime API of Synod's subnets: the list of subnets with their hyperparameters, and each
//! subnet's metagraph with the stake behind every neuron. The node serves it as `synod_*`
//! JSON-RPC methods.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::{Codec, Decode, Encode};
use scale_info::TypeInfo;
pub use synod_primitives::{endpoint::Endpoint, subnet::SubnetHyperparameters, NetUid, Uid};

/// A subnet as a client sees it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[cfg_attr(
	feature = "serde",
	serde(bound(
		serialize = "AccountId: serde::Serialize, Balance: core::fmt::Display, BlockNumber: serde::Serialize",
		deserialize = "AccountId: serde::Deserialize<'de>, Balance: core::str::FromStr + TryFrom<u128>, BlockNumber: serde::Deserialize<'de>"
	))
)]
pub struct SubnetInfo<AccountId, Balance, BlockNumber> {
	pub netuid: NetUid,
	pub owner: AccountId,
	/// The deposit held from the owner.
	#[cfg_attr(feature = "serde", serde(with = "synod_primitives::serde_balance"))]
	pub deposit: Balance,
	pub created_at: BlockNumber,
	/// Neurons registered now (uids `0..neuron_count`).
	pub neuron_count: u16,
	/// What registering costs in the current block.
	#[cfg_attr(feature = "serde", serde(with = "synod_primitives::serde_balance"))]
	pub registration_cost: Balance,
	pub hyperparameters: SubnetHyperparameters<Balance>,
}

/// One neuron of a metagraph.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[cfg_attr(
	feature = "serde",
	serde(bound(
		serialize = "AccountId: serde::Serialize, Balance: core::fmt::Display, BlockNumber: serde::Serialize",
		deserialize = "AccountId: serde::Deserialize<'de>, Balance: core::str::FromStr + TryFrom<u128>, BlockNumber: serde::Deserialize<'de>"
	))
)]
pub struct NeuronInfo<AccountId, Balance, BlockNumber> {
	pub uid: Uid,
	pub hotkey: AccountId,
	pub coldkey: AccountId,
	/// The active stake behind the hotkey, from all its stakers.
	#[cfg_attr(feature = "serde", serde(with = "synod_primitives::serde_balance"))]
	pub stake: Balance,
	pub registered_at: BlockNumber,
	pub endpoint: Option<Endpoint>,
}

sp_api::decl_runtime_apis! {
	/// Subnets and their metagraphs.
	pub trait SubnetsApi<AccountId, Balance, BlockNumber>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
	{
		/// Every existing subnet, by netuid.
		fn subnets() -> Vec<SubnetInfo<AccountId, Balance, BlockNumber>>;
		/// One subnet, if it exists.
		fn subnet(netuid: NetUid) -> Option<SubnetInfo<AccountId, Balance, BlockNumber>>;
		/// The neurons of a subnet, by uid; empty if the subnet does not exist.
		fn neurons(netuid: NetUid) -> Vec<NeuronInfo<AccountId, Balance, BlockNumber>>;
	}
}
