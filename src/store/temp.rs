//! The temp files a replacement is written to before it is renamed into
//! place: created new (O_EXCL, so nothing already there is opened, a link
//! included) without following links, under names no other process or
//! call picks (process id, a counter and a random number), and swept when
//! a killed process left them behind.

use std::fs::{self, File};
use std::hash::{BuildHasher, RandomState};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

use super::private;

/// What every temp file name holds after `.NAME`.
const MARK: &str = ".tmp-";
/// A temp file older than this was left by a process that died: writing
/// one takes milliseconds.
pub const STALE_AFTER: Duration = Duration::from_secs(5 * 60);

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// Creates a new private temp file beside `name` in `dir` (see
/// [`private::create_new_at`]), trying a few names in case one is taken.
pub fn create(dir: &Path, name: &str) -> io::Result<(File, PathBuf)> {
    let random = RandomState::new();
    let pid = std::process::id();
    private::create_new_at((0..8).map(|_| {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        dir.join(format!(
            ".{name}{MARK}{pid}-{n}-{:016x}",
            random.hash_one(n)
        ))
    }))
}

/// True for a name [`create`] makes: `.NAME.tmp-…`.
pub fn is_temp_name(name: &str) -> bool {
    name.starts_with('.') && name.contains(MARK)
}

/// Removes the temp files in `dir` older than [`STALE_AFTER`] at `now`
/// (files and links only; what cannot be removed is left).
pub fn sweep(dir: &Path, now: SystemTime) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        if !entry.file_name().to_str().is_some_and(is_temp_name) {
            continue;
        }
        let path = entry.path();
        let Ok(meta) = fs::symlink_metadata(&path) else {
            continue;
        };
        let stale = meta
            .modified()
            .is_ok_and(|at| now.duration_since(at).is_ok_and(|age| age >= STALE_AFTER));
        if stale && (meta.is_file() || meta.file_type().is_symlink()) {
            let _ = fs::remove_file(&path);
        }
    }
}
