//! Spot-checked jobs: the miners' traces and what the committee re-executes of them
//! (`docs/verification.md`).
//!
//! A training job on a subnet whose policy has `spot_checks > 0` commits, as its result
//! digest, the Merkle root of a checkpointed trace (`synod-trace`). After the commit deadline
//! each miner **opens** its trace: it reveals every leaf (at most `MAX_SEGMENTS + 2`), and the
//! chain rebuilds the root from them, so that one bounded hash pass checks the whole opening
//! against the blind commitment. Leaves are one-way, so an opened trace tells a committee
//! member nothing it could report in place of re-executing.
//!
//! In the block after the openings close, the chain fixes the **plan**: the segments to
//! spot-check, drawn from randomness nobody knew when the miners committed (the last always,
//! the initial state and the output), and, if the opened traces differ, for each pair of them the first leaf
//! where they part. Either way the committee re-executes
//! a few places from checkpoints on which the opened traces agree, and settlement compares
//! each miner's leaf at each place with the value two thirds of the seats reached.

use crate::{pallet::*, types::*, JobId, JobKind};
use alloc::vec::Vec;
use frame_support::{ensure, pallet_prelude::*};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::{BlakeTwo256, Hash, Saturating};
use synod_cost::Settings;
use synod_trace::TrainingLayout;

impl<T: Config> Pallet<T> {
	/// The trace layout of `record` if it is spot-checked: a training job under a policy with
	/// spot checks, whose settings and shape give a layout. `None` means it is verified whole.
	pub fn spot_check_layout(record: &JobOf<T>) -> Option<TrainingLayout> {
		Self::layout_under(&record.spec, &record.policy)
	}

	/// The trace layout of a job of `spec` under `policy`, if it is spot-checked.
	pub(crate) fn layout_under(
		spec: &crate::JobSpec,
		policy: &crate::JobPolicy,
	) -> Option<TrainingLayout> {
		if policy.spot_checks == 0 || spec.kind != JobKind::Train {
			return None;
		}
		let settings = Settings::decode(&spec.hyperparameters).ok()?;
		TrainingLayout::new(settings.epochs, spec.shape.rows, settings.batch_size)
	}

	/// The last block in which a spot-checked job's miners open their traces: `MinWindow`
	/// blocks after the commit deadline.
	pub(crate) fn open_by(deadlines: &DeadlinesOf<T>) -> BlockNumberFor<T> {
		deadlines.commit_by.saturating_add(T::MinWindow::get())
	}

	/// The block in which a spot-checked job's plan is fixed: right after the openings close.
	pub(crate) fn check_draw_block(deadlines: &DeadlinesOf<T>) -> BlockNumberFor<T> {
		Self::open_by(deadlines).saturating_add(1u32.into())
	}

	pub(crate) fn do_open_trace(
		miner: T::AccountId,
		job: JobId,
		leaves: TraceLeavesOf,
		salt: [u8; 32],
		uri: ResultUri,
	) -> DispatchResult {
		let record = Self::assigned_to(job, &miner)?;
		let layout = Self::spot_check_layout(&record).ok_or(Error::<T>::NotSpotChecked)?;
		let commitment = ResultCommits::<T>::get(job, &miner).ok_or(Error::<T>::NotCommitted)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now > record.deadlines.commit_by, Error::<T>::OpenNotYet);
		ensure!(now <= Self::open_by(&record.deadlines), Error::<T>::OpenClosed);
		ensure!(!ResultReveals::<T>::contains_key(job, &miner), Error::<T>::AlreadyRevealed);
		// At most MAX_SEGMENTS + 2, so both fit in a byte.
		let expected = layout.segments() + 2;
		ensure!(
			leaves.len() as u32 == expected,
			Error::<T>::WrongLeafCount { expected: expected as u8, got: leaves.len() as u8 }
		);
		let root = synod_trace::root(&leaves);
		let result = crate::JobResult::Digest(root);
		ensure!(
			Self::result_commitment(job, &miner, &result, &salt) == commitment,
			Error::<T>::CommitmentMismatch
		);
		ensure!(
			synod_primitives::job::Artifact { hash: root, uri: uri.clone() }.uri_is_valid(),
			Error::<T>::BadResultUri
		);
		ResultReveals::<T>::insert(job, &miner, ResultReveal { result, uri });
		TraceLeaves::<T>::insert(job, &miner, leaves);
		Self::deposit_event(Event::TraceOpened { job, miner, root });
		Ok(())
	}

	/// Fixes the plan of each spot-checked job whose openings closed in the block before
	/// `now`; returns how many jobs were due.
	pub(crate) fn draw_checks(now: BlockNumberFor<T>) -> u32 {
		let due = CheckDrawDue::<T>::take(now);
		for job in &due {
			let Some(record) = JobRecords::<T>::get(job) else { continue };
			if record.state != JobState::Assigned || record.sampled != Some(true) {
				continue;
			}
			let Some(layout) = Self::spot_check_layout(&record) else { continue };
			let Some(plan) = Self::plan_of(*job, &record, &layout, now) else { continue };
			Self::deposit_event(Event::ChecksDrawn {
				job: *job,
				places: plan.places.to_vec(),
				dispute: plan.dispute,
			});
			CheckPlans::<T>::insert(job, plan);
		}
		due.len() as u32
	}

	/// The plan for `job` from its opened traces; `None` when no miner opened one.
	fn plan_of(
		job: JobId,
		record: &JobOf<T>,
		layout: &TrainingLayout,
		now: BlockNumberFor<T>,
	) -> Option<CheckPlan> {
		let traces: Vec<TraceLeavesOf> = TraceLeaves::<T>::iter_prefix_values(job).collect();
		if traces.is_empty() {
			return None;
		}
		let views: Vec<&[[u8; 32]]> = traces.iter().map(|trace| trace.as_slice()).collect();
		let disputed = synod_trace::disputed_checkpoints(&views);
		let segments = layout.segments();
		// Randomness revealed after the commit deadline: no miner knew the draw when it
		// committed. A chain without randomness yet draws from a seed anyone can predict.
		let seed = Self::fresh_seed(b"synod/jobs/segments", job, record.deadlines.commit_by)
			.unwrap_or_else(|| {
				BlakeTwo256::hash_of(&(b"synod/jobs/no-randomness/segments", job, now)).into()
			});
		let mut places =
			synod_trace::spot_checks(&seed, segments, record.policy.spot_checks as u32);
		places.push(segments + 1);
		// And the initial state, which a member builds from the spec: else a lone miner could
		// train honestly from weights of its choosing and pass every check after them.
		places.push(0);
		// A dispute checks where the traces part on top of the draw, never instead of it:
		// else two colluding miners parting only at a cheap leaf (the output, the initial
		// state) would have a faked trace checked nowhere else.
		let dispute = !disputed.is_empty();
		places.extend(disputed.into_iter().map(|place| place as u32));
		places.sort_unstable();
		places.dedup();
		// Distinct places of a trace of at most MAX_TRACE_LEAVES leaves: the bound holds.
		Some(CheckPlan { places: PlacesOf::truncate_from(places), dispute })
	}

	/// The leaf that the value `reached` at `place` gives in `job`'s trace of `segments`
	/// segments: a checkpoint's leaf, or the output's at `segments + 1`.
	pub(crate) fn expected_leaf(
		record: &JobOf<T>,
		job: JobId,
		segments: u32,
		place: u32,
		reached: &[u8; 32],
	) -> [u8; 32] {
		let key = synod_trace::trace_key(job, record.spec.seed);
		if place == segments + 1 {
			synod_trace::output_leaf(&key, reached)
		} else {
			synod_trace::checkpoint_leaf(&key, place, reached)
		}
	}

	/// The optimiser steps that re-executing `places` of a trace of `layout` costs: each
	/// segment's steps, and one for building the initial state or deriving the output.
	pub(crate) fn checked_steps(layout: &TrainingLayout, places: &[u32]) -> u64 {
		let segments = layout.segments();
		places
			.iter()
			.map(|&place| match place {
				p if (1..=segments).contains(&p) => layout.batches_in(p),
				_ => 1,
			})
			.sum()
	}
}
