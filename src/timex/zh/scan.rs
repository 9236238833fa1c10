//! The scanner over a paragraph's characters: literals, numbers, the narrative anchor, and the
//! longest expression at each position.

use std::cell::Cell;

use super::lexicon::{Deictic, Lexicon, arabic_digit};
use super::numerals::{Num, parse_number};
use super::resolve::When;
use crate::TimexType;
use crate::timex::Date;
use crate::timex::date::nearest_year_of;

/// A tagged expression, in character indices.
#[derive(Debug, Clone)]
pub(super) struct Found {
    pub(super) end: usize,
    pub(super) ty: TimexType,
    pub(super) value: String,
    pub(super) end_value: Option<String>,
    pub(super) relative: bool,
    /// The date to remember for later anchoring.
    pub(super) anchor: Option<When>,
}

pub(super) struct Scanner<'a> {
    pub(super) lex: &'a Lexicon,
    pub(super) chars: &'a [char],
    pub(super) reference: Option<Date>,
    /// The last date mentioned (for narrative anchoring).
    pub(super) last: Option<When>,
    /// The numbers read lately, by position (`NO_POSITION`: empty): every pattern of the grammar
    /// starts by reading the number at the same position, so each is read once.
    numbers: [Cell<(usize, Option<Num>)>; NUMBER_SLOTS],
    /// The deictic word at a position (asked once for each unit), remembered likewise.
    deictic_word: Cell<(usize, Option<(&'a Deictic, usize)>)>,
}

const NUMBER_SLOTS: usize = 8;
const NO_POSITION: usize = usize::MAX;

/// How many characters before and after a date [`Scanner::future_clause`] looks for a future cue.
const CLAUSE_REACH: usize = 16;

pub(super) fn is_cjk(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c)
}

impl<'a> Scanner<'a> {
    pub(super) fn new(lex: &'a Lexicon, chars: &'a [char], reference: Option<Date>) -> Self {
        Scanner {
            lex,
            chars,
            reference,
            last: None,
            numbers: std::array::from_fn(|_| Cell::new((NO_POSITION, None))),
            deictic_word: Cell::new((NO_POSITION, None)),
        }
    }

    /// [`parse_number`] at `i`, remembered.
    pub(super) fn number(&self, i: usize) -> Option<Num> {
        let slot = &self.numbers[i % NUMBER_SLOTS];
        let (at, n) = slot.get();
        if at == i {
            return n;
        }
        let n = parse_number(self.chars, i, &self.lex.numerals);
        slot.set((i, n));
        n
    }

    /// `lex.relative.at(chars, i)`, remembered.
    pub(super) fn deictic_word(&self, i: usize) -> Option<(&'a Deictic, usize)> {
        let (at, w) = self.deictic_word.get();
        if at == i {
            return w;
        }
        let w = self.lex.relative.at(self.chars, i);
        self.deictic_word.set((i, w));
        w
    }

    pub(super) fn at(&self, i: usize) -> Option<char> {
        self.chars.get(i).copied()
    }

    pub(super) fn lit(&self, i: usize, s: &str) -> Option<usize> {
        let mut j = i;
        for c in s.chars() {
            if self.at(j)? != c {
                return None;
            }
            j += 1;
        }
        Some(j)
    }

    pub(super) fn any_lit(&self, i: usize, words: &[String]) -> Option<usize> {
        words.iter().find_map(|w| self.lit(i, w))
    }

    pub(super) fn skip_spaces(&self, mut i: usize) -> usize {
        while matches!(self.at(i), Some(' ' | '\u{3000}' | '\u{a0}')) {
            i += 1;
        }
        i
    }

    pub(super) fn num(&self, i: usize) -> Option<Num> {
        if i > 0 && self.at(i - 1) == Some('第') {
            return None;
        }
        let n = self.number(i)?;
        // 2.37亿, 2,500: part of a decimal or grouped number.
        if n.arabic && matches!(self.at(n.end), Some('.' | ',' | '，' | '．')) && self.at(n.end + 1).and_then(arabic_digit).is_some() {
            return None;
        }
        if i > 0 && matches!(self.at(i - 1), Some('.' | '．')) && n.arabic {
            return None;
        }
        Some(n)
    }

    /// The last date mentioned, unless it lies after the reference year (2035年 is a target, not the
    /// story's time: 11月5日 after it still belongs to the reference year).
    pub(super) fn narrative(&self) -> Option<When> {
        self.last.filter(|l| match (l.year, self.reference) {
            (Some(y), Some(r)) => y <= r.year,
            _ => true,
        })
    }

    /// The year to give a date written without one: the last date's, else the reference's.
    pub(super) fn context_year(&self, w: &mut When) {
        self.context_year_or(w, |r| r.year);
    }

    /// The year to give a month, day or festival written without one, found at `from..to`: the
    /// last date's, else the reference date's nearest occurrence (`span(year)`: its first and last
    /// day in a year), the coming one when the clause speaks of the future. 春节前，工厂将放假 in
    /// an August article is the next Spring Festival; 12月31日电 in a January paper, last December.
    pub(super) fn context_year_near(&self, w: &mut When, from: usize, to: usize, span: impl Fn(i32) -> Option<(Date, Date)>) {
        self.context_year_or(w, |r| nearest_year_of(r, self.future_clause(from, to), span));
    }

    /// The last date's year, else `from_reference` of the reference date, for a date without one.
    fn context_year_or(&self, w: &mut When, from_reference: impl FnOnce(Date) -> i32) {
        if w.year.is_some() {
            return;
        }
        if let Some(y) = self.narrative().and_then(|l| l.year) {
            w.year = Some(y);
            w.relative = true;
        } else if let Some(r) = self.reference {
            w.year = Some(from_reference(r));
            w.relative = true;
        }
    }

    /// Whether a future cue (`data/zh/timex/future_cues.txt`) stands within [`CLAUSE_REACH`]
    /// characters before `from` or after `to`, in the same sentence: Chinese puts the time before
    /// the verb (春节前，工厂将放假) and the cue as often before the date (将于3月5日召开).
    fn future_clause(&self, from: usize, to: usize) -> bool {
        let ends = |k: &usize| matches!(self.chars[*k], '。' | '！' | '？' | '；' | '!' | '?' | ';' | '\n');
        let n = self.chars.len();
        let (from, to) = (from.min(n), to.min(n));
        let before = (from.saturating_sub(CLAUSE_REACH)..from).rev().find(ends).map_or(from.saturating_sub(CLAUSE_REACH), |k| k + 1);
        let after = (to..(to + CLAUSE_REACH).min(n)).find(ends).unwrap_or((to + CLAUSE_REACH).min(n));
        let cue_within = |window: std::ops::Range<usize>| {
            let end = window.end;
            window.into_iter().any(|k| self.lex.future_cues.at(self.chars, k).is_some_and(|(_, e)| e <= end))
        };
        cue_within(before..from) || cue_within(to..after)
    }

    pub(super) fn context_month(&self, w: &mut When) {
        if w.month.is_some() {
            return;
        }
        if let Some(l) = self.narrative().filter(|l| l.month.is_some() && l.year.is_some()) {
            w.year = l.year;
            w.month = l.month;
            w.relative = true;
        } else if let Some(r) = self.reference {
            w.year = Some(r.year);
            w.month = Some(r.month);
            w.relative = true;
        }
    }

    /// The longest expression starting at `i` (earlier kinds win ties).
    pub(super) fn best(&self, i: usize) -> Option<Found> {
        let digit = self.at(i).is_some_and(|c| arabic_digit(c).is_some());
        // Tried one at a time, in this order, rather than gathered first: a `Found` is large and
        // most positions find nothing.
        let mut best: Option<Found> = None;
        let mut consider = |c: Option<Found>| {
            if let Some(c) = c
                && c.end > i
                && best.as_ref().is_none_or(|b| c.end > b.end)
            {
                best = Some(c);
            }
        };
        consider(if self.at(i) == Some('每') { self.set(i) } else { None });
        consider(if digit { self.bare_year_range(i) } else { None });
        consider(self.date_expr(i));
        consider(self.year_part(i));
        consider(self.relative_quarter(i));
        consider(self.duration(i));
        consider(self.time_expr(i));
        consider(self.reference_word(i));
        best
    }
}
