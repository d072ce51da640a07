//! A file of the data folder that carries a `version`: read without
//! changing anything ([`VersionedFile::peek`]), loaded with a bad file set
//! aside and reported ([`VersionedFile::load`]), replaced atomically
//! ([`VersionedFile::save`]). The settings, the reminder schedule and the
//! running heat/cold session are each one of these.
//!
//! Every such file holds one struct whose first field is `version`, the
//! value's own fields following it: `(version: 1, since: …)` in RON,
//! `{"version": 1, "mode": …}` in JSON. Reading looks at `version` first,
//! then reads the value from the same text (the value ignores the extra
//! field); an older version still understood has its own reader.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Local};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::aside;
use super::error::StoreError;
use super::version_field::WithVersion;
use super::write_atomically;
use crate::file::{self, Links};

/// The largest versioned file read: each is a few hundred bytes.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// How a file is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// RON, pretty-printed.
    Ron,
    /// JSON, pretty-printed.
    Json,
}

impl Format {
    fn parse<T: DeserializeOwned>(self, text: &str) -> Result<T, String> {
        match self {
            Format::Ron => ron::from_str(text).map_err(|err| err.to_string()),
            Format::Json => serde_json::from_str(text).map_err(|err| err.to_string()),
        }
    }

    fn write<T: Serialize>(self, value: &T) -> Result<String, String> {
        match self {
            Format::Ron => ron::ser::to_string_pretty(value, ron::ser::PrettyConfig::default())
                .map_err(|err| err.to_string()),
            Format::Json => serde_json::to_string_pretty(value).map_err(|err| err.to_string()),
        }
    }
}

/// A reader for an older version that is still understood.
pub struct Older<T> {
    /// The version it reads.
    pub version: u32,
    /// Reads the whole text of such a file; the reason when it cannot.
    pub read: fn(&str) -> Result<T, String>,
}

/// One kind of versioned file: its name, how it is written, which
/// versions it reads, and what its user is told when it is set aside.
pub struct Spec<T: 'static> {
    /// File name in the data folder.
    pub name: &'static str,
    /// How it is written.
    pub format: Format,
    /// The version written, and read without help.
    pub version: u32,
    /// Older versions still read.
    pub older: &'static [Older<T>],
    /// A problem with a value that parsed (a value out of range), if any.
    pub check: fn(&T) -> Option<String>,
    /// What the file is, to begin a sentence: "The settings file".
    pub what: &'static str,
    /// The sentence after "it was kept as …": what happens now.
    pub then: &'static str,
}

/// What [`VersionedFile::load`] found.
#[derive(Debug)]
pub struct Loaded<T> {
    /// The value, when the file was there and good.
    pub value: Option<T>,
    /// A sentence for the user when the file was bad and was set aside.
    pub notice: Option<String>,
}

/// The `version` at the front of every versioned file.
#[derive(Deserialize)]
struct VersionHeader {
    version: u32,
}

/// One versioned file: where it is and what kind it is.
pub struct VersionedFile<T: 'static> {
    path: PathBuf,
    spec: &'static Spec<T>,
}

impl<T: Serialize + DeserializeOwned> VersionedFile<T> {
    /// The file of kind `spec` in the folder `dir`.
    pub fn new(dir: &Path, spec: &'static Spec<T>) -> VersionedFile<T> {
        VersionedFile {
            path: dir.join(spec.name),
            spec,
        }
    }

    /// Where the file is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Reads the file without changing anything on disk (for read-only
    /// commands): `None` when it is missing; an error naming the file when
    /// it is unreadable, damaged, out of range or of a version not read,
    /// or when it is a link, a FIFO, a device or over [`MAX_FILE_BYTES`]
    /// (refused at once, never waited on; see [`crate::file`]).
    pub fn peek(&self) -> Result<Option<T>, StoreError> {
        let Some(bytes) = file::read_regular(&self.path, Links::Refuse, MAX_FILE_BYTES)
            .map_err(StoreError::reading(&self.path))?
        else {
            return Ok(None);
        };
        let text = String::from_utf8(bytes)
            .map_err(|_| self.parse_error("it is not UTF-8 text".to_owned()))?;
        let header: VersionHeader = self.spec.format.parse(&text).map_err(|reason| {
            // The value's own complaint names it (`Settings`, not the
            // header); the header's is left for a missing `version`.
            let reason = self.spec.format.parse::<T>(&text).err().unwrap_or(reason);
            self.parse_error(reason)
        })?;
        let value = if header.version == self.spec.version {
            self.spec.format.parse(&text)
        } else if let Some(older) = self.spec.older.iter().find(|o| o.version == header.version) {
            (older.read)(&text)
        } else {
            return Err(StoreError::UnsupportedVersion {
                path: self.path.clone(),
                found: header.version,
            });
        };
        let value = value.map_err(|reason| self.parse_error(reason))?;
        match (self.spec.check)(&value) {
            Some(problem) => Err(StoreError::Invalid {
                path: self.path.clone(),
                problem,
            }),
            None => Ok(Some(value)),
        }
    }

    /// Reads the file. A missing file gives `None`; a bad one (or one of a
    /// version not read) is renamed to `NAME.corrupt-DATE`, never
    /// overwritten, and a sentence tells the user so.
    pub fn load(&self, now: DateTime<Local>) -> Loaded<T> {
        match self.peek() {
            Ok(value) => Loaded {
                value,
                notice: None,
            },
            Err(problem) => Loaded {
                value: None,
                notice: Some(self.set_aside(&problem, now)),
            },
        }
    }

    /// Replaces the file atomically with `value` at the current version.
    /// A file on disk that cannot be read is never replaced: [`load`]
    /// sets it aside, and when that failed it stays where it is.
    ///
    /// [`load`]: VersionedFile::load
    pub fn save(&self, value: &T) -> Result<(), StoreError> {
        if let Err(unreadable) = self.peek() {
            return Err(StoreError::WouldReplaceUnreadable {
                unreadable: Box::new(unreadable),
            });
        }
        let text = self
            .spec
            .format
            .write(&WithVersion {
                version: self.spec.version,
                value,
            })
            .map_err(|reason| StoreError::Encode {
                path: self.path.clone(),
                reason,
            })?;
        write_atomically(&self.path, text.as_bytes())
    }

    /// Removes the file; a missing one is fine.
    pub fn remove(&self) -> Result<(), StoreError> {
        match fs::remove_file(&self.path) {
            Err(err) if err.kind() != io::ErrorKind::NotFound => {
                Err(StoreError::write(&self.path)(err))
            }
            _ => Ok(()),
        }
    }

    fn parse_error(&self, reason: String) -> StoreError {
        StoreError::Parse {
            path: self.path.clone(),
            reason,
        }
    }

    /// Moves the bad file aside, under a name no earlier copy has; the
    /// sentence for the user (safe to show).
    fn set_aside(&self, problem: &StoreError, now: DateTime<Local>) -> String {
        let Spec { what, then, .. } = self.spec;
        match aside::move_aside(&self.path, now) {
            Ok(aside) => format!(
                "{what} could not be read ({problem}); it was kept as {}. {then}",
                crate::text::safe::shown(&aside.display().to_string())
            ),
            Err(source) => {
                let failed = StoreError::Rename {
                    from: self.path.clone(),
                    to: self
                        .path
                        .with_file_name(format!("{}.corrupt-…", self.spec.name)),
                    source,
                };
                format!(
                    "{what} could not be read ({problem}) nor set aside ({failed}), so it will not be saved over. {then}"
                )
            }
        }
    }
}
