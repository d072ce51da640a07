//! Adopting the single `history.jsonl` of earlier releases as this
//! machine's log, `history/<machine>.jsonl`, losing nothing however the
//! process ends. Each step is one change on disk that is whole or not
//! done at all (a hard link, a removal, a copy given its name only once
//! complete), and the next step is always decided afresh from what is on
//! disk, so a start after a kill at any point carries on from there, and
//! two processes adopting at once agree. Readers read the old log too
//! while it is there, and a record in both files counts once (see
//! `history_lines`), so no moment in between loses or doubles a record.

use std::fs::{self, File};
use std::io::{self, BufReader, Read};
use std::path::{Path, PathBuf};

use super::{private, temp};
use crate::file::{self, Links};

/// Most steps one adoption takes (each decided afresh).
const MAX_STEPS: usize = 8;

/// One change on disk on the way to adopting the old log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Give the old log this machine's name in the history folder as a
    /// second name of the same file (a hard link; a copy where a link
    /// cannot be made).
    Link,
    /// Copy the old log to a new private file, fsync it, then give it
    /// this machine's name if that is still free.
    Copy,
    /// Every byte of the old log is in the history folder: remove the old
    /// name.
    RemoveOld,
    /// This machine's log already holds other records: keep the old log
    /// beside it as `<machine>-adopted-N.jsonl`, which is read like every
    /// `*.jsonl` file there.
    KeepBeside,
}

/// Where the old log is and where it goes.
#[derive(Debug, Clone)]
pub struct Adoption {
    /// The old log, `history.jsonl` in the data folder.
    pub old: PathBuf,
    /// The history folder.
    pub folder: PathBuf,
    /// This machine's id.
    pub machine: String,
}

impl Adoption {
    /// This machine's log.
    pub fn target(&self) -> PathBuf {
        self.folder.join(format!("{}.jsonl", self.machine))
    }

    /// The names the old log can be kept under beside this machine's log.
    fn beside(&self) -> impl Iterator<Item = PathBuf> + '_ {
        (1..=1000).map(|n| {
            self.folder
                .join(format!("{}-adopted-{n}.jsonl", self.machine))
        })
    }
}

/// What is left to do, from what is on disk: `None` when there is no old
/// log. A link or anything but a regular file at the old name is refused
/// (never followed nor moved).
pub fn next_step(adoption: &Adoption) -> io::Result<Option<Step>> {
    let meta = match fs::symlink_metadata(&adoption.old) {
        Ok(meta) => meta,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(err) => return Err(err),
    };
    if !meta.is_file() {
        return Err(io::Error::other(format!(
            "it is {}, not a regular file, so it was left where it is",
            file::kind_words(meta.file_type())
        )));
    }
    let target = adoption.target();
    if fs::symlink_metadata(&target).is_err() {
        return Ok(Some(Step::Link));
    }
    let homes = std::iter::once(target).chain(adoption.beside());
    for home in homes {
        if fs::symlink_metadata(&home).is_err() {
            continue;
        }
        if same_file(&adoption.old, &home)? || holds(&home, &adoption.old)? {
            return Ok(Some(Step::RemoveOld));
        }
    }
    Ok(Some(Step::KeepBeside))
}

/// Carries out one step. A name found taken meanwhile (another process
/// adopting at the same time) is not an error: the next step is decided
/// again.
pub fn apply(adoption: &Adoption, step: Step) -> io::Result<()> {
    match step {
        Step::Link => match fs::hard_link(&adoption.old, adoption.target()) {
            Ok(()) => private::sync_folder(&adoption.folder),
            Err(err) if err.kind() == io::ErrorKind::AlreadyExists => Ok(()),
            Err(_) => copy_to(adoption, &adoption.target()),
        },
        Step::Copy => copy_to(adoption, &adoption.target()),
        Step::RemoveOld => match fs::remove_file(&adoption.old) {
            Ok(()) => adoption.old.parent().map_or(Ok(()), private::sync_folder),
            Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(err) => Err(err),
        },
        Step::KeepBeside => {
            let free = adoption
                .beside()
                .find(|name| fs::symlink_metadata(name).is_err())
                .ok_or_else(|| io::Error::from(io::ErrorKind::AlreadyExists))?;
            match fs::hard_link(&adoption.old, &free) {
                Ok(()) => private::sync_folder(&adoption.folder),
                Err(err) if err.kind() == io::ErrorKind::AlreadyExists => Ok(()),
                Err(_) => copy_to(adoption, &free),
            }
        }
    }
}

/// Adopts the old log, if there is one: `Ok(true)` when one was adopted.
pub fn adopt(adoption: &Adoption) -> io::Result<bool> {
    let mut adopted = false;
    for _ in 0..MAX_STEPS {
        match next_step(adoption)? {
            None => return Ok(adopted),
            Some(step) => apply(adoption, step)?,
        }
        adopted = true;
    }
    Err(io::Error::other(
        "the old log is still there after every step",
    ))
}

/// Copies the old log to a new private temp file in the history folder,
/// fsync'd, then gives it the name `to` if that is free. A kill leaves at
/// most a temp file, which is never read and is swept later.
fn copy_to(adoption: &Adoption, to: &Path) -> io::Result<()> {
    let mut from = open(&adoption.old)?;
    let (mut out, made) = temp::create(&adoption.folder, "adopted.jsonl")?;
    let result = io::copy(&mut from, &mut out)
        .and_then(|_| out.sync_all())
        .and_then(|()| private::rename_new(&made, to))
        .and_then(|()| private::sync_folder(&adoption.folder));
    let _ = fs::remove_file(&made);
    match result {
        Err(err) if err.kind() == io::ErrorKind::AlreadyExists => Ok(()),
        other => other,
    }
}

fn open(path: &Path) -> io::Result<File> {
    file::open_regular(path, Links::Refuse).map_err(|err| match err {
        file::ReadError::Io(err) => err,
        other => io::Error::other(other.to_string()),
    })
}

/// True when `a` and `b` are one file under two names.
#[cfg(unix)]
fn same_file(a: &Path, b: &Path) -> io::Result<bool> {
    use std::os::unix::fs::MetadataExt;
    let (a, b) = (fs::symlink_metadata(a)?, fs::symlink_metadata(b)?);
    Ok(a.dev() == b.dev() && a.ino() == b.ino())
}

/// Elsewhere the bytes decide (see [`holds`]).
#[cfg(not(unix))]
fn same_file(_a: &Path, _b: &Path) -> io::Result<bool> {
    Ok(false)
}

/// True when the file `home` starts with every byte of `old`: nothing of
/// the old log would be lost without it.
fn holds(home: &Path, old: &Path) -> io::Result<bool> {
    let (home, old) = (open(home)?, open(old)?);
    if home.metadata()?.len() < old.metadata()?.len() {
        return Ok(false);
    }
    let (mut home, mut old) = (BufReader::new(home), BufReader::new(old));
    let (mut a, mut b) = ([0u8; 8192], [0u8; 8192]);
    loop {
        let n = old.read(&mut a)?;
        if n == 0 {
            return Ok(true);
        }
        match home.read_exact(&mut b[..n]) {
            Err(err) if err.kind() == io::ErrorKind::UnexpectedEof => return Ok(false),
            other => other?,
        }
        if a[..n] != b[..n] {
            return Ok(false);
        }
    }
}
