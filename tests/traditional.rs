//! Traditional Chinese read as one language with Simplified, and the newspaper layout, on an article
//! written for this test (tests/fixtures/zh-hant-news.txt: a masthead, a byline, a dateline, ROC
//! years, lunar festivals, a picture caption): its word segmentation against a hand segmentation of
//! 50 words, its timeline, its header, and keywords free of date pieces.
// The one-sort, one-lower-casing rule (clippy.toml) keeps the wasm small; this code never ships in it.
#![allow(clippy::disallowed_methods)]
#![cfg(feature = "zh")]

use article_explorer::{Options, ParagraphKind, Report, TimexKind, TokenKind, analyze};

const ARTICLE: &str = include_str!("fixtures/zh-hant-news.txt");

fn report(text: &str) -> Report {
    analyze(text, &Options { tokens: true, ..Default::default() })
}

/// Character index ranges of `words` laid end to end.
fn spans<'a>(words: impl Iterator<Item = &'a str>) -> Vec<(usize, usize)> {
    let mut at = 0;
    words
        .map(|w| {
            let n = w.chars().count();
            at += n;
            (at - n, at)
        })
        .collect()
}

#[test]
fn fifty_words_segment_as_written_by_hand() {
    let gold: Vec<&str> =
        include_str!("fixtures/zh-hant-news.segmented.txt").lines().filter(|l| !l.starts_with('#')).flat_map(str::split_whitespace).collect();
    assert_eq!(gold.len(), 50);
    let r = report(ARTICLE);
    let u16_to_str = |s: usize, e: usize| String::from_utf16(&ARTICLE.encode_utf16().collect::<Vec<u16>>()[s..e]).unwrap();
    let body_start = ARTICLE.encode_utf16().count() - ARTICLE[ARTICLE.find("本報臺北").unwrap()..].encode_utf16().count();
    let gold_text: String = gold.concat();
    // System words over the same stretch: from the dateline, punctuation left out, until the gold text is covered.
    let mut system = Vec::new();
    let mut covered = 0;
    for t in r.tokens.iter().filter(|t| t.start >= body_start && t.kind != TokenKind::Punctuation) {
        if covered >= gold_text.chars().count() {
            break;
        }
        let w = u16_to_str(t.start, t.end);
        covered += w.chars().count();
        system.push(w);
    }
    assert_eq!(system.concat(), gold_text, "the stretch compared is the same text");
    let (g, s) = (spans(gold.iter().copied()), spans(system.iter().map(String::as_str)));
    let right = s.iter().filter(|w| g.contains(w)).count() as f64;
    let (p, rc) = (right / s.len() as f64, right / g.len() as f64);
    let f1 = 2.0 * p * rc / (p + rc);
    println!("Traditional article, 50 words: P {:.1} R {:.1} F1 {:.1}\nsystem: {}", p * 100.0, rc * 100.0, f1 * 100.0, system.join(" "));
    // Measured 87.8: the misses (日電, 百分之二點 / 四, 三十年, 王老闆) are jieba's own cuts, the same
    // in Simplified (below). Without the Simplified shadow most words fall apart (勞 / 工薪 / 資成長).
    assert!(f1 >= 0.85, "F1 {f1:.3}: {}", system.join(" "));
}

#[test]
fn traditional_text_is_cut_exactly_as_its_simplified_twin() {
    let simplified = "劳工薪资成长，小店迎来农历新年。经营干货店三十年的王老板说，去年春节生意冷清。";
    let traditional = "勞工薪資成長，小店迎來農曆新年。經營乾貨店三十年的王老闆說，去年春節生意冷清。";
    let engine = article_explorer::Engine::new();
    let lens = |line: &str| engine.segment_line(line).iter().map(|w| w.chars().count()).collect::<Vec<_>>();
    assert_eq!(lens(traditional), lens(simplified));
    assert_eq!(engine.segment_line(traditional)[..3], ["勞工", "薪資", "成長"]);
}

#[test]
fn the_timeline_has_roc_years_and_lunar_festivals() {
    let r = report(ARTICLE);
    let got: Vec<String> = r.timexes.iter().filter(|t| t.kind != TimexKind::Domain).map(|t| format!("{}={}", t.text, t.value)).collect();
    let want = [
        "2024年02月08日=2024-02-08",
        "農曆新年=2024-02-10",
        "2月7日=2024-02-07",
        "農曆新年前夕=2024-02-09",
        "民國112年=2023",
        "民國111年=2022",
        "三十年=P30Y",
        "去年春節=2023-01-22",
        "今年除夕=2024-02-09",
        "一週=P1W",
        "元宵節=2024-02-24",
        "民國113年第一季度=2024-Q1",
        "去年中秋節=2023-09-29",
        "端午節=2023-06-22",
        "2月7日=2024-02-07",
    ];
    assert_eq!(got, want);
    assert_eq!(r.reference_date.value.as_deref(), Some("2024-02-08"));
}

#[test]
fn masthead_byline_dateline_and_caption_are_read() {
    let r = report(ARTICLE);
    let fields: Vec<(String, String)> = r.header.iter().map(|h| (h.field.clone(), h.value.clone())).collect();
    let want =
        [("publication", "港灣日報"), ("date", "2024年02月08日"), ("page", "第03版"), ("author", "陳怡君 林志明"), ("dateline", "本報臺北2月7日電")];
    assert_eq!(fields, want.map(|(a, b)| (a.to_string(), b.to_string())));
    assert_eq!(r.title.as_ref().map(|t| t.text.as_str()), Some("勞工薪資成長 小店迎來農曆新年"));
    let kinds: Vec<ParagraphKind> = r.paragraphs.iter().map(|p| p.kind).collect();
    use ParagraphKind::*;
    assert_eq!(kinds, [Header, Title, Title, Header, Body, Body, Body, Caption]);
}

/// The top-10 keywords: none is a measure word, and no occurrence of one lies inside a calendar
/// time expression of the text.
fn assert_no_date_pieces(text: &str) {
    let r = report(text);
    let timexes: Vec<(usize, usize)> = r.timexes.iter().filter(|t| t.kind != TimexKind::Domain).map(|t| (t.start, t.end)).collect();
    let top: Vec<_> = r.keywords.iter().take(10).collect();
    assert_eq!(top.len(), 10);
    for k in top {
        assert!(!["年", "月", "日", "号", "號", "时", "時", "万", "萬", "亿", "億"].contains(&k.term.as_str()), "date piece {:?}", k.term);
        for o in &k.occurrences {
            assert!(!timexes.iter().any(|&(s, e)| s <= o.start && o.end <= e), "{:?} inside a time expression", k.term);
        }
    }
}

#[test]
fn top_keywords_hold_no_date_pieces() {
    assert_no_date_pieces(ARTICLE);
    assert_no_date_pieces(include_str!("../samples/zh-community-governance-2025.txt"));
    // Dates written the People's Daily way, many times over: 年 and 月 used to lead the list.
    let dates = "2021年2月，习近平来到贵州。2019年春节前夕，他来到四川。2020年5月，他来到山西。2018年2月，他来到四川。\n".repeat(3)
        + "脱贫攻坚取得全面胜利，乡村振兴全面推进，群众生活持续改善，干部作风明显转变。\n";
    let r = report(&dates);
    assert!(
        r.keywords.iter().take(10).all(|k| !["年", "月", "日"].contains(&k.term.as_str())),
        "{:?}",
        r.keywords.iter().map(|k| &k.term).collect::<Vec<_>>()
    );
    assert_no_date_pieces(&dates);
}

#[test]
fn keywords_group_a_term_across_scripts_and_show_its_commonest_form() {
    let text = "勞工薪資成長。勞工權益受到重視。劳工组织表示欢迎。勞工團體也表示支持。";
    let r = report(text);
    let k = r.keywords.iter().find(|k| k.term == "勞工").expect("勞工 is a keyword");
    assert_eq!(k.count, 4);
    let variants: Vec<(&str, usize)> = k.variants.iter().map(|v| (v.term.as_str(), v.count)).collect();
    assert_eq!(variants, [("勞工", 3), ("劳工", 1)]);
}

#[test]
fn official_terms_are_one_keyword_and_numbers_can_be_kept() {
    let text = "党的二十届三中全会召开。二十届三中全会提出新时代改革任务。学习二十届三中全会精神。";
    let r = report(text);
    assert!(r.keywords.iter().any(|k| k.term == "二十届三中全会" && k.count == 3), "{:?}", r.keywords.iter().map(|k| &k.term).collect::<Vec<_>>());
    let dates = "2021年2月，他来到贵州。2019年2月，他来到四川。2020年5月，他来到山西。";
    let counted = analyze(dates, &Options { keep_numbers: true, ..Default::default() });
    assert!(counted.keywords.iter().any(|k| k.term == "年" || k.term == "月"), "keep_numbers counts the measure words");
}
