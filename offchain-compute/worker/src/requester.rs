//! The requester: posts a job with its bounty, serves the job's inputs while miners need them,
//! watches the job to its end, and fetches and evaluates the verified result.

use crate::{
	artifacts::Store,
	chain::{bytes, Chain, JobView, SYN},
	server::Server,
};
use anyhow::{anyhow, bail, Context, Result};
use serde::{Deserialize, Serialize};
use std::{path::Path, time::Duration};
use subxt::dynamic::{At, Value};
use synod_ml::{
	dataset::{csv, digits, Targets},
	hash, Dataset, Hyperparameters, Outputs, TrainedModel,
};

/// Where a job's data comes from.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct DataChoice {
	/// `digits` (the bundled UCI digits) or a CSV file's path.
	pub dataset: String,
	/// For CSV: `last-class`, `last-value` or `none`.
	#[serde(default = "default_target")]
	pub target: String,
	/// The share of rows, in thousandths, held out for evaluation and never sent to miners.
	#[serde(default = "default_test_permille")]
	pub test_permille: u32,
	/// The seed of the held-out split.
	#[serde(default = "default_split_seed")]
	pub split_seed: u64,
}

fn default_target() -> String {
	"last-class".into()
}
fn default_test_permille() -> u32 {
	200
}
fn default_split_seed() -> u64 {
	7
}

impl DataChoice {
	/// The whole dataset.
	pub fn load(&self) -> Result<Dataset> {
		if self.dataset == "digits" {
			return Ok(digits::load()?);
		}
		let target = match self.target.as_str() {
			"last-class" => csv::TargetColumn::LastClass,
			"last-value" => csv::TargetColumn::LastValue,
			"none" => csv::TargetColumn::None,
			other => bail!("--target {other:?}: use last-class, last-value or none"),
		};
		let text = std::fs::read_to_string(&self.dataset)
			.with_context(|| format!("reading {}", self.dataset))?;
		Ok(csv::parse(&text, target)?)
	}

	/// (what the miners get, what the requester keeps for evaluation).
	pub fn split(&self) -> Result<(Dataset, Dataset)> {
		Ok(self.load()?.split(self.split_seed, self.test_permille))
	}
}

/// A job to post: from flags, or from a JSON file with the same fields.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct PostSpec {
	pub netuid: u16,
	/// `train`, `infer` or `statistics`.
	pub kind: String,
	pub architecture: String,
	#[serde(default)]
	pub hyperparameters: Hyperparameters,
	#[serde(flatten)]
	pub data: DataChoice,
	/// For inference: the content hash of a model artifact in the data directory.
	#[serde(default)]
	pub model: Option<String>,
	/// For statistics: how many leading columns to summarise.
	#[serde(default)]
	pub columns: Option<u16>,
	pub seed: u64,
	/// The bounty, in SYN (decimals allowed).
	pub bounty: f64,
	pub replicas: u8,
	/// Blocks in each window: assignment, the miners' commits, the committee's commits, reveals.
	pub step_blocks: u64,
}

/// Posts `spec`, waits for the job's end while serving its inputs, then fetches and
/// evaluates the result. Prints one JSON line with the outcome on stdout. `poison` (the
/// fault-injection build's `--poison`) serves a training set that is not what the spec
/// declares.
pub async fn post(
	chain: &Chain,
	store: &Store,
	server: &Server,
	spec: &PostSpec,
	poison: bool,
) -> Result<()> {
	spec.hyperparameters.check()?;
	let (offered, held_out) = spec.data.split()?;
	let mut inputs = Vec::new();
	// What the job declares its inputs to be: the chain prices it by this, and workers
	// refuse inputs that are not it.
	let mut shape = synod_cost::Shape::default();
	let mut work = None;
	// An inference job runs the model's own layers: those are what the spec declares.
	let mut hyper = spec.hyperparameters.clone();
	let kind = match spec.kind.as_str() {
		"train" => {
			let bytes = match offered.targets() {
				Targets::Classes { labels, .. } if poison => {
					let claim = Targets::Classes { classes: u32::MAX, labels: labels.clone() };
					Dataset::new(offered.features(), offered.values().to_vec(), claim)?
						.to_artifact()
				},
				_ => offered.to_artifact(),
			};
			inputs.push(store.put(&bytes)?);
			shape = synod_cost::Shape {
				rows: offered.rows() as u32,
				features: offered.features() as u32,
				outputs: offered.classes().unwrap_or(1),
			};
			work = Some(synod_cost::Work::Train);
			Value::unnamed_variant("Train", Vec::<Value>::new())
		},
		"infer" => {
			let model = spec
				.model
				.as_deref()
				.ok_or_else(|| anyhow!("an inference job needs --model <hash>"))?;
			let model = hash::from_hex(model)?;
			let artifact = store.get(&model)?.ok_or_else(|| {
				anyhow!("no model {} in the data directory", hash::to_hex(&model))
			})?;
			let header = synod_ml::TrainedModel::header_of(&artifact)?;
			if header.architecture.name() != spec.architecture {
				bail!("the model is a {}, not a {}", header.architecture.name(), spec.architecture);
			}
			hyper.hidden = header.hidden.clone();
			if header.image_side > 0 {
				hyper.image_side = header.image_side;
			}
			shape = synod_cost::Shape {
				rows: held_out.rows() as u32,
				features: header.features as u32,
				outputs: header.outputs as u32,
			};
			work = Some(synod_cost::Work::Infer);
			inputs.push(model);
			inputs.push(store.put(&held_out.without_targets().to_artifact())?);
			Value::unnamed_variant("Infer", Vec::<Value>::new())
		},
		"statistics" => {
			let columns =
				spec.columns.ok_or_else(|| anyhow!("a statistics job needs --columns"))?;
			Value::named_variant("FederatedStatistics", [("columns", Value::u128(columns.into()))])
		},
		other => bail!("--kind {other:?}: use train, infer or statistics"),
	};
	let inputs_value =
		Value::unnamed_composite(inputs.iter().map(|h| {
			Value::named_composite([("hash", bytes(h)), ("uri", bytes(server.url_of(h)))])
		}));
	let job_spec = Value::named_composite([
		("kind", kind),
		("architecture", bytes(&spec.architecture)),
		("architecture_version", Value::u128(synod_ml::arch::VERSION.into())),
		("inputs", inputs_value),
		("hyperparameters", bytes(hyper.to_bytes())),
		("seed", Value::u128(spec.seed.into())),
		(
			"shape",
			Value::named_composite([
				("rows", Value::u128(shape.rows.into())),
				("features", Value::u128(shape.features.into())),
				("outputs", Value::u128(shape.outputs.into())),
			]),
		),
	]);
	if let Some(work) = work {
		let family =
			synod_cost::Family::lookup(spec.architecture.as_bytes(), synod_ml::arch::VERSION)
				.ok_or_else(|| anyhow!("no cost model for architecture {:?}", spec.architecture))?;
		let cost = synod_cost::cost(family, &hyper.settings(), work, shape)
			.map_err(|e| anyhow!("the job has no cost ({e:?}): {shape:?} is no data for it"))?;
		tracing::info!(
			megaflops = cost.megaflops,
			peak_mib = cost.peak_mib(),
			"the job's cost, by the chain's model: its bounty must pay at least \
			 Jobs.MinBountyPerGigaflop per gigaflop of each miner's and committee seat's run"
		);
	}
	let now = chain.best_number().await?;
	// The chain gives every party at least four blocks, and draws a partial-rate job's
	// committee two blocks after `commit_by`: windows of six blocks meet both.
	let step = spec.step_blocks.max(6);
	// A spot-checked job's traces open and its plan is drawn between the miners' and the
	// committee's deadlines (`2 * MinWindow + 1` blocks): the committee's window follows.
	let subnet = chain.subnet(spec.netuid).await?;
	let spot_checks = subnet["hyperparameters"]["jobs"]["spotChecks"].as_u64().unwrap_or(0);
	let opening =
		if spot_checks > 0 && spec.kind == "train" { 2 * chain.min_window().await? + 1 } else { 0 };
	let commit_by = now + 2 * step;
	let verify_by = commit_by + opening + step;
	let deadlines = Value::named_composite([
		("assign_by", Value::u128((now + step).into())),
		("commit_by", Value::u128(commit_by.into())),
		("verify_by", Value::u128(verify_by.into())),
		("reveal_by", Value::u128((verify_by + step).into())),
	]);
	let bounty = (spec.bounty * SYN as f64).round() as u128;
	let fields = vec![
		Value::u128(spec.netuid.into()),
		job_spec,
		Value::u128(bounty),
		Value::u128(spec.replicas.into()),
		deadlines,
	];
	let events = chain.submit("Jobs", "post_job", fields).await?;
	let id = events
		.iter()
		.find(|(p, e, _)| p == "Jobs" && e == "JobPosted")
		.and_then(|(_, _, f)| f.at("job")?.as_u128())
		.ok_or_else(|| anyhow!("post_job emitted no JobPosted"))? as u64;
	tracing::info!(job = id, bounty = spec.bounty, replicas = spec.replicas, "posted");
	let view = watch(chain, id).await?;
	let summary = evaluate(store, &view, spec, &held_out)?;
	println!("{summary}");
	Ok(())
}

/// Follows job `id` until it settles or is refunded, logging each change of status.
pub async fn watch(chain: &Chain, id: u64) -> Result<JobView> {
	let mut last = String::new();
	loop {
		let view =
			chain.job(id).await?.ok_or_else(|| anyhow!("job {id} is unknown (or long pruned)"))?;
		if view.status != last {
			tracing::info!(job = id, status = %view.status, "job status");
			last = view.status.clone();
		}
		if view.status == "settled" || view.status == "refunded" {
			return Ok(view);
		}
		tokio::time::sleep(Duration::from_secs(2)).await;
	}
}

/// Fetches a settled job's result into the store; returns its hash and bytes.
pub fn fetch(store: &Store, view: &JobView) -> Result<([u8; 32], Vec<u8>)> {
	let outcome = view
		.outcome
		.as_ref()
		.ok_or_else(|| anyhow!("job {} has no outcome ({})", view.id, view.status))?;
	let (Some(result), Some(uri)) = (&outcome.result_hash, &outcome.uri) else {
		bail!("job {} settled without an artifact result", view.id);
	};
	let hash = hash::from_hex(result)?;
	let trace_base = format!("/traces/{}", view.id);
	if uri.trim_end_matches('/').ends_with(&trace_base) {
		return fetch_traced(store, view.id, &hash, uri);
	}
	Ok((hash, store.fetch(&hash, uri)?))
}

/// The largest proof answer accepted: the seed, the segments and a few dozen hashes.
const MAX_PROOF_BYTES: u64 = 16 << 10;

/// What a miner serves with a spot-checked job's output.
#[derive(Deserialize)]
struct ProofView {
	seed: u64,
	segments: u32,
	proof: Vec<String>,
}

/// The model of spot-checked job `job`, whose outcome is the trace `root` served under
/// `base`: kept only if its hash, as the output leaf with the served proof, opens `root`.
/// The seed and segments come with the proof and need no trust: under others the leaf
/// would not open the root. Returns the model's own hash and bytes.
fn fetch_traced(
	store: &Store,
	job: u64,
	root: &[u8; 32],
	base: &str,
) -> Result<([u8; 32], Vec<u8>)> {
	let answer = crate::artifacts::download(
		&crate::spot_check::proof_url(base),
		store.addresses(),
		MAX_PROOF_BYTES,
	)?;
	let served: ProofView = serde_json::from_slice(&answer)
		.map_err(|e| anyhow!("{base} served a proof that is no proof: {e}"))?;
	let proof = crate::spot_check::from_hex(&served.proof)?;
	let key = synod_trace::trace_key(job, served.seed);
	let (output, leaves) = (served.segments.saturating_add(1), served.segments.saturating_add(2));
	let opens = |model: &[u8; 32]| {
		let value = synod_trace::output_value(&key, model);
		synod_trace::verify(root, &synod_trace::output_leaf(&key, &value), output, leaves, &proof)
	};
	let limit = crate::artifacts::MAX_ARTIFACT_BYTES;
	let (model, bytes) =
		store.fetch_matching(&crate::spot_check::output_url(base), limit, opens)?;
	tracing::info!(job, model = %hash::to_hex(&model), "fetched the model its trace's root commits to");
	Ok((model, bytes))
}

/// A one-line JSON summary of a finished job: the verified result and what it is worth on the
/// held-out rows.
pub fn evaluate(
	store: &Store,
	view: &JobView,
	spec: &PostSpec,
	held_out: &Dataset,
) -> Result<serde_json::Value> {
	let mut summary = serde_json::json!({ "job": view.id, "status": view.status });
	let Some(outcome) = &view.outcome else { return Ok(summary) };
	summary["byCommittee"] = outcome.by_committee.into();
	summary["penalties"] = outcome.penalties.len().into();
	if let Some(refused) = &outcome.refused {
		summary["refused"] = refused.clone();
		return Ok(summary);
	}
	if let Some(statistics) = &outcome.statistics {
		summary["statistics"] = statistics.clone().into();
		return Ok(summary);
	}
	if outcome.result_hash.is_none() {
		return Ok(summary);
	}
	let (hash, bytes) = fetch(store, view)?;
	// A spot-checked job's outcome is its trace's root; the model has a hash of its own.
	if let Some(root) = outcome.result_hash.as_deref().map(|root| root.trim_start_matches("0x")) {
		if root != hash::to_hex(&hash) {
			summary["traceRoot"] = root.into();
		}
	}
	summary["resultHash"] = hash::to_hex(&hash).into();
	match spec.kind.as_str() {
		"train" => {
			let model = TrainedModel::from_artifact(&bytes, None)?;
			summary["score"] = model.evaluate(held_out)?.score().into();
		},
		"infer" => {
			let outputs = Outputs::from_artifact(&bytes)?;
			summary["rows"] = outputs.rows().into();
			if let Targets::Classes { labels, .. } = held_out.targets() {
				let right = outputs.classes().iter().zip(labels).filter(|(p, l)| p == l).count();
				summary["score"] = (right as f64 / labels.len().max(1) as f64).into();
			}
		},
		_ => {},
	}
	Ok(summary)
}

/// Writes a fetched artifact to `out`.
pub fn save(bytes: &[u8], out: &Path) -> Result<()> {
	std::fs::write(out, bytes).with_context(|| format!("writing {}", out.display()))
}
