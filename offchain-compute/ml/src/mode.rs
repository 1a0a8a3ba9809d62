//! Execution modes: which CPU backend runs a job, and so which machines can check it.

use burn::tensor::Device;
use codec::{Decode, Encode};
use serde::{Deserialize, Serialize};

/// How a job is executed. A job names its mode; validators re-execute in the same one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum ExecutionMode {
	/// burn's ndarray backend built without SIMD or threads, with matrixmultiply limited to
	/// SSE2 kernels: the same bits on every x86-64 CPU. The default for verified jobs.
	#[default]
	Verifiable,
	/// burn's flex backend with SIMD and threads: several times faster, the same bits across
	/// runs and thread counts on one kind of CPU, not across kinds (its kernels and blocking
	/// follow the CPU). For subnets whose validators run the miners' class of CPU.
	Fast,
}

impl ExecutionMode {
	/// The device that runs this mode, without gradients.
	pub fn device(self) -> Device {
		match self {
			// Deprecated upstream in favour of flex, whose kernels follow the CPU; the
			// portable build of ndarray is what gives the same bits everywhere.
			#[allow(deprecated)]
			ExecutionMode::Verifiable => Device::ndarray(),
			ExecutionMode::Fast => Device::flex(),
		}
	}

	/// The mode's name in specs, logs and the benchmark table.
	pub fn name(self) -> &'static str {
		match self {
			ExecutionMode::Verifiable => "verifiable",
			ExecutionMode::Fast => "fast",
		}
	}
}

impl std::str::FromStr for ExecutionMode {
	type Err = crate::MlError;
	fn from_str(text: &str) -> Result<Self, Self::Err> {
		match text {
			"verifiable" => Ok(ExecutionMode::Verifiable),
			"fast" => Ok(ExecutionMode::Fast),
			other => Err(crate::MlError::UnknownMode(other.to_string())),
		}
	}
}
