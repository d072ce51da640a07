//! Progress figures from the session history: the streak, sessions per
//! week and pain over time. Pure: "today" is passed in.

use std::collections::BTreeSet;

use chrono::{Datelike, Duration, NaiveDate};

use crate::domain::session_record::{SessionOutcome, SessionRecord};

/// Days in a row, up to today, with at least one completed session. A
/// streak whose last day is yesterday still counts (today is not over).
pub fn streak(records: &[SessionRecord], today: NaiveDate) -> u32 {
    let days: BTreeSet<NaiveDate> = records
        .iter()
        .filter(|r| r.outcome == SessionOutcome::Completed)
        .map(|r| r.started.date_naive())
        .collect();
    let mut day = if days.contains(&today) {
        today
    } else {
        today - Duration::days(1)
    };
    let mut count = 0;
    while days.contains(&day) {
        count += 1;
        day -= Duration::days(1);
    }
    count
}

/// The Monday starting the week of `day`.
pub fn week_start(day: NaiveDate) -> NaiveDate {
    day - Duration::days(i64::from(day.weekday().num_days_from_monday()))
}

/// Sessions (any outcome) in each of the last `weeks` weeks, Monday to
/// Sunday, oldest first; the last entry is this week.
pub fn per_week(records: &[SessionRecord], today: NaiveDate, weeks: usize) -> Vec<u64> {
    let this_week = week_start(today);
    let mut counts = vec![0; weeks];
    for record in records {
        let start = week_start(record.started.date_naive());
        let ago = (this_week - start).num_weeks();
        if let Ok(ago) = usize::try_from(ago)
            && ago < weeks
        {
            counts[weeks - 1 - ago] += 1;
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
    let skip = records.len().saturating_sub(count);
    records
        .iter()
        .skip(skip)
        .map(|r| (r.pain_before.map(u64::from), r.pain_after.map(u64::from)))
        .unzip()
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
    times: &[chrono::DateTime<chrono::FixedOffset>],
    today: NaiveDate,
    days: usize,
) -> Vec<u64> {
    let mut counts = vec![0; days];
    for time in times {
        let back = (today - time.date_naive()).num_days();
        if let Ok(back) = usize::try_from(back)
            && back < days
        {
            counts[days - 1 - back] += 1;
        }
    }
    counts
}
