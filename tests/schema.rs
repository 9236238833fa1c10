//! The report's JSON Schema (docs/report.schema.json): the checked-in file is what the code
//! generates, it carries the report version, and every report the engine writes for the test
//! texts (tests/data, samples/, the fuzz seeds) validates against it, with every option that
//! changes the report's shape and with the warnings present.

mod common;

use std::path::{Path, PathBuf};

use common::{checked_in, closed, errors, report_schema_errors};

use article_explorer::{Engine, LanguageChoice, Options, REPORT_VERSION, Report, report_schema};
use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn checked_in_schema() -> Value {
    checked_in("report")
}

#[test]
fn checked_in_schemas_are_what_the_code_generates() {
    for (name, generated) in [
        ("report", report_schema()),
        ("comparison", article_explorer::comparison_schema()),
        ("concordance", article_explorer::concordance_schema()),
        ("alignment", article_explorer::alignment_schema()),
        ("summary", article_explorer::corpus::summary_schema()),
    ] {
        let generated = serde_json::to_string_pretty(&generated).unwrap() + "\n";
        let checked_in = std::fs::read_to_string(root().join(format!("docs/{name}.schema.json"))).unwrap_or_default();
        assert!(
            checked_in == generated,
            "docs/{name}.schema.json differs from the schema the code gives; regenerate it with\n  \
             cargo run --quiet -- schema {name} > docs/{name}.schema.json\n(and note the change in CHANGELOG.md)"
        );
    }
}

#[test]
fn versions_move_together() {
    let schema = checked_in_schema();
    let id = schema["$id"].as_str().expect("the schema has an $id");
    assert!(id.contains(&format!("report-v{REPORT_VERSION}.")), "the schema's $id {id} does not name report version {REPORT_VERSION}");
    assert_eq!(schema["properties"]["version"]["const"], REPORT_VERSION);

    let package: Value = serde_json::from_str(&std::fs::read_to_string(root().join("npm/package.json")).unwrap()).unwrap();
    assert_eq!(
        package["version"].as_str(),
        Some(env!("CARGO_PKG_VERSION")),
        "npm/package.json's version must equal Cargo.toml's (the npm package is this crate)"
    );
    let changelog = std::fs::read_to_string(root().join("CHANGELOG.md")).unwrap();
    assert!(changelog.contains(&format!("report version {REPORT_VERSION}")), "CHANGELOG.md does not mention report version {REPORT_VERSION}");
}

/// Every text file the tests read: whole, and (for the line-per-case files) each line alone.
fn test_texts() -> Vec<(String, String)> {
    let mut files = Vec::new();
    for dir in ["tests/data", "samples", "fuzz/seeds"] {
        collect(&root().join(dir), &mut files);
    }
    assert!(files.len() >= 12, "found only {} test texts", files.len());
    let mut texts = Vec::new();
    for path in files {
        let bytes = std::fs::read(&path).unwrap();
        let text = article_explorer::decode_text(&bytes).unwrap_or_else(|_| String::from_utf8_lossy(&bytes).into_owned());
        let name = path.strip_prefix(root()).unwrap().display().to_string();
        if name.starts_with("tests/data") {
            for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty()) {
                // Case files hold `dct<TAB>text<TAB>expected`; the text column is what the tests analyze.
                let case = line.split('\t').nth(1).unwrap_or(line).trim_start_matches("> ");
                texts.push((format!("{name}:{}", i + 1), case.to_string()));
            }
        }
        texts.push((name, text));
    }
    texts
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries: std::collections::BTreeSet<_> =
        std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())).map(|e| e.unwrap().path()).collect();
    for path in entries {
        if path.is_dir() {
            collect(&path, out);
        } else {
            out.push(path);
        }
    }
}

fn validate(report: &Report, what: &str) {
    let errors = report_schema_errors(report);
    assert!(errors.is_empty(), "the report of {what} does not match docs/report.schema.json:\n  {}", errors.join("\n  "));
}

#[test]
fn every_report_of_the_test_texts_validates() {
    let engine = Engine::new();
    let light = Engine::without_chinese_dictionary();
    let option_sets = [
        ("default options", Options::default()),
        ("tokens", Options { tokens: true, ..Options::default() }),
        ("lang en, dct", Options { lang: LanguageChoice::En, dct: Some("2025-11-05".into()), ..Options::default() }),
        ("lang zh, tokens", Options { lang: LanguageChoice::Zh, tokens: true, ..Options::default() }),
        ("an invalid dct", Options { dct: Some("2025-02-30".into()), ..Options::default() }),
    ];
    let mut reports = 0;
    let mut warning_codes = std::collections::BTreeSet::new();
    let mut with_tokens = 0;
    for (name, text) in test_texts() {
        for (label, options) in &option_sets {
            let report = engine.analyze(&text, options);
            validate(&report, &format!("{name} ({label})"));
            warning_codes.extend(report.warnings.iter().map(|w| w.code()));
            with_tokens += usize::from(!report.tokens.is_empty());
            reports += 1;
        }
        // An engine without the Chinese dictionary warns about Chinese text.
        let report = light.analyze(&text, &Options::default());
        validate(&report, &format!("{name} (no Chinese dictionary)"));
        warning_codes.extend(report.warnings.iter().map(|w| w.code()));
        reports += 1;
    }
    // Replacement characters, in a text of their own and in one of the fuzz seeds' kind.
    let report = engine.analyze("Bad \u{FFFD}\u{FFFD} bytes on 5 November 2025.", &Options::default());
    validate(&report, "a text with U+FFFD");
    warning_codes.extend(report.warnings.iter().map(|w| w.code()));
    assert!(reports > 500, "validated only {reports} reports");
    assert!(with_tokens > 100, "only {with_tokens} reports had tokens");
    for code in ["replacement_characters", "reference_date_invalid", "chinese_dictionary_missing"] {
        assert!(warning_codes.contains(code), "no report had the warning {code}; seen: {warning_codes:?}");
    }
}

#[test]
fn comparisons_and_concordances_of_the_samples_validate() {
    let comparison = jsonschema::validator_for(&closed(&checked_in("comparison"))).unwrap();
    let concordance = jsonschema::validator_for(&closed(&checked_in("concordance"))).unwrap();
    let engine = Engine::new();
    let texts = test_texts();
    let samples: Vec<&(String, String)> = texts.iter().filter(|(name, _)| name.starts_with("samples/") && name.ends_with(".txt")).collect();
    assert_eq!(samples.len(), 2, "expected the English and the Chinese sample");
    let check = |validator: &jsonschema::Validator, value: Value, what: &str| {
        let errors = errors(validator, &value);
        assert!(errors.is_empty(), "{what} does not match its schema:\n  {}", errors.join("\n  "));
    };
    let mut lines = 0;
    for (a, text_a) in &samples {
        for (b, text_b) in &samples {
            let result = engine.compare(text_a, text_b, &Options::default());
            check(&comparison, serde_json::to_value(&result).unwrap(), &format!("the comparison of {a} and {b}"));
        }
        let index = engine.concordance(text_a);
        for keyword in engine.analyze(text_a, &Options::default()).keywords.iter().take(10) {
            for mode in [article_explorer::MatchMode::Term, article_explorer::MatchMode::Exact, article_explorer::MatchMode::Text] {
                let result = index.query(&keyword.term, &article_explorer::ConcordanceOptions { mode, ..Default::default() });
                lines += result.lines.len();
                check(&concordance, serde_json::to_value(&result).unwrap(), &format!("the concordance of {:?} in {a}", keyword.term));
            }
        }
    }
    assert!(lines > 50, "the concordances found only {lines} lines");
}

#[test]
fn the_schema_rejects_what_the_contract_forbids() {
    let validator = jsonschema::validator_for(&checked_in_schema()).unwrap();
    let report = serde_json::to_value(Engine::new().analyze("It rained on 5 November 2025.", &Options::default())).unwrap();
    assert!(validator.is_valid(&report));
    let broken = |edit: &dyn Fn(&mut Value)| {
        let mut r = report.clone();
        edit(&mut r);
        validator.is_valid(&r)
    };
    assert!(!broken(&|r| r["version"] = 1.into()), "a version-1 report passed the version-2 schema");
    assert!(!broken(&|r| r["warnings"] = serde_json::json!(["An English sentence."])), "a version-1 warning passed");
    assert!(
        !broken(&|r| r["warnings"] = serde_json::json!([{"code": "replacement_characters", "params": {}}])),
        "a warning without its count passed"
    );
    assert!(!broken(&|r| r["warnings"] = serde_json::json!([{"code": "no_such_code", "params": {}}])), "an unknown warning code passed");
    assert!(!broken(&|r| r["timexes"][0]["type"] = "date".into()), "a lower-case timex type passed");
    assert!(!broken(&|r| r.as_object_mut().unwrap().remove("timeline").map(drop).unwrap_or(())), "a report without a timeline passed");
    assert!(!broken(&|r| r["stats"]["words"] = (-1).into()), "a negative count passed");
}
