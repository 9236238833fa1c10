"""Word spans for scoring a segmentation, shared by compare-jieba.py and score-segmentation.py.

A word is the character span it covers once white space is removed, so two segmentations of the
same text compare as sets of spans (the way the SIGHAN bakeoff's `score` counts a word right only
when both its ends are right).
"""


def spans(words):
    out, at = set(), 0
    for w in words:
        w = ''.join(w.split())
        if w:
            out.add((at, at + len(w)))
            at += len(w)
    return out
