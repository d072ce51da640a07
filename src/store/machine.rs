//! This machine's name in the shared history: an id made on first run
//! (the host name plus a short random suffix, made safe for a file name)
//! and kept in the data folder as `machine.ron`. Each machine appends only
//! to `history/<id>.jsonl`, so a history folder shared between machines
//! never has two writers on one file.

use std::fs;
use std::hash::{BuildHasher, RandomState};
use std::io::{self, Write};
use std::path::Path;

use chrono::{DateTime, Local};
use serde::{Deserialize, Serialize};

use super::versioned::{Format, Spec, VersionedFile};
use super::{StoreError, aside, private, temp};
use crate::text::safe;

/// Version written into the machine file.
pub const MACHINE_VERSION: u32 = 1;

/// Longest id kept (the host name part is cut to fit).
const MAX_ID: usize = 48;

/// The machine file: `(version: 1, id: "laptop-3f9a2c")`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Machine {
    /// The id, and the stem of this machine's history file.
    pub id: String,
}

static MACHINE: Spec<Machine> = Spec {
    name: "machine.ron",
    format: Format::Ron,
    version: MACHINE_VERSION,
    older: &[],
    check: problem,
    what: "The machine id file",
    then: "This machine starts a new history file; the earlier one is still read.",
};

fn problem(machine: &Machine) -> Option<String> {
    (!is_id(&machine.id)).then(|| {
        "`id` must be 1 to 48 lower-case letters, digits and dashes, starting with a letter or digit"
            .to_owned()
    })
}

/// True for an id this release makes and reads: lower-case ASCII letters,
/// digits and `-`, not starting with `-`, at most 48 characters.
pub fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID
        && !id.starts_with('-')
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The id for a machine called `host`, with `suffix` (six hex digits of
/// it) making two machines of one name differ: `My Laptop.local` gives
/// `my-laptop-local-3f9a2c`.
pub fn id_for(host: &str, suffix: u64) -> String {
    let mut name = String::new();
    for c in host.chars() {
        let c = c.to_ascii_lowercase();
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            name.push(c);
        } else if !name.is_empty() && !name.ends_with('-') {
            name.push('-');
        }
    }
    let tail = format!("{:06x}", suffix & 0xff_ffff);
    name.truncate(MAX_ID - tail.len() - 1);
    let name = name.trim_end_matches('-');
    if name.is_empty() {
        format!("machine-{tail}")
    } else {
        format!("{name}-{tail}")
    }
}

/// The host name as the system gives it ("" when it cannot).
fn host_name() -> String {
    #[cfg(unix)]
    {
        rustix::system::uname()
            .nodename()
            .to_string_lossy()
            .into_owned()
    }
    #[cfg(not(unix))]
    {
        std::env::var("COMPUTERNAME").unwrap_or_default()
    }
}

/// This machine's id from the data folder `dir`, made and kept on first
/// run; with a sentence for the user when the file was bad and was set
/// aside (named for the time it was last written: no clock is read here).
/// Two processes starting at once agree: the file is created only when
/// missing, and whoever loses reads the winner's.
pub fn id(dir: &Path) -> Result<(String, Option<String>), StoreError> {
    let file = VersionedFile::new(dir, &MACHINE);
    let notice = match file.peek() {
        Ok(Some(machine)) => return Ok((machine.id, None)),
        Ok(None) => None,
        Err(problem) => Some(set_aside(file.path(), &problem)?),
    };
    let made = id_for(
        &host_name(),
        RandomState::new().hash_one(std::process::id()),
    );
    match create_new(dir, file.path(), &made) {
        Ok(()) => Ok((made, notice)),
        Err(err) if err.kind() == io::ErrorKind::AlreadyExists => match file.peek()? {
            Some(machine) => Ok((machine.id, notice)),
            None => Err(StoreError::write(file.path())(err)),
        },
        Err(err) => Err(StoreError::write(file.path())(err)),
    }
}

/// This machine's id if it has one, changing nothing (for commands that
/// only read).
pub fn peek(dir: &Path) -> Option<String> {
    VersionedFile::new(dir, &MACHINE)
        .peek()
        .ok()
        .flatten()
        .map(|machine| machine.id)
}

/// Moves a bad machine file aside; the sentence for the user.
fn set_aside(path: &Path, problem: &StoreError) -> Result<String, StoreError> {
    let written = fs::symlink_metadata(path)
        .and_then(|meta| meta.modified())
        .map_err(StoreError::read(path))?;
    let aside = aside::move_aside(path, DateTime::<Local>::from(written)).map_err(|source| {
        StoreError::Rename {
            from: path.to_path_buf(),
            to: path.with_file_name(format!("{}.corrupt-…", MACHINE.name)),
            source,
        }
    })?;
    Ok(format!(
        "{} could not be read ({problem}); it was kept as {}. {}",
        MACHINE.what,
        safe::shown(&aside.display().to_string()),
        MACHINE.then
    ))
}

/// Writes the machine file at `path` unless one is there: a private temp
/// file, fsync'd, then given the name only if it is free
/// (see [`private::rename_new`]) and the folder fsync'd.
fn create_new(dir: &Path, path: &Path, id: &str) -> io::Result<()> {
    let (mut out, temp) = temp::create(dir, MACHINE.name)?;
    let text = format!("(version: {MACHINE_VERSION}, id: \"{id}\")\n");
    let result = out
        .write_all(text.as_bytes())
        .and_then(|()| out.sync_all())
        .and_then(|()| private::rename_new(&temp, path))
        .and_then(|()| private::sync_folder(dir));
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}
