//! The history as CSV, with a header row: ids as they are in the log
//! (made safe), and times to the second with the offset they were
//! recorded with (`2026-11-22T09:00:00+01:00`).

use chrono::{DateTime, FixedOffset};

use super::HistoryKind;
use super::history_digits::{local_parts, push_number};
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
    let mut out = Vec::with_capacity(160);
    push_row(&mut out, kind, record);
    // Only text and ASCII went in.
    String::from_utf8(out)
        .unwrap_or_else(|err| String::from_utf8_lossy(err.as_bytes()).into_owned())
}

/// [`row`] added to `out` (a buffer used again for every row).
pub fn push_row(out: &mut Vec<u8>, kind: HistoryKind, record: &Record) {
    let mut row = Row(out, 0);
    if kind == HistoryKind::All {
        every_kind(&mut row, record);
    } else {
        own_columns(&mut row, record);
    }
}

/// A row being written: each field made safe, and quoted when it holds a
/// comma or a quote.
struct Row<'a>(&'a mut Vec<u8>, usize);

impl Row<'_> {
    fn next(&mut self) {
        if self.1 > 0 {
            self.0.push(b',');
        }
        self.1 += 1;
    }

    /// Text from the log (an id): made safe, quoted when needed.
    fn field(&mut self, text: &str) -> &mut Self {
        self.next();
        // Printable ASCII but for a comma or a quote: as it is.
        if text
            .bytes()
            .all(|b| (0x20..0x7f).contains(&b) && b != b',' && b != b'"')
        {
            self.0.extend_from_slice(text.as_bytes());
            return self;
        }
        let text = safe::shown(text);
        if text.contains([',', '"']) {
            self.0.push(b'"');
            self.0
                .extend_from_slice(text.replace('"', "\"\"").as_bytes());
            self.0.push(b'"');
        } else {
            self.0.extend_from_slice(text.as_bytes());
        }
        self
    }

    /// A word of this program's.
    fn plain(&mut self, text: &str) -> &mut Self {
        self.next();
        self.0.extend_from_slice(text.as_bytes());
        self
    }

    /// A number.
    fn number(&mut self, value: impl Into<u64>) -> &mut Self {
        self.next();
        push_number(self.0, value.into());
        self
    }

    /// A count.
    fn count(&mut self, value: usize) -> &mut Self {
        self.number(value as u64)
    }

    fn time(&mut self, at: &DateTime<FixedOffset>) -> &mut Self {
        self.next();
        push_time(self.0, at);
        self
    }

    fn empty(&mut self, n: usize) -> &mut Self {
        for _ in 0..n {
            self.next();
        }
        self
    }

    fn pain(&mut self, value: Option<u8>) -> &mut Self {
        match value {
            Some(v) => self.number(v),
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
                .number(*planned_secs)
                .number(*actual_secs)
                .plain(if *ended_early { "true" } else { "false" });
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
    row.plain(r.outcome.label()).number(r.duration_secs);
}

/// exercises, done, skipped, pain_before, pain_after.
fn session_counts(row: &mut Row, r: &SessionRecord) {
    row.count(r.exercises.len())
        .count(r.count(ExerciseOutcome::Done))
        .count(r.count(ExerciseOutcome::Skipped))
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
                .number(*actual_secs)
                .number(*planned_secs)
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
fn push_time(out: &mut Vec<u8>, at: &DateTime<FixedOffset>) {
    let offset = at.offset().local_minus_utc();
    let (year, month, day, hour, minute, second) = local_parts(at);
    // Dates are within 1970-9999: four digits of the year (of 0 before).
    let year = u32::try_from(year).unwrap_or(0);
    let mut text = *b"0000-00-00T00:00:00+00:00";
    if offset < 0 {
        text[19] = b'-';
    }
    let offset = offset.unsigned_abs();
    for (at, value) in [
        (0, year / 100),
        (2, year % 100),
        (5, month),
        (8, day),
        (11, hour),
        (14, minute),
        (17, second),
        (20, offset / 3600),
        (23, offset / 60 % 60),
    ] {
        text[at] = b'0' + (value / 10 % 10) as u8;
        text[at + 1] = b'0' + (value % 10) as u8;
    }
    out.extend_from_slice(&text);
}
