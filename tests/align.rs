//! The alignment of a Chinese text with its English version, scored against the expected
//! alignment and flags written beside the test pair (tests/fixtures/align/), and against pairs
//! derived from it by removing, splitting and reordering English paragraphs, whose expected
//! alignment follows from the edit.
//!
//! Scores (link precision and recall, flags found against flags expected) are printed; run with
//! `cargo test --test align -- --nocapture` to see them.

use std::collections::BTreeSet;

use article_explorer::{AlignError, Alignment, Engine, FlagKind, align};

const ZH: &str = include_str!("fixtures/align/zh.txt");
const EN: &str = include_str!("fixtures/align/en.txt");
const EXPECTED: &str = include_str!("fixtures/align/expected.tsv");

type Link = (usize, usize);
type FlagId = (String, usize, usize);

/// 1-based line of every UTF-16 offset's line start.
fn line_starts(text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    let mut unit = 0;
    for ch in text.chars() {
        unit += ch.len_utf16();
        if ch == '\n' {
            starts.push(unit);
        }
    }
    starts
}

fn line_of(starts: &[usize], unit: usize) -> usize {
    starts.partition_point(|&s| s <= unit)
}

struct Found {
    links: BTreeSet<Link>,
    flags: BTreeSet<FlagId>,
    moved: usize,
    sentence_flags: usize,
}

fn kind_name(kind: FlagKind) -> String {
    serde_json::to_value(kind).unwrap().as_str().unwrap().to_string()
}

fn found(a: &Alignment, zh: &str, en: &str) -> Found {
    let (zs, es) = (line_starts(zh), line_starts(en));
    let zl = |p: usize| line_of(&zs, a.zh.paragraphs[p].start);
    let el = |p: usize| line_of(&es, a.en.paragraphs[p].start);
    let mut links = BTreeSet::new();
    for row in &a.rows {
        for &p in &row.zh {
            for &q in &row.en {
                links.insert((zl(p), el(q)));
            }
        }
    }
    let mut flags = BTreeSet::new();
    let (mut moved, mut sentence_flags) = (0, 0);
    for f in &a.flags {
        match f.kind {
            FlagKind::UnmatchedSentence => sentence_flags += 1,
            FlagKind::Moved => moved += 1,
            kind => {
                let z = f.zh.iter().map(|&p| zl(p)).min().unwrap_or(0);
                let e = f.en.iter().map(|&p| el(p)).min().unwrap_or(0);
                flags.insert((kind_name(kind), z, e));
            }
        }
    }
    Found { links, flags, moved, sentence_flags }
}

struct Expected {
    links: BTreeSet<Link>,
    flags: BTreeSet<FlagId>,
}

fn expected_base() -> Expected {
    let mut links = BTreeSet::new();
    let mut flags = BTreeSet::new();
    for line in EXPECTED.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        match cols[0] {
            "link" => {
                links.insert((cols[1].parse().unwrap(), cols[2].parse().unwrap()));
            }
            "flag" => {
                flags.insert((cols[1].to_string(), cols[2].parse().unwrap(), cols[3].parse().unwrap()));
            }
            other => panic!("unknown row {other:?} in expected.tsv"),
        }
    }
    Expected { links, flags }
}

/// The implied flags: every line of either text without a link has no counterpart.
fn with_unmatched(mut e: Expected, zh_lines: usize, en_lines: usize) -> Expected {
    for z in 1..=zh_lines {
        if !e.links.iter().any(|l| l.0 == z) {
            e.flags.insert(("unmatched-paragraph".into(), z, 0));
        }
    }
    for n in 1..=en_lines {
        if !e.links.iter().any(|l| l.1 == n) {
            e.flags.insert(("unmatched-paragraph".into(), 0, n));
        }
    }
    e
}

fn ratio(hit: usize, of: usize) -> f64 {
    if of == 0 { 1.0 } else { hit as f64 / of as f64 }
}

struct Score {
    link_p: f64,
    link_r: f64,
    flag_p: f64,
    flag_r: f64,
}

fn score(name: &str, f: &Found, e: &Expected) -> Score {
    let link_hits = f.links.intersection(&e.links).count();
    let flag_hits = f.flags.intersection(&e.flags).count();
    let s = Score {
        link_p: ratio(link_hits, f.links.len()),
        link_r: ratio(link_hits, e.links.len()),
        flag_p: ratio(flag_hits, f.flags.len()),
        flag_r: ratio(flag_hits, e.flags.len()),
    };
    eprintln!(
        "{name:<10} links P {:.3} R {:.3} ({link_hits}/{} found, {} expected) | flags P {:.3} R {:.3} ({flag_hits}/{} found, {} expected) | moved {} | sentence flags {}",
        s.link_p,
        s.link_r,
        f.links.len(),
        e.links.len(),
        s.flag_p,
        s.flag_r,
        f.flags.len(),
        e.flags.len(),
        f.moved,
        f.sentence_flags
    );
    for l in e.links.difference(&f.links) {
        eprintln!("  missed link {l:?}");
    }
    for l in f.links.difference(&e.links) {
        eprintln!("  wrong link {l:?}");
    }
    for x in e.flags.difference(&f.flags) {
        eprintln!("  missed flag {x:?}");
    }
    for x in f.flags.difference(&e.flags) {
        eprintln!("  extra flag {x:?}");
    }
    s
}

fn lines(text: &str) -> Vec<&str> {
    text.lines().collect()
}

/// An edited English text: each new line with the original lines it carries.
struct Edited {
    text: String,
    origin: Vec<Vec<usize>>,
}

impl Edited {
    fn new(parts: Vec<(String, Vec<usize>)>) -> Edited {
        let text = parts.iter().map(|p| p.0.as_str()).collect::<Vec<_>>().join("\n") + "\n";
        Edited { text, origin: parts.into_iter().map(|p| p.1).collect() }
    }

    /// The base expectation carried over: links and flags follow their English lines; Chinese
    /// lines whose English lines are all gone become unmatched; a flag's English line is the
    /// first new line of its original.
    fn expected(&self, base: &Expected) -> Expected {
        let new_of = |orig: usize| -> Vec<usize> { (0..self.origin.len()).filter(|&i| self.origin[i].contains(&orig)).map(|i| i + 1).collect() };
        let links: BTreeSet<Link> = base.links.iter().flat_map(|&(z, e)| new_of(e).into_iter().map(move |n| (z, n))).collect();
        let flags = base
            .flags
            .iter()
            .filter(|f| f.0 != "unmatched-paragraph")
            .filter_map(|(k, z, e)| new_of(*e).first().map(|&n| (k.clone(), *z, n)))
            .collect();
        with_unmatched(Expected { links, flags }, lines(ZH).len(), self.origin.len())
    }
}

fn run(name: &str, edited: &Edited) -> Score {
    let base = expected_base();
    let e = edited.expected(&base);
    let a = align(&Engine::new(), ZH, &edited.text).expect("the pair aligns");
    score(name, &found(&a, ZH, &edited.text), &e)
}

fn unedited() -> Vec<(String, Vec<usize>)> {
    lines(EN).into_iter().enumerate().map(|(i, l)| (l.to_string(), vec![i + 1])).collect()
}

#[test]
fn the_test_pair_aligns_as_expected_with_the_planted_flags() {
    let a = align(&Engine::new(), ZH, EN).unwrap();
    let f = found(&a, ZH, EN);
    let e = with_unmatched(expected_base(), lines(ZH).len(), lines(EN).len());
    let s = score("base", &f, &e);
    assert!(s.link_p >= 0.9 && s.link_r >= 0.9, "links P {:.3} R {:.3}", s.link_p, s.link_r);
    assert!(s.flag_p >= 0.9 && s.flag_r >= 0.9, "flags P {:.3} R {:.3}", s.flag_p, s.flag_r);
    // The two planted changes, with both passages and both values.
    for (kind, z, n) in [("date-differs", 22, 25), ("number-differs", 31, 82)] {
        assert!(f.flags.contains(&(kind.to_string(), z, n)), "planted {kind} at zh {z} / en {n} not flagged");
    }
    let date = a.flags.iter().find(|f| f.kind == FlagKind::DateDiffers).unwrap();
    assert_eq!(
        (a.zh.anchors[date.zh_anchor.unwrap()].key.as_str(), a.en.anchors[date.en_anchor.unwrap()].key.as_str()),
        ("2025-03-06", "2025-03-05")
    );
    let number = a.flags.iter().find(|f| f.kind == FlagKind::NumberDiffers).unwrap();
    assert_eq!((a.zh.anchors[number.zh_anchor.unwrap()].key.as_str(), a.en.anchors[number.en_anchor.unwrap()].key.as_str()), ("1530000", "1350000"));
    // The split and the merge are found as such.
    let shapes: BTreeSet<&str> = a.rows.iter().map(|r| r.shape.as_str()).collect();
    assert!(shapes.contains("2-1") && shapes.contains("1-2"), "{shapes:?}");
    // A partial translation is said to be one.
    assert!(a.confidence.notes.iter().any(|n| n.code == "unequal-lengths"), "{:?}", a.confidence.notes);
}

#[test]
fn removed_english_paragraphs_leave_their_chinese_ones_unmatched() {
    let parts: Vec<_> = unedited().into_iter().filter(|p| ![8, 16, 82].contains(&p.1[0])).collect();
    let s = run("removed", &Edited::new(parts));
    assert!(s.link_p >= 0.9 && s.link_r >= 0.9 && s.flag_p >= 0.85 && s.flag_r >= 0.85);
}

#[test]
fn split_english_paragraphs_align_one_to_two() {
    let mut parts = Vec::new();
    for (line, origin) in unedited() {
        // Split at the sentence end nearest the middle.
        let mid = line.len() / 2;
        let cut = line.match_indices(". ").map(|(i, _)| i + 1).min_by_key(|&i| i.abs_diff(mid));
        match cut {
            Some(i) if [7, 16, 82].contains(&origin[0]) => {
                parts.push((line[..i].to_string(), origin.clone()));
                parts.push((line[i + 1..].to_string(), origin));
            }
            _ => parts.push((line, origin)),
        }
    }
    let edited = Edited::new(parts);
    assert_eq!(edited.origin.len(), lines(EN).len() + 3);
    let s = run("split", &edited);
    assert!(s.link_p >= 0.9 && s.link_r >= 0.9 && s.flag_p >= 0.85 && s.flag_r >= 0.85);
}

#[test]
fn reordered_english_paragraphs_are_paired_and_flagged_as_moved() {
    let mut parts = unedited();
    parts.swap(14, 15); // en 15 and en 16
    parts.swap(69, 81); // en 70 and en 82
    let edited = Edited::new(parts);
    let a = align(&Engine::new(), ZH, &edited.text).unwrap();
    let f = found(&a, ZH, &edited.text);
    let s = score("reordered", &f, &edited.expected(&expected_base()));
    assert!(s.link_p >= 0.9 && s.link_r >= 0.9, "links P {:.3} R {:.3}", s.link_p, s.link_r);
    assert!(f.moved >= 1, "no paragraph flagged as moved");
}

#[test]
fn bad_pairs_get_clear_errors() {
    let e = Engine::new();
    assert_eq!(align(&e, ZH, ZH).unwrap_err(), AlignError::SameLanguage { language: article_explorer::Language::Zh });
    assert_eq!(align(&e, EN, EN).unwrap_err().code(), "same-language");
    assert_eq!(align(&e, "", EN).unwrap_err(), AlignError::Empty { input: 0 });
    assert_eq!(align(&e, "今天天气很好，我们去公园散步。", "The cat sat on the mat and looked at the rain.").unwrap_err(), AlignError::NoAnchors);
    assert!(align(&e, "今天天气很好。", "The cat sat.").unwrap_err().to_string().contains("share no date"));
}
