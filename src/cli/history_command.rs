//! `backcoach history`: every log read once, as a stream, and printed as
//! it is read (see [`super::history_print`]). A headless command, so its
//! caller reads the clock. Names come from the content; content with
//! problems only costs the names (ids are shown, and stderr says so once).

use std::io::BufWriter;
use std::path::Path;
use std::process::ExitCode;

use chrono::{DateTime, Local};

use super::history_print::{self, Options};
use super::output::{say_error, stdout_outcome};
use crate::content::catalog::Content;
use crate::store::Store;
use crate::text::counted;

/// Prints the history of the data folder `dir` as `options` ask, at
/// `now`; `content` is the loaded content, or how many problems it has.
/// An `Err` is a sentence for a usage error (exit 2).
pub fn run(
    content: Result<Content, usize>,
    dir: &Path,
    options: Options<Local>,
    now: DateTime<Local>,
) -> Result<ExitCode, String> {
    if let (Some(since), Some(until)) = (options.since, options.until)
        && since > until
    {
        return Err(format!("--since {since} is after --until {until}"));
    }
    let content = content
        .map_err(|n| {
            say_error(&format!(
                "backcoach: the content has {} (see backcoach check); ids are shown instead of names",
                counted(n, "problem")
            ));
        })
        .ok();
    let store = Store::open(dir).map_err(|err| err.to_string())?;
    if let Some(notice) = store.notice() {
        say_error(&format!("backcoach: {notice}"));
    }
    let out = BufWriter::with_capacity(64 * 1024, std::io::stdout().lock());
    let (written, findings) = history_print::export(&store, options, content.as_ref(), out, now)
        .map_err(|err| format!("cannot read the history: {err}"))?;
    if let Some(notice) = findings.problem_notice() {
        say_error(&format!("backcoach: {notice}"));
    }
    Ok(stdout_outcome(written))
}
