//! The history logs to read: this machine's, the single log of earlier
//! releases while it is still there, and every other `*.jsonl` in the
//! history folder (other machines', a sync conflict copy). Each is opened
//! without following a link and only if it is a regular file; this
//! machine's logs must open, another machine's that cannot is reported
//! and the rest are read.

use std::fs::{self, File};
use std::path::PathBuf;
use std::sync::Arc;

use super::history_report::Report;
use super::{Store, StoreError};
use crate::file::{self, Links, ReadError};
use crate::text::safe;

/// One log to read.
#[derive(Debug, Clone)]
pub struct LogFile {
    /// Where it is.
    pub path: PathBuf,
    /// How problems name it: `None` for this machine's log.
    pub name: Option<String>,
    /// True for a log of this machine (its own, or the old single one),
    /// which a repair may rewrite; another machine's is only read.
    pub own: bool,
}

/// A log, open, with the length read: what was there when it was
/// opened (a record appended meanwhile waits for the next read).
pub struct OpenLog {
    /// The open file, shared by the readers of its parts.
    pub file: Arc<File>,
    /// Its length when opened.
    pub len: u64,
    /// Which log it is.
    pub log: LogFile,
}

impl OpenLog {
    /// True when a last line without a `\n` is still being written or
    /// synced (another machine's log), so it is not read yet. In this
    /// machine's log the length is taken under the lock appends hold, so
    /// such a line is torn and is reported.
    pub fn unfinished(&self, ended: bool) -> bool {
        unfinished(ended, self.log.own)
    }
}

/// [`OpenLog::unfinished`] for a line of a log that is this machine's
/// (`own`) or not.
pub fn unfinished(ended: bool, own: bool) -> bool {
    !ended && !own
}

impl Store {
    /// The logs there are, this machine's first.
    pub fn log_files(&self) -> Vec<LogFile> {
        let own = self.history_path();
        let old = self.old_history_path();
        let mut logs = Vec::new();
        let exists = |path: &PathBuf| fs::symlink_metadata(path).is_ok();
        if exists(&own) {
            logs.push(LogFile {
                path: own.clone(),
                name: None,
                own: true,
            });
        }
        if own != old && exists(&old) {
            logs.push(LogFile {
                path: old,
                name: Some("history.jsonl".to_owned()),
                own: true,
            });
        }
        let mut others: Vec<PathBuf> = fs::read_dir(self.history_folder())
            .into_iter()
            .flatten()
            .flatten()
            .map(|entry| entry.path())
            .filter(|path| {
                path.file_name()
                    .and_then(|name| name.to_str())
                    .is_some_and(|name| name.ends_with(".jsonl") && !name.starts_with('.'))
            })
            .filter(|path| *path != own)
            .collect();
        others.sort();
        logs.extend(others.into_iter().map(|path| LogFile {
            name: Some(
                safe::shown(&path.file_name().unwrap_or_default().to_string_lossy()).into_owned(),
            ),
            path,
            own: false,
        }));
        logs
    }

    /// Opens every log: an error for one of this machine's that cannot
    /// be opened (a link, a FIFO); another machine's is reported instead.
    pub fn open_logs(&self) -> Result<(Vec<OpenLog>, Report), StoreError> {
        let mut report = Report::default();
        let mut open = Vec::new();
        for log in self.log_files() {
            match open_log(&log) {
                Ok(Some(opened)) => open.push(opened),
                Ok(None) => {}
                Err(err) if log.own => return Err(StoreError::reading(&log.path)(err)),
                Err(err) => report.file(log.name.as_deref().unwrap_or_default(), &err.to_string()),
            }
        }
        Ok((open, report))
    }
}

/// Opens one log; `None` when it went away meanwhile.
fn open_log(log: &LogFile) -> Result<Option<OpenLog>, ReadError> {
    let file = match file::open_regular(&log.path, Links::Refuse) {
        Ok(file) => file,
        Err(ReadError::NotFound) => return Ok(None),
        Err(err) => return Err(err),
    };
    let len = if log.own {
        // Appends are whole under this lock: the length is a line end.
        file.lock_shared()?;
        let len = file.metadata()?.len();
        file.unlock()?;
        len
    } else {
        file.metadata()?.len()
    };
    Ok(Some(OpenLog {
        file: Arc::new(file),
        len,
        log: log.clone(),
    }))
}
