//! Spot-checked training jobs, as the worker does them (`docs/verification.md`, "Phases").
//!
//! A miner trains with a trace (`compute::run_traced`), commits to its root, opens every
//! leaf on chain after the commit deadline and serves, under the base URL it opened with,
//! only what the plan lets it: the checkpoint before each run of the plan's places, never a
//! place's own value, and the model and its leaf's proof only once the committee's commit
//! deadline has passed ([`crate::server::TraceGates`]).
//!
//! A committee member waits for the plan, then re-executes its places ([`check`]): it builds
//! the initial state itself, fetches every other start from the miners, keeps a fetched
//! checkpoint only if its hash opens that miner's leaf, and reports the hash it reached at
//! each place. Where the opened traces differ, a start is taken only from miners whose
//! leaves agree with everything reached so far: the first place where two traces part is a
//! place of the plan, so those miners agree on every later start, and every honest member
//! starts from the same checkpoint whichever of them it reaches.

use crate::{
	artifacts::Store,
	chain::{bytes, random_salt, Chain, JobDetails, SpecView},
	commitments::{self, SpotCheck},
	compute,
	metrics::Metrics,
	miner::in_reveal_window,
	validator::{outcome_micros, Validator},
};
use anyhow::{anyhow, Result};
use serde::{Deserialize, Serialize};
use subxt::dynamic::Value;
use synod_ml::{hash, Checkpoint, ContentHash, ExpectedRun};
use synod_trace::{checkpoint_leaf, checkpoint_value, output_leaf, output_value, trace_key, Hash};

/// What the chain says about a miner's trace: its leaves and the base URL it serves under.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Opened {
	pub hotkey: String,
	/// Its `S + 2` leaves, hex.
	pub leaves: Vec<String>,
	pub uri: String,
}

/// The checkpoint a run of the plan's places starts from, for each run: the one before its
/// first place, none for a run from place 0 (the initial state, which a verifier builds).
/// These, and only these, are what a miner serves before the committee has committed: the
/// runs are maximal, so no start is a place of the plan.
pub fn starts(places: &[u32]) -> Vec<u32> {
	synod_trace::runs(places).into_iter().filter_map(|(first, _)| first.checked_sub(1)).collect()
}

/// Where the miner that opened with `base` serves checkpoint `index`.
pub fn checkpoint_url(base: &str, index: u32) -> String {
	format!("{}/checkpoints/{index}", base.trim_end_matches('/'))
}

/// Where it serves the output model, once the committee's commit deadline has passed.
pub fn output_url(base: &str) -> String {
	format!("{}/output", base.trim_end_matches('/'))
}

/// Where it serves the Merkle proof of the output's leaf (a JSON list of hex hashes).
pub fn proof_url(base: &str) -> String {
	format!("{}/proof", base.trim_end_matches('/'))
}

/// The leaf that `value`, reached at `place`, gives in job `job`'s trace of `segments`
/// segments under seed `seed`: the chain's `expected_leaf`.
pub fn leaf_of(job: u64, seed: u64, segments: u32, place: u32, value: &Hash) -> Hash {
	let key = trace_key(job, seed);
	if place == segments + 1 {
		output_leaf(&key, value)
	} else {
		checkpoint_leaf(&key, place, value)
	}
}

/// Whether `leaves` (hex) hold, at each of `places`, the leaf of the value reached there.
pub fn agrees(
	(job, seed, segments): (u64, u64, u32),
	leaves: &[String],
	places: &[u32],
	values: &[Hash],
) -> bool {
	places.len() == values.len()
		&& places.iter().zip(values).all(|(&place, value)| {
			leaves.get(place as usize).and_then(|leaf| hash::from_hex(leaf).ok())
				== Some(leaf_of(job, seed, segments, place, value))
		})
}

/// The largest checkpoint of a job with `spec`: the weights and both of Adam's moments,
/// with room for the parameter paths and scalars.
fn max_checkpoint_bytes(spec: &SpecView, hyper: &synod_ml::Hyperparameters) -> u64 {
	let Some(family) =
		synod_cost::Family::lookup(spec.architecture.as_bytes(), spec.architecture_version)
	else {
		return 0;
	};
	let layers = synod_cost::model::Layers::of(
		family,
		&hyper.settings(),
		spec.shape.features,
		spec.shape.outputs,
	);
	synod_cost::memory::model_artifact_bytes(&layers).saturating_mul(3).saturating_add(1 << 20)
}

/// No miner served a start this member needed that opened the miner's leaf and loaded: two
/// thirds of the committee saying so blames the miners that opened and did not serve.
#[derive(Debug)]
pub struct Unreachable(pub String);

impl std::fmt::Display for Unreachable {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		write!(f, "no miner served a start to check from: {}", self.0)
	}
}

impl std::error::Error for Unreachable {}

/// Re-executes the `places` of spot-checked job `job` and returns the value reached at
/// each, in their order: the content hash bound to the job and the place
/// (`synod_trace::checkpoint_value`), so that a report is worth nothing in another job. `opened` are the miners' traces in the chain's order. Inputs are
/// fetched and refused as the miners' are ([`Refuse`]); a start nobody serves is
/// [`Unreachable`].
pub fn check(
	job: u64,
	spec: &SpecView,
	store: &Store,
	places: &[u32],
	opened: &[Opened],
) -> Result<Vec<Hash>> {
	let (architecture, hyper) = compute::job_settings(spec)?;
	let data = compute::training_set(spec, store)?;
	let layout = synod_ml::layout_of(&hyper, &data)?;
	let segments = layout.segments();
	let expected = ExpectedRun { architecture, hyperparameters: &hyper, seed: spec.seed };
	let limit = max_checkpoint_bytes(spec, &hyper);
	let whole = (job, spec.seed, segments);
	let key = trace_key(job, spec.seed);
	let mut reached: Vec<(u32, Hash)> = Vec::new();
	for (first, last) in synod_trace::runs(places) {
		let mut at = if first == 0 {
			let initial = synod_ml::initial_checkpoint(expected, &data)?;
			reached.push((0, checkpoint_value(&key, 0, &initial.hash())));
			initial
		} else {
			let (checked, values): (Vec<u32>, Vec<Hash>) = reached.iter().copied().unzip();
			// Miners that agree with all reached so far; all of them when none does (then
			// every trace is wrong, and the order of the chain's list decides).
			let agreeing: Vec<&Opened> = opened
				.iter()
				.filter(|miner| agrees(whole, &miner.leaves, &checked, &values))
				.collect();
			let pool = if agreeing.is_empty() { opened.iter().collect() } else { agreeing };
			let start = first - 1;
			let fits = |checkpoint: &Checkpoint| fits(checkpoint, expected, &layout, start);
			fetch_start(store, (job, spec.seed), start, limit, &pool, fits)?
		};
		for place in first.max(1)..=last.min(segments) {
			// A start that opened its leaf and fits the run and still does not resume is the
			// miners' trace at fault, as one nobody served.
			at = synod_ml::replay(&at, expected, &data, place - 1, place, |_| {}).map_err(|e| {
				Unreachable(format!("the start of place {place} does not resume: {e}"))
			})?;
			reached.push((place, checkpoint_value(&key, place, &at.hash())));
		}
		if last == segments + 1 {
			reached.push((last, output_value(&key, &at.model(None)?.content_hash())));
		}
	}
	tracing::info!(job, ?places, "re-executed the plan's places");
	Ok(reached.into_iter().map(|(_, value)| value).collect())
}

/// Whether `checkpoint` is checkpoint `index` of `expected`'s run: its place, seed,
/// architecture and settings; what `replay` would refuse, checked before it is chosen.
fn fits(
	checkpoint: &Checkpoint,
	expected: ExpectedRun<'_>,
	layout: &synod_trace::TrainingLayout,
	index: u32,
) -> Result<()> {
	let model = checkpoint.model(None)?;
	anyhow::ensure!(
		checkpoint.position() == layout.checkpoint(index)
			&& checkpoint.seed() == expected.seed
			&& model.architecture == expected.architecture
			&& model.hyperparameters == *expected.hyperparameters,
		"it is not checkpoint {index} of the job's run (at {:?}, seed {})",
		checkpoint.position(),
		checkpoint.seed()
	);
	Ok(())
}

/// Checkpoint `index` of the job, from the first miner of `pool` that serves one whose hash
/// opens its own leaf there, that loads and that `fits` the run.
fn fetch_start(
	store: &Store,
	(job, seed): (u64, u64),
	index: u32,
	limit: u64,
	pool: &[&Opened],
	fits: impl Fn(&Checkpoint) -> Result<()>,
) -> Result<Checkpoint> {
	let key = trace_key(job, seed);
	let mut tried = Vec::new();
	for miner in pool {
		let Some(leaf) = miner.leaves.get(index as usize).and_then(|l| hash::from_hex(l).ok())
		else {
			continue;
		};
		let uri = checkpoint_url(&miner.uri, index);
		let fetched = store
			.fetch_matching(&uri, limit, |hash| {
				checkpoint_leaf(&key, index, &checkpoint_value(&key, index, hash)) == leaf
			})
			.and_then(|(_, bytes)| Ok(Checkpoint::from_bytes(bytes)?))
			.and_then(|checkpoint| fits(&checkpoint).map(|()| checkpoint));
		match fetched {
			Ok(checkpoint) => return Ok(checkpoint),
			Err(e) => {
				tracing::warn!(job, miner = %miner.hotkey, %uri, error = format!("{e:#}"), "no start from this miner");
				tried.push(format!("{}: {e:#}", miner.hotkey));
			},
		}
	}
	Err(Unreachable(format!("checkpoint {index}: {}", tried.join("; "))).into())
}

/// Whether `error` is a refusal or an unreachable start, for the report; `None` for an
/// outage, which is retried.
pub fn report_of(error: &anyhow::Error) -> Option<SpotCheck> {
	if let Some(reason) = compute::refusal(error) {
		return Some(SpotCheck::Refused(reason));
	}
	error
		.chain()
		.any(|cause| cause.downcast_ref::<Unreachable>().is_some())
		.then_some(SpotCheck::Unreachable)
}

/// The hex of `values`, for the child's answer.
pub fn to_hex(values: &[Hash]) -> Vec<String> {
	values.iter().map(hash::to_hex).collect()
}

/// The inverse of [`to_hex`].
pub fn from_hex(values: &[String]) -> Result<Vec<Hash>> {
	values.iter().map(|v| hash::from_hex(v).map_err(|e| anyhow!("{v}: {e}"))).collect()
}

/// A committee member's report on one spot-checked job, kept before it commits.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SpotState {
	pub report: SpotCheck,
	/// The salt of its commitment, hex.
	pub salt: String,
	/// The miners whose opened traces hold what it reached at every place.
	pub right: Vec<String>,
}

impl Validator {
	/// One finalized block of spot-checked job `id` on this member's seat: once the plan is
	/// drawn, re-execute its places, commit to the report by `verify_by`, reveal it in the
	/// reveal window, and score the miners by it.
	pub(crate) async fn spot_check(
		&mut self,
		chain: &Chain,
		id: u64,
		job: &JobDetails,
		me: &str,
		finalized: u64,
	) -> Result<()> {
		let deadlines = job.deadlines;
		let Some((entry, committed)) = self.seat_of(id, job, me, finalized) else { return Ok(()) };
		#[cfg(feature = "fault-injection")]
		if self.fault == compute::Fault::Copy {
			return self.copy(chain, (id, job, me, finalized), committed, &entry).await;
		}
		let spot = match entry.spot.clone() {
			Some(spot) => spot,
			None if !committed && finalized < deadlines.verify_by => {
				match self.re_execute(chain, id, job, finalized).await? {
					Some(spot) => spot,
					None => return Ok(()),
				}
			},
			None => return Ok(()),
		};
		let salt = hash::from_hex(&spot.salt)?;
		if !committed {
			if finalized < deadlines.verify_by {
				let commitment =
					commitments::spot_check(id, &chain.account().0, &spot.report, &salt);
				let fields = vec![Value::u128(id.into()), bytes(commitment)];
				chain.submit("Jobs", "commit_verification", fields).await?;
				let report = match &spot.report {
					SpotCheck::Reached(values) => format!("reached {} places", values.len()),
					other => format!("{other:?}"),
				};
				tracing::info!(job = id, %report, "committed a spot check");
				self.update(id, |v| v.committed = true)?;
			}
			return Ok(());
		}
		let in_window = in_reveal_window(finalized, deadlines.verify_by, deadlines.reveal_by);
		if !entry.revealed && in_window {
			let fields = vec![Value::u128(id.into()), spot.report.value(), bytes(salt)];
			chain.submit("Jobs", "reveal_spot_check", fields).await?;
			tracing::info!(job = id, "revealed a spot check");
			Metrics::inc(&self.metrics.verifications);
			return self.update(id, |v| v.revealed = true);
		}
		if entry.revealed && !entry.scored {
			let sightings = self.state.value.sightings.get(&id).cloned().unwrap_or_default();
			for miner in &job.miners {
				let verified = spot.right.contains(&miner.hotkey);
				let committed = sightings.commits.get(&miner.hotkey).copied();
				let outcome =
					outcome_micros(verified, sightings.assigned, committed, deadlines.commit_by);
				self.score(&miner.hotkey, verified, outcome);
				tracing::info!(job = id, miner = %miner.hotkey, verified, outcome, "scored");
			}
			self.update(id, |v| v.scored = true)?;
		}
		Ok(())
	}

	/// Re-executes the plan of job `id` in a child process; the report and its salt, saved,
	/// or `None` while there is no plan yet or after a failed try (recorded for a retry).
	async fn re_execute(
		&mut self,
		chain: &Chain,
		id: u64,
		job: &JobDetails,
		finalized: u64,
	) -> Result<Option<SpotState>> {
		let Some(layout) = job.spot_check_layout() else { return Ok(None) };
		let segments = layout.segments();
		let plan = chain.check_plan(id).await?;
		// No plan once it is due: no miner opened a trace. The inputs are still checked
		// (a plan of no places), so that miners that all refused a poison job are judged by
		// the refusal the committee reproduces, not blamed for a trace nobody could open.
		let drawn_by = job.open_by(chain.min_window().await?) + 1;
		if plan.is_none() && finalized <= drawn_by {
			return Ok(None);
		}
		let (places, dispute) = plan.unwrap_or_default();
		let mut opened = Vec::new();
		for miner in &job.miners {
			let (Some(leaves), Some(uri)) =
				(chain.trace_leaves(id, &miner.hotkey).await?, miner.uri.clone())
			else {
				continue;
			};
			opened.push(Opened { hotkey: miner.hotkey.clone(), leaves, uri });
		}
		tracing::info!(job = id, ?places, dispute, miners = opened.len(), "spot-checking");
		self.update(id, |v| compute::begin_attempt(v, finalized))?;
		let blocks_left = job.deadlines.verify_by.saturating_sub(finalized);
		let limits = crate::isolate::Limits::of(&job.spec, blocks_left, u64::MAX);
		let checked =
			crate::isolate::spot_check(id, &job.spec, &self.store, (&places, &opened), limits)
				.await;
		let (report, right) = match checked {
			Ok(values) => {
				let whole = (id, job.spec.seed, segments);
				let right = opened
					.iter()
					.filter(|miner| agrees(whole, &miner.leaves, &places, &values))
					.map(|miner| miner.hotkey.clone())
					.collect();
				if places.is_empty() {
					tracing::warn!(job = id, "no miner opened a trace: reporting it unreachable");
					(SpotCheck::Unreachable, Vec::new())
				} else {
					(SpotCheck::Reached(values), right)
				}
			},
			// A miner may be busy or restarting: a start nobody served is retried, with
			// backoff, until the last blocks in which the report can still be committed.
			Err(e)
				if report_of(&e) == Some(SpotCheck::Unreachable)
					&& finalized + crate::isolate::COMMIT_MARGIN_BLOCKS + 1
						< job.deadlines.verify_by =>
			{
				tracing::warn!(job = id, error = format!("{e:#}"), "no start yet; will retry");
				self.update(id, |v| compute::record_outcome(v, Some(&e)))?;
				return Ok(None);
			},
			Err(e) => match report_of(&e) {
				Some(report) => {
					let error = format!("{e:#}");
					match report {
						SpotCheck::Refused(_) => {
							tracing::warn!(job = id, %error, "spot-checking: the job is refused")
						},
						_ => {
							tracing::warn!(job = id, %error, "spot-checking: no start to check from")
						},
					}
					(report, Vec::new())
				},
				None => {
					tracing::error!(job = id, error = format!("{e:#}"), "cannot spot-check");
					self.update(id, |v| compute::record_outcome(v, Some(&e)))?;
					return Ok(None);
				},
			},
		};
		self.update(id, |v| compute::record_outcome(v, None))?;
		let spot = SpotState { report, salt: hash::to_hex(&random_salt()), right };
		self.update(id, |v| v.spot = Some(spot.clone()))?;
		Ok(Some(spot))
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::{
		artifacts::Addresses,
		chain::{ArtifactRef, ShapeView},
		compute::Fault,
		server::TestServer,
		traced::TraceRecord,
	};
	use synod_ml::{dataset::synthetic::gaussian_blobs, Hyperparameters};

	const JOB: u64 = 4;

	/// A job of 4 epochs (4 segments) on `data`, served at `uri` under `hash`.
	fn job_spec(hash: &ContentHash, uri: String) -> SpecView {
		let hyper =
			Hyperparameters { epochs: 4, batch_size: 16, hidden: vec![8], ..Default::default() };
		SpecView {
			kind: serde_json::json!("train"),
			architecture: "mlp".into(),
			architecture_version: synod_ml::arch::VERSION,
			inputs: vec![ArtifactRef { hash: hash::to_hex(hash), uri }],
			hyperparameters: format!("0x{}", hex::encode(hyper.to_bytes())),
			seed: 3,
			shape: ShapeView { rows: 64, features: 4, outputs: 3 },
		}
	}

	/// A miner of `spec` with `fault`: its store under `dir/name`, its trace and server,
	/// serving the starts of `places`.
	fn miner(
		dir: &std::path::Path,
		name: &str,
		spec: &SpecView,
		fault: Fault,
		places: &[u32],
	) -> (Opened, TestServer, TraceRecord) {
		let store = Store::open(&dir.join(name)).unwrap().with_addresses(Addresses::AllowPrivate);
		let trace = compute::run_traced(JOB, spec, &store, fault).unwrap();
		let leaves = trace.trace(JOB, spec.seed).unwrap().leaves();
		let server = TestServer::start(store);
		let record =
			TraceRecord { trace, seed: spec.seed, verify_by: 100, starts: Some(starts(places)) };
		server.traces.set(JOB, record.gate(JOB, 0).unwrap());
		let opened =
			Opened { hotkey: name.into(), leaves: to_hex(&leaves), uri: server.trace_url(JOB) };
		(opened, server, record)
	}

	/// A scratch directory for test `name`, the job on blobs drawn with `seed` (its rows on a
	/// host of their own, which must live as long as the test) and the member's store.
	fn setup(name: &str, seed: u64) -> (std::path::PathBuf, SpecView, TestServer, Store) {
		let dir = std::env::temp_dir().join(format!("synod-spot-{name}-{}", std::process::id()));
		let _ = std::fs::remove_dir_all(&dir);
		let data = gaussian_blobs(seed, 64, 4, 3);
		let host = Store::open(&dir.join("host")).unwrap();
		let hash = host.put(&data.to_artifact()).unwrap();
		let host = TestServer::start(host);
		let spec = job_spec(&hash, host.url_of(&hash));
		let member =
			Store::open(&dir.join("member")).unwrap().with_addresses(Addresses::AllowPrivate);
		(dir, spec, host, member)
	}

	#[test]
	fn a_member_reaches_the_honest_trace_from_starts_it_checked_and_only_those() {
		let (dir, spec, _host, member) = setup("check", 1);
		let whole = (JOB, spec.seed, 4);

		// Two drawn segments and the output: from checkpoints 1 and 3, fetched and checked.
		let places = [2, 4, 5];
		let (honest, server, record) = miner(&dir, "honest", &spec, Fault::None, &places);
		let values = check(JOB, &spec, &member, &places, std::slice::from_ref(&honest)).unwrap();
		assert!(agrees(whole, &honest.leaves, &places, &values));
		assert_eq!(values.len(), 3);

		// A miner that serves no start (here: the gate of another plan) is unreachable, and
		// a start that does not open the miner's own leaf is not taken either.
		let closed = TraceRecord { starts: Some(vec![0]), ..record };
		server.traces.set(JOB, closed.gate(JOB, 0).unwrap());
		let error = check(JOB, &spec, &member, &places, std::slice::from_ref(&honest)).unwrap_err();
		assert_eq!(report_of(&error), Some(SpotCheck::Unreachable), "{error:#}");
		let mut lying = honest.clone();
		lying.leaves[1] = hash::to_hex(&[7; 32]);
		let error = check(JOB, &spec, &member, &[2], &[lying]).unwrap_err();
		assert_eq!(report_of(&error), Some(SpotCheck::Unreachable), "{error:#}");
		let _ = std::fs::remove_dir_all(&dir);
	}

	/// Two traces parting at checkpoint 3: the plan checks 3, and the start of the output's
	/// run is taken from the miner that agreed at 3, whichever the chain lists first.
	#[cfg(feature = "fault-injection")]
	#[test]
	fn in_a_dispute_later_starts_come_from_the_miner_that_agreed_so_far() {
		let (dir, spec, _host, member) = setup("dispute", 2);
		let whole = (JOB, spec.seed, 4);
		let places = [2, 3, 5];
		let (diverging, _d, _) = miner(&dir, "diverging", &spec, Fault::DivergeFrom(3), &places);
		let (honest, _h, _) = miner(&dir, "honest", &spec, Fault::None, &places);
		assert_eq!(diverging.leaves[..3], honest.leaves[..3], "they agree to checkpoint 2");
		assert_ne!(diverging.leaves[3], honest.leaves[3], "and part at 3");
		let values =
			check(JOB, &spec, &member, &places, &[diverging.clone(), honest.clone()]).unwrap();
		assert!(agrees(whole, &honest.leaves, &places, &values));
		assert!(!agrees(whole, &diverging.leaves, &places, &values));
		let _ = std::fs::remove_dir_all(&dir);
	}

	#[test]
	fn a_miner_serves_only_the_starts_of_runs_never_a_place() {
		// A trace of 20 segments: places 4, 5, 13, 20 and the output 21.
		let places = [4, 5, 13, 20, 21];
		assert_eq!(starts(&places), [3, 12, 19]);
		for start in starts(&places) {
			assert!(!places.contains(&start), "{start} is a value a verifier must reach");
		}
		// A run from the initial state starts from nothing served; the output alone from
		// the last checkpoint, which then is no place.
		assert_eq!(starts(&[0, 1, 21]), [20]);
		assert_eq!(starts(&[0, 1, 20, 21]), [19]);
		assert_eq!(starts(&[0, 7, 21]), [6, 20]);
	}

	#[test]
	fn leaves_agree_only_with_the_values_they_commit_to() {
		let (job, seed, segments) = (3, 9, 4);
		let values = [[1u8; 32], [2; 32]];
		let places = [2, 5];
		let mut leaves: Vec<String> = (0..6).map(|_| hash::to_hex(&[0; 32])).collect();
		leaves[2] = hash::to_hex(&leaf_of(job, seed, segments, 2, &values[0]));
		leaves[5] = hash::to_hex(&leaf_of(job, seed, segments, 5, &values[1]));
		assert!(agrees((job, seed, segments), &leaves, &places, &values));
		// Another job's, another place's, another value's leaves do not.
		assert!(!agrees((job + 1, seed, segments), &leaves, &places, &values));
		assert!(!agrees((job, seed, segments), &leaves, &[2, 4], &values));
		assert!(!agrees((job, seed, segments), &leaves, &places, &[[1; 32], [3; 32]]));
		assert!(!agrees((job, seed, segments), &leaves[..5], &places, &values));
	}
}
