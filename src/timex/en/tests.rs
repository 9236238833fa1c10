//! Unit tests of the English tagger on sentences written for them (the data-driven cases are in
//! tests/timex_en.rs).

use super::*;

fn tag(text: &str, dct: Option<&str>) -> Vec<(String, String, Option<String>)> {
    tag_document(text, std::slice::from_ref(&(0..text.len())), dct.and_then(Date::parse))
        .into_iter()
        .map(|h| (text[h.range].to_string(), h.value, h.end_value))
        .collect()
}

fn one(text: &str, dct: &str) -> (String, String) {
    let got = tag(text, Some(dct));
    assert_eq!(got.len(), 1, "{text:?} → {got:?}");
    (got[0].0.clone(), got[0].1.clone())
}

#[test]
fn ranges_with_relative_years() {
    let got = tag("From November 5 to 6 last year, the meeting was held.", Some("2025-11-05"));
    assert_eq!(got, [("November 5 to 6 last year".into(), "2024-11-05".into(), Some("2024-11-06".into()))]);
}

#[test]
fn the_eve_of_a_festival() {
    assert_eq!(one("On the eve of the 2019 Spring Festival, he visited.", "2025-11-05").1, "2019-02-04");
}

#[test]
fn no_dates_in_idioms_and_numbers() {
    for s in [
        "At the end of the day, it is about people.",
        "He sat down with them.",
        "They march on.",
        "It may rain.",
        "People's Daily, Page 01",
        "84 million workers",
        "2,500 homes were built.",
        "The autumn breeze carries a chill.",
    ] {
        assert_eq!(tag(s, Some("2025-11-05")), [], "{s}");
    }
}
