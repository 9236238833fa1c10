#!/usr/bin/env bash
# Builds the Python wheel (python/, PyO3 + maturin) into target/python-wheels/ and prints its path.
# maturin lives in its own venv, target/py-tools, made on first use (pip, from PyPI); the Cargo
# build goes to target/python, so rebuilds are incremental. Exit 3 (and a message) when Python or
# its venv module is missing: callers decide whether that is a skip.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
py=${PYTHON:-python3}

missing() {
  echo "$*" >&2
  exit 3
}
command -v "$py" >/dev/null 2>&1 || missing "no $py on PATH (the Python wheel needs CPython 3.9 or later)"
"$py" -c 'import sys; sys.exit(sys.version_info < (3, 9))' || missing "$("$py" --version 2>&1) is older than 3.9"

tools=target/py-tools
if [ ! -x "$tools/bin/maturin" ]; then
  scripts/make-venv.sh "$tools" || missing "$py -m venv does not work here (install python3-venv)"
  "$tools/bin/python" -m pip install --quiet --disable-pip-version-check 'maturin>=1.5,<2'
fi

wheels=target/python-wheels
rm -rf "$wheels"
t0=$(date +%s)
CARGO_TARGET_DIR="$root/target/python" "$tools/bin/maturin" build --release --quiet -m python/Cargo.toml -i "$py" -o "$wheels" >&2
echo "wheel built in $(($(date +%s) - t0)) s" >&2
ls "$root/$wheels"/*.whl
