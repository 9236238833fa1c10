"""Analyzes a directory of articles on a Dask cluster and writes one Parquet dataset.

    python dask_corpus.py ARTICLES_DIR OUT_DIR [--workers 2] [--scheduler HOST:8786] [--dct D] [--lang L]

Every *.txt file under ARTICLES_DIR becomes one row: path, language, reference date and its
source, counts (characters, words, sentences, paragraphs, time expressions, timeline entries), the
top keywords, and the timeline as a JSON string. The rows are computed with `dask.bag` (one task per
partition of paths: each worker reads its files and calls `article_explorer.analyze`) and written
by the workers as OUT_DIR/part-NNNNN.parquet, one file per partition, which pandas, pyarrow, Dask or
Spark read back as one dataset (`pandas.read_parquet(OUT_DIR)`).

Without --scheduler it starts a `distributed.LocalCluster` (--workers processes, one thread each);
with it, it connects to a running cluster, whose workers need the wheel installed and the same
paths (a shared filesystem; OUT_DIR may also be an object-store URL such as s3://bucket/reports
when the workers have s3fs).
"""
import argparse
import json
from pathlib import Path

KEYWORDS = 10

# The row's columns and their pandas dtypes: every partition writes the same schema, so the files
# read back as one dataset even when a partition is empty.
COLUMNS = {
    "path": "string",
    "language": "string",
    "reference_date": "string",
    "reference_date_source": "string",
    "characters": "int64",
    "words": "int64",
    "sentences": "int64",
    "paragraphs": "int64",
    "timexes": "int64",
    "timeline_entries": "int64",
    "keywords": "object",
    "timeline_json": "string",
}


def article_row(path, dct=None, lang="auto"):
    """One article's row: reads the file and analyzes it (runs on a worker)."""
    import article_explorer

    text = Path(path).read_text(encoding="utf-8")
    report = article_explorer.analyze(text, dct=dct, lang=lang, keyword_limit=KEYWORDS)
    return {
        "path": str(path),
        "language": report["language"],
        "reference_date": report["reference_date"]["value"],
        "reference_date_source": report["reference_date"]["source"],
        "characters": report["stats"]["characters"],
        "words": report["stats"]["words"],
        "sentences": report["stats"]["sentences"],
        "paragraphs": report["stats"]["paragraphs"],
        "timexes": len(report["timexes"]),
        "timeline_entries": len(report["timeline"]),
        "keywords": [k["term"] for k in report["keywords"]],
        "timeline_json": json.dumps(report["timeline"], ensure_ascii=False),
    }


def write_partition(rows, out, index):
    """Writes one partition's rows as OUT/part-NNNNN.parquet; returns how many rows (runs on a worker)."""
    import pandas as pd

    frame = pd.DataFrame(list(rows), columns=list(COLUMNS)).astype(COLUMNS)
    target = f"{str(out).rstrip('/')}/part-{index:05d}.parquet"
    frame.to_parquet(target, engine="pyarrow", index=False)
    return [len(frame)]


def analyze_directory(directory, out, client, dct=None, lang="auto", partitions=None):
    """Analyzes every *.txt under DIRECTORY on the client's cluster into the Parquet dataset OUT;
    returns the number of rows written."""
    import dask
    import dask.bag as db

    paths = sorted(str(p) for p in Path(directory).rglob("*.txt"))
    if not paths:
        raise SystemExit(f"no .txt files under {directory}")
    if "://" not in str(out):
        Path(out).mkdir(parents=True, exist_ok=True)
    # A few partitions per worker thread balance the load without a task per file.
    threads = sum(client.nthreads().values()) or 1
    npartitions = partitions or min(len(paths), 4 * threads)
    bag = db.from_sequence(paths, npartitions=npartitions).map(article_row, dct=dct, lang=lang)
    # One write per partition, on the worker that holds its rows: nothing but counts comes back.
    writes = [dask.delayed(write_partition)(part, out, i) for i, part in enumerate(bag.to_delayed())]
    counts = client.compute(writes, sync=True)
    return sum(n for c in counts for n in c)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", help="articles: every *.txt file under it")
    parser.add_argument("out", help="the Parquet dataset to write (a directory, or an object-store URL)")
    parser.add_argument("--workers", type=int, default=2, help="local cluster: worker processes (default 2)")
    parser.add_argument("--scheduler", help="a running cluster's scheduler address (HOST:8786) instead of a local one")
    parser.add_argument("--partitions", type=int, help="partitions of the list of files (default 4 per worker thread)")
    parser.add_argument("--dct", help="reference date (YYYY-MM-DD) for every article")
    parser.add_argument("--lang", default="auto", choices=["auto", "en", "zh"])
    args = parser.parse_args(argv)

    from distributed import Client, LocalCluster

    if args.scheduler:
        client = Client(args.scheduler)
        cluster = None
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=":0")
        client = Client(cluster)
    try:
        rows = analyze_directory(args.directory, args.out, client, dct=args.dct, lang=args.lang, partitions=args.partitions)
        print(f"{rows} articles -> {args.out}")
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


if __name__ == "__main__":
    main()
