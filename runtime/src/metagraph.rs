//! Answers for the subnets runtime API: the subnets pallet's view of a subnet, joined with the
//! stake that the staking pallet holds behind each neuron.

use alloc::vec::Vec;
use pallet_subnets_runtime_api::{NeuronInfo, SubnetInfo};
use synod_primitives::{stake::StakeInfo, subnet::SubnetRegistry, NetUid};

use crate::{AccountId, Balance, BlockNumber, Staking, Subnets};

/// One subnet as clients see it.
pub fn subnet(netuid: NetUid) -> Option<SubnetInfo<AccountId, Balance, BlockNumber>> {
	let ownership = Subnets::ownership(netuid)?;
	Some(SubnetInfo {
		netuid,
		owner: ownership.owner,
		deposit: ownership.deposit,
		created_at: ownership.created_at,
		neuron_count: Subnets::neuron_count(netuid),
		registration_cost: Subnets::registration_cost(netuid)?,
		hyperparameters: Subnets::hyperparameters(netuid)?,
	})
}

/// Every subnet, by netuid.
pub fn subnets() -> Vec<SubnetInfo<AccountId, Balance, BlockNumber>> {
	Subnets::netuids().into_iter().filter_map(subnet).collect()
}

/// The metagraph of `netuid` with the stake behind each hotkey.
pub fn neurons(netuid: NetUid) -> Vec<NeuronInfo<AccountId, Balance, BlockNumber>> {
	Subnets::neurons(netuid)
		.into_iter()
		.map(|neuron| NeuronInfo {
			uid: neuron.uid,
			stake: <Staking as StakeInfo<AccountId, Balance>>::hotkey_stake(&neuron.hotkey),
			hotkey: neuron.hotkey,
			coldkey: neuron.coldkey,
			registered_at: neuron.registered_at,
			endpoint: neuron.endpoint,
		})
		.collect()
}
