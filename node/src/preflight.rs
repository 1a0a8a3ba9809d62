//! Checks made before the node starts, so that bad settings stop it with a clear error.
//!
//! Left alone, the RPC server moves to a random port when its port is taken, and the network
//! starts with no listen address at all: a node that looks healthy but that nobody can reach
//! where they were told to. A port given to the node must be the port it serves on.

use std::net::{IpAddr, SocketAddr, TcpListener};

use sc_network::multiaddr::Protocol;
use sc_service::Configuration;

/// A TCP address the node is configured to listen on, and the flag that sets it.
struct Listen {
	what: &'static str,
	addr: SocketAddr,
	flag: &'static str,
}

fn tcp_addresses(config: &Configuration) -> Vec<Listen> {
	let mut out = Vec::new();
	for endpoint in config.rpc.addr.iter().flatten() {
		// The default IPv6 endpoint is optional: a machine without IPv6 still runs.
		if !endpoint.is_optional {
			out.push(Listen { what: "RPC", addr: endpoint.listen_addr, flag: "--rpc-port" });
		}
	}
	for multiaddr in &config.network.listen_addresses {
		let mut ip: Option<IpAddr> = None;
		for part in multiaddr.iter() {
			match part {
				Protocol::Ip4(v4) => ip = Some(v4.into()),
				Protocol::Ip6(v6) => ip = Some(v6.into()),
				Protocol::Tcp(port) if port != 0 => {
					if let Some(ip) = ip {
						out.push(Listen {
							what: "P2P",
							addr: SocketAddr::new(ip, port),
							flag: "--port or --listen-addr",
						});
					}
				},
				_ => {},
			}
		}
	}
	if let Some(prometheus) = &config.prometheus_config {
		out.push(Listen { what: "Prometheus", addr: prometheus.port, flag: "--prometheus-port" });
	}
	out
}

/// Fails if any TCP port the node will listen on is already taken.
pub fn ensure_ports_free(config: &Configuration) -> Result<(), String> {
	for Listen { what, addr, flag } in tcp_addresses(config) {
		if addr.is_ipv6() && TcpListener::bind((std::net::Ipv6Addr::LOCALHOST, 0)).is_err() {
			continue; // No IPv6 on this machine: the network stack skips such addresses too.
		}
		if let Err(e) = TcpListener::bind(addr) {
			if e.kind() == std::io::ErrorKind::AddrInUse {
				return Err(format!(
					"{what} port {} on {} is already in use; stop what holds it or choose another with {flag}",
					addr.port(),
					addr.ip()
				));
			}
			return Err(format!("cannot listen for {what} on {addr}: {e}"));
		}
	}
	Ok(())
}
