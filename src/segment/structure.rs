//! Document structure: the header block (source, author, release time…), the title, section
//! headings and body paragraphs, and the sections the headings open.
//!
//! A paragraph is a non-blank line, except that a line ending in white space continues on the next
//! line when that one starts in lowercase (text broken mid-sentence). Headings:
//! - Chinese numbered headings (`一、` `（一）` `第一，` `1.`) on short lines, and `【…】` markers
//!   standing alone;
//! - English short standalone lines between body paragraphs: one sentence, at most 20 words (10
//!   inside quotes), not a question, no trailing colon, not opening with a pronoun or reporting
//!   speech (data/en/heading-cues.txt), followed by a longer paragraph; numbered lines (`1. …`,
//!   `IV. …`) likewise.
//!
//! Header labels come from data/en/header-fields.txt and data/zh/header-fields.txt.

use crate::text::trim::trim_range;
use rustc_hash::FxHashMap;
use std::ops::Range;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use crate::text::language::{Language, ScriptCounts};

/// What a paragraph is in the document's structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum ParagraphKind {
    /// Part of the header/metadata block.
    Header,
    /// The article's title.
    Title,
    /// A section heading.
    Heading,
    /// Body text.
    #[default]
    Body,
    /// A picture caption (图为…, … 本报记者 某某摄).
    Caption,
}

/// A paragraph in byte offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Block {
    pub range: Range<usize>,
    pub kind: ParagraphKind,
    pub language: Language,
    pub section: usize,
}

/// A section in byte offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SectionBlock {
    pub range: Range<usize>,
    pub title: Option<Range<usize>>,
    /// 0 for the stretch before the first heading, 1 for top-level headings (`一、`), 2 and 3 below.
    pub level: u8,
    pub first_paragraph: usize,
    pub paragraph_count: usize,
}

/// A header field in byte offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct HeaderBlock {
    pub field: String,
    pub value: Range<usize>,
    pub range: Range<usize>,
}

/// The structure of a document in byte offsets.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Structure {
    pub paragraphs: Vec<Block>,
    pub sections: Vec<SectionBlock>,
    pub header: Vec<HeaderBlock>,
    pub title: Option<Range<usize>>,
    /// Page furniture that is no term of the article (the masthead, bylines, datelines, caption
    /// credits), in document order: keyword counts leave it out.
    pub furniture: Vec<Range<usize>>,
    /// The letters of the whole text by script: the paragraphs' counts summed (what lies between
    /// paragraphs is white space, which holds no letters).
    pub script_counts: ScriptCounts,
}

/// How many paragraphs from the top the header block and title may occupy.
const TOP: usize = 12;

struct Cues {
    labels: FxHashMap<String, String>,
    first_words: Vec<String>,
    speech_verbs: Vec<String>,
}

/// The header-field label lists. Without `zh` (the page's light module) only the English one: every
/// Chinese label contains Han characters, and the page never sends that module Han text.
#[cfg(feature = "zh")]
const HEADER_FIELDS: [&str; 2] = [data!("en/header-fields.txt"), data!("zh/header-fields.txt")];
#[cfg(not(feature = "zh"))]
const HEADER_FIELDS: [&str; 1] = [data!("en/header-fields.txt")];

/// The Chinese page furniture lists (data/zh/layout.tsv): byline openers, dateline agencies,
/// caption openers and credits.
#[cfg(feature = "zh")]
#[derive(Default)]
struct Layout {
    bylines: Vec<&'static str>,
    agencies: Vec<&'static str>,
    captions: Vec<&'static str>,
    credits: Vec<&'static str>,
}

#[cfg(feature = "zh")]
static LAYOUT: LazyLock<Layout> = LazyLock::new(|| {
    let mut l = Layout::default();
    for line in data!("zh/layout.tsv").lines().filter(|l| !l.starts_with('#')) {
        match line.split_once('\t') {
            Some(("byline", w)) => l.bylines.push(w.trim()),
            Some(("agency", w)) => l.agencies.push(w.trim()),
            Some(("caption", w)) => l.captions.push(w.trim()),
            Some(("credit", w)) => l.credits.push(w.trim()),
            _ => {}
        }
    }
    // Longest first: 本报记者 before 记者.
    for list in [&mut l.bylines, &mut l.agencies, &mut l.captions, &mut l.credits] {
        crate::text::sort::sort_by(list, |a, b| b.len().cmp(&a.len()));
    }
    l
});

static CUES: LazyLock<Cues> = LazyLock::new(|| {
    let mut labels = FxHashMap::default();
    for data in HEADER_FIELDS {
        for line in data.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
            if let Some((label, field)) = line.split_once('\t') {
                labels.insert(crate::text::case::to_lowercase(label.trim()), field.trim().to_string());
            }
        }
    }
    let mut first_words = Vec::new();
    let mut speech_verbs = Vec::new();
    for line in data!("en/heading-cues.txt").lines().filter(|l| !l.starts_with('#')) {
        match line.split_once(' ') {
            Some(("first", w)) => first_words.push(w.trim().to_string()),
            Some(("verb", w)) => speech_verbs.push(w.trim().to_string()),
            _ => {}
        }
    }
    Cues { labels, first_words, speech_verbs }
});

/// Splits `text` into paragraphs and finds its header block, title, headings and sections.
pub(crate) fn parse_structure(text: &str) -> Structure {
    let mut paragraphs: Vec<Block> = Vec::new();
    let mut open_continuation = false;
    for line in lines(text) {
        let trimmed = trim_range(text, line.clone());
        if trimmed.is_empty() {
            open_continuation = false;
            continue;
        }
        let continues = open_continuation && text[trimmed.clone()].starts_with(|c: char| c.is_lowercase() || c == '(');
        match paragraphs.last_mut() {
            Some(last) if continues => last.range.end = trimmed.end,
            _ => paragraphs.push(Block { range: trimmed.clone(), kind: ParagraphKind::Body, language: Language::Other, section: 0 }),
        }
        open_continuation = text[line.start..line.end].ends_with([' ', '\t']);
    }
    let mut script_counts = ScriptCounts::default();
    for p in &mut paragraphs {
        let counts = ScriptCounts::of(&text[p.range.clone()]);
        p.language = counts.language();
        script_counts += counts;
    }
    let mut structure = Structure { paragraphs, script_counts, ..Default::default() };
    find_header_and_title(text, &mut structure);
    // Bylines, datelines and captions of Chinese pages: the light build reads no Chinese.
    #[cfg(feature = "zh")]
    find_chinese_page_furniture(text, &mut structure);
    let levels = find_headings(text, &mut structure.paragraphs);
    structure.sections = build_sections(&mut structure.paragraphs, &levels);
    structure
}

/// `label：value` or `label:` (value on the next line) with a known label.
fn header_label(s: &str) -> Option<(String, usize)> {
    let colon = s.find([':', '：'])?;
    let label = s[..colon].trim();
    if label.is_empty() || label.chars().count() > 20 {
        return None;
    }
    let field = CUES.labels.get(&crate::text::case::to_lowercase(label))?;
    let value_at = colon + s[colon..].chars().next().map_or(1, char::len_utf8);
    Some((field.clone(), value_at))
}

/// A leading `[People's Daily]` or `【人民日报】` on the first line: (name range, rest start).
fn source_bracket(s: &str) -> Option<(Range<usize>, usize)> {
    let (open, close) = if s.starts_with('[') {
        ('[', ']')
    } else if s.starts_with('【') {
        ('【', '】')
    } else {
        return None;
    };
    let end = s.find(close)?;
    let name = &s[open.len_utf8()..end];
    if name.trim().is_empty() || name.chars().count() > 30 {
        return None;
    }
    Some((open.len_utf8()..end, end + close.len_utf8()))
}

/// A Chinese masthead line, `人民日报 2025年11月05日 第01版` (also `（…）` around the date or the
/// page, a page name after it): the byte ranges (relative to `line`) of the publication, the date
/// and the page.
fn masthead(line: &str) -> Option<(Range<usize>, Range<usize>, Range<usize>)> {
    if line.len() > 120 {
        return None;
    }
    let b = line.as_bytes();
    // The date: four digits, 年, digits, 月, digits, 日 (or 2025-11-05).
    let date_start =
        (0..b.len().saturating_sub(4)).find(|&i| b[i..i + 4].iter().all(u8::is_ascii_digit) && (i == 0 || !b[i - 1].is_ascii_digit()))?;
    let rest = &line[date_start + 4..];
    let date_end = if let Some(r) = rest.strip_prefix('年') {
        let m = r.find('月')?;
        let d = r[m..].find('日')? + m;
        let digits = |s: &str| !s.trim().is_empty() && s.trim().bytes().all(|c| c.is_ascii_digit());
        (digits(&r[..m]) && digits(&r[m + '月'.len_utf8()..d])).then_some(date_start + 4 + '年'.len_utf8() + d + '日'.len_utf8())?
    } else if let [b'-', m1, m2, b'-', d1, d2, ..] = rest.as_bytes()
        && [m1, m2, d1, d2].iter().all(|c| c.is_ascii_digit())
    {
        // 2025-11-05: ten ASCII bytes, so the end is a character boundary whatever follows.
        date_start + 10
    } else {
        return None;
    };
    let page_start = date_end + line[date_end..].find('第')?;
    let after = &line[page_start + '第'.len_utf8()..];
    let digits = after.trim_start().bytes().take_while(u8::is_ascii_digit).count();
    let lead = after.len() - after.trim_start().len();
    if digits == 0 || !after[lead + digits..].trim_start().starts_with('版') {
        return None;
    }
    let page_end = page_start + '第'.len_utf8() + after.find('版')? + '版'.len_utf8();
    let publication = line[..date_start].trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '（' | '(' | '，' | ','));
    let pub_start = publication.len() - publication.trim_start().len();
    if publication.trim().is_empty() || publication.chars().count() > 20 {
        return None;
    }
    Some((pub_start..publication.len(), date_start..date_end, page_start..page_end))
}

/// A byline line (`本报记者 林晓宁 周航`): short, opening with a byline cue, no sentence.
#[cfg(feature = "zh")]
fn byline(line: &str) -> bool {
    line.chars().count() <= 40
        && !line.contains(['。', '，', '：', ':'])
        && LAYOUT.bylines.iter().any(|b| line.starts_with(b) && line.len() > b.len())
}

/// A dateline at the start of a paragraph, `本报北京11月4日电` or `新华社北京11月4日电`: its length.
#[cfg(feature = "zh")]
fn chinese_dateline(para: &str) -> Option<usize> {
    let agency = LAYOUT.agencies.iter().find(|a| para.starts_with(*a))?;
    let head: String = para.chars().take(30).collect();
    let dian = head.find("日电").or_else(|| head.find('电').filter(|&e| head[..e].ends_with(|c: char| c.is_ascii_digit())))?;
    let end = dian + if head[dian..].starts_with("日电") { "日电".len() } else { '电'.len_utf8() };
    // Agency, place and a date (some digit or numeral) in between.
    head[agency.len()..dian].chars().any(|c| c.is_ascii_digit() || matches!(c, '月' | '日')).then_some(end)
}

/// A picture caption: opens with 图为/上图…, or ends with a photographer's credit (`…摄`, `（…摄）`).
#[cfg(feature = "zh")]
fn caption(para: &str) -> bool {
    let end = para.trim_end_matches([')', '）', ' ', '\u{3000}']);
    para.chars().count() <= 200 && (LAYOUT.captions.iter().any(|c| para.starts_with(c)) || LAYOUT.credits.iter().any(|c| end.ends_with(c)))
}

/// Bylines, datelines and captions of a Chinese newspaper page: header fields, caption
/// paragraphs and the furniture keyword counts leave out.
#[cfg(feature = "zh")]
fn find_chinese_page_furniture(text: &str, s: &mut Structure) {
    if LAYOUT.agencies.is_empty() {
        return;
    }
    for i in 0..s.paragraphs.len() {
        let r = s.paragraphs[i].range.clone();
        let para = &text[r.clone()];
        if !para.starts_with(|c: char| crate::text::language::is_han(c)) {
            continue;
        }
        if i < TOP && s.paragraphs[i].kind != ParagraphKind::Title && s.paragraphs[i].kind != ParagraphKind::Header && byline(para) {
            s.paragraphs[i].kind = ParagraphKind::Header;
            let cue = LAYOUT.bylines.iter().find(|b| para.starts_with(*b)).map_or(0, |b| b.len());
            s.header.push(HeaderBlock { field: "author".into(), value: trim_range(text, r.start + cue..r.end), range: r.clone() });
            s.furniture.push(r);
            continue;
        }
        if s.paragraphs[i].kind != ParagraphKind::Body {
            continue;
        }
        if let Some(len) = chinese_dateline(para) {
            let d = r.start..r.start + len;
            s.header.push(HeaderBlock { field: "dateline".into(), value: d.clone(), range: d.clone() });
            s.furniture.push(d);
        } else if caption(para) {
            s.paragraphs[i].kind = ParagraphKind::Caption;
            if let Some(open) = LAYOUT.captions.iter().find(|c| para.starts_with(*c)) {
                s.furniture.push(r.start..r.start + open.len());
            }
            // The credit (本报记者 赵六摄) is furniture; the caption's words are the article's.
            if let Some(cue) = LAYOUT.bylines.iter().filter_map(|b| para.rfind(b)).min() {
                s.furniture.push(r.start + cue..r.end);
            }
        }
    }
    crate::text::sort::sort_by(&mut s.furniture, |a, b| a.start.cmp(&b.start));
    crate::text::sort::sort_by(&mut s.header, |a, b| a.range.start.cmp(&b.range.start));
}

fn find_header_and_title(text: &str, s: &mut Structure) {
    let n = s.paragraphs.len().min(TOP);
    let mut i = 0;
    let mut title_text: Option<String> = None;
    while i < n {
        let r = s.paragraphs[i].range.clone();
        let line = &text[r.clone()];
        if s.title.is_none()
            && let Some((publication, date, page)) = masthead(line)
        {
            s.paragraphs[i].kind = ParagraphKind::Header;
            for (field, v) in [("publication", publication), ("date", date), ("page", page)] {
                let v = r.start + v.start..r.start + v.end;
                s.header.push(HeaderBlock { field: field.into(), value: v.clone(), range: v });
            }
            s.furniture.push(r);
            i += 1;
            continue;
        }
        if let Some((field, value_at)) = header_label(line) {
            s.paragraphs[i].kind = ParagraphKind::Header;
            let value = trim_range(text, r.start + value_at..r.end);
            if value.is_empty()
                && i + 1 < n
                && header_label(&text[s.paragraphs[i + 1].range.clone()]).is_none()
                && is_value_line(&text[s.paragraphs[i + 1].range.clone()])
            {
                let v = s.paragraphs[i + 1].range.clone();
                s.paragraphs[i + 1].kind = ParagraphKind::Header;
                s.header.push(HeaderBlock { field, value: v.clone(), range: r.start..v.end });
                i += 2;
            } else {
                s.header.push(HeaderBlock { field, value, range: r });
                i += 1;
            }
            continue;
        }
        if i == 0 {
            if let Some((name, rest)) = source_bracket(line) {
                let title = trim_range(text, r.start + rest..r.end);
                s.header.push(HeaderBlock {
                    field: "publication".into(),
                    value: r.start + name.start..r.start + name.end,
                    range: r.start..r.start + rest,
                });
                s.paragraphs[0].kind = if title.is_empty() { ParagraphKind::Header } else { ParagraphKind::Title };
                if !title.is_empty() {
                    title_text = Some(text[title.clone()].to_string());
                    s.title = Some(title);
                }
                i += 1;
                continue;
            }
        }
        // A repeated title, or a subtitle (——…) right after the title.
        if let Some(t) = &title_text {
            let same = line == t || (line.chars().count() >= 4 && compact(t).starts_with(&compact(line)));
            let subtitle = s.paragraphs[i - 1].kind == ParagraphKind::Title && line.starts_with(['—', '－', '-']) && is_title_like(line);
            if same || subtitle {
                s.paragraphs[i].kind = ParagraphKind::Title;
                i += 1;
                continue;
            }
            break;
        }
        // The first short line without a full stop, with more text after it, is the title.
        if s.title.is_none() && i + 1 < s.paragraphs.len() && is_title_like(line) {
            s.paragraphs[i].kind = ParagraphKind::Title;
            s.title = Some(r.clone());
            title_text = Some(line.to_string());
            i += 1;
            continue;
        }
        break;
    }
}

fn compact(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A header value on its own line: short, not a sentence.
fn is_value_line(s: &str) -> bool {
    s.chars().count() <= 80 && !s.ends_with(['.', '。', '!', '！', '?', '？']) || s.ends_with(')')
}

/// Short, no sentence-final full stop.
fn is_title_like(s: &str) -> bool {
    let han = s.chars().filter(|&c| crate::text::language::is_han(c)).count();
    let words = s.split_whitespace().count();
    let short = if han * 2 > s.chars().count() { s.chars().count() <= 60 } else { words <= 30 && s.len() <= 250 };
    short && !s.ends_with(['.', '。', ':', '：', ';', '；', ',', '，'])
}

/// Marks heading paragraphs; returns each paragraph's heading level (0: not a heading).
fn find_headings(text: &str, paragraphs: &mut [Block]) -> Vec<u8> {
    let mut levels = vec![0u8; paragraphs.len()];
    for i in 0..paragraphs.len() {
        if paragraphs[i].kind != ParagraphKind::Body {
            continue;
        }
        let s = &text[paragraphs[i].range.clone()];
        let level = chinese_heading(s).or_else(|| numbered_heading(s));
        if let Some(level) = level {
            levels[i] = level;
            continue;
        }
        if i == 0 || i + 1 >= paragraphs.len() || !english_candidate(s) {
            continue;
        }
        let prev = &text[paragraphs[i - 1].range.clone()];
        let next = &text[paragraphs[i + 1].range.clone()];
        let prev_ok = paragraphs[i - 1].kind != ParagraphKind::Body || !prev.ends_with([':', '：', '—', '-', ',', ';']) && levels[i - 1] == 0;
        // Followed by a longer paragraph, or by a short quotation that opens the section and then one.
        let after_next = paragraphs.get(i + 2).map_or("", |p| &text[p.range.clone()]);
        let quote_opens = next.starts_with(['“', '"']) && after_next.len() > s.len();
        let next_ok = (next.len() > s.len() || quote_opens) && !next.starts_with(|c: char| c.is_lowercase()) && !english_candidate(next);
        if prev_ok && next_ok && paragraphs[i - 1].kind == ParagraphKind::Body {
            levels[i] = 1;
        }
    }
    for (p, &l) in paragraphs.iter_mut().zip(&levels) {
        if l > 0 {
            p.kind = ParagraphKind::Heading;
        }
    }
    levels
}

const CN_NUMERALS: &str = "一二三四五六七八九十百零〇";

/// `一、…` (1), `（一）…` (2), `第一，…` (3), short; or `【…】` standing alone (2).
fn chinese_heading(s: &str) -> Option<u8> {
    // Only asked once a numbered opening is found (most paragraphs are long and have none).
    let short = || s.chars().nth(40).is_none() && !s.trim_end_matches(['。', '！', '？', '”']).contains(['。', '！', '？']);
    if s.starts_with('【') && s.ends_with('】') && s.chars().nth(20).is_none() && s.matches('【').count() == 1 {
        return Some(2);
    }
    let numeral_run = |t: &str| t.chars().take_while(|c| CN_NUMERALS.contains(*c)).map(char::len_utf8).sum::<usize>();
    let n = numeral_run(s);
    if n > 0 && n <= 9 && s[n..].starts_with(['、', '．']) {
        return short().then_some(1);
    }
    for open in ['（', '('] {
        if let Some(rest) = s.strip_prefix(open) {
            let n = numeral_run(rest);
            if n > 0 && n <= 9 && rest[n..].starts_with(['）', ')']) {
                return short().then_some(2);
            }
        }
    }
    if let Some(rest) = s.strip_prefix('第') {
        let n = numeral_run(rest);
        if n > 0 && n <= 9 && rest[n..].starts_with(['，', '、', '：', '章', '节', '部']) {
            return short().then_some(3);
        }
    }
    None
}

/// `1. Title`, `2、标题`, `IV. Title`, `Part 2`: short numbered lines that are not sentences.
fn numbered_heading(s: &str) -> Option<u8> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let roman = s.bytes().take_while(|b| b"IVXLC".contains(b)).count();
    let n = if (1..=2).contains(&digits) {
        digits
    } else if (1..=4).contains(&roman) {
        roman
    } else {
        return None;
    };
    let rest = s[n..].strip_prefix(['.', '、', '．', ')'])?;
    if !rest.starts_with(char::is_whitespace) && digits == 0 {
        return None;
    }
    let rest = rest.trim_start();
    let han = rest.chars().filter(|&c| crate::text::language::is_han(c)).count();
    let short = if han > 0 {
        rest.chars().count() <= 30 && !rest.trim_end_matches('。').contains('。')
    } else {
        rest.split_whitespace().count() <= 12 && rest.len() <= 120
    };
    let sentence_like = rest.ends_with(['.', '?', '!']) && rest.split_whitespace().count() > 12;
    (short && !sentence_like && rest.starts_with(|c: char| c.is_uppercase() || crate::text::language::is_han(c))).then_some(if digits > 0 {
        3
    } else {
        1
    })
}

/// A short standalone English statement or slogan that may be a heading.
fn english_candidate(s: &str) -> bool {
    let quoted = (s.starts_with('“') && s.ends_with('”')) || (s.starts_with('"') && s.ends_with('"') && s.len() > 2);
    let inner = if quoted { s.trim_matches(['“', '”', '"']) } else { s };
    let max = if quoted { 10 } else { 20 };
    // Counting stops past the limit, or at a Han character (no English heading has one; the quotes
    // trimmed off are not Han): body paragraphs are long and this runs on every one.
    let Some(words) = words_up_to(inner, max + 1) else { return false };
    if !(2..=max).contains(&words) || inner.contains(['“', '”', '"']) {
        return false;
    }
    if inner.ends_with(['?', ':', ';', ',', '—', '-', '…']) || !inner.starts_with(char::is_uppercase) {
        return false;
    }
    let first = inner.split(|c: char| !c.is_alphanumeric() && c != '\'').next().unwrap_or("");
    if CUES.first_words.iter().any(|w| w == first) {
        return false;
    }
    if inner.split(|c: char| !c.is_alphabetic()).any(|w| CUES.speech_verbs.iter().any(|v| v == w)) {
        return false;
    }
    crate::segment::sentences::split_sentences(inner, 0..inner.len()).len() == 1
}

/// `s.split_whitespace().take(limit).count()`, reading ASCII bytes without decoding them, or
/// `None` if a Han character comes first.
fn words_up_to(s: &str, limit: usize) -> Option<usize> {
    let bytes = s.as_bytes();
    let (mut words, mut in_word, mut i) = (0, false, 0);
    while i < bytes.len() && words < limit {
        let (blank, len) = match bytes[i] {
            b @ 0..=0x7F => (matches!(b, b' ' | b'\t'..=b'\r'), 1),
            _ => {
                let c = s[i..].chars().next().unwrap_or(' ');
                if crate::text::language::is_han(c) {
                    return None;
                }
                (c.is_whitespace(), c.len_utf8())
            }
        };
        if !blank && !in_word {
            words += 1;
        }
        in_word = !blank;
        i += len;
    }
    Some(words)
}

fn build_sections(paragraphs: &mut [Block], levels: &[u8]) -> Vec<SectionBlock> {
    let mut sections: Vec<SectionBlock> = Vec::new();
    for (i, p) in paragraphs.iter_mut().enumerate() {
        if levels[i] > 0 || sections.is_empty() {
            sections.push(SectionBlock {
                range: p.range.clone(),
                title: (levels[i] > 0).then(|| p.range.clone()),
                level: levels[i],
                first_paragraph: i,
                paragraph_count: 0,
            });
        }
        let sec = sections.last_mut().expect("pushed above");
        sec.range.end = p.range.end;
        sec.paragraph_count += 1;
        p.section = sections.len() - 1;
    }
    sections
}

/// Byte ranges of the lines of `text`, without their terminators (`\n`, `\r\n`, lone `\r`,
/// U+2028, U+2029).
pub(crate) fn lines(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || {
        if pos > bytes.len() || (pos == bytes.len() && pos != 0 && !ends_with_break(bytes)) {
            return None;
        }
        let start = pos;
        let mut i = pos;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => {
                    pos = i + 1;
                    return Some(start..i);
                }
                b'\r' => {
                    pos = if bytes.get(i + 1) == Some(&b'\n') { i + 2 } else { i + 1 };
                    return Some(start..i);
                }
                0xE2 if bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)) => {
                    pos = i + 3;
                    return Some(start..i);
                }
                _ => i += 1,
            }
        }
        pos = bytes.len() + 1;
        Some(start..bytes.len())
    })
}

fn ends_with_break(bytes: &[u8]) -> bool {
    matches!(bytes.last(), Some(b'\n' | b'\r' | 0xA8 | 0xA9))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_paragraphs_letter_counts_sum_to_the_whole_texts() {
        let texts = [
            "",
            "\n\n \t\n",
            "One.\n\nTwo words\r\nthree, continued \nlower case (and more)\n",
            "\u{FEFF}【人民日报】标题\n\u{200B}正文 Text mixed 社会 ÉTÉ\n  \u{3000}缩进的段落。\n\nΑθήνα Москва\n",
            "来源：人民日报 2025年11月12日 第04版\r\r\n\u{2028}line\u{2029}end",
        ];
        for text in texts
            .iter()
            .map(|t| t.to_string())
            .chain(std::fs::read_dir("samples").unwrap().map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap()))
        {
            assert_eq!(parse_structure(&text).script_counts, ScriptCounts::of(&text), "{:?}", text.chars().take(20).collect::<String>());
        }
    }

    #[test]
    fn every_chinese_header_label_and_stopword_contains_han() {
        // The light module (no `zh`) leaves both lists out, which changes nothing only because the
        // page sends it no text with a character of www/worker.js's HAN ranges: no entry may lack one.
        let han = |s: &str| s.chars().any(|c| matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x323AF));
        let labels = data!("zh/header-fields.txt").lines().filter_map(|l| l.split_once('\t')).map(|(label, _)| label);
        for word in labels.chain(crate::Stopwords::chinese().words()) {
            assert!(han(word), "{word:?}");
        }
    }

    #[test]
    fn word_count_matches_split_whitespace() {
        for s in ["", " ", "one", " one  two\tthree\x0bfour\u{3000}five\u{a0}six ", "a\u{2028}b\u{85}c", "x y z"] {
            for limit in 0..8 {
                assert_eq!(words_up_to(s, limit), Some(s.split_whitespace().take(limit).count()), "{s:?} {limit}");
            }
        }
        assert_eq!(words_up_to("Party 社会 work", 5), None);
        assert_eq!(words_up_to("one two three 社会", 2), Some(2), "the limit reached first");
    }

    #[test]
    fn every_line_ending_splits_paragraphs() {
        let text = "One.\r\nTwo.\rThree.\nFour.\u{2029}Five.";
        let s = parse_structure(text);
        let got: Vec<&str> = s.paragraphs.iter().map(|p| &text[p.range.clone()]).collect();
        assert_eq!(got, ["One.", "Two.", "Three.", "Four.", "Five."]);
    }

    #[test]
    fn blank_lines_and_padding_are_not_paragraphs() {
        let text = "\n\n  First line  \n\t\n Second\n";
        let s = parse_structure(text);
        let got: Vec<&str> = s.paragraphs.iter().map(|p| &text[p.range.clone()]).collect();
        assert_eq!(got, ["First line", "Second"]);
        assert_eq!(s.sections.len(), 1);
        assert_eq!(s.sections[0].paragraph_count, 2);
    }
}
