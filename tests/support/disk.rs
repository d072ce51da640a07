//! Making the disk refuse a write, even as root.

use std::fs;
use std::path::Path;

/// Runs `f` while no new file can be made in the folder `dir`, even by
/// root: the folder is moved away and a plain file stands at its path
/// (a temp file there fails with "not a folder"). The folder is put back
/// afterwards, whatever `f` returned.
pub fn while_folder_refuses_files<T>(dir: &Path, f: impl FnOnce() -> T) -> T {
    let away = dir.with_extension("away");
    fs::rename(dir, &away).unwrap();
    fs::write(dir, "not a folder").unwrap();
    let result = f();
    fs::remove_file(dir).unwrap();
    fs::rename(&away, dir).unwrap();
    result
}
