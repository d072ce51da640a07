//! `backcoach report`: the history read once as a stream, gathered for
//! the dates asked (the last 4 weeks by default), and written in the
//! format asked. A headless command, so its caller reads the clock; it
//! takes no lock.

use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

use chrono::{DateTime, Local, NaiveDate};

use super::ReportFormat;
use super::output::{say_error, stdout_outcome};
use crate::content::catalog::Content;
use crate::domain::report::ReportData;
use crate::report::blocks::{Block, blocks};
use crate::report::write as report_write;
use crate::store::Store;

/// Writes the report of `blocks` in `format` to `out`.
pub fn write(format: ReportFormat, blocks: &[Block], out: &mut impl Write) -> std::io::Result<()> {
    match format {
        ReportFormat::Text => report_write::text(blocks, out),
        ReportFormat::Md => report_write::markdown(blocks, out),
        ReportFormat::Html => report_write::html(blocks, out),
    }?;
    out.flush()
}

/// The report's dates: as asked, else the last 4 weeks to today. An
/// `Err` is a sentence for a usage error.
pub fn dates(
    since: Option<NaiveDate>,
    until: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<(NaiveDate, NaiveDate), String> {
    let until = until.unwrap_or(today);
    let since = since.unwrap_or_else(|| ReportData::default_since(until));
    if since > until {
        return Err(format!("--since {since} is after --until {until}"));
    }
    Ok((since, until))
}

/// Prints the report of the data folder `dir`. Content with problems
/// costs the names and the programme (ids are shown; stderr says so).
pub fn run(
    content: Result<Content, usize>,
    dir: &Path,
    (since, until): (Option<NaiveDate>, Option<NaiveDate>),
    format: ReportFormat,
    now: DateTime<Local>,
) -> Result<ExitCode, String> {
    let (since, until) = dates(since, until, now.date_naive())?;
    let content = content.unwrap_or_else(|n| {
        say_error(&format!(
            "backcoach: the content has {} (see backcoach check); ids are shown instead of names",
            crate::text::counted(n, "problem")
        ));
        Content::default()
    });
    let store = Store::open(dir).map_err(|err| err.to_string())?;
    if let Some(notice) = store.notice() {
        say_error(&format!("backcoach: {notice}"));
    }
    let (data, findings) = store
        .load_report(since, until, now)
        .map_err(|err| format!("cannot read the history: {err}"))?;
    if let Some(notice) = findings.problem_notice() {
        say_error(&format!("backcoach: {notice}"));
    }
    let mut out = BufWriter::new(std::io::stdout().lock());
    Ok(stdout_outcome(write(
        format,
        &blocks(&data, &content),
        &mut out,
    )))
}
