//! Blocks as a node's block builder makes them: a header with Alice's BABE pre-digest
//! (a real VRF signature, so that randomness drawn from the parent's VRF output exists),
//! `Executive::initialize_block`, the timestamp inherent, the calls, then
//! `Executive::finalize_block` with every `on_idle` and `on_finalize` hook and the state
//! root.

use codec::Encode;
use frame_support::{
	dispatch::DispatchClass,
	storage::{with_transaction, TransactionOutcome},
	traits::Get,
};
use sp_consensus_babe::{
	digests::{PreDigest, SecondaryVRFPreDigest},
	make_vrf_sign_data, Slot, BABE_ENGINE_ID,
};
use sp_core::crypto::VrfSecret;
use sp_keyring::Sr25519Keyring;
use sp_runtime::{generic::DigestItem, traits::Header as _, Digest, DispatchError};
use synod_runtime::{
	configs::RuntimeBlockWeights, time::SLOT_DURATION, BlockNumber, Executive, Hash, Header,
	Runtime, RuntimeCall, UncheckedExtrinsic,
};

/// The slot of block 0: slots count from here, one per block, as if no slot were missed.
const GENESIS_SLOT: u64 = 1_000;

/// The chain's head, as the block builder tracks it.
pub struct Chain {
	parent: Hash,
	author: sp_core::sr25519::Pair,
}

impl Chain {
	/// A chain at genesis (call inside the genesis externalities).
	pub fn at_genesis() -> Self {
		Self {
			parent: frame_system::Pallet::<Runtime>::block_hash(0),
			author: Sr25519Keyring::Alice.pair(),
		}
	}

	/// Opens the next block: hooks of `on_initialize`, then the timestamp inherent. Returns
	/// the block's number. Errs if the hooks leave the normal class less than its share,
	/// which would keep users' transactions out.
	pub fn open(&mut self) -> Result<BlockNumber, String> {
		let number = frame_system::Pallet::<Runtime>::block_number() + 1;
		let slot = Slot::from(GENESIS_SLOT + number as u64);
		let header = |pre: DigestItem| {
			let mut digest = Digest::default();
			digest.push(pre);
			Header::new(number, Default::default(), Default::default(), self.parent, digest)
		};
		let mut pre = self.pre_digest(slot);
		if number > 1 && epoch_changes_at(slot) {
			// An author signs for the epoch its slot is in, whose randomness exists only once
			// this block's initialisation has enacted the change: initialise once, read it,
			// roll back, and sign again (BABE checks the signature against it at finalise).
			let trial = header(pre.clone());
			with_transaction(|| {
				Executive::initialize_block(&trial);
				TransactionOutcome::Rollback(Ok::<_, DispatchError>(self.pre_digest(slot)))
			})
			.map(|signed| pre = signed)
			.map_err(|error| format!("block {number}: the trial initialisation: {error:?}"))?;
		}
		let header = header(pre);
		let limits = RuntimeBlockWeights::get();
		let normal = limits.get(DispatchClass::Normal).max_total.unwrap_or(limits.max_block);
		let over = with_transaction(|| {
			Executive::initialize_block(&header);
			let hooks =
				*frame_system::Pallet::<Runtime>::block_weight().get(DispatchClass::Mandatory);
			if hooks.saturating_add(normal).all_lte(limits.max_block) {
				TransactionOutcome::Commit(Ok::<_, DispatchError>(None))
			} else {
				TransactionOutcome::Rollback(Ok(Some(hooks)))
			}
		})
		.map_err(|error| format!("block {number}: initialisation: {error:?}"))?;
		if let Some(hooks) = over {
			return Err(format!(
				"block {number}: on_initialize hooks charged {hooks:?}, leaving the normal class \
				 less than its {normal:?} of {:?}; each pallet's hook alone: {}",
				limits.max_block,
				crate::hooks::each_alone(&header)
			));
		}
		let timestamp = RuntimeCall::Timestamp(pallet_timestamp::Call::set {
			now: u64::from(slot) * SLOT_DURATION,
		});
		match Executive::apply_extrinsic(UncheckedExtrinsic::new_bare(timestamp)) {
			Ok(Ok(())) => {},
			other => {
				return Err(format!("block {number}: the timestamp inherent failed: {other:?}"))
			},
		}
		Executive::inherents_applied();
		Ok(number)
	}

	/// Closes the open block: `on_idle`, `on_finalize`, the state root.
	pub fn close(&mut self) {
		let header = Executive::finalize_block();
		self.parent = header.hash();
	}

	/// Alice's secondary VRF pre-digest for `slot`, signed for the current epoch.
	fn pre_digest(&self, slot: Slot) -> DigestItem {
		let randomness = pallet_babe::Randomness::<Runtime>::get();
		let epoch = pallet_babe::EpochIndex::<Runtime>::get();
		let vrf_signature = self.author.vrf_sign(&make_vrf_sign_data(&randomness, slot, epoch));
		let pre = PreDigest::SecondaryVRF(SecondaryVRFPreDigest {
			authority_index: 0,
			slot,
			vrf_signature,
		});
		DigestItem::PreRuntime(BABE_ENGINE_ID, pre.encode())
	}
}

/// Whether the block at `slot` enacts an epoch change, as BABE's `should_epoch_change`
/// decides it once the slot is current.
fn epoch_changes_at(slot: Slot) -> bool {
	let start = pallet_babe::Pallet::<Runtime>::current_epoch_start();
	let length = <Runtime as pallet_babe::Config>::EpochDuration::get();
	u64::from(slot).saturating_sub(u64::from(start)) >= length
}
