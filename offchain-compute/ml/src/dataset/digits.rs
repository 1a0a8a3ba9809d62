//! The UCI "Optical Recognition of Handwritten Digits" set (E. Alpaydin and C. Kaynak, 1998;
//! CC BY 4.0), as scikit-learn ships it: 1,797 images of 8×8 pixels, values 0 to 16, and
//! their digit. Bundled in `data/digits.csv.gz` (see `data/README.md`).

use super::{csv, Dataset, Targets};
use crate::MlError;
use std::io::Read;

const DIGITS_CSV_GZ: &[u8] = include_bytes!("../../data/digits.csv.gz");

/// Side of each image, in pixels.
pub const SIDE: usize = 8;

/// The digits, pixels scaled to `[0, 1]` (divided by 16, exactly), labelled 0–9.
pub fn load() -> Result<Dataset, MlError> {
	let mut text = String::new();
	flate2::read::GzDecoder::new(DIGITS_CSV_GZ).read_to_string(&mut text)?;
	let raw = csv::parse(&text, csv::TargetColumn::LastClass)?;
	let Targets::Classes { labels, .. } = raw.targets().clone() else {
		unreachable!("parsed with a class column")
	};
	let scaled = raw.values().iter().map(|v| v / 16.0).collect();
	Dataset::new(raw.features(), scaled, Targets::Classes { classes: 10, labels })
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn the_bundled_set_is_the_published_one() {
		let digits = load().unwrap();
		assert_eq!((digits.rows(), digits.features(), digits.classes()), (1797, 64, Some(10)));
		let Targets::Classes { labels, .. } = digits.targets() else { panic!() };
		let mut per_class = [0usize; 10];
		labels.iter().for_each(|l| per_class[*l as usize] += 1);
		// scikit-learn's documented class sizes.
		assert_eq!(per_class, [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]);
		assert!(digits.values().iter().all(|v| (0.0..=1.0).contains(v)));
	}
}
