//! Turning the bytes of a file into text: BOMs, UTF-16, and a clear refusal for binary data.

/// Why bytes could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// The bytes look like a binary file (many NUL or control bytes).
    Binary,
    /// Not valid UTF-8 and no BOM says otherwise; carries the offset of the first bad byte.
    NotUtf8(usize),
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::Binary => write!(f, "this looks like a binary file, not text"),
            DecodeError::NotUtf8(at) => {
                write!(f, "the text is not valid UTF-8 (first bad byte at offset {at}); convert it first, e.g. `iconv -f GB18030 -t UTF-8`")
            }
        }
    }
}

impl std::error::Error for DecodeError {}

/// Decodes a file's bytes: UTF-8 (a BOM is dropped), UTF-16 LE or BE with a BOM, or UTF-16
/// without a BOM when every other byte is NUL. Binary data and other encodings are refused.
///
/// ```
/// use article_explorer::decode_text;
/// assert_eq!(decode_text(b"\xEF\xBB\xBFhi").unwrap(), "hi");
/// assert_eq!(decode_text(&[0xFF, 0xFE, b'h', 0, b'i', 0]).unwrap(), "hi");
/// assert!(decode_text(&[0x7F, b'E', b'L', b'F', 0, 0, 0, 1, 2, 0, 0]).is_err());
/// ```
pub fn decode_text(bytes: &[u8]) -> Result<String, DecodeError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return Ok(utf16(rest, u16::from_le_bytes));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return Ok(utf16(rest, u16::from_be_bytes));
    }
    if bytes.len() >= 4 && bytes.len() % 2 == 0 {
        let sample = &bytes[..bytes.len().min(4096)];
        let odd_nuls = sample.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
        let even_nuls = sample.iter().step_by(2).filter(|&&b| b == 0).count();
        let half = sample.len() / 2;
        if odd_nuls * 10 >= half * 9 && even_nuls == 0 {
            return Ok(utf16(bytes, u16::from_le_bytes));
        }
        if even_nuls * 10 >= half * 9 && odd_nuls == 0 {
            return Ok(utf16(bytes, u16::from_be_bytes));
        }
    }
    utf8(bytes)
}

fn utf8(bytes: &[u8]) -> Result<String, DecodeError> {
    let sample = &bytes[..bytes.len().min(8192)];
    let controls = sample.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C)).count();
    if sample.contains(&0) || controls * 10 > sample.len() {
        return Err(DecodeError::Binary);
    }
    String::from_utf8(bytes.to_vec()).map_err(|e| DecodeError::NotUtf8(e.utf8_error().valid_up_to()))
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    char::decode_utf16(units).map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_be_with_and_without_bom() {
        let be: Vec<u8> = "社会".encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode_text(&[[0xFE, 0xFF].as_slice(), &be].concat()).unwrap(), "社会");
        let le: Vec<u8> = "plain text".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decode_text(&le).unwrap(), "plain text");
    }

    #[test]
    fn gbk_bytes_are_refused_with_the_offset() {
        // "社会" in GBK.
        assert_eq!(decode_text(b"ok \xC9\xE7\xBB\xE1"), Err(DecodeError::NotUtf8(3)));
    }
}
