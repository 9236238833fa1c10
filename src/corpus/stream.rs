//! Summarizing a corpus on several threads (native builds), in bounded memory and in input
//! order. One thread reads the articles ([`super::Intake`] or any iterator of documents), the
//! workers summarize them, and the caller's thread receives each result in the order read, with
//! its duplicate check made. At most a fixed window of articles (a few per worker) is in flight
//! at any time, read but not yet handed to the caller: a slow article holds the reader back
//! rather than letting finished ones pile up.

use std::collections::BTreeMap;
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex};

use super::duplicates::DuplicateIndex;
use super::intake::{Document, Skipped};
use super::summary::{ArticleSummary, SummaryOptions, summarize};
use crate::engine::Engine;

/// What became of one path, in input order.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// An article: its summary (`id` is its path) and, for a duplicate, the path of the first
    /// article with the same text.
    Article(Box<ArticleSummary>, Option<String>),
    /// A path that did not become an article.
    Skipped(Skipped),
}

/// Articles read but not yet handed to the caller, per worker thread.
const WINDOW_PER_THREAD: usize = 4;

/// Summarizes every document of `items` on `threads` worker threads with `engine` and
/// `options` (its `id` and `file_name` are set to each document's path and file name), calling
/// `on` with each outcome in the order `items` yields them. Stops at the first error `on`
/// returns (and returns it).
pub fn summarize_stream<I, E>(
    engine: &Engine,
    items: I,
    options: &SummaryOptions,
    threads: usize,
    on: &mut dyn FnMut(Outcome) -> Result<(), E>,
) -> Result<(), E>
where
    I: Iterator<Item = Result<Document, Skipped>> + Send,
{
    let threads = threads.max(1);
    let window = threads * WINDOW_PER_THREAD;
    // Sequence numbers handed to the caller so far, and whether the caller has stopped.
    let handed = Arc::new((Mutex::new((0usize, false)), Condvar::new()));
    let (work_tx, work_rx) = mpsc::sync_channel::<(usize, Document)>(window);
    let work_rx = Arc::new(Mutex::new(work_rx));
    let (done_tx, done_rx) = mpsc::channel::<(usize, Result<ArticleSummary, Skipped>)>();
    std::thread::scope(|scope| {
        let reader_done = done_tx.clone();
        let reader_handed = Arc::clone(&handed);
        scope.spawn(move || {
            for (seq, item) in items.enumerate() {
                // Wait until this article is within the window of the caller's progress.
                let (lock, cv) = &*reader_handed;
                let mut state = lock.lock().unwrap_or_else(|e| e.into_inner());
                while seq >= state.0 + window && !state.1 {
                    state = cv.wait(state).unwrap_or_else(|e| e.into_inner());
                }
                if state.1 {
                    return;
                }
                drop(state);
                let sent = match item {
                    Ok(doc) => work_tx.send((seq, doc)).is_ok(),
                    Err(skipped) => reader_done.send((seq, Err(skipped))).is_ok(),
                };
                if !sent {
                    return;
                }
            }
        });
        for _ in 0..threads {
            let rx = Arc::clone(&work_rx);
            let tx = done_tx.clone();
            let engine = engine.clone();
            scope.spawn(move || {
                loop {
                    let next = rx.lock().unwrap_or_else(|e| e.into_inner()).recv();
                    let Ok((seq, doc)) = next else { return };
                    let opts = SummaryOptions { id: doc.path, file_name: Some(doc.file_name), ..options.clone() };
                    let summary = summarize(&engine, &doc.text, &opts);
                    drop(doc.text);
                    if tx.send((seq, Ok(summary))).is_err() {
                        return;
                    }
                }
            });
        }
        // Only the workers hold the queue's receiver now: once they are gone, the reader's sends fail.
        drop(work_rx);
        drop(done_tx);
        let result = hand_over(done_rx, &handed, on);
        // Whatever happened, let the reader stop (the workers stop when the channels close).
        let (lock, cv) = &*handed;
        lock.lock().unwrap_or_else(|e| e.into_inner()).1 = true;
        cv.notify_all();
        result
    })
}

/// The caller's side: results put back in input order, duplicates checked in that order.
fn hand_over<E>(
    done: mpsc::Receiver<(usize, Result<ArticleSummary, Skipped>)>,
    handed: &Arc<(Mutex<(usize, bool)>, Condvar)>,
    on: &mut dyn FnMut(Outcome) -> Result<(), E>,
) -> Result<(), E> {
    let mut waiting: BTreeMap<usize, Result<ArticleSummary, Skipped>> = BTreeMap::new();
    let mut next = 0usize;
    let mut seen = DuplicateIndex::default();
    for (seq, result) in done {
        waiting.insert(seq, result);
        while let Some(result) = waiting.remove(&next) {
            next += 1;
            let outcome = match result {
                Ok(summary) => {
                    let duplicate_of = seen.check(&summary.id, &summary.hash);
                    Outcome::Article(Box::new(summary), duplicate_of)
                }
                Err(skipped) => Outcome::Skipped(skipped),
            };
            on(outcome)?;
            let (lock, cv) = &**handed;
            lock.lock().unwrap_or_else(|e| e.into_inner()).0 = next;
            cv.notify_all();
        }
    }
    Ok(())
}
