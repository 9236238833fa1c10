//! The characters that make a Chinese token part of a number rather than a term: the numerals
//! the time tagger reads (`data/zh/timex/numerals.tsv`) and the magnitudes, measure words and
//! affixes that go with them (`data/zh/measure-words.tsv`). One bit per character, as every
//! character of the text's Chinese tokens is asked.

#[cfg(feature = "zh")]
pub(crate) use sets::NumberWords;

/// Without `zh` (the page's light module, which is never given Han text): no Chinese numbers.
#[cfg(not(feature = "zh"))]
pub(crate) struct NumberWords;

#[cfg(not(feature = "zh"))]
impl NumberWords {
    pub(crate) fn embedded() -> &'static NumberWords {
        &NumberWords
    }

    pub(crate) fn is_number(&self, _: &str) -> bool {
        false
    }

    pub(crate) fn is_measure_after_digits(&self, _: &str) -> bool {
        false
    }
}

#[cfg(feature = "zh")]
mod sets {
    use std::sync::LazyLock;

    use crate::text::char_bits::CharBits;

    /// The sets, read from the two data files.
    #[derive(Debug, Clone, Default)]
    pub(crate) struct NumberWords {
        /// Numerals and magnitudes: a token needs one of them to be a number.
        numeral: CharBits,
        /// Magnitudes: a token after digits that starts with one is part of the amount.
        magnitude: CharBits,
        /// Every character of the measure-word list: what may follow or frame a numeral.
        with_number: CharBits,
    }

    impl NumberWords {
        /// Reads the measure-word list (`CHAR<TAB>KIND[<TAB>gloss]`, KIND `magnitude`, `measure`,
        /// `affix` or `numeral`; other rows are skipped) and takes `numerals` as numerals too.
        pub(crate) fn parse(measure_words: &str, numerals: impl Iterator<Item = char>) -> NumberWords {
            let mut words = NumberWords::default();
            for c in numerals {
                words.numeral.set_char(c);
            }
            for line in measure_words.lines().filter(|l| !l.starts_with('#')) {
                let mut fields = line.split('\t');
                let (Some(word), Some(kind)) = (fields.next(), fields.next()) else { continue };
                let mut chars = word.chars();
                let (Some(c), None) = (chars.next(), chars.next()) else { continue };
                match kind.trim() {
                    "magnitude" => {
                        words.numeral.set_char(c);
                        words.magnitude.set_char(c);
                    }
                    "numeral" => {
                        words.numeral.set_char(c);
                    }
                    "measure" | "affix" => {}
                    _ => continue,
                }
                words.with_number.set_char(c);
            }
            words
        }

        /// The built-in sets.
        pub(crate) fn embedded() -> &'static NumberWords {
            static WORDS: LazyLock<NumberWords> =
                LazyLock::new(|| NumberWords::parse(data!("zh/measure-words.tsv"), crate::timex::chinese_numeral_chars()));
            &WORDS
        }

        fn numeral(&self, c: char) -> bool {
            self.numeral.get_char(c)
        }

        fn with_number(&self, c: char) -> bool {
            self.numeral.get_char(c) || self.with_number.get_char(c)
        }

        /// A Chinese number with whatever frames it, in Simplified script: 二, 十八, 第三, 三千万,
        /// 一份, 两名, 二十多个, 万元.
        pub(crate) fn is_number(&self, s: &str) -> bool {
            s.chars().any(|c| self.numeral(c)) && s.chars().all(|c| self.with_number(c))
        }

        /// What after digits belongs to the number: measure words alone (2021年, 5名, 12亿元) or an
        /// amount's magnitude and unit (1100万人, 50亿美元).
        pub(crate) fn is_measure_after_digits(&self, s: &str) -> bool {
            s.chars().next().is_some_and(|c| self.magnitude.get_char(c)) || !s.is_empty() && s.chars().all(|c| self.with_number(c))
        }
    }
}

#[cfg(all(test, feature = "zh"))]
mod tests {
    use super::NumberWords;

    #[test]
    fn numerals_frame_measure_words_and_affixes() {
        let words =
            NumberWords::parse("万\tmagnitude\n份\tmeasure\tcopies\n第\taffix\n几\tnumeral\n# 个\tmeasure\n块\tunknown\n", "一二三十".chars());
        assert!(words.is_number("三") && words.is_number("一份") && words.is_number("第三") && words.is_number("三万"));
        assert!(words.is_number("万份"), "a magnitude is a numeral");
        assert!(words.is_number("几份") && !words.is_number("几乎"));
        assert!(!words.is_number("份") && !words.is_number("第") && !words.is_number("一个") && !words.is_number("一块"));
        assert!(!words.is_number("一致") && !words.is_number(""));
        assert!(words.is_measure_after_digits("份") && words.is_measure_after_digits("万人") && words.is_measure_after_digits("万份"));
        assert!(!words.is_measure_after_digits("人") && !words.is_measure_after_digits("份子") && !words.is_measure_after_digits(""));
    }

    #[test]
    fn the_built_in_lists_know_numerals_classifiers_and_units() {
        let words = NumberWords::embedded();
        for number in ["两", "〇", "十八", "第三", "三千万", "一份", "两名", "三项", "二十多个", "百余", "万元", "几个"] {
            assert!(words.is_number(number), "{number}");
        }
        for term in ["一致", "一带一路", "两岸", "十九届", "一线", "多次", "统一"] {
            assert!(!words.is_number(term), "{term}");
        }
        for measure in ["年", "月", "名", "家", "元", "亿元", "万人", "兆"] {
            assert!(words.is_measure_after_digits(measure), "{measure}");
        }
        for word in ["企业", "人", "号线"] {
            assert!(!words.is_measure_after_digits(word), "{word}");
        }
    }
}
