//! Article Explorer's analysis core: reads a news article (English or Chinese) and reports its
//! structure, sentences, keywords and dated events, with UTF-16 offsets into the text as given.
//!
//! Plain Rust, testable with `cargo test`. An [`Engine`] holds what analyses use (the Chinese
//! dictionary, the user's words, stopword edits, the official terms); two front doors share the
//! one [`Report`]: the CLI (`src/main.rs`, JSON on stdout, one engine per run) and the browser
//! (`src/wasm/`, compiled for wasm32 only, one engine per worker). The free functions ([`analyze`], [`compare`], …) use
//! a default engine. Fallible calls return [`Error`]; reports carry [`Warning`]s.
//!
//! ```
//! use article_explorer::{Engine, Options};
//! let engine = Engine::new().with_user_words(["全过程人民民主"]);
//! let report = engine.analyze("People's Daily (November 5, 2025)\nIt began in 2019.", &Options::default());
//! assert_eq!(report.reference_date.value.as_deref(), Some("2025-11-05"));
//! ```
#![deny(missing_docs)]

#[macro_use]
mod text; // first: its `data!` macro embeds the data files for the modules below
mod align;
pub mod corpus;
mod engine;
#[doc(hidden)]
pub mod fuzz_api;
mod keywords;
mod options;
mod pipeline;
mod report;
mod segment;
#[cfg(feature = "share")]
pub mod share;
mod timex;
#[cfg(all(target_arch = "wasm32", not(feature = "share-only")))]
mod wasm;
// The share module's door (`share-only`, pkg/share/): the share entries without the analysis ones.
#[cfg(all(target_arch = "wasm32", feature = "share-only"))]
#[path = "wasm/share.rs"]
mod wasm;

#[cfg(not(target_arch = "wasm32"))]
pub use align::alignment_schema;
pub use align::{
    ALIGNMENT_VERSION, AlignError, Alignment, Anchor, AnchorKind, Confidence, Flag, FlagKind, Note, Passage, Row, SentencePair, Version, align,
    align_reports,
};
pub use engine::{Engine, analyze, analyze_with_progress, chinese_dictionary_status, compare, segment_line, tokens_of};
pub use keywords::official_terms::OfficialTerms;
pub use keywords::stopwords::Stopwords;
pub use keywords::{ComparedTerm, Comparison, Concordance, ConcordanceLine, ConcordanceOptions, ConcordanceResult, MatchMode};
#[cfg(not(target_arch = "wasm32"))]
pub use keywords::{comparison_schema, concordance_schema};
pub use options::{LanguageChoice, Options, parse_date};
pub use pipeline::Stage;
#[cfg(not(target_arch = "wasm32"))]
pub use report::report_schema;
pub use report::{
    DateSource, Dispersion, HeaderField, Keyness, Keyword, KeywordKind, Language, Paragraph, ParagraphKind, REPORT_VERSION, ReferenceDate, Report,
    Section, Sentence, Span, Stats, TermCount, TextSpan, TimelineEntry, Timex, TimexAnchor, TimexKind, TimexMod, TimexRule, TimexType, TokenSpan,
    Warning,
};
pub use segment::sentences::{AbbreviationKind, SentenceRules};
pub use segment::tokens::{Token, TokenKind};
pub use segment::zh_words::embedded_chinese_dictionary;
pub use text::decode::{DecodeError, decode_text};
pub use text::error::Error;
pub use text::language::{ScriptCounts, detect_language};
pub use text::limits::{MAX_INPUT_BYTES, check_input_size};
pub use text::offsets::Utf16Index;
