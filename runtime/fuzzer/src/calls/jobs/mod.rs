//! Pallet-jobs calls that walk jobs through their whole life: postings priced above their
//! cost on subnets whose operators can serve them, then each assigned miner's, provider's
//! and committee seat's commitment in its window and its reveal after `verify_by`, opened
//! from what this generator remembers. Parties mostly agree on one result per job, so that
//! jobs settle on a truth; sometimes they lie, refuse or stay silent, so that slashes and
//! disputes happen. One call in five (and any call whose phase no job is in) is built off
//! target instead: wrong signer, phase, payload, salt, URI, bounty, spec or deadlines, so
//! that every refusal of the pallet is met too.

use codec::Encode;
use frame_support::{traits::Get, BoundedVec};
use pallet_jobs::{
	Artifact, ColumnMoments, InputShape, JobDeadlines, JobId, JobKind, JobPolicy, JobResult,
	JobSpec, JobState, MomentsOf, RefusalReason, ResultUri,
};
use synod_primitives::{
	cost::{Mode, Settings},
	job::STATS_SCALE,
	subnet::SubnetRegistry,
	NetUid,
};
use synod_runtime::{
	currency::SYN, AccountId, Balance, BlockNumber, Hash, Runtime, RuntimeOrigin, Subnets,
};

use crate::world::{Action, Gen};

type Jobs = pallet_jobs::Call<Runtime>;
type JobsPallet = pallet_jobs::Pallet<Runtime>;
type Record = pallet_jobs::Job<AccountId, Balance, BlockNumber>;

/// One commitment this generator built, and what opens it.
struct Opening<P> {
	job: JobId,
	who: AccountId,
	payload: P,
	salt: [u8; 32],
	commitment: Hash,
	/// The block it was built in: a block's calls are all built before any is dispatched,
	/// so storage does not show this block's commitments yet.
	made_at: BlockNumber,
	/// The block an aimed reveal of it was built in, for the same reason.
	revealed_at: Option<BlockNumber>,
}

/// What the commit calls hid, kept until their job leaves storage.
#[derive(Default)]
pub struct Memo {
	results: Vec<Opening<JobResult>>,
	verifications: Vec<Opening<SeatReport>>,
	moments: Vec<Opening<MomentsOf>>,
}

impl Memo {
	/// Forgets the openings of jobs that settled, expired or were cancelled.
	fn forget_gone(&mut self) {
		self.results.retain(|o| in_flight(o.job));
		self.verifications.retain(|o| in_flight(o.job));
		self.moments.retain(|o| in_flight(o.job));
	}
}

/// What a committee seat commits to: a reproduction of a job verified whole, or a report on
/// a spot-checked one.
#[derive(Clone, PartialEq)]
pub enum SeatReport {
	Whole(JobResult),
	Spot(pallet_jobs::SpotCheck),
}

/// How often each call is drawn: post, cancel, commit and reveal of a result, of a
/// verification, of moments, and a trace's opening. Few postings, since each job needs a
/// commit and a reveal from every party and a block carries few jobs calls.
const CALLS: [u32; 9] = [2, 1, 5, 5, 5, 5, 3, 3, 3];

pub fn generate(g: &mut Gen) -> Action {
	g.memo.jobs.forget_gone();
	let call = g.rng.weighted(&CALLS);
	if g.rng.chance(4, 5) {
		// A call whose phase no job is in gives way to the next that has work, so that live
		// jobs keep moving; posting always has a target and ends the round.
		for offset in 0..CALLS.len() {
			if let Some(action) = aim(g, (call + offset) % CALLS.len()) {
				return action;
			}
		}
	}
	stray(g, call)
}

fn aim(g: &mut Gen, call: usize) -> Option<Action> {
	match call {
		0 => Some(post_job(g)),
		1 => cancel_job(g),
		2 => commit(g, &MINERS),
		3 => reveal(g, &MINERS),
		4 => commit(g, &SEATS),
		5 => reveal(g, &SEATS),
		6 => commit(g, &PROVIDERS),
		7 => reveal(g, &PROVIDERS),
		_ => traces::open_trace(g),
	}
}

fn stray(g: &mut Gen, call: usize) -> Action {
	match call {
		0 => stray_post_job(g),
		1 => stray_cancel_job(g),
		2 => stray_commit(g, &MINERS),
		3 => stray_reveal(g, &MINERS),
		4 => stray_commit(g, &SEATS),
		5 => stray_reveal(g, &SEATS),
		6 => stray_commit(g, &PROVIDERS),
		7 => stray_reveal(g, &PROVIDERS),
		_ => traces::stray_open_trace(g),
	}
}

/// `call` signed by `who`, its origin varied one time in four so that the pallet's origin
/// checks meet root and strangers on calls that would otherwise succeed.
fn sign(g: &mut Gen, who: &AccountId, call: Jobs) -> Action {
	let origin = RuntimeOrigin::signed(who.clone());
	let origin = if g.rng.chance(1, 4) { g.vary_origin(origin) } else { origin };
	Action { origin, call: call.into() }
}

fn min_window() -> BlockNumber {
	<Runtime as pallet_jobs::Config>::MinWindow::get()
}

fn max_replicas() -> u32 {
	<Runtime as pallet_jobs::Config>::MaxReplicas::get()
}

fn min_bounty() -> Balance {
	<Runtime as pallet_jobs::Config>::MinBounty::get()
}

fn max_duration() -> BlockNumber {
	<Runtime as pallet_jobs::Config>::MaxJobDuration::get()
}

fn in_flight(job: JobId) -> bool {
	pallet_jobs::JobRecords::<Runtime>::contains_key(job)
}

fn columns_of(record: &Record) -> Option<u16> {
	match record.spec.kind {
		JobKind::FederatedStatistics { columns } => Some(columns),
		_ => None,
	}
}

fn miners(job: JobId) -> Vec<AccountId> {
	pallet_jobs::Assignments::<Runtime>::get(job).map(|m| m.into_inner()).unwrap_or_default()
}

fn seats(job: JobId) -> Vec<AccountId> {
	pallet_jobs::Committees::<Runtime>::get(job)
		.map(|c| c.into_iter().map(|seat| seat.hotkey).collect())
		.unwrap_or_default()
}

fn policy_of(netuid: NetUid) -> JobPolicy {
	Subnets::hyperparameters(netuid).map(|h| h.jobs).unwrap_or_default()
}

// ----- What honest and dishonest parties claim.

/// The result an honest party computes for `job`: a digest fixed by the job, or for one job
/// in eight a refusal, so that jobs also settle on a reproduced refusal.
fn truth(job: JobId) -> JobResult {
	if job % 8 == 5 {
		return JobResult::Refused(RefusalReason::InputMismatch);
	}
	if let Some(trace) = traces::honest_trace(job) {
		return JobResult::Digest(trace.root());
	}
	let mut seed = b"synod-fuzz/truth".to_vec();
	seed.extend(job.to_le_bytes());
	JobResult::Digest(sp_io::hashing::blake2_256(&seed))
}

/// Anything but (most likely) the truth: another digest, or a refusal.
fn lie(g: &mut Gen) -> JobResult {
	const REASONS: [RefusalReason; 2] =
		[RefusalReason::InputMismatch, RefusalReason::ExceedsLimits];
	if g.rng.chance(2, 3) {
		JobResult::Digest(g.rng.bytes32())
	} else {
		JobResult::Refused(*g.rng.pick(&REASONS))
	}
}

/// The truth of `job`, except one time in `lies_in`.
fn claim(g: &mut Gen, job: JobId, lies_in: u64) -> JobResult {
	if g.rng.chance(1, lies_in) {
		lie(g)
	} else {
		truth(job)
	}
}

/// Where a miner serves `result`: a URL for a digest, nothing for a refusal.
fn uri_for(job: JobId, result: &JobResult) -> ResultUri {
	match result {
		JobResult::Digest(_) => {
			ResultUri::truncate_from(format!("https://results.example/jobs/{job}").into_bytes())
		},
		JobResult::Refused(_) => ResultUri::new(),
	}
}

/// A URI the pallet refuses for `result`.
fn bad_uri(g: &mut Gen, result: &JobResult) -> ResultUri {
	let bad: [&[u8]; 4] = [b"", b"ftp://results.example/x", b"https://", b"https://a b"];
	let bytes: &[u8] = match result {
		JobResult::Refused(_) => &b"https://results.example/refusal"[..],
		JobResult::Digest(_) => *g.rng.pick(&bad),
	};
	ResultUri::truncate_from(bytes.to_vec())
}

/// Moments real values give: up to a dozen values per column, each within ±1000.
fn column(g: &mut Gen) -> ColumnMoments {
	let mut moments = ColumnMoments::default();
	for _ in 0..g.rng.below(13) {
		let value = g.rng.between(0, 2_000 * STATS_SCALE as u64) as i128 - 1_000 * STATS_SCALE;
		moments.count += 1;
		moments.sum += value;
		moments.sum_of_squares += (value * value) as u128;
	}
	moments
}

/// One provider's moments for `columns` columns: mostly what data gives; one time in eight
/// moments no data gives (refused at reveal and slashed), and rarely the wrong number of
/// columns (refused at reveal outright).
fn moments_for(g: &mut Gen, columns: u16) -> MomentsOf {
	let mut count = columns as usize;
	if g.rng.chance(1, 25) {
		count = if g.rng.chance(1, 2) { count + 1 } else { count.saturating_sub(1) };
	}
	let mut moments: Vec<ColumnMoments> = (0..count).map(|_| column(g)).collect();
	if g.rng.chance(1, 8) {
		impossible(g, &mut moments);
	} else if moments.iter().all(|m| m.count == 0) {
		// A provider with no value at all is refused; keep honest ones honest.
		if let Some(first) = moments.first_mut() {
			let square = (STATS_SCALE * STATS_SCALE) as u128;
			*first = ColumnMoments { count: 1, sum: STATS_SCALE, sum_of_squares: square };
		}
	}
	MomentsOf::truncate_from(moments)
}

/// Breaks `moments` with one of the defects `check_moments` names.
fn impossible(g: &mut Gen, moments: &mut [ColumnMoments]) {
	if moments.is_empty() {
		return;
	}
	let index = g.rng.below(moments.len() as u64) as usize;
	match g.rng.below(4) {
		0 => {
			let sum = g.rng.between(1, 1_000) as i128;
			moments[index] = ColumnMoments { count: 0, sum, sum_of_squares: 0 };
		},
		1 => moments[index].count = u64::MAX - g.rng.below(16),
		2 => moments[index] = ColumnMoments { count: 2, sum: 10, sum_of_squares: 49 },
		_ => moments.iter_mut().for_each(|m| *m = ColumnMoments::default()),
	}
}

mod postings;
mod traces;
use postings::{post_job, stray_post_job};

// ----- Cancellations.

/// The requester of a job still waiting for miners.
fn cancel_job(g: &mut Gen) -> Option<Action> {
	let posted: Vec<(JobId, AccountId)> = pallet_jobs::JobRecords::<Runtime>::iter()
		.filter(|(_, record)| record.state == JobState::Posted)
		.map(|(job, record)| (job, record.requester))
		.collect();
	if posted.is_empty() {
		return None;
	}
	let (job, requester) = g.rng.pick(&posted).clone();
	Some(sign(g, &requester, Jobs::cancel_job { job }))
}

/// Any job (assigned ones are not cancellable), or none, by its requester or anyone.
fn stray_cancel_job(g: &mut Gen) -> Action {
	let job = any_job(g);
	let requester = pallet_jobs::JobRecords::<Runtime>::get(job).map(|r| r.requester);
	let who = match requester {
		Some(requester) if g.rng.chance(1, 2) => requester,
		_ => g.account(),
	};
	Action::signed(&who, Jobs::cancel_job { job })
}

// ----- Commitments and reveals, alike for the three kinds of party.

/// A kind of party that commits and then reveals: where its openings are kept, which jobs
/// and accounts it covers, and how its calls and payloads are built.
struct Party<P> {
	openings: fn(&mut Memo) -> &mut Vec<Opening<P>>,
	/// A job's commit deadline for this kind of party; `None` for a job it has no part in.
	deadline: fn(&Record) -> Option<BlockNumber>,
	members: fn(JobId) -> Vec<AccountId>,
	stored: fn(JobId, &AccountId) -> Option<Hash>,
	revealed: fn(JobId, &AccountId) -> bool,
	payload: fn(&mut Gen, JobId) -> P,
	tamper: fn(&mut Gen, &mut P),
	commitment: fn(JobId, &AccountId, &P, &[u8; 32]) -> Hash,
	commit: fn(JobId, Hash) -> Jobs,
	/// The reveal call; `proper: false` asks for a malformed one where the call has a part
	/// that can be (a result's URI).
	reveal: fn(&mut Gen, JobId, P, [u8; 32], bool) -> Jobs,
}

fn results(memo: &mut Memo) -> &mut Vec<Opening<JobResult>> {
	&mut memo.results
}

fn verifications(memo: &mut Memo) -> &mut Vec<Opening<SeatReport>> {
	&mut memo.verifications
}

fn moments(memo: &mut Memo) -> &mut Vec<Opening<MomentsOf>> {
	&mut memo.moments
}

/// A job's miners, with their results: one lie in six.
const MINERS: Party<JobResult> = Party {
	openings: results,
	deadline: |r| columns_of(r).is_none().then_some(r.deadlines.commit_by),
	members: miners,
	stored: |job, who| pallet_jobs::ResultCommits::<Runtime>::get(job, who),
	revealed: |job, who| pallet_jobs::ResultReveals::<Runtime>::contains_key(job, who),
	payload: |g, job| claim(g, job, 6),
	tamper: |g, result| *result = lie(g),
	commitment: JobsPallet::result_commitment,
	commit: |job, commitment| Jobs::commit_result { job, commitment },
	reveal: |g, job, result, salt, proper| {
		let uri = if proper { uri_for(job, &result) } else { bad_uri(g, &result) };
		Jobs::reveal_result { job, result, salt, uri }
	},
};

/// A job's committee seats, with their reproductions (one lie in ten), or on a spot-checked
/// job their reports, committed once its plan is fixed.
const SEATS: Party<SeatReport> = Party {
	openings: verifications,
	deadline: |r| {
		let now = frame_system::Pallet::<Runtime>::block_number();
		let planned = now > r.deadlines.commit_by + min_window() + 1;
		(planned || JobsPallet::spot_check_layout(r).is_none()).then_some(r.deadlines.verify_by)
	},
	members: seats,
	stored: |job, who| pallet_jobs::VerificationCommits::<Runtime>::get(job, who),
	revealed: |job, who| {
		pallet_jobs::VerificationReveals::<Runtime>::contains_key(job, who)
			|| pallet_jobs::SpotCheckReveals::<Runtime>::contains_key(job, who)
	},
	payload: |g, job| match traces::layout(job) {
		Some(_) => SeatReport::Spot(traces::spot_claim(g, job)),
		None => SeatReport::Whole(claim(g, job, 10)),
	},
	tamper: |g, report| {
		*report = match report {
			SeatReport::Whole(_) => SeatReport::Whole(lie(g)),
			SeatReport::Spot(pallet_jobs::SpotCheck::Unreachable) => {
				SeatReport::Spot(pallet_jobs::SpotCheck::Refused(RefusalReason::ExceedsLimits))
			},
			SeatReport::Spot(_) => SeatReport::Spot(pallet_jobs::SpotCheck::Unreachable),
		}
	},
	commitment: |job, who, report, salt| match report {
		SeatReport::Whole(result) => JobsPallet::verification_commitment(job, who, result, salt),
		SeatReport::Spot(report) => JobsPallet::spot_check_commitment(job, who, report, salt),
	},
	commit: |job, commitment| Jobs::commit_verification { job, commitment },
	reveal: |_, job, report, salt, _| match report {
		SeatReport::Whole(result) => Jobs::reveal_verification { job, result, salt },
		SeatReport::Spot(report) => Jobs::reveal_spot_check { job, report, salt },
	},
};

/// A statistics job's providers, with their moments.
const PROVIDERS: Party<MomentsOf> = Party {
	openings: moments,
	deadline: |r| columns_of(r).map(|_| r.deadlines.commit_by),
	members: miners,
	stored: |job, who| pallet_jobs::StatisticsCommits::<Runtime>::get(job, who),
	revealed: |job, who| pallet_jobs::StatisticsSubmissions::<Runtime>::contains_key(job, who),
	payload: |g, job| {
		let record = pallet_jobs::JobRecords::<Runtime>::get(job);
		moments_for(g, record.as_ref().and_then(columns_of).unwrap_or(2))
	},
	tamper: tamper_moments,
	commitment: JobsPallet::moments_commitment,
	commit: |job, commitment| Jobs::commit_statistics { job, commitment },
	reveal: |_, job, moments, salt, _| Jobs::reveal_statistics { job, moments, salt },
};

/// Moments other than those committed: a count off by one, or a column fewer.
fn tamper_moments(g: &mut Gen, moments: &mut MomentsOf) {
	let mut columns = moments.clone().into_inner();
	if g.rng.chance(1, 2) {
		columns.iter_mut().take(1).for_each(|m| m.count = m.count.wrapping_add(1));
	} else {
		columns.pop();
	}
	*moments = MomentsOf::truncate_from(columns);
}

/// Each (job, member) whose commit window is open and who has not committed, nor had a
/// commitment built for it in this block.
fn due_commits<P>(
	party: &Party<P>,
	openings: &[Opening<P>],
	now: BlockNumber,
) -> Vec<(JobId, AccountId)> {
	let mut due = Vec::new();
	for (job, record) in pallet_jobs::JobRecords::<Runtime>::iter() {
		let by = (party.deadline)(&record);
		if record.state != JobState::Assigned || !by.is_some_and(|by| now <= by) {
			continue;
		}
		for who in (party.members)(job) {
			let built = openings.iter().any(|o| o.job == job && o.who == who && o.made_at == now);
			if !built && (party.stored)(job, &who).is_none() {
				due.push((job, who));
			}
		}
	}
	due
}

/// A member in its commit window commits to a payload it remembers the opening of.
fn commit<P>(g: &mut Gen, party: &Party<P>) -> Option<Action> {
	let now = g.now();
	let due = due_commits(party, (party.openings)(&mut g.memo.jobs), now);
	if due.is_empty() {
		return None;
	}
	let (job, who) = g.rng.pick(&due).clone();
	let payload = (party.payload)(g, job);
	let salt = g.rng.bytes32();
	let commitment = (party.commitment)(job, &who, &payload, &salt);
	let opening = Opening {
		job,
		who: who.clone(),
		payload,
		salt,
		commitment,
		made_at: now,
		revealed_at: None,
	};
	(party.openings)(&mut g.memo.jobs).push(opening);
	Some(sign(g, &who, (party.commit)(job, commitment)))
}

/// Whether `job` takes reveals now: assigned, after `verify_by`, by `reveal_by`.
fn reveal_open(job: JobId, now: BlockNumber) -> bool {
	pallet_jobs::JobRecords::<Runtime>::get(job).is_some_and(|r| {
		r.state == JobState::Assigned && now > r.deadlines.verify_by && now <= r.deadlines.reveal_by
	})
}

/// A remembered opening whose commitment is the one stored, in its reveal window, not
/// revealed yet nor by a reveal built in this block, revealed as committed.
fn reveal<P: Clone>(g: &mut Gen, party: &Party<P>) -> Option<Action> {
	let now = g.now();
	let openings = (party.openings)(&mut g.memo.jobs);
	let due: Vec<usize> = (0..openings.len())
		.filter(|index| {
			let o = &openings[*index];
			o.revealed_at != Some(now)
				&& (party.stored)(o.job, &o.who) == Some(o.commitment)
				&& !(party.revealed)(o.job, &o.who)
				&& reveal_open(o.job, now)
		})
		.collect();
	if due.is_empty() {
		return None;
	}
	let opening = &mut openings[*g.rng.pick(&due)];
	opening.revealed_at = Some(now);
	let (job, who, payload, salt) =
		(opening.job, opening.who.clone(), opening.payload.clone(), opening.salt);
	let call = (party.reveal)(g, job, payload, salt, true);
	Some(sign(g, &who, call))
}

/// Any job in storage, or one that is not (settled, or never posted).
fn any_job(g: &mut Gen) -> JobId {
	let ids: Vec<JobId> = pallet_jobs::JobRecords::<Runtime>::iter_keys().collect();
	let next = pallet_jobs::NextJobId::<Runtime>::get();
	let unknown = if g.rng.chance(1, 2) { g.rng.below(next + 1) } else { next + g.rng.below(3) };
	g.pick_or(&ids, 6, unknown)
}

/// One of `job`'s parties (a miner, a seat, its requester), or anyone.
fn stray_signer(g: &mut Gen, job: JobId) -> AccountId {
	let mut parties = miners(job);
	parties.extend(seats(job));
	parties.extend(pallet_jobs::JobRecords::<Runtime>::get(job).map(|r| r.requester));
	let anyone = g.account();
	g.pick_or(&parties, 3, anyone)
}

/// A random commitment to any job from any of its parties or anyone: wrong kind, wrong
/// phase, closed window, not a member, already committed; or, in a member's open window, a
/// commitment nothing opens, so that withholding is slashed.
fn stray_commit<P>(g: &mut Gen, party: &Party<P>) -> Action {
	let job = any_job(g);
	let who = stray_signer(g, job);
	let commitment = Hash::from(g.rng.bytes32());
	Action::signed(&who, (party.commit)(job, commitment))
}

/// Two times in three a remembered opening, whatever its window and whether it was revealed
/// already, with its salt or payload changed or malformed, or as committed; else a reveal of
/// nothing committed, by any job's party or anyone.
fn stray_reveal<P: Clone>(g: &mut Gen, party: &Party<P>) -> Action {
	let openings = (party.openings)(&mut g.memo.jobs);
	let picked = (!openings.is_empty() && g.rng.chance(2, 3)).then(|| {
		let o = g.rng.pick(&openings[..]);
		(o.job, o.who.clone(), o.payload.clone(), o.salt)
	});
	let (job, who, mut payload, mut salt) = match picked {
		Some(picked) => picked,
		None => {
			let job = any_job(g);
			let who = stray_signer(g, job);
			let payload = (party.payload)(g, job);
			(job, who, payload, g.rng.bytes32())
		},
	};
	let mut proper = true;
	match g.rng.below(4) {
		0 => salt[g.rng.below(32) as usize] ^= 1,
		1 => (party.tamper)(g, &mut payload),
		2 => proper = false,
		_ => {},
	}
	let call = (party.reveal)(g, job, payload, salt, proper);
	Action::signed(&who, call)
}
