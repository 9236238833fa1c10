"""One measurement of a Python peer in a fresh process (the twin of bench/task.mjs).

    bench/.venv/bin/python bench/py_task.py '<json>'   {tool, task, path, lang, warmup, reps, budgetMs}

Tools: jieba (segment: jieba.lcut with its default HMM; count: lcut + Counter of Han words) and
dateparser (dates: dateparser.search.search_dates with the sample's dateline as RELATIVE_BASE).
Prints one JSON line like task.mjs; peak RSS from getrusage (ru_maxrss, KiB on Linux).
"""
import gc
import json
import re
import resource
import sys
import time
from collections import Counter
from datetime import datetime

job = json.loads(sys.argv[1])
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def max_rss():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def rss_now():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize()


def load(tool):
    if tool == "jieba":
        import jieba
        jieba.setLogLevel(60)
        jieba.initialize()

        def segment(text, lang):
            return {"tokens": len(jieba.lcut(text))}

        def count(text, lang):
            words = jieba.lcut(text)
            return {"tokens": len(words), "terms": len(Counter(w for w in words if HAN.search(w)))}

        return {"segment": segment, "count": count}
    if tool == "dateparser":
        from dateparser.search import search_dates

        settings = {"RELATIVE_BASE": datetime(2025, 11, 5, 12)}

        def dates(text, lang):
            found = search_dates(text, languages=[lang], settings=settings) or []
            return {"dates": len(found)}

        dates("warm the caches on 5 May 2020" if job["lang"] == "en" else "2020年5月5日", job["lang"])
        return {"dates": dates}
    raise SystemExit(f"unknown tool {tool}")


def version(tool):
    from importlib.metadata import version as v
    return v(tool)


if job["task"] == "version":
    print(json.dumps({"version": version(job["tool"])}))
    sys.exit(0)

run = load(job["tool"])[job["task"]]
with open(job["path"], encoding="utf-8") as f:
    text = f.read()
gc.collect()
baseline, baseline_peak = rss_now(), max_rss()
times, runs, spent, first, after_first = [], [], 0.0, None, None
for i in range(job["warmup"] + job["reps"]):
    t0 = time.perf_counter()
    out = run(text, job["lang"])
    ms = (time.perf_counter() - t0) * 1000
    if i == 0:
        first, after_first = out, max_rss()
    if i >= job["warmup"]:
        times.append(ms)
        runs.append(out)
        spent += ms
        if spent > job["budgetMs"]:
            break
    gc.collect()
print(json.dumps({"times": times, "first": first, "runs": runs,
                  "rss": {"baseline": baseline, "baselinePeak": baseline_peak, "afterFirst": after_first, "peak": max_rss()}}))
