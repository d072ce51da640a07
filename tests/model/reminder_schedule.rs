//! The stand-up schedule with explicit local times: active hours, weekdays,
//! snooze, skip, done, a suspend gap, an app restart, and deferral behind a
//! running countdown.

use backcoach::domain::active_hours::Hours;
use backcoach::domain::reminder::{Check, Rules, Schedule, is_active};
use backcoach::domain::reminder_settings::{ClockTime, ReminderSettings};
use backcoach::store::OldReminder;
use chrono::{DateTime, FixedOffset, TimeDelta, TimeZone, Weekday};

/// 2026-11-23 is a Monday. Times are in a fixed UTC+01:00 unless given.
fn at_in(offset_hours: i32, day: u32, hour: u32, minute: u32) -> DateTime<FixedOffset> {
    FixedOffset::east_opt(offset_hours * 3600)
        .unwrap()
        .with_ymd_and_hms(2026, 11, day, hour, minute, 0)
        .unwrap()
}

fn at(day: u32, hour: u32, minute: u32) -> DateTime<FixedOffset> {
    at_in(1, day, hour, minute)
}

fn rules() -> Rules {
    ReminderSettings::default().rules(false)
}

fn due(schedule: &Schedule, now: DateTime<FixedOffset>) -> Option<DateTime<FixedOffset>> {
    schedule.due(&rules(), now)
}

#[test]
fn defaults_are_hourly_nine_to_six_on_workdays() {
    let s = ReminderSettings::default();
    assert!(s.enabled);
    assert_eq!(s.every_minutes, 60);
    assert_eq!(s.hours.to_string(), "09:00-18:00");
    for day in [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
    ] {
        assert!(s.days.contains(day), "{day}");
    }
    assert!(!s.days.contains(Weekday::Sat) && !s.days.contains(Weekday::Sun));
    assert_eq!(s.snooze_minutes, 5);
    assert!(s.bell && !s.terminal_notification && !s.desktop_notification);
    assert_eq!(s.problem(), None);
}

#[test]
fn due_one_interval_after_the_start_inside_active_hours() {
    let s = Schedule::start(at(23, 10, 0));
    assert_eq!(due(&s, at(23, 10, 0)), Some(at(23, 11, 0)));
    assert_eq!(
        s.check(&rules(), at(23, 10, 59), false),
        Check::Waiting(at(23, 11, 0))
    );
    assert_eq!(
        s.check(&rules(), at(23, 11, 0), false),
        Check::Fire(at(23, 11, 0))
    );
}

#[test]
fn an_interval_that_ends_after_hours_moves_to_the_next_window() {
    // 17:30 + 60 min is past 18:00: nothing tonight; next day the interval
    // starts when the window opens.
    let s = Schedule::start(at(23, 17, 30));
    assert_eq!(due(&s, at(23, 17, 31)), Some(at(24, 10, 0)));
    assert_eq!(
        s.check(&rules(), at(23, 23, 0), false),
        Check::Waiting(at(24, 10, 0))
    );
    // A reminder due at exactly the end of the window does not fire.
    let s = Schedule::start(at(23, 17, 0));
    assert_eq!(due(&s, at(23, 17, 0)), Some(at(24, 10, 0)));
}

#[test]
fn started_before_hours_counts_from_the_window_start() {
    let s = Schedule::start(at(23, 7, 0));
    assert_eq!(due(&s, at(23, 7, 0)), Some(at(23, 10, 0)));
}

#[test]
fn weekends_are_skipped_by_default() {
    // Friday 17:15: next is Monday 10:00.
    let s = Schedule::start(at(27, 17, 15));
    assert_eq!(due(&s, at(27, 17, 20)), Some(at(30, 10, 0)));
    // Started on a Saturday.
    let s = Schedule::start(at(28, 12, 0));
    assert_eq!(due(&s, at(28, 12, 0)), Some(at(30, 10, 0)));
    assert!(!is_active(&rules(), at(28, 12, 0)));
    assert!(is_active(&rules(), at(30, 9, 0)));
    assert!(!is_active(&rules(), at(30, 18, 0)));
}

#[test]
fn chosen_weekdays_are_honoured() {
    let mut settings = ReminderSettings::default();
    settings.days.toggle(Weekday::Mon);
    settings.days.toggle(Weekday::Sun);
    let rules = settings.rules(false);
    // Saturday: not active; Sunday is.
    let s = Schedule::start(at(28, 12, 0));
    assert_eq!(s.due(&rules, at(28, 12, 0)), Some(at(29, 10, 0)));
    // Sunday evening: Monday is now off, so Tuesday.
    let s = Schedule::start(at(29, 17, 30));
    assert_eq!(
        s.due(&rules, at(29, 17, 30)),
        Some(at(24, 10, 0) + TimeDelta::days(7))
    );
}

#[test]
fn no_active_day_or_a_window_shorter_than_the_interval_never_fires() {
    let mut settings = ReminderSettings::default();
    for day in backcoach::domain::reminder_settings::WEEK {
        if settings.days.contains(day) {
            settings.days.toggle(day);
        }
    }
    let s = Schedule::start(at(23, 10, 0));
    assert_eq!(
        s.check(&settings.rules(false), at(23, 10, 0), false),
        Check::Never
    );

    let settings = ReminderSettings {
        hours: Hours::parse("09:00-09:30").unwrap(),
        ..ReminderSettings::default()
    };
    let s = Schedule::start(at(23, 9, 0));
    assert_eq!(
        s.check(&settings.rules(false), at(23, 9, 0), false),
        Check::Never
    );
}

#[test]
fn done_and_skip_restart_the_interval_from_now() {
    let mut s = Schedule::start(at(23, 9, 0));
    assert_eq!(
        s.check(&rules(), at(23, 10, 7), false),
        Check::Fire(at(23, 10, 0))
    );
    s.restart(at(23, 10, 7));
    assert_eq!(
        s.check(&rules(), at(23, 10, 7), false),
        Check::Waiting(at(23, 11, 7))
    );
}

#[test]
fn snooze_puts_it_off_then_fires_again() {
    let mut s = Schedule::start(at(23, 9, 0));
    s.snooze(&rules(), at(23, 10, 2));
    assert_eq!(
        s.check(&rules(), at(23, 10, 3), false),
        Check::Waiting(at(23, 10, 7))
    );
    assert_eq!(
        s.check(&rules(), at(23, 10, 7), false),
        Check::Fire(at(23, 10, 7))
    );
    // Snoozing again pushes it further.
    s.snooze(&rules(), at(23, 10, 8));
    assert_eq!(due(&s, at(23, 10, 8)), Some(at(23, 10, 13)));
    // Done clears the snooze.
    s.restart(at(23, 10, 14));
    assert_eq!(s.snoozed_until, None);
    assert_eq!(due(&s, at(23, 10, 14)), Some(at(23, 11, 14)));
}

#[test]
fn a_snooze_past_the_end_of_hours_moves_to_the_next_window() {
    let mut s = Schedule::start(at(23, 16, 58));
    s.snooze(&rules(), at(23, 17, 58));
    assert_eq!(due(&s, at(23, 17, 59)), Some(at(24, 10, 0)));
}

#[test]
fn a_suspend_gap_fires_once_and_done_restarts() {
    // Due at 11:00; the laptop slept from 10:30 to 14:00.
    let mut s = Schedule::start(at(23, 10, 0));
    assert_eq!(
        s.check(&rules(), at(23, 10, 30), false),
        Check::Waiting(at(23, 11, 0))
    );
    // One reminder, for the one due time (not three for 11, 12 and 13).
    assert_eq!(
        s.check(&rules(), at(23, 14, 0), false),
        Check::Fire(at(23, 11, 0))
    );
    s.restart(at(23, 14, 1));
    assert_eq!(
        s.check(&rules(), at(23, 14, 1), false),
        Check::Waiting(at(23, 15, 1))
    );
}

#[test]
fn a_reminder_missed_in_a_closed_window_is_dropped() {
    // Due Monday 11:00; asleep until Tuesday 09:30: nothing fires, the
    // interval restarts when Tuesday's window opened.
    let s = Schedule::start(at(23, 10, 0));
    assert_eq!(
        s.check(&rules(), at(24, 9, 30), false),
        Check::Waiting(at(24, 10, 0))
    );
    // Back only on Tuesday afternoon: one reminder, at once.
    assert_eq!(
        s.check(&rules(), at(24, 14, 0), false),
        Check::Fire(at(24, 10, 0))
    );
    // Back in the evening: nothing fires outside active hours.
    assert_eq!(
        s.check(&rules(), at(24, 20, 0), false),
        Check::Waiting(at(25, 10, 0))
    );
}

#[test]
fn an_app_restart_keeps_the_schedule() {
    let mut s = Schedule::start(at(23, 9, 0));
    s.restart(at(23, 10, 20));
    let text = ron::to_string(&s).unwrap();
    let back: Schedule = ron::from_str(&text).unwrap();
    assert_eq!(back, s);
    // Closed at 10:45, opened again at 11:05: still due at 11:20.
    assert_eq!(
        back.check(&rules(), at(23, 11, 5), false),
        Check::Waiting(at(23, 11, 20))
    );
}

#[test]
fn a_running_countdown_defers_a_due_reminder() {
    let s = Schedule::start(at(23, 10, 0));
    assert_eq!(
        s.check(&rules(), at(23, 11, 0), true),
        Check::Deferred(at(23, 11, 0))
    );
    assert_eq!(
        s.check(&rules(), at(23, 11, 3), true),
        Check::Deferred(at(23, 11, 0))
    );
    // Not yet due: busy changes nothing.
    assert_eq!(
        s.check(&rules(), at(23, 10, 30), true),
        Check::Waiting(at(23, 11, 0))
    );
    // The countdown ends: it shows.
    assert_eq!(
        s.check(&rules(), at(23, 11, 3), false),
        Check::Fire(at(23, 11, 0))
    );
}

#[test]
fn fixed_offsets_use_the_local_wall_clock_of_now() {
    // Active hours are local: 09:00-18:00 in UTC-05:00.
    let s = Schedule::start(at_in(-5, 23, 17, 30));
    assert_eq!(
        s.due(&rules(), at_in(-5, 23, 17, 30)),
        Some(at_in(-5, 24, 10, 0))
    );
    // A schedule saved in another offset (travel): instants are compared,
    // windows follow the offset of now. 10:00+01:00 is 14:00+05:00.
    let s = Schedule::start(at_in(1, 23, 10, 0));
    assert_eq!(
        s.due(&rules(), at_in(5, 23, 14, 0)),
        Some(at_in(5, 23, 15, 0))
    );
    // In UTC+14 and UTC-12 the days still line up.
    let s = Schedule::start(at_in(14, 23, 8, 0));
    assert_eq!(
        s.due(&rules(), at_in(14, 23, 8, 0)),
        Some(at_in(14, 23, 10, 0))
    );
    let s = Schedule::start(at_in(-12, 27, 17, 30));
    assert_eq!(
        s.due(&rules(), at_in(-12, 27, 17, 30)),
        Some(at_in(-12, 30, 10, 0))
    );
}

#[test]
fn anytime_ignores_hours_and_weekdays() {
    let rules = Rules {
        interval: TimeDelta::seconds(2),
        ..ReminderSettings::default().rules(true)
    };
    let s = Schedule::start(at(28, 23, 59));
    let due = s.due(&rules, at(28, 23, 59)).unwrap();
    assert_eq!(due, at(28, 23, 59) + TimeDelta::seconds(2));
    // Away for a day: one reminder at once.
    assert_eq!(s.check(&rules, at(29, 23, 0), false), Check::Fire(due));
}

#[test]
fn settings_steps_stay_in_range() {
    let mut s = ReminderSettings::default();
    for _ in 0..100 {
        s.step_interval(true);
        s.step_snooze(true);
        s.step_until(true);
    }
    assert_eq!((s.every_minutes, s.snooze_minutes), (180, 30));
    // Past midnight: a range that crosses it, up to a step before the start.
    assert_eq!(s.hours.to_string(), "09:00-08:45");
    for _ in 0..100 {
        s.step_interval(false);
        s.step_snooze(false);
        s.step_from(true);
    }
    assert_eq!((s.every_minutes, s.snooze_minutes), (15, 1));
    assert_eq!(s.hours.from().to_string(), "23:45");
    for _ in 0..200 {
        s.step_until(false);
    }
    assert_eq!(
        s.hours.until().to_string(),
        "24:00",
        "the end cannot pass the start"
    );
    for _ in 0..200 {
        s.step_from(false);
    }
    assert_eq!(s.hours.from().to_string(), "00:00");
    s.step_interval(true);
    assert_eq!(s.every_minutes, 20);
    assert_eq!(s.problem(), None);
}

#[test]
fn hand_edited_values_out_of_range_are_problems() {
    let bad = [
        ReminderSettings {
            every_minutes: 7,
            ..ReminderSettings::default()
        },
        ReminderSettings {
            every_minutes: 62,
            ..ReminderSettings::default()
        },
        ReminderSettings {
            snooze_minutes: 0,
            ..ReminderSettings::default()
        },
    ];
    for settings in bad {
        assert!(settings.problem().is_some(), "{settings:?}");
    }
}

#[test]
fn old_settings_files_load() {
    let text = ron::to_string(&OldReminder::default()).unwrap();
    assert!(text.contains("from:\"09:00\""), "{text}");
    assert!(
        text.contains(r#"days:["Mon","Tue","Wed","Thu","Fri"]"#),
        "{text}"
    );
    let partial: OldReminder = ron::from_str("(every_minutes: 45)").unwrap();
    assert_eq!(partial.every_minutes, 45);
    assert_eq!(partial.from, OldReminder::default().from);
    assert!(ron::from_str::<OldReminder>("(from: \"25:00\")").is_err());
    assert!(ron::from_str::<OldReminder>("(from: \"nine\")").is_err());
    // Hand-edited hours that end before they start were refused then.
    let backwards = OldReminder {
        from: ClockTime::new(18, 0).unwrap(),
        until: ClockTime::new(9, 0).unwrap(),
        ..OldReminder::default()
    };
    assert!(backwards.problem().is_some());
}
