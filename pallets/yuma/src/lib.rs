//! # Yuma pallet
//!
//! Runs Yuma consensus on chain: validators set weights on the neurons of their subnet, and
//! every `tempo` blocks the subnet's epoch ([`yuma_consensus::epoch::run_epoch`], integer for
//! integer subtensor's) turns weights and stake into incentive and dividends, which this
//! pallet pays out of the subnet's share of the block emission.
//!
//! ## Model
//! - **Weights.** A registered hotkey sets a weight per uid of its subnet. With commit-reveal
//!   on (the default), it first commits a hash with [`commit_weights`](Pallet::commit_weights)
//!   and reveals the weights with [`reveal_weights`](Pallet::reveal_weights) exactly
//!   `reveal_period_epochs` epochs later, so validators cannot copy each other's fresh
//!   weights. With it off, [`set_weights`](Pallet::set_weights) sets them at once. Every
//!   check of subtensor's `set_weights` applies, in its order, and weights are stored scaled
//!   so that the largest is 65535.
//! - **Epochs.** A subnet's epoch is due at the blocks where `(block + netuid + 1)` is a
//!   multiple of `tempo + 1`, which staggers subnets with the same tempo. At most
//!   [`Config::MaxEpochsPerBlock`] run in a block; the rest wait in [`EpochQueue`] for the
//!   next. The weight of an epoch comes from its benchmark, by neurons and weight entries.
//! - **Emission.** Each block releases `initial_block_emission`, halved each time half of
//!   what the `supply_cap` leaves has been released. It is shared among subnets by the
//!   governance-set [`SubnetShares`] (evenly when none is set) and accrues per subnet as
//!   [`PendingEmission`]. Nothing is minted then: at the subnet's epoch the owner gets its
//!   cut, miners get their incentive share to their coldkey, and validators their dividends
//!   through the staking pallet ([`Config::Dividends`]). What cannot be paid (nobody staked,
//!   rounding) stays pending for the next epoch, so total issuance grows by exactly what is
//!   paid, and what is paid plus what is pending is what the schedule released
//!   ([`Released`], [`Paid`], checked by `try_state`).
//! - **Outputs** of the last epoch are kept per uid ([`NeuronOutputs`]) with the weights,
//!   bonds and last update of each uid. A uid's state is cleared when it changes hands, and
//!   a subnet's when it is dissolved, through the subnets pallet's hooks.
//! - **Stake** enters the epoch as `u64`: a subnet's stakes are shifted right together until
//!   the largest fits the epoch's `I64F64` arithmetic, which leaves the normalised stakes as
//!   they are up to rounding.
//!
//! ## Calls
//! - [`set_weights`](Pallet::set_weights): a hotkey sets its weights (commit-reveal off).
//! - [`commit_weights`](Pallet::commit_weights): a hotkey commits to weights (commit-reveal on).
//! - [`reveal_weights`](Pallet::reveal_weights): a hotkey reveals committed weights.
//! - [`set_emission_parameters`](Pallet::set_emission_parameters): governance sets the
//!   schedule, the owner cut and the stake threshold.
//! - [`set_subnet_share`](Pallet::set_subnet_share): governance sets a subnet's share of the
//!   block emission.
//!
//! The subnet hyperparameters that shape the epoch (kappa, bonds, liquid alpha, tempo) live
//! with the subnet in the subnets pallet, where the consensus ones are governance's alone.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod emission;
mod epoch_input;
mod impls;
#[cfg(test)]
mod mock;
mod schedule;
#[cfg(test)]
mod tests;
mod weight_checks;
pub mod weights;

pub use pallet::*;
pub use pallet_yuma_runtime_api::{
	EmissionParameters, Metagraph, MetagraphNeuron, NeuronEpochOutput, WeightCommit,
};
pub use synod_primitives::{NetUid, Uid};
pub use weights::WeightInfo;

/// The balance type of the pallet's currency.
pub type BalanceOf<T> = <<T as Config>::Currency as frame_support::traits::fungible::Inspect<
	<T as frame_system::Config>::AccountId,
>>::Balance;

/// What the runtime provides so that benchmarks can build a subnet full of staked neurons.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Creates a subnet with `neurons` registered neurons (room for at least one), the first
	/// `staked` of them with stake behind their hotkeys, Yuma 3 with liquid alpha,
	/// commit-reveal as asked and no rate limit; returns its netuid and the hotkeys by uid.
	fn subnet_with_neurons(
		neurons: u16,
		staked: u16,
		commit_reveal: bool,
	) -> (NetUid, alloc::vec::Vec<AccountId>);
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{pallet_prelude::*, traits::fungible::Mutate};
	use frame_system::pallet_prelude::*;
	use sp_runtime::Perbill;
	use synod_primitives::{
		stake::{DividendCredit, StakeInfo},
		subnet::SubnetRegistry,
	};

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The currency minted to subnet owners and miners.
		type Currency: Mutate<Self::AccountId>;

		/// Subnets, their hyperparameters and neurons.
		type Subnets: SubnetRegistry<Self::AccountId, BalanceOf<Self>, BlockNumberFor<Self>>;

		/// The stake behind each hotkey.
		type Stake: StakeInfo<Self::AccountId, BalanceOf<Self>>;

		/// Pays validators' dividends into the stake behind their hotkeys.
		type Dividends: DividendCredit<Self::AccountId, BalanceOf<Self>>;

		/// Root or the council: sets the emission schedule and subnet shares.
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The most uids a subnet may have; bounds every weight and bond row.
		#[pallet::constant]
		type MaxUids: Get<u32>;

		/// The most subnets that may exist; bounds the epoch queue.
		#[pallet::constant]
		type MaxSubnets: Get<u32>;

		/// The most commits a hotkey may leave unrevealed per subnet.
		#[pallet::constant]
		type MaxUnrevealedCommits: Get<u32>;

		/// The most epochs run in one block; the others wait for the next.
		#[pallet::constant]
		type MaxEpochsPerBlock: Get<u32>;

		/// Weights of this pallet's calls and epochs, from its benchmarks.
		type WeightInfo: WeightInfo;

		/// Builds benchmark state in the runtime's other pallets.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	pub(crate) type WeightRow<T> = BoundedVec<(Uid, u16), <T as Config>::MaxUids>;
	pub(crate) type CommitOf<T> =
		WeightCommit<<T as frame_system::Config>::Hash, BlockNumberFor<T>>;
	pub(crate) type CommitQueue<T> = BoundedVec<CommitOf<T>, <T as Config>::MaxUnrevealedCommits>;
	pub(crate) type OutputOf<T> = NeuronEpochOutput<BalanceOf<T>>;

	/// The emission schedule, owner cut and stake threshold.
	#[pallet::storage]
	pub type Parameters<T: Config> = StorageValue<_, EmissionParameters<BalanceOf<T>>, ValueQuery>;

	/// Each subnet's share of the block emission, in parts of the sum over existing subnets.
	#[pallet::storage]
	pub type SubnetShares<T: Config> = StorageMap<_, Twox64Concat, NetUid, u32, ValueQuery>;

	/// Emission accrued by each subnet since its last payout.
	#[pallet::storage]
	pub type PendingEmission<T: Config> =
		StorageMap<_, Twox64Concat, NetUid, BalanceOf<T>, ValueQuery>;

	/// Everything the schedule has released to subnets; the halvings count from it.
	#[pallet::storage]
	pub type Released<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	/// Everything paid (minted) to owners, miners and validators.
	#[pallet::storage]
	pub type Paid<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	/// How many epochs each subnet has run; commits are timed by it.
	#[pallet::storage]
	pub type EpochIndex<T: Config> = StorageMap<_, Twox64Concat, NetUid, u64, ValueQuery>;

	/// The block of each subnet's last epoch.
	#[pallet::storage]
	pub type LastEpochBlock<T: Config> = StorageMap<_, Twox64Concat, NetUid, BlockNumberFor<T>>;

	/// Subnets whose epoch is due but did not fit in its block, oldest first.
	#[pallet::storage]
	pub type EpochQueue<T: Config> = StorageValue<_, BoundedVec<NetUid, T::MaxSubnets>, ValueQuery>;

	/// Each uid's weights, max-upscaled, sorted by target uid.
	#[pallet::storage]
	pub type Weights<T: Config> =
		StorageDoubleMap<_, Twox64Concat, NetUid, Twox64Concat, Uid, WeightRow<T>>;

	/// How many weight entries each subnet stores in all; sizes its epoch's weight.
	#[pallet::storage]
	pub type WeightEntries<T: Config> = StorageMap<_, Twox64Concat, NetUid, u32, ValueQuery>;

	/// Each validator's bonds after the last epoch, as the epoch returned them.
	#[pallet::storage]
	pub type Bonds<T: Config> =
		StorageDoubleMap<_, Twox64Concat, NetUid, Twox64Concat, Uid, WeightRow<T>>;

	/// The block of each uid's last weights or commit; its registration block if none.
	#[pallet::storage]
	pub type LastUpdate<T: Config> =
		StorageDoubleMap<_, Twox64Concat, NetUid, Twox64Concat, Uid, BlockNumberFor<T>>;

	/// Each uid's outputs of its subnet's last epoch.
	#[pallet::storage]
	pub type NeuronOutputs<T: Config> =
		StorageDoubleMap<_, Twox64Concat, NetUid, Twox64Concat, Uid, OutputOf<T>>;

	/// Unrevealed weight commits per subnet and hotkey, oldest first.
	#[pallet::storage]
	pub type WeightCommits<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		NetUid,
		Blake2_128Concat,
		T::AccountId,
		CommitQueue<T>,
		ValueQuery,
	>;

	/// Genesis settings; balances are plain `u128` so that chain specs stay readable JSON.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The emission schedule; none (no emission) if unset.
		pub parameters: Option<EmissionParameters<u128>>,
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			use sp_runtime::SaturatedConversion;
			if let Some(parameters) = &self.parameters {
				Parameters::<T>::put(EmissionParameters {
					initial_block_emission: parameters.initial_block_emission.saturated_into(),
					supply_cap: parameters.supply_cap.saturated_into(),
					owner_cut: parameters.owner_cut,
					stake_threshold: parameters.stake_threshold.saturated_into(),
				});
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `hotkey` (uid `uid`) set `entries` weights on `netuid`.
		WeightsSet { netuid: NetUid, uid: Uid, hotkey: T::AccountId, entries: u32 },
		/// `hotkey` committed to weights on `netuid`, to reveal at epoch `reveal_epoch`.
		WeightsCommitted { netuid: NetUid, hotkey: T::AccountId, hash: T::Hash, reveal_epoch: u64 },
		/// `netuid` ran its epoch `epoch_index`, paying `owner_cut` to its owner, `to_miners`
		/// and `to_validators`; `carried` stays pending.
		EpochRun {
			netuid: NetUid,
			epoch_index: u64,
			owner_cut: BalanceOf<T>,
			to_miners: BalanceOf<T>,
			to_validators: BalanceOf<T>,
			carried: BalanceOf<T>,
		},
		/// `netuid`'s epoch was due but the block's epochs were used up; it runs next block.
		EpochDeferred { netuid: NetUid },
		/// Governance changed the emission parameters.
		EmissionParametersSet { parameters: EmissionParameters<BalanceOf<T>> },
		/// Governance set `netuid`'s share of the block emission.
		SubnetShareSet { netuid: NetUid, share: u32 },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No subnet has this netuid.
		UnknownSubnet,
		/// The signer holds no uid on this subnet.
		NotRegistered,
		/// `uids` and `values` differ in length.
		LengthMismatch,
		/// More weights than the subnet has uids.
		TooManyWeights,
		/// Fewer weights than the subnet's `min_allowed_weights` (or its size, if smaller).
		TooFewWeights,
		/// The signer's stake is below the stake threshold.
		NotEnoughStake,
		/// `version_key` is below the subnet's `weights_version`.
		OutdatedVersionKey,
		/// The signer updated its weights less than `weights_rate_limit` blocks ago.
		SettingWeightsTooFast,
		/// Only uids with a validator permit may weight others.
		NoValidatorPermit,
		/// `uid` appears twice among the weights.
		DuplicateUid { uid: Uid },
		/// `uid` is not a uid of the subnet.
		UnknownUid { uid: Uid },
		/// The largest normalised weight is above the subnet's `max_weight_limit`.
		MaxWeightExceeded,
		/// The subnet uses commit-reveal: commit, then reveal.
		CommitRevealEnabled,
		/// The subnet does not use commit-reveal: set weights directly.
		CommitRevealDisabled,
		/// The signer already has `MaxUnrevealedCommits` commits waiting on this subnet.
		TooManyUnrevealedCommits,
		/// No commit of the signer matches the revealed weights.
		NoMatchingCommit,
		/// The matching commit's reveal epoch has not come yet.
		RevealTooEarly,
		/// The matching commit's reveal epoch has passed.
		CommitExpired,
		/// The owner cut is above 100% or the supply cap below what is already released.
		InvalidEmissionParameters,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Self::accrue_block_emission().saturating_add(Self::run_due_epochs(now))
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Sets the signing hotkey's weights on `netuid`: `values[k]` on uid `uids[k]`.
		///
		/// Refused while the subnet uses commit-reveal. A single weight on one's own uid is
		/// always accepted (it keeps the uid active) and counts for nothing in consensus.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::set_weights(uids.len() as u32))]
		pub fn set_weights(
			origin: OriginFor<T>,
			netuid: NetUid,
			uids: BoundedVec<Uid, T::MaxUids>,
			values: BoundedVec<u16, T::MaxUids>,
			version_key: u64,
		) -> DispatchResult {
			let hotkey = ensure_signed(origin)?;
			let hyperparameters =
				T::Subnets::hyperparameters(netuid).ok_or(Error::<T>::UnknownSubnet)?;
			ensure!(!hyperparameters.commit_reveal, Error::<T>::CommitRevealEnabled);
			Self::do_set_weights(
				&hotkey,
				netuid,
				&hyperparameters,
				&uids,
				&values,
				version_key,
				true,
			)
		}

		/// Commits the signing hotkey to weights on `netuid` by their hash,
		/// `BlakeTwo256((hotkey, netuid, uids, values, salt, version_key).encode())`.
		///
		/// The commit counts as a weight update for activity and the rate limit. It must be
		/// revealed in the subnet's epoch `current + reveal_period_epochs`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::commit_weights())]
		pub fn commit_weights(
			origin: OriginFor<T>,
			netuid: NetUid,
			hash: T::Hash,
		) -> DispatchResult {
			let hotkey = ensure_signed(origin)?;
			Self::do_commit_weights(hotkey, netuid, hash)
		}

		/// Reveals weights committed by the signing hotkey and sets them, with every check of
		/// [`set_weights`](Pallet::set_weights) except the rate limit (the commit had it).
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::reveal_weights(uids.len() as u32))]
		pub fn reveal_weights(
			origin: OriginFor<T>,
			netuid: NetUid,
			uids: BoundedVec<Uid, T::MaxUids>,
			values: BoundedVec<u16, T::MaxUids>,
			salt: BoundedVec<u16, ConstU32<64>>,
			version_key: u64,
		) -> DispatchResult {
			let hotkey = ensure_signed(origin)?;
			Self::do_reveal_weights(hotkey, netuid, uids, values, salt, version_key)
		}

		/// Sets the emission schedule, owner cut and stake threshold. Governance only.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::set_emission_parameters())]
		pub fn set_emission_parameters(
			origin: OriginFor<T>,
			parameters: EmissionParameters<BalanceOf<T>>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			ensure!(
				parameters.owner_cut <= Perbill::one()
					&& parameters.supply_cap >= Released::<T>::get(),
				Error::<T>::InvalidEmissionParameters
			);
			Parameters::<T>::put(&parameters);
			Self::deposit_event(Event::EmissionParametersSet { parameters });
			Ok(())
		}

		/// Sets `netuid`'s share of the block emission, in parts of the sum of all shares.
		/// Governance only.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::set_subnet_share())]
		pub fn set_subnet_share(
			origin: OriginFor<T>,
			netuid: NetUid,
			share: u32,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			ensure!(T::Subnets::subnet_exists(netuid), Error::<T>::UnknownSubnet);
			if share == 0 {
				SubnetShares::<T>::remove(netuid);
			} else {
				SubnetShares::<T>::insert(netuid, share);
			}
			Self::deposit_event(Event::SubnetShareSet { netuid, share });
			Ok(())
		}
	}
}
