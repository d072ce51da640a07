//! The History screen's "write the report": the clinic report of the
//! last 4 weeks as one HTML page, written into the user's documents
//! folder (else downloads, else the data folder) as
//! `backcoach-report-DATE.html`. Runs on a worker thread.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Local};

use crate::content::catalog::Content;
use crate::domain::report::ReportData;
use crate::report::{blocks, write};
use crate::store::Store;

/// Where the report goes: the documents folder, else downloads, else
/// `data`.
pub fn folder(data: &Path) -> PathBuf {
    directories::UserDirs::new()
        .and_then(|dirs| {
            dirs.document_dir()
                .or_else(|| dirs.download_dir())
                .filter(|dir| dir.is_dir())
                .map(Path::to_path_buf)
        })
        .unwrap_or_else(|| data.to_path_buf())
}

/// Writes the report at `now` into `folder`; the path, or why not.
pub fn write_report(
    store: &Store,
    content: &Content,
    folder: &Path,
    now: DateTime<Local>,
) -> Result<PathBuf, String> {
    let until = now.date_naive();
    let since = ReportData::default_since(until);
    let (data, _) = store
        .load_report(since, until, now)
        .map_err(|err| err.to_string())?;
    let mut page = Vec::new();
    write::html(&blocks::blocks(&data, content), &mut page).map_err(|err| err.to_string())?;
    let path = folder.join(format!("backcoach-report-{until}.html"));
    let mut options = OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Health data: private, and never written through a planted link.
        options.mode(0o600).custom_flags(libc::O_NOFOLLOW);
    }
    let shown = path.display().to_string();
    let mut file = options
        .open(&path)
        .map_err(|err| format!("{shown}: {err}"))?;
    file.write_all(&page)
        .and_then(|()| file.sync_all())
        .map_err(|err| format!("{shown}: {err}"))?;
    Ok(path)
}
