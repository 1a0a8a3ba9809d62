//! A worker outlives its node: a miner following a dev node's finalized blocks (by
//! subscription) loses the node when it stops, keeps trying with growing waits while it is
//! down, reconnects when it is back on the same port, and goes on following the chain.

use std::time::Duration;

use anyhow::{anyhow, bail, ensure, Result};
use synod_e2e::*;

/// The miner's `synod_worker_finalized_block`, read from its metrics port.
fn finalized_seen(metrics_addr: &str) -> Result<u64> {
	use std::io::{Read, Write};
	let mut stream = std::net::TcpStream::connect(metrics_addr)?;
	stream.set_read_timeout(Some(Duration::from_secs(10)))?;
	write!(stream, "GET /metrics HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")?;
	let mut response = String::new();
	stream.read_to_string(&mut response)?;
	response
		.lines()
		.find(|line| line.starts_with("synod_worker_finalized_block{"))
		.and_then(|line| line.rsplit(' ').next())
		.and_then(|value| value.parse().ok())
		.ok_or_else(|| anyhow!("no finalized block in the worker's metrics: {response}"))
}

/// Waits until the miner has handled a finalized block above `above`; returns it.
async fn wait_for_progress(miner: &Worker, metrics_addr: &str, above: u64) -> Result<u64> {
	let deadline = tokio::time::Instant::now() + Duration::from_secs(90);
	loop {
		if let Ok(seen) = finalized_seen(metrics_addr) {
			if seen > above {
				return Ok(seen);
			}
		}
		if tokio::time::Instant::now() > deadline {
			bail!("{} handled no block after #{above}:\n{}", miner.name, miner.log_tail());
		}
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
}

#[tokio::test]
async fn a_worker_reconnects_when_its_node_comes_back() -> Result<()> {
	let dir = tempfile::tempdir()?;
	let mut node = Node::start("dev", dir.path(), &["--dev"])?;
	node.connect().await?;
	let metrics_addr = format!("127.0.0.1:{}", free_port());
	let url = node.ws_url();
	let miner = Worker::start(
		"miner",
		dir.path(),
		&url,
		&[
			"miner",
			"--hotkey",
			"//Synod//reconnecting",
			"--netuid",
			"1",
			"--metrics-listen",
			&metrics_addr,
		],
	)?;
	miner.wait_for_log("miner running", Duration::from_secs(120)).await?;
	let before = wait_for_progress(&miner, &metrics_addr, 1).await?;

	node.kill();
	miner.wait_for_log("lost the node", Duration::from_secs(60)).await?;
	// Down for a while: the miner retries (the waits grow) and stays up.
	tokio::time::sleep(Duration::from_secs(8)).await;
	let retries = miner.log().matches("node unreachable; retrying").count();
	ensure!(retries >= 2, "{retries} tries while the node was down:\n{}", miner.log_tail());

	node.restart()?;
	node.connect().await?;
	let after = wait_for_progress(&miner, &metrics_addr, before).await?;
	let connected = miner.log().matches("connected").count();
	ensure!(connected >= 2, "connected {connected} times:\n{}", miner.log_tail());
	ensure!(after > before, "#{after} after #{before}");
	Ok(())
}
