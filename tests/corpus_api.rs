//! The corpus API on known counts: summaries, trends (and when their counts are exact), phrasing
//! changes, the merged timeline, and summaries surviving a JSON round trip as the page stores them.

use article_explorer::Engine;
use article_explorer::corpus::*;

fn summary(engine: &Engine, id: &str, date: &str, text: &str) -> ArticleSummary {
    summarize(engine, text, &SummaryOptions { id: id.into(), user_date: Some(date.into()), ..Default::default() })
}

/// `n` sentences, each a copy of `sentence`.
fn times(sentence: &str, n: usize) -> String {
    vec![sentence; n].join(" ")
}

#[test]
fn trends_count_words_and_kept_sequences_per_period() {
    let e = Engine::new();
    let all = [
        summary(&e, "a", "2024-01-03", &format!("{} {}", times("Market reform went on.", 3), times("The weather was calm.", 2))),
        summary(&e, "b", "2024-01-20", &times("Market reform stalled.", 2)),
        summary(&e, "c", "2024-02-02", &times("Rain fell.", 4)),
    ];
    let t = trends(&e, &all, &["reform".into(), "market reform".into(), "weather".into()], Period::Month, &Default::default());
    let rows: Vec<(&str, usize, &[u64])> = t.rows.iter().map(|r| (r.period.as_str(), r.articles, r.counts.as_slice())).collect();
    assert_eq!(rows, [("2024-01", 2, &[5, 5, 2][..]), ("2024-02", 1, &[0, 0, 0][..])]);
    // Every count is exact: "market reform" is kept wherever it occurs twice or more, and where it
    // does not, one of its words is absent.
    assert!(t.terms.iter().all(|t| t.exact), "{:?}", t.terms);
    assert_eq!(t.rows[0].ids, ["a", "b"]);
    // Per million counted words.
    let words = t.rows[0].words as f64;
    assert!((t.rows[0].per_million[0] - 5.0 / words * 1e6).abs() < 1e-9);
}

#[test]
fn a_sequence_seen_once_is_a_lower_bound_unless_tracked() {
    let e = Engine::new();
    let text = "Market reform came once. The market rose. Reform waited.";
    let plain = summary(&e, "a", "2024-01-03", text);
    let t = trends(&e, std::slice::from_ref(&plain), &["market reform".into()], Period::Year, &Default::default());
    assert_eq!((t.rows[0].counts[0], t.terms[0].exact), (0, false));
    let tracked = summarize(
        &e,
        text,
        &SummaryOptions { id: "a".into(), user_date: Some("2024-01-03".into()), track: vec!["Market reform".into()], ..Default::default() },
    );
    let t = trends(&e, &[tracked], &["market reform".into()], Period::Year, &Default::default());
    assert_eq!((t.rows[0].counts[0], t.terms[0].exact), (1, true));
    // Keeping every sequence makes it exact too.
    let all = summarize(&e, text, &SummaryOptions { id: "a".into(), user_date: Some("2024-01-03".into()), ngram_min_count: 1, ..Default::default() });
    let t = trends(&e, &[all], &["market reform".into()], Period::Year, &Default::default());
    assert_eq!((t.rows[0].counts[0], t.terms[0].exact), (1, true));
}

#[test]
fn undated_and_duplicate_articles_are_listed_not_counted() {
    let e = Engine::new();
    let dated = summary(&e, "a", "2024-01-03", "Reform came.");
    let copy = summary(&e, "b", "2024-05-03", "reform  came");
    let undated = summarize(&e, "Reform again.", &SummaryOptions { id: "c".into(), ..Default::default() });
    assert_eq!((undated.date.as_deref(), undated.date_source), (None, ArticleDateSource::None));
    let t = trends(&e, &[dated, copy, undated], &["reform".into()], Period::Year, &Default::default());
    assert_eq!(t.rows.iter().map(|r| r.counts[0]).collect::<Vec<_>>(), [1]);
    assert_eq!((t.undated.as_slice(), t.duplicates.as_slice()), (&["c".to_string()][..], &["b".to_string()][..]));
}

#[test]
fn weeks_and_articles_as_periods() {
    let e = Engine::new();
    let all = [summary(&e, "x", "2024-12-30", "Reform."), summary(&e, "y", "2024-12-29", "Reform reform.")];
    let t = trends(&e, &all, &["reform".into()], Period::Week, &Default::default());
    let rows: Vec<(&str, &str, u64)> = t.rows.iter().map(|r| (r.period.as_str(), r.start.as_str(), r.counts[0])).collect();
    assert_eq!(rows, [("2024-W52", "2024-12-23", 2), ("2025-W01", "2024-12-30", 1)]);
    let t = trends(&e, &all, &["reform".into()], Period::Article, &Default::default());
    let rows: Vec<(&str, &str)> = t.rows.iter().map(|r| (r.period.as_str(), r.start.as_str())).collect();
    assert_eq!(rows, [("y", "2024-12-29"), ("x", "2024-12-30")]);
}

#[test]
fn phrasing_changes_on_known_counts() {
    let e = Engine::new();
    // Side A (2023): "moderately prosperous society" 4 times, "reform" 2 in 2 articles. Side B
    // (2024): "common prosperity" 3 times, "reform" 12 times.
    let all = [
        summary(&e, "a1", "2023-03-01", &format!("{} {}", times("Build a moderately prosperous society.", 2), times("Reform helps.", 1))),
        summary(&e, "a2", "2023-06-01", &format!("{} {}", times("Build a moderately prosperous society soon.", 2), times("Reform waits.", 1))),
        summary(&e, "b1", "2024-03-01", &format!("{} {}", times("Pursue common prosperity.", 3), times("Reform and reform again.", 6))),
    ];
    let year = |y: &str| Selection { period: Some(y.into()), ..Default::default() };
    let c = phrasing_changes(&all, &year("2023"), &year("2024"), &PhrasingOptions::default());
    assert_eq!((c.a.articles, c.b.articles), (2, 1));
    let find = |list: &[ChangedTerm], term: &str| list.iter().find(|t| t.term == term).cloned();
    let gone = find(&c.vanished, "moderately prosperous society").expect("vanished");
    assert_eq!((gone.count_a, gone.count_b, gone.articles_a), (4, 0, 2));
    let new = find(&c.appeared, "common prosperity").expect("appeared");
    assert_eq!((new.count_a, new.count_b, new.kind), (0, 3, article_explorer::KeywordKind::Phrase));
    let rose = find(&c.rose, "Reform").expect("reform rose");
    assert_eq!((rose.count_a, rose.count_b), (2, 12));
    assert!(rose.log_ratio > 0.0 && rose.log_likelihood >= 3.84);
    assert!(c.fell.iter().all(|t| t.log_ratio < 0.0));
    // The same comparison by ids, and the other way round.
    let ids = |v: &[&str]| Selection { ids: v.iter().map(|s| s.to_string()).collect(), ..Default::default() };
    let back = phrasing_changes(&all, &ids(&["b1"]), &ids(&["a1", "a2"]), &PhrasingOptions::default());
    assert!(find(&back.appeared, "moderately prosperous society").is_some() && find(&back.fell, "Reform").is_some());
}

#[test]
fn the_merged_timeline_counts_articles_not_mentions() {
    let e = Engine::new();
    let s = "The congress opened on March 5, 2024.";
    let all = [
        summary(&e, "a", "2024-03-06", &format!("{s} It rained. {s}")),
        summary(&e, "b", "2024-03-07", &format!("Report. {s}")),
        summary(&e, "c", "2024-03-08", "The congress opened on March 5, 2024, in rain."),
    ];
    let t = merged_timeline(&all, &TimelineOptions::default());
    let same: Vec<(usize, &[String])> = t.iter().filter(|m| m.event.value == "2024-03-05").map(|m| (m.articles, m.ids.as_slice())).collect();
    assert_eq!(same.len(), 2, "{t:?}");
    assert!(same.contains(&(2, &["a".to_string(), "b".to_string()][..])) && same.contains(&(1, &["c".to_string()][..])));
    assert_eq!(merged_timeline(&all, &TimelineOptions { min_articles: 2, ..Default::default() }).len(), 1);
    assert!(merged_timeline(&all, &TimelineOptions { term: "RAIN".into(), ..Default::default() }).iter().all(|m| m.ids == ["c"]));
    // A merged event is the first article's event with its article count: the event's fields
    // inline, then the count and ids; it reads back as it was.
    let first = t.iter().find(|m| m.articles == 2).unwrap();
    let json = serde_json::to_string(first).unwrap();
    let event = serde_json::to_string(&all[0].timeline[0]).unwrap();
    assert_eq!(json, format!("{},\"articles\":2,\"ids\":[\"a\",\"b\"]}}", event.strip_suffix('}').unwrap()));
    assert!(event.starts_with("{\"value\":\"2024-03-05\",\"start_date\":") && event.contains("\"sentence\":\"The congress opened"));
    assert_eq!(&serde_json::from_str::<article_explorer::corpus::MergedEvent>(&json).unwrap(), first);
}

#[test]
fn a_summary_survives_the_json_round_trip() {
    let e = Engine::new();
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/samples/zh-community-governance-2025.txt")).unwrap();
    let s = summarize(&e, &text, &SummaryOptions { id: "zh".into(), track: vec!["社会工作".into()], ..Default::default() });
    assert_eq!(s.date_source, ArticleDateSource::Dateline);
    assert!(!s.terms.is_empty() && !s.timeline.is_empty() && s.tracked[0].count > 0);
    assert!(s.terms.windows(2).all(|w| w[0].0 < w[1].0) && s.ngrams.windows(2).all(|w| w[0].0 < w[1].0), "sorted by key");
    let json = serde_json::to_string(&s).unwrap();
    let back: ArticleSummary = serde_json::from_str(&json).unwrap();
    assert_eq!(back, s);
    // The tracked count is the concordance's count of the same term.
    let hits = e.concordance(&text).query("社会工作", &Default::default()).total;
    assert_eq!(s.tracked[0].count as usize, hits);
}

#[test]
fn summaries_of_the_samples_match_docs_summary_schema() {
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/summary.schema.json")).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let e = Engine::new();
    for name in ["en-peoples-daily-2025-11-05.txt", "zh-community-governance-2025.txt"] {
        let text = std::fs::read_to_string(format!("{}/samples/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap();
        let s = summarize(&e, &text, &SummaryOptions { id: name.into(), track: vec!["social work".into()], ..Default::default() });
        let value = serde_json::to_value(&s).unwrap();
        let errors: Vec<String> = validator.iter_errors(&value).map(|e| format!("{} at {}", e, e.instance_path())).collect();
        assert!(errors.is_empty(), "{name}: {errors:?}");
    }
    // The schema is strict enough to refuse a wrong date source.
    let mut bad = serde_json::to_value(summarize(&e, "Text.", &SummaryOptions::default())).unwrap();
    bad["date_source"] = "guess".into();
    assert!(!validator.is_valid(&bad));
}
