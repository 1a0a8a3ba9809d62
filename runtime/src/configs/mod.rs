//! Configuration of each pallet in the runtime, grouped by concern.

mod consensus;
mod governance;
mod monetary;
mod system;

pub use governance::{CouncilCollective, GovernanceOrigin, COUNCIL_MAX_MEMBERS};
pub use system::RuntimeBlockWeights;
