//! The engine: everything an analysis uses besides the text and its options, as one value. It
//! owns the Chinese word segmenter (dictionary and the user's words), the stopword list and the
//! official-terms lexicon, each with the user's edits; the built-in lexicons and reference lists
//! are immutable data every engine shares. Two engines with different settings analyze side by
//! side in one process; the front doors hold one each (the CLI one per run, the page one per
//! worker).
//!
//! The free functions at the end ([`analyze`], [`compare`], …) use a default engine
//! ([`Engine::new`]) and never change it.

use std::io::BufRead;
use std::sync::{Arc, LazyLock};

use crate::keywords::official_terms::OfficialTerms;
use crate::keywords::stopwords::Stopwords;
use crate::keywords::{Comparison, Concordance, CountRequest};
use crate::options::Options;
use crate::pipeline::{Setup, Stage};
use crate::report::Report;
use crate::segment::tokens::Token;
use crate::segment::zh_words::ChineseWords;
use crate::text::error::Error;

/// The analysis engine: the Chinese dictionary, the user's words, stopword edits, the official
/// terms, and the built-in lists. Cheap to clone (the parts are shared until one clone changes
/// them) and `Send + Sync`, so one engine can serve many threads.
///
/// Settings are built up from [`Engine::new`] with the `with_*` methods (or changed in place
/// with [`Engine::add_user_word`] and [`Engine::load_chinese_dictionary`]); changing a clone
/// never changes the engine it was cloned from.
///
/// ```
/// use article_explorer::{Engine, Options};
/// let engine = Engine::new().with_stopwords(["river"]);
/// let report = engine.analyze("The river rose. The river fell. Boats left the river.", &Options::default());
/// assert!(report.keywords.iter().all(|k| k.term != "river"));
/// assert!(Engine::new().analyze("The river rose. The river fell.", &Options::default()).keywords.iter().any(|k| k.term == "river"));
/// ```
#[derive(Clone)]
pub struct Engine {
    parts: Arc<Parts>,
}

#[derive(Clone)]
struct Parts {
    words: ChineseWords,
    /// The built-in stopword lists with the engine's edits applied; `None` when there are none.
    stopwords: Option<Arc<Stopwords>>,
    /// Terms counted as one keyword. Owned here, not per analysis as stopword edits can be: the
    /// lexicon decides which words a text has, so analyses, comparisons, corpus counts and
    /// concordance indexes (which take no analysis options) must all join the same terms, as
    /// they all cut Chinese with the same user words.
    official: OfficialTerms,
}

impl std::fmt::Debug for Engine {
    /// The settings in brief (the word lists themselves are long).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field("chinese", &self.parts.words)
            .field("stopwords_edited", &self.parts.stopwords.is_some())
            .field("official_terms", &self.parts.official.len())
            .finish()
    }
}

impl Default for Engine {
    /// The same as [`Engine::new`].
    fn default() -> Self {
        Engine::new()
    }
}

impl Engine {
    /// An engine with the built-in lists. Native builds have the embedded Chinese dictionary,
    /// parsed on the first call and then shared by every engine; the wasm build starts without
    /// one (the page loads it with [`Engine::load_chinese_dictionary`] when a text needs it).
    ///
    /// ```
    /// let engine = article_explorer::Engine::new();
    /// # #[cfg(feature = "zh")]
    /// assert_eq!(engine.segment_line("关心社会工作"), ["关心", "社会工作"]);
    /// ```
    pub fn new() -> Engine {
        Engine { parts: Arc::new(Parts { words: ChineseWords::with_default_dictionary(), stopwords: None, official: OfficialTerms::builtin() }) }
    }

    /// An engine with the built-in lists but no Chinese dictionary: Chinese text is cut one
    /// character per word (the user's words kept whole), and reports say so in a warning.
    ///
    /// ```
    /// let engine = article_explorer::Engine::without_chinese_dictionary();
    /// assert_eq!(engine.chinese_dictionary_status(), (false, 0));
    /// assert_eq!(engine.segment_line("社会"), ["社", "会"]);
    /// ```
    pub fn without_chinese_dictionary() -> Engine {
        Engine { parts: Arc::new(Parts { words: ChineseWords::default(), stopwords: None, official: OfficialTerms::builtin() }) }
    }

    /// This engine with the user's words added (e.g. 全过程人民民主), so Chinese segmentation keeps
    /// them whole. Words are trimmed; empty ones and ones with white space are skipped (see
    /// [`Engine::add_user_word`] to check each). The first engine to add words to a shared
    /// dictionary copies it once; it is never parsed again.
    ///
    /// ```
    /// use article_explorer::Engine;
    /// let engine = Engine::new().with_user_words(["新就业群体"]);
    /// assert!(engine.segment_line("关心新就业群体").contains(&"新就业群体"));
    /// assert!(!Engine::new().segment_line("关心新就业群体").contains(&"新就业群体"));
    /// ```
    pub fn with_user_words<I, S>(mut self, words: I) -> Engine
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        for word in words {
            self.add_user_word(word.as_ref(), None);
        }
        self
    }

    /// Adds one user word with an optional jieba frequency (`None` picks the frequency that makes
    /// the segmenter prefer the word over its parts). Returns `false`, changing nothing, for an
    /// empty word or one with white space. A word added again moves to the end of the list.
    ///
    /// ```
    /// let mut engine = article_explorer::Engine::new();
    /// assert!(engine.add_user_word(" 全过程人民民主 ", None));
    /// assert!(!engine.add_user_word("两 个", None));
    /// assert!(engine.segment_line("发展全过程人民民主").contains(&"全过程人民民主"));
    /// ```
    pub fn add_user_word(&mut self, word: &str, freq: Option<usize>) -> bool {
        let word = word.trim();
        if word.is_empty() || word.chars().any(char::is_whitespace) {
            return false;
        }
        Arc::make_mut(&mut self.parts).words.add_word(word, freq);
        true
    }

    /// This engine with the Chinese dictionary `reader` holds instead of its own; see
    /// [`Engine::load_chinese_dictionary`].
    ///
    /// ```
    /// use article_explorer::Engine;
    /// # #[cfg(feature = "zh")] {
    /// let engine = Engine::without_chinese_dictionary().with_chinese_dictionary("社会 100\n社会工作 50\n".as_bytes()).unwrap();
    /// assert_eq!(engine.chinese_dictionary_status(), (true, 2));
    /// # }
    /// ```
    pub fn with_chinese_dictionary(mut self, mut reader: impl BufRead) -> Result<Engine, Error> {
        self.load_chinese_dictionary(&mut reader)?;
        Ok(self)
    }

    /// Replaces the engine's Chinese dictionary with the one `reader` holds: jieba's UTF-8 lines
    /// `word [frequency [tag]]`, optionally followed by a line `%%hmm` and jieba's HMM model.
    /// Returns the number of entries. The user's words are kept. Errors:
    /// [`Error::ChineseDictionary`] or [`Error::ChineseHmmModel`] for unreadable data (the engine
    /// keeps its dictionary), [`Error::NoChineseSupport`] in a build without the `zh` feature.
    ///
    /// ```
    /// use article_explorer::{Engine, Error};
    /// let mut engine = Engine::new();
    /// # #[cfg(feature = "zh")] {
    /// assert_eq!(engine.load_chinese_dictionary(&mut "社会 100\n社会工作 50\n".as_bytes()), Ok(2));
    /// assert!(matches!(engine.load_chinese_dictionary(&mut "社会 many\n".as_bytes()), Err(Error::ChineseDictionary { .. })));
    /// assert_eq!(engine.chinese_dictionary_status(), (true, 2));
    /// # }
    /// ```
    pub fn load_chinese_dictionary(&mut self, reader: &mut dyn BufRead) -> Result<usize, Error> {
        // Loaded into a copy of the segmenter first, so a failure leaves the engine as it was.
        let mut words = self.parts.words.clone();
        let entries = words.load(reader)?;
        Arc::make_mut(&mut self.parts).words = words;
        Ok(entries)
    }

    /// This engine with `words` added to its stopword list (any case; blank ones ignored), so
    /// keyword analysis leaves them out. Stopword edits accumulate in the order made
    /// ([`Engine::with_stopwords`], [`Engine::without_stopwords`]); an analysis's options
    /// (`stopwords_add`, `stopwords_remove`) apply on top of them for that call only.
    ///
    /// ```
    /// use article_explorer::Engine;
    /// let engine = Engine::new().with_stopwords(["Party"]);
    /// assert!(engine.stopwords().contains("party") && engine.stopwords().contains("the"));
    /// ```
    pub fn with_stopwords<I, S>(self, words: I) -> Engine
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let words: Vec<S> = words.into_iter().collect();
        self.edit_stopwords(&words, &[] as &[&str])
    }

    /// This engine with `words` taken out of its stopword list (any case), so they count as
    /// keywords again; see [`Engine::with_stopwords`].
    ///
    /// ```
    /// use article_explorer::Engine;
    /// let engine = Engine::new().without_stopwords(["must"]);
    /// assert!(!engine.stopwords().contains("must") && engine.stopwords().contains("the"));
    /// ```
    pub fn without_stopwords<I, S>(self, words: I) -> Engine
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let words: Vec<S> = words.into_iter().collect();
        self.edit_stopwords(&[] as &[&str], &words)
    }

    fn edit_stopwords<A: AsRef<str>, R: AsRef<str>>(mut self, add: &[A], remove: &[R]) -> Engine {
        let edited = self.stopwords().edited(add, remove);
        Arc::make_mut(&mut self.parts).stopwords = Some(Arc::new(edited));
        self
    }

    /// The stopword list keyword analysis leaves out: the built-in lists with the engine's edits.
    ///
    /// ```
    /// assert!(article_explorer::Engine::new().stopwords().contains("which"));
    /// ```
    pub fn stopwords(&self) -> &Stopwords {
        self.parts.stopwords.as_deref().unwrap_or_else(|| Stopwords::builtin())
    }

    /// This engine with `terms` added to its official-terms lexicon (trimmed, either script), so
    /// keyword analysis counts each as one word where the segmenter cuts it; empty terms and ones
    /// with white space are skipped (see [`Engine::add_official_term`] to check each).
    ///
    /// ```
    /// use article_explorer::{Engine, KeywordKind, Options};
    /// let text = "发展新型储能。新型储能提速。新型储能是关键。";
    /// let words = |engine: &Engine| -> Vec<String> {
    ///     let keywords = engine.analyze(text, &Options::default()).keywords.into_iter();
    ///     keywords.filter(|k| k.kind == KeywordKind::Word).map(|k| k.term).collect()
    /// };
    /// # #[cfg(feature = "zh")] {
    /// assert!(words(&Engine::new().with_official_terms(["新型储能"])).contains(&"新型储能".to_string()));
    /// assert!(!words(&Engine::new()).contains(&"新型储能".to_string()));
    /// # }
    /// ```
    pub fn with_official_terms<I, S>(mut self, terms: I) -> Engine
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        for term in terms {
            self.add_official_term(term.as_ref());
        }
        self
    }

    /// This engine with `terms` taken out of its official-terms lexicon (built-in or added), so
    /// their parts count as words of their own again.
    ///
    /// ```
    /// let engine = article_explorer::Engine::new().without_official_terms(["一带一路"]);
    /// assert!(!engine.official_terms().contains("一带一路"));
    /// ```
    pub fn without_official_terms<I, S>(mut self, terms: I) -> Engine
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        for term in terms {
            self.remove_official_term(term.as_ref());
        }
        self
    }

    /// Adds one official term (see [`OfficialTerms::insert`]). Returns `false`, changing nothing,
    /// for an empty term or one with white space.
    ///
    /// ```
    /// let mut engine = article_explorer::Engine::new();
    /// assert!(engine.add_official_term("新就业群体"));
    /// assert!(!engine.add_official_term(" "));
    /// assert!(engine.official_terms().contains("新就业群体"));
    /// # #[cfg(feature = "zh")]
    /// assert!(engine.official_terms().contains("新就業群體"));
    /// ```
    pub fn add_official_term(&mut self, term: &str) -> bool {
        // Checked first, so a refused term leaves a shared engine unshared.
        if !OfficialTerms::default().insert(term) {
            return false;
        }
        Arc::make_mut(&mut self.parts).official.insert(term)
    }

    /// Takes one official term out (built-in or added, either script); returns whether it was there.
    ///
    /// ```
    /// let mut engine = article_explorer::Engine::new();
    /// engine.add_official_term("新就业群体");
    /// assert!(engine.remove_official_term("新就业群体"));
    /// assert!(!engine.remove_official_term("新就业群体"));
    /// ```
    pub fn remove_official_term(&mut self, term: &str) -> bool {
        if !self.parts.official.contains(term) {
            return false;
        }
        Arc::make_mut(&mut self.parts).official.remove(term)
    }

    /// Replaces the engine's official-terms lexicon, e.g. with an empty one to drop the built-in
    /// terms, or with [`OfficialTerms::builtin`] to undo every edit.
    ///
    /// ```
    /// use article_explorer::{Engine, OfficialTerms};
    /// let mut engine = Engine::new().with_official_terms(["新就业群体"]);
    /// engine.set_official_terms(OfficialTerms::default());
    /// assert!(engine.official_terms().is_empty());
    /// ```
    pub fn set_official_terms(&mut self, terms: OfficialTerms) {
        Arc::make_mut(&mut self.parts).official = terms;
    }

    /// The official terms keyword analysis counts as one word: the built-in lexicon with the
    /// engine's edits.
    ///
    /// ```
    /// # #[cfg(feature = "zh")]
    /// assert!(article_explorer::Engine::new().official_terms().contains("全过程人民民主"));
    /// ```
    pub fn official_terms(&self) -> &OfficialTerms {
        &self.parts.official
    }

    /// Whether the engine has a Chinese dictionary (natively always, from [`Engine::new`]; in the
    /// browser once the page has loaded it), and how many entries it has.
    ///
    /// ```
    /// # #[cfg(feature = "zh")]
    /// assert!(article_explorer::Engine::new().chinese_dictionary_status().0);
    /// ```
    pub fn chinese_dictionary_status(&self) -> (bool, usize) {
        self.parts.words.status()
    }

    /// Analyzes `text`.
    ///
    /// ```
    /// let report = article_explorer::Engine::new().analyze("In 2019 it began. It ended.", &Default::default());
    /// assert_eq!(report.stats.sentences, 2);
    /// assert_eq!(report.timexes[0].value, "2019");
    /// ```
    pub fn analyze(&self, text: &str, options: &Options) -> Report {
        self.analyze_with_progress(text, options, &mut |_, _| {})
    }

    /// Analyzes `text`, calling `progress(stage, fraction_done)` as it goes (fraction in 0..=1).
    ///
    /// ```
    /// let mut stages = Vec::new();
    /// article_explorer::Engine::new().analyze_with_progress("Hi.", &Default::default(), &mut |s, _| stages.push(s));
    /// assert_eq!(stages.first(), Some(&article_explorer::Stage::Structure));
    /// ```
    pub fn analyze_with_progress(&self, text: &str, options: &Options, progress: &mut dyn FnMut(Stage, f64)) -> Report {
        let stopwords = self.stopwords_for(options);
        let setup = Setup { words: &self.parts.words, stopwords: &stopwords, official: &self.parts.official };
        crate::pipeline::analyze(text, options, &setup, progress)
    }

    /// Compares the content words (stopwords out, inflections grouped) of two texts; each list has
    /// at most `options.keyword_limit` entries (default 100).
    ///
    /// ```
    /// let a = "The river floods. The river rises. Boats on the river.";
    /// let b = "The market opens. The market closes. Prices in the market.";
    /// let c = article_explorer::Engine::new().compare(a, b, &Default::default());
    /// assert_eq!(c.over_a[0].term, "river");
    /// assert_eq!((c.over_a[0].count_a, c.over_a[0].count_b), (3, 0));
    /// assert_eq!(c.over_b[0].term, "market");
    /// ```
    pub fn compare(&self, text_a: &str, text_b: &str, options: &Options) -> Comparison {
        let stopwords = self.stopwords_for(options);
        crate::keywords::compare(text_a, text_b, options, &self.parts.words, &stopwords, &self.parts.official)
    }

    /// Segments and indexes `text` for concordance queries (every word is indexed, so no option
    /// matters); queries are segmented by this engine too.
    ///
    /// ```
    /// use article_explorer::{ConcordanceOptions, Engine};
    /// let index = Engine::new().concordance("Social work matters. Social workers work hard.");
    /// assert_eq!(index.query("social work", &ConcordanceOptions::default()).total, 1);
    /// ```
    pub fn concordance(&self, text: &str) -> Concordance {
        Concordance::index(text, &self.parts.words, &self.parts.official)
    }

    /// The tokens of `text` (white space left out), Chinese cut into words.
    ///
    /// ```
    /// use article_explorer::{Engine, TokenKind};
    /// let toks = Engine::new().tokens("In 2025 社会工作 grew.");
    /// let kinds: Vec<TokenKind> = toks.iter().map(|t| t.kind).collect();
    /// assert_eq!(kinds, [TokenKind::Word, TokenKind::Number, TokenKind::Cjk, TokenKind::Word, TokenKind::Punctuation]);
    /// ```
    pub fn tokens(&self, text: &str) -> Vec<Token> {
        crate::segment::tokens::tokens_of(text, &self.parts.words)
    }

    /// The words of one line as the SIGHAN bakeoff writes them: every token (punctuation
    /// included), white space left out.
    ///
    /// ```
    /// # #[cfg(feature = "zh")]
    /// assert_eq!(article_explorer::Engine::new().segment_line("我们 love 社会工作。"), ["我们", "love", "社会工作", "。"]);
    /// ```
    pub fn segment_line<'t>(&self, line: &'t str) -> Vec<&'t str> {
        self.tokens(line).into_iter().map(|t| &line[t.range]).collect()
    }

    /// Analyzes `text` and counts, from the tokens the analysis cuts, what a corpus summary keeps
    /// (`request`): content words by grouping key, 2–4 word sequences seen at least
    /// `ngram_min_count` times, the exact counts of the tracked key sequences (from
    /// [`Engine::term_keys`]), left in the request. One segmentation for both.
    pub(crate) fn analyze_counted(&self, text: &str, options: &Options, request: Option<&CountRequest>) -> Report {
        let stopwords = self.stopwords_for(options);
        crate::pipeline::analyze_counted(
            text,
            options,
            &Setup { words: &self.parts.words, stopwords: &stopwords, official: &self.parts.official },
            &mut |_, _| {},
            request,
        )
    }

    /// The counts of [`Engine::analyze_counted`] from a segmentation of their own (the test's
    /// independent count).
    #[cfg(test)]
    pub(crate) fn term_counts(&self, text: &str, options: &Options, request: &CountRequest) -> crate::keywords::TermCounts {
        let stopwords = self.stopwords_for(options);
        crate::keywords::term_counts(text, &self.parts.words, &stopwords, &self.parts.official, options.keep_numbers, request)
    }

    /// The grouping keys of a query term's words, as [`Engine::analyze_counted`] keys them, each with
    /// whether it is a stopword's.
    pub(crate) fn term_keys(&self, query: &str, options: &Options) -> Vec<(String, bool)> {
        let stopwords = self.stopwords_for(options);
        crate::keywords::term_keys(query, &self.parts.words, &stopwords, &self.parts.official, options.keep_numbers)
    }

    /// The stopword list of one call: the engine's, with the options' edits on top.
    fn stopwords_for(&self, options: &Options) -> std::borrow::Cow<'_, Stopwords> {
        if options.stopwords_add.is_empty() && options.stopwords_remove.is_empty() {
            std::borrow::Cow::Borrowed(self.stopwords())
        } else {
            std::borrow::Cow::Owned(self.stopwords().edited(&options.stopwords_add, &options.stopwords_remove))
        }
    }
}

/// The engine the free functions use: [`Engine::new`], never changed.
fn default_engine() -> &'static Engine {
    static DEFAULT: LazyLock<Engine> = LazyLock::new(Engine::new);
    &DEFAULT
}

/// Analyzes `text` with the default engine ([`Engine::analyze`]).
///
/// ```
/// let report = article_explorer::analyze("In 2019 it began. It ended.", &Default::default());
/// assert_eq!(report.stats.sentences, 2);
/// assert_eq!(report.timexes[0].value, "2019");
/// ```
pub fn analyze(text: &str, options: &Options) -> Report {
    default_engine().analyze(text, options)
}

/// Analyzes `text` with the default engine, reporting progress ([`Engine::analyze_with_progress`]).
///
/// ```
/// let mut stages = Vec::new();
/// article_explorer::analyze_with_progress("Hi.", &Default::default(), &mut |s, _| stages.push(s));
/// assert_eq!(stages.last(), Some(&article_explorer::Stage::Report));
/// ```
pub fn analyze_with_progress(text: &str, options: &Options, progress: &mut dyn FnMut(Stage, f64)) -> Report {
    default_engine().analyze_with_progress(text, options, progress)
}

/// Compares two texts with the default engine ([`Engine::compare`]).
///
/// ```
/// let a = "The river floods. The river rises. Boats on the river.";
/// let b = "The market opens. The market closes. Prices in the market.";
/// assert_eq!(article_explorer::compare(a, b, &Default::default()).over_b[0].term, "market");
/// ```
pub fn compare(text_a: &str, text_b: &str, options: &Options) -> Comparison {
    default_engine().compare(text_a, text_b, options)
}

/// The tokens of `text` as the default engine cuts them ([`Engine::tokens`]).
///
/// ```
/// let t = &article_explorer::tokens_of("Hi!")[1];
/// assert_eq!((t.range.clone(), t.kind), (2..3, article_explorer::TokenKind::Punctuation));
/// ```
pub fn tokens_of(text: &str) -> Vec<Token> {
    default_engine().tokens(text)
}

/// The words of one line as the default engine cuts them ([`Engine::segment_line`]).
///
/// ```
/// # #[cfg(feature = "zh")]
/// assert_eq!(article_explorer::segment_line("我们 love 社会工作。"), ["我们", "love", "社会工作", "。"]);
/// ```
pub fn segment_line(line: &str) -> Vec<&str> {
    default_engine().segment_line(line)
}

/// The default engine's Chinese dictionary status ([`Engine::chinese_dictionary_status`]).
///
/// ```
/// # #[cfg(feature = "zh")]
/// assert!(article_explorer::chinese_dictionary_status().0);
/// ```
pub fn chinese_dictionary_status() -> (bool, usize) {
    default_engine().chinese_dictionary_status()
}
