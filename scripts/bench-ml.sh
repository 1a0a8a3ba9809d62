#!/usr/bin/env bash
# Training throughput and inference latency of synod-ml (both execution modes, 1 and 2
# threads) beside PyTorch on the same models, batch, optimiser and thread counts, with ratios.
# Installs PyTorch from PyPI into ~/.cache/synod-bench-venv on first use (about 4 GB with the
# CUDA libraries the PyPI wheel insists on; the CPU-only wheels live on download.pytorch.org).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$SYNOD_ROOT"

venv="${SYNOD_BENCH_VENV:-$HOME/.cache/synod-bench-venv}"
if ! "$venv/bin/python" -c "import torch" 2>/dev/null; then
	python3 -m venv "$venv"
	"$venv/bin/pip" install --quiet "torch==2.15.0" numpy
fi

(cd offchain-compute && cargo build --locked --release -p synod-ml --example throughput)
rust="$(mktemp)"
torch="$(mktemp)"
"$CARGO_TARGET_DIR/release/examples/throughput" >"$rust"
"$venv/bin/python" scripts/bench_torch.py >"$torch"

"$venv/bin/python" - "$rust" "$torch" <<'PY'
import sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]).readlines()[1:]]
torch = {(m, t): (float(r), float(ms)) for m, _, t, r, ms in
         (l.rstrip("\n").split("\t") for l in open(sys.argv[2]))}
print(f"{'model':<20} {'mode':<11} {'threads':>7} {'train samples/s':>16} {'vs torch':>9} {'infer ms/batch':>15} {'vs torch':>9}")
for model, mode, threads, rate, ms in rows:
    t_rate, t_ms = torch[(model, threads)]
    print(f"{model:<20} {mode:<11} {threads:>7} {float(rate):>16,.0f} {float(rate)/t_rate:>8.2f}x {float(ms):>15.3f} {t_ms/float(ms):>8.2f}x")
for (model, threads), (rate, ms) in sorted(torch.items()):
    print(f"{model:<20} {'pytorch':<11} {threads:>7} {rate:>16,.0f} {'1.00x':>9} {ms:>15.3f} {'1.00x':>9}")
print("\n'vs torch': samples/s over PyTorch's (train) and PyTorch's ms over ours (inference); above 1 is faster.")
PY
