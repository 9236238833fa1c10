//! Sentence boundaries: the cases in tests/data/segmentation/en_sentences.txt and zh_sentences.txt
//! run through the whole pipeline (so line breaks obey the structure rules), then labelled extras.

use article_explorer::{Options, analyze};

struct Case {
    label: String,
    input: String,
    expected: Vec<String>,
}

fn cases(data: &str) -> Vec<Case> {
    let mut out = Vec::new();
    for block in data.split("\n\n") {
        let mut label = String::new();
        let mut input = None;
        let mut expected = None;
        for line in block.lines() {
            if let Some(l) = line.strip_prefix("# ") {
                label = l.to_string();
            } else if let Some(e) = line.strip_prefix("=> ") {
                expected = Some(e.split(" || ").map(|s| s.replace("\\n", "\n")).collect::<Vec<_>>());
            } else if !line.starts_with('#') && !line.is_empty() {
                input = Some(line.replace("\\n", "\n"));
            }
        }
        if let (Some(input), Some(expected)) = (input, expected) {
            out.push(Case { label, input, expected });
        }
    }
    out
}

fn sentences(text: &str) -> Vec<String> {
    let r = analyze(text, &Options::default());
    let units: Vec<u16> = text.encode_utf16().collect();
    r.sentences.iter().map(|s| String::from_utf16(&units[s.start..s.end]).unwrap()).collect()
}

/// Runs every case; returns the failures as readable lines.
fn run(data: &str) -> (usize, Vec<String>) {
    let cases = cases(data);
    let mut failures = Vec::new();
    for c in &cases {
        let got = sentences(&c.input);
        if got != c.expected {
            failures.push(format!("{}\n    input:    {:?}\n    expected: {:?}\n    got:      {:?}", c.label, c.input, c.expected, got));
        }
    }
    (cases.len(), failures)
}

#[test]
fn english_cases() {
    let (n, failures) = run(include_str!("data/segmentation/en_sentences.txt"));
    assert!(n >= 80, "only {n} cases parsed");
    let passed = n - failures.len();
    eprintln!("English sentence cases: {passed}/{n} pass ({:.1}%)", 100.0 * passed as f64 / n as f64);
    for f in &failures {
        eprintln!("FAIL {f}");
    }
    // Every case passes; a rule that breaks one fails here with the case.
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn chinese_cases() {
    let (n, failures) = run(include_str!("data/segmentation/zh_sentences.txt"));
    assert!(n >= 20, "only {n} cases parsed");
    assert!(failures.is_empty(), "{} of {n} failed:\n{}", failures.len(), failures.join("\n"));
}
