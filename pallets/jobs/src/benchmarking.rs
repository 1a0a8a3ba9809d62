//! Benchmarks for `pallet-jobs`, each at its worst case: the longest spec, full replicas and
//! a full committee, full per-block indexes and assignment queue, every party of a settled
//! job paid or slashed, and, for the hooks that scan a subnet's neurons, a subnet at its
//! `max_uids` with as many permit holders as `max_validators` allows.

use super::*;
use crate::pallet::*;
use alloc::{boxed::Box, vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::traits::{fungible::Mutate, Get};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_runtime::{traits::One, Perbill};
use synod_primitives::{
	job::{InputShape, MAX_COLUMNS, MAX_INPUTS, MAX_URI_LEN, STATS_SCALE},
	subnet::{SubnetRegistry, MAX_COMMITTEE_SIZE},
};

/// The result that honest miners and committee members reveal.
const TRUTH: JobResult = JobResult::Digest([1; 32]);
/// The result that the wrong ones reveal.
const WRONG: JobResult = JobResult::Digest([2; 32]);
const SALT: [u8; 32] = [9; 32];

mod traces;
use traces::*;

/// A verification rate strictly between 0% and 100%, so that a job's draw is indexed at
/// posting and made by `draw_samples`, yet so close to 100% that every draw picks the job
/// and seats its committee: the expensive outcome.
fn drawn_rate() -> Perbill {
	Perbill::from_parts(999_999_999)
}

fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	T::Currency::set_balance(&who, T::MinBounty::get() * 1_000_000u32.into());
	who
}

fn bounty<T: Config>() -> BalanceOf<T> {
	T::MinBounty::get() * 1_000u32.into()
}

/// An `https://` URI of the longest length allowed.
fn longest_uri<B: TryFrom<Vec<u8>>>(fill: u8) -> B {
	let mut uri = b"https://".to_vec();
	uri.resize(MAX_URI_LEN as usize, fill);
	uri.try_into().ok().expect("at the bound")
}

/// The largest valid training spec: it makes every job record as long as the cost model
/// lets it get (the longest architecture name it knows, the most hidden layers, the most
/// inputs with the longest URIs), on a small shape that any subnet's limits admit.
fn largest_spec() -> JobSpec {
	let settings = synod_cost::Settings {
		epochs: 1,
		hidden: vec![64; synod_cost::settings::MAX_LAYERS],
		..Default::default()
	};
	JobSpec {
		kind: JobKind::Train,
		architecture: b"logistic-regression".to_vec().try_into().unwrap(),
		architecture_version: 1,
		inputs: (0..MAX_INPUTS)
			.map(|i| Artifact { hash: [i as u8; 32], uri: longest_uri(b'a' + (i % 26) as u8) })
			.collect::<Vec<_>>()
			.try_into()
			.unwrap(),
		hyperparameters: codec::Encode::encode(&settings).try_into().unwrap(),
		seed: 42,
		shape: InputShape { rows: 1, features: 1, outputs: 2 },
	}
}

/// The largest statistics spec: the most columns, each revealed, checked and aggregated.
fn statistics_spec() -> JobSpec {
	JobSpec {
		kind: JobKind::FederatedStatistics { columns: MAX_COLUMNS as u16 },
		shape: InputShape::default(),
		..largest_spec()
	}
}

/// Moments for every column that pass every check of `ColumnMoments::check` (the accepted
/// path stores them whole, where a refusal stores two numbers).
fn moments() -> MomentsOf {
	let count = 1_000u64;
	let sum = count as i128 * STATS_SCALE;
	let column = ColumnMoments {
		count,
		sum,
		// Twice the smallest sum of squares that these count and sum allow.
		sum_of_squares: 2 * (sum as u128 * sum as u128 / count as u128),
	};
	vec![column; MAX_COLUMNS as usize].try_into().unwrap()
}

/// Deadlines from `from`, `MaxJobDuration / 8` apart: room before `assign_by` for the
/// randomness to become fresh, and room after `reveal_by` to shift fillers' deadlines
/// ([`shifted`]) within `MaxJobDuration`.
fn deadlines<T: Config>(from: BlockNumberFor<T>) -> DeadlinesOf<T> {
	let step = (T::MaxJobDuration::get() / 8u32.into()).max(2u32.into());
	JobDeadlines {
		assign_by: from + step,
		commit_by: from + step + step,
		verify_by: from + step + step + step,
		reveal_by: from + step + step + step + step,
	}
}

/// `deadlines`, every one `by` blocks later: another block in each per-block index.
fn shifted<T: Config>(deadlines: DeadlinesOf<T>, by: u32) -> DeadlinesOf<T> {
	let by: BlockNumberFor<T> = by.into();
	JobDeadlines {
		assign_by: deadlines.assign_by + by,
		commit_by: deadlines.commit_by + by,
		verify_by: deadlines.verify_by + by,
		reveal_by: deadlines.reveal_by + by,
	}
}

/// Sets `netuid`'s policy to a full committee verifying `rate` of the jobs whole. Its
/// slashes stay the subnet's (within the runtime's bounds); settlement burns them.
fn set_policy<T: Config>(netuid: NetUid, rate: Perbill) {
	let mut policy = T::Subnets::hyperparameters(netuid).expect("created").jobs;
	policy.committee_size = MAX_COMMITTEE_SIZE;
	policy.verification_rate = rate;
	// Verified whole: the spot-check benchmarks turn spot checks on (`traces::spot_check`).
	policy.spot_checks = 0;
	T::BenchmarkHelper::set_job_policy(netuid, policy);
}

/// A subnet of `miners` staked neurons without a permit then `validators` with one, each
/// under a coldkey of its own, with a full committee verifying `rate` of its jobs. Miners are
/// drawn among the neurons without a permit while they suffice, so the permit holders are
/// all committee candidates.
fn subnet<T: Config>(miners: u32, validators: u32, rate: Perbill) -> NetUid {
	let (netuid, hotkeys) = T::BenchmarkHelper::subnet_with_neurons(miners + validators);
	for validator in &hotkeys[miners as usize..] {
		T::BenchmarkHelper::grant_permit(netuid, validator);
	}
	set_policy::<T>(netuid, rate);
	netuid
}

/// The largest subnet for the hooks that scan every neuron of it (miner and committee
/// candidates): `max_uids` staked neurons, the last `max_validators` of them (at least a
/// committee, and leaving `miners` neurons without) holding a permit.
fn full_subnet<T: Config>(miners: u32, rate: Perbill) -> NetUid {
	let (netuid, _) = T::BenchmarkHelper::subnet_with_neurons(0);
	let hyperparameters = T::Subnets::hyperparameters(netuid).expect("created");
	let size = hyperparameters.max_uids as u32;
	let validators = (hyperparameters.max_validators as u32)
		.min(size.saturating_sub(miners))
		.max(MAX_COMMITTEE_SIZE as u32);
	assert!(miners + validators <= size, "max_uids too small for the benchmark's miners");
	for index in 0..size {
		let hotkey = T::BenchmarkHelper::register_neuron(netuid, index);
		if index >= size - validators {
			T::BenchmarkHelper::grant_permit(netuid, &hotkey);
		}
	}
	set_policy::<T>(netuid, rate);
	netuid
}

/// How many neurons without a permit `jobs` jobs of `MaxReplicas` need in one block: enough
/// for every replica within `MaxJobsPerMiner`, and `MaxReplicas` more so that the last job
/// still finds its replicas among them rather than among the committee candidates.
fn miners_for<T: Config>(jobs: u32) -> u32 {
	let replicas = T::MaxReplicas::get();
	(jobs * replicas).div_ceil(T::MaxJobsPerMiner::get()) + replicas
}

/// Posts a job of `spec` for `requester`; returns its id.
fn post<T: Config>(
	requester: &T::AccountId,
	netuid: NetUid,
	spec: JobSpec,
	replicas: u32,
	deadlines: DeadlinesOf<T>,
) -> JobId {
	let job = NextJobId::<T>::get();
	Pallet::<T>::post_job(
		RawOrigin::Signed(requester.clone()).into(),
		netuid,
		Box::new(spec),
		bounty::<T>(),
		replicas as u8,
		deadlines,
	)
	.expect("a valid job");
	job
}

/// Posts `count` jobs of other requesters, which fill the assignment queue: the first
/// `sharing` with `deadlines`, so that the per-block indexes of those blocks are longer too,
/// the rest in groups of `MaxExpiriesPerBlock`, each group a block later than the last, so
/// that no index overflows.
fn fill_queues<T: Config>(netuid: NetUid, deadlines: DeadlinesOf<T>, count: u32, sharing: u32) {
	let per_block = T::MaxExpiriesPerBlock::get();
	for i in 0..count {
		let shift = if i < sharing { 0 } else { 1 + (i - sharing) / per_block };
		let requester = funded::<T>("filler", i);
		post::<T>(&requester, netuid, largest_spec(), 1, shifted::<T>(deadlines, shift));
	}
}

/// Moves to the first block, from two after `posted_at` and by `until`, whose randomness was
/// revealed after `posted_at` (the block after next with a per-block VRF output; later with
/// randomness that lags); returns it.
fn fresh_block<T: Config>(
	posted_at: BlockNumberFor<T>,
	until: BlockNumberFor<T>,
) -> BlockNumberFor<T> {
	T::BenchmarkHelper::provide_randomness();
	let mut block = posted_at + 2u32.into();
	while block <= until {
		frame_system::Pallet::<T>::set_block_number(block);
		if Pallet::<T>::fresh_seed(b"synod/jobs/assign", 0, posted_at).is_some() {
			return block;
		}
		block += One::one();
	}
	panic!("no fresh randomness by the assignment deadline");
}

/// A hook meter that never runs out, to measure the work itself.
fn unlimited() -> crate::meter::HookMeter {
	crate::meter::HookMeter::with_limit(frame_support::weights::Weight::MAX)
}

/// Assigns the jobs waiting since `posted_at` in the first block it can, by `until`.
fn assign_all<T: Config>(posted_at: BlockNumberFor<T>, until: BlockNumberFor<T>) {
	let block = fresh_block::<T>(posted_at, until);
	Pallet::<T>::assign_waiting(block, &mut unlimited());
}

/// The miners and the committee members of `job`, in draw order.
fn parties<T: Config>(job: JobId) -> (Vec<T::AccountId>, Vec<T::AccountId>) {
	let miners = Assignments::<T>::get(job).expect("assigned").into_inner();
	let committee =
		Committees::<T>::get(job).unwrap_or_default().into_iter().map(|seat| seat.hotkey).collect();
	(miners, committee)
}

/// A job assigned by [`assigned_job`].
struct Assigned<T: Config> {
	job: JobId,
	deadlines: DeadlinesOf<T>,
	miners: Vec<T::AccountId>,
	/// Empty for a statistics job, which is never re-executed.
	committee: Vec<T::AccountId>,
}

/// A job of `spec` on a new subnet, assigned to `MaxReplicas` miners and (unless it is a
/// statistics job) a full committee.
fn assigned_job<T: Config>(spec: JobSpec) -> Assigned<T> {
	let replicas = T::MaxReplicas::get();
	let netuid = subnet::<T>(replicas, MAX_COMMITTEE_SIZE as u32, Perbill::one());
	let now = frame_system::Pallet::<T>::block_number();
	let deadlines = deadlines::<T>(now);
	let job = post::<T>(&funded::<T>("requester", 0), netuid, spec, replicas, deadlines);
	assign_all::<T>(now, deadlines.assign_by);
	let (miners, committee) = parties::<T>(job);
	assert_eq!(miners.len() as u32, replicas);
	Assigned { job, deadlines, miners, committee }
}

/// A spot-checked job of the most segments, with `MaxReplicas` miners and a full committee.
fn spot_checked_job<T: Config>() -> Assigned<T> {
	let (mut jobs, deadlines) = spot_checked_jobs::<T>(1);
	let (job, (miners, committee)) = jobs.pop().expect("one job");
	Assigned { job, deadlines, miners, committee }
}

/// `n` spot-checked jobs of the most segments, posted together and assigned, each with
/// `MaxReplicas` miners and a full committee; with their parties and common deadlines.
#[allow(clippy::type_complexity)]
fn spot_checked_jobs<T: Config>(
	n: u32,
) -> (Vec<(JobId, (Vec<T::AccountId>, Vec<T::AccountId>))>, DeadlinesOf<T>) {
	let replicas = T::MaxReplicas::get();
	let netuid = subnet::<T>(miners_for::<T>(n), MAX_COMMITTEE_SIZE as u32, Perbill::one());
	spot_check::<T>(netuid);
	let now = frame_system::Pallet::<T>::block_number();
	let due = deadlines::<T>(now);
	let jobs: Vec<JobId> = (0..n)
		.map(|i| post::<T>(&funded::<T>("requester", i), netuid, traced_spec(), replicas, due))
		.collect();
	assign_all::<T>(now, due.assign_by);
	(jobs.into_iter().map(|job| (job, parties::<T>(job))).collect(), due)
}

fn commit_result_of<T: Config>(job: JobId, miner: &T::AccountId, result: JobResult) {
	let commitment = Pallet::<T>::result_commitment(job, miner, &result, &SALT);
	Pallet::<T>::commit_result(RawOrigin::Signed(miner.clone()).into(), job, commitment)
		.expect("assigned, before the commit deadline");
}

fn reveal_result_of<T: Config>(job: JobId, miner: &T::AccountId, result: JobResult) {
	Pallet::<T>::reveal_result(
		RawOrigin::Signed(miner.clone()).into(),
		job,
		result,
		SALT,
		longest_uri(b'r'),
	)
	.expect("committed, in the reveal window");
}

fn commit_verification_of<T: Config>(job: JobId, member: &T::AccountId, result: JobResult) {
	let commitment = Pallet::<T>::verification_commitment(job, member, &result, &SALT);
	Pallet::<T>::commit_verification(RawOrigin::Signed(member.clone()).into(), job, commitment)
		.expect("seated, before the committee's deadline");
}

fn reveal_verification_of<T: Config>(job: JobId, member: &T::AccountId, result: JobResult) {
	Pallet::<T>::reveal_verification(RawOrigin::Signed(member.clone()).into(), job, result, SALT)
		.expect("committed, in the reveal window");
}

/// Moves into the reveal window of a job with `deadlines`.
fn open_reveals<T: Config>(deadlines: &DeadlinesOf<T>) {
	frame_system::Pallet::<T>::set_block_number(deadlines.verify_by + One::one());
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// A partial verification rate indexes the job for its draw too; the queue and the job's
	/// three per-block indexes are full but for this job, which makes them the longest to
	/// decode and encode.
	#[benchmark]
	fn post_job() {
		let netuid = subnet::<T>(0, 0, drawn_rate());
		let now = frame_system::Pallet::<T>::block_number();
		let due = deadlines::<T>(now);
		let per_block = T::MaxExpiriesPerBlock::get();
		let queue = T::MaxJobsAwaitingAssignment::get();
		fill_queues::<T>(netuid, due, queue - 1, per_block - 1);
		let requester = funded::<T>("requester", 0);
		let job = NextJobId::<T>::get();

		#[extrinsic_call]
		_(
			RawOrigin::Signed(requester),
			netuid,
			Box::new(largest_spec()),
			bounty::<T>(),
			T::MaxReplicas::get() as u8,
			due,
		);

		assert_eq!(JobRecords::<T>::get(job).expect("posted").sampled, None);
		assert_eq!(AwaitingAssignment::<T>::get(netuid).len() as u32, queue);
		let sampling = Pallet::<T>::sampling_block(&due);
		assert_eq!(SamplingDue::<T>::get(sampling).len() as u32, per_block.min(queue));
	}

	/// The job is removed from a full queue and from full per-block indexes, its draw's
	/// among them.
	#[benchmark]
	fn cancel_job() {
		let netuid = subnet::<T>(0, 0, drawn_rate());
		let now = frame_system::Pallet::<T>::block_number();
		let due = deadlines::<T>(now);
		let queue = T::MaxJobsAwaitingAssignment::get();
		fill_queues::<T>(netuid, due, queue - 1, T::MaxExpiriesPerBlock::get() - 1);
		let requester = funded::<T>("requester", 0);
		let job = post::<T>(&requester, netuid, largest_spec(), T::MaxReplicas::get(), due);
		assert_eq!(AwaitingAssignment::<T>::get(netuid).len() as u32, queue);

		#[extrinsic_call]
		_(RawOrigin::Signed(requester), job);

		assert!(JobRecords::<T>::get(job).is_none());
		assert_eq!(AwaitingAssignment::<T>::get(netuid).len() as u32, queue - 1);
	}

	/// The last of `MaxReplicas` miners of the largest job, found last in its miners.
	#[benchmark]
	fn commit_result() {
		let Assigned { job, miners, .. } = assigned_job::<T>(largest_spec());
		let miner = miners.last().expect("replicas").clone();
		let commitment = Pallet::<T>::result_commitment(job, &miner, &TRUTH, &SALT);

		#[extrinsic_call]
		_(RawOrigin::Signed(miner.clone()), job, commitment);

		assert!(ResultCommits::<T>::contains_key(job, &miner));
	}

	/// A digest (whose URI is checked, where a refusal's is only empty) with the longest URI,
	/// by the last miner.
	#[benchmark]
	fn reveal_result() {
		let Assigned { job, deadlines: due, miners, .. } = assigned_job::<T>(largest_spec());
		for miner in &miners {
			commit_result_of::<T>(job, miner, TRUTH);
		}
		open_reveals::<T>(&due);
		let miner = miners.last().expect("replicas").clone();

		#[extrinsic_call]
		_(RawOrigin::Signed(miner.clone()), job, TRUTH, SALT, longest_uri(b'r'));

		assert!(ResultReveals::<T>::contains_key(job, &miner));
	}

	/// The last seat of a full committee, the others committed already.
	#[benchmark]
	fn commit_verification() {
		let Assigned { job, committee, .. } = assigned_job::<T>(largest_spec());
		assert_eq!(committee.len(), MAX_COMMITTEE_SIZE as usize);
		let (member, others) = committee.split_last().expect("seated");
		for other in others {
			commit_verification_of::<T>(job, other, TRUTH);
		}
		let commitment = Pallet::<T>::verification_commitment(job, member, &TRUTH, &SALT);

		#[extrinsic_call]
		_(RawOrigin::Signed(member.clone()), job, commitment);

		assert!(VerificationCommits::<T>::contains_key(job, member));
	}

	/// The last seat of a full committee, the others revealed already.
	#[benchmark]
	fn reveal_verification() {
		let Assigned { job, deadlines: due, committee, .. } = assigned_job::<T>(largest_spec());
		assert_eq!(committee.len(), MAX_COMMITTEE_SIZE as usize);
		for member in &committee {
			commit_verification_of::<T>(job, member, TRUTH);
		}
		open_reveals::<T>(&due);
		let (member, others) = committee.split_last().expect("seated");
		for other in others {
			reveal_verification_of::<T>(job, other, TRUTH);
		}

		#[extrinsic_call]
		_(RawOrigin::Signed(member.clone()), job, TRUTH, SALT);

		assert!(VerificationReveals::<T>::contains_key(job, member));
	}

	/// The last of `MaxReplicas` providers of a statistics job with the most columns.
	#[benchmark]
	fn commit_statistics() {
		let Assigned { job, miners: providers, .. } = assigned_job::<T>(statistics_spec());
		let provider = providers.last().expect("replicas").clone();
		let commitment = Pallet::<T>::moments_commitment(job, &provider, &moments(), &SALT);

		#[extrinsic_call]
		_(RawOrigin::Signed(provider.clone()), job, commitment);

		assert!(StatisticsCommits::<T>::contains_key(job, &provider));
	}

	/// The most columns, each hashed into the commitment and checked, all accepted (and so
	/// stored whole), by the last provider.
	#[benchmark]
	fn reveal_statistics() {
		let Assigned { job, deadlines: due, miners: providers, .. } =
			assigned_job::<T>(statistics_spec());
		for provider in &providers {
			let commitment = Pallet::<T>::moments_commitment(job, provider, &moments(), &SALT);
			Pallet::<T>::commit_statistics(
				RawOrigin::Signed(provider.clone()).into(),
				job,
				commitment,
			)
			.expect("assigned, before the commit deadline");
		}
		open_reveals::<T>(&due);
		let provider = providers.last().expect("replicas").clone();

		#[extrinsic_call]
		_(RawOrigin::Signed(provider.clone()), job, moments(), SALT);

		assert!(matches!(
			StatisticsSubmissions::<T>::get(job, &provider),
			Some(MomentsReveal::Accepted(_))
		));
	}

	/// `n` unassigned jobs reach their assignment deadline, each drawn-for (so indexed in
	/// three blocks) and removed from a full queue.
	#[benchmark]
	fn expire_jobs(n: Linear<0, { T::MaxExpiriesPerBlock::get() }>) {
		let netuid = subnet::<T>(0, 0, drawn_rate());
		let now = frame_system::Pallet::<T>::block_number();
		let due = deadlines::<T>(now);
		let queue = T::MaxJobsAwaitingAssignment::get();
		// Fillers expire in other blocks: only the `n` expire in this one.
		fill_queues::<T>(netuid, due, queue.saturating_sub(n), 0);
		let jobs: Vec<JobId> = (0..n)
			.map(|i| {
				let requester = funded::<T>("requester", i);
				post::<T>(&requester, netuid, largest_spec(), T::MaxReplicas::get(), due)
			})
			.collect();
		frame_system::Pallet::<T>::set_block_number(due.assign_by);

		#[block]
		{
			Pallet::<T>::expire_jobs(due.assign_by);
		}

		assert!(jobs.iter().all(|job| !JobRecords::<T>::contains_key(job)));
		assert_eq!(AwaitingAssignment::<T>::get(netuid).len() as u32, queue.saturating_sub(n));
	}

	/// `n` waiting jobs (up to a full queue), each assigned `MaxReplicas` miners and a full
	/// committee, both drawn from a full subnet whose every neuron is scanned.
	#[benchmark]
	fn assign_jobs(n: Linear<0, { T::MaxJobsAwaitingAssignment::get() }>) {
		let replicas = T::MaxReplicas::get();
		let netuid = full_subnet::<T>(miners_for::<T>(n), Perbill::one());
		let now = frame_system::Pallet::<T>::block_number();
		let due = deadlines::<T>(now);
		let per_block = T::MaxExpiriesPerBlock::get();
		// One requester per job, so that no miner reaches its per-requester share.
		for i in 0..n {
			let requester = funded::<T>("requester", i);
			let spread = shifted::<T>(due, i / per_block);
			post::<T>(&requester, netuid, largest_spec(), replicas, spread);
		}
		let block = fresh_block::<T>(now, due.assign_by);

		#[block]
		{
			Pallet::<T>::assign_waiting(block, &mut unlimited());
		}

		assert!(AwaitingAssignment::<T>::get(netuid).is_empty());
		assert_eq!(Assignments::<T>::iter().count() as u32, n);
		assert!(Committees::<T>::iter_values()
			.all(|committee| committee.len() == MAX_COMMITTEE_SIZE as usize));
	}

	/// `n` jobs settle in one block, each with `MaxReplicas` miners and a full committee, every
	/// one of which revealed: two thirds of the seats the truth (paid the verification fee),
	/// the other third something else (slashed); one miner the truth (paid the bounty, its URI
	/// read for the record), the others something else (slashed). Every party is paid or
	/// slashed, every commit and reveal is cleared, and the fullest outcome is recorded.
	#[benchmark]
	fn settle_jobs(n: Linear<0, { T::MaxExpiriesPerBlock::get() }>) {
		let replicas = T::MaxReplicas::get();
		let seats = MAX_COMMITTEE_SIZE as u32;
		let netuid = subnet::<T>(miners_for::<T>(n), seats, Perbill::one());
		let now = frame_system::Pallet::<T>::block_number();
		let due = deadlines::<T>(now);
		let jobs: Vec<JobId> = (0..n)
			.map(|i| {
				let requester = funded::<T>("requester", i);
				post::<T>(&requester, netuid, largest_spec(), replicas, due)
			})
			.collect();
		assign_all::<T>(now, due.assign_by);
		let majority = (2 * seats).div_ceil(3);
		let parties: Vec<_> = jobs.iter().map(|job| (*job, parties::<T>(*job))).collect();
		let miner_result = |i: usize| if i == 0 { TRUTH } else { WRONG };
		let seat_result = |i: usize| if (i as u32) < majority { TRUTH } else { WRONG };
		for (job, (miners, committee)) in &parties {
			assert_eq!(committee.len() as u32, seats);
			for (i, miner) in miners.iter().enumerate() {
				commit_result_of::<T>(*job, miner, miner_result(i));
			}
			for (i, member) in committee.iter().enumerate() {
				commit_verification_of::<T>(*job, member, seat_result(i));
			}
		}
		open_reveals::<T>(&due);
		for (job, (miners, committee)) in &parties {
			for (i, miner) in miners.iter().enumerate() {
				reveal_result_of::<T>(*job, miner, miner_result(i));
			}
			for (i, member) in committee.iter().enumerate() {
				reveal_verification_of::<T>(*job, member, seat_result(i));
			}
		}
		let at = Pallet::<T>::settlement_block(&due);
		frame_system::Pallet::<T>::set_block_number(at);

		#[block]
		{
			Pallet::<T>::settle_within(at, &mut unlimited());
		}

		for job in &jobs {
			let outcome = Outcomes::<T>::get(job).expect("settled");
			assert_eq!(outcome.truth.map(|truth| truth.result), Some(TRUTH));
			assert_eq!(outcome.penalties.len() as u32, (seats - majority) + (replicas - 1));
			assert_eq!(outcome.validator_payouts.len() as u32, majority);
			assert_eq!(outcome.miner_payouts.len(), 1);
		}
	}

	/// `n` assigned jobs have their verification drawn in one block, each drawn and seated
	/// with a full committee from a full subnet whose every neuron is scanned.
	#[benchmark]
	fn draw_samples(n: Linear<0, { T::MaxExpiriesPerBlock::get() }>) {
		let replicas = T::MaxReplicas::get();
		let netuid = full_subnet::<T>(miners_for::<T>(n), drawn_rate());
		let now = frame_system::Pallet::<T>::block_number();
		let due = deadlines::<T>(now);
		let jobs: Vec<JobId> = (0..n)
			.map(|i| {
				let requester = funded::<T>("requester", i);
				post::<T>(&requester, netuid, largest_spec(), replicas, due)
			})
			.collect();
		assign_all::<T>(now, due.assign_by);
		assert_eq!(Assignments::<T>::iter().count() as u32, n);
		let at = Pallet::<T>::sampling_block(&due);
		frame_system::Pallet::<T>::set_block_number(at);

		#[block]
		{
			Pallet::<T>::draw_samples(at);
		}

		for job in &jobs {
			assert_eq!(JobRecords::<T>::get(job).expect("in flight").sampled, Some(true));
			let committee = Committees::<T>::get(job).expect("drawn");
			assert_eq!(committee.len(), MAX_COMMITTEE_SIZE as usize);
		}
	}

	/// `n` outcomes forgotten in one block, each as large as an outcome gets, with the largest
	/// statistics summary besides.
	#[benchmark]
	fn prune_outcomes(n: Linear<0, { T::MaxExpiriesPerBlock::get() }>) {
		let now = frame_system::Pallet::<T>::block_number();
		let requester: T::AccountId = account("requester", 0, 0);
		let payouts = |count: u32| {
			(0..count).map(|i| (account("payee", i, 0), 1u32.into())).collect::<Vec<_>>()
		};
		let summary: SummaryOf =
			vec![ColumnSummary::default(); MAX_COLUMNS as usize].try_into().unwrap();
		for job in 0..n as JobId {
			let outcome = JobOutcome::<T> {
				requester: requester.clone(),
				netuid: 1,
				bounty: 1u32.into(),
				truth: Some(Truth { result: TRUTH, uri: longest_uri(b'h'), by_committee: true }),
				miner_payouts: payouts(T::MaxReplicas::get()).try_into().unwrap(),
				validator_payouts: payouts(MaxCommittee::get()).try_into().unwrap(),
				penalties: payouts(MaxPenalties::get()).try_into().unwrap(),
				burnt: 1u32.into(),
				refunded: 1u32.into(),
				settled_at: now,
			};
			Outcomes::<T>::insert(job, outcome);
			Statistics::<T>::insert(job, summary.clone());
			PruneAt::<T>::mutate(now, |due| due.try_push(job).expect("within the bound"));
		}

		#[block]
		{
			Pallet::<T>::prune_outcomes(now);
		}

		assert_eq!(Outcomes::<T>::iter().count(), 0);
		assert_eq!(Statistics::<T>::iter().count(), 0);
	}

	/// The last of `MaxReplicas` miners opens a trace of the most leaves, every one hashed
	/// into the root and stored.
	#[benchmark]
	fn open_trace() {
		let Assigned { job, deadlines: due, miners, .. } = spot_checked_job::<T>();
		let trace = trace_of(job, 0);
		for miner in &miners {
			commit_result_of::<T>(job, miner, JobResult::Digest(trace.root()));
		}
		frame_system::Pallet::<T>::set_block_number(due.commit_by + One::one());
		let miner = miners.last().expect("replicas").clone();

		#[extrinsic_call]
		_(RawOrigin::Signed(miner.clone()), job, leaves_of(&trace), SALT, longest_uri(b'o'));

		assert!(TraceLeaves::<T>::contains_key(job, &miner));
	}

	/// The last seat of a full committee reveals a report on every leaf of the longest trace.
	#[benchmark]
	fn reveal_spot_check() {
		let Assigned { job, deadlines: due, committee, .. } = spot_checked_job::<T>();
		let places: Vec<u32> = (0..MAX_TRACE_LEAVES).collect();
		CheckPlans::<T>::insert(
			job,
			CheckPlan { places: places.try_into().unwrap(), dispute: true },
		);
		let report = honest_report::<T>(job);
		for member in &committee {
			commit_report_of::<T>(job, member, &report);
		}
		open_reveals::<T>(&due);
		let (member, others) = committee.split_last().expect("seated");
		for other in others {
			Pallet::<T>::reveal_spot_check(
				RawOrigin::Signed(other.clone()).into(),
				job,
				report.clone(),
				SALT,
			)
			.expect("committed, in the reveal window");
		}

		#[extrinsic_call]
		_(RawOrigin::Signed(member.clone()), job, report, SALT);

		assert!(SpotCheckReveals::<T>::contains_key(job, member));
	}

	/// `n` spot-checked jobs have their plan fixed in one block, each with `MaxReplicas`
	/// opened traces that all differ, so that every pair is compared leaf by leaf.
	#[benchmark]
	fn draw_checks(n: Linear<0, { T::MaxExpiriesPerBlock::get() }>) {
		let (jobs, due) = spot_checked_jobs::<T>(n);
		open_traces::<T>(&jobs, &due);
		let at = Pallet::<T>::check_draw_block(&due);
		frame_system::Pallet::<T>::set_block_number(at);

		#[block]
		{
			Pallet::<T>::draw_checks(at);
		}

		for (job, _) in &jobs {
			assert!(CheckPlans::<T>::get(job).expect("planned").dispute);
		}
	}

	/// `n` spot-checked jobs settle in one block, each disputed among `MaxReplicas` traces:
	/// one miner right, the others wrong, two thirds of a full committee reporting the truth
	/// and the rest something else.
	#[benchmark]
	fn settle_spot_checked(n: Linear<0, { T::MaxExpiriesPerBlock::get() }>) {
		let (jobs, due) = spot_checked_jobs::<T>(n);
		open_traces::<T>(&jobs, &due);
		let drawn = Pallet::<T>::check_draw_block(&due);
		frame_system::Pallet::<T>::set_block_number(drawn);
		Pallet::<T>::draw_checks(drawn);
		let seats = MAX_COMMITTEE_SIZE as u32;
		let majority = (2 * seats).div_ceil(3);
		let reports: Vec<(JobId, SpotCheck)> =
			jobs.iter().map(|(job, _)| (*job, honest_report::<T>(*job))).collect();
		let report_of = |truth: &SpotCheck, i: usize| match (i as u32) < majority {
			true => truth.clone(),
			false => SpotCheck::Unreachable,
		};
		for ((job, (_, committee)), (_, truth)) in jobs.iter().zip(&reports) {
			for (i, member) in committee.iter().enumerate() {
				commit_report_of::<T>(*job, member, &report_of(truth, i));
			}
		}
		open_reveals::<T>(&due);
		for ((job, (_, committee)), (_, truth)) in jobs.iter().zip(&reports) {
			for (i, member) in committee.iter().enumerate() {
				Pallet::<T>::reveal_spot_check(
					RawOrigin::Signed(member.clone()).into(),
					*job,
					report_of(truth, i),
					SALT,
				)
				.expect("committed, in the reveal window");
			}
		}
		let at = Pallet::<T>::settlement_block(&due);
		frame_system::Pallet::<T>::set_block_number(at);

		#[block]
		{
			Pallet::<T>::settle_within(at, &mut unlimited());
		}

		let replicas = T::MaxReplicas::get();
		for (job, _) in &jobs {
			let outcome = Outcomes::<T>::get(job).expect("settled");
			assert!(outcome.truth.is_some());
			assert_eq!(outcome.penalties.len() as u32, (seats - majority) + (replicas - 1));
			assert_eq!(outcome.miner_payouts.len(), 1);
		}
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
