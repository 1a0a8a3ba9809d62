//! Weights for `pallet-jobs`. The pallet is not in the runtime yet; its benchmarks, and the
//! `SubstrateWeight` generated from them, come with it.

use frame_support::weights::Weight;

/// Weight functions needed by `pallet-jobs`.
pub trait WeightInfo {
	fn post_job() -> Weight;
	fn cancel_job() -> Weight;
	fn expire_jobs(n: u32) -> Weight;
	fn assign_jobs(n: u32) -> Weight;
	fn commit_result() -> Weight;
	fn reveal_result() -> Weight;
	fn commit_verification() -> Weight;
	fn reveal_verification() -> Weight;
	fn settle_jobs(n: u32) -> Weight;
	fn submit_statistics() -> Weight;
	fn prune_outcomes(n: u32) -> Weight;
}

/// For tests, where weights do not matter.
impl WeightInfo for () {
	fn post_job() -> Weight {
		Weight::zero()
	}
	fn cancel_job() -> Weight {
		Weight::zero()
	}
	fn expire_jobs(_n: u32) -> Weight {
		Weight::zero()
	}
	fn assign_jobs(_n: u32) -> Weight {
		Weight::zero()
	}
	fn commit_result() -> Weight {
		Weight::zero()
	}
	fn reveal_result() -> Weight {
		Weight::zero()
	}
	fn commit_verification() -> Weight {
		Weight::zero()
	}
	fn reveal_verification() -> Weight {
		Weight::zero()
	}
	fn settle_jobs(_n: u32) -> Weight {
		Weight::zero()
	}
	fn submit_statistics() -> Weight {
		Weight::zero()
	}
	fn prune_outcomes(_n: u32) -> Weight {
		Weight::zero()
	}
}
