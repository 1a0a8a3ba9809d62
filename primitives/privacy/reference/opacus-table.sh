#!/usr/bin/env bash
# Prints the reference table of tests/opacus.rs from Opacus's RDP accountant. Installs
# Opacus (without PyTorch, which its analysis does not use), NumPy and SciPy into a venv.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
venv=${SYNOD_OPACUS_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/synod-opacus-venv}
if [ ! -x "$venv/bin/python" ]; then
	python3 -m venv "$venv"
	"$venv/bin/pip" install --quiet numpy scipy
	"$venv/bin/pip" install --quiet --no-deps opacus==1.5.2
fi
exec "$venv/bin/python" "$here/opacus_table.py"
