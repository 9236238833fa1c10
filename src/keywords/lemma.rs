//! Grouping inflected forms: case folding, possessive `'s` trimmed, and English words reduced to
//! an *inflectional* stem so that "organization" and "organizations", "govern", "governs",
//! "governed" and "governing" count as one term. The stem is only a grouping key: a term is
//! always displayed by a spelling the text contains.
//!
//! The stem is the Porter2 (Snowball English) algorithm's inflectional part only: step 0
//! (apostrophe s), steps 1a–1c (plural -s/-es/-ies, -ed/-ing/-edly/-ingly, final -y) and the
//! final-e rule of step 5 (Porter 2001, "The English (Porter2) stemming algorithm",
//! snowballstem.org). The full algorithm also strips derivational suffixes, which merges words a
//! reader keeps apart (government/governance → "govern", organic/organization → "organ",
//! issue/issued/issuing fine but social/socialism/socialization → "social", new/newness): in a
//! keyword list those are different terms, so the derivational steps 2–4 are left out.

use std::borrow::Cow;

/// Porter2 vowels.
fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// Start of R1 (after the first non-vowel that follows a vowel), or of R2 when applied to R1.
fn region_after(w: &[u8], from: usize) -> usize {
    let mut i = from;
    while i < w.len() && !is_vowel(w[i]) {
        i += 1;
    }
    while i < w.len() && is_vowel(w[i]) {
        i += 1;
    }
    (i + 1).min(w.len())
}

fn r1(w: &[u8]) -> usize {
    for prefix in [&b"gener"[..], b"commun", b"arsen"] {
        if w.starts_with(prefix) {
            return prefix.len();
        }
    }
    region_after(w, 0)
}

/// A short syllable ends `w`: non-vowel, vowel, non-vowel other than w/x/Y; or a word of two
/// letters, vowel then non-vowel.
fn ends_short_syllable(w: &[u8]) -> bool {
    let n = w.len();
    (n == 2 && is_vowel(w[0]) && !is_vowel(w[1]))
        || (n >= 3 && !is_vowel(w[n - 3]) && is_vowel(w[n - 2]) && !is_vowel(w[n - 1]) && !matches!(w[n - 1], b'w' | b'x' | b'Y'))
}

/// The inflectional Porter2 stem of a lower-case ASCII word (see the module comment).
pub(crate) fn inflectional_stem(word: &str) -> String {
    if word.len() <= 2 || !word.bytes().all(|b| b.is_ascii_lowercase() || b == b'\'') {
        return word.to_string();
    }
    match word {
        "skis" => return "ski".into(),
        "skies" => return "sky".into(),
        "dying" => return "die".into(),
        "lying" => return "lie".into(),
        "tying" => return "tie".into(),
        "news" | "atlas" | "cosmos" | "bias" | "andes" | "innings" | "outings" | "cannings" | "herrings" | "earrings" | "proceed" | "exceed"
        | "succeed" => {
            return word.into();
        }
        _ => {}
    }
    let mut w: Vec<u8> = word.trim_start_matches('\'').bytes().collect();
    // y at the start or after a vowel is a consonant (Y).
    for i in 0..w.len() {
        if w[i] == b'y' && (i == 0 || is_vowel(w[i - 1])) {
            w[i] = b'Y';
        }
    }
    let r1 = r1(&w);
    // Step 0.
    for suffix in [&b"'s'"[..], b"'s", b"'"] {
        if w.ends_with(suffix) {
            w.truncate(w.len() - suffix.len());
            break;
        }
    }
    // Step 1a.
    if w.ends_with(b"sses") {
        w.truncate(w.len() - 2);
    } else if w.ends_with(b"ied") || w.ends_with(b"ies") {
        let keep = if w.len() > 4 { w.len() - 2 } else { w.len() - 1 };
        w.truncate(keep);
    } else if w.ends_with(b"us") || w.ends_with(b"ss") {
    } else if w.ends_with(b"s") && w.len() >= 3 && w[..w.len() - 2].iter().any(|&c| is_vowel(c)) {
        w.truncate(w.len() - 1);
    }
    // Step 1b.
    let mut done = false;
    for suffix in [&b"eedly"[..], b"eed"] {
        if w.ends_with(suffix) {
            if w.len() - suffix.len() >= r1 {
                w.truncate(w.len() - suffix.len() + 2);
            }
            done = true;
            break;
        }
    }
    if !done {
        for suffix in [&b"ingly"[..], b"edly", b"ing", b"ed"] {
            if w.ends_with(suffix) {
                let stem = w.len() - suffix.len();
                if w[..stem].iter().any(|&c| is_vowel(c)) {
                    w.truncate(stem);
                    if w.ends_with(b"at") || w.ends_with(b"bl") || w.ends_with(b"iz") {
                        w.push(b'e');
                    } else if w.len() >= 2
                        && w[w.len() - 1] == w[w.len() - 2]
                        && matches!(w[w.len() - 1], b'b' | b'd' | b'f' | b'g' | b'm' | b'n' | b'p' | b'r' | b't')
                    {
                        w.pop();
                    } else if r1 >= w.len() && ends_short_syllable(&w) {
                        w.push(b'e');
                    }
                }
                break;
            }
        }
    }
    // Step 1c.
    let n = w.len();
    if n > 2 && matches!(w[n - 1], b'y' | b'Y') && !is_vowel(w[n - 2]) {
        w[n - 1] = b'i';
    }
    // Step 5, final e.
    if w.last() == Some(&b'e') {
        let e = w.len() - 1;
        let r2 = region_after(&w, r1);
        if e >= r2 || (e >= r1 && !ends_short_syllable(&w[..e])) {
            w.pop();
        }
    }
    w.iter().map(|&c| if c == b'Y' { 'y' } else { c as char }).collect()
}

/// Bytes to drop from the end of a word token: a possessive `'s` / `’s` (and a bare trailing
/// apostrophe). `"Party’s"` → 5 bytes kept.
pub(crate) fn possessive_len(surface: &str) -> usize {
    // Most words end in neither an s nor an apostrophe (’ ends in the byte 0x99).
    if !matches!(surface.as_bytes().last(), Some(b's' | b'S' | b'\'' | 0x99)) {
        return surface.len();
    }
    for suffix in ["'s", "’s", "'S", "’S"] {
        if surface.len() > suffix.len() && surface.ends_with(suffix) {
            return surface.len() - suffix.len();
        }
    }
    surface.trim_end_matches(['\'', '’']).len().max(1).min(surface.len())
}

/// The case-folded form of a word: lower case, typographic apostrophes made straight.
/// Borrowed when that changes nothing (every Chinese word): this runs for every new spelling.
pub(crate) fn fold(surface: &str) -> Cow<'_, str> {
    let lower = crate::text::case::to_lowercase_cow(surface);
    // A char scan, not `contains('’')`: a multi-byte char pattern sets up a substring searcher
    // on every call, and this runs for every word.
    if lower.chars().any(|c| c == '’') { Cow::Owned(lower.replace('’', "'")) } else { lower }
}

/// The grouping key of a folded form: its inflectional stem when the form is written in ASCII
/// letters (hyphenated compounds stem their last part), the form itself otherwise.
pub(crate) fn group_key(folded: &str) -> Cow<'_, str> {
    if !folded.chars().all(|c| c.is_ascii_alphabetic() || c == '\'' || c == '-') {
        return Cow::Borrowed(folded);
    }
    Cow::Owned(match folded.rfind('-') {
        Some(i) => format!("{}{}", &folded[..=i], inflectional_stem(&folded[i + 1..])),
        None => inflectional_stem(folded),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_share_a_key_and_other_scripts_keep_theirs() {
        let k = |w: &str| group_key(&fold(w)).into_owned();
        assert_eq!(k("govern"), k("governing"));
        assert_eq!(k("governs"), k("governed"));
        assert_eq!(k("Organizations"), k("organization"));
        assert_eq!(k("high-quality"), "high-qualiti");
        assert_ne!(k("work"), k("worker"));
        assert_ne!(k("governance"), k("government"));
        assert_ne!(k("organic"), k("organization"));
        assert_ne!(k("social"), k("socialism"));
        assert_eq!(k("治理"), "治理");
        assert_eq!(k("Café"), "café");
    }

    #[test]
    fn porter2_inflectional_steps() {
        // (word, stem) pairs checked against the Porter2 definitions of steps 0–1c and 5's e rule.
        for (w, stem) in [
            ("caresses", "caress"),
            ("ponies", "poni"),
            ("ties", "tie"),
            ("cats", "cat"),
            ("gas", "gas"),
            ("hopping", "hop"),
            ("hoping", "hope"),
            ("agreed", "agre"),
            ("feed", "feed"),
            ("plastered", "plaster"),
            ("created", "creat"),
            ("create", "creat"),
            ("issue", "issu"),
            ("issued", "issu"),
            ("issues", "issu"),
            ("continue", "continu"),
            ("continues", "continu"),
            ("plane", "plane"),
            ("plan", "plan"),
            ("care", "care"),
            ("cities", "citi"),
            ("city", "citi"),
            ("cry", "cri"),
            ("say", "say"),
            ("news", "news"),
            ("dying", "die"),
            ("generously", "generousli"),
            ("organizations", "organization"),
            ("organization", "organization"),
            ("succeeding", "succeed"),
            ("troubled", "troubl"),
            ("trouble", "troubl"),
            ("sized", "size"),
            ("living", "live"),
            ("lives", "live"),
        ] {
            assert_eq!(inflectional_stem(w), stem, "{w}");
        }
    }

    #[test]
    fn possessives_are_trimmed() {
        assert_eq!(&"Party’s"[..possessive_len("Party’s")], "Party");
        assert_eq!(&"people's"[..possessive_len("people's")], "people");
        assert_eq!(&"workers'"[..possessive_len("workers'")], "workers");
        assert_eq!(possessive_len("s"), 1);
        assert_eq!(&"'"[..possessive_len("'")], "'");
    }
}
