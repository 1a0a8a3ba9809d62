//! Jobs with on-chain escrow, computed by drawn miners and verified blind by a drawn
//! committee, on the four-validator `local` network (BABE authors, GRANDPA finalizes, the draws
//! come from the parent block's VRF output) driven as a new user would drive it: subxt dynamic
//! calls and the `synod_*` RPC methods. Jobs on a `--dev` node settle in `worker.rs`, with real
//! workers.
//!
//! A subnet whose owner (Alice) runs an epoch every 11 blocks and lets three neurons hold a
//! validator permit (`max_validators` 3): Bob's, Charlie's and Ferdie's validators (1000, 500 and 300 SYN of stake) hold them;
//! the miners (two hotkeys of Dave's and one of Alice's, 100 SYN each) and a hotkey of Eve's
//! own (100 SYN) do not. Eve posts three jobs in one block, each with its bounty held in
//! escrow:
//!
//! - **A**, two replicas, done honestly. Two blocks after posting (the first whose randomness
//!   nobody knew at posting) the chain draws its miners among the permit-free neurons, never
//!   Eve's own and at most one per coldkey (so one of Dave's and Alice's), and a committee of
//!   three seats among the permit holders, with their stake at the draw. The miners commit by
//!   `commit_by`, the committee by `verify_by` while every result is still hidden, and
//!   everyone reveals after `verify_by`. At settlement (`reveal_by + 1`) 1% of the bounty is
//!   burnt, 10% goes in equal shares to the seats' coldkeys, the rest in equal shares to the
//!   miners' coldkeys, and what rounding leaves back to Eve.
//! - **B**, two replicas, one miner reveals a wrong digest: the committee's two thirds are
//!   the truth, the honest miner takes the whole miners' pool, and the wrong one loses 10% of
//!   its stake, which is burnt: Eve gets back nothing but what the bounty did not pay.
//! - **C**, more replicas than the subnet has neurons: nobody can take it, and the whole
//!   bounty comes back to Eve at its assignment deadline.
//!
//! Every amount is checked against the events, against balances, stake and total issuance read
//! at the blocks just before and after the one that moved them (so that transaction fees never
//! blur them), and against `synod_job`, `synod_jobsByRequester`, `synod_jobsByStatus`,
//! `synod_minerAssignments` and `synod_committeeAssignments`, read at the block of each phase
//! (`posted`, `committing`, `verifying`, `revealing`, `settled`).

use std::collections::{BTreeMap, BTreeSet};

use anyhow::{anyhow, bail, ensure, Result};
use serde_json::Value as Json;
use sp_crypto_hashing::blake2_256;
use subxt::{
	dynamic::{self, At, Value},
	ext::{
		codec::{Encode, Output},
		futures::future::try_join_all,
		scale_decode::{DecodeAsFields, DecodeAsType},
		scale_value::{Composite, ValueDef},
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

/// The entry of `list` (a JSON array) whose `key` is `who`.
fn item<'a>(list: &'a Json, key: &str, who: &AccountId32) -> Result<&'a Json> {
	list.as_array()
		.and_then(|all| all.iter().find(|e| e[key] == who.to_string()))
		.ok_or_else(|| anyhow!("{who} is not in {list}"))
}

/// The accounts that `list` (a JSON array) names under `key`.
fn accounts(list: &Json, key: &str) -> Result<BTreeSet<String>> {
	list.as_array()
		.ok_or_else(|| anyhow!("not a list: {list}"))?
		.iter()
		.map(|e| e[key].as_str().map(str::to_string).ok_or_else(|| anyhow!("no {key}: {e}")))
		.collect()
}

fn names(hotkeys: &[AccountId32]) -> BTreeSet<String> {
	hotkeys.iter().map(AccountId32::to_string).collect()
}

/// `synod_job` at block `at`.
async fn job_view(client: &RpcClient, job: u64, at: &str) -> Result<Json> {
	rpc(client, "synod_job", rpc_params![job, at]).await
}

/// `synod_jobsByRequester` at block `at`.
async fn jobs_of(client: &RpcClient, requester: &AccountId32, at: &str) -> Result<BTreeSet<u64>> {
	job_ids(&rpc(client, "synod_jobsByRequester", rpc_params![requester.to_string(), at]).await?)
}

/// `synod_jobsByStatus` at block `at`.
async fn jobs_in(client: &RpcClient, status: &str, at: &str) -> Result<BTreeSet<u64>> {
	let (from, limit) = (Option::<u64>::None, Option::<u32>::None);
	job_ids(&rpc(client, "synod_jobsByStatus", rpc_params![status, from, limit, at]).await?)
}

/// `synod_minerAssignments` (or `synod_committeeAssignments`) of `hotkey` at block `at`.
async fn assignments(
	client: &RpcClient,
	method: &str,
	hotkey: &AccountId32,
	at: &str,
) -> Result<BTreeSet<u64>> {
	job_ids(&rpc(client, method, rpc_params![hotkey.to_string(), at]).await?)
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

/// The account of the staking pot: `modl`, the pallet's id `syn/stak`, then zeros.
fn staking_pot() -> AccountId32 {
	let mut bytes = [0u8; 32];
	bytes[..4].copy_from_slice(b"modl");
	bytes[4..12].copy_from_slice(b"syn/stak");
	AccountId32(bytes)
}

/// What `coldkey`'s active stake behind `hotkey` is worth at `hash`, over RPC.
async fn position(
	client: &RpcClient,
	coldkey: AccountId32,
	hotkey: AccountId32,
	hash: &str,
) -> Result<u128> {
	let positions = rpc(client, "synod_stakeOf", rpc_params![coldkey.to_string(), hash]).await?;
	let position = positions
		.as_array()
		.and_then(|list| list.iter().find(|p| p["hotkey"] == hotkey.to_string()))
		.ok_or_else(|| anyhow!("{coldkey} has no position behind {hotkey}: {positions}"))?;
	balance(&position["stake"])
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

/// Subnet `netuid`'s hyperparameters as stored, with `max_validators` set to `permits`, an
/// epoch every `tempo + 1` blocks, and jobs verified whole.
async fn with_permits(api: &Api, netuid: u16, permits: u16, tempo: u16) -> Result<Value> {
	let at = api.at_current_block().await?;
	let address = dynamic::storage::<(u16,), Value>("Subnets", "Hyperparameters");
	let mut hyperparameters = at.storage().fetch(address, (netuid,)).await?.decode()?;
	let ValueDef::Composite(Composite::Named(fields)) = &mut hyperparameters.value else {
		bail!("hyperparameters are not a struct: {hyperparameters:?}");
	};
	for (name, value) in [("max_validators", permits), ("tempo", tempo)] {
		let field = fields
			.iter_mut()
			.find(|(field, _)| field == name)
			.ok_or_else(|| anyhow!("no {name} among the hyperparameters"))?;
		field.1 = Value::u128(value.into());
	}
	// This test plays miners and a committee with raw calls, whole results and whole
	// reproductions: jobs verified whole (spot checks have `tests/spot_checks.rs`).
	let jobs = fields
		.iter_mut()
		.find(|(field, _)| field == "jobs")
		.ok_or_else(|| anyhow!("no job policy among the hyperparameters"))?;
	let ValueDef::Composite(Composite::Named(policy)) = &mut jobs.1.value else {
		bail!("the job policy is not a struct: {:?}", jobs.1);
	};
	let spot_checks = policy
		.iter_mut()
		.find(|(field, _)| field == "spot_checks")
		.ok_or_else(|| anyhow!("no spot_checks in the job policy"))?;
	spot_checks.1 = Value::u128(0);
	Ok(hyperparameters)
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

#[derive(Debug, DecodeAsType)]
#[decode_as_type(crate_path = "subxt::ext::scale_decode")]
struct CommitteeDrawn {
	job: u64,
	members: Vec<AccountId32>,
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
	result: JobResult,
	to_miners: u128,
	to_validators: u128,
	burnt: u128,
	refunded: u128,
}

#[derive(Debug, PartialEq, DecodeAsType)]
#[decode_as_type(crate_path = "subxt::ext::scale_decode")]
enum SlashReason {
	WrongResult,
	MissedDeadline,
	WrongVerification,
	MissedVerification,
	UnrevealedVote,
	Governance,
}

#[derive(Debug, PartialEq, DecodeAsType)]
#[decode_as_type(crate_path = "subxt::ext::scale_decode")]
struct Penalised {
	job: u64,
	hotkey: AccountId32,
	slashed: u128,
	reason: SlashReason,
}

// ---------------------------------------------------------------------------------------------
// Results and the commitments to them

#[derive(Debug, Clone, Copy, PartialEq, Eq, DecodeAsType)]
#[decode_as_type(crate_path = "subxt::ext::scale_decode")]
enum RefusalReason {
	InputMismatch,
	ExceedsLimits,
}

/// What a miner or a committee member says a job's result is (`synod_primitives::job`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, DecodeAsType)]
#[decode_as_type(crate_path = "subxt::ext::scale_decode")]
enum JobResult {
	Digest([u8; 32]),
	#[allow(dead_code)]
	Refused(RefusalReason),
}

/// SCALE, as the chain encodes the enum: the variant's index, then its field.
impl Encode for JobResult {
	fn encode_to<O: Output + ?Sized>(&self, dest: &mut O) {
		match self {
			JobResult::Digest(digest) => {
				dest.push_byte(0);
				dest.write(digest);
			},
			JobResult::Refused(reason) => {
				dest.push_byte(1);
				dest.push_byte(*reason as u8);
			},
		}
	}
}

impl JobResult {
	/// As a call argument.
	fn value(&self) -> Value {
		match self {
			JobResult::Digest(digest) => {
				Value::unnamed_variant("Digest", [Value::from_bytes(digest)])
			},
			JobResult::Refused(reason) => {
				let reason = match reason {
					RefusalReason::InputMismatch => "InputMismatch",
					RefusalReason::ExceedsLimits => "ExceedsLimits",
				};
				Value::unnamed_variant("Refused", [Value::unnamed_variant(reason, [])])
			},
		}
	}
}

const RESULT_TAG: [u8; 20] = *b"synod/jobs/result/v1";
const VERIFICATION_TAG: [u8; 20] = *b"synod/jobs/verify/v1";

/// What a miner commits to (`Jobs::result_commitment`): BLAKE2-256 of the SCALE encoding of
/// `(b"synod/jobs/result/v1", job: u64, miner, result, salt)`. It binds the job and the
/// signer, so another miner's commitment copied as one's own never opens.
fn result_commitment(job: u64, miner: &AccountId32, result: JobResult, salt: [u8; 32]) -> [u8; 32] {
	blake2_256(&(RESULT_TAG, job, miner.0, result, salt).encode())
}

/// What a committee member commits to (`Jobs::verification_commitment`): the same layout
/// under the tag `b"synod/jobs/verify/v1"`.
fn verification_commitment(
	job: u64,
	validator: &AccountId32,
	result: JobResult,
	salt: [u8; 32],
) -> [u8; 32] {
	blake2_256(&(VERIFICATION_TAG, job, validator.0, result, salt).encode())
}

/// The vectors of `runtime/src/tests.rs` (`job_commitments_match_their_documented_layouts`):
/// a client that computes commitments as this test does opens them on chain.
#[test]
fn commitments_match_the_runtime_vectors() {
	let (account, salt) = (AccountId32([1; 32]), [3; 32]);
	let digest = JobResult::Digest([2; 32]);
	assert_eq!(
		hex32(&result_commitment(7, &account, digest, salt)),
		"0x0bfdde919ffd6c8ab1e0b7e0c63bc9bdd19f1a4dbe47af52a802e177079d1513"
	);
	assert_eq!(
		hex32(&verification_commitment(7, &account, digest, salt)),
		"0xf54251e032e4661ce89e7d1c4e39ab41d048f7edcb07eba11eaaf51932504ee2"
	);
	let refusal = JobResult::Refused(RefusalReason::InputMismatch);
	assert_eq!(
		hex32(&result_commitment(7, &account, refusal, salt)),
		"0x66c82cc16a31a0c0eb0cb0f6b8694760274bf41e56ed48f839ada21fb95f9764"
	);
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
	// The settings' wire format, which the chain decodes to price the job.
	let hyperparameters = synod_cost::Settings::default().encode();
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
		// Iris: 150 rows of four features in three classes.
		(
			"shape",
			Value::named_composite([
				("rows", Value::u128(150)),
				("features", Value::u128(4)),
				("outputs", Value::u128(3)),
			]),
		),
	])
}

/// A job's deadlines, absolute block numbers, strictly increasing.
struct Deadlines {
	assign_by: u64,
	commit_by: u64,
	verify_by: u64,
	reveal_by: u64,
}

impl Deadlines {
	fn value(&self) -> Value {
		Value::named_composite([
			("assign_by", Value::u128(self.assign_by.into())),
			("commit_by", Value::u128(self.commit_by.into())),
			("verify_by", Value::u128(self.verify_by.into())),
			("reveal_by", Value::u128(self.reveal_by.into())),
		])
	}

	fn json(&self) -> Json {
		serde_json::json!({
			"assignBy": self.assign_by,
			"commitBy": self.commit_by,
			"verifyBy": self.verify_by,
			"revealBy": self.reveal_by,
		})
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

// ---------------------------------------------------------------------------------------------
// The subnet's neurons and the jobs

/// A hotkey of the subnet, the key pair that signs for it, the coldkey that owns it (and is
/// paid for its work), its stake and whether it is staked to hold a validator permit.
struct Neuron {
	key: Keypair,
	hotkey: AccountId32,
	owner: AccountId32,
	stake: u128,
	validator: bool,
}

impl Neuron {
	fn new(uri: &str, owner: &Keypair, stake: u128, validator: bool) -> Neuron {
		let key = derived(uri);
		Neuron { hotkey: account(&key), key, owner: account(owner), stake, validator }
	}
}

/// Sends each neuron's calls as one batch, all neurons at once: one transaction per signer, so
/// that no signer races itself for a nonce, and (usually) one block for the whole step.
/// Returns the number and hash of the last block any of them landed in.
async fn send(
	api: &Api,
	client: &RpcClient,
	neurons: &[Neuron],
	calls: BTreeMap<AccountId32, Vec<Value>>,
) -> Result<(u64, String)> {
	let sends = calls.into_iter().map(|(hotkey, calls)| async move {
		let neuron = neurons
			.iter()
			.find(|n| n.hotkey == hotkey)
			.ok_or_else(|| anyhow!("{hotkey} is not a neuron of this test"))?;
		batch(api, &neuron.key, calls).await
	});
	let mut last: Option<(u64, String)> = None;
	for included in try_join_all(sends).await? {
		let number = number_of(client, &included.block_hash).await?;
		if last.as_ref().is_none_or(|(at, _)| number > *at) {
			last = Some((number, included.block_hash));
		}
	}
	last.ok_or_else(|| anyhow!("nothing to send"))
}

/// How settlement divides a bounty (`pallets/jobs/src/settlement.rs`): 1% burnt, 10% in equal
/// shares to the seats that revealed the truth, the rest in equal shares to the miners that
/// revealed it, and whatever rounding leaves back to the requester.
struct Split {
	burnt: u128,
	validator_share: u128,
	to_validators: u128,
	miner_share: u128,
	to_miners: u128,
	refunded: u128,
}

/// A job as the test drives it: who was drawn, and what each reports.
struct Job {
	id: u64,
	bounty: u128,
	/// The result that honest execution gives; it is deterministic, so the committee
	/// reproduces exactly the honest miners' digest.
	truth: JobResult,
	/// The miners drawn, in the order of the draw.
	miners: Vec<AccountId32>,
	/// The committee's seats, in the order of the draw; every seat reproduces the truth.
	committee: Vec<AccountId32>,
	/// The miner that reveals another digest, if any.
	wrong: Option<AccountId32>,
}

impl Job {
	fn new(id: u64, bounty: u128, miners: Vec<AccountId32>, committee: Vec<AccountId32>) -> Job {
		let truth = JobResult::Digest(blake2_256(&(b"the trained weights of job", id).encode()));
		Job { id, bounty, truth, miners, committee, wrong: None }
	}

	/// The result `miner` reveals.
	fn result_of(&self, miner: &AccountId32) -> JobResult {
		if self.wrong.as_ref() == Some(miner) {
			JobResult::Digest(blake2_256(
				&(b"weights trained with the wrong seed", self.id).encode(),
			))
		} else {
			self.truth
		}
	}

	fn digest(result: JobResult) -> [u8; 32] {
		match result {
			JobResult::Digest(digest) => digest,
			JobResult::Refused(reason) => panic!("a refusal ({reason:?}) has no digest"),
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
		let (seats, miners) = (self.committee.len() as u128, self.honest_miners().len() as u128);
		let burnt = self.bounty / 100;
		let validator_share = self.bounty / 10 / seats;
		let to_validators = validator_share * seats;
		let miner_share = (self.bounty - burnt - to_validators) / miners;
		let to_miners = miner_share * miners;
		let refunded = self.bounty - burnt - to_validators - to_miners;
		Split { burnt, validator_share, to_validators, miner_share, to_miners, refunded }
	}

	fn commit_result_calls(&self, calls: &mut BTreeMap<AccountId32, Vec<Value>>) {
		for miner in &self.miners {
			let hash = result_commitment(self.id, miner, self.result_of(miner), self.salt(miner));
			calls.entry(*miner).or_default().push(call(
				"Jobs",
				"commit_result",
				vec![("job", Value::u128(self.id.into())), ("commitment", Value::from_bytes(hash))],
			));
		}
	}

	/// Each seat commits to its own reproduction, blind: it has seen no miner's result.
	fn commit_verification_calls(&self, calls: &mut BTreeMap<AccountId32, Vec<Value>>) {
		for seat in &self.committee {
			let hash = verification_commitment(self.id, seat, self.truth, self.salt(seat));
			calls.entry(*seat).or_default().push(call(
				"Jobs",
				"commit_verification",
				vec![("job", Value::u128(self.id.into())), ("commitment", Value::from_bytes(hash))],
			));
		}
	}

	/// Miners and seats reveal in the same window, after `verify_by`.
	fn reveal_calls(&self, calls: &mut BTreeMap<AccountId32, Vec<Value>>) {
		for miner in &self.miners {
			calls.entry(*miner).or_default().push(call(
				"Jobs",
				"reveal_result",
				vec![
					("job", Value::u128(self.id.into())),
					("result", self.result_of(miner).value()),
					("salt", Value::from_bytes(self.salt(miner))),
					("uri", Value::from_bytes(self.uri(miner))),
				],
			));
		}
		for seat in &self.committee {
			calls.entry(*seat).or_default().push(call(
				"Jobs",
				"reveal_verification",
				vec![
					("job", Value::u128(self.id.into())),
					("result", self.truth.value()),
					("salt", Value::from_bytes(self.salt(seat))),
				],
			));
		}
	}
}

// ---------------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread")]
async fn jobs_pay_what_the_committee_reproduced_burn_slashes_and_refund_untaken_ones() -> Result<()>
{
	let dir = tempfile::tempdir()?;
	let mut net = LocalNetwork::start(dir.path()).await?;
	// Every node sees the same finalized chain; Alice's is the one the test reads and writes.
	let (client, api) = (net.rpcs[0].clone(), net.apis[0].clone());
	let (alice, bob, charlie, dave, eve, ferdie) =
		(dev::alice(), dev::bob(), dev::charlie(), dev::dave(), dev::eve(), dev::ferdie());
	let requester = account(&eve);
	let neurons = vec![
		Neuron::new("//Bob//validator", &bob, 1_000 * SYN, true),
		Neuron::new("//Charlie//validator", &charlie, 500 * SYN, true),
		Neuron::new("//Ferdie//validator", &ferdie, 300 * SYN, true),
		Neuron::new("//Dave//miner1", &dave, 100 * SYN, false),
		Neuron::new("//Dave//miner2", &dave, 100 * SYN, false),
		Neuron::new("//Alice//miner", &alice, 100 * SYN, false),
		// Eve's own: permit-free like the miners, but never drawn for Eve's jobs.
		Neuron::new("//Eve//miner", &eve, 100 * SYN, false),
	];
	let validators: Vec<AccountId32> =
		neurons.iter().filter(|n| n.validator).map(|n| n.hotkey).collect();
	let owner_of =
		|hotkey: &AccountId32| neurons.iter().find(|n| &n.hotkey == hotkey).map(|n| n.owner);
	let stake_of = |hotkey: &AccountId32| {
		neurons.iter().find(|n| &n.hotkey == hotkey).map(|n| n.stake).unwrap_or_default()
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

	// Each coldkey registers and stakes its hotkeys, the miners too, so that a wrong result
	// has stake to lose. Alice, the subnet's owner, lets only its three largest stakes hold a
	// validator permit, so that the miners hold none.
	let register = |n: &Neuron| {
		call(
			"Subnets",
			"register",
			vec![("netuid", Value::u128(netuid.into())), ("hotkey", Value::from_bytes(n.hotkey.0))],
		)
	};
	let stake = |n: &Neuron| {
		call(
			"Staking",
			"add_stake",
			vec![("hotkey", Value::from_bytes(n.hotkey.0)), ("amount", Value::u128(n.stake))],
		)
	};
	let permits = call(
		"Subnets",
		"set_hyperparameters",
		vec![
			("netuid", Value::u128(netuid.into())),
			("hyperparameters", with_permits(&api, netuid, validators.len() as u16, 10).await?),
		],
	);
	let coldkeys = [&alice, &bob, &charlie, &dave, &eve, &ferdie];
	let staking = coldkeys.iter().map(|coldkey| {
		let mine: Vec<&Neuron> = neurons.iter().filter(|n| n.owner == account(coldkey)).collect();
		let mut calls: Vec<Value> =
			mine.iter().map(|n| register(n)).chain(mine.iter().map(|n| stake(n))).collect();
		if account(coldkey) == account(&alice) {
			calls.insert(0, permits.clone());
		}
		batch(&api, coldkey, calls)
	});
	try_join_all(staking).await?;

	// The first epoch with stake hands out the permits: to the three validators only.
	let graph = metagraph(&client, netuid).await?;
	let first = graph["epochIndex"].as_u64().unwrap_or_default() + 1;
	let graph = wait_for_epoch(&client, netuid, first).await?;
	let listed = graph["neurons"].as_array().ok_or_else(|| anyhow!("neurons: {graph}"))?;
	assert_eq!(listed.len(), neurons.len(), "{graph}");
	for neuron in &neurons {
		let entry = item(&graph["neurons"], "hotkey", &neuron.hotkey)?;
		assert_eq!(entry["output"]["validatorPermit"], neuron.validator, "{entry}");
	}

	// Eve posts the three jobs in one block. The deadlines leave six blocks (18 s) for each
	// step, room for a loaded CI machine; A and B share them and so settle together, in the
	// block after `reveal_by`.
	let now = best_number(&client).await?;
	let deadlines = Deadlines {
		assign_by: now + 6,
		commit_by: now + 12,
		verify_by: now + 18,
		reveal_by: now + 24,
	};
	let settles_at = deadlines.reveal_by + 1;
	// Bounties that make A's shares round (a unit goes back to Eve) and B's divide exactly.
	let (bounty_a, bounty_b, bounty_c) = (100 * SYN, 60 * SYN, 25 * SYN);
	// More miners than the subnet has neurons, within `MaxReplicas` (8): nobody can ever take
	// C, whether or not validators are drawn as miners.
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
	ensure!(posted_at + 2 <= deadlines.assign_by, "the jobs were posted too late to be drawn");
	let jobs: Vec<JobPosted> = events_at(&api, &posted.block_hash, "Jobs", "JobPosted").await?;
	ensure!(jobs.len() == 3, "three JobPosted expected: {jobs:?}");
	for (event, bounty) in jobs.iter().zip([bounty_a, bounty_b, bounty_c]) {
		assert_eq!((event.netuid, &event.requester, event.bounty), (netuid, &requester, bounty));
	}
	let (id_a, id_b, id_c) = (jobs[0].job, jobs[1].job, jobs[2].job);

	// The bounties are held, not spent (on top of the stake Eve's own hotkey holds).
	let before_posting = finalized_block(&client, posted_at - 1).await?;
	let eve_baseline = funds(&api, &requester, &before_posting).await?;
	let held = funds(&api, &requester, &posted.block_hash).await?.reserved - eve_baseline.reserved;
	// Each waiting job also holds the queue deposit, until it leaves the queue.
	let deposit: u128 = api
		.at_block(block_ref(&posted.block_hash)?)
		.await?
		.constants()
		.entry(subxt::dynamic::constant::<u128>("Jobs", "QueueDeposit"))?;
	ensure!(deposit > 0, "a queue deposit on the runtime");
	assert_eq!(held, bounty_a + bounty_b + bounty_c + 3 * deposit, "the bounties go into escrow");
	let at_posting = &posted.block_hash;
	assert_eq!(jobs_of(&client, &requester, at_posting).await?, BTreeSet::from([id_a, id_b, id_c]));
	let view_c = job_view(&client, id_c, at_posting).await?;
	assert_eq!(view_c["status"], "posted", "{view_c}");
	assert_eq!(view_c["job"]["replicas"], too_many, "{view_c}");
	assert_eq!(balance(&view_c["job"]["bounty"])?, bounty_c, "{view_c}");
	// The spec reads back as text and hex.
	let spec_c = &view_c["job"]["spec"];
	assert_eq!(spec_c["kind"], "train", "{view_c}");
	assert_eq!(spec_c["architecture"], "mlp", "{view_c}");
	assert_eq!(spec_c["inputs"][0]["uri"], "https://data.example/iris.csv", "{view_c}");
	assert_eq!(spec_c["seed"], 3, "{view_c}");
	// Every job keeps the subnet's default policy: all verified, by three seats, a wrong
	// result costing 10% of the stake and silence 1%.
	for id in [id_a, id_b] {
		let view = job_view(&client, id, at_posting).await?;
		let record = &view["job"];
		assert_eq!(view["status"], "posted", "{view}");
		assert_eq!(record["sampled"], true, "a subnet verifies every job by default: {view}");
		let policy = &record["policy"];
		assert_eq!(policy["committeeSize"], 3, "{view}");
		assert_eq!(policy["verificationRate"], 1_000_000_000, "100% in billionths: {view}");
		assert_eq!(policy["wrongResultSlash"], 100_000_000, "10%: {view}");
		assert_eq!(policy["livenessSlash"], 10_000_000, "1%: {view}");
		assert_eq!(record["miners"], serde_json::json!([]), "{view}");
		assert_eq!(record["committee"], serde_json::json!([]), "{view}");
		assert!(record["committeeDrawnAt"].is_null(), "{view}");
	}

	// In the next block nothing is drawn yet: its randomness was known when the jobs were
	// posted.
	let next = finalized_block(&client, posted_at + 1).await?;
	let early: Vec<JobAssigned> = events_at(&api, &next, "Jobs", "JobAssigned").await?;
	assert!(early.is_empty(), "drawn from randomness known at posting: {early:?}");
	assert_eq!(jobs_in(&client, "posted", &next).await?, BTreeSet::from([id_a, id_b, id_c]));

	// In the block after, the chain draws two miners and a committee of three for each of A
	// and B, and nobody for C.
	let drawn_at = posted_at + 2;
	let drawn_in = finalized_block(&client, drawn_at).await?;
	let drawn: Vec<JobAssigned> = events_at(&api, &drawn_in, "Jobs", "JobAssigned").await?;
	let seated: Vec<CommitteeDrawn> = events_at(&api, &drawn_in, "Jobs", "CommitteeDrawn").await?;
	assert!(drawn.iter().all(|e| e.job != id_c), "C cannot be assigned: {drawn:?}");
	assert!(seated.iter().all(|e| e.job != id_c), "C has no committee: {seated:?}");
	let drawn_for = |job: u64| -> Result<(Vec<AccountId32>, Vec<AccountId32>)> {
		let miners = drawn.iter().find(|e| e.job == job);
		let seats = seated.iter().find(|e| e.job == job);
		match (miners, seats) {
			(Some(m), Some(s)) => Ok((m.miners.clone(), s.members.clone())),
			_ => Err(anyhow!("{job} not drawn: {drawn:?} {seated:?}")),
		}
	};
	let (miners_a, committee_a) = drawn_for(id_a)?;
	let (miners_b, committee_b) = drawn_for(id_b)?;
	let job_a = Job::new(id_a, bounty_a, miners_a, committee_a);
	let mut job_b = Job::new(id_b, bounty_b, miners_b, committee_b);
	let alice_miner = neurons[5].hotkey;
	let daves: Vec<AccountId32> = neurons[3..5].iter().map(|n| n.hotkey).collect();
	for job in [&job_a, &job_b] {
		// The miners come from the permit-free neurons, one per coldkey, never Eve's own: so
		// one of Dave's two and Alice's, which thereby carries two of Eve's jobs, the most
		// one requester may give a miner.
		assert_eq!(job.miners.len(), 2, "{drawn:?}");
		assert!(job.miners.contains(&alice_miner), "{drawn:?}");
		assert!(job.miners.iter().any(|m| daves.contains(m)), "one of Dave's: {drawn:?}");
		assert!(job.miners.iter().all(|m| owner_of(m) != Some(requester)), "{drawn:?}");
		// The committee: three seats among the permit holders, none of them a miner's
		// coldkey or the requester's; here, every validator.
		assert_eq!(job.committee.len(), 3, "{seated:?}");
		assert_eq!(names(&job.committee), names(&validators), "{seated:?}");
	}
	// In B, one of Dave's miners is careless.
	let wrong = job_b
		.miners
		.iter()
		.find(|m| daves.contains(m))
		.cloned()
		.ok_or_else(|| anyhow!("no miner of Dave's in B"))?;
	job_b.wrong = Some(wrong);

	// Over RPC the jobs are committing, with their miners and their committee, each seat with
	// the stake it was drawn by; each miner and each seat sees its assignments.
	for job in [&job_a, &job_b] {
		let view = job_view(&client, job.id, &drawn_in).await?;
		assert_eq!(view["id"], job.id, "{view}");
		assert_eq!(view["status"], "committing", "{view}");
		assert!(view["outcome"].is_null(), "{view}");
		let record = &view["job"];
		assert_eq!(record["requester"], requester.to_string(), "{view}");
		assert_eq!(record["netuid"], netuid, "{view}");
		assert_eq!(balance(&record["bounty"])?, job.bounty, "{view}");
		assert_eq!(record["replicas"], 2, "{view}");
		assert_eq!(record["postedAt"], posted_at, "{view}");
		assert_eq!(record["deadlines"], deadlines.json(), "{view}");
		assert_eq!(record["committeeDrawnAt"], drawn_at, "drawn with the miners: {view}");
		assert_eq!(accounts(&record["miners"], "hotkey")?, names(&job.miners), "{view}");
		for miner in &job.miners {
			let entry = item(&record["miners"], "hotkey", miner)?;
			assert_eq!(entry["committed"], false, "nobody committed yet: {view}");
			assert_eq!(entry["revealed"], false, "{view}");
			assert!(entry["resultHash"].is_null(), "{view}");
			let open = assignments(&client, "synod_minerAssignments", miner, &drawn_in).await?;
			assert!(open.contains(&job.id), "{miner}: {open:?}");
		}
		assert_eq!(accounts(&record["committee"], "validator")?, names(&job.committee));
		for seat in &job.committee {
			let entry = item(&record["committee"], "validator", seat)?;
			assert_eq!(balance(&entry["stake"])?, stake_of(seat), "the stake at the draw: {view}");
			assert_eq!(balance(&entry["stake"])?, hotkey_stake(&client, seat, &drawn_in).await?);
			assert_eq!(entry["committed"], false, "{view}");
			assert!(entry["resultHash"].is_null(), "{view}");
		}
	}
	for validator in &validators {
		let seats =
			assignments(&client, "synod_committeeAssignments", validator, &drawn_in).await?;
		assert_eq!(seats, BTreeSet::from([id_a, id_b]), "{validator} sits on both committees");
		let mined = assignments(&client, "synod_minerAssignments", validator, &drawn_in).await?;
		assert!(mined.is_empty(), "{validator} is no miner here: {mined:?}");
	}
	let both = BTreeSet::from([id_a, id_b]);
	assert_eq!(
		assignments(&client, "synod_minerAssignments", &alice_miner, &drawn_in).await?,
		both
	);
	assert_eq!(jobs_in(&client, "committing", &drawn_in).await?, both);
	assert_eq!(jobs_in(&client, "posted", &drawn_in).await?, BTreeSet::from([id_c]));

	// The miners commit to their results, all in one step, by `commit_by`.
	let mut commits = BTreeMap::new();
	job_a.commit_result_calls(&mut commits);
	job_b.commit_result_calls(&mut commits);
	let (committed_at, committed_in) = send(&api, &client, &neurons, commits).await?;
	ensure!(committed_at <= deadlines.commit_by, "the miners' commits landed too late");
	for job in [&job_a, &job_b] {
		let view = job_view(&client, job.id, &committed_in).await?;
		assert_eq!(view["status"], "committing", "{view}");
		for miner in &job.miners {
			let entry = item(&view["job"]["miners"], "hotkey", miner)?;
			assert_eq!(entry["committed"], true, "{view}");
			assert!(entry["resultHash"].is_null(), "a commitment hides the result: {view}");
		}
	}

	// C expires at its assignment deadline, in full: Eve's hold turns back into free balance.
	let before_expiry = finalized_block(&client, deadlines.assign_by - 1).await?;
	let expiry = finalized_block(&client, deadlines.assign_by).await?;
	let expired: Vec<JobExpired> = events_at(&api, &expiry, "Jobs", "JobExpired").await?;
	assert_eq!(expired, [JobExpired { job: id_c, refund: bounty_c }]);
	let (eve_before, eve_after) =
		(funds(&api, &requester, &before_expiry).await?, funds(&api, &requester, &expiry).await?);
	assert_eq!(eve_after.free - eve_before.free, bounty_c + deposit, "C's bounty and deposit back");
	assert_eq!(eve_before.reserved - eve_after.reserved, bounty_c + deposit, "no longer held");
	assert_eq!(jobs_of(&client, &requester, &expiry).await?, both);
	let view_c = job_view(&client, id_c, &expiry).await?;
	assert!(view_c.is_null(), "an expired job is forgotten; its event keeps the record: {view_c}");

	// Once the miners' commits close, the committee reproduces each job blind and commits to
	// its reproduction by `verify_by`.
	let verifying = finalized_block(&client, deadlines.commit_by + 1).await?;
	assert_eq!(jobs_in(&client, "verifying", &verifying).await?, both);
	let mut verifications = BTreeMap::new();
	job_a.commit_verification_calls(&mut verifications);
	job_b.commit_verification_calls(&mut verifications);
	let (verified_at, verified_in) = send(&api, &client, &neurons, verifications).await?;
	ensure!(verified_at <= deadlines.verify_by, "the committee's commits landed too late");
	for job in [&job_a, &job_b] {
		let view = job_view(&client, job.id, &verified_in).await?;
		assert_eq!(view["status"], "verifying", "{view}");
		for seat in &job.committee {
			let entry = item(&view["job"]["committee"], "validator", seat)?;
			assert_eq!(entry["committed"], true, "{view}");
			assert!(entry["resultHash"].is_null(), "{view}");
		}
		for miner in &job.miners {
			let entry = item(&view["job"]["miners"], "hotkey", miner)?;
			assert!(entry["resultHash"].is_null(), "no result is public yet: {view}");
		}
	}

	// After `verify_by` everyone reveals, miners and seats in the same step.
	let revealing = finalized_block(&client, deadlines.verify_by + 1).await?;
	assert_eq!(jobs_in(&client, "revealing", &revealing).await?, both);
	let mut reveals = BTreeMap::new();
	job_a.reveal_calls(&mut reveals);
	job_b.reveal_calls(&mut reveals);
	let (revealed_at, revealed_in) = send(&api, &client, &neurons, reveals).await?;
	ensure!(
		revealed_at <= deadlines.reveal_by,
		"the reveals landed too late to read the jobs before settlement"
	);
	for job in [&job_a, &job_b] {
		let view = job_view(&client, job.id, &revealed_in).await?;
		assert_eq!(view["status"], "revealing", "{view}");
		for miner in &job.miners {
			let entry = item(&view["job"]["miners"], "hotkey", miner)?;
			assert_eq!(entry["revealed"], true, "{view}");
			assert_eq!(entry["resultHash"], hex32(&Job::digest(job.result_of(miner))), "{view}");
			assert!(entry["refused"].is_null(), "{view}");
			assert_eq!(entry["uri"], job.uri(miner), "{view}");
		}
		for seat in &job.committee {
			let entry = item(&view["job"]["committee"], "validator", seat)?;
			assert_eq!(entry["resultHash"], hex32(&Job::digest(job.truth)), "{view}");
			assert!(entry["refused"].is_null(), "{view}");
		}
	}

	// A and B settle in the block after `reveal_by`. Nobody transacts in it, so every change
	// across it is the settlement's.
	let before = finalized_block(&client, deadlines.reveal_by).await?;
	let settled_in = finalized_block(&client, settles_at).await?;
	let settlements: Vec<JobSettled> = events_at(&api, &settled_in, "Jobs", "JobSettled").await?;
	ensure!(settlements.len() == 2, "A and B settle together: {settlements:?}");
	for job in [&job_a, &job_b] {
		let event = settlements
			.iter()
			.find(|e| e.job == job.id)
			.ok_or_else(|| anyhow!("job {} did not settle: {settlements:?}", job.id))?;
		let split = job.split();
		assert_eq!(event.result, job.truth, "the committee's two thirds are the truth");
		assert_eq!(event.burnt, job.bounty / 100, "1% burnt: {event:?}");
		assert_eq!(
			(event.burnt, event.to_validators, event.to_miners, event.refunded),
			(split.burnt, split.to_validators, split.to_miners, split.refunded)
		);
	}
	// A's shares round: 10 SYN in thirds leaves a unit for the miners' pool, 89 SYN and a
	// unit in halves leaves a unit for Eve. B's divide exactly.
	assert_eq!(job_a.split().validator_share, 3_333_333_333_333);
	assert_eq!(job_a.split().miner_share, 44_500_000_000_000);
	assert_eq!(job_a.split().refunded, 1);
	assert_eq!(
		(job_b.split().validator_share, job_b.split().miner_share),
		(2 * SYN, 534 * SYN / 10)
	);
	assert_eq!(job_b.split().refunded, 0);

	// The careless miner loses 10% of its stake, out of the pot that holds all stake (its
	// coldkey's account is not touched); the slash is burnt, not paid to anyone.
	let penalties: Vec<Penalised> = events_at(&api, &settled_in, "Jobs", "Penalised").await?;
	let stake_before = hotkey_stake(&client, &wrong, &before).await?;
	let stake_after = hotkey_stake(&client, &wrong, &settled_in).await?;
	let slashed = stake_before / 10;
	assert_eq!(slashed, 10 * SYN, "10% of its 100 SYN");
	assert_eq!(
		penalties,
		[Penalised { job: id_b, hotkey: wrong, slashed, reason: SlashReason::WrongResult }]
	);
	assert_eq!(stake_before - stake_after, slashed, "the slash comes out of its stake");
	let pot = staking_pot();
	let pot_held =
		funds(&api, &pot, &before).await?.reserved - funds(&api, &pot, &settled_in).await?.reserved;
	assert_eq!(pot_held, slashed, "and out of the staking pot's hold");
	let dave_stake = |hash| position(&client, account(&dave), wrong, hash);
	assert_eq!(
		dave_stake(&before).await? - dave_stake(&settled_in).await?,
		slashed,
		"Dave's position behind it is worth that much less"
	);

	// Each coldkey receives its hotkeys' shares: the seats' fee and the miners' pool.
	let mut expected_gains: BTreeMap<AccountId32, u128> = BTreeMap::new();
	for job in [&job_a, &job_b] {
		let split = job.split();
		for seat in &job.committee {
			let owner = owner_of(seat).ok_or_else(|| anyhow!("{seat} has no owner"))?;
			*expected_gains.entry(owner).or_default() += split.validator_share;
		}
		for miner in job.honest_miners() {
			let owner = owner_of(miner).ok_or_else(|| anyhow!("{miner} has no owner"))?;
			*expected_gains.entry(owner).or_default() += split.miner_share;
		}
	}
	for (name, coldkey) in [
		("Alice", &alice),
		("Bob", &bob),
		("Charlie", &charlie),
		("Dave", &dave),
		("Ferdie", &ferdie),
	] {
		let coldkey = account(coldkey);
		let gain = funds(&api, &coldkey, &settled_in).await?.free
			- funds(&api, &coldkey, &before).await?.free;
		let expected = expected_gains.get(&coldkey).copied().unwrap_or(0);
		assert_eq!(gain, expected, "{name}'s coldkey is paid for its hotkeys' work");
	}
	// Every validator sits on both committees: a third of 10 SYN and of 6 SYN each. Alice's
	// miner is honest in both jobs: half of A's pool and all of B's; Dave's, half of A's.
	let seat_fees = job_a.split().validator_share + 2 * SYN;
	for coldkey in [&bob, &charlie, &ferdie] {
		assert_eq!(expected_gains.get(&account(coldkey)), Some(&seat_fees));
	}
	assert_eq!(expected_gains.get(&account(&alice)), Some(&(44_500_000_000_000 + 534 * SYN / 10)));
	assert_eq!(expected_gains.get(&account(&dave)), Some(&44_500_000_000_000));

	// Eve's escrow is gone, and she gets back only what the bounties did not pay or burn,
	// never any of the slash.
	let (eve_before, eve_after) =
		(funds(&api, &requester, &before).await?, funds(&api, &requester, &settled_in).await?);
	assert_eq!(eve_before.reserved - eve_baseline.reserved, bounty_a + bounty_b, "held until now");
	assert_eq!(eve_after.reserved, eve_baseline.reserved, "nothing is held once they settle");
	let refunded = job_a.split().refunded + job_b.split().refunded;
	assert_eq!(eve_after.free - eve_before.free, refunded, "the rounding, and no slash");

	// The protocol fees and the slash left the supply.
	let burnt = job_a.split().burnt + job_b.split().burnt;
	let fell = issuance(&api, &before).await? - issuance(&api, &settled_in).await?;
	assert_eq!(fell, burnt + slashed, "total issuance falls by the protocol fees and the slash");

	// The outcomes over RPC match what moved.
	for job in [&job_a, &job_b] {
		let view = job_view(&client, job.id, &settled_in).await?;
		assert_eq!(view["status"], "settled", "{view}");
		assert!(view["job"].is_null(), "{view}");
		let outcome = &view["outcome"];
		let split = job.split();
		assert_eq!(outcome["requester"], requester.to_string(), "{view}");
		assert_eq!(outcome["netuid"], netuid, "{view}");
		assert_eq!(outcome["resultHash"], hex32(&Job::digest(job.truth)), "{view}");
		assert!(outcome["refused"].is_null(), "{view}");
		assert_eq!(outcome["byCommittee"], true, "{view}");
		assert_eq!(outcome["settledAt"], settles_at, "{view}");
		// Where the first honest miner of the draw serves the result.
		assert_eq!(outcome["uri"], job.uri(job.honest_miners()[0]), "{view}");
		let to_miners: BTreeMap<String, u128> =
			job.honest_miners().into_iter().map(|m| (m.to_string(), split.miner_share)).collect();
		assert_eq!(payouts(&outcome["minerPayouts"])?, to_miners, "{view}");
		let to_validators: BTreeMap<String, u128> =
			job.committee.iter().map(|v| (v.to_string(), split.validator_share)).collect();
		assert_eq!(payouts(&outcome["validatorPayouts"])?, to_validators, "{view}");
		let penalised: BTreeMap<String, u128> =
			job.wrong.iter().map(|m| (m.to_string(), slashed)).collect();
		assert_eq!(payouts(&outcome["penalties"])?, penalised, "{view}");
		assert_eq!(balance(&outcome["burnt"])?, split.burnt, "{view}");
		assert_eq!(balance(&outcome["refunded"])?, split.refunded, "{view}");
	}
	assert_eq!(jobs_in(&client, "settled", &settled_in).await?, both);
	assert!(jobs_of(&client, &requester, &settled_in).await?.is_empty(), "nothing in flight");
	for neuron in &neurons {
		for method in ["synod_minerAssignments", "synod_committeeAssignments"] {
			let open = assignments(&client, method, &neuron.hotkey, &settled_in).await?;
			assert!(open.is_empty(), "{method}({}): {open:?}", neuron.hotkey);
		}
	}

	net.stop_all();
	Ok(())
}
