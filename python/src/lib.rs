//! The Python binding: `article_explorer._native`, re-exported by `article_explorer/__init__.py`,
//! whose module-level functions are the methods of one default `Engine`.
//!
//! Every call copies its text into Rust and releases the GIL while the engine works and writes its
//! result as JSON with serde_json, as the CLI does (so Python threads analyze in parallel); the
//! JSON becomes dicts and lists with the standard library's `json.loads`, which is C code. The
//! values are then exactly the CLI's: the same serializer writes them (floats included), and
//! pairs such as the keywords' dispersion come back as lists, as from the CLI's JSON (a direct
//! serde-to-Python conversion such as `pythonize` makes tuples of them). Bad options raise
//! `ValueError` with the engine's own message.

use article_explorer::{ConcordanceOptions, Engine, Error, LanguageChoice, MatchMode, Options, parse_date};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use serde::Serialize;

fn value_error(e: Error) -> PyErr {
    PyValueError::new_err(e.to_string())
}

/// A result as JSON, written while the GIL is released.
fn to_json<T: Serialize>(value: &T) -> PyResult<String> {
    serde_json::to_string(value).map_err(|e| PyValueError::new_err(format!("could not write the result: {e}")))
}

/// JSON to Python values (`json.loads`, looked up once).
fn from_json<'py>(py: Python<'py>, json: String) -> PyResult<Bound<'py, PyAny>> {
    static LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let loads = LOADS.get_or_try_init(py, || py.import("json")?.getattr("loads").map(Bound::unbind))?;
    loads.bind(py).call1((json,))
}

/// The options of one analysis, checked as the CLI checks its flags.
#[allow(clippy::too_many_arguments)]
fn options(
    dct: Option<&str>,
    lang: &str,
    tokens: bool,
    keyword_limit: Option<usize>,
    stopwords_add: Option<Vec<String>>,
    stopwords_remove: Option<Vec<String>>,
    keep_numbers: bool,
) -> PyResult<Options> {
    Ok(Options {
        dct: dct.map(parse_date).transpose().map_err(value_error)?,
        lang: lang.parse::<LanguageChoice>().map_err(value_error)?,
        keyword_limit,
        tokens,
        stopwords_add: stopwords_add.unwrap_or_default(),
        stopwords_remove: stopwords_remove.unwrap_or_default(),
        keep_numbers,
    })
}

fn match_mode(mode: &str) -> PyResult<MatchMode> {
    mode.parse().map_err(value_error)
}

/// An engine with its own settings: extra Chinese words kept whole by segmentation, words added
/// to or taken out of the stopword lists, and official terms added to or taken out of the lexicon. Immutable, so one engine can serve many threads.
/// The package's module-level functions are the methods of an engine with no settings.
#[pyclass(name = "Engine", frozen, module = "article_explorer")]
struct PyEngine {
    engine: Engine,
}

#[pymethods]
impl PyEngine {
    /// user_words: Chinese words to keep whole (e.g. "全过程人民民主"). stopwords: words to leave
    /// out of the keywords. not_stopwords: built-in stopwords to count as keywords again.
    /// official_terms: terms counted as one keyword where segmentation cuts them (e.g. "新型储能").
    /// not_official_terms: built-in official terms whose parts count as words again.
    #[new]
    #[pyo3(signature = (user_words=None, stopwords=None, not_stopwords=None, official_terms=None, not_official_terms=None))]
    fn new(
        user_words: Option<Vec<String>>,
        stopwords: Option<Vec<String>>,
        not_stopwords: Option<Vec<String>>,
        official_terms: Option<Vec<String>>,
        not_official_terms: Option<Vec<String>>,
    ) -> Self {
        // Engines share the embedded dictionary until one adds words of its own.
        let mut engine = Engine::new();
        if let Some(words) = user_words {
            engine = engine.with_user_words(words);
        }
        if let Some(words) = stopwords {
            engine = engine.with_stopwords(words);
        }
        if let Some(words) = not_stopwords {
            engine = engine.without_stopwords(words);
        }
        if let Some(terms) = official_terms {
            engine = engine.with_official_terms(terms);
        }
        if let Some(terms) = not_official_terms {
            engine = engine.without_official_terms(terms);
        }
        PyEngine { engine }
    }

    /// Analyzes an article and returns the report as a dict, the same as the CLI's
    /// `article-explorer analyze` JSON: structure, sentences, keywords, time expressions and timeline.
    ///
    /// dct: the reference date (YYYY-MM-DD) for relative expressions; it wins over the text's dateline.
    /// lang: "auto" (detect per paragraph), "en" or "zh". tokens: include every token.
    /// keyword_limit: how many keywords (default 100). Raises ValueError for a bad date or language.
    #[pyo3(signature = (text, dct=None, lang="auto", tokens=false, keyword_limit=None, stopwords_add=None, stopwords_remove=None, keep_numbers=false))]
    #[allow(clippy::too_many_arguments)]
    fn analyze<'py>(
        &self,
        py: Python<'py>,
        text: String,
        dct: Option<&str>,
        lang: &str,
        tokens: bool,
        keyword_limit: Option<usize>,
        stopwords_add: Option<Vec<String>>,
        stopwords_remove: Option<Vec<String>>,
        keep_numbers: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        let json = self.analyze_json(py, text, dct, lang, tokens, keyword_limit, stopwords_add, stopwords_remove, keep_numbers)?;
        from_json(py, json)
    }

    /// Like analyze, but returns the report as a JSON string (byte for byte the CLI's output
    /// without the final newline): for storing reports, or handing them to another process.
    #[pyo3(signature = (text, dct=None, lang="auto", tokens=false, keyword_limit=None, stopwords_add=None, stopwords_remove=None, keep_numbers=false))]
    #[allow(clippy::too_many_arguments)]
    fn analyze_json(
        &self,
        py: Python<'_>,
        text: String,
        dct: Option<&str>,
        lang: &str,
        tokens: bool,
        keyword_limit: Option<usize>,
        stopwords_add: Option<Vec<String>>,
        stopwords_remove: Option<Vec<String>>,
        keep_numbers: bool,
    ) -> PyResult<String> {
        let options = options(dct, lang, tokens, keyword_limit, stopwords_add, stopwords_remove, keep_numbers)?;
        py.detach(|| to_json(&self.engine.analyze(&text, &options)))
    }

    /// Cuts each line of the text into words (Chinese by jieba with the embedded dictionary and
    /// this engine's words, other text by Unicode word boundaries, punctuation kept): one list of
    /// words per line, as the CLI's `segment` prints them.
    fn segment(&self, py: Python<'_>, text: String) -> Vec<Vec<String>> {
        py.detach(|| text.lines().map(|line| self.engine.segment_line(line).into_iter().map(str::to_owned).collect()).collect())
    }

    /// The occurrences of a word or phrase with their context (keyword in context), as a dict:
    /// total (all matches), mode (after any fallback) and lines (start, end, left, text, right, …).
    ///
    /// mode: "term" (any inflection and case), "exact" (word forms, any case) or "text" (plain search).
    /// context: characters on each side. limit: at most this many lines. Raises ValueError for a bad mode.
    #[pyo3(signature = (text, query, mode="term", context=60, limit=500))]
    fn concordance<'py>(
        &self,
        py: Python<'py>,
        text: String,
        query: String,
        mode: &str,
        context: usize,
        limit: usize,
    ) -> PyResult<Bound<'py, PyAny>> {
        let options = ConcordanceOptions { mode: match_mode(mode)?, context, limit };
        let json = py.detach(|| to_json(&self.engine.concordance(&text).query(&query, &options)))?;
        from_json(py, json)
    }

    /// The keyness of two texts against each other, as a dict: the words each over-uses relative to
    /// the other (log-likelihood, log ratio), the same as the CLI's `compare`.
    fn compare<'py>(&self, py: Python<'py>, text_a: String, text_b: String) -> PyResult<Bound<'py, PyAny>> {
        let json = py.detach(|| to_json(&self.engine.compare(&text_a, &text_b, &Options::default())))?;
        from_json(py, json)
    }
}

/// Article Explorer's analysis core: reads news articles (English or Chinese) and reports their
/// structure, sentences, keywords and a timeline of dated events.
#[pymodule]
#[pyo3(name = "_native")]
fn native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyEngine>()?;
    m.add("REPORT_VERSION", article_explorer::REPORT_VERSION)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
