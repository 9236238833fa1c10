//! Byte offsets (what Rust slices take) to UTF-16 offsets (what the page's JavaScript takes).

/// Converts byte offsets of one text into UTF-16 code-unit offsets.
///
/// It keeps a checkpoint every [`Utf16Index::STRIDE`] bytes, so it costs `len / 16` bytes of
/// memory and a lookup scans at most `STRIDE` bytes.
///
/// ```
/// use article_explorer::Utf16Index;
/// let text = "a😀b"; // the emoji is 4 bytes in UTF-8 and 2 code units in UTF-16
/// let index = Utf16Index::new(text);
/// assert_eq!(index.utf16(5), 3);
/// assert_eq!(index.utf16(text.len()), 4);
/// ```
#[derive(Debug, Clone)]
pub struct Utf16Index<'a> {
    text: &'a str,
    checkpoints: Checkpoints,
}

/// The checkpoints of a [`Utf16Index`] without the text they were counted in: for an owner of
/// its text (the concordance), which cannot also hold a borrow of it.
#[derive(Debug, Clone)]
pub(crate) struct Checkpoints(Vec<u32>);

impl Checkpoints {
    /// Counts `text` in one pass.
    pub(crate) fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::with_capacity(bytes.len() / Utf16Index::STRIDE + 1);
        let mut units: u32 = 0;
        // A block at a time: the count within a block is a loop the compiler vectorises.
        for block in bytes.chunks(Utf16Index::STRIDE) {
            checkpoints.push(units);
            units += count_units(block) as u32;
        }
        // A text that ends on a block boundary (an empty one too) gets one more, so that every
        // offset up to `len` has its block's checkpoint.
        if bytes.len() % Utf16Index::STRIDE == 0 {
            checkpoints.push(units);
        }
        Checkpoints(checkpoints)
    }

    /// The UTF-16 offset of `byte` in `text`, the text these checkpoints were counted in.
    pub(crate) fn utf16(&self, text: &str, byte: usize) -> usize {
        debug_assert!(text.is_char_boundary(byte), "offset {byte} splits a char");
        let bytes = text.as_bytes();
        let byte = byte.min(bytes.len());
        let block = byte / Utf16Index::STRIDE;
        self.0[block] as usize + count_units(&bytes[block * Utf16Index::STRIDE..byte])
    }
}

impl<'a> Utf16Index<'a> {
    /// Bytes between checkpoints.
    pub const STRIDE: usize = 64;

    /// Builds the index in one pass over `text`.
    ///
    /// ```
    /// let index = article_explorer::Utf16Index::new("héllo");
    /// assert_eq!(index.utf16(3), 2);
    /// ```
    pub fn new(text: &'a str) -> Self {
        Utf16Index { text, checkpoints: Checkpoints::new(text) }
    }

    /// The UTF-16 offset of byte offset `byte`, which must lie on a char boundary (or be `len`).
    ///
    /// ```
    /// let index = article_explorer::Utf16Index::new("中文");
    /// assert_eq!(index.utf16(3), 1);
    /// ```
    pub fn utf16(&self, byte: usize) -> usize {
        self.checkpoints.utf16(self.text, byte)
    }

    /// The text this index was built for.
    ///
    /// ```
    /// assert_eq!(article_explorer::Utf16Index::new("x").text(), "x");
    /// ```
    pub fn text(&self) -> &'a str {
        self.text
    }
}

/// UTF-16 code units contributed by a UTF-8 byte: 1 per leading byte of a 1–3 byte sequence,
/// 2 for the leading byte of a 4-byte sequence, 0 for continuation bytes. Written without
/// branches (a byte other than a continuation byte starts a character; a 4-byte lead adds the
/// second unit of its surrogate pair) so that loops over it vectorise.
#[inline]
fn utf16_units_for_byte(b: u8) -> u32 {
    u32::from((b as i8) >= -0x40) + u32::from(b >= 0xF0)
}

/// UTF-16 code units of a run of UTF-8 bytes that starts and ends on character boundaries.
pub(crate) fn count_units(bytes: &[u8]) -> usize {
    bytes.iter().map(|&b| utf16_units_for_byte(b) as usize).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_encode_utf16_at_every_boundary() {
        let text = "Ab中😀\u{0301}x".repeat(40);
        let index = Utf16Index::new(&text);
        for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(index.utf16(byte), text[..byte].encode_utf16().count(), "at byte {byte}");
        }
    }

    #[test]
    fn empty_and_exact_stride_lengths() {
        assert_eq!(Utf16Index::new("").utf16(0), 0);
        let text = "a".repeat(Utf16Index::STRIDE * 2);
        assert_eq!(Utf16Index::new(&text).utf16(text.len()), text.len());
    }
}
