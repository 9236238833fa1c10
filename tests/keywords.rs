//! Keyword analysis: reference cases from tests/data/keywords/cases.txt, counts recounted on
//! generated text, stopword options, comparison, concordance, and a snapshot of the sample.
// The one-sort, one-lower-casing rule (clippy.toml) keeps the wasm small; this code never ships in it.
#![allow(clippy::disallowed_methods)]

use article_explorer::{Concordance, ConcordanceOptions, KeywordKind, MatchMode, Options, Report, analyze, compare};

fn slice(text: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start..end]).unwrap()
}

fn all_opts() -> Options {
    Options { keyword_limit: Some(10_000), ..Default::default() }
}

fn find<'r>(r: &'r Report, term: &str) -> Option<&'r article_explorer::Keyword> {
    r.keywords.iter().find(|k| k.term == term)
}

fn pairs(spec: &str) -> Vec<(String, usize)> {
    spec.split_whitespace()
        .map(|p| {
            let (t, n) = p.rsplit_once(':').expect("TERM:N");
            (t.to_string(), n.parse().unwrap())
        })
        .collect()
}

/// Splits "TERM WORDS… N" into (TERM WORDS…, N).
fn term_count(rest: &str) -> (&str, usize) {
    let (t, n) = rest.rsplit_once(' ').expect("TERM COUNT");
    (t, n.parse().expect("count"))
}

#[test]
fn reference_cases() {
    let data = include_str!("data/keywords/cases.txt");
    let mut cases: Vec<(String, Vec<String>, Vec<String>)> = Vec::new();
    for line in data.lines() {
        if let Some(name) = line.strip_prefix("# case: ") {
            cases.push((name.to_string(), Vec::new(), Vec::new()));
        } else if line.starts_with('#') || line.trim().is_empty() {
            continue;
        } else if let Some(t) = line.strip_prefix("> ") {
            cases.last_mut().expect("case").1.push(t.to_string());
        } else {
            cases.last_mut().expect("case").2.push(line.to_string());
        }
    }
    assert!(cases.len() >= 8, "cases read: {}", cases.len());
    for (name, text, checks) in &cases {
        let text = text.join("\n");
        let r = analyze(&text, &all_opts());
        let listed: Vec<String> = r.keywords.iter().map(|k| format!("{} {} (free {})", k.term, k.count, k.free_count)).collect();
        let ctx = format!("case {name:?}: keywords {listed:?}");
        for check in checks {
            let (op, rest) = check.split_once(' ').unwrap();
            match op {
                "=" => {
                    let (term, n) = term_count(rest);
                    let k = find(&r, term).unwrap_or_else(|| panic!("{term:?} missing; {ctx}"));
                    assert_eq!(k.count, n, "{term:?}; {ctx}");
                }
                "free" => {
                    let (term, n) = term_count(rest);
                    assert_eq!(find(&r, term).unwrap_or_else(|| panic!("{term:?} missing; {ctx}")).free_count, n, "{term:?}; {ctx}");
                }
                "variants" => {
                    let (term, spec) = rest.split_once(' ').unwrap();
                    let k = find(&r, term).unwrap_or_else(|| panic!("{term:?} missing; {ctx}"));
                    let got: Vec<(String, usize)> = k.variants.iter().map(|v| (v.term.clone(), v.count)).collect();
                    assert_eq!(got, pairs(spec), "{term:?}; {ctx}");
                }
                "phrase" => {
                    let (term, n) = term_count(rest);
                    let hit = r.phrases.iter().map(|&i| &r.keywords[i]).find(|k| k.term == term);
                    let k = hit.unwrap_or_else(|| panic!("phrase {term:?} missing; {ctx}"));
                    assert_eq!((k.kind, k.count), (KeywordKind::Phrase, n), "{term:?}; {ctx}");
                }
                "absorbs" => {
                    // "absorbs PHRASE W:N …": the phrase is everything before the first "x:n" item.
                    let first_pair = rest.split_whitespace().position(|w| w.contains(':')).unwrap();
                    let words: Vec<&str> = rest.split_whitespace().collect();
                    let phrase = words[..first_pair].join(" ");
                    let k = find(&r, &phrase).unwrap_or_else(|| panic!("{phrase:?} missing; {ctx}"));
                    let got: Vec<(String, usize)> = k.absorbs.iter().map(|v| (v.term.clone(), v.count)).collect();
                    assert_eq!(got, pairs(&words[first_pair..].join(" ")), "{phrase:?}; {ctx}");
                }
                "!" => assert!(r.keywords.iter().all(|k| k.term.to_lowercase() != rest.to_lowercase()), "{rest:?} listed; {ctx}"),
                other => panic!("unknown check {other:?}"),
            }
        }
        // Whatever the case: counts match occurrences, occurrences slice back to a variant.
        for k in &r.keywords {
            assert_eq!(k.count, k.occurrences.len(), "{}; {ctx}", k.term);
            for o in &k.occurrences {
                let s = slice(&text, o.start, o.end);
                assert!(k.variants.iter().any(|v| v.term.to_lowercase() == s.to_lowercase()), "{s:?} not a variant of {:?}; {ctx}", k.term);
            }
        }
    }
}

/// A tiny deterministic generator (xorshift) so the text is reproducible.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }
}

#[test]
fn counts_match_the_generators_own_tally() {
    // Each group lists the inflections the Snowball stemmer joins; the generator counts what it writes.
    let groups: &[&[&str]] = &[
        &["river", "rivers"],
        &["govern", "governs", "governing", "governed"],
        &["city", "cities"],
        &["market", "markets"],
        &["build", "builds", "building"],
        &["harbour", "harbours"],
        &["lantern", "lanterns"],
        &["社区"],
        &["治理"],
    ];
    let stop = ["the", "and", "of", "with", "我们", "的"];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut tally = vec![0usize; groups.len()];
    let mut text = String::new();
    for _ in 0..400 {
        let words = 3 + rng.next() % 10;
        for w in 0..words {
            let roll = rng.next() % 10;
            let word = if roll < 3 {
                rng.pick(&stop).to_string()
            } else if roll < 4 {
                (rng.next() % 3000).to_string()
            } else {
                let g = (rng.next() % groups.len() as u64) as usize;
                tally[g] += 1;
                let form = rng.pick(groups[g]);
                if rng.next() % 4 == 0 && form.is_ascii() { form[..1].to_uppercase() + &form[1..] } else { form.to_string() }
            };
            if w > 0 {
                text.push_str(if rng.next() % 7 == 0 { ", " } else { " " });
            }
            text.push_str(&word);
        }
        text.push_str(if rng.next() % 5 == 0 { ".\n" } else { ". " });
    }
    let r = analyze(&text, &all_opts());
    for (g, forms) in groups.iter().enumerate() {
        let k = r
            .keywords
            .iter()
            .find(|k| k.kind == KeywordKind::Word && forms.contains(&k.term.to_lowercase().as_str()))
            .unwrap_or_else(|| panic!("group {forms:?} missing"));
        assert_eq!(k.count, tally[g], "group {forms:?}");
        let variant_total: usize = k.variants.iter().map(|v| v.count).sum();
        assert_eq!(variant_total, tally[g], "variants of {forms:?}");
        for o in &k.occurrences {
            assert!(forms.contains(&slice(&text, o.start, o.end).to_lowercase().as_str()));
        }
    }
    assert!(r.keywords.iter().all(|k| !stop.contains(&k.term.to_lowercase().as_str()) && !k.term.chars().all(|c| c.is_ascii_digit())));
}

#[test]
fn the_user_edits_the_stopword_list() {
    let text = "The Party leads. The Party serves. Workers must unite. Workers must work.";
    let base = analyze(text, &all_opts());
    assert!(find(&base, "Party").is_some() && find(&base, "must").is_none());
    let opts = Options { stopwords_add: vec!["party".into()], stopwords_remove: vec!["MUST".into()], ..all_opts() };
    let r = analyze(text, &opts);
    assert!(find(&r, "Party").is_none(), "added stopword still listed");
    assert_eq!(find(&r, "must").map(|k| k.count), Some(2));
    // Numbers come back when asked for.
    let r = analyze("In 2020 and 2020 again.", &Options { keep_numbers: true, ..all_opts() });
    assert_eq!(find(&r, "2020").map(|k| k.count), Some(2));
}

#[test]
fn keyness_and_dispersion_are_reported() {
    let text = "Lanterns glow.\nThe harbour sleeps. Lanterns sway over the harbour.\nPeople talk.\nLanterns fade. Lanterns return.";
    let r = analyze(text, &all_opts());
    let k = find(&r, "Lanterns").expect("lanterns");
    let key = k.keyness.expect("keyness");
    assert!(key.log_likelihood > 15.13 && key.log_ratio > 3.0, "{key:?}");
    assert!(r.distinctive.iter().any(|&i| r.keywords[i].term == "Lanterns"));
    // Paragraphs 0, 1, 3 hold 1, 1, 2 occurrences.
    assert_eq!(k.dispersion.paragraphs, [[0, 1], [1, 1], [3, 2]]);
    // Section counts add up the paragraph counts of each section.
    let mut by_section = std::collections::BTreeMap::new();
    for [p, n] in &k.dispersion.paragraphs {
        *by_section.entry(r.paragraphs[*p].section).or_insert(0) += n;
    }
    assert_eq!(k.dispersion.sections, by_section.into_iter().map(|(s, n)| [s, n]).collect::<Vec<_>>());
    let d = k.dispersion.juilland_d.unwrap();
    assert!(d > 0.0 && d < 1.0, "{d}");
    // A word far more common in general English than here is not distinctive.
    assert!(r.distinctive.iter().all(|&i| r.keywords[i].term != "People"));
}

#[test]
fn comparing_two_texts() {
    let a = "Rivers flood the valley. The river rises; the river falls. River boats wait.";
    let b = "Markets open. The market falls; the market rises. Traders wait.";
    let c = compare(a, b, &Default::default());
    let river = c.over_a.iter().find(|t| t.term == "river").expect("river over-used in A");
    assert_eq!((river.count_a, river.count_b), (4, 0));
    assert!(river.log_ratio > 0.0 && river.log_likelihood >= 3.84);
    assert!(c.over_b.iter().any(|t| t.term == "market" && t.count_b == 3));
    // Shared words with equal rates are in neither list.
    assert!(c.over_a.iter().chain(&c.over_b).all(|t| t.term != "wait" && t.term != "rises"));
    let empty = compare("", b, &Default::default());
    assert!(empty.over_a.is_empty() && empty.over_b.is_empty());
}

#[test]
fn concordance_lines_slice_back_and_match_terms_phrases_and_text() {
    let text = "Grassroots governance grows.\n基层治理很重要。Good governance: governing well!\n\u{1F600} Grassroots governance again.";
    let c = Concordance::new(text, &Default::default());
    let opts = ConcordanceOptions { context: 10, ..Default::default() };
    let r = c.query("Governance", &opts);
    assert_eq!((r.total, r.mode), (3, MatchMode::Term));
    for line in &r.lines {
        assert_eq!(slice(text, line.start, line.end), line.text);
    }
    assert_eq!(r.lines[1].left, "理很重要。Good ");
    assert_eq!(r.lines[1].right, ": governin");
    assert_eq!(r.lines[2].paragraph, 2);
    // Any inflection of the term: "governs" finds "governing"; as an exact form it is not there.
    let r = c.query("governs", &opts);
    assert_eq!((r.total, r.lines[0].text.as_str()), (1, "governing"));
    let exact = c.query("governs", &ConcordanceOptions { mode: MatchMode::Exact, ..opts });
    assert_eq!((exact.total, exact.mode), (0, MatchMode::Text));
    let phrase = c.query("grassroots governance", &opts);
    assert_eq!(phrase.total, 2);
    assert_eq!(slice(text, phrase.lines[1].start, phrase.lines[1].end), "Grassroots governance");
    let zh = c.query("治理", &opts);
    assert_eq!(zh.total, 1);
    assert_eq!(slice(text, zh.lines[0].start, zh.lines[0].end), "治理");
    let frag = c.query("overn", &opts);
    assert_eq!((frag.total, frag.mode), (4, MatchMode::Text));
    assert_eq!(c.query("   ", &opts).total, 0);
    assert_eq!(c.query("absent", &opts).total, 0);
    let limited = c.query("governance", &ConcordanceOptions { limit: 1, ..opts });
    assert_eq!((limited.total, limited.lines.len()), (3, 1));
}

#[test]
fn bad_input_does_not_panic() {
    let long_line = "a".repeat(300_000);
    let han_line = "治".repeat(100_000);
    for text in ["", " ", "...", "'s", "’", "-", "a-", "-a", "\u{0}\u{7}", long_line.as_str(), han_line.as_str(), "x-y-z-w", "🙂🙂 🙂"] {
        let r = analyze(text, &all_opts());
        for k in &r.keywords {
            assert_eq!(k.count.min(1000), k.occurrences.len());
        }
        let c = Concordance::new(text, &Default::default());
        let _ = c.query("a", &Default::default());
        let _ = compare(text, "a b c", &Default::default());
    }
}

#[test]
fn sample_keywords_snapshot() {
    let text = include_str!("../samples/en-peoples-daily-2025-11-05.txt");
    let r = analyze(text, &Options::default());
    let line = |k: &article_explorer::Keyword| format!("{} {} (free {})", k.term, k.count, k.free_count);
    let summary = serde_json::json!({
        "top_terms": r.keywords.iter().take(20).map(line).collect::<Vec<_>>(),
        "top_phrases": r.phrases.iter().take(10).map(|&i| line(&r.keywords[i])).collect::<Vec<_>>(),
        "distinctive": r.distinctive.iter().take(10).map(|&i| {
            let k = &r.keywords[i];
            let key = k.keyness.unwrap();
            format!("{} {} LL {:.0} LR {:.1}", k.term, k.count, key.log_likelihood, key.log_ratio)
        }).collect::<Vec<_>>(),
    });
    insta::assert_json_snapshot!("sample_keywords", summary);
    // What a reader must not see at the top.
    for k in r.keywords.iter().take(20) {
        let t = k.term.to_lowercase();
        assert!(!["the", "and", "must", "of", "xi", "jinping", "general secretary xi", "govern"].contains(&t.as_str()), "{t}");
    }
}

#[test]
fn long_texts_list_the_first_thousand_occurrences_and_count_all() {
    let text = "The river. ".repeat(1500);
    let r = analyze(&text, &all_opts());
    let k = find(&r, "river").expect("river");
    assert_eq!((k.count, k.occurrences.len()), (1500, 1000));
    assert!(k.occurrences.windows(2).all(|w| w[0].start < w[1].start));
    let total: usize = k.dispersion.sections.iter().map(|s| s[1]).sum();
    assert_eq!(total, 1500);
}

#[test]
fn chinese_sample_keywords_snapshot() {
    let text = include_str!("../samples/zh-community-governance-2025.txt");
    let r = analyze(text, &Options::default());
    let line = |k: &article_explorer::Keyword| format!("{} {} (free {})", k.term, k.count, k.free_count);
    let summary = serde_json::json!({
        "top_terms": r.keywords.iter().take(20).map(line).collect::<Vec<_>>(),
        "top_phrases": r.phrases.iter().take(10).map(|&i| line(&r.keywords[i])).collect::<Vec<_>>(),
        "distinctive": r.distinctive.iter().take(10).map(|&i| line(&r.keywords[i])).collect::<Vec<_>>(),
    });
    insta::assert_json_snapshot!("sample_zh_keywords", summary);
    let phrases: Vec<&str> = r.phrases.iter().map(|&i| r.keywords[i].term.as_str()).collect();
    // 老旧小区 is a collocation of the text; 城乡社区治理 and 枫桥经验 are official terms
    // (data/zh/official-terms.txt), kept whole as one word each.
    assert!(phrases.contains(&"老旧小区"), "老旧小区 not among {phrases:?}");
    for expected in ["城乡社区治理", "枫桥经验"] {
        assert!(r.keywords.iter().any(|k| k.term == expected && k.kind == article_explorer::KeywordKind::Word), "{expected} not a keyword");
    }
    for k in r.keywords.iter().take(20) {
        assert!(!["的", "了", "和", "是", "在", "我们", "二", "十八"].contains(&k.term.as_str()), "{}", k.term);
    }
}

#[test]
fn cli_compare_and_concordance() {
    let dir = std::env::temp_dir().join(format!("kw-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (a, b) = (dir.join("a.txt"), dir.join("b.txt"));
    std::fs::write(&a, "Rivers flood the valley. The river rises; the river falls. River boats wait.").unwrap();
    std::fs::write(&b, "Markets open. The market falls; the market rises. Traders wait.").unwrap();
    let run = |args: &[&std::ffi::OsStr]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_article-explorer")).args(args).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()
    };
    let c = run(&["compare".as_ref(), a.as_os_str(), b.as_os_str()]);
    assert_eq!(c["over_a"][0]["term"], "river");
    let k = run(&["concordance".as_ref(), "--context".as_ref(), "5".as_ref(), "rivers".as_ref(), a.as_os_str()]);
    assert_eq!(k["total"], 4);
    assert_eq!(k["lines"][1]["left"], " The ");
    std::fs::remove_dir_all(&dir).ok();
}
