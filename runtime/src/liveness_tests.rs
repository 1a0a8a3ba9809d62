//! Liveness on the real runtime: with every subnet's assignment queue full of jobs nobody
//! can serve, the jobs hook stays within `MaxHookWeight` in every block, and a user's
//! signed transfer, applied through `Executive` with every transaction extension, still
//! gets in.

use codec::Encode;
use frame_support::{
	assert_ok,
	dispatch::DispatchClass,
	storage::{with_transaction, TransactionOutcome},
	traits::{fungible::Mutate, Get, OnInitialize},
	weights::Weight,
};
use sp_keyring::Sr25519Keyring::{Alice, Bob};
use sp_runtime::{generic::Era, traits::Header as _, DispatchError};
use synod_primitives::subnet::SubnetRegistry;

use pallet_jobs::WeightInfo as _;

use crate::{
	configs::{jobs::MaxHookWeight, RuntimeBlockWeights, MAX_SUBNETS},
	currency::SYN,
	AccountId, Executive, Header, Jobs, Runtime, RuntimeCall, RuntimeOrigin, Subnets, System,
	TxExtension, UncheckedExtrinsic,
};

/// A transfer from Alice with `nonce`, signed and extended as polkadot.js would.
fn transfer(nonce: u32) -> UncheckedExtrinsic {
	let call = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
		dest: Bob.to_account_id().into(),
		value: SYN,
	});
	let extension: TxExtension = (
		frame_system::CheckNonZeroSender::new(),
		frame_system::CheckSpecVersion::new(),
		frame_system::CheckTxVersion::new(),
		frame_system::CheckGenesis::new(),
		frame_system::CheckEra::from(Era::Immortal),
		frame_system::CheckNonce::from(nonce),
		frame_system::CheckWeight::new(),
		pallet_transaction_payment::ChargeTransactionPayment::from(0),
		frame_metadata_hash_extension::CheckMetadataHash::new(false),
		frame_system::WeightReclaim::new(),
	);
	let payload = sp_runtime::generic::SignedPayload::new(call.clone(), extension.clone())
		.expect("the implicit data of every extension");
	let signature = payload.using_encoded(|bytes| Alice.sign(bytes));
	UncheckedExtrinsic::new_signed(call, Alice.to_account_id().into(), signature.into(), extension)
}

/// Every subnet the runtime allows, each with a full queue of eight-replica jobs and no
/// neurons to serve them; returns how many jobs wait.
fn fill_every_queue() -> u32 {
	let per_subnet: u32 = <Runtime as pallet_jobs::Config>::MaxJobsAwaitingAssignment::get();
	let mut waiting = 0;
	let owner = Alice.to_account_id();
	while Subnets::netuids().len() < MAX_SUBNETS as usize {
		match Subnets::force_create_subnet(RuntimeOrigin::root(), owner.clone()) {
			Ok(()) => {},
			Err(error) => panic!("subnet {} not created: {error:?}", Subnets::netuids().len()),
		}
	}
	for (index, netuid) in Subnets::netuids().into_iter().enumerate() {
		let requester = AccountId::from([index as u8 + 1; 32]);
		crate::Balances::set_balance(&requester, 1_000 * SYN);
		let assign_by = 40 + index as u32;
		for _ in 0..per_subnet {
			assert_ok!(Jobs::post_job(
				RuntimeOrigin::signed(requester.clone()),
				netuid,
				Box::new(spec()),
				SYN / 10,
				8,
				pallet_jobs::JobDeadlines {
					assign_by,
					commit_by: assign_by + 10,
					verify_by: assign_by + 20,
					reveal_by: assign_by + 30,
				},
			));
			waiting += 1;
		}
	}
	waiting
}

fn spec() -> pallet_jobs::JobSpec {
	pallet_jobs::JobSpec {
		kind: pallet_jobs::JobKind::Train,
		architecture: b"mlp".to_vec().try_into().unwrap(),
		architecture_version: 1,
		inputs: vec![pallet_jobs::Artifact {
			hash: [1; 32],
			uri: b"https://data.example/digits.csv".to_vec().try_into().unwrap(),
		}]
		.try_into()
		.unwrap(),
		hyperparameters: codec::Encode::encode(&synod_primitives::cost::Settings::default())
			.try_into()
			.unwrap(),
		seed: 7,
		shape: pallet_jobs::InputShape { rows: 1437, features: 64, outputs: 10 },
	}
}

/// What the jobs hook of block `number` spends, measured on the current state and rolled
/// back.
fn jobs_hook_alone(number: u32) -> Weight {
	with_transaction(|| {
		let used = <Jobs as OnInitialize<u32>>::on_initialize(number);
		TransactionOutcome::Rollback(Ok::<_, DispatchError>(used))
	})
	.expect("rolled back")
}

#[test]
fn full_queues_on_every_subnet_leave_room_for_a_users_transfer() {
	super::tests::state_of("development").execute_with(|| {
		System::set_block_number(1);
		let waiting = fill_every_queue();
		assert_eq!(waiting, MAX_SUBNETS as u32 * 16);
		let limits = RuntimeBlockWeights::get();
		let normal = limits.get(DispatchClass::Normal).max_total.expect("a normal limit");
		let mut parent = System::block_hash(0);
		let mut heaviest = Weight::zero();
		let bob_before = crate::Balances::free_balance(Bob.to_account_id());
		// Three retry periods, through the first tries of every queue.
		for number in 2..=32u32 {
			let header = Header::new(
				number,
				Default::default(),
				Default::default(),
				parent,
				Default::default(),
			);
			let alone = jobs_hook_alone(number);
			Executive::initialize_block(&header);
			assert!(
				alone.all_lte(MaxHookWeight::get()),
				"block {number}: the jobs hook took {alone:?}, more than {:?}",
				MaxHookWeight::get()
			);
			heaviest = heaviest.max(alone);
			let hooks = *System::block_weight().get(DispatchClass::Mandatory);
			assert!(
				hooks.saturating_add(normal).all_lte(limits.max_block),
				"block {number}: the hooks took {hooks:?}, leaving less than the normal class"
			);
			let applied = Executive::apply_extrinsic(transfer(number - 2));
			assert!(
				matches!(applied, Ok(Ok(()))),
				"block {number}: the transfer was not included: {applied:?}"
			);
			parent = header.hash();
		}
		assert!(heaviest.ref_time() > MaxHookWeight::get().ref_time() / 2, "{heaviest:?}");
		let ms = |w: Weight| w.ref_time() as f64 / 1e9;
		println!(
			"jobs hook: limit {:.1} ms, heaviest block {:.1} ms; indexes reserved {:.1} ms, \
			 a settlement {:.2} ms + {:.2} ms per slash, a queue pass {:.1} ms, a try {:.2} ms; \
			 a dividend credit {:.2} ms",
			ms(MaxHookWeight::get()),
			ms(heaviest),
			ms(Jobs::indexes_weight()),
			ms(Jobs::settlement_weight()),
			ms(Jobs::penalty_weight(1)),
			ms(<Runtime as pallet_jobs::Config>::WeightInfo::assign_jobs(0)),
			ms(Jobs::assignment_try_weight()),
			ms(<crate::Staking as synod_primitives::stake::DividendCredit<_, _>>::credit_weight()),
		);
		// The queues were worked through in turn: many subnets had their pass, not only the
		// first.
		let tried = pallet_jobs::AssignmentRetryAt::<Runtime>::iter_values()
			.filter(|retry| *retry > 3)
			.count();
		assert!(tried >= 8, "only {tried} subnets' queues were tried");
		// Nothing was lost: every job still waits, each with its deposit.
		let queued: u32 = pallet_jobs::AwaitingAssignment::<Runtime>::iter_values()
			.map(|queue| queue.len() as u32)
			.sum();
		assert_eq!(queued, waiting);
		assert_eq!(pallet_jobs::QueueDeposits::<Runtime>::iter().count() as u32, waiting);
		// Every block's transfer arrived: 31 of them.
		let received = crate::Balances::free_balance(Bob.to_account_id()) - bob_before;
		assert_eq!(received, 31 * SYN);
	});
}
