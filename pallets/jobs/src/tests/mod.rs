//! The pallet's unit tests, each module one concern; `attacks.rs` runs every attack of
//! `docs/security.md` that the pallet defends against.

use crate::{mock::*, *};
use frame_support::{
	assert_ok,
	traits::fungible::{Inspect, InspectHold},
};
use synod_primitives::subnet::SubnetRegistry;

mod attacks;
mod liveness;
mod posting;
mod pricing;
mod properties;
mod settlement;
mod spot_checks;
mod statistics;

/// The requester of the standard world: a funded account that is no neuron.
const REQUESTER: u64 = 9;
/// The standard world's miners (coldkeys 1 and 2) and committee candidates (3, 4, 5).
const MINERS: [u64; 2] = [11, 12];
const VALIDATORS: [u64; 3] = [13, 14, 15];
/// Each miner's and validator's stake.
const MINER_STAKE: u128 = 1_000;
const VALIDATOR_STAKE: u128 = 2_000;
/// The standard job's bounty.
const BOUNTY: u128 = 5_000;

fn held(who: u64) -> u128 {
	Balances::balance_on_hold(&HoldReason::Escrow.into(), &who)
}

fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event").event
}

fn has_event(event: Event<Test>) -> bool {
	let event: RuntimeEvent = event.into();
	System::events().iter().any(|record| record.event == event)
}

/// Registers coldkey `c`'s hotkey `10 + c`, stakes `stake` behind it, and gives it a permit
/// if `permit`.
fn neuron(coldkey: u64, stake: u128, permit: bool) -> u64 {
	let hotkey = register_miner(coldkey);
	assert_ok!(Staking::add_stake(RuntimeOrigin::signed(coldkey), hotkey, stake));
	if permit {
		grant_permit(1, Subnets::uid_of(1, &hotkey).unwrap());
	}
	hotkey
}

/// Two miners without permits and three committee candidates with them.
fn world() {
	for coldkey in [1, 2] {
		neuron(coldkey, MINER_STAKE, false);
	}
	for coldkey in [3, 4, 5] {
		neuron(coldkey, VALIDATOR_STAKE, true);
	}
}

/// Posts the standard training job (two replicas, `BOUNTY`) from `requester` with
/// `deadlines(assign_by)`; returns its id.
fn post_train(requester: u64, assign_by: u64) -> JobId {
	let job = NextJobId::<Test>::get();
	assert_ok!(Jobs::post_job(
		RuntimeOrigin::signed(requester),
		1,
		Box::new(train_spec()),
		BOUNTY,
		2,
		deadlines(assign_by)
	));
	job
}

/// The standard world with the standard job posted in block 1 and assigned in block 3 (the
/// first whose randomness was revealed after posting): miners 11 and 12, committee 13, 14
/// and 15. Deadlines: commit 13, verify 23, reveal 33; it settles in block 34.
fn assigned_job() -> JobId {
	world();
	let job = post_train(REQUESTER, 3);
	run_to(3);
	assert_eq!(JobRecords::<Test>::get(job).unwrap().state, JobState::Assigned);
	job
}

fn digest(byte: u8) -> JobResult {
	JobResult::Digest([byte; 32])
}

fn salt(who: u64) -> [u8; 32] {
	[who as u8; 32]
}

fn uri() -> ResultUri {
	b"https://miner.example/r".to_vec().try_into().unwrap()
}

fn commit(miner: u64, job: JobId, result: JobResult) -> sp_runtime::DispatchResult {
	let commitment = Jobs::result_commitment(job, &miner, &result, &salt(miner));
	Jobs::commit_result(RuntimeOrigin::signed(miner), job, commitment)
}

fn reveal(miner: u64, job: JobId, result: JobResult) -> sp_runtime::DispatchResult {
	let uri = if matches!(result, JobResult::Digest(_)) { uri() } else { Default::default() };
	Jobs::reveal_result(RuntimeOrigin::signed(miner), job, result, salt(miner), uri)
}

fn commit_verification(
	validator: u64,
	job: JobId,
	result: JobResult,
) -> sp_runtime::DispatchResult {
	let commitment = Jobs::verification_commitment(job, &validator, &result, &salt(validator));
	Jobs::commit_verification(RuntimeOrigin::signed(validator), job, commitment)
}

fn reveal_verification(
	validator: u64,
	job: JobId,
	result: JobResult,
) -> sp_runtime::DispatchResult {
	Jobs::reveal_verification(RuntimeOrigin::signed(validator), job, result, salt(validator))
}

/// Everyone of the standard job honest: miners and committee commit, then reveal `result`,
/// and the job settles.
fn run_honest(job: JobId, result: JobResult) {
	for miner in MINERS {
		assert_ok!(commit(miner, job, result));
	}
	run_to(14);
	for validator in VALIDATORS {
		assert_ok!(commit_verification(validator, job, result));
	}
	run_to(24);
	for miner in MINERS {
		assert_ok!(reveal(miner, job, result));
	}
	for validator in VALIDATORS {
		assert_ok!(reveal_verification(validator, job, result));
	}
	run_to(34);
}

/// The stake behind `hotkey`, active and unbonding.
fn at_stake(hotkey: u64, coldkey: u64) -> u128 {
	Staking::positions(&coldkey)
		.into_iter()
		.filter(|position| position.hotkey == hotkey)
		.map(|position| {
			position.stake + position.unbonding.iter().map(|chunk| chunk.amount).sum::<u128>()
		})
		.sum()
}
