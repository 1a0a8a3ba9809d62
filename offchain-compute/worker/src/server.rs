//! The worker's HTTP servers: its artifacts, for the other parties of its jobs, and its
//! Prometheus metrics, for its operator, each on a listener of its own so that the metrics
//! can stay on loopback while the artifacts are public.
//!
//! The artifact server answers `GET /artifacts/<64 hex>` (and `HEAD`, and `Range` requests)
//! with the stored file of that hash, streamed from disk, and, for the spot-checked jobs it
//! mined, `GET /traces/<job>/checkpoints/<i>`, `/traces/<job>/output` and
//! `/traces/<job>/proof`, each only while the job's [`TraceGate`] lets it through (403
//! otherwise); nothing else. Names are parsed as
//! hashes before any path is built, so no request can reach a path outside the store. Every
//! connection is a task of its own on the runtime, so clients that connect and say nothing,
//! or read slowly, hold up nobody else: a job's other parties can always fetch its results.
//! Connections are bounded too, in all and per peer address, and one that has not sent a
//! whole request head within [`HEADER_READ_TIMEOUT`] is closed: a client cannot hoard the
//! worker's file descriptors by opening connections and trickling bytes into them.
//! The metrics server answers `GET /metrics`.

use crate::{artifacts::Store, metrics::Metrics};
use anyhow::{Context, Result};
use axum::{
	extract::{Path, Request, State},
	http::{header::CONTENT_TYPE, StatusCode},
	response::{IntoResponse, Response},
	routing::get,
	Router,
};
use hyper_util::{
	rt::{TokioIo, TokioTimer},
	service::TowerToHyperService,
};
use std::{
	collections::{BTreeMap, BTreeSet, HashMap},
	net::{IpAddr, SocketAddr},
	sync::{Arc, Mutex},
	time::Duration,
};
use synod_ml::{hash, ContentHash};
use tokio::{net::TcpListener, sync::Semaphore};
use tower::{limit::GlobalConcurrencyLimitLayer, ServiceExt};
use tower_http::{limit::RequestBodyLimitLayer, services::ServeFile, timeout::TimeoutLayer};

/// How many requests each server prepares responses to at once; more wait for a place. A
/// place is held until the response's head is ready (the file opened, the metrics rendered),
/// not while its body streams, so slow readers do not use the places up.
pub const MAX_CONCURRENT_REQUESTS: usize = 64;
/// How long a request may take to get its response's head, after which it is answered 408:
/// opening a file or rendering the metrics takes milliseconds, so only a stuck disk gets
/// there. The body then streams at the client's pace.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// How long a connection may take to send a request's head (its request line and headers),
/// from when it opens or its last response ended; it is closed after that.
pub const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);
/// The most connections each server holds open at once; one more is closed as it arrives.
pub const MAX_CONNECTIONS: usize = 512;
/// The most of them from one peer address: one host cannot take the places of all others.
pub const MAX_CONNECTIONS_PER_PEER: usize = 128;
/// The largest request body accepted. No route reads one; a larger one declared up front is
/// answered 413 at once rather than drained.
pub const MAX_REQUEST_BODY_BYTES: usize = 1024;

/// The Prometheus text exposition format.
const METRICS_CONTENT_TYPE: &str = "text/plain; version=0.0.4; charset=utf-8";

/// A worker's servers, running on the tokio runtime that started them, for as long as it runs.
pub struct Server {
	/// The base URL others reach the artifacts at, without a trailing slash.
	pub public_url: String,
	/// The address the artifact server is bound to.
	pub artifacts_addr: SocketAddr,
	/// The address the metrics server is bound to.
	pub metrics_addr: SocketAddr,
	/// What it serves of its spot-checked jobs' traces.
	pub traces: TraceGates,
}

impl Server {
	/// Serves `store` on `listen` and `role`'s `metrics` on `metrics_listen`, in tasks on the
	/// current tokio runtime. `public_url` is how others reach the artifacts (defaults to
	/// `http://<bound address>`).
	pub async fn start(
		listen: &str,
		metrics_listen: &str,
		public_url: Option<String>,
		store: Store,
		metrics: Arc<Metrics>,
		role: &'static str,
	) -> Result<Self> {
		let (artifacts, artifacts_addr) = bind(listen, "artifacts").await?;
		let (metrics_listener, metrics_addr) = bind(metrics_listen, "metrics").await?;
		let public_url = public_url
			.unwrap_or_else(|| format!("http://{artifacts_addr}"))
			.trim_end_matches('/')
			.to_string();
		let traces = TraceGates::default();
		spawn("artifacts", artifacts, artifact_routes(store, traces.clone()));
		spawn("metrics", metrics_listener, metrics_routes(metrics, role));
		let server = Self { public_url, artifacts_addr, metrics_addr, traces };
		tracing::info!(
			artifacts = %server.artifacts_addr,
			metrics = %server.metrics_addr,
			public_url = %server.public_url,
			"serving artifacts and metrics"
		);
		Ok(server)
	}

	/// The URL of an artifact on this server.
	pub fn url_of(&self, hash: &ContentHash) -> String {
		format!("{}/artifacts/{}", self.public_url, hash::to_hex(hash))
	}

	/// The base URL of job `job`'s trace on this server (`crate::spot_check` names what is
	/// under it). It names no hash: a URL opened on chain must not give away the output's.
	pub fn trace_url(&self, job: u64) -> String {
		format!("{}/traces/{job}", self.public_url)
	}
}

/// What a miner serves of one spot-checked job's trace, and what of it it may serve now.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TraceGate {
	/// The stored checkpoints `0..=S`.
	pub checkpoints: Vec<ContentHash>,
	/// The stored output model.
	pub output: ContentHash,
	/// The Merkle proof of the output's leaf.
	pub proof: Vec<ContentHash>,
	/// The job's seed (which salts the leaves) and the trace's segments, served with the
	/// proof: a client that trusts neither still finds a proof that opens the root on chain
	/// for nothing but the output the trace committed to.
	pub seed: u64,
	/// The checkpoints it may serve now: the starts of the plan's runs, once there is one.
	pub open: BTreeSet<u32>,
	/// Whether the output and its proof may be served: once the committee has committed.
	pub output_open: bool,
}

/// The gates of every trace a worker serves, shared between its role and its server.
#[derive(Clone, Default)]
pub struct TraceGates(Arc<Mutex<BTreeMap<u64, TraceGate>>>);

impl TraceGates {
	/// Sets what job `job`'s trace serves.
	pub fn set(&self, job: u64, gate: TraceGate) {
		self.lock().insert(job, gate);
	}

	/// What job `job`'s trace serves.
	pub fn get(&self, job: u64) -> Option<TraceGate> {
		self.lock().get(&job).cloned()
	}

	/// Stops serving every trace but those of `jobs`.
	pub fn retain(&self, jobs: &BTreeSet<u64>) {
		self.lock().retain(|job, _| jobs.contains(job));
	}

	fn lock(&self) -> std::sync::MutexGuard<'_, BTreeMap<u64, TraceGate>> {
		self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
	}
}

/// A listener on `listen` for the `what` server, and the address it is bound to (the port
/// the system chose, for `:0`).
async fn bind(listen: &str, what: &str) -> Result<(TcpListener, SocketAddr)> {
	let listener = TcpListener::bind(listen)
		.await
		.with_context(|| format!("listening for {what} on {listen}"))?;
	let bound = listener
		.local_addr()
		.with_context(|| format!("reading the address the {what} listener on {listen} got"))?;
	Ok((listener, bound))
}

/// The bounds on a server's connections (the constants above, smaller in tests).
#[derive(Clone, Copy, Debug)]
struct ConnectionLimits {
	header_read_timeout: Duration,
	total: usize,
	per_peer: usize,
}

const CONNECTION_LIMITS: ConnectionLimits = ConnectionLimits {
	header_read_timeout: HEADER_READ_TIMEOUT,
	total: MAX_CONNECTIONS,
	per_peer: MAX_CONNECTIONS_PER_PEER,
};

/// Open connections per peer address; an entry leaves with the peer's last connection.
#[derive(Default)]
struct Peers(Mutex<HashMap<IpAddr, usize>>);

/// One connection's place among its peer's, given back when it closes.
struct PeerPlace {
	peers: Arc<Peers>,
	ip: IpAddr,
}

impl Peers {
	fn admit(self: &Arc<Self>, ip: IpAddr, per_peer: usize) -> Option<PeerPlace> {
		let mut open = self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
		let count = open.entry(ip).or_default();
		if *count >= per_peer {
			return None;
		}
		*count += 1;
		Some(PeerPlace { peers: self.clone(), ip })
	}
}

impl Drop for PeerPlace {
	fn drop(&mut self) {
		let mut open = self.peers.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
		if let Some(count) = open.get_mut(&self.ip) {
			*count -= 1;
			if *count == 0 {
				open.remove(&self.ip);
			}
		}
	}
}

/// Serves `routes` on `listener` in a task of its own; each connection gets another.
fn spawn(what: &'static str, listener: TcpListener, routes: Router) {
	spawn_limited(what, listener, routes, CONNECTION_LIMITS);
}

/// [`spawn`] with the bounds `limits`. HTTP/1.1 by hyper, with axum's routes as its service
/// (`axum::serve` has no bound on connections nor on the time a request head may take).
fn spawn_limited(
	what: &'static str,
	listener: TcpListener,
	routes: Router,
	limits: ConnectionLimits,
) {
	let places = Arc::new(Semaphore::new(limits.total));
	let peers = Arc::new(Peers::default());
	tokio::spawn(async move {
		loop {
			let (stream, peer) = match listener.accept().await {
				Ok(accepted) => accepted,
				Err(e) => {
					// Out of file descriptors, most often: wait for some to close.
					tracing::warn!(server = what, error = %e, "accepting a connection failed");
					tokio::time::sleep(Duration::from_millis(100)).await;
					continue;
				},
			};
			let Ok(place) = places.clone().try_acquire_owned() else {
				tracing::debug!(server = what, %peer, "connection refused: the server is full");
				continue;
			};
			let Some(peer_place) = peers.admit(peer.ip(), limits.per_peer) else {
				tracing::debug!(server = what, %peer, "connection refused: its peer has too many");
				continue;
			};
			let service = TowerToHyperService::new(routes.clone());
			tokio::spawn(async move {
				let served = hyper::server::conn::http1::Builder::new()
					.timer(TokioTimer::new())
					.header_read_timeout(limits.header_read_timeout)
					.serve_connection(TokioIo::new(stream), service)
					.await;
				if let Err(e) = served {
					tracing::debug!(server = what, %peer, error = %e, "connection ended");
				}
				drop((place, peer_place));
			});
		}
	});
}

/// What the artifact server serves from.
#[derive(Clone)]
struct Served {
	store: Store,
	traces: TraceGates,
}

/// `GET /artifacts/<hash>` from `store`, and of the traces `traces` lets through
/// `GET /traces/<job>/checkpoints/<index>`, `/traces/<job>/output` and
/// `/traces/<job>/proof`; 404 for any other path.
fn artifact_routes(store: Store, traces: TraceGates) -> Router {
	let routes = Router::new()
		.route("/artifacts/{name}", get(artifact))
		.route("/traces/{job}/checkpoints/{index}", get(trace_checkpoint))
		.route("/traces/{job}/output", get(trace_output))
		.route("/traces/{job}/proof", get(trace_proof))
		.fallback(|| async { (StatusCode::NOT_FOUND, "not found: try /artifacts/<hash>\n") })
		.with_state(Served { store, traces });
	limited(routes)
}

/// Checkpoint `index` of job `job`'s trace, if its gate is open.
async fn trace_checkpoint(
	State(served): State<Served>,
	Path((job, index)): Path<(u64, u32)>,
	request: Request,
) -> Response {
	let gate = served.traces.get(job);
	let Some(hash) = gate
		.as_ref()
		.filter(|gate| gate.open.contains(&index))
		.and_then(|gate| gate.checkpoints.get(index as usize))
	else {
		return (
			StatusCode::FORBIDDEN,
			format!("checkpoint {index} of job {job} is not served now\n"),
		)
			.into_response();
	};
	stored_file(&served.store, hash, request).await
}

/// Job `job`'s output model, once the committee has committed.
async fn trace_output(
	State(served): State<Served>,
	Path(job): Path<u64>,
	request: Request,
) -> Response {
	match served.traces.get(job).filter(|gate| gate.output_open) {
		Some(gate) => stored_file(&served.store, &gate.output, request).await,
		None => (StatusCode::FORBIDDEN, format!("the output of job {job} is not served now\n"))
			.into_response(),
	}
}

/// The Merkle proof of job `job`'s output leaf (`{seed, segments, proof}`, hashes in hex),
/// once the output is served.
async fn trace_proof(State(served): State<Served>, Path(job): Path<u64>) -> Response {
	match served.traces.get(job).filter(|gate| gate.output_open) {
		Some(gate) => {
			let proof: Vec<String> = gate.proof.iter().map(hash::to_hex).collect();
			let segments = gate.checkpoints.len().saturating_sub(1);
			let body =
				serde_json::json!({ "seed": gate.seed, "segments": segments, "proof": proof });
			([(CONTENT_TYPE, "application/json")], body.to_string()).into_response()
		},
		None => (StatusCode::FORBIDDEN, format!("the proof of job {job} is not served now\n"))
			.into_response(),
	}
}

/// `GET /metrics`, rendered for `role`; 404 for any other path.
fn metrics_routes(metrics: Arc<Metrics>, role: &'static str) -> Router {
	let routes = Router::new()
		.route("/metrics", get(render_metrics))
		.with_state(MetricsOf { metrics, role });
	limited(routes)
}

/// `routes` behind the limits every request to the worker meets.
fn limited(routes: Router) -> Router {
	routes
		.layer(RequestBodyLimitLayer::new(MAX_REQUEST_BODY_BYTES))
		.layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, REQUEST_TIMEOUT))
		// `Router::layer` wraps each route apart; the global layer gives them one semaphore,
		// so the limit is the server's rather than each route's.
		.layer(GlobalConcurrencyLimitLayer::new(MAX_CONCURRENT_REQUESTS))
}

/// The stored file of the hash `name` names, streamed from disk (with `HEAD` and `Range`).
async fn artifact(
	State(served): State<Served>,
	Path(name): Path<String>,
	request: Request,
) -> Response {
	let hash = match hash::from_hex(&name) {
		Ok(hash) => hash,
		Err(e) => return (StatusCode::BAD_REQUEST, format!("{e}\n")).into_response(),
	};
	stored_file(&served.store, &hash, request).await
}

/// The stored file of `hash`, streamed from disk.
async fn stored_file(store: &Store, hash: &ContentHash, request: Request) -> Response {
	let name = hash::to_hex(hash);
	// The bytes are not hashed again here (as `Store::get` does): that would read the whole
	// file for every request and every range. Whoever fetches checks every byte against the
	// hash the chain names anyway (`Store::fetch_within`), so a file rotted on this disk is
	// refused there.
	let Ok(response) = ServeFile::new(store.path_of(hash)).oneshot(request).await;
	if response.status() == StatusCode::NOT_FOUND {
		return (StatusCode::NOT_FOUND, format!("no artifact {name}\n")).into_response();
	}
	response.into_response()
}

/// What the metrics server renders.
#[derive(Clone)]
struct MetricsOf {
	metrics: Arc<Metrics>,
	role: &'static str,
}

async fn render_metrics(State(of): State<MetricsOf>) -> impl IntoResponse {
	([(CONTENT_TYPE, METRICS_CONTENT_TYPE)], of.metrics.render(of.role))
}

/// A server on a runtime of its own on ephemeral loopback ports, for tests that fetch with
/// blocking calls outside any runtime (it must be dropped outside one too).
#[cfg(test)]
pub struct TestServer {
	server: Server,
	_runtime: tokio::runtime::Runtime,
}

#[cfg(test)]
impl TestServer {
	/// Serves `store`, and empty metrics.
	pub fn start(store: Store) -> Self {
		let runtime = tokio::runtime::Runtime::new().expect("a runtime for the test server");
		let server = runtime
			.block_on(Server::start(
				"127.0.0.1:0",
				"127.0.0.1:0",
				None,
				store,
				Arc::new(Metrics::default()),
				"test",
			))
			.expect("servers on loopback start");
		Self { server, _runtime: runtime }
	}
}

#[cfg(test)]
impl std::ops::Deref for TestServer {
	type Target = Server;
	fn deref(&self) -> &Server {
		&self.server
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use std::{fs, path::PathBuf};
	use synod_ml::content_hash;
	use tokio::{
		io::{AsyncReadExt, AsyncWriteExt},
		net::TcpStream,
		time::timeout,
	};

	const LOOPBACK: &str = "127.0.0.1:0";

	/// A fresh data directory for test `name`, and the store in it.
	fn scratch(name: &str) -> (PathBuf, Store) {
		let dir = std::env::temp_dir().join(format!("synod-server-{name}-{}", std::process::id()));
		let _ = fs::remove_dir_all(&dir);
		let store = Store::open(&dir).unwrap();
		(dir, store)
	}

	async fn start(store: Store) -> Server {
		Server::start(LOOPBACK, LOOPBACK, None, store, Arc::new(Metrics::default()), "test")
			.await
			.unwrap()
	}

	/// `len` bytes that are not all alike, so a wrong offset shows.
	fn pattern(len: u32) -> Vec<u8> {
		(0..len).map(|i| (i % 251) as u8).collect()
	}

	/// A response as it came over the wire.
	struct Reply {
		status: u16,
		head: String,
		body: Vec<u8>,
	}

	impl Reply {
		fn parse(raw: &[u8]) -> Self {
			let end = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap_or_else(|| {
				panic!("no complete response head in {:?}", String::from_utf8_lossy(raw))
			});
			let head = String::from_utf8_lossy(&raw[..end]).into_owned();
			let status = head
				.split(' ')
				.nth(1)
				.and_then(|code| code.parse().ok())
				.unwrap_or_else(|| panic!("no status code in {head:?}"));
			Self { status, head, body: raw[end + 4..].to_vec() }
		}

		fn header(&self, name: &str) -> Option<&str> {
			self.head.lines().skip(1).find_map(|line| {
				let (key, value) = line.split_once(':')?;
				key.trim().eq_ignore_ascii_case(name).then_some(value.trim())
			})
		}
	}

	/// Sends `head` (request line and any headers, no blank line) on `stream` and reads the
	/// response to the end of the connection, within ten seconds.
	async fn exchange_on(stream: &mut TcpStream, head: &str) -> Reply {
		let request = format!("{head}\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
		stream.write_all(request.as_bytes()).await.unwrap();
		let mut raw = Vec::new();
		timeout(Duration::from_secs(10), stream.read_to_end(&mut raw))
			.await
			.unwrap_or_else(|_| panic!("no answer to {head:?} within 10 s"))
			.unwrap();
		Reply::parse(&raw)
	}

	async fn exchange(addr: SocketAddr, head: &str) -> Reply {
		exchange_on(&mut TcpStream::connect(addr).await.unwrap(), head).await
	}

	async fn get(addr: SocketAddr, path: &str) -> Reply {
		exchange(addr, &format!("GET {path} HTTP/1.1")).await
	}

	#[tokio::test]
	async fn a_range_request_gets_exactly_its_bytes() {
		let (dir, store) = scratch("range");
		let bytes = pattern(1000);
		let hash = store.put(&bytes).unwrap();
		let server = start(store).await;
		let path = format!("/artifacts/{}", hash::to_hex(&hash));
		let addr = server.artifacts_addr;

		let reply = exchange(addr, &format!("GET {path} HTTP/1.1\r\nRange: bytes=100-199")).await;
		assert_eq!(reply.status, 206, "{}", reply.head);
		assert_eq!(reply.header("content-range"), Some("bytes 100-199/1000"), "{}", reply.head);
		assert_eq!(reply.body, &bytes[100..200]);
		// Past the end there is nothing to send.
		let reply = exchange(addr, &format!("GET {path} HTTP/1.1\r\nRange: bytes=2000-2999")).await;
		assert_eq!(reply.status, 416, "{}", reply.head);
		// HEAD tells the length and sends nothing.
		let reply = exchange(addr, &format!("HEAD {path} HTTP/1.1")).await;
		assert_eq!(reply.status, 200, "{}", reply.head);
		assert_eq!(reply.header("content-length"), Some("1000"), "{}", reply.head);
		assert!(reply.body.is_empty());
		let reply = get(addr, &path).await;
		assert_eq!((reply.status, reply.body), (200, bytes));
		let _ = fs::remove_dir_all(dir);
	}

	#[tokio::test]
	async fn idle_and_stalled_connections_do_not_stop_a_fetch() {
		let (dir, store) = scratch("idle");
		// Several of the file server's reads, so the body streams in more than one piece.
		let bytes = pattern(256 * 1024);
		let hash = store.put(&bytes).unwrap();
		let server = start(store).await;
		let addr = server.artifacts_addr;
		let mut idle = Vec::new();
		for _ in 0..MAX_CONCURRENT_REQUESTS {
			idle.push(TcpStream::connect(addr).await.unwrap());
		}
		let mut stalled = TcpStream::connect(addr).await.unwrap();
		stalled.write_all(b"GET /artifacts/").await.unwrap();
		// Time for the server to accept them all and wait on each, as on a real client.
		tokio::time::sleep(Duration::from_millis(300)).await;

		let reply = get(addr, &format!("/artifacts/{}", hash::to_hex(&hash))).await;
		assert_eq!(reply.status, 200, "{}", reply.head);
		assert!(reply.body == bytes, "got {} bytes of the {}", reply.body.len(), bytes.len());
		// The idle connections were open all along: one of them is still answered.
		let head = format!("HEAD /artifacts/{} HTTP/1.1", hash::to_hex(&hash));
		let reply = exchange_on(&mut idle[0], &head).await;
		assert_eq!(reply.status, 200, "{}", reply.head);
		drop((idle, stalled));
		let _ = fs::remove_dir_all(dir);
	}

	/// Whether the server closed `stream` (read gives end of file, or the connection reset)
	/// within `within`.
	async fn closed_within(stream: &mut TcpStream, within: Duration) -> bool {
		let mut byte = [0u8; 1];
		matches!(timeout(within, stream.read(&mut byte)).await, Ok(Ok(0)) | Ok(Err(_)))
	}

	#[tokio::test]
	async fn a_peer_cannot_hoard_connections_or_trickle_a_request_head() {
		let (dir, store) = scratch("hoard");
		let hash = store.put(b"weights").unwrap();
		let listener = TcpListener::bind(LOOPBACK).await.unwrap();
		let addr = listener.local_addr().unwrap();
		let limits = ConnectionLimits {
			header_read_timeout: Duration::from_millis(500),
			total: 6,
			per_peer: 4,
		};
		spawn_limited("test", listener, artifact_routes(store, TraceGates::default()), limits);
		// A slow client's head, one byte every 100 ms (six seconds of it), is cut off at the
		// header timeout, although bytes keep coming.
		let mut trickle = TcpStream::connect(addr).await.unwrap();
		let started = std::time::Instant::now();
		let head = format!("GET /artifacts/{} HTTP/1.1\r\n", hash::to_hex(&hash));
		let mut cut = false;
		for byte in head.as_bytes() {
			if trickle.write_all(&[*byte]).await.is_err() {
				cut = true;
				break;
			}
			tokio::time::sleep(Duration::from_millis(100)).await;
		}
		assert!(cut, "the trickled head was read to its end");
		assert!(started.elapsed() < Duration::from_secs(3), "cut after {:?}", started.elapsed());
		// A peer gets its four places and no more: the fifth connection is closed at once.
		let mut held = Vec::new();
		for _ in 0..limits.per_peer {
			held.push(TcpStream::connect(addr).await.unwrap());
		}
		let mut fifth = TcpStream::connect(addr).await.unwrap();
		assert!(closed_within(&mut fifth, Duration::from_secs(2)).await, "fifth kept");
		// Silent ones go at the header timeout, and the places come back with them.
		for stream in &mut held {
			assert!(closed_within(stream, Duration::from_secs(3)).await, "idle kept");
		}
		let reply = get(addr, &format!("/artifacts/{}", hash::to_hex(&hash))).await;
		assert_eq!((reply.status, reply.body), (200, b"weights".to_vec()), "{}", reply.head);
		let _ = fs::remove_dir_all(dir);
	}

	#[tokio::test]
	async fn metrics_are_served_on_their_own_port_only() {
		let (dir, store) = scratch("metrics");
		let hash = store.put(b"weights").unwrap();
		let metrics = Arc::new(Metrics::default());
		Metrics::inc(&metrics.jobs_done);
		let server =
			Server::start(LOOPBACK, LOOPBACK, None, store, metrics.clone(), "miner").await.unwrap();
		assert_ne!(server.artifacts_addr, server.metrics_addr);

		let reply = get(server.artifacts_addr, "/metrics").await;
		assert_eq!(reply.status, 404, "{}", reply.head);
		assert!(!String::from_utf8_lossy(&reply.body).contains("synod_worker"));
		let reply = get(server.metrics_addr, "/metrics").await;
		assert_eq!(reply.status, 200, "{}", reply.head);
		assert_eq!(reply.header("content-type"), Some(METRICS_CONTENT_TYPE));
		let text = String::from_utf8(reply.body).unwrap();
		assert!(text.contains("synod_worker_jobs_done_total{role=\"miner\"} 1\n"), "{text}");
		// Rendered on each request, not once at start.
		Metrics::inc(&metrics.jobs_done);
		let text = String::from_utf8(get(server.metrics_addr, "/metrics").await.body).unwrap();
		assert!(text.contains("synod_worker_jobs_done_total{role=\"miner\"} 2\n"), "{text}");
		// The metrics port publishes no artifact.
		let reply = get(server.metrics_addr, &format!("/artifacts/{}", hash::to_hex(&hash))).await;
		assert_eq!(reply.status, 404, "{}", reply.head);
		// No route takes a body: one declared over the bound is refused before anything runs.
		let over = MAX_REQUEST_BODY_BYTES + 1;
		let big = format!("GET /metrics HTTP/1.1\r\nContent-Length: {over}");
		assert_eq!(exchange(server.metrics_addr, &big).await.status, 413);
		let _ = fs::remove_dir_all(dir);
	}

	#[tokio::test]
	async fn names_that_are_no_hash_are_refused_and_reach_nothing_outside_the_store() {
		let (dir, store) = scratch("names");
		// Files beside the store, one named as an artifact would be: none may be served.
		let secret = b"the operator's secret";
		let outside = hash::to_hex(&content_hash(secret));
		fs::write(dir.join(&outside), secret).unwrap();
		fs::write(dir.join("secret"), secret).unwrap();
		let server = start(store).await;
		let addr = server.artifacts_addr;
		let leaked = |reply: &Reply| reply.body.windows(secret.len()).any(|w| w == secret);

		let bad_names = [
			"xyz".to_string(),
			"a".repeat(63),
			"a".repeat(65),
			"..%2Fsecret".to_string(),
			format!("..%2F{outside}"),
			format!("%2E%2E%2F{}", &outside[..61]),
			// 64 bytes, not 64 digits: a 3-byte character where the first pair is.
			format!("%E2%82%AC{}", "a".repeat(61)),
			// No UTF-8 at all.
			"%FF".repeat(64),
		];
		for name in &bad_names {
			let reply = get(addr, &format!("/artifacts/{name}")).await;
			assert_eq!(reply.status, 400, "{name}: {}", reply.head);
			assert!(!leaked(&reply), "{name}");
		}
		let outside_paths = [
			"/artifacts/../secret".to_string(),
			format!("/artifacts/../{outside}"),
			"/secret".to_string(),
		];
		for path in &outside_paths {
			let reply = get(addr, path).await;
			assert_eq!(reply.status, 404, "{path}: {}", reply.head);
			assert!(!leaked(&reply), "{path}");
		}
		// A well-formed hash the store lacks is 404, though a file of that name lies beside it.
		let reply = get(addr, &format!("/artifacts/{outside}")).await;
		assert_eq!(reply.status, 404, "{}", reply.head);
		assert!(!leaked(&reply));
		let post = format!("POST /artifacts/{outside} HTTP/1.1\r\nContent-Length: 0");
		assert_eq!(exchange(addr, &post).await.status, 405);
		let _ = fs::remove_dir_all(dir);
	}

	#[tokio::test]
	async fn a_trace_serves_only_what_its_gate_lets_through() {
		let (dir, store) = scratch("traces");
		let checkpoints: Vec<ContentHash> =
			(0..4u32).map(|i| store.put(&pattern(100 + i)).unwrap()).collect();
		let output = store.put(&pattern(50)).unwrap();
		let server = start(store).await;
		let addr = server.artifacts_addr;
		let gate = TraceGate {
			checkpoints: checkpoints.clone(),
			output,
			proof: vec![[7; 32]],
			open: BTreeSet::new(),
			output_open: false,
			seed: 9,
		};
		server.traces.set(5, gate.clone());
		// Before the plan nothing is served, nor the output before the committee commits.
		for path in ["/traces/5/checkpoints/1", "/traces/5/output", "/traces/5/proof"] {
			assert_eq!(get(addr, path).await.status, 403, "{path}");
		}
		// The plan's starts, and only they; another job's trace, or a place past the end,
		// is nothing.
		server.traces.set(5, TraceGate { open: [1, 3].into(), ..gate.clone() });
		let reply = get(addr, "/traces/5/checkpoints/1").await;
		assert_eq!((reply.status, reply.body), (200, pattern(101)));
		for path in
			["/traces/5/checkpoints/2", "/traces/6/checkpoints/1", "/traces/5/checkpoints/9"]
		{
			assert_eq!(get(addr, path).await.status, 403, "{path}");
		}
		assert_eq!(get(addr, "/traces/5/output").await.status, 403);
		// Once the committee has committed: the output and its proof.
		server.traces.set(5, TraceGate { output_open: true, ..gate });
		let reply = get(addr, "/traces/5/output").await;
		assert_eq!((reply.status, reply.body), (200, pattern(50)));
		let proof: serde_json::Value =
			serde_json::from_slice(&get(addr, "/traces/5/proof").await.body).unwrap();
		assert_eq!(proof["seed"], 9);
		assert_eq!(proof["segments"], 3);
		assert_eq!(proof["proof"][0], hash::to_hex(&[7; 32]));
		// A gate closed again serves nothing; a job it no longer keeps neither.
		server.traces.retain(&BTreeSet::new());
		assert_eq!(get(addr, "/traces/5/output").await.status, 403);
		assert_eq!(get(addr, "/traces/x/output").await.status, 400);
		let _ = fs::remove_dir_all(dir);
	}
}
