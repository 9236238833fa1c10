#!/usr/bin/env bash
# Makes bench/.venv-wheel (git-ignored) with the Python wheel built from this tree and the Dask
# example's dependencies, for bench/py_wheel.py; the wheel is rebuilt (incrementally) and
# reinstalled every time, the dependencies only when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
wheel=$(scripts/build-python-wheel.sh)
venv=bench/.venv-wheel
if [ ! -x "$venv/bin/python" ]; then
  scripts/make-venv.sh "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check 'dask[distributed]' pandas pyarrow
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps "$wheel"
