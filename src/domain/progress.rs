//! Progress figures from the history: the streak, sessions per week, pain
//! over the recent sessions, and stand-ups per day. [`Progress`] takes the
//! records one at a time, oldest first, and keeps only what the figures
//! need (a bit per day for the streak, a count per week and per day, the
//! last [`RECENT`] sessions), so any size of history fits in a little
//! memory. Pure: "today" is passed in.

use std::collections::VecDeque;

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate};

use crate::domain::record::Record;
use crate::domain::session_record::{SessionOutcome, SessionRecord};

/// Weeks of sessions counted, this one last.
pub const WEEKS: usize = 6;
/// Days of stand-ups counted, today last.
pub const STANDUP_DAYS: usize = 7;
/// Most recent sessions kept for the table and the pain series.
pub const RECENT: usize = 500;

/// The figures of the History screen, built in one pass.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    /// The local date the figures are for.
    pub today: NaiveDate,
    /// Sessions of any outcome, all time.
    pub sessions: u64,
    /// Bit `n`: a completed session `n` days before today.
    done_days: Vec<u64>,
    /// Sessions per Monday week, the last [`WEEKS`], oldest first (a
    /// skipped one does not count).
    pub weeks: Vec<u64>,
    /// Stand-ups per local day, the last [`STANDUP_DAYS`], oldest first.
    pub standups: Vec<u64>,
    /// The last [`RECENT`] sessions, oldest first.
    pub recent: VecDeque<SessionRecord>,
}

impl Default for Progress {
    /// Nothing counted, for the first day of 1970.
    fn default() -> Progress {
        Progress::new(NaiveDate::default())
    }
}

impl Progress {
    /// Nothing counted yet, for `today`.
    pub fn new(today: NaiveDate) -> Progress {
        Progress {
            today,
            sessions: 0,
            done_days: Vec::new(),
            weeks: vec![0; WEEKS],
            standups: vec![0; STANDUP_DAYS],
            recent: VecDeque::new(),
        }
    }

    /// Counts one record (sessions and "I stood up" answers count; other
    /// kinds are ignored).
    pub fn add(&mut self, record: Record) {
        match record {
            Record::Session(session) => self.add_session(session),
            record => {
                if let Some(at) = record.stood_up_at() {
                    self.add_standup(at);
                }
            }
        }
    }

    /// Counts one session.
    pub fn add_session(&mut self, session: SessionRecord) {
        self.sessions += 1;
        let day = session.started.date_naive();
        if session.honest_outcome() == SessionOutcome::Completed
            && let Ok(back) = usize::try_from((self.today - day).num_days())
        {
            if self.done_days.len() <= back / 64 {
                self.done_days.resize(back / 64 + 1, 0);
            }
            self.done_days[back / 64] |= 1 << (back % 64);
        }
        if session.counts()
            && let Some(slot) = week_slot(self.today, day, self.weeks.len())
        {
            self.weeks[slot] += 1;
        }
        if self.recent.len() == RECENT {
            self.recent.pop_front();
        }
        self.recent.push_back(session);
    }

    /// Counts one stand-up, on the date it had where it was recorded.
    pub fn add_standup(&mut self, at: DateTime<FixedOffset>) {
        if let Some(slot) = day_slot(self.today, at.date_naive(), self.standups.len()) {
            self.standups[slot] += 1;
        }
    }

    /// Days in a row, up to today, with at least one completed session. A
    /// streak whose last day is yesterday still counts (today is not over).
    pub fn streak(&self) -> u32 {
        let done = |back: usize| {
            self.done_days
                .get(back / 64)
                .is_some_and(|bits| bits & (1 << (back % 64)) != 0)
        };
        let first = usize::from(!done(0));
        let days = (first..).take_while(|back| done(*back)).count();
        u32::try_from(days).unwrap_or(u32::MAX)
    }

    /// Pain before and after for each of the last `count` sessions, oldest
    /// first; none where it was not given.
    pub fn pain_series(&self, count: usize) -> (Vec<Option<u64>>, Vec<Option<u64>>) {
        pain_of(self.recent.iter(), count)
    }
}

/// Where `day` falls among the `weeks` Monday weeks ending with the one of
/// `today` (oldest first), if it does.
fn week_slot(today: NaiveDate, day: NaiveDate, weeks: usize) -> Option<usize> {
    let ago = usize::try_from((week_start(today) - week_start(day)).num_weeks()).ok()?;
    (ago < weeks).then(|| weeks - 1 - ago)
}

/// Where `day` falls among the `days` days ending `today` (oldest first),
/// if it does.
fn day_slot(today: NaiveDate, day: NaiveDate, days: usize) -> Option<usize> {
    let back = usize::try_from((today - day).num_days()).ok()?;
    (back < days).then(|| days - 1 - back)
}

fn pain_of<'a>(
    sessions: impl ExactSizeIterator<Item = &'a SessionRecord>,
    count: usize,
) -> (Vec<Option<u64>>, Vec<Option<u64>>) {
    let skip = sessions.len().saturating_sub(count);
    sessions
        .skip(skip)
        .map(|r| (r.pain_before.map(u64::from), r.pain_after.map(u64::from)))
        .unzip()
}

/// The streak of `records` (see [`Progress::streak`]).
pub fn streak(records: &[SessionRecord], today: NaiveDate) -> u32 {
    let mut progress = Progress::new(today);
    for record in records {
        progress.add_session(record.clone());
    }
    progress.streak()
}

/// The Monday starting the week of `day`.
pub fn week_start(day: NaiveDate) -> NaiveDate {
    day - Duration::days(i64::from(day.weekday().num_days_from_monday()))
}

/// Sessions (any outcome but skipped) in each of the last `weeks` weeks,
/// Monday to Sunday, oldest first; the last entry is this week.
pub fn per_week(records: &[SessionRecord], today: NaiveDate, weeks: usize) -> Vec<u64> {
    let mut counts = vec![0; weeks];
    for record in records.iter().filter(|r| r.counts()) {
        if let Some(slot) = week_slot(today, record.started.date_naive(), weeks) {
            counts[slot] += 1;
        }
    }
    counts
}

/// Pain before and after for each of the last `count` sessions, oldest
/// first; none where it was not given.
pub fn pain_series(
    records: &[SessionRecord],
    count: usize,
) -> (Vec<Option<u64>>, Vec<Option<u64>>) {
    pain_of(records.iter(), count)
}

/// Records started on or after `since` (by their own local date).
pub fn since(records: &[SessionRecord], since: Option<NaiveDate>) -> Vec<&SessionRecord> {
    records
        .iter()
        .filter(|r| since.is_none_or(|d| r.started.date_naive() >= d))
        .collect()
}

/// Stand-ups per local day for the `days` days ending `today`, oldest
/// first. Each time counts on the date it had where it was recorded.
pub fn standups_per_day(
    times: &[DateTime<FixedOffset>],
    today: NaiveDate,
    days: usize,
) -> Vec<u64> {
    let mut counts = vec![0; days];
    for time in times {
        if let Some(slot) = day_slot(today, time.date_naive(), days) {
            counts[slot] += 1;
        }
    }
    counts
}
