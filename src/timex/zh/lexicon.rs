//! The word lists of the Chinese tagger, read from `data/zh/timex/*.tsv` (one file per concept).

use std::sync::LazyLock;

use crate::text::char_bits::CharBits;
use crate::timex::festivals::{self, Festival};

/// Unit of a deictic word (去年 = year −1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unit {
    Year,
    Month,
    Week,
    Day,
}

/// A set of characters as 256 bits indexed by the low byte of the code point: a clear bit means
/// "not in the set" for sure, a set bit "maybe" (then the exact lookup decides). The scanner asks
/// every list at most positions of a paragraph, and most characters start no word of it. Not a
/// `CharBits` (exact, 8 KB): a dozen word lists and the numerals each have one, over a handful of
/// characters, and at 32 bytes each they stay in cache together.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct CharFilter([u64; 4]);

impl CharFilter {
    fn insert(&mut self, c: char) {
        let b = c as u32 & 255;
        self.0[(b >> 6) as usize] |= 1 << (b & 63);
    }

    /// False when `c` is certainly not in the set.
    #[inline]
    pub fn may_contain(&self, c: char) -> bool {
        let b = c as u32 & 255;
        self.0[(b >> 6) as usize] >> (b & 63) & 1 != 0
    }
}

/// A list of words, each with data, matched longest first.
#[derive(Debug, Clone)]
pub(super) struct WordList<T> {
    /// Sorted by first character, then longest first.
    words: Vec<(Vec<char>, T)>,
    /// Each first character with the range of `words` that start with it (binary-searched).
    firsts: Vec<(char, usize, usize)>,
    /// The first characters, for a quick "no word starts here".
    filter: CharFilter,
}

impl<T> WordList<T> {
    fn new(mut words: Vec<(Vec<char>, T)>) -> Self {
        words.retain(|(w, _)| !w.is_empty());
        crate::text::sort::sort_by(&mut words, |a, b| a.0[0].cmp(&b.0[0]).then(b.0.len().cmp(&a.0.len())));
        let mut firsts: Vec<(char, usize, usize)> = Vec::new();
        let mut filter = CharFilter::default();
        for (k, (w, _)) in words.iter().enumerate() {
            filter.insert(w[0]);
            match firsts.last_mut() {
                Some(last) if last.0 == w[0] => last.2 = k + 1,
                _ => firsts.push((w[0], k, k + 1)),
            }
        }
        WordList { words, firsts, filter }
    }

    /// The longest word of the list starting at `i`, with its data and end index.
    #[inline]
    pub fn at(&self, chars: &[char], i: usize) -> Option<(&T, usize)> {
        let first = *chars.get(i)?;
        if !self.filter.may_contain(first) {
            return None;
        }
        self.at_slow(chars, i, first)
    }

    fn at_slow(&self, chars: &[char], i: usize, first: char) -> Option<(&T, usize)> {
        let rest = &chars[i..];
        let k = self.firsts.binary_search_by(|f| f.0.cmp(&first)).ok()?;
        let (_, a, b) = self.firsts[k];
        // Words are a few characters long: compared in place rather than through memcmp.
        self.words[a..b].iter().find(|(w, _)| w.len() <= rest.len() && w.iter().zip(rest).all(|(x, y)| x == y)).map(|(w, t)| (t, i + w.len()))
    }

    /// The first two characters of every word (the second `None` for a one-character word), for
    /// building the filter of what can start a match.
    pub fn leads(&self) -> impl Iterator<Item = (char, Option<char>)> + '_ {
        self.words.iter().filter_map(|(w, _)| Some((*w.first()?, w.get(1).copied())))
    }
}

/// Raw text of each list, so tests can pass tiny ones.
#[derive(Debug, Clone, Copy)]
pub(super) struct Sources<'a> {
    pub numerals: &'a str,
    pub relative: &'a str,
    pub references: &'a str,
    pub units: &'a str,
    pub weekdays: &'a str,
    pub day_parts: &'a str,
    pub seasons: &'a str,
    pub modifiers: &'a str,
    pub not_dates: &'a str,
    pub reign_eras: &'a str,
    pub particles: &'a str,
    pub connectors: &'a str,
    pub relative_quarters: &'a str,
    pub future_cues: &'a str,
}

/// The embedded lists.
pub(super) const EMBEDDED: Sources<'static> = Sources {
    numerals: data!("zh/timex/numerals.tsv"),
    relative: data!("zh/timex/relative.tsv"),
    references: data!("zh/timex/references.tsv"),
    units: data!("zh/timex/units.tsv"),
    weekdays: data!("zh/timex/weekdays.tsv"),
    day_parts: data!("zh/timex/day_parts.tsv"),
    seasons: data!("zh/timex/seasons.tsv"),
    modifiers: data!("zh/timex/modifiers.tsv"),
    not_dates: data!("zh/timex/not_dates.tsv"),
    reign_eras: data!("zh/timex/reign_eras.tsv"),
    particles: data!("zh/timex/particles.tsv"),
    connectors: data!("zh/timex/connectors.txt"),
    relative_quarters: data!("zh/timex/relative_quarters.tsv"),
    future_cues: data!("zh/timex/future_cues.txt"),
};

/// The Chinese numeral characters (`data/zh/timex/numerals.tsv`), on their own because the
/// domain tagger reads Chinese numbers in every build: the page's light module (without `zh`)
/// then links this table, not the whole Chinese lexicon and its parser (docs/weight.md).
#[derive(Debug, Clone)]
pub(super) struct Numerals(
    /// Sorted by character (binary-searched: this is the hottest lookup).
    Vec<(char, (u64, bool))>,
    /// The characters, for a quick "not a numeral".
    CharFilter,
);

impl Numerals {
    /// Reads lines `CHAR<TAB>VALUE[<TAB>unit]`; malformed rows are skipped.
    pub fn parse(text: &str) -> Numerals {
        let mut numerals: Vec<(char, (u64, bool))> = rows(text)
            .filter_map(|r| {
                let c = r.first()?.chars().next()?;
                Some((c, (r.get(1)?.parse().ok()?, r.get(2) == Some(&"unit"))))
            })
            .collect();
        crate::text::sort::sort_by_key(&mut numerals, |n| n.0);
        numerals.dedup_by_key(|n| n.0);
        let mut filter = CharFilter::default();
        numerals.iter().for_each(|n| filter.insert(n.0));
        Numerals(numerals, filter)
    }

    /// The embedded table (parsed once).
    #[inline]
    pub fn embedded() -> &'static Numerals {
        static NUMERALS: LazyLock<Numerals> = LazyLock::new(|| Numerals::parse(EMBEDDED.numerals));
        &NUMERALS
    }

    /// The numeral characters, in code point order.
    pub fn chars(&self) -> impl Iterator<Item = char> + '_ {
        self.0.iter().map(|n| n.0)
    }

    /// Value of a Chinese numeral character and whether it is a multiplier (十 百 千).
    #[inline]
    pub fn get(&self, c: char) -> Option<(u64, bool)> {
        if c.is_ascii() || !self.1.may_contain(c) {
            return None;
        }
        self.0.binary_search_by_key(&c, |n| n.0).ok().map(|k| self.0[k].1)
    }
}

/// A deictic word: unit, offset, and whether it counts from the last date in the text (当年).
#[derive(Debug, Clone, Copy)]
pub(super) struct Deictic {
    pub unit: Unit,
    pub offset: i32,
    pub from_last: bool,
}

/// A part of the day.
#[derive(Debug, Clone)]
pub(super) struct DayPart {
    pub code: String,
    pub day_offset: i64,
    /// Hours 1–11 after it are afternoon/evening hours.
    pub pm: bool,
    /// 中午: 12 stays 12, 1–2 are pm.
    pub noon: bool,
}

/// A duration unit.
#[derive(Debug, Clone)]
pub(super) struct DurUnit {
    pub designator: String,
    pub unit: Unit,
    /// Hours, minutes, seconds (written after `T` in durations).
    pub clock: bool,
}

/// A modifier after a date.
#[derive(Debug, Clone)]
pub(super) struct Modifier {
    pub effect: String,
    pub applies: String,
    /// Characters after which the word belongs to another word (初步).
    pub not_before: Vec<char>,
}

/// Every list the Chinese tagger uses.
#[derive(Debug, Clone)]
pub(super) struct Lexicon {
    /// Numeral characters.
    pub numerals: Numerals,
    pub relative: WordList<Deictic>,
    pub references: WordList<String>,
    pub units: WordList<DurUnit>,
    pub weekdays: WordList<u32>,
    pub day_parts: WordList<DayPart>,
    pub seasons: WordList<(String, bool)>,
    pub modifiers: WordList<Modifier>,
    pub not_dates: WordList<()>,
    pub festivals: WordList<&'static Festival>,
    /// Era names (康熙) → the Gregorian year of their first year.
    pub reign_eras: WordList<i32>,
    pub particles: Particles,
    /// What joins the two ends of a range (至, 到, -), in the order they are tried.
    pub connectors: Vec<String>,
    /// Quarters counted from the reference date (本季度 = 0, 上个季度 = −1).
    pub relative_quarters: WordList<i32>,
    /// Words that put a clause in the future (将于, 计划): a date without a year near one is its
    /// next occurrence.
    pub future_cues: WordList<()>,
    starters: Vec<char>,
    /// `starters` as one bit per code point of the Basic Multilingual Plane: the scanner asks
    /// about every character of the text.
    starter_bits: CharBits,
    /// The starters that start a match whatever follows them (numerals, one-character words, the
    /// patterns' own first characters), a bit per code point as above. Any other starter starts
    /// only words of two or more characters: 民 only 民国, 建 only 建军节…
    open_bits: CharBits,
    /// The first two characters of those words, hashed to one of 65,536 bits: a clear bit means
    /// no word starts with the pair, so most of the starters a text has (人民, 建设, 国家) are
    /// turned away before the patterns are tried.
    pair_bits: CharBits,
}

/// The value of an Arabic digit, ASCII or fullwidth (a digit starts a match whatever follows it).
#[inline]
pub(super) fn arabic_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// One of 65,536 bits for a pair of characters ([`Lexicon::pair_bits`]).
fn pair_bit(a: char, b: char) -> usize {
    ((a as u32).wrapping_mul(0x9E37_79B1) ^ (b as u32).wrapping_mul(0x85EB_CA77)).rotate_left(5) as usize & 0xFFFF
}

/// Declares [`Particles`] with one list per name.
macro_rules! particles {
    ($($name:ident),* $(,)?) => {
        /// The small closed sets the patterns look for around the words of the other lists
        /// (`data/zh/timex/particles.tsv`), each in the order its words are tried.
        #[derive(Debug, Clone, Default)]
        pub(super) struct Particles {
            $(pub $name: Vec<String>,)*
        }

        impl Particles {
            /// The names of the lists, as the data file writes them.
            #[cfg(test)]
            pub const NAMES: &[&str] = &[$(stringify!($name)),*];

            /// Reads rows `NAME<TAB>WORD WORD…`; rows of other names are skipped.
            fn parse(text: &str) -> Particles {
                let mut p = Particles::default();
                for r in rows(text) {
                    let words = r.get(1).map_or(Vec::new(), |w| w.split(' ').filter(|w| !w.is_empty()).map(str::to_string).collect());
                    match r[0] {
                        $(stringify!($name) => p.$name = words,)*
                        _ => {}
                    }
                }
                p
            }
        }
    };
}

particles!(
    about,
    clock_colon,
    hour,
    minute,
    clock_after,
    relative_after,
    pm,
    am,
    day_suffix,
    centuries,
    weeks_after_number,
    last_week,
    months_after_number,
    weekend,
    weekday_open,
    weekday_close,
    and,
    between,
    vague_amount,
    duration_joiner,
    every_week,
    every_month,
    every_counter,
    after_duration,
    ago_or_later,
);

fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).map(|l| l.split('\t').map(str::trim).collect())
}

fn chars(s: &str) -> Vec<char> {
    s.chars().collect()
}

impl Lexicon {
    /// Reads the lists; malformed rows are skipped.
    pub fn parse(src: Sources<'_>) -> Lexicon {
        let numerals = Numerals::parse(src.numerals);
        let unit = |s: &str| match s {
            "year" => Some(Unit::Year),
            "month" => Some(Unit::Month),
            "week" => Some(Unit::Week),
            "day" => Some(Unit::Day),
            _ => None,
        };
        let relative = WordList::new(
            rows(src.relative)
                .filter_map(|r| {
                    let d = Deictic { unit: unit(r.get(1)?)?, offset: r.get(2)?.parse().ok()?, from_last: r.get(3) == Some(&"last") };
                    Some((chars(r[0]), d))
                })
                .collect(),
        );
        let references = WordList::new(rows(src.references).filter_map(|r| Some((chars(r[0]), r.get(1)?.to_string()))).collect());
        let units = WordList::new(
            rows(src.units)
                .filter_map(|r| {
                    let designator = r.get(1)?.to_string();
                    let g = *r.get(2)?;
                    let clock = matches!(g, "hour" | "minute" | "second");
                    let u = unit(g).unwrap_or(Unit::Day);
                    Some((chars(r[0]), DurUnit { designator, unit: u, clock }))
                })
                .collect(),
        );
        let weekdays = WordList::new(
            rows(src.weekdays)
                .flat_map(|r| {
                    let prefix = r[0].to_string();
                    r.get(1)
                        .map(|s| s.split(' ').filter_map(|p| p.split_once(':')).collect::<Vec<_>>())
                        .unwrap_or_default()
                        .into_iter()
                        .filter_map(move |(d, n)| Some((chars(&format!("{prefix}{d}")), n.parse().ok()?)))
                })
                .collect(),
        );
        let day_parts = WordList::new(
            rows(src.day_parts)
                .filter_map(|r| {
                    let pm = *r.get(3)?;
                    let p =
                        DayPart { code: r.get(1)?.to_string(), day_offset: r.get(2)?.parse().ok()?, pm: pm.starts_with("pm"), noon: pm == "pm-noon" };
                    Some((chars(r[0]), p))
                })
                .collect(),
        );
        let seasons =
            WordList::new(rows(src.seasons).filter_map(|r| Some((chars(r[0]), (r.get(1)?.to_string(), r.get(2) == Some(&"yes"))))).collect());
        let modifiers = WordList::new(
            rows(src.modifiers)
                .filter_map(|r| {
                    let not_before = r.get(3).map(|s| s.split('|').filter_map(|c| c.chars().next()).collect()).unwrap_or_default();
                    Some((chars(r[0]), Modifier { effect: r.get(1)?.to_string(), applies: r.get(2)?.to_string(), not_before }))
                })
                .collect(),
        );
        let not_dates = WordList::new(rows(src.not_dates).map(|r| (chars(r[0]), ())).collect());
        let festivals = WordList::new(festivals::festivals().iter().flat_map(|f| f.chinese.iter().map(move |n| (chars(n), f))).collect());
        let reign_eras = WordList::new(rows(src.reign_eras).filter_map(|r| Some((chars(r[0]), r.get(1)?.parse().ok()?))).collect());
        let relative_quarters = WordList::new(rows(src.relative_quarters).filter_map(|r| Some((chars(r[0]), r.get(1)?.parse().ok()?))).collect());
        let mut lex = Lexicon {
            numerals,
            relative,
            references,
            units,
            weekdays,
            day_parts,
            seasons,
            modifiers,
            not_dates,
            festivals,
            reign_eras,
            particles: Particles::parse(src.particles),
            connectors: rows(src.connectors).map(|r| r[0].to_string()).collect(),
            future_cues: WordList::new(rows(src.future_cues).map(|r| (chars(r[0]), ())).collect()),
            relative_quarters,
            starters: Vec::new(),
            starter_bits: CharBits::default(),
            open_bits: CharBits::default(),
            pair_bits: CharBits::default(),
        };
        let words: Vec<(char, Option<char>)> = lex.start_leads().collect();
        // Numerals and the first characters of the patterns written in the code (农历, 上个, 第…).
        let open: Vec<char> = lex.numerals.0.iter().map(|n| n.0).chain("每半多数几若农阴公上本这第前正冬腊大约".chars()).collect();
        let mut starters: Vec<char> = words.iter().map(|w| w.0).chain(open.iter().copied()).collect();
        // The particles a pattern may read at its very start (大约, 多, 上世纪): their first
        // characters are openers already, and are kept here so that stays true if a list grows.
        let p = &lex.particles;
        let more: Vec<(char, Option<char>)> = p
            .about
            .iter()
            .chain(&p.vague_amount)
            .chain(&p.centuries)
            .filter_map(|w| {
                let mut c = w.chars();
                c.next().map(|a| (a, c.next()))
            })
            .collect();
        starters.extend(more.iter().map(|w| w.0));
        crate::text::sort::sort(&mut starters);
        starters.dedup();
        let (mut starter_bits, mut open_bits, mut pair_bits) = (CharBits::default(), CharBits::default(), CharBits::default());
        for &c in &starters {
            starter_bits.set_char(c);
        }
        for c in open.iter().copied().chain(words.iter().chain(&more).filter(|w| w.1.is_none()).map(|w| w.0)) {
            open_bits.set_char(c);
        }
        for &(a, b) in words.iter().chain(&more) {
            if let Some(b) = b {
                pair_bits.set(pair_bit(a, b));
            }
        }
        lex.starters = starters;
        lex.starter_bits = starter_bits;
        lex.open_bits = open_bits;
        lex.pair_bits = pair_bits;
        lex
    }

    /// The embedded lists (parsed once).
    pub fn embedded() -> &'static Lexicon {
        static LEX: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::parse(EMBEDDED));
        &LEX
    }

    /// Whether a match can start at a character (cheap pre-filter for the scanner).
    pub fn can_start(&self, c: char) -> bool {
        let n = c as usize;
        if n < 0x10000 {
            return arabic_digit(c).is_some() || self.starter_bits.get(n);
        }
        self.starters.binary_search(&c).is_ok()
    }

    /// Whether a match can start at `chars[i]`, seen with the character after it: false for a
    /// starter that starts only words of two or more characters, none of them with that pair.
    pub fn can_start_at(&self, chars: &[char], i: usize) -> bool {
        let c = chars[i];
        if !self.can_start(c) {
            return false;
        }
        let n = c as usize;
        if n >= 0x10000 || arabic_digit(c).is_some() || self.open_bits.get(n) {
            return true;
        }
        chars.get(i + 1).is_some_and(|&next| self.pair_bits.get(pair_bit(c, next)))
    }

    /// The first two characters of every word of the lists a match can start with.
    fn start_leads(&self) -> impl Iterator<Item = (char, Option<char>)> + '_ {
        self.relative
            .leads()
            .chain(self.references.leads())
            .chain(self.weekdays.leads())
            .chain(self.day_parts.leads())
            .chain(self.seasons.leads())
            .chain(self.not_dates.leads())
            .chain(self.festivals.leads())
            .chain(self.modifiers.leads())
            .chain(self.reign_eras.leads())
            .chain(self.relative_quarters.leads())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_particle_list_is_in_the_data_file_and_nothing_else() {
        let rows: Vec<Vec<&str>> = rows(EMBEDDED.particles).collect();
        let names: Vec<&str> = rows.iter().map(|r| r[0]).collect();
        assert_eq!(names, Particles::NAMES, "data/zh/timex/particles.tsv: one row per list, in the order of `particles!`");
        assert!(rows.iter().all(|r| r.get(1).is_some_and(|w| !w.is_empty())), "an empty row in particles.tsv");
        let lex = Lexicon::embedded();
        assert_eq!(lex.particles.hour, ["点钟", "点", "點", "时", "時"]);
        assert_eq!(lex.particles.weekday_open, ["，", ",", "（", "(", "、"]);
        assert_eq!(lex.connectors, ["至", "到", "~", "～", "——", "—", "－", "-", "–"]);
    }

    #[test]
    fn a_starter_of_longer_words_only_is_read_with_the_next_character() {
        let lex = Lexicon::embedded();
        let at = |s: &str, i: usize| lex.can_start_at(&s.chars().collect::<Vec<_>>(), i);
        // 民 and 建 start only longer words (民国, 建军节): judged with the character after them.
        assert!(lex.can_start('民') && lex.can_start('建'));
        assert!(at("民国112年", 0) && at("建军节", 0));
        assert!(!at("人民", 1) && !at("民生", 0) && !at("建设", 0));
        assert!(!at("民", 0), "a longer word cannot start at the last character");
        // Numerals, digits and the patterns' own openers start whatever follows.
        assert!(at("一天", 0) && at("7", 0) && at("７日", 0) && at("上周", 0) && at("第x", 0));
        assert!(!at("的", 0));
    }

    #[test]
    fn every_word_of_every_list_passes_the_start_filter() {
        let lex = Lexicon::embedded();
        for (a, b) in lex.start_leads() {
            let chars: Vec<char> = [a].into_iter().chain(b).collect();
            assert!(lex.can_start_at(&chars, 0), "{chars:?}");
        }
    }
}
