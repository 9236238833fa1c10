//! An analysis that travels without a server: a share link carries the article and the settings
//! that change its analysis in the URL fragment (which browsers never send to a server), and a
//! bundle file carries the same plus the report. Both are outside input: everything here checks
//! them completely before the page uses any of it, so a cut, changed or hand-made link or file
//! gets a clear message and changes nothing.
//!
//! A link's fragment is `#share/1/` + base64url (no padding) of the zlib-deflated JSON payload
//! ([`Shared`]). zlib rather than raw deflate: its Adler-32 checksum (6 bytes more) catches a link
//! changed anywhere, settings included (the text's SHA-256 covers only the text). The page makes
//! links with the browser's own `CompressionStream('deflate')`; this module reads them (and writes
//! them, for the CLI and the tests).
//!
//! Provenance travels with both: the SHA-256 of the text (checked here against the text, so a
//! text changed in transit is refused), the engine version and the report contract version that
//! made the analysis, and when it was made.
//!
//! ```
//! use article_explorer::share::{Shared, decode_link, encode_link};
//! let shared = Shared::new("It rained on 4 May 2021.", "2026-12-04T21:00:00Z");
//! let link = encode_link(&shared).unwrap();
//! assert!(link.starts_with("#share/1/"));
//! assert_eq!(decode_link(&link).unwrap(), shared);
//! ```

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::options::{LanguageChoice, Options, parse_date};
use crate::report::REPORT_VERSION;
use crate::text::limits::MAX_INPUT_BYTES;

/// The `format` of a share link's payload.
pub const SHARE_FORMAT: &str = "article-explorer-share";
/// The `format` of a bundle file.
pub const BUNDLE_FORMAT: &str = "article-explorer-bundle";
/// The payload and bundle version this build writes and the newest it reads.
pub const SHARE_VERSION: u32 = 1;
/// What a share link's fragment starts with (the `#` is optional when reading).
pub const LINK_PREFIX: &str = "#share/1/";
/// The longest link the page makes: longer URLs are cut by mail programs and chat apps; a longer
/// text goes in a bundle file instead.
pub const MAX_LINK_CHARS: usize = 32_000;
/// The longest fragment read (a link made elsewhere may be longer than what the page makes).
pub const MAX_FRAGMENT_CHARS: usize = 4 << 20;
/// The most bytes a payload may inflate to: the largest text the page analyzes and its settings.
pub const MAX_PAYLOAD_BYTES: usize = MAX_INPUT_BYTES + (1 << 20);
/// The most words in each of the settings' lists, and the longest word.
pub const MAX_WORDS: usize = 10_000;
/// The longest user word or stopword, in characters.
pub const MAX_WORD_CHARS: usize = 200;
/// The most timeline corrections carried.
pub const MAX_CORRECTIONS: usize = 10_000;

/// The settings that change an analysis (the same fields as [`Options`] the page sets, plus the
/// user's Chinese words and official-term edits, which go into the engine).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// The reference date the user chose (`YYYY-MM-DD`), or none (the text's own dateline).
    #[serde(default)]
    pub dct: Option<String>,
    /// Language rules.
    #[serde(default)]
    pub lang: LanguageChoice,
    /// Chinese words kept together.
    #[serde(default)]
    pub user_words: Vec<String>,
    /// Words added to the stopword lists.
    #[serde(default)]
    pub stopwords_add: Vec<String>,
    /// Built-in stopwords counted again.
    #[serde(default)]
    pub stopwords_remove: Vec<String>,
    /// Whether numbers count as keywords.
    #[serde(default)]
    pub keep_numbers: bool,
    /// Official terms added to the engine's lexicon (counted as one keyword). Left out of the
    /// payload when empty, so a link without term edits opens on copies of the page made before
    /// the field existed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub official_terms_add: Vec<String>,
    /// Built-in official terms taken out of the lexicon (their parts count as words again).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub official_terms_remove: Vec<String>,
}

/// The user's timeline corrections, carried verbatim: their format belongs to the timeline view
/// (`version` names it); this module only checks that they are a bounded list of JSON objects.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Corrections {
    /// The corrections' own format version (1: as the library stores them).
    pub version: u32,
    /// The corrections, one JSON object each.
    pub items: Vec<serde_json::Value>,
}

/// Where an analysis comes from, so a reader can tell whether two copies describe the same text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    /// SHA-256 of the text's UTF-8 bytes, 64 lowercase hex digits.
    pub text_sha256: String,
    /// The engine version that made the analysis (the crate's version).
    pub engine: String,
    /// The report contract version of that analysis.
    pub report_version: u32,
    /// When the analysis was made: `YYYY-MM-DDTHH:MM:SS[.fff]Z` (UTC).
    pub analyzed_at: String,
}

/// A share link's payload, or a bundle (which also carries the report).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Shared {
    /// [`SHARE_FORMAT`] or [`BUNDLE_FORMAT`].
    pub format: String,
    /// [`SHARE_VERSION`] when written by this build.
    pub version: u32,
    /// The article.
    pub text: String,
    /// The settings of its analysis.
    #[serde(default)]
    pub settings: Settings,
    /// Timeline corrections, when there are any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corrections: Option<Corrections>,
    /// Where the analysis comes from.
    pub provenance: Provenance,
    /// The report (bundles only): a reader without the engine can still read it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report: Option<serde_json::Value>,
}

impl Shared {
    /// A link payload for `text` with default settings, analyzed at `analyzed_at` by this engine.
    pub fn new(text: &str, analyzed_at: &str) -> Shared {
        Shared {
            format: SHARE_FORMAT.into(),
            version: SHARE_VERSION,
            text: text.into(),
            settings: Settings::default(),
            corrections: None,
            provenance: Provenance {
                text_sha256: text_sha256(text),
                engine: engine_version().into(),
                report_version: REPORT_VERSION,
                analyzed_at: analyzed_at.into(),
            },
            report: None,
        }
    }

    /// The engine these settings give: the default one with the user's words and official-term
    /// edits (terms added, then terms taken out).
    ///
    /// ```
    /// let mut shared = article_explorer::share::Shared::new("新型储能。", "2026-12-04T21:00:00Z");
    /// shared.settings.official_terms_add = vec!["新型储能".into()];
    /// assert!(shared.engine().official_terms().contains("新型储能"));
    /// ```
    pub fn engine(&self) -> crate::Engine {
        let s = &self.settings;
        crate::Engine::new()
            .with_user_words(&s.user_words)
            .with_official_terms(&s.official_terms_add)
            .without_official_terms(&s.official_terms_remove)
    }

    /// The analysis options these settings give (the user's words and official terms go to the
    /// engine: [`Shared::engine`]).
    pub fn options(&self) -> Options {
        Options {
            dct: self.settings.dct.clone(),
            lang: self.settings.lang,
            stopwords_add: self.settings.stopwords_add.clone(),
            stopwords_remove: self.settings.stopwords_remove.clone(),
            keep_numbers: self.settings.keep_numbers,
            ..Options::default()
        }
    }

    /// Checks every field (see the module's documentation); `format` is what the caller expects.
    pub fn validate(&self, format: &str) -> Result<(), ShareError> {
        if self.format != format {
            return Err(ShareError::Format);
        }
        if self.version == 0 {
            return Err(field("version", "must be 1 or more"));
        }
        if self.version > SHARE_VERSION {
            return Err(ShareError::FutureVersion(self.version));
        }
        if self.text.trim().is_empty() {
            return Err(field("text", "is empty"));
        }
        if self.text.len() > MAX_INPUT_BYTES {
            return Err(ShareError::TextTooLarge);
        }
        self.settings.validate()?;
        if let Some(c) = &self.corrections {
            if c.version == 0 {
                return Err(field("corrections.version", "must be 1 or more"));
            }
            if c.items.len() > MAX_CORRECTIONS {
                return Err(field("corrections", "has too many items"));
            }
            if !c.items.iter().all(serde_json::Value::is_object) {
                return Err(field("corrections", "items must be objects"));
            }
        }
        self.provenance.validate()?;
        if self.provenance.text_sha256 != text_sha256(&self.text) {
            return Err(ShareError::HashMismatch);
        }
        match (format, &self.report) {
            (SHARE_FORMAT, Some(_)) => Err(field("report", "is not carried by links")),
            (BUNDLE_FORMAT, None) => Err(field("report", "is missing")),
            (BUNDLE_FORMAT, Some(report)) => validate_report(report),
            _ => Ok(()),
        }
    }
}

impl Settings {
    fn validate(&self) -> Result<(), ShareError> {
        if let Some(d) = &self.dct {
            match parse_date(d) {
                Ok(normal) if &normal == d => {}
                _ => return Err(field("settings.dct", "is not a YYYY-MM-DD date")),
            }
        }
        for (name, list) in [
            ("settings.user_words", &self.user_words),
            ("settings.stopwords_add", &self.stopwords_add),
            ("settings.stopwords_remove", &self.stopwords_remove),
            ("settings.official_terms_add", &self.official_terms_add),
            ("settings.official_terms_remove", &self.official_terms_remove),
        ] {
            if list.len() > MAX_WORDS {
                return Err(field(name, "has too many words"));
            }
            if list.iter().any(|w| w.trim().is_empty() || w.chars().count() > MAX_WORD_CHARS || w.chars().any(char::is_control)) {
                return Err(field(name, "holds an empty, overlong or control-character word"));
            }
        }
        Ok(())
    }
}

impl Provenance {
    fn validate(&self) -> Result<(), ShareError> {
        let hex = |s: &str| s.len() == 64 && s.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        if !hex(&self.text_sha256) {
            return Err(field("provenance.text_sha256", "is not 64 lowercase hex digits"));
        }
        let version_char = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '+');
        if self.engine.is_empty() || self.engine.len() > 40 || !self.engine.chars().all(version_char) {
            return Err(field("provenance.engine", "is not a version"));
        }
        if self.report_version == 0 {
            return Err(field("provenance.report_version", "must be 1 or more"));
        }
        if !valid_timestamp(&self.analyzed_at) {
            return Err(field("provenance.analyzed_at", "is not a UTC time YYYY-MM-DDTHH:MM:SSZ"));
        }
        Ok(())
    }
}

/// `YYYY-MM-DDTHH:MM:SS[.f{1,9}]Z` with a real calendar date and a valid time of day.
fn valid_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 20 || b.len() > 30 || !s.is_ascii() || b[10] != b'T' || b[13] != b':' || b[16] != b':' || b[b.len() - 1] != b'Z' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| {
        let part = &s[r];
        if part.bytes().all(|c| c.is_ascii_digit()) { part.parse::<u32>().ok() } else { None }
    };
    let frac = &s[19..s.len() - 1];
    let frac_ok = frac.is_empty() || (frac.len() >= 2 && frac.len() <= 10 && frac.starts_with('.') && frac[1..].bytes().all(|c| c.is_ascii_digit()));
    parse_date(&s[..10]).is_ok_and(|d| d == s[..10])
        && matches!(num(11..13), Some(h) if h < 24)
        && matches!(num(14..16), Some(m) if m < 60)
        && matches!(num(17..19), Some(x) if x < 61)
        && frac_ok
}

/// A bundle's report: a JSON object whose contract `version` this build knows. It is not read
/// further: the page analyzes the bundle's text again (the stored report is for readers without
/// the engine), and deserializing the whole report here would add ~40 KB gzip to the wasm module.
fn validate_report(report: &serde_json::Value) -> Result<(), ShareError> {
    if !report.is_object() {
        return Err(field("report", "is not an object"));
    }
    match report.get("version").and_then(serde_json::Value::as_u64) {
        Some(v) if v >= 1 && v <= u64::from(REPORT_VERSION) => Ok(()),
        Some(v) if v > u64::from(REPORT_VERSION) => Err(ShareError::FutureVersion(u32::try_from(v).unwrap_or(u32::MAX))),
        _ => Err(field("report", "is not a report (no contract version)")),
    }
}

fn field(name: &str, reason: &str) -> ShareError {
    ShareError::Field { field: name.into(), reason: reason.chars().take(200).collect() }
}

/// Why a link or bundle was refused. [`ShareError::code`] names the kind for the page's message.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ShareError {
    /// Not a share link (no `#share/1/` fragment).
    NotALink,
    /// The fragment is not base64url: it was changed or cut.
    Base64,
    /// The fragment is longer than [`MAX_FRAGMENT_CHARS`].
    TooLong,
    /// The compressed payload does not inflate (changed or cut), or inflates past [`MAX_PAYLOAD_BYTES`].
    Inflate,
    /// Not JSON of the expected shape.
    Json(String),
    /// Not a payload or bundle of this program.
    Format,
    /// Made by a newer version of the program.
    FutureVersion(u32),
    /// A field out of its bounds.
    Field {
        /// The field, as a path (`settings.dct`).
        field: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The text does not match its SHA-256: it was changed after the analysis.
    HashMismatch,
    /// The text is larger than the page analyzes.
    TextTooLarge,
    /// A text too long for a link (the page offers a bundle file instead).
    LinkTooLong {
        /// The link's length in characters.
        chars: usize,
    },
}

impl ShareError {
    /// A stable name of the kind (the page's message key).
    pub fn code(&self) -> &'static str {
        match self {
            ShareError::NotALink => "not-a-link",
            ShareError::Base64 => "damaged",
            ShareError::TooLong => "too-long",
            ShareError::Inflate => "damaged",
            ShareError::Json(_) => "malformed",
            ShareError::Format => "format",
            ShareError::FutureVersion(_) => "future",
            ShareError::Field { .. } => "malformed",
            ShareError::HashMismatch => "hash",
            ShareError::TextTooLarge => "too-long",
            ShareError::LinkTooLong { .. } => "link-too-long",
        }
    }
}

impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ShareError::NotALink => write!(f, "not a share link: its fragment does not start with {LINK_PREFIX}"),
            ShareError::Base64 => write!(f, "the link is damaged: its fragment is not base64url (changed or cut)"),
            ShareError::TooLong => write!(f, "the link or text is longer than this program reads"),
            ShareError::Inflate => write!(f, "the link is damaged: its compressed text does not unpack (changed or cut)"),
            ShareError::Json(e) => write!(f, "not a valid analysis: {e}"),
            ShareError::Format => write!(f, "not an Article Explorer share link or bundle"),
            ShareError::FutureVersion(v) => write!(f, "made by a newer version of Article Explorer (format version {v})"),
            ShareError::Field { field, reason } => write!(f, "not a valid analysis: {field} {reason}"),
            ShareError::HashMismatch => write!(f, "the text does not match its SHA-256 fingerprint: it was changed after the analysis"),
            ShareError::TextTooLarge => write!(f, "the text is larger than the page analyzes ({} MB)", MAX_INPUT_BYTES >> 20),
            ShareError::LinkTooLong { chars } => {
                write!(f, "the text is too long for a link ({chars} characters, the limit is {MAX_LINK_CHARS}): share it as a file")
            }
        }
    }
}

impl std::error::Error for ShareError {}

/// SHA-256 of `text`'s UTF-8 bytes, lowercase hex.
///
/// ```
/// assert_eq!(article_explorer::share::text_sha256("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
/// ```
pub fn text_sha256(text: &str) -> String {
    Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// This engine's version (the crate's).
pub fn engine_version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

/// Reads a share link (the whole URL, or its fragment with or without `#`): the payload, checked.
pub fn decode_link(link: &str) -> Result<Shared, ShareError> {
    let fragment = link.find('#').map_or(link, |i| &link[i + 1..]);
    let data = fragment.strip_prefix(&LINK_PREFIX[1..]).ok_or(ShareError::NotALink)?;
    if data.len() > MAX_FRAGMENT_CHARS {
        return Err(ShareError::TooLong);
    }
    let deflated = URL_SAFE_NO_PAD.decode(data).map_err(|_| ShareError::Base64)?;
    let json = miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&deflated, MAX_PAYLOAD_BYTES).map_err(|_| ShareError::Inflate)?;
    let shared: Shared = serde_json::from_slice(&json).map_err(json_error)?;
    shared.validate(SHARE_FORMAT)?;
    Ok(shared)
}

/// Writes `shared` (checked first) as a link fragment, `#share/1/…`; a link longer than
/// [`MAX_LINK_CHARS`] is refused with [`ShareError::LinkTooLong`].
pub fn encode_link(shared: &Shared) -> Result<String, ShareError> {
    shared.validate(SHARE_FORMAT)?;
    let link = pack(&serde_json::to_vec(shared).map_err(json_error)?);
    if link.len() > MAX_LINK_CHARS {
        return Err(ShareError::LinkTooLong { chars: link.len() });
    }
    Ok(link)
}

/// `json` compressed and encoded as a link fragment, unchecked (the fuzz targets pack any bytes).
pub(crate) fn pack(json: &[u8]) -> String {
    format!("{LINK_PREFIX}{}", URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec_zlib(json, 6)))
}

/// Reads a bundle file's text: the analysis with its report, checked.
pub fn parse_bundle(json: &str) -> Result<Shared, ShareError> {
    if json.len() > MAX_PAYLOAD_BYTES + MAX_PAYLOAD_BYTES / 2 {
        return Err(ShareError::TooLong);
    }
    let shared: Shared = serde_json::from_str(json).map_err(json_error)?;
    shared.validate(BUNDLE_FORMAT)?;
    Ok(shared)
}

fn json_error(e: serde_json::Error) -> ShareError {
    ShareError::Json(e.to_string().chars().take(200).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Shared {
        let mut s = Shared::new("Beijing, May 4, 2021\nIt rained last year.", "2026-12-04T21:00:00.123Z");
        s.settings.dct = Some("2021-05-04".into());
        s.settings.stopwords_add = vec!["rained".into()];
        s.corrections = Some(Corrections { version: 1, items: vec![serde_json::json!({"start": 0, "value": "2020"})] });
        s
    }

    #[test]
    fn a_link_round_trips_with_its_settings_and_corrections() {
        let s = sample();
        let link = encode_link(&s).unwrap();
        assert_eq!(decode_link(&format!("https://example.org/x/index.html{link}")).unwrap(), s);
        assert_eq!(decode_link(&link[1..]).unwrap(), s);
    }

    #[test]
    fn a_changed_or_cut_link_is_refused() {
        let link = encode_link(&sample()).unwrap();
        assert_eq!(decode_link(&link[..link.len() - 7]).unwrap_err().code(), "damaged");
        assert_eq!(decode_link("#share/1/").unwrap_err().code(), "damaged");
        assert_eq!(decode_link("#other").unwrap_err(), ShareError::NotALink);
        // Every single-character change is refused or decodes to the very same payload.
        let alphabet = b"AZaz09-_";
        for i in LINK_PREFIX.len()..link.len() {
            for &c in alphabet {
                let mut bytes = link.clone().into_bytes();
                if bytes[i] == c {
                    continue;
                }
                bytes[i] = c;
                if let Ok(s) = decode_link(std::str::from_utf8(&bytes).unwrap()) {
                    assert_eq!(s, sample(), "a changed link at {i} decoded to another payload");
                }
            }
        }
    }

    #[test]
    fn official_term_edits_travel_and_are_left_out_when_there_are_none() {
        let plain = serde_json::to_string(&sample()).unwrap();
        assert!(!plain.contains("official_terms"), "{plain}");
        // A payload made before the fields existed reads as having no edits.
        assert_eq!(serde_json::from_str::<Shared>(&plain).unwrap().settings.official_terms_add, Vec::<String>::new());
        let mut s = sample();
        s.settings.official_terms_add = vec!["新型储能".into()];
        s.settings.official_terms_remove = vec!["一带一路".into()];
        assert_eq!(decode_link(&encode_link(&s).unwrap()).unwrap(), s);
        s.settings.official_terms_remove = vec!["\u{7}".into()];
        assert_eq!(s.validate(SHARE_FORMAT).unwrap_err().code(), "malformed");
    }

    #[test]
    fn the_text_must_match_its_hash() {
        let mut s = sample();
        s.text.push('!');
        assert_eq!(s.validate(SHARE_FORMAT), Err(ShareError::HashMismatch));
    }

    #[test]
    fn fields_are_checked() {
        let bad = |f: fn(&mut Shared)| {
            let mut s = sample();
            f(&mut s);
            s.validate(SHARE_FORMAT).unwrap_err().code()
        };
        assert_eq!(bad(|s| s.settings.dct = Some("2021-02-30".into())), "malformed");
        assert_eq!(bad(|s| s.settings.user_words = vec![" ".into()]), "malformed");
        assert_eq!(bad(|s| s.provenance.analyzed_at = "2026-12-04 21:00:00Z".into()), "malformed");
        assert_eq!(bad(|s| s.provenance.engine = "<script>".into()), "malformed");
        assert_eq!(bad(|s| s.version = 2), "future");
        assert_eq!(bad(|s| s.format = BUNDLE_FORMAT.into()), "format");
        assert_eq!(bad(|s| s.corrections.as_mut().unwrap().items.push(serde_json::json!(3))), "malformed");
        assert_eq!(bad(|s| s.report = Some(serde_json::json!({"version": 2}))), "malformed");
    }

    #[test]
    fn unknown_fields_and_duplicates_are_refused() {
        let json = serde_json::to_string(&sample()).unwrap();
        let extra = json.replacen("{", r#"{"extra":1,"#, 1);
        assert!(serde_json::from_str::<Shared>(&extra).is_err());
        let dup = json.replacen("{", r#"{"text":"x","#, 1);
        assert!(serde_json::from_str::<Shared>(&dup).is_err());
    }

    #[test]
    fn a_bundle_needs_a_report_of_a_known_version() {
        let mut s = sample();
        s.format = BUNDLE_FORMAT.into();
        let report = crate::analyze(&s.text, &s.options());
        s.report = Some(serde_json::to_value(&report).unwrap());
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(parse_bundle(&json).unwrap(), s);
        s.report = Some(serde_json::json!({"version": REPORT_VERSION + 1}));
        assert_eq!(parse_bundle(&serde_json::to_string(&s).unwrap()).unwrap_err().code(), "future");
        s.report = Some(serde_json::json!({"version": 0}));
        assert_eq!(parse_bundle(&serde_json::to_string(&s).unwrap()).unwrap_err().code(), "malformed");
        s.report = Some(serde_json::json!([2]));
        assert_eq!(parse_bundle(&serde_json::to_string(&s).unwrap()).unwrap_err().code(), "malformed");
        assert_eq!(parse_bundle("{").unwrap_err().code(), "malformed");
        assert_eq!(parse_bundle("[]").unwrap_err().code(), "malformed");
    }

    #[test]
    fn timestamps() {
        for ok in ["2026-12-04T21:00:00Z", "2024-02-29T23:59:60.5Z", "2026-01-01T00:00:00.123456789Z"] {
            assert!(valid_timestamp(ok), "{ok}");
        }
        for bad in [
            "2026-12-04T21:00:00",
            "2025-02-29T00:00:00Z",
            "2026-12-04T24:00:00Z",
            "2026-12-04T21:00:00.Z",
            "2026-12-04T2１:00:00Z",
            "+2026-12-04T21:00:00Z",
        ] {
            assert!(!valid_timestamp(bad), "{bad}");
        }
    }

    #[test]
    fn an_overlong_link_is_refused_when_written() {
        // Incompressible text: a link cannot hold it.
        let mut x: u32 = 1;
        let text: String = (0..40_000)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                char::from(b'a' + (x % 26) as u8)
            })
            .collect();
        assert!(matches!(encode_link(&Shared::new(&text, "2026-12-04T21:00:00Z")), Err(ShareError::LinkTooLong { .. })));
    }
}
