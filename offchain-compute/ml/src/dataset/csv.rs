//! CSV files: one row per line, numbers separated by commas, an optional header line.

use super::{Dataset, Targets};
use crate::MlError;

/// Which column, if any, holds the targets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TargetColumn {
	/// Every column is a feature.
	None,
	/// The last column holds class labels 0, 1, ...; the class count is the largest + 1.
	LastClass,
	/// The last column holds real-valued targets.
	LastValue,
}

/// Parses CSV text. A first line that does not parse as numbers is taken as a header.
pub fn parse(text: &str, target: TargetColumn) -> Result<Dataset, MlError> {
	let mut width = None;
	let mut values = Vec::new();
	let mut column_targets = Vec::new();
	for (index, line) in text.lines().enumerate() {
		let line_no = index + 1;
		let line = line.trim();
		if line.is_empty() {
			continue;
		}
		let cells: Result<Vec<f32>, _> = line.split(',').map(|c| c.trim().parse::<f32>()).collect();
		let cells = match cells {
			Ok(cells) => cells,
			Err(_) if index == 0 => continue,
			Err(e) => return Err(MlError::BadCsv { line: line_no, reason: e.to_string() }),
		};
		match width {
			None => width = Some(cells.len()),
			Some(w) if w != cells.len() => {
				return Err(MlError::BadCsv {
					line: line_no,
					reason: format!("{} columns, earlier lines have {w}", cells.len()),
				})
			},
			_ => {},
		}
		let (features, last) = match target {
			TargetColumn::None => (&cells[..], None),
			_ => (&cells[..cells.len() - 1], cells.last().copied()),
		};
		if features.is_empty() {
			return Err(MlError::BadCsv { line: line_no, reason: "no feature column".into() });
		}
		values.extend_from_slice(features);
		if let Some(last) = last {
			if target == TargetColumn::LastClass && (last < 0.0 || last.fract() != 0.0) {
				return Err(MlError::BadCsv {
					line: line_no,
					reason: format!("label {last} is not a class index 0, 1, ..."),
				});
			}
			column_targets.push(last);
		}
	}
	let width = width.ok_or_else(|| MlError::BadCsv { line: 0, reason: "no data rows".into() })?;
	let features = if target == TargetColumn::None { width } else { width - 1 };
	let targets = match target {
		TargetColumn::None => Targets::None,
		TargetColumn::LastValue => Targets::Values(column_targets),
		TargetColumn::LastClass => {
			let labels: Vec<u32> = column_targets.iter().map(|t| *t as u32).collect();
			let classes = labels.iter().max().map_or(0, |m| m + 1).max(2);
			Targets::Classes { classes, labels }
		},
	};
	Dataset::new(features, values, targets)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn header_labels_and_values_are_read() {
		let data = parse("a,b,label\n1,2,0\n3,4.5,2\n", TargetColumn::LastClass).unwrap();
		assert_eq!((data.rows(), data.features(), data.classes()), (2, 2, Some(3)));
		assert_eq!(data.row(1), &[3.0, 4.5]);
		let reg = parse("1,2,0.5\n", TargetColumn::LastValue).unwrap();
		assert_eq!(reg.targets(), &Targets::Values(vec![0.5]));
	}

	#[test]
	fn ragged_or_bad_lines_are_named() {
		let e = parse("1,2\n1,2,3\n", TargetColumn::None).unwrap_err().to_string();
		assert!(e.contains("line 2") && e.contains("3 columns"), "{e}");
		let e = parse("1,0.5\n", TargetColumn::LastClass).unwrap_err().to_string();
		assert!(e.contains("not a class index"), "{e}");
		let e = parse("1,2\n1,x\n", TargetColumn::None).unwrap_err().to_string();
		assert!(e.contains("line 2"), "{e}");
		assert!(parse("", TargetColumn::None).is_err());
	}
}
