//! The history as CSV, with a header row: ids as they are in the log
//! (made safe), and times to the second with the offset they were
//! recorded with (`2026-11-22T09:00:00+01:00`).

use std::fmt::Write;

use chrono::{DateTime, FixedOffset};

use super::HistoryKind;
use crate::domain::record::Record;
use crate::domain::session_record::{ExerciseOutcome, SessionRecord};
use crate::text::safe;

/// CSV header row of the sessions.
pub const CSV_HEADER: &str =
    "started,routine,outcome,duration_secs,exercises,done,skipped,pain_before,pain_after";

/// The header row for `kind`.
pub fn header(kind: HistoryKind) -> &'static str {
    match kind {
        HistoryKind::Sessions => CSV_HEADER,
        HistoryKind::Therapy => "started,ended,mode,planned_secs,actual_secs,ended_early",
        HistoryKind::Standups => "at,outcome",
        HistoryKind::Release => "at,event,technique",
        HistoryKind::All => {
            "kind,time,ended,subject,outcome,duration_secs,planned_secs,exercises,done,skipped,pain_before,pain_after"
        }
    }
}

/// One row for `record` (of a kind `kind` prints).
pub fn row(kind: HistoryKind, record: &Record) -> String {
    let mut row = Row(String::with_capacity(160), 0);
    if kind == HistoryKind::All {
        every_kind(&mut row, record);
    } else {
        own_columns(&mut row, record);
    }
    row.0
}

/// A row being written: each field made safe, and quoted when it holds a
/// comma or a quote.
struct Row(String, usize);

impl Row {
    fn next(&mut self) {
        if self.1 > 0 {
            self.0.push(',');
        }
        self.1 += 1;
    }

    /// Text from the log (an id): made safe, quoted when needed.
    fn field(&mut self, text: &str) -> &mut Row {
        self.next();
        let text = safe::shown(text);
        if text.contains([',', '"']) {
            self.0.push('"');
            self.0.push_str(&text.replace('"', "\"\""));
            self.0.push('"');
        } else {
            self.0.push_str(&text);
        }
        self
    }

    /// A number, or a word of this program's.
    fn plain(&mut self, text: impl std::fmt::Display) -> &mut Row {
        self.next();
        let _ = write!(self.0, "{text}");
        self
    }

    fn time(&mut self, at: &DateTime<FixedOffset>) -> &mut Row {
        self.next();
        push_time(&mut self.0, at);
        self
    }

    fn empty(&mut self, n: usize) -> &mut Row {
        for _ in 0..n {
            self.next();
        }
        self
    }

    fn pain(&mut self, value: Option<u8>) -> &mut Row {
        match value {
            Some(v) => self.plain(v),
            None => self.empty(1),
        }
    }
}

/// The columns of `record`'s own kind.
fn own_columns(row: &mut Row, record: &Record) {
    match record {
        Record::Session(session) => {
            row.time(&session.started).field(&session.routine);
            session_figures(row, session);
            session_counts(row, session);
        }
        Record::Therapy {
            mode,
            planned_secs,
            actual_secs,
            started,
            ended,
            ended_early,
        } => {
            row.time(started)
                .time(ended)
                .plain(mode.id())
                .plain(planned_secs)
                .plain(actual_secs)
                .plain(ended_early);
        }
        Record::Standup { at, outcome } => {
            row.time(at).plain(outcome_id(*outcome));
        }
        Record::ReleaseUsed { at, technique } => {
            row.time(at).plain("used").field(technique);
        }
        Record::ReleaseHurt { at, technique } => {
            row.time(at).plain("hurt").field(technique);
        }
        Record::WarningsReviewed { at } => {
            row.time(at).plain("warnings_reviewed").empty(1);
        }
        Record::DoseChange(c) => {
            row.time(&c.at)
                .plain(c.direction.label())
                .field(&c.change.slot);
        }
    }
}

/// outcome, duration_secs (the table of every kind has planned_secs
/// next, then the counts).
fn session_figures(row: &mut Row, r: &SessionRecord) {
    row.plain(r.outcome.label()).plain(r.duration_secs);
}

/// exercises, done, skipped, pain_before, pain_after.
fn session_counts(row: &mut Row, r: &SessionRecord) {
    row.plain(r.exercises.len())
        .plain(r.count(ExerciseOutcome::Done))
        .plain(r.count(ExerciseOutcome::Skipped))
        .pain(r.pain_before)
        .pain(r.pain_after);
}

/// The columns of the table of every kind: kind, time, ended, subject,
/// outcome, duration_secs, planned_secs, exercises, done, skipped,
/// pain_before, pain_after (empty where a kind has no such thing).
fn every_kind(row: &mut Row, record: &Record) {
    let kind = match record {
        Record::Session(_) => "session",
        Record::Therapy { .. } => "therapy",
        Record::Standup { .. } => "standup",
        Record::ReleaseUsed { .. } => "release_used",
        Record::ReleaseHurt { .. } => "release_hurt",
        Record::WarningsReviewed { .. } => "warnings_reviewed",
        Record::DoseChange(_) => "dose_change",
    };
    row.plain(kind).time(&record.time());
    match record {
        Record::Session(r) => {
            row.empty(1).field(&r.routine);
            session_figures(row, r);
            row.empty(1);
            session_counts(row, r);
        }
        Record::Therapy {
            mode,
            planned_secs,
            actual_secs,
            ended,
            ended_early,
            ..
        } => {
            row.time(ended)
                .plain(mode.id())
                .plain(if *ended_early {
                    "ended early"
                } else {
                    "time up"
                })
                .plain(actual_secs)
                .plain(planned_secs)
                .empty(5);
        }
        Record::Standup { outcome, .. } => {
            row.empty(2).plain(outcome_id(*outcome)).empty(7);
        }
        Record::ReleaseUsed { technique, .. } => {
            row.empty(1).field(technique).plain("used").empty(7);
        }
        Record::ReleaseHurt { technique, .. } => {
            row.empty(1).field(technique).plain("hurt").empty(7);
        }
        Record::WarningsReviewed { .. } => {
            row.empty(2).plain("read to the end").empty(7);
        }
        Record::DoseChange(c) => {
            row.empty(1)
                .field(&c.change.routine)
                .plain(c.direction.label())
                .empty(7);
        }
    }
}

fn outcome_id(outcome: crate::domain::record::StandupOutcome) -> &'static str {
    use crate::domain::record::StandupOutcome::*;
    match outcome {
        Done => "done",
        Snoozed => "snoozed",
        Skipped => "skipped",
    }
}

/// To the second, with the offset it was recorded with:
/// `2026-11-22T09:00:00+01:00`.
fn push_time(out: &mut String, at: &DateTime<FixedOffset>) {
    use chrono::{Datelike, Timelike};
    let offset = at.offset().local_minus_utc();
    let sign = if offset < 0 { '-' } else { '+' };
    let offset = offset.unsigned_abs();
    let year = u32::try_from(at.year()).unwrap_or(0);
    push_digits(out, year, 4);
    for (mark, value) in [
        ('-', at.month()),
        ('-', at.day()),
        ('T', at.hour()),
        (':', at.minute()),
        (':', at.second()),
        (sign, offset / 3600),
        (':', offset / 60 % 60),
    ] {
        out.push(mark);
        push_digits(out, value, 2);
    }
}

/// `value` in `width` digits, zero-padded (dates are within 1970-9999).
fn push_digits(out: &mut String, value: u32, width: u32) {
    let mut divisor = 10u32.pow(width - 1);
    while divisor > 0 {
        out.push(char::from(b'0' + (value / divisor % 10) as u8));
        divisor /= 10;
    }
}
