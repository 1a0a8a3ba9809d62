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
		let price = Self::price(spec, cost, policy, replicas);
		ensure!(bounty >= price, Error::<T>::BountyBelowCost);
		Ok(())
	}

	/// The least bounty a job of `spec` (costing `cost`) pays under `policy` with `replicas`
	/// miners: each miner's whole computation, and each seat's share of it. A seat of a
	/// spot-checked job re-executes the drawn segments and, in a dispute, one more: it is
	/// priced for `spot_checks + 1` of the longest segments, rounded up, never more than the
	/// whole job.
	pub fn price(
		spec: &JobSpec,
		cost: synod_cost::Cost,
		policy: &JobPolicy,
		replicas: u8,
	) -> BalanceOf<T> {
		let seats = if policy.verification_rate.is_zero() { 0 } else { policy.committee_size };
		let whole = cost.gigaflops();
		let seat = match Self::layout_under(spec, policy) {
			Some(layout) => {
				let total = layout.total_batches().max(1);
				let longest = (1..=layout.segments()).map(|s| layout.batches_in(s)).max();
				let checked = longest
					.unwrap_or(total)
					.saturating_mul(policy.spot_checks as u64 + 1)
					.min(total);
				whole.saturating_mul(checked).div_ceil(total)
			},
			None => whole,
		};
		let gigaflops =
			whole.saturating_mul(replicas as u64).saturating_add(seat.saturating_mul(seats as u64));
		let units: BalanceOf<T> = gigaflops.saturated_into();
		T::MinBountyPerGigaflop::get().saturating_mul(units)
	}
}
