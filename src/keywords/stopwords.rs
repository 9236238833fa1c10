//! Stopword lists, one data file per language under `data/<lang>/stopwords.txt`.

use rustc_hash::FxHashSet;
use std::sync::LazyLock;

/// A set of words left out of keyword counts.
///
/// ```
/// let list = article_explorer::Stopwords::parse("# FORMAT: one per line\nthe\nAnd\n");
/// assert!(list.contains("the") && list.contains("and") && !list.contains("work"));
/// ```
#[derive(Debug, Clone, Default)]
pub struct Stopwords {
    words: FxHashSet<String>,
}

impl Stopwords {
    /// Parses a word list: one word per line, `#` comments and blank lines ignored, lower-cased.
    ///
    /// ```
    /// assert!(article_explorer::Stopwords::parse("的\n").contains("的"));
    /// ```
    pub fn parse(data: &str) -> Self {
        let words = data.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(crate::text::case::to_lowercase).collect();
        Stopwords { words }
    }

    /// The built-in English list.
    ///
    /// ```
    /// assert!(article_explorer::Stopwords::english().contains("which"));
    /// ```
    pub fn english() -> &'static Stopwords {
        static EN: LazyLock<Stopwords> = LazyLock::new(|| Stopwords::parse(data!("en/stopwords.txt")));
        &EN
    }

    /// The built-in Chinese list (empty in a build without the `zh` feature).
    ///
    /// ```
    /// assert!(article_explorer::Stopwords::chinese().contains("我们"));
    /// ```
    pub fn chinese() -> &'static Stopwords {
        #[cfg(feature = "zh")]
        static ZH: LazyLock<Stopwords> = LazyLock::new(|| Stopwords::parse(data!("zh/stopwords.txt")));
        // Without `zh` (the page's light module): empty; every word of the list contains Han
        // characters, and the page never sends that module Han text.
        #[cfg(not(feature = "zh"))]
        static ZH: LazyLock<Stopwords> = LazyLock::new(|| Stopwords::parse(""));
        &ZH
    }

    /// Both built-in lists together (what keyword analysis uses for any text).
    ///
    /// ```
    /// let list = article_explorer::Stopwords::builtin();
    /// assert!(list.contains("the") && list.contains("的"));
    /// ```
    pub fn builtin() -> &'static Stopwords {
        static BOTH: LazyLock<Stopwords> = LazyLock::new(|| {
            let mut words = Stopwords::english().words.clone();
            words.extend(Stopwords::chinese().words.iter().cloned());
            Stopwords { words }
        });
        &BOTH
    }

    /// The built-in lists with the user's additions and removals applied.
    ///
    /// ```
    /// use article_explorer::Stopwords;
    /// let list = Stopwords::customized(&["Party".to_string()], &["must".to_string()]);
    /// assert!(list.contains("party") && !list.contains("must") && list.contains("the"));
    /// ```
    pub fn customized(add: &[String], remove: &[String]) -> Stopwords {
        Stopwords::builtin().edited(add, remove)
    }

    /// This list with additions (trimmed, blank ones ignored), then removals, applied.
    ///
    /// ```
    /// let list = article_explorer::Stopwords::parse("the\nwill\n").edited(&[" Party "], &["WILL"]);
    /// assert_eq!(list.words(), ["party", "the"]);
    /// ```
    pub fn edited<A: AsRef<str>, R: AsRef<str>>(&self, add: &[A], remove: &[R]) -> Stopwords {
        let mut list = self.clone();
        list.extend(add.iter().map(|w| w.as_ref().trim()).filter(|w| !w.is_empty()));
        list.remove(remove.iter().map(AsRef::as_ref));
        list
    }

    /// Removes words (any case).
    ///
    /// ```
    /// let mut list = article_explorer::Stopwords::parse("will\nshall\n");
    /// list.remove(["Will"]);
    /// assert!(!list.contains("will") && list.contains("shall"));
    /// ```
    pub fn remove<'w>(&mut self, words: impl IntoIterator<Item = &'w str>) {
        for w in words {
            self.words.remove(&crate::text::case::to_lowercase(w.trim()));
        }
    }

    /// The words, sorted (for the page's editor).
    ///
    /// ```
    /// assert_eq!(article_explorer::Stopwords::parse("b\na\n").words(), ["a", "b"]);
    /// ```
    pub fn words(&self) -> Vec<&str> {
        let mut out: Vec<&str> = self.words.iter().map(String::as_str).collect();
        crate::text::sort::sort(&mut out);
        out
    }

    /// Whether `word` (already lower-cased) is on the list.
    ///
    /// ```
    /// assert!(!article_explorer::Stopwords::english().contains("governance"));
    /// ```
    pub fn contains(&self, word: &str) -> bool {
        self.words.contains(word)
    }

    /// Adds words (lower-cased), e.g. the user's additions from the page.
    ///
    /// ```
    /// let mut list = article_explorer::Stopwords::default();
    /// list.extend(["Party"]);
    /// assert!(list.contains("party"));
    /// ```
    pub fn extend<'w>(&mut self, words: impl IntoIterator<Item = &'w str>) {
        self.words.extend(words.into_iter().map(crate::text::case::to_lowercase));
    }
}
