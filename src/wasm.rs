//! The browser front door (wasm32 only): one entry point with plain arguments, one value out.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::{Options, Stage};

/// Installs the panic hook so a Rust panic is logged with its message before the trap.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// Analyzes `text` with `options` (a plain object: `{dct, lang, keyword_limit}`, all optional).
/// `progress`, when given, is called as `progress(stage, fraction)` between stages.
/// Returns the report as a plain object, or throws an `Error` whose message says what was wrong.
#[wasm_bindgen]
pub fn analyze(text: &str, options: JsValue, progress: Option<js_sys::Function>) -> Result<JsValue, JsError> {
    let options: Options = if options.is_undefined() || options.is_null() {
        Options::default()
    } else {
        serde_wasm_bindgen::from_value(options).map_err(|e| JsError::new(&format!("invalid options: {e}")))?
    };
    let mut report_progress = |stage: Stage, fraction: f64| {
        if let Some(f) = &progress {
            let name = serde_wasm_bindgen::to_value(&stage).unwrap_or(JsValue::NULL);
            let _ = f.call2(&JsValue::NULL, &name, &JsValue::from_f64(fraction));
        }
    };
    let report = crate::analyze_with_progress(text, &options, &mut report_progress);
    report
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("could not convert the report: {e}")))
}

/// The report contract version this build produces.
#[wasm_bindgen(js_name = reportVersion)]
pub fn report_version() -> u32 {
    crate::REPORT_VERSION
}
