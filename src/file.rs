//! Opening a file that may be hostile: a content pack someone shared, a
//! data file someone else could have replaced. Only regular files are read
//! (checked on the opened handle, so nothing can be swapped in between),
//! opening never blocks (a FIFO is refused at once, not waited on), links
//! are refused where a planted one could redirect us, and a read stops at
//! a limit counted in bytes actually read, never trusting the size the
//! file claims (`/dev/zero` claims 0).
//!
//! Used by the content loader and the store alike, so it sits below both,
//! beside `text` and `time`.

use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

/// Whether opening may follow a symbolic link at the path itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Links {
    /// Follow it (a content pack linked into the content folder).
    Follow,
    /// Refuse it (a file of the private data folder).
    Refuse,
}

/// Why a file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// There is no file at the path.
    #[error("it does not exist")]
    NotFound,
    /// The path is a symbolic link and links are refused there.
    #[error("it is a symbolic link, which backcoach does not follow here")]
    Link,
    /// The path is not a regular file.
    #[error("it is {0}, not a regular file")]
    NotRegular(&'static str),
    /// More bytes than allowed.
    #[error("it is larger than {} (more was not read)", size_words(*.0))]
    TooLarge(u64),
    /// Anything else the system said.
    #[error("{0}")]
    Io(#[from] io::Error),
}

/// `limit` bytes in the words a reader expects: "1 MiB".
fn size_words(limit: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if limit >= MIB && limit.is_multiple_of(MIB) {
        format!("{} MiB", limit / MIB)
    } else {
        format!("{limit} bytes")
    }
}

/// Opens `path` for reading, without blocking and (with [`Links::Refuse`])
/// without following a link at the path, and makes sure the handle is a
/// regular file.
pub fn open_regular(path: &Path, links: Links) -> Result<File, ReadError> {
    // Unix refuses the link in `open` itself (O_NOFOLLOW); elsewhere the
    // path is looked at first.
    if cfg!(not(unix)) && links == Links::Refuse && is_link(path) {
        return Err(ReadError::Link);
    }
    let mut options = OpenOptions::new();
    options.read(true);
    no_block(&mut options, links);
    let file = match options.open(path) {
        Ok(file) => file,
        Err(err) => return Err(open_error(path, links, err)),
    };
    ensure_regular(&file)?;
    Ok(file)
}

/// Reads all of `file`, or fails once more than `limit` bytes came.
pub fn read_limited(file: &File, limit: u64) -> Result<Vec<u8>, ReadError> {
    // The size the file claims is only a hint for the buffer (and not
    // trusted with more than 64 MiB up front), never a bound on what is
    // read.
    const MAX_HINT: u64 = 64 * 1024 * 1024;
    let hint = file
        .metadata()
        .map_or(0, |m| m.len())
        .min(limit)
        .min(MAX_HINT);
    let mut bytes = Vec::with_capacity(usize::try_from(hint).unwrap_or(0));
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge(limit));
    }
    Ok(bytes)
}

/// [`open_regular`] then [`read_limited`]: `Ok(None)` when there is no
/// file at `path`.
pub fn read_regular(path: &Path, links: Links, limit: u64) -> Result<Option<Vec<u8>>, ReadError> {
    match open_regular(path, links) {
        Ok(file) => read_limited(&file, limit).map(Some),
        Err(ReadError::NotFound) => Ok(None),
        Err(err) => Err(err),
    }
}

/// Refuses a handle that is not a regular file, naming what it is.
pub fn ensure_regular(file: &File) -> Result<(), ReadError> {
    let kind = file.metadata()?.file_type();
    if kind.is_file() {
        Ok(())
    } else {
        Err(ReadError::NotRegular(kind_words(kind)))
    }
}

/// What a file is, in words: "a file", "a folder", "a named pipe (FIFO)"...
pub fn kind_words(kind: std::fs::FileType) -> &'static str {
    if kind.is_file() {
        return "a file";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    if kind.is_dir() {
        "a folder"
    } else if kind.is_symlink() {
        "a symbolic link"
    } else {
        "neither a file nor a folder"
    }
}

/// Turns an open error into the reason a reader can act on.
fn open_error(path: &Path, links: Links, err: io::Error) -> ReadError {
    if err.kind() == io::ErrorKind::NotFound {
        return ReadError::NotFound;
    }
    // O_NOFOLLOW fails with ELOOP (EMLINK on some BSDs); say what it means.
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if links == Links::Refuse && is_link {
        ReadError::Link
    } else {
        ReadError::Io(err)
    }
}

/// Unix: never block in `open` (a FIFO without a writer would wait
/// forever) and, where asked, refuse a link at the path (for a file that
/// is written, a planted link must never redirect the write). The handle
/// must still be checked with [`ensure_regular`].
#[cfg(unix)]
pub fn no_block(options: &mut OpenOptions, links: Links) {
    use std::os::unix::fs::OpenOptionsExt;
    let nofollow = if links == Links::Refuse {
        libc::O_NOFOLLOW
    } else {
        0
    };
    options.custom_flags(libc::O_NONBLOCK | nofollow);
}

/// Elsewhere opening a pipe or device by path is not the hazard it is on
/// unix, and there is no O_NOFOLLOW: callers look at the path first (see
/// [`is_link`]); the handle is still checked for being a regular file.
#[cfg(not(unix))]
pub fn no_block(_options: &mut OpenOptions, _links: Links) {}

/// True when `path` itself is a symbolic link.
pub fn is_link(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}
