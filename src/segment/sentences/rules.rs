//! The word lists the English sentence splitter decides on: abbreviations and sentence starters,
//! read from `data/en/abbreviations.txt` and `data/en/sentence-starters.txt`.

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

/// How an abbreviation behaves before the next word (see `data/en/abbreviations.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbreviationKind {
    /// Before a name or number; never ends a sentence then (Mr., Dr., Mt.).
    Prefix,
    /// Before a number (No. 5, p. 55); elsewhere an ordinary abbreviation.
    Number,
    /// May end a sentence when a typical sentence opener follows (… & Co. It closed).
    Plain,
}

/// The data of the English sentence splitter: abbreviations and typical sentence openers.
///
/// ```
/// use article_explorer::{AbbreviationKind, SentenceRules};
/// let rules = SentenceRules::from_data("dr prefix\nco plain", "The\nIt");
/// assert_eq!(rules.abbreviation("Dr"), Some(AbbreviationKind::Prefix));
/// assert!(rules.is_starter("It") && !rules.is_starter("Smith"));
/// let text = "Ask Dr. Li at Acme Co. It knows.";
/// let got: Vec<&str> = rules.split(text).into_iter().map(|r| &text[r]).collect();
/// assert_eq!(got, ["Ask Dr. Li at Acme Co.", "It knows."]);
/// ```
#[derive(Debug, Clone, Default)]
pub struct SentenceRules {
    abbreviations: FxHashMap<String, AbbreviationKind>,
    starters: FxHashSet<String>,
}

static ENGLISH: LazyLock<SentenceRules> =
    LazyLock::new(|| SentenceRules::from_data(data!("en/abbreviations.txt"), data!("en/sentence-starters.txt")));

impl SentenceRules {
    /// Rules from the two data files' contents: `abbreviation kind` lines and one starter per
    /// line; `#` starts a comment line. An abbreviation without a kind is `plain`.
    ///
    /// ```
    /// let rules = article_explorer::SentenceRules::from_data("# comment\nvs\n", "");
    /// assert!(rules.abbreviation("VS").is_some());
    /// ```
    pub fn from_data(abbreviations: &str, starters: &str) -> Self {
        let mut rules = SentenceRules::default();
        for line in data_lines(abbreviations) {
            let mut parts = line.split_whitespace();
            let Some(word) = parts.next() else { continue };
            let kind = match parts.next() {
                Some("prefix") => AbbreviationKind::Prefix,
                Some("number") => AbbreviationKind::Number,
                _ => AbbreviationKind::Plain,
            };
            rules.abbreviations.insert(crate::text::case::to_lowercase(word.trim_end_matches('.')), kind);
        }
        rules.starters = data_lines(starters).map(str::to_string).collect();
        rules
    }

    /// The rules built from the embedded English data files.
    ///
    /// ```
    /// assert!(article_explorer::SentenceRules::english().abbreviation("Mr").is_some());
    /// ```
    pub fn english() -> &'static SentenceRules {
        &ENGLISH
    }

    /// The kind of `word` (without its final full stop) if it is a listed abbreviation.
    ///
    /// ```
    /// use article_explorer::{AbbreviationKind, SentenceRules};
    /// assert_eq!(SentenceRules::english().abbreviation("No"), Some(AbbreviationKind::Number));
    /// ```
    pub fn abbreviation(&self, word: &str) -> Option<AbbreviationKind> {
        if word.is_empty() || word.len() > 12 {
            return None;
        }
        if word.bytes().all(|b| !b.is_ascii_uppercase()) {
            return self.abbreviations.get(word).copied();
        }
        self.abbreviations.get(&crate::text::case::to_lowercase(word)).copied()
    }

    /// Whether `word` typically opens a sentence ("The", "It", "However"…).
    ///
    /// ```
    /// assert!(article_explorer::SentenceRules::english().is_starter("However"));
    /// ```
    pub fn is_starter(&self, word: &str) -> bool {
        self.starters.contains(word)
    }
}

fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}
