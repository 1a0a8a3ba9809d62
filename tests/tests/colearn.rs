//! Collective learning on a `--dev` node, driven as a client would drive it: subxt dynamic
//! calls and the `synod_experiment` / `synod_lineage` RPC methods.
//!
//! Three learners (hotkeys of Dave, Ferdie and Charlie, staked 100, 200 and 300 SYN) join
//! Eve's experiment. Round 1 opens before anyone has joined, so nobody is drawn and it is
//! skipped. Then, with whichever learner each draw picks as proposer:
//! - round 2: the proposer proposes new weights on the head, both others approve with scores
//!   above the margin: the proposal becomes the head and lineage entry 1, the proposer's
//!   coldkey gets 70 SYN and the voters' coldkeys share 30 SYN by stake, out of Eve's held
//!   pool; the proposal declared DP-SGD training, and the chain's account of the proposer's
//!   coldkey is the reference accountant's epsilon for it;
//! - round 3: the proposer proposes, both others vote against: nothing moves;
//! - round 4: the proposer stays silent: the round is skipped.
//!
//! Balances are read at the blocks just before and after each tally, so that transaction fees
//! never blur them.

use std::time::Duration;

use anyhow::{anyhow, bail, ensure, Result};
use serde_json::Value as Json;
use sp_crypto_hashing::blake2_256;
use subxt::{
	dynamic::{At, Value},
	ext::codec::Encode,
	rpcs::{rpc_params, RpcClient},
	utils::AccountId32,
	OnlineClient, PolkadotConfig,
};
use subxt_signer::sr25519::{dev, Keypair};
use synod_e2e::*;

type Api = OnlineClient<PolkadotConfig>;

const INITIAL: [u8; 32] = [0xAA; 32];
const UPDATE: [u8; 32] = [0xBB; 32];
const REJECTED: [u8; 32] = [0xCC; 32];
const REWARD: u128 = 100 * SYN;
const POOL: u128 = 1_000 * SYN;
/// Blocks in each phase of a round.
const WINDOW: u64 = 5;
/// Each coldkey's privacy budget, in millionths of epsilon, and its delta per `10^18`.
const BUDGET: u64 = 3_000_000;
const DELTA: u64 = 10_000_000_000_000;
/// The DP-SGD training every proposal here declares: sampling rate 0.01 (parts per
/// billion), noise multiplier 1.0 and clipping norm 1.0 (thousandths), 400 steps.
const TRAINING: (u32, u32, u32, u32) = (10_000_000, 1_000, 400, 1_000);
/// The learners' stakes, in SYN, in the order of `learners`.
const STAKES: [u128; 3] = [100, 200, 300];

/// What [`TRAINING`] costs by the reference accountant, in millionths rounded up, as the
/// chain must record it.
fn reference_epsilon() -> u64 {
	let (q, sigma, steps, _) = TRAINING;
	synod_privacy::epsilon_micros_of(q, sigma, steps, DELTA).expect("valid parameters")
}

fn call(pallet: &str, name: &str, fields: Vec<(&str, Value)>) -> Value {
	Value::unnamed_variant(pallet, [Value::named_variant(name, fields)])
}

fn perbill(percent: u128) -> Value {
	Value::unnamed_composite([Value::u128(percent * 10_000_000)])
}

/// The experiment's config: a 50% threshold, a margin of 0.01 in accuracy, windows of 5
/// blocks, 100 SYN per accepted round of which 30% to the voters, a privacy budget of
/// epsilon 3.0 at delta 10^-5 per coldkey.
fn config() -> Value {
	Value::named_composite([
		("architecture", Value::from_bytes(b"mlp")),
		("architecture_version", Value::u128(1)),
		("vote_threshold", perbill(50)),
		("min_improvement", Value::i128(10_000)),
		("score_direction", Value::unnamed_variant("HigherIsBetter", Vec::<Value>::new())),
		("proposal_window", Value::u128(WINDOW.into())),
		("commit_window", Value::u128(WINDOW.into())),
		("reveal_window", Value::u128(WINDOW.into())),
		("reward_per_round", Value::u128(REWARD)),
		("voters_share", perbill(30)),
		(
			"privacy",
			Value::unnamed_variant(
				"Some",
				[Value::named_composite([
					("epsilon_micros", Value::u128(BUDGET.into())),
					("delta", Value::u128(DELTA.into())),
				])],
			),
		),
		("min_stake", Value::u128(50 * SYN)),
		("admission", Value::unnamed_variant("Open", Vec::<Value>::new())),
		("max_learners", Value::u128(3)),
		("max_skipped_rounds", Value::u128(10)),
	])
}

/// A learner: the hotkey that signs and the coldkey that is paid.
struct Learner {
	key: Keypair,
	hotkey: AccountId32,
	owner: Keypair,
}

async fn experiment(client: &RpcClient) -> Result<Json> {
	let view = rpc(client, "synod_experiment", rpc_params![0]).await?;
	ensure!(!view.is_null(), "experiment 0 does not exist");
	Ok(view)
}

/// Waits until experiment 0 is in `phase` of `round`; returns its view then.
async fn wait_for(client: &RpcClient, round: u64, phase: &str) -> Result<Json> {
	let deadline = tokio::time::Instant::now() + Duration::from_secs(90);
	loop {
		let view = experiment(client).await?;
		let at = view["round"].as_u64().unwrap_or(0);
		if at == round && view["phase"] == phase {
			return Ok(view);
		}
		if at > round || tokio::time::Instant::now() > deadline {
			bail!("round {round} {phase} never came: {view}");
		}
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
}

fn hex(bytes: &[u8; 32]) -> String {
	format!("0x{}", ::hex::encode(bytes))
}

fn salt(who: &AccountId32, round: u64) -> [u8; 32] {
	blake2_256(&(b"salt", who.0, round).encode())
}

/// `voter`'s commitment to `(approve, score, salt)` in `round` of experiment 0, as a client
/// computes it (the pallet's `vote_commitment`): BLAKE2-256 of the SCALE encoding of
/// `(*b"synod/colearn/vote/v1", experiment: u32, round: u32, voter, approve, score: i64, salt)`.
fn vote_commitment(voter: &AccountId32, round: u64, approve: bool, score: i64) -> [u8; 32] {
	let round = u32::try_from(round).expect("rounds are u32 on chain");
	let tag: [u8; 21] = *b"synod/colearn/vote/v1";
	blake2_256(&(tag, 0u32, round, voter.0, approve, score, salt(voter, round.into())).encode())
}

/// The learner drawn as `view`'s proposer, and the other two.
fn split<'a>(learners: &'a [Learner], view: &Json) -> Result<(&'a Learner, Vec<&'a Learner>)> {
	let drawn = view["proposer"].as_str().ok_or_else(|| anyhow!("no proposer: {view}"))?;
	let proposer = learners
		.iter()
		.find(|l| l.hotkey.to_string() == drawn)
		.ok_or_else(|| anyhow!("{drawn} is not a learner"))?;
	Ok((proposer, learners.iter().filter(|l| l.hotkey != proposer.hotkey).collect()))
}

/// The proposer proposes `hash`, trained from the initial model.
async fn propose(api: &Api, proposer: &Learner, round: u64, hash: [u8; 32]) -> Result<()> {
	propose_on(api, proposer, round, hash, INITIAL).await
}

/// Both voters commit to `(approve, score)` together, then, in the reveal window, reveal.
async fn vote(
	api: &Api,
	client: &RpcClient,
	voters: &[&Learner],
	round: u64,
	votes: [(bool, i64); 2],
) -> Result<Json> {
	wait_for(client, round, "commit").await?;
	let commits = voters.iter().zip(votes).map(|(voter, (approve, score))| {
		let commitment = vote_commitment(&voter.hotkey, round, approve, score);
		submit(
			api,
			&voter.key,
			"Colearn",
			"commit_vote",
			vec![Value::u128(0), Value::u128(round.into()), Value::from_bytes(commitment)],
		)
	});
	for committed in subxt::ext::futures::future::join_all(commits).await {
		committed?;
	}
	let view = wait_for(client, round, "reveal").await?;
	let reveals = voters.iter().zip(votes).map(|(voter, (approve, score))| {
		submit(
			api,
			&voter.key,
			"Colearn",
			"reveal_vote",
			vec![
				Value::u128(0),
				Value::u128(round.into()),
				Value::bool(approve),
				Value::i128(score.into()),
				Value::from_bytes(salt(&voter.hotkey, round)),
			],
		)
	});
	for revealed in subxt::ext::futures::future::join_all(reveals).await {
		revealed?;
	}
	Ok(view)
}

/// Each learner's coldkey balance at block `hash`.
async fn balances_at(api: &Api, learners: &[Learner], hash: &str) -> Result<Vec<u128>> {
	let mut all = Vec::new();
	for learner in learners {
		all.push(free_balance(api, &account(&learner.owner), Some(hash)).await?);
	}
	Ok(all)
}

#[tokio::test(flavor = "multi_thread")]
async fn three_learners_accept_one_update_reject_one_and_skip_a_round() -> Result<()> {
	let dir = tempfile::tempdir()?;
	// A block a second: the test waits on block counts, not on time.
	let mut node = Node::start("dev", dir.path(), &["--dev", "--sealing", "1000"])?;
	let (client, api) = node.connect().await?;
	let (alice, eve) = (dev::alice(), dev::eve());
	let learners: Vec<Learner> =
		[(dev::dave(), "//Dave"), (dev::ferdie(), "//Ferdie"), (dev::charlie(), "//Charlie")]
			.into_iter()
			.map(|(owner, uri)| {
				let key = derived(&format!("{uri}//learner"));
				Learner { hotkey: account(&key), key, owner }
			})
			.collect();

	// A subnet to register the learners' hotkeys on (stake sits behind registered hotkeys), and
	// fees for the hotkeys, which sign their own calls.
	let mut setup = vec![call("Subnets", "create_subnet", vec![])];
	setup.extend(learners.iter().map(|l| {
		call(
			"Balances",
			"transfer_keep_alive",
			vec![("dest", address(&l.hotkey)), ("value", Value::u128(10 * SYN))],
		)
	}));
	let created =
		submit(&api, &alice, "Utility", "batch_all", vec![Value::unnamed_composite(setup)]).await?;
	let netuid = created
		.fields("Subnets", "SubnetCreated")
		.and_then(|f| f.at("netuid"))
		.and_then(|v| v.as_u128())
		.ok_or_else(|| anyhow!("no SubnetCreated in {:?}", created.events))?;
	let stakes = learners.iter().zip(STAKES).map(|(learner, stake)| {
		let hot = Value::from_bytes(learner.hotkey.0);
		let calls = vec![
			call(
				"Subnets",
				"register",
				vec![("netuid", Value::u128(netuid)), ("hotkey", hot.clone())],
			),
			call(
				"Staking",
				"add_stake",
				vec![("hotkey", hot), ("amount", Value::u128(stake * SYN))],
			),
		];
		submit(&api, &learner.owner, "Utility", "batch_all", vec![Value::unnamed_composite(calls)])
	});
	for staked in subxt::ext::futures::future::join_all(stakes).await {
		staked?;
	}

	submit(
		&api,
		&eve,
		"Colearn",
		"create_experiment",
		vec![
			config(),
			Value::from_bytes(INITIAL),
			Value::from_bytes(b"https://models.example/initial"),
			Value::u128(POOL),
		],
	)
	.await?;
	let joins = learners.iter().map(|learner| {
		submit(&api, &learner.key, "Colearn", "join_experiment", vec![Value::u128(0)])
	});
	for joined in subxt::ext::futures::future::join_all(joins).await {
		joined?;
	}
	let view = experiment(&client).await?;
	assert_eq!(view["learners"].as_array().map(Vec::len), Some(3), "{view}");
	assert_eq!(view["head"], hex(&INITIAL), "{view}");
	assert_eq!(balance(&view["pool"])?, POOL);
	// Round 1 opened before anyone joined: nobody was drawn.
	assert_eq!((view["round"].as_u64(), &view["proposer"]), (Some(1), &Json::Null), "{view}");

	// Round 2: accepted.
	let view = wait_for(&client, 2, "proposal").await?;
	let (proposer, voters) = split(&learners, &view)?;
	propose(&api, proposer, 2, UPDATE).await?;
	let reveal = vote(&api, &client, &voters, 2, [(true, 20_000), (true, 40_000)]).await?;
	let tally = reveal["phaseEnds"].as_u64().ok_or_else(|| anyhow!("{reveal}"))? + 1;
	let before = balances_at(&api, &learners, &finalized_block(&client, tally - 1).await?).await?;
	let after = balances_at(&api, &learners, &finalized_block(&client, tally).await?).await?;
	// The voters' 30 SYN by their votes' weight: the stake behind them at the commit (about
	// STAKES, plus what Yuma's dividends have added since), each share rounded down; what
	// rounding leaves stays in the pool.
	let approving: u128 = learners
		.iter()
		.zip(STAKES)
		.filter(|(learner, _)| learner.hotkey != proposer.hotkey)
		.map(|(_, stake)| stake)
		.sum();
	let mut paid = 0u128;
	for (i, learner) in learners.iter().enumerate() {
		let gained = after[i] - before[i];
		if learner.hotkey == proposer.hotkey {
			assert_eq!(gained, 70 * SYN, "learner {i}'s coldkey");
		} else {
			let by_stake = 30 * SYN * STAKES[i] / approving;
			assert!(
				gained.abs_diff(by_stake) < by_stake / 20,
				"learner {i}'s coldkey got {gained}, about {by_stake} expected"
			);
		}
		paid += gained;
	}
	assert!(paid <= REWARD && REWARD - paid < 10, "paid {paid} of {REWARD}");
	let view = experiment(&client).await?;
	assert_eq!(view["head"], hex(&UPDATE), "{view}");
	assert_eq!(balance(&view["pool"])?, POOL - paid, "{view}");
	let privacy = |view: &Json, learner: &Learner| {
		view["learners"]
			.as_array()
			.and_then(|all| all.iter().find(|l| l["hotkey"] == learner.hotkey.to_string()))
			.map(|l| (l["epsilonSpent"].as_u64(), l["epsilonRemaining"].as_u64()))
	};
	let spent = reference_epsilon();
	assert!((1_000_000..BUDGET).contains(&spent), "{spent}");
	assert_eq!(privacy(&view, proposer), Some((Some(spent), Some(BUDGET - spent))), "{view}");
	for voter in &voters {
		assert_eq!(privacy(&view, *voter), Some((Some(0), Some(BUDGET))), "{view}");
	}

	// Round 3: rejected by both voters, so nothing moves.
	let view = wait_for(&client, 3, "proposal").await?;
	let (proposer, voters) = split(&learners, &view)?;
	propose_on(&api, proposer, 3, REJECTED, UPDATE).await?;
	let reveal = vote(&api, &client, &voters, 3, [(false, -5_000), (false, 1_000)]).await?;
	let tally = reveal["phaseEnds"].as_u64().ok_or_else(|| anyhow!("{reveal}"))? + 1;
	let before = balances_at(&api, &learners, &finalized_block(&client, tally - 1).await?).await?;
	let after = balances_at(&api, &learners, &finalized_block(&client, tally).await?).await?;
	assert_eq!(before, after, "a rejected round pays nobody");
	let view = experiment(&client).await?;
	assert_eq!((view["head"].clone(), balance(&view["pool"])?), (hex(&UPDATE).into(), POOL - paid));

	// Round 4: the proposer stays silent and the round is skipped.
	wait_for(&client, 4, "proposal").await?;
	let view = wait_for(&client, 5, "proposal").await?;
	assert_eq!((view["lineageLen"].as_u64(), view["head"].clone()), (Some(2), hex(&UPDATE).into()));

	// The lineage: the initial model, then round 2's update with both votes.
	let lineage = rpc(&client, "synod_lineage", rpc_params![0]).await?;
	let entries = lineage.as_array().ok_or_else(|| anyhow!("{lineage}"))?;
	assert_eq!(entries.len(), 2, "{lineage}");
	assert_eq!(
		(entries[0]["hash"].clone(), entries[0]["parent"].clone()),
		(hex(&INITIAL).into(), Json::Null)
	);
	let update = &entries[1];
	assert_eq!(update["parent"], hex(&INITIAL), "{update}");
	assert_eq!(update["hash"], hex(&UPDATE), "{update}");
	assert_eq!(update["round"], 2, "{update}");
	assert_eq!(update["epsilonAfter"], reference_epsilon(), "{update}");
	assert_eq!(update["privacy"]["steps"], TRAINING.2, "{update}");
	let mut scores: Vec<i64> = update["votes"]
		.as_array()
		.ok_or_else(|| anyhow!("{update}"))?
		.iter()
		.map(|v| {
			assert_eq!(v["approve"], true, "{update}");
			v["score"].as_i64().unwrap_or(0)
		})
		.collect();
	scores.sort();
	assert_eq!(scores, [20_000, 40_000], "{update}");

	node.stop();
	Ok(())
}

/// Like [`propose`], on parent `parent`.
async fn propose_on(
	api: &Api,
	proposer: &Learner,
	round: u64,
	hash: [u8; 32],
	parent: [u8; 32],
) -> Result<()> {
	submit(
		api,
		&proposer.key,
		"Colearn",
		"propose",
		vec![
			Value::u128(0),
			Value::u128(round.into()),
			Value::from_bytes(hash),
			Value::from_bytes(format!("https://models.example/{}", hex(&hash))),
			Value::from_bytes(parent),
			Value::unnamed_variant(
				"Some",
				[Value::named_composite([
					("sample_rate_ppb", Value::u128(TRAINING.0.into())),
					("noise_multiplier_milli", Value::u128(TRAINING.1.into())),
					("steps", Value::u128(TRAINING.2.into())),
					("clip_norm_milli", Value::u128(TRAINING.3.into())),
				])],
			),
			Value::from_bytes(b"400 DP-SGD steps on my shard"),
		],
	)
	.await?;
	Ok(())
}
