//! The moderation guard: has self-release become a habit?

use chrono::{DateTime, Days, FixedOffset, NaiveDate, TimeZone};

use crate::content::model::Moderation;

/// Distinct local days, among the `window_days` days before today, on
/// which self-release was used. Today is not counted: it is the day being
/// decided. Uses in the future (a clock set back) are ignored.
pub fn days_used<Tz: TimeZone>(
    uses: &[DateTime<FixedOffset>],
    window_days: u32,
    now: &DateTime<Tz>,
) -> u32 {
    let today = now.date_naive();
    let first = today
        .checked_sub_days(Days::new(u64::from(window_days)))
        .unwrap_or(NaiveDate::MIN);
    let mut days: Vec<NaiveDate> = uses
        .iter()
        .map(|at| at.with_timezone(&now.timezone()).date_naive())
        .filter(|day| *day >= first && *day < today)
        .collect();
    days.sort();
    days.dedup();
    u32::try_from(days.len()).unwrap_or(u32::MAX)
}

/// True when the uses make a habit under these thresholds.
pub fn is_habit<Tz: TimeZone>(
    uses: &[DateTime<FixedOffset>],
    moderation: Moderation,
    now: &DateTime<Tz>,
) -> bool {
    days_used(uses, moderation.window_days, now) >= moderation.habit_days
}
