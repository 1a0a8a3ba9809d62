//! # synod-ml
//!
//! The machine learning behind Synod's jobs: what miners train and infer, what validators
//! re-execute, what learners propose and score, and what requesters evaluate, all with burn
//! on the CPU.
//!
//! **Determinism is the product.** A job's result is the BLAKE2-256 of an artifact; a validator
//! agrees with a miner only when it computes the same bytes. So:
//! - every random choice (initial weights, data order, splits, shards) comes from the job's
//!   seed through [`rng::SplitMix64`], never from burn's process-wide generator;
//! - training is a plain loop on one device ([`train`]);
//! - the [`ExecutionMode`] picks the backend: `verifiable` (ndarray without SIMD or threads,
//!   SSE2 matrix kernels: the same bits on every x86-64 CPU) or `fast` (flex: SIMD and threads,
//!   the same bits on one kind of CPU);
//! - artifacts ([`artifact`]) are canonical SCALE encodings, parameters in module order by
//!   path, so their hashes do not depend on burn's random parameter ids.
//!
//! Models are named by id and version in the [`arch`] registry (MLP, CNN, linear and logistic
//! regression); datasets ([`dataset`]) come from the bundled UCI digits, CSV files or seeded
//! generators; [`stats`] computes providers' federated statistics in the chain's fixed point.

pub mod arch;
pub mod artifact;
pub mod checkpoint;
pub mod dataset;
pub mod dp;
mod error;
pub mod hash;
pub mod hyper;
mod mode;
pub mod model;
mod portable;
pub mod rng;
pub mod stats;
pub mod train;

pub use arch::Architecture;
pub use checkpoint::Checkpoint;
pub use dataset::Dataset;
pub use dp::{fine_tune_private, DpSgd, NoiseSecret};
pub use error::MlError;
pub use hash::{content_hash, ContentHash};
pub use hyper::Hyperparameters;
pub use mode::ExecutionMode;
pub use model::{Evaluation, ModelHeader, Outputs, TrainedModel};
pub use train::{
	fine_tune, initial_checkpoint, layout_of, replay, train, train_traced, ExpectedRun, TracedRun,
};
