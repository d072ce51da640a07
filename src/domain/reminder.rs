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
//! - Windows are laid out in the local time zone with its daylight-saving
//!   rules; a range that crosses midnight belongs to the day it starts on.

use chrono::{DateTime, Datelike, Days as DateDays, FixedOffset, NaiveDate, TimeDelta, TimeZone};
use serde::{Deserialize, Serialize};

use super::active_hours::Hours;
use super::record::StandupOutcome;
use super::reminder_settings::{ClockTime, Days};

/// Title of reminder notifications.
pub const TITLE: &str = "Stand up";
/// What a reminder asks.
pub const ASK: &str = "Time to stand up and walk around for a few minutes.";

/// When the reminder may fire: ranges of a day on chosen weekdays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActiveHours {
    /// Each active day's ranges.
    pub hours: Hours,
    /// Weekdays with a window (a range that crosses midnight belongs to
    /// the day it starts on).
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

    /// The answer to a due reminder, wherever it was given (the overlay,
    /// `backcoach standup`): done and skip restart the interval from
    /// `now`, snooze puts it off for the snooze length.
    pub fn answer(&mut self, rules: &Rules, outcome: StandupOutcome, now: DateTime<FixedOffset>) {
        match outcome {
            StandupOutcome::Snoozed => self.snooze(rules, now),
            StandupOutcome::Done | StandupOutcome::Skipped => self.restart(now),
        }
    }

    /// The next time a reminder is due, seen at `now` (it may be in the
    /// past: then it is due now). `None` when nothing will ever fire.
    ///
    /// Windows are laid out in `now`'s time zone with its daylight-saving
    /// rules (the app passes `Local`), so a window on the far side of a
    /// change opens at its local time. A schedule dated after `now` (the
    /// clock was corrected backwards) counts as started at `now`, and a
    /// snooze ends at most one interval from `now`.
    pub fn due<Tz: TimeZone>(
        &self,
        rules: &Rules,
        now: DateTime<Tz>,
    ) -> Option<DateTime<FixedOffset>> {
        let zone = now.timezone();
        let since = self.since.with_timezone(&zone).min(now.clone());
        let snoozed = self
            .snoozed_until
            .map(|t| t.with_timezone(&zone).min(now.clone() + rules.interval));
        let Some(hours) = rules.hours else {
            return Some(snoozed.unwrap_or(since + rules.interval).fixed_offset());
        };
        let (due, window_end) = match snoozed {
            Some(at) => match window_after(&hours, &at)? {
                (start, end) if start <= at => (at, end),
                (start, _) => first_of_window(&hours, rules, &start)?,
            },
            None => {
                let (start, end) = window_after(&hours, &since)?;
                let due = since.max(start) + rules.interval;
                if due < end {
                    (due, end)
                } else {
                    first_of_window(&hours, rules, &end)?
                }
            }
        };
        if due <= now && now >= window_end {
            // Missed in a window that has closed: the user was away.
            let (start, _) = window_after(&hours, &now)?;
            return first_of_window(&hours, rules, &start).map(|(due, _)| due.fixed_offset());
        }
        Some(due.fixed_offset())
    }

    /// What to do at `now`; `busy` is true while a countdown runs.
    pub fn check<Tz: TimeZone>(&self, rules: &Rules, now: DateTime<Tz>, busy: bool) -> Check {
        let due = self.due(rules, now.clone());
        let now = now.fixed_offset();
        match due {
            None => Check::Never,
            Some(due) if due > now => Check::Waiting(due),
            Some(due) if busy => Check::Deferred(due),
            Some(due) => Check::Fire(due),
        }
    }
}

/// True when `now` is inside active hours (always, without them).
pub fn is_active<Tz: TimeZone>(rules: &Rules, now: DateTime<Tz>) -> bool {
    match rules.hours {
        None => true,
        Some(hours) => window_after(&hours, &now).is_some_and(|(start, _)| start <= now),
    }
}

/// The first reminder of the window starting at or after `from`: one
/// interval after the window opens, if that is still inside the window.
fn first_of_window<Tz: TimeZone>(
    hours: &ActiveHours,
    rules: &Rules,
    from: &DateTime<Tz>,
) -> Option<(DateTime<Tz>, DateTime<Tz>)> {
    let (start, end) = window_after(hours, from)?;
    let due = start + rules.interval;
    (due < end).then_some((due, end))
}

/// The first active window that ends after `t` (it may have started
/// already), in `t`'s time zone. `None` when there is no active window.
fn window_after<Tz: TimeZone>(
    hours: &ActiveHours,
    t: &DateTime<Tz>,
) -> Option<(DateTime<Tz>, DateTime<Tz>)> {
    if hours.days.is_empty() {
        return None;
    }
    let zone = t.timezone();
    let today = t.date_naive();
    // Yesterday first: a range that crossed midnight may still be open.
    let yesterday = today.pred_opt()?;
    (0..=8)
        .filter_map(|i| yesterday.checked_add_days(DateDays::new(i)))
        .filter(|day| hours.days.contains(day.weekday()))
        .flat_map(|day| {
            let zone = zone.clone();
            hours.hours.spans().iter().filter_map(move |span| {
                let end_day = if span.overnight() || span.until.minutes() == 1440 {
                    day.succ_opt()?
                } else {
                    day
                };
                let until =
                    ClockTime::new(span.until.minutes() / 60 % 24, span.until.minutes() % 60)?;
                Some((at(&zone, day, span.from), at(&zone, end_day, until)))
            })
        })
        .find(|(_, end)| end > t)
}

/// `time` on `day` in `zone`. A time that happens twice (the autumn
/// change) is the first of the two; one that does not happen (skipped in
/// spring) is the first moment after the gap.
fn at<Tz: TimeZone>(zone: &Tz, day: NaiveDate, time: ClockTime) -> DateTime<Tz> {
    let minutes = i64::from(time.minutes());
    let wanted = day.and_hms_opt(0, 0, 0).unwrap_or_default() + TimeDelta::minutes(minutes);
    // Gaps are an hour or less in every zone in use; look a little past.
    (0..=16)
        .map(|step| wanted + TimeDelta::minutes(15 * step))
        .find_map(|local| zone.from_local_datetime(&local).earliest())
        .unwrap_or_else(|| zone.from_utc_datetime(&wanted))
}
