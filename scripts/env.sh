# Shared build environment for Synod's scripts. Source it; do not run it.
#
# - CARGO_TARGET_DIR lives outside the clone, so builds are reused between clones and CI runs.
# - OPENSSL_NO_VENDOR links the system OpenSSL instead of compiling it from C.

SYNOD_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export SYNOD_ROOT
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/synod-target}"
export CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}"
export OPENSSL_NO_VENDOR=1
# The runtime's wasm is built by a nested cargo in a project under the target dir, outside
# this clone: point it at our Cargo.lock, and at our toolchain rather than rustup's default.
export WASM_BUILD_WORKSPACE_HINT="$SYNOD_ROOT"
export RUSTUP_TOOLCHAIN="${RUSTUP_TOOLCHAIN:-$(sed -n 's/^channel *= *"\(.*\)"/\1/p' "$SYNOD_ROOT/rust-toolchain.toml")}"
# One build at a time fits a 2-core, 24 GiB machine; more jobs only thrash.
export CARGO_BUILD_JOBS="${CARGO_BUILD_JOBS:-$(nproc)}"
export PATH="$CARGO_HOME/bin:$PATH"
SYNOD_NODE="$CARGO_TARGET_DIR/debug/synod-node"
export SYNOD_NODE
