#!/usr/bin/env bash
# What DP-SGD costs: synod-ml's plain training and DP-SGD (both execution modes, one thread)
# beside PyTorch and Opacus on the same models, expected batch and optimiser, with ratios.
# Installs PyTorch and Opacus from PyPI into ~/.cache/synod-bench-venv on first use (the
# venv scripts/bench-ml.sh uses).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$SYNOD_ROOT"

venv="${SYNOD_BENCH_VENV:-$HOME/.cache/synod-bench-venv}"
if ! "$venv/bin/python" -c "import torch, opacus" 2>/dev/null; then
	python3 -m venv "$venv"
	"$venv/bin/pip" install --quiet "torch==2.15.0" numpy "opacus==1.5.2"
fi

(cd offchain-compute && cargo build --locked --release -p synod-ml --example dp_throughput)
rust="$(mktemp)"
torch="$(mktemp)"
"$CARGO_TARGET_DIR/release/examples/dp_throughput" >"$rust"
"$venv/bin/python" scripts/bench_opacus.py >"$torch"

"$venv/bin/python" - "$rust" "$torch" <<'PY'
import sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]).readlines()[1:]]
torch = {m: (float(p), float(d)) for m, _, p, d in
         (l.rstrip("\n").split("\t") for l in open(sys.argv[2]))}
print(f"{'model':<20} {'mode':<15} {'plain/s':>9} {'DP-SGD/s':>9} {'DP/plain':>9} {'DP vs Opacus':>13}")
for model, mode, plain, dp in rows:
    t_plain, t_dp = torch[model]
    print(f"{model:<20} {mode:<15} {float(plain):>9,.0f} {float(dp):>9,.0f} {float(dp)/float(plain):>8.3f}x {float(dp)/t_dp:>12.2f}x")
for model, (plain, dp) in sorted(torch.items()):
    print(f"{model:<20} {'pytorch+opacus':<15} {plain:>9,.0f} {dp:>9,.0f} {dp/plain:>8.3f}x {'1.00x':>13}")
print("\nSamples per second, one thread. 'DP/plain': what DP-SGD keeps of plain training's rate;")
print("'DP vs Opacus': our DP-SGD samples/s over Opacus's; above 1 is faster.")
PY
