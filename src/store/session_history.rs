//! The guided sessions read back from the history log, for the History
//! screen and `backcoach history`.

use super::{Store, StoreError};
use crate::domain::record::Record;
use crate::domain::session_record::SessionRecord;

/// The guided sessions found in the history log.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SessionHistory {
    /// Every session record, oldest first.
    pub records: Vec<SessionRecord>,
    /// One sentence per line that could not be read.
    pub problems: Vec<String>,
    /// Where unreadable lines were moved, when there were any.
    pub kept_aside: Option<std::path::PathBuf>,
    /// Why unreadable lines could not be moved out of the log, when they
    /// could not (every other record was still read).
    pub not_repaired: Option<String>,
    /// The local date when it was read, for the streak and the weeks.
    pub today: Option<chrono::NaiveDate>,
    /// When the user answered a stand-up reminder with "done", oldest first.
    pub stood_up: Vec<chrono::DateTime<chrono::FixedOffset>>,
}

impl SessionHistory {
    /// A sentence for the user about unreadable lines, if any (safe to
    /// show).
    pub fn problem_notice(&self) -> Option<String> {
        let first = self.problems.first()?;
        let n = self.problems.len();
        let aside = match (&self.kept_aside, &self.not_repaired) {
            (_, Some(reason)) => format!(
                "; they could not be moved out of the log ({reason}), every other record was read"
            ),
            (Some(path), None) => format!(
                "; kept in {}",
                crate::text::safe::shown(&path.display().to_string())
            ),
            (None, None) => String::new(),
        };
        Some(format!(
            "{n} history line{} could not be read ({first}){aside}",
            if n == 1 { "" } else { "s" }
        ))
    }
}

impl Store {
    /// Loads the history log and keeps the guided-session records.
    pub fn load_sessions(
        &self,
        now: chrono::DateTime<chrono::Local>,
    ) -> Result<SessionHistory, StoreError> {
        let loaded = self.load_history::<Record>(now)?;
        let stood_up = loaded
            .records
            .iter()
            .filter_map(Record::stood_up_at)
            .collect();
        let records = loaded
            .records
            .into_iter()
            .filter_map(|record| match record {
                Record::Session(session) => Some(session),
                _ => None,
            })
            .collect();
        Ok(SessionHistory {
            records,
            problems: loaded.problems,
            kept_aside: loaded.kept_aside,
            not_repaired: loaded.not_repaired,
            today: Some(now.date_naive()),
            stood_up,
        })
    }
}
