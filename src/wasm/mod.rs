//! The browser front door (wasm32 only): one entry point with plain arguments, one value out.
//!
//! Each wasm instance (one per page worker) holds one [`Engine`] here, in a thread-local: the
//! only mutable state of the module. `loadChineseDictionary`, `addChineseWord` and
//! `setOfficialTerms` change it; every analysis reads it.

use std::cell::RefCell;

use serde::Serialize;
use wasm_bindgen::prelude::*;

// The corpus entries: in the full module only (src/wasm/corpus.rs says why).
#[cfg(feature = "zh")]
mod corpus;
// Every alignment has a Chinese text, which the page analyzes with the full module: the light
// one, loaded on every first visit, does not carry the alignment.
#[cfg(feature = "zh")]
mod align;
mod options;

use crate::{Engine, Options, Stage};

thread_local! {
    /// This instance's engine: no Chinese dictionary until the page loads one.
    static ENGINE: RefCell<Engine> = RefCell::new(Engine::new());
}

/// This instance's engine (a clone: cheap, and no borrow is held while an analysis calls back
/// into JavaScript for progress, which could reach `addChineseWord`).
fn engine() -> Engine {
    ENGINE.with(|engine| engine.borrow().clone())
}

/// Installs the panic hook so a Rust panic is logged with its message before the trap.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// Analyzes `text` with `options` (a plain object with the fields of [`Options`]: `dct`, `lang`,
/// `keyword_limit`, `tokens`, `stopwords_add`, `stopwords_remove`, `keep_numbers`; all optional).
/// `progress`, when given, is called as `progress(stage, fraction)` between stages.
/// Returns the report as a plain object, or throws an `Error` whose message says what was wrong.
#[wasm_bindgen]
pub fn analyze(text: &str, options: JsValue, progress: Option<js_sys::Function>) -> Result<JsValue, JsError> {
    crate::check_input_size(text.len()).map_err(|e| JsError::new(&e.to_string()))?;
    debug_panic_drill(&options);
    let options: Options = options_from(&options)?;
    let mut report_progress = |stage: Stage, fraction: f64| {
        if let Some(f) = &progress {
            let name = serde_wasm_bindgen::to_value(&stage).unwrap_or(JsValue::NULL);
            let _ = f.call2(&JsValue::NULL, &name, &JsValue::from_f64(fraction));
        }
    };
    let report = engine().analyze_with_progress(text, &options, &mut report_progress);
    report_to_js(&report)
}

/// Whether this module can analyze Chinese (built with the `zh` feature): the page first loads a
/// light module without it and switches to the full one when a text contains Han characters.
#[wasm_bindgen(js_name = hasChinese)]
pub fn has_chinese() -> bool {
    cfg!(feature = "zh")
}

/// The report contract version this build produces.
#[wasm_bindgen(js_name = reportVersion)]
pub fn report_version() -> u32 {
    crate::REPORT_VERSION
}

/// The failure drill's trigger (tests/browser/failure-drills.test.mjs): an options object with
/// `__debug_panic: true` makes `analyze` panic, so the page's crash recovery can be tested against
/// the real `dist/`. Only page code sets options (never the text), so no pasted or opened text can
/// reach it; the panic is the same trap any engine bug would cause.
fn debug_panic_drill(options: &JsValue) {
    if options.is_object() && js_sys::Reflect::get(options, &JsValue::from_str("__debug_panic")).ok().and_then(|v| v.as_bool()) == Some(true) {
        panic!("debug panic drill: the page asked the engine to crash");
    }
}

/// The largest text in UTF-8 bytes that `analyze` accepts (20 MB); larger input is refused
/// with a message before any work starts.
#[wasm_bindgen(js_name = maxInputBytes)]
pub fn max_input_bytes() -> usize {
    crate::MAX_INPUT_BYTES
}

fn options_from(value: &JsValue) -> Result<Options, JsError> {
    crate::wasm::options::options(value).map_err(|e| JsError::new(&format!("invalid options: {e}")))
}

fn concordance_options_from(value: &JsValue) -> Result<crate::ConcordanceOptions, JsError> {
    crate::wasm::options::concordance_options(value).map_err(|e| JsError::new(&format!("invalid concordance options: {e}")))
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| JsError::new(&format!("could not convert the result: {e}")))
}

/// Keyness of two texts against each other: `{words_a, words_b, over_a, over_b}`, each list of
/// `{term, count_a, count_b, per_million_a, per_million_b, log_likelihood, log_ratio}` sorted by
/// log-likelihood. `options` as for `analyze` (stopword edits and `keyword_limit` apply).
#[wasm_bindgen]
pub fn compare(text_a: &str, text_b: &str, options: JsValue) -> Result<JsValue, JsError> {
    to_js(&engine().compare(text_a, text_b, &options_from(&options)?))
}

/// One-shot concordance: `{total, mode, lines: [{start, end, left, text, right, paragraph}]}`.
/// `options`: `{mode: "term"|"exact"|"text", context, limit}` (all optional). For repeated
/// queries on one text use `ConcordanceIndex`, which segments the text once.
#[wasm_bindgen]
pub fn concordance(text: &str, query: &str, options: JsValue) -> Result<JsValue, JsError> {
    options_from(&options)?;
    let index = engine().concordance(text);
    to_js(&index.query(query, &concordance_options_from(&options)?))
}

/// A text indexed once for many concordance queries (the page keeps one per analyzed text).
#[wasm_bindgen]
pub struct ConcordanceIndex(crate::Concordance);

#[wasm_bindgen]
impl ConcordanceIndex {
    /// Segments and indexes `text`; `options` as for `analyze` (only `lang` matters).
    #[wasm_bindgen(constructor)]
    pub fn new(text: &str, options: JsValue) -> Result<ConcordanceIndex, JsError> {
        options_from(&options)?;
        Ok(ConcordanceIndex(engine().concordance(text)))
    }

    /// The lines where `query` (a word or phrase) occurs; result as for `concordance`.
    pub fn query(&self, query: &str, options: JsValue) -> Result<JsValue, JsError> {
        to_js(&self.0.query(query, &concordance_options_from(&options)?))
    }
}

/// The built-in stopword lists, `{en: [...], zh: [...]}`, for the page's stopword editor (the
/// user's edits go back in `options.stopwords_add` / `options.stopwords_remove`). `zh` is empty in
/// the light module (built without `zh`).
#[wasm_bindgen(js_name = builtinStopwords)]
pub fn builtin_stopwords() -> Result<JsValue, JsError> {
    #[derive(Serialize)]
    struct Lists<'a> {
        en: Vec<&'a str>,
        zh: Vec<&'a str>,
    }
    to_js(&Lists { en: crate::Stopwords::english().words(), zh: crate::Stopwords::chinese().words() })
}

/// Loads the Chinese dictionary (the inflated bytes of `jieba-dict.txt.gz`, lines `word freq`)
/// into this instance's engine, which the worker does only when a text contains Han characters.
/// Returns the entry count. The user's words already added are kept.
#[wasm_bindgen(js_name = loadChineseDictionary)]
pub fn load_chinese_dictionary(bytes: &[u8]) -> Result<usize, JsError> {
    ENGINE.with(|engine| engine.borrow_mut().load_chinese_dictionary(&mut &bytes[..])).map_err(|e| JsError::new(&e.to_string()))
}

/// Whether this instance's engine has the Chinese dictionary.
#[wasm_bindgen(js_name = chineseDictionaryLoaded)]
pub fn chinese_dictionary_loaded() -> bool {
    ENGINE.with(|engine| engine.borrow().chinese_dictionary_status().0)
}

/// Adds a user word (kept whole by Chinese segmentation) to this instance's engine; `freq` 0
/// picks one that makes it win. Returns false for an empty word or one with spaces. The page
/// keeps the list and replays it.
#[wasm_bindgen(js_name = addChineseWord)]
pub fn add_chinese_word(word: &str, freq: u32) -> bool {
    ENGINE.with(|engine| engine.borrow_mut().add_user_word(word, (freq > 0).then_some(freq as usize)))
}

/// Sets this instance's official terms (counted as one keyword): the built-in lexicon with `add`
/// added, then `remove` taken out. The page keeps both lists and sends them whenever they change.
/// Full module only: the light one never reads Chinese.
#[cfg(feature = "zh")]
#[wasm_bindgen(js_name = setOfficialTerms)]
pub fn set_official_terms(add: Vec<String>, remove: Vec<String>) {
    ENGINE.with(|engine| {
        let mut engine = engine.borrow_mut();
        engine.set_official_terms(crate::OfficialTerms::builtin());
        add.iter().for_each(|t| _ = engine.add_official_term(t));
        remove.iter().for_each(|t| _ = engine.remove_official_term(t));
    })
}

/// The words of one line, as `segment` prints them (SIGHAN format, two spaces apart).
#[wasm_bindgen(js_name = segmentLine)]
pub fn segment_line(line: &str) -> String {
    ENGINE.with(|engine| engine.borrow().segment_line(line).join("  "))
}

// talc instead of the standard library's dlmalloc (docs/weight.md): the light module is 2.8 KB gzip
// smaller; the full module analyzes a Chinese article 1.8 % faster (5.5 KB gzip larger, lazily loaded).
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

// Below the rest, so that the light module's code (panic locations included) stays as it was.

/// A report (or a corpus summary) as a plain object: the full module's own hand-over
/// (handover.rs), else (a value it does not carry, or the light module) serde-wasm-bindgen.
fn report_to_js<T: Serialize>(report: &T) -> Result<JsValue, JsError> {
    #[cfg(feature = "zh")]
    if let Some(object) = handover::to_js(report) {
        return Ok(object);
    }
    report.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| JsError::new(&format!("could not convert the report: {e}")))
}

// The report hand-over without serde-wasm-bindgen: in the full module only (handover.rs says why).
#[cfg(feature = "zh")]
mod handover;
