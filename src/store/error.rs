//! What can go wrong with the data folder and its files. Every error names
//! the file, so each message tells the user where to look; and every
//! message is safe to show (paths and what a parser echoed of a file go
//! through [`safe::shown`]).

use std::io;
use std::path::{Path, PathBuf};

use crate::file::ReadError;
use crate::text::safe;

/// A path, safe to show.
fn shown(path: &Path) -> String {
    safe::shown(&path.display().to_string()).into_owned()
}

/// A failure to create, read, parse or write something in the data folder.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The data folder could not be created.
    #[error("cannot create the data folder {}: {source}", shown(.path))]
    CreateFolder {
        /// The folder.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// The data folder's path names something else than a folder.
    #[error("the data folder {} is {what}, not a folder", shown(.path))]
    NotAFolder {
        /// The path.
        path: PathBuf,
        /// What it is instead.
        what: &'static str,
    },
    /// The data folder belongs to someone else, who could read the health
    /// data in it or plant links there (OpenSSH's StrictModes refuse such
    /// a folder too).
    #[error(
        "the data folder {} belongs to another user (uid {owner}); backcoach keeps its data only in a folder of your own (pass --data-dir with one)",
        shown(.path)
    )]
    OtherOwner {
        /// The folder.
        path: PathBuf,
        /// Its owner's user id.
        owner: u32,
    },
    /// A file of the data folder is not one backcoach reads or writes: a
    /// symbolic link, a FIFO, a device, a file over the size limit.
    #[error("{}: {}", shown(.path), safe::shown(.reason))]
    Refused {
        /// The file.
        path: PathBuf,
        /// What it is, and that it was refused.
        reason: String,
    },
    /// A file could not be opened or read.
    #[error("cannot read {}: {source}", shown(.path))]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// A file could not be written, replaced or removed.
    #[error("cannot write {}: {source}", shown(.path))]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// A file could not be renamed aside.
    #[error("cannot rename {} to {}: {source}", shown(.from), shown(.to))]
    Rename {
        /// The file.
        from: PathBuf,
        /// The name it was to get.
        to: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// The text is not what the file should hold.
    #[error("{} does not parse: {}", shown(.path), safe::shown(.reason))]
    Parse {
        /// The file.
        path: PathBuf,
        /// What the parser said, with the position.
        reason: String,
    },
    /// Written by a release that stores this file differently.
    #[error("{} has version {found}, which is not one this backcoach reads", shown(.path))]
    UnsupportedVersion {
        /// The file.
        path: PathBuf,
        /// The version it carries.
        found: u32,
    },
    /// The file parses but holds a value out of range.
    #[error("{}: {}", shown(.path), safe::shown(.problem))]
    Invalid {
        /// The file.
        path: PathBuf,
        /// Which value, and what it must be.
        problem: String,
    },
    /// `config.ron` has a problem (its first line, located), so it is
    /// not written over.
    #[error("{}; fix it first (backcoach config shows it)", safe::shown(.problem))]
    BadConfig {
        /// The problem's first line: `…/config.ron:3:14: …`.
        problem: String,
    },
    /// A value could not be turned into text for the file.
    #[error("cannot encode {}: {}", shown(.path), safe::shown(.reason))]
    Encode {
        /// The file.
        path: PathBuf,
        /// What the encoder said.
        reason: String,
    },
    /// Saving would replace a file this backcoach cannot read (loading sets
    /// such a file aside; when that failed, it is left alone).
    #[error("not saving over a file this backcoach cannot read ({unreadable})")]
    WouldReplaceUnreadable {
        /// Why the file on disk cannot be read.
        #[source]
        unreadable: Box<StoreError>,
    },
}

impl StoreError {
    /// Makes an io error on reading `path` a [`StoreError::Read`].
    pub fn read(path: &Path) -> impl FnOnce(io::Error) -> StoreError + use<> {
        let path = path.to_path_buf();
        move |source| StoreError::Read { path, source }
    }

    /// Makes a failure to read `path` (see [`crate::file`]) a store error.
    pub fn reading(path: &Path) -> impl FnOnce(ReadError) -> StoreError + use<> {
        let path = path.to_path_buf();
        move |err| match err {
            ReadError::Io(source) => StoreError::Read { path, source },
            err => StoreError::Refused {
                path,
                reason: err.to_string(),
            },
        }
    }

    /// Makes an io error on writing `path` a [`StoreError::Write`].
    pub fn write(path: &Path) -> impl FnOnce(io::Error) -> StoreError + use<> {
        let path = path.to_path_buf();
        move |source| StoreError::Write { path, source }
    }
}
