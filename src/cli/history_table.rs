//! The history as a table for reading: local times, and names from the
//! content (a routine's, a technique's, a heat/cold mode's) rather than
//! ids; an id with no name in the content (or no content) is shown as it
//! is, made safe.

use chrono::{DateTime, FixedOffset, TimeZone};

use super::HistoryKind;
use crate::content::catalog::Content;
use crate::content::model::TherapyKind;
use crate::domain::record::{Record, StandupOutcome};
use crate::domain::session_record::{ExerciseOutcome, SessionRecord};
use crate::text::safe;
use crate::time::words::clock;

/// The header row for `kind`.
pub fn header(kind: HistoryKind) -> String {
    match kind {
        HistoryKind::Sessions => format!(
            "{:<16}  {:<20}  {:<16}  {:>7}  {:>9}  {:>6}",
            "started", "routine", "outcome", "time", "done/all", "pain"
        ),
        HistoryKind::Therapy => format!(
            "{:<16}  {:<10}  {:>7}  {:>7}  ended",
            "started", "mode", "on", "planned"
        ),
        HistoryKind::Standups => format!("{:<16}  answer", "answered"),
        HistoryKind::Release => format!("{:<16}  {:<14}  technique", "at", "what"),
        HistoryKind::All => format!("{:<16}  {:<13}  what", "at", "kind"),
    }
}

/// The line printed when there is no record of `kind`.
pub fn nothing(kind: HistoryKind) -> &'static str {
    match kind {
        HistoryKind::Sessions => "no sessions",
        HistoryKind::Therapy => "no heat/cold applications",
        HistoryKind::Standups => "no stand-up answers",
        HistoryKind::Release => "no self-release records",
        HistoryKind::All => "no records",
    }
}

/// One row for `record` (of a kind `kind` prints), times in `zone`.
pub fn row<Tz: TimeZone>(
    kind: HistoryKind,
    record: &Record,
    zone: &Tz,
    content: Option<&Content>,
) -> String
where
    Tz::Offset: std::fmt::Display,
{
    let at = local(&record.time(), zone);
    let names = Names(content);
    if kind == HistoryKind::All {
        return format!("{at:<16}  {:<13}  {}", label(record), names.summary(record));
    }
    match record {
        Record::Session(session) => {
            let (done, pain) = session_figures(session);
            format!(
                "{at:<16}  {:<20}  {:<16}  {:>7}  {done:>9}  {pain:>6}",
                names.routine(&session.routine),
                session.honest_outcome().label(),
                clock(std::time::Duration::from_secs(session.duration_secs)),
            )
        }
        Record::Therapy {
            mode,
            planned_secs,
            actual_secs,
            ..
        } => format!(
            "{at:<16}  {:<10}  {:>7}  {:>7}  {}",
            names.therapy(*mode),
            clock(std::time::Duration::from_secs(*actual_secs)),
            clock(std::time::Duration::from_secs(*planned_secs)),
            therapy_end(record)
        ),
        Record::Standup { outcome, .. } => format!("{at:<16}  {}", answer(*outcome)),
        Record::ReleaseUsed { technique, .. } | Record::ReleaseHurt { technique, .. } => {
            format!(
                "{at:<16}  {:<14}  {}",
                label(record),
                names.technique(technique)
            )
        }
        Record::WarningsReviewed { .. } => format!("{at:<16}  {}", label(record)),
        Record::DoseChange(_) => format!("{at:<16}  {}", names.summary(record)),
    }
}

/// `at` as a local time to the minute: `2026-11-22 09:00`.
fn local<Tz: TimeZone>(at: &DateTime<FixedOffset>, zone: &Tz) -> String {
    use chrono::{Datelike, Timelike};
    let at = at.with_timezone(zone);
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        at.year(),
        at.month(),
        at.day(),
        at.hour(),
        at.minute()
    )
}

/// What a record is, in a word or two.
fn label(record: &Record) -> &'static str {
    match record {
        Record::Session(_) => "session",
        Record::Therapy { .. } => "heat/cold",
        Record::Standup { .. } => "stand-up",
        Record::ReleaseUsed { .. } => "self-release",
        Record::ReleaseHurt { .. } => "it hurt",
        Record::WarningsReviewed { .. } => "warnings read",
        Record::DoseChange(_) => "dose change",
    }
}

fn answer(outcome: StandupOutcome) -> &'static str {
    match outcome {
        StandupOutcome::Done => "stood up",
        StandupOutcome::Snoozed => "snoozed",
        StandupOutcome::Skipped => "skipped",
    }
}

fn therapy_end(record: &Record) -> &'static str {
    if crate::domain::therapy::history::ended_by_user(record) {
        "pack off early"
    } else {
        "time up"
    }
}

/// "done/all" and "before→after" of a session.
fn session_figures(session: &SessionRecord) -> (String, String) {
    let pain = |p: Option<u8>| p.map_or("-".to_owned(), |v| v.to_string());
    (
        format!(
            "{}/{}",
            session.count(ExerciseOutcome::Done),
            session.exercises.len()
        ),
        format!("{}→{}", pain(session.pain_before), pain(session.pain_after)),
    )
}

/// Names from the content, when there is some.
struct Names<'c>(Option<&'c Content>);

impl Names<'_> {
    fn routine(&self, id: &str) -> String {
        let name = self
            .0
            .and_then(|c| c.routines.iter().find(|r| r.id == id))
            .map(|r| r.name.as_str());
        safe::shown(name.unwrap_or(id)).into_owned()
    }

    fn technique(&self, id: &str) -> String {
        let name = self
            .0
            .and_then(|c| c.technique(id))
            .map(|t| t.name.as_str());
        safe::shown(name.unwrap_or(id)).into_owned()
    }

    fn therapy(&self, mode: TherapyKind) -> String {
        let name = self
            .0
            .and_then(|c| c.therapy.iter().find(|t| t.mode == mode))
            .map(|t| t.name.as_str());
        safe::shown(name.unwrap_or(mode.id())).into_owned()
    }

    /// One record in a few words, for the table of every kind.
    fn summary(&self, record: &Record) -> String {
        match record {
            Record::Session(session) => {
                let (done, pain) = session_figures(session);
                format!(
                    "{} · {} · {} · {done} done · pain {pain}",
                    self.routine(&session.routine),
                    session.honest_outcome().label(),
                    clock(std::time::Duration::from_secs(session.duration_secs))
                )
            }
            Record::Therapy {
                mode,
                planned_secs,
                actual_secs,
                ..
            } => format!(
                "{} · {} of {} · {}",
                self.therapy(*mode),
                clock(std::time::Duration::from_secs(*actual_secs)),
                clock(std::time::Duration::from_secs(*planned_secs)),
                therapy_end(record)
            ),
            Record::Standup { outcome, .. } => answer(*outcome).to_owned(),
            Record::ReleaseUsed { technique, .. } | Record::ReleaseHurt { technique, .. } => {
                self.technique(technique)
            }
            Record::WarningsReviewed { .. } => "the safety warnings, to the end".to_owned(),
            Record::DoseChange(c) => format!(
                "{} · {} step: {} ({})",
                self.routine(&c.change.routine),
                c.direction.label(),
                c.change.exercise,
                c.reason
            ),
        }
    }
}
