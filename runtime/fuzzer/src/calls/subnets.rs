//! Subnets: creation with a deposit and by governance, the owner's and governance's
//! hyperparameter changes within the bounds, governance's network-wide settings, rare
//! dissolutions, registrations (a coldkey's own few hotkeys, on one subnet or several, into
//! full subnets that replace) and endpoints. The [`prelude`] builds the two staked subnets
//! that jobs, colearn and yuma aim at; nothing here dissolves the last of the working ones.

use frame_support::BoundedVec;
use pallet_subnets::{Endpoint, HyperparameterBounds, SubnetHyperparameters};
use sp_runtime::Perbill;
use synod_primitives::subnet::{
	JobPolicy, Range, SubnetRegistry, MAX_COMMITTEE_SIZE, MAX_JOB_MEGAFLOPS, MIN_JOB_MEMORY_MIB,
};
use synod_runtime::{
	configs::MAX_UIDS, currency::SYN, AccountId, Balance, Runtime, RuntimeOrigin, Subnets,
};

use crate::world::{Action, Gen, Pool};

type SubnetsCall = pallet_subnets::Call<Runtime>;
type StakingCall = pallet_synod_staking::Call<Runtime>;
type Hyperparameters = SubnetHyperparameters<Balance>;
type Bounds = HyperparameterBounds<Balance>;

/// Subnet A's coldkeys, as indices into the pool's funded accounts (Charlie and Dave with two
/// hotkeys each): seven operators, so that a job's miners, its committee of three and its
/// requester's own neurons (which never serve it) all fit.
const A_COLDKEYS: [usize; 9] = [2, 2, 3, 3, 4, 5, 6, 7, 8];
/// Subnet B's heavily staked neurons, one per coldkey: the five that take its five permits.
const B_VALIDATORS: [usize; 5] = [0, 1, 9, 10, 11];
/// Subnet B's lightly staked neurons, of coldkeys none of the validators share, so that
/// drawing them as miners never rules out a committee seat.
const B_MINERS: [usize; 5] = [2, 2, 5, 7, 8];

/// The prelude's `index`th hotkey of a subnet tagged `tag` (0xA0, 0xB0): keyless and never
/// funded, which is enough since a hotkey only signs (weights, endpoints, results) and never
/// pays; the pool's unfunded accounts (0xF0..) are clear of these.
fn hotkey(tag: u8, index: usize) -> AccountId {
	AccountId::from([tag | index as u8; 32])
}

/// Block 1 of an episode: two subnets and their staked, serving neurons.
///
/// - A (owned by Bob, created with the deposit): 9 neurons of 7 coldkeys staked 1,000 to
///   3,000 SYN, `max_validators` 16, so that after its first epoch (block 9 for netuid 1)
///   every one holds a permit: each can mine (jobs want some stake, and the subnet's
///   `min_stake` is 0) and sit on a committee. Direct weights (commit-reveal off), 16 uids
///   and a 100-block immunity so that full-subnet replacement is reached, unstaked
///   newcomers (no emission) going first.
/// - B (owned by Eve, created by governance): 5 validators of 5 coldkeys staked 5,000 to
///   9,000 SYN (the first also nominated by Alice//stash) and 5 miners of 4 other coldkeys
///   staked 100 to 300 SYN, above its `min_stake` of 50 SYN. `max_validators` 5 gives the
///   permits (block 8 for netuid 2) to the validators only, so jobs draw miners among the
///   others and committees among the validators. Commit-reveal, half of the jobs verified,
///   the default immunity of 5000 blocks: the subnet that stays whole.
///
/// Both serve endpoints at once and allow a new one every 5 blocks. The netuids are the
/// next two, read from storage: this is built inside the episode's externalities.
pub fn prelude(pool: &Pool) -> Vec<Action> {
	let key = |index: usize| pool.funded[index % pool.funded.len()].clone();
	let a = pallet_subnets::NextNetuid::<Runtime>::get();
	let b = a.saturating_add(1);
	let base = defaults();
	let owner_a = key(1);
	let mut actions = vec![
		Action::signed(&owner_a, SubnetsCall::create_subnet {}),
		Action::root(SubnetsCall::force_create_subnet { owner: key(4) }),
		Action::signed(
			&owner_a,
			SubnetsCall::set_hyperparameters { netuid: a, hyperparameters: churning(&base) },
		),
		Action::root(SubnetsCall::set_hyperparameters {
			netuid: b,
			hyperparameters: steady(&base),
		}),
	];
	let mut neurons: Vec<(u16, AccountId, AccountId, Balance)> = Vec::new();
	for (i, coldkey) in A_COLDKEYS.iter().enumerate() {
		let stake = (1_000 + 250 * i as u128) * SYN;
		neurons.push((a, key(*coldkey), hotkey(0xA0, i), stake));
	}
	for (i, coldkey) in B_VALIDATORS.iter().chain(B_MINERS.iter()).enumerate() {
		let stake = if i < B_VALIDATORS.len() {
			5_000 + 1_000 * i as u128
		} else {
			100 + 50 * (i - B_VALIDATORS.len()) as u128
		};
		neurons.push((b, key(*coldkey), hotkey(0xB0, i), stake * SYN));
	}
	for (netuid, coldkey, hotkey, _) in &neurons {
		let call = SubnetsCall::register { netuid: *netuid, hotkey: hotkey.clone() };
		actions.push(Action::signed(coldkey, call));
	}
	for (_, coldkey, hotkey, stake) in &neurons {
		let call = StakingCall::add_stake { hotkey: hotkey.clone(), amount: *stake };
		actions.push(Action::signed(coldkey, call));
	}
	actions.push(Action::signed(
		&key(6),
		StakingCall::add_stake { hotkey: hotkey(0xB0, 0), amount: 500 * SYN },
	));
	for (i, (netuid, _, hotkey, _)) in neurons.iter().enumerate() {
		let endpoint = if *netuid == a {
			Endpoint::Ipv4 { ip: [127, 0, 0, 1], port: 9000 + i as u16 }
		} else {
			url(&format!("http://127.0.0.1:{}/artifacts", 9000 + i))
		};
		let call = SubnetsCall::serve_endpoint { netuid: *netuid, endpoint };
		actions.push(Action::signed(hotkey, call));
	}
	actions
}

fn churning(base: &Hyperparameters) -> Hyperparameters {
	let mut hp = base.clone();
	hp.max_uids = 16;
	hp.max_validators = 16;
	hp.immunity_period = 100;
	hp.serving_rate_limit = 5;
	hp.commit_reveal = false;
	hp
}

fn steady(base: &Hyperparameters) -> Hyperparameters {
	let mut hp = base.clone();
	hp.max_uids = 32;
	hp.max_validators = 5;
	hp.min_stake = 50 * SYN;
	hp.serving_rate_limit = 5;
	hp.commit_reveal = true;
	hp.reveal_period_epochs = 1;
	hp.jobs.verification_rate = Perbill::from_percent(50);
	hp
}

pub fn generate(g: &mut Gen) -> Action {
	// Every empty subnet dilutes the calls aimed at live ones, and the emission: past six
	// subnets creations are rare, about as rare as dissolutions.
	let create = if Subnets::netuids().len() >= 6 { 1 } else { 3 };
	match g.rng.weighted(&[create, create, 10, 3, 3, 2, 1, 16, 10]) {
		0 => create_subnet(g),
		1 => force_create_subnet(g),
		2 => set_hyperparameters(g),
		3 => set_hyperparameter_bounds(g),
		4 => set_default_hyperparameters(g),
		5 => set_subnet_deposit(g),
		6 => dissolve_subnet(g),
		7 => register(g),
		_ => serve_endpoint(g),
	}
}

/// For governance-only calls: root mostly, one time in eight a plain signer, and
/// [`Gen::vary_origin`]'s mix otherwise, so that the origin check meets callers it refuses.
pub(crate) fn governance_origin(g: &mut Gen) -> RuntimeOrigin {
	if g.rng.chance(1, 8) {
		RuntimeOrigin::signed(g.funded())
	} else {
		g.vary_origin(RuntimeOrigin::root())
	}
}

fn defaults() -> Hyperparameters {
	pallet_subnets::DefaultHyperparameters::<Runtime>::get()
		.unwrap_or_else(|| SubnetHyperparameters::with_burn(SYN, 100 * SYN))
}

fn bounds() -> Bounds {
	pallet_subnets::Bounds::<Runtime>::get().unwrap_or_else(|| {
		HyperparameterBounds::permissive(SYN / 10, 10_000 * SYN, 1_000_000 * SYN)
	})
}

fn clamp<T: Ord + Copy>(value: T, range: &Range<T>) -> T {
	value.max(range.min).min(range.max)
}

/// Any account; an unfunded one cannot afford the deposit.
fn create_subnet(g: &mut Gen) -> Action {
	let who = g.account();
	let origin = g.vary_origin(RuntimeOrigin::signed(who));
	Action { origin, call: SubnetsCall::create_subnet {}.into() }
}

fn force_create_subnet(g: &mut Gen) -> Action {
	let owner = g.account();
	Action { origin: governance_origin(g), call: SubnetsCall::force_create_subnet { owner }.into() }
}

/// The owner (or, a third of the time, root) changes one field of the current
/// hyperparameters; a fifth of the changes break one check instead.
fn set_hyperparameters(g: &mut Gen) -> Action {
	let netuid = g.netuid();
	let owner = Subnets::owner(netuid);
	let count = pallet_subnets::NeuronCount::<Runtime>::get(netuid);
	let by_governance = owner.is_none() || g.rng.chance(1, 3);
	let mut hyperparameters =
		pallet_subnets::Hyperparameters::<Runtime>::get(netuid).unwrap_or_else(defaults);
	if g.rng.chance(4, 5) {
		adjust(g, &mut hyperparameters, by_governance, count);
	} else {
		spoil(g, &mut hyperparameters, by_governance, count);
	}
	let origin = match owner {
		Some(owner) if !by_governance => RuntimeOrigin::signed(owner),
		_ => RuntimeOrigin::root(),
	};
	let origin = g.vary_origin(origin);
	Action { origin, call: SubnetsCall::set_hyperparameters { netuid, hyperparameters }.into() }
}

fn set_default_hyperparameters(g: &mut Gen) -> Action {
	let mut hyperparameters = defaults();
	if g.rng.chance(4, 5) {
		adjust(g, &mut hyperparameters, true, 0);
	} else {
		spoil(g, &mut hyperparameters, true, 0);
	}
	let call = SubnetsCall::set_default_hyperparameters { hyperparameters };
	Action { origin: governance_origin(g), call: call.into() }
}

/// Brings every bounded field into today's bounds: bounds that moved leave subnets outside
/// them, and then every change would fail until each field had been moved back by chance.
fn conform(hp: &mut Hyperparameters, b: &Bounds, count: u16) {
	hp.max_uids = clamp(hp.max_uids, &b.max_uids).max(count);
	hp.max_validators = clamp(hp.max_validators, &b.max_validators).min(hp.max_uids);
	hp.immunity_period = clamp(hp.immunity_period, &b.immunity_period);
	hp.min_stake = clamp(hp.min_stake, &b.min_stake);
	hp.min_burn = clamp(hp.min_burn, &b.burn);
	hp.max_burn = clamp(hp.max_burn, &b.burn).max(hp.min_burn);
	hp.serving_rate_limit = clamp(hp.serving_rate_limit, &b.serving_rate_limit);
	hp.tempo = clamp(hp.tempo, &b.tempo);
	hp.activity_cutoff_factor_milli =
		clamp(hp.activity_cutoff_factor_milli, &b.activity_cutoff_factor_milli);
	hp.weights_rate_limit = clamp(hp.weights_rate_limit, &b.weights_rate_limit);
	hp.reveal_period_epochs = clamp(hp.reveal_period_epochs, &b.reveal_period_epochs);
	hp.jobs.wrong_result_slash = hp.jobs.wrong_result_slash.min(b.max_job_slash);
	hp.jobs.liveness_slash = hp.jobs.liveness_slash.min(b.max_job_slash);
}

/// A valid change of one field, within the bounds and within a range that keeps the world
/// working: epochs every few blocks, registration affordable, permits for several, jobs that
/// fit the limits other generators post within. The consensus fields only for governance.
fn adjust(g: &mut Gen, hp: &mut Hyperparameters, governance: bool, count: u16) {
	let b = bounds();
	if g.rng.chance(1, 2) {
		conform(hp, &b, count);
	}
	match g.rng.below(if governance { 17 } else { 16 }) {
		0 => hp.registration_allowed = !hp.registration_allowed || g.rng.chance(2, 3),
		1 => {
			let low = count.max(hp.max_validators).max(b.max_uids.min);
			let high = b.max_uids.max.min(low.saturating_add(32));
			hp.max_uids = g.rng.between(low.into(), high.into()) as u16;
		},
		2 => {
			let low = b.max_validators.min.max(4);
			let high = b.max_validators.max.min(hp.max_uids);
			hp.max_validators = g.rng.between(low.into(), high.into()) as u16;
		},
		3 => hp.immunity_period = clamp(g.rng.between(0, 200) as u32, &b.immunity_period),
		4 => hp.min_stake = clamp(g.rng.amount(50 * SYN), &b.min_stake),
		5 => {
			hp.min_burn = clamp(SYN / 10 + g.rng.amount(5 * SYN), &b.burn);
			hp.max_burn = clamp(hp.min_burn + g.rng.amount(100 * SYN), &b.burn);
		},
		6 => {
			hp.burn_increase = Perbill::from_percent(g.rng.between(0, 50) as u32);
			hp.burn_decay = Perbill::from_parts(g.rng.between(0, 10_000_000) as u32);
		},
		7 => hp.serving_rate_limit = clamp(g.rng.between(0, 20) as u32, &b.serving_rate_limit),
		8 => hp.tempo = clamp(g.rng.between(3, 30) as u16, &b.tempo),
		9 => {
			let factor = g.rng.between(1_000, 50_000) as u32;
			hp.activity_cutoff_factor_milli = clamp(factor, &b.activity_cutoff_factor_milli);
		},
		10 => hp.weights_rate_limit = clamp(g.rng.between(0, 5) as u32, &b.weights_rate_limit),
		11 => hp.commit_reveal = !hp.commit_reveal,
		12 => {
			let period = g.rng.between(1, 3) as u16;
			hp.reveal_period_epochs = clamp(period, &b.reveal_period_epochs);
		},
		13 => {
			hp.min_allowed_weights = g.rng.between(1, 4) as u16;
			hp.max_weight_limit = if g.rng.chance(1, 2) {
				u16::MAX
			} else {
				g.rng.between(20_000, u16::MAX.into()) as u16
			};
		},
		14 => hp.weights_version = g.rng.below(4),
		15 => adjust_jobs(g, &mut hp.jobs, b.max_job_slash),
		_ => adjust_consensus(g, hp),
	}
}

/// Jobs keep their limits at or above the defaults, which other generators' jobs fit, and a
/// committee of at most four, which both prelude subnets can seat.
fn adjust_jobs(g: &mut Gen, policy: &mut JobPolicy, max_slash: Perbill) {
	let slash = Perbill::from_parts(g.rng.between(0, max_slash.deconstruct().into()) as u32);
	match g.rng.below(6) {
		0 => policy.verification_rate = Perbill::from_percent(g.rng.between(30, 100) as u32),
		5 => policy.spot_checks = g.rng.between(0, 3) as u8,
		1 => policy.committee_size = g.rng.between(1, 4) as u8,
		2 => policy.wrong_result_slash = slash,
		3 => policy.liveness_slash = slash,
		_ => {
			policy.max_megaflops = g.rng.between(10_000_000, 1_000_000_000);
			policy.max_memory_mib = g.rng.between(4_096, 65_536) as u32;
		},
	}
}

/// Governance's fields, each within its own consistency rule.
fn adjust_consensus(g: &mut Gen, hp: &mut Hyperparameters) {
	let max = u64::from(u16::MAX);
	match g.rng.below(7) {
		0 => hp.kappa = g.rng.between(0, max) as u16,
		1 => hp.bonds_penalty = g.rng.between(0, max) as u16,
		2 => hp.bonds_moving_average = g.rng.between(0, 1_000_000),
		3 => hp.yuma3 = !hp.yuma3,
		4 => hp.liquid_alpha = !hp.liquid_alpha,
		5 => {
			hp.alpha_low = g.rng.between(max / 40, max) as u16;
			hp.alpha_high = g.rng.between(hp.alpha_low.into(), max) as u16;
		},
		_ => hp.alpha_sigmoid_steepness = (g.rng.between(0, 4_000) as i64 - 1_000) as i16,
	}
}

/// An invalid change, each naming a different check; for the owner, a quarter of them are
/// valid consensus changes that only governance may make.
fn spoil(g: &mut Gen, hp: &mut Hyperparameters, governance: bool, count: u16) {
	if !governance && g.rng.chance(1, 4) {
		adjust_consensus(g, hp);
		return;
	}
	match g.rng.below(10) {
		0 => hp.tempo = 0,
		1 => hp.max_uids = count.saturating_sub(1),
		2 => hp.max_validators = hp.max_uids.saturating_add(1),
		3 => hp.min_burn = hp.max_burn.saturating_add(1),
		4 => hp.jobs.committee_size = if g.rng.chance(1, 2) { 0 } else { MAX_COMMITTEE_SIZE + 1 },
		5 => hp.jobs.max_memory_mib = MIN_JOB_MEMORY_MIB - 1,
		6 => hp.jobs.max_megaflops = if g.rng.chance(1, 2) { 0 } else { MAX_JOB_MEGAFLOPS + 1 },
		7 => hp.max_uids = MAX_UIDS + 1,
		8 => hp.alpha_high = hp.alpha_low.saturating_sub(1),
		_ => hp.jobs.wrong_result_slash = Perbill::one(),
	}
}

/// A range whose minimum is drawn from `min` and maximum from `max`, in the field's type
/// (every envelope below fits it).
fn span<N: TryFrom<u64>>(g: &mut Gen, min: (u64, u64), max: (u64, u64)) -> Range<N> {
	let mut draw = |(low, high): (u64, u64)| {
		N::try_from(g.rng.between(low, high)).unwrap_or_else(|_| panic!("{high} fits the field"))
	};
	let min = draw(min);
	Range { min, max: draw(max) }
}

/// One range moved within an envelope that never shuts registration or epochs out.
fn move_bounds(g: &mut Gen, b: &mut Bounds) {
	match g.rng.below(11) {
		0 => b.max_uids = span(g, (1, 8), (64, 256)),
		1 => b.max_validators = span(g, (1, 4), (64, 256)),
		2 => b.immunity_period = span(g, (0, 10), (1_000, 100_800)),
		3 => b.min_stake = Range { min: 0, max: g.rng.between(100, 1_000_000) as u128 * SYN },
		4 => {
			let Range { min, max } = span::<u128>(g, (SYN as u64 / 100, SYN as u64), (100, 10_000));
			b.burn = Range { min, max: max * SYN };
		},
		5 => b.serving_rate_limit = span(g, (0, 2), (100, 100_800)),
		6 => b.tempo = span(g, (1, 3), (100, 50_400)),
		7 => b.activity_cutoff_factor_milli = span(g, (500, 1_000), (20_000, 50_000)),
		8 => b.weights_rate_limit = span(g, (0, 1), (100, 100_800)),
		9 => b.reveal_period_epochs = Range { min: 1, max: g.rng.between(4, 100) as u16 },
		_ => b.max_job_slash = Perbill::from_percent(g.rng.between(10, 100) as u32),
	}
}

/// Bounds the pallet must refuse: a minimum above its maximum, or more uids than
/// `MaxUidsLimit`.
fn invert_bounds(g: &mut Gen, b: &mut Bounds) {
	match g.rng.below(4) {
		0 => b.max_uids.max = MAX_UIDS + 1,
		1 => b.tempo.min = b.tempo.max.saturating_add(1),
		2 => b.burn.min = b.burn.max.saturating_add(1),
		_ => b.max_validators.min = b.max_validators.max.saturating_add(1),
	}
}

fn set_hyperparameter_bounds(g: &mut Gen) -> Action {
	let mut bounds = bounds();
	if g.rng.chance(4, 5) {
		move_bounds(g, &mut bounds);
	} else {
		invert_bounds(g, &mut bounds);
	}
	let call = SubnetsCall::set_hyperparameter_bounds { bounds };
	Action { origin: governance_origin(g), call: call.into() }
}

/// The pallet takes any deposit; this one stays within what an endowed account can lock, so
/// that `create_subnet` keeps succeeding.
fn set_subnet_deposit(g: &mut Gen) -> Action {
	let deposit = match g.rng.below(4) {
		0 => 0,
		1 => 100 * SYN,
		_ => g.rng.amount(10_000 * SYN),
	};
	let call = SubnetsCall::set_subnet_deposit { deposit };
	Action { origin: governance_origin(g), call: call.into() }
}

/// A subnet with at least four staked neurons: one that jobs and colearn can use.
fn is_working(netuid: u16) -> bool {
	let staked = Subnets::neurons(netuid)
		.iter()
		.filter(|neuron| {
			pallet_synod_staking::Pools::<Runtime>::get(&neuron.hotkey).active.value > 0
		})
		.count();
	staked >= 4
}

/// Mostly an idle subnet (created by this generator, never staked); a working one only while
/// another remains, so that jobs keep flowing; otherwise a netuid never used.
fn dissolve_subnet(g: &mut Gen) -> Action {
	let (working, idle): (Vec<u16>, Vec<u16>) =
		Subnets::netuids().into_iter().partition(|netuid| is_working(*netuid));
	let netuid = if !idle.is_empty() && g.rng.chance(4, 5) {
		*g.rng.pick(&idle)
	} else if working.len() > 1 && g.rng.chance(1, 3) {
		*g.rng.pick(&working)
	} else {
		pallet_subnets::NextNetuid::<Runtime>::get().saturating_add(g.rng.below(4) as u16)
	};
	Action { origin: governance_origin(g), call: SubnetsCall::dissolve_subnet { netuid }.into() }
}

/// The `k`th hotkey of `coldkey`'s family: keyless, derived from the coldkey so that the same
/// few hotkeys recur (on a second subnet, again after a replacement) and stay the coldkey's.
fn family(coldkey: &AccountId, k: u8) -> AccountId {
	let mut raw: [u8; 32] = coldkey.clone().into();
	raw[0] ^= 0x5A;
	raw[31] = k;
	AccountId::from(raw)
}

/// A funded coldkey registers one of its hotkeys: one it registered on another subnet, or
/// one of its family. Off target: a hotkey of another coldkey, one already on the subnet,
/// a coldkey with nothing to burn, a netuid never used.
fn register(g: &mut Gen) -> Action {
	let netuid = g.netuid();
	let coldkey = g.funded();
	let owners: Vec<(AccountId, AccountId)> =
		pallet_subnets::HotkeyOwner::<Runtime>::iter().collect();
	if g.rng.chance(4, 5) {
		let elsewhere: Vec<AccountId> = owners
			.iter()
			.filter(|(hotkey, owner)| {
				*owner == coldkey && !pallet_subnets::Uids::<Runtime>::contains_key(netuid, hotkey)
			})
			.map(|(hotkey, _)| hotkey.clone())
			.collect();
		let hotkey = if !elsewhere.is_empty() && g.rng.chance(1, 3) {
			g.rng.pick(&elsewhere).clone()
		} else {
			family(&coldkey, g.rng.below(8) as u8)
		};
		return Action::signed(&coldkey, SubnetsCall::register { netuid, hotkey });
	}
	let (signer, netuid, hotkey) = match g.rng.below(4) {
		0 => {
			let theirs: Vec<AccountId> = owners
				.iter()
				.filter(|(_, owner)| *owner != coldkey)
				.map(|(hotkey, _)| hotkey.clone())
				.collect();
			let fallback = family(&coldkey, 0);
			let hotkey = g.pick_or(&theirs, 20, fallback);
			(coldkey, netuid, hotkey)
		},
		1 => match Subnets::neurons(netuid).first() {
			Some(neuron) => (neuron.coldkey.clone(), netuid, neuron.hotkey.clone()),
			None => (coldkey.clone(), netuid, family(&coldkey, 0)),
		},
		2 => {
			let poor = g.rng.pick(&g.pool.unfunded).clone();
			let hotkey = family(&poor, g.rng.below(8) as u8);
			(poor, netuid, hotkey)
		},
		_ => {
			let unknown =
				pallet_subnets::NextNetuid::<Runtime>::get().saturating_add(g.rng.below(4) as u16);
			let hotkey = family(&coldkey, 0);
			(coldkey, unknown, hotkey)
		},
	};
	let origin = g.vary_origin(RuntimeOrigin::signed(signer));
	Action { origin, call: SubnetsCall::register { netuid, hotkey }.into() }
}

fn url(text: &str) -> Endpoint {
	Endpoint::Url(BoundedVec::truncate_from(text.as_bytes().to_vec()))
}

fn good_endpoint(g: &mut Gen) -> Endpoint {
	let port = g.rng.between(1, u16::MAX.into()) as u16;
	match g.rng.below(3) {
		0 => {
			let (b, c) = (g.rng.below(256) as u8, g.rng.below(256) as u8);
			let ip = [10, b, c, g.rng.between(1, 254) as u8];
			Endpoint::Ipv4 { ip, port }
		},
		1 => {
			let mut ip = [0u8; 16];
			ip[0] = 0x20;
			ip[1] = 0x01;
			ip[15] = g.rng.between(1, 255) as u8;
			Endpoint::Ipv6 { ip, port }
		},
		_ => url(&format!("https://miner-{}.example.org:{port}/artifacts", g.rng.below(1000))),
	}
}

/// One endpoint for each refusal of `Endpoint::validate`.
fn bad_endpoint(g: &mut Gen) -> Endpoint {
	match g.rng.below(6) {
		0 => Endpoint::Ipv4 { ip: [127, 0, 0, 1], port: 0 },
		1 => {
			let unroutable: [[u8; 4]; 4] =
				[[0, 0, 0, 0], [255, 255, 255, 255], [224, 0, 0, 1], [239, 1, 2, 3]];
			Endpoint::Ipv4 { ip: *g.rng.pick(&unroutable), port: 80 }
		},
		2 => Endpoint::Ipv6 { ip: [0; 16], port: 443 },
		3 => {
			let mut ip = [0u8; 16];
			ip[0] = 0xff;
			ip[15] = 1;
			Endpoint::Ipv6 { ip, port: 443 }
		},
		_ => url(*g.rng.pick::<&str>(&[
			"ftp://x",
			"https://",
			"http:///path",
			"https://a b",
			"https://u@evil.org",
			"x",
		])),
	}
}

/// A registered hotkey whose rate limit has passed publishes a valid endpoint; off target, a
/// neuron that may be rate limited, an invalid endpoint, or a signer not on the subnet.
fn serve_endpoint(g: &mut Gen) -> Action {
	let netuid = g.netuid();
	let now = g.now();
	let limit = Subnets::hyperparameters(netuid).map_or(0, |hp| hp.serving_rate_limit);
	let neurons = Subnets::neurons(netuid);
	let ready: Vec<AccountId> = neurons
		.iter()
		.filter(|neuron| {
			pallet_subnets::Endpoints::<Runtime>::get(netuid, neuron.uid)
				.map_or(true, |served| now >= served.served_at.saturating_add(limit))
		})
		.map(|neuron| neuron.hotkey.clone())
		.collect();
	let fallback = g.account();
	let (hotkey, endpoint) = if g.rng.chance(4, 5) {
		let hotkey = g.pick_or(&ready, 10, fallback);
		(hotkey, good_endpoint(g))
	} else {
		let any: Vec<AccountId> = neurons.iter().map(|neuron| neuron.hotkey.clone()).collect();
		let hotkey = g.pick_or(&any, 4, fallback);
		let endpoint = if g.rng.chance(1, 3) { good_endpoint(g) } else { bad_endpoint(g) };
		(hotkey, endpoint)
	};
	let origin = g.vary_origin(RuntimeOrigin::signed(hotkey));
	Action { origin, call: SubnetsCall::serve_endpoint { netuid, endpoint }.into() }
}
