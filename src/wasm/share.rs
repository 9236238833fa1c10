//! Share links and bundles for the page: the whole door of the share module (`share-only`,
//! pkg/share/, built by scripts/build-wasm.sh), which the page loads to open a link or a bundle;
//! the light and the full module go without the JSON parser, SHA-256 and inflater. Errors are
//! thrown as `Error`s whose message starts with the kind's code (`damaged: …`), which the page
//! turns into its own message.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::share::{self, ShareError, Shared};

fn to_js(shared: &Shared) -> Result<JsValue, JsError> {
    shared.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| JsError::new(&format!("could not convert the result: {e}")))
}

fn refused(e: ShareError) -> JsError {
    JsError::new(&format!("{}: {e}", e.code()))
}

/// Reads a share link (a URL or its fragment): the checked payload `{format, version, text,
/// settings, corrections?, provenance}`, or throws.
#[wasm_bindgen(js_name = decodeShareLink)]
pub fn decode_share_link(link: &str) -> Result<JsValue, JsError> {
    to_js(&share::decode_link(link).map_err(refused)?)
}

/// Reads a bundle file's text: the checked bundle (the payload's fields and `report`), or throws.
#[wasm_bindgen(js_name = parseShareBundle)]
pub fn parse_share_bundle(json: &str) -> Result<JsValue, JsError> {
    to_js(&share::parse_bundle(json).map_err(refused)?)
}

/// SHA-256 of `text`'s UTF-8 bytes, lowercase hex (the provenance's `text_sha256`).
#[wasm_bindgen(js_name = textSha256)]
pub fn text_sha256(text: &str) -> String {
    share::text_sha256(text)
}

/// This engine's version (the provenance's `engine`).
#[wasm_bindgen(js_name = engineVersion)]
pub fn engine_version() -> String {
    share::engine_version().into()
}
