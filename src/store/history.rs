//! The history logs: one per machine in the history folder, each
//! append-only JSON Lines, one whole record per line, fsync'd, locked so
//! two running instances never interleave. This machine appends only to
//! its own log; reading merges every log by time (see `history_merge`),
//! a record found in two files counting once. A torn or corrupt line is
//! reported; in this machine's log it is moved to a side file, every
//! other record still loads.

use std::fs::{File, OpenOptions};
use std::hash::{BuildHasher, RandomState};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::{DateTime, Local};
use serde::Serialize;
use serde::de::DeserializeOwned;

pub use super::history_lines::{Checked, RECORD_VERSION};
use super::history_merge::Merge;
use super::history_report::Report;
use super::{Store, StoreError, private};
use crate::file::{self, Links, ReadError};
use crate::text::safe;

/// What loading the logs found.
#[derive(Debug)]
pub struct LoadedHistory<T> {
    /// Every record that parsed, oldest first, each once.
    pub records: Vec<T>,
    /// One sentence per line that did not parse or held a value out of
    /// range ("line 7: ..."), safe to show (the first thousand).
    pub problems: Vec<String>,
    /// How many lines were bad.
    pub bad_lines: usize,
    /// Where the bad lines were moved, when there were any.
    pub kept_aside: Option<PathBuf>,
    /// Why the bad lines could not be moved out of the log (a read-only
    /// folder, a full disk), when they could not: the records that parse
    /// are read all the same.
    pub not_repaired: Option<String>,
}

impl<T> LoadedHistory<T> {
    /// A sentence for the user about bad lines, if there were any.
    pub fn notice(&self) -> Option<String> {
        let n = self.bad_lines;
        let lines = if n == 1 { "line" } else { "lines" };
        if let Some(reason) = &self.not_repaired {
            return Some(format!(
                "{n} unreadable history {lines} could not be moved out of the log ({reason}); every other record was read."
            ));
        }
        let Some(aside) = self.kept_aside.as_ref() else {
            let first = self.problems.first()?;
            return Some(format!(
                "{n} unreadable history {lines} in another machine's log ({first}); every other record was read."
            ));
        };
        Some(format!(
            "{n} unreadable history {lines} were moved to {}.",
            safe::shown(&aside.display().to_string())
        ))
    }
}

/// "3 history lines could not be read (line 7: ...); kept in PATH", for
/// the History screen and `backcoach history` (safe to show); `None`
/// without problems.
pub fn problem_sentence(
    problems: &[String],
    bad_lines: usize,
    kept_aside: Option<&Path>,
    not_repaired: Option<&str>,
) -> Option<String> {
    let first = problems.first()?;
    let n = bad_lines.max(problems.len());
    let aside = match (kept_aside, not_repaired) {
        (_, Some(reason)) => format!(
            "; they could not be moved out of the log ({reason}), every other record was read"
        ),
        (Some(path), None) => format!("; kept in {}", safe::shown(&path.display().to_string())),
        (None, None) => String::new(),
    };
    Some(format!(
        "{} could not be read ({first}){aside}",
        crate::text::counted(n, "history line")
    ))
}

/// What reading found, besides the records.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Findings {
    /// The bad lines.
    pub report: Report,
    /// Where this machine's bad lines were moved.
    pub kept_aside: Option<PathBuf>,
    /// Why they could not be moved.
    pub not_repaired: Option<String>,
}

impl Findings {
    /// The sentence for the user, if anything was wrong (see
    /// [`problem_sentence`]).
    pub fn problem_notice(&self) -> Option<String> {
        problem_sentence(
            &self.report.problems,
            self.report.bad_lines,
            self.kept_aside.as_deref(),
            self.not_repaired.as_deref(),
        )
    }
}

impl<T> LoadedHistory<T> {
    /// The records with what reading found.
    pub fn new(records: Vec<T>, findings: Findings) -> LoadedHistory<T> {
        LoadedHistory {
            records,
            problems: findings.report.problems,
            bad_lines: findings.report.bad_lines,
            kept_aside: findings.kept_aside,
            not_repaired: findings.not_repaired,
        }
    }
}

#[derive(Serialize)]
struct LineOut<'a, T> {
    version: u32,
    #[serde(flatten)]
    record: &'a T,
    /// Last, so a line still starts with its version and kind.
    id: String,
}

static IDS: AtomicU64 = AtomicU64::new(0);

/// A new record id: 16 hex digits, random per process and counted within
/// it, so no two records share one.
fn new_id() -> String {
    let n = IDS.fetch_add(1, Ordering::Relaxed);
    format!(
        "{:016x}",
        RandomState::new().hash_one((std::process::id(), n))
    )
}

/// Appends one record as one line, with a new id. The line is written
/// with a single call under an exclusive lock and fsync'd before this
/// returns.
pub fn append<T: Serialize>(path: &Path, record: &T) -> Result<(), StoreError> {
    let mut line = serde_json::to_vec(&LineOut {
        version: RECORD_VERSION,
        record,
        id: new_id(),
    })
    .map_err(|err| StoreError::Encode {
        path: path.to_path_buf(),
        reason: err.to_string(),
    })?;
    line.push(b'\n');
    let mut file = open_locked_for_append(path, Sharing::Appending)?;
    append_line(&mut file, line).map_err(StoreError::write(path))
}

fn append_line(file: &mut File, mut line: Vec<u8>) -> io::Result<()> {
    if ends_torn(file)? {
        // A torn line from a crash: end it so this record stays whole.
        line.insert(0, b'\n');
    }
    file.write_all(&line)?;
    file.sync_all()
}

/// True when the file is not empty and its last byte is not a newline.
/// Reads through the handle (writes still go to the end: append mode).
fn ends_torn(file: &mut File) -> io::Result<bool> {
    let len = file.metadata()?.len();
    if len == 0 {
        return Ok(false);
    }
    let mut last = [0u8; 1];
    file.seek(SeekFrom::Start(len - 1))?;
    file.read_exact(&mut last)?;
    Ok(last[0] != b'\n')
}

/// Who opens the log for writing, which decides (on Windows) whether the
/// file may be replaced while this handle is open.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Sharing {
    /// Appending a record: nobody may replace the file meanwhile.
    Appending,
    /// Repairing: this process replaces the file itself.
    Replacing,
}

/// Opens the log for appending with an exclusive lock, making sure the
/// locked file is still the one at `path` (a repair may have replaced it).
/// A link at the path is refused (never written through), and so is
/// anything but a regular file.
pub(super) fn open_locked_for_append(path: &Path, sharing: Sharing) -> Result<File, StoreError> {
    let link = || StoreError::reading(path)(ReadError::Link);
    if file::is_link(path) {
        return Err(link());
    }
    let mut options = private::file_options();
    options.read(true).append(true).create(true);
    file::no_block(&mut options, Links::Refuse);
    forbid_replacing(&mut options, sharing);
    loop {
        let file = match options.open(path) {
            Ok(file) => file,
            Err(_) if file::is_link(path) => return Err(link()),
            Err(err) => return Err(StoreError::write(path)(err)),
        };
        file::ensure_regular(&file).map_err(StoreError::reading(path))?;
        file.lock().map_err(StoreError::write(path))?;
        if still_at(path, &file).map_err(StoreError::write(path))? {
            return Ok(file);
        }
    }
}

/// Unix: a repair may rename a new log over the one this handle has open,
/// so the handle is checked against the path after locking.
#[cfg(unix)]
fn still_at(path: &Path, file: &File) -> io::Result<bool> {
    use std::os::unix::fs::MetadataExt;
    Ok(std::fs::metadata(path)?.ino() == file.metadata()?.ino())
}

/// Windows: an appender opens the log without `FILE_SHARE_DELETE`, so no
/// rename can replace it while that handle is open: the locked file is
/// always the one at the path. (A repair that meets an appender's handle
/// fails instead, and reports it; the log stays as it was.)
#[cfg(not(unix))]
fn still_at(_path: &Path, _file: &File) -> io::Result<bool> {
    Ok(true)
}

#[cfg(windows)]
fn forbid_replacing(options: &mut OpenOptions, sharing: Sharing) {
    use std::os::windows::fs::OpenOptionsExt;
    const FILE_SHARE_READ: u32 = 0x1;
    const FILE_SHARE_WRITE: u32 = 0x2;
    const FILE_SHARE_DELETE: u32 = 0x4;
    let replace = if sharing == Sharing::Replacing {
        FILE_SHARE_DELETE
    } else {
        0
    };
    options.share_mode(FILE_SHARE_READ | FILE_SHARE_WRITE | replace);
}

/// Elsewhere a rename can always replace an open file; see [`still_at`].
#[cfg(not(windows))]
fn forbid_replacing(_options: &mut OpenOptions, _sharing: Sharing) {}

/// Loads every record of every log, merged by time, each once. Lines
/// that do not parse, carry an unknown version or hold a value out of
/// range are reported; in this machine's log they are also copied byte
/// for byte to a new `NAME.corrupt-DATE` beside it and removed from it, so
/// they are reported once, not on every start. When that repair cannot be
/// done (a read-only folder, a full disk), every record that parses is
/// still returned, with the reason in `not_repaired`.
pub fn load<T: DeserializeOwned + Checked + Send + 'static>(
    store: &Store,
    now: DateTime<Local>,
) -> Result<LoadedHistory<T>, StoreError> {
    let mut merge = Merge::<T>::open(store)?;
    let records: Vec<T> = merge.by_ref().collect();
    Ok(LoadedHistory::new(records, merge.finish(now)))
}
