//! The running heat/cold session, persisted the moment it starts so a quit,
//! crash or kill can never lose track of a pack on the skin.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Local};
use serde::{Deserialize, Serialize};

use super::{Store, write_atomically};
use crate::domain::therapy::Running;

/// Version written into the running-session file.
pub const RUNNING_VERSION: u32 = 1;
const RUNNING_FILE: &str = "therapy-running.json";

#[derive(Serialize, Deserialize)]
struct RunningFile {
    version: u32,
    #[serde(flatten)]
    running: Running,
}

impl Store {
    /// Path of the running-session file.
    pub fn running_path(&self) -> PathBuf {
        self.dir().join(RUNNING_FILE)
    }

    /// Writes the running session (atomically, 0600).
    pub fn save_running(&self, running: &Running) -> io::Result<()> {
        let file = RunningFile {
            version: RUNNING_VERSION,
            running: running.clone(),
        };
        let bytes = serde_json::to_vec_pretty(&file).map_err(io::Error::other)?;
        write_atomically(&self.running_path(), &bytes)
    }

    /// Removes the running-session file (done: the pack is off).
    pub fn clear_running(&self) -> io::Result<()> {
        match fs::remove_file(self.running_path()) {
            Err(err) if err.kind() != io::ErrorKind::NotFound => Err(err),
            _ => Ok(()),
        }
    }
}

/// Reads the running session, if any, without changing anything on disk.
/// A file that does not parse is an `InvalidData` error.
pub fn load_running(store: &Store) -> io::Result<Option<Running>> {
    read(&store.running_path())
}

fn read(path: &Path) -> io::Result<Option<Running>> {
    let text = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(err) => return Err(err),
    };
    let file: RunningFile = serde_json::from_str(&text)
        .map_err(|err| io::Error::new(io::ErrorKind::InvalidData, err.to_string()))?;
    if file.version != RUNNING_VERSION {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("version {} is not one this backcoach reads", file.version),
        ));
    }
    Ok(Some(file.running))
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
    let path = store.running_path();
    match read(&path) {
        Ok(running) => LoadedRunning {
            running,
            notice: None,
        },
        Err(err) => {
            let aside = path.with_file_name(format!(
                "{RUNNING_FILE}.corrupt-{}",
                now.format("%Y%m%d-%H%M%S")
            ));
            let notice = match fs::rename(&path, &aside) {
                Ok(()) => format!(
                    "The running heat/cold session file could not be read ({err}); it was kept as {}. Check your skin and remove any pack now.",
                    aside.display()
                ),
                Err(move_err) => format!(
                    "The running heat/cold session file {} could not be read ({err}) nor set aside ({move_err}). Check your skin and remove any pack now.",
                    path.display()
                ),
            };
            LoadedRunning {
                running: None,
                notice: Some(notice),
            }
        }
    }
}
