//! Heat/cold applications in the history log. An application is keyed by
//! its start: however the process ended (a kill between the append and
//! the removal of the running file, two processes racing), readers count
//! the records of one start once.

use std::collections::HashSet;

use chrono::{DateTime, FixedOffset};

use crate::domain::record::Record;

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
