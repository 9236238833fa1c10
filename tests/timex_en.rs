//! The English temporal tagger on sentences written for it: every case of
//! tests/data/timex/en_cases.txt, then labelled extras on whole articles.

use article_explorer::{Options, TimexType, analyze};

fn render(text: &str, dct: Option<&str>) -> Vec<String> {
    let options = Options { dct: dct.map(String::from), ..Default::default() };
    analyze(text, &options)
        .timexes
        .iter()
        .map(|t| {
            let ty = match t.timex_type {
                TimexType::Date => "DATE",
                TimexType::Time => "TIME",
                TimexType::Duration => "DURATION",
                TimexType::Set => "SET",
            };
            let end = t.end_value.as_ref().map(|e| format!("..{e}")).unwrap_or_default();
            format!("{}={ty}:{}{end}", t.text, t.value)
        })
        .collect()
}

#[test]
fn reference_cases() {
    let cases = include_str!("data/timex/en_cases.txt");
    let mut failures = Vec::new();
    let mut count = 0;
    for line in cases.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
        let cols: Vec<&str> = line.split('\t').collect();
        let [dct, text, expected] = cols.as_slice() else { panic!("bad case line: {line:?}") };
        let dct = (*dct != "-").then_some(*dct);
        let want: Vec<String> = if *expected == "-" { Vec::new() } else { expected.split(" | ").map(String::from).collect() };
        let got = render(text, dct);
        count += 1;
        if got != want {
            failures.push(format!("{text:?} (dct {dct:?})\n   want {want:?}\n   got  {got:?}"));
        }
    }
    assert!(count >= 60, "only {count} cases");
    assert!(failures.is_empty(), "{} of {count} cases fail:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn the_dateline_anchors_relative_expressions() {
    let text = "A report\nSource:\nThe Daily Ledger (March 2, 2024, Page 3)\n\nThe council met yesterday. Last autumn it had met twice.";
    assert_eq!(render(text, None)[1..], ["yesterday=DATE:2024-03-01".to_string(), "Last autumn=DATE:2023-FA".into()]);
    // The caller's date wins over the dateline.
    assert_eq!(render(text, Some("2030-06-10"))[1], "yesterday=DATE:2030-06-09");
}

#[test]
fn the_timeline_is_chronological_with_extents() {
    let text = "In the 1990s the town grew. Last autumn it flooded. In the third quarter of 2024 it rebuilt. The war lasted from 1939 to 1945.";
    let report = analyze(text, &Options { dct: Some("2025-11-05".into()), ..Default::default() });
    let rows: Vec<(String, String, String)> =
        report.timeline.iter().map(|e| (e.start_date.clone(), e.end_date.clone(), e.granularity.clone())).collect();
    assert_eq!(
        rows,
        [
            ("1939-01-01".to_string(), "1945-12-31".to_string(), "range".to_string()),
            ("1990-01-01".into(), "1999-12-31".into(), "decade".into()),
            ("2024-07-01".into(), "2024-09-30".into(), "quarter".into()),
            ("2024-09-01".into(), "2024-11-30".into(), "season".into()),
        ]
    );
}

#[test]
fn huge_and_odd_inputs_do_not_panic() {
    let long = "1".repeat(200_000) + " May 5 " + &"x".repeat(100_000) + " 2025-11-06 " + &"-/".repeat(50_000);
    let got = render(&long, Some("2025-11-05"));
    assert!(got.contains(&"2025-11-06=DATE:2025-11-06".to_string()), "{got:?}");
    for s in [
        "",
        "\u{0}\u{1}",
        "May",
        "the",
        "the eve of",
        "from 1999 to",
        "Nov.",
        "’s",
        "12:",
        "BC",
        "999999999 decades ago",
        "999999999 centuries later",
        "99999 weeks later",
        "in 9999 BC",
        "the 99th century",
    ] {
        render(s, Some("2025-11-05"));
        render(s, None);
    }
}
