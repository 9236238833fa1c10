//! The CLI front door: arguments, input sources, error messages, and the report it prints.

use std::io::Write;
use std::process::{Command, Stdio};

fn cli() -> Command {
    Command::new(env!("CARGO_BIN_EXE_article-explorer"))
}

fn run_stdin(args: &[&str], input: &[u8]) -> std::process::Output {
    let mut child = cli().args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn json(out: &std::process::Output) -> serde_json::Value {
    assert!(out.status.success(), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("stdout is one JSON report")
}

#[test]
fn dash_reads_standard_input() {
    let report = json(&run_stdin(&["analyze", "-"], "One sentence. Another in 1999.\n".as_bytes()));
    assert_eq!(report["version"], article_explorer::REPORT_VERSION);
    assert_eq!(report["warnings"], serde_json::json!([]));
    assert_eq!(report["stats"]["sentences"], 2);
    assert_eq!(report["timexes"][0]["value"], "1999");
    assert_eq!(report["reference_date"]["source"], "none");
}

#[test]
fn file_argument_and_dct_flag() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/samples/en-peoples-daily-2025-11-05.txt");
    let report = json(&cli().args(["analyze", path]).output().unwrap());
    assert_eq!(report["reference_date"]["value"], "2025-11-05");
    assert_eq!(report["reference_date"]["source"], "dateline");
    assert_eq!(report["language"], "en");
    let report = json(&cli().args(["analyze", "--dct", "2020-01-31", path]).output().unwrap());
    assert_eq!(report["reference_date"], serde_json::json!({"value": "2020-01-31", "source": "caller"}));
}

#[test]
fn offsets_are_utf16_code_units() {
    let text = "😀 Émoji first. Then 2001.";
    let report = json(&run_stdin(&["analyze"], text.as_bytes()));
    let t = &report["timexes"][0];
    let units: Vec<u16> = text.encode_utf16().collect();
    let (start, end) = (t["start"].as_u64().unwrap() as usize, t["end"].as_u64().unwrap() as usize);
    assert_eq!(String::from_utf16(&units[start..end]).unwrap(), "2001");
    assert_eq!(report["stats"]["utf16_length"], units.len());
}

#[test]
fn missing_file_fails_with_a_clear_message() {
    let out = cli().args(["analyze", "/no/such/file.txt"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot read /no/such/file.txt"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn bad_arguments_and_bad_input_are_refused() {
    let out = cli().args(["analyze", "--dct", "2025-13-01", "-"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("invalid date"));
    let out = cli().args(["analyze", "--lang", "fr"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("expected auto, en or zh"));
    let out = cli().output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Usage:"));
    let out = run_stdin(&["analyze"], b"\x7FELF\x02\x01\x01\x00\x00\x00\x00\x00");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("binary"));
}

#[test]
fn utf16_file_with_bom_is_read() {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend("人民日报 2025年11月05日\n今天。".encode_utf16().flat_map(u16::to_le_bytes));
    let report = json(&run_stdin(&["analyze"], &bytes));
    assert_eq!(report["reference_date"]["value"], "2025-11-05");
    assert_eq!(report["language"], "zh");
}

#[test]
fn schema_prints_the_report_schema() {
    let out = cli().arg("schema").output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).expect("schema prints JSON");
    assert_eq!(schema["$id"], format!("urn:article-explorer:report-v{}.schema.json", article_explorer::REPORT_VERSION));
    assert_eq!(schema["title"], "Report");
    let checked_in = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/report.schema.json")).unwrap();
    assert!(out.stdout == checked_in, "`article-explorer schema` differs from docs/report.schema.json");
}

#[test]
fn help_version_and_typo_suggestions() {
    let out = cli().arg("--version").output().unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), concat!("article-explorer ", env!("CARGO_PKG_VERSION")));
    for command in ["analyze", "segment", "compare", "concordance", "schema"] {
        let out = cli().args([command, "--help"]).output().unwrap();
        assert!(out.status.success(), "{command}");
        let help = String::from_utf8_lossy(&out.stdout);
        assert!(help.contains(&format!("Usage: article-explorer {command}")), "{help}");
    }
    let out = cli().args(["analyze", "--help"]).output().unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    for flag in ["--dct", "--lang", "--pretty", "--tokens", "--user-dict", "--official-term", "--drop-official-term"] {
        assert!(help.contains(flag), "{flag} missing from\n{help}");
    }
    let out = cli().args(["analyse", "-"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("similar subcommand exists: 'analyze'"));
    let out = cli().args(["analyze", "--pretyy"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--pretty"));
}

#[test]
fn warnings_are_codes_with_params() {
    let report = json(&run_stdin(&["analyze"], "Bad \u{FFFD} bytes.".as_bytes()));
    assert_eq!(report["warnings"], serde_json::json!([{"code": "replacement_characters", "params": {"count": 1}}]));
}

#[test]
fn user_dict_words_go_into_the_run_engine() {
    let dir = std::env::temp_dir().join(format!("article-explorer-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let dict = dir.join("words.txt");
    std::fs::write(&dict, "# my words\n全过程人民民主\n").unwrap();
    let line = "坚持发展全过程人民民主\n";
    let out = run_stdin(&["segment", "--user-dict", dict.to_str().unwrap()], line.as_bytes());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "坚持  发展  全过程人民民主\n");
    let report = json(&run_stdin(&["analyze", "--user-dict", dict.to_str().unwrap()], line.as_bytes()));
    assert!(report["keywords"].as_array().unwrap().iter().any(|k| k["term"] == "全过程人民民主"), "{report}");
    let out = run_stdin(&["segment"], line.as_bytes());
    assert_ne!(String::from_utf8_lossy(&out.stdout), "坚持  发展  全过程人民民主\n");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[cfg(feature = "zh")]
#[test]
fn official_term_flags_edit_the_run_lexicon() {
    let text = "各地加快发展新型储能。新型储能装机规模扩大。党的二十届三中全会召开。学习二十届三中全会精神。\n";
    let words = |args: &[&str]| -> Vec<String> {
        let report = json(&run_stdin(&[&["analyze"], args].concat(), text.as_bytes()));
        let keywords = report["keywords"].as_array().unwrap().iter();
        keywords.filter(|k| k["kind"] == "word").map(|k| k["term"].as_str().unwrap().to_string()).collect()
    };
    let plain = words(&[]);
    assert!(plain.contains(&"二十届三中全会".to_string()) && !plain.contains(&"新型储能".to_string()), "{plain:?}");
    let edited = words(&["--official-term", "新型储能", "--drop-official-term", "二十届三中全会"]);
    assert!(edited.contains(&"新型储能".to_string()) && !edited.contains(&"二十届三中全会".to_string()), "{edited:?}");
    assert!(!words(&["--no-builtin-official-terms"]).contains(&"二十届三中全会".to_string()));
    let dir = std::env::temp_dir().join(format!("article-explorer-terms-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let list = dir.join("terms.txt");
    std::fs::write(&list, "# my terms\n新型储能\n").unwrap();
    let from_file = words(&["--no-builtin-official-terms", "--official-terms", list.to_str().unwrap()]);
    assert!(from_file.contains(&"新型储能".to_string()) && !from_file.contains(&"二十届三中全会".to_string()), "{from_file:?}");
    std::fs::write(&list, "新型 储能\n").unwrap();
    let out = run_stdin(&["analyze", "--official-terms", list.to_str().unwrap()], text.as_bytes());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 1"), "{}", String::from_utf8_lossy(&out.stderr));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn concordance_and_compare_subcommands() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/samples/en-peoples-daily-2025-11-05.txt");
    let found = json(&cli().args(["concordance", "--mode", "exact", "--limit", "2", "--context", "10", "the", path]).output().unwrap());
    assert_eq!(found["mode"], "exact");
    assert_eq!(found["lines"].as_array().unwrap().len(), 2);
    let out = cli().args(["concordance", "--mode", "fuzzy", "the", path]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("term, exact, text"));
    let compared = json(&cli().args(["compare", path, path]).output().unwrap());
    assert_eq!(compared["over_a"], serde_json::json!([]));
}

#[cfg(feature = "share")]
#[test]
fn share_makes_a_link_that_reads_back_and_refuses_a_changed_one() {
    let sample = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/samples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .min()
        .unwrap();
    let out = cli().args(["share", "--dct", "2025-01-02", "--base", "https://example.org/x/"]).arg(&sample).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let link = String::from_utf8(out.stdout).unwrap().trim().to_string();
    assert!(link.starts_with("https://example.org/x/#share/1/") && link.len() < 16_000, "{} characters", link.len());
    let read = cli().args(["share", "--open", &link]).output().unwrap();
    assert!(read.status.success());
    let payload = json(&read);
    assert_eq!(payload["text"], std::fs::read_to_string(&sample).unwrap());
    assert_eq!(payload["settings"]["dct"], "2025-01-02");
    let stamp = payload["provenance"]["analyzed_at"].as_str().unwrap();
    assert!(article_explorer::parse_date(&stamp[..10]).is_ok(), "{stamp}");
    let cut = cli().args(["share", "--open", &link[..link.len() - 30]]).output().unwrap();
    assert_eq!(cut.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&cut.stderr).contains("damaged"));
}

#[test]
fn align_prints_the_alignment_and_refuses_bad_pairs() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/align/");
    let (zh, en) = (format!("{dir}zh.txt"), format!("{dir}en.txt"));
    let out = cli().args(["align", &zh, &en]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let a = json(&out);
    assert_eq!(a["zh"]["paragraphs"].as_array().unwrap().len(), 33);
    assert_eq!(a["en"]["paragraphs"].as_array().unwrap().len(), 85);
    let kinds: Vec<&str> = a["flags"].as_array().unwrap().iter().map(|f| f["kind"].as_str().unwrap()).collect();
    assert!(kinds.contains(&"date-differs") && kinds.contains(&"number-differs"), "{kinds:?}");
    // Either order: the same rows.
    let swapped = json(&cli().args(["align", &en, &zh]).output().unwrap());
    assert_eq!(swapped["rows"], a["rows"]);
    // Same language, an empty text: exit 2 with the reason.
    let same = cli().args(["align", &en, &en]).output().unwrap();
    assert_eq!(same.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&same.stderr).contains("both texts are in English"));
    let empty = run_stdin(&["align", "-", &en], b"  \n");
    assert_eq!(empty.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&empty.stderr).contains("is empty"));
}
