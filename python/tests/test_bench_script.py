"""bench/py_wheel.py (the wheel's rows of make bench) in its smoke mode, so it does not rot: it
runs and reports every number. Asserts no timing."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("distributed")

ROOT = Path(__file__).resolve().parents[2]
CLI = os.environ.get("AE_CLI", str(ROOT / "target/debug/article-explorer"))


def test_the_wheel_bench_runs_in_smoke_mode(tmp_path):
    run = subprocess.run(
        [sys.executable, str(ROOT / "bench/py_wheel.py"), "--smoke", "--cli", CLI, "--data-dir", str(tmp_path)],
        capture_output=True, text=True, timeout=600,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    result = json.loads(run.stdout.strip().splitlines()[-1])
    per = result["per_article"]
    assert per["articles"] == 2 and per["median"]["cli"] > 0 and per["median"]["wheel"] > 0
    assert per["ratio_wheel_to_cli"] > 0
    dask = result["dask"]
    assert dask["rows"] == dask["files"] > 0 and dask["bytes"] >= 200_000
    assert dask["speedup_2_vs_1"] > 0 and dask["cpu_speedup_2_vs_1"] > 0
