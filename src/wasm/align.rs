//! The translation view's entry: a Chinese text beside its English version.

use wasm_bindgen::prelude::*;

/// Aligns two texts, one Chinese and one English in either order (see [`crate::align`]), with
/// this instance's engine. Returns the alignment as a plain object, or throws an `Error` whose
/// message starts with the reason's code in brackets (`[same-language] both texts are in …`) so
/// the page can word it in the reader's language.
#[wasm_bindgen]
pub fn align(text_a: &str, text_b: &str) -> Result<JsValue, JsError> {
    crate::check_input_size(text_a.len() + text_b.len()).map_err(|e| JsError::new(&e.to_string()))?;
    let alignment = crate::align(&super::engine(), text_a, text_b).map_err(|e| JsError::new(&format!("[{}] {e}", e.code())))?;
    super::to_js(&alignment)
}
