//! What can go wrong with the data folder and its files. Every error names
//! the file, so each message tells the user where to look.

use std::io;
use std::path::{Path, PathBuf};

/// A failure to create, read, parse or write something in the data folder.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The data folder could not be created.
    #[error("cannot create the data folder {}: {source}", .path.display())]
    CreateFolder {
        /// The folder.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// A file could not be opened or read.
    #[error("cannot read {}: {source}", .path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// A file could not be written, replaced or removed.
    #[error("cannot write {}: {source}", .path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// A file could not be renamed aside.
    #[error("cannot rename {} to {}: {source}", .from.display(), .to.display())]
    Rename {
        /// The file.
        from: PathBuf,
        /// The name it was to get.
        to: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// The text is not what the file should hold.
    #[error("{} does not parse: {reason}", .path.display())]
    Parse {
        /// The file.
        path: PathBuf,
        /// What the parser said, with the position.
        reason: String,
    },
    /// Written by a release that stores this file differently.
    #[error("{} has version {found}, which is not one this backcoach reads", .path.display())]
    UnsupportedVersion {
        /// The file.
        path: PathBuf,
        /// The version it carries.
        found: u32,
    },
    /// The file parses but holds a value out of range.
    #[error("{}: {problem}", .path.display())]
    Invalid {
        /// The file.
        path: PathBuf,
        /// Which value, and what it must be.
        problem: String,
    },
    /// A value could not be turned into text for the file.
    #[error("cannot encode {}: {reason}", .path.display())]
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

    /// Makes an io error on writing `path` a [`StoreError::Write`].
    pub fn write(path: &Path) -> impl FnOnce(io::Error) -> StoreError + use<> {
        let path = path.to_path_buf();
        move |source| StoreError::Write { path, source }
    }
}
