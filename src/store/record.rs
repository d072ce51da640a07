//! The kinds of record in the shared history log. Each feature reads only
//! its own variants.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::content::model::TherapyKind;

/// One line of the history log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Record {
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
}

impl Record {
    /// The end of the latest therapy application in `records`.
    pub fn last_therapy_end(records: &[Record]) -> Option<DateTime<FixedOffset>> {
        records
            .iter()
            .map(|record| match record {
                Record::Therapy { ended, .. } => *ended,
            })
            .max()
    }
}
