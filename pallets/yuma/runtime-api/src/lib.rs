//! Runtime API of Synod's Yuma consensus, and the types it shares with the Yuma pallet: each
//! neuron's outputs of its subnet's last epoch, weight commits, and the emission schedule.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::{Codec, Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::Perbill;
pub use synod_primitives::{endpoint::Endpoint, NetUid, Uid};

/// The emission schedule and the network-wide consensus settings, set by governance.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[cfg_attr(
	feature = "serde",
	serde(bound(
		serialize = "Balance: core::fmt::Display",
		deserialize = "Balance: core::str::FromStr + TryFrom<u128>"
	))
)]
pub struct EmissionParameters<Balance> {
	/// What each block releases before the first halving.
	#[cfg_attr(feature = "serde", serde(with = "synod_primitives::serde_balance"))]
	pub initial_block_emission: Balance,
	/// The most the schedule ever releases; the block emission halves each time half of
	/// what is left has been released.
	#[cfg_attr(feature = "serde", serde(with = "synod_primitives::serde_balance"))]
	pub supply_cap: Balance,
	/// The share of each subnet's emission paid to its owner.
	pub owner_cut: Perbill,
	/// Stake below which a hotkey may not set weights and counts as no stake in the epoch.
	#[cfg_attr(feature = "serde", serde(with = "synod_primitives::serde_balance"))]
	pub stake_threshold: Balance,
}

impl<Balance: From<u32>> Default for EmissionParameters<Balance> {
	fn default() -> Self {
		Self {
			initial_block_emission: Balance::from(0u32),
			supply_cap: Balance::from(0u32),
			owner_cut: Perbill::from_percent(18),
			stake_threshold: Balance::from(0u32),
		}
	}
}

/// One neuron's results in its subnet's last epoch (subtensor's per-uid epoch storage).
#[derive(
	Clone,
	PartialEq,
	Eq,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[cfg_attr(
	feature = "serde",
	serde(bound(
		serialize = "Balance: core::fmt::Display",
		deserialize = "Balance: core::str::FromStr + TryFrom<u128>"
	))
)]
pub struct NeuronEpochOutput<Balance> {
	/// Whether it updated its weights within the activity cutoff.
	pub active: bool,
	/// Its normalised stake, out of 65535.
	pub stake_weight: u16,
	/// The stake-weighted median of the weights on it, out of 65535.
	pub consensus: u16,
	/// Its share of the miners' emission, out of 65535.
	pub incentive: u16,
	/// Its share of the validators' emission, out of 65535.
	pub dividends: u16,
	/// How much of its weight survived clipping, out of 65535.
	pub validator_trust: u16,
	/// Whether it may validate in the next epoch.
	pub validator_permit: bool,
	/// What it earned as a miner, paid to its coldkey.
	#[cfg_attr(feature = "serde", serde(with = "synod_primitives::serde_balance"))]
	pub server_emission: Balance,
	/// What it earned as a validator, paid as dividends to its stakers.
	#[cfg_attr(feature = "serde", serde(with = "synod_primitives::serde_balance"))]
	pub validator_emission: Balance,
	/// Its share of the epoch's emission by incentive plus dividends; decides pruning.
	#[cfg_attr(feature = "serde", serde(with = "synod_primitives::serde_balance"))]
	pub emission: Balance,
}

/// A hash of weights to be revealed later, as a hotkey committed it.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct WeightCommit<Hash, BlockNumber> {
	/// `BlakeTwo256(hotkey, netuid, uids, values, salt, version_key)`, SCALE-encoded.
	pub hash: Hash,
	/// The subnet's epoch index when it was committed; it is revealed at
	/// `epoch + reveal_period_epochs`, not before and not after.
	pub epoch: u64,
	/// The block it was committed in.
	pub block: BlockNumber,
}

/// One neuron of a subnet's metagraph: who it is, its stake and its last epoch's outputs.
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
pub struct MetagraphNeuron<AccountId, Balance, BlockNumber> {
	pub uid: Uid,
	pub hotkey: AccountId,
	pub coldkey: AccountId,
	/// The stake behind its hotkey now.
	#[cfg_attr(feature = "serde", serde(with = "synod_primitives::serde_balance"))]
	pub stake: Balance,
	pub registered_at: BlockNumber,
	/// The block of its last weights or commit (its registration if none).
	pub last_update: BlockNumber,
	/// Where it serves its artifacts, if it published an endpoint.
	pub endpoint: Option<Endpoint>,
	/// Its outputs in the last epoch; all zero before its first.
	pub output: NeuronEpochOutput<Balance>,
}

/// A subnet's metagraph as Yuma consensus sees it.
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
pub struct Metagraph<AccountId, Balance, BlockNumber> {
	pub netuid: NetUid,
	/// How many epochs the subnet has run.
	pub epoch_index: u64,
	/// The block of its last epoch, if any.
	pub last_epoch_block: Option<BlockNumber>,
	/// Emission accrued since its last epoch, to be paid at the next.
	#[cfg_attr(feature = "serde", serde(with = "synod_primitives::serde_balance"))]
	pub pending_emission: Balance,
	pub neurons: Vec<MetagraphNeuron<AccountId, Balance, BlockNumber>>,
}

sp_api::decl_runtime_apis! {
	/// Reads of Yuma consensus for clients: metagraphs, weights, commits, emission.
	pub trait YumaApi<AccountId, Balance, BlockNumber, Hash>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
		Hash: Codec,
	{
		/// The metagraph of `netuid` with every neuron's last epoch outputs; `None` if no such
		/// subnet exists.
		fn metagraph(netuid: NetUid) -> Option<Metagraph<AccountId, Balance, BlockNumber>>;
		/// The weights `hotkey` has set on `netuid` as stored (max-upscaled), or `None` if it
		/// holds no uid there.
		fn weights(netuid: NetUid, hotkey: AccountId) -> Option<Vec<(Uid, u16)>>;
		/// The commits of `hotkey` on `netuid` waiting to be revealed.
		fn pending_commits(netuid: NetUid, hotkey: AccountId) -> Vec<WeightCommit<Hash, BlockNumber>>;
		/// The emission schedule and consensus settings in force.
		fn emission_parameters() -> EmissionParameters<Balance>;
		/// What the next block releases across all subnets.
		fn block_emission() -> Balance;
	}
}
