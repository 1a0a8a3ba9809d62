//! The four-validator `local` network on loopback.

use std::{
	path::{Path, PathBuf},
	time::{Duration, Instant},
};

use anyhow::{bail, Result};
use subxt::{
	rpcs::{rpc_params, RpcClient},
	OnlineClient, PolkadotConfig,
};

use crate::{finalized_head, BlockId, Node};

/// The committed raw chain spec of the `local` network.
pub fn local_chain_spec() -> PathBuf {
	crate::repo_root().join("chain-spec/local.json")
}

/// Alice, Bob, Charlie and Dave, each a validator with its own base path and ports.
pub struct LocalNetwork {
	pub nodes: Vec<Node>,
	pub rpcs: Vec<RpcClient>,
	pub apis: Vec<OnlineClient<PolkadotConfig>>,
}

impl LocalNetwork {
	/// Starts Alice, then the others with Alice as their bootnode, and connects to each.
	pub async fn start(dir: &Path) -> Result<LocalNetwork> {
		let spec = local_chain_spec();
		let spec = spec.to_str().expect("a UTF-8 path");
		let mut nodes = Vec::new();
		let mut rpcs = Vec::new();
		let mut apis = Vec::new();
		let mut bootnode: Option<String> = None;
		for (i, name) in ["alice", "bob", "charlie", "dave"].into_iter().enumerate() {
			// A fixed network key per node keeps its peer id across restarts.
			let node_key = format!("{:064x}", i + 1);
			let flag = format!("--{name}");
			let mut args =
				vec!["--chain", spec, flag.as_str(), "--node-key", &node_key, "--allow-private-ip"];
			let boot;
			if let Some(b) = &bootnode {
				boot = b.clone();
				args.extend(["--bootnodes", boot.as_str()]);
			}
			let mut node = Node::start(name, &dir.join(name), &args)?;
			let (rpc, api) = node.connect().await?;
			if bootnode.is_none() {
				let peer_id: String = rpc.request("system_localPeerId", rpc_params![]).await?;
				bootnode = Some(format!("/ip4/127.0.0.1/tcp/{}/p2p/{peer_id}", node.p2p_port));
			}
			nodes.push(node);
			rpcs.push(rpc);
			apis.push(api);
		}
		Ok(LocalNetwork { nodes, rpcs, apis })
	}

	/// Waits for a moment when every node reports the same finalized head, and returns it.
	pub async fn agreed_finalized_head(&self, timeout: Duration) -> Result<BlockId> {
		let deadline = Instant::now() + timeout;
		loop {
			let mut heads = Vec::new();
			for rpc in &self.rpcs {
				heads.push(finalized_head(rpc).await?);
			}
			if heads.windows(2).all(|w| w[0] == w[1]) {
				return Ok(heads.remove(0));
			}
			if Instant::now() > deadline {
				bail!("the nodes never agreed on a finalized head within {timeout:?}: {heads:?}");
			}
			tokio::time::sleep(Duration::from_millis(200)).await;
		}
	}

	/// Stops every node with SIGINT.
	pub fn stop_all(&mut self) {
		for node in &mut self.nodes {
			node.stop();
		}
	}
}
