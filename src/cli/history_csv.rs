//! The history as CSV, with a header row: ids as they are in the log
//! (made safe), and times to the second with the offset they were
//! recorded with (`2026-11-22T09:00:00+01:00`).

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
    let fields = if kind == HistoryKind::All {
        every_kind(record)
    } else {
        own_columns(record)
    };
    let quoted: Vec<String> = fields.iter().map(|f| field(f)).collect();
    quoted.join(",")
}

/// The columns of `record`'s own kind.
fn own_columns(record: &Record) -> Vec<String> {
    match record {
        Record::Session(session) => session_columns(session),
        Record::Therapy {
            mode,
            planned_secs,
            actual_secs,
            started,
            ended,
            ended_early,
        } => vec![
            time(started),
            time(ended),
            mode.id().to_owned(),
            planned_secs.to_string(),
            actual_secs.to_string(),
            ended_early.to_string(),
        ],
        Record::Standup { at, outcome } => vec![time(at), outcome_id(*outcome).to_owned()],
        Record::ReleaseUsed { at, technique } => vec![time(at), "used".into(), technique.clone()],
        Record::ReleaseHurt { at, technique } => vec![time(at), "hurt".into(), technique.clone()],
        Record::WarningsReviewed { at } => {
            vec![time(at), "warnings_reviewed".into(), String::new()]
        }
    }
}

fn session_columns(r: &SessionRecord) -> Vec<String> {
    vec![
        time(&r.started),
        r.routine.clone(),
        r.outcome.label().to_owned(),
        r.duration_secs.to_string(),
        r.exercises.len().to_string(),
        r.count(ExerciseOutcome::Done).to_string(),
        r.count(ExerciseOutcome::Skipped).to_string(),
        opt(r.pain_before),
        opt(r.pain_after),
    ]
}

/// The columns of the table of every kind: kind, time, ended, subject,
/// outcome, duration_secs, planned_secs, exercises, done, skipped,
/// pain_before, pain_after (empty where a kind has no such thing).
fn every_kind(record: &Record) -> Vec<String> {
    let kind = match record {
        Record::Session(_) => "session",
        Record::Therapy { .. } => "therapy",
        Record::Standup { .. } => "standup",
        Record::ReleaseUsed { .. } => "release_used",
        Record::ReleaseHurt { .. } => "release_hurt",
        Record::WarningsReviewed { .. } => "warnings_reviewed",
    };
    let mut fields = vec![kind.to_owned(), time(&record.time())];
    let rest: [String; 10] = match record {
        Record::Session(r) => [
            String::new(),
            r.routine.clone(),
            r.outcome.label().to_owned(),
            r.duration_secs.to_string(),
            String::new(),
            r.exercises.len().to_string(),
            r.count(ExerciseOutcome::Done).to_string(),
            r.count(ExerciseOutcome::Skipped).to_string(),
            opt(r.pain_before),
            opt(r.pain_after),
        ],
        Record::Therapy {
            mode,
            planned_secs,
            actual_secs,
            ended,
            ended_early,
            ..
        } => [
            time(ended),
            mode.id().to_owned(),
            if *ended_early {
                "ended early"
            } else {
                "time up"
            }
            .to_owned(),
            actual_secs.to_string(),
            planned_secs.to_string(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
        ],
        Record::Standup { outcome, .. } => subject_outcome("", outcome_id(*outcome)),
        Record::ReleaseUsed { technique, .. } => subject_outcome(technique, "used"),
        Record::ReleaseHurt { technique, .. } => subject_outcome(technique, "hurt"),
        Record::WarningsReviewed { .. } => subject_outcome("", "read to the end"),
    };
    fields.extend(rest);
    fields
}

fn subject_outcome(subject: &str, outcome: &str) -> [String; 10] {
    let mut rest: [String; 10] = Default::default();
    rest[1] = subject.to_owned();
    rest[2] = outcome.to_owned();
    rest
}

fn outcome_id(outcome: crate::domain::record::StandupOutcome) -> &'static str {
    use crate::domain::record::StandupOutcome::*;
    match outcome {
        Done => "done",
        Snoozed => "snoozed",
        Skipped => "skipped",
    }
}

/// To the second, with the offset it was recorded with.
fn time(at: &DateTime<FixedOffset>) -> String {
    at.format("%Y-%m-%dT%H:%M:%S%:z").to_string()
}

fn opt(value: Option<u8>) -> String {
    value.map_or(String::new(), |v| v.to_string())
}

/// A field made safe, quoted when it holds a comma or a quote.
fn field(field: &str) -> String {
    let field = safe::shown(field);
    if field.contains([',', '"']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.into_owned()
    }
}
