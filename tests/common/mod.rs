//! What several integration tests share: checking a report against the checked-in JSON Schema
//! (docs/report.schema.json), so every report they make is also a test of the schema.

use std::path::Path;
use std::sync::OnceLock;

use serde_json::Value;

/// A checked-in schema, `docs/{name}.schema.json`.
pub fn checked_in(name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("docs/{name}.schema.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

/// `schema` with every object closed (`additionalProperties: false`): a field the schema does
/// not describe fails validation, so the schema cannot fall behind the code. The published schema
/// stays open, so fields added within a report version do not break readers.
pub fn closed(schema: &Value) -> Value {
    fn close(value: &mut Value) {
        match value {
            Value::Object(map) => {
                if map.get("type").is_some_and(|t| t == "object") && !map.contains_key("additionalProperties") {
                    map.insert("additionalProperties".into(), Value::Bool(false));
                }
                map.values_mut().for_each(close);
            }
            Value::Array(items) => items.iter_mut().for_each(close),
            _ => {}
        }
    }
    let mut schema = schema.clone();
    close(&mut schema);
    schema
}

/// Where `value` breaks `validator` (at most five places), empty when it is valid.
pub fn errors(validator: &jsonschema::Validator, value: &Value) -> Vec<String> {
    validator.iter_errors(value).take(5).map(|e| format!("at {}: {e}", e.instance_path())).collect()
}

/// Where `report` breaks the report schema (closed), empty when it matches.
pub fn report_schema_errors(report: &article_explorer::Report) -> Vec<String> {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    let validator =
        VALIDATOR.get_or_init(|| jsonschema::validator_for(&closed(&checked_in("report"))).expect("docs/report.schema.json is a valid JSON Schema"));
    errors(validator, &serde_json::to_value(report).expect("a report serializes"))
}
