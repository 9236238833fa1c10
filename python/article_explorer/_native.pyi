"""Type stubs of the compiled module (python/src/lib.rs). Reports are plain JSON-shaped values:
the fields are those of the CLI's JSON (docs/report.md)."""
from typing import Any, Dict, List, Literal, Optional, Sequence

Report = Dict[str, Any]
Lang = Literal["auto", "en", "zh"]
Mode = Literal["term", "exact", "text"]

REPORT_VERSION: int
__version__: str

class Engine:
    """An engine with its own Chinese words, stopword and official-term edits; immutable and thread-safe. The
    package's module-level functions are the methods of an engine without settings."""

    def __init__(
        self,
        user_words: Optional[Sequence[str]] = None,
        stopwords: Optional[Sequence[str]] = None,
        not_stopwords: Optional[Sequence[str]] = None,
        official_terms: Optional[Sequence[str]] = None,
        not_official_terms: Optional[Sequence[str]] = None,
    ) -> None: ...
    def analyze(
        self,
        text: str,
        dct: Optional[str] = None,
        lang: Lang = "auto",
        tokens: bool = False,
        keyword_limit: Optional[int] = None,
        stopwords_add: Optional[Sequence[str]] = None,
        stopwords_remove: Optional[Sequence[str]] = None,
        keep_numbers: bool = False,
    ) -> Report:
        """The analysis report as a dict, equal to the CLI's `analyze` JSON. Raises ValueError for
        a bad date (not YYYY-MM-DD) or language."""
    def analyze_json(
        self,
        text: str,
        dct: Optional[str] = None,
        lang: Lang = "auto",
        tokens: bool = False,
        keyword_limit: Optional[int] = None,
        stopwords_add: Optional[Sequence[str]] = None,
        stopwords_remove: Optional[Sequence[str]] = None,
        keep_numbers: bool = False,
    ) -> str:
        """The analysis report as a JSON string (the CLI's output without its final newline)."""
    def segment(self, text: str) -> List[List[str]]:
        """The words of each line (punctuation kept, white space left out)."""
    def concordance(self, text: str, query: str, mode: Mode = "term", context: int = 60, limit: int = 500) -> Dict[str, Any]:
        """The occurrences of a word or phrase with context: {"total", "mode", "lines"}. Raises
        ValueError for a bad mode."""
    def compare(self, text_a: str, text_b: str) -> Dict[str, Any]:
        """The keyness of two texts against each other: {"words_a", "words_b", "over_a", "over_b", ...}."""
