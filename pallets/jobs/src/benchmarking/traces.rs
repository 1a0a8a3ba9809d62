//! What the spot-check benchmarks build: a subnet that spot-checks, a job of the most
//! segments, and traces that part from the honest one where each miner's index says.

use super::*;
use synod_primitives::subnet::MAX_SPOT_CHECKS;
use synod_trace::{trace_key, Trace};

/// A training job of 64 epochs of one batch: 64 segments, the most a trace has, so 66 leaves.
pub(super) fn traced_spec() -> JobSpec {
	let settings = synod_cost::Settings { epochs: 64, batch_size: 1, ..Default::default() };
	JobSpec {
		hyperparameters: codec::Encode::encode(&settings).try_into().unwrap(),
		..largest_spec()
	}
}

/// Spot checks on `netuid`, as many as a policy may have.
pub(super) fn spot_check<T: Config>(netuid: NetUid) {
	let mut policy = T::Subnets::hyperparameters(netuid).expect("created").jobs;
	policy.spot_checks = MAX_SPOT_CHECKS;
	T::BenchmarkHelper::set_job_policy(netuid, policy);
}

/// The trace of `job` that miner `index` computes: the honest one for 0; for the others,
/// the honest one until leaf `8 · index`, so that every pair of miners parts at its own leaf.
pub(super) fn trace_of(job: JobId, index: u32) -> Trace {
	let segments = synod_trace::MAX_SEGMENTS;
	let from = if index == 0 { u32::MAX } else { 8 * index };
	let value = |place: u32| {
		let mut value = [place as u8; 32];
		if place >= from {
			value[31] = index as u8;
		}
		value
	};
	Trace {
		key: trace_key(job, traced_spec().seed),
		checkpoints: (0..=segments).map(value).collect(),
		output: value(segments + 1),
	}
}

pub(super) fn leaves_of(trace: &Trace) -> TraceLeavesOf {
	trace.leaves().try_into().expect("at most MAX_TRACE_LEAVES")
}

/// What the honest trace of `job` holds at each place of its plan.
pub(super) fn honest_report<T: Config>(job: JobId) -> SpotCheck {
	let trace = trace_of(job, 0);
	let plan = CheckPlans::<T>::get(job).expect("planned");
	let values: Vec<[u8; 32]> = plan.places.iter().map(|&place| trace.value(place)).collect();
	SpotCheck::Reached(values.try_into().expect("one per place"))
}

/// Commits `member` of `job`'s committee to `report`.
pub(super) fn commit_report_of<T: Config>(job: JobId, member: &T::AccountId, report: &SpotCheck) {
	let commitment = Pallet::<T>::spot_check_commitment(job, member, report, &SALT);
	Pallet::<T>::commit_verification(RawOrigin::Signed(member.clone()).into(), job, commitment)
		.expect("seated, before the committee's deadline");
}

/// Spot-checked jobs with their miners and committees, as `spot_checked_jobs` posts them.
pub(super) type JobsWithParties<T> = [(
	JobId,
	(Vec<<T as frame_system::Config>::AccountId>, Vec<<T as frame_system::Config>::AccountId>),
)];

/// Each miner of each of `jobs` commits to its trace (`trace_of` its index) and, once the
/// commit deadline has passed, opens it.
pub(super) fn open_traces<T: Config>(jobs: &JobsWithParties<T>, due: &DeadlinesOf<T>) {
	for (job, (miners, _)) in jobs {
		for (index, miner) in miners.iter().enumerate() {
			let root = trace_of(*job, index as u32).root();
			commit_result_of::<T>(*job, miner, JobResult::Digest(root));
		}
	}
	frame_system::Pallet::<T>::set_block_number(due.commit_by + One::one());
	for (job, (miners, _)) in jobs {
		for (index, miner) in miners.iter().enumerate() {
			let leaves = leaves_of(&trace_of(*job, index as u32));
			Pallet::<T>::open_trace(
				RawOrigin::Signed(miner.clone()).into(),
				*job,
				leaves,
				SALT,
				longest_uri(b'o'),
			)
			.expect("committed, in the opening window");
		}
	}
}
