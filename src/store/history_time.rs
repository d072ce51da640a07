//! The times of a history log, read. Nearly every time in a log is in
//! the form this release writes (`2026-11-22T09:00:00+01:00`); such a
//! time is read here by hand, straight to its instant, with the same
//! checks chrono makes (a real day of a real month, an hour of 0-23...).
//! Anything else (fractions of a second, `Z`, a leap second, lower case,
//! a space...) is left to chrono, as the general reader does; a test
//! holds the two to the same reading.

use std::cell::Cell;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime};

/// `text` read as the general reader reads it: the usual form directly,
/// anything else by chrono.
pub fn date(text: &str) -> Option<DateTime<FixedOffset>> {
    match usual(text.as_bytes()) {
        Some((secs, offset)) => at_instant(secs, offset),
        None => text.parse().ok(),
    }
}

/// The time `secs` seconds after 1970 in the offset `offset` (seconds
/// east of UTC).
pub fn at_instant(secs: i64, offset: i32) -> Option<DateTime<FixedOffset>> {
    let offset = FixedOffset::east_opt(offset)?;
    let (days, secs) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // The records of a log come day by day: the day is mostly the last one.
    let (last, last_date) = LAST_UTC_DAY.get();
    let date = match last_date {
        Some(date) if last == days => date,
        _ => {
            let date = NaiveDate::from_num_days_from_ce_opt(
                i32::try_from(days.checked_add(UNIX_EPOCH_DAY_FROM_CE)?).ok()?,
            )?;
            LAST_UTC_DAY.set((days, Some(date)));
            date
        }
    };
    let time = NaiveTime::from_num_seconds_from_midnight_opt(u32::try_from(secs).ok()?, 0)?;
    Some(DateTime::from_naive_utc_and_offset(
        NaiveDateTime::new(date, time),
        offset,
    ))
}

/// 1970-01-01 counted in days from 0001-01-01 (day 1), as chrono counts.
const UNIX_EPOCH_DAY_FROM_CE: i64 = 719_163;

thread_local! {
    /// The last UTC day [`at_instant`] made a date of: days since 1970
    /// and that date.
    static LAST_UTC_DAY: Cell<(i64, Option<NaiveDate>)> = const { Cell::new((0, None)) };

    /// The last date [`usual`] read: its ten bytes of text, and its days
    /// since 1970.
    static LAST_DAY: Cell<Option<((u64, u16), i64)>> = const { Cell::new(None) };
}

/// A time in the usual form (`YYYY-MM-DDTHH:MM:SS+HH:MM`, a real date,
/// hours 0-23, minutes and seconds 0-59, an offset of at most 23:59) as
/// its instant in seconds since 1970 and its offset in seconds east of
/// UTC; `None` for anything else, valid or not (chrono decides those).
pub fn usual(b: &[u8]) -> Option<(i64, i32)> {
    let b: &[u8; 25] = b.try_into().ok()?;
    if b[10] != b'T' || b[13] != b':' || b[16] != b':' || b[22] != b':' {
        return None;
    }
    let sign = match b[19] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let two = |i: usize| -> Option<u32> {
        let (tens, ones) = (b[i].wrapping_sub(b'0'), b[i + 1].wrapping_sub(b'0'));
        (tens < 10 && ones < 10).then(|| u32::from(tens) * 10 + u32::from(ones))
    };
    let (hour, minute, second) = (two(11)?, two(14)?, two(17)?);
    let (off_hours, off_minutes) = (two(20)?, two(23)?);
    if hour > 23 || minute > 59 || second > 59 || off_hours > 23 || off_minutes > 59 {
        return None;
    }
    // The lines of a log come day by day: the date is mostly the last one
    // read (and so known to be a real one).
    let (head, rest) = b.split_first_chunk::<8>()?;
    let text = (
        u64::from_le_bytes(*head),
        u16::from_le_bytes([rest[0], rest[1]]),
    );
    let days = match LAST_DAY.get() {
        Some((last, days)) if last == text => days,
        _ => {
            if b[4] != b'-' || b[7] != b'-' {
                return None;
            }
            let year = two(0)? * 100 + two(2)?;
            let (month, day) = (two(5)?, two(8)?);
            if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
                return None;
            }
            let days = days_from_1970(year, month, day);
            LAST_DAY.set(Some((text, days)));
            days
        }
    };
    let offset = sign * i32::try_from(off_hours * 3600 + off_minutes * 60).ok()?;
    let local = days * 86_400 + i64::from(hour * 3600 + minute * 60 + second);
    Some((local - i64::from(offset), offset))
}

/// Days in `month` (1-12) of `year` (proleptic Gregorian, as chrono).
fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days from 1970-01-01 to a valid date of the years 0-9999 (the
/// civil-from-days reckoning in reverse: years counted from March, so
/// the leap day comes last).
fn days_from_1970(year: u32, month: u32, day: u32) -> i64 {
    let year = i64::from(year) - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(month);
    let day_of_year =
        (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}
