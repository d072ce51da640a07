//! Where content text comes from: the embedded assets and user files.

use std::fs;
use std::path::{Path, PathBuf};

use super::problem::Problem;

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
    ]
}

/// Reads a file, or every `*.ron` file in a folder (sorted by name).
///
/// Every unreadable, oversized or non-UTF-8 file is reported; the readable
/// ones are still returned so their problems can be reported too.
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

fn ron_files_in(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|ext| ext == "ron") && path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

fn read_file(path: &Path) -> Result<Source, Problem> {
    let name = path.display().to_string();
    let size = fs::metadata(path)
        .map_err(|err| Problem::file(&name, format!("cannot read: {err}")))?
        .len();
    if size > MAX_CONTENT_BYTES {
        return Err(Problem::file(
            &name,
            format!(
                "the file is {size} bytes; content files are limited to 1 MiB, so it was not read"
            ),
        ));
    }
    let bytes =
        fs::read(path).map_err(|err| Problem::file(&name, format!("cannot read: {err}")))?;
    let text = text_of(&name, bytes)?;
    Ok(Source {
        name,
        text,
        builtin: false,
    })
}

/// Decodes UTF-8, locating the first bad byte when it is not.
pub fn text_of(name: &str, bytes: Vec<u8>) -> Result<String, Problem> {
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
