//! Jobs with on-chain escrow, verified by re-execution (issue 5), on a `--dev` node driven as a
//! new user would drive it: subxt dynamic calls and the `synod_job*` RPC methods.
//!
//! A subnet has two validators (Bob's and Charlie's hotkeys, 1000 and 500 SYN of stake) and
//! three miners (Dave's, 100 SYN each). Eve posts three jobs in one block, each with its
//! bounty held in escrow:
//!
//! - **A**, two replicas, done honestly: both miners commit and reveal the same result hash,
//!   the validators reproduce it, and at settlement 1% of the bounty is burnt, 10% goes in
//!   equal shares to the verifiers' coldkeys and 89% in equal shares to the miners' coldkeys.
//! - **B**, two replicas, one miner reveals a wrong hash: the validators' reproduction is the
//!   truth, the honest miner takes the whole miners' pool, and the wrong one loses 10% of its
//!   stake to Eve.
//! - **C**, more replicas than the subnet has neurons: nobody can take it, and the whole
//!   bounty comes back to Eve at its assignment deadline.
//!
//! Every amount is checked against the events, against balances, stake and total issuance read
//! at the blocks just before and after the one that moved them (so that transaction fees never
//! blur them), and against `synod_job`, `synod_jobsByRequester`, `synod_minerAssignments` and
//! `synod_jobsByStatus`.
//!
//! Every staked neuron here holds a validator permit (the subnet allows 64), so the chain has
//! no permit-free miners to prefer and draws among all of them, validators included; the test
//! follows whatever was drawn: a validator drawn for a job computes it as a miner
//! and cannot verify it. If a draw takes both validators, an undrawn miner verifies instead
//! (staked, it holds a validator permit too), so every job still has a verifier.

use std::collections::{BTreeMap, BTreeSet};

use anyhow::{anyhow, ensure, Result};
use serde_json::Value as Json;
use sp_crypto_hashing::blake2_256;
use subxt::{
	dynamic::{self, At, Value},
	ext::{
		codec::Encode,
		futures::future::try_join_all,
		scale_decode::{DecodeAsFields, DecodeAsType},
	},
	rpcs::{rpc_params, RpcClient},
	utils::{AccountId32, H256},
	OnlineClient, PolkadotConfig,
};
use subxt_signer::sr25519::{dev, Keypair};
use synod_e2e::*;

type Api = OnlineClient<PolkadotConfig>;

// ---------------------------------------------------------------------------------------------
// Keys and RPC

fn hex32(bytes: &[u8; 32]) -> String {
	format!("0x{}", hex::encode(bytes))
}

/// A JSON list of job ids, as a set.
fn job_ids(list: &Json) -> Result<BTreeSet<u64>> {
	list.as_array()
		.ok_or_else(|| anyhow!("not a list of job ids: {list}"))?
		.iter()
		.map(|id| id.as_u64().ok_or_else(|| anyhow!("not a job id: {id}")))
		.collect()
}

/// `[{ "account", "amount" }, …]` as a map from SS58 address to amount.
fn payouts(list: &Json) -> Result<BTreeMap<String, u128>> {
	list.as_array()
		.ok_or_else(|| anyhow!("not a list of payouts: {list}"))?
		.iter()
		.map(|entry| {
			let account = entry["account"]
				.as_str()
				.ok_or_else(|| anyhow!("payout without an account: {entry}"))?;
			Ok((account.to_string(), balance(&entry["amount"])?))
		})
		.collect()
}

// ---------------------------------------------------------------------------------------------
// Blocks, events and state at a block

/// The number of the block with hash `hash`.
async fn number_of(client: &RpcClient, hash: &str) -> Result<u64> {
	let header = rpc(client, "chain_getHeader", rpc_params![hash]).await?;
	header["number"]
		.as_str()
		.and_then(|n| u64::from_str_radix(n.trim_start_matches("0x"), 16).ok())
		.ok_or_else(|| anyhow!("header of {hash} has no number: {header}"))
}

fn block_ref(hash: &str) -> Result<H256> {
	hash.parse().map_err(|e| anyhow!("bad block hash {hash}: {e:?}"))
}

/// The fields, decoded as `E`, of every `pallet.name` event of block `hash`, whether an
/// extrinsic or a block hook emitted it.
async fn events_at<E: DecodeAsFields>(
	api: &Api,
	hash: &str,
	pallet: &str,
	name: &str,
) -> Result<Vec<E>> {
	let events = api.at_block(block_ref(hash)?).await?.events().fetch().await?;
	let mut found = Vec::new();
	for event in events.iter() {
		let event = event?;
		if event.pallet_name() == pallet && event.event_name() == name {
			found.push(event.decode_fields_unchecked_as::<E>()?);
		}
	}
	Ok(found)
}

#[derive(Debug, DecodeAsType)]
#[decode_as_type(crate_path = "subxt::ext::scale_decode")]
struct AccountInfo {
	data: Funds,
}

/// An account's free and reserved (held) balance.
#[derive(Debug, Clone, Copy, DecodeAsType)]
#[decode_as_type(crate_path = "subxt::ext::scale_decode")]
struct Funds {
	free: u128,
	reserved: u128,
}

async fn funds(api: &Api, who: &AccountId32, hash: &str) -> Result<Funds> {
	let at = api.at_block(block_ref(hash)?).await?;
	let address = dynamic::storage::<([u8; 32],), AccountInfo>("System", "Account");
	match at.storage().try_fetch(address, (who.0,)).await? {
		Some(value) => Ok(value.decode()?.data),
		None => Ok(Funds { free: 0, reserved: 0 }),
	}
}

async fn issuance(api: &Api, hash: &str) -> Result<u128> {
	let at = api.at_block(block_ref(hash)?).await?;
	let address = dynamic::storage::<(), u128>("Balances", "TotalIssuance");
	Ok(at.storage().fetch(address, ()).await?.decode()?)
}

/// The active stake behind `hotkey` at block `hash`.
async fn hotkey_stake(client: &RpcClient, hotkey: &AccountId32, hash: &str) -> Result<u128> {
	balance(&rpc(client, "synod_hotkeyStake", rpc_params![hotkey.to_string(), hash]).await?)
}

// The events of the jobs pallet that the test reads, by their fields.

#[derive(Debug, DecodeAsType)]
#[decode_as_type(crate_path = "subxt::ext::scale_decode")]
struct JobPosted {
	job: u64,
	netuid: u16,
	requester: AccountId32,
	bounty: u128,
}

#[derive(Debug, DecodeAsType)]
#[decode_as_type(crate_path = "subxt::ext::scale_decode")]
struct JobAssigned {
	job: u64,
	miners: Vec<AccountId32>,
}

#[derive(Debug, PartialEq, DecodeAsType)]
#[decode_as_type(crate_path = "subxt::ext::scale_decode")]
struct JobExpired {
	job: u64,
	refund: u128,
}

#[derive(Debug, DecodeAsType)]
#[decode_as_type(crate_path = "subxt::ext::scale_decode")]
struct JobSettled {
	job: u64,
	result_hash: [u8; 32],
	to_miners: u128,
	to_validators: u128,
	burnt: u128,
	refunded: u128,
}

#[derive(Debug, PartialEq, DecodeAsType)]
#[decode_as_type(crate_path = "subxt::ext::scale_decode")]
struct MinerPenalised {
	job: u64,
	miner: AccountId32,
	slashed: u128,
}

// ---------------------------------------------------------------------------------------------
// Calls

/// A `RuntimeCall` value: `pallet.name` with named fields.
fn call(pallet: &str, name: &str, fields: Vec<(&str, Value)>) -> Value {
	Value::unnamed_variant(pallet, [Value::named_variant(name, fields)])
}

/// Submits `calls` as one `Utility.batch_all` signed by `signer`.
async fn batch(api: &Api, signer: &Keypair, calls: Vec<Value>) -> Result<Included> {
	submit(api, signer, "Utility", "batch_all", vec![Value::unnamed_composite(calls)]).await
}

/// A training job's spec: an architecture, one input by hash and URL, hyperparameters the
/// chain only bounds, and the seed that makes every replica compute the same bytes.
fn spec(seed: u64) -> Value {
	let dataset = b"sepal_length,sepal_width,petal_length,petal_width,species\n";
	// Epochs and learning rate (millionths), as the worker's ML library would encode them.
	let hyperparameters = (20u32, 1_000u32).encode();
	Value::named_composite([
		("kind", Value::unnamed_variant("Train", Vec::<Value>::new())),
		("architecture", Value::from_bytes(b"mlp")),
		("architecture_version", Value::u128(1)),
		(
			"inputs",
			Value::unnamed_composite([Value::named_composite([
				("hash", Value::from_bytes(blake2_256(dataset))),
				("uri", Value::from_bytes(b"https://data.example/iris.csv")),
			])]),
		),
		("hyperparameters", Value::from_bytes(hyperparameters)),
		("seed", Value::u128(seed.into())),
	])
}

/// A job's deadlines, absolute block numbers.
struct Deadlines {
	assign_by: u64,
	commit_by: u64,
	reveal_by: u64,
	verify_by: u64,
}

impl Deadlines {
	fn value(&self) -> Value {
		Value::named_composite([
			("assign_by", Value::u128(self.assign_by.into())),
			("commit_by", Value::u128(self.commit_by.into())),
			("reveal_by", Value::u128(self.reveal_by.into())),
			("verify_by", Value::u128(self.verify_by.into())),
		])
	}
}

fn post_job(netuid: u16, seed: u64, bounty: u128, replicas: u8, deadlines: &Deadlines) -> Value {
	call(
		"Jobs",
		"post_job",
		vec![
			("netuid", Value::u128(netuid.into())),
			("spec", spec(seed)),
			("bounty", Value::u128(bounty)),
			("replicas", Value::u128(replicas.into())),
			("deadlines", deadlines.value()),
		],
	)
}

/// What miners and validators commit to: `BLAKE2-256(SCALE(result_hash, salt))`.
fn commitment(result_hash: [u8; 32], salt: [u8; 32]) -> [u8; 32] {
	blake2_256(&(result_hash, salt).encode())
}

// ---------------------------------------------------------------------------------------------
// The subnet's neurons and the jobs

/// A hotkey of the subnet, the key pair that signs for it, and the coldkey paid for its work.
struct Neuron {
	key: Keypair,
	hotkey: AccountId32,
	owner: AccountId32,
	validator: bool,
}

impl Neuron {
	fn new(uri: &str, owner: &Keypair, validator: bool) -> Neuron {
		let key = derived(uri);
		Neuron { hotkey: account(&key), key, owner: account(owner), validator }
	}
}

/// Sends each neuron's calls as one batch, all neurons at once: one transaction per signer, so
/// that no signer races itself for a nonce, and one block for the whole step.
async fn send(
	api: &Api,
	neurons: &[Neuron],
	calls: BTreeMap<AccountId32, Vec<Value>>,
) -> Result<()> {
	let sends = calls.into_iter().map(|(hotkey, calls)| async move {
		let neuron = neurons
			.iter()
			.find(|n| n.hotkey == hotkey)
			.ok_or_else(|| anyhow!("{hotkey} is not a neuron of this test"))?;
		batch(api, &neuron.key, calls).await
	});
	try_join_all(sends).await?;
	Ok(())
}

/// How settlement divides a bounty (`pallets/jobs/src/settlement.rs`): 1% burnt, 10% in equal
/// shares to the verifiers that reproduced the truth, the rest in equal shares to the miners
/// that delivered it, and whatever rounding leaves back to the requester.
struct Split {
	burnt: u128,
	validator_share: u128,
	to_validators: u128,
	miner_share: u128,
	to_miners: u128,
	refunded: u128,
}

/// A job as the test drives it: who was drawn, who verifies it, and what each reports.
struct Job {
	id: u64,
	bounty: u128,
	/// The result that honest re-execution gives; it is deterministic, so the verifiers
	/// reproduce exactly the honest miners' hash.
	truth: [u8; 32],
	/// The miners drawn, in the order of the draw.
	miners: Vec<AccountId32>,
	verifiers: Vec<AccountId32>,
	/// The miner that reveals another hash, if any.
	wrong: Option<AccountId32>,
}

impl Job {
	fn new(id: u64, bounty: u128, neurons: &[Neuron], miners: Vec<AccountId32>) -> Job {
		// A neuron cannot verify a job it computes; the validators verify the rest. If the draw
		// took both, an undrawn miner does: it is staked, so it holds a permit as well.
		let undrawn: Vec<&Neuron> =
			neurons.iter().filter(|n| !miners.contains(&n.hotkey)).collect();
		let mut verifiers: Vec<AccountId32> =
			undrawn.iter().filter(|n| n.validator).map(|n| n.hotkey.clone()).collect();
		if verifiers.is_empty() {
			verifiers.extend(undrawn.first().map(|n| n.hotkey.clone()));
		}
		let truth = blake2_256(&(b"the trained weights of job", id).encode());
		Job { id, bounty, truth, miners, verifiers, wrong: None }
	}

	/// The result hash `miner` reveals.
	fn result_of(&self, miner: &AccountId32) -> [u8; 32] {
		if self.wrong.as_ref() == Some(miner) {
			blake2_256(&(b"weights trained with the wrong seed", self.id).encode())
		} else {
			self.truth
		}
	}

	/// Each party's own salt, so that no commitment reveals another's.
	fn salt(&self, who: &AccountId32) -> [u8; 32] {
		blake2_256(&(b"salt", self.id, who.0).encode())
	}

	fn uri(&self, miner: &AccountId32) -> String {
		format!("https://results.example/jobs/{}/{miner}", self.id)
	}

	fn honest_miners(&self) -> Vec<&AccountId32> {
		self.miners.iter().filter(|m| self.wrong.as_ref() != Some(*m)).collect()
	}

	fn split(&self) -> Split {
		let (verifiers, miners) =
			(self.verifiers.len() as u128, self.honest_miners().len() as u128);
		let burnt = self.bounty / 100;
		let validator_share = self.bounty / 10 / verifiers;
		let to_validators = validator_share * verifiers;
		let miner_share = (self.bounty - burnt - to_validators) / miners;
		let to_miners = miner_share * miners;
		let refunded = self.bounty - burnt - to_validators - to_miners;
		Split { burnt, validator_share, to_validators, miner_share, to_miners, refunded }
	}

	fn commit_calls(&self, calls: &mut BTreeMap<AccountId32, Vec<Value>>) {
		let job = Value::u128(self.id.into());
		for miner in &self.miners {
			let hash = commitment(self.result_of(miner), self.salt(miner));
			calls.entry(miner.clone()).or_default().push(call(
				"Jobs",
				"commit_result",
				vec![("job", job.clone()), ("commitment", Value::from_bytes(hash))],
			));
		}
		for verifier in &self.verifiers {
			let hash = commitment(self.truth, self.salt(verifier));
			calls.entry(verifier.clone()).or_default().push(call(
				"Jobs",
				"commit_verification",
				vec![("job", job.clone()), ("commitment", Value::from_bytes(hash))],
			));
		}
	}

	fn reveal_result_calls(&self, calls: &mut BTreeMap<AccountId32, Vec<Value>>) {
		for miner in &self.miners {
			calls.entry(miner.clone()).or_default().push(call(
				"Jobs",
				"reveal_result",
				vec![
					("job", Value::u128(self.id.into())),
					("result_hash", Value::from_bytes(self.result_of(miner))),
					("salt", Value::from_bytes(self.salt(miner))),
					("uri", Value::from_bytes(self.uri(miner))),
				],
			));
		}
	}

	fn reveal_verification_calls(&self, calls: &mut BTreeMap<AccountId32, Vec<Value>>) {
		for verifier in &self.verifiers {
			calls.entry(verifier.clone()).or_default().push(call(
				"Jobs",
				"reveal_verification",
				vec![
					("job", Value::u128(self.id.into())),
					("result_hash", Value::from_bytes(self.truth)),
					("salt", Value::from_bytes(self.salt(verifier))),
				],
			));
		}
	}
}

async fn job_view(client: &RpcClient, job: u64) -> Result<Json> {
	rpc(client, "synod_job", rpc_params![job]).await
}

async fn jobs_of(client: &RpcClient, requester: &AccountId32) -> Result<BTreeSet<u64>> {
	job_ids(&rpc(client, "synod_jobsByRequester", rpc_params![requester.to_string()]).await?)
}

// ---------------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread")]
async fn jobs_pay_reproduced_results_slash_wrong_ones_and_refund_untaken_ones() -> Result<()> {
	let dir = tempfile::tempdir()?;
	let mut node = Node::start("dev", dir.path(), &["--dev"])?;
	let (client, api) = node.connect().await?;
	let (alice, bob, charlie, dave, eve) =
		(dev::alice(), dev::bob(), dev::charlie(), dev::dave(), dev::eve());
	let requester = account(&eve);
	let neurons = vec![
		Neuron::new("//Bob//validator", &bob, true),
		Neuron::new("//Charlie//validator", &charlie, true),
		Neuron::new("//Dave//miner1", &dave, false),
		Neuron::new("//Dave//miner2", &dave, false),
		Neuron::new("//Dave//miner3", &dave, false),
	];
	let owner_of = |hotkey: &AccountId32| {
		neurons.iter().find(|n| &n.hotkey == hotkey).map(|n| n.owner.clone())
	};

	// Alice (sudo) first stops the block emission: epochs would otherwise mint the owner's cut
	// and compound dividends into stake, and this test follows balances, stake and issuance to
	// the unit (`yuma.rs` tests emission). In the same batch she creates the subnet and funds
	// every hotkey for fees, since miners and validators all sign.
	let no_emission = call(
		"Yuma",
		"set_emission_parameters",
		vec![(
			"parameters",
			Value::named_composite([
				("initial_block_emission", Value::u128(0)),
				("supply_cap", Value::u128(0)),
				("owner_cut", Value::unnamed_composite([Value::u128(0)])),
				("stake_threshold", Value::u128(0)),
			]),
		)],
	);
	let mut setup = vec![
		call("Sudo", "sudo", vec![("call", no_emission)]),
		call("Subnets", "create_subnet", vec![]),
	];
	setup.extend(neurons.iter().map(|n| {
		call(
			"Balances",
			"transfer_keep_alive",
			vec![("dest", address(&n.hotkey)), ("value", Value::u128(10 * SYN))],
		)
	}));
	let created = batch(&api, &alice, setup).await?;
	let netuid = created
		.fields("Subnets", "SubnetCreated")
		.and_then(|f| f.at("netuid"))
		.and_then(|v| v.as_u128())
		.ok_or_else(|| anyhow!("no SubnetCreated in {:?}", created.events))? as u16;
	let emission = rpc(&client, "synod_emission", rpc_params![]).await?;
	assert_eq!(balance(&emission["blockEmission"])?, 0, "{emission}");

	// Each coldkey registers and stakes its hotkeys; the miners are staked too, so that a wrong
	// result has stake to lose.
	let register = |n: &Neuron| {
		call(
			"Subnets",
			"register",
			vec![("netuid", Value::u128(netuid.into())), ("hotkey", Value::from_bytes(n.hotkey.0))],
		)
	};
	let stake = |n: &Neuron, amount: u128| {
		call(
			"Staking",
			"add_stake",
			vec![("hotkey", Value::from_bytes(n.hotkey.0)), ("amount", Value::u128(amount))],
		)
	};
	let miners = &neurons[2..];
	let dave_calls: Vec<Value> =
		miners.iter().map(&register).chain(miners.iter().map(|n| stake(n, 100 * SYN))).collect();
	let (by_bob, by_charlie, by_dave) = tokio::join!(
		batch(&api, &bob, vec![register(&neurons[0]), stake(&neurons[0], 1_000 * SYN)]),
		batch(&api, &charlie, vec![register(&neurons[1]), stake(&neurons[1], 500 * SYN)]),
		batch(&api, &dave, dave_calls),
	);
	by_bob?;
	by_charlie?;
	by_dave?;

	// The first epoch with stake hands out validator permits: to every staked neuron, as the
	// subnet allows 64 and has 5. The validators need theirs to verify.
	let graph = metagraph(&client, netuid).await?;
	let first = graph["epochIndex"].as_u64().unwrap_or_default() + 1;
	let graph = wait_for_epoch(&client, netuid, first).await?;
	let listed = graph["neurons"].as_array().ok_or_else(|| anyhow!("neurons: {graph}"))?;
	assert_eq!(listed.len(), neurons.len(), "{graph}");
	for neuron in &neurons {
		let entry = listed
			.iter()
			.find(|n| n["hotkey"] == neuron.hotkey.to_string())
			.ok_or_else(|| anyhow!("{} is not in {graph}", neuron.hotkey))?;
		assert_eq!(entry["output"]["validatorPermit"], true, "{entry}");
	}

	// Eve posts the three jobs in one block. The deadlines leave six blocks (18 s) for each
	// step, room for a loaded CI machine; A and B share them and so settle together, in the
	// block after `verify_by`.
	let now = best_number(&client).await?;
	let deadlines = Deadlines {
		assign_by: now + 6,
		commit_by: now + 12,
		reveal_by: now + 18,
		verify_by: now + 24,
	};
	let settles_at = deadlines.verify_by + 1;
	// Bounties that every share divides exactly, so that nothing is refunded for rounding.
	let (bounty_a, bounty_b, bounty_c) = (100 * SYN, 60 * SYN, 25 * SYN);
	// More miners than the subnet has neurons (every staked neuron may be drawn, validators
	// included), within `MaxReplicas` (8): nobody can ever take C.
	let too_many = neurons.len() as u8 + 1;
	let posted = batch(
		&api,
		&eve,
		vec![
			post_job(netuid, 1, bounty_a, 2, &deadlines),
			post_job(netuid, 2, bounty_b, 2, &deadlines),
			post_job(netuid, 3, bounty_c, too_many, &deadlines),
		],
	)
	.await?;
	let posted_at = number_of(&client, &posted.block_hash).await?;
	let jobs: Vec<JobPosted> = events_at(&api, &posted.block_hash, "Jobs", "JobPosted").await?;
	ensure!(jobs.len() == 3, "three JobPosted expected: {jobs:?}");
	for (event, bounty) in jobs.iter().zip([bounty_a, bounty_b, bounty_c]) {
		assert_eq!((event.netuid, &event.requester, event.bounty), (netuid, &requester, bounty));
	}
	let (id_a, id_b, id_c) = (jobs[0].job, jobs[1].job, jobs[2].job);

	// The bounties are held, not spent.
	let before_posting = finalized_block(&client, posted_at - 1).await?;
	let held = funds(&api, &requester, &posted.block_hash).await?.reserved
		- funds(&api, &requester, &before_posting).await?.reserved;
	assert_eq!(held, bounty_a + bounty_b + bounty_c, "the bounties go into escrow");
	assert_eq!(jobs_of(&client, &requester).await?, BTreeSet::from([id_a, id_b, id_c]));
	let view_c = job_view(&client, id_c).await?;
	assert_eq!(view_c["status"], "posted", "{view_c}");
	assert_eq!(view_c["job"]["replicas"], too_many, "{view_c}");
	assert_eq!(balance(&view_c["job"]["bounty"])?, bounty_c, "{view_c}");
	// The spec reads back as text and hex.
	let spec_c = &view_c["job"]["spec"];
	assert_eq!(spec_c["kind"], "train", "{view_c}");
	assert_eq!(spec_c["architecture"], "mlp", "{view_c}");
	assert_eq!(spec_c["inputs"][0]["uri"], "https://data.example/iris.csv", "{view_c}");
	assert_eq!(spec_c["seed"], 3, "{view_c}");
	let posted_jobs = job_ids(&rpc(&client, "synod_jobsByStatus", rpc_params!["posted"]).await?)?;
	assert!(posted_jobs.contains(&id_c), "{posted_jobs:?}");

	// In the next block the chain draws two miners each for A and B (from randomness it did
	// not know at posting), and none for C.
	let assigned_in = finalized_block(&client, posted_at + 1).await?;
	let drawn: Vec<JobAssigned> = events_at(&api, &assigned_in, "Jobs", "JobAssigned").await?;
	let drawn_for = |job: u64| -> Result<Vec<AccountId32>> {
		let assigned = drawn.iter().find(|e| e.job == job);
		assigned.map(|e| e.miners.clone()).ok_or_else(|| anyhow!("{job} unassigned: {drawn:?}"))
	};
	assert!(drawn.iter().all(|e| e.job != id_c), "C cannot be assigned: {drawn:?}");
	let job_a = Job::new(id_a, bounty_a, &neurons, drawn_for(id_a)?);
	let mut job_b = Job::new(id_b, bounty_b, &neurons, drawn_for(id_b)?);
	for job in [&job_a, &job_b] {
		assert_eq!(job.miners.len(), 2, "{drawn:?}");
		assert!(job.miners.iter().all(|m| owner_of(m).is_some()), "{drawn:?}");
		assert_ne!(job.miners[0], job.miners[1], "{drawn:?}");
	}
	// In B one miner is careless; preferably one of Dave's, whichever were drawn.
	let wrong = job_b
		.miners
		.iter()
		.find(|m| neurons.iter().any(|n| &n.hotkey == *m && !n.validator))
		.unwrap_or(&job_b.miners[1])
		.clone();
	job_b.wrong = Some(wrong.clone());

	// Over RPC the jobs are in flight, committing, with their miners; each miner sees its
	// assignment.
	for job in [&job_a, &job_b] {
		let view = job_view(&client, job.id).await?;
		assert_eq!(view["id"], job.id, "{view}");
		assert_eq!(view["status"], "committing", "{view}");
		assert!(view["outcome"].is_null(), "{view}");
		let record = &view["job"];
		assert_eq!(record["requester"], requester.to_string(), "{view}");
		assert_eq!(record["netuid"], netuid, "{view}");
		assert_eq!(balance(&record["bounty"])?, job.bounty, "{view}");
		assert_eq!(record["replicas"], 2, "{view}");
		assert_eq!(record["postedAt"], posted_at, "{view}");
		assert_eq!(record["sampled"], true, "a subnet verifies every job by default: {view}");
		let expected_deadlines = serde_json::json!({
			"assignBy": deadlines.assign_by,
			"commitBy": deadlines.commit_by,
			"revealBy": deadlines.reveal_by,
			"verifyBy": deadlines.verify_by,
		});
		assert_eq!(record["deadlines"], expected_deadlines, "{view}");
		let entries = record["miners"].as_array().ok_or_else(|| anyhow!("no miners in {view}"))?;
		assert!(entries.iter().all(|m| m["committed"] == false), "nobody committed yet: {view}");
		let listed: BTreeSet<String> =
			entries.iter().filter_map(|m| m["hotkey"].as_str().map(str::to_string)).collect();
		let expected: BTreeSet<String> = job.miners.iter().map(AccountId32::to_string).collect();
		assert_eq!(listed, expected, "{view}");
		for miner in &job.miners {
			let open =
				rpc(&client, "synod_minerAssignments", rpc_params![miner.to_string()]).await?;
			assert!(job_ids(&open)?.contains(&job.id), "{miner}: {open}");
		}
	}
	let committing =
		job_ids(&rpc(&client, "synod_jobsByStatus", rpc_params!["committing"]).await?)?;
	assert!(committing.is_superset(&BTreeSet::from([id_a, id_b])), "{committing:?}");

	// Miners commit to their results and verifiers to their reproductions, all in one block.
	let mut commits = BTreeMap::new();
	job_a.commit_calls(&mut commits);
	job_b.commit_calls(&mut commits);
	send(&api, &neurons, commits).await?;

	// C expires at its assignment deadline, in full: Eve's hold turns back into free balance.
	let before_expiry = finalized_block(&client, deadlines.assign_by - 1).await?;
	let expiry = finalized_block(&client, deadlines.assign_by).await?;
	let expired: Vec<JobExpired> = events_at(&api, &expiry, "Jobs", "JobExpired").await?;
	assert_eq!(expired, [JobExpired { job: id_c, refund: bounty_c }]);
	let (eve_before, eve_after) =
		(funds(&api, &requester, &before_expiry).await?, funds(&api, &requester, &expiry).await?);
	assert_eq!(eve_after.free - eve_before.free, bounty_c, "C's bounty back to Eve");
	assert_eq!(eve_before.reserved - eve_after.reserved, bounty_c, "and no longer held");
	assert_eq!(jobs_of(&client, &requester).await?, BTreeSet::from([id_a, id_b]));
	let view_c = job_view(&client, id_c).await?;
	assert!(view_c.is_null(), "an expired job is forgotten; its event keeps the record: {view_c}");

	// Every miner committed, so they may reveal before the commit deadline.
	let mut reveals = BTreeMap::new();
	job_a.reveal_result_calls(&mut reveals);
	job_b.reveal_result_calls(&mut reveals);
	send(&api, &neurons, reveals).await?;
	for job in [&job_a, &job_b] {
		let view = job_view(&client, job.id).await?;
		assert_eq!(view["status"], "revealing", "{view}");
		for miner in &job.miners {
			let entry = view["job"]["miners"]
				.as_array()
				.and_then(|all| all.iter().find(|m| m["hotkey"] == miner.to_string()))
				.ok_or_else(|| anyhow!("{miner} missing from {view}"))?;
			assert_eq!(entry["committed"], true, "{view}");
			assert_eq!(entry["resultHash"], hex32(&job.result_of(miner)), "{view}");
			assert_eq!(entry["uri"], job.uri(miner), "{view}");
		}
	}

	// Verifiers reveal only once the miners' reveals are closed, so that none can copy a
	// miner's hash without having reproduced it.
	finalized_block(&client, deadlines.reveal_by).await?;
	let mut verifications = BTreeMap::new();
	job_a.reveal_verification_calls(&mut verifications);
	job_b.reveal_verification_calls(&mut verifications);
	send(&api, &neurons, verifications).await?;
	ensure!(
		best_number(&client).await? <= deadlines.verify_by,
		"the verifications landed too late to read the jobs before settlement"
	);
	for job in [&job_a, &job_b] {
		let view = job_view(&client, job.id).await?;
		assert_eq!(view["status"], "verifying", "{view}");
		let verifiers =
			view["job"]["verifiers"].as_array().ok_or_else(|| anyhow!("no verifiers in {view}"))?;
		assert_eq!(verifiers.len(), job.verifiers.len(), "{view}");
		for verifier in &job.verifiers {
			let entry = verifiers
				.iter()
				.find(|v| v["validator"] == verifier.to_string())
				.ok_or_else(|| anyhow!("{verifier} missing from {view}"))?;
			assert_eq!(entry["committed"], true, "{view}");
			assert_eq!(entry["resultHash"], hex32(&job.truth), "{view}");
		}
	}

	// A and B settle in the block after `verify_by`. Nobody transacts in it, so every change
	// across it is the settlement's.
	let before = finalized_block(&client, deadlines.verify_by).await?;
	let settled_in = finalized_block(&client, settles_at).await?;
	let settlements: Vec<JobSettled> = events_at(&api, &settled_in, "Jobs", "JobSettled").await?;
	ensure!(settlements.len() == 2, "A and B settle together: {settlements:?}");
	for job in [&job_a, &job_b] {
		let event = settlements
			.iter()
			.find(|e| e.job == job.id)
			.ok_or_else(|| anyhow!("job {} did not settle: {settlements:?}", job.id))?;
		let split = job.split();
		assert_eq!(event.result_hash, job.truth, "the verifiers' reproduction is the truth");
		assert_eq!(event.burnt, job.bounty / 100, "1% burnt: {event:?}");
		assert_eq!(event.to_validators, job.bounty / 10, "10% to the verifiers: {event:?}");
		assert_eq!(event.to_miners, job.bounty * 89 / 100, "89% to the miners: {event:?}");
		assert_eq!(event.refunded, 0, "nothing left over: {event:?}");
		assert_eq!(
			(event.burnt, event.to_validators, event.to_miners, event.refunded),
			(split.burnt, split.to_validators, split.to_miners, split.refunded)
		);
	}

	// The careless miner loses 10% of its stake, to Eve.
	let penalties: Vec<MinerPenalised> =
		events_at(&api, &settled_in, "Jobs", "MinerPenalised").await?;
	let stake_before = hotkey_stake(&client, &wrong, &before).await?;
	let stake_after = hotkey_stake(&client, &wrong, &settled_in).await?;
	let slashed = stake_before / 10;
	assert!(slashed > 0, "the careless miner had stake to lose");
	assert_eq!(penalties, [MinerPenalised { job: id_b, miner: wrong.clone(), slashed }]);
	assert_eq!(stake_before - stake_after, slashed, "the slash comes out of its stake");

	// Each coldkey receives its hotkeys' shares: the verifiers' fee and the miners' pool.
	let mut expected_gains: BTreeMap<AccountId32, u128> = BTreeMap::new();
	for job in [&job_a, &job_b] {
		let split = job.split();
		for verifier in &job.verifiers {
			let owner = owner_of(verifier).ok_or_else(|| anyhow!("{verifier} has no owner"))?;
			*expected_gains.entry(owner).or_default() += split.validator_share;
		}
		for miner in job.honest_miners() {
			let owner = owner_of(miner).ok_or_else(|| anyhow!("{miner} has no owner"))?;
			*expected_gains.entry(owner).or_default() += split.miner_share;
		}
	}
	for (name, coldkey) in [("Bob", &bob), ("Charlie", &charlie), ("Dave", &dave)] {
		let coldkey = account(coldkey);
		let gain = free_balance(&api, &coldkey, Some(&settled_in)).await?
			- free_balance(&api, &coldkey, Some(&before)).await?;
		let expected = expected_gains.get(&coldkey).copied().unwrap_or(0);
		assert_eq!(gain, expected, "{name}'s coldkey is paid for its hotkeys' work");
	}
	// With no validator drawn, Bob's and Charlie's validators verify both jobs: 5 + 3 SYN each.
	if [&job_a, &job_b].iter().all(|job| job.verifiers.len() == 2) {
		assert_eq!(expected_gains.get(&account(&bob)), Some(&(8 * SYN)));
		assert_eq!(expected_gains.get(&account(&charlie)), Some(&(8 * SYN)));
	}

	// Eve's escrow is gone: what was not paid or burnt came back, and the slash with it.
	let (eve_before, eve_after) =
		(funds(&api, &requester, &before).await?, funds(&api, &requester, &settled_in).await?);
	assert_eq!(eve_before.reserved, bounty_a + bounty_b, "A and B were held until settlement");
	assert_eq!(eve_after.reserved, 0, "nothing is held once they settle");
	let refunded = job_a.split().refunded + job_b.split().refunded;
	assert_eq!(eve_after.free - eve_before.free, refunded + slashed);

	// Only the protocol fees left the supply.
	let burnt = job_a.split().burnt + job_b.split().burnt;
	let fell = issuance(&api, &before).await? - issuance(&api, &settled_in).await?;
	assert_eq!(fell, burnt, "total issuance falls by the protocol fees");

	// The outcomes over RPC match what moved.
	for job in [&job_a, &job_b] {
		let view = job_view(&client, job.id).await?;
		assert_eq!(view["status"], "settled", "{view}");
		assert!(view["job"].is_null(), "{view}");
		let outcome = &view["outcome"];
		let split = job.split();
		assert_eq!(outcome["requester"], requester.to_string(), "{view}");
		assert_eq!(outcome["netuid"], netuid, "{view}");
		assert_eq!(outcome["resultHash"], hex32(&job.truth), "{view}");
		assert_eq!(outcome["byValidators"], true, "{view}");
		assert_eq!(outcome["settledAt"], settles_at, "{view}");
		let uris: Vec<String> = job.honest_miners().into_iter().map(|m| job.uri(m)).collect();
		assert!(uris.iter().any(|uri| outcome["uri"] == uri.as_str()), "{view}");
		let to_miners: BTreeMap<String, u128> =
			job.honest_miners().into_iter().map(|m| (m.to_string(), split.miner_share)).collect();
		assert_eq!(payouts(&outcome["minerPayouts"])?, to_miners, "{view}");
		let to_validators: BTreeMap<String, u128> =
			job.verifiers.iter().map(|v| (v.to_string(), split.validator_share)).collect();
		assert_eq!(payouts(&outcome["validatorPayouts"])?, to_validators, "{view}");
		let penalised: BTreeMap<String, u128> =
			job.wrong.iter().map(|m| (m.to_string(), slashed)).collect();
		assert_eq!(payouts(&outcome["penalties"])?, penalised, "{view}");
		assert_eq!(balance(&outcome["burnt"])?, split.burnt, "{view}");
		assert_eq!(balance(&outcome["refunded"])?, split.refunded, "{view}");
	}
	let settled = job_ids(&rpc(&client, "synod_jobsByStatus", rpc_params!["settled"]).await?)?;
	assert!(settled.is_superset(&BTreeSet::from([id_a, id_b])), "{settled:?}");
	assert!(jobs_of(&client, &requester).await?.is_empty(), "Eve has nothing in flight");
	for neuron in &neurons {
		let open =
			rpc(&client, "synod_minerAssignments", rpc_params![neuron.hotkey.to_string()]).await?;
		assert!(job_ids(&open)?.is_empty(), "{}: {open}", neuron.hotkey);
	}

	node.stop();
	Ok(())
}
