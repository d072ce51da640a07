//! How far back the full-screen app reads the history when it starts:
//! only as far as a rule that runs then can look. The moderation guard
//! looks at most `window_days` local days back (31 at most), the home
//! programme at this week (7 days at most), the safety
//! gate and the stand-up count at today, the rest between heat/cold
//! applications at the last one's end (which matters for 30 minutes),
//! and a heat/cold application still running asks whether its start is
//! already logged. A margin of two days covers any time zone and any
//! day of 23 or 25 hours.

use chrono::{DateTime, Days, FixedOffset, TimeZone};

/// Days added to the longest look back, for time zones and clock changes.
const MARGIN_DAYS: u64 = 2;
/// Days back to the Monday of this week, at most (the home programme).
const WEEK_DAYS: u32 = 7;

/// The earliest instant start-up needs records from, at `now`, with the
/// moderation guard's window of `moderation_days` and a running
/// application started at `running` (if one runs).
pub fn since<Tz: TimeZone>(
    now: &DateTime<Tz>,
    moderation_days: u32,
    running: Option<DateTime<FixedOffset>>,
) -> DateTime<FixedOffset> {
    let back = u64::from(moderation_days.max(WEEK_DAYS)) + MARGIN_DAYS;
    let start = now
        .fixed_offset()
        .checked_sub_days(Days::new(back))
        .unwrap_or(DateTime::<FixedOffset>::MIN_UTC.fixed_offset());
    match running {
        Some(running) if running < start => running,
        _ => start,
    }
}
