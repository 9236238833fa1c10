//! Share links and bundles against the real samples: the sample's link stays under the length the
//! page promises, the fuzz seeds are valid (so the fuzzers start from inputs that pass every
//! check), and a link's settings give the same analysis as the options they came from.
#![cfg(feature = "share")]

use article_explorer::share::{self, Shared};
use article_explorer::{analyze, fuzz_api};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn sample(name: &str) -> String {
    std::fs::read_to_string(format!("{ROOT}/samples/{name}")).unwrap()
}

#[test]
fn every_samples_link_is_under_16000_characters_and_reads_back() {
    let names: std::collections::BTreeSet<_> =
        std::fs::read_dir(format!("{ROOT}/samples")).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    assert!(!names.is_empty());
    for name in names.iter().filter(|n| n.ends_with(".txt")) {
        let text = sample(name);
        let link = share::encode_link(&Shared::new(&text, "2026-12-04T21:00:00Z")).unwrap();
        assert!(link.len() < 16_000, "{name}: {} characters", link.len());
        assert_eq!(share::decode_link(&link).unwrap().text, text);
    }
}

#[test]
fn the_fuzz_seeds_pass_every_check() {
    for entry in std::fs::read_dir(format!("{ROOT}/fuzz/seeds-share_link")).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        fuzz_api::share_link(&bytes).unwrap();
    }
    for entry in std::fs::read_dir(format!("{ROOT}/fuzz/seeds-share_bundle")).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        fuzz_api::share_bundle(&bytes).unwrap();
    }
}

#[test]
fn a_links_settings_give_the_analysis_they_came_from() {
    let text = sample(
        &std::fs::read_dir(format!("{ROOT}/samples"))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|n| n.ends_with(".txt"))
            .min()
            .unwrap(),
    );
    let mut shared = Shared::new(&text, "2026-12-04T21:00:00Z");
    shared.settings.dct = Some("2020-01-31".into());
    shared.settings.stopwords_add = vec!["said".into()];
    shared.settings.keep_numbers = true;
    let read = share::decode_link(&share::encode_link(&shared).unwrap()).unwrap();
    let options =
        article_explorer::Options { dct: Some("2020-01-31".into()), stopwords_add: vec!["said".into()], keep_numbers: true, ..Default::default() };
    assert_eq!(analyze(&read.text, &read.options()), analyze(&text, &options));
    assert_ne!(analyze(&read.text, &read.options()), analyze(&text, &Default::default()));
}

#[cfg(feature = "zh")]
#[test]
fn a_links_official_terms_go_into_its_engine() {
    let text = "各地加快发展新型储能。新型储能装机规模扩大。新型储能产业链完善。学习二十届三中全会精神。二十届三中全会召开。";
    let mut shared = Shared::new(text, "2026-12-04T21:00:00Z");
    shared.settings.official_terms_add = vec!["新型储能".into()];
    shared.settings.official_terms_remove = vec!["二十届三中全会".into()];
    let read = share::decode_link(&share::encode_link(&shared).unwrap()).unwrap();
    let expected = article_explorer::Engine::new().with_official_terms(["新型储能"]).without_official_terms(["二十届三中全会"]);
    assert_eq!(read.engine().analyze(text, &read.options()), expected.analyze(text, &Default::default()));
    assert_ne!(read.engine().analyze(text, &read.options()), analyze(text, &Default::default()));
}
