//! Progress that must survive a restart, kept in a JSON file written atomically (a temporary
//! file, synced, then renamed over the old one), so that a crash leaves the old state or the
//! new one, never half of either.

use anyhow::{Context, Result};
use serde::{de::DeserializeOwned, Serialize};
use std::{
	fs,
	io::Write,
	path::{Path, PathBuf},
};

/// A value of type `T` mirrored to a file.
pub struct StateFile<T> {
	path: PathBuf,
	pub value: T,
}

impl<T: Serialize + DeserializeOwned + Default> StateFile<T> {
	/// Loads the state at `path`, or the default if there is none yet.
	pub fn open(path: &Path) -> Result<Self> {
		let value = match fs::read(path) {
			Ok(bytes) => serde_json::from_slice(&bytes)
				.with_context(|| format!("state file {} is corrupt", path.display()))?,
			Err(e) if e.kind() == std::io::ErrorKind::NotFound => T::default(),
			Err(e) => return Err(e).with_context(|| format!("reading {}", path.display())),
		};
		Ok(Self { path: path.to_path_buf(), value })
	}

	/// Writes the current value.
	pub fn save(&self) -> Result<()> {
		let tmp = self.path.with_extension("tmp");
		let mut file = fs::File::create(&tmp)?;
		file.write_all(&serde_json::to_vec_pretty(&self.value)?)?;
		file.sync_all()?;
		fs::rename(&tmp, &self.path)
			.with_context(|| format!("replacing {}", self.path.display()))?;
		Ok(())
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use std::collections::BTreeMap;

	#[test]
	fn state_survives_a_reopen_and_a_corrupt_file_is_an_error() {
		let dir = std::env::temp_dir().join(format!("synod-state-{}", std::process::id()));
		fs::create_dir_all(&dir).unwrap();
		let path = dir.join("state.json");
		let mut state = StateFile::<BTreeMap<u64, String>>::open(&path).unwrap();
		assert!(state.value.is_empty());
		state.value.insert(7, "committed".into());
		state.save().unwrap();
		assert_eq!(StateFile::<BTreeMap<u64, String>>::open(&path).unwrap().value, state.value);
		fs::write(&path, b"{ half").unwrap();
		assert!(StateFile::<BTreeMap<u64, String>>::open(&path).is_err());
		fs::remove_dir_all(dir).unwrap();
	}
}
