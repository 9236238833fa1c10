//! The report contract on texts written for these tests, then a snapshot of the sample's report.
// The one-sort, one-lower-casing rule (clippy.toml) keeps the wasm small; this code never ships in it.
#![allow(clippy::disallowed_methods)]

use article_explorer::{DateSource, Language, Options, Report, analyze};

fn slice(text: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start..end]).unwrap()
}

#[test]
fn empty_and_blank_texts() {
    for text in ["", "   \n\t\r\n", "\u{feff}"] {
        let r = analyze(text, &Options::default());
        assert_eq!(r.stats.sentences, 0, "{text:?}");
        assert_eq!(r.stats.words, 0);
        assert!(r.paragraphs.is_empty() && r.sections.is_empty() && r.keywords.is_empty() && r.timexes.is_empty());
        assert_eq!(r.language, Language::Other);
        assert_eq!(r.reference_date.source, DateSource::None);
    }
}

#[test]
fn every_span_slices_back_to_its_text() {
    let text = "Rural notes 乡村\r\nIn 1987 the café opened. 😀 It closed in 2011!\n\nA new owner came in 2015.";
    let r = analyze(text, &Options::default());
    assert_eq!(r.paragraphs.len(), 3);
    for t in &r.timexes {
        assert_eq!(slice(text, t.start, t.end), t.text);
        let s = &r.sentences[t.sentence];
        assert!(s.start <= t.start && t.end <= s.end, "timex inside its sentence");
    }
    for s in &r.sentences {
        let p = &r.paragraphs[s.paragraph];
        assert!(p.start <= s.start && s.end <= p.end, "sentence inside its paragraph");
    }
    for k in &r.keywords {
        assert_eq!(k.count, k.occurrences.len());
        for o in &k.occurrences {
            assert_eq!(slice(text, o.start, o.end).to_lowercase(), k.term.to_lowercase());
        }
    }
    assert_eq!(r.timexes.iter().map(|t| t.value.as_str()).collect::<Vec<_>>(), ["1987", "2011", "2015"]);
    let order: Vec<&str> = r.timeline.iter().map(|e| e.start_date.as_str()).collect();
    assert_eq!(order, ["1987-01-01", "2011-01-01", "2015-01-01"]);
}

#[test]
fn stopwords_and_numbers_are_not_keywords() {
    let text = "The river and the river bank. The bank of the river in 2020 had 300 boats.";
    let r = analyze(text, &Options::default());
    let terms: Vec<(&str, usize)> = r.keywords.iter().map(|k| (k.term.as_str(), k.count)).collect();
    assert_eq!(terms[..2], [("river", 3), ("bank", 2)]);
    assert!(!terms.iter().any(|(t, _)| ["the", "and", "of", "2020", "300"].contains(t)));
}

#[test]
fn caller_date_wins_and_a_bad_one_is_a_warning() {
    let text = "People's Daily (November 5, 2025, Page 01)\nBody.";
    let r = analyze(text, &Options { dct: Some("2024-01-02".into()), ..Default::default() });
    assert_eq!((r.reference_date.value.as_deref(), r.reference_date.source), (Some("2024-01-02"), DateSource::Caller));
    let r = analyze(text, &Options { dct: Some("tomorrow".into()), ..Default::default() });
    assert_eq!(r.reference_date.source, DateSource::Dateline);
    assert_eq!(r.warnings, [article_explorer::Warning::ReferenceDateInvalid { value: "tomorrow".into() }]);
}

#[test]
fn report_round_trips_through_json() {
    let text = include_str!("../samples/en-peoples-daily-2025-11-05.txt");
    let r = analyze(text, &Options::default());
    let back: Report = serde_json::from_str(&serde_json::to_string(&r).unwrap()).unwrap();
    assert_eq!(back, r);
}

#[test]
fn sample_report_snapshot() {
    let text = include_str!("../samples/en-peoples-daily-2025-11-05.txt");
    let r = analyze(text, &Options::default());
    let summary = serde_json::json!({
        "language": r.language,
        "reference_date": r.reference_date,
        "stats": r.stats,
        "top_keywords": r.keywords.iter().take(15).map(|k| format!("{} {}", k.term, k.count)).collect::<Vec<_>>(),
        "timexes": r.timexes.iter().map(|t| format!("{} {:?} {}", t.text, t.timex_type, t.value)).collect::<Vec<_>>(),
    });
    insta::assert_json_snapshot!("sample_summary", summary);
}
