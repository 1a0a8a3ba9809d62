//! Where a training run takes its checkpoints, from its settings and its data's shape alone.
//!
//! One checkpoint per epoch is the rule. Long epochs (more than [`SPLIT_BATCHES`] batches)
//! are split into equal parts, so that a spot check re-executes a fraction of an epoch; many
//! epochs (more than [`MAX_SEGMENTS`]) are grouped, so that a trace never has more than
//! [`MAX_SEGMENTS`] segments. The bound is what lets the chain compare two whole traces, leaf
//! by leaf, in bounded weight, instead of bisecting them over several rounds.

/// The most segments a trace has.
pub const MAX_SEGMENTS: u32 = 64;

/// An epoch of more batches than this is split into parts (while the segments stay within
/// [`MAX_SEGMENTS`]).
pub const SPLIT_BATCHES: u32 = 256;

/// A place in a training run: the next batch to run, `batch` of epoch `epoch`'s order. The
/// start is `(0, 0)`, the end `(epochs, 0)`; the end of epoch `e` is `(e + 1, 0)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Position {
	pub epoch: u32,
	pub batch: u32,
}

/// The checkpoints of a training run of `epochs` over `batches_per_epoch` batches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TrainingLayout {
	pub epochs: u32,
	/// `ceil(rows / batch_size)`: the last batch of an epoch may be short.
	pub batches_per_epoch: u32,
	/// Whole epochs per segment: more than one only when epochs outnumber [`MAX_SEGMENTS`].
	pub epochs_per_segment: u32,
	/// Segments per epoch: more than one only for epochs of more than [`SPLIT_BATCHES`]
	/// batches.
	pub parts_per_epoch: u32,
	/// Batches per part of an epoch (the last part may have fewer).
	pub batches_per_part: u32,
}

impl TrainingLayout {
	/// The layout of `epochs` passes over `rows` rows in batches of `batch_size`; `None` if
	/// any is zero.
	pub fn new(epochs: u32, rows: u32, batch_size: u32) -> Option<Self> {
		if epochs == 0 || rows == 0 || batch_size == 0 {
			return None;
		}
		let batches_per_epoch = rows.div_ceil(batch_size);
		if epochs > MAX_SEGMENTS {
			return Some(Self {
				epochs,
				batches_per_epoch,
				epochs_per_segment: epochs.div_ceil(MAX_SEGMENTS),
				parts_per_epoch: 1,
				batches_per_part: batches_per_epoch,
			});
		}
		let wanted = batches_per_epoch.div_ceil(SPLIT_BATCHES);
		let parts = wanted.clamp(1, MAX_SEGMENTS / epochs);
		let batches_per_part = batches_per_epoch.div_ceil(parts);
		// Rounding the part up may leave fewer parts than asked for.
		let parts_per_epoch = batches_per_epoch.div_ceil(batches_per_part);
		Some(Self {
			epochs,
			batches_per_epoch,
			epochs_per_segment: 1,
			parts_per_epoch,
			batches_per_part,
		})
	}

	/// How many segments the run has, at most [`MAX_SEGMENTS`].
	pub fn segments(&self) -> u32 {
		if self.epochs_per_segment > 1 {
			self.epochs.div_ceil(self.epochs_per_segment)
		} else {
			self.epochs * self.parts_per_epoch
		}
	}

	/// Where checkpoint `index` (`0..=segments`) is taken; the end of the run past that.
	pub fn checkpoint(&self, index: u32) -> Position {
		let end = Position { epoch: self.epochs, batch: 0 };
		if index >= self.segments() {
			return end;
		}
		if self.epochs_per_segment > 1 {
			return Position { epoch: index * self.epochs_per_segment, batch: 0 };
		}
		Position {
			epoch: index / self.parts_per_epoch,
			batch: (index % self.parts_per_epoch) * self.batches_per_part,
		}
	}

	/// The checkpoint taken when the run reaches `position`, if one is.
	pub fn checkpoint_at(&self, position: Position) -> Option<u32> {
		// A position from an artifact may be anything: past the end there is no checkpoint,
		// and the arithmetic below stays in range.
		if position.epoch > self.epochs || position.batch >= self.batches_per_epoch.max(1) {
			return (position == self.checkpoint(self.segments())).then(|| self.segments());
		}
		let candidate = if self.epochs_per_segment > 1 {
			position.epoch.div_ceil(self.epochs_per_segment)
		} else {
			position.epoch * self.parts_per_epoch + position.batch.div_ceil(self.batches_per_part)
		};
		(candidate <= self.segments() && self.checkpoint(candidate) == position)
			.then_some(candidate)
	}

	/// How many optimiser steps segment `segment` (`1..=segments`) takes: what re-executing
	/// it costs, and what a verification fee is paid for.
	pub fn batches_in(&self, segment: u32) -> u64 {
		if segment == 0 || segment > self.segments() {
			return 0;
		}
		self.steps_before(self.checkpoint(segment))
			- self.steps_before(self.checkpoint(segment - 1))
	}

	/// The optimiser steps of the whole run.
	pub fn total_batches(&self) -> u64 {
		self.epochs as u64 * self.batches_per_epoch as u64
	}

	fn steps_before(&self, position: Position) -> u64 {
		position.epoch as u64 * self.batches_per_epoch as u64 + position.batch as u64
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use proptest::prelude::*;

	#[test]
	fn one_segment_per_epoch_for_short_epochs() {
		// 1797 digits in batches of 32: 57 batches an epoch.
		let layout = TrainingLayout::new(20, 1797, 32).unwrap();
		assert_eq!(layout.segments(), 20);
		assert_eq!(layout.checkpoint(0), Position { epoch: 0, batch: 0 });
		assert_eq!(layout.checkpoint(13), Position { epoch: 13, batch: 0 });
		assert_eq!(layout.checkpoint(20), Position { epoch: 20, batch: 0 });
		assert_eq!(layout.batches_in(1), 57);
		assert_eq!(layout.checkpoint_at(Position { epoch: 7, batch: 0 }), Some(7));
		assert_eq!(layout.checkpoint_at(Position { epoch: 7, batch: 3 }), None);
		assert_eq!(layout.checkpoint_at(Position { epoch: u32::MAX, batch: u32::MAX }), None);
		assert_eq!(layout.checkpoint_at(Position { epoch: 3, batch: 57 }), None);
	}

	#[test]
	fn long_epochs_split_and_many_epochs_group() {
		// 100 000 rows in batches of 32: 3125 batches, split in 13 parts of 241 (the last 233).
		let layout = TrainingLayout::new(2, 100_000, 32).unwrap();
		assert_eq!((layout.parts_per_epoch, layout.batches_per_part), (13, 241));
		assert_eq!(layout.segments(), 26);
		assert_eq!(layout.checkpoint(14), Position { epoch: 1, batch: 241 });
		assert_eq!(layout.batches_in(13), 3125 - 12 * 241);
		// Parts are capped so that the segments stay within the bound.
		let capped = TrainingLayout::new(40, 100_000, 1).unwrap();
		assert_eq!(capped.parts_per_epoch, 1);
		assert_eq!(capped.segments(), 40);
		let grouped = TrainingLayout::new(1000, 10, 1).unwrap();
		assert_eq!((grouped.epochs_per_segment, grouped.segments()), (16, 63));
		assert_eq!(grouped.checkpoint(63), Position { epoch: 1000, batch: 0 });
		assert_eq!(grouped.batches_in(63), (1000 - 62 * 16) * 10);
		assert_eq!(TrainingLayout::new(0, 1, 1), None);
	}

	proptest! {
		#[test]
		fn segments_partition_the_run(epochs in 1u32..=1000, rows in 1u32..=200_000, batch in 1u32..=4096) {
			let layout = TrainingLayout::new(epochs, rows, batch).unwrap();
			let segments = layout.segments();
			prop_assert!((1..=MAX_SEGMENTS).contains(&segments));
			prop_assert_eq!(layout.checkpoint(0), Position::default());
			prop_assert_eq!(layout.checkpoint(segments), Position { epoch: epochs, batch: 0 });
			let mut total = 0u64;
			for segment in 1..=segments {
				let steps = layout.batches_in(segment);
				prop_assert!(steps > 0, "segment {} is empty", segment);
				prop_assert!(layout.checkpoint(segment - 1) < layout.checkpoint(segment));
				prop_assert_eq!(layout.checkpoint_at(layout.checkpoint(segment)), Some(segment));
				total += steps;
			}
			prop_assert_eq!(total, layout.total_batches());
		}
	}
}
