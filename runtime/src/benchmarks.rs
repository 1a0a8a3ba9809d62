//! The pallets whose benchmarks the runtime runs (`synod-node benchmark pallet`).
//!
//! `define_benchmarks!` defines the `list_benchmarks!` and `add_benchmarks!` macros that the
//! `Benchmark` runtime API uses; this module is declared before `apis` so they are in scope.

pub use frame_benchmarking::baseline::Pallet as BaselineBench;
pub use frame_system_benchmarking::Pallet as SystemBench;

use crate::Runtime;

impl frame_system_benchmarking::Config for Runtime {}
impl frame_benchmarking::baseline::Config for Runtime {}

frame_benchmarking::define_benchmarks!(
	[frame_benchmarking, BaselineBench::<Runtime>]
	[frame_system, SystemBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_timestamp, Timestamp]
	[pallet_sudo, Sudo]
	[pallet_utility, Utility]
	[pallet_collective, Council]
	[pallet_membership, CouncilMembership]
	[pallet_governance, Governance]
	[pallet_subnets, Subnets]
	[pallet_synod_staking, Staking]
	[pallet_yuma, Yuma]
	[pallet_jobs, Jobs]
	[pallet_colearn, Colearn]
);
