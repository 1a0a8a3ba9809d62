//! Governance by extrinsics on the `local` network: a council motion passed by two of three
//! members dispatches a Root call; a motion with one vote does not.

use std::time::Duration;

use subxt::{
	dynamic::Value,
	ext::scale_value::{Composite, ValueDef},
	utils::AccountId32,
	OnlineClient, PolkadotConfig,
};
use subxt_signer::sr25519::{dev, Keypair};
use synod_e2e::*;

/// `Balances.force_set_balance(who, new_free)`, a Root-only call, as a call value.
fn force_set_balance(who: &AccountId32, new_free: u128) -> Value {
	Value::unnamed_variant(
		"Balances",
		[Value::named_variant(
			"force_set_balance",
			[("who", address(who)), ("new_free", Value::u128(new_free))],
		)],
	)
}

/// A council motion for `Governance.dispatch_as_root(force_set_balance(who, new_free))`.
struct Motion {
	proposal: Value,
	/// The proposal's encoded length, which `propose` and `close` take as a bound.
	length: u32,
}

impl Motion {
	async fn new(
		api: &OnlineClient<PolkadotConfig>,
		who: &AccountId32,
		new_free: u128,
	) -> anyhow::Result<Motion> {
		let inner = force_set_balance(who, new_free);
		let length = call_data(api, "Governance", "dispatch_as_root", vec![inner.clone()])
			.await?
			.len() as u32;
		let proposal = Value::unnamed_variant(
			"Governance",
			[Value::named_variant("dispatch_as_root", [("call", inner)])],
		);
		Ok(Motion { proposal, length })
	}

	/// Alice proposes it with `threshold`.
	async fn propose(
		&self,
		api: &OnlineClient<PolkadotConfig>,
		threshold: u32,
	) -> anyhow::Result<Included> {
		let fields = vec![
			Value::u128(threshold as u128),
			self.proposal.clone(),
			Value::u128(self.length as u128),
		];
		submit(api, &dev::alice(), "Council", "propose", fields).await
	}
}

/// The (hash, index) of the motion that `proposed` opened.
fn opened(proposed: &Included) -> (Value, Value) {
	let fields = proposed.fields("Council", "Proposed").expect("a Proposed event");
	let ValueDef::Composite(Composite::Named(items)) = &fields.value else {
		panic!("not a named composite: {fields}");
	};
	let field = |name: &str| {
		items
			.iter()
			.find(|(n, _)| n == name)
			.unwrap_or_else(|| panic!("no {name} in {fields}"))
			.1
			.clone()
	};
	(field("proposal_hash"), field("proposal_index"))
}

async fn vote_aye(
	api: &OnlineClient<PolkadotConfig>,
	voter: &Keypair,
	(hash, index): &(Value, Value),
) -> anyhow::Result<()> {
	submit(api, voter, "Council", "vote", vec![hash.clone(), index.clone(), Value::bool(true)])
		.await?;
	Ok(())
}

/// Charlie closes the motion.
async fn close(
	api: &OnlineClient<PolkadotConfig>,
	(hash, index): (Value, Value),
	motion: &Motion,
) -> anyhow::Result<Included> {
	// Bounds the proposal's weight; `close` charges it, so it must fit in a block. A balance
	// call costs well under a millisecond and a few kilobytes of proof.
	let weight_bound = Value::named_composite([
		("ref_time", Value::u128(10_000_000_000)),
		("proof_size", Value::u128(100_000)),
	]);
	let fields = vec![hash, index, weight_bound, Value::u128(motion.length as u128)];
	submit(api, &dev::charlie(), "Council", "close", fields).await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_two_thirds_council_motion_reaches_root_and_a_one_vote_motion_does_not(
) -> anyhow::Result<()> {
	let dir = tempfile::tempdir()?;
	let mut net = LocalNetwork::start(dir.path()).await?;
	wait_finalized(&net.rpcs[0], 2, Duration::from_secs(120)).await?;
	let api = net.apis[0].clone();
	let amount = 42 * SYN;

	// Alice proposes with threshold 2; Alice and Bob vote aye; Charlie closes.
	let target = account(&Keypair::from_uri(&"//CouncilTarget".parse()?)?);
	let motion = Motion::new(&api, &target, amount).await?;
	let id = opened(&motion.propose(&api, 2).await?);
	for voter in [dev::alice(), dev::bob()] {
		vote_aye(&api, &voter, &id).await?;
	}
	let closed = close(&api, id, &motion).await?;
	assert!(closed.has("Council", "Executed"), "{:?}", closed.events);
	let dispatched = closed.fields("Governance", "DispatchedAsRoot").expect("DispatchedAsRoot");
	assert!(format!("{dispatched}").contains("Ok"), "the Root call failed: {dispatched}");
	assert_eq!(free_balance(&api, &target, Some(&closed.block_hash)).await?, amount);

	// A motion with one aye of three cannot be closed before its time is up.
	let other = account(&Keypair::from_uri(&"//CouncilOther".parse()?)?);
	let motion = Motion::new(&api, &other, amount).await?;
	let id = opened(&motion.propose(&api, 2).await?);
	vote_aye(&api, &dev::alice(), &id).await?;
	let refused = close(&api, id, &motion).await;
	let error = format!("{:#}", refused.err().expect("closing a one-vote motion must fail"));
	assert!(error.contains("TooEarly"), "unexpected error: {error}");

	// A threshold-1 motion executes at once, but with one member's origin, which is not Root.
	// (Another amount: the same proposal is still open above, and duplicates are refused.)
	let executed = Motion::new(&api, &other, amount + 1).await?.propose(&api, 1).await?;
	let result = executed.fields("Council", "Executed").expect("an Executed event");
	assert!(format!("{result}").contains("BadOrigin"), "one member reached Root: {result}");
	assert_eq!(free_balance(&api, &other, None).await?, 0, "no motion changed the balance");

	// Nor can a member call it directly.
	let direct = submit(
		&api,
		&dev::bob(),
		"Governance",
		"dispatch_as_root",
		vec![force_set_balance(&other, amount)],
	)
	.await;
	assert!(format!("{:#}", direct.err().expect("a direct call must fail")).contains("BadOrigin"));
	net.stop_all();
	Ok(())
}
