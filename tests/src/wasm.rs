//! Reading a runtime's identity from its wasm blob, as a chain spec carries it in `:code`.

use anyhow::{anyhow, bail, Result};
use std::io::Read;

/// The prefix that marks a zstd-compressed runtime blob (`sp-maybe-compressed-blob`).
const ZSTD_PREFIX: [u8; 8] = [82, 188, 83, 118, 70, 219, 142, 5];

/// Decompresses a runtime blob if it is compressed.
pub fn decompress(code: &[u8]) -> Result<Vec<u8>> {
	match code.strip_prefix(&ZSTD_PREFIX) {
		None => Ok(code.to_vec()),
		Some(frame) => {
			let mut out = Vec::new();
			ruzstd::decoding::StreamingDecoder::new(frame)
				.map_err(|e| anyhow!("bad zstd frame in runtime blob: {e}"))?
				.read_to_end(&mut out)?;
			Ok(out)
		},
	}
}

fn leb128(bytes: &[u8], at: &mut usize) -> Result<usize> {
	let (mut value, mut shift) = (0usize, 0);
	loop {
		let byte = *bytes.get(*at).ok_or_else(|| anyhow!("truncated LEB128 at {at}"))?;
		*at += 1;
		value |= ((byte & 0x7f) as usize) << shift;
		if byte & 0x80 == 0 {
			return Ok(value);
		}
		shift += 7;
		if shift > 35 {
			bail!("LEB128 too long at {at}");
		}
	}
}

/// The contents of the wasm custom section called `name`.
pub fn custom_section(wasm: &[u8], name: &str) -> Result<Vec<u8>> {
	if wasm.get(..4) != Some(b"\0asm") {
		bail!("not a wasm module");
	}
	let mut at = 8;
	while at < wasm.len() {
		let id = wasm[at];
		at += 1;
		let size = leb128(wasm, &mut at)?;
		let end = at + size;
		if id == 0 {
			let mut name_at = at;
			let len = leb128(wasm, &mut name_at)?;
			if wasm.get(name_at..name_at + len) == Some(name.as_bytes()) {
				return Ok(wasm[name_at + len..end].to_vec());
			}
		}
		at = end;
	}
	bail!("no custom section {name}")
}

/// The SCALE-encoded `RuntimeVersion` that a runtime blob declares, and its runtime APIs as
/// sorted (8-byte API id, 4-byte version) entries. The compiler writes the API entries in an
/// order that differs between builds of the same source, hence the sorting.
pub fn runtime_identity(code_hex: &str) -> Result<(Vec<u8>, Vec<[u8; 12]>)> {
	let code = hex::decode(code_hex.trim_start_matches("0x"))?;
	let wasm = decompress(&code)?;
	let apis = custom_section(&wasm, "runtime_apis")?;
	if apis.len() % 12 != 0 {
		bail!("runtime_apis section of {} bytes is not a list of 12-byte entries", apis.len());
	}
	let mut entries: Vec<[u8; 12]> =
		apis.chunks_exact(12).map(|c| c.try_into().expect("chunks are 12 bytes")).collect();
	entries.sort();
	Ok((custom_section(&wasm, "runtime_version")?, entries))
}
