//! Making the disk refuse a write, even as root; reading the history
//! logs as the app leaves them.

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

/// Every history log in the data folder `data`, one after the other:
/// each machine's in `history/` (by name), then the old single
/// `history.jsonl` if it is still there. Empty when there is none.
#[allow(dead_code)]
pub fn history_text(data: &Path) -> String {
    let mut logs: Vec<_> = fs::read_dir(data.join("history"))
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    logs.sort();
    logs.push(data.join("history.jsonl"));
    logs.iter()
        .filter_map(|path| fs::read_to_string(path).ok())
        .collect()
}
