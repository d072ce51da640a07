//! Files and folders for the user's eyes only (it is health data), and the
//! folder fsync that makes a rename durable.
//!
//! On unix the data folder is created 0700 and its files 0600, and after a
//! rename the folder itself is fsync'd so the new name survives a crash.
//! Windows has neither: the data folder lives in the user's profile, whose
//! ACLs already keep other users out (new files inherit them), and a folder
//! cannot be opened to fsync it (NTFS journals the rename itself).

use std::fs::{DirBuilder, File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};

use crate::file::{self, Links};

/// Creates `dir` and any missing parents (mode 0700 on unix).
pub fn create_folder(dir: &Path) -> io::Result<()> {
    let mut builder = DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// Open options that create files with mode 0600.
#[cfg(unix)]
pub fn file_options() -> OpenOptions {
    let mut options = OpenOptions::new();
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options
}

/// Open options for a new file, which takes the folder's ACLs.
#[cfg(not(unix))]
pub fn file_options() -> OpenOptions {
    OpenOptions::new()
}

/// Creates a new private file at the first of `names` not taken: opened
/// with create_new (O_EXCL: nothing already there is opened, a link
/// included), without following links or blocking. Fails when every
/// name is taken, or for any other reason the system gives.
pub fn create_new_at(names: impl IntoIterator<Item = PathBuf>) -> io::Result<(File, PathBuf)> {
    for path in names {
        let mut options = file_options();
        options.write(true).create_new(true);
        file::no_block(&mut options, Links::Refuse);
        match options.open(&path) {
            Ok(created) => return Ok((created, path)),
            Err(err) if err.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(err) => return Err(err),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        "every name tried for a new file is taken",
    ))
}

/// Makes a rename in `dir` durable (unix); nothing to do elsewhere.
pub fn sync_folder(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    std::fs::File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Gives the file at `from` the new name `to`, never replacing anything
/// there: a hard link (which fails when `to` is taken), then `from`
/// removed (when that fails, the new name goes again). Where links are
/// not supported, a rename to a name seen free. Fails with
/// `AlreadyExists` when `to` is taken.
pub fn rename_new(from: &Path, to: &Path) -> io::Result<()> {
    match std::fs::hard_link(from, to) {
        Ok(()) => match std::fs::remove_file(from) {
            Err(err) if err.kind() != io::ErrorKind::NotFound => {
                let _ = std::fs::remove_file(to);
                Err(err)
            }
            _ => Ok(()),
        },
        Err(err)
            if matches!(
                err.kind(),
                io::ErrorKind::AlreadyExists | io::ErrorKind::NotFound
            ) =>
        {
            Err(err)
        }
        Err(_) if std::fs::symlink_metadata(to).is_err() => std::fs::rename(from, to),
        Err(_) => Err(io::Error::from(io::ErrorKind::AlreadyExists)),
    }
}
