//! The council (a collective), its membership and the governance pallet that turns a
//! two-thirds council motion into root. Motions carry calls drawn from every generator, so
//! the council reaches what root reaches; members vote on the motions that are open, and
//! anyone closes them. `set_members` is refused by design (membership changes go through
//! `CouncilMembership`), so it is dispatched to be refused.

use codec::{Decode, Encode};
use frame_support::weights::Weight;
use pallet_collective::RawOrigin as CouncilOrigin;
use synod_runtime::{configs::CouncilCollective, AccountId, Runtime, RuntimeCall, RuntimeOrigin};

use crate::world::{Action, Gen};

type Council = pallet_collective::Call<Runtime, CouncilCollective>;
type Membership = pallet_membership::Call<Runtime, pallet_membership::Instance1>;

fn members() -> Vec<AccountId> {
	pallet_collective::Members::<Runtime, CouncilCollective>::get()
}

/// A council member most of the time, anyone otherwise.
fn member(g: &mut Gen) -> AccountId {
	let members = members();
	let fallback = g.account();
	g.pick_or(&members, 6, fallback)
}

/// An open motion's hash and index, or a made-up one.
fn motion(g: &mut Gen) -> (sp_core::H256, u32) {
	let open: Vec<_> = pallet_collective::Voting::<Runtime, CouncilCollective>::iter()
		// `Votes` keeps its fields private; its encoding starts with the motion's index.
		.map(|(hash, votes)| (hash, u32::decode(&mut &votes.encode()[..]).unwrap_or_default()))
		.collect();
	let fallback = (sp_core::H256(g.rng.bytes32()), g.rng.below(4) as u32);
	g.pick_or(&open, 8, fallback)
}

/// The governance origin: root, or a two-thirds council motion, or (to be refused) less.
fn governance_origin(g: &mut Gen) -> RuntimeOrigin {
	let seats = members().len() as u32;
	match g.rng.below(6) {
		0 | 1 => RuntimeOrigin::root(),
		2 | 3 => CouncilOrigin::<AccountId, CouncilCollective>::Members(seats.max(1), seats.max(1))
			.into(),
		4 => CouncilOrigin::<AccountId, CouncilCollective>::Members(1, seats.max(3)).into(),
		_ => RuntimeOrigin::signed(g.account()),
	}
}

/// A motion's call: most often one that needs the governance origin.
fn proposal(g: &mut Gen) -> RuntimeCall {
	let inner = g.inner();
	if g.rng.chance(1, 2) {
		pallet_governance::Call::<Runtime>::dispatch_as_root { call: Box::new(inner.call) }.into()
	} else {
		inner.call
	}
}

pub fn generate(g: &mut Gen) -> Action {
	match g.rng.weighted(&[10, 7, 2]) {
		0 => council(g),
		1 => membership(g),
		_ => governance(g),
	}
}

fn council(g: &mut Gen) -> Action {
	let who = member(g);
	match g.rng.below(10) {
		0 => {
			let proposal = proposal(g);
			let length_bound = proposal.encoded_size() as u32 + g.rng.below(2) as u32;
			Action::signed(&who, Council::execute { proposal: Box::new(proposal), length_bound })
		},
		1 | 2 | 3 => {
			let proposal = proposal(g);
			let length_bound = proposal.encoded_size() as u32;
			let seats = members().len() as u32;
			let threshold = g.rng.between(1, seats.max(1) as u64 + 1) as u32;
			Action::signed(
				&who,
				Council::propose { threshold, proposal: Box::new(proposal), length_bound },
			)
		},
		4 | 5 => {
			let (proposal, index) = motion(g);
			Action::signed(&who, Council::vote { proposal, index, approve: g.rng.chance(3, 4) })
		},
		6 => {
			let (proposal_hash, index) = motion(g);
			let length_bound =
				pallet_collective::ProposalOf::<Runtime, CouncilCollective>::get(proposal_hash)
					.map_or(64, |call| call.encoded_size() as u32);
			let proposal_weight_bound = Weight::from_parts(
				g.rng.amount(1_000_000_000_000) as u64,
				g.rng.amount(1 << 20) as u64,
			);
			Action::signed(
				&g.account(),
				Council::close { proposal_hash, index, proposal_weight_bound, length_bound },
			)
		},
		7 => {
			let (proposal_hash, _) = motion(g);
			let origin = g.vary_origin(RuntimeOrigin::root());
			let call = if g.rng.chance(1, 2) {
				Council::disapprove_proposal { proposal_hash }
			} else {
				Council::kill { proposal_hash }
			};
			Action { origin, call: call.into() }
		},
		8 => {
			let (proposal_hash, _) = motion(g);
			Action::signed(&g.account(), Council::release_proposal_cost { proposal_hash })
		},
		_ => {
			let new_members: Vec<AccountId> = (0..g.rng.below(4)).map(|_| g.funded()).collect();
			let old_count = members().len() as u32;
			Action::root(Council::set_members { new_members, prime: None, old_count })
		},
	}
}

fn membership(g: &mut Gen) -> Action {
	let origin = governance_origin(g);
	let current = members();
	let outsider = g.funded();
	let someone = g.pick_or(&current, 4, outsider.clone());
	let call = match g.rng.below(7) {
		0 | 1 => Membership::add_member { who: outsider.into() },
		2 => Membership::remove_member { who: someone.into() },
		3 => Membership::swap_member { remove: someone.into(), add: outsider.into() },
		4 => {
			// Never an empty council: governance by motion would be gone for the episode.
			let members: Vec<AccountId> = (0..g.rng.between(1, 4)).map(|_| g.funded()).collect();
			Membership::reset_members { members }
		},
		5 => {
			if g.rng.chance(1, 2) {
				Membership::set_prime { who: someone.into() }
			} else {
				Membership::clear_prime {}
			}
		},
		_ => return Action::signed(&someone, Membership::change_key { new: outsider.into() }),
	};
	Action { origin, call: call.into() }
}

fn governance(g: &mut Gen) -> Action {
	let origin = governance_origin(g);
	let inner = g.inner();
	Action {
		origin,
		call: pallet_governance::Call::<Runtime>::dispatch_as_root { call: Box::new(inner.call) }
			.into(),
	}
}
