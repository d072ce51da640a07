//! Every kind of record in the shared history log. Each feature adds its
//! own variants; code reading the log matches only its own.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::in_range;
use super::session_record::SessionRecord;
use super::therapy::CAP;
use crate::content::model::TherapyKind;

/// One line of the history log (the log adds `version` to each line).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Record {
    /// A guided session: completed, stopped for pain or abandoned.
    Session(SessionRecord),
    /// A self-release technique card was opened through the gate.
    ReleaseUsed {
        /// Local time with its offset.
        at: DateTime<FixedOffset>,
        /// Id of the technique.
        technique: String,
    },
    /// The user reported "it hurt / numbness / tingling" on a technique.
    ReleaseHurt {
        /// Local time with its offset.
        at: DateTime<FixedOffset>,
        /// Id of the technique.
        technique: String,
    },
    /// The safety warnings were read to the end.
    WarningsReviewed {
        /// Local time with its offset.
        at: DateTime<FixedOffset>,
    },
    /// A heat, cold or contrast application that ended.
    Therapy {
        /// Heat, cold or contrast.
        mode: TherapyKind,
        /// Planned length at the end, in seconds.
        planned_secs: u64,
        /// Time on the skin as timed (up to the alert, or to "pack
        /// removed"), in seconds.
        actual_secs: u64,
        /// Wall-clock start.
        started: DateTime<FixedOffset>,
        /// Wall-clock end.
        ended: DateTime<FixedOffset>,
        /// True when the user ended it before the timer did.
        #[serde(default)]
        ended_early: bool,
    },
    /// A dose suggestion the user accepted.
    DoseChange(Box<super::suggest::DoseChange>),
    /// An answer to a stand-up reminder.
    Standup {
        /// When the user answered (local time with its offset).
        at: DateTime<FixedOffset>,
        /// What they answered.
        outcome: StandupOutcome,
    },
}

/// The answer to a stand-up reminder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StandupOutcome {
    /// "I stood up."
    Done,
    /// Put off for the snooze length.
    Snoozed,
    /// "Skip this one."
    Skipped,
}

impl Record {
    /// Why this record, read back from the log, cannot be right (a date
    /// outside the years 1970-9999, a pain score above 10, a duration over
    /// its cap, an id a terminal would act on), if it cannot. Such a line
    /// is treated like one that does not parse.
    pub fn problem(&self) -> Option<String> {
        let cap = CAP.as_secs();
        match self {
            Record::Session(session) => session.problem(),
            Record::DoseChange(change) => change.problem(),
            Record::ReleaseUsed { at, technique } | Record::ReleaseHurt { at, technique } => {
                in_range::date("`at`", at).or_else(|| in_range::text("`technique`", technique))
            }
            Record::WarningsReviewed { at } | Record::Standup { at, .. } => {
                in_range::date("`at`", at)
            }
            Record::Therapy {
                planned_secs,
                actual_secs,
                started,
                ended,
                ..
            } => in_range::date("`started`", started)
                .or_else(|| in_range::date("`ended`", ended))
                .or_else(|| in_range::at_most("`planned_secs`", *planned_secs, cap))
                .or_else(|| in_range::at_most("`actual_secs`", *actual_secs, cap)),
        }
    }

    /// When it happened: the start of a session or an application, else
    /// the moment it was recorded. The merged logs are in this order.
    pub fn time(&self) -> DateTime<FixedOffset> {
        match self {
            Record::Session(session) => session.started,
            Record::Therapy { started, .. } => *started,
            Record::DoseChange(change) => change.at,
            Record::ReleaseUsed { at, .. }
            | Record::ReleaseHurt { at, .. }
            | Record::WarningsReviewed { at }
            | Record::Standup { at, .. } => *at,
        }
    }

    /// When the user stood up, if this records that.
    pub fn stood_up_at(&self) -> Option<DateTime<FixedOffset>> {
        match self {
            Record::Standup {
                at,
                outcome: StandupOutcome::Done,
            } => Some(*at),
            _ => None,
        }
    }

    /// The end of the latest therapy application in `records`.
    pub fn last_therapy_end(records: &[Record]) -> Option<DateTime<FixedOffset>> {
        records
            .iter()
            .filter_map(|record| match record {
                Record::Therapy { ended, .. } => Some(*ended),
                _ => None,
            })
            .max()
    }
}
