//! Staking: coldkeys staking behind registered hotkeys (mostly their own, as operators do,
//! sometimes as nominators), unstaking part or all of a position, withdrawing due chunks,
//! owners' takes and governance's parameters. Removals take a quarter of a position at most
//! but one time in eight, and additions are as large, so that the prelude's hotkeys keep the
//! stake that makes them miners and permit holders; the unbonding period stays short so
//! that withdrawals come due within an episode.

use pallet_synod_staking::{
	Parameters, Pools, StakeShares, StakingParameters, Takes, UnbondingClaims,
};
use sp_runtime::Perbill;
use synod_runtime::{currency::SYN, AccountId, Balance, BlockNumber, Runtime, RuntimeOrigin};

use crate::{
	calls::subnets::governance_origin,
	world::{Action, Gen},
};

type StakingCall = pallet_synod_staking::Call<Runtime>;
type Staking = pallet_synod_staking::Pallet<Runtime>;
type Balances = pallet_balances::Pallet<Runtime>;

pub fn generate(g: &mut Gen) -> Action {
	match g.rng.weighted(&[10, 8, 6, 4, 3]) {
		0 => add_stake(g),
		1 => remove_stake(g),
		2 => withdraw_unbonded(g),
		3 => set_take(g),
		_ => set_parameters(g),
	}
}

/// Every registered hotkey with the coldkey that owns it.
fn owned_hotkeys() -> Vec<(AccountId, AccountId)> {
	pallet_subnets::HotkeyOwner::<Runtime>::iter().collect()
}

/// Mostly behind one of the coldkey's own hotkeys, up to a twentieth of its free balance.
/// Off target: nothing, an unregistered hotkey, more than the balance, a new position below
/// the minimum, an amount that overflows the totals.
fn add_stake(g: &mut Gen) -> Action {
	let coldkey = g.account();
	let min = Parameters::<Runtime>::get().min_stake;
	let free = Balances::free_balance(&coldkey);
	let owned = owned_hotkeys();
	let any: Vec<AccountId> = owned.iter().map(|(hotkey, _)| hotkey.clone()).collect();
	let fallback = g.account();
	let hotkey = g.pick_or(&any, 20, fallback);
	let (hotkey, amount) = if g.rng.chance(4, 5) {
		let own: Vec<AccountId> = owned
			.iter()
			.filter(|(_, owner)| *owner == coldkey)
			.map(|(hotkey, _)| hotkey.clone())
			.collect();
		let hotkey =
			if !own.is_empty() && g.rng.chance(3, 4) { g.rng.pick(&own).clone() } else { hotkey };
		let high = (free / 20).max(min);
		(hotkey, min.max(1) + g.rng.amount(high - min))
	} else {
		match g.rng.below(5) {
			0 => (hotkey, 0),
			1 => (g.account(), min.max(1) + g.rng.amount(free / 20)),
			2 => (hotkey, free.saturating_add(1).saturating_add(g.rng.amount(free))),
			3 => (hotkey, 1 + g.rng.amount(min.saturating_sub(2))),
			_ => (hotkey, Balance::MAX),
		}
	};
	let origin = g.vary_origin(RuntimeOrigin::signed(coldkey));
	Action { origin, call: StakingCall::add_stake { hotkey, amount }.into() }
}

fn unstake(g: &mut Gen, coldkey: AccountId, hotkey: AccountId, amount: Balance) -> Action {
	let origin = g.vary_origin(RuntimeOrigin::signed(coldkey));
	Action { origin, call: StakingCall::remove_stake { hotkey, amount }.into() }
}

/// A live position unbonds up to a quarter of its stake, or all of it one time in eight (or
/// when the rest would fall below the minimum). Off target: more than the stake, nothing, a
/// rest below the minimum, another coldkey's position, a hotkey it has nothing behind.
fn remove_stake(g: &mut Gen) -> Action {
	let positions: Vec<(AccountId, AccountId, Balance)> = StakeShares::<Runtime>::iter_keys()
		.map(|(hotkey, coldkey)| {
			let stake = Staking::stake_of(&coldkey, &hotkey);
			(hotkey, coldkey, stake)
		})
		.filter(|(_, _, stake)| *stake > 0)
		.collect();
	if positions.is_empty() {
		let (coldkey, hotkey) = (g.account(), g.account());
		return unstake(g, coldkey, hotkey, SYN);
	}
	let (hotkey, coldkey, stake) = g.rng.pick(&positions).clone();
	let min = Parameters::<Runtime>::get().min_stake;
	let part = (1 + g.rng.amount(stake / 4)).min(stake);
	if g.rng.chance(4, 5) {
		let amount = if g.rng.chance(1, 8) || stake - part < min { stake } else { part };
		return unstake(g, coldkey, hotkey, amount);
	}
	match g.rng.below(5) {
		0 => unstake(g, coldkey, hotkey, stake.saturating_add(1)),
		1 => unstake(g, coldkey, hotkey, 0),
		2 => {
			let amount = stake.saturating_sub(min.saturating_sub(1)).max(1);
			unstake(g, coldkey, hotkey, amount)
		},
		3 => {
			let other = g.account();
			unstake(g, other, hotkey, part)
		},
		_ => {
			let other = g.account();
			unstake(g, coldkey, other, part)
		},
	}
}

/// A position with a claim due (or voided by a slash of everything) behind an unlocked hotkey,
/// mostly; otherwise one whose claims are not due or whose hotkey answers for a job (locked),
/// another coldkey, or nobody's.
fn withdraw_unbonded(g: &mut Gen) -> Action {
	let now = g.now();
	let entries: Vec<(AccountId, AccountId, bool)> = UnbondingClaims::<Runtime>::iter()
		.map(|(hotkey, coldkey, (era, claims))| {
			let voided = era != Pools::<Runtime>::get(&hotkey).unbonding.era;
			let unlocked = voided || claims.iter().any(|claim| claim.unlock_at <= now);
			let due = unlocked && !Staking::locked(&hotkey);
			(hotkey, coldkey, due)
		})
		.collect();
	let due: Vec<(AccountId, AccountId)> = entries
		.iter()
		.filter(|(_, _, due)| *due)
		.map(|(hotkey, coldkey, _)| (hotkey.clone(), coldkey.clone()))
		.collect();
	let (hotkey, coldkey) = if !due.is_empty() && g.rng.chance(4, 5) {
		g.rng.pick(&due).clone()
	} else if !entries.is_empty() && g.rng.chance(2, 3) {
		let (hotkey, coldkey, _) = g.rng.pick(&entries).clone();
		if g.rng.chance(1, 4) {
			(hotkey, g.account())
		} else {
			(hotkey, coldkey)
		}
	} else {
		(g.account(), g.account())
	};
	let origin = g.vary_origin(RuntimeOrigin::signed(coldkey));
	Action { origin, call: StakingCall::withdraw_unbonded { hotkey }.into() }
}

/// The owner sets a take it may set now: any up to the ceiling once the raise cooldown has
/// passed (or before its first take), else one no higher than the current. Off target: above
/// the ceiling, a raise that may be too early, or a signer that does not own the hotkey.
fn set_take(g: &mut Gen) -> Action {
	let owned = owned_hotkeys();
	let parameters = Parameters::<Runtime>::get();
	let (hotkey, owner) =
		if owned.is_empty() { (g.account(), g.account()) } else { g.rng.pick(&owned).clone() };
	let now = g.now();
	let current = Staking::take_of(&hotkey);
	let take = if g.rng.chance(4, 5) {
		let cooldown = parameters.take_raise_cooldown;
		let ready = Takes::<Runtime>::get(&hotkey)
			.map_or(true, |record| now >= record.set_at.saturating_add(cooldown));
		let top = if ready { parameters.max_take } else { current };
		Perbill::from_parts(g.rng.between(0, top.deconstruct().into()) as u32)
	} else if g.rng.chance(1, 2) {
		let above = parameters.max_take.deconstruct().saturating_add(1 + g.rng.below(1_000) as u32);
		Perbill::from_parts(above)
	} else {
		let above = current.deconstruct().saturating_add(1 + g.rng.below(10_000_000) as u32);
		Perbill::from_parts(above).min(parameters.max_take)
	};
	let signer = if g.rng.chance(9, 10) { owner } else { g.account() };
	let origin = g.vary_origin(RuntimeOrigin::signed(signer));
	Action { origin, call: StakingCall::set_take { hotkey, take }.into() }
}

/// One parameter moved from its current value: an unbonding period of at most 30 blocks, a
/// minimum of at most one SYN, takes within their ceiling, cooldowns short enough for raises
/// to happen (or the genesis day). Off target: a default take above the ceiling.
fn set_parameters(g: &mut Gen) -> Action {
	let mut parameters: StakingParameters<Balance, BlockNumber> = Parameters::<Runtime>::get();
	if g.rng.chance(4, 5) {
		match g.rng.below(5) {
			0 => parameters.unbonding_period = g.rng.between(0, 30) as BlockNumber,
			1 => parameters.min_stake = g.rng.amount(SYN),
			2 => {
				parameters.max_take = Perbill::from_percent(g.rng.between(0, 100) as u32);
				parameters.default_take = parameters.default_take.min(parameters.max_take);
			},
			3 => {
				let ceiling: u64 = parameters.max_take.deconstruct().into();
				parameters.default_take = Perbill::from_parts(g.rng.between(0, ceiling) as u32);
			},
			_ => {
				parameters.take_raise_cooldown = if g.rng.chance(1, 4) {
					synod_runtime::time::DAYS
				} else {
					g.rng.between(0, 200) as BlockNumber
				}
			},
		}
	} else {
		let ceiling = g.rng.between(0, 999_999_999) as u32;
		parameters.max_take = Perbill::from_parts(ceiling);
		parameters.default_take = Perbill::from_parts(ceiling + 1);
	}
	let call = StakingCall::set_parameters { parameters };
	Action { origin: governance_origin(g), call: call.into() }
}
