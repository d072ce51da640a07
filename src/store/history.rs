//! The history log: append-only JSON Lines, one whole record per line,
//! fsync'd, locked so two running instances never interleave. A torn or
//! corrupt line is reported and moved to a side file; every other record
//! still loads.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::os::unix::fs::{FileExt, MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Local};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::write_atomically;

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
pub fn append<T: Serialize>(path: &Path, record: &T) -> io::Result<()> {
    let mut line = serde_json::to_vec(&LineOut {
        version: RECORD_VERSION,
        record,
    })
    .map_err(io::Error::other)?;
    line.push(b'\n');
    let file = open_locked_for_append(path)?;
    let len = file.metadata()?.len();
    if len > 0 {
        let mut last = [0u8; 1];
        file.read_exact_at(&mut last, len - 1)?;
        if last[0] != b'\n' {
            // A torn line from a crash: end it so this record stays whole.
            line.insert(0, b'\n');
        }
    }
    (&file).write_all(&line)?;
    file.sync_all()
}

/// Opens the log for appending with an exclusive lock, making sure the
/// locked file is still the one at `path` (a repair may have replaced it).
fn open_locked_for_append(path: &Path) -> io::Result<File> {
    loop {
        let file = OpenOptions::new()
            .read(true)
            .append(true)
            .create(true)
            .mode(0o600)
            .open(path)?;
        file.lock()?;
        if fs::metadata(path)?.ino() == file.metadata()?.ino() {
            return Ok(file);
        }
    }
}

/// Loads every record. Lines that do not parse (or carry an unknown
/// version) are reported, appended to `NAME.corrupt-DATE` beside the log,
/// and removed from the log so they are reported once, not on every start.
pub fn load<T: DeserializeOwned>(
    path: &Path,
    now: DateTime<Local>,
) -> io::Result<LoadedHistory<T>> {
    let file = match File::open(path) {
        Ok(file) => file,
        Err(err) if err.kind() == io::ErrorKind::NotFound => {
            return Ok(LoadedHistory {
                records: Vec::new(),
                problems: Vec::new(),
                kept_aside: None,
            });
        }
        Err(err) => return Err(err),
    };
    file.lock_shared()?;
    let parsed = parse(&read_all(&file)?);
    if parsed.bad.is_empty() {
        return Ok(parsed.into_loaded(None));
    }
    drop(file);
    repair(path, now)
}

/// Re-reads under the exclusive lock (another instance may have appended
/// meanwhile), moves the bad lines aside and rewrites the log atomically.
fn repair<T: DeserializeOwned>(path: &Path, now: DateTime<Local>) -> io::Result<LoadedHistory<T>> {
    let file = open_locked_for_append(path)?;
    let text = read_all(&file)?;
    let parsed: Parsed<T> = parse(&text);
    if parsed.bad.is_empty() {
        return Ok(parsed.into_loaded(None));
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let aside = path.with_file_name(format!("{name}.corrupt-{}", now.format("%Y%m%d-%H%M%S")));
    let mut side = OpenOptions::new()
        .append(true)
        .create(true)
        .mode(0o600)
        .open(&aside)?;
    for (_, raw) in &parsed.bad {
        side.write_all(raw.as_bytes())?;
        side.write_all(b"\n")?;
    }
    side.sync_all()?;
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
