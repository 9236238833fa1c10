//! Hostile inputs finish, keep every promise of the report, and cost work linear in their size.
//!
//! Work is counted, not timed: a counting global allocator tallies, per thread, the allocations,
//! the bytes allocated and the peak of live bytes while one text is analyzed. A linear pipeline
//! does about 4× the work on 4× the text; a quadratic one would do about 16×.
//!
//! Sizes: a release build (`cargo test --release --test pathological`, run by `make test-robust`)
//! uses the sizes of the brief (5 MB lines, a million "1.", …); a debug build (plain `cargo
//! test`) uses 1/32 of each, same shape, to keep the suite quick. Each case prints its size,
//! time and counted work (`-- --nocapture`); docs/robustness.md records them.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::time::Instant;

use article_explorer::fuzz_api::check_report;
use article_explorer::{Options, analyze};

/// Allocations, bytes allocated, live bytes and their peak, on this thread.
#[derive(Clone, Copy, Debug, Default)]
struct Work {
    allocations: u64,
    bytes: u64,
    live: i64,
    peak: i64,
}

thread_local! {
    static WORK: Cell<Work> = const { Cell::new(Work { allocations: 0, bytes: 0, live: 0, peak: 0 }) };
}

struct Counting;

fn record(allocated: usize, freed: usize) {
    let _ = WORK.try_with(|w| {
        let mut v = w.get();
        if allocated > 0 {
            v.allocations += 1;
            v.bytes += allocated as u64;
        }
        v.live += allocated as i64 - freed as i64;
        v.peak = v.peak.max(v.live);
        w.set(v);
    });
}

// SAFETY: every call is forwarded to the system allocator unchanged; the counters are plain
// thread-local cells that never allocate.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        record(layout.size(), 0);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        record(0, layout.size());
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        record(layout.size(), 0);
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        record(new_size, layout.size());
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

/// Full sizes in release builds, 1/32 in debug builds (unoptimised code is 10–20× slower).
const SCALE: usize = if cfg!(debug_assertions) { 32 } else { 1 };
const MB: usize = 1024 * 1024;

/// Analyzes `text`, checks the report, and returns the work counted (peak relative to the start).
fn measure(label: &str, text: &str) -> Work {
    // Warm the lazily loaded word lists and dictionaries so they are not counted.
    let _ = analyze("Warm up 2025年11月5日。 November 5, 2025.", &Options::default());
    let before = WORK.with(|w| w.get());
    WORK.with(|w| w.set(Work { peak: before.live, ..before }));
    let t0 = Instant::now();
    let report = analyze(text, &Options::default());
    let seconds = t0.elapsed().as_secs_f64();
    let after = WORK.with(|w| w.get());
    if let Err(e) = check_report(text, &report) {
        panic!("{label}: broken promise: {e}");
    }
    let work =
        Work { allocations: after.allocations - before.allocations, bytes: after.bytes - before.bytes, live: 0, peak: after.peak - before.live };
    println!(
        "{label}: {:.2} MB, {seconds:.2} s, {} sentences, {} timexes, {} allocations, {:.1} MB allocated, peak {:.1} MB live ({:.1} bytes per input byte)",
        text.len() as f64 / MB as f64,
        report.stats.sentences,
        report.timexes.len(),
        work.allocations,
        work.bytes as f64 / MB as f64,
        work.peak as f64 / MB as f64,
        work.peak as f64 / text.len().max(1) as f64,
    );
    work
}

/// `unit` repeated to `bytes` (cut at a char boundary).
fn repeat_to(unit: &str, bytes: usize) -> String {
    let mut s = unit.repeat(bytes / unit.len() + 1);
    let mut end = bytes.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.truncate(end);
    s
}

/// English-like news prose with dates, numbers and a vocabulary that keeps growing (as a book's
/// does), deterministic: a small linear congruential generator picks the words.
fn prose(bytes: usize) -> String {
    const WORDS: &[&str] = &[
        "the",
        "economy",
        "grew",
        "in",
        "province",
        "officials",
        "said",
        "policy",
        "trade",
        "growth",
        "reform",
        "market",
        "rural",
        "villages",
        "investment",
        "targets",
        "plan",
        "of",
        "and",
        "to",
        "a",
        "for",
        "new",
        "energy",
        "industry",
        "workers",
        "city",
        "government",
        "report",
        "development",
        "people",
        "since",
        "percent",
        "billion",
        "yuan",
    ];
    const DATES: &[&str] = &["in 2019", "on March 3, 2024", "last year", "by 2035", "since January", "in the 1990s", "next month"];
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = |n: usize| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) as usize % n
    };
    let mut out = String::with_capacity(bytes + 200);
    let mut sentence = 0usize;
    while out.len() < bytes {
        out.push_str(&format!("Section {sentence} "));
        for w in 0..8 + next(12) {
            let word = WORDS[next(WORDS.len())];
            if w == 0 {
                out.push_str(&word[..1].to_uppercase());
                out.push_str(&word[1..]);
            } else {
                out.push_str(word);
            }
            out.push(' ');
            if next(6) == 0 {
                out.push_str(&format!("term{} ", next(sentence + 1))); // a growing vocabulary
            }
        }
        out.push_str(DATES[next(DATES.len())]);
        out.push_str(if next(9) == 0 { ".\n\n" } else { ". " });
        sentence += 1;
    }
    out
}

/// Han prose with Chinese punctuation and dates, deterministic.
fn han_prose(bytes: usize) -> String {
    const PIECES: &[&str] =
        &["经济社会发展", "取得新成就", "人民生活水平", "不断提高", "2025年11月5日", "去年", "十四五时期", "，", "。", "“乡村振兴”", "以来"];
    let mut out = String::with_capacity(bytes + 64);
    let mut i = 0usize;
    while out.len() < bytes {
        out.push_str(PIECES[(i * 7 + i / 3) % PIECES.len()]);
        if i % 40 == 39 {
            out.push_str("。\n");
        }
        i += 1;
    }
    out
}

/// Work on 4× the text is at most about 4× the work: allocations and bytes allocated under
/// 5.5×, peak memory under 6× (a vector that doubles can overshoot), never the 16× of a
/// quadratic step. (Fewer is fine: a single 5 MB token costs a handful of allocations at any size.)
/// Returns the ratios (allocations, bytes, peak).
fn assert_linear(label: &str, small: Work, large: Work) -> (f64, f64, f64) {
    let ratio = |a: u64, b: u64| b as f64 / a.max(1) as f64;
    let allocations = ratio(small.allocations, large.allocations);
    let bytes = ratio(small.bytes, large.bytes);
    let peak = ratio(small.peak as u64, large.peak as u64);
    println!("{label}: 4× the text → {allocations:.2}× allocations, {bytes:.2}× bytes, {peak:.2}× peak memory");
    assert!(allocations < 5.5, "{label}: allocations grew {allocations:.2}× for 4× the text");
    assert!(bytes < 5.5, "{label}: bytes allocated grew {bytes:.2}× for 4× the text");
    assert!(peak < 6.0, "{label}: peak memory grew {peak:.2}× for 4× the text");
    (allocations, bytes, peak)
}

/// Prose does work in proportion to its length: 4× the text, 3× to 5.5× the bytes allocated.
/// The number of allocations may grow less (each new distinct term costs allocations, and the
/// vocabulary of repeated prose saturates), so only its upper bound is checked.
fn assert_proportional(label: &str, small: Work, large: Work) {
    let (allocations, bytes, _) = assert_linear(label, small, large);
    assert!(bytes >= 3.0, "{label}: 4× the text did only {allocations:.2}× / {bytes:.2}× the work");
}

#[test]
fn english_work_is_linear_from_1_to_4_mb() {
    let small = measure("English prose, 1 MB", &prose(MB / SCALE));
    let large = measure("English prose, 4 MB", &prose(4 * MB / SCALE));
    assert_proportional("English prose", small, large);
}

#[test]
fn chinese_work_is_linear_from_1_to_4_mb() {
    let small = measure("Chinese prose, 1 MB", &han_prose(MB / SCALE));
    let large = measure("Chinese prose, 4 MB", &han_prose(4 * MB / SCALE));
    assert_proportional("Chinese prose", small, large);
}

#[test]
fn a_5_mb_line_without_spaces() {
    let a = measure("5 MB line without spaces, ¼", &repeat_to("abcdefghijklmnopqrstuvwxyz0123456789", 5 * MB / SCALE / 4));
    let b = measure("5 MB line without spaces", &repeat_to("abcdefghijklmnopqrstuvwxyz0123456789", 5 * MB / SCALE));
    assert_linear("5 MB line without spaces", a, b);
}

#[test]
fn a_5_mb_line_of_han_characters() {
    let han = "经济社会发展取得新成就人民生活水平不断提高国家治理体系和治理能力现代化";
    let a = measure("5 MB line of Han, ¼", &repeat_to(han, 5 * MB / SCALE / 4));
    let b = measure("5 MB line of Han", &repeat_to(han, 5 * MB / SCALE));
    assert_linear("5 MB line of Han", a, b);
}

#[test]
fn a_hundred_thousand_one_character_lines() {
    let a = measure("100 000 one-character lines, ¼", &"a\n".repeat(100_000 / SCALE / 4));
    let b = measure("100 000 one-character lines", &"a\n".repeat(100_000 / SCALE));
    assert_linear("100 000 one-character lines", a, b);
    measure("100 000 one-character Han lines", &"中\n".repeat(100_000 / SCALE));
}

#[test]
fn a_million_repetitions_of_1_dot() {
    let a = measure("a million \"1.\", ¼", &"1.".repeat(1_000_000 / SCALE / 4));
    let b = measure("a million \"1.\"", &"1.".repeat(1_000_000 / SCALE));
    assert_linear("a million \"1.\"", a, b);
    measure("a million \"1. \"", &"1. ".repeat(1_000_000 / SCALE));
}

#[test]
fn deeply_nested_quotes_and_brackets() {
    let nest = |depth: usize| format!("{}It began in 2019. Then “more”.{}", "([{“‘《「\"'".repeat(depth), "'\"」》’”}])".repeat(depth));
    let a = measure("nested quotes and brackets, ¼", &nest(100_000 / SCALE / 4));
    let b = measure("nested quotes and brackets, 100 000 levels", &nest(100_000 / SCALE));
    assert_linear("nested quotes and brackets", a, b);
    measure("100 000 unclosed openers", &"(“".repeat(100_000 / SCALE));
}

#[test]
fn ten_thousand_dates_in_a_row() {
    let dates =
        |n: usize| format!("{}\n{}\n{}", "November 5, 2025, ".repeat(n), "2025年11月5日，".repeat(n), "from 2019 to 2020 and last year; ".repeat(n));
    let a = measure("10 000 dates in a row ×3 styles, ¼", &dates(10_000 / SCALE / 4));
    let b = measure("10 000 dates in a row ×3 styles", &dates(10_000 / SCALE));
    assert_linear("10 000 dates in a row", a, b);
}

#[test]
fn control_characters_nul_and_blank_text() {
    measure("1 MB of NUL and controls", &repeat_to("\0\u{1}\u{7}\u{1B}\u{7F}\u{85}\u{2028}", MB / SCALE));
    measure("1 MB of white space", &repeat_to(" \t\r\n\u{3000}\u{A0}", MB / SCALE));
    measure("1 MB of one word", &repeat_to("word ", MB / SCALE));
    measure("1 MB of emoji with ZWJ", &repeat_to("👨‍👩‍👧‍👦🏳️‍🌈", MB / SCALE));
    measure("1 MB of combining marks", &repeat_to("e\u{301}\u{302}\u{303}\u{304}", MB / SCALE));
}
