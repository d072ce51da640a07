//! Everything on disk: a private data folder holding the versioned files
//! (settings, reminder schedule, running heat/cold session) and the
//! append-only history log.

mod aside;
mod error;
pub mod folder;
pub mod history;
mod history_lines;
pub mod in_range;
pub mod lock;
mod private;
mod schedule;
pub mod session_history;
mod settings;
pub mod settings_change;
pub mod temp;
pub mod therapy;
mod version_field;
pub mod versioned;

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use chrono::{DateTime, Local};
use serde::Serialize;
use serde::de::DeserializeOwned;

pub use error::StoreError;
pub use history::{Checked, LoadedHistory};
pub use schedule::{LoadedSchedule, SCHEDULE_VERSION};
pub use settings::{LoadedSettings, SETTINGS_VERSION, Settings, Speech};
use versioned::{Spec, VersionedFile};

const HISTORY_FILE: &str = "history.jsonl";

/// The data folder and the files in it.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
    notice: Option<String>,
}

impl Store {
    /// Opens the data folder for a command that writes: creates it (mode
    /// 0700 on unix) when missing, tightens it to 0700 when others could
    /// write to it (see [`Store::notice`]), and refuses a folder owned by
    /// another user (see [`folder`]).
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        let notice = folder::prepare(dir, folder::Use::Write)?;
        Ok(Store {
            dir: dir.to_path_buf(),
            notice,
        })
    }

    /// Opens the data folder for a command that only reads (`status`):
    /// nothing is created or changed; a folder owned by another user is
    /// still refused.
    pub fn open_to_read(dir: &Path) -> Result<Store, StoreError> {
        folder::prepare(dir, folder::Use::Read)?;
        Ok(Store {
            dir: dir.to_path_buf(),
            notice: None,
        })
    }

    /// A sentence for the user about the folder itself (it was tightened),
    /// if there is one.
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    /// Removes temp files a killed process left in the folder (older than
    /// [`temp::STALE_AFTER`] at `now`). Loading the settings or the
    /// history does this, so every start does.
    pub fn sweep(&self, now: DateTime<Local>) {
        temp::sweep(&self.dir, SystemTime::from(now));
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
    pub fn load_history<T: DeserializeOwned + Checked>(
        &self,
        now: DateTime<Local>,
    ) -> Result<LoadedHistory<T>, StoreError> {
        self.sweep(now);
        history::load(&self.history_path(), now)
    }
}

/// Writes `bytes` to `path` via a new private temp file in the same
/// folder (see [`temp::create`]): write, fsync, rename over `path`, fsync
/// the folder (where there is such a thing), so a crash leaves the old file
/// or the new one, never half.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (mut file, temp) = temp::create(dir, &name).map_err(StoreError::write(path))?;
    let result = (|| -> io::Result<()> {
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
