//! Stake behind hotkeys: holds, unbonding, takes, slashing and dividends.

use frame_support::traits::ConstU32;

#[cfg(feature = "runtime-benchmarks")]
use crate::AccountId;
use crate::{configs::GovernanceOrigin, Balances, Runtime, RuntimeHoldReason, Subnets};

impl pallet_synod_staking::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	// A hotkey can be staked on once a coldkey has registered it on some subnet.
	type Hotkeys = Subnets;
	type GovernanceOrigin = GovernanceOrigin;
	type MaxUnbondingChunks = ConstU32<32>;
	// Slashing and dividends visit every staker of a hotkey; this bounds their weight.
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
