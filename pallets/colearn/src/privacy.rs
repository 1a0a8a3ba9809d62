//! Privacy accounting: what a proposal declares about its training, what an experiment
//! promises its learners, and each coldkey's account of what it has spent.
//!
//! A learner that trains with DP-SGD declares, with each proposal, its sampling rate, noise
//! multiplier, number of steps and clipping norm ([`DpSgdParameters`]). The chain turns the
//! first three into Rényi divergences at a fixed set of orders (`synod-privacy`), adds them
//! to the proposer's coldkey's account in the experiment, order by order, and converts the
//! sums to an epsilon at the experiment's delta. Composition is in the divergences, not in
//! the epsilons: adding epsilons would overstate the spend many times over. A proposal that
//! would take the account past the budget is refused and spends nothing.
//!
//! The account belongs to the coldkey, not the hotkey, and outlives the learner's
//! membership: leaving and joining again, or joining with another hotkey of the same
//! coldkey, spends from the same account. A fresh coldkey is a fresh learner, with a fresh
//! account: the chain cannot tell two coldkeys of one person apart, nor that their data are
//! the same. What the chain cannot see at all is whether the learner trained as it declared.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use synod_privacy::{Account, SampledGaussian, ORDER_COUNT};

/// The most DP-SGD steps one proposal may declare: far more than a round's training takes,
/// and small enough that no account overflows before any budget is spent.
pub const MAX_STEPS_PER_PROPOSAL: u32 = 10_000_000;

/// The differential privacy an experiment promises each learner: no coldkey's proposals
/// together release more than `(epsilon, delta)` about the data it trained on.
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
pub struct PrivacyBudget {
	/// The most epsilon one coldkey may spend in the experiment, in millionths; above 0.
	pub epsilon_micros: u64,
	/// The guarantee's delta, in parts per `10^18`: in `1..=MAX_DELTA`.
	pub delta: u64,
}

/// How a proposer trained its update with DP-SGD, as it declares it.
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
pub struct DpSgdParameters {
	/// The probability with which each record joins a step's batch (Poisson sampling), in
	/// parts per billion: `1..=10^9`.
	pub sample_rate_ppb: u32,
	/// The noise's standard deviation over the clipping norm, in thousandths:
	/// `500..=1_000_000`.
	pub noise_multiplier_milli: u32,
	/// How many noisy steps it took: `1..=MAX_STEPS_PER_PROPOSAL`.
	pub steps: u32,
	/// The norm each record's gradient was clipped to, in thousandths; above 0. It scales
	/// the noise, not the privacy, so it is recorded for the voters and not accounted.
	pub clip_norm_milli: u32,
}

/// Why a proposal's privacy declaration is refused.
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
pub enum PrivacyError {
	/// The experiment has no privacy budget, and the proposal declared DP-SGD parameters.
	NotBudgeted,
	/// The experiment has a privacy budget, and the proposal declared no parameters.
	Undeclared,
	/// The sampling rate is 0 or above `10^9` parts per billion.
	SamplingRate,
	/// The noise multiplier is outside `500..=1_000_000` thousandths.
	NoiseMultiplier,
	/// The steps are 0 or above `MAX_STEPS_PER_PROPOSAL`.
	Steps,
	/// The clipping norm is 0.
	ClipNorm,
}

/// What a coldkey has spent of its privacy in one experiment.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct PrivacyAccount {
	/// The Rényi divergence spent at each of `synod_privacy::ORDERS`: the raw bits of
	/// non-negative `I64F64` sums.
	pub rdp: [i128; ORDER_COUNT],
	/// Those sums as an epsilon at the experiment's delta, in millionths, rounded up: at
	/// most the budget's `epsilon_micros`.
	pub epsilon_micros: u64,
	/// How many proposals spent from it.
	pub proposals: u32,
}

impl Default for PrivacyAccount {
	fn default() -> Self {
		Self { rdp: [0; ORDER_COUNT], epsilon_micros: 0, proposals: 0 }
	}
}

impl DpSgdParameters {
	/// The bounds of each field, naming the first one broken.
	pub fn check(&self) -> Result<SampledGaussian, PrivacyError> {
		let mechanism = SampledGaussian::new(self.sample_rate_ppb, self.noise_multiplier_milli)
			.map_err(|error| match error {
				synod_privacy::ParameterError::SamplingRate(_) => PrivacyError::SamplingRate,
				synod_privacy::ParameterError::NoiseMultiplier(_) => PrivacyError::NoiseMultiplier,
			})?;
		if !(1..=MAX_STEPS_PER_PROPOSAL).contains(&self.steps) {
			return Err(PrivacyError::Steps);
		}
		if self.clip_norm_milli == 0 {
			return Err(PrivacyError::ClipNorm);
		}
		Ok(mechanism)
	}
}

impl PrivacyAccount {
	/// The account after a proposal trained as `parameters` declares, at the budget's
	/// delta; `self` is unchanged. `None` where the sums would leave the number type, which
	/// no budget admits.
	pub fn after(
		&self,
		mechanism: &SampledGaussian,
		steps: u32,
		budget: &PrivacyBudget,
	) -> Option<PrivacyAccount> {
		// Sums this pallet wrote are never negative; an account that is cannot be added to.
		let spent = Account::from_bits(self.rdp)?;
		let next = spent.after(&mechanism.rdp(), steps).ok()?;
		Some(PrivacyAccount {
			rdp: next.to_bits(),
			epsilon_micros: next.epsilon_micros(budget.delta).ok()?,
			proposals: self.proposals.saturating_add(1),
		})
	}
}

#[cfg(test)]
mod unit {
	use super::*;

	#[test]
	fn accounts_compose_by_order_not_by_epsilon() {
		let budget = PrivacyBudget { epsilon_micros: u64::MAX, delta: 10_000_000_000_000 };
		let parameters = DpSgdParameters {
			sample_rate_ppb: 10_000_000,
			noise_multiplier_milli: 1_000,
			steps: 500,
			clip_norm_milli: 1_000,
		};
		let mechanism = parameters.check().unwrap();
		let once = PrivacyAccount::default().after(&mechanism, 500, &budget).unwrap();
		let twice = once.after(&mechanism, 500, &budget).unwrap();
		let at_once = PrivacyAccount::default().after(&mechanism, 1_000, &budget).unwrap();
		assert_eq!(twice.rdp, at_once.rdp);
		assert_eq!(twice.epsilon_micros, at_once.epsilon_micros);
		assert_eq!(twice.proposals, 2);
		// Two epsilons added would overstate the spend.
		assert!(twice.epsilon_micros < 2 * once.epsilon_micros, "{twice:?} {once:?}");
		assert_eq!(
			synod_privacy::epsilon_micros_of(10_000_000, 1_000, 1_000, budget.delta),
			Ok(twice.epsilon_micros)
		);
	}

	#[test]
	fn each_bad_field_is_named() {
		let good = DpSgdParameters {
			sample_rate_ppb: 1,
			noise_multiplier_milli: 500,
			steps: 1,
			clip_norm_milli: 1,
		};
		assert!(good.check().is_ok());
		let refused = |change: fn(&mut DpSgdParameters)| {
			let mut parameters = good;
			change(&mut parameters);
			parameters.check().err()
		};
		assert_eq!(refused(|p| p.sample_rate_ppb = 0), Some(PrivacyError::SamplingRate));
		assert_eq!(
			refused(|p| p.sample_rate_ppb = 1_000_000_001),
			Some(PrivacyError::SamplingRate)
		);
		assert_eq!(
			refused(|p| p.noise_multiplier_milli = 499),
			Some(PrivacyError::NoiseMultiplier)
		);
		assert_eq!(refused(|p| p.steps = 0), Some(PrivacyError::Steps));
		assert_eq!(refused(|p| p.steps = MAX_STEPS_PER_PROPOSAL + 1), Some(PrivacyError::Steps));
		assert_eq!(refused(|p| p.clip_norm_milli = 0), Some(PrivacyError::ClipNorm));
	}
}
