//! Stake behind hotkeys: share pools in one pot, unbonding, takes, slashing and dividends.

use frame_support::{parameter_types, traits::ConstU32, PalletId};

#[cfg(feature = "runtime-benchmarks")]
use crate::AccountId;
use crate::{configs::GovernanceOrigin, Balances, Runtime, RuntimeHoldReason, Subnets};

parameter_types! {
	/// The pot that holds all stake: `modlsyn/stak` and zeros, as an account.
	pub const StakingPalletId: PalletId = PalletId(*b"syn/stak");
}

impl pallet_synod_staking::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	// A hotkey can be staked on once a coldkey has registered it on some subnet.
	type Hotkeys = Subnets;
	type GovernanceOrigin = GovernanceOrigin;
	type PalletId = StakingPalletId;
	type MaxUnbondingChunks = ConstU32<32>;
	// Slashes and dividends visit no staker (share pools); this bounds what lists them, the
	// runtime API's metagraph of positions and `try_state`.
	type MaxStakersPerHotkey = ConstU32<512>;
	type MaxPositionsPerColdkey = ConstU32<64>;
	type WeightInfo = pallet_synod_staking::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = RegisterHotkey;
}

/// Lets the staking benchmarks register a hotkey through the subnets pallet.
#[cfg(feature = "runtime-benchmarks")]
pub struct RegisterHotkey;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_synod_staking::BenchmarkHelper<AccountId> for RegisterHotkey {
	fn register_hotkey(hotkey: &AccountId, coldkey: &AccountId) {
		pallet_subnets::HotkeyOwner::<Runtime>::insert(hotkey, coldkey);
	}
}
