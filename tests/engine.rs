//! The engine value: settings live in an `Engine`, not in the process. Engines with different
//! user words, dictionaries and stopword edits analyze side by side, from any thread, and
//! changing one never changes another (nor the default engine behind the free functions).
#![cfg(feature = "zh")]

use article_explorer::{Engine, Error, KeywordKind, Options, Report, analyze, segment_line};

/// A text whose segmentation a user word changes: jieba alone cuts 浦江经验 into 枫桥 + 经验.
const TEXT: &str = "坚持和发展新时代浦江经验。浦江经验是基层治理的经验，浦江经验在各地推广。";

fn has_keyword(report: &Report, term: &str) -> bool {
    report.keywords.iter().any(|k| k.term == term)
}

/// Whether `term` is a one-word keyword (not a phrase of several words).
fn has_word(report: &Report, term: &str) -> bool {
    report.keywords.iter().any(|k| k.term == term && k.kind == KeywordKind::Word)
}

#[test]
fn engine_is_clone_send_sync() {
    fn assert_traits<T: Clone + Send + Sync + 'static>() {}
    assert_traits::<Engine>();
}

#[test]
fn two_engines_with_different_user_words_give_different_reports() {
    let plain = Engine::new();
    let with_word = Engine::new().with_user_words(["浦江经验"]);
    let options = Options::default();
    let (a, b) = (plain.analyze(TEXT, &options), with_word.analyze(TEXT, &options));
    assert_ne!(a, b);
    // One word for the engine that knows it; a phrase of two (浦江 经验) for the other.
    assert!(has_word(&b, "浦江经验"), "{:?}", b.keywords);
    assert!(!has_word(&a, "浦江经验"), "{:?}", a.keywords);
    assert!(a.stats.words > b.stats.words);
    // Asking again, in the other order, gives the same reports: nothing leaked between them.
    assert_eq!(with_word.analyze(TEXT, &options), b);
    assert_eq!(plain.analyze(TEXT, &options), a);
    assert_eq!(analyze(TEXT, &options), a);
}

#[test]
fn engines_analyze_in_parallel_threads() {
    let plain = Engine::new();
    let with_word = plain.clone().with_user_words(["浦江经验"]);
    let expected = (plain.analyze(TEXT, &Options::default()), with_word.analyze(TEXT, &Options::default()));
    let handles: Vec<_> = (0..4)
        .map(|i| {
            let engine = if i % 2 == 0 { plain.clone() } else { with_word.clone() };
            std::thread::spawn(move || (i, engine.analyze(TEXT, &Options::default())))
        })
        .collect();
    for handle in handles {
        let (i, report) = handle.join().unwrap();
        assert_eq!(&report, if i % 2 == 0 { &expected.0 } else { &expected.1 });
    }
}

#[test]
fn a_clone_changed_leaves_the_original_alone() {
    let original = Engine::new();
    let mut copy = original.clone();
    assert!(copy.add_user_word("浦江经验", None));
    assert!(copy.segment_line(TEXT).contains(&"浦江经验"));
    assert!(!original.segment_line(TEXT).contains(&"浦江经验"));
    assert!(!segment_line(TEXT).contains(&"浦江经验"));
}

#[test]
fn a_dictionary_from_bytes_replaces_the_engine_one_and_keeps_user_words() {
    let mut engine = Engine::without_chinese_dictionary().with_user_words(["浦江经验"]);
    assert_eq!(engine.chinese_dictionary_status(), (false, 0));
    assert_eq!(engine.segment_line("坚持浦江经验"), ["坚", "持", "浦江经验"]);
    assert_eq!(engine.load_chinese_dictionary(&mut "坚持 100\n经验 100\n".as_bytes()), Ok(2));
    assert_eq!(engine.chinese_dictionary_status(), (true, 2));
    assert_eq!(engine.segment_line("坚持浦江经验"), ["坚持", "浦江经验"]);
    // The default engine still has the embedded dictionary.
    assert!(Engine::new().chinese_dictionary_status().1 > 300_000);

    let built = Engine::without_chinese_dictionary().with_chinese_dictionary("坚持 100\n".as_bytes()).unwrap();
    assert_eq!(built.segment_line("坚持"), ["坚持"]);
}

#[test]
fn a_bad_dictionary_is_a_typed_error_and_changes_nothing() {
    let mut engine = Engine::new();
    let before = engine.chinese_dictionary_status();
    let error = engine.load_chinese_dictionary(&mut "社会 lots\n".as_bytes()).unwrap_err();
    assert!(matches!(error, Error::ChineseDictionary { .. }), "{error:?}");
    assert!(error.to_string().starts_with("the Chinese dictionary could not be read: "), "{error}");
    let error = engine.load_chinese_dictionary(&mut "社会 100\n%%hmm\nnot a model\n".as_bytes()).unwrap_err();
    assert!(matches!(error, Error::ChineseHmmModel { .. }), "{error:?}");
    assert!(error.to_string().starts_with("the Chinese HMM model could not be read: "), "{error}");
    assert_eq!(engine.chinese_dictionary_status(), before);
}

#[test]
fn stopword_edits_belong_to_the_engine_and_options_add_to_them() {
    let text = "The river rose. The river fell. Boats left the river. The bank held. The bank broke.";
    let default = Engine::new().analyze(text, &Options::default());
    assert!(has_keyword(&default, "river") && has_keyword(&default, "bank"));
    let engine = Engine::new().with_stopwords(["River"]);
    let edited = engine.analyze(text, &Options::default());
    assert!(!has_keyword(&edited, "river") && has_keyword(&edited, "bank"));
    let options = Options { stopwords_add: vec!["bank".into()], ..Default::default() };
    let both = engine.analyze(text, &options);
    assert!(!has_keyword(&both, "river") && !has_keyword(&both, "bank"));
    // The options' edits apply to that call only, and the default engine has none of them.
    assert_eq!(engine.analyze(text, &Options::default()), edited);
    assert_eq!(analyze(text, &Options::default()), default);
    // Removing a built-in stopword makes it count again.
    let (a, b) = ("The river and the boat and the bank. ".repeat(4), "A river, a boat, a bank. ".repeat(4));
    let over_a = |engine: &Engine| engine.compare(&a, &b, &Options::default()).over_a.iter().any(|t| t.term.eq_ignore_ascii_case("the"));
    assert!(!over_a(&Engine::new()));
    assert!(over_a(&Engine::new().without_stopwords(["the"])));
    // Edits apply in the order made.
    assert!(over_a(&Engine::new().with_stopwords(["the"]).without_stopwords(["the"])));
    assert!(!over_a(&Engine::new().without_stopwords(["the"]).with_stopwords(["THE"])));
}

#[test]
fn compare_and_concordance_use_the_engine_segmenter() {
    let other = "基层治理需要群众参与。".repeat(6);
    let engine = Engine::new().with_user_words(["浦江经验"]);
    let compared = engine.compare(TEXT, &other, &Options::default());
    assert!(compared.over_a.iter().any(|t| t.term == "浦江经验"), "{:?}", compared.over_a);
    assert!(!Engine::new().compare(TEXT, &other, &Options::default()).over_a.iter().any(|t| t.term == "浦江经验"));
    let term = article_explorer::ConcordanceOptions::default();
    let found = engine.concordance(TEXT).query("浦江经验", &term);
    assert_eq!((found.total, found.mode), (3, article_explorer::MatchMode::Term));
}
