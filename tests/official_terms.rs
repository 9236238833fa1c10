//! The official-terms lexicon as an engine setting: terms added or taken out change which words
//! keyword analysis, comparisons, corpus counts and concordances see; Traditional text matches.
#![cfg(feature = "zh")]

use article_explorer::{ConcordanceOptions, Engine, KeywordKind, MatchMode, OfficialTerms, Options};

/// The single-word keywords of `text` as `engine` reports them (a term the lexicon joins is one
/// word; without it, its parts may still make a two-word phrase).
fn keywords(engine: &Engine, text: &str) -> Vec<(String, usize)> {
    let report = engine.analyze(text, &Options::default());
    report.keywords.into_iter().filter(|k| k.kind == KeywordKind::Word).map(|k| (k.term, k.count)).collect()
}

/// A text where 新型储能 (not a built-in term; the segmenter cuts it 新型 / 储能) recurs.
const STORAGE: &str = "各地加快发展新型储能。新型储能装机规模扩大。新型储能产业链完善。推动新型储能多元化发展。";

#[test]
fn the_builtin_lexicon_is_sourced_and_large() {
    let data = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/zh/official-terms.txt")).unwrap();
    assert!(data.lines().any(|l| l.starts_with("# SOURCE:")) && data.lines().any(|l| l.starts_with("# LICENSE:")));
    assert!(OfficialTerms::builtin().len() >= 500, "{}", OfficialTerms::builtin().len());
    assert_eq!(Engine::new().official_terms().len(), OfficialTerms::builtin().len());
}

#[test]
fn an_added_term_is_one_keyword() {
    let before = keywords(&Engine::new(), STORAGE);
    assert!(!before.iter().any(|(t, _)| t == "新型储能"), "{before:?}");
    let engine = Engine::new().with_official_terms(["新型储能"]);
    let after = keywords(&engine, STORAGE);
    assert!(after.iter().any(|(t, n)| t == "新型储能" && *n == 4), "{after:?}");
    assert!(!after.iter().any(|(t, _)| t == "储能"), "its parts no longer count alone: {after:?}");
    // The engine it was built from is unchanged.
    assert!(!Engine::new().official_terms().contains("新型储能"));
}

#[test]
fn a_removed_builtin_term_is_no_longer_joined() {
    let text = "党的二十届三中全会召开。二十届三中全会提出改革任务。学习二十届三中全会精神。";
    assert!(keywords(&Engine::new(), text).iter().any(|(t, n)| t == "二十届三中全会" && *n == 3));
    let mut engine = Engine::new();
    assert!(engine.remove_official_term("二十届三中全会"));
    // Every keyword, phrases too: 二十 is a numeral (a break), so 届 + 三中全会 may pair up.
    let after: Vec<(String, usize)> = engine.analyze(text, &Options::default()).keywords.into_iter().map(|k| (k.term, k.count)).collect();
    assert!(!after.iter().any(|(t, _)| t == "二十届三中全会"), "{after:?}");
    assert!(after.iter().any(|(t, n)| t.ends_with("三中全会") && *n == 3), "its parts count alone: {after:?}");
    // Added back, it is joined again.
    assert!(engine.add_official_term("二十届三中全会"));
    assert!(keywords(&engine, text).iter().any(|(t, n)| t == "二十届三中全会" && *n == 3));
}

#[test]
fn an_empty_lexicon_joins_nothing() {
    let text = "党的二十届三中全会召开。二十届三中全会提出改革任务。学习二十届三中全会精神。";
    let mut engine = Engine::new();
    engine.set_official_terms(OfficialTerms::default());
    assert!(!keywords(&engine, text).iter().any(|(t, _)| t == "二十届三中全会"));
}

#[test]
fn traditional_text_matches_a_term_added_in_either_script() {
    let traditional = "各地加快發展新型儲能。新型儲能裝機規模擴大。新型儲能產業鏈完善。";
    for term in ["新型储能", "新型儲能"] {
        let found = keywords(&Engine::new().with_official_terms([term]), traditional);
        assert!(found.iter().any(|(t, n)| t == "新型儲能" && *n == 3), "{term}: {found:?}");
    }
    let builtin = "二十屆三中全會召開。二十屆三中全會提出改革任務。學習二十屆三中全會精神。";
    assert!(keywords(&Engine::new(), builtin).iter().any(|(t, n)| t == "二十屆三中全會" && *n == 3));
    let dropped = Engine::new().without_official_terms(["二十屆三中全會"]);
    assert!(!keywords(&dropped, builtin).iter().any(|(t, _)| t == "二十屆三中全會"));
}

#[test]
fn comparisons_and_concordances_join_the_engine_terms() {
    let other = "各地加快发展数字经济。数字经济规模扩大。数字经济产业链完善。推动数字经济多元化发展。数据要素市场建设加快。";
    let engine = Engine::new().with_official_terms(["新型储能"]);
    let a = STORAGE.repeat(2);
    let c = engine.compare(&a, other, &Options::default());
    assert!(c.over_a.iter().any(|t| t.term == "新型储能" && t.count_a == 8), "{:?}", c.over_a);
    assert!(!Engine::new().compare(&a, other, &Options::default()).over_a.iter().any(|t| t.term == "新型储能"));
    let index = engine.concordance(STORAGE);
    let r = index.query("新型储能", &ConcordanceOptions::default());
    assert_eq!(r.total, 4);
    // Without the term, 储能 is a word of the text; with it, 储能 is inside the joined word and
    // only a plain-text search finds it.
    let exact = ConcordanceOptions { mode: MatchMode::Exact, ..Default::default() };
    let plain = Engine::new().concordance(STORAGE).query("储能", &exact);
    assert_eq!((plain.total, plain.mode), (4, MatchMode::Exact));
    let joined = index.query("储能", &exact);
    assert_eq!((joined.total, joined.mode), (4, MatchMode::Text));
}
