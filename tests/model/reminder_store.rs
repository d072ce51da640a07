//! The reminder's files: settings with their new fields (older files still
//! load), the schedule file, corrupt files kept aside, interrupted writes,
//! and the `status` line.

use std::fs;
use std::path::PathBuf;

use backcoach::domain::active_hours::Hours;
use backcoach::domain::record::{Record, StandupOutcome};
use backcoach::domain::reminder::Schedule;
use backcoach::domain::reminder_settings::ReminderSettings;
use backcoach::status;
use backcoach::store::{Settings, Store};
use chrono::{DateTime, FixedOffset, Local, TimeDelta, TimeZone};

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "backcoach-reminder-store-{name}-{}",
        std::process::id()
    ));
    let _ = fs::remove_dir_all(&dir);
    dir
}

fn when() -> DateTime<Local> {
    Local.with_ymd_and_hms(2026, 11, 23, 10, 30, 0).unwrap()
}

/// Monday 2026-11-23 in UTC+01:00.
fn at(hour: u32, minute: u32) -> DateTime<FixedOffset> {
    FixedOffset::east_opt(3600)
        .unwrap()
        .with_ymd_and_hms(2026, 11, 23, hour, minute, 0)
        .unwrap()
}

#[test]
fn reminder_settings_round_trip_and_old_files_load() {
    let dir = temp_dir("roundtrip");
    let store = Store::open(&dir).unwrap();
    // A settings file from before the reminder existed.
    fs::write(
        dir.join("settings.ron"),
        "(version: 1, disclaimer_acknowledged: Some(\"2026-01-01T00:00:00+00:00\"))",
    )
    .unwrap();
    let loaded = store.load_settings(when());
    assert!(loaded.notice.is_none(), "{:?}", loaded.notice);
    assert_eq!(loaded.settings.reminder, ReminderSettings::default());
    assert!(loaded.settings.disclaimer_acknowledged.is_some());

    let mut settings = loaded.settings;
    settings.reminder.every_minutes = 45;
    settings.reminder.hours = Hours::parse("09:00-24:00").unwrap();
    settings.reminder.desktop_notification = true;
    store.save_settings(&settings).unwrap();
    assert_eq!(store.load_settings(when()).settings, settings);
    assert_eq!(store.peek_settings().unwrap(), settings);
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn out_of_range_reminder_settings_are_kept_aside_and_reported() {
    let dir = temp_dir("range");
    let store = Store::open(&dir).unwrap();
    let text = "(version: 1, reminder: (every_minutes: 7))";
    fs::write(dir.join("settings.ron"), text).unwrap();
    // `status` only reads: the file stays where it is.
    assert!(
        store
            .peek_settings()
            .unwrap_err()
            .to_string()
            .contains("every_minutes")
    );
    assert!(dir.join("settings.ron").exists());
    let loaded = store.load_settings(when());
    assert_eq!(loaded.settings, Settings::default());
    assert!(
        loaded
            .notice
            .unwrap()
            .contains("every_minutes must be 15 to 180")
    );
    let aside = dir.join("settings.ron.corrupt-20261123-103000");
    assert_eq!(fs::read_to_string(aside).unwrap(), text);
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_schedule_survives_a_restart_and_an_interrupted_write() {
    let dir = temp_dir("schedule");
    let store = Store::open(&dir).unwrap();
    assert_eq!(store.load_schedule(when()).schedule, None);
    let mut schedule = Schedule::start(at(10, 0));
    schedule.snooze(&ReminderSettings::default().rules(false), at(11, 0));
    store.save_schedule(&schedule).unwrap();
    assert_eq!(store.load_schedule(when()).schedule, Some(schedule));
    // A write killed half-way leaves only its temp file; the old file is whole.
    fs::write(dir.join(".reminder.ron.tmp-99999"), "(version: 1, sche").unwrap();
    assert_eq!(store.load_schedule(when()).schedule, Some(schedule));
    // A failed save leaves the old file too.
    let saved = crate::support::disk::while_folder_refuses_files(&dir, || {
        store.save_schedule(&Schedule::start(at(12, 0)))
    });
    assert!(saved.is_err());
    assert_eq!(store.load_schedule(when()).schedule, Some(schedule));
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_corrupt_schedule_is_kept_aside_and_reported() {
    let dir = temp_dir("corrupt");
    let store = Store::open(&dir).unwrap();
    fs::write(
        dir.join("reminder.ron"),
        "(version: 1, schedule: (since: \"yesterday\"",
    )
    .unwrap();
    assert!(store.peek_schedule().is_err());
    let loaded = store.load_schedule(when());
    assert_eq!(loaded.schedule, None);
    let notice = loaded.notice.unwrap();
    assert!(
        notice.contains("reminder.ron.corrupt-20261123-103000"),
        "{notice}"
    );
    assert!(dir.join("reminder.ron.corrupt-20261123-103000").exists());
    assert!(!dir.join("reminder.ron").exists());
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn stand_ups_come_back_from_the_history_log() {
    let dir = temp_dir("history");
    let store = Store::open(&dir).unwrap();
    for (minute, outcome) in [
        (5, StandupOutcome::Done),
        (10, StandupOutcome::Snoozed),
        (20, StandupOutcome::Skipped),
        (40, StandupOutcome::Done),
    ] {
        store
            .append(&Record::Standup {
                at: at(10, minute),
                outcome,
            })
            .unwrap();
    }
    let text = fs::read_to_string(store.history_path()).unwrap();
    assert!(
        text.lines().next().unwrap().contains(r#""kind":"standup""#),
        "{text}"
    );
    assert!(text.contains(r#""outcome":"snoozed""#));
    let history = store.load_history::<Record>(when()).unwrap();
    let times: Vec<_> = history
        .records
        .iter()
        .filter_map(Record::stood_up_at)
        .collect();
    assert_eq!(times, vec![at(10, 5), at(10, 40)]);
    assert!(history.problems.is_empty());
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn status_lines() {
    let on = Settings::default();
    let since = Schedule::start(at(10, 0));
    assert_eq!(
        status::line(&on, Some(&since), at(10, 37)),
        "stand up in 23m"
    );
    assert_eq!(
        status::line(&on, Some(&since), at(10, 37) - TimeDelta::seconds(30)),
        "stand up in 24m"
    );
    let early = Schedule::start(at(9, 0));
    assert_eq!(
        status::line(&on, Some(&early), at(9, 10)),
        "stand up in 50m"
    );
    let long = Settings {
        reminder: ReminderSettings {
            every_minutes: 180,
            ..ReminderSettings::default()
        },
        ..Settings::default()
    };
    assert_eq!(
        status::line(&long, Some(&since), at(10, 55)),
        "stand up in 2h05m"
    );
    assert_eq!(status::line(&on, Some(&since), at(11, 0)), "stand up now");
    assert_eq!(
        status::line(&on, Some(&since), at(20, 0)),
        "off hours, next tomorrow 10:00"
    );
    assert_eq!(status::line(&on, None, at(10, 0)), "reminder not started");
    let mut off = Settings::default();
    off.reminder.enabled = false;
    assert_eq!(status::line(&off, Some(&since), at(10, 0)), "reminder off");
}

#[test]
fn status_puts_a_running_heat_cold_application_first() {
    assert_eq!(
        status::with_therapy(Some("heat 12m left".into()), "stand up in 23m".into()),
        "heat 12m left · stand up in 23m"
    );
    assert_eq!(
        status::with_therapy(None, "stand up in 23m".into()),
        "stand up in 23m"
    );
}
