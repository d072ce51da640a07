//! Snapshots of the stand-up reminder at 80x24, driven through the real
//! `update` with explicit times, plus a sweep of terminal sizes.

use std::sync::OnceLock;
use std::time::Instant;

use crate::support::screen::{draw, screen, screen_at};
use backcoach::app::reminder as reminder_app;
use backcoach::app::{self, App, Intent, Msg, Now, Outcome};
use backcoach::content::load;
use backcoach::content::source::Source;
use backcoach::domain::cursor::ListCursor;
use backcoach::domain::reminder::Schedule;
use backcoach::store::Settings;
use chrono::{Local, TimeZone};
use insta::assert_snapshot;
use ratatui::style::Modifier;

fn base() -> Instant {
    static BASE: OnceLock<Instant> = OnceLock::new();
    *BASE.get_or_init(Instant::now)
}

/// Monday 2026-11-23, local time.
fn at(hour: u32, minute: u32) -> Now {
    at_s(hour, minute, 0)
}

fn at_s(hour: u32, minute: u32, second: u32) -> Now {
    let wall = Local
        .with_ymd_and_hms(2026, 11, 23, hour, minute, second)
        .unwrap();
    let start = Local.with_ymd_and_hms(2026, 11, 23, 0, 0, 0).unwrap();
    Now::new(base() + (wall - start).to_std().unwrap(), wall)
}

/// Home screen; stood up at 8:30 and 9:40, the interval started at 10:00.
fn app() -> App {
    let source = Source {
        name: "reminder.ron".into(),
        text: include_str!("../fixtures/reminder.ron").into(),
        builtin: false,
    };
    let settings = Settings {
        disclaimer_acknowledged: Some(at(8, 0).wall),
        ..Settings::default()
    };
    let mut app = App::new(load::load(&[source]).unwrap(), settings, true);
    let stood_up = vec![at(8, 30).wall.fixed_offset(), at(9, 40).wall.fixed_offset()];
    let schedule = Schedule::start(at(10, 0).wall.fixed_offset());
    reminder_app::start(&mut app, Some(schedule), stood_up, at(10, 0));
    app
}

/// Puts the home selection on the Reminder entry, wherever it is in the menu.
fn select_reminder(app: &mut App) {
    app.home_selected = ListCursor::at(
        app::HomeEntry::ALL
            .iter()
            .position(|e| *e == app::HomeEntry::Reminder)
            .unwrap(),
    );
}

fn drive<M: Into<Msg> + Clone>(app: &mut App, msgs: &[M], now: Now) {
    for msg in msgs {
        app::update(app, msg.clone(), now);
    }
}

#[test]
fn home_shows_the_reminder_state() {
    let mut app = app();
    drive(&mut app, &[Outcome::Tick], at(10, 37));
    assert_snapshot!(screen(&app));
    assert_snapshot!(
        "home_shows_the_reminder_state_40x12",
        screen_at(&app, 40, 12)
    );
}

#[test]
fn home_with_the_reminder_off() {
    let mut app = app();
    drive(&mut app, &[Intent::ToggleReminder], at(10, 37));
    assert_snapshot!(screen(&app));
    assert_snapshot!("home_with_the_reminder_off_40x12", screen_at(&app, 40, 12));
}

#[test]
fn reminder_settings() {
    let mut app = app();
    select_reminder(&mut app);
    drive(&mut app, &[Intent::Select, Intent::Down], at(10, 37));
    assert_snapshot!(screen(&app));
    assert_snapshot!("reminder_settings_40x12", screen_at(&app, 40, 12));
}

#[test]
fn reminder_settings_outside_active_hours() {
    let mut app = app();
    select_reminder(&mut app);
    drive(&mut app, &[Intent::Select], at(10, 37));
    drive(&mut app, &[Outcome::Tick], at(18, 30));
    assert_snapshot!(screen(&app));
    assert_snapshot!(
        "reminder_settings_outside_active_hours_40x12",
        screen_at(&app, 40, 12)
    );
}

#[test]
fn reminder_settings_help() {
    let mut app = app();
    select_reminder(&mut app);
    drive(&mut app, &[Intent::Select, Intent::ToggleHelp], at(10, 37));
    assert_snapshot!(screen(&app));
    assert_snapshot!("reminder_settings_help_40x12", screen_at(&app, 40, 12));
}

#[test]
fn due_overlay_over_the_library() {
    let mut app = app();
    drive(&mut app, &[Intent::Select], at(10, 37));
    drive(&mut app, &[Outcome::Tick], at(11, 0));
    assert!(app.reminder.showing);
    let text = screen(&app);
    assert!(text.contains("Exercises"), "the library is still behind it");
    assert_snapshot!(text);
    assert_snapshot!(
        "due_overlay_over_the_library_40x12",
        screen_at(&app, 40, 12)
    );
    // Down to 20x4 it still asks, with its keys.
    let tiny = screen_at(&app, 20, 4);
    assert!(
        tiny.contains("STAND UP") && tiny.contains("Enter done"),
        "{tiny}"
    );
    assert_snapshot!("due_overlay_20x4", tiny);
}

#[test]
fn overlay_title_stands_out_without_colour() {
    let mut app = app();
    app.color = false;
    drive(&mut app, &[Outcome::Tick], at(11, 0));
    let buffer = draw(&app, 80, 24);
    let title = buffer
        .content()
        .iter()
        .position(|c| c.symbol() == "T" && c.modifier.contains(Modifier::REVERSED));
    assert!(title.is_some(), "the overlay title is reversed");
}

#[test]
fn every_reminder_state_renders_at_every_size() {
    let mut states = Vec::new();
    // (open the Reminder entry first, then these messages, then the hour)
    let paths: &[(bool, &[Intent], u32)] = &[
        (true, &[Intent::Select], 10),
        (true, &[Intent::Select, Intent::Last], 10),
        (true, &[Intent::Select, Intent::ToggleHelp], 10),
        (false, &[Intent::Select], 11),
        (true, &[Intent::Select], 11),
        (false, &[Intent::ToggleReminder], 10),
    ];
    for (to_reminder, path, hour) in paths {
        let mut app = app();
        if *to_reminder {
            select_reminder(&mut app);
        }
        drive(&mut app, path, at(10, 1));
        drive(&mut app, &[Outcome::Tick], at(*hour, 0));
        states.push(app);
    }
    for width in 0..=120 {
        for height in 0..=40 {
            for state in &states {
                draw(state, width, height);
            }
        }
    }
}

#[test]
fn overlay_deferred_behind_a_hold() {
    let mut app = app();
    app::start_routine(&mut app, "turns", at_s(10, 59, 50)).unwrap();
    app.screen = app::Screen::Session;
    drive(
        &mut app,
        &[Intent::Digit(3), Intent::Select],
        at_s(10, 59, 50),
    );
    // Get ready for 3 s, then the 10 s hold runs across the 11:00 due time.
    drive(&mut app, &[Outcome::Tick], at_s(10, 59, 53));
    drive(&mut app, &[Outcome::Tick], at_s(11, 0, 1));
    assert!(
        !app.reminder.showing,
        "a due reminder waits behind the hold"
    );
    let text = screen(&app);
    assert!(!text.contains("Time to stand up"), "{text}");
    assert_snapshot!(text);
    assert_snapshot!(
        "overlay_deferred_behind_a_hold_40x12",
        screen_at(&app, 40, 12)
    );
    // Once nothing counts down (paused), it shows.
    drive(&mut app, &[Intent::TogglePause], at_s(11, 0, 2));
    drive(&mut app, &[Outcome::Tick], at_s(11, 0, 3));
    assert!(app.reminder.showing);
    assert!(screen(&app).contains("Time to stand up"));
}
