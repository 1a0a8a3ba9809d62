//! Spot-checked jobs: the trace an honest miner of a job opens, the reports its committee
//! makes once the plan is fixed, and openings in and out of their window.

use super::*;
use pallet_jobs::{SpotCheck, TraceLeavesOf};
use synod_trace::{trace_key, Trace, TrainingLayout};

/// The layout of `job` if it is in flight and spot-checked.
pub(super) fn layout(job: JobId) -> Option<TrainingLayout> {
	let record = pallet_jobs::JobRecords::<Runtime>::get(job)?;
	JobsPallet::spot_check_layout(&record)
}

/// The trace every honest miner of spot-checked `job` computes: fixed by the job.
pub(super) fn honest_trace(job: JobId) -> Option<Trace> {
	let segments = layout(job)?.segments();
	let seed = pallet_jobs::JobRecords::<Runtime>::get(job)?.spec.seed;
	let hash = |tag: &[u8], index: u32| {
		sp_io::hashing::blake2_256(&(b"synod-fuzz/trace", tag, job, index).encode())
	};
	Some(Trace {
		key: trace_key(job, seed),
		checkpoints: (0..=segments).map(|i| hash(b"checkpoint", i)).collect(),
		output: hash(b"output", 0),
	})
}

/// What a seat of spot-checked `job` reports: a refusal where the job's truth is one; once
/// the plan is fixed, the honest trace's values at its places (one time in ten something
/// else); before it, that it could not start.
pub(super) fn spot_claim(g: &mut Gen, job: JobId) -> SpotCheck {
	if let JobResult::Refused(reason) = truth(job) {
		return SpotCheck::Refused(reason);
	}
	let (Some(plan), Some(trace)) =
		(pallet_jobs::CheckPlans::<Runtime>::get(job), honest_trace(job))
	else {
		return SpotCheck::Unreachable;
	};
	let lying = g.rng.chance(1, 10);
	let values: Vec<[u8; 32]> = plan
		.places
		.iter()
		.map(|&place| if lying { g.rng.bytes32() } else { trace.value(place) })
		.collect();
	SpotCheck::Reached(BoundedVec::truncate_from(values))
}

/// Whether `job` takes openings now: assigned, spot-checked, after its commit deadline and
/// within `MinWindow` blocks of it.
fn open_window(job: JobId, now: BlockNumber) -> bool {
	pallet_jobs::JobRecords::<Runtime>::get(job).is_some_and(|r| {
		r.state == JobState::Assigned
			&& JobsPallet::spot_check_layout(&r).is_some()
			&& now > r.deadlines.commit_by
			&& now <= r.deadlines.commit_by + min_window()
	})
}

/// A miner that committed to the honest root of a spot-checked job opens its trace in the
/// window, as committed.
pub(super) fn open_trace(g: &mut Gen) -> Option<Action> {
	let now = g.now();
	let due: Vec<(JobId, AccountId, [u8; 32])> = g
		.memo
		.jobs
		.results
		.iter()
		.filter(|o| {
			o.revealed_at != Some(now)
				&& open_window(o.job, now)
				&& pallet_jobs::ResultCommits::<Runtime>::get(o.job, &o.who) == Some(o.commitment)
				&& !pallet_jobs::ResultReveals::<Runtime>::contains_key(o.job, &o.who)
				&& honest_trace(o.job).is_some_and(|t| o.payload == JobResult::Digest(t.root()))
		})
		.map(|o| (o.job, o.who.clone(), o.salt))
		.collect();
	if due.is_empty() {
		return None;
	}
	let (job, who, salt) = g.rng.pick(&due).clone();
	if let Some(o) = g.memo.jobs.results.iter_mut().find(|o| o.job == job && o.who == who) {
		o.revealed_at = Some(now);
	}
	let leaves = TraceLeavesOf::truncate_from(honest_trace(job)?.leaves());
	let uri = uri_for(job, &truth(job));
	Some(sign(g, &who, Jobs::open_trace { job, leaves, salt, uri }))
}

/// An opening of any job by any party or anyone: leaves of another trace, of the wrong
/// count, a changed salt or no URI, in or out of the window.
pub(super) fn stray_open_trace(g: &mut Gen) -> Action {
	let remembered: Vec<(JobId, AccountId, [u8; 32])> =
		g.memo.jobs.results.iter().map(|o| (o.job, o.who.clone(), o.salt)).collect();
	let (job, who, mut salt) = match g.rng.chance(2, 3) && !remembered.is_empty() {
		true => g.rng.pick(&remembered).clone(),
		false => {
			let job = any_job(g);
			(job, stray_signer(g, job), g.rng.bytes32())
		},
	};
	let mut leaves = honest_trace(job).map(|t| t.leaves()).unwrap_or_default();
	let mut uri = uri_for(job, &JobResult::Digest([0; 32]));
	match g.rng.below(4) {
		0 => salt[0] ^= 1,
		1 => {
			leaves.pop();
		},
		2 => leaves.iter_mut().take(1).for_each(|leaf| *leaf = g.rng.bytes32()),
		_ => uri = ResultUri::new(),
	}
	let leaves = TraceLeavesOf::truncate_from(leaves);
	Action::signed(&who, Jobs::open_trace { job, leaves, salt, uri })
}
