#!/usr/bin/env bash
# The Python wheel's test (make test-python, part of make test): builds the wheel with maturin,
# installs it into a fresh virtual environment with pytest and the Dask example's dependencies,
# and runs python/tests/ (the wheel's output against the CLI's JSON, errors, threads, the Dask
# route to Parquet). Skips, saying why, only where Python or its venv module is missing.
#
# Cached between runs (under target/, git-ignored): maturin's venv (target/py-tools), the
# binding's Cargo build (target/python, incremental) and pip's download cache (pip's default,
# ~/.cache/pip). The test venv (target/py-venv) is made anew every run.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

status=0
wheel=$(scripts/build-python-wheel.sh) || status=$?
if [ "$status" = 3 ]; then
  echo "test-python: SKIPPED: Python is missing here (see the message above)" >&2
  exit 0
elif [ "$status" != 0 ]; then
  exit "$status"
fi

# The binding's hygiene, as make lint checks the root crate's (its own workspace, so checked here).
cargo fmt --check --manifest-path python/Cargo.toml
CARGO_TARGET_DIR="$root/target/python" cargo clippy --quiet --manifest-path python/Cargo.toml -- -D warnings

# The reference: the CLI's JSON (a debug build; make test-rust has built it already).
cargo build --quiet --bin article-explorer
export AE_CLI="$root/target/debug/article-explorer"

venv=target/py-venv
scripts/make-venv.sh "$venv" || { echo "test-python: SKIPPED: ${PYTHON:-python3} -m venv does not work here" >&2; exit 0; }
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "$wheel" pytest 'dask[distributed]' pandas pyarrow
# Run from outside the source tree, so `import article_explorer` is the installed wheel.
cd "$root/target"
PYTHONDONTWRITEBYTECODE=1 exec "$root/$venv/bin/python" -m pytest -q -p no:cacheprovider "$root/python/tests" "$@"
