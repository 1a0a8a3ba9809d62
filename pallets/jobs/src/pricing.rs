//! What a job may cost and what it must pay: the cost model (`synod-cost`) applied to the
//! spec at posting, against the subnet's limits and the chain's price per gigaflop.

use crate::{pallet::*, BalanceOf, JobPolicy, JobSpec};
use frame_support::{ensure, traits::Get};
use sp_runtime::{traits::Saturating, DispatchError, SaturatedConversion};

impl<T: Config> Pallet<T> {
	/// Checks `spec`'s cost against `policy`'s limits, and that `bounty` pays every party that
	/// computes it (`replicas` miners and, on a subnet that verifies jobs, the committee's
	/// seats) at least [`Config::MinBountyPerGigaflop`] per gigaflop. Statistics jobs have no
	/// cost: their providers compute on data only they hold.
	pub(crate) fn check_cost(
		spec: &JobSpec,
		policy: &JobPolicy,
		bounty: BalanceOf<T>,
		replicas: u8,
	) -> Result<(), DispatchError> {
		let cost = spec.cost().map_err(|reason| Error::<T>::InvalidSpec { reason })?;
		let Some(cost) = cost else { return Ok(()) };
		ensure!(cost.megaflops <= policy.max_megaflops, Error::<T>::OverComputeLimit);
		ensure!(cost.peak_mib() <= policy.max_memory_mib as u64, Error::<T>::OverMemoryLimit);
		ensure!(bounty >= Self::price(cost, policy, replicas), Error::<T>::BountyBelowCost);
		Ok(())
	}

	/// The least bounty a job of `cost` pays under `policy` with `replicas` miners.
	pub fn price(cost: synod_cost::Cost, policy: &JobPolicy, replicas: u8) -> BalanceOf<T> {
		let seats = if policy.verification_rate.is_zero() { 0 } else { policy.committee_size };
		let computations = replicas as u64 + seats as u64;
		let units: BalanceOf<T> = cost.gigaflops().saturating_mul(computations).saturated_into();
		T::MinBountyPerGigaflop::get().saturating_mul(units)
	}
}
