//! Copies of unreadable data kept beside the file they came from:
//! `NAME.corrupt-DATE`, then `-2`, `-3`… when that name is taken. A copy
//! never replaces an earlier one, and holds the bytes exactly as they were.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Local};

use super::private;

/// Most copies kept for one second.
const MAX_PER_SECOND: usize = 1000;

/// `NAME.corrupt-DATE`, `NAME.corrupt-DATE-2`…: the names to try, in order.
fn candidates(path: &Path, now: DateTime<Local>) -> impl Iterator<Item = PathBuf> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let base = format!("{name}.corrupt-{}", now.format("%Y%m%d-%H%M%S"));
    let path = path.to_path_buf();
    (1..=MAX_PER_SECOND).map(move |n| match n {
        1 => path.with_file_name(&base),
        n => path.with_file_name(format!("{base}-{n}")),
    })
}

/// Creates a new, private side file for the bad parts of `path`.
pub fn create(path: &Path, now: DateTime<Local>) -> io::Result<(File, PathBuf)> {
    private::create_new_at(candidates(path, now))
}

/// Moves the whole file at `path` to a free side name, never replacing
/// anything there (see [`private::rename_new`]).
pub fn move_aside(path: &Path, now: DateTime<Local>) -> io::Result<PathBuf> {
    for candidate in candidates(path, now) {
        match private::rename_new(path, &candidate) {
            Ok(()) => return Ok(candidate),
            Err(err) if err.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(err) => return Err(err),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        "every name for a kept copy is taken",
    ))
}
