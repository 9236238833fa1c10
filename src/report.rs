//! The report: the one value both front doors (the CLI's JSON and the page's worker) hand out.
//!
//! Every offset in a report is a half-open `[start, end)` range of UTF-16 code units into the
//! text exactly as it was given (what JavaScript's `String.prototype.slice` takes). The core
//! works in byte offsets internally and converts once, when the report is built.
//!
//! Contract versions ([`REPORT_VERSION`]):
//! - 3: each timex says how its value was found (`rule`, `anchor`, `anchor_timex`, `mod`) and
//!   timeline entries mark soft ends (`soft_start`, `soft_end`); a paragraph may be of kind
//!   `caption` (a picture caption of a Chinese newspaper page), and `header` may hold the fields
//!   `date` and `page` (a masthead) and `dateline` (本报北京11月4日电). All are additions.
//! - 2: `warnings` holds objects `{"code": …, "params": {…}}` ([`Warning`]) that readers
//!   translate; `params` is always an object, empty when the code takes none.
//! - 1: `warnings` held English sentences. Readers of stored reports keep showing those as they
//!   are; nothing else differs from version 2.

use serde::{Deserialize, Serialize};

pub use crate::segment::structure::ParagraphKind;
pub use crate::text::language::Language;

/// The version of the report contract. Bumped when a field changes meaning or disappears.
pub const REPORT_VERSION: u32 = 3;

/// Everything the explorer knows about one text.
///
/// ```
/// let report = article_explorer::analyze("Hello world. Bye.", &Default::default());
/// assert_eq!(report.version, article_explorer::REPORT_VERSION);
/// assert_eq!(report.stats.sentences, 2);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Report {
    /// Contract version, [`REPORT_VERSION`].
    pub version: u32,
    /// The dominant language of the whole text.
    pub language: Language,
    /// The date relative expressions are resolved against, and where it came from.
    pub reference_date: ReferenceDate,
    /// Counts.
    pub stats: Stats,
    /// Metadata lines found in the article's header block (source, dateline, author, release time).
    pub header: Vec<HeaderField>,
    /// The article's title, when one was recognised.
    pub title: Option<TextSpan>,
    /// Sections: the stretch before the first heading, then one per heading.
    pub sections: Vec<Section>,
    /// Paragraphs in document order.
    pub paragraphs: Vec<Paragraph>,
    /// Sentences in document order; each lies inside one paragraph.
    pub sentences: Vec<Sentence>,
    /// Terms the text leans on (words and phrases), most salient first: a phrase by its count, a
    /// word by its occurrences outside listed phrases, weighted by how much more frequent it is
    /// than in general language (see docs/keywords.md). Also holds every entry of `phrases` and
    /// `distinctive`.
    pub keywords: Vec<Keyword>,
    /// Indexes into `keywords` of the phrases, most frequent first.
    #[serde(default)]
    pub phrases: Vec<usize>,
    /// Indexes into `keywords` of the words most over-used relative to general language (the
    /// built-in reference list), highest log-likelihood first.
    #[serde(default)]
    pub distinctive: Vec<usize>,
    /// Every temporal expression, in document order.
    pub timexes: Vec<Timex>,
    /// Dated events in chronological order (a view over `timexes`).
    pub timeline: Vec<TimelineEntry>,
    /// Every token (only when `Options::tokens` asks for them), in document order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tokens: Vec<TokenSpan>,
    /// Problems with the input that did not stop the analysis (e.g. replacement characters), in
    /// the order found.
    pub warnings: Vec<Warning>,
}

/// A problem with the input that did not stop the analysis. In JSON a warning is
/// `{"code": "…", "params": {…}}`: a stable code from the list below and its parameters (always
/// an object), so the page can say it in the reader's language; `Display` gives the English text.
///
/// | code | params |
/// |------|--------|
/// | `chinese_dictionary_missing` | `{}` |
/// | `chinese_unsupported` | `{}` |
/// | `replacement_characters` | `{"count": N}` |
/// | `reference_date_invalid` | `{"value": "…"}` |
///
/// ```
/// use article_explorer::{Options, Warning};
/// let options = Options { dct: Some("2025-02-30".into()), ..Default::default() };
/// let report = article_explorer::analyze("Bad \u{FFFD} byte.", &options);
/// assert_eq!(report.warnings, [
///     Warning::ReferenceDateInvalid { value: "2025-02-30".into() },
///     Warning::ReplacementCharacters { count: 1 },
/// ]);
/// assert_eq!(
///     serde_json::to_string(&report.warnings[1]).unwrap(),
///     r#"{"code":"replacement_characters","params":{"count":1}}"#
/// );
/// assert_eq!(report.warnings[0].to_string(), r#"The reference date "2025-02-30" was ignored: expected YYYY-MM-DD."#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(tag = "code", content = "params", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Warning {
    /// The engine has no Chinese dictionary, so Chinese text was cut one character per word
    /// (the user's words kept whole).
    ChineseDictionaryMissing {},
    /// This build has no Chinese support (built without the `zh` feature): Chinese dates were
    /// not read. Comes with [`Warning::ChineseDictionaryMissing`].
    ChineseUnsupported {},
    /// The text contains replacement characters (U+FFFD), a sign of a wrong decoding.
    ReplacementCharacters {
        /// How many.
        count: usize,
    },
    /// The caller's reference date (`Options::dct`) is not a valid `YYYY-MM-DD` date and was
    /// ignored (the text's dateline, if any, is used instead).
    ReferenceDateInvalid {
        /// The date as given.
        value: String,
    },
}

impl Warning {
    /// The warning's stable code, as the JSON's `code` field has it.
    ///
    /// ```
    /// assert_eq!(article_explorer::Warning::ChineseUnsupported {}.code(), "chinese_unsupported");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            Warning::ChineseDictionaryMissing {} => "chinese_dictionary_missing",
            Warning::ChineseUnsupported {} => "chinese_unsupported",
            Warning::ReplacementCharacters { .. } => "replacement_characters",
            Warning::ReferenceDateInvalid { .. } => "reference_date_invalid",
        }
    }
}

impl std::fmt::Display for Warning {
    /// The warning in English.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Warning::ChineseDictionaryMissing {} => {
                write!(f, "The Chinese dictionary is not loaded: Chinese text was split one character per word.")
            }
            Warning::ChineseUnsupported {} => write!(f, "This build has no Chinese support: Chinese dates were not read."),
            Warning::ReplacementCharacters { count } => write!(
                f,
                "The text contains {count} replacement character{} (U+FFFD): it may have been decoded with the wrong encoding.",
                if *count == 1 { "" } else { "s" }
            ),
            Warning::ReferenceDateInvalid { value } => write!(f, "The reference date \"{value}\" was ignored: expected YYYY-MM-DD."),
        }
    }
}

/// Where the reference date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum DateSource {
    /// Found in the article itself (its dateline or header).
    Dateline,
    /// Given by the caller (`--dct`, the page's date control).
    Caller,
    /// Not known: relative expressions stay underspecified (`XXXX-11-05`).
    #[default]
    None,
}

/// The reference date (document creation time) used to resolve relative expressions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct ReferenceDate {
    /// `YYYY-MM-DD`, or `None` when unknown.
    pub value: Option<String>,
    /// Where `value` came from.
    pub source: DateSource,
    /// For `source == dateline`: where in the text the date was read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

/// Counts over the whole text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Stats {
    /// Unicode scalar values (what a reader calls characters; an emoji with a ZWJ counts several).
    pub characters: usize,
    /// Length in UTF-16 code units: the upper bound of every offset.
    pub utf16_length: usize,
    /// Word tokens (letters, numbers and CJK words; not punctuation).
    pub words: usize,
    /// Sentences.
    pub sentences: usize,
    /// Paragraphs.
    pub paragraphs: usize,
    /// Sections.
    pub sections: usize,
}

/// A half-open range of UTF-16 code units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Span {
    /// First code unit.
    pub start: usize,
    /// One past the last code unit.
    pub end: usize,
}

/// A span with its text (for titles and headings, which the page shows without slicing).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct TextSpan {
    /// First code unit.
    pub start: usize,
    /// One past the last code unit.
    pub end: usize,
    /// The text of the span, trimmed.
    pub text: String,
}

/// One `key: value` line of an article's header block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct HeaderField {
    /// `source`, `dateline`, `author`, `release_time`, `editor`, …
    pub field: String,
    /// The value as written (may be empty when the header leaves it blank).
    pub value: String,
    /// The whole field, label and value.
    pub start: usize,
    /// End of the field.
    pub end: usize,
}

/// A paragraph: a block of text between line breaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Paragraph {
    /// First code unit (leading white space excluded).
    pub start: usize,
    /// One past the last code unit (trailing white space excluded).
    pub end: usize,
    /// Its role in the document.
    pub kind: ParagraphKind,
    /// Its language.
    pub language: Language,
    /// Index of the section that holds it.
    pub section: usize,
}

/// A section: a heading and the paragraphs under it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Section {
    /// First code unit (the heading's start, or the first paragraph's).
    pub start: usize,
    /// One past the last code unit.
    pub end: usize,
    /// The heading's text; `None` for the stretch before the first heading.
    pub title: Option<String>,
    /// Heading level: 0 for the stretch before the first heading, 1 for top-level headings
    /// (`一、`, standalone English headings), 2 for `（一）` and `【…】`, 3 for `第一，` and `1.`.
    #[serde(default)]
    pub level: u8,
    /// Index of the first paragraph in `paragraphs`.
    pub first_paragraph: usize,
    /// Number of paragraphs (including the heading's own).
    pub paragraph_count: usize,
}

/// A sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Sentence {
    /// First code unit.
    pub start: usize,
    /// One past the last code unit.
    pub end: usize,
    /// Index of the paragraph that holds it.
    pub paragraph: usize,
}

/// A term the text leans on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Keyword {
    /// The display form: the most frequent surface form, as written.
    pub term: String,
    /// Occurrences in the text.
    pub count: usize,
    /// Word or phrase.
    pub kind: KeywordKind,
    /// Where it occurs, in text order: every occurrence up to 1,000 (a 10 MB text's frequent
    /// terms list the first 1,000; `count` is always the full count).
    pub occurrences: Vec<Span>,
    /// Occurrences not inside a longer phrase listed in the report (equal to `count` for a term
    /// no listed phrase absorbs).
    #[serde(default)]
    pub free_count: usize,
    /// The spellings grouped under this term (inflections, case), most frequent first, with counts.
    #[serde(default)]
    pub variants: Vec<TermCount>,
    /// For a phrase: the words it absorbs, each with the occurrences it takes from that word.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub absorbs: Vec<TermCount>,
    /// For a phrase: Dunning's log-likelihood of its words' association (the weaker split).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub association: Option<f64>,
    /// For a word: keyness against the built-in general-language reference list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keyness: Option<Keyness>,
    /// Where it occurs along the article's paragraphs and sections.
    #[serde(default)]
    pub dispersion: Dispersion,
}

/// A spelling or term with a count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct TermCount {
    /// The spelling as written in the text.
    pub term: String,
    /// How often.
    pub count: usize,
}

/// Keyness of a term against a reference (log-likelihood with log-ratio effect size).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Keyness {
    /// Log-likelihood (Rayson & Garside 2000); ≥ 15.13 means p < 0.0001.
    pub log_likelihood: f64,
    /// Hardie's log ratio: log2 of (frequency here / frequency in the reference); +1 = twice as often.
    pub log_ratio: f64,
    /// Occurrences per million words in this text.
    pub per_million: f64,
    /// Occurrences per million words in the reference.
    pub reference_per_million: f64,
    /// Whether the reference list has the term; if not, its frequency is taken as half the
    /// list's lowest and `log_ratio` is a lower bound.
    pub in_reference: bool,
}

/// Where a term occurs along the article's own structure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Dispersion {
    /// `[section, count]` for each section where the term occurs.
    pub sections: Vec<[usize; 2]>,
    /// `[paragraph, count]` for each paragraph where the term occurs (the first 1,000 such paragraphs).
    pub paragraphs: Vec<[usize; 2]>,
    /// Juilland's D over paragraphs weighted by size (1 = even, 0 = in one place); `None` with
    /// fewer than two paragraphs.
    pub juilland_d: Option<f64>,
    /// Gries's DP over paragraphs (0 = even, near 1 = concentrated); `None` with fewer than two.
    pub dp: Option<f64>,
}

/// Whether a keyword is one word or several.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum KeywordKind {
    /// A single word.
    Word,
    /// A multi-word phrase.
    Phrase,
}

/// TimeML's four kinds of temporal expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or period: `2025-11-05`, `2024-FA`, `199`.
    Date,
    /// A time of day: `2025-11-05T10:00`.
    Time,
    /// A length of time: `P23Y`.
    Duration,
    /// A recurrence: `XXXX-WXX-7`.
    Set,
}

/// How a timex got its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum TimexKind {
    /// The text states the date fully.
    #[default]
    Explicit,
    /// Resolved against the reference date or an earlier date in the text.
    Relative,
    /// Resolved from a data file of institutional events (congresses, plans…).
    Domain,
}

/// The kind of rule that gave a timex its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum TimexRule {
    /// The text states the value fully ("5 November 2025", "2024").
    #[default]
    Explicit,
    /// Counted from the reference date ("last year", "yesterday", "in March" in news).
    Relative,
    /// Counted from an earlier date of the text ("the following year", a month without a year in
    /// a history).
    Narrative,
    /// A festival's or holiday's date computed for its year (the Chinese calendar, Easter, the
    /// fourth Thursday of November).
    Festival,
    /// An institutional event's dates from a sourced data file (congresses, plans).
    Institutional,
}

/// What a relative value was counted from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum TimexAnchor {
    /// The reference date read from the article's dateline.
    Dateline,
    /// The reference date the caller gave.
    Caller,
    /// An earlier date of the text: `anchor_timex` says which.
    Earlier,
}

/// TimeML's `mod`: the part of the period meant, or an approximate date. The value stays the
/// whole period; the timeline gives the part as a range with soft ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexMod {
    /// "early 2024", 年初: its first third.
    Start,
    /// "mid-2024", 年中: its middle third.
    Mid,
    /// "late 2024", 年底: its last third.
    End,
    /// "about 2000", 2000年左右.
    Approx,
}

// The three enums above serialize as their names through one table lookup each rather than
// serde's derived match: the page's light module carries every byte of serializer code (about
// 0.4 KB less than the derive).
macro_rules! serialize_as_name {
    ($ty:ty, $names:expr) => {
        impl Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str($names[*self as usize])
            }
        }
    };
}
serialize_as_name!(TimexRule, ["explicit", "relative", "narrative", "festival", "institutional"]);
serialize_as_name!(TimexAnchor, ["dateline", "caller", "earlier"]);
serialize_as_name!(TimexMod, ["START", "MID", "END", "APPROX"]);

/// A temporal expression.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Timex {
    /// First code unit.
    pub start: usize,
    /// One past the last code unit.
    pub end: usize,
    /// The expression as written.
    pub text: String,
    /// TimeML type.
    #[serde(rename = "type")]
    pub timex_type: TimexType,
    /// TIMEX3 value.
    pub value: String,
    /// For ranges ("from November 5 to 6"): the value of the range's end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_value: Option<String>,
    /// How the value was found.
    pub kind: TimexKind,
    /// For `kind == domain`: where the fact comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Index of the sentence that holds it.
    pub sentence: usize,
    /// The kind of rule that gave the value.
    #[serde(default)]
    pub rule: TimexRule,
    /// What a relative value was counted from; omitted when nothing was (an explicit value, or
    /// one left underspecified for want of a date to count from).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<TimexAnchor>,
    /// For `anchor == earlier`: index into `timexes` of the earlier expression (its value, text
    /// and offsets are there).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor_timex: Option<usize>,
    /// The part of the period meant, or an approximate date; omitted when none.
    #[serde(default, rename = "mod", skip_serializing_if = "Option::is_none")]
    pub modifier: Option<TimexMod>,
}

/// One dated event on the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct TimelineEntry {
    /// Index into `timexes`.
    pub timex: usize,
    /// First day covered, `YYYY-MM-DD`.
    pub start_date: String,
    /// Last day covered, `YYYY-MM-DD` (equal to `start_date` for a day).
    pub end_date: String,
    /// `day`, `month`, `season`, `quarter`, `year`, `decade`, `century`, `range`, …
    pub granularity: String,
    /// How the value was found.
    pub kind: TimexKind,
    /// Index of the sentence it belongs to.
    pub sentence: usize,
    /// The start is not sharp (a season, "mid-" or "late" part, an approximate date); omitted when false.
    #[serde(default, skip_serializing_if = "is_false")]
    pub soft_start: bool,
    /// The end is not sharp (a season, "early" or "mid-" part, an approximate date); omitted when false.
    #[serde(default, skip_serializing_if = "is_false")]
    pub soft_end: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A token: a word, number, Chinese word, punctuation mark or symbol.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct TokenSpan {
    /// First code unit.
    pub start: usize,
    /// One past the last code unit.
    pub end: usize,
    /// What it is.
    pub kind: crate::TokenKind,
    /// Index of the sentence that holds it.
    pub sentence: usize,
}

/// The JSON Schema (draft 2020-12) of a [`Report`] as serialized to JSON: what
/// `article-explorer schema` prints and `docs/report.schema.json` holds. It describes the output,
/// so every field serde always writes is required and `version` is [`REPORT_VERSION`]. Its `$id`
/// names the contract version (`urn:article-explorer:report-v3.schema.json`), so the schema and
/// the reports it describes move together.
///
/// ```
/// let schema = article_explorer::report_schema();
/// assert_eq!(schema["$id"], "urn:article-explorer:report-v3.schema.json");
/// assert_eq!(schema["properties"]["version"]["const"], article_explorer::REPORT_VERSION);
/// ```
#[cfg(not(target_arch = "wasm32"))]
pub fn report_schema() -> serde_json::Value {
    let mut schema = schema_of::<Report>("report");
    schema["properties"]["version"]["const"] = REPORT_VERSION.into();
    schema
}

/// The JSON Schema (draft 2020-12) of `T` as serialized, with the `$id`
/// `urn:article-explorer:{name}-v{REPORT_VERSION}.schema.json`.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn schema_of<T: schemars::JsonSchema>(name: &str) -> serde_json::Value {
    let generator = schemars::generate::SchemaSettings::draft2020_12().for_serialize().into_generator();
    let mut schema = generator.into_root_schema_for::<T>().to_value();
    schema["$id"] = format!("urn:article-explorer:{name}-v{REPORT_VERSION}.schema.json").into();
    tidy_descriptions(&mut schema);
    schema
}

/// Makes schemars's output read well outside Rust. The doc comments it copied into
/// `description`s lose their Rust examples (fenced code blocks) and keep rustdoc links
/// (`` [`Name`] ``) as plain code spans. The Rust number formats it adds (`uint`, `double`, …)
/// go: JSON Schema does not define them, and strict validators (Ajv by default) refuse unknown
/// formats; `minimum` and the type already say what they said.
#[cfg(not(target_arch = "wasm32"))]
fn tidy_descriptions(value: &mut serde_json::Value) {
    const RUST_FORMATS: &[&str] = &["int", "uint", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64", "float", "double"];
    match value {
        serde_json::Value::Object(map) => {
            if map.get("format").and_then(|f| f.as_str()).is_some_and(|f| RUST_FORMATS.contains(&f)) {
                map.remove("format");
            }
            for (key, v) in map.iter_mut() {
                match v {
                    serde_json::Value::String(text) if key == "description" => *text = tidy_description(text),
                    _ => tidy_descriptions(v),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(tidy_descriptions),
        _ => {}
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn tidy_description(text: &str) -> String {
    let mut out = String::new();
    let mut in_code = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
        } else if !in_code {
            out.push_str(line);
            out.push('\n');
        }
    }
    let out = out.trim_end().replace("[`", "`").replace("`]", "`");
    // A link with a path (`Warning::ChineseDictionaryMissing`) keeps only the item's name.
    out.split('`')
        .enumerate()
        .map(|(i, part)| if i % 2 == 1 && !part.contains(' ') { part.rsplit("::").next().unwrap_or(part) } else { part })
        .collect::<Vec<_>>()
        .join("`")
}
