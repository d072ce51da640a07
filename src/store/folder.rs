//! The data folder, kept private the way OpenSSH's StrictModes keep
//! `~/.ssh`: created 0700; an existing folder of ours that others could
//! write to (0777, 1777, group-writable) is tightened to 0700 with a
//! notice; one owned by another user is refused. Windows has no modes: the
//! folder's ACLs (a user profile's keep other users out) are left as they
//! are.

use std::fs;
use std::io;
use std::path::Path;

use super::StoreError;
use super::private;

/// What to do with a data folder of this mode and owner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Ours, and nobody else can write to it.
    Private,
    /// Ours, but others can write to it: make it 0700.
    Tighten,
    /// Someone else's: refuse it.
    OtherOwner(u32),
}

/// The verdict on a folder with permission bits `mode`, owned by `owner`,
/// for a process running as `me` (all unix numbers).
pub fn judge(mode: u32, owner: u32, me: u32) -> Verdict {
    if owner != me {
        Verdict::OtherOwner(owner)
    } else if mode & 0o022 != 0 {
        Verdict::Tighten
    } else {
        Verdict::Private
    }
}

/// How a command uses the folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Use {
    /// It writes: the folder is created when missing and tightened.
    Write,
    /// It only reads (`status`): nothing is created or changed, but a
    /// folder of another user is still refused.
    Read,
}

/// Makes `dir` ready for `how`: the sentence for the user when the folder
/// had to be tightened.
pub fn prepare(dir: &Path, how: Use) -> Result<Option<String>, StoreError> {
    let meta = match fs::metadata(dir) {
        Ok(meta) => meta,
        Err(err) if err.kind() == io::ErrorKind::NotFound && how == Use::Write => {
            private::create_folder(dir).map_err(|source| StoreError::CreateFolder {
                path: dir.to_path_buf(),
                source,
            })?;
            return Ok(None);
        }
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(source) => {
            return Err(StoreError::Read {
                path: dir.to_path_buf(),
                source,
            });
        }
    };
    if !meta.is_dir() {
        return Err(StoreError::NotAFolder {
            path: dir.to_path_buf(),
            what: crate::file::kind_words(meta.file_type()),
        });
    }
    check_owner_and_mode(dir, &meta, how)
}

#[cfg(unix)]
fn check_owner_and_mode(
    dir: &Path,
    meta: &fs::Metadata,
    how: Use,
) -> Result<Option<String>, StoreError> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let me = rustix::process::geteuid().as_raw();
    let mode = meta.mode() & 0o7777;
    match judge(mode, meta.uid(), me) {
        Verdict::Private => Ok(None),
        Verdict::OtherOwner(owner) => Err(StoreError::OtherOwner {
            path: dir.to_path_buf(),
            owner,
        }),
        Verdict::Tighten if how == Use::Read => Ok(None),
        Verdict::Tighten => {
            fs::set_permissions(dir, fs::Permissions::from_mode(0o700))
                .map_err(StoreError::write(dir))?;
            Ok(Some(format!(
                "The data folder {} could be changed by other users (mode {mode:04o}); it is now private (0700).",
                crate::text::safe::shown(&dir.display().to_string())
            )))
        }
    }
}

#[cfg(not(unix))]
fn check_owner_and_mode(
    _dir: &Path,
    _meta: &fs::Metadata,
    _how: Use,
) -> Result<Option<String>, StoreError> {
    Ok(None)
}
