//! The internal parsers, exposed one by one for the fuzz targets (`fuzz/`) and the robustness
//! tests. Not a stable API: hidden from the docs. Owners of a parser who change its signature
//! update the one wrapper here; each wrapper also checks the parser's own invariants (ranges in
//! bounds, on char boundaries, in order), so a fuzzer finds wrong offsets, not only panics.
//!
//! ```
//! use article_explorer::fuzz_api;
//! assert_eq!(fuzz_api::sentences("It rained. We left."), [0..10, 11..19]);
//! ```

use std::ops::Range;

/// Panics unless `r` is a non-inverted range of `text` on char boundaries.
fn check(text: &str, r: &Range<usize>, what: &str) {
    assert!(r.start <= r.end && r.end <= text.len(), "{what} {r:?} out of bounds (len {})", text.len());
    assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end), "{what} {r:?} splits a char");
}

/// Builds the shared Chinese dictionary, for a fuzz target's `init`: under AddressSanitizer that
/// takes seconds, which would otherwise count against the first input's timeout.
///
/// ```
/// article_explorer::fuzz_api::load_dictionary();
/// ```
pub fn load_dictionary() {
    drop(crate::Engine::new());
}

/// The dateline detector on `text`: the date found and where it is.
///
/// ```
/// let (date, _) = article_explorer::fuzz_api::dateline("Beijing, May 4, 2021\nText.").unwrap();
/// assert_eq!(date, "2021-05-04");
/// ```
pub fn dateline(text: &str) -> Option<(String, Range<usize>)> {
    let found = crate::timex::dateline::find_dateline(text);
    if let Some((value, r)) = &found {
        check(text, r, "dateline");
        assert!(crate::parse_date(value).is_ok(), "dateline value {value:?} is not a valid date");
    }
    found
}

/// The sentence splitter on `text` as one paragraph: sentence byte ranges, in order, disjoint.
///
/// ```
/// assert_eq!(article_explorer::fuzz_api::sentences("你好。再见。").len(), 2);
/// ```
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let out = crate::segment::sentences::split_sentences(text, 0..text.len());
    let mut last = 0;
    for r in &out {
        check(text, r, "sentence");
        assert!(r.start >= last && r.start < r.end, "sentence {r:?} empty or overlaps the one before (ends {last})");
        last = r.end;
    }
    out
}

/// The structure parser on `text`: paragraph byte ranges, in order, disjoint, inside their section.
///
/// ```
/// assert_eq!(article_explorer::fuzz_api::paragraphs("One.\n\nTwo.").len(), 2);
/// ```
pub fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let s = crate::segment::structure::parse_structure(text);
    let mut last = 0;
    for p in &s.paragraphs {
        check(text, &p.range, "paragraph");
        assert!(p.range.start >= last, "paragraph {:?} overlaps the one before", p.range);
        last = p.range.end;
    }
    for sec in &s.sections {
        check(text, &sec.range, "section");
    }
    // The whole text's letter counts are summed from its paragraphs': nothing outside them counts.
    assert_eq!(s.script_counts, crate::ScriptCounts::of(text), "letters outside the paragraphs");
    s.paragraphs.into_iter().map(|p| p.range).collect()
}

/// The temporal tagger on `text`, with its paragraphs and their detected languages (or all
/// forced to Chinese with `zh`) and `reference` (`YYYY-MM-DD`) as the date relative expressions
/// resolve against: each timex's range and value, in document order without overlaps.
///
/// ```
/// let hits = article_explorer::fuzz_api::timexes("It began in 2019.", false, None);
/// assert_eq!(hits[0].1, "2019");
/// ```
pub fn timexes(text: &str, zh: bool, reference: Option<&str>) -> Vec<(Range<usize>, String)> {
    let structure = crate::segment::structure::parse_structure(text);
    let paragraphs: Vec<(Range<usize>, crate::Language)> =
        structure.paragraphs.iter().map(|p| (p.range.clone(), if zh { crate::Language::Zh } else { p.language })).collect();
    let hits = crate::timex::tag(text, &paragraphs, reference.and_then(crate::timex::Date::parse));
    let mut last = 0;
    for h in &hits {
        check(text, &h.range, "timex");
        assert!(!h.value.is_empty(), "timex {:?} without a value", h.range);
        assert!(h.range.start >= last, "timex {:?} overlaps or precedes the one before (ends {last})", h.range);
        last = h.range.end;
    }
    hits.into_iter().map(|h| (h.range, h.value)).collect()
}

/// File decoding: whatever the bytes, a `String` or a refusal, never a panic.
///
/// ```
/// assert!(article_explorer::fuzz_api::decode(b"\0\0\0\x01ELF").is_err());
/// ```
pub fn decode(bytes: &[u8]) -> Result<String, crate::DecodeError> {
    crate::decode_text(bytes)
}

/// Checks every invariant of the report contract for `report` of `text`, returning the first
/// broken one: offsets in bounds and on UTF-16 boundaries that do not split a surrogate pair;
/// sections, paragraphs and sentences in order, disjoint and nested; keyword counts equal to
/// their listed occurrences (up to the documented cap of 1,000 listed); timexes inside their
/// sentence and quoting the text, an earlier anchor before them; timeline entries pointing at their timex and its sentence;
/// counts agreeing with the lists.
///
/// ```
/// use article_explorer::{analyze, fuzz_api::check_report};
/// let text = "Report\nIt began in 2019. 😀 It ended in 2020.";
/// assert_eq!(check_report(text, &analyze(text, &Default::default())), Ok(()));
/// ```
pub fn check_report(text: &str, report: &crate::Report) -> Result<(), String> {
    let units: Vec<u16> = text.encode_utf16().collect();
    let len = units.len();
    let span = |what: &str, start: usize, end: usize| -> Result<(), String> {
        if start > end || end > len {
            return Err(format!("{what} [{start}, {end}) out of bounds (length {len})"));
        }
        for b in [start, end] {
            if b < len && (0xDC00..0xE000).contains(&units[b]) {
                return Err(format!("{what} [{start}, {end}) splits a surrogate pair at {b}"));
            }
        }
        Ok(())
    };
    let slice = |start: usize, end: usize| String::from_utf16_lossy(&units[start..end]);
    let ordered = |what: &str, spans: &[(usize, usize)]| -> Result<(), String> {
        for (i, pair) in spans.windows(2).enumerate() {
            if pair[1].0 < pair[0].1 {
                return Err(format!("{what} {} [{}, {}) overlaps or precedes the one before", i + 1, pair[1].0, pair[1].1));
            }
        }
        Ok(())
    };

    let s = &report.stats;
    if s.utf16_length != len || s.characters != text.chars().count() {
        return Err(format!("stats length {} / {} chars, text has {len} / {}", s.utf16_length, s.characters, text.chars().count()));
    }
    if (s.paragraphs, s.sentences, s.sections) != (report.paragraphs.len(), report.sentences.len(), report.sections.len()) {
        return Err("stats counts disagree with the lists".into());
    }
    if let Some(r) = &report.reference_date.span {
        span("reference date", r.start, r.end)?;
    }
    if let Some(t) = &report.title {
        span("title", t.start, t.end)?;
    }
    for h in &report.header {
        span("header field", h.start, h.end)?;
    }

    let sections: Vec<(usize, usize)> = report.sections.iter().map(|x| (x.start, x.end)).collect();
    for (i, sec) in report.sections.iter().enumerate() {
        span(&format!("section {i}"), sec.start, sec.end)?;
        let last = sec.first_paragraph + sec.paragraph_count;
        if last > report.paragraphs.len() {
            return Err(format!("section {i} claims paragraphs {}..{last} of {}", sec.first_paragraph, report.paragraphs.len()));
        }
    }
    ordered("section", &sections)?;

    let paragraphs: Vec<(usize, usize)> = report.paragraphs.iter().map(|x| (x.start, x.end)).collect();
    for (i, p) in report.paragraphs.iter().enumerate() {
        span(&format!("paragraph {i}"), p.start, p.end)?;
        if let Some(sec) = report.sections.get(p.section) {
            if p.start < sec.start || p.end > sec.end {
                return Err(format!("paragraph {i} [{}, {}) outside its section {}", p.start, p.end, p.section));
            }
            if !(sec.first_paragraph..sec.first_paragraph + sec.paragraph_count).contains(&i) {
                return Err(format!("paragraph {i} not among its section {}'s paragraphs", p.section));
            }
        } else if !report.sections.is_empty() {
            return Err(format!("paragraph {i} in section {} of {}", p.section, report.sections.len()));
        }
    }
    ordered("paragraph", &paragraphs)?;

    let sentences: Vec<(usize, usize)> = report.sentences.iter().map(|x| (x.start, x.end)).collect();
    for (i, x) in report.sentences.iter().enumerate() {
        span(&format!("sentence {i}"), x.start, x.end)?;
        if x.start == x.end {
            return Err(format!("sentence {i} is empty"));
        }
        let Some(p) = report.paragraphs.get(x.paragraph) else {
            return Err(format!("sentence {i} in paragraph {} of {}", x.paragraph, report.paragraphs.len()));
        };
        if x.start < p.start || x.end > p.end {
            return Err(format!("sentence {i} [{}, {}) outside its paragraph {}", x.start, x.end, x.paragraph));
        }
    }
    ordered("sentence", &sentences)?;

    // A keyword lists every occurrence up to the documented cap (the first ones, in order).
    for k in &report.keywords {
        if k.occurrences.len() != k.count.min(crate::keywords::MAX_LISTED) {
            return Err(format!("keyword {:?} counts {} but lists {}", k.term, k.count, k.occurrences.len()));
        }
        for o in &k.occurrences {
            span(&format!("keyword {:?} occurrence", k.term), o.start, o.end)?;
            if o.start == o.end {
                return Err(format!("keyword {:?} has an empty occurrence at {}", k.term, o.start));
            }
        }
        if k.occurrences.windows(2).any(|w| w[1].start < w[0].start) {
            return Err(format!("keyword {:?} occurrences out of document order", k.term));
        }
    }
    for &i in report.phrases.iter().chain(&report.distinctive) {
        if i >= report.keywords.len() {
            return Err(format!("phrase/distinctive index {i} of {} keywords", report.keywords.len()));
        }
    }

    for (i, t) in report.timexes.iter().enumerate() {
        span(&format!("timex {i}"), t.start, t.end)?;
        if slice(t.start, t.end) != t.text {
            return Err(format!("timex {i} text {:?} is not the text at [{}, {})", t.text, t.start, t.end));
        }
        let Some(x) = report.sentences.get(t.sentence) else {
            return Err(format!("timex {i} in sentence {} of {}", t.sentence, report.sentences.len()));
        };
        if t.start < x.start || t.end > x.end {
            return Err(format!("timex {i} [{}, {}) outside its sentence {} [{}, {})", t.start, t.end, t.sentence, x.start, x.end));
        }
        // A value counted from an earlier date names that date, and it comes before.
        if (t.anchor == Some(crate::TimexAnchor::Earlier)) != t.anchor_timex.is_some() || t.anchor_timex.is_some_and(|k| k >= i) {
            return Err(format!("timex {i} anchored {:?} at timex {:?}", t.anchor, t.anchor_timex));
        }
    }
    ordered("timex", &report.timexes.iter().map(|t| (t.start, t.end)).collect::<Vec<_>>())?;

    for (i, e) in report.timeline.iter().enumerate() {
        let Some(t) = report.timexes.get(e.timex) else {
            return Err(format!("timeline entry {i} points at timex {} of {}", e.timex, report.timexes.len()));
        };
        if e.sentence != t.sentence {
            return Err(format!("timeline entry {i} in sentence {}, its timex in {}", e.sentence, t.sentence));
        }
        if e.start_date > e.end_date {
            return Err(format!("timeline entry {i} ends ({}) before it starts ({})", e.end_date, e.start_date));
        }
    }
    for pair in report.timeline.windows(2) {
        if pair[1].start_date < pair[0].start_date {
            return Err(format!("timeline not chronological: {} after {}", pair[1].start_date, pair[0].start_date));
        }
    }
    Ok(())
}

/// The share link reader on `data`: a fragment as given when it starts with `#` or `s`, otherwise
/// `data` as the payload's JSON (or any bytes), packed into a link first so the fuzzer reaches
/// the JSON and field checks past the compression. A link that reads must write back to a link
/// that reads to the same payload.
#[cfg(feature = "share")]
pub fn share_link(data: &[u8]) -> Result<crate::share::Shared, crate::share::ShareError> {
    use crate::share::{ShareError, decode_link, encode_link, pack};
    let link = match data.first() {
        Some(b'#' | b's') => String::from_utf8_lossy(data).into_owned(),
        _ => pack(data),
    };
    let shared = decode_link(&link)?;
    match encode_link(&shared) {
        Ok(again) => assert_eq!(decode_link(&again).as_ref(), Ok(&shared), "a link read does not read again once written"),
        Err(ShareError::LinkTooLong { .. }) => {}
        Err(e) => panic!("a link read cannot be written again: {e}"),
    }
    Ok(shared)
}

/// The bundle reader on `data`: a bundle that reads must read again once written.
#[cfg(feature = "share")]
pub fn share_bundle(data: &[u8]) -> Result<crate::share::Shared, crate::share::ShareError> {
    let text = std::str::from_utf8(data).map_err(|_| crate::share::ShareError::Json("not UTF-8".into()))?;
    let shared = crate::share::parse_bundle(text)?;
    let again = serde_json::to_string(&shared).expect("a bundle read serializes");
    assert_eq!(crate::share::parse_bundle(&again).as_ref(), Ok(&shared), "a bundle read does not read again once written");
    Ok(shared)
}

/// The alignment of two texts (one Chinese, one English, either order), checked: every paragraph
/// of each version is in exactly one row, rows and flags point at passages and anchors that
/// exist, anchors quote their text. Bad pairs (same language, empty, no anchors) are errors, not
/// panics. Returns the number of rows (0 for an error).
///
/// ```
/// assert_eq!(article_explorer::fuzz_api::align("2024年7月会议召开。", "The meeting was held in July 2024."), Ok(1));
/// ```
pub fn align(text_a: &str, text_b: &str) -> Result<usize, String> {
    let Ok(a) = crate::align(&crate::Engine::new(), text_a, text_b) else { return Ok(0) };
    let (zh_text, en_text) = if a.zh.input == 0 { (text_a, text_b) } else { (text_b, text_a) };
    for (name, v, text, of_row) in [("zh", &a.zh, zh_text, 0), ("en", &a.en, en_text, 1)] {
        let units: Vec<u16> = text.encode_utf16().collect();
        let mut seen = vec![0usize; v.paragraphs.len()];
        for row in &a.rows {
            for &p in if of_row == 0 { &row.zh } else { &row.en } {
                *seen.get_mut(p).ok_or_else(|| format!("{name} row names paragraph {p} of {}", v.paragraphs.len()))? += 1;
            }
        }
        if let Some(p) = seen.iter().position(|&n| n != 1) {
            return Err(format!("{name} paragraph {p} is in {} rows", seen[p]));
        }
        for (i, x) in v.anchors.iter().enumerate() {
            if x.start > x.end || x.end > units.len() || String::from_utf16_lossy(&units[x.start..x.end]) != x.text {
                return Err(format!("{name} anchor {i} [{}, {}) does not quote {:?}", x.start, x.end, x.text));
            }
            if x.paragraph >= v.paragraphs.len() {
                return Err(format!("{name} anchor {i} in paragraph {} of {}", x.paragraph, v.paragraphs.len()));
            }
        }
    }
    for (i, row) in a.rows.iter().enumerate() {
        for pair in &row.shared {
            if pair[0] >= a.zh.anchors.len() || pair[1] >= a.en.anchors.len() || a.zh.anchors[pair[0]].key != a.en.anchors[pair[1]].key {
                return Err(format!("row {i} shares anchors {pair:?} that differ or do not exist"));
            }
        }
        if row.confidence.is_some_and(|c| !(0.0..=1.0).contains(&c)) {
            return Err(format!("row {i} confidence {:?} outside 0..1", row.confidence));
        }
    }
    for (i, f) in a.flags.iter().enumerate() {
        if f.row >= a.rows.len() || f.zh_anchor.is_some_and(|x| x >= a.zh.anchors.len()) || f.en_anchor.is_some_and(|x| x >= a.en.anchors.len()) {
            return Err(format!("flag {i} points outside the alignment"));
        }
    }
    Ok(a.rows.len())
}
