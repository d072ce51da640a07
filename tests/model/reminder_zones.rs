//! The schedule in real time zones (chrono-tz, for the tests only: the app
//! passes `Local`, which reads the system's zone rules): daylight saving
//! both ways in Berlin and New York, a zone change while running, split
//! and overnight hours, and a schedule dated in the future.

use backcoach::domain::active_hours::Hours;
use backcoach::domain::reminder::{Check, Schedule, is_active};
use backcoach::domain::reminder_settings::{Days, ReminderSettings, WEEK};
use chrono::{DateTime, FixedOffset, TimeDelta, TimeZone};
use chrono_tz::America::New_York;
use chrono_tz::Europe::Berlin;
use chrono_tz::Tz;

fn local(zone: Tz, (y, mo, d): (i32, u32, u32), (h, mi): (u32, u32)) -> DateTime<Tz> {
    zone.with_ymd_and_hms(y, mo, d, h, mi, 0)
        .earliest()
        .unwrap()
}

fn settings(hours: &str, every: u32, days: Days) -> ReminderSettings {
    ReminderSettings {
        hours: Hours::parse(hours).unwrap(),
        every_minutes: every,
        days,
        ..ReminderSettings::default()
    }
}

fn every_day() -> Days {
    WEEK.to_vec().into()
}

fn fixed(t: DateTime<Tz>) -> DateTime<FixedOffset> {
    t.fixed_offset()
}

#[test]
fn friday_evening_in_berlin_before_the_spring_change_fires_monday_at_ten() {
    let rules = ReminderSettings::default().rules(false);
    // Friday 2026-03-27 17:30 CET; the clocks go forward on Sunday the 29th.
    let now = local(Berlin, (2026, 3, 27), (17, 30));
    let s = Schedule::start(fixed(now));
    let due = s.due(&rules, now).unwrap();
    let monday_ten = local(Berlin, (2026, 3, 30), (10, 0));
    assert_eq!(due, fixed(monday_ten));
    assert_eq!(due.offset().local_minus_utc(), 2 * 3600, "summer time");
    assert_eq!(
        due - fixed(now),
        TimeDelta::days(2) + TimeDelta::hours(15) + TimeDelta::minutes(30),
        "an hour less than the wall clocks differ"
    );
}

#[test]
fn the_autumn_change_gives_an_hour_more_and_windows_stay_local() {
    let rules = settings("09:00-18:00", 60, every_day()).rules(false);
    // Saturday 2026-10-24 17:30 CEST; back to CET on Sunday the 25th.
    let now = local(Berlin, (2026, 10, 24), (17, 30));
    let due = Schedule::start(fixed(now)).due(&rules, now).unwrap();
    assert_eq!(due, fixed(local(Berlin, (2026, 10, 25), (10, 0))));
    assert_eq!(due.offset().local_minus_utc(), 3600, "winter time");
    assert_eq!(
        due - fixed(now),
        TimeDelta::hours(17) + TimeDelta::minutes(30)
    );
}

#[test]
fn new_york_both_ways() {
    let rules = ReminderSettings::default().rules(false);
    // Friday 2026-03-06 17:30 EST; EDT from Sunday the 8th.
    let now = local(New_York, (2026, 3, 6), (17, 30));
    let due = Schedule::start(fixed(now)).due(&rules, now).unwrap();
    assert_eq!(due, fixed(local(New_York, (2026, 3, 9), (10, 0))));
    assert_eq!(due.offset().local_minus_utc(), -4 * 3600);
    // Friday 2026-10-30 17:30 EDT; EST from Sunday 2026-11-01.
    let now = local(New_York, (2026, 10, 30), (17, 30));
    let due = Schedule::start(fixed(now)).due(&rules, now).unwrap();
    assert_eq!(due, fixed(local(New_York, (2026, 11, 2), (10, 0))));
    assert_eq!(due.offset().local_minus_utc(), -5 * 3600);
}

#[test]
fn a_window_opening_in_the_skipped_hour_opens_after_it() {
    // 02:30 does not happen in Berlin on 2026-03-29.
    let rules = settings("02:30-06:00", 30, every_day()).rules(false);
    let now = local(Berlin, (2026, 3, 29), (1, 0));
    let due = Schedule::start(fixed(now)).due(&rules, now).unwrap();
    assert_eq!(due, fixed(local(Berlin, (2026, 3, 29), (3, 30))));
}

#[test]
fn a_change_of_time_zone_while_running_moves_the_windows_to_the_new_zone() {
    let rules = ReminderSettings::default().rules(false);
    // Started Monday 08:00 in Berlin; the laptop flies to New York.
    let start = local(Berlin, (2026, 11, 23), (8, 0));
    let s = Schedule::start(fixed(start));
    assert_eq!(
        s.due(&rules, start).unwrap(),
        fixed(local(Berlin, (2026, 11, 23), (10, 0)))
    );
    // Seen at 07:00 in New York (13:00 in Berlin): New York's 09:00 opens
    // the next window.
    let there = local(New_York, (2026, 11, 23), (7, 0));
    assert_eq!(
        s.check(&rules, there, false),
        Check::Waiting(fixed(local(New_York, (2026, 11, 23), (10, 0))))
    );
    assert!(!is_active(&rules, there));
}

#[test]
fn split_hours_skip_the_break() {
    let rules = settings("09:00-12:30,13:30-18:00", 60, Days::WORKDAYS).rules(false);
    let at = |h, m| local(Berlin, (2026, 11, 23), (h, m));
    let s = Schedule::start(fixed(at(9, 0)));
    assert_eq!(s.due(&rules, at(9, 0)), Some(fixed(at(10, 0))));
    // 12:00 + 60 min would land in the break: 13:30 + 60 min instead.
    let s = Schedule::start(fixed(at(12, 0)));
    assert_eq!(s.due(&rules, at(12, 0)), Some(fixed(at(14, 30))));
    assert!(!is_active(&rules, at(13, 0)));
    assert!(is_active(&rules, at(13, 30)));
    // Missed in the morning window (away over lunch): fires once, in the
    // afternoon window, an interval after it opens.
    let s = Schedule::start(fixed(at(11, 0)));
    assert_eq!(
        s.check(&rules, at(13, 45), false),
        Check::Waiting(fixed(at(14, 30)))
    );
}

#[test]
fn overnight_hours_belong_to_the_day_they_start_on() {
    // Friday nights only: 22:00 Friday to 06:00 Saturday.
    let mut days: Days = Vec::new().into();
    days.toggle(chrono::Weekday::Fri);
    let rules = settings("22:00-06:00", 60, days).rules(false);
    let fri = |h, m| local(Berlin, (2026, 11, 27), (h, m));
    let sat = |h, m| local(Berlin, (2026, 11, 28), (h, m));
    let s = Schedule::start(fixed(fri(20, 0)));
    assert_eq!(s.due(&rules, fri(20, 0)), Some(fixed(fri(23, 0))));
    // Past midnight, Saturday (not an active day) is still Friday's night.
    let s = Schedule::start(fixed(sat(1, 0)));
    assert!(is_active(&rules, sat(1, 0)));
    assert_eq!(s.due(&rules, sat(1, 0)), Some(fixed(sat(2, 0))));
    // 05:30 + 60 min is past the end: the next Friday night.
    let s = Schedule::start(fixed(sat(5, 30)));
    assert_eq!(
        s.due(&rules, sat(5, 30)),
        Some(fixed(local(Berlin, (2026, 12, 4), (23, 0))))
    );
    assert!(!is_active(&rules, sat(6, 0)));
}

#[test]
fn hours_are_read_and_refused_in_one_grammar() {
    for good in [
        "09:00-18:00",
        "22:00-06:00",
        "09:00-12:30,13:30-18:00",
        "00:00-24:00",
    ] {
        assert_eq!(Hours::parse(good).unwrap().to_string(), good);
    }
    assert_eq!(
        Hours::parse(" 13:30-18:00 , 09:00-12:30")
            .unwrap()
            .to_string(),
        "09:00-12:30,13:30-18:00",
        "sorted"
    );
    for bad in [
        "9-5",
        "09:00",
        "18:00-18:00",
        "09:00-13:00,12:00-18:00",
        "20:00-06:00,05:00-08:00",
        "24:00-06:00",
        "09:00-10:00,10:00-11:00,11:00-12:00,12:00-13:00,13:00-14:00",
    ] {
        assert!(Hours::parse(bad).is_err(), "{bad}");
    }
}

#[test]
fn a_schedule_dated_in_the_future_is_clamped_to_one_interval() {
    let rules = settings("00:00-24:00", 60, every_day()).rules(false);
    let now = local(Berlin, (2026, 11, 23), (10, 0));
    // Saved while the clock was a day ahead.
    let ahead = Schedule::start(fixed(local(Berlin, (2026, 11, 24), (10, 0))));
    assert_eq!(
        ahead.due(&rules, now),
        Some(fixed(now) + TimeDelta::hours(1))
    );
    let mut snoozed = Schedule::start(fixed(now));
    snoozed.snoozed_until = Some(fixed(local(Berlin, (2026, 11, 25), (9, 0))));
    assert_eq!(
        snoozed.due(&rules, now),
        Some(fixed(now) + TimeDelta::hours(1))
    );
    // Within active hours too.
    let rules = ReminderSettings::default().rules(false);
    assert_eq!(
        ahead.due(&rules, now),
        Some(fixed(now) + TimeDelta::hours(1))
    );
}
