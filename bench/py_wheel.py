"""The Python wheel's speed (make bench; docs/bench.md): run with a Python that has the wheel and
the Dask example's dependencies (bench/setup-wheel.sh makes bench/.venv-wheel).

    python bench/py_wheel.py --cli target/release/article-explorer [--smoke] [--corpus-mb 50]

1. Per article, the wheel against the native CLI: the same articles (TimeBank + AQUAINT texts,
   and the two samples), each analyzed with its document creation time as --dct / dct=. The CLI
   runs once per article in its own process (what a script calling the CLI pays: start-up,
   reading the file, the analysis, writing the JSON); the wheel's `analyze` (report as a dict) and
   `analyze_json` (as a string) run in this one warm process. Rounds alternate CLI and wheel;
   each round's time per article is its total divided by the articles, and the medians of the
   rounds are compared. The CLI's start-up alone is timed on an empty file.
2. Dask: python/examples/dask_corpus.py's analyze_directory on a LocalCluster of 1 and of 2
   worker processes (one thread each), over the TimeBank + AQUAINT texts copied until the corpus
   holds --corpus-mb MiB, one file per copy of a document, Parquet written as in the example.
   Both clusters start first and every worker analyzes a text before the timed runs; runs
   alternate 1 and 2 workers, and the median times are compared. Each run also records the CPU
   time of its busiest worker process: the ratio of those is the speed-up on free cores, which
   the wall-clock ratio matches only when nothing else competes for the cores.

--smoke: the samples only, tiny corpus, one round: checks the script runs (python/tests).
Prints one JSON object. Times only; the tests check the results are right.
"""
import argparse
import html
import json
import logging
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "python/examples"))
os.environ["PYTHONPATH"] = os.pathsep.join([str(ROOT / "python/examples"), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)

import article_explorer as ae  # noqa: E402

MiB = 1024 * 1024
TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
TAG = re.compile(r"<[^>]+>")


def timeml_articles(eval_dir):
    """(name, text, dct) of every TimeBank and AQUAINT document: the TEXT element without tags."""
    out = []
    for corpus in ("timebank", "aquaint"):
        for path in sorted((eval_dir / "data/timeml" / corpus).glob("*.tml")):
            xml = path.read_text(encoding="utf-8")
            body = TEXT.search(xml)
            if not body:
                continue
            dct = re.search(r'<DCT>.*?value="(\d{4}-\d{2}-\d{2})', xml, re.S)
            out.append((f"{corpus}/{path.stem}", html.unescape(TAG.sub("", body.group(1))).strip() + "\n", dct.group(1) if dct else None))
    return out


def sample_articles():
    return [(p.name, p.read_text(encoding="utf-8"), None) for p in sorted((ROOT / "samples").glob("*.txt"))]


def per_article(cli, articles, rounds, workdir):
    files = []
    for i, (name, text, dct) in enumerate(articles):
        path = workdir / f"a{i:04d}.txt"
        path.write_text(text, encoding="utf-8")
        files.append((path, text, dct))
    empty = workdir / "empty.txt"
    empty.write_text("", encoding="utf-8")

    def run_cli(path, dct):
        subprocess.run([cli, "analyze", *(["--dct", dct] if dct else []), str(path)], check=True, stdout=subprocess.DEVNULL)

    for path, text, dct in files[:3]:  # warm the page cache and the wheel's dictionary
        run_cli(path, dct)
        ae.analyze(text, dct=dct)
    n = len(files)
    cli_ms, wheel_ms, json_ms, empty_ms = [], [], [], []
    for _ in range(rounds):
        t0 = time.perf_counter()
        for path, _, dct in files:
            run_cli(path, dct)
        cli_ms.append((time.perf_counter() - t0) * 1000 / n)
        t0 = time.perf_counter()
        for _, text, dct in files:
            ae.analyze(text, dct=dct)
        wheel_ms.append((time.perf_counter() - t0) * 1000 / n)
        t0 = time.perf_counter()
        for _, text, dct in files:
            ae.analyze_json(text, dct=dct)
        json_ms.append((time.perf_counter() - t0) * 1000 / n)
        t0 = time.perf_counter()
        for _ in range(20):
            run_cli(empty, None)
        empty_ms.append((time.perf_counter() - t0) * 1000 / 20)
    med = statistics.median
    return {
        "articles": n,
        "bytes": sum(len(t.encode()) for _, t, _ in files),
        "rounds": rounds,
        "cli_ms": cli_ms,
        "wheel_ms": wheel_ms,
        "wheel_json_ms": json_ms,
        "cli_empty_file_ms": empty_ms,
        "median": {"cli": med(cli_ms), "wheel": med(wheel_ms), "wheel_json": med(json_ms), "cli_empty_file": med(empty_ms)},
        "ratio_wheel_to_cli": med(wheel_ms) / med(cli_ms),
        "ratio_wheel_to_cli_minus_startup": med(wheel_ms) / max(1e-9, med(cli_ms) - med(empty_ms)),
    }


def make_corpus(articles, target_bytes, directory):
    directory.mkdir(parents=True, exist_ok=True)
    size, copy, files = 0, 0, 0
    while size < target_bytes:
        for name, text, _ in articles:
            data = text.encode()
            (directory / f"c{copy:03d}-{name.replace('/', '-')}.txt").write_bytes(data)
            size += len(data)
            files += 1
            if size >= target_bytes:
                break
        copy += 1
    return size, files


def dask_runs(corpus, rounds, workdir):
    from distributed import Client, LocalCluster

    import dask_corpus

    clusters = {}
    for workers in (1, 2):
        # silence_logs: the workers' connection errors logged while both clusters shut down
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0",
                               silence_logs=logging.CRITICAL)
        client = Client(cluster)
        client.run(lambda: __import__("article_explorer").analyze("Warm up on 5 May 2020.\n全过程人民民主。"))
        clusters[workers] = (cluster, client)
    times, busiest = {1: [], 2: []}, {1: [], 2: []}
    rows = None

    def cpu(client):
        return client.run(lambda: sum(os.times()[:2]))

    try:
        for r in range(rounds):
            for workers in (1, 2) if r % 2 == 0 else (2, 1):
                out = workdir / f"parquet-{workers}-{r}"
                client = clusters[workers][1]
                before = cpu(client)
                t0 = time.perf_counter()
                rows = dask_corpus.analyze_directory(corpus, out, client)
                times[workers].append(time.perf_counter() - t0)
                after = cpu(client)
                busiest[workers].append(max(after[w] - before[w] for w in after))
                shutil.rmtree(out)
    finally:
        for cluster, client in clusters.values():
            client.close()
            cluster.close()
    med = statistics.median
    return {"rows": rows, "seconds": {str(k): v for k, v in times.items()}, "median_s": {str(k): med(v) for k, v in times.items()},
            "speedup_2_vs_1": med(times[1]) / med(times[2]),
            # CPU seconds of the busiest worker process per run: the run's length on free cores.
            # On a loaded machine the wall-clock ratio measures the competition for cores too.
            "busiest_worker_cpu_s": {str(k): v for k, v in busiest.items()},
            "cpu_speedup_2_vs_1": med(busiest[1]) / med(busiest[2])}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", required=True)
    parser.add_argument("--smoke", action="store_true")
    parser.add_argument("--corpus-mb", type=float, default=50)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--dask-rounds", type=int, default=3)
    parser.add_argument("--eval-dir", default=os.environ.get("EVAL_DIR", str(ROOT.parent / "shared/eval")))
    parser.add_argument("--data-dir", default=str(ROOT / "bench/.data"))
    parser.add_argument("--skip", default="", help="comma-separated: articles, dask")
    args = parser.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    eval_dir = Path(args.eval_dir)
    load = os.getloadavg()[0]
    if args.smoke:
        articles, source = sample_articles(), "samples/*.txt"
        rounds, dask_rounds, corpus_bytes = 1, 1, 200_000
    else:
        if not (eval_dir / "data/timeml/timebank").is_dir():
            raise SystemExit(f"no TimeBank under {eval_dir} (set EVAL_DIR or --eval-dir)")
        timeml = timeml_articles(eval_dir)
        articles, source = timeml + sample_articles(), f"TimeBank + AQUAINT ({len(timeml)} documents) and samples/*.txt"
        rounds, dask_rounds, corpus_bytes = args.rounds, args.dask_rounds, int(args.corpus_mb * MiB)
    result = {"python": sys.version.split()[0], "wheel": ae.__version__, "cpus": os.cpu_count(), "load1_start": load, "smoke": args.smoke}
    with tempfile.TemporaryDirectory(prefix="ae-wheel-bench-") as tmp:
        tmp = Path(tmp)
        if "articles" not in skip:
            (tmp / "articles").mkdir()
            result["per_article"] = {"source": source, **per_article(args.cli, articles, rounds, tmp / "articles")}
        if "dask" not in skip:
            dask_articles = articles if args.smoke else [a for a in articles if "/" in a[0]]
            corpus = Path(args.data_dir) / f"dask-corpus-{corpus_bytes}"
            if corpus.exists():
                size, files = sum(p.stat().st_size for p in corpus.iterdir()), len(list(corpus.iterdir()))
            else:
                size, files = make_corpus(dask_articles, corpus_bytes, corpus.with_suffix(".tmp"))
                corpus.with_suffix(".tmp").rename(corpus)
            result["dask"] = {"source": "samples/*.txt" if args.smoke else "TimeBank + AQUAINT texts, copied",
                              "bytes": size, "files": files, **dask_runs(corpus, dask_rounds, tmp)}
    result["load1_end"] = os.getloadavg()[0]
    print(json.dumps(result))


if __name__ == "__main__":
    main()
