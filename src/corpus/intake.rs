//! Reading a corpus from disk (native builds): files, folders (walked in name order) and `.zip`
//! archives (read entry by entry), one article at a time, so a corpus of any size streams through
//! in memory bounded by its largest file. Every path that does not become an article is returned
//! as [`Skipped`] with its reason: nothing is dropped silently.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{Read, Seek};
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::text::decode::{DecodeError, decode_text};

/// How much one file may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IntakeOptions {
    /// Files (and archive entries) larger than this many bytes are skipped as too large.
    pub max_bytes: u64,
}

impl Default for IntakeOptions {
    /// The browser's limit, [`crate::MAX_INPUT_BYTES`] (20 MB).
    fn default() -> Self {
        IntakeOptions { max_bytes: crate::MAX_INPUT_BYTES as u64 }
    }
}

/// One article read: where it came from and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Its path; an archive entry's is `ARCHIVE!ENTRY`.
    pub path: String,
    /// The file name (an archive entry's own path inside the archive), read for an ISO date.
    pub file_name: String,
    /// The decoded text.
    pub text: String,
}

/// Why a path did not become an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum SkipReason {
    /// The file or folder could not be read (missing, no permission, an I/O error).
    Unreadable {
        /// The system's message.
        message: String,
    },
    /// Binary data, not text.
    Binary,
    /// Not UTF-8 (nor UTF-16 with a BOM).
    NotUtf8 {
        /// Offset of the first bad byte.
        offset: usize,
    },
    /// Larger than [`IntakeOptions::max_bytes`].
    TooLarge {
        /// Its size (for an archive entry, what its header says or what was read).
        bytes: u64,
        /// The limit.
        limit: u64,
    },
    /// A `.zip` file whose directory cannot be read.
    BrokenArchive {
        /// The archive reader's message.
        message: String,
    },
    /// An archive entry that cannot be read (bad compressed data, checksum, unsupported method).
    BrokenEntry {
        /// The archive reader's message.
        message: String,
    },
    /// An archive inside an archive (not opened).
    NestedArchive,
    /// A hidden file or folder (its name starts with a dot, or `__MACOSX`) inside a folder or archive.
    Hidden,
    /// A symbolic link inside a folder (not followed, so a link loop cannot run forever).
    SymbolicLink,
}

impl std::fmt::Display for SkipReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SkipReason::Unreadable { message } => write!(f, "unreadable: {message}"),
            SkipReason::Binary => write!(f, "binary file, not text"),
            SkipReason::NotUtf8 { offset } => write!(f, "not UTF-8 text (first bad byte at offset {offset})"),
            SkipReason::TooLarge { bytes, limit } => write!(f, "too large: {bytes} bytes, the limit is {limit}"),
            SkipReason::BrokenArchive { message } => write!(f, "broken archive: {message}"),
            SkipReason::BrokenEntry { message } => write!(f, "broken archive entry: {message}"),
            SkipReason::NestedArchive => write!(f, "an archive inside an archive (not opened)"),
            SkipReason::Hidden => write!(f, "hidden file"),
            SkipReason::SymbolicLink => write!(f, "symbolic link inside a folder (not followed)"),
        }
    }
}

/// A path that did not become an article, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// The path (an archive entry's is `ARCHIVE!ENTRY`).
    pub path: String,
    /// Why.
    pub reason: SkipReason,
    /// The reason in English.
    pub message: String,
}

impl Skipped {
    fn new(path: impl Into<String>, reason: SkipReason) -> Skipped {
        let message = reason.to_string();
        Skipped { path: path.into(), reason, message }
    }
}

fn decoded(path: String, file_name: String, bytes: &[u8]) -> Result<Document, Skipped> {
    match decode_text(bytes) {
        Ok(text) => Ok(Document { path, file_name, text }),
        Err(DecodeError::Binary) => Err(Skipped::new(path, SkipReason::Binary)),
        Err(DecodeError::NotUtf8(offset)) => Err(Skipped::new(path, SkipReason::NotUtf8 { offset })),
    }
}

fn is_zip(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("zip"))
}

fn is_hidden(name: &str) -> bool {
    name.split(['/', '\\']).any(|part| (part.starts_with('.') && part != "." && part != "..") || part == "__MACOSX")
}

/// The entries of one `.zip` archive, read one at a time. Each entry is read through a limit, so
/// an entry whose header understates its size (a zip bomb) stops at the limit.
pub struct ZipEntries<R: Read + Seek> {
    archive: zip::ZipArchive<R>,
    name: String,
    next: usize,
    options: IntakeOptions,
}

impl<R: Read + Seek> ZipEntries<R> {
    /// Opens the archive `reader` holds (`name` is its path, for messages).
    pub fn open(reader: R, name: &str, options: IntakeOptions) -> Result<ZipEntries<R>, Skipped> {
        match zip::ZipArchive::new(reader) {
            Ok(archive) => Ok(ZipEntries { archive, name: name.to_string(), next: 0, options }),
            Err(e) => Err(Skipped::new(name, SkipReason::BrokenArchive { message: e.to_string() })),
        }
    }
}

impl<R: Read + Seek> Iterator for ZipEntries<R> {
    type Item = Result<Document, Skipped>;

    fn next(&mut self) -> Option<Self::Item> {
        while self.next < self.archive.len() {
            let i = self.next;
            self.next += 1;
            let limit = self.options.max_bytes;
            let mut entry = match self.archive.by_index(i) {
                Ok(entry) => entry,
                Err(e) => return Some(Err(Skipped::new(format!("{}!#{i}", self.name), SkipReason::BrokenEntry { message: e.to_string() }))),
            };
            if entry.is_dir() {
                continue;
            }
            let inner = entry.name().to_string();
            let path = format!("{}!{inner}", self.name);
            if is_hidden(&inner) {
                return Some(Err(Skipped::new(path, SkipReason::Hidden)));
            }
            if is_zip(Path::new(&inner)) {
                return Some(Err(Skipped::new(path, SkipReason::NestedArchive)));
            }
            if entry.size() > limit {
                return Some(Err(Skipped::new(path, SkipReason::TooLarge { bytes: entry.size(), limit })));
            }
            let mut bytes = Vec::with_capacity(entry.size().min(limit) as usize);
            if let Err(e) = (&mut entry).take(limit + 1).read_to_end(&mut bytes) {
                return Some(Err(Skipped::new(path, SkipReason::BrokenEntry { message: e.to_string() })));
            }
            if bytes.len() as u64 > limit {
                return Some(Err(Skipped::new(path, SkipReason::TooLarge { bytes: bytes.len() as u64, limit })));
            }
            return Some(decoded(path, inner, &bytes));
        }
        None
    }
}

/// A corpus on disk, walked lazily: every file of the paths given (folders in name order,
/// archives entry by entry), each as a [`Document`] or a [`Skipped`].
///
/// ```no_run
/// use article_explorer::corpus::{Intake, IntakeOptions};
/// for item in Intake::new(["articles/", "more.zip"], IntakeOptions::default()) {
///     match item {
///         Ok(doc) => println!("{}: {} bytes", doc.path, doc.text.len()),
///         Err(skipped) => eprintln!("{}: {}", skipped.path, skipped.message),
///     }
/// }
/// ```
pub struct Intake {
    /// Paths still to read, with whether they were found inside a folder (else given).
    pending: VecDeque<(PathBuf, bool)>,
    archive: Option<ZipEntries<File>>,
    options: IntakeOptions,
}

impl Intake {
    /// A walk over `paths` (files, folders, `.zip` archives), in the order given.
    pub fn new<I, P>(paths: I, options: IntakeOptions) -> Intake
    where
        I: IntoIterator<Item = P>,
        P: AsRef<Path>,
    {
        Intake { pending: paths.into_iter().map(|p| (p.as_ref().to_path_buf(), false)).collect(), archive: None, options }
    }

    fn read_path(&mut self, path: PathBuf, in_folder: bool) -> Option<Result<Document, Skipped>> {
        let shown = path.to_string_lossy().into_owned();
        let unreadable = |e: std::io::Error| Some(Err(Skipped::new(shown.clone(), SkipReason::Unreadable { message: e.to_string() })));
        let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if in_folder {
            if is_hidden(&file_name) {
                return Some(Err(Skipped::new(shown, SkipReason::Hidden)));
            }
            match std::fs::symlink_metadata(&path) {
                Ok(m) if m.file_type().is_symlink() => return Some(Err(Skipped::new(shown, SkipReason::SymbolicLink))),
                Ok(_) => {}
                Err(e) => return unreadable(e),
            }
        }
        let meta = match std::fs::metadata(&path) {
            Ok(m) => m,
            Err(e) => return unreadable(e),
        };
        if meta.is_dir() {
            let entries = match std::fs::read_dir(&path) {
                Ok(entries) => entries,
                Err(e) => return unreadable(e),
            };
            let mut children = Vec::new();
            for entry in entries {
                match entry {
                    Ok(entry) => children.push(entry.path()),
                    Err(e) => return unreadable(e),
                }
            }
            crate::text::sort::sort(&mut children);
            for child in children.into_iter().rev() {
                self.pending.push_front((child, true));
            }
            return None;
        }
        let limit = self.options.max_bytes;
        if is_zip(&path) {
            let file = match File::open(&path) {
                Ok(f) => f,
                Err(e) => return unreadable(e),
            };
            match ZipEntries::open(file, &shown, self.options) {
                Ok(entries) => self.archive = Some(entries),
                Err(skipped) => return Some(Err(skipped)),
            }
            return None;
        }
        if meta.len() > limit {
            return Some(Err(Skipped::new(shown, SkipReason::TooLarge { bytes: meta.len(), limit })));
        }
        let mut bytes = Vec::with_capacity(meta.len() as usize);
        // Read through the limit: a file that grew since its size was read stops there.
        let read = File::open(&path).and_then(|f| f.take(limit + 1).read_to_end(&mut bytes));
        if let Err(e) = read {
            return unreadable(e);
        }
        if bytes.len() as u64 > limit {
            return Some(Err(Skipped::new(shown, SkipReason::TooLarge { bytes: bytes.len() as u64, limit })));
        }
        Some(decoded(shown, file_name, &bytes))
    }
}

impl Iterator for Intake {
    type Item = Result<Document, Skipped>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(archive) = &mut self.archive {
                match archive.next() {
                    Some(item) => return Some(item),
                    None => self.archive = None,
                }
            }
            let (path, in_folder) = self.pending.pop_front()?;
            if let Some(item) = self.read_path(path, in_folder) {
                return Some(item);
            }
        }
    }
}
