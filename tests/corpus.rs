//! The `corpus` command end to end: per-period counts of terms against a count made here from the
//! fixture texts, dates from datelines, file names and the user, duplicates, unreadable files and
//! broken archives, and the same output on one thread as on two.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_article-explorer"))
}

/// A fresh folder under the target directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("corpus-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `corpus` and returns its JSON lines, its standard error and whether it succeeded.
fn run(args: &[&str]) -> (Vec<Value>, String, bool) {
    let out = bin().arg("corpus").args(args).output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines = stdout.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}"))).collect();
    (lines, String::from_utf8(out.stderr).unwrap(), out.status.success())
}

fn of_kind<'a>(lines: &'a [Value], kind: &str) -> Vec<&'a Value> {
    lines.iter().filter(|l| l["kind"] == kind).collect()
}

/// A small deterministic generator, so the corpus is varied but the same on every run.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

const EN_WITH: &[&str] =
    &["The reform of the courts went on.", "Reforms were announced again.", "Officials said reform and more reform would follow."];
const EN_WITHOUT: &[&str] = &["The platform opened formally.", "Rain fell over the city.", "Markets were calm."];
// Sentences whose segmentation keeps 改革 a word of its own (checked with `segment`).
const ZH_WITH: &[&str] = &["这次改革很重要。", "改革需要时间。"];
const ZH_WITHOUT: &[&str] = &["今天天气很好。", "我们继续工作。"];

/// Occurrences of "reform" / "reforms" as words, any case: counted here, not by the explorer.
fn count_reform(text: &str) -> u64 {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| w.eq_ignore_ascii_case("reform") || w.eq_ignore_ascii_case("reforms")).count() as u64
}

fn count_gaige(text: &str) -> u64 {
    text.matches("改革").count() as u64
}

const MONTHS: [&str; 12] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

struct Fixture {
    /// path -> (expected date, expected source)
    dates: BTreeMap<String, (Option<String>, &'static str)>,
    /// month -> (articles, reform count, 改革 count), duplicates left out
    months: BTreeMap<String, (usize, u64, u64)>,
    /// The duplicate's path and the path it duplicates.
    duplicate: (String, String),
}

const USER_DATE: &str = "2024-06-15";

/// Writes 24 articles (English and Chinese, dated by dateline, file name or the user) and one
/// duplicate into `dir`.
fn write_corpus(dir: &Path) -> Fixture {
    let mut rng = Lcg(7);
    let mut dates = BTreeMap::new();
    let mut months: BTreeMap<String, (usize, u64, u64)> = BTreeMap::new();
    let mut first = None;
    for i in 0..24u32 {
        let zh = i % 4 == 3;
        let (month, day) = (i % 5 + 1, i % 27 + 1);
        let date = format!("2024-{month:02}-{day:02}");
        let mut body = String::new();
        for _ in 0..(3 + rng.next(6)) {
            let pool = match (zh, rng.next(2) == 0) {
                (false, true) => EN_WITH,
                (false, false) => EN_WITHOUT,
                (true, true) => ZH_WITH,
                (true, false) => ZH_WITHOUT,
            };
            body.push_str(pool[rng.next(pool.len() as u64) as usize]);
            body.push(if zh { '\n' } else { ' ' });
        }
        let (name, text, expected) = match i % 3 {
            // A dateline wins over a date in the file name.
            0 => {
                let header = if zh {
                    format!("人民日报 2024年{month:02}月{day:02}日 第01版\n")
                } else {
                    format!("People's Daily ({} {day}, 2024)\n", MONTHS[month as usize - 1])
                };
                (format!("2020-01-01-art{i}.txt"), format!("{header}Title {i}\n\n{body}\n"), (Some(date.clone()), "dateline"))
            }
            1 => (format!("{date}-art{i}.txt"), format!("Title {i}\n\n{body}\n"), (Some(date.clone()), "file_name")),
            _ => (format!("art{i}.txt"), format!("Title {i}\n\n{body}\n"), (Some(USER_DATE.to_string()), "user")),
        };
        let path = dir.join(&name);
        std::fs::write(&path, &text).unwrap();
        let shown = path.to_string_lossy().into_owned();
        let month_label = expected.0.as_ref().unwrap()[..7].to_string();
        let m = months.entry(month_label).or_default();
        m.0 += 1;
        m.1 += count_reform(&text);
        m.2 += count_gaige(&text);
        if first.is_none() {
            first = Some((shown.clone(), text.clone()));
        }
        dates.insert(shown, expected);
    }
    // The same text again, in a folder read after the articles: a duplicate, counted once.
    let (original, text) = first.unwrap();
    std::fs::create_dir_all(dir.join("zz-copies")).unwrap();
    let copy = dir.join("zz-copies").join("copy.txt");
    std::fs::write(&copy, text.replace('\n', "\r\n")).unwrap();
    Fixture { dates, months, duplicate: (copy.to_string_lossy().into_owned(), original) }
}

#[test]
fn per_period_counts_match_an_independent_count() {
    let dir = scratch("periods");
    let fx = write_corpus(&dir);
    let d = dir.to_string_lossy().into_owned();
    let (lines, stderr, ok) = run(&["--term", "reform", "--term", "改革", "--date", USER_DATE, "--period", "month", &d]);
    assert!(ok, "{stderr}");
    let aggregate = of_kind(&lines, "aggregate");
    assert_eq!(aggregate.len(), 1);
    let trends = &aggregate[0]["trends"];
    assert_eq!(trends["terms"][0]["exact"], true);
    let got: BTreeMap<String, (usize, u64, u64)> = trends["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["period"].as_str().unwrap().to_string(),
                (r["articles"].as_u64().unwrap() as usize, r["counts"][0].as_u64().unwrap(), r["counts"][1].as_u64().unwrap()),
            )
        })
        .collect();
    assert_eq!(got, fx.months);
    assert!(fx.months.values().map(|m| m.1).sum::<u64>() > 10 && fx.months.values().map(|m| m.2).sum::<u64>() > 3, "the fixture must use both terms");
    // Relative frequencies are the counts over the period's counted words.
    for r in trends["rows"].as_array().unwrap() {
        let (count, words) = (r["counts"][0].as_f64().unwrap(), r["words"].as_f64().unwrap());
        assert!((r["per_million"][0].as_f64().unwrap() - count / words * 1e6).abs() < 1e-6);
    }
    assert_eq!(aggregate[0]["articles"], 25);
    assert_eq!(aggregate[0]["dated"], 24);
}

#[test]
fn dates_come_from_datelines_file_names_and_the_user() {
    let dir = scratch("dates");
    let fx = write_corpus(&dir);
    let d = dir.to_string_lossy().into_owned();
    let (lines, stderr, ok) = run(&["--date", USER_DATE, "--output", "articles", &d]);
    assert!(ok, "{stderr}");
    assert!(of_kind(&lines, "aggregate").is_empty());
    let articles = of_kind(&lines, "article");
    assert_eq!(articles.len(), 25);
    for (path, (date, source)) in &fx.dates {
        let a = articles.iter().find(|a| a["path"] == path.as_str()).unwrap_or_else(|| panic!("{path} missing"));
        assert_eq!((a["date"].as_str(), a["date_source"].as_str().unwrap()), (date.as_deref(), *source), "{path}");
    }
    // Without the user's date those articles are undated, and say so (the copy keeps its
    // original's dateline).
    let (lines, _, _) = run(&["--output", "articles", &d]);
    let undated = of_kind(&lines, "article").into_iter().filter(|a| a["date_source"] == "none" && a["date"].is_null()).count();
    assert_eq!(undated, fx.dates.values().filter(|(_, s)| *s == "user").count());
}

#[test]
fn duplicates_are_shown_and_counted_once() {
    let dir = scratch("duplicates");
    let fx = write_corpus(&dir);
    let d = dir.to_string_lossy().into_owned();
    let (lines, stderr, ok) = run(&["--term", "reform", "--date", USER_DATE, &d]);
    assert!(ok, "{stderr}");
    let (copy, original) = &fx.duplicate;
    let dup = of_kind(&lines, "article").into_iter().find(|a| a["path"] == copy.as_str()).unwrap();
    assert_eq!(dup["duplicate_of"], original.as_str());
    let marked = of_kind(&lines, "article").iter().filter(|a| !a["duplicate_of"].is_null()).count();
    assert_eq!(marked, 1);
    let trends = &of_kind(&lines, "aggregate")[0]["trends"];
    assert_eq!(trends["duplicates"], serde_json::json!([copy]));
    let total: u64 = trends["rows"].as_array().unwrap().iter().map(|r| r["counts"][0].as_u64().unwrap()).sum();
    assert_eq!(total, fx.months.values().map(|m| m.1).sum::<u64>());
}

fn zip_bytes(entries: &[(&str, &[u8])], method: zip::CompressionMethod) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut w = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default().compression_method(method);
        for (name, data) in entries {
            w.start_file(*name, options).unwrap();
            w.write_all(data).unwrap();
        }
        w.finish().unwrap();
    }
    out.into_inner()
}

#[test]
fn broken_archives_and_unreadable_files_are_listed_with_reasons() {
    let dir = scratch("broken");
    let good = "People's Daily (March 5, 2024)\nTitle\n\nThe reform went on. Reforms came.\n";
    let other = "Title two\n\nReform again.\n";
    // A good archive (with a folder entry, a nested archive and a binary entry).
    std::fs::write(
        dir.join("a-good.zip"),
        zip_bytes(
            &[
                ("2024-04-01-two.txt", other.as_bytes()),
                ("inner/one.txt", good.as_bytes()),
                ("inner/x.zip", b"PK"),
                ("inner/blob.bin", &[0u8, 1, 2, 0, 0, 0, 7, 0, 0, 9][..]),
            ],
            zip::CompressionMethod::Deflated,
        ),
    )
    .unwrap();
    // An archive cut in half: its directory is gone.
    let whole = zip_bytes(&[("one.txt", good.as_bytes())], zip::CompressionMethod::Deflated);
    std::fs::write(dir.join("b-truncated.zip"), &whole[..whole.len() / 2]).unwrap();
    // An archive whose stored entry was altered after writing: its checksum fails.
    let mut bad = zip_bytes(&[("ok.txt", other.as_bytes()), ("bad.txt", good.as_bytes())], zip::CompressionMethod::Stored);
    let at = bad.windows(6).rposition(|w| w == b"Daily ").unwrap();
    bad[at] = b'd';
    std::fs::write(dir.join("c-corrupt.zip"), &bad).unwrap();
    std::fs::write(dir.join("d-binary.txt"), [0u8, 159, 146, 150, 0, 0, 1, 2, 3, 0, 0, 0]).unwrap();
    std::fs::write(dir.join("e-latin1.txt"), b"caf\xe9 reform").unwrap();
    std::fs::write(dir.join("f-big.txt"), "reform ".repeat(200)).unwrap();
    let missing = dir.join("no-such-file.txt");
    let d = dir.to_string_lossy().into_owned();
    let (lines, stderr, ok) = run(&["--term", "reform", "--max-bytes", "1000", &d, &missing.to_string_lossy()]);
    assert!(ok, "{stderr}");
    let skipped: BTreeMap<String, String> = of_kind(&lines, "skipped")
        .iter()
        .map(|s| (s["path"].as_str().unwrap().to_string(), s["reason"]["code"].as_str().unwrap().to_string()))
        .collect();
    let p = |name: &str| dir.join(name).to_string_lossy().into_owned();
    let want: BTreeMap<String, String> = [
        (format!("{}!inner/x.zip", p("a-good.zip")), "nested_archive"),
        (format!("{}!inner/blob.bin", p("a-good.zip")), "binary"),
        (p("b-truncated.zip"), "broken_archive"),
        (format!("{}!bad.txt", p("c-corrupt.zip")), "broken_entry"),
        (p("d-binary.txt"), "binary"),
        (p("e-latin1.txt"), "not_utf8"),
        (p("f-big.txt"), "too_large"),
        (missing.to_string_lossy().into_owned(), "unreadable"),
    ]
    .into_iter()
    .map(|(k, v)| (k, v.to_string()))
    .collect();
    assert_eq!(skipped, want);
    for path in want.keys() {
        assert!(stderr.contains(&format!("skipped {path}: ")), "{path} not on stderr:\n{stderr}");
    }
    // The rest of the corpus is analyzed.
    let articles: Vec<&str> = of_kind(&lines, "article").iter().map(|a| a["path"].as_str().unwrap()).collect();
    assert_eq!(
        articles,
        [format!("{}!2024-04-01-two.txt", p("a-good.zip")), format!("{}!inner/one.txt", p("a-good.zip")), format!("{}!ok.txt", p("c-corrupt.zip"))]
    );
    let aggregate = &of_kind(&lines, "aggregate")[0];
    assert_eq!((aggregate["articles"].as_u64(), aggregate["skipped"].as_u64()), (Some(3), Some(8)));
    let total: u64 = aggregate["trends"]["rows"].as_array().unwrap().iter().map(|r| r["counts"][0].as_u64().unwrap()).sum();
    // ok.txt has the text of two.txt: a duplicate, counted once.
    assert_eq!(of_kind(&lines, "article")[2]["duplicate_of"], format!("{}!2024-04-01-two.txt", p("a-good.zip")).as_str());
    assert_eq!(total, count_reform(good) + count_reform(other));
}

#[test]
fn one_thread_and_two_print_the_same_lines() {
    let dir = scratch("threads");
    write_corpus(&dir);
    let d = dir.to_string_lossy().into_owned();
    let one = bin().args(["corpus", "--threads", "1", "--term", "reform", "--date", USER_DATE, &d]).output().unwrap();
    let two = bin().args(["corpus", "--threads", "2", "--term", "reform", "--date", USER_DATE, &d]).output().unwrap();
    assert!(one.status.success() && two.status.success());
    assert!(one.stdout.len() > 1000);
    assert_eq!(String::from_utf8(one.stdout).unwrap(), String::from_utf8(two.stdout).unwrap());
}

#[test]
fn bad_arguments_exit_2() {
    let out = bin().args(["corpus", "--period", "decade", "x"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("decade"));
    let out = bin().args(["corpus", "--date", "2024-02-30", "x"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}
