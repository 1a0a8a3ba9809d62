use crate::{mock::*, Event};
use frame_support::{assert_noop, assert_ok, dispatch::GetDispatchInfo};
use sp_runtime::{traits::BadOrigin, DispatchError};

fn set_heap_pages(pages: u64) -> Box<RuntimeCall> {
	Box::new(RuntimeCall::System(frame_system::Call::set_heap_pages { pages }))
}

#[test]
fn governor_dispatches_a_root_only_call() {
	new_test_ext().execute_with(|| {
		let key = sp_core::storage::well_known_keys::HEAP_PAGES;
		assert_eq!(sp_io::storage::get(key), None);

		assert_ok!(Governance::dispatch_as_root(
			RuntimeOrigin::signed(GOVERNOR),
			set_heap_pages(64)
		));

		assert_eq!(
			sp_io::storage::get(key).map(|v| v.to_vec()),
			Some(64u64.to_le_bytes().to_vec())
		);
		System::assert_last_event(Event::DispatchedAsRoot { result: Ok(()) }.into());
	});
}

#[test]
fn other_origins_are_refused_and_change_nothing() {
	new_test_ext().execute_with(|| {
		for origin in [RuntimeOrigin::signed(STRANGER), RuntimeOrigin::none()] {
			assert_noop!(Governance::dispatch_as_root(origin, set_heap_pages(64)), BadOrigin);
		}
		assert!(System::events().is_empty());
	});
}

#[test]
fn inner_failure_is_reported_not_propagated() {
	new_test_ext().execute_with(|| {
		// `remark_with_event` wants a signed origin, so as Root it fails with BadOrigin.
		let call = Box::new(RuntimeCall::System(frame_system::Call::remark_with_event {
			remark: vec![1, 2, 3],
		}));
		assert_ok!(Governance::dispatch_as_root(RuntimeOrigin::signed(GOVERNOR), call));
		System::assert_last_event(
			Event::DispatchedAsRoot { result: Err(DispatchError::BadOrigin) }.into(),
		);
	});
}

#[test]
fn weight_includes_the_inner_call() {
	let inner = set_heap_pages(64);
	let inner_weight = inner.get_dispatch_info().call_weight;
	let outer = RuntimeCall::Governance(crate::Call::dispatch_as_root { call: inner });
	let outer_weight = outer.get_dispatch_info().call_weight;
	assert_eq!(
		outer_weight,
		<() as crate::WeightInfo>::dispatch_as_root().saturating_add(inner_weight)
	);
}
