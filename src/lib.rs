//! Article Explorer's analysis core: reads a news article (English or Chinese) and reports its
//! structure, sentences, keywords and dated events, with UTF-16 offsets into the text as given.
//!
//! Plain Rust, testable with `cargo test`. Two front doors share the one [`Report`]: the CLI
//! (`src/main.rs`, JSON on stdout) and the browser (`src/wasm.rs`, compiled for wasm32 only).
//!
//! ```
//! let report = article_explorer::analyze("People's Daily (November 5, 2025)\nIt began in 2019.", &Default::default());
//! assert_eq!(report.reference_date.value.as_deref(), Some("2025-11-05"));
//! ```
#![deny(missing_docs)]

#[macro_use]
mod embedded; // first: its `data!` macro embeds the data files for the modules below
mod analyze;
mod case;
mod dateline;
mod decode;
mod hash;
mod keywords;
mod language;
mod limits;
mod offsets;
mod options;
mod report;
mod sentences;
mod sort;
mod stopwords;
mod structure;
mod timex;
mod tokens;
#[cfg(feature = "zh")]
mod zh_words;
// Without `zh` (the page's light wasm module): the same functions, Han cut per character.
#[doc(hidden)]
pub mod fuzz_api;
#[cfg(target_arch = "wasm32")]
mod js_options;
#[cfg(target_arch = "wasm32")]
mod wasm;
#[cfg(not(feature = "zh"))]
#[path = "zh_words_off.rs"]
mod zh_words;

pub use analyze::{Stage, analyze, analyze_with_progress};
pub use decode::{DecodeError, decode_text};
pub use keywords::{ComparedTerm, Comparison, Concordance, ConcordanceLine, ConcordanceOptions, ConcordanceResult, MatchMode, compare};
pub use language::{ScriptCounts, detect_language};
pub use limits::{MAX_INPUT_BYTES, check_input_size};
pub use offsets::Utf16Index;
pub use options::{LanguageChoice, Options, parse_date};
pub use report::{
    DateSource, Dispersion, HeaderField, Keyness, Keyword, KeywordKind, Language, Paragraph, ParagraphKind, REPORT_VERSION, ReferenceDate, Report,
    Section, Sentence, Span, Stats, TermCount, TextSpan, TimelineEntry, Timex, TimexKind, TimexType, TokenSpan,
};
pub use sentences::{AbbreviationKind, SentenceRules};
pub use stopwords::Stopwords;
pub use tokens::{Token, TokenKind, segment_line, tokens_of};
pub use zh_words::{add_chinese_word, chinese_dictionary_status, embedded_chinese_dictionary, load_chinese_dictionary};
