//! Institutional events in English and Chinese through the public API: kind `domain`, value from
//! data/domain/*.tsv, and the source of the fact.

use article_explorer::{LanguageChoice, Options, TimexKind, analyze};

fn domain(text: &str, lang: LanguageChoice) -> Vec<(String, String, Option<String>)> {
    let report = analyze(text, &Options { lang, dct: Some("2025-11-05".into()), ..Default::default() });
    report
        .timexes
        .iter()
        .filter(|t| t.kind == TimexKind::Domain)
        .inspect(|t| assert!(t.source.as_deref().is_some_and(|s| s.contains(".tsv")), "{t:?} lacks a source"))
        .map(|t| (t.text.clone(), t.value.clone(), t.end_value.clone()))
        .collect()
}

#[test]
fn english_events() {
    let en = |s: &str| domain(s, LanguageChoice::En);
    let text = "The Third Plenary Session of the 20th Central Committee of the CPC, held in July, followed the 20th National \
                Congress of the Communist Party of China. The Second Session of the 14th NPC opened in Beijing. The 15th \
                Five-Year Plan will guide development.";
    let got = en(text);
    let values: Vec<(&str, Option<&str>)> = got.iter().map(|(_, v, e)| (v.as_str(), e.as_deref())).collect();
    assert_eq!(values, [("2024-07", None), ("2022-10", None), ("2024-03", None), ("2026", Some("2030"))], "{got:?}");
    assert_eq!(en("Great changes have taken place since the 18th Party Congress.")[0].1, "2012-11");
    assert!(en("The 20th National People's Congress of a fictional country met.").is_empty());
}

#[test]
fn chinese_events() {
    let zh = |s: &str| domain(s, LanguageChoice::Zh);
    let got = zh("党的十八大以来，我们召开了党的二十大和二十届三中全会，“十四五”规划顺利完成，“十五五”规划即将开局。");
    let values: Vec<(&str, Option<&str>)> = got.iter().map(|(_, v, e)| (v.as_str(), e.as_deref())).collect();
    assert_eq!(values, [("2012-11", None), ("2022-10", None), ("2024-07", None), ("2021", Some("2025")), ("2026", Some("2030"))], "{got:?}");
    assert_eq!(zh("十四届全国人大三次会议在京开幕")[0].1, "2025-03");
    assert!(zh("评选十大新闻").is_empty());
}
