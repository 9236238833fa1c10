//! Structure, words, language and offsets on articles written for these tests (not the samples),
//! bad inputs (empty, control characters, a 5 MB line without spaces, one giant paragraph…), and property tests on random Unicode.

use article_explorer::{Engine, Language, Options, ParagraphKind, Report, TokenKind, analyze, segment_line, tokens_of};
use proptest::prelude::*;

fn slice(text: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start..end]).unwrap()
}

fn with_tokens() -> Options {
    Options { tokens: true, ..Default::default() }
}

fn kinds(r: &Report) -> Vec<ParagraphKind> {
    r.paragraphs.iter().map(|p| p.kind).collect()
}

const EN_ARTICLE: &str = "\
[Harbour Gazette] Rebuilding the Old Port—How a Fishing Town Found Its Second Life
Source:
Harbour Gazette (March 3, 2024, Page 07)
Author:
Mei Lin
Release time:
2024-03-04
The old port of Saltmere had been silent for almost twenty years when the town council voted, in the spring of 2019, to reopen its fish market. Few believed it would work.
Today the market employs 340 people, and the council's minutes show how the decision was reached, step by step, over three long winters of debate.
Keep the harbour open to everyone.
That was the promise the mayor made at the first public meeting, and residents still quote it. The fishermen's cooperative signed up within a month, and the school added a course on boat repair.
The cooperative's chair, Tom Reyes, remembers the early days well. \"We had no ice machine and no buyers,\" he says. \"We had a quay and a lot of stubbornness.\"
He declined to say more.
The numbers tell the rest of the story. Landings rose from 1.2 tonnes a week in 2020 to 9.8 tonnes last year, and the market now sells to three cities inland.
Invest in people before buildings.
The second lesson came from the apprentices. Of the 45 young people trained since 2021, 38 still work on the water, and five have bought boats of their own with a council loan.
";

#[test]
fn english_header_title_headings_and_sections() {
    let r = analyze(EN_ARTICLE, &Options::default());
    let fields: Vec<(&str, &str)> = r.header.iter().map(|h| (h.field.as_str(), h.value.as_str())).collect();
    assert_eq!(
        fields,
        [
            ("publication", "Harbour Gazette"),
            ("source", "Harbour Gazette (March 3, 2024, Page 07)"),
            ("author", "Mei Lin"),
            ("release_time", "2024-03-04")
        ]
    );
    assert_eq!(r.title.as_ref().unwrap().text, "Rebuilding the Old Port—How a Fishing Town Found Its Second Life");
    use ParagraphKind::*;
    assert_eq!(kinds(&r), [Title, Header, Header, Header, Header, Header, Header, Body, Body, Heading, Body, Body, Body, Body, Heading, Body]);
    let titles: Vec<Option<&str>> = r.sections.iter().map(|s| s.title.as_deref()).collect();
    assert_eq!(titles, [None, Some("Keep the harbour open to everyone."), Some("Invest in people before buildings.")]);
    // "He declined to say more." is a short standalone line but a pronoun opens it: body.
    assert_eq!(r.sections[1].paragraph_count, 5);
    for (i, s) in r.sections.iter().enumerate() {
        for p in &r.paragraphs[s.first_paragraph..s.first_paragraph + s.paragraph_count] {
            assert_eq!(p.section, i);
        }
    }
}

const ZH_ARTICLE: &str = "\
【光明日报】让小河重新变清——一个县城的治水十年
来源：光明日报 2024年6月8日 第05版
作者：本报记者 许文 张一帆
发布时间：2024-06-08 06:10
让小河重新变清
——一个县城的治水十年
十年前，流经县城的清溪河还是一条“臭水沟”。如今，河岸两侧绿树成荫，每天清晨都有市民沿河跑步。
一、先治岸上，再治水里
（一）截污纳管是第一步
2014年底，县里启动截污纳管工程。三年间，累计铺设管网186公里，关停排污口312个。
（二）河长制让责任落到人头
“每条河都有人管，每段岸都有人巡。”县河长办负责人说。
【链接】
全县共设立县、乡、村三级河长427名。
二、群众参与，久久为功
第一，建立“民间河长”队伍。
如今，全县已有1500多名志愿者参与巡河护河，每年开展活动上千次。
";

#[test]
fn chinese_header_title_headings_and_sections() {
    let r = analyze(ZH_ARTICLE, &Options::default());
    let fields: Vec<&str> = r.header.iter().map(|h| h.field.as_str()).collect();
    assert_eq!(fields, ["publication", "source", "author", "release_time"]);
    assert_eq!(r.header[2].value, "本报记者 许文 张一帆");
    assert_eq!(r.title.as_ref().unwrap().text, "让小河重新变清——一个县城的治水十年");
    use ParagraphKind::*;
    assert_eq!(kinds(&r)[..7], [Title, Header, Header, Header, Title, Title, Body]);
    let titles: Vec<(u8, &str)> = r.sections.iter().filter_map(|s| Some((s.level, s.title.as_deref()?))).collect();
    assert_eq!(
        titles,
        [
            (1, "一、先治岸上，再治水里"),
            (2, "（一）截污纳管是第一步"),
            (2, "（二）河长制让责任落到人头"),
            (2, "【链接】"),
            (1, "二、群众参与，久久为功"),
            (3, "第一，建立“民间河长”队伍。")
        ]
    );
    assert!(r.paragraphs.iter().all(|p| p.language == Language::Zh || p.kind == Header));
}

#[test]
fn long_numbered_chinese_paragraphs_are_body() {
    let text =
        "第一，就近就便。社区卫生服务站、托育点、快递驿站都进了小区，让群众步行十五分钟就能办成大部分事情，这是很多居民最直接的感受。\n正文继续。";
    let r = analyze(text, &Options::default());
    assert_eq!(r.paragraphs[0].kind, ParagraphKind::Body);
}

#[test]
fn language_per_paragraph() {
    let text = "The council met on Monday and approved the budget.\n会议于周一召开，批准了预算。\n1234 5678\nСовет собрался в понедельник.";
    let r = analyze(text, &Options::default());
    let langs: Vec<Language> = r.paragraphs.iter().map(|p| p.language).collect();
    assert_eq!(langs, [Language::En, Language::Zh, Language::Other, Language::Other]);
    assert_eq!(r.language, Language::Mixed);
}

#[test]
fn line_broken_mid_sentence_joins_but_lines_stay_paragraphs() {
    let r = analyze("It was a cold \nnight in the city.\nNext line.", &Options::default());
    assert_eq!(r.paragraphs.len(), 2);
    assert_eq!(r.sentences.len(), 2);
}

#[test]
fn token_kinds_and_offsets() {
    let text = "In 2025, 社会工作 costs $1,000.50! 😀 e-mail";
    let got: Vec<(&str, TokenKind)> = tokens_of(text).iter().map(|t| (&text[t.range.clone()], t.kind)).collect();
    use TokenKind::*;
    assert_eq!(
        got,
        [
            ("In", Word),
            ("2025", Number),
            (",", Punctuation),
            ("社会工作", Cjk),
            ("costs", Word),
            ("$", Symbol),
            ("1,000.50", Number),
            ("!", Punctuation),
            ("😀", Symbol),
            ("e", Word),
            ("-", Punctuation),
            ("mail", Word)
        ]
    );
}

#[test]
fn chinese_words_with_the_dictionary_and_hmm() {
    assert_eq!(segment_line("我们在北京召开会议。"), ["我们", "在", "北京", "召开", "会议", "。"]);
    // 杭研 is in no dictionary: the HMM joins it rather than splitting it into characters.
    assert_eq!(segment_line("他来到了网易杭研大厦"), ["他", "来到", "了", "网易", "杭研", "大厦"]);
    // Mixed text: Latin and digits go through UAX #29, Han runs through jieba.
    assert_eq!(segment_line("通过APP预约2.5小时"), ["通过", "APP", "预约", "2.5", "小时"]);
}

#[test]
fn user_words_are_kept_whole() {
    let before = segment_line("坚持发展全过程人民民主");
    assert!(!before.contains(&"全过程人民民主"), "{before:?}");
    let mut engine = Engine::new();
    assert!(engine.add_user_word("全过程人民民主", None));
    assert!(!engine.add_user_word("  ", None));
    assert!(!engine.add_user_word("两 个", None));
    assert_eq!(engine.segment_line("坚持发展全过程人民民主"), ["坚持", "发展", "全过程人民民主"]);
    // The default engine (the free functions') is not changed by another engine's words.
    assert_eq!(segment_line("坚持发展全过程人民民主"), before);
}

#[test]
fn sigan_format_from_the_cli_function() {
    assert_eq!(segment_line("  "), Vec::<&str>::new());
    assert_eq!(segment_line("“好！”他说。").join("  "), "“  好  ！  ”  他  说  。");
}

/// Checks every invariant of the report's offsets on `text`.
fn check_offsets(text: &str, r: &Report) {
    let units: Vec<u16> = text.encode_utf16().collect();
    let boundary = |i: usize| i == 0 || i == units.len() || !(0xDC00..0xE000).contains(&units[i]);
    let graphemes: std::collections::HashSet<usize> = {
        use unicode_segmentation::UnicodeSegmentation;
        let mut set = std::collections::HashSet::new();
        let mut at = 0;
        for g in text.graphemes(true) {
            set.insert(at);
            at += g.encode_utf16().count();
        }
        set.insert(at);
        set
    };
    let mut last_sentence_end = 0;
    for (i, s) in r.sentences.iter().enumerate() {
        let p = &r.paragraphs[s.paragraph];
        assert!(p.start <= s.start && s.end <= p.end && s.start < s.end, "sentence {i} outside its paragraph");
        assert!(s.start >= last_sentence_end, "sentence {i} overlaps");
        last_sentence_end = s.end;
        assert!(boundary(s.start) && boundary(s.end), "sentence {i} splits a surrogate pair");
        assert!(graphemes.contains(&s.start) && graphemes.contains(&s.end), "sentence {i} splits a grapheme");
    }
    for t in &r.tokens {
        let s = &r.sentences[t.sentence];
        assert!(s.start <= t.start && t.end <= s.end && t.start < t.end, "token outside its sentence");
        assert!(boundary(t.start) && boundary(t.end), "token splits a surrogate pair");
    }
    for p in &r.paragraphs {
        assert!(graphemes.contains(&p.start) && graphemes.contains(&p.end), "paragraph splits a grapheme");
    }
}

#[test]
fn bad_input_does_not_panic_and_stays_sensible() {
    let long_line = "a".repeat(5_000_000);
    let long_han = "中".repeat(1_000_000);
    let giant_paragraph = "Word after word, and then a full stop. ".repeat(50_000);
    let cases: Vec<(&str, String)> = vec![
        ("empty", String::new()),
        ("white space only", " \t\n\r\n  \u{3000}\n".into()),
        ("punctuation only", "...!!!???。。。，，——".into()),
        ("5 MB line without spaces or punctuation", long_line),
        ("1 M Han characters without punctuation", long_han),
        ("control characters and NUL", "Start\u{0}middle\u{1}\u{7}\u{1b}[0m end. Next\u{8} one.".into()),
        ("replacement characters (lone surrogates from JS)", "Bad \u{FFFD}\u{FFFD} text. More.".into()),
        ("RTL text", "مرحبا بالعالم. هذا نص عربي. שלום עולם.".into()),
        ("emoji with ZWJ", "Family: 👨‍👩‍👧‍👦. Flag: 🏳️‍🌈! Done.".into()),
        ("combining marks", "Cafe\u{301} au lait. Z\u{351}\u{35b}a\u{332}lgo. End.".into()),
        ("CRLF and lone CR", "One.\r\nTwo.\rThree.\r\n\r\nFour.".into()),
        ("one giant paragraph", giant_paragraph),
        ("brackets never closed", "(".repeat(10_000) + "text. More text." + &"[".repeat(10_000)),
        ("dots and spaces", ". . . . . . . .".repeat(10_000)),
    ];
    for (label, text) in &cases {
        let r = analyze(text, &with_tokens());
        check_offsets(text, &r);
        match *label {
            "empty" | "white space only" => assert_eq!(r.stats.sentences, 0, "{label}"),
            "5 MB line without spaces or punctuation" => {
                assert_eq!((r.stats.paragraphs, r.stats.sentences, r.stats.words), (1, 1, 1), "{label}")
            }
            "1 M Han characters without punctuation" => assert_eq!(r.stats.sentences, 1, "{label}"),
            "CRLF and lone CR" => assert_eq!((r.stats.paragraphs, r.stats.sentences), (4, 4), "{label}"),
            "one giant paragraph" => assert_eq!((r.stats.paragraphs, r.stats.sentences), (1, 50_000), "{label}"),
            "RTL text" => assert_eq!(r.stats.sentences, 3, "{label}"),
            "emoji with ZWJ" => assert_eq!(r.stats.sentences, 3, "{label}"),
            _ => assert!(r.stats.sentences >= 1, "{label}"),
        }
    }
}

fn unicode_soup() -> impl Strategy<Value = String> {
    let pieces = prop::collection::vec(
        prop_oneof![
            Just(". ".to_string()),
            Just("。".to_string()),
            Just("！”".to_string()),
            Just("\n".to_string()),
            Just("\r\n".to_string()),
            Just("Mr. ".to_string()),
            Just("U.S. ".to_string()),
            Just("“".to_string()),
            Just("《".to_string()),
            Just("》".to_string()),
            Just("(".to_string()),
            Just(")".to_string()),
            Just("...".to_string()),
            Just("1. ".to_string()),
            Just("👨‍👩‍👧".to_string()),
            Just("e\u{301}".to_string()),
            Just("一、".to_string()),
            "[a-zA-Z ]{1,8}",
            "[\u{4e00}-\u{4e40}]{1,6}",
            any::<char>().prop_map(|c| c.to_string()),
        ],
        0..40,
    );
    pieces.prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn offsets_hold_on_random_unicode(text in unicode_soup()) {
        let r = analyze(&text, &with_tokens());
        check_offsets(&text, &r);
        for h in &r.header {
            prop_assert!(h.start <= h.end);
        }
        let visible = |s: String| s.chars().filter(|&c| !c.is_whitespace() && c != '\u{200B}' && c != '\u{FEFF}').count();
        let covered: usize = r.sentences.iter().map(|s| visible(slice(&text, s.start, s.end))).sum();
        let in_paragraphs: usize = r.paragraphs.iter().map(|p| visible(slice(&text, p.start, p.end))).sum();
        prop_assert_eq!(covered, in_paragraphs, "sentences cover every visible character of the paragraphs");
    }
}
