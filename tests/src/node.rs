//! Starting and stopping node processes.

use std::{
	net::TcpListener,
	path::{Path, PathBuf},
	process::{Child, Command, Stdio},
	time::{Duration, Instant},
};

use anyhow::{bail, Context, Result};
use subxt::{
	rpcs::{rpc_params, RpcClient},
	OnlineClient, PolkadotConfig,
};

/// How long a node may take to answer RPC after it starts. A debug build compiles the runtime
/// with wasmtime at start, which takes a while on a small machine.
pub const STARTUP_TIMEOUT: Duration = Duration::from_secs(180);

/// The checkout these tests run from. Read when the tests run, not when they compile: clones
/// share one target dir, and cargo reuses a workspace crate's build across clones, so a path
/// baked in with `env!` can name another (perhaps deleted) clone.
pub fn repo_root() -> PathBuf {
	let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR")
		.map(PathBuf::from)
		.unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
	manifest_dir.parent().expect("tests/ lies inside the checkout").to_path_buf()
}

/// The `synod-node` binary under test.
pub fn node_binary() -> PathBuf {
	if let Some(path) = std::env::var_os("SYNOD_NODE") {
		return PathBuf::from(path);
	}
	let target = std::env::var_os("CARGO_TARGET_DIR")
		.map(PathBuf::from)
		.unwrap_or_else(|| repo_root().join("target"));
	target.join("debug/synod-node")
}

/// A TCP port on 127.0.0.1 that nothing listens on right now.
pub fn free_port() -> u16 {
	TcpListener::bind("127.0.0.1:0")
		.and_then(|l| l.local_addr())
		.map(|a| a.port())
		.expect("binding an ephemeral port on loopback")
}

/// A running `synod-node`, killed when dropped.
pub struct Node {
	pub name: String,
	pub rpc_port: u16,
	pub p2p_port: u16,
	pub prometheus_port: u16,
	pub base_path: PathBuf,
	pub log_path: PathBuf,
	args: Vec<String>,
	child: Option<Child>,
}

impl Node {
	/// Starts `synod-node` with `args`, its own ports and `base_path`, logging to a file there.
	pub fn start(name: &str, base_path: &Path, args: &[&str]) -> Result<Node> {
		let mut node = Node {
			name: name.to_string(),
			rpc_port: free_port(),
			p2p_port: free_port(),
			prometheus_port: free_port(),
			base_path: base_path.to_path_buf(),
			log_path: base_path.join(format!("{name}.log")),
			args: args.iter().map(|s| s.to_string()).collect(),
			child: None,
		};
		node.spawn()?;
		Ok(node)
	}

	fn spawn(&mut self) -> Result<()> {
		std::fs::create_dir_all(&self.base_path)?;
		let log = std::fs::OpenOptions::new().create(true).append(true).open(&self.log_path)?;
		let child = Command::new(node_binary())
			.args(&self.args)
			.arg("--base-path")
			.arg(&self.base_path)
			.args(["--rpc-port", &self.rpc_port.to_string()])
			.args(["--listen-addr", &format!("/ip4/127.0.0.1/tcp/{}", self.p2p_port)])
			.args(["--prometheus-port", &self.prometheus_port.to_string()])
			.args(["--no-telemetry", "--no-mdns", "--rpc-cors", "all"])
			.stdin(Stdio::null())
			.stdout(log.try_clone()?)
			.stderr(log)
			.spawn()
			.with_context(|| format!("starting {} ({})", self.name, node_binary().display()))?;
		self.child = Some(child);
		Ok(())
	}

	/// The node's WebSocket RPC endpoint.
	pub fn ws_url(&self) -> String {
		format!("ws://127.0.0.1:{}", self.rpc_port)
	}

	/// The node's Prometheus metrics, as its `/metrics` endpoint serves them.
	pub fn metrics(&self) -> Result<String> {
		use std::io::{Read, Write};
		let mut stream = std::net::TcpStream::connect(("127.0.0.1", self.prometheus_port))?;
		stream.set_read_timeout(Some(Duration::from_secs(10)))?;
		write!(stream, "GET /metrics HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")?;
		let mut response = String::new();
		stream.read_to_string(&mut response)?;
		match response.split_once("\r\n\r\n") {
			Some((head, body))
				if head.starts_with("HTTP/1.1 200") || head.starts_with("HTTP/1.0 200") =>
			{
				Ok(body.to_string())
			},
			_ => bail!(
				"bad metrics response from {}: {}",
				self.name,
				response.lines().next().unwrap_or("")
			),
		}
	}

	/// Waits until the node answers RPC, then returns a raw RPC client and a subxt client.
	pub async fn connect(&mut self) -> Result<(RpcClient, OnlineClient<PolkadotConfig>)> {
		let deadline = Instant::now() + STARTUP_TIMEOUT;
		loop {
			if let Some(child) = self.child.as_mut() {
				if let Some(status) = child.try_wait()? {
					bail!(
						"{} exited with {status} before answering RPC:\n{}",
						self.name,
						self.log_tail()
					);
				}
			}
			if let Ok(rpc) = RpcClient::from_insecure_url(self.ws_url()).await {
				if rpc.request::<serde_json::Value>("system_health", rpc_params![]).await.is_ok() {
					let api = OnlineClient::<PolkadotConfig>::from_rpc_client(rpc.clone()).await?;
					return Ok((rpc, api));
				}
			}
			if Instant::now() > deadline {
				bail!(
					"{} did not answer RPC within {STARTUP_TIMEOUT:?}:\n{}",
					self.name,
					self.log_tail()
				);
			}
			tokio::time::sleep(Duration::from_millis(500)).await;
		}
	}

	/// Kills the process with SIGKILL, as a crash would, and waits for it to go.
	pub fn kill(&mut self) {
		if let Some(mut child) = self.child.take() {
			let _ = child.kill();
			let _ = child.wait();
		}
	}

	/// Starts the process again with the same arguments, ports and base path.
	pub fn restart(&mut self) -> Result<()> {
		self.kill();
		self.spawn()
	}

	/// Stops the process with SIGINT, as Ctrl-C would, and returns its exit status.
	pub fn stop(&mut self) -> Option<std::process::ExitStatus> {
		let mut child = self.child.take()?;
		// SAFETY: `kill` has no memory-safety preconditions; the pid is our own child's.
		unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
		let deadline = Instant::now() + Duration::from_secs(30);
		while Instant::now() < deadline {
			if let Ok(Some(status)) = child.try_wait() {
				return Some(status);
			}
			std::thread::sleep(Duration::from_millis(100));
		}
		let _ = child.kill();
		child.wait().ok()
	}

	/// The last lines of the node's log, for failure messages.
	pub fn log_tail(&self) -> String {
		let text = std::fs::read_to_string(&self.log_path).unwrap_or_default();
		let lines: Vec<&str> = text.lines().collect();
		lines[lines.len().saturating_sub(40)..].join("\n")
	}
}

impl Drop for Node {
	fn drop(&mut self) {
		self.kill();
	}
}

/// Runs `synod-node` with `args` to completion and returns (exit success, stdout + stderr).
pub fn run_node_command(args: &[&str], timeout: Duration) -> Result<(bool, String)> {
	let child = Command::new(node_binary())
		.args(args)
		.stdin(Stdio::null())
		.stdout(Stdio::piped())
		.stderr(Stdio::piped())
		.spawn()
		.context("starting synod-node")?;
	let pid = child.id() as i32;
	// Read the pipes on another thread while this one keeps the time: a chain spec is
	// megabytes, more than a pipe holds, so waiting without reading would never end.
	let (done, outcome) = std::sync::mpsc::channel();
	std::thread::spawn(move || {
		let _ = done.send(child.wait_with_output());
	});
	let output = match outcome.recv_timeout(timeout) {
		Ok(output) => output?,
		Err(_) => {
			// SAFETY: `kill` has no memory-safety preconditions; the pid is our own child's.
			unsafe { libc::kill(pid, libc::SIGKILL) };
			bail!("synod-node {args:?} did not exit within {timeout:?}");
		},
	};
	let text = format!(
		"{}{}",
		String::from_utf8_lossy(&output.stdout),
		String::from_utf8_lossy(&output.stderr)
	);
	Ok((output.status.success(), text))
}
