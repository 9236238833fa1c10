"""python/examples/dask_corpus.py on a local cluster of 2 workers: the Parquet it writes, read back,
against direct analyze() calls."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

import article_explorer as ae

pd = pytest.importorskip("pandas")
pytest.importorskip("distributed")
pytest.importorskip("pyarrow")

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "python/examples/dask_corpus.py"


def make_articles(directory):
    """A small corpus: both samples, and short dated articles in a nested folder."""
    directory.mkdir()
    (directory / "nested").mkdir()
    for sample in sorted((ROOT / "samples").glob("*.txt")):
        (directory / sample.name).write_text(sample.read_text(encoding="utf-8"), encoding="utf-8")
    for i in range(1, 8):
        text = (
            f"Harbor Times (March {i}, 2024)\n\n"
            f"The bridge opened {i} days ago. Repairs began in 2019 and end next year.\n\n"
            f"Traffic on the bridge rose by {i * 10} percent last week."
        )
        (directory / "nested" / f"article-{i}.txt").write_text(text, encoding="utf-8")
    (directory / "nested" / "notes.md").write_text("not an article", encoding="utf-8")
    return sorted(str(p) for p in directory.rglob("*.txt"))


def test_the_dask_example_writes_one_row_per_article(tmp_path):
    paths = make_articles(tmp_path / "articles")
    out = tmp_path / "reports"
    run = subprocess.run(
        [sys.executable, str(EXAMPLE), str(tmp_path / "articles"), str(out), "--workers", "2"],
        capture_output=True, text=True, timeout=300,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    assert f"{len(paths)} articles" in run.stdout

    assert len(list(out.glob("part-*.parquet"))) > 1
    frame = pd.read_parquet(out).sort_values("path").reset_index(drop=True)
    assert frame["path"].tolist() == paths
    for row in frame.to_dict("records"):
        report = ae.analyze(Path(row["path"]).read_text(encoding="utf-8"), keyword_limit=10)
        assert row["language"] == report["language"]
        assert row["reference_date"] == report["reference_date"]["value"]
        assert row["reference_date_source"] == report["reference_date"]["source"]
        assert row["words"] == report["stats"]["words"]
        assert row["sentences"] == report["stats"]["sentences"]
        assert row["timexes"] == len(report["timexes"]) > 0
        assert list(row["keywords"]) == [k["term"] for k in report["keywords"]]
        assert json.loads(row["timeline_json"]) == report["timeline"]
    assert set(frame["language"]) == {"en", "zh"}
    dated = frame[frame["path"].str.contains("article-3")].iloc[0]
    assert dated["reference_date"] == "2024-03-03"
