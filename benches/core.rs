//! Native benchmarks of the core, driven by `make bench` (bench/run.mjs), see docs/bench.md.
//!
//! Inputs: the files named in `AE_BENCH_INPUTS` (comma-separated `name=path` pairs; bench/run.mjs
//! writes them into bench/.data/), or the two sample articles when it is unset. For each input:
//! - `scan`: the physical floor, one tight pass over the bytes counting line feeds;
//! - `scan_chars`: one pass decoding every UTF-8 character (a stricter floor);
//! - `analyze`: the public pipeline end to end (`analyze_with_progress`, report built), with the
//!   time spent in each stage measured between its progress callbacks, so no private entry point is
//!   needed and the stages are timed exactly as they run in the product. Stage medians (over every
//!   criterion sample, warm-up included) go to the side file below, with the memory probe.
//!
//! Peak heap of one analysis per input is measured with a counting allocator; it and the stage
//! medians are written as JSON to `AE_BENCH_MEMORY` (default `bench/.data/native-memory.json`). Timings are criterion's; the harness
//! reads `<target>/criterion/<input>/<bench>/new/{estimates,sample}.json`.
// The one-sort, one-lower-casing rule (clippy.toml) keeps the wasm small; this code never ships in it.
#![allow(clippy::disallowed_methods)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicBool, AtomicIsize, Ordering};
use std::time::{Duration, Instant};

use article_explorer::{Options, Stage, analyze, analyze_with_progress};
use criterion::{Criterion, SamplingMode, Throughput};

/// The system allocator, counting live bytes and their high-water mark while `COUNTING` is on
/// (only around the one memory probe per input, so the timed runs pay a single relaxed load).
struct Counting;

static COUNTING: AtomicBool = AtomicBool::new(false);
static LIVE: AtomicIsize = AtomicIsize::new(0);
static PEAK: AtomicIsize = AtomicIsize::new(0);

fn grew(bytes: usize) {
    let now = LIVE.fetch_add(bytes as isize, Ordering::Relaxed) + bytes as isize;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() && COUNTING.load(Ordering::Relaxed) {
            grew(layout.size());
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        if COUNTING.load(Ordering::Relaxed) {
            LIVE.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() && COUNTING.load(Ordering::Relaxed) {
            if new_size >= layout.size() {
                grew(new_size - layout.size());
            } else {
                LIVE.fetch_sub((layout.size() - new_size) as isize, Ordering::Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

const STAGES: [(Stage, &str); 5] = [
    (Stage::Structure, "structure"),
    (Stage::Segmentation, "segmentation"),
    (Stage::Timeline, "timeline"),
    (Stage::Keywords, "keywords"),
    (Stage::Report, "report"),
];

/// One analysis; returns the time spent in each stage of [`STAGES`] (by index).
fn staged(text: &str, options: &Options) -> [Duration; 5] {
    let mut marks: Vec<(Stage, Instant)> = Vec::with_capacity(16);
    let report = analyze_with_progress(text, options, &mut |stage, _| marks.push((stage, Instant::now())));
    let end = Instant::now();
    black_box(report);
    let mut out = [Duration::ZERO; 5];
    for (i, (stage, at)) in marks.iter().enumerate() {
        let next = marks.get(i + 1).map_or(end, |m| m.1);
        if let Some(k) = STAGES.iter().position(|(s, _)| s == stage) {
            out[k] += next - *at;
        }
    }
    out
}

/// The floor: read every byte once, counting line feeds (the compiler vectorizes this loop).
fn scan(bytes: &[u8]) -> usize {
    let mut lines = 0usize;
    for &b in bytes {
        lines += usize::from(b == b'\n');
    }
    lines
}

/// A second, stricter floor: decode every character once (what any text analysis must at least do).
fn scan_chars(text: &str) -> u32 {
    text.chars().fold(0u32, |sum, c| sum.wrapping_add(c as u32))
}

fn inputs() -> Vec<(String, String)> {
    let root = env!("CARGO_MANIFEST_DIR");
    let spec = std::env::var("AE_BENCH_INPUTS").unwrap_or_else(|_| {
        let mut names = vec![format!("en-sample={root}/samples/en-peoples-daily-2025-11-05.txt")];
        if let Ok(dir) = std::fs::read_dir(format!("{root}/samples")) {
            let mut zh: Vec<_> = dir
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("zh-")) && p.extension().is_some_and(|e| e == "txt"))
                .collect();
            zh.sort();
            if let Some(p) = zh.first() {
                names.push(format!("zh-sample={}", p.display()));
            }
        }
        // Traditional against Simplified: the Traditional test article and its Simplified twin
        // (tests/fixtures/zh-hans-news.txt, the same text through fast2s: the same byte length),
        // 40 times each; the ratio of their times is the cost of the Simplified shadow.
        names.push(format!("zh-hant-article-x40={root}/tests/fixtures/zh-hant-news.txt"));
        names.push(format!("zh-hans-twin-x40={root}/tests/fixtures/zh-hans-news.txt"));
        names.join(",")
    });
    spec.split(',')
        .filter(|s| !s.is_empty())
        .map(|pair| {
            let (name, path) = pair.split_once('=').expect("AE_BENCH_INPUTS: name=path pairs");
            let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
            let text = if name.ends_with("-x40") { text.repeat(40) } else { text };
            (name.to_string(), text)
        })
        .collect()
}

fn peak_heap(text: &str, options: &Options) -> (usize, usize) {
    LIVE.store(0, Ordering::Relaxed);
    PEAK.store(0, Ordering::Relaxed);
    COUNTING.store(true, Ordering::SeqCst);
    let report = analyze(text, options);
    let retained = LIVE.load(Ordering::Relaxed).max(0) as usize;
    drop(report);
    COUNTING.store(false, Ordering::SeqCst);
    (PEAK.load(Ordering::Relaxed).max(0) as usize, retained)
}

/// One analysis slower than this (in the memory probe) is timed by hand (3 runs), not by criterion.
const MANUAL_ABOVE_S: f64 = 3.0;
/// One analysis slower than this is not repeated at all.
const SKIP_ABOVE_S: f64 = 40.0;

/// `cargo test --bench core` runs criterion in test mode (each bench once, no `--bench` argument).
fn criterion_test_mode() -> bool {
    !std::env::args().any(|a| a == "--bench")
}

fn stage_medians(splits: &[[f64; 5]]) -> Vec<String> {
    STAGES
        .iter()
        .enumerate()
        .map(|(k, (_, name))| {
            let mut v: Vec<f64> = splits.iter().map(|s| s[k]).collect();
            v.sort_by(f64::total_cmp);
            let m = if v.is_empty() {
                0.0
            } else if v.len() % 2 == 1 {
                v[v.len() / 2]
            } else {
                (v[v.len() / 2 - 1] + v[v.len() / 2]) / 2.0
            };
            format!("\"{name}\":{m:.6}")
        })
        .collect()
}

fn main() {
    let mut criterion = Criterion::default().configure_from_args();
    let options = Options::default();
    let inputs = inputs();
    let mut memory = Vec::new();
    let mut stage_rows = Vec::new();
    // The first analysis of a process loads the embedded data (word lists, the Chinese dictionary):
    // measured once here, so the per-input probes below show what scales with the input.
    let (first_peak, _) = peak_heap("People's Daily (November 5, 2025)\n人民日报 2025年11月5日。It began in 2019.", &options);
    memory.push(format!(
        "{{\"input\":\"(first analysis: embedded data loaded)\",\"bytes\":0,\"peak_heap_bytes\":{first_peak},\"report_heap_bytes\":0}}"
    ));
    for (name, text) in &inputs {
        let probe = Instant::now();
        let (peak, report) = peak_heap(text, &options);
        let probe_s = probe.elapsed().as_secs_f64();
        memory.push(format!(
            "{{\"input\":\"{name}\",\"bytes\":{},\"peak_heap_bytes\":{peak},\"report_heap_bytes\":{report},\"probe_s\":{probe_s:.3}}}",
            text.len()
        ));
        let big = text.len() > 4_000_000;
        let mut group = criterion.benchmark_group(name.as_str());
        group.throughput(Throughput::Bytes(text.len() as u64));
        if text.len() > 400_000 {
            group.sampling_mode(SamplingMode::Flat).sample_size(10);
            group.warm_up_time(Duration::from_millis(if big { 500 } else { 1000 }));
            group.measurement_time(Duration::from_secs(if big { 4 } else { 3 }));
        } else {
            group.sample_size(30).warm_up_time(Duration::from_millis(800)).measurement_time(Duration::from_secs(2));
        }
        group.bench_function("scan", |b| b.iter(|| scan(black_box(text.as_bytes()))));
        group.bench_function("scan_chars", |b| b.iter(|| scan_chars(black_box(text))));
        // Criterion needs at least 11 runs; when one analysis is slow (a super-linear regression, or a
        // loaded machine) time a few runs by hand instead, and give up past the budget, saying so.
        if probe_s > MANUAL_ABOVE_S && !criterion_test_mode() {
            let runs = if probe_s > SKIP_ABOVE_S { 0 } else { 3 };
            let mut totals = Vec::new();
            let mut splits: Vec<[f64; 5]> = Vec::new();
            for _ in 0..runs {
                let start = Instant::now();
                let stages = staged(black_box(text), &options);
                totals.push(start.elapsed().as_secs_f64() * 1e3);
                splits.push(stages.map(|d| d.as_secs_f64() * 1e3));
            }
            let totals: Vec<String> = totals.iter().map(|t| format!("{t:.3}")).collect();
            stage_rows.push(format!(
                "{{\"input\":\"{name}\",\"samples\":{runs},\"probe_s\":{probe_s:.3},\"manual_ms\":[{}],\"stages_ms\":{{{}}}}}",
                totals.join(","),
                stage_medians(&splits).join(",")
            ));
            eprintln!("{name}: one analysis took {probe_s:.1} s; timed {runs} runs without criterion");
            group.finish();
            continue;
        }
        let mut splits: Vec<[f64; 5]> = Vec::new();
        group.bench_function("analyze", |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                let mut sum = [0.0; 5];
                for _ in 0..iters {
                    let start = Instant::now();
                    let stages = staged(black_box(text), &options);
                    total += start.elapsed();
                    for (k, d) in stages.iter().enumerate() {
                        sum[k] += d.as_secs_f64() * 1e3;
                    }
                }
                splits.push(sum.map(|ms| ms / iters as f64));
                total
            })
        });
        group.finish();
        let medians = stage_medians(&splits);
        stage_rows.push(format!("{{\"input\":\"{name}\",\"samples\":{},\"stages_ms\":{{{}}}}}", splits.len(), medians.join(",")));
    }
    let out = std::env::var("AE_BENCH_MEMORY").unwrap_or_else(|_| format!("{}/bench/.data/native-memory.json", env!("CARGO_MANIFEST_DIR")));
    if let Some(dir) = std::path::Path::new(&out).parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    std::fs::write(&out, format!("{{\"memory\":[{}],\n\"stages\":[{}]}}\n", memory.join(",\n"), stage_rows.join(",\n")))
        .expect("write the native side results");
    criterion.final_summary();
}
