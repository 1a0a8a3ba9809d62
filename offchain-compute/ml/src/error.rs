//! What can go wrong, named with the value that was wrong.

use thiserror::Error;

#[derive(Debug, Error)]
pub enum MlError {
	#[error("unknown architecture {name:?} version {version} (known: mlp, cnn, linear-regression, logistic-regression, each version 1)")]
	UnknownArchitecture { name: String, version: u32 },
	#[error("unknown execution mode {0:?} (verifiable or fast)")]
	UnknownMode(String),
	#[error("hyperparameter {field} = {value} is out of range: {expected}")]
	BadHyperparameter { field: &'static str, value: u64, expected: &'static str },
	#[error("hyperparameters do not decode: {0}")]
	HyperparametersUndecodable(String),
	#[error("{architecture} needs {expected}, but the dataset has {found}")]
	DatasetMismatch { architecture: &'static str, expected: String, found: String },
	#[error("dataset: {0}")]
	BadDataset(String),
	#[error("CSV line {line}: {reason}")]
	BadCsv { line: usize, reason: String },
	#[error("artifact: {0}")]
	BadArtifact(String),
	#[error("not a content hash: {0:?} (64 hex digits)")]
	BadHash(String),
	#[error("content hash mismatch: expected {expected}, got {actual}")]
	HashMismatch { expected: String, actual: String },
	#[error("burn: {0}")]
	Burn(String),
	#[error(transparent)]
	Io(#[from] std::io::Error),
}
