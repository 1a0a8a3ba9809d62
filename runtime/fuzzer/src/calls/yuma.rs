//! Yuma: weights set at once on subnets without commit-reveal, committed and later revealed
//! on those with it, and governance's emission schedule and subnet shares. Weights come from
//! permit holders free of the rate limit, on distinct live uids, at least the subnet's
//! minimum of them and within its largest weight. A commit is hashed by the pallet's own
//! [`pallet_yuma::Pallet::commit_hash`], which its reveal recomputes, and the [`Memo`] keeps
//! what the reveal must repeat; reveals aim at commits whose reveal epoch is the current one.

use frame_support::{traits::Get, BoundedVec};
use pallet_yuma::{EpochIndex, LastUpdate, NeuronOutputs, WeightCommits};
use sp_runtime::Perbill;
use synod_primitives::subnet::{SubnetHyperparameters, SubnetRegistry};
use synod_runtime::{
	currency::SYN, AccountId, Balance, BlockNumber, Runtime, RuntimeOrigin, Subnets,
};

use crate::{
	calls::subnets::governance_origin,
	world::{Action, Gen},
};

type YumaCall = pallet_yuma::Call<Runtime>;
type Yuma = pallet_yuma::Pallet<Runtime>;
type CommitHash = <Runtime as frame_system::Config>::Hash;

/// The most commits remembered; older ones are long expired.
const MEMORY: usize = 256;

/// Weights as a call carries them.
#[derive(Clone)]
struct Weights {
	uids: Vec<u16>,
	values: Vec<u16>,
	version_key: u64,
}

/// What a commit hid, with everything its reveal must repeat.
struct Commit {
	netuid: u16,
	hotkey: AccountId,
	weights: Weights,
	salt: Vec<u16>,
	hash: CommitHash,
}

/// The weight commits made, for their reveals.
#[derive(Default)]
pub struct Memo {
	commits: Vec<Commit>,
}

/// Where a remembered commit stands on chain.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Standing {
	/// Its reveal epoch is the subnet's current one.
	Ripe,
	/// Its reveal epoch is still ahead.
	Early,
	/// Its reveal epoch has passed; the pallet still holds it.
	Expired,
	/// Revealed, dropped or never accepted.
	Gone,
}

pub fn generate(g: &mut Gen) -> Action {
	match g.rng.weighted(&[10, 8, 8, 2, 2]) {
		0 => set_weights(g),
		1 => commit_weights(g),
		2 => reveal_weights(g),
		3 => set_emission_parameters(g),
		_ => set_subnet_share(g),
	}
}

fn bounded<S: Get<u32>>(values: Vec<u16>) -> BoundedVec<u16, S> {
	BoundedVec::truncate_from(values)
}

/// A live subnet whose `commit_reveal` is as asked, nine times in ten; any netuid otherwise.
fn netuid_with(g: &mut Gen, commit_reveal: bool) -> u16 {
	let matching: Vec<u16> = Subnets::netuids()
		.into_iter()
		.filter(|netuid| {
			Subnets::hyperparameters(*netuid).is_some_and(|hp| hp.commit_reveal == commit_reveal)
		})
		.collect();
	if !matching.is_empty() && g.rng.chance(9, 10) {
		*g.rng.pick(&matching)
	} else {
		g.netuid()
	}
}

fn has_permit(netuid: u16, uid: u16) -> bool {
	NeuronOutputs::<Runtime>::get(netuid, uid).is_some_and(|output| output.validator_permit)
}

/// Whether `uid` may update its weights at `now`: it never did, or `limit` blocks passed.
fn ready(netuid: u16, uid: u16, limit: u32, now: BlockNumber) -> bool {
	LastUpdate::<Runtime>::get(netuid, uid).map_or(true, |last| now.saturating_sub(last) >= limit)
}

/// At least `min_allowed_weights` distinct uids, with weights that respect
/// `max_weight_limit`: where it binds, equal weights on enough uids that none exceeds it
/// (one more than the bare quotient, clear of the fixed-point rounding).
fn spread(g: &mut Gen, hp: &SubnetHyperparameters<Balance>, n: u16) -> (Vec<u16>, Vec<u16>) {
	let limited = hp.max_weight_limit < u16::MAX;
	let mut fewest = hp.min_allowed_weights.min(n).max(1);
	if limited {
		let needed = u32::from(u16::MAX) / u32::from(hp.max_weight_limit.max(1)) + 1;
		fewest = fewest.max(needed.min(n.into()) as u16);
	}
	let count = g.rng.between(fewest.into(), n.max(fewest).into()) as usize;
	let mut uids: Vec<u16> = (0..n).collect();
	for i in 0..count.min(uids.len()) {
		let j = i + g.rng.below((uids.len() - i) as u64) as usize;
		uids.swap(i, j);
	}
	uids.truncate(count);
	let values: Vec<u16> = uids
		.iter()
		.map(|_| if limited { u16::MAX } else { g.rng.between(1, u16::MAX.into()) as u16 })
		.collect();
	(uids, values)
}

/// A permit holder of `netuid` (free of the rate limit when `rate_limited`) with valid
/// weights; one time in ten, or when nobody holds a permit, a neuron's single weight on
/// itself, which needs none.
fn aim(g: &mut Gen, netuid: u16, rate_limited: bool) -> (AccountId, Weights) {
	let Some(hp) = Subnets::hyperparameters(netuid) else {
		let who = g.account();
		return (who, Weights { uids: vec![0], values: vec![1], version_key: 0 });
	};
	let now = g.now();
	let neurons = Subnets::neurons(netuid);
	let n = neurons.len() as u16;
	let permitted: Vec<AccountId> = neurons
		.iter()
		.filter(|neuron| has_permit(netuid, neuron.uid))
		.filter(|neuron| !rate_limited || ready(netuid, neuron.uid, hp.weights_rate_limit, now))
		.map(|neuron| neuron.hotkey.clone())
		.collect();
	let version_key = hp.weights_version.saturating_add(g.rng.below(2));
	if permitted.is_empty() || g.rng.chance(1, 10) {
		let value = g.rng.between(1, u16::MAX.into()) as u16;
		return match neurons.get(g.rng.below(n.into()) as usize) {
			Some(neuron) => {
				let weights = Weights { uids: vec![neuron.uid], values: vec![value], version_key };
				(neuron.hotkey.clone(), weights)
			},
			None => (g.account(), Weights { uids: vec![0], values: vec![value], version_key }),
		};
	}
	let hotkey = g.rng.pick(&permitted).clone();
	let (uids, values) = spread(g, &hp, n);
	(hotkey, Weights { uids, values, version_key })
}

/// Breaks one check of the pallet's `do_set_weights`.
fn corrupt(g: &mut Gen, netuid: u16, hotkey: &mut AccountId, weights: &mut Weights) {
	let n = Subnets::neuron_count(netuid);
	let version = Subnets::hyperparameters(netuid).map_or(0, |hp| hp.weights_version);
	match g.rng.below(8) {
		0 => {
			let first = weights.uids.first().copied().unwrap_or(0);
			weights.uids.extend([first, first]);
			weights.values.extend([1, 1]);
		},
		1 => {
			weights.uids.push(n + g.rng.below(4) as u16);
			weights.values.push(1);
		},
		2 => weights.values.push(1),
		3 => {
			weights.uids = (0..=n).collect();
			weights.values = vec![1; weights.uids.len()];
		},
		4 if version > 0 => weights.version_key = version - 1,
		5 => {
			let unpermitted: Vec<AccountId> = Subnets::neurons(netuid)
				.into_iter()
				.filter(|neuron| !has_permit(netuid, neuron.uid))
				.map(|neuron| neuron.hotkey)
				.collect();
			let fallback = g.account();
			*hotkey = g.pick_or(&unpermitted, 10, fallback);
		},
		6 => {
			weights.uids.truncate(1);
			weights.values.truncate(1);
		},
		_ => *hotkey = g.account(),
	}
}

fn set_weights(g: &mut Gen) -> Action {
	let netuid = netuid_with(g, false);
	let (mut hotkey, mut weights) = aim(g, netuid, true);
	if g.rng.chance(1, 5) {
		corrupt(g, netuid, &mut hotkey, &mut weights);
	}
	let origin = g.vary_origin(RuntimeOrigin::signed(hotkey));
	let call = YumaCall::set_weights {
		netuid,
		uids: bounded(weights.uids),
		values: bounded(weights.values),
		version_key: weights.version_key,
	};
	Action { origin, call: call.into() }
}

/// Commits to weights that would pass at the reveal, mostly, and remembers them; a commit
/// the pallet refuses is forgotten at the next reveal.
fn commit_weights(g: &mut Gen) -> Action {
	let netuid = netuid_with(g, true);
	let (mut hotkey, mut weights) = aim(g, netuid, true);
	if g.rng.chance(1, 8) {
		corrupt(g, netuid, &mut hotkey, &mut weights);
	}
	let salt: Vec<u16> = (0..g.rng.between(0, 8)).map(|_| g.rng.next_u64() as u16).collect();
	let hash = Yuma::commit_hash(
		&hotkey,
		netuid,
		&weights.uids,
		&weights.values,
		&salt,
		weights.version_key,
	);
	let origin = g.vary_origin(RuntimeOrigin::signed(hotkey.clone()));
	let commits = &mut g.memo.yuma.commits;
	if commits.len() >= MEMORY {
		commits.remove(0);
	}
	commits.push(Commit { netuid, hotkey, weights, salt, hash });
	Action { origin, call: YumaCall::commit_weights { netuid, hash }.into() }
}

fn standing(commit: &Commit) -> Standing {
	let Some(hp) = Subnets::hyperparameters(commit.netuid) else { return Standing::Gone };
	let held = WeightCommits::<Runtime>::get(commit.netuid, &commit.hotkey);
	let Some(held) = held.iter().find(|held| held.hash == commit.hash) else {
		return Standing::Gone;
	};
	let due = held.epoch.saturating_add(hp.reveal_period_epochs.into());
	match EpochIndex::<Runtime>::get(commit.netuid).cmp(&due) {
		core::cmp::Ordering::Less => Standing::Early,
		core::cmp::Ordering::Equal => Standing::Ripe,
		core::cmp::Ordering::Greater => Standing::Expired,
	}
}

fn index_of(g: &mut Gen, held: &[(Commit, Standing)], wanted: Standing) -> Option<usize> {
	let matching: Vec<usize> = held
		.iter()
		.enumerate()
		.filter(|(_, (_, standing))| *standing == wanted)
		.map(|(index, _)| index)
		.collect();
	(!matching.is_empty()).then(|| *g.rng.pick(&matching))
}

fn reveal(
	g: &mut Gen,
	netuid: u16,
	hotkey: AccountId,
	weights: Weights,
	salt: Vec<u16>,
	vary: bool,
) -> Action {
	let origin = RuntimeOrigin::signed(hotkey);
	let origin = if vary { g.vary_origin(origin) } else { origin };
	let call = YumaCall::reveal_weights {
		netuid,
		uids: bounded(weights.uids),
		values: bounded(weights.values),
		salt: bounded(salt),
		version_key: weights.version_key,
	};
	Action { origin, call: call.into() }
}

/// A ripe commit opened as committed, four times in five; otherwise an early, expired or
/// gone one, or a ripe one with a wrong salt, version or signer (kept for its true reveal),
/// or weights nobody committed. Commits the pallet no longer holds are forgotten.
fn reveal_weights(g: &mut Gen) -> Action {
	let mut held: Vec<(Commit, Standing)> = core::mem::take(&mut g.memo.yuma.commits)
		.into_iter()
		.map(|commit| {
			let standing = standing(&commit);
			(commit, standing)
		})
		.collect();
	let wanted = if g.rng.chance(4, 5) {
		Standing::Ripe
	} else {
		*g.rng.pick(&[Standing::Early, Standing::Expired, Standing::Gone, Standing::Ripe])
	};
	let chosen = index_of(g, &held, wanted).or_else(|| index_of(g, &held, Standing::Ripe));
	let action = match chosen {
		Some(index) => {
			let (commit, standing) = held.swap_remove(index);
			let spoil = wanted != Standing::Ripe && standing == Standing::Ripe;
			let action = open(g, &commit, spoil);
			if standing == Standing::Early || spoil {
				held.push((commit, standing));
			}
			action
		},
		None => {
			let netuid = netuid_with(g, true);
			let (hotkey, weights) = aim(g, netuid, false);
			let salt = vec![g.rng.next_u64() as u16];
			reveal(g, netuid, hotkey, weights, salt, true)
		},
	};
	g.memo.yuma.commits = held
		.into_iter()
		.filter(|(_, standing)| *standing != Standing::Gone)
		.map(|(commit, _)| commit)
		.collect();
	action
}

/// The reveal of `commit`, or with `spoil` one that must not match it.
fn open(g: &mut Gen, commit: &Commit, spoil: bool) -> Action {
	let mut hotkey = commit.hotkey.clone();
	let mut weights = commit.weights.clone();
	let mut salt = commit.salt.clone();
	if spoil {
		match g.rng.below(3) {
			0 => salt.push(g.rng.next_u64() as u16),
			1 => weights.version_key = weights.version_key.wrapping_add(1),
			_ => hotkey = g.account(),
		}
	}
	reveal(g, commit.netuid, hotkey, weights, salt, spoil)
}

/// One parameter moved within what keeps emission flowing: a block emission of 0.1 to 10
/// SYN, a cap well above what was released, an owner cut up to half, a stake threshold far
/// below the prelude's stakes. Off target: a cap below what was already released.
fn set_emission_parameters(g: &mut Gen) -> Action {
	let mut parameters = pallet_yuma::Parameters::<Runtime>::get();
	let released = pallet_yuma::Released::<Runtime>::get();
	if g.rng.chance(4, 5) || released == 0 {
		match g.rng.below(4) {
			0 => parameters.initial_block_emission = SYN / 10 + g.rng.amount(10 * SYN),
			1 => {
				let room = g.rng.between(1_000_000, 21_000_000) as u128 * SYN;
				parameters.supply_cap = released.saturating_add(room);
			},
			2 => parameters.owner_cut = Perbill::from_percent(g.rng.between(0, 50) as u32),
			_ => parameters.stake_threshold = g.rng.amount(10 * SYN),
		}
	} else {
		parameters.supply_cap = released - 1 - g.rng.amount(released - 1);
	}
	let call = YumaCall::set_emission_parameters { parameters };
	Action { origin: governance_origin(g), call: call.into() }
}

/// Shares of up to a thousand parts, so that no live subnet's emission rounds to nothing;
/// a share of 0 (the even split, if every share is) one time in eight.
fn set_subnet_share(g: &mut Gen) -> Action {
	let netuid = g.netuid();
	let share = match g.rng.below(8) {
		0 => 0,
		1..=3 => g.rng.between(1, 10) as u32,
		_ => g.rng.between(1, 1_000) as u32,
	};
	let call = YumaCall::set_subnet_share { netuid, share };
	Action { origin: governance_origin(g), call: call.into() }
}
