#!/usr/bin/env bash
# The Python wheel's test (make test-python, part of make test): builds the wheel with maturin,
# installs it into a fresh virtual environment with pytest and the Dask example's dependencies,
# and runs python/tests/ (the wheel's output against the CLI's JSON, errors, threads, the Dask
# route to Parquet). Skips, saying why, only where Python or its venv module is missing.
#
# Cached between runs (under target/, git-ignored): the tools venv with maturin
# (target/py-tools), the binding's Cargo build (target/python, incremental) and pip's download
# cache (pip's default, ~/.cache/pip). The test venv (target/py-venv) is made anew every run.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
py=${PYTHON:-python3}

skip() {
  echo "test-python: SKIPPED: $*" >&2
  exit 0
}

command -v "$py" >/dev/null 2>&1 || skip "no $py on PATH (the Python wheel needs CPython 3.9 or later)"
"$py" -c 'import sys; sys.exit(sys.version_info < (3, 9))' || skip "$("$py" --version 2>&1) is older than 3.9"

# Debian's python3 has no venv module until python3-venv is installed; as root, install it.
make_venv() {
  rm -rf "$1"
  "$py" -m venv "$1" 2>/dev/null && return 0
  rm -rf "$1"
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "test-python: $py -m venv failed; installing python3-venv" >&2
    { apt-get install -y -qq python3-venv >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq python3-venv; }; } >&2
    "$py" -m venv "$1" && return 0
  fi
  return 1
}

pip_quiet=(--quiet --disable-pip-version-check)
tools=target/py-tools
if [ ! -x "$tools/bin/maturin" ]; then
  make_venv "$tools" || skip "$py -m venv does not work here (install python3-venv)"
  "$tools/bin/python" -m pip install "${pip_quiet[@]}" 'maturin>=1.5,<2'
fi


# The binding's hygiene, as make lint checks the root crate's (its own workspace, so checked here).
cargo fmt --check --manifest-path python/Cargo.toml
CARGO_TARGET_DIR="$root/target/python" cargo clippy --quiet --manifest-path python/Cargo.toml -- -D warnings

wheels=target/python-wheels
rm -rf "$wheels"
t0=$(date +%s)
CARGO_TARGET_DIR="$root/target/python" "$tools/bin/maturin" build --release --quiet -m python/Cargo.toml -i "$py" -o "$wheels" >&2
echo "test-python: wheel built in $(( $(date +%s) - t0 )) s: $(ls "$wheels")" >&2

# The reference: the CLI's JSON (a debug build; make test-rust has built it already).
cargo build --quiet --bin article-explorer
export AE_CLI="$root/target/debug/article-explorer"

venv=target/py-venv
make_venv "$venv" || skip "$py -m venv does not work here (install python3-venv)"
"$venv/bin/python" -m pip install "${pip_quiet[@]}" "$wheels"/*.whl pytest 'dask[distributed]' pandas pyarrow
# Run from outside the source tree, so `import article_explorer` is the installed wheel.
cd "$root/target"
PYTHONDONTWRITEBYTECODE=1 exec "$root/$venv/bin/python" -m pytest -q -p no:cacheprovider "$root/python/tests" "$@"
