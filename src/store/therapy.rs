//! The running heat/cold session (`therapy-running.json`), persisted the
//! moment it starts so a quit, crash or kill can never lose track of a pack
//! on the skin. A versioned file, replaced atomically.

use std::path::PathBuf;

use chrono::{DateTime, Local};

use super::versioned::{Format, Spec};
use super::{Store, StoreError};
use crate::domain::therapy::Running;

/// Version written into the running-session file.
pub const RUNNING_VERSION: u32 = 1;

/// `{"version": 1, "mode": …}`: the session's own fields after the
/// version, as every release so far has written them.
static RUNNING: Spec<Running> = Spec {
    name: "therapy-running.json",
    format: Format::Json,
    version: RUNNING_VERSION,
    older: &[],
    check: super::in_range::running,
    what: "The running heat/cold session file",
    then: "Check your skin and remove any pack now.",
};

impl Store {
    /// Path of the running-session file.
    pub fn running_path(&self) -> PathBuf {
        self.file(&RUNNING).path().to_path_buf()
    }

    /// Writes the running session (atomically, private).
    pub fn save_running(&self, running: &Running) -> Result<(), StoreError> {
        self.file(&RUNNING).save(running)
    }

    /// Removes the running-session file (done: the pack is off).
    pub fn clear_running(&self) -> Result<(), StoreError> {
        self.file(&RUNNING).remove()
    }
}

/// Reads the running session, if any, without changing anything on disk.
pub fn load_running(store: &Store) -> Result<Option<Running>, StoreError> {
    store.file(&RUNNING).peek()
}

/// What the full-screen app found at start-up.
#[derive(Debug)]
pub struct LoadedRunning {
    /// The session, when the file was there and good.
    pub running: Option<Running>,
    /// A sentence for the user when the file was bad and was set aside.
    pub notice: Option<String>,
}

/// Reads the running session; a bad file is moved to
/// `therapy-running.json.corrupt-DATE` and reported, never overwritten.
pub fn take_running(store: &Store, now: DateTime<Local>) -> LoadedRunning {
    let loaded = store.file(&RUNNING).load(now);
    LoadedRunning {
        running: loaded.value,
        notice: loaded.notice,
    }
}
