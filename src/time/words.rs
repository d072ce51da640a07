//! Durations and due times in words: the one formatter for every screen,
//! print-out and status line. One clock form (`4:36`, `1:02:03`), one
//! "in ..." form, one "... ago" form.

use std::time::Duration;

use chrono::{DateTime, FixedOffset, Local, TimeDelta, TimeZone};

/// Whole seconds, rounded up as a countdown shows them ("3" until exactly
/// 2 s remain).
pub fn seconds_up(d: Duration) -> u64 {
    d.as_secs() + u64::from(d.subsec_nanos() > 0)
}

/// A duration on a clock: `4:36`, `0:05`, `1:02:03`; seconds rounded up,
/// as a countdown shows them.
pub fn clock(d: Duration) -> String {
    let secs = seconds_up(d);
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// An estimate to the nearest minute, at least one: "about 5 min".
pub fn about_minutes(d: Duration) -> String {
    let minutes = ((d.as_secs() + 30) / 60).max(1);
    format!("about {minutes} min")
}

/// Whole minutes shown for `left`, rounded up ("in 1 min" until it is
/// due); zero or less is zero.
pub fn minutes_shown(left: TimeDelta) -> i64 {
    let ms = left.num_milliseconds().max(0);
    (ms + 59_999) / 60_000
}

/// How finely [`in_words`] speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    /// Whole minutes, rounded up (a screen that refreshes once a minute).
    Minutes,
    /// Seconds under a minute (a one-off line for a seconds-long interval).
    Seconds,
}

/// Time until something, in words: "in 23 min", "in 2 h 5 min", "in 1 day
/// 4 h", "now"; with [`Precision::Seconds`], "in 45 s" under a minute.
pub fn in_words(left: TimeDelta, precision: Precision) -> String {
    if precision == Precision::Seconds && left < TimeDelta::minutes(1) {
        return format!("in {} s", left.num_seconds().max(1));
    }
    let minutes = minutes_shown(left);
    match minutes {
        0 => "now".to_owned(),
        1..60 => format!("in {minutes} min"),
        60..1440 if minutes % 60 == 0 => format!("in {} h", minutes / 60),
        60..1440 => format!("in {} h {} min", minutes / 60, minutes % 60),
        _ => {
            let (days, hours) = (minutes / 1440, minutes % 1440 / 60);
            let plural = if days == 1 { "" } else { "s" };
            match hours {
                0 => format!("in {days} day{plural}"),
                _ => format!("in {days} day{plural} {hours} h"),
            }
        }
    }
}

/// Time until something for a status bar: "23m", "1h05m", "2d".
pub fn compact(left: TimeDelta) -> String {
    let minutes = minutes_shown(left);
    match minutes {
        ..60 => format!("{minutes}m"),
        60..1440 => format!("{}h{:02}m", minutes / 60, minutes % 60),
        _ => format!("{}d", minutes / 1440),
    }
}

/// An instant as a person reads it: in the local time zone of `now` (the
/// runtime's clock), whatever offset it was recorded in.
pub fn local(at: DateTime<FixedOffset>, now: &DateTime<Local>) -> DateTime<Local> {
    at.with_timezone(&now.timezone())
}

/// A due time from `now`'s point of view, in `now`'s time zone: "10:00",
/// "tomorrow 10:00", "Mon 10:00", "Mon 07 Dec 10:00".
pub fn when<Tz: TimeZone>(due: DateTime<FixedOffset>, now: DateTime<Tz>) -> String
where
    Tz::Offset: std::fmt::Display,
{
    let due = due.with_timezone(&now.timezone());
    let days = (due.date_naive() - now.date_naive()).num_days();
    match days {
        ..=0 => due.format("%H:%M").to_string(),
        1 => due.format("tomorrow %H:%M").to_string(),
        2..7 => due.format("%a %H:%M").to_string(),
        _ => due.format("%a %d %b %H:%M").to_string(),
    }
}

/// How long ago, in whole minutes rounded down: "less than a minute ago",
/// "1 minute ago", "12 minutes ago".
pub fn ago(d: Duration) -> String {
    match d.as_secs() / 60 {
        0 => "less than a minute ago".to_owned(),
        1 => "1 minute ago".to_owned(),
        n => format!("{n} minutes ago"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_clock_form() {
        assert_eq!(clock(Duration::from_secs(15 * 60)), "15:00");
        assert_eq!(clock(Duration::from_millis(59_001)), "1:00");
        assert_eq!(clock(Duration::ZERO), "0:00");
        assert_eq!(clock(Duration::from_secs(3723)), "1:02:03");
    }

    #[test]
    fn in_words_rounds_minutes_up() {
        assert_eq!(
            in_words(TimeDelta::seconds(30), Precision::Minutes),
            "in 1 min"
        );
        assert_eq!(
            in_words(TimeDelta::seconds(30), Precision::Seconds),
            "in 30 s"
        );
        assert_eq!(in_words(TimeDelta::zero(), Precision::Minutes), "now");
        assert_eq!(compact(TimeDelta::minutes(65)), "1h05m");
        assert_eq!(ago(Duration::from_secs(179)), "2 minutes ago");
    }

    #[test]
    fn times_read_in_the_zone_of_now() {
        let (Some(east), Some(west)) = (
            FixedOffset::east_opt(9 * 3600),
            FixedOffset::west_opt(5 * 3600),
        ) else {
            panic!("offsets in range");
        };
        let (Some(due), Some(now)) = (
            east.with_ymd_and_hms(2026, 3, 2, 10, 0, 0).single(),
            west.with_ymd_and_hms(2026, 3, 1, 19, 0, 0).single(),
        ) else {
            panic!("valid times");
        };
        // 10:00 in Tokyo is 20:00 the day before in New York.
        assert_eq!(when(due, now), "20:00");
        let now = due.with_timezone(&Local);
        assert_eq!(local(due, &now), due);
    }
}
