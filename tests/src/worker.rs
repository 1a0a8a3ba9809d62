//! Starting `synod-worker` processes: the binary under test is `$SYNOD_WORKER` if set, else
//! `debug/synod-worker` under `$CARGO_TARGET_DIR` (built by `scripts/test.sh`); the attackers
//! run the `fault-injection` build, `$SYNOD_FAULTY_WORKER` or `debug/synod-worker-faulty`.

use std::{
	path::{Path, PathBuf},
	process::{Child, Command, Stdio},
	time::{Duration, Instant},
};

use anyhow::{bail, Context, Result};

pub fn worker_binary() -> PathBuf {
	binary("SYNOD_WORKER", "synod-worker")
}

/// The worker built with `--features fault-injection`, whose roles misbehave on request.
pub fn faulty_worker_binary() -> PathBuf {
	binary("SYNOD_FAULTY_WORKER", "synod-worker-faulty")
}

fn binary(variable: &str, name: &str) -> PathBuf {
	if let Some(path) = std::env::var_os(variable) {
		return PathBuf::from(path);
	}
	let target = std::env::var_os("CARGO_TARGET_DIR")
		.map(PathBuf::from)
		.unwrap_or_else(|| crate::repo_root().join("offchain-compute/target"));
	target.join("debug").join(name)
}

/// A running `synod-worker`, killed when dropped; stderr (its logs) goes to a file.
pub struct Worker {
	pub name: String,
	pub log_path: PathBuf,
	pub stdout_path: PathBuf,
	args: Vec<String>,
	binary: PathBuf,
	child: Option<Child>,
}

impl Worker {
	/// Starts `synod-worker --node <node> --data-dir <dir>/<name> <args>`.
	pub fn start(name: &str, dir: &Path, node: &str, args: &[&str]) -> Result<Worker> {
		Self::start_binary(worker_binary(), name, dir, node, args)
	}

	/// As [`Self::start`], with the fault-injection build (for `--faulty`, `--copy`).
	pub fn start_faulty(name: &str, dir: &Path, node: &str, args: &[&str]) -> Result<Worker> {
		Self::start_binary(faulty_worker_binary(), name, dir, node, args)
	}

	fn start_binary(
		binary: PathBuf,
		name: &str,
		dir: &Path,
		node: &str,
		args: &[&str],
	) -> Result<Worker> {
		let data_dir = dir.join(name);
		std::fs::create_dir_all(&data_dir)?;
		let mut all = vec!["--node".to_string(), node.to_string(), "--data-dir".to_string()];
		all.push(data_dir.display().to_string());
		all.extend(args.iter().map(|a| a.to_string()));
		let mut worker = Worker {
			name: name.to_string(),
			log_path: dir.join(format!("{name}.log")),
			stdout_path: dir.join(format!("{name}.out")),
			args: all,
			binary,
			child: None,
		};
		worker.spawn()?;
		Ok(worker)
	}

	fn spawn(&mut self) -> Result<()> {
		let log = std::fs::OpenOptions::new().create(true).append(true).open(&self.log_path)?;
		let out = std::fs::OpenOptions::new().create(true).append(true).open(&self.stdout_path)?;
		let child = Command::new(&self.binary)
			.args(&self.args)
			.env("RUST_LOG", "info")
			// Every artifact of these tests is served on loopback.
			.env("SYNOD_ALLOW_PRIVATE_ADDRESSES", "true")
			.stdin(Stdio::null())
			.stdout(out)
			.stderr(log)
			.spawn()
			.with_context(|| format!("starting {} ({})", self.name, self.binary.display()))?;
		self.child = Some(child);
		Ok(())
	}

	/// Kills the process with SIGKILL, as a crash would.
	pub fn kill(&mut self) {
		if let Some(mut child) = self.child.take() {
			let _ = child.kill();
			let _ = child.wait();
		}
	}

	/// Starts it again with the same arguments and data directory.
	pub fn restart(&mut self) -> Result<()> {
		self.kill();
		self.spawn()
	}

	/// Waits for the process to exit by itself; returns what it printed on stdout.
	pub async fn finish(&mut self, timeout: Duration) -> Result<String> {
		let deadline = Instant::now() + timeout;
		loop {
			let child = self.child.as_mut().context("not running")?;
			if let Some(status) = child.try_wait()? {
				self.child = None;
				let out = std::fs::read_to_string(&self.stdout_path)?;
				if !status.success() {
					bail!("{} exited with {status}:\n{}", self.name, self.log_tail());
				}
				return Ok(out);
			}
			if Instant::now() > deadline {
				bail!("{} did not finish within {timeout:?}:\n{}", self.name, self.log_tail());
			}
			tokio::time::sleep(Duration::from_millis(500)).await;
		}
	}

	/// The whole log so far.
	pub fn log(&self) -> String {
		std::fs::read_to_string(&self.log_path).unwrap_or_default()
	}

	/// The last lines of its log, for failure messages.
	pub fn log_tail(&self) -> String {
		let log = self.log();
		let lines: Vec<&str> = log.lines().collect();
		lines[lines.len().saturating_sub(40)..].join("\n")
	}

	/// Waits until its log contains `needle`.
	pub async fn wait_for_log(&self, needle: &str, timeout: Duration) -> Result<()> {
		let deadline = Instant::now() + timeout;
		while !self.log().contains(needle) {
			if Instant::now() > deadline {
				bail!("{} never logged {needle:?}:\n{}", self.name, self.log_tail());
			}
			tokio::time::sleep(Duration::from_millis(500)).await;
		}
		Ok(())
	}
}

impl Drop for Worker {
	fn drop(&mut self) {
		self.kill();
	}
}

/// A scratch directory for one test's nodes and workers, removed when dropped unless
/// `$SYNOD_E2E_KEEP` is set (then its path is printed, to read the workers' logs after a
/// failure).
pub fn scratch_dir() -> Result<tempfile::TempDir> {
	let keep = std::env::var_os("SYNOD_E2E_KEEP").is_some();
	let dir = tempfile::Builder::new().prefix("synod-e2e-").disable_cleanup(keep).tempdir()?;
	if keep {
		eprintln!("keeping {}", dir.path().display());
	}
	Ok(dir)
}
