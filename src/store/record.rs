//! Every kind of record in the shared history log. Each feature adds its
//! own variants; code reading the log matches only its own.

use serde::{Deserialize, Serialize};

use super::session_record::SessionRecord;

/// One line of the history log (the log adds `version` to each line).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Record {
    /// A guided session: completed, stopped for pain or abandoned.
    Session(SessionRecord),
}
