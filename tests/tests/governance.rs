//! Governance by extrinsics on the `local` network: a council motion passed by two of three
//! members dispatches a Root call; a motion with one vote does not.

use std::time::Duration;

use subxt::dynamic::Value;
use subxt_signer::sr25519::{dev, Keypair};
use synod_e2e::*;

/// `Governance.dispatch_as_root(Balances.force_set_balance(who, new_free))` as a call value.
fn set_balance_as_root(who: &subxt::utils::AccountId32, new_free: u128) -> Value {
	Value::unnamed_variant(
		"Governance",
		[Value::named_variant(
			"dispatch_as_root",
			[(
				"call",
				Value::unnamed_variant(
					"Balances",
					[Value::named_variant(
						"force_set_balance",
						[("who", address(who)), ("new_free", Value::u128(new_free))],
					)],
				),
			)],
		)],
	)
}

fn motion_fields(threshold: u32, proposal: Value, length: u32) -> Vec<Value> {
	vec![Value::u128(threshold as u128), proposal, Value::u128(length as u128)]
}

async fn proposal_length(
	api: &subxt::OnlineClient<subxt::PolkadotConfig>,
	who: &subxt::utils::AccountId32,
	amount: u128,
) -> anyhow::Result<u32> {
	let inner = Value::unnamed_variant(
		"Balances",
		[Value::named_variant(
			"force_set_balance",
			[("who", address(who)), ("new_free", Value::u128(amount))],
		)],
	);
	Ok(call_data(api, "Governance", "dispatch_as_root", vec![inner]).await?.len() as u32)
}

fn field<'a>(fields: &'a Value, name: &str) -> &'a Value {
	match &fields.value {
		subxt::ext::scale_value::ValueDef::Composite(
			subxt::ext::scale_value::Composite::Named(items),
		) => {
			&items
				.iter()
				.find(|(n, _)| n == name)
				.unwrap_or_else(|| panic!("no field {name} in {fields}"))
				.1
		},
		_ => panic!("not a named composite: {fields}"),
	}
}

#[tokio::test(flavor = "multi_thread")]
async fn a_two_thirds_council_motion_reaches_root_and_a_one_vote_motion_does_not(
) -> anyhow::Result<()> {
	let dir = tempfile::tempdir()?;
	let mut net = LocalNetwork::start(dir.path()).await?;
	let rpc = net.rpcs[0].clone();
	wait_finalized(&rpc, 2, Duration::from_secs(120)).await?;
	let api = net.apis[0].clone();

	let target: Keypair = Keypair::from_uri(&"//CouncilTarget".parse()?)?;
	let target = account(&target);
	let amount = 42 * SYN;
	let length = proposal_length(&api, &target, amount).await?;

	// Alice proposes with threshold 2; Alice and Bob vote aye; Charlie closes.
	let proposed = submit(
		&api,
		&dev::alice(),
		"Council",
		"propose",
		motion_fields(2, set_balance_as_root(&target, amount), length),
	)
	.await?;
	let fields = proposed.fields("Council", "Proposed").expect("a Proposed event").clone();
	let hash = field(&fields, "proposal_hash").clone();
	let index = field(&fields, "proposal_index").clone();
	for voter in [dev::alice(), dev::bob()] {
		submit(
			&api,
			&voter,
			"Council",
			"vote",
			vec![hash.clone(), index.clone(), Value::bool(true)],
		)
		.await?;
	}
	// Bounds the proposal's weight; `close` charges it, so it must fit in a block. A balance
	// call costs well under a millisecond and a few kilobytes of proof.
	let weight_bound = Value::named_composite([
		("ref_time", Value::u128(10_000_000_000)),
		("proof_size", Value::u128(100_000)),
	]);
	let closed = submit(
		&api,
		&dev::charlie(),
		"Council",
		"close",
		vec![hash, index, weight_bound.clone(), Value::u128(length as u128)],
	)
	.await?;
	assert!(closed.has("Council", "Executed"), "{:?}", closed.events);
	let dispatched = closed.fields("Governance", "DispatchedAsRoot").expect("DispatchedAsRoot");
	assert!(format!("{dispatched}").contains("Ok"), "the Root call failed: {dispatched}");
	assert_eq!(free_balance(&api, &target, Some(&closed.block_hash)).await?, amount);

	// A motion with one aye of three cannot be closed before its time is up.
	let other = account(&Keypair::from_uri(&"//CouncilOther".parse()?)?);
	let length = proposal_length(&api, &other, amount).await?;
	let proposed = submit(
		&api,
		&dev::alice(),
		"Council",
		"propose",
		motion_fields(2, set_balance_as_root(&other, amount), length),
	)
	.await?;
	let fields = proposed.fields("Council", "Proposed").expect("a Proposed event").clone();
	let (hash, index) =
		(field(&fields, "proposal_hash").clone(), field(&fields, "proposal_index").clone());
	submit(
		&api,
		&dev::alice(),
		"Council",
		"vote",
		vec![hash.clone(), index.clone(), Value::bool(true)],
	)
	.await?;
	let refused = submit(
		&api,
		&dev::charlie(),
		"Council",
		"close",
		vec![hash, index, weight_bound, Value::u128(length as u128)],
	)
	.await;
	let error = format!("{:#}", refused.err().expect("closing a one-vote motion must fail"));
	assert!(error.contains("TooEarly"), "unexpected error: {error}");

	// A threshold-1 motion executes at once, but with one member's origin, which is not Root.
	// (Another amount: the same proposal is still open above, and duplicates are refused.)
	let executed = submit(
		&api,
		&dev::alice(),
		"Council",
		"propose",
		motion_fields(1, set_balance_as_root(&other, amount + 1), length),
	)
	.await?;
	let result = executed.fields("Council", "Executed").expect("an Executed event");
	assert!(format!("{result}").contains("BadOrigin"), "one member reached Root: {result}");
	assert_eq!(free_balance(&api, &other, None).await?, 0, "no motion changed the balance");

	// Nor can a member call it directly.
	let direct = submit(
		&api,
		&dev::bob(),
		"Governance",
		"dispatch_as_root",
		vec![Value::unnamed_variant(
			"Balances",
			[Value::named_variant(
				"force_set_balance",
				[("who", address(&other)), ("new_free", Value::u128(amount))],
			)],
		)],
	)
	.await;
	assert!(format!("{:#}", direct.err().expect("a direct call must fail")).contains("BadOrigin"));
	net.stop_all();
	Ok(())
}
