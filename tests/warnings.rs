//! Report warnings (contract version 2): each is `{"code", "params"}` with `params` always an
//! object, one test per code, with the English text `Display` gives.

use article_explorer::{Engine, Options, REPORT_VERSION, Warning, analyze};
use serde_json::{Value, json};

/// The warning as the report's JSON has it.
fn json_of(warning: &Warning) -> Value {
    serde_json::to_value(warning).unwrap()
}

#[test]
fn the_contract_is_version_3() {
    // 3 added the timexes' reasons, the paragraph kind `caption` and the masthead and dateline
    // header fields; the warnings are the objects of version 2.
    assert_eq!(REPORT_VERSION, 3);
    assert_eq!(analyze("Hi.", &Options::default()).version, 3);
}

#[test]
fn chinese_dictionary_missing() {
    let report = Engine::without_chinese_dictionary().analyze("国家统计局今天发布报告。", &Options::default());
    let expected = Warning::ChineseDictionaryMissing {};
    // The full build reads Chinese dates without a dictionary; the light build also says it cannot.
    #[cfg(feature = "zh")]
    assert_eq!(report.warnings, std::slice::from_ref(&expected));
    #[cfg(not(feature = "zh"))]
    assert_eq!(report.warnings, [expected.clone(), Warning::ChineseUnsupported {}]);
    assert_eq!(json_of(&expected), json!({"code": "chinese_dictionary_missing", "params": {}}));
    assert_eq!(expected.code(), "chinese_dictionary_missing");
    assert_eq!(expected.to_string(), "The Chinese dictionary is not loaded: Chinese text was split one character per word.");
    // With the dictionary (the full build's default engine), no warning.
    #[cfg(feature = "zh")]
    assert_eq!(analyze("国家统计局今天发布报告。", &Options::default()).warnings, []);
}

#[test]
fn chinese_unsupported() {
    // Emitted by the light build only (tests/light_build.rs analyzes Chinese with it).
    let warning = Warning::ChineseUnsupported {};
    assert_eq!(json_of(&warning), json!({"code": "chinese_unsupported", "params": {}}));
    assert_eq!(warning.code(), "chinese_unsupported");
    assert_eq!(warning.to_string(), "This build has no Chinese support: Chinese dates were not read.");
    #[cfg(feature = "zh")]
    assert!(!Engine::without_chinese_dictionary().analyze("二〇二五年十一月五日", &Options::default()).warnings.contains(&warning));
}

#[test]
fn replacement_characters() {
    let report = analyze("Decoded \u{FFFD}\u{FFFD} wrongly, \u{FFFD} again.", &Options::default());
    let expected = Warning::ReplacementCharacters { count: 3 };
    assert_eq!(report.warnings, std::slice::from_ref(&expected));
    assert_eq!(json_of(&expected), json!({"code": "replacement_characters", "params": {"count": 3}}));
    assert_eq!(expected.code(), "replacement_characters");
    assert_eq!(expected.to_string(), "The text contains 3 replacement characters (U+FFFD): it may have been decoded with the wrong encoding.");
    assert_eq!(
        Warning::ReplacementCharacters { count: 1 }.to_string(),
        "The text contains 1 replacement character (U+FFFD): it may have been decoded with the wrong encoding."
    );
    assert_eq!(analyze("Clean text.", &Options::default()).warnings, []);
}

#[test]
fn reference_date_invalid() {
    let options = Options { dct: Some("2025-02-30".into()), ..Default::default() };
    let report = analyze("It rained last year.", &options);
    let expected = Warning::ReferenceDateInvalid { value: "2025-02-30".into() };
    assert_eq!(report.warnings, std::slice::from_ref(&expected));
    assert_eq!(report.reference_date.value, None);
    assert_eq!(json_of(&expected), json!({"code": "reference_date_invalid", "params": {"value": "2025-02-30"}}));
    assert_eq!(expected.code(), "reference_date_invalid");
    assert_eq!(expected.to_string(), r#"The reference date "2025-02-30" was ignored: expected YYYY-MM-DD."#);
}

#[test]
fn warnings_in_a_report_round_trip_and_keep_their_order() {
    let options = Options { dct: Some("soon".into()), ..Default::default() };
    let report = Engine::without_chinese_dictionary().analyze("社会\u{FFFD}", &options);
    let codes: Vec<&str> = report.warnings.iter().map(Warning::code).collect();
    #[cfg(feature = "zh")]
    assert_eq!(codes, ["reference_date_invalid", "chinese_dictionary_missing", "replacement_characters"]);
    #[cfg(not(feature = "zh"))]
    assert_eq!(codes, ["reference_date_invalid", "chinese_dictionary_missing", "chinese_unsupported", "replacement_characters"]);
    let value = serde_json::to_value(&report).unwrap();
    for warning in value["warnings"].as_array().unwrap() {
        assert!(warning["code"].is_string() && warning["params"].is_object(), "{warning}");
        assert_eq!(warning.as_object().unwrap().len(), 2, "{warning}");
    }
    let back: Vec<Warning> = serde_json::from_value(value["warnings"].clone()).unwrap();
    assert_eq!(back, report.warnings);
}
