//! Everything on disk: a private data folder holding the versioned files
//! (settings, reminder schedule, running heat/cold session) and the
//! append-only history log.

mod error;
pub mod history;
pub mod lock;
mod private;
mod schedule;
pub mod session_history;
mod settings;
pub mod settings_change;
pub mod therapy;
mod version_field;
pub mod versioned;

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Local};
use serde::Serialize;
use serde::de::DeserializeOwned;

pub use error::StoreError;
pub use history::LoadedHistory;
pub use schedule::{LoadedSchedule, SCHEDULE_VERSION};
pub use settings::{LoadedSettings, SETTINGS_VERSION, Settings};
use versioned::{Spec, VersionedFile};

const HISTORY_FILE: &str = "history.jsonl";

/// The data folder and the files in it.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
}

impl Store {
    /// Opens the data folder, creating it (mode 0700 on unix) when missing.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        if !dir.is_dir() {
            private::create_folder(dir).map_err(|source| StoreError::CreateFolder {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        Ok(Store {
            dir: dir.to_path_buf(),
        })
    }

    /// The folder this store writes to.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The versioned file of kind `spec` in this folder.
    fn file<T: Serialize + DeserializeOwned>(&self, spec: &'static Spec<T>) -> VersionedFile<T> {
        VersionedFile::new(&self.dir, spec)
    }

    /// Path of the history log.
    pub fn history_path(&self) -> PathBuf {
        self.dir.join(HISTORY_FILE)
    }

    /// Appends one record to the history log (see [`history::append`]).
    pub fn append<T: Serialize>(&self, record: &T) -> Result<(), StoreError> {
        history::append(&self.history_path(), record)
    }

    /// Loads the history log (see [`history::load`]).
    pub fn load_history<T: DeserializeOwned>(
        &self,
        now: DateTime<Local>,
    ) -> Result<LoadedHistory<T>, StoreError> {
        history::load(&self.history_path(), now)
    }
}

/// Writes `bytes` to `path` via a private temp file in the same folder:
/// write, fsync, rename over `path`, fsync the folder (where there is such
/// a thing), so a crash leaves the old file or the new one, never half.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| -> io::Result<()> {
        let mut file = private::file_options()
            .write(true)
            .create(true)
            .truncate(true)
            .open(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        fs::rename(&temp, path)?;
        private::sync_folder(dir)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result.map_err(StoreError::write(path))
}
