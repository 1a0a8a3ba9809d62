//! One epoch of a subnet, as subtensor's sparse production path (`epoch_mechanism`) runs it:
//! activity, stake and its threshold, validator permits, the weight masks, consensus,
//! clipping, validator trust, incentive, bonds and dividends, and the emission split.
//!
//! Bonds follow the original model (Yuma 2) or Yuma 3, with a single EMA rate or liquid alpha
//! ([`crate::liquid`]).

use crate::{
	fixed::{
		fixed_proportion_to_u16, inplace_normalize, inplace_normalize_64, is_topk_nonzero,
		safe_div, sum,
	},
	median::weighted_median_col_sparse,
	sparse::{self, SparseMatrix},
	I32F32, I64F64, I96F32,
};
use alloc::vec::Vec;

/// One neuron's state going into the epoch.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NeuronInput {
	/// Raw stake behind its hotkey.
	pub stake: u64,
	/// Block of its last weights (or commit, or registration).
	pub last_update: u64,
	/// Block of its latest registration.
	pub registered_at: u64,
	/// Whether it held a validator permit after the previous epoch.
	pub validator_permit: bool,
	/// Its weights as stored (max-upscaled u16), in stored order.
	pub weights: Vec<(u16, u16)>,
	/// Its bonds as stored.
	pub bonds: Vec<(u16, u16)>,
	/// With commit-reveal on: the block of its oldest unrevealed commit, if any. Its weights
	/// to a uid registered after that block are dropped, so a uid taken over after the commit
	/// does not inherit weights meant for its predecessor.
	pub commit_block: Option<u64>,
}

/// A subnet's parameters and state going into the epoch.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EpochInput {
	pub current_block: u64,
	pub tempo: u64,
	/// The block of the previous epoch; 0 means `current_block - tempo`.
	pub last_epoch_block: u64,
	/// Blocks after its last update during which a neuron counts as active.
	pub activity_cutoff: u64,
	pub kappa: u16,
	pub bonds_penalty: u16,
	pub bonds_moving_average: u64,
	pub yuma3: bool,
	pub liquid_alpha: bool,
	/// The liquid-alpha range, as fractions of `u16::MAX`.
	pub alpha_low: u16,
	pub alpha_high: u16,
	/// The liquid-alpha sigmoid's steepness, in hundredths.
	pub alpha_sigmoid_steepness: i16,
	pub max_allowed_validators: u16,
	pub stake_threshold: u64,
	pub owner_uid: Option<u16>,
	/// What the epoch distributes, in the smallest unit.
	pub emission: u64,
	pub neurons: Vec<NeuronInput>,
}

/// One neuron's results, as the chain stores them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NeuronOutput {
	pub active: bool,
	pub stake_weight: u16,
	pub consensus: u16,
	pub incentive: u16,
	pub dividends: u16,
	pub validator_trust: u16,
	/// The permit it holds for the next epoch.
	pub validator_permit: bool,
	pub server_emission: u64,
	pub validator_emission: u64,
	pub emission: u64,
	/// Its bonds to store: its new row if it holds a permit, else empty.
	pub bonds: Vec<(u16, u16)>,
}

/// Why an epoch could not be computed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EpochError {
	/// More than `u16::MAX` neurons.
	TooManyNeurons,
}

fn zero() -> I32F32 {
	I32F32::from_num(0)
}

fn u16_fraction(value: u16) -> I32F32 {
	safe_div(I32F32::from_num(value), I32F32::from_num(u16::MAX))
}

/// Runs one epoch.
pub fn run_epoch(input: &EpochInput) -> Result<Vec<NeuronOutput>, EpochError> {
	let n: u16 = input.neurons.len().try_into().map_err(|_| EpochError::TooManyNeurons)?;
	let neurons = &input.neurons;
	let current_block = input.current_block;

	// Activity.
	let last_update: Vec<u64> = neurons.iter().map(|x| x.last_update).collect();
	let registered_at: Vec<u64> = neurons.iter().map(|x| x.registered_at).collect();
	let active: Vec<bool> = last_update
		.iter()
		.map(|updated| updated.saturating_add(input.activity_cutoff) >= current_block)
		.collect();

	// Stake: below the threshold counts as none (the owner excepted), then normalised.
	let is_owner = |uid: usize| input.owner_uid == Some(uid as u16);
	let mut filtered: Vec<I64F64> = neurons
		.iter()
		.enumerate()
		.map(|(uid, x)| {
			// Saturating, as subtensor converts stake: above i64::MAX it cannot be represented.
			let s = I64F64::saturating_from_num(x.stake);
			if !is_owner(uid) && s.saturating_to_num::<u64>() < input.stake_threshold {
				I64F64::from_num(0)
			} else {
				s
			}
		})
		.collect();
	inplace_normalize_64(&mut filtered);
	let stake: Vec<I32F32> = filtered.iter().map(|s| I32F32::saturating_from_num(*s)).collect();

	// Permits: the stored ones mask this epoch; the new ones are only returned.
	let mut permits: Vec<bool> = neurons.iter().map(|x| x.validator_permit).collect();
	let mut new_permits = is_topk_nonzero(&stake, input.max_allowed_validators as usize);
	if let Some(owner) = input.owner_uid {
		if let Some(p) = permits.get_mut(owner as usize) {
			*p = true;
		}
		if let Some(p) = new_permits.get_mut(owner as usize) {
			*p = true;
		}
	}
	let forbids: Vec<bool> = permits.iter().map(|p| !p).collect();

	// Active stake: of active, permitted validators, normalised.
	let mut active_stake: Vec<I32F32> = stake
		.iter()
		.enumerate()
		.map(|(i, s)| if active[i] && permits[i] { *s } else { zero() })
		.collect();
	inplace_normalize(&mut active_stake);

	// Weights: rows of permitted validators, no self-weight (the owner's kept), none older
	// than the target's registration or than a pending commit, normalised per row.
	// One pass does what subtensor does in three (`mask_rows_sparse`, `mask_diag_sparse*`,
	// `vec_mask_sparse_matrix`): each only drops entries and keeps the order.
	let mut weights: SparseMatrix = neurons
		.iter()
		.enumerate()
		.map(|(i, x)| {
			if forbids[i] {
				return Vec::new();
			}
			x.weights
				.iter()
				.filter(|(j, _)| *j < n)
				.filter(|(j, _)| i != *j as usize || input.owner_uid == Some(*j))
				.filter(|(j, _)| last_update[i] > registered_at[*j as usize])
				.filter(|(j, _)| x.commit_block.is_none_or(|c| c >= registered_at[*j as usize]))
				.map(|(j, w)| (*j, I32F32::from_num(*w)))
				.collect()
		})
		.collect();
	sparse::inplace_row_normalize(&mut weights);

	// Consensus, clipping, trust, incentive.
	let kappa = u16_fraction(input.kappa);
	let consensus = weighted_median_col_sparse(&active_stake, &weights, n, kappa);
	let clipped = sparse::col_clip(&weights, &consensus);
	let validator_trust = sparse::row_sum(&clipped);
	let mut incentive = sparse::matmul(&clipped, &active_stake, n);
	inplace_normalize(&mut incentive);

	// Bonds and dividends.
	let penalty = u16_fraction(input.bonds_penalty);
	let weights_for_bonds = sparse::interpolate(&weights, &clipped, n, penalty);
	let last_tempo = if input.last_epoch_block == 0 {
		current_block.saturating_sub(input.tempo)
	} else {
		input.last_epoch_block.saturating_add(1)
	};
	let stored_bonds: SparseMatrix = neurons
		.iter()
		.map(|x| x.bonds.iter().map(|(j, b)| (*j, I32F32::from_num(*b))).collect())
		.collect();
	// Columns of neurons registered since the last epoch lose their bonds.
	let recent = |matrix: &SparseMatrix| {
		sparse::mask_by(matrix, &[], &registered_at, |_, registered| last_tempo <= registered)
	};
	let bonds_alpha = {
		let retained = I64F64::from_num(input.bonds_moving_average)
			.checked_div(I64F64::from_num(1_000_000))
			.unwrap_or_default();
		I32F32::from_num(1).saturating_sub(I32F32::saturating_from_num(retained))
	};
	let (dividends, stored) = if input.yuma3 {
		let proportions: SparseMatrix = stored_bonds
			.iter()
			.map(|row| {
				row.iter().map(|(j, b)| (*j, safe_div(*b, I32F32::from_num(u16::MAX)))).collect()
			})
			.collect();
		let bonds = recent(&proportions);
		let ema = if input.liquid_alpha && consensus.iter().any(|c| *c != zero()) {
			let settings = crate::liquid::LiquidAlpha {
				low: u16_fraction(input.alpha_low),
				high: u16_fraction(input.alpha_high),
				steepness: I32F32::from_num(input.alpha_sigmoid_steepness),
			};
			crate::liquid::ema_rows(&weights_for_bonds, &bonds, &consensus, &settings)
		} else {
			sparse::mat_ema(&weights_for_bonds, &bonds, bonds_alpha)
		};
		let mut normalised = ema.clone();
		sparse::inplace_col_normalize(&mut normalised, n);
		let per_validator: Vec<I32F32> = normalised
			.iter()
			.map(|row| {
				row.iter().fold(zero(), |total, (j, b)| match incentive.get(*j as usize) {
					Some(i) => {
						let product = b.saturating_mul(*i);
						if product != zero() {
							total.saturating_add(product)
						} else {
							total
						}
					},
					None => total,
				})
			})
			.collect();
		let mut dividends: Vec<I32F32> = per_validator
			.iter()
			.zip(active_stake.iter())
			.map(|(b, s)| b.checked_mul(*s).unwrap_or_default())
			.collect();
		inplace_normalize(&mut dividends);
		(dividends, ema)
	} else {
		let mut bonds = recent(&stored_bonds);
		sparse::inplace_col_normalize(&mut bonds, n);
		let mut delta = sparse::row_hadamard(&weights_for_bonds, &active_stake);
		sparse::inplace_col_normalize(&mut delta, n);
		let mut ema = sparse::mat_ema(&delta, &bonds, bonds_alpha);
		sparse::inplace_col_normalize(&mut ema, n);
		let mut dividends = sparse::matmul_transpose(&ema, &incentive);
		inplace_normalize(&mut dividends);
		sparse::inplace_col_max_upscale(&mut ema, n);
		(dividends, ema)
	};

	// Emission: incentive to servers, dividends to validators, over their joint sum; by stake
	// when nothing survived.
	let combined: Vec<I32F32> =
		incentive.iter().zip(dividends.iter()).map(|(i, d)| i.saturating_add(*d)).collect();
	let emission_sum = sum(&combined);
	let share = |values: &[I32F32]| -> Vec<I32F32> {
		if emission_sum == zero() {
			values.to_vec()
		} else {
			values.iter().map(|v| safe_div(*v, emission_sum)).collect()
		}
	};
	let server_share = share(&incentive);
	let mut validator_share = share(&dividends);
	let mut combined_share = combined.clone();
	inplace_normalize(&mut combined_share);
	if emission_sum == zero() {
		let fallback = if sum(&active_stake) == zero() { &stake } else { &active_stake };
		validator_share = fallback.clone();
		combined_share = fallback.clone();
	}
	let total = I96F32::saturating_from_num(input.emission);
	let amount = |share: I32F32| -> u64 {
		I96F32::saturating_from_num(share).saturating_mul(total).saturating_to_num::<u64>()
	};

	Ok((0..n as usize)
		.map(|uid| NeuronOutput {
			active: active[uid],
			stake_weight: fixed_proportion_to_u16(stake[uid]),
			consensus: fixed_proportion_to_u16(consensus[uid]),
			incentive: fixed_proportion_to_u16(incentive[uid]),
			dividends: fixed_proportion_to_u16(dividends[uid]),
			validator_trust: fixed_proportion_to_u16(validator_trust[uid]),
			validator_permit: new_permits[uid],
			server_emission: amount(server_share[uid]),
			validator_emission: amount(validator_share[uid]),
			emission: amount(combined_share[uid]),
			bonds: if new_permits[uid] {
				stored[uid].iter().map(|(j, b)| (*j, fixed_proportion_to_u16(*b))).collect()
			} else {
				Vec::new()
			},
		})
		.collect())
}

#[cfg(test)]
mod tests;
