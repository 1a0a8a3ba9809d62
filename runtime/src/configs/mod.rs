//! Configuration of each pallet in the runtime, grouped by concern.

pub mod colearn;
mod consensus;
mod governance;
pub mod jobs;
mod monetary;
mod staking;
mod subnets;
mod system;
mod yuma;

pub use consensus::GENESIS_EPOCH_CONFIG;
pub use governance::{CouncilCollective, GovernanceOrigin, COUNCIL_MAX_MEMBERS};
pub use subnets::{MAX_SUBNETS, MAX_UIDS};
pub use system::RuntimeBlockWeights;
