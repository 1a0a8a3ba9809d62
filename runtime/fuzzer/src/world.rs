//! What a generator sees when it builds a call: the random stream, the pool of accounts
//! that sign, and the memory of what earlier calls committed to, so that a reveal can open
//! what a commitment hid. Generators run inside the runtime's externalities and may read
//! any storage to aim their calls at live jobs, experiments and neurons.

use sp_keyring::Sr25519Keyring;
use synod_primitives::subnet::SubnetRegistry;
use synod_runtime::{AccountId, BlockNumber, RuntimeCall, RuntimeOrigin};

use crate::rng::Rng;

/// A call and the origin it is dispatched with.
pub struct Action {
	/// Who dispatches it.
	pub origin: RuntimeOrigin,
	/// What is dispatched.
	pub call: RuntimeCall,
}

impl Action {
	/// `call` signed by `who`.
	pub fn signed(who: &AccountId, call: impl Into<RuntimeCall>) -> Self {
		Self { origin: RuntimeOrigin::signed(who.clone()), call: call.into() }
	}

	/// `call` with the root origin.
	pub fn root(call: impl Into<RuntimeCall>) -> Self {
		Self { origin: RuntimeOrigin::root(), call: call.into() }
	}

	/// `call` with no origin (inherents and unsigned calls).
	pub fn none(call: impl Into<RuntimeCall>) -> Self {
		Self { origin: RuntimeOrigin::none(), call: call.into() }
	}
}

/// The accounts that sign: the twelve well-known dev accounts, endowed at genesis (Alice is
/// sudo and the council), and four that never held anything.
pub struct Pool {
	/// The endowed accounts, Alice first.
	pub funded: Vec<AccountId>,
	/// Accounts with no balance at genesis.
	pub unfunded: Vec<AccountId>,
}

impl Default for Pool {
	fn default() -> Self {
		Self {
			funded: Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect(),
			unfunded: (0..4u8).map(|i| AccountId::from([0xF0 + i; 32])).collect(),
		}
	}
}

/// What commit calls hid, for the reveal calls that open them; one part per pallet.
#[derive(Default)]
pub struct Memo {
	/// Jobs' result, verification and statistics commitments.
	pub jobs: crate::calls::jobs::Memo,
	/// Colearn's vote commitments.
	pub colearn: crate::calls::colearn::Memo,
	/// Yuma's weight commitments.
	pub yuma: crate::calls::yuma::Memo,
}

/// A generator's view of the world.
pub struct Gen<'a> {
	/// Every choice comes from here.
	pub rng: &'a mut Rng,
	/// Who may sign.
	pub pool: &'a Pool,
	/// What was committed.
	pub memo: &'a mut Memo,
	/// How many wrapping calls (batches, sudo, proposals) the call being built sits in.
	pub depth: u32,
}

/// The deepest nesting of wrapping calls the generators build.
pub const MAX_DEPTH: u32 = 2;

impl Gen<'_> {
	/// A call for a wrapper (a batch, sudo, a council motion) to carry: any generated call
	/// while the nesting is shallow, then a remark.
	pub fn inner(&mut self) -> Action {
		if self.depth >= MAX_DEPTH {
			let who = self.funded();
			return Action::signed(
				&who,
				frame_system::Call::<synod_runtime::Runtime>::remark { remark: b"inner".to_vec() },
			);
		}
		self.depth += 1;
		let action = crate::calls::generate(self);
		self.depth -= 1;
		action
	}

	/// Any account of the pool, an unfunded one one time in sixteen.
	pub fn account(&mut self) -> AccountId {
		if self.rng.chance(1, 16) {
			self.rng.pick(&self.pool.unfunded).clone()
		} else {
			self.funded()
		}
	}

	/// An endowed account.
	pub fn funded(&mut self) -> AccountId {
		self.rng.pick(&self.pool.funded).clone()
	}

	/// The current block.
	pub fn now(&self) -> BlockNumber {
		frame_system::Pallet::<synod_runtime::Runtime>::block_number()
	}

	/// The sudo key, if there is one.
	pub fn sudo_key(&self) -> Option<AccountId> {
		pallet_sudo::Key::<synod_runtime::Runtime>::get()
	}

	/// A subnet that exists, most of the time; otherwise any netuid.
	pub fn netuid(&mut self) -> u16 {
		let live = synod_runtime::Subnets::netuids();
		if live.is_empty() || self.rng.chance(1, 10) {
			self.rng.below(8) as u16
		} else {
			*self.rng.pick(&live)
		}
	}

	/// One of `items`, or `fallback` when there are none or one time in `miss_in`.
	pub fn pick_or<T: Clone>(&mut self, items: &[T], miss_in: u64, fallback: T) -> T {
		if items.is_empty() || self.rng.chance(1, miss_in) {
			fallback
		} else {
			self.rng.pick(items).clone()
		}
	}

	/// Mostly `origin`; one time in ten the root origin and one in twenty a random signer,
	/// so that every origin check meets callers it must refuse and the one it must admit.
	pub fn vary_origin(&mut self, origin: RuntimeOrigin) -> RuntimeOrigin {
		match self.rng.below(20) {
			0 | 1 => RuntimeOrigin::root(),
			2 => RuntimeOrigin::signed(self.account()),
			_ => origin,
		}
	}
}
