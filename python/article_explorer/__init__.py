"""Article Explorer's analysis core for Python.

Reads news articles (English or Chinese) and reports their structure, sentences, keywords and a
timeline of dated events. The reports are plain dicts and lists with the same fields as the CLI's
JSON (`article-explorer analyze`). Every call releases the GIL while the engine works, so threads
analyze in parallel.

    >>> import article_explorer as ae
    >>> report = ae.analyze("People's Daily (November 5, 2025)\\nIt began in 2019.")
    >>> report["reference_date"]["value"]
    '2025-11-05'
"""

from ._native import REPORT_VERSION, Engine, __version__

# The module-level functions are the methods of one engine without settings of its own; an
# Engine(...) with user words or stopword edits has the same methods.
_DEFAULT = Engine()
analyze = _DEFAULT.analyze
analyze_json = _DEFAULT.analyze_json
segment = _DEFAULT.segment
concordance = _DEFAULT.concordance
compare = _DEFAULT.compare

__all__ = [
    "REPORT_VERSION",
    "Engine",
    "__version__",
    "analyze",
    "analyze_json",
    "compare",
    "concordance",
    "segment",
]
