//! The native side of `bench/summary.mjs`: one process that keeps an engine and the texts loaded
//! and times `corpus::summarize` (or `analyze`) on request, so the bench can interleave native and
//! wasm batches in one command on a loaded machine.
//!
//!   cargo build --release --example summary_timing
//!   target/release/examples/summary_timing FILE...
//!
//! Reads lines `summarize|analyze INDEX RUNS [cpu]` on stdin and answers each with one line of the
//! per-run times in milliseconds (space-separated): wall time, or with `cpu` this thread's CPU
//! time (64-bit Linux), which a loaded machine disturbs less; `quit` or end
//! of input stops.
// The one-sort, one-lower-casing rule (clippy.toml) keeps the wasm small; this code never ships in it.
#![allow(clippy::disallowed_methods)]

use std::hint::black_box;
use std::io::{BufRead, Write};
use std::time::Instant;

use article_explorer::corpus::{SummaryOptions, summarize};
use article_explorer::{Engine, Options};

fn main() {
    let texts: Vec<String> = std::env::args().skip(1).map(|p| std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{p}: {e}"))).collect();
    let engine = Engine::new();
    // The bench's default options: an id and a file name with a date, as the page sends them.
    let summary = SummaryOptions { id: "a".into(), file_name: Some("2025-11-05.txt".into()), ..Default::default() };
    let options = Options::default();
    let stdout = std::io::stdout();
    for line in std::io::stdin().lock().lines() {
        let line = line.expect("read a request");
        let parts: Vec<&str> = line.split_whitespace().collect();
        let (what, index, runs, cpu) = match parts[..] {
            [what, index, runs] => (what, index, runs, false),
            [what, index, runs, "cpu"] => (what, index, runs, true),
            _ => break,
        };
        let text = &texts[index.parse::<usize>().expect("an input index")];
        let runs: usize = runs.parse().expect("a run count");
        let times: Vec<String> = (0..runs)
            .map(|_| {
                let (start, cpu_start) = (Instant::now(), if cpu { thread_cpu_ns() } else { 0 });
                match what {
                    "analyze" => drop(black_box(engine.analyze(black_box(text), &options))),
                    _ => drop(black_box(summarize(&engine, black_box(text), &summary))),
                }
                let ms = if cpu { (thread_cpu_ns() - cpu_start) as f64 / 1e6 } else { start.elapsed().as_secs_f64() * 1e3 };
                format!("{ms:.4}")
            })
            .collect();
        let mut out = stdout.lock();
        writeln!(out, "{}", times.join(" ")).expect("write the times");
        out.flush().expect("flush");
    }
}

/// This thread's CPU time in nanoseconds (`clock_gettime(CLOCK_THREAD_CPUTIME_ID)`, exact where
/// /proc's schedstat only moves at scheduler ticks).
fn thread_cpu_ns() -> u64 {
    #[repr(C)]
    struct Timespec {
        sec: i64,
        nsec: i64,
    }
    unsafe extern "C" {
        fn clock_gettime(clock: i32, out: *mut Timespec) -> i32;
    }
    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
    let mut t = Timespec { sec: 0, nsec: 0 };
    // SAFETY: `t` is a valid timespec for the call to fill (64-bit Linux layout).
    let ok = unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut t) };
    assert_eq!(ok, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID)");
    t.sec as u64 * 1_000_000_000 + t.nsec as u64
}
