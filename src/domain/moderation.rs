//! The moderation guard: has self-release become a habit?
//!
//! The window ends today and includes it: asked while self-release is
//! being opened, today is a day with a use, so self-release on 3 of the
//! 6 days before today makes today the 4th of the last 7 days.

use chrono::{DateTime, Days, FixedOffset, NaiveDate, TimeZone};

use crate::content::model::Moderation;

/// Distinct local days, among the `window_days` days ending today (today
/// included), on which self-release was used. Uses in the future (a clock
/// set back) are ignored.
pub fn days_used<Tz: TimeZone>(
    uses: &[DateTime<FixedOffset>],
    window_days: u32,
    now: &DateTime<Tz>,
) -> u32 {
    let days = used_days(uses, window_days, now);
    u32::try_from(days.len()).unwrap_or(u32::MAX)
}

/// The days [`is_habit`] counts: those of [`days_used`] with today added
/// (the use being decided is today's).
pub fn days_with_today<Tz: TimeZone>(
    uses: &[DateTime<FixedOffset>],
    window_days: u32,
    now: &DateTime<Tz>,
) -> u32 {
    let today = now.date_naive();
    let days = used_days(uses, window_days, now);
    let with_today = days.len() + usize::from(!days.contains(&today) && window_days > 0);
    u32::try_from(with_today).unwrap_or(u32::MAX)
}

/// True when a use now makes a habit under these thresholds: with today,
/// self-release on `habit_days` of the last `window_days` days.
pub fn is_habit<Tz: TimeZone>(
    uses: &[DateTime<FixedOffset>],
    moderation: Moderation,
    now: &DateTime<Tz>,
) -> bool {
    days_with_today(uses, moderation.window_days, now) >= moderation.habit_days
}

fn used_days<Tz: TimeZone>(
    uses: &[DateTime<FixedOffset>],
    window_days: u32,
    now: &DateTime<Tz>,
) -> Vec<NaiveDate> {
    let today = now.date_naive();
    let first = today
        .checked_sub_days(Days::new(u64::from(window_days.saturating_sub(1))))
        .unwrap_or(NaiveDate::MIN);
    let mut days: Vec<NaiveDate> = uses
        .iter()
        .map(|at| at.with_timezone(&now.timezone()).date_naive())
        .filter(|day| *day >= first && *day <= today && window_days > 0)
        .collect();
    days.sort();
    days.dedup();
    days
}
