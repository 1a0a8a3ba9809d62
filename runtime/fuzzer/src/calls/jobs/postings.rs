//! Postings: valid specs of every kind priced above their cost, on subnets whose operators
//! can serve them, with deadlines short enough that jobs settle within tens of blocks; and
//! the postings the pallet must refuse (each spec and deadline error, a bounty below the
//! price, replicas out of bounds, unknown subnets, unfunded requesters).

use super::*;
/// A subnet with neurons, or any netuid when none has.
fn served_netuid(g: &mut Gen) -> NetUid {
	let served: Vec<NetUid> =
		Subnets::netuids().into_iter().filter(|n| Subnets::neuron_count(*n) > 0).collect();
	if served.is_empty() {
		g.netuid()
	} else {
		*g.rng.pick(&served)
	}
}

/// Mostly an endowed account that runs no neuron on `netuid`, so that none of the subnet's
/// operators is excluded from its job.
fn requester_for(g: &mut Gen, netuid: NetUid) -> AccountId {
	let neurons = Subnets::neurons(netuid);
	let outsiders: Vec<AccountId> = g
		.pool
		.funded
		.iter()
		.filter(|a| !neurons.iter().any(|n| &n.coldkey == *a || &n.hotkey == *a))
		.cloned()
		.collect();
	if !outsiders.is_empty() && g.rng.chance(3, 4) {
		g.rng.pick(&outsiders).clone()
	} else {
		g.funded()
	}
}

/// How many replicas `netuid` can serve for `requester`: its operators (coldkeys) besides
/// the requester, less the committee's seats when the job may be verified, from 1 to 3.
fn room(netuid: NetUid, requester: &AccountId, spec: &JobSpec, policy: &JobPolicy) -> u64 {
	let mut owners: Vec<AccountId> = Subnets::neurons(netuid)
		.into_iter()
		.filter(|n| &n.hotkey != requester && &n.coldkey != requester)
		.map(|n| n.coldkey)
		.collect();
	owners.sort();
	owners.dedup();
	let statistics = matches!(spec.kind, JobKind::FederatedStatistics { .. });
	let verified = !statistics && !policy.verification_rate.is_zero();
	let seats = if verified { policy.committee_size as usize } else { 0 };
	owners.len().saturating_sub(seats).clamp(1, 3) as u64
}

fn price(spec: &JobSpec, policy: &JobPolicy, replicas: u8) -> Balance {
	match spec.cost() {
		Ok(Some(cost)) => JobsPallet::price(spec, cost, policy, replicas),
		_ => 0,
	}
}

/// Up to four times the least the job may pay, plus up to a tenth of a SYN.
fn fair_bounty(g: &mut Gen, spec: &JobSpec, policy: &JobPolicy, replicas: u8) -> Balance {
	let floor = price(spec, policy, replicas).max(min_bounty());
	let extra = g.rng.below(SYN as u64 / 10) as Balance;
	floor.saturating_mul(g.rng.between(1, 4) as Balance).saturating_add(extra)
}

/// Deadlines that pass `check_deadlines` with a few blocks to spare, the job settling
/// within thirty blocks: assignment two to four blocks out, each window 4 to 7 blocks.
fn deadlines(g: &mut Gen) -> JobDeadlines<BlockNumber> {
	let now = g.now();
	let window = min_window();
	let assign_by = now + g.rng.between(2, 4) as BlockNumber;
	let commit_by = assign_by + window + g.rng.below(4) as BlockNumber;
	// Room for a spot-checked job's openings and plan, then the committee's window.
	let verify_by = commit_by + 2 * window + 1 + g.rng.below(4) as BlockNumber;
	let reveal_by = verify_by + window + g.rng.below(4) as BlockNumber;
	JobDeadlines { assign_by, commit_by, verify_by, reveal_by }
}

/// Deadlines with one of the defects `DeadlineError` names.
fn bad_deadlines(g: &mut Gen) -> JobDeadlines<BlockNumber> {
	let mut d = deadlines(g);
	let now = g.now();
	let window = min_window();
	match g.rng.below(7) {
		0 => d.assign_by = now + g.rng.below(2) as BlockNumber,
		1 => d.commit_by = d.assign_by,
		2 => {
			d.assign_by = now + 2;
			d.commit_by = now + 1 + window;
		},
		3 => d.verify_by = d.commit_by + 1 + window,
		4 => d.reveal_by = d.verify_by + window - 1,
		5 => d.reveal_by = now + max_duration() + 1 + g.rng.below(100) as BlockNumber,
		_ => d.commit_by = g.rng.next_u64() as BlockNumber,
	}
	d
}

fn artifact(g: &mut Gen, index: u64) -> Artifact {
	let uri = format!("https://data.example/{}/{index}.bin", g.rng.below(1000));
	Artifact { hash: g.rng.bytes32(), uri: BoundedVec::truncate_from(uri.into_bytes()) }
}

/// A training or inference spec of one of the cost model's architectures, its declared
/// shape fit for the architecture, well under a gigaflop: priced at the minimum bounty.
fn model_spec(g: &mut Gen, kind: JobKind) -> JobSpec {
	let settings = Settings {
		mode: if g.rng.chance(1, 4) { Mode::Fast } else { Mode::Verifiable },
		epochs: g.rng.between(1, 5) as u32,
		batch_size: g.rng.between(1, 64) as u32,
		learning_rate_micros: g.rng.between(1, 10_000) as u32,
		hidden: (0..g.rng.below(3)).map(|_| g.rng.between(1, 32) as u32).collect(),
		image_side: g.rng.between(2, 12) as u32,
	};
	let rows = g.rng.between(1, 2000) as u32;
	let features = g.rng.between(1, 64) as u32;
	let outputs = g.rng.between(2, 10) as u32;
	let (architecture, shape) = match g.rng.below(4) {
		0 => (&b"mlp"[..], InputShape { rows, features, outputs }),
		1 => {
			let features = settings.image_side * settings.image_side;
			(&b"cnn"[..], InputShape { rows, features, outputs })
		},
		2 => (&b"logistic-regression"[..], InputShape { rows, features, outputs }),
		_ => (&b"linear-regression"[..], InputShape { rows, features, outputs: 1 }),
	};
	let count = g.rng.between(1, 3);
	JobSpec {
		kind,
		architecture: BoundedVec::truncate_from(architecture.to_vec()),
		architecture_version: 1,
		inputs: BoundedVec::truncate_from((0..count).map(|i| artifact(g, i)).collect()),
		hyperparameters: BoundedVec::truncate_from(settings.encode()),
		seed: g.rng.next_u64(),
		shape,
	}
}

/// Makes `spec` train an MLP with one hidden layer of `width` for `epochs` on `rows` rows of
/// `features`: from 500 epochs of 2000 rows of 64 its price passes the minimum bounty, and
/// 1000 epochs of 100000 rows of 512 through 1024 are over any default compute limit.
fn retrain(spec: &mut JobSpec, epochs: u32, width: u32, rows: u32, features: u32) {
	let settings = Settings { epochs, hidden: vec![width], ..Settings::default() };
	spec.kind = JobKind::Train;
	spec.architecture = BoundedVec::truncate_from(b"mlp".to_vec());
	spec.hyperparameters = BoundedVec::truncate_from(settings.encode());
	spec.shape = InputShape { rows, features, outputs: 10 };
}

/// A federated statistics spec: no shape, no settings, inputs optional.
fn statistics_spec(g: &mut Gen, columns: u16) -> JobSpec {
	let count = g.rng.below(2);
	JobSpec {
		kind: JobKind::FederatedStatistics { columns },
		architecture: BoundedVec::truncate_from(b"moments".to_vec()),
		architecture_version: 1,
		inputs: BoundedVec::truncate_from((0..count).map(|i| artifact(g, i)).collect()),
		hyperparameters: BoundedVec::new(),
		seed: g.rng.next_u64(),
		shape: InputShape::default(),
	}
}

fn valid_spec(g: &mut Gen) -> JobSpec {
	match g.rng.below(20) {
		0..=8 => model_spec(g, JobKind::Train),
		9..=13 => model_spec(g, JobKind::Infer),
		_ => {
			// Mostly a few columns; sometimes up to `MAX_COLUMNS`.
			let most = if g.rng.chance(1, 10) { 64 } else { 4 };
			let columns = g.rng.between(1, most) as u16;
			statistics_spec(g, columns)
		},
	}
}

/// A spec with one of the defects `JobSpec::validate` names, or over the compute limit.
fn bad_spec(g: &mut Gen) -> JobSpec {
	let mut spec = model_spec(g, JobKind::Train);
	match g.rng.below(11) {
		0 => spec.architecture = BoundedVec::new(),
		1 => spec.architecture = BoundedVec::truncate_from(b"m l p".to_vec()),
		2 => spec.architecture = BoundedVec::truncate_from(b"transformer".to_vec()),
		3 => spec.architecture_version = g.rng.between(2, u32::MAX as u64) as u32,
		4 => spec.inputs = BoundedVec::new(),
		5 => {
			let uri = BoundedVec::truncate_from(b"ftp://data.example/x".to_vec());
			spec.inputs = BoundedVec::truncate_from(vec![Artifact { hash: [0; 32], uri }]);
		},
		6 => {
			// Shorter than any encoding of the settings, so never decodable.
			let len = g.rng.below(8) as usize;
			spec.hyperparameters = BoundedVec::truncate_from(g.rng.bytes(len));
		},
		7 => spec.shape.outputs = u32::MAX,
		8 => spec = statistics_spec(g, 0),
		9 => {
			spec = statistics_spec(g, 2);
			spec.shape.rows = g.rng.between(1, 100) as u32;
		},
		_ => retrain(&mut spec, 1000, 1024, 100_000, 512),
	}
	spec
}

/// A job its subnet can serve: a requester with no neuron there, as many replicas as there
/// are operators besides the committee's, a bounty above the price, short deadlines.
pub(super) fn post_job(g: &mut Gen) -> Action {
	let netuid = served_netuid(g);
	let requester = requester_for(g, netuid);
	let spec = valid_spec(g);
	let policy = policy_of(netuid);
	let room = room(netuid, &requester, &spec, &policy);
	let replicas = g.rng.between(1, room) as u8;
	let bounty = fair_bounty(g, &spec, &policy, replicas);
	let deadlines = deadlines(g);
	let call = Jobs::post_job { netuid, spec: Box::new(spec), bounty, replicas, deadlines };
	sign(g, &requester, call)
}

/// A posting with one thing wrong, or one valid but that its subnet is unlikely to serve
/// (more replicas than operators), which then expires.
pub(super) fn stray_post_job(g: &mut Gen) -> Action {
	let mut netuid = served_netuid(g);
	let mut requester = requester_for(g, netuid);
	let mut spec = valid_spec(g);
	let policy = policy_of(netuid);
	let room = room(netuid, &requester, &spec, &policy);
	let mut replicas = g.rng.between(1, room) as u8;
	let mut bounty = fair_bounty(g, &spec, &policy, replicas);
	let mut deadlines = deadlines(g);
	match g.rng.below(9) {
		0 | 1 => spec = bad_spec(g),
		2 | 3 => deadlines = bad_deadlines(g),
		4 => {
			spec = model_spec(g, JobKind::Train);
			retrain(&mut spec, g.rng.between(500, 1000) as u32, 32, 2000, 64);
			let price = price(&spec, &policy, replicas);
			bounty = if price > min_bounty() { price - 1 } else { min_bounty() - 1 };
		},
		5 => {
			let huge = g.rng.between(max_replicas() as u64 + 1, u8::MAX as u64) as u8;
			replicas = if g.rng.chance(1, 2) { 0 } else { huge };
		},
		6 => netuid = u16::MAX - g.rng.below(4) as u16,
		7 => {
			if g.rng.chance(1, 2) {
				requester = g.rng.pick(&g.pool.unfunded).clone();
			} else {
				bounty = g.rng.amount(u128::MAX);
			}
		},
		_ => replicas = g.rng.between(room + 1, max_replicas() as u64) as u8,
	}
	let call = Jobs::post_job { netuid, spec: Box::new(spec), bounty, replicas, deadlines };
	Action::signed(&requester, call)
}
