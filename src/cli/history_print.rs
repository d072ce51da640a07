//! `backcoach history`: the records as a table, CSV or JSON, written as
//! they are read (nothing is held but the line being written), so any
//! size of history prints in the same little memory. A printer for the
//! command line, so it lives with the command line.
//!
//! Whatever the log held, the output holds no character a terminal would
//! act on: text is made safe (see [`crate::text::safe::shown`]) in the table and CSV,
//! and written as `\uXXXX` escapes in JSON.

use std::io::{self, Write};

use chrono::{DateTime, Local, NaiveDate, TimeZone};

use super::history_csv;
use super::history_json;
use super::history_table;
use super::{HistoryFormat, HistoryKind};
use crate::content::catalog::Content;
use crate::domain::record::Record;
use crate::domain::therapy::history::FirstOfStart;
use crate::store::history::Findings;
use crate::store::history_merge::Merge;
use crate::store::{Store, StoreError};

/// What to print, and how.
#[derive(Debug, Clone)]
pub struct Options<Tz: TimeZone> {
    /// Table, CSV or JSON.
    pub format: HistoryFormat,
    /// Which records.
    pub kind: HistoryKind,
    /// Only records on or after this date (each record's own local date).
    pub since: Option<NaiveDate>,
    /// Only records on or before this date.
    pub until: Option<NaiveDate>,
    /// The time zone the table shows times in (the user's).
    pub zone: Tz,
}

/// True when a record of this kind is printed for `kind`.
pub fn includes(kind: HistoryKind, record: &Record) -> bool {
    matches!(
        (kind, record),
        (HistoryKind::All, _)
            | (HistoryKind::Sessions, Record::Session(_))
            | (HistoryKind::Therapy, Record::Therapy { .. })
            | (HistoryKind::Standups, Record::Standup { .. })
            | (
                HistoryKind::Release,
                Record::ReleaseUsed { .. }
                    | Record::ReleaseHurt { .. }
                    | Record::WarningsReviewed { .. },
            )
    )
}

/// Writes records to `out` one at a time, oldest first.
pub struct Printer<'c, W: Write, Tz: TimeZone> {
    out: W,
    options: Options<Tz>,
    /// Names for ids (`None`: the ids are shown).
    content: Option<&'c Content>,
    printed: usize,
    applications: FirstOfStart,
    /// The row being written (kept for the next).
    row: Vec<u8>,
}

impl<'c, W: Write, Tz: TimeZone> Printer<'c, W, Tz>
where
    Tz::Offset: std::fmt::Display,
{
    /// A printer to `out`; names come from `content` when there is some.
    pub fn new(out: W, options: Options<Tz>, content: Option<&'c Content>) -> Self {
        Printer {
            out,
            options,
            content,
            printed: 0,
            applications: FirstOfStart::default(),
            row: Vec::new(),
        }
    }

    /// Prints `record` if it is wanted: of the kind asked for, within the
    /// dates, and for heat/cold the first record of its application.
    pub fn print(&mut self, record: &Record) -> io::Result<()> {
        let day = || record.time().date_naive();
        let options = &self.options;
        if !includes(options.kind, record)
            || options.since.is_some_and(|since| day() < since)
            || options.until.is_some_and(|until| day() > until)
            || !self.applications.first(record)
        {
            return Ok(());
        }
        if self.printed == 0 {
            self.head()?;
        }
        let kind = self.options.kind;
        match self.options.format {
            HistoryFormat::Table => {
                let row = history_table::row(kind, record, &self.options.zone, self.content);
                writeln!(self.out, "{row}")?;
            }
            HistoryFormat::Csv => {
                self.row.clear();
                history_csv::push_row(&mut self.row, kind, record);
                self.row.push(b'\n');
                self.out.write_all(&self.row)?;
            }
            HistoryFormat::Json => {
                self.row.clear();
                if self.printed > 0 {
                    self.row.extend_from_slice(b",\n");
                }
                history_json::push_record(&mut self.row, record).map_err(io::Error::other)?;
                self.out.write_all(&self.row)?;
            }
        }
        self.printed += 1;
        Ok(())
    }

    /// Ends the output (and says so when nothing was printed in a table);
    /// gives the writer back, flushed.
    pub fn finish(mut self) -> io::Result<W> {
        let format = self.options.format;
        if self.printed == 0 {
            if format == HistoryFormat::Table {
                writeln!(self.out, "{}", history_table::nothing(self.options.kind))?;
            } else {
                self.head()?;
            }
        }
        if format == HistoryFormat::Json {
            let end: &[u8] = if self.printed == 0 { b"]\n" } else { b"\n]\n" };
            self.out.write_all(end)?;
        }
        self.out.flush()?;
        Ok(self.out)
    }

    fn head(&mut self) -> io::Result<()> {
        let kind = self.options.kind;
        match self.options.format {
            HistoryFormat::Table => writeln!(self.out, "{}", history_table::header(kind)),
            HistoryFormat::Csv => writeln!(self.out, "{}", history_csv::header(kind)),
            HistoryFormat::Json => self.out.write_all(b"[\n"),
        }
    }
}

/// Prints every record of every log of `store` that `options` wants to
/// `out`, reading each log once, oldest first: whether the output could
/// be written, and what reading found (bad lines, repairs).
pub fn export<W: Write, Tz: TimeZone>(
    store: &Store,
    options: Options<Tz>,
    content: Option<&Content>,
    out: W,
    now: DateTime<Local>,
) -> Result<(io::Result<()>, Findings), StoreError>
where
    Tz::Offset: std::fmt::Display,
{
    store.sweep(now);
    let mut merge = Merge::<Record>::open(store)?;
    let mut printer = Printer::new(out, options, content);
    let written = merge
        .by_ref()
        .try_for_each(|record| printer.print(&record))
        .and_then(|()| printer.finish().map(drop));
    Ok((written, merge.finish(now)))
}

/// The whole output for `records` (for tests and small histories).
pub fn render<Tz: TimeZone>(
    records: &[Record],
    options: Options<Tz>,
    content: Option<&Content>,
) -> io::Result<String>
where
    Tz::Offset: std::fmt::Display,
{
    let mut printer = Printer::new(Vec::new(), options, content);
    for record in records {
        printer.print(record)?;
    }
    let bytes = printer.finish()?;
    String::from_utf8(bytes).map_err(io::Error::other)
}
