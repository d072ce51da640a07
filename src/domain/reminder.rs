//! The stand-up reminder's schedule: when the next reminder is due, given
//! explicit local times. Pure: no clock, no disk.
//!
//! Rules, in one place:
//! - A reminder is due one interval after the interval started (the last
//!   "done" or "skip", or the start of the schedule), or when a snooze ends.
//! - Only inside active hours. An interval that would end outside them does
//!   not fire; the interval starts again when the next active window opens.
//! - A due time that passed while nobody looked (asleep, app closed) fires
//!   once at most, and only while its active window is still open; a
//!   reminder missed in an earlier window is dropped and the interval
//!   restarts at the start of the current (or next) window.
//! - While a countdown runs (`busy`), a due reminder waits.

use chrono::{DateTime, Datelike, Days as DateDays, FixedOffset, NaiveDate, TimeDelta, TimeZone};
use serde::{Deserialize, Serialize};

use super::reminder_settings::{ClockTime, Days};

/// Title of reminder notifications.
pub const TITLE: &str = "Stand up";
/// What a reminder asks.
pub const ASK: &str = "Time to stand up and walk around for a few minutes.";

/// When the reminder may fire: a daily window on chosen weekdays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActiveHours {
    /// Start of each day's window.
    pub from: ClockTime,
    /// End of each day's window (exclusive).
    pub until: ClockTime,
    /// Weekdays with a window.
    pub days: Days,
}

/// Everything the schedule needs to know from the settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rules {
    /// Time between reminders.
    pub interval: TimeDelta,
    /// How long a snooze lasts.
    pub snooze: TimeDelta,
    /// Active hours; `None` means any time of any day.
    pub hours: Option<ActiveHours>,
}

/// The persisted state of the schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schedule {
    /// When the current interval started: the last stand-up (or skip), or
    /// when the schedule was started.
    pub since: DateTime<FixedOffset>,
    /// When a snooze ends, while snoozed.
    #[serde(default)]
    pub snoozed_until: Option<DateTime<FixedOffset>>,
}

/// What the reminder should do at a given moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// Nothing will ever fire (no active day, or active hours shorter than
    /// the interval).
    Never,
    /// Not due yet; due at this time.
    Waiting(DateTime<FixedOffset>),
    /// Due (since this time): show it now.
    Fire(DateTime<FixedOffset>),
    /// Due, but a countdown is running: show it when that ends.
    Deferred(DateTime<FixedOffset>),
}

impl Schedule {
    /// A schedule whose first interval starts at `now`.
    pub fn start(now: DateTime<FixedOffset>) -> Schedule {
        Schedule {
            since: now,
            snoozed_until: None,
        }
    }

    /// "I stood up" or "skip this one": the interval restarts from now.
    pub fn restart(&mut self, now: DateTime<FixedOffset>) {
        *self = Schedule::start(now);
    }

    /// Put the reminder off for the snooze length.
    pub fn snooze(&mut self, rules: &Rules, now: DateTime<FixedOffset>) {
        self.snoozed_until = Some(now + rules.snooze);
    }

    /// The next time a reminder is due, seen at `now` (it may be in the
    /// past: then it is due now). `None` when nothing will ever fire.
    pub fn due(&self, rules: &Rules, now: DateTime<FixedOffset>) -> Option<DateTime<FixedOffset>> {
        let tz = *now.offset();
        let since = self.since.with_timezone(&tz);
        let snoozed = self.snoozed_until.map(|t| t.with_timezone(&tz));
        let Some(hours) = rules.hours else {
            return Some(snoozed.unwrap_or(since + rules.interval));
        };
        let (due, window_end) = match snoozed {
            Some(at) => match window_after(&hours, at)? {
                (start, end) if start <= at => (at, end),
                (start, _) => first_of_window(&hours, rules, start)?,
            },
            None => {
                let (start, end) = window_after(&hours, since)?;
                let due = since.max(start) + rules.interval;
                if due < end {
                    (due, end)
                } else {
                    first_of_window(&hours, rules, end)?
                }
            }
        };
        if due <= now && now >= window_end {
            // Missed in a window that has closed: the user was away.
            let (start, _) = window_after(&hours, now)?;
            return first_of_window(&hours, rules, start).map(|(due, _)| due);
        }
        Some(due)
    }

    /// What to do at `now`; `busy` is true while a countdown runs.
    pub fn check(&self, rules: &Rules, now: DateTime<FixedOffset>, busy: bool) -> Check {
        match self.due(rules, now) {
            None => Check::Never,
            Some(due) if due > now => Check::Waiting(due),
            Some(due) if busy => Check::Deferred(due),
            Some(due) => Check::Fire(due),
        }
    }
}

/// True when `now` is inside active hours (always, without them).
pub fn is_active(rules: &Rules, now: DateTime<FixedOffset>) -> bool {
    match rules.hours {
        None => true,
        Some(hours) => window_after(&hours, now).is_some_and(|(start, _)| start <= now),
    }
}

/// The first reminder of the window starting at or after `from`: one
/// interval after the window opens, if that is still inside the window.
fn first_of_window(
    hours: &ActiveHours,
    rules: &Rules,
    from: DateTime<FixedOffset>,
) -> Option<(DateTime<FixedOffset>, DateTime<FixedOffset>)> {
    let (start, end) = window_after(hours, from)?;
    let due = start + rules.interval;
    (due < end).then_some((due, end))
}

/// The first active window that ends after `t` (it may have started
/// already), in `t`'s offset. `None` when there is no active window at all.
fn window_after(
    hours: &ActiveHours,
    t: DateTime<FixedOffset>,
) -> Option<(DateTime<FixedOffset>, DateTime<FixedOffset>)> {
    if hours.from >= hours.until || hours.days.is_empty() {
        return None;
    }
    let tz = *t.offset();
    let today = t.date_naive();
    (0..=7)
        .filter_map(|i| today.checked_add_days(DateDays::new(i)))
        .filter(|day| hours.days.contains(day.weekday()))
        .map(|day| (at(tz, day, hours.from), at(tz, day, hours.until)))
        .find(|(_, end)| *end > t)
}

fn at(tz: FixedOffset, day: NaiveDate, time: ClockTime) -> DateTime<FixedOffset> {
    let midnight = day.and_hms_opt(0, 0, 0).unwrap_or_default();
    // A fixed offset maps every local time to exactly one instant.
    tz.from_utc_datetime(&(midnight - tz)) + TimeDelta::minutes(i64::from(time.minutes()))
}
