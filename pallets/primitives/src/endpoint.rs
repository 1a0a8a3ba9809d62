//! The address at which a neuron serves its artifacts.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
use scale_info::TypeInfo;

/// The longest URL an endpoint may hold, in bytes.
pub const MAX_URL_LEN: u32 = 256;

/// A neuron's published endpoint: an IP address and port, or an `http(s)` URL.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub enum Endpoint {
	/// An IPv4 address (network byte order) and TCP port.
	Ipv4 { ip: [u8; 4], port: u16 },
	/// An IPv6 address (network byte order) and TCP port.
	Ipv6 { ip: [u8; 16], port: u16 },
	/// An `http://` or `https://` URL of at most [`MAX_URL_LEN`] bytes.
	Url(
		#[cfg_attr(feature = "serde", serde(with = "url_text"))]
		BoundedVec<u8, ConstU32<MAX_URL_LEN>>,
	),
}

/// URLs travel as text in JSON, not as arrays of bytes.
#[cfg(feature = "serde")]
mod url_text {
	use super::*;
	use alloc::{string::String, vec::Vec};
	use serde::{Deserialize, Deserializer, Serializer};

	pub fn serialize<S: Serializer>(
		url: &BoundedVec<u8, ConstU32<MAX_URL_LEN>>,
		serializer: S,
	) -> Result<S::Ok, S::Error> {
		serializer.serialize_str(&String::from_utf8_lossy(url))
	}

	pub fn deserialize<'de, D: Deserializer<'de>>(
		deserializer: D,
	) -> Result<BoundedVec<u8, ConstU32<MAX_URL_LEN>>, D::Error> {
		let text = String::deserialize(deserializer)?;
		let bytes: Vec<u8> = text.into_bytes();
		bytes.try_into().map_err(|_| serde::de::Error::custom("URL longer than 256 bytes"))
	}
}

/// Why an [`Endpoint`] was refused.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum EndpointError {
	/// Port 0 cannot be connected to.
	ZeroPort,
	/// The unspecified address (0.0.0.0 or ::), broadcast or a multicast address.
	UnroutableAddress,
	/// The URL does not start with `http://` or `https://`, has no host, or holds bytes
	/// outside printable ASCII.
	MalformedUrl,
}

impl Endpoint {
	/// Checks that a client could connect to this endpoint. Loopback and private addresses are
	/// allowed: dev networks and private deployments use them.
	pub fn validate(&self) -> Result<(), EndpointError> {
		match self {
			Endpoint::Ipv4 { ip, port } => {
				if *port == 0 {
					return Err(EndpointError::ZeroPort);
				}
				let unspecified = *ip == [0, 0, 0, 0];
				let broadcast = *ip == [255, 255, 255, 255];
				let multicast = (224..=239).contains(&ip[0]);
				if unspecified || broadcast || multicast {
					return Err(EndpointError::UnroutableAddress);
				}
				Ok(())
			},
			Endpoint::Ipv6 { ip, port } => {
				if *port == 0 {
					return Err(EndpointError::ZeroPort);
				}
				if *ip == [0u8; 16] || ip[0] == 0xff {
					return Err(EndpointError::UnroutableAddress);
				}
				Ok(())
			},
			Endpoint::Url(url) => validate_url(url),
		}
	}
}

fn validate_url(url: &[u8]) -> Result<(), EndpointError> {
	let rest = url
		.strip_prefix(b"https://")
		.or_else(|| url.strip_prefix(b"http://"))
		.ok_or(EndpointError::MalformedUrl)?;
	if !url.iter().all(|b| (0x21..=0x7e).contains(b)) {
		return Err(EndpointError::MalformedUrl);
	}
	let host_end = rest.iter().position(|b| matches!(b, b'/' | b'?' | b'#')).unwrap_or(rest.len());
	let authority = &rest[..host_end];
	// A userinfo part (`user:pass@`) would let a URL hide its real host; refuse it.
	if authority.is_empty() || authority.contains(&b'@') || authority.starts_with(b":") {
		return Err(EndpointError::MalformedUrl);
	}
	Ok(())
}

#[cfg(test)]
mod tests {
	use super::*;

	fn url(s: &str) -> Endpoint {
		Endpoint::Url(s.as_bytes().to_vec().try_into().unwrap())
	}

	#[test]
	fn ip_endpoints() {
		assert_eq!(Endpoint::Ipv4 { ip: [127, 0, 0, 1], port: 8080 }.validate(), Ok(()));
		assert_eq!(
			Endpoint::Ipv4 { ip: [10, 0, 0, 1], port: 0 }.validate(),
			Err(EndpointError::ZeroPort)
		);
		for ip in [[0, 0, 0, 0], [255, 255, 255, 255], [224, 0, 0, 1]] {
			assert_eq!(
				Endpoint::Ipv4 { ip, port: 1 }.validate(),
				Err(EndpointError::UnroutableAddress)
			);
		}
		let mut v6 = [0u8; 16];
		v6[15] = 1;
		assert_eq!(Endpoint::Ipv6 { ip: v6, port: 443 }.validate(), Ok(()));
		assert_eq!(
			Endpoint::Ipv6 { ip: [0; 16], port: 443 }.validate(),
			Err(EndpointError::UnroutableAddress)
		);
	}

	#[test]
	fn url_endpoints() {
		assert_eq!(url("https://miner.example.org:9000/artifacts").validate(), Ok(()));
		assert_eq!(url("http://127.0.0.1:8000").validate(), Ok(()));
		for bad in ["ftp://x", "https://", "http:///path", "https://a b", "https://u@evil.org", "x"]
		{
			assert_eq!(url(bad).validate(), Err(EndpointError::MalformedUrl), "{bad}");
		}
	}
}
