//! Token access for the English patterns: lower-cased words, numbers that are not parts of larger
//! numbers, number words, ordinals, month and weekday names with their capitalisation rules.

use super::lexicon::{Lexicon, NumKind};
use super::resolve::Frame;
use super::scan::{Kind, Tok};

/// A count as written: a number, or an unspecified one ("several", "a few").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Count {
    N(u32),
    X,
}

/// The tokens of one paragraph and what the patterns need to read them.
pub(crate) struct Cursor<'a> {
    pub text: &'a str,
    /// `text[base..]` lower-cased (ASCII), so byte offsets line up.
    pub lower: &'a str,
    pub base: usize,
    pub toks: &'a [Tok],
    pub lx: &'a Lexicon,
    pub frame: Frame,
}

impl<'a> Cursor<'a> {
    /// The lower-case text of token `i` (typographic apostrophes as `'`). These accessors run for
    /// every token the rules look at: inlined, as the native build does on its own (a call each in
    /// wasm otherwise).
    #[inline]
    pub fn w(&self, i: usize) -> Option<&'a str> {
        let t = self.toks.get(i)?;
        let s = &self.lower[t.start - self.base..t.end - self.base];
        Some(if s == "\u{2019}" || s == "\u{2018}" { "'" } else { s })
    }

    #[inline]
    pub fn is(&self, i: usize, s: &str) -> bool {
        self.w(i) == Some(s)
    }

    #[inline]
    pub fn is_any(&self, i: usize, list: &[&str]) -> bool {
        self.w(i).is_some_and(|w| list.contains(&w))
    }

    #[inline]
    pub fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    #[inline]
    pub fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.glued)
    }

    /// Whether token `i` starts with a capital letter.
    #[inline]
    pub fn cap(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| self.text[t.start..].starts_with(|c: char| c.is_uppercase()))
    }

    #[inline]
    pub fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Word)
    }

    /// A digit run standing alone (not inside `2,500` or `1.35`), with its digit count.
    pub fn int(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.toks.get(i)?;
        if t.kind != Kind::Num || t.end - t.start > 9 {
            return None;
        }
        let sep = |j: usize| self.is_any(j, &[",", "."]);
        if i >= 2 && t.glued && sep(i - 1) && self.glued(i - 1) && self.kind(i - 2) == Some(Kind::Num) {
            return None;
        }
        if sep(i + 1) && self.glued(i + 1) && self.kind(i + 2) == Some(Kind::Num) && self.glued(i + 2) {
            return None;
        }
        if i >= 1 && t.glued && self.is_any(i - 1, &["$", "£", "€", "¥", "#"]) {
            return None;
        }
        Some((self.w(i)?.parse().ok()?, t.end - t.start))
    }

    /// A count: digits, number words ("twenty-four"), "a"/"an" when `article`, "several", "a few".
    pub fn count(&self, i: usize, article: bool) -> Option<(Count, usize)> {
        if let Some((n, _)) = self.int(i) {
            return Some((Count::N(n), i + 1));
        }
        let w = self.w(i)?;
        match w {
            "a" | "an" if article => {
                if self.is(i + 1, "few") {
                    return Some((Count::X, i + 2));
                }
                if self.is(i + 1, "couple") && self.is(i + 2, "of") {
                    return Some((Count::N(2), i + 3));
                }
                return Some((Count::N(1), i + 1));
            }
            "several" | "few" | "many" | "some" | "numerous" => return Some((Count::X, i + 1)),
            _ => {}
        }
        let (v, kind) = *self.lx.numbers.get(w)?;
        match kind {
            NumKind::Unit => Some((Count::N(v), i + 1)),
            NumKind::Ten => {
                let j = if self.is(i + 1, "-") && self.glued(i + 1) { i + 2 } else { i + 1 };
                match self.w(j).and_then(|u| self.lx.numbers.get(u)) {
                    Some(&(u, NumKind::Unit)) if (1..10).contains(&u) => Some((Count::N(v + u), j + 1)),
                    _ => Some((Count::N(v), i + 1)),
                }
            }
            _ => None,
        }
    }

    /// An ordinal: `3rd`, `21st`, `third`, `twenty-first`, with its value.
    pub fn ordinal(&self, i: usize) -> Option<(u32, usize)> {
        if let Some((n, _)) = self.int(i) {
            if self.glued(i + 1) && self.is_any(i + 1, &["st", "nd", "rd", "th"]) {
                return Some((n, i + 2));
            }
            return None;
        }
        let (v, kind) = *self.lx.numbers.get(self.w(i)?)?;
        match kind {
            NumKind::Ord | NumKind::OrdTen => Some((v, i + 1)),
            NumKind::Ten => {
                let j = if self.is(i + 1, "-") { i + 2 } else { i + 1 };
                match self.w(j).and_then(|u| self.lx.numbers.get(u)) {
                    Some(&(u, NumKind::Ord)) if u < 10 => Some((v + u, j + 1)),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// A day of the month: `5`, `05`, `5th`, `fifth`.
    pub fn day(&self, i: usize) -> Option<(u32, usize)> {
        let (d, end) = match self.int(i) {
            Some((d, n)) if n <= 2 => {
                if self.glued(i + 1) && self.is_any(i + 1, &["st", "nd", "rd", "th"]) {
                    (d, i + 2)
                } else {
                    (d, i + 1)
                }
            }
            Some(_) => return None,
            None => self.ordinal(i)?,
        };
        if self.is(end, ":") && self.glued(end) {
            return None;
        }
        (1..=31).contains(&d).then_some((d, end))
    }

    /// A four-digit year 1000–2199 that is not a count, a page or a code.
    pub fn year(&self, i: usize) -> Option<(i32, usize)> {
        let (y, n) = self.int(i)?;
        if n != 4 || !(1000..=2199).contains(&y) {
            return None;
        }
        if i > 0 && self.w(i - 1).is_some_and(|p| self.lx.not_year_before.contains(p)) {
            return None;
        }
        if self.w(i + 1).is_some_and(|p| self.lx.not_year_after.contains(p)) {
            return None;
        }
        if self.glued(i + 1) && (self.is_any(i + 1, &["%", ":"]) || self.is_word(i + 1) && !self.is(i + 1, "s")) {
            return None;
        }
        Some((y as i32, i + 1))
    }

    /// A month name: full names need a capital; abbreviations a capital and a period or a number after.
    pub fn month(&self, i: usize) -> Option<(u32, usize)> {
        let &(m, abbr) = self.lx.months.get(self.w(i)?)?;
        if !self.cap(i) {
            return None;
        }
        if abbr {
            if self.is(i + 1, ".") && self.glued(i + 1) {
                return Some((m, i + 2));
            }
            return self.int(i + 1).is_some().then_some((m, i + 1));
        }
        Some((m, i + 1))
    }

    /// A weekday name (capitalised; abbreviations only with a period).
    pub fn weekday(&self, i: usize) -> Option<(u32, usize)> {
        let &(d, abbr) = self.lx.weekdays.get(self.w(i)?)?;
        if !self.cap(i) {
            return None;
        }
        if abbr {
            return (self.is(i + 1, ".") && self.glued(i + 1)).then_some((d, i + 2));
        }
        Some((d, i + 1))
    }

    /// A unit word and its code, and whether it was plural.
    pub fn unit(&self, i: usize) -> Option<(&'a str, bool)> {
        let lx: &'a Lexicon = self.lx;
        let w = self.w(i)?;
        let code = lx.units.get(w)?;
        let plural = (w.ends_with('s') && !matches!(w, "hrs" | "yrs" | "mins")) || w == "centuries";
        Some((code.as_str(), plural))
    }
}
