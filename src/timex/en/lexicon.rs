//! The English word lists of the tagger, read from `data/en/timex/*.txt` (one file per concept, each
//! with SOURCE and FORMAT headers) and the shared festival table `data/holidays/festivals.tsv`.

use std::sync::LazyLock;

// Fx hashing: the keys are short lexicon words from our own data.
use rustc_hash::{FxHashMap as Map, FxHashSet as Set};

use super::super::Date;
use super::super::festivals::{self, Festival};
use super::scan::scan;

/// The text of every English data file; [`Lexicon::new`] accepts other text so tests can pass tiny lists.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Sources<'a> {
    pub months: &'a str,
    pub ambiguous_months: &'a str,
    pub month_cues: &'a str,
    pub weekdays: &'a str,
    pub numbers: &'a str,
    pub units: &'a str,
    pub seasons: &'a str,
    pub parts_of_day: &'a str,
    pub holidays: &'a str,
    pub deictic: &'a str,
    pub modifiers: &'a str,
    pub idioms: &'a str,
    pub not_year: &'a str,
    pub after_the: &'a str,
    pub after_season: &'a str,
    pub article_before: &'a str,
    pub time_zones: &'a str,
    pub anaphoric: &'a str,
    pub approximate: &'a str,
}

/// The embedded data files.
pub(crate) const EMBEDDED: Sources<'static> = Sources {
    months: data!("en/timex/months.txt"),
    ambiguous_months: data!("en/timex/ambiguous_months.txt"),
    month_cues: data!("en/timex/month_cues.txt"),
    weekdays: data!("en/timex/weekdays.txt"),
    numbers: data!("en/timex/numbers.txt"),
    units: data!("en/timex/units.txt"),
    seasons: data!("en/timex/seasons.txt"),
    parts_of_day: data!("en/timex/parts_of_day.txt"),
    holidays: data!("en/timex/holidays.txt"),
    deictic: data!("en/timex/deictic.txt"),
    modifiers: data!("en/timex/modifiers.txt"),
    idioms: data!("en/timex/idioms.txt"),
    not_year: data!("en/timex/not_year.txt"),
    after_the: data!("en/timex/after_the.txt"),
    after_season: data!("en/timex/after_season.txt"),
    article_before: data!("en/timex/article_before.txt"),
    time_zones: data!("en/timex/time_zones.txt"),
    anaphoric: data!("en/timex/anaphoric.txt"),
    approximate: data!("en/timex/approximate.txt"),
};

/// The lexicon built from [`EMBEDDED`].
pub(crate) static ENGLISH: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(&EMBEDDED, festivals::festivals()));

/// How a number word combines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NumKind {
    Unit,
    Ten,
    Ord,
    OrdTen,
    Mult,
}

/// How a holiday's date is found in a year.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Holiday {
    /// From the shared festival table (lunisolar ones via the Chinese calendar).
    Festival(&'static Festival),
    /// Fixed month and day.
    Fixed(u32, u32),
    /// The n-th (−1 = last) ISO weekday of a month.
    Nth(i32, u32, u32),
    /// Days after Western Easter Sunday.
    Easter(i64),
}

impl Holiday {
    /// Its date in `year`.
    pub fn date(&self, year: i32) -> Option<Date> {
        match *self {
            Holiday::Festival(f) => f.date(year),
            Holiday::Fixed(m, d) => Date::new(year, m, d),
            Holiday::Nth(n, weekday, month) => {
                let first = Date::new(year, month, 1)?;
                let offset = (weekday + 7 - first.weekday()) % 7;
                if n > 0 {
                    Date::new(year, month, 1 + offset + 7 * (n as u32 - 1))
                } else {
                    let last = Date::new(year, month, super::super::days_in_month(year, month))?;
                    Some(last.add_days(-(((last.weekday() + 7 - weekday) % 7) as i64)))
                }
            }
            Holiday::Easter(days) => easter(year).map(|d| d.add_days(days)),
        }
    }

    /// Whether its Gregorian date is the same every year.
    pub fn is_fixed(&self) -> bool {
        match self {
            Holiday::Festival(f) => f.fixed_month_day().is_some(),
            Holiday::Fixed(..) => true,
            _ => false,
        }
    }
}

/// Western Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher).
pub(crate) fn easter(year: i32) -> Option<Date> {
    if year < 1583 {
        return None;
    }
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(year, month as u32, day as u32)
}

/// Multi-word phrases matched token by token, indexed by their first word.
#[derive(Debug, Clone)]
pub(crate) struct Phrases<V> {
    entries: Vec<(Vec<String>, V)>,
    by_first: Map<String, Vec<usize>>,
}

impl<V> Default for Phrases<V> {
    fn default() -> Self {
        Phrases { entries: Vec::new(), by_first: Map::default() }
    }
}

impl<V> Phrases<V> {
    /// Adds `phrase` (split like text is) with `value`.
    pub fn add(&mut self, phrase: &str, value: V) {
        let lower = normalize(phrase);
        let words: Vec<String> = scan(&lower, 0..lower.len()).iter().map(|t| lower[t.start..t.end].to_string()).collect();
        if let Some(first) = words.first() {
            self.by_first.entry(first.clone()).or_default().push(self.entries.len());
            self.entries.push((words, value));
        }
    }

    /// The longest phrase starting at token `i`: its value and the token index after it.
    pub fn longest<'w>(&self, words: &dyn Fn(usize) -> Option<&'w str>, i: usize) -> Option<(&V, usize)> {
        let first = words(i)?;
        let mut best: Option<(&V, usize)> = None;
        for &e in self.by_first.get(first)? {
            let (ws, v) = &self.entries[e];
            if ws.iter().enumerate().all(|(k, w)| words(i + k) == Some(w.as_str())) && best.is_none_or(|(_, end)| i + ws.len() > end) {
                best = Some((v, i + ws.len()));
            }
        }
        best
    }
}

/// Lower case, with typographic apostrophes made plain.
pub(crate) fn normalize(s: &str) -> String {
    s.chars().map(|c| if c == '\u{2019}' { '\'' } else { c.to_ascii_lowercase() }).collect()
}

/// Every English word list the tagger uses.
#[derive(Debug, Clone, Default)]
pub(crate) struct Lexicon {
    /// Month names → (number, is an abbreviation).
    pub months: Map<String, (u32, bool)>,
    pub ambiguous_months: Set<String>,
    pub month_cues: Set<String>,
    /// Weekday names → (ISO number, is an abbreviation).
    pub weekdays: Map<String, (u32, bool)>,
    pub numbers: Map<String, (u32, NumKind)>,
    /// Unit words → code (Y, M, W, D, H, MIN, S, DE, CE, Q, WE).
    pub units: Map<String, String>,
    /// Season words → (code, needs a strong cue).
    pub seasons: Map<String, (String, bool)>,
    pub parts_of_day: Map<String, String>,
    pub holidays: Phrases<Holiday>,
    pub deictic: Phrases<String>,
    pub modifiers: Phrases<String>,
    pub idioms: Phrases<()>,
    pub not_year_before: Set<String>,
    pub not_year_after: Set<String>,
    /// Words that continue "the …" in an expression but cannot begin one ("the same day").
    pub after_the: Set<String>,
    /// Words that may follow a season used as a time ("in the spring the army…") rather than as a
    /// modifier ("the autumn breeze").
    pub after_season: Set<String>,
    /// Words before "a"/"an" and a unit that make it a duration of one unit ("for a year").
    pub article_before: Set<String>,
    /// Time-zone abbreviations read after a clock time ("3pm EST").
    pub time_zones: Set<String>,
    /// Words that count an expression from the last date mentioned ("the following year").
    pub anaphoric: Set<String>,
    /// Words just before a date that make it approximate ("about 2000").
    pub approximate: Set<String>,
    /// Every word that can begin an expression (or an idiom): tokens not in it are skipped at
    /// once, which keeps the tagger fast on ordinary prose. The flag says whether the word can
    /// begin a pattern other than a phrase of `holidays` or `deictic` ("the", "last", month and
    /// number words…); words that only begin phrases ("in", "at", "early") try just those two.
    pub starters: Map<String, bool>,
}

fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim_end).filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

impl Lexicon {
    /// Builds the lexicon from data file texts and festival table entries.
    pub fn new(src: &Sources, festivals: &'static [Festival]) -> Lexicon {
        let mut lx = Lexicon::default();
        let named = |text: &str, out: &mut Map<String, (u32, bool)>| {
            for l in lines(text) {
                let mut it = l.split_whitespace();
                let Some(n) = it.next().and_then(|n| n.parse().ok()) else { continue };
                for (k, name) in it.enumerate() {
                    out.insert(name.to_string(), (n, k > 0));
                }
            }
        };
        named(src.months, &mut lx.months);
        named(src.weekdays, &mut lx.weekdays);
        lx.ambiguous_months = lines(src.ambiguous_months).map(|l| l.trim().to_string()).collect();
        lx.month_cues = lines(src.month_cues).map(|l| l.trim().to_string()).collect();
        for l in lines(src.numbers) {
            let f: Vec<&str> = l.split_whitespace().collect();
            let [w, v, k] = f.as_slice() else { continue };
            let kind = match *k {
                "unit" => NumKind::Unit,
                "ten" => NumKind::Ten,
                "ord" => NumKind::Ord,
                "ordten" => NumKind::OrdTen,
                "mult" => NumKind::Mult,
                _ => continue,
            };
            if let Ok(v) = v.parse() {
                lx.numbers.insert(w.to_string(), (v, kind));
            }
        }
        for l in lines(src.units) {
            let mut it = l.split_whitespace();
            let Some(code) = it.next() else { continue };
            for w in it {
                lx.units.insert(w.to_string(), code.to_string());
            }
        }
        for l in lines(src.seasons) {
            let mut it = l.split_whitespace();
            let Some(code) = it.next() else { continue };
            for w in it {
                let ambiguous = w.ends_with('*');
                lx.seasons.insert(w.trim_end_matches('*').to_string(), (code.to_string(), ambiguous));
            }
        }
        for l in lines(src.parts_of_day) {
            let mut it = l.split_whitespace();
            let Some(code) = it.next() else { continue };
            for w in it {
                lx.parts_of_day.insert(w.to_string(), code.to_string());
            }
        }
        for f in festivals {
            for name in &f.english {
                lx.holidays.add(name, Holiday::Festival(f));
            }
        }
        for l in lines(src.holidays) {
            let Some((rule, names)) = l.split_once('\t') else { continue };
            let Some(h) = parse_holiday_rule(rule.trim()) else { continue };
            for name in names.split('|').map(str::trim).filter(|n| !n.is_empty()) {
                lx.holidays.add(name, h);
            }
        }
        for l in lines(src.deictic) {
            if let Some((v, p)) = l.split_once('\t') {
                lx.deictic.add(p.trim(), v.trim().to_string());
            }
        }
        for l in lines(src.modifiers) {
            if let Some((v, p)) = l.split_once('\t') {
                lx.modifiers.add(p.trim(), v.trim().to_string());
            }
        }
        for l in lines(src.idioms) {
            lx.idioms.add(l.trim(), ());
        }
        for l in lines(src.not_year) {
            match l.split_once('\t') {
                Some(("before", w)) => drop(lx.not_year_before.insert(w.trim().to_string())),
                Some(("after", w)) => drop(lx.not_year_after.insert(w.trim().to_string())),
                _ => {}
            }
        }
        lx.after_the = lines(src.after_the).map(|l| l.trim().to_string()).collect();
        lx.after_season = lines(src.after_season).map(|l| l.trim().to_string()).collect();
        lx.article_before = lines(src.article_before).map(|l| l.trim().to_string()).collect();
        lx.time_zones = lines(src.time_zones).map(|l| l.trim().to_string()).collect();
        lx.anaphoric = lines(src.anaphoric).map(|l| l.trim().to_string()).collect();
        lx.approximate = lines(src.approximate).map(|l| l.trim().to_string()).collect();
        let mut starters: Map<String, bool> = [
            "the", "a", "an", "last", "this", "next", "past", "coming", "current", "that", "every", "each", "annually", "yearly", "daily", "nightly",
            "weekly", "monthly", "hourly", "per", "fiscal", "year", "q", "bc", "bce", "ad", "ce", "b", "several", "few", "many", "some", "numerous",
            "noon", "midday", "midnight", "'",
        ]
        .iter()
        .map(|w| (w.to_string(), true))
        .collect();
        let core = |w: &String| (w.clone(), true);
        starters.extend(lx.months.keys().map(core));
        starters.extend(lx.weekdays.keys().flat_map(|w| [(w.clone(), true), (format!("{w}s"), true)]));
        starters.extend(lx.numbers.keys().map(core));
        starters.extend(lx.units.keys().map(core));
        starters.extend(lx.seasons.keys().map(core));
        starters.extend(lx.parts_of_day.keys().map(core));
        for phrases in [&lx.holidays.by_first, &lx.deictic.by_first, &lx.modifiers.by_first, &lx.idioms.by_first] {
            for w in phrases.keys() {
                starters.entry(w.clone()).or_insert(false);
            }
        }
        lx.starters = starters;
        lx
    }
}

fn parse_holiday_rule(rule: &str) -> Option<Holiday> {
    if let Some(v) = rule.strip_prefix("nth:") {
        let f: Vec<&str> = v.split(':').collect();
        let [n, w, m] = f.as_slice() else { return None };
        return Some(Holiday::Nth(n.parse().ok()?, w.parse().ok()?, m.parse().ok()?));
    }
    if let Some(v) = rule.strip_prefix("easter:") {
        return Some(Holiday::Easter(v.trim_start_matches('+').parse().ok()?));
    }
    let (m, d) = rule.split_once('-')?;
    let (m, d) = (m.parse().ok()?, d.parse().ok()?);
    Date::new(2000, m, d).map(|_| Holiday::Fixed(m, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lists_load() {
        let lx = &*ENGLISH;
        assert_eq!(lx.months.get("sept"), Some(&(9, true)));
        assert_eq!(lx.weekdays.get("sunday"), Some(&(7, false)));
        assert_eq!(lx.units.get("decades").map(String::as_str), Some("DE"));
        assert_eq!(lx.seasons.get("fall"), Some(&("FA".to_string(), true)));
        assert!(lx.not_year_before.contains("page"));
    }

    #[test]
    fn holiday_rules() {
        assert_eq!(easter(2024).unwrap().iso(), "2024-03-31");
        assert_eq!(easter(2025).unwrap().iso(), "2025-04-20");
        assert_eq!(Holiday::Nth(4, 4, 11).date(2025).unwrap().iso(), "2025-11-27");
        assert_eq!(Holiday::Nth(-1, 1, 5).date(2025).unwrap().iso(), "2025-05-26");
    }

    #[test]
    fn tiny_lists_and_longest_phrase() {
        let src = Sources { deictic: "PRESENT_REF\tnow\nPRESENT_REF\tright now\n", ..EMPTY };
        let lx = Lexicon::new(&src, &[]);
        let words = ["right", "now", "!"];
        let get = |i: usize| words.get(i).copied();
        assert_eq!(lx.deictic.longest(&get, 0).map(|(v, e)| (v.as_str(), e)), Some(("PRESENT_REF", 2)));
        assert!(lx.months.is_empty());
    }

    const EMPTY: Sources<'static> = Sources {
        months: "",
        ambiguous_months: "",
        month_cues: "",
        weekdays: "",
        numbers: "",
        units: "",
        seasons: "",
        parts_of_day: "",
        holidays: "",
        deictic: "",
        modifiers: "",
        idioms: "",
        not_year: "",
        after_the: "",
        after_season: "",
        article_before: "",
        time_zones: "",
        anaphoric: "",
        approximate: "",
    };
}
