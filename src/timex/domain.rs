//! Institutional time references of Chinese official texts, in English and Chinese: National Congresses
//! of the CPC (党的二十大 → 2022-10), plenary sessions of its Central Committee (二十届三中全会 → 2024-07),
//! sessions of the National People's Congress (十四届全国人大二次会议 → 2024-03), Five-Year Plans
//! ("十四五" → 2021..2025) and eras (党的十八大以来 / 新时代 → 2012-11, 改革开放以来 → 1978-12).
//! Dates come from `data/domain/*.tsv`, each row with its source; hits are `kind: domain` and carry
//! that source.

use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

use super::{Date, TimexHit};
use crate::{Language, TimexKind, TimexType};

/// One dated event of a table.
#[derive(Debug, Clone)]
struct Row {
    start: Date,
    end: Date,
    source: String,
}

/// The domain tables.
#[derive(Debug, Clone, Default)]
struct Tables {
    congresses: FxHashMap<u32, Row>,
    plenums: FxHashMap<(u32, u32), Row>,
    npc: FxHashMap<(u32, u32), Row>,
    plans: FxHashMap<u32, (i32, i32, String)>,
    /// value, language, phrase (lowercase, as words), source
    eras: Vec<(String, String, String, String)>,
    /// The English eras: value, words, source (longest phrase first), and their first words.
    eras_en: Vec<(String, Vec<String>, String)>,
    era_first_en: Vec<String>,
    ordinals: FxHashMap<String, u32>,
    /// The last two bytes of every ordinal word: other words are not looked up.
    ordinal_ends: Vec<[u8; 2]>,
    /// The Chinese short names of the plans ("十四五") with their numbers, built once rather than
    /// for every paragraph.
    #[cfg(feature = "zh")]
    plan_names: Vec<(Vec<char>, u32)>,
    /// The Chinese eras of `eras` (value, phrase, source), in its order (longest phrase first),
    /// with the characters their phrases start with: most positions start none.
    #[cfg(feature = "zh")]
    eras_zh: Vec<(String, String, String)>,
    #[cfg(feature = "zh")]
    era_firsts_zh: Vec<char>,
}

/// Raw table texts (tests pass their own).
struct Sources<'a> {
    congresses: &'a str,
    plenums: &'a str,
    npc: &'a str,
    plans: &'a str,
    eras: &'a str,
    ordinals: &'a str,
}

fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).map(|l| l.split('\t').map(str::trim).collect())
}

impl Tables {
    fn parse(src: Sources<'_>) -> Tables {
        fn dated(r: &[&str], keys: usize) -> Option<Row> {
            Some(Row { start: Date::parse(r.get(keys)?)?, end: Date::parse(r.get(keys + 1)?)?, source: r.get(keys + 2)?.to_string() })
        }
        let mut t = Tables::default();
        for r in rows(src.congresses) {
            if let (Some(n), Some(row)) = (r[0].parse().ok(), dated(&r, 1)) {
                t.congresses.insert(n, row);
            }
        }
        for (table, text) in [(&mut t.plenums, src.plenums), (&mut t.npc, src.npc)] {
            for r in rows(text) {
                if let (Some(a), Some(b), Some(row)) = (r[0].parse().ok(), r.get(1).and_then(|s| s.parse().ok()), dated(&r, 2)) {
                    table.insert((a, b), row);
                }
            }
        }
        for r in rows(src.plans) {
            let parsed = || Some((r[0].parse().ok()?, r.get(1)?.parse().ok()?, r.get(2)?.parse().ok()?, r.get(3)?.to_string()));
            if let Some((n, a, b, s)) = parsed() {
                t.plans.insert(n, (a, b, s));
            }
        }
        #[cfg(feature = "zh")]
        {
            t.plan_names = t.plans.keys().map(|&n| (format!("{}五", cn_number(n)).chars().collect(), n)).collect();
        }
        for r in rows(src.eras) {
            if r.len() >= 4 {
                let phrase = if r[1] == "en" { words(&crate::text::case::to_lowercase(r[2])).join(" ") } else { r[2].to_string() };
                if !phrase.is_empty() {
                    t.eras.push((r[0].to_string(), r[1].to_string(), phrase, r[3].to_string()));
                }
            }
        }
        crate::text::sort::sort_by_key(&mut t.eras, |e| std::cmp::Reverse(e.2.len()));
        #[cfg(feature = "zh")]
        {
            t.eras_zh = t.eras.iter().filter(|e| e.1 == "zh").map(|e| (e.0.clone(), e.2.clone(), e.3.clone())).collect();
            t.era_firsts_zh = t.eras_zh.iter().filter_map(|e| e.1.chars().next()).collect();
            crate::text::sort::sort(&mut t.era_firsts_zh);
            t.era_firsts_zh.dedup();
        }
        for (value, _, phrase, source) in t.eras.iter().filter(|e| e.1 == "en") {
            let words: Vec<String> = phrase.split(' ').map(str::to_string).collect();
            if !t.era_first_en.contains(&words[0]) {
                t.era_first_en.push(words[0].clone());
            }
            t.eras_en.push((value.clone(), words, source.clone()));
        }
        for r in rows(src.ordinals) {
            if let Some(n) = r.get(1).and_then(|s| s.parse().ok()) {
                let w = crate::text::case::to_lowercase(r[0]);
                if let [.., a, b] = *w.as_bytes() {
                    if !t.ordinal_ends.contains(&[a, b]) {
                        t.ordinal_ends.push([a, b]);
                    }
                }
                t.ordinals.insert(w, n);
            }
        }
        t
    }
}

static TABLES: LazyLock<Tables> = LazyLock::new(|| {
    Tables::parse(Sources {
        congresses: data!("domain/cpc_congresses.tsv"),
        plenums: data!("domain/cc_plenums.tsv"),
        npc: data!("domain/npc_sessions.tsv"),
        plans: data!("domain/five_year_plans.tsv"),
        eras: data!("domain/eras.tsv"),
        ordinals: data!("domain/ordinals.tsv"),
    })
});

/// Tags the institutional events of paragraph `range` of `text` written in `language`.
pub(crate) fn tag_paragraph(text: &str, range: Range<usize>, language: Language) -> Vec<TimexHit> {
    tag_with(&TABLES, text, range, language)
}

/// The institutional events of a Chinese paragraph already decoded.
#[cfg(feature = "zh")]
pub(crate) fn tag_chinese_chars(para: &super::chars::CharIndex) -> Vec<TimexHit> {
    chinese(&TABLES, para)
}

fn tag_with(t: &Tables, text: &str, range: Range<usize>, language: Language) -> Vec<TimexHit> {
    let Some(para) = text.get(range.clone()) else { return Vec::new() };
    let mut hits = Vec::new();
    if language != Language::Zh {
        hits.extend(english(t, para, range.start));
    }
    #[cfg(feature = "zh")] // every Chinese event contains Han characters, which the light module never sees
    if language != Language::En {
        hits.extend(chinese(t, &super::chars::CharIndex::of(text, range)));
    }
    crate::text::sort::sort_by_key(&mut hits, |h| h.range.start);
    hits
}

fn month_of(d: Date) -> String {
    format!("{:04}-{:02}", d.year, d.month)
}

fn hit(range: Range<usize>, value: String, end_value: Option<String>, source: String) -> TimexHit {
    TimexHit {
        range,
        timex_type: TimexType::Date,
        value,
        end_value,
        kind: TimexKind::Domain,
        source: Some(source),
        basis: super::Basis::None,
        festival: false,
        modifier: None,
    }
}

fn congress_hit(t: &Tables, n: u32, range: Range<usize>) -> Option<TimexHit> {
    let r = t.congresses.get(&n)?;
    Some(hit(
        range,
        month_of(r.start),
        None,
        format!("cpc_congresses.tsv: CPC National Congress {n}, {} to {} ({})", r.start.iso(), r.end.iso(), r.source),
    ))
}

fn plenum_hit(t: &Tables, cc: u32, n: u32, range: Range<usize>) -> Option<TimexHit> {
    let r = t.plenums.get(&(cc, n))?;
    Some(hit(
        range,
        month_of(r.start),
        None,
        format!("cc_plenums.tsv: plenary session {n} of CPC Central Committee {cc}, {} to {} ({})", r.start.iso(), r.end.iso(), r.source),
    ))
}

fn npc_hit(t: &Tables, npc: u32, n: u32, range: Range<usize>) -> Option<TimexHit> {
    let r = t.npc.get(&(npc, n))?;
    Some(hit(
        range,
        month_of(r.start),
        None,
        format!("npc_sessions.tsv: session {n} of NPC {npc}, {} to {} ({})", r.start.iso(), r.end.iso(), r.source),
    ))
}

fn plan_hit(t: &Tables, n: u32, range: Range<usize>) -> Option<TimexHit> {
    let (a, b, s) = t.plans.get(&n)?;
    Some(hit(range, format!("{a:04}"), Some(format!("{b:04}")), format!("five_year_plans.tsv: Five-Year Plan {n}, {a} to {b} ({s})")))
}

/// Lowercase ASCII words (letters, digits, apostrophes), split at spaces and hyphens.
fn words(s: &str) -> Vec<&str> {
    s.split(|c: char| !(c.is_ascii_alphanumeric() || c == '\'')).filter(|w| !w.is_empty()).collect()
}

/// English: "the Third Plenary Session of the 20th CPC Central Committee", "the 20th National Congress of the
/// CPC", "the Second Session of the 14th NPC", "the 15th Five-Year Plan", "since the new era".
fn english(t: &Tables, para: &str, base: usize) -> Vec<TimexHit> {
    // Words: runs of ASCII letters, digits and apostrophes (a typographic ’ counts as ').
    // Lowercasing ASCII keeps byte offsets, so token offsets are the paragraph's.
    let lower = para.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    const CURLY: &[u8] = "\u{2019}".as_bytes();
    let mut toks: Vec<(Cow<'_, str>, usize, usize)> = Vec::new();
    let (mut start, mut curly, mut i) = (None, false, 0);
    while i <= bytes.len() {
        let width = match bytes.get(i) {
            Some(b) if b.is_ascii_alphanumeric() || *b == b'\'' => 1,
            Some(0xE2) if bytes[i..].starts_with(CURLY) => {
                curly = true;
                3
            }
            _ => 0,
        };
        match (width, start) {
            (0, Some(s)) => {
                let w = &lower[s..i];
                toks.push((if curly { Cow::Owned(w.replace('\u{2019}', "'")) } else { Cow::Borrowed(w) }, s, i));
                (start, curly) = (None, false);
            }
            (w, None) if w > 0 => start = Some(i),
            _ => {}
        }
        i += width.max(1);
    }
    let ord = |w: &str| -> Option<u32> {
        let b = w.as_bytes();
        if b.first().is_some_and(u8::is_ascii_digit) {
            let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            let suffix = &w[digits.len()..];
            return (matches!(suffix, "st" | "nd" | "rd" | "th") && digits.len() <= 3).then(|| digits.parse().ok()).flatten();
        }
        let end = [*b.get(b.len().wrapping_sub(2))?, *b.last()?];
        if !t.ordinal_ends.contains(&end) {
            return None;
        }
        t.ordinals.get(w).copied()
    };
    let w = |k: usize| toks.get(k).map(|t| &*t.0);
    let seq = |k: usize, words: &[&str]| words.iter().enumerate().all(|(n, x)| w(k + n) == Some(*x));
    let seq_owned = |k: usize, words: &[String]| words.iter().enumerate().all(|(n, x)| w(k + n) == Some(x.as_str()));
    let party = ["cpc", "ccp", "party"];
    let mut hits = Vec::new();
    let mut k = 0;
    while k < toks.len() {
        let span = |a: usize, b: usize| base + toks[a].1..base + toks[b].2;
        // Eras: phrase match.
        let era = if t.era_first_en.iter().any(|f| *f == toks[k].0) {
            t.eras_en.iter().find(|(_, words, _)| seq_owned(k, words)).map(|(v, words, s)| ((v, s), words.len()))
        } else {
            None
        };
        if let Some(((value, source), n)) = era {
            // The preposition is a signal, not part of the expression (TimeML extent).
            let first = if matches!(&*toks[k].0, "in" | "since") && n > 2 { k + 1 } else { k };
            hits.push(hit(span(first, k + n - 1), value.clone(), None, source.clone()));
            k += n;
            continue;
        }
        let Some(n) = ord(&toks[k].0) else {
            k += 1;
            continue;
        };
        let mut found: Option<(TimexHit, usize)> = None;
        // ORD plenary session / plenum of the ORD2 [CPC] Central Committee
        let (after_kind, is_plenum) = if seq(k + 1, &["plenary", "session", "of", "the"]) {
            (k + 5, true)
        } else if seq(k + 1, &["plenum", "of", "the"]) {
            (k + 4, true)
        } else {
            (0, false)
        };
        if is_plenum && let Some(cc) = w(after_kind).and_then(ord) {
            let mut j = after_kind + 1;
            if w(j).is_some_and(|x| party.contains(&x)) {
                j += 1;
            }
            if seq(j, &["central", "committee"]) {
                found = plenum_hit(t, cc, n, span(k, j + 1)).map(|h| (h, j + 2));
            }
        }
        // ORD session of the ORD2 National People's Congress / NPC
        if found.is_none()
            && seq(k + 1, &["session", "of", "the"])
            && let Some(npc) = w(k + 4).and_then(ord)
        {
            if seq(k + 5, &["national", "people's", "congress"]) {
                found = npc_hit(t, npc, n, span(k, k + 7)).map(|h| (h, k + 8));
            } else if w(k + 5) == Some("npc") {
                found = npc_hit(t, npc, n, span(k, k + 5)).map(|h| (h, k + 6));
            }
        }
        // ORD Five-Year Plan
        if found.is_none() && seq(k + 1, &["five", "year", "plan"]) {
            found = plan_hit(t, n, span(k, k + 3)).map(|h| (h, k + 4));
        }
        // ORD [CPC|Party] [National] Congress [of the CPC / Communist Party of China / Party]
        if found.is_none() {
            let mut j = k + 1;
            let has_party = w(j).is_some_and(|x| party.contains(&x));
            if has_party {
                j += 1;
            }
            let national = w(j) == Some("national");
            if national {
                j += 1;
            }
            if w(j) == Some("congress") && (has_party || national) {
                let mut end = j;
                let of_party = if seq(j + 1, &["of", "the", "communist", "party", "of", "china"]) {
                    Some(j + 6)
                } else if seq(j + 1, &["of", "the", "chinese", "communist", "party"]) {
                    Some(j + 5)
                } else if w(j + 1) == Some("of") && w(j + 2) == Some("the") && w(j + 3).is_some_and(|x| party.contains(&x)) {
                    Some(j + 3)
                } else {
                    None
                };
                let of_other = w(j + 1) == Some("of") && of_party.is_none();
                if let Some(e) = of_party {
                    end = e;
                }
                if !of_other || has_party {
                    found = congress_hit(t, n, span(k, end)).map(|h| (h, end + 1));
                }
            }
        }
        match found {
            Some((h, next)) => {
                hits.push(h);
                k = next;
            }
            None => k += 1,
        }
    }
    hits
}

/// Chinese numerals for plan names: 一 … 十五.
#[cfg(feature = "zh")]
fn cn_number(n: u32) -> String {
    const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        1..=9 => D[n as usize].to_string(),
        10 => "十".into(),
        11..=19 => format!("十{}", D[(n - 10) as usize]),
        _ => String::new(),
    }
}

/// Chinese: 党的二十大, 党的十八大以来, 二十届三中全会, 十四届全国人大二次会议, "十四五"规划, 第一个五年计划, 新时代以来.
#[cfg(feature = "zh")]
fn chinese(t: &Tables, para: &super::chars::CharIndex) -> Vec<TimexHit> {
    let (chars, offs) = (&para.chars[..], &para.offsets[..]);
    let lit = |i: usize, s: &str| -> Option<usize> {
        let mut j = i;
        for c in s.chars() {
            if chars.get(j) != Some(&c) {
                return None;
            }
            j += 1;
        }
        Some(j)
    };
    let any = |i: usize, words: &[&str]| words.iter().find_map(|w| lit(i, w));
    let num = |i: usize| super::zh::read_number(chars, i).filter(|(n, _)| (1..=30).contains(n));
    let plan_names = &t.plan_names;
    let mut hits = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if !(matches!(c, '党' | '中' | '第' | '新' | '改' | '“' | '"' | '「') || super::zh::is_numeral_char(c)) {
            i += 1;
            continue;
        }
        let mut found: Option<(TimexHit, usize)> = None;
        // Eras.
        if t.era_firsts_zh.binary_search(&c).is_ok()
            && let Some((value, phrase, source)) = t.eras_zh.iter().find(|e| lit(i, &e.1).is_some())
        {
            let e = i + phrase.chars().count();
            found = Some((hit(offs[i]..offs[e], value.clone(), None, source.clone()), e));
        }
        // The congress and plenum patterns open alike ([党的|中共|中国共产党][第]N): read that
        // prefix and number once.
        let head = found.is_none().then(|| {
            let prefixed = any(i, &["党的", "中国共产党", "中共"]);
            let j = prefixed.unwrap_or(i);
            let j2 = lit(j, "第").unwrap_or(j);
            (prefixed, j, j2, num(j2))
        });
        // Congress: [党的|中共|中国共产党][第]N大 / 第N次全国代表大会
        if let Some((prefixed, j, j2, Some((n, e)))) = head {
            let n = n as u32;
            let end = if let Some(e2) = any(e, &["次全国代表大会", "次党代会"]).filter(|_| prefixed.is_some() || j2 > j) {
                Some(e2)
            } else if let Some(e2) = lit(e, "大").filter(|_| j2 == j) {
                let next = chars.get(e2).copied();
                let blocked = next.is_some_and(|c| "类项件门种个型学会楼厦街道批洲国区关".contains(c));
                (!blocked && (prefixed.is_some() || (13..=20).contains(&n))).then_some(e2)
            } else {
                None
            };
            if let Some(e2) = end {
                let e3 = lit(e2, "以来").unwrap_or(e2);
                found = congress_hit(t, n, offs[i]..offs[e3]).map(|h| (h, e3));
            }
        }
        // Plenum: [党的|中共][第]N届[中央]M中全会 / N届中央委员会第M次全体会议
        if found.is_none()
            && let Some((_, _, _, Some((cc, e)))) = head
            && let Some(e) = lit(e, "届")
        {
            let plenum = if let Some(e2) = lit(e, "中央委员会第").and_then(&num).and_then(|(m, e3)| Some((m, any(e3, &["次全体会议", "次全会"])?)))
            {
                Some(e2)
            } else {
                let e = lit(e, "中央").unwrap_or(e);
                num(e).and_then(|(m, e3)| Some((m, lit(e3, "中全会")?)))
            };
            if let Some((m, e2)) = plenum {
                let e3 = lit(e2, "以来").unwrap_or(e2);
                found = plenum_hit(t, cc as u32, m as u32, offs[i]..offs[e3]).map(|h| (h, e3));
            }
            // NPC: N届全国人大M次会议 / 第N届全国人民代表大会第M次会议
            if found.is_none()
                && let Some(e2) = any(e, &["全国人民代表大会", "全国人大"])
                && lit(e2, "常").is_none()
            {
                let e2 = lit(e2, "第").unwrap_or(e2);
                if let Some((m, e3)) = num(e2)
                    && let Some(e4) = lit(e3, "次会议")
                {
                    found = npc_hit(t, cc as u32, m as u32, offs[i]..offs[e4]).map(|h| (h, e4));
                }
            }
        }
        // Five-Year Plans: “十四五”规划, 十四五时期, 第十四个五年规划, 第一个五年计划
        if found.is_none() {
            let q = any(i, &["“", "\"", "「"]);
            let j = q.unwrap_or(i);
            let named =
                plan_names.iter().filter(|(name, _)| chars.get(j) == name.first() && chars[j..].starts_with(name)).max_by_key(|(name, _)| name.len());
            if let Some((name, n)) = named {
                let mut e = j + name.len();
                let closed = q.is_some() && any(e, &["”", "\"", "」"]).is_some();
                if closed {
                    e += 1;
                }
                let suffix = any(e, &["规划", "计划", "时期", "期间"]);
                let prev_numeral = i > 0 && super::zh::is_numeral_char(chars[i - 1]);
                let next_numeral = chars.get(j + name.len()).is_some_and(|&c| super::zh::is_numeral_char(c) || "年岁%个".contains(c));
                let ok = !prev_numeral && !next_numeral && (closed || suffix.is_some() || *n >= 11);
                if ok {
                    let e = suffix.unwrap_or(e);
                    found = plan_hit(t, *n, offs[i]..offs[e]).map(|h| (h, e));
                }
            } else if let Some(j) = lit(i, "第")
                && let Some((n, e)) = num(j)
                && let Some(e2) = any(e, &["个五年规划", "个五年计划"])
            {
                found = plan_hit(t, n as u32, offs[i]..offs[e2]).map(|h| (h, e2));
            }
        }
        match found {
            Some((h, next)) => {
                hits.push(h);
                i = next;
            }
            None => i += 1,
        }
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(s: &str, lang: Language) -> Vec<(String, String, Option<String>)> {
        tag_paragraph(s, 0..s.len(), lang).into_iter().map(|h| (s[h.range].to_string(), h.value, h.end_value)).collect()
    }

    #[test]
    fn tables_load_completely() {
        let t = &*TABLES;
        assert_eq!(t.congresses.len(), 20);
        assert!((18..=20).all(|cc| (1..=7).all(|n| t.plenums.contains_key(&(cc, n)) || (cc == 20 && n > 4))));
        assert!((12..=14).all(|npc| (1..=if npc == 14 { 3 } else { 5 }).all(|n| t.npc.contains_key(&(npc, n)))));
        assert_eq!(t.plans.len(), 15);
        for r in t.congresses.values().chain(t.plenums.values()).chain(t.npc.values()) {
            assert!(r.start <= r.end && !r.source.is_empty());
        }
    }

    #[test]
    fn tiny_tables() {
        let t = Tables::parse(Sources {
            congresses: "# x\n20\t2022-10-16\t2022-10-22\tsrc\nbad\n",
            plenums: "",
            npc: "",
            plans: "",
            eras: "",
            ordinals: "twentieth\t20\n",
        });
        let s = "the twentieth National Congress";
        let h = tag_with(&t, s, 0..s.len(), Language::En);
        assert_eq!(h.len(), 1);
        assert_eq!(h[0].value, "2022-10");
        assert_eq!(h[0].kind, TimexKind::Domain);
    }

    #[test]
    fn english_events() {
        let en = |s| tag(s, Language::En);
        assert_eq!(
            en("the Third Plenary Session of the 20th CPC Central Committee"),
            vec![("Third Plenary Session of the 20th CPC Central Committee".into(), "2024-07".into(), None)]
        );
        assert_eq!(en("the 20th National Congress of the CPC")[0].1, "2022-10");
        assert_eq!(en("the 20th National Congress of the Communist Party of China")[0].0, "20th National Congress of the Communist Party of China");
        assert_eq!(en("since the 18th Party Congress")[0].1, "2012-11");
        assert_eq!(en("the Party's 19th National Congress")[0].1, "2017-10");
        assert_eq!(en("the 15th Five-Year Plan (2026-2030)")[0], ("15th Five-Year Plan".into(), "2026".into(), Some("2030".into())));
        assert_eq!(en("the Second Session of the 14th NPC")[0].1, "2024-03");
        assert_eq!(en("the Third Session of the 14th National People’s Congress")[0].1, "2025-03");
        assert_eq!(en("the third session of the 13th National People's Congress")[0].1, "2020-05");
        assert_eq!(en("China has made great progress since the new era.")[0], ("the new era".into(), "2012-11".into(), None));
        assert_eq!(en("since the launch of reform and opening-up")[0].1, "1978-12");
        assert_eq!(en("Since the advent of a new era, the Party has")[0].0, "the advent of a new era");
        assert_eq!(en("the Fourth Plenum of the 20th Central Committee")[0].1, "2025-10");
    }

    #[test]
    fn english_lookalikes_are_not_events() {
        let en = |s| tag(s, Language::En);
        assert!(en("the 20th National People's Congress").is_empty());
        assert!(en("the 5th Congress of the United States").is_empty());
        assert!(en("the 30th National Congress").is_empty());
        assert!(en("the second session of the conference").is_empty());
        assert!(en("the first five years of the plan").is_empty());
        assert!(en("the 3rd plenary session of the 25th Central Committee").is_empty());
    }

    #[test]
    fn chinese_events() {
        let zh = |s| tag(s, Language::Zh);
        assert_eq!(zh("党的二十大"), vec![("党的二十大".into(), "2022-10".into(), None)]);
        assert_eq!(zh("党的十八大以来，"), vec![("党的十八大以来".into(), "2012-11".into(), None)]);
        assert_eq!(zh("学习贯彻十九大精神")[0].1, "2017-10");
        assert_eq!(zh("二十届三中全会")[0].1, "2024-07");
        assert_eq!(zh("党的二十届四中全会")[0].1, "2025-10");
        assert_eq!(zh("十一届三中全会以来")[0].1, "1978-12");
        assert_eq!(zh("中共第十八届中央委员会第三次全体会议")[0].1, "2013-11");
        assert_eq!(zh("十四届全国人大二次会议")[0].1, "2024-03");
        assert_eq!(zh("第十四届全国人民代表大会第三次会议")[0].1, "2025-03");
        assert_eq!(zh("“十四五”规划"), vec![("“十四五”规划".into(), "2021".into(), Some("2025".into()))]);
        assert_eq!(zh("\"十五五\"规划")[0].1, "2026");
        assert_eq!(zh("十四五时期")[0].2.as_deref(), Some("2025"));
        assert_eq!(zh("第一个五年计划")[0].1, "1953");
        assert_eq!(zh("中国共产党第二十次全国代表大会")[0].1, "2022-10");
        assert_eq!(zh("新时代以来")[0].1, "2012-11");
        assert_eq!(zh("改革开放以来")[0].1, "1978-12");
    }

    #[test]
    fn chinese_lookalikes_are_not_events() {
        let zh = |s| tag(s, Language::Zh);
        assert!(zh("十大新闻").is_empty());
        assert!(zh("八大类产品").is_empty());
        assert!(zh("一五一十地说").is_empty());
        assert!(zh("二十五岁").is_empty());
        assert!(zh("十四届全国人大常委会第十次会议").is_empty());
        assert!(zh("深化改革开放").is_empty());
        assert!(zh("三十大").is_empty());
    }

    #[test]
    fn mixed_paragraphs_get_both() {
        let h = tag("党的二十大 and the 19th Party Congress", Language::Mixed);
        assert_eq!(h.len(), 2);
    }
}
