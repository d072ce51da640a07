//! Everything on disk: a private data folder holding the versioned files
//! (settings, reminder schedule, running heat/cold session, this machine's
//! id) and the history folder, one append-only log per machine.

pub mod adopt;
mod aside;
pub mod config;
pub mod config_file;
mod config_move;
mod error;
pub mod folder;
pub mod history;
mod history_back;
pub mod history_fast;
mod history_files;
mod history_last;
mod history_lines;
pub mod history_merge;
mod history_parts;
mod history_read;
mod history_readers;
mod history_recent;
mod history_repair;
mod history_report;
pub mod history_time;
mod history_usual;
pub mod in_range;
pub mod lock;
pub mod machine;
pub mod preferences;
mod private;
pub mod quiet;
pub mod report_history;
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
pub use schedule::{LoadedSchedule, SCHEDULE_FILE, SCHEDULE_VERSION};
pub use settings::{LoadedSettings, OldReminder, SETTINGS_VERSION, Settings, Speech, StateFile};
use versioned::{Spec, VersionedFile};

use crate::text;

/// The single log of earlier releases, adopted as this machine's log.
const OLD_HISTORY_FILE: &str = "history.jsonl";
/// The folder of logs, one per machine.
const HISTORY_FOLDER: &str = "history";

/// The data folder and the files in it.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
    notice: Option<String>,
    /// This machine's id; `None` when none could be made (a read-only
    /// folder), and then records go to the old single log.
    machine: Option<String>,
    /// The config folder, where `config.ron` is (the data folder unless
    /// [`Store::with_config_dir`] names another).
    config_dir: PathBuf,
}

impl Store {
    /// Opens the data folder for a command that writes: creates it (mode
    /// 0700 on unix) when missing, tightens it to 0700 when others could
    /// write to it (see [`Store::notice`]), and refuses a folder owned by
    /// another user (see [`folder`]). Then the history folder is made
    /// ready the same way, this machine's id made on first run, and the
    /// single log of earlier releases adopted (see [`adopt`]); when that
    /// cannot be done, the notice says so and the old log is still read.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        let mut notices: Vec<String> = folder::prepare(dir, folder::Use::Write)?
            .into_iter()
            .collect();
        let mut store = Store {
            dir: dir.to_path_buf(),
            notice: None,
            machine: None,
            config_dir: dir.to_path_buf(),
        };
        store.machine = store.prepare_history(&mut notices)?;
        if !notices.is_empty() {
            store.notice = Some(notices.join(" "));
        }
        Ok(store)
    }

    /// This machine's id with the history folder ready and the old log
    /// adopted; `None` (and why, in `notices`) when that cannot be done.
    /// A history folder of another user is refused like the data folder.
    fn prepare_history(&self, notices: &mut Vec<String>) -> Result<Option<String>, StoreError> {
        let folder = self.history_folder();
        match folder::prepare(&folder, folder::Use::Write) {
            Ok(notice) => notices.extend(notice),
            Err(err @ (StoreError::OtherOwner { .. } | StoreError::NotAFolder { .. })) => {
                return Err(err);
            }
            Err(err) => {
                notices.push(format!("The history folder is not ready ({err})."));
                return Ok(None);
            }
        }
        let machine = match machine::id(&self.dir) {
            Ok((id, notice)) => {
                notices.extend(notice);
                id
            }
            Err(err) => {
                notices.push(format!("This machine has no id yet ({err})."));
                return Ok(None);
            }
        };
        let adoption = adopt::Adoption {
            old: self.dir.join(OLD_HISTORY_FILE),
            folder,
            machine: machine.clone(),
        };
        if let Err(err) = adopt::adopt(&adoption) {
            notices.push(format!(
                "The history log {} could not be moved into the history folder ({}); it is still read.",
                text::safe::shown(&adoption.old.display().to_string()),
                text::safe::shown(&err.to_string())
            ));
        }
        Ok(Some(machine))
    }

    /// Opens the data folder for a command that only reads (`status`):
    /// nothing is created or changed; a folder owned by another user is
    /// still refused.
    pub fn open_to_read(dir: &Path) -> Result<Store, StoreError> {
        folder::prepare(dir, folder::Use::Read)?;
        Ok(Store {
            dir: dir.to_path_buf(),
            notice: None,
            machine: machine::peek(dir),
            config_dir: dir.to_path_buf(),
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
        temp::sweep(&self.history_folder(), SystemTime::from(now));
    }

    /// The folder this store writes to.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The versioned file of kind `spec` in this folder.
    fn file<T: Serialize + DeserializeOwned>(&self, spec: &'static Spec<T>) -> VersionedFile<T> {
        VersionedFile::new(&self.dir, spec)
    }

    /// The folder of history logs, one per machine (`history/` in the
    /// data folder; a link there to a synced folder is followed).
    pub fn history_folder(&self) -> PathBuf {
        self.dir.join(HISTORY_FOLDER)
    }

    /// Path of this machine's history log, the only one it appends to:
    /// `history/<machine>.jsonl` (the old single `history.jsonl` when no
    /// machine id could be made).
    pub fn history_path(&self) -> PathBuf {
        match &self.machine {
            Some(id) => self.history_folder().join(format!("{id}.jsonl")),
            None => self.old_history_path(),
        }
    }

    /// Path of the single log of earlier releases.
    pub fn old_history_path(&self) -> PathBuf {
        self.dir.join(OLD_HISTORY_FILE)
    }

    /// Appends one record to this machine's history log (see
    /// [`history::append`]).
    pub fn append<T: Serialize>(&self, record: &T) -> Result<(), StoreError> {
        history::append(&self.history_path(), record)
    }

    /// Loads every history log, merged (see [`history::load`]): for tests
    /// and small logs; the app reads only the recent days, and the History
    /// screen and exports stream.
    pub fn load_history<T: DeserializeOwned + Checked + Send + 'static>(
        &self,
        now: DateTime<Local>,
    ) -> Result<LoadedHistory<T>, StoreError> {
        self.sweep(now);
        history::load(self, now)
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
