//! Kinds of record in the shared history log. Each feature reads only its
//! own variants.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

/// One line of the history log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Record {
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
    /// When the user stood up, if this records that.
    pub fn stood_up_at(&self) -> Option<DateTime<FixedOffset>> {
        match self {
            Record::Standup {
                at,
                outcome: StandupOutcome::Done,
            } => Some(*at),
            Record::Standup { .. } => None,
        }
    }
}

/// The stand-up times in the history log, and a sentence for the user if
/// some lines were unreadable (they are kept aside by the loader).
pub fn load_stood_up(
    store: &super::Store,
    now: chrono::DateTime<chrono::Local>,
) -> (Vec<DateTime<FixedOffset>>, Option<String>) {
    match store.load_history::<Record>(now) {
        Ok(history) => {
            let times = history
                .records
                .iter()
                .filter_map(Record::stood_up_at)
                .collect();
            let notice = history.kept_aside.map(|aside| {
                format!(
                    "{} unreadable line(s) of the history log were kept aside in {}.",
                    history.problems.len(),
                    aside.display()
                )
            });
            (times, notice)
        }
        Err(err) => (
            Vec::new(),
            Some(format!("Could not read the history log: {err}")),
        ),
    }
}
