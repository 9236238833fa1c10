"""The installed wheel against the CLI (scripts/test-python.sh runs this in a fresh venv).

AE_CLI names the CLI binary whose JSON is the reference; the texts are the repository's samples
and a few of its test-data files.
"""
import json
import os
import re
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import article_explorer as ae

ROOT = Path(__file__).resolve().parents[2]
CLI = os.environ.get("AE_CLI", str(ROOT / "target/debug/article-explorer"))
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))
TEXTS = SAMPLES + [
    ROOT / "tests/data/segmentation/en_sentences.txt",
    ROOT / "tests/data/segmentation/zh_sentences.txt",
    ROOT / "tests/data/timex/zh_cases.txt",
]
EN = ROOT / "samples/en-peoples-daily-2025-11-05.txt"
ZH = ROOT / "samples/zh-community-governance-2025.txt"


def cli(*args):
    out = subprocess.run([CLI, *map(str, args)], check=True, capture_output=True, text=True)
    return out.stdout


def read(path):
    return Path(path).read_text(encoding="utf-8")


def test_the_wheel_is_installed_not_the_source_tree():
    assert "site-packages" in ae.__file__


def test_versions_move_with_the_crate_and_the_report():
    crate = re.search(r'^version = "(.+)"', (ROOT / "Cargo.toml").read_text(), re.M).group(1)
    assert ae.__version__ == crate
    assert ae.analyze("x")["version"] == ae.REPORT_VERSION


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_analyze_equals_the_cli_json(path):
    assert ae.analyze(read(path)) == json.loads(cli("analyze", path))


@pytest.mark.parametrize(
    "path,args,kwargs",
    [
        (EN, ["--dct", "2024-01-31", "--lang", "en"], {"dct": "2024-01-31", "lang": "en"}),
        (ZH, ["--lang", "zh", "--tokens"], {"lang": "zh", "tokens": True}),
        (EN, ["--dct", " 2020-02-29"], {"dct": " 2020-02-29"}),
    ],
    ids=["dct-en", "zh-tokens", "dct-trimmed"],
)
def test_analyze_with_options_equals_the_cli_json(path, args, kwargs):
    assert ae.analyze(read(path), **kwargs) == json.loads(cli("analyze", *args, path))


def test_analyze_json_is_the_cli_output():
    assert ae.analyze_json(read(ZH)) + "\n" == cli("analyze", ZH)


def test_keyword_limit_and_stopwords():
    text = read(EN)
    report = ae.analyze(text, keyword_limit=5)
    assert 0 < len(report["keywords"]) < len(ae.analyze(text)["keywords"])
    assert ae.analyze(text, keyword_limit=0)["keywords"] == []
    assert "Party" in [k["term"] for k in report["keywords"]]
    edited = ae.analyze(text, keyword_limit=5, stopwords_add=["party"])
    assert "Party" not in [k["term"] for k in edited["keywords"]]


def test_segment_equals_the_cli_lines():
    text = read(ZH)
    lines = ae.segment(text)
    assert ["  ".join(words) for words in lines] == cli("segment", ZH).splitlines()
    assert ae.segment("我们 love 社会工作。") == [["我们", "love", "社会工作", "。"]]


def test_concordance_equals_the_cli():
    result = ae.concordance(read(EN), "social work")
    assert result == json.loads(cli("concordance", "social work", EN))
    assert result["total"] == len(result["lines"]) > 0 and result["mode"] == "term"
    small = ae.concordance(read(EN), "social work", mode="text", context=10, limit=3)
    assert small == json.loads(cli("concordance", "--mode", "text", "--context", "10", "--limit", "3", "social work", EN))
    assert len(small["lines"]) == 3 and small["total"] == result["total"]


def test_compare_equals_the_cli():
    result = ae.compare(read(EN), read(ZH))
    assert result == json.loads(cli("compare", EN, ZH))
    assert result["over_a"] and result["words_a"] > 0


def test_engine_keeps_user_words_and_stopwords():
    plain, engine = ae.Engine(), ae.Engine(user_words=["新就业群体"], stopwords=["social"])
    assert ["关心", "新就业群体"] == engine.segment("关心新就业群体")[0]
    assert "新就业群体" not in plain.segment("关心新就业群体")[0]
    assert plain.analyze(read(EN)) == ae.analyze(read(EN))
    terms = [k["term"] for k in engine.analyze(read(EN))["keywords"]]
    assert "social" not in terms and "social work" not in terms
    assert ae.Engine(not_stopwords=["must"]).analyze("We must. We must. We must go.")["keywords"][0]["term"] == "must"
    assert engine.concordance("关心新就业群体", "新就业群体")["total"] == 1
    assert engine.compare("a b c", "d e f")["words_a"] == 3


def test_engine_official_terms_are_one_keyword_or_split_again(tmp_path):
    text = "各地加快发展新型储能。新型储能装机规模扩大。新型储能产业链完善。学习二十届三中全会精神。二十届三中全会召开。"

    def words(engine):
        return [k["term"] for k in engine.analyze(text)["keywords"] if k["kind"] == "word"]

    assert "新型储能" not in words(ae.Engine()) and "二十届三中全会" in words(ae.Engine())
    edited = words(ae.Engine(official_terms=["新型储能"], not_official_terms=["二十届三中全会"]))
    assert "新型储能" in edited and "二十届三中全会" not in edited
    path = tmp_path / "storage.txt"
    path.write_text(text, encoding="utf-8")
    report = json.loads(cli("analyze", "--official-term", "新型储能", "--drop-official-term", "二十届三中全会", path))
    assert edited == [k["term"] for k in report["keywords"] if k["kind"] == "word"]


@pytest.mark.parametrize(
    "call,message",
    [
        (lambda: ae.analyze("x", dct="2025-02-30"), 'invalid date "2025-02-30": expected YYYY-MM-DD'),
        (lambda: ae.analyze("x", lang="fr"), 'unknown language "fr": expected auto, en or zh'),
        (lambda: ae.Engine().analyze_json("x", dct="yesterday"), 'invalid date "yesterday"'),
        (lambda: ae.concordance("x", "x", mode="regex"), 'unknown mode "regex": expected term, exact or text'),
    ],
    ids=["date", "lang", "engine-date", "mode"],
)
def test_bad_options_raise_value_error_with_the_engine_message(call, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(")):
        call()


def test_wrong_types_raise_type_error():
    with pytest.raises(TypeError):
        ae.analyze(b"bytes are not text")


def test_threads_give_the_same_results():
    texts = [read(p) for p in TEXTS] * 3
    expected = [ae.analyze(t) for t in texts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(ae.analyze, texts)) == expected
        assert list(pool.map(ae.segment, texts)) == [ae.segment(t) for t in texts]


def test_the_gil_is_released_while_the_engine_works():
    """Another Python thread runs during the middle of a long call (it could not if the call held
    the GIL): an ordering check, not a speed one."""
    text = read(EN) * 100
    stamps, stop = [], threading.Event()

    def spin():
        while not stop.is_set():
            stamps.append(time.perf_counter())

    thread = threading.Thread(target=spin)
    thread.start()
    try:
        time.sleep(0.02)
        start = time.perf_counter()
        ae.concordance(text, "no such word")
        end = time.perf_counter()
    finally:
        stop.set()
        thread.join()
    middle = (start + 0.2 * (end - start), end - 0.2 * (end - start))
    assert any(middle[0] < s < middle[1] for s in stamps)
