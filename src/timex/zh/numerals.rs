//! Numbers written with Arabic digits (ASCII or fullwidth) or Chinese numerals (二〇二五, 二十三, 两).

use super::lexicon::{Numerals, arabic_digit};

/// A number read at some position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Num {
    /// Its value.
    pub value: u64,
    /// Index of the first character after it.
    pub end: usize,
    /// How many characters it spans.
    pub len: usize,
    /// Written with Arabic digits.
    pub arabic: bool,
    /// Written digit by digit (2025, 二〇二五), without 十/百/千.
    pub sequence: bool,
    /// Starts with a zero (07, 〇八).
    pub leading_zero: bool,
}

/// True for characters that can be part of a number (digits and Chinese numerals).
#[inline]
pub(super) fn is_number_char(c: char, numerals: &Numerals) -> bool {
    arabic_digit(c).is_some() || numerals.get(c).is_some()
}

/// Reads the number starting at `i`. Runs longer than 12 characters are not numbers of dates or
/// durations and give `None`. A number directly preceded by a digit or numeral is not read (it is
/// the tail of a bigger number).
pub(super) fn parse_number(chars: &[char], i: usize, numerals: &Numerals) -> Option<Num> {
    let first = *chars.get(i)?;
    if i > 0 && is_number_char(chars[i - 1], numerals) && (arabic_digit(first).is_some() == arabic_digit(chars[i - 1]).is_some()) {
        return None;
    }
    if arabic_digit(first).is_some() {
        let mut j = i;
        let mut value: u64 = 0;
        while j < chars.len() && j - i < 13 {
            let Some(d) = arabic_digit(chars[j]) else { break };
            value = value * 10 + d as u64;
            j += 1;
        }
        if j - i > 12 {
            return None;
        }
        return Some(Num { value, end: j, len: j - i, arabic: true, sequence: true, leading_zero: first == '0' || first == '０' });
    }
    let mut j = i;
    while j < chars.len() && j - i < 13 && numerals.get(chars[j]).is_some() {
        j += 1;
    }
    if j == i || j - i > 12 {
        return None;
    }
    let run = &chars[i..j];
    let has_unit = run.iter().any(|&c| numerals.get(c).is_some_and(|(_, unit)| unit));
    if !has_unit {
        if run.len() > 1 && run.contains(&'两') {
            return None;
        }
        let value = run.iter().fold(0u64, |v, &c| v * 10 + numerals.get(c).map_or(0, |(d, _)| d));
        let leading_zero = numerals.get(run[0]).is_some_and(|(d, _)| d == 0);
        return Some(Num { value, end: j, len: run.len(), arabic: false, sequence: true, leading_zero });
    }
    // 二十三, 一百零五, 十二, 廿一.
    let (mut total, mut current) = (0u64, None::<u64>);
    let mut last_unit = u64::MAX;
    for &c in run {
        let (v, unit) = numerals.get(c)?;
        if unit {
            if v == 20 || v == 30 {
                // 廿 and 卅 are whole tens.
                if current.is_some() {
                    return None;
                }
                total += v;
                last_unit = 10;
                continue;
            }
            if v >= last_unit {
                return None;
            }
            total += current.take().unwrap_or(1) * v;
            last_unit = v;
        } else {
            if current.is_some() && v != 0 {
                return None;
            }
            current = if v == 0 { None } else { Some(v) };
        }
    }
    let value = total + current.unwrap_or(0);
    Some(Num { value, end: j, len: run.len(), arabic: false, sequence: false, leading_zero: false })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> Option<(u64, usize, bool)> {
        let chars: Vec<char> = s.chars().collect();
        parse_number(&chars, 0, Numerals::embedded()).map(|n| (n.value, n.end, n.sequence))
    }

    #[test]
    fn numbers() {
        assert_eq!(read("2025年"), Some((2025, 4, true)));
        assert_eq!(read("２０２５年"), Some((2025, 4, true)));
        assert_eq!(read("二〇二五年"), Some((2025, 4, true)));
        assert_eq!(read("二○○○年"), Some((2000, 4, true)));
        assert_eq!(read("二零零四年"), Some((2004, 4, true)));
        assert_eq!(read("二十三年"), Some((23, 3, false)));
        assert_eq!(read("十二月"), Some((12, 2, false)));
        assert_eq!(read("十月"), Some((10, 1, false)));
        assert_eq!(read("三十一日"), Some((31, 3, false)));
        assert_eq!(read("一百零五"), Some((105, 4, false)));
        assert_eq!(read("两个月"), Some((2, 1, true)));
        assert_eq!(read("廿一日"), Some((21, 2, false)));
        assert_eq!(read("一二两"), None);
        assert_eq!(read("十十"), None);
        assert_eq!(read("12345678901234"), None);
        assert_eq!(read("年"), None);
    }
}
