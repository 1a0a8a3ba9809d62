//! Governance: sudo on dev chains, and a council whose two-thirds motions reach Root.
//!
//! [`GovernanceOrigin`] is the origin that later pallets take for their parameters: Root
//! (sudo) or a two-thirds council motion.

use frame_support::{
	parameter_types,
	traits::{EitherOfDiverse, NeverEnsureOrigin},
	weights::Weight,
};
use frame_system::EnsureRoot;

use crate::{
	time::DAYS, AccountId, BlockNumber, Council, Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin,
};

/// Most council members. Bounds the member list and the votes of one motion.
pub const COUNCIL_MAX_MEMBERS: u32 = 100;

/// The council's collective instance.
pub type CouncilCollective = pallet_collective::Instance1;

/// At least two thirds of the council.
type TwoThirdsOfCouncil =
	pallet_collective::EnsureProportionAtLeast<AccountId, CouncilCollective, 2, 3>;

/// Root, or a two-thirds council motion.
pub type GovernanceOrigin = EitherOfDiverse<EnsureRoot<AccountId>, TwoThirdsOfCouncil>;

parameter_types! {
	/// How long a motion stays open for votes. A motion that reaches its threshold can be
	/// closed at once; one that does not is closed (and fails) only after this.
	pub const CouncilMotionDuration: BlockNumber = DAYS;
	pub MaxProposalWeight: Weight = sp_runtime::Perbill::from_percent(50)
		* crate::configs::RuntimeBlockWeights::get().max_block;
}

impl pallet_collective::Config<CouncilCollective> for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type MotionDuration = CouncilMotionDuration;
	type MaxProposals = frame_support::traits::ConstU32<100>;
	type MaxMembers = frame_support::traits::ConstU32<COUNCIL_MAX_MEMBERS>;
	type DefaultVote = pallet_collective::PrimeDefaultVote;
	type WeightInfo = pallet_collective::weights::SubstrateWeight<Runtime>;
	// Membership changes go through `CouncilMembership`, never straight to the collective.
	type SetMembersOrigin = NeverEnsureOrigin<()>;
	type MaxProposalWeight = MaxProposalWeight;
	type DisapproveOrigin = EnsureRoot<AccountId>;
	type KillOrigin = EnsureRoot<AccountId>;
	type Consideration = ();
}

impl pallet_membership::Config<pallet_membership::Instance1> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type AddOrigin = GovernanceOrigin;
	type RemoveOrigin = GovernanceOrigin;
	type SwapOrigin = GovernanceOrigin;
	type ResetOrigin = GovernanceOrigin;
	type PrimeOrigin = GovernanceOrigin;
	type MembershipInitialized = Council;
	type MembershipChanged = Council;
	type MaxMembers = frame_support::traits::ConstU32<COUNCIL_MAX_MEMBERS>;
	type WeightInfo = pallet_membership::weights::SubstrateWeight<Runtime>;
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}

impl pallet_governance::Config for Runtime {
	type RuntimeCall = RuntimeCall;
	type RootOrigin = TwoThirdsOfCouncil;
	type WeightInfo = pallet_governance::weights::SubstrateWeight<Runtime>;
}
