//! The History screen's figures, read from every log in one streaming
//! pass (see [`crate::domain::progress`]): memory stays small whatever
//! the size of the history.

use super::history::problem_sentence;
use super::history_merge::Merge;
use super::{Store, StoreError};
use crate::domain::progress::Progress;
use crate::domain::record::Record;
use crate::domain::standup_stats::StandupStats;

/// What the History screen shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SessionHistory {
    /// The figures, with the recent sessions.
    pub progress: Progress,
    /// The stand-up figures (boxed: they would make every message large).
    pub standups: Box<StandupStats>,
    /// One sentence per line that could not be read (the first thousand).
    pub problems: Vec<String>,
    /// How many lines could not be read.
    pub bad_lines: usize,
    /// Where unreadable lines were moved, when there were any.
    pub kept_aside: Option<std::path::PathBuf>,
    /// Why unreadable lines could not be moved out of the log, when they
    /// could not (every other record was still read).
    pub not_repaired: Option<String>,
}

impl SessionHistory {
    /// A sentence for the user about unreadable lines, if any (safe to
    /// show).
    pub fn problem_notice(&self) -> Option<String> {
        problem_sentence(
            &self.problems,
            self.bad_lines,
            self.kept_aside.as_deref(),
            self.not_repaired.as_deref(),
        )
    }
}

impl Store {
    /// Reads every log once, counting what the History screen shows for
    /// `now`'s local date.
    pub fn load_sessions(
        &self,
        now: chrono::DateTime<chrono::Local>,
    ) -> Result<SessionHistory, StoreError> {
        self.sweep(now);
        let mut merge = Merge::<Record>::open(self)?;
        let mut progress = Progress::new(now.date_naive());
        let mut standups = Box::new(StandupStats::new(now.date_naive()));
        for record in merge.by_ref() {
            standups.add(&record);
            progress.add(record);
        }
        let findings = merge.finish(now);
        Ok(SessionHistory {
            progress,
            standups,
            problems: findings.report.problems,
            bad_lines: findings.report.bad_lines,
            kept_aside: findings.kept_aside,
            not_repaired: findings.not_repaired,
        })
    }
}
