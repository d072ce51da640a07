//! Writing a command's output: stdout, where a failed write is reported
//! and fails the command (a full disk must not pass for success), and
//! stderr, where every line is made safe to show first.

use std::io::{self, Write};
use std::process::ExitCode;

use crate::text::safe;

/// Writes `bytes` to stdout and flushes. A closed pipe (`| head`) is not
/// worth a word and counts as success; any other failure is said on stderr
/// and gives exit status 1.
pub fn write_stdout(bytes: &[u8]) -> ExitCode {
    let mut out = io::stdout().lock();
    stdout_outcome(out.write_all(bytes).and_then(|()| out.flush()))
}

/// The exit status after writing a command's output, as
/// [`write_stdout`] decides it (for output written a piece at a time).
pub fn stdout_outcome(written: io::Result<()>) -> ExitCode {
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(err) => {
            say_error(&format!("backcoach: cannot write to stdout: {err}"));
            ExitCode::FAILURE
        }
    }
}

/// Writes `text` and a line break to stderr, each of its lines made safe
/// to show (see [`safe::shown`]). Unlike `eprintln!`, never panics when
/// stderr is gone (a closed terminal, a closed pipe).
pub fn say_error(text: &str) {
    let _ = writeln!(io::stderr(), "{}", safe::shown_lines(text));
}
