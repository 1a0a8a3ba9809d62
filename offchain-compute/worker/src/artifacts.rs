//! Artifacts by content hash: a local store, and a fetcher that downloads from others and
//! checks every byte against the hash the chain holds. The `server` module publishes the store.

use anyhow::{anyhow, bail, Context, Result};
use std::{
	fs,
	io::Read,
	net::{IpAddr, SocketAddr, ToSocketAddrs},
	path::{Path, PathBuf},
	time::Duration,
};
use synod_ml::{content_hash, hash, ContentHash};

/// The largest artifact the worker downloads (the largest dataset a job may name).
pub const MAX_ARTIFACT_BYTES: u64 = synod_cost::MAX_ARTIFACT_BYTES;
/// How long a download may take, connection included.
pub const FETCH_TIMEOUT: Duration = Duration::from_secs(60);

/// Which addresses a download may connect to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Addresses {
	/// Public addresses only: a job's URI cannot make the worker reach into the network
	/// it runs in (a cloud's metadata service, an admin page on loopback).
	#[default]
	PublicOnly,
	/// Any address, for local networks (`--allow-private-addresses`).
	AllowPrivate,
}

/// Whether `ip` is on the public internet: not loopback, private, link-local, shared
/// (carrier-grade NAT), unspecified, broadcast, documentation or unique-local.
pub fn is_public(ip: IpAddr) -> bool {
	match ip {
		IpAddr::V4(v4) => {
			let [a, b, ..] = v4.octets();
			!(v4.is_loopback()
				|| v4.is_private()
				|| v4.is_link_local()
				|| v4.is_unspecified()
				|| v4.is_broadcast()
				|| v4.is_documentation()
				|| a == 0 || (a == 100 && (64..128).contains(&b)))
		},
		IpAddr::V6(v6) => {
			if let Some(v4) = v6.to_ipv4_mapped() {
				return is_public(IpAddr::V4(v4));
			}
			let first = v6.segments()[0];
			!(v6.is_loopback()
				|| v6.is_unspecified()
				|| (first & 0xfe00) == 0xfc00
				|| (first & 0xffc0) == 0xfe80)
		},
	}
}

/// Files named by their content hash under `<data-dir>/artifacts`.
#[derive(Clone)]
pub struct Store {
	dir: PathBuf,
	addresses: Addresses,
}

impl Store {
	/// The store under `data_dir`, downloading from public addresses only.
	pub fn open(data_dir: &Path) -> Result<Self> {
		let dir = data_dir.join("artifacts");
		fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
		Ok(Self { dir, addresses: Addresses::PublicOnly })
	}

	/// The same store, downloading from the `addresses` given.
	pub fn with_addresses(mut self, addresses: Addresses) -> Self {
		self.addresses = addresses;
		self
	}

	/// The data directory the store is under.
	pub fn data_dir(&self) -> &Path {
		self.dir.parent().unwrap_or(&self.dir)
	}

	/// Which addresses its downloads may connect to.
	pub fn addresses(&self) -> Addresses {
		self.addresses
	}

	/// Where the artifact of `hash` is (or would be) stored: a name made from the hash alone,
	/// so nothing outside the store is ever named.
	pub fn path_of(&self, hash: &ContentHash) -> PathBuf {
		self.dir.join(hash::to_hex(hash))
	}

	/// Stores `bytes` (atomically) and returns their hash.
	pub fn put(&self, bytes: &[u8]) -> Result<ContentHash> {
		let hash = content_hash(bytes);
		let path = self.path_of(&hash);
		if !path.exists() {
			let tmp = path.with_extension("part");
			fs::write(&tmp, bytes)?;
			fs::rename(&tmp, &path)?;
		}
		Ok(hash)
	}

	/// The stored bytes of `hash`, checked again (a disk can rot).
	pub fn get(&self, hash: &ContentHash) -> Result<Option<Vec<u8>>> {
		match fs::read(self.path_of(hash)) {
			Ok(bytes) if content_hash(&bytes) == *hash => Ok(Some(bytes)),
			Ok(_) => bail!("stored artifact {} does not match its hash", hash::to_hex(hash)),
			Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
			Err(e) => Err(e.into()),
		}
	}

	/// The bytes of `hash`: from the store, else downloaded from `uri`, checked, and stored.
	pub fn fetch(&self, hash: &ContentHash, uri: &str) -> Result<Vec<u8>> {
		self.fetch_within(hash, uri, MAX_ARTIFACT_BYTES)
	}

	/// [`Self::fetch`], refusing an artifact over `max_bytes` (what its job declared) before
	/// reading more than that.
	pub fn fetch_within(&self, hash: &ContentHash, uri: &str, max_bytes: u64) -> Result<Vec<u8>> {
		let max_bytes = max_bytes.min(MAX_ARTIFACT_BYTES);
		if let Some(bytes) = self.get(hash)? {
			if bytes.len() as u64 > max_bytes {
				let message = format!(
					"{} is {} bytes, over the {max_bytes} its job declares",
					hash::to_hex(hash),
					bytes.len()
				);
				return Err(Unacceptable(message).into());
			}
			return Ok(bytes);
		}
		let bytes = download(uri, self.addresses, max_bytes)?;
		let actual = content_hash(&bytes);
		if actual != *hash {
			return Err(Unacceptable(format!(
				"{uri} served {} bytes hashing to {}, not the {} the chain names",
				bytes.len(),
				hash::to_hex(&actual),
				hash::to_hex(hash)
			))
			.into());
		}
		self.put(&bytes)?;
		Ok(bytes)
	}
}

/// An artifact that was served but is not the one the chain names, or is over the size
/// limit: every honest party that fetches it finds the same, so a job that names it is
/// refused rather than left undone.
#[derive(Debug)]
pub struct Unacceptable(pub String);

impl std::fmt::Display for Unacceptable {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		f.write_str(&self.0)
	}
}

impl std::error::Error for Unacceptable {}

/// Downloads `uri` within [`FETCH_TIMEOUT`] and `max_bytes`, connecting only to
/// `addresses`. The check is in the resolver, so the address checked is the one connected
/// to (no second lookup for a rebinding name to change).
pub fn download(uri: &str, addresses: Addresses, max_bytes: u64) -> Result<Vec<u8>> {
	if !(uri.starts_with("http://") || uri.starts_with("https://")) {
		bail!("{uri} is not an http(s) URL");
	}
	let resolver = move |netloc: &str| -> std::io::Result<Vec<SocketAddr>> {
		let all: Vec<SocketAddr> = netloc.to_socket_addrs()?.collect();
		if addresses == Addresses::AllowPrivate {
			return Ok(all);
		}
		let public: Vec<SocketAddr> = all.iter().copied().filter(|a| is_public(a.ip())).collect();
		if public.is_empty() {
			return Err(std::io::Error::new(
				std::io::ErrorKind::PermissionDenied,
				format!(
					"{netloc} resolves only to private addresses ({all:?}); \
					 --allow-private-addresses lets a local network through"
				),
			));
		}
		Ok(public)
	};
	let agent = ureq::AgentBuilder::new().timeout(FETCH_TIMEOUT).resolver(resolver).build();
	let response = agent.get(uri).call().map_err(|e| anyhow!("fetching {uri}: {e}"))?;
	if let Some(length) = response.header("Content-Length").and_then(|l| l.parse::<u64>().ok()) {
		if length > max_bytes {
			let message = format!("{uri} is {length} bytes, over the {max_bytes}-byte limit");
			return Err(Unacceptable(message).into());
		}
	}
	let mut bytes = Vec::new();
	response.into_reader().take(max_bytes + 1).read_to_end(&mut bytes)?;
	if bytes.len() as u64 > max_bytes {
		let message = format!("{uri} is over the {max_bytes}-byte limit");
		return Err(Unacceptable(message).into());
	}
	Ok(bytes)
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::server::TestServer;

	#[test]
	fn served_artifacts_are_fetched_and_checked() {
		let dir = std::env::temp_dir().join(format!("synod-artifacts-{}", std::process::id()));
		let (a, b) = (dir.join("a"), dir.join("b"));
		let store = Store::open(&a).unwrap();
		let hash = store.put(b"weights").unwrap();
		let server = TestServer::start(store);
		// By default a worker does not download from loopback: a job cannot point it there.
		let guarded = Store::open(&b).unwrap();
		let e = guarded.fetch(&hash, &server.url_of(&hash)).unwrap_err();
		assert!(format!("{e:#}").contains("private addresses"), "{e:#}");
		assert!(guarded.get(&hash).unwrap().is_none());
		let other = Store::open(&b).unwrap().with_addresses(Addresses::AllowPrivate);
		assert_eq!(other.fetch(&hash, &server.url_of(&hash)).unwrap(), b"weights");
		assert_eq!(other.get(&hash).unwrap().unwrap(), b"weights");
		// Over what its job declares, an artifact is unacceptable, downloaded or stored.
		let e = download(&server.url_of(&hash), Addresses::AllowPrivate, 6).unwrap_err();
		assert!(e.downcast_ref::<Unacceptable>().is_some(), "{e:#}");
		let e = other.fetch_within(&hash, &server.url_of(&hash), 6).unwrap_err();
		assert!(e.downcast_ref::<Unacceptable>().is_some(), "{e:#}");
		assert_eq!(other.fetch_within(&hash, &server.url_of(&hash), 7).unwrap(), b"weights");

		// A server that sends other bytes than the hash names is caught.
		let wrong = content_hash(b"other weights");
		let e = other.fetch(&wrong, &server.url_of(&hash)).unwrap_err().to_string();
		assert!(e.contains("not the"), "{e}");
		// Unknown hashes, malformed names and other paths are refused.
		let any = Addresses::AllowPrivate;
		assert!(download(&server.url_of(&wrong), any, MAX_ARTIFACT_BYTES).is_err());
		assert!(download(
			&format!("{}/artifacts/..%2F..%2Fetc", server.public_url),
			any,
			MAX_ARTIFACT_BYTES
		)
		.is_err());
		// The metrics are on a port of their own, not beside the artifacts.
		let beside_artifacts = format!("{}/metrics", server.public_url);
		assert!(download(&beside_artifacts, any, MAX_ARTIFACT_BYTES).is_err());
		let metrics_url = format!("http://{}/metrics", server.metrics_addr);
		let metrics = download(&metrics_url, any, MAX_ARTIFACT_BYTES).unwrap();
		assert!(String::from_utf8(metrics).unwrap().contains("synod_worker_jobs_done_total"));
		assert!(download("ftp://example/x", any, MAX_ARTIFACT_BYTES).is_err());
		fs::remove_dir_all(dir).unwrap();
	}

	#[test]
	fn only_public_addresses_are_public() {
		let public = ["93.184.216.34", "8.8.8.8", "2606:4700::1111"];
		let private = [
			"127.0.0.1",
			"10.1.2.3",
			"172.16.0.1",
			"192.168.1.1",
			"169.254.169.254",
			"100.64.0.1",
			"0.0.0.0",
			"255.255.255.255",
			"::1",
			"fd00::1",
			"fe80::1",
			"::ffff:127.0.0.1",
		];
		for ip in public {
			assert!(is_public(ip.parse().unwrap()), "{ip}");
		}
		for ip in private {
			assert!(!is_public(ip.parse().unwrap()), "{ip}");
		}
	}
}
