//! The history log: append-only JSON Lines, one whole record per line,
//! fsync'd, locked so two running instances never interleave. A torn or
//! corrupt line is reported and moved to a side file; every other record
//! still loads.

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Local};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::{StoreError, private, write_atomically};

/// Version written into every record.
pub const RECORD_VERSION: u32 = 1;

/// What loading the log found.
#[derive(Debug)]
pub struct LoadedHistory<T> {
    /// Every record that parsed, oldest first.
    pub records: Vec<T>,
    /// One sentence per line that did not parse ("line 7: ...").
    pub problems: Vec<String>,
    /// Where the bad lines were moved, when there were any.
    pub kept_aside: Option<PathBuf>,
}

#[derive(Serialize)]
struct LineOut<'a, T> {
    version: u32,
    #[serde(flatten)]
    record: &'a T,
}

#[derive(Deserialize)]
struct LineIn<T> {
    version: u32,
    #[serde(flatten)]
    record: T,
}

/// Appends one record as one line. The line is written with a single call
/// under an exclusive lock and fsync'd before this returns.
pub fn append<T: Serialize>(path: &Path, record: &T) -> Result<(), StoreError> {
    let mut line = serde_json::to_vec(&LineOut {
        version: RECORD_VERSION,
        record,
    })
    .map_err(|err| StoreError::Encode {
        path: path.to_path_buf(),
        reason: err.to_string(),
    })?;
    line.push(b'\n');
    append_line(path, line).map_err(StoreError::write(path))
}

fn append_line(path: &Path, mut line: Vec<u8>) -> io::Result<()> {
    let mut file = open_locked_for_append(path, Sharing::Appending)?;
    if ends_torn(&mut file)? {
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
enum Sharing {
    /// Appending a record: nobody may replace the file meanwhile.
    Appending,
    /// Repairing: this process replaces the file itself.
    Replacing,
}

/// Opens the log for appending with an exclusive lock, making sure the
/// locked file is still the one at `path` (a repair may have replaced it).
fn open_locked_for_append(path: &Path, sharing: Sharing) -> io::Result<File> {
    let mut options = private::file_options();
    options.read(true).append(true).create(true);
    forbid_replacing(&mut options, sharing);
    loop {
        let file = options.open(path)?;
        file.lock()?;
        if still_at(path, &file)? {
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

/// Loads every record. Lines that do not parse (or carry an unknown
/// version) are reported, appended to `NAME.corrupt-DATE` beside the log,
/// and removed from the log so they are reported once, not on every start.
pub fn load<T: DeserializeOwned>(
    path: &Path,
    now: DateTime<Local>,
) -> Result<LoadedHistory<T>, StoreError> {
    let file = match File::open(path) {
        Ok(file) => file,
        Err(err) if err.kind() == io::ErrorKind::NotFound => {
            return Ok(LoadedHistory {
                records: Vec::new(),
                problems: Vec::new(),
                kept_aside: None,
            });
        }
        Err(err) => return Err(StoreError::read(path)(err)),
    };
    let text = file
        .lock_shared()
        .and_then(|()| read_all(&file))
        .map_err(StoreError::read(path))?;
    let parsed = parse(&text);
    if parsed.bad.is_empty() {
        return Ok(parsed.into_loaded(None));
    }
    drop(file);
    repair(path, now)
}

/// Re-reads under the exclusive lock (another instance may have appended
/// meanwhile), moves the bad lines aside and rewrites the log atomically.
fn repair<T: DeserializeOwned>(
    path: &Path,
    now: DateTime<Local>,
) -> Result<LoadedHistory<T>, StoreError> {
    let file = open_locked_for_append(path, Sharing::Replacing).map_err(StoreError::write(path))?;
    let text = read_all(&file).map_err(StoreError::read(path))?;
    let parsed: Parsed<T> = parse(&text);
    if parsed.bad.is_empty() {
        return Ok(parsed.into_loaded(None));
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let aside = path.with_file_name(format!("{name}.corrupt-{}", now.format("%Y%m%d-%H%M%S")));
    keep_aside(&aside, &parsed.bad).map_err(StoreError::write(&aside))?;
    let mut kept = String::with_capacity(text.len());
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        if !parsed.bad.iter().any(|(_, raw)| raw == line) {
            kept.push_str(line);
            kept.push('\n');
        }
    }
    // Still holding the lock on the old file: appenders wait, then notice
    // the path now names a new file and reopen it.
    write_atomically(path, kept.as_bytes())?;
    Ok(parsed.into_loaded(Some(aside)))
}

/// Appends the bad lines to the side file, fsync'd.
fn keep_aside(aside: &Path, bad: &[(usize, String)]) -> io::Result<()> {
    let mut side = private::file_options()
        .append(true)
        .create(true)
        .open(aside)?;
    for (_, raw) in bad {
        side.write_all(raw.as_bytes())?;
        side.write_all(b"\n")?;
    }
    side.sync_all()
}

fn read_all(mut file: &File) -> io::Result<String> {
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

struct Parsed<T> {
    records: Vec<T>,
    problems: Vec<String>,
    bad: Vec<(usize, String)>,
}

impl<T> Parsed<T> {
    fn into_loaded(self, kept_aside: Option<PathBuf>) -> LoadedHistory<T> {
        LoadedHistory {
            records: self.records,
            problems: self.problems,
            kept_aside,
        }
    }
}

fn parse<T: DeserializeOwned>(text: &str) -> Parsed<T> {
    let mut parsed = Parsed {
        records: Vec::new(),
        problems: Vec::new(),
        bad: Vec::new(),
    };
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let number = index + 1;
        match serde_json::from_str::<LineIn<T>>(line) {
            Ok(entry) if entry.version == RECORD_VERSION => parsed.records.push(entry.record),
            Ok(entry) => {
                parsed.problems.push(format!(
                    "line {number}: record version {} is not one this backcoach reads",
                    entry.version
                ));
                parsed.bad.push((number, line.to_owned()));
            }
            Err(err) => {
                parsed.problems.push(format!("line {number}: {err}"));
                parsed.bad.push((number, line.to_owned()));
            }
        }
    }
    parsed
}
