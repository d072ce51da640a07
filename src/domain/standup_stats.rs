//! Stand-up statistics for the History screen: stand-ups per day over the
//! last weeks, and how often a reminder was snoozed or skipped this week
//! against last. Built in the same streaming pass as the other figures
//! (one record at a time, a few counters kept), so any size of history
//! fits. Pure: "today" is passed in.

use chrono::NaiveDate;

use super::progress::week_start;
use super::record::{Record, StandupOutcome};

/// Days of stand-ups counted, today last (four weeks).
pub const DAYS: usize = 28;

/// Answers to the reminder in one week.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Answers {
    /// "I stood up."
    pub done: u64,
    /// Snoozed.
    pub snoozed: u64,
    /// Skipped.
    pub skipped: u64,
}

impl Answers {
    /// Every answer.
    pub fn total(self) -> u64 {
        self.done + self.snoozed + self.skipped
    }

    /// `part` as a whole percentage of every answer (`None` without any).
    pub fn percent(self, part: u64) -> Option<u64> {
        let total = self.total();
        (total > 0).then(|| (part * 100 + total / 2) / total)
    }
}

/// The figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StandupStats {
    /// The local date they are for.
    pub today: NaiveDate,
    /// Stand-ups per day, the last [`DAYS`], oldest first.
    pub per_day: Vec<u64>,
    /// This Monday week's answers.
    pub this_week: Answers,
    /// Last week's answers.
    pub last_week: Answers,
}

impl Default for StandupStats {
    fn default() -> StandupStats {
        StandupStats::new(NaiveDate::default())
    }
}

impl StandupStats {
    /// Nothing counted yet, for `today`.
    pub fn new(today: NaiveDate) -> StandupStats {
        StandupStats {
            today,
            per_day: vec![0; DAYS],
            this_week: Answers::default(),
            last_week: Answers::default(),
        }
    }

    /// Counts one record (answers to the reminder; others are ignored),
    /// on the date it had where it was recorded.
    pub fn add(&mut self, record: &Record) {
        let Record::Standup { at, outcome } = record else {
            return;
        };
        let day = at.date_naive();
        if let Ok(back) = usize::try_from((self.today - day).num_days())
            && back < DAYS
            && *outcome == StandupOutcome::Done
        {
            self.per_day[DAYS - 1 - back] += 1;
        }
        let weeks_ago = (week_start(self.today) - week_start(day)).num_weeks();
        let week = match weeks_ago {
            0 => &mut self.this_week,
            1 => &mut self.last_week,
            _ => return,
        };
        match outcome {
            StandupOutcome::Done => week.done += 1,
            StandupOutcome::Snoozed => week.snoozed += 1,
            StandupOutcome::Skipped => week.skipped += 1,
        }
    }
}
