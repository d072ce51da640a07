//! Heat/cold applications in the history log. An application is keyed by
//! its start: however the process ended (a kill between the append and
//! the removal of the running file, two processes racing), readers count
//! the records of one start once.

use std::collections::HashSet;
use std::time::Duration;

use chrono::{DateTime, FixedOffset};

use super::{CAP, Running};
use crate::domain::record::Record;

/// The history record of an application that ended at `ended` after
/// `actual` on the skin; `early` when the user ended it.
pub fn record(
    running: &Running,
    actual: Duration,
    ended: DateTime<FixedOffset>,
    early: bool,
) -> Record {
    Record::Therapy {
        mode: running.mode,
        planned_secs: running.planned().as_secs(),
        actual_secs: actual.min(CAP).as_secs(),
        started: running.started,
        ended,
        ended_early: early,
    }
}

/// The record of an application that ran its planned length: time up.
pub fn time_up_record(running: &Running) -> Record {
    let planned = running.planned();
    record(running, planned, running.started + planned, false)
}

/// The start of a therapy record, if it is one.
fn started(record: &Record) -> Option<DateTime<FixedOffset>> {
    match record {
        Record::Therapy { started, .. } => Some(*started),
        _ => None,
    }
}

/// The therapy records, one per application (the first of each start), in
/// log order.
pub fn applications(records: &[Record]) -> Vec<&Record> {
    let mut seen = HashSet::new();
    records
        .iter()
        .filter(|record| started(record).is_some_and(|at| seen.insert(at)))
        .collect()
}

/// The record of the application that started at `at`, if it was logged.
pub fn record_of(records: &[Record], at: DateTime<FixedOffset>) -> Option<&Record> {
    records.iter().find(|record| started(record) == Some(at))
}

/// True when `record` says the user ended the application ("pack off").
pub fn ended_by_user(record: &Record) -> bool {
    matches!(
        record,
        Record::Therapy {
            ended_early: true,
            ..
        }
    )
}

/// The end of the latest application.
pub fn last_end(records: &[Record]) -> Option<DateTime<FixedOffset>> {
    applications(records)
        .into_iter()
        .filter_map(|record| match record {
            Record::Therapy { ended, .. } => Some(*ended),
            _ => None,
        })
        .max()
}

/// [`applications`] for records coming one at a time in time order (as
/// the merged history logs give them): true for the first record of each
/// application, and for every record that is not of one. Records of one
/// start are next to each other among the applications, so only the last
/// start is kept.
#[derive(Debug, Clone, Default)]
pub struct FirstOfStart {
    last: Option<DateTime<FixedOffset>>,
}

impl FirstOfStart {
    /// True when `record` counts (see the type).
    pub fn first(&mut self, record: &Record) -> bool {
        let Some(at) = started(record) else {
            return true;
        };
        if self.last == Some(at) {
            return false;
        }
        self.last = Some(at);
        true
    }
}
