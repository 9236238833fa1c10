//! A set of 65,536 bits (8 KB), indexed by a code point of the Basic Multilingual Plane or by a
//! hash: the quick "certainly not" before a word-list lookup, asked at most characters of a text.

/// 65,536 bits, none set until the first [`CharBits::set`] (an empty set allocates nothing).
#[derive(Debug, Clone, Default)]
pub(crate) struct CharBits(Vec<u64>);

impl CharBits {
    /// Sets bit `n` (below 65,536).
    pub(crate) fn set(&mut self, n: usize) {
        self.0.resize(0x1_0000 / 64, 0);
        self.0[n / 64] |= 1 << (n % 64);
    }

    /// Whether bit `n` is set.
    pub(crate) fn get(&self, n: usize) -> bool {
        self.0.get(n / 64).is_some_and(|bits| bits >> (n % 64) & 1 != 0)
    }

    /// Whether the bit of `c` is set: false outside the Basic Multilingual Plane, where none is.
    pub(crate) fn get_char(&self, c: char) -> bool {
        self.get(c as usize)
    }

    /// Sets the bit of `c` when it is in the Basic Multilingual Plane; false (nothing set) otherwise.
    pub(crate) fn set_char(&mut self, c: char) -> bool {
        let bmp = (c as u32) < 0x1_0000;
        if bmp {
            self.set(c as usize);
        }
        bmp
    }
}

#[cfg(test)]
mod tests {
    use super::CharBits;

    #[test]
    fn bits_set_are_read_back_and_others_are_not() {
        let mut b = CharBits::default();
        assert!(!b.get(0) && !b.get(0xFFFF));
        assert!(b.set_char('民') && !b.set_char('😀'));
        b.set(0xFFFF);
        assert!(b.get('民' as usize) && b.get(0xFFFF) && !b.get('人' as usize));
        assert!(b.get_char('民') && !b.get_char('人') && !b.get_char('😀'));
    }
}
