//! Every kind of record in the shared history log. Each feature adds its
//! own variants; code reading the log matches only its own.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::session_record::SessionRecord;

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
}
