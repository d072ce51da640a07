//! Moving the bad lines out of this machine's log, in one pass and in
//! bounded memory: under the exclusive lock (appends wait), each line is
//! read once and copied either to a new log (a private temp file) or to
//! the side file, byte for byte; then the new log is renamed over the old
//! one. A crash leaves the old log or the new one, never half; the side
//! file is removed again if the new log could not be put in place (the
//! lines are still in the log, and a copy would only repeat them).
//! Another machine's log is never rewritten: its owner repairs it.

use std::fs::{self, File};
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, Local};
use serde::de::DeserializeOwned;

use super::history::{Findings, Sharing, open_locked_for_append};
use super::history_lines::{self, Checked, Verdict};
use super::history_read::{BLOCK, Lines};
use super::history_report::Report;
use super::{StoreError, aside, private, temp};

/// Repairs each of `paths` (this machine's logs found with bad lines);
/// what the reading found stays the report.
pub fn repair_all<T: DeserializeOwned + Checked>(
    paths: &[PathBuf],
    report: Report,
    now: DateTime<Local>,
) -> Findings {
    let mut findings = Findings {
        report,
        ..Findings::default()
    };
    for path in paths {
        match repair::<T>(path, now) {
            Ok(aside) => findings.kept_aside = findings.kept_aside.take().or(aside),
            Err(err) => findings.not_repaired = Some(err.to_string()),
        }
    }
    findings
}

/// Moves the bad lines of the log at `path` to a new side file: where
/// they went, or `None` when a fresh read under the lock found none.
pub fn repair<T: DeserializeOwned + Checked>(
    path: &Path,
    now: DateTime<Local>,
) -> Result<Option<PathBuf>, StoreError> {
    // Held until the new log is in place: appenders wait, then notice the
    // path names a new file and reopen it.
    let file = Arc::new(open_locked_for_append(path, Sharing::Replacing)?);
    let len = file.metadata().map_err(StoreError::read(path))?.len();
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (kept, kept_path) = temp::create(dir, &name).map_err(StoreError::write(path))?;
    let mut split = Split {
        file: file.clone(),
        kept: BufWriter::new(kept),
        aside: None,
    };
    let result = split.run::<T>(len, path, now);
    let aside_path = split.aside.as_ref().map(|(_, at)| at.clone());
    let result = result.and_then(|()| split.finish(&kept_path, path));
    if result.is_err() || aside_path.is_none() {
        let _ = fs::remove_file(&kept_path);
        if let Some(at) = &aside_path {
            let _ = fs::remove_file(at);
        }
    }
    result.map(|()| aside_path)
}

/// One pass of the repair: the lines to keep and the side file.
struct Split {
    file: Arc<File>,
    kept: BufWriter<File>,
    aside: Option<(BufWriter<File>, PathBuf)>,
}

impl Split {
    fn run<T: DeserializeOwned + Checked>(
        &mut self,
        len: u64,
        path: &Path,
        now: DateTime<Local>,
    ) -> Result<(), StoreError> {
        let lines_file = self.file.clone();
        let mut lines = Lines::new(self.file.clone(), (0, 1), len, BLOCK);
        while let Some(at) = lines.next_line().map_err(StoreError::read(path))? {
            let text = lines.text();
            let out = match history_lines::judge::<T>(text, at.too_long, false) {
                Verdict::Good(_) => &mut self.kept,
                Verdict::Blank | Verdict::Unfinished => continue,
                Verdict::Bad(_) => self.aside(path, now)?,
            };
            let written = if at.too_long {
                // Not kept in memory: copied from the file itself.
                let mut range = RangeReader {
                    file: &lines_file,
                    pos: at.offset,
                }
                .take(at.len - u64::from(at.ended));
                io::copy(&mut range, out).map(drop)
            } else {
                out.write_all(text)
            };
            written
                .and_then(|()| out.write_all(b"\n"))
                .map_err(StoreError::write(path))?;
        }
        Ok(())
    }

    /// The side file, created at the first bad line.
    fn aside(
        &mut self,
        path: &Path,
        now: DateTime<Local>,
    ) -> Result<&mut BufWriter<File>, StoreError> {
        if self.aside.is_none() {
            let (file, at) = aside::create(path, now).map_err(StoreError::write(path))?;
            self.aside = Some((BufWriter::new(file), at));
        }
        match &mut self.aside {
            Some((out, _)) => Ok(out),
            None => Err(StoreError::write(path)(io::Error::other("no side file"))),
        }
    }

    /// Makes both files durable and puts the new log in place (when there
    /// was anything to set aside).
    fn finish(&mut self, kept_path: &Path, path: &Path) -> Result<(), StoreError> {
        let Some((aside, at)) = &mut self.aside else {
            return Ok(());
        };
        let durable =
            |out: &mut BufWriter<File>| out.flush().and_then(|()| out.get_ref().sync_all());
        durable(aside).map_err(StoreError::write(at))?;
        durable(&mut self.kept).map_err(StoreError::write(path))?;
        fs::rename(kept_path, path).map_err(StoreError::write(path))?;
        private::sync_folder(path.parent().unwrap_or(Path::new(".")))
            .map_err(StoreError::write(path))
    }
}

/// Reads a file from a place of its own, seeking before every read (the
/// handle is shared with the line reader).
struct RangeReader<'f> {
    file: &'f File,
    pos: u64,
}

impl Read for RangeReader<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let mut file = self.file;
        file.seek(SeekFrom::Start(self.pos))?;
        let n = file.read(buf)?;
        self.pos += n as u64;
        Ok(n)
    }
}
