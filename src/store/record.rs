//! Kinds of record in the shared history log. Each feature reads only its
//! own variants.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

/// One line of the history log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Record {
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
