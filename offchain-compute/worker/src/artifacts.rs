//! Artifacts by content hash: a local store, and a fetcher that downloads from others and
//! checks every byte against the hash the chain holds. The `server` module publishes the store.

use anyhow::{anyhow, bail, Context, Result};
use std::{
	fs,
	io::{BufWriter, Read, Write},
	net::{IpAddr, SocketAddr, ToSocketAddrs},
	path::{Path, PathBuf},
	sync::atomic::{AtomicU64, Ordering},
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
			let tmp = self.partial_path_of(&hash);
			fs::write(&tmp, bytes)?;
			fs::rename(&tmp, &path)?;
		}
		Ok(hash)
	}

	/// A name of its own for a file on its way to `path_of(hash)`: two writers of the same
	/// artifact (a parent and its child, two roles) never write into one another's file.
	fn partial_path_of(&self, hash: &ContentHash) -> PathBuf {
		static NEXT: AtomicU64 = AtomicU64::new(0);
		let n = NEXT.fetch_add(1, Ordering::Relaxed);
		self.dir.join(format!("{}.part-{}-{n}", hash::to_hex(hash), std::process::id()))
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
		let path = self.path_of(hash);
		// The size is read before the bytes: a stored artifact over what this job declares is
		// refused without loading it.
		if let Ok(stored) = fs::metadata(&path) {
			if stored.len() > max_bytes {
				let message = format!(
					"{} is {} bytes, over the {max_bytes} its job declares",
					hash::to_hex(hash),
					stored.len()
				);
				return Err(Unacceptable(message).into());
			}
		}
		if let Some(bytes) = self.get(hash)? {
			return Ok(bytes);
		}
		let tmp = self.partial_path_of(hash);
		let downloaded = download_to(uri, self.addresses, max_bytes, &tmp);
		let (actual, length) = match downloaded {
			Ok(done) => done,
			Err(error) => {
				let _ = fs::remove_file(&tmp);
				return Err(error);
			},
		};
		if actual != *hash {
			let _ = fs::remove_file(&tmp);
			return Err(Unacceptable(format!(
				"{uri} served {length} bytes hashing to {}, not the {} the chain names",
				hash::to_hex(&actual),
				hash::to_hex(hash)
			))
			.into());
		}
		fs::rename(&tmp, &path).with_context(|| format!("storing {}", path.display()))?;
		// Hashed on its way in: read back without hashing it a second time.
		fs::read(&path).with_context(|| format!("reading {}", path.display()))
	}
}

impl Store {
	/// Downloads `uri`, of an artifact whose hash nobody named in advance (a checkpoint of a
	/// trace, checked against a leaf), within `max_bytes`, and keeps it only if `accept`
	/// takes its hash; returns the hash and the bytes. The bound is the caller's, not
	/// [`MAX_ARTIFACT_BYTES`]: a checkpoint holds about three times its model, which may
	/// itself be that large.
	pub fn fetch_matching(
		&self,
		uri: &str,
		max_bytes: u64,
		accept: impl Fn(&ContentHash) -> bool,
	) -> Result<(ContentHash, Vec<u8>)> {
		let tmp = self.partial_path_of(&ContentHash::default());
		let downloaded = download_to(uri, self.addresses, max_bytes, &tmp);
		let (actual, length) = match downloaded {
			Ok(done) if accept(&done.0) => done,
			Ok((actual, length)) => {
				let _ = fs::remove_file(&tmp);
				return Err(Unacceptable(format!(
					"{uri} served {length} bytes hashing to {}, which its trace does not commit to",
					hash::to_hex(&actual)
				))
				.into());
			},
			Err(error) => {
				let _ = fs::remove_file(&tmp);
				return Err(error);
			},
		};
		let path = self.path_of(&actual);
		fs::rename(&tmp, &path).with_context(|| format!("storing {}", path.display()))?;
		let bytes = fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
		tracing::debug!(%uri, length, "fetched a checkpoint its trace commits to");
		Ok((actual, bytes))
	}
}

/// A writer that hashes what passes through it, as [`content_hash`] would hash it whole.
struct Hashing<W> {
	inner: W,
	state: blake2b_simd::State,
}

impl<W: Write> Write for Hashing<W> {
	fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
		let written = self.inner.write(buf)?;
		self.state.update(&buf[..written]);
		Ok(written)
	}

	fn flush(&mut self) -> std::io::Result<()> {
		self.inner.flush()
	}
}

/// Downloads `uri` into the file `to` (created or truncated) as it arrives, within
/// [`FETCH_TIMEOUT`] and `max_bytes`, and returns the content hash and length of what was
/// written. Memory stays at a buffer's worth whatever the server sends; the file never holds
/// more than `max_bytes` plus one buffer.
pub fn download_to(
	uri: &str,
	addresses: Addresses,
	max_bytes: u64,
	to: &Path,
) -> Result<(ContentHash, u64)> {
	let file = fs::File::create(to).with_context(|| format!("creating {}", to.display()))?;
	let state = blake2b_simd::Params::new().hash_length(32).to_state();
	let mut sink = Hashing { inner: BufWriter::new(file), state };
	let length = stream(uri, addresses, max_bytes, &mut sink)?;
	sink.flush().with_context(|| format!("writing {}", to.display()))?;
	let mut hash = ContentHash::default();
	hash.copy_from_slice(sink.state.finalize().as_bytes());
	Ok((hash, length))
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

/// Downloads `uri` into memory, as [`download_to`] does to a file: for small answers (a
/// trace's proof, the tests'); artifacts go to files.
pub fn download(uri: &str, addresses: Addresses, max_bytes: u64) -> Result<Vec<u8>> {
	let mut bytes = Vec::new();
	stream(uri, addresses, max_bytes, &mut bytes)?;
	Ok(bytes)
}

/// Copies `uri` into `sink` within [`FETCH_TIMEOUT`] and `max_bytes`, connecting only to
/// `addresses`, and returns how many bytes it copied. The check is in the resolver, so the
/// address checked is the one connected to (no second lookup for a rebinding name to
/// change). A body over `max_bytes` is refused as [`Unacceptable`], by its declared length
/// before any byte of it is read, or at the first byte past the limit.
fn stream(uri: &str, addresses: Addresses, max_bytes: u64, sink: &mut impl Write) -> Result<u64> {
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
	let copied = std::io::copy(&mut response.into_reader().take(max_bytes + 1), sink)
		.with_context(|| format!("downloading {uri}"))?;
	if copied > max_bytes {
		let message = format!("{uri} is over the {max_bytes}-byte limit");
		return Err(Unacceptable(message).into());
	}
	Ok(copied)
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

	/// Serves one connection with an endless body and no declared length, as a hostile
	/// artifact host would, and returns its URL.
	fn endless_server() -> String {
		let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
		let url = format!("http://{}/artifacts/x", listener.local_addr().unwrap());
		std::thread::spawn(move || {
			let (mut conn, _) = listener.accept().unwrap();
			let mut request = [0u8; 1024];
			let _ = conn.read(&mut request);
			let _ = conn.write_all(b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n");
			let chunk = vec![7u8; 64 * 1024];
			// Until the client hangs up (at most 1 GiB, so a broken client ends the test).
			for _ in 0..16 * 1024 {
				if conn.write_all(&chunk).is_err() {
					break;
				}
			}
		});
		url
	}

	#[test]
	fn downloads_stream_to_disk_and_stop_at_the_declared_size() {
		let dir = std::env::temp_dir().join(format!("synod-streamed-{}", std::process::id()));
		let store = Store::open(&dir.join("a")).unwrap().with_addresses(Addresses::AllowPrivate);
		// A body with no length and no end is cut at the limit, and nothing of it stays.
		let claimed = content_hash(b"what the chain names");
		let e = store.fetch_within(&claimed, &endless_server(), 100_000).unwrap_err();
		assert!(e.downcast_ref::<Unacceptable>().is_some(), "{e:#}");
		assert!(format!("{e:#}").contains("over the 100000-byte limit"), "{e:#}");
		let left: Vec<_> = fs::read_dir(dir.join("a/artifacts")).unwrap().collect();
		assert!(left.is_empty(), "a refused download leaves nothing behind: {left:?}");
		// A large artifact arrives through the file, hashed on the way as it is hashed whole.
		let served = Store::open(&dir.join("b")).unwrap();
		let bytes: Vec<u8> = (0..3_000_000u32).map(|i| (i * 31 % 251) as u8).collect();
		let hash = served.put(&bytes).unwrap();
		let server = TestServer::start(served);
		let to = dir.join("streamed");
		let (streamed, length) =
			download_to(&server.url_of(&hash), Addresses::AllowPrivate, 3_000_000, &to).unwrap();
		assert_eq!((streamed, length), (hash, 3_000_000));
		assert_eq!(fs::read(&to).unwrap(), bytes);
		assert_eq!(store.fetch_within(&hash, &server.url_of(&hash), 3_000_000).unwrap(), bytes);
		let names: Vec<_> = fs::read_dir(dir.join("a/artifacts"))
			.unwrap()
			.map(|entry| entry.unwrap().file_name().into_string().unwrap())
			.collect();
		assert_eq!(names, [hash::to_hex(&hash)], "only the checked artifact is stored");
		// Once stored, a job declaring less is refused by the file's size alone.
		let e = store.fetch_within(&hash, "http://unused.invalid/", 2_999_999).unwrap_err();
		assert!(e.downcast_ref::<Unacceptable>().is_some(), "{e:#}");
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
