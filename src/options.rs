//! What a caller can ask of an analysis.

use serde::{Deserialize, Serialize};

use crate::text::error::Error;

/// Which language rules to apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum LanguageChoice {
    /// Detect per paragraph.
    #[default]
    Auto,
    /// Treat the text as English.
    En,
    /// Treat the text as Chinese.
    Zh,
}

impl std::str::FromStr for LanguageChoice {
    type Err = Error;

    /// Parses `auto`, `en` or `zh`; anything else is [`Error::InvalidOption`].
    ///
    /// ```
    /// use article_explorer::LanguageChoice;
    /// assert_eq!("zh".parse::<LanguageChoice>(), Ok(LanguageChoice::Zh));
    /// let error = "fr".parse::<LanguageChoice>().unwrap_err();
    /// assert_eq!(error.to_string(), r#"unknown language "fr": expected auto, en or zh"#);
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "auto" => Ok(LanguageChoice::Auto),
            "en" => Ok(LanguageChoice::En),
            "zh" => Ok(LanguageChoice::Zh),
            other => Err(Error::InvalidOption { option: "language".into(), value: other.into(), expected: "auto, en or zh".into() }),
        }
    }
}

/// Options of one analysis. The page passes them as a plain object; unknown fields are ignored.
///
/// ```
/// let opts = article_explorer::Options { dct: Some("2025-11-05".into()), ..Default::default() };
/// let report = article_explorer::analyze("Last year.", &opts);
/// assert_eq!(report.reference_date.value.as_deref(), Some("2025-11-05"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Options {
    /// The reference date (`YYYY-MM-DD`). When given it wins over the text's dateline.
    pub dct: Option<String>,
    /// Language rules to apply.
    pub lang: LanguageChoice,
    /// How many keywords to report (default [`Options::DEFAULT_KEYWORDS`]).
    pub keyword_limit: Option<usize>,
    /// Include every token (word, number, punctuation…) in the report's `tokens`; off by default
    /// so reports of long texts stay compact.
    pub tokens: bool,
    /// Words the user added to the stopword lists (any case; the page persists them).
    pub stopwords_add: Vec<String>,
    /// Built-in stopwords the user wants counted again.
    pub stopwords_remove: Vec<String>,
    /// Count numbers (and words that start with a digit, such as "15th") as keywords.
    pub keep_numbers: bool,
}

impl Options {
    /// Keywords reported when `keyword_limit` is not set.
    pub const DEFAULT_KEYWORDS: usize = 100;
}

/// Checks a `YYYY-MM-DD` date (white space around it ignored) and returns it normalised, or
/// [`Error::InvalidDate`].
///
/// ```
/// use article_explorer::{Error, parse_date};
/// assert_eq!(parse_date(" 2024-02-29"), Ok("2024-02-29".to_string()));
/// assert_eq!(parse_date("2025-02-29"), Err(Error::InvalidDate { value: "2025-02-29".into() }));
/// ```
pub fn parse_date(s: &str) -> Result<String, Error> {
    crate::timex::Date::parse(s.trim()).map(crate::timex::Date::iso).ok_or_else(|| Error::InvalidDate { value: s.to_string() })
}
