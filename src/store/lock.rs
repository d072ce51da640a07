//! One owner of the alarms per data folder: the full-screen app holds an
//! exclusive lock on `app.lock` while it runs, `backcoach remind` one on
//! `remind.lock`. Each writes its process id into its lock file so the
//! next one can say who holds it. Locks are the operating system's (they
//! go when the process does, however it ends); the files stay.
//!
//! Another process may look whether a lock is held by taking a shared lock
//! for a moment ([`Store::app_open`]); so taking the exclusive lock is
//! retried for a short while before giving up.

use std::fs::{File, TryLockError};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::thread;
use std::time::Duration;

use super::Store;
use super::private::file_options;

/// Lock file of the full-screen app.
pub const APP_LOCK: &str = "app.lock";
/// Lock file of `backcoach remind`.
pub const REMIND_LOCK: &str = "remind.lock";

/// Tries to take an exclusive lock this many times...
const TRIES: u32 = 6;
/// ...this long apart (about 100 ms in all), to ride over a reader's
/// brief shared lock.
const RETRY: Duration = Duration::from_millis(20);

/// A lock held for as long as this value lives.
#[derive(Debug)]
pub struct Held {
    _file: File,
}

/// Why a lock could not be taken.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Another process holds it (with its process id, when it could be read).
    #[error("held by another process{}", pid_words(*.pid))]
    Held {
        /// The holder's process id, when its lock file says.
        pid: Option<u32>,
    },
    /// The lock file could not be opened or locked.
    #[error("cannot lock {}: {source}", path.display())]
    Io {
        /// The lock file.
        path: PathBuf,
        /// What went wrong.
        source: io::Error,
    },
}

fn pid_words(pid: Option<u32>) -> String {
    pid.map(|pid| format!(" (pid {pid})")).unwrap_or_default()
}

impl LockError {
    /// " (pid N)" when another process holds the lock and says who; empty
    /// otherwise.
    pub fn holder(&self) -> String {
        match self {
            LockError::Held { pid } => pid_words(*pid),
            LockError::Io { .. } => String::new(),
        }
    }
}

/// Opens (or creates) a lock file; on a read-only disk an existing one
/// opens for reading, which is enough to lock it.
fn open(path: &Path) -> Result<File, LockError> {
    file_options()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
        .or_else(|err| File::open(path).map_err(|_| err))
        .map_err(|source| LockError::Io {
            path: path.to_path_buf(),
            source,
        })
}

/// The process id written in a lock file, if it can be read.
fn read_pid(path: &Path) -> Option<u32> {
    let mut text = String::new();
    File::open(path).ok()?.read_to_string(&mut text).ok()?;
    text.trim().parse().ok()
}

/// Takes the exclusive lock on `path` and writes this process's id in it.
fn take(path: &Path) -> Result<Held, LockError> {
    let mut file = open(path)?;
    let mut tries = 0;
    loop {
        match file.try_lock() {
            Ok(()) => break,
            Err(TryLockError::WouldBlock) if tries + 1 < TRIES => {
                tries += 1;
                thread::sleep(RETRY);
            }
            Err(TryLockError::WouldBlock) => {
                return Err(LockError::Held {
                    pid: read_pid(path),
                });
            }
            Err(TryLockError::Error(source)) => {
                return Err(LockError::Io {
                    path: path.to_path_buf(),
                    source,
                });
            }
        }
    }
    // Only the holder writes: the id is of whoever holds the lock now. On
    // a read-only disk it cannot, and the lock holds all the same.
    let _ = file
        .set_len(0)
        .and_then(|()| file.seek(SeekFrom::Start(0)))
        .and_then(|_| writeln!(file, "{}", std::process::id()))
        .and_then(|()| file.flush());
    Ok(Held { _file: file })
}

/// True when some process holds the exclusive lock on `path` (a shared
/// lock cannot be had). A missing or unopenable file counts as free.
fn held(path: &Path) -> bool {
    let Ok(file) = File::open(path) else {
        return false;
    };
    match file.try_lock_shared() {
        Ok(()) => {
            let _ = file.unlock();
            false
        }
        Err(TryLockError::WouldBlock) => true,
        Err(TryLockError::Error(_)) => false,
    }
}

/// A shared lock on the app's lock file, taken while no app runs: while
/// it lives, no full-screen app can start (it retries briefly, then says
/// one is already open), so whoever holds it may ring alone.
#[derive(Debug)]
pub struct NoApp {
    _file: File,
}

impl Store {
    fn lock_path(&self, name: &str) -> PathBuf {
        self.dir().join(name)
    }

    /// Takes the full-screen app's lock for as long as the result lives.
    pub fn lock_app(&self) -> Result<Held, LockError> {
        take(&self.lock_path(APP_LOCK))
    }

    /// Takes `backcoach remind`'s lock for as long as the result lives.
    pub fn lock_remind(&self) -> Result<Held, LockError> {
        take(&self.lock_path(REMIND_LOCK))
    }

    /// True while a full-screen app holds this folder.
    pub fn app_open(&self) -> bool {
        held(&self.lock_path(APP_LOCK))
    }

    /// True while a `backcoach remind` watches this folder.
    pub fn remind_watching(&self) -> bool {
        held(&self.lock_path(REMIND_LOCK))
    }

    /// A shared lock on the app's lock file, when no app holds it; `None`
    /// while one does.
    pub fn while_no_app(&self) -> Option<NoApp> {
        let file = open(&self.lock_path(APP_LOCK)).ok()?;
        match file.try_lock_shared() {
            Ok(()) => Some(NoApp { _file: file }),
            Err(_) => None,
        }
    }

    /// Blocks until no full-screen app holds this folder (for a waiting
    /// thread); an error when the lock file cannot be used.
    pub fn wait_app_closed(&self) -> io::Result<()> {
        let file = File::open(self.lock_path(APP_LOCK))?;
        file.lock_shared()?;
        file.unlock()
    }
}
