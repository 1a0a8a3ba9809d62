#!/usr/bin/env bash
# Installs what building Synod needs on a fresh Debian/Ubuntu machine. Safe to run again.
set -euo pipefail

# qemu-user runs the ML library's golden-hash test on emulated CPU kinds.
packages=(protobuf-compiler libssl-dev pkg-config build-essential git curl ca-certificates qemu-user)
missing=()
for p in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
	echo "setup: installing ${missing[*]}"
	sudo=""
	[ "$(id -u)" -eq 0 ] || sudo="sudo"
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! command -v rustup >/dev/null; then
	echo "setup: rustup is missing; install it from your distribution or rustup.rs, then rerun" >&2
	exit 1
fi
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# rust-toolchain.toml names the toolchain, its components and the wasm target.
toolchain=$(sed -n 's/^channel *= *"\(.*\)"/\1/p' rust-toolchain.toml)
if ! rustup toolchain list | grep -q "^$toolchain"; then
	# Machines whose rustup `stable` is exactly our version need no download: name it.
	if [ "$(rustc +stable --version 2>/dev/null | cut -d' ' -f2)" = "$toolchain" ]; then
		rustup toolchain link "$toolchain" "$(rustc +stable --print sysroot)"
	else
		rustup toolchain install "$toolchain" --profile minimal --component rustfmt,clippy
	fi
fi
if [ ! -d "$(rustc +"$toolchain" --print sysroot)/lib/rustlib/wasm32v1-none" ]; then
	# A linked toolchain takes no targets itself; add it to the one it links to.
	rustup target add wasm32v1-none --toolchain "$toolchain" 2>/dev/null ||
		rustup target add wasm32v1-none --toolchain stable
fi
echo "setup: ready ($(rustc +"$toolchain" --version))"
