//! # Synod runtime
//!
//! The state-transition function of the Synod chain. It assembles FRAME pallets into one
//! runtime and exposes the runtime APIs that the node, wallets and the `synod-worker` call.
//!
//! Pallets, by index:
//! - consensus and time: `System`, `Timestamp`, `Babe` (block authorship, and the
//!   VRF randomness the jobs pallet draws from), `Grandpa` (finality), `ChainParams` (the
//!   epoch length that the chain spec fixes);
//! - money: `Balances` (the SYN token, 12 decimals) and `TransactionPayment`;
//! - governance: `Sudo` (dev chains), `Council` with `CouncilMembership`, and `Governance`,
//!   through which a two-thirds council motion dispatches a call as Root;
//! - `Utility` for batching.
//!
//! Configuration of each pallet lives in [`configs`]; the runtime APIs in `apis.rs`; the genesis
//! presets (`development`, `local_testnet`) in [`genesis_config_presets`].

#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime` and `impl_runtime_apis` expand to deeply nested types.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

use alloc::vec::Vec;

#[cfg(feature = "runtime-benchmarks")]
#[macro_use]
mod benchmarks;
mod apis;
pub mod configs;
pub mod genesis_config_presets;
#[cfg(test)]
mod liveness_tests;
mod metagraph;
#[cfg(test)]
mod tests;

use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};
use sp_version::{runtime_version, RuntimeVersion};

pub use apis::RuntimeApi;
pub use frame_system::Call as SystemCall;
pub use pallet_balances::Call as BalancesCall;
pub use pallet_timestamp::Call as TimestampCall;
#[cfg(any(feature = "std", test))]
pub use sp_runtime::BuildStorage;

/// Block number: `u32` lasts 400 years at one block every three seconds.
pub type BlockNumber = u32;
/// Transaction signature: sr25519, ed25519 or ecdsa, as wallets choose.
pub type Signature = MultiSignature;
/// An account is identified by the public key of its signing scheme.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
/// A balance of SYN, in its smallest unit (10^-12 SYN).
pub type Balance = u128;
/// The per-account transaction counter.
pub type Nonce = u32;
/// Block and state hashes.
pub type Hash = sp_core::H256;

/// Token units. One SYN is 10^12 of the smallest unit, as `tokenDecimals` says.
pub mod currency {
	use super::Balance;

	/// The token's symbol, as wallets show it.
	pub const TOKEN_SYMBOL: &str = "SYN";
	/// Decimal places of one SYN.
	pub const TOKEN_DECIMALS: u8 = 12;
	/// One SYN.
	pub const SYN: Balance = 1_000_000_000_000;
	/// One thousandth of a SYN.
	pub const MILLI_SYN: Balance = SYN / 1_000;
	/// One millionth of a SYN.
	pub const MICRO_SYN: Balance = MILLI_SYN / 1_000;
	/// The least balance an account may hold; below it the account is reaped.
	pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_SYN;
}

/// Block time. BABE slots and dev-chain sealing use the same period, so that a dev chain's
/// clock and a BABE network's clock run at the same pace.
pub mod time {
	use super::BlockNumber;

	/// Milliseconds between blocks.
	pub const MILLISECS_PER_BLOCK: u64 = 3000;
	/// BABE's slot: at most one block per slot on an honest network. Changing it on a live
	/// chain stalls block production.
	pub const SLOT_DURATION: u64 = MILLISECS_PER_BLOCK;
	/// Blocks per minute.
	pub const MINUTES: BlockNumber = 60_000 / (MILLISECS_PER_BLOCK as BlockNumber);
	/// Blocks per hour.
	pub const HOURS: BlockNumber = MINUTES * 60;
	/// Blocks per day.
	pub const DAYS: BlockNumber = HOURS * 24;
}

/// SS58 address prefix: 42, the generic Substrate prefix, so dev accounts read as usual.
pub const SS58_PREFIX: u16 = 42;

/// Types that the node uses without knowing the runtime's extrinsic format, so that it keeps
/// syncing across runtime upgrades that change that format.
pub mod opaque {
	use super::*;
	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Block header.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Block with opaque extrinsics.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;

	impl_opaque_keys! {
		/// The keys a validator registers: BABE for authoring, GRANDPA for finality.
		pub struct SessionKeys {
			pub babe: Babe,
			pub grandpa: Grandpa,
		}
	}
}
pub use opaque::SessionKeys;

#[runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("synod"),
	impl_name: alloc::borrow::Cow::Borrowed("synod-node"),
	authoring_version: 1,
	// Bump on every change of runtime logic; a node runs the on-chain wasm of this version.
	spec_version: 119,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	// Bump when the encoding of calls or transaction extensions changes.
	transaction_version: 5,
	system_version: 1,
};

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;
	#[runtime::pallet_index(2)]
	pub type Babe = pallet_babe;
	#[runtime::pallet_index(3)]
	pub type Grandpa = pallet_grandpa;
	#[runtime::pallet_index(4)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(5)]
	pub type TransactionPayment = pallet_transaction_payment;
	#[runtime::pallet_index(6)]
	pub type Sudo = pallet_sudo;
	#[runtime::pallet_index(7)]
	pub type Utility = pallet_utility;
	#[runtime::pallet_index(8)]
	pub type Council = pallet_collective<Instance1>;
	#[runtime::pallet_index(9)]
	pub type CouncilMembership = pallet_membership<Instance1>;
	#[runtime::pallet_index(10)]
	pub type Governance = pallet_governance;
	#[runtime::pallet_index(11)]
	pub type Subnets = pallet_subnets;
	#[runtime::pallet_index(12)]
	pub type Staking = pallet_synod_staking;
	#[runtime::pallet_index(13)]
	pub type Yuma = pallet_yuma;
	#[runtime::pallet_index(14)]
	pub type RandomnessCollectiveFlip = pallet_insecure_randomness_collective_flip;
	#[runtime::pallet_index(15)]
	pub type Jobs = pallet_jobs;
	#[runtime::pallet_index(16)]
	pub type Colearn = pallet_colearn;
	#[runtime::pallet_index(17)]
	pub type ChainParams = pallet_chain_params;
}

/// How a transaction names its sender and destination accounts.
pub type Address = MultiAddress<AccountId, ()>;
/// Block header.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// Block with this runtime's extrinsics.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;

/// The transaction extensions, in the order and shape that polkadot.js, subxt and
/// py-substrate-interface build by default. Change it only with a `transaction_version` bump.
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// Extrinsic as the runtime decodes it.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
/// What a signer signs.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Storage migrations beyond the pallets' own, run on the next runtime upgrade.
type Migrations = ();

/// Dispatches extrinsics to pallets and runs the block hooks.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;
