#!/usr/bin/env python3
"""Compares Article Explorer's Chinese word segmentation with Python jieba (pip install jieba).

usage: scripts/compare-jieba.py [--bin PATH] FILE...   (a .json file: every "Input" string in it)

Runs `article-explorer segment` and jieba.cut(line, HMM=True) on the same lines and prints, per
file and overall, how many words agree: precision/recall/F1 of our words against jieba's (word =
span of non-space characters), and the share of lines segmented identically. White space is not
a word in either. Standard library plus jieba.
"""
import json, subprocess, sys

from word_spans import spans


def lines_of(path):
    if path.endswith('.json'):
        found = []
        def walk(x):
            if isinstance(x, dict):
                for k, v in x.items():
                    if k == 'Input' and isinstance(v, str):
                        found.append(v)
                    else:
                        walk(v)
            elif isinstance(x, list):
                for v in x:
                    walk(v)
        walk(json.load(open(path, encoding='utf-8-sig')))
        return found
    return open(path, encoding='utf-8').read().splitlines()

def main():
    import jieba
    jieba.setLogLevel(60)
    args = sys.argv[1:]
    binary = 'target/release/article-explorer'
    if args[:1] == ['--bin']:
        binary, args = args[1], args[2:]
    total = [0, 0, 0, 0, 0]
    for path in args:
        lines = [l.replace('\r', '') for l in lines_of(path) if l.strip()]
        ours = subprocess.run([binary, 'segment', '-'], input='\n'.join(lines) + '\n', capture_output=True, text=True, check=True).stdout.split('\n')
        tp = n_ours = n_ref = same = 0
        for line, mine in zip(lines, ours):
            a = spans(mine.split('  '))
            b = spans(jieba.cut(line, HMM=True))
            tp += len(a & b); n_ours += len(a); n_ref += len(b); same += a == b
        p, r = tp / max(n_ours, 1), tp / max(n_ref, 1)
        print(f'{path}: {len(lines)} lines, {n_ref} jieba words; P {100*p:.1f} R {100*r:.1f} F1 {200*p*r/max(p+r,1e-9):.1f}; identical lines {100*same/max(len(lines),1):.1f}%')
        for i, v in enumerate((tp, n_ours, n_ref, same, len(lines))):
            total[i] += v
    tp, n_ours, n_ref, same, n = total
    p, r = tp / max(n_ours, 1), tp / max(n_ref, 1)
    print(f'overall: {n} lines; P {100*p:.1f} R {100*r:.1f} F1 {200*p*r/max(p+r,1e-9):.1f}; identical lines {100*same/max(n,1):.1f}%')

main()
