//! The stand-up reminder's settings, their allowed values and the steps the
//! Reminder screen changes them by.

use chrono::{TimeDelta, Weekday};
use serde::{Deserialize, Serialize};

use super::active_hours::Hours;
use super::reminder::{ActiveHours, Rules};

/// Shortest and longest interval, and the step between choices (minutes).
pub const INTERVAL_MINUTES: (u32, u32, u32) = (15, 180, 5);
/// Shortest and longest snooze (minutes, in steps of 1).
pub const SNOOZE_MINUTES: (u32, u32) = (1, 30);
/// Step of the active-hours times (minutes).
pub const HOURS_STEP: u16 = 15;

/// A time of day in minutes after midnight, 00:00 to 24:00 (the end of the
/// day). Written "HH:MM".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub struct ClockTime(u16);

/// The end of the day.
const DAY_END: u16 = 24 * 60;

impl ClockTime {
    /// `hour:minute`; `None` past 24:00.
    pub fn new(hour: u16, minute: u16) -> Option<ClockTime> {
        let total = hour.checked_mul(60)?.checked_add(minute)?;
        (minute < 60 && total <= DAY_END).then_some(ClockTime(total))
    }

    /// Minutes after midnight.
    pub fn minutes(self) -> u16 {
        self.0
    }

    fn shifted(self, by: i32, low: u16, high: u16) -> ClockTime {
        let moved = (i32::from(self.0) + by).clamp(i32::from(low), i32::from(high));
        ClockTime(u16::try_from(moved).unwrap_or(self.0))
    }
}

impl std::fmt::Display for ClockTime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 60, self.0 % 60)
    }
}

impl From<ClockTime> for String {
    fn from(time: ClockTime) -> String {
        time.to_string()
    }
}

impl TryFrom<String> for ClockTime {
    type Error = String;
    fn try_from(text: String) -> Result<ClockTime, String> {
        let bad = || format!("`{text}` is not a time from 00:00 to 24:00 (HH:MM)");
        let (h, m) = text.split_once(':').ok_or_else(bad)?;
        let (Ok(h), Ok(m)) = (h.parse::<u16>(), m.parse::<u16>()) else {
            return Err(bad());
        };
        ClockTime::new(h, m).ok_or_else(bad)
    }
}

/// A set of weekdays. Written as a list of names: `["Mon", "Tue"]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "Vec<Weekday>", from = "Vec<Weekday>")]
pub struct Days(u8);

impl Days {
    /// Monday to Friday.
    pub const WORKDAYS: Days = Days(0b001_1111);

    /// True when `day` is in the set.
    pub fn contains(self, day: Weekday) -> bool {
        self.0 & (1 << day.num_days_from_monday()) != 0
    }

    /// Adds or removes `day`.
    pub fn toggle(&mut self, day: Weekday) {
        self.0 ^= 1 << day.num_days_from_monday();
    }

    /// True when no day is chosen.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}

impl From<Days> for Vec<Weekday> {
    fn from(days: Days) -> Vec<Weekday> {
        WEEK.into_iter().filter(|d| days.contains(*d)).collect()
    }
}

impl From<Vec<Weekday>> for Days {
    fn from(list: Vec<Weekday>) -> Days {
        let mut days = Days(0);
        for day in list {
            if !days.contains(day) {
                days.toggle(day);
            }
        }
        days
    }
}

/// The week, Monday first.
pub const WEEK: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

/// The reminder's preferences (in `config.ron`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReminderSettings {
    /// The reminder is on (the default: the coach exists to get people moving).
    pub enabled: bool,
    /// Minutes between reminders.
    pub every_minutes: u32,
    /// The active hours of each active day.
    pub hours: Hours,
    /// Active weekdays.
    pub days: Days,
    /// Minutes a snooze lasts.
    pub snooze_minutes: u32,
    /// Ring the terminal bell.
    pub bell: bool,
    /// Send terminal notification escapes (OSC 777 and OSC 9).
    pub terminal_notification: bool,
    /// Send a desktop notification (`notify-send`).
    pub desktop_notification: bool,
    /// Offer time away from the keyboard as a stand-up (opt-in).
    pub away_credit: bool,
    /// The shortest time away that is offered (minutes).
    pub away_minutes: u32,
}

impl Default for ReminderSettings {
    fn default() -> Self {
        ReminderSettings {
            enabled: true,
            every_minutes: 60,
            hours: Hours::one_range(ClockTime(9 * 60), ClockTime(18 * 60)),
            days: Days::WORKDAYS,
            snooze_minutes: 5,
            bell: true,
            terminal_notification: false,
            desktop_notification: false,
            away_credit: false,
            away_minutes: 5,
        }
    }
}

impl ReminderSettings {
    /// The schedule's rules; `anytime` ignores the active hours. Every day
    /// from 00:00 to 24:00 is the same as any time (one window, not seven
    /// that end at midnight).
    pub fn rules(&self, anytime: bool) -> Rules {
        let all_day = self.hours.all_day();
        let anytime = anytime || (all_day && self.days == Days(0b111_1111));
        Rules {
            interval: TimeDelta::minutes(i64::from(self.every_minutes)),
            snooze: TimeDelta::minutes(i64::from(self.snooze_minutes)),
            hours: (!anytime).then_some(ActiveHours {
                hours: self.hours,
                days: self.days,
            }),
        }
    }

    /// Why these settings cannot be used (a hand-edited file), if so.
    pub fn problem(&self) -> Option<String> {
        let (low, high, step) = INTERVAL_MINUTES;
        if !(low..=high).contains(&self.every_minutes) || !self.every_minutes.is_multiple_of(step) {
            return Some(format!(
                "reminder every_minutes must be {low} to {high} in steps of {step}, not {}",
                self.every_minutes
            ));
        }
        let (low, high) = SNOOZE_MINUTES;
        (!(low..=high).contains(&self.snooze_minutes)).then(|| {
            format!(
                "reminder snooze_minutes must be {low} to {high}, not {}",
                self.snooze_minutes
            )
        })
    }

    /// One step longer (`up`) or shorter interval, within the range.
    pub fn step_interval(&mut self, up: bool) {
        let (low, high, step) = INTERVAL_MINUTES;
        self.every_minutes = if up {
            (self.every_minutes + step).min(high)
        } else {
            self.every_minutes.saturating_sub(step).max(low)
        };
    }

    /// One minute longer or shorter snooze, within the range.
    pub fn step_snooze(&mut self, up: bool) {
        let (low, high) = SNOOZE_MINUTES;
        self.snooze_minutes = if up {
            (self.snooze_minutes + 1).min(high)
        } else {
            self.snooze_minutes.saturating_sub(1).max(low)
        };
    }

    /// Moves the start of the first range; the ranges stay valid.
    pub fn step_from(&mut self, up: bool) {
        let from = self.hours.from().shifted(step(up), 0, DAY_END - HOURS_STEP);
        if let Some(hours) = self.hours.with_ends(from, self.hours.until()) {
            self.hours = hours;
        }
    }

    /// Moves the end of the last range, past midnight too (a range that
    /// crosses midnight, `22:00-06:00`); the ranges stay valid.
    pub fn step_until(&mut self, up: bool) {
        // Round the clock; 00:00 is written 24:00 (the same moment).
        let moved =
            (i32::from(self.hours.until().minutes()) + step(up)).rem_euclid(i32::from(DAY_END));
        let until = ClockTime(
            u16::try_from(moved)
                .ok()
                .filter(|m| *m != 0)
                .unwrap_or(DAY_END),
        );
        if let Some(hours) = self.hours.with_ends(self.hours.from(), until) {
            self.hours = hours;
        }
    }
}

fn step(up: bool) -> i32 {
    let step = i32::from(HOURS_STEP);
    if up { step } else { -step }
}
