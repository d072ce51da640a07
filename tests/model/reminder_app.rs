//! The stand-up reminder in the app, through the real `update`, with
//! explicit times: the overlay, its answers, the records, the wake-ups, the
//! Reminder screen and the home key.

use std::sync::OnceLock;
use std::time::Instant;

use backcoach::app::reminder::{self as reminder_app, stood_up_today};
use backcoach::app::{self, App, Cmd, HomeEntry, Intent, Now, Outcome, Screen};
use backcoach::content::load;
use backcoach::content::source;
use backcoach::domain::cursor::ListCursor;
use backcoach::domain::record::{Record, StandupOutcome};
use backcoach::domain::reminder::Schedule;
use backcoach::domain::reminder_settings::ReminderSettings;
use backcoach::keys;
use backcoach::store::Settings;
use backcoach::store::settings_change::SettingsChange;
use backcoach::time::words::{Precision, in_words, when as when_text};
use chrono::{DateTime, FixedOffset, Local, TimeDelta, TimeZone};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn base() -> Instant {
    static BASE: OnceLock<Instant> = OnceLock::new();
    *BASE.get_or_init(Instant::now)
}

/// Monday 2026-11-23 at `hour:minute:second`, local time; the monotonic
/// clock moves in step.
fn at(hour: u32, minute: u32, second: u32) -> Now {
    let wall = Local
        .with_ymd_and_hms(2026, 11, 23, hour, minute, second)
        .unwrap();
    let start = Local.with_ymd_and_hms(2026, 11, 23, 0, 0, 0).unwrap();
    Now::new(base() + (wall - start).to_std().unwrap(), wall)
}

fn fixed(now: Now) -> DateTime<FixedOffset> {
    now.wall.fixed_offset()
}

/// On the home screen, the schedule started at 10:00.
fn started() -> App {
    let settings = Settings {
        disclaimer_acknowledged: Some(at(8, 0, 0).wall),
        ..Settings::default()
    };
    let mut app = App::new(load::load(&source::builtin()).unwrap(), settings, true);
    let schedule = Schedule::start(fixed(at(10, 0, 0)));
    reminder_app::start(&mut app, Some(schedule), Vec::new(), at(10, 0, 0));
    app
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

#[test]
fn sleeps_until_the_due_time_then_shows_and_rings_once() {
    let mut app = started();
    assert!(app::update(&mut app, Outcome::Tick, at(10, 30, 0)).is_empty());
    assert!(!app.reminder.showing);
    // One wake-up, at 11:00: nothing periodic before it.
    assert_eq!(
        app::next_wakeup(&app, at(10, 30, 0)),
        Some(at(11, 0, 0).instant)
    );
    assert_eq!(
        app::update(&mut app, Outcome::Tick, at(11, 0, 0)),
        vec![Cmd::Bell]
    );
    assert!(app.reminder.showing);
    // Shown and rung: nothing to wake for until the user answers.
    assert_eq!(app::next_wakeup(&app, at(11, 0, 0)), None);
    assert!(app::update(&mut app, Outcome::Tick, at(11, 5, 0)).is_empty());
    assert!(app.reminder.showing);
}

#[test]
fn done_records_restarts_and_counts() {
    let mut app = started();
    app::update(&mut app, Outcome::Tick, at(11, 0, 0));
    // The overlay takes the keys.
    assert_eq!(
        keys::map(key(KeyCode::Enter), &app),
        Some(Intent::StandupDone)
    );
    assert_eq!(
        keys::map(key(KeyCode::Char('z')), &app),
        Some(Intent::StandupSnooze)
    );
    assert_eq!(
        keys::map(key(KeyCode::Char('n')), &app),
        Some(Intent::StandupSkip)
    );
    // Esc is not an answer: it closes the overlay (see below).
    assert_eq!(keys::map(key(KeyCode::Esc), &app), Some(Intent::Back));
    let cmds = app::update(&mut app, Intent::StandupDone, at(11, 2, 0));
    assert_eq!(
        cmds,
        vec![
            Cmd::SaveSchedule,
            Cmd::Append(Record::Standup {
                at: fixed(at(11, 2, 0)),
                outcome: StandupOutcome::Done
            })
        ]
    );
    assert!(!app.reminder.showing);
    assert_eq!(stood_up_today(&app, fixed(at(11, 3, 0))), 1);
    // The interval restarts from the answer.
    assert_eq!(
        app::next_wakeup(&app, at(11, 3, 0)),
        Some(at(12, 2, 0).instant)
    );
    assert_eq!(
        app::update(&mut app, Outcome::Tick, at(12, 2, 0)),
        vec![Cmd::Bell]
    );
}

#[test]
fn snooze_and_skip() {
    let mut app = started();
    app::update(&mut app, Outcome::Tick, at(11, 0, 0));
    let cmds = app::update(&mut app, Intent::StandupSnooze, at(11, 1, 0));
    assert!(cmds.contains(&Cmd::Append(Record::Standup {
        at: fixed(at(11, 1, 0)),
        outcome: StandupOutcome::Snoozed
    })));
    assert_eq!(
        app::next_wakeup(&app, at(11, 1, 0)),
        Some(at(11, 6, 0).instant)
    );
    assert_eq!(
        app::update(&mut app, Outcome::Tick, at(11, 6, 0)),
        vec![Cmd::Bell]
    );
    let cmds = app::update(&mut app, Intent::StandupSkip, at(11, 7, 0));
    assert!(cmds.contains(&Cmd::Append(Record::Standup {
        at: fixed(at(11, 7, 0)),
        outcome: StandupOutcome::Skipped
    })));
    assert_eq!(
        stood_up_today(&app, fixed(at(11, 7, 0))),
        0,
        "a skip is no stand-up"
    );
    assert_eq!(
        app::next_wakeup(&app, at(11, 7, 0)),
        Some(at(12, 7, 0).instant)
    );
}

#[test]
fn the_overlay_shows_over_any_screen_and_swallows_other_keys() {
    let mut app = started();
    app::update(&mut app, Intent::Select, at(10, 1, 0));
    assert_eq!(app.screen, Screen::Library);
    app::update(&mut app, Outcome::Tick, at(11, 0, 0));
    let selected = app.library.selected;
    assert!(app::update(&mut app, Intent::Down, at(11, 0, 1)).is_empty());
    assert_eq!(app.library.selected, selected);
    // `?` shows the overlay's own keys; Esc closes that help, and the
    // overlay stays.
    assert!(app::update(&mut app, Intent::ToggleHelp, at(11, 0, 1)).is_empty());
    assert!(app.help_open && app.reminder.showing);
    assert_eq!(keys::map(key(KeyCode::Esc), &app), Some(Intent::Back));
    assert!(app::update(&mut app, Intent::Back, at(11, 0, 1)).is_empty());
    assert!(!app.help_open && app.reminder.showing);
    // Ctrl-C still quits.
    app::update(&mut app, Intent::Quit, at(11, 0, 2));
    assert!(app.quit);
}

#[test]
fn a_key_after_a_late_wake_up_shows_the_overlay_instead() {
    // The monotonic sleep can end late after a suspend; the first key
    // after it finds the reminder due by the wall clock.
    let mut app = started();
    let cmds = app::update(&mut app, Intent::Down, at(13, 0, 0));
    assert_eq!(cmds, vec![Cmd::Bell]);
    assert!(app.reminder.showing);
    assert_eq!(
        app.home_selected.index(),
        0,
        "the key went to the overlay, not the menu"
    );
}

#[test]
fn notifications_follow_the_settings_and_fail_once() {
    let mut app = started();
    app.settings.reminder.bell = false;
    app.settings.reminder.terminal_notification = true;
    app.settings.reminder.desktop_notification = true;
    let cmds = app::update(&mut app, Outcome::Tick, at(11, 0, 0));
    assert_eq!(
        cmds,
        vec![
            Cmd::TerminalNotification(reminder_app::standup_notification()),
            Cmd::DesktopNotification(reminder_app::standup_notification()),
        ]
    );
    let reason = "notify-send is not installed".to_owned();
    app::update(
        &mut app,
        Outcome::NotificationsUnavailable(reason),
        at(11, 0, 1),
    );
    assert!(
        app.notice
            .as_ref()
            .unwrap()
            .contains("Desktop notifications are unavailable")
    );
    assert!(app.reminder.showing, "the overlay stays");
    app::update(&mut app, Intent::StandupDone, at(11, 1, 0));
    let cmds = app::update(&mut app, Outcome::Tick, at(12, 1, 0));
    assert_eq!(
        cmds,
        vec![Cmd::TerminalNotification(
            reminder_app::standup_notification()
        )]
    );
}

#[test]
fn a_new_schedule_is_saved_at_once() {
    let mut app = started();
    reminder_app::start(&mut app, None, Vec::new(), at(9, 15, 0));
    assert_eq!(
        app::next_wakeup(&app, at(9, 15, 0)),
        Some(at(9, 15, 0).instant)
    );
    assert_eq!(
        app::update(&mut app, Outcome::Tick, at(9, 15, 0)),
        vec![Cmd::SaveSchedule]
    );
    assert_eq!(
        app::next_wakeup(&app, at(9, 15, 0)),
        Some(at(10, 15, 0).instant)
    );
}

#[test]
fn home_key_turns_it_off_and_on_again_with_a_fresh_interval() {
    let mut app = started();
    assert_eq!(
        keys::map(key(KeyCode::Char('r')), &app),
        Some(Intent::ToggleReminder)
    );
    assert_eq!(
        app::update(&mut app, Intent::ToggleReminder, at(10, 10, 0)),
        vec![Cmd::SaveSettings(SettingsChange::Reminder {
            before: ReminderSettings::default(),
            after: ReminderSettings {
                enabled: false,
                ..ReminderSettings::default()
            }
        })]
    );
    assert!(!app.settings.reminder.enabled);
    assert_eq!(
        app::next_wakeup(&app, at(10, 10, 0)),
        None,
        "off: no wake-ups at all"
    );
    assert!(app::update(&mut app, Outcome::Tick, at(11, 0, 0)).is_empty());
    assert!(!app.reminder.showing);
    let cmds = app::update(&mut app, Intent::ToggleReminder, at(14, 0, 0));
    assert_eq!(
        cmds,
        vec![
            Cmd::SaveSettings(SettingsChange::Reminder {
                before: ReminderSettings {
                    enabled: false,
                    ..ReminderSettings::default()
                },
                after: ReminderSettings::default()
            }),
            Cmd::SaveSchedule
        ]
    );
    assert_eq!(
        app::next_wakeup(&app, at(14, 0, 0)),
        Some(at(15, 0, 0).instant)
    );
}

#[test]
fn reminder_screen_edits_settings() {
    let mut app = started();
    app.home_selected = ListCursor::at(
        HomeEntry::ALL
            .iter()
            .position(|e| *e == HomeEntry::Reminder)
            .unwrap(),
    );
    assert_eq!(
        app::update(&mut app, Intent::Select, at(10, 1, 0)),
        Vec::new()
    );
    assert_eq!(app.screen, Screen::Reminder);
    // Row 1: every. → makes it 65 min, saved at once.
    app::update(&mut app, Intent::Down, at(10, 1, 0));
    assert_eq!(
        app::update(&mut app, Intent::Next, at(10, 1, 0)),
        vec![Cmd::SaveSettings(SettingsChange::Reminder {
            before: ReminderSettings::default(),
            after: ReminderSettings {
                every_minutes: 65,
                ..ReminderSettings::default()
            }
        })]
    );
    assert_eq!(app.settings.reminder.every_minutes, 65);
    // Space on a value row changes nothing.
    assert!(app::update(&mut app, Intent::Select, at(10, 1, 0)).is_empty());
    // Row 2, 3: active hours.
    app::update(&mut app, Intent::Down, at(10, 1, 0));
    app::update(&mut app, Intent::Previous, at(10, 1, 0));
    assert_eq!(app.settings.reminder.hours.to_string(), "08:45-18:00");
    app::update(&mut app, Intent::Down, at(10, 1, 0));
    app::update(&mut app, Intent::Next, at(10, 1, 0));
    assert_eq!(app.settings.reminder.hours.to_string(), "08:45-18:15");
    // Row 9: Saturday, off by default; Space turns it on.
    for _ in 0..6 {
        app::update(&mut app, Intent::Down, at(10, 1, 0));
    }
    app::update(&mut app, Intent::Select, at(10, 1, 0));
    assert!(app.settings.reminder.days.contains(chrono::Weekday::Sat));
    // Last rows: snooze, bell, terminal, desktop.
    app::update(&mut app, Intent::Last, at(10, 1, 0));
    app::update(&mut app, Intent::Select, at(10, 1, 0));
    assert!(app.settings.reminder.desktop_notification);
    app::update(&mut app, Intent::Up, at(10, 1, 0));
    app::update(&mut app, Intent::Next, at(10, 1, 0));
    assert!(app.settings.reminder.terminal_notification);
    app::update(&mut app, Intent::Up, at(10, 1, 0));
    app::update(&mut app, Intent::Select, at(10, 1, 0));
    assert!(!app.settings.reminder.bell);
    app::update(&mut app, Intent::Up, at(10, 1, 0));
    app::update(&mut app, Intent::Next, at(10, 1, 0));
    assert_eq!(app.settings.reminder.snooze_minutes, 6);
    assert_eq!(app.settings.reminder.problem(), None);
    // First row: off, then on with a fresh interval.
    app::update(&mut app, Intent::First, at(10, 2, 0));
    app::update(&mut app, Intent::Select, at(10, 2, 0));
    assert!(!app.settings.reminder.enabled);
    let before = app.settings.reminder;
    let cmds = app::update(&mut app, Intent::Select, at(10, 3, 0));
    assert_eq!(
        cmds,
        vec![
            Cmd::SaveSettings(SettingsChange::Reminder {
                before,
                after: app.settings.reminder
            }),
            Cmd::SaveSchedule
        ]
    );
    assert!(app.settings.reminder.enabled);
    app::update(&mut app, Intent::Back, at(10, 3, 0));
    assert_eq!(app.screen, Screen::Home);
}

#[test]
fn a_shorter_interval_can_make_it_due_at_once() {
    let mut app = started();
    app.screen = Screen::Reminder;
    app.reminder.selected = ListCursor::at(1);
    for _ in 0..4 {
        app::update(&mut app, Intent::Previous, at(10, 40, 0));
    }
    // 40 min since 10:00: due now. The loop is woken at once to show it.
    assert_eq!(app.settings.reminder.every_minutes, 40);
    assert!(!app.reminder.showing);
    assert_eq!(
        app::next_wakeup(&app, at(10, 40, 0)),
        Some(at(10, 40, 0).instant)
    );
    assert_eq!(
        app::update(&mut app, Outcome::Tick, at(10, 40, 0)),
        vec![Cmd::Bell]
    );
    assert!(app.reminder.showing);
    // Further keys go to the overlay.
    app::update(&mut app, Intent::Previous, at(10, 40, 1));
    assert_eq!(app.settings.reminder.every_minutes, 40);
}

#[test]
fn reminder_screen_wakes_when_the_minutes_shown_change() {
    let mut app = started();
    app.screen = Screen::Reminder;
    // At 10:36:30, 23.5 min are left, shown as "in 24 min" until 10:37:00.
    app::update(&mut app, Outcome::Tick, at(10, 36, 30));
    assert_eq!(
        app::next_wakeup(&app, at(10, 36, 30)),
        Some(at(10, 37, 0).instant)
    );
    app.screen = Screen::Home;
    assert_eq!(
        app::next_wakeup(&app, at(10, 36, 30)),
        Some(at(11, 0, 0).instant)
    );
}

#[test]
fn due_times_in_words() {
    let now = fixed(at(10, 37, 0));
    assert_eq!(
        in_words(TimeDelta::seconds(23 * 60), Precision::Minutes),
        "in 23 min"
    );
    assert_eq!(
        in_words(TimeDelta::seconds(30), Precision::Minutes),
        "in 1 min"
    );
    assert_eq!(
        in_words(TimeDelta::minutes(125), Precision::Minutes),
        "in 2 h 5 min"
    );
    assert_eq!(
        in_words(TimeDelta::minutes(120), Precision::Minutes),
        "in 2 h"
    );
    assert_eq!(
        in_words(TimeDelta::hours(28), Precision::Minutes),
        "in 1 day 4 h"
    );
    assert_eq!(when_text(now + TimeDelta::minutes(23), now), "11:00");
    assert_eq!(when_text(now + TimeDelta::days(1), now), "tomorrow 10:37");
    assert_eq!(when_text(now + TimeDelta::days(5), now), "Sat 10:37");
}

#[test]
fn busy_is_off_without_a_countdown_feature() {
    let app = started();
    assert!(!app::is_counting_down(&app));
}

#[test]
fn a_due_reminder_waits_behind_a_heat_application_until_the_pack_is_off() {
    let mut app = started();
    app.home_selected = ListCursor::at(
        HomeEntry::ALL
            .iter()
            .position(|e| *e == HomeEntry::Therapy)
            .unwrap(),
    );
    // Home → timer picker → heat's check → yes, start.
    for msg in [Intent::Select, Intent::Select, Intent::Yes] {
        app::update(&mut app, msg, at(10, 50, 0));
    }
    assert!(app::is_counting_down(&app), "the heat application runs");
    app::update(&mut app, Outcome::Tick, at(11, 0, 0));
    app::update(&mut app, Outcome::Tick, at(11, 2, 0));
    assert!(!app.reminder.showing, "it waits while the pack is on");
    app::update(&mut app, Intent::PackRemoved, at(11, 3, 0));
    assert!(!app::is_counting_down(&app));
    app::update(&mut app, Outcome::Tick, at(11, 3, 1));
    assert!(app.reminder.showing, "then it shows");
}
