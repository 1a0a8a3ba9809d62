use crate::{self as pallet_chain_params, EpochDuration, EpochDurationOf};
use frame_support::{derive_impl, traits::Get};
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		ChainParams: pallet_chain_params,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

frame_support::parameter_types! {
	pub const DefaultEpochDuration: u64 = 1200;
}

impl crate::Config for Test {
	type DefaultEpochDuration = DefaultEpochDuration;
}

fn with_genesis(epoch_duration: u64) -> sp_io::TestExternalities {
	RuntimeGenesisConfig {
		system: Default::default(),
		chain_params: pallet_chain_params::GenesisConfig { epoch_duration, ..Default::default() },
	}
	.build_storage()
	.expect("a valid genesis")
	.into()
}

#[test]
fn genesis_fixes_the_epoch_duration() {
	with_genesis(5).execute_with(|| {
		assert_eq!(EpochDuration::<Test>::get(), Some(5));
		assert_eq!(<EpochDurationOf<Test> as Get<u64>>::get(), 5);
	});
}

#[test]
fn a_genesis_without_a_duration_stores_the_default() {
	with_genesis(0).execute_with(|| {
		assert_eq!(EpochDuration::<Test>::get(), Some(1200));
		assert_eq!(<EpochDurationOf<Test> as Get<u64>>::get(), 1200);
	});
}

#[test]
fn a_chain_without_the_value_reads_the_default() {
	sp_io::TestExternalities::default().execute_with(|| {
		assert_eq!(<EpochDurationOf<Test> as Get<u64>>::get(), 1200);
	});
}
