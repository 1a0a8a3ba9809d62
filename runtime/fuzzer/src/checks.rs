//! What must hold after every block, whatever was called: every pallet's `try_state`, and
//! money accounted for twice over: the total issuance moves only by what the balances
//! pallet reported minting or burning in the block, and it equals what the accounts hold.

use frame_support::traits::{TryState, TryStateSelect};
use pallet_balances::Event as BalancesEvent;
use synod_runtime::{Balance, BlockNumber, Runtime, RuntimeEvent};

type Check = fn(BlockNumber, TryStateSelect) -> Result<(), sp_runtime::TryRuntimeError>;

/// Each pallet's name with its `try_state`.
macro_rules! checks {
	($($pallet:ident),* $(,)?) => {
		[$((stringify!($pallet), <synod_runtime::$pallet as TryState<BlockNumber>>::try_state as Check)),*]
	};
}

/// Every pallet of the runtime, in its order: each one's `try_state` runs once a block, on
/// its own, so that a broken one is named with its error (the runtime-wide check only logs
/// them, and would run each a second time). `every_pallet_is_checked` keeps the list whole.
pub const PALLETS: [(&str, Check); 18] = checks![
	System,
	Timestamp,
	Babe,
	Grandpa,
	Balances,
	TransactionPayment,
	Sudo,
	Utility,
	Council,
	CouncilMembership,
	Governance,
	Subnets,
	Staking,
	Yuma,
	RandomnessCollectiveFlip,
	Jobs,
	Colearn,
	ChainParams,
];

/// Every pallet's invariants at block `number`.
pub fn try_state(number: BlockNumber) -> Result<(), String> {
	PALLETS.iter().try_for_each(|(name, check)| {
		check(number, TryStateSelect::All)
			.map_err(|error| format!("block {number}: {name}'s try_state: {error:?}"))
	})
}

/// The issuance as of the last block checked.
pub struct Ledger {
	issuance: Balance,
	/// What root's `force_adjust_total_issuance` moved the issuance by, in all: the one
	/// change that no account's balance mirrors.
	forced: i128,
}

/// Minted, burnt and forced amounts reported by one block's balances events.
#[derive(Default, Debug)]
struct Flows {
	minted: Balance,
	burnt: Balance,
	forced: i128,
}

fn flows() -> (Flows, Vec<String>) {
	let mut flows = Flows::default();
	let mut seen = Vec::new();
	for record in frame_system::Pallet::<Runtime>::read_events_no_consensus() {
		let RuntimeEvent::Balances(event) = record.event else { continue };
		// Each change of the total issuance emits exactly one of these (pallet-balances'
		// imbalance handlers included); transfers, holds and reserves move nothing.
		match &event {
			BalancesEvent::Minted { amount, .. }
			| BalancesEvent::MintedCredit { amount }
			| BalancesEvent::Issued { amount } => flows.minted += amount,
			BalancesEvent::Burned { amount, .. }
			| BalancesEvent::BurnedDebt { amount }
			| BalancesEvent::Rescinded { amount }
			| BalancesEvent::BurnedHeld { amount, .. } => flows.burnt += amount,
			BalancesEvent::TotalIssuanceForced { old, new } => {
				flows.forced += *new as i128 - *old as i128
			},
			_ => continue,
		}
		seen.push(format!("{event:?}"));
	}
	(flows, seen)
}

fn held_by_accounts() -> Balance {
	frame_system::Account::<Runtime>::iter_values()
		.map(|account| account.data.free + account.data.reserved)
		.sum()
}

impl Ledger {
	/// The ledger at genesis (call inside the genesis externalities).
	pub fn at_genesis() -> Self {
		Self { issuance: pallet_balances::TotalIssuance::<Runtime>::get(), forced: 0 }
	}

	/// Checks the block just finalised against the previous one, and moves on to it.
	pub fn after_block(&mut self, number: BlockNumber) -> Result<(), String> {
		let (flows, seen) = flows();
		let now = pallet_balances::TotalIssuance::<Runtime>::get();
		let expected = (self.issuance as i128 + flows.minted as i128 - flows.burnt as i128
			+ flows.forced)
			.max(0) as Balance;
		if now != expected {
			return Err(format!(
				"block {number}: total issuance {now}, but {} before plus {flows:?} is \
				 {expected}; the block's balance events: {seen:?}",
				self.issuance
			));
		}
		self.forced += flows.forced;
		let held = held_by_accounts();
		if held as i128 != now as i128 - self.forced {
			return Err(format!(
				"block {number}: accounts hold {held} in all, the total issuance is {now} of \
				 which {} was forced by root",
				self.forced
			));
		}
		self.issuance = now;
		Ok(())
	}
}

#[cfg(test)]
mod tests {
	use frame_support::traits::PalletsInfoAccess;

	#[test]
	fn every_pallet_is_checked() {
		let pallets: Vec<&str> =
			<synod_runtime::AllPalletsWithSystem as PalletsInfoAccess>::infos()
				.into_iter()
				.map(|info| info.name)
				.collect();
		let checked: Vec<&str> = super::PALLETS.iter().map(|(name, _)| *name).collect();
		assert_eq!(pallets, checked, "checks.rs names every pallet of the runtime");
	}
}
