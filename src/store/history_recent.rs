//! The recent records, for start-up: each log is read backwards from its
//! end, a block at a time, until its records are older than the window,
//! so starting costs the same with ten records or a million. Records are
//! appended in time order, but a clock set back breaks that order, and
//! the rules that read these records (the safety gate, the moderation
//! guard, the rest between heat/cold applications) must not miss one: so
//! a log is read on past out-of-window records until [`ENOUGH_OLD`] of
//! them in a row came, and a record out of place is only ever read more,
//! never less.

use std::io;

use chrono::{DateTime, FixedOffset, Local};
use serde::de::DeserializeOwned;

use super::history::{Findings, LoadedHistory};
use super::history_back::Backwards;
use super::history_files::OpenLog;
use super::history_lines::{self, Checked, Entry, Stamp, Verdict};
use super::history_merge::Dedupe;
use super::history_read::{BLOCK, Lines};
use super::history_repair::repair_all;
use super::history_report::Report;
use super::{Store, StoreError};

/// Records older than the window read in a row before a log is left:
/// months of use, read in a millisecond or two.
pub const ENOUGH_OLD: usize = 1000;

/// A record found in the window, with where it was.
struct Found<T> {
    entry: Entry<T>,
    log: usize,
    offset: u64,
}

impl Store {
    /// Every record at or after `since` (and every record without a
    /// time), from every log, oldest first, each once. A bad line met on
    /// the way has its log read through once more to report every bad
    /// line in it by number, and this machine's log repaired (see
    /// [`super::history::load`]).
    pub fn load_recent<T: DeserializeOwned + Checked>(
        &self,
        since: DateTime<FixedOffset>,
        now: DateTime<Local>,
    ) -> Result<LoadedHistory<T>, StoreError> {
        self.sweep(now);
        let (logs, mut report) = self.open_logs()?;
        let since = Stamp::of(&since);
        let mut found = Vec::new();
        let mut bad = Vec::new();
        for (index, log) in logs.iter().enumerate() {
            match backwards(log, index, since, &mut found) {
                Ok(false) => {}
                Ok(true) => bad.push(index),
                Err(err) if log.log.own => return Err(StoreError::read(&log.log.path)(err)),
                Err(err) => report.file(
                    log.log.name.as_deref().unwrap_or_default(),
                    &format!("cannot read it: {err}"),
                ),
            }
        }
        found.sort_by_key(|f| (f.entry.time, f.log, f.offset));
        let mut dedupe = Dedupe::default();
        let records = found
            .into_iter()
            .filter(|f| dedupe.admit(f.entry.time, f.entry.key, f.log))
            .map(|f| f.entry.record)
            .collect();
        let mut repair = Vec::new();
        for index in bad {
            let log = &logs[index];
            scan::<T>(log, index, &mut report).map_err(StoreError::read(&log.log.path))?;
            if log.log.own {
                repair.push(log.log.path.clone());
            }
        }
        drop(logs);
        let findings: Findings = repair_all::<T>(&repair, report, now);
        Ok(LoadedHistory::new(records, findings))
    }
}

/// Reads `log` backwards into `found` until [`ENOUGH_OLD`] records in a
/// row are older than `since`: true when a bad line was met.
fn backwards<T: DeserializeOwned + Checked>(
    log: &OpenLog,
    index: usize,
    since: Stamp,
    found: &mut Vec<Found<T>>,
) -> io::Result<bool> {
    let mut reader = Backwards::new(&log.file, log.len);
    let mut old_in_a_row = 0;
    let mut bad = false;
    while let Some((offset, text, ended)) = reader.previous()? {
        let verdict = match text {
            None => Verdict::Bad(String::new()),
            Some(text) => history_lines::judge::<T>(text, false, log.unfinished(ended)),
        };
        match verdict {
            Verdict::Good(entry) if entry.time.is_some_and(|t| t < since) => {
                old_in_a_row += 1;
                if old_in_a_row >= ENOUGH_OLD {
                    break;
                }
            }
            Verdict::Good(entry) => {
                old_in_a_row = 0;
                found.push(Found {
                    entry,
                    log: index,
                    offset,
                });
            }
            Verdict::Blank | Verdict::Unfinished => {}
            Verdict::Bad(_) => bad = true,
        }
    }
    Ok(bad)
}

/// Reports every bad line of `log`, by number (a forward read).
fn scan<T: DeserializeOwned + Checked>(
    log: &OpenLog,
    index: usize,
    report: &mut Report,
) -> io::Result<()> {
    let mut lines = Lines::new(log.file.clone(), (0, 1), log.len, BLOCK);
    while let Some(at) = lines.next_line()? {
        let unfinished = log.unfinished(at.ended);
        if let Verdict::Bad(reason) =
            history_lines::judge::<T>(lines.text(), at.too_long, unfinished)
        {
            report.line((log.log.name.as_deref(), index), at.number, &reason);
        }
    }
    Ok(())
}
