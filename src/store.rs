//! Everything on disk: a private data folder holding the settings file and
//! the append-only history log.

pub mod history;
mod schedule;
pub mod session_history;
mod settings;
pub mod therapy;

use std::fs::{self, DirBuilder, File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Local};
use serde::Serialize;
use serde::de::DeserializeOwned;

pub use history::LoadedHistory;
pub use schedule::{LoadedSchedule, SCHEDULE_VERSION};
pub use settings::{LoadedSettings, SETTINGS_VERSION, Settings};

const HISTORY_FILE: &str = "history.jsonl";

/// The data folder and the files in it.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
}

impl Store {
    /// Opens the data folder, creating it (mode 0700) when missing.
    pub fn open(dir: &Path) -> io::Result<Store> {
        if !dir.is_dir() {
            DirBuilder::new().recursive(true).mode(0o700).create(dir)?;
        }
        Ok(Store {
            dir: dir.to_path_buf(),
        })
    }

    /// The folder this store writes to.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Path of the history log.
    pub fn history_path(&self) -> PathBuf {
        self.dir.join(HISTORY_FILE)
    }

    /// Appends one record to the history log (see [`history::append`]).
    pub fn append<T: Serialize>(&self, record: &T) -> io::Result<()> {
        history::append(&self.history_path(), record)
    }

    /// Loads the history log (see [`history::load`]).
    pub fn load_history<T: DeserializeOwned>(
        &self,
        now: DateTime<Local>,
    ) -> io::Result<LoadedHistory<T>> {
        history::load(&self.history_path(), now)
    }
}

/// Writes `bytes` to `path` via a 0600 temp file in the same folder.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| {
        let mut file = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .mode(0o600)
            .open(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        fs::rename(&temp, path)?;
        File::open(dir)?.sync_all()
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}
