//! Which pallet's `on_initialize` charged what: run on a finding that the hooks together
//! left the normal class too little, each hook alone on the state before the block, rolled
//! back.

use frame_support::{
	storage::{with_transaction, TransactionOutcome},
	traits::OnInitialize,
	weights::Weight,
};
use sp_runtime::{traits::Header as _, DispatchError};
use synod_runtime::{BlockNumber, Header, Runtime};

fn alone<P: OnInitialize<BlockNumber>>(header: &Header) -> Weight {
	with_transaction(|| {
		frame_system::Pallet::<Runtime>::initialize(
			header.number(),
			header.parent_hash(),
			header.digest(),
		);
		let used = P::on_initialize(*header.number());
		TransactionOutcome::Rollback(Ok::<_, DispatchError>(used))
	})
	.unwrap_or_default()
}

/// Each pallet's hook weight for the block of `header`, as `pallet: ms` pairs.
pub fn each_alone(header: &Header) -> String {
	use synod_runtime::*;
	let hooks = [
		("Babe", alone::<Babe>(header)),
		("Timestamp", alone::<Timestamp>(header)),
		("Subnets", alone::<Subnets>(header)),
		("Staking", alone::<Staking>(header)),
		("Yuma", alone::<Yuma>(header)),
		("Jobs", alone::<Jobs>(header)),
		("Colearn", alone::<Colearn>(header)),
		("Council", alone::<Council>(header)),
	];
	hooks
		.iter()
		.map(|(name, weight)| format!("{name} {:.1} ms", weight.ref_time() as f64 / 1e9))
		.collect::<Vec<_>>()
		.join(", ")
}
