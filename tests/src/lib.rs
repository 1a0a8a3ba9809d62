//! Helpers for Synod's end-to-end tests: start real `synod-node` processes on loopback, talk to
//! them over JSON-RPC with subxt, and stop them (gracefully or with SIGKILL).
//!
//! The node binary is `$SYNOD_NODE` if set, else `debug/synod-node` under `$CARGO_TARGET_DIR`
//! (or the workspace's `target/`). `scripts/test.sh` builds it before running these tests.

pub mod chain;
pub mod learners;
pub mod network;
pub mod node;
pub mod synod_rpc;
pub mod wasm;
pub mod worker;

pub use chain::*;
pub use learners::*;
pub use network::*;
pub use node::*;
pub use synod_rpc::*;
pub use worker::*;
