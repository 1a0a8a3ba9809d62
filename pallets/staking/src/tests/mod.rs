//! Tests of every call and trait function, their error paths (which must leave storage
//! untouched) and the invariants, which [`test`] checks after each test.

use crate::{mock::*, pallet::*, Error, Event, StakePosition, UnbondingChunk};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold, Mutate},
};
use sp_runtime::{DispatchError, Perbill};
use synod_primitives::stake::{
	DividendCredit, SlashAmount, SlashDestination, SlashReason, StakeInfo, StakeSlash,
};

mod calls;
mod pools;
mod properties;

fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

/// What the pot holds as stake, active and unbonding.
fn in_pot() -> u128 {
	Balances::balance_on_hold(&RuntimeHoldReason::Staking(HoldReason::Staking), &Staking::pot())
}

/// What `coldkey`'s unbonding claims behind `hotkey` are worth, claim by claim.
fn unbonding(coldkey: u64, hotkey: u64) -> Vec<UnbondingChunk<u128, u64>> {
	Staking::positions(&coldkey)
		.into_iter()
		.find(|position| position.hotkey == hotkey)
		.map(|position| position.unbonding)
		.unwrap_or_default()
}

fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event").event
}

const HOT: u64 = 31; // owned by coldkey 1
const HOT2: u64 = 32; // owned by coldkey 2
