//! Subnets, their hyperparameters and neurons, and the trait through which other pallets read
//! them.

use crate::{endpoint::Endpoint, NetUid, Uid};
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::Perbill;

/// How a subnet's jobs are checked and what a miner risks in them (`shared/design.md`, "Jobs").
/// A job keeps the policy in force when it was posted, so that changing it never alters the
/// terms of jobs in flight.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct JobPolicy {
	/// The share of jobs that a committee re-executes, drawn after the miners' commits close.
	/// Below 100%, a job not drawn stands on its miners' unanimous result.
	pub verification_rate: Perbill,
	/// How many seats each verified job's committee has, drawn by stake among the subnet's
	/// permit holders; between 1 and [`MAX_COMMITTEE_SIZE`]. Two thirds of the seats must
	/// reveal the same result for it to be the truth.
	pub committee_size: u8,
	/// The share of its stake a miner or committee member loses for revealing a result
	/// other than the truth.
	pub wrong_result_slash: Perbill,
	/// The share of its stake a miner or committee member loses for not committing, or for
	/// committing and never revealing.
	pub liveness_slash: Perbill,
	/// The most floating-point operations (in millions, by the cost model) one computation
	/// of a job may take; 1 to [`MAX_JOB_MEGAFLOPS`].
	pub max_megaflops: u64,
	/// The most memory (MiB, by the cost model) one computation of a job may need;
	/// [`MIN_JOB_MEMORY_MIB`] to [`MAX_JOB_MEMORY_MIB`].
	pub max_memory_mib: u32,
	/// How many segments of a training job's checkpointed trace a committee re-executes
	/// (`docs/verification.md`): the last and `spot_checks - 1` drawn after the miners' commits
	/// close; 0 re-executes every job whole. At most [`MAX_SPOT_CHECKS`].
	#[cfg_attr(feature = "serde", serde(default))]
	pub spot_checks: u8,
}

/// The most segments a subnet's policy may have a committee spot-check: a committee's report
/// holds one hash per checked place, and settlement compares each.
pub const MAX_SPOT_CHECKS: u8 = 8;

/// The ceiling on any subnet's [`JobPolicy::max_megaflops`]: 10^18 operations, hours of a
/// large machine, so that a job's price (per gigaflop) stays far from overflow.
pub const MAX_JOB_MEGAFLOPS: u64 = 1_000_000_000_000;
/// The floor of [`JobPolicy::max_memory_mib`]: what a worker process takes before any data.
pub const MIN_JOB_MEMORY_MIB: u32 = 64;
/// The ceiling of [`JobPolicy::max_memory_mib`]: 1 TiB.
pub const MAX_JOB_MEMORY_MIB: u32 = 1 << 20;

/// The most seats a job's verification committee may have; bounds its settlement.
pub const MAX_COMMITTEE_SIZE: u8 = 16;

impl Default for JobPolicy {
	/// Every job verified by a committee of three, training jobs by spot checks of two
	/// segments of their trace (`docs/verification.md`, "Economics"); a wrong result costs
	/// 10% of the stake, silence 1%; jobs up to 10 teraflops (minutes on one CPU) and 4 GiB.
	fn default() -> Self {
		Self {
			verification_rate: Perbill::one(),
			committee_size: 3,
			wrong_result_slash: Perbill::from_percent(10),
			liveness_slash: Perbill::from_percent(1),
			max_megaflops: 10_000_000,
			max_memory_mib: 4096,
			spot_checks: 2,
		}
	}
}

/// A subnet's tunable parameters. The Yuma fields keep subtensor's units and meanings
/// (`shared/specs/yuma.md` 1.2), so that its epoch can be reproduced bit for bit.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[cfg_attr(
	feature = "serde",
	serde(bound(
		serialize = "Balance: core::fmt::Display",
		deserialize = "Balance: core::str::FromStr + TryFrom<u128>"
	))
)]
pub struct SubnetHyperparameters<Balance> {
	/// Whether new neurons may register.
	pub registration_allowed: bool,
	/// The most neurons the subnet holds; a registration beyond it replaces one.
	pub max_uids: u16,
	/// How many of the highest-staked neurons hold a validator permit.
	pub max_validators: u16,
	/// Blocks after registration during which a neuron cannot be replaced.
	pub immunity_period: u32,
	/// The least stake a hotkey needs to set weights or take jobs.
	#[cfg_attr(feature = "serde", serde(with = "crate::serde_balance"))]
	pub min_stake: Balance,
	/// The floor toward which the registration cost decays.
	#[cfg_attr(feature = "serde", serde(with = "crate::serde_balance"))]
	pub min_burn: Balance,
	/// The ceiling the registration cost never exceeds.
	#[cfg_attr(feature = "serde", serde(with = "crate::serde_balance"))]
	pub max_burn: Balance,
	/// How much the cost rises after each registration (100% doubles it).
	pub burn_increase: Perbill,
	/// The share of the cost that falls away each block.
	pub burn_decay: Perbill,
	/// Blocks between two endpoint updates of one neuron.
	pub serving_rate_limit: u32,
	/// Blocks between epochs; 0 stops them.
	pub tempo: u16,
	/// Activity cutoff as thousandths of a tempo.
	pub activity_cutoff_factor_milli: u32,
	/// The weighted median's majority, as a fraction of `u16::MAX`.
	pub kappa: u16,
	/// The bonds EMA's retention, in millionths.
	pub bonds_moving_average: u64,
	/// How strongly bonds use clipped weights, as a fraction of `u16::MAX`.
	pub bonds_penalty: u16,
	/// Yuma 3 bonds and dividends instead of the original ones.
	pub yuma3: bool,
	/// Per-cell bond EMA rates (Yuma 3 only).
	pub liquid_alpha: bool,
	/// The liquid-alpha range, as fractions of `u16::MAX`.
	pub alpha_low: u16,
	/// See [`Self::alpha_low`].
	pub alpha_high: u16,
	/// The liquid-alpha sigmoid's steepness, in hundredths.
	pub alpha_sigmoid_steepness: i16,
	/// The fewest weights a validator must set (a self-weight excepted).
	pub min_allowed_weights: u16,
	/// The largest normalised weight, as a fraction of `u16::MAX`.
	pub max_weight_limit: u16,
	/// The weights version key validators must meet.
	pub weights_version: u64,
	/// Blocks between two weight submissions of one validator.
	pub weights_rate_limit: u32,
	/// Whether weights are committed first and revealed later.
	pub commit_reveal: bool,
	/// Epochs between a commit and its reveal.
	pub reveal_period_epochs: u16,
	/// How the subnet's jobs are verified and penalised.
	pub jobs: JobPolicy,
}

impl<Balance: From<u32>> SubnetHyperparameters<Balance> {
	/// Subtensor's defaults for a new subnet, with registration costs given in the chain's
	/// smallest unit.
	pub fn with_burn(min_burn: Balance, max_burn: Balance) -> Self {
		Self {
			registration_allowed: true,
			max_uids: 256,
			max_validators: 64,
			immunity_period: 5000,
			min_stake: Balance::from(0u32),
			min_burn,
			max_burn,
			burn_increase: Perbill::from_percent(10),
			burn_decay: Perbill::from_parts(1_000_000),
			serving_rate_limit: 50,
			tempo: 360,
			activity_cutoff_factor_milli: 13_889,
			kappa: 32_767,
			bonds_moving_average: 900_000,
			bonds_penalty: u16::MAX,
			yuma3: true,
			liquid_alpha: false,
			alpha_low: 45_875,
			alpha_high: 58_982,
			alpha_sigmoid_steepness: 1000,
			min_allowed_weights: 1,
			max_weight_limit: u16::MAX,
			weights_version: 0,
			weights_rate_limit: 100,
			commit_reveal: true,
			reveal_period_epochs: 1,
			jobs: JobPolicy::default(),
		}
	}
}

impl<Balance> SubnetHyperparameters<Balance> {
	/// The same hyperparameters with balances converted by `convert`.
	pub fn map_balance<B>(self, convert: impl Fn(Balance) -> B) -> SubnetHyperparameters<B> {
		SubnetHyperparameters {
			registration_allowed: self.registration_allowed,
			max_uids: self.max_uids,
			max_validators: self.max_validators,
			immunity_period: self.immunity_period,
			min_stake: convert(self.min_stake),
			min_burn: convert(self.min_burn),
			max_burn: convert(self.max_burn),
			burn_increase: self.burn_increase,
			burn_decay: self.burn_decay,
			serving_rate_limit: self.serving_rate_limit,
			tempo: self.tempo,
			activity_cutoff_factor_milli: self.activity_cutoff_factor_milli,
			kappa: self.kappa,
			bonds_moving_average: self.bonds_moving_average,
			bonds_penalty: self.bonds_penalty,
			yuma3: self.yuma3,
			liquid_alpha: self.liquid_alpha,
			alpha_low: self.alpha_low,
			alpha_high: self.alpha_high,
			alpha_sigmoid_steepness: self.alpha_sigmoid_steepness,
			min_allowed_weights: self.min_allowed_weights,
			max_weight_limit: self.max_weight_limit,
			weights_version: self.weights_version,
			weights_rate_limit: self.weights_rate_limit,
			commit_reveal: self.commit_reveal,
			reveal_period_epochs: self.reveal_period_epochs,
			jobs: self.jobs,
		}
	}
}

/// An inclusive range of allowed values.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Range<T> {
	pub min: T,
	pub max: T,
}

impl<T: PartialOrd> Range<T> {
	/// Whether `value` lies within the range, both ends included.
	pub fn contains(&self, value: &T) -> bool {
		self.min <= *value && *value <= self.max
	}
}

/// The ranges that governance fixes for the hyperparameters that shape a subnet's size, cost
/// and pace. The other hyperparameters are checked only for consistency.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct HyperparameterBounds<Balance> {
	pub max_uids: Range<u16>,
	pub max_validators: Range<u16>,
	pub immunity_period: Range<u32>,
	pub min_stake: Range<Balance>,
	pub burn: Range<Balance>,
	pub serving_rate_limit: Range<u32>,
	pub tempo: Range<u16>,
	pub activity_cutoff_factor_milli: Range<u32>,
	pub weights_rate_limit: Range<u32>,
	pub reveal_period_epochs: Range<u16>,
	/// The most a subnet may slash a miner for one job, for either fault.
	pub max_job_slash: Perbill,
}

impl<Balance> HyperparameterBounds<Balance> {
	/// The same bounds with balances converted by `convert`.
	pub fn map_balance<B>(self, convert: impl Fn(Balance) -> B) -> HyperparameterBounds<B> {
		HyperparameterBounds {
			max_uids: self.max_uids,
			max_validators: self.max_validators,
			immunity_period: self.immunity_period,
			min_stake: Range { min: convert(self.min_stake.min), max: convert(self.min_stake.max) },
			burn: Range { min: convert(self.burn.min), max: convert(self.burn.max) },
			serving_rate_limit: self.serving_rate_limit,
			tempo: self.tempo,
			activity_cutoff_factor_milli: self.activity_cutoff_factor_milli,
			weights_rate_limit: self.weights_rate_limit,
			reveal_period_epochs: self.reveal_period_epochs,
			max_job_slash: self.max_job_slash,
		}
	}
}

/// Which hyperparameter a check refused; carried by the subnets pallet's error.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	frame_support::PalletError,
)]
pub enum Hyperparameter {
	MaxUids,
	MaxValidators,
	ImmunityPeriod,
	MinStake,
	MinBurn,
	MaxBurn,
	ServingRateLimit,
	Tempo,
	ActivityCutoffFactorMilli,
	WeightsRateLimit,
	RevealPeriodEpochs,
	AlphaRange,
	BondsMovingAverage,
	Kappa,
	BondsPenalty,
	Yuma3,
	LiquidAlpha,
	AlphaSigmoidSteepness,
	WrongResultSlash,
	LivenessSlash,
	CommitteeSize,
	MaxJobMegaflops,
	MaxJobMemory,
	SpotChecks,
}

impl<Balance: PartialOrd + Copy> SubnetHyperparameters<Balance> {
	/// Checks every bounded field against `bounds`, and the fields that depend on each other
	/// for consistency. Names the first field that fails.
	pub fn check(&self, bounds: &HyperparameterBounds<Balance>) -> Result<(), Hyperparameter> {
		use Hyperparameter::*;
		let checks = [
			(bounds.max_uids.contains(&self.max_uids), MaxUids),
			(
				bounds.max_validators.contains(&self.max_validators)
					&& self.max_validators <= self.max_uids,
				MaxValidators,
			),
			(bounds.immunity_period.contains(&self.immunity_period), ImmunityPeriod),
			(bounds.min_stake.contains(&self.min_stake), MinStake),
			(bounds.burn.contains(&self.min_burn), MinBurn),
			(bounds.burn.contains(&self.max_burn) && self.min_burn <= self.max_burn, MaxBurn),
			(bounds.serving_rate_limit.contains(&self.serving_rate_limit), ServingRateLimit),
			(bounds.tempo.contains(&self.tempo), Tempo),
			(
				bounds.activity_cutoff_factor_milli.contains(&self.activity_cutoff_factor_milli),
				ActivityCutoffFactorMilli,
			),
			(bounds.weights_rate_limit.contains(&self.weights_rate_limit), WeightsRateLimit),
			(bounds.reveal_period_epochs.contains(&self.reveal_period_epochs), RevealPeriodEpochs),
			// Subtensor's own rule for alpha values: both at least 1/40, low not above high.
			(self.alpha_low >= u16::MAX / 40 && self.alpha_low <= self.alpha_high, AlphaRange),
			(self.bonds_moving_average <= 1_000_000, BondsMovingAverage),
			(self.jobs.wrong_result_slash <= bounds.max_job_slash, WrongResultSlash),
			(self.jobs.liveness_slash <= bounds.max_job_slash, LivenessSlash),
			((1..=MAX_COMMITTEE_SIZE).contains(&self.jobs.committee_size), CommitteeSize),
			((1..=MAX_JOB_MEGAFLOPS).contains(&self.jobs.max_megaflops), MaxJobMegaflops),
			(
				(MIN_JOB_MEMORY_MIB..=MAX_JOB_MEMORY_MIB).contains(&self.jobs.max_memory_mib),
				MaxJobMemory,
			),
			(self.jobs.spot_checks <= MAX_SPOT_CHECKS, SpotChecks),
		];
		match checks.into_iter().find(|(ok, _)| !ok) {
			Some((_, field)) => Err(field),
			None => Ok(()),
		}
	}
}

impl<Balance> SubnetHyperparameters<Balance> {
	/// The first Yuma consensus parameter in which `self` differs from `other`. These shape
	/// how every validator's stake turns into rewards, so only governance changes them.
	pub fn consensus_change(&self, other: &Self) -> Option<Hyperparameter> {
		use Hyperparameter::*;
		[
			(self.kappa != other.kappa, Kappa),
			(self.bonds_penalty != other.bonds_penalty, BondsPenalty),
			(self.bonds_moving_average != other.bonds_moving_average, BondsMovingAverage),
			(self.yuma3 != other.yuma3, Yuma3),
			(self.liquid_alpha != other.liquid_alpha, LiquidAlpha),
			(self.alpha_low != other.alpha_low || self.alpha_high != other.alpha_high, AlphaRange),
			(self.alpha_sigmoid_steepness != other.alpha_sigmoid_steepness, AlphaSigmoidSteepness),
		]
		.into_iter()
		.find_map(|(changed, field)| changed.then_some(field))
	}
}

impl<Balance: From<u32>> HyperparameterBounds<Balance> {
	/// Wide bounds that admit [`SubnetHyperparameters::with_burn`]'s defaults, for registration
	/// costs between `min_burn` and `max_burn`.
	pub fn permissive(min_burn: Balance, max_burn: Balance, max_stake: Balance) -> Self {
		Self {
			max_uids: Range { min: 1, max: 256 },
			max_validators: Range { min: 1, max: 256 },
			immunity_period: Range { min: 0, max: 100_800 },
			min_stake: Range { min: Balance::from(0u32), max: max_stake },
			burn: Range { min: min_burn, max: max_burn },
			serving_rate_limit: Range { min: 0, max: 100_800 },
			tempo: Range { min: 1, max: 50_400 },
			activity_cutoff_factor_milli: Range { min: 1_000, max: 50_000 },
			weights_rate_limit: Range { min: 0, max: 100_800 },
			reveal_period_epochs: Range { min: 1, max: 100 },
			max_job_slash: Perbill::from_percent(50),
		}
	}
}

/// Who owns a subnet and what it locked to create it.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[cfg_attr(
	feature = "serde",
	serde(bound(
		serialize = "Balance: core::fmt::Display, AccountId: serde::Serialize, BlockNumber: serde::Serialize",
		deserialize = "Balance: core::str::FromStr + TryFrom<u128>, AccountId: serde::Deserialize<'de>, BlockNumber: serde::Deserialize<'de>"
	))
)]
pub struct SubnetOwnership<AccountId, Balance, BlockNumber> {
	/// The account that may tune the subnet's hyperparameters.
	pub owner: AccountId,
	/// The deposit held from the owner; 0 for subnets that governance created.
	#[cfg_attr(feature = "serde", serde(with = "crate::serde_balance"))]
	pub deposit: Balance,
	/// The block in which the subnet was created.
	pub created_at: BlockNumber,
}

/// A registered neuron as the other pallets see it.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct NeuronRecord<AccountId, BlockNumber> {
	pub uid: Uid,
	/// The key the neuron signs with.
	pub hotkey: AccountId,
	/// The account that registered it and owns the hotkey.
	pub coldkey: AccountId,
	/// The block of its (latest) registration.
	pub registered_at: BlockNumber,
	/// Its published endpoint, if any.
	pub endpoint: Option<Endpoint>,
}

/// Read access to subnets and their metagraphs.
pub trait SubnetRegistry<AccountId, Balance, BlockNumber> {
	/// The netuids of all existing subnets, ascending.
	fn netuids() -> Vec<NetUid>;
	/// Whether `netuid` exists.
	fn subnet_exists(netuid: NetUid) -> bool;
	/// The subnet's owner, if the subnet exists.
	fn owner(netuid: NetUid) -> Option<AccountId>;
	/// The subnet's hyperparameters, if it exists.
	fn hyperparameters(netuid: NetUid) -> Option<SubnetHyperparameters<Balance>>;
	/// How many neurons the subnet holds (uids are `0..count`).
	fn neuron_count(netuid: NetUid) -> u16;
	/// The neuron at `uid`.
	fn neuron(netuid: NetUid, uid: Uid) -> Option<NeuronRecord<AccountId, BlockNumber>>;
	/// All neurons of the subnet, by uid.
	fn neurons(netuid: NetUid) -> Vec<NeuronRecord<AccountId, BlockNumber>>;
	/// The uid under which `hotkey` is registered on `netuid`.
	fn uid_of(netuid: NetUid, hotkey: &AccountId) -> Option<Uid>;
}

/// Who owns a hotkey. A hotkey is claimed by the coldkey that first registers it, and stays
/// claimed by it.
pub trait HotkeyOwnership<AccountId> {
	/// The coldkey that owns `hotkey`, if any coldkey has registered it.
	fn owner_of(hotkey: &AccountId) -> Option<AccountId>;
}

/// What the subnets pallet needs from the pallet that scores neurons: the emission each uid
/// earned in its subnet's last epoch, which decides whom a full subnet replaces.
pub trait NeuronEmission {
	/// Emission per uid (index = uid); missing entries count as 0.
	fn emissions(netuid: NetUid) -> Vec<u64>;
}

impl NeuronEmission for () {
	fn emissions(_netuid: NetUid) -> Vec<u64> {
		Vec::new()
	}
}

/// Each uid's incentive in its subnet's last epoch, out of 65535: how much the validators
/// valued its work. The jobs pallet favours proven miners with it.
pub trait NeuronIncentive {
	/// Incentive per uid (index = uid); missing entries count as 0.
	fn incentives(netuid: NetUid) -> Vec<u16>;
}

impl NeuronIncentive for () {
	fn incentives(_netuid: NetUid) -> Vec<u16> {
		Vec::new()
	}
}

/// Which uids hold a validator permit after their subnet's last epoch: those may verify jobs.
pub trait ValidatorPermits {
	fn has_permit(netuid: NetUid, uid: Uid) -> bool;
}

impl ValidatorPermits for () {
	fn has_permit(_netuid: NetUid, _uid: Uid) -> bool {
		false
	}
}
