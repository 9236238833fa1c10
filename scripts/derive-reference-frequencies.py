#!/usr/bin/env python3
"""Derives Article Explorer's built-in reference frequency lists from wordfreq's data.

SOURCE: wordfreq 3.1.1 (PyPI, Robyn Speer, https://doi.org/10.5281/zenodo.7199437), its files
        wordfreq/data/large_en.msgpack.gz and wordfreq/data/large_zh.msgpack.gz.
LICENCE: wordfreq's code is Apache-2.0; its word-frequency data is CC BY-SA 4.0
        (https://creativecommons.org/licenses/by-sa/4.0/) and built from Wikipedia, OPUS
        OpenSubtitles 2018, SUBTLEX (Brysbaert et al.; freely available data), Google Books Ngrams,
        the Leeds Internet Corpus, ParaCrawl, news and web text. The derived lists
        (data/en/reference-frequencies.txt, data/zh/reference-frequencies.txt) are therefore
        CC BY-SA 4.0, with this attribution; they are data files, separate from the MIT/Apache code.

DERIVATION: wordfreq stores each language as "cBpack": a list of buckets, bucket i holding the
words whose frequency is 10^(-i/100) (i centibels below 1). We keep the most frequent N words
(default 30,000) that our tokenizer can produce as one token:
  - English: lower-case letters with inner apostrophes or hyphens (no digits, no symbols);
  - Chinese: Han characters only, at least one.
and write them bucket by bucket, most frequent first, as `CENTIBELS<TAB>word word ...`.
Frequency per million words = 10^6 * 10^(-CENTIBELS/100).

USAGE: python3 scripts/derive-reference-frequencies.py [N]
       (needs `pip install msgpack`; fetches the wordfreq wheel from PyPI with `pip download`)
"""
import gzip
import io
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import msgpack

VERSION = "3.1.1"
ROOT = Path(__file__).resolve().parent.parent
EN_WORD = re.compile(r"^[a-z]+(?:['’\-][a-z]+)*$")
HAN = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+$")

HEADER = """\
# {title}
# SOURCE: wordfreq {version} (Robyn Speer; PyPI package `wordfreq`), file wordfreq/data/large_{lang}.msgpack.gz,
#         derived by scripts/derive-reference-frequencies.py: the {n} most frequent entries that are {kind}.
#         wordfreq combines Wikipedia, OPUS OpenSubtitles 2018, SUBTLEX (Brysbaert et al.), Google Books
#         Ngrams, the Leeds Internet Corpus, ParaCrawl, news and web text.
# LICENCE: CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/), as wordfreq's data; attribution above.
# FORMAT: one line per frequency bucket, most frequent first: CENTIBELS<TAB>words separated by spaces.
#         A word's frequency is 10^(-CENTIBELS/100) of all words, i.e. 10^(6 - CENTIBELS/100) per million.
"""


def load(wheel: Path, lang: str):
    with zipfile.ZipFile(wheel) as z:
        data = z.read(f"wordfreq/data/large_{lang}.msgpack.gz")
    pack = msgpack.unpackb(gzip.decompress(data), raw=False)
    assert pack[0] == {"format": "cB", "version": 1}, pack[0]
    return pack[1:]


def derive(buckets, keep, n):
    out, total = [], 0
    for cb, words in enumerate(buckets):
        chosen = [w for w in words if keep(w)]
        if not chosen:
            continue
        chosen = chosen[: n - total]
        out.append((cb, sorted(chosen)))
        total += len(chosen)
        if total >= n:
            break
    return out, total


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 30000
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp, f"wordfreq=={VERSION}"], check=True)
        wheel = next(Path(tmp).glob("wordfreq-*.whl"))
        for lang, title, kind, keep in [
            ("en", "General English word frequencies (reference corpus for keyness)", "lower-case English words (letters, inner ' or -)", lambda w: bool(EN_WORD.match(w))),
            ("zh", "General Chinese word frequencies (reference corpus for keyness)", "Chinese words written in Han characters only", lambda w: bool(HAN.match(w))),
        ]:
            rows, total = derive(load(wheel, lang), keep, n)
            path = ROOT / "data" / lang / "reference-frequencies.txt"
            with path.open("w", encoding="utf-8") as f:
                f.write(HEADER.format(title=title, version=VERSION, lang=lang, n=total, kind=kind))
                for cb, words in rows:
                    f.write(f"{cb}\t{' '.join(words)}\n")
            print(f"{path.relative_to(ROOT)}: {total} words, {len(rows)} buckets, {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
