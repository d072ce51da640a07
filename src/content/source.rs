//! Where content text comes from: the embedded assets and user files.

use std::fs;
use std::path::{Path, PathBuf};

use super::problem::Problem;
use crate::file::{self, Links, ReadError};

/// Files larger than this are refused without being parsed.
pub const MAX_CONTENT_BYTES: u64 = 1024 * 1024;

/// The text of one content file and the name to report it by.
#[derive(Debug, Clone)]
pub struct Source {
    /// Path as given by the user, or `built-in/NAME.ron`.
    pub name: String,
    /// The file's text.
    pub text: String,
    /// Built-in files may be replaced by id; user files may not clash.
    pub builtin: bool,
}

/// The content shipped inside the binary.
pub fn builtin() -> Vec<Source> {
    macro_rules! asset {
        ($file:literal) => {
            Source {
                name: concat!("built-in/", $file).to_owned(),
                text: include_str!(concat!("../../assets/", $file)).to_owned(),
                builtin: true,
            }
        };
    }
    vec![
        asset!("exercises.ron"),
        asset!("release.ron"),
        asset!("routines.ron"),
        asset!("checklist.ron"),
        asset!("warnings.ron"),
        asset!("therapy.ron"),
        asset!("moderation.ron"),
        asset!("tips.ron"),
    ]
}

/// Reads a file, or every `*.ron` file in a folder (sorted by name).
///
/// Every unreadable, oversized, non-UTF-8 or special file (a FIFO, a
/// device, a folder named `*.ron`) is reported; the readable ones are
/// still returned so their problems can be reported too.
pub fn read_path(path: &Path) -> (Vec<Source>, Vec<Problem>) {
    let mut sources = Vec::new();
    let mut problems = Vec::new();
    let shown = path.display().to_string();
    let files = match fs::metadata(path) {
        Ok(meta) if meta.is_dir() => match ron_files_in(path) {
            Ok(files) => files,
            Err(err) => {
                problems.push(Problem::file(
                    &shown,
                    format!("cannot read this folder: {err}"),
                ));
                return (sources, problems);
            }
        },
        Ok(_) => vec![path.to_path_buf()],
        Err(err) => {
            problems.push(Problem::file(&shown, format!("cannot read: {err}")));
            return (sources, problems);
        }
    };
    for file in files {
        match read_file(&file) {
            Ok(source) => sources.push(source),
            Err(problem) => problems.push(problem),
        }
    }
    (sources, problems)
}

/// The user content folder named with `--content` or the environment: it
/// must be a folder, and the message says what it is when it is not.
pub fn content_folder(dir: &Path) -> Result<(), String> {
    let shown = dir.display();
    match fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => Ok(()),
        Ok(meta) => Err(format!(
            "content folder {shown} is {}, not a folder (name the folder that holds your .ron files)",
            file::kind_words(meta.file_type())
        )),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            Err(format!("content folder {shown} does not exist"))
        }
        Err(err) => Err(format!("content folder {shown} cannot be read: {err}")),
    }
}

/// Every entry named `*.ron`, whatever it is: one that is not a regular
/// file is reported when it is read, never skipped without a word.
fn ron_files_in(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|ext| ext == "ron") {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// Reads one file: a regular file (checked on the open handle), at most
/// [`MAX_CONTENT_BYTES`] counted as they are read, UTF-8, with any
/// byte-order mark in front dropped.
fn read_file(path: &Path) -> Result<Source, Problem> {
    let name = path.display().to_string();
    let refused = |err: ReadError| match err {
        ReadError::TooLarge(_) => Problem::file(
            &name,
            "content files are limited to 1 MiB and this one is larger, so it was not used",
        ),
        err => Problem::file(&name, format!("cannot read: {err}")),
    };
    let bytes = file::open_regular(path, Links::Follow)
        .and_then(|file| file::read_limited(&file, MAX_CONTENT_BYTES))
        .map_err(refused)?;
    let text = text_of(&name, bytes)?;
    Ok(Source {
        name,
        text,
        builtin: false,
    })
}

/// The UTF-8 byte-order mark some editors put at the start of a file.
const BOM: &[u8] = b"\xef\xbb\xbf";

/// Decodes UTF-8, locating the first bad byte when it is not. A
/// byte-order mark at the start is dropped.
pub fn text_of(name: &str, mut bytes: Vec<u8>) -> Result<String, Problem> {
    if bytes.starts_with(BOM) {
        bytes.drain(..BOM.len());
    }
    String::from_utf8(bytes).map_err(|err| {
        let good = &err.as_bytes()[..err.utf8_error().valid_up_to()];
        // The prefix is valid UTF-8 by construction.
        let before = String::from_utf8_lossy(good);
        let line = 1 + before.matches('\n').count();
        let column = 1 + before
            .rsplit('\n')
            .next()
            .unwrap_or_default()
            .chars()
            .count();
        Problem::at(
            name,
            &before,
            line,
            column,
            "this is not UTF-8 text (save the file as UTF-8)",
        )
    })
}
