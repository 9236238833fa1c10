//! Reads the options objects the page passes to the wasm entry points (wasm32 only).
//!
//! Hand-written rather than `serde_wasm_bindgen::from_value`: deserialising through serde linked
//! its error formatting, which prints floats and so pulls core's float printer, together with the
//! generic deserialiser: ~36 KB raw, 16 KB gzip of the page's first wasm module (docs/weight.md).
//! The contract is the serde derive's: unknown fields are ignored, a missing field (`undefined`,
//! or `null`) keeps its default, and a value of the wrong type is an error that names the field.

use wasm_bindgen::JsValue;

use crate::{ConcordanceOptions, LanguageChoice, MatchMode, Options};

/// [`Options`] from a plain object such as `{dct: "2025-11-05", lang: "en", keyword_limit: 50}`;
/// `undefined` or `null` give the defaults.
pub(crate) fn options(value: &JsValue) -> Result<Options, String> {
    let Some(fields) = Fields::of(value)? else { return Ok(Options::default()) };
    const LANGS: [LanguageChoice; 3] = [LanguageChoice::Auto, LanguageChoice::En, LanguageChoice::Zh];
    Ok(Options {
        dct: fields.string("dct")?,
        lang: fields.choice("lang", &["auto", "en", "zh"])?.map_or(LanguageChoice::default(), |i| LANGS[i]),
        keyword_limit: fields.count("keyword_limit")?,
        tokens: fields.flag("tokens")?,
        stopwords_add: fields.strings("stopwords_add")?,
        stopwords_remove: fields.strings("stopwords_remove")?,
        keep_numbers: fields.flag("keep_numbers")?,
    })
}

/// [`ConcordanceOptions`] from a plain object `{mode, context, limit}` (the other fields of an
/// analysis options object are ignored); `undefined` or `null` give the defaults.
pub(crate) fn concordance_options(value: &JsValue) -> Result<ConcordanceOptions, String> {
    let default = ConcordanceOptions::default();
    let Some(fields) = Fields::of(value)? else { return Ok(default) };
    const MODES: [MatchMode; 3] = [MatchMode::Term, MatchMode::Exact, MatchMode::Text];
    Ok(ConcordanceOptions {
        mode: fields.choice("mode", &["term", "exact", "text"])?.map_or(default.mode, |i| MODES[i]),
        context: fields.count("context")?.unwrap_or(default.context),
        limit: fields.count("limit")?.unwrap_or(default.limit),
    })
}

/// The fields of an options object.
struct Fields<'a>(&'a JsValue);

impl<'a> Fields<'a> {
    /// `None` for `undefined` or `null`, an error for anything but an object.
    fn of(value: &'a JsValue) -> Result<Option<Fields<'a>>, String> {
        if value.is_undefined() || value.is_null() {
            Ok(None)
        } else if value.is_object() {
            Ok(Some(Fields(value)))
        } else {
            Err("expected an object".to_string())
        }
    }

    /// The field's value, `None` when it is missing, `undefined` or `null`.
    fn get(&self, name: &str) -> Option<JsValue> {
        let value = js_sys::Reflect::get(self.0, &JsValue::from_str(name)).ok()?;
        (!value.is_undefined() && !value.is_null()).then_some(value)
    }

    fn string(&self, name: &str) -> Result<Option<String>, String> {
        let Some(value) = self.get(name) else { return Ok(None) };
        value.as_string().map(Some).ok_or_else(|| wrong(name, "a string"))
    }

    /// A boolean field (false when missing).
    fn flag(&self, name: &str) -> Result<bool, String> {
        let Some(value) = self.get(name) else { return Ok(false) };
        value.as_bool().ok_or_else(|| wrong(name, "true or false"))
    }

    /// A whole number from 0 up (a JS number without fraction that fits `usize`).
    fn count(&self, name: &str) -> Result<Option<usize>, String> {
        let Some(value) = self.get(name) else { return Ok(None) };
        match value.as_f64() {
            Some(n) if n >= 0.0 && n.fract() == 0.0 && n <= usize::MAX as f64 => Ok(Some(n as usize)),
            _ => Err(wrong(name, "a whole number from 0 up")),
        }
    }

    /// The position in `names` of the field's value.
    fn choice(&self, name: &str, names: &[&str]) -> Result<Option<usize>, String> {
        let Some(value) = self.get(name) else { return Ok(None) };
        let found = value.as_string().and_then(|s| names.iter().position(|n| *n == s));
        found.map(Some).ok_or_else(|| wrong(name, &format!("one of {}", names.join(", "))))
    }

    /// An array of strings (an empty list when missing).
    fn strings(&self, name: &str) -> Result<Vec<String>, String> {
        let Some(value) = self.get(name) else { return Ok(Vec::new()) };
        let array = js_sys::Array::is_array(&value).then(|| js_sys::Array::from(&value));
        let strings = array.and_then(|a| a.iter().map(|v| v.as_string()).collect::<Option<Vec<String>>>());
        strings.ok_or_else(|| wrong(name, "an array of strings"))
    }
}

/// The message for a field of the wrong type.
fn wrong(name: &str, expected: &str) -> String {
    format!("`{name}` must be {expected}")
}
