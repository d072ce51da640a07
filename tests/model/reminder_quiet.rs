//! Quiet on demand in the app: the quiet key, quiet set elsewhere, and
//! the `quiet_while` commands; a reminder due meanwhile waits and comes
//! once, never a burst, and the heat/cold alarm is not touched. Also the
//! active hours typed on the Reminder screen (split or overnight).

use backcoach::app::reminder::Heard;
use backcoach::app::reminder::Work;
use backcoach::app::{self, App, Cmd, Intent, Outcome};
use backcoach::domain::quiet::Quiet;
use backcoach::keys;
use chrono::TimeDelta;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::alarm_support::bells;
use crate::reminder_support::{self, at, fixed};

fn started(quiet_while: &[&str]) -> App {
    reminder_support::started(|settings| {
        settings.quiet_while = quiet_while.iter().map(|c| (*c).to_owned()).collect();
    })
}

#[test]
fn the_quiet_key_mutes_for_an_hour_and_the_due_reminder_comes_once_after() {
    let mut app = started(&[]);
    let m = KeyEvent::new(KeyCode::Char('m'), KeyModifiers::NONE);
    assert_eq!(keys::map(m, &app), Some(Intent::ToggleQuiet));
    let cmds = app::update(&mut app, Intent::ToggleQuiet, at(10, 30));
    let quiet = Quiet::for_length(fixed(at(10, 30)), TimeDelta::hours(1));
    assert_eq!(cmds, vec![Cmd::Reminder(Work::SaveQuiet(Some(quiet)))]);
    assert!(app.notice.as_deref().unwrap().contains("quiet until 11:30"));
    app.notice = None;
    let home = crate::support::screen::screen(&app);
    assert!(
        home.contains("Stand-up reminder: on, quiet until 11:30"),
        "{home}"
    );
    // Due at 11:00, held: no overlay, no bell, one wake-up at 11:30.
    assert_eq!(bells(&app::update(&mut app, Outcome::Tick, at(11, 0))), 0);
    assert!(!app.reminder.showing);
    assert_eq!(app::next_wakeup(&app, at(11, 0)), Some(at(11, 30).instant));
    // Quiet ends: it comes once.
    assert_eq!(bells(&app::update(&mut app, Outcome::Tick, at(11, 30))), 1);
    assert!(app.reminder.showing);
    assert_eq!(bells(&app::update(&mut app, Outcome::Tick, at(11, 31))), 0);
}

#[test]
fn the_key_again_ends_quiet_and_quiet_set_elsewhere_is_taken() {
    let mut app = started(&[]);
    app::update(&mut app, Intent::ToggleQuiet, at(10, 30));
    assert_eq!(
        app::update(&mut app, Intent::ToggleQuiet, at(10, 40)),
        vec![Cmd::Reminder(Work::SaveQuiet(None))]
    );
    // `backcoach quiet 3h` in another terminal, over several intervals.
    let quiet = Quiet::for_length(fixed(at(10, 45)), TimeDelta::hours(3));
    app::update(&mut app, Heard::QuietChanged(Some(quiet)), at(10, 45));
    for hour in 11..13 {
        assert_eq!(bells(&app::update(&mut app, Outcome::Tick, at(hour, 0))), 0);
    }
    // One reminder when it ends, not three.
    assert_eq!(bells(&app::update(&mut app, Outcome::Tick, at(13, 45))), 1);
    assert_eq!(bells(&app::update(&mut app, Outcome::Tick, at(13, 46))), 0);
}

#[test]
fn quiet_while_commands_are_asked_when_due_and_again_while_busy() {
    let mut app = started(&["pgrep -x zoom"]);
    let ask = Cmd::Reminder(Work::AskQuietWhile(vec!["pgrep -x zoom".to_owned()]));
    assert_eq!(
        app::update(&mut app, Outcome::Tick, at(11, 0)),
        vec![ask.clone()]
    );
    assert!(!app.reminder.showing);
    assert_eq!(
        app::next_wakeup(&app, at(11, 0)),
        None,
        "the answer wakes the loop"
    );
    // Busy: no overlay, asked again three minutes later.
    assert!(app::update(&mut app, Heard::QuietWhile(true), at(11, 0)).is_empty());
    assert!(!app.reminder.showing);
    assert_eq!(app::next_wakeup(&app, at(11, 0)), Some(at(11, 3).instant));
    assert_eq!(app::update(&mut app, Outcome::Tick, at(11, 3)), vec![ask]);
    // Free: shown once, with its bell.
    let cmds = app::update(&mut app, Heard::QuietWhile(false), at(11, 3));
    assert_eq!(bells(&cmds), 1);
    assert!(app.reminder.showing);
    assert_eq!(bells(&app::update(&mut app, Outcome::Tick, at(11, 4))), 0);
}

#[test]
fn active_hours_are_typed_on_the_reminder_screen() {
    use backcoach::app::Screen;
    use backcoach::store::settings_change::SettingsChange;
    let mut app = started(&[]);
    app.screen = Screen::Reminder;
    // Row 2: Active from; Enter types the hours.
    app::update(&mut app, Intent::Down, at(10, 1));
    app::update(&mut app, Intent::Down, at(10, 1));
    app::update(&mut app, Intent::Select, at(10, 1));
    assert_eq!(app.reminder.editing.as_deref(), Some("09:00-18:00"));
    let typed = |c: char| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    assert_eq!(
        keys::map(typed('j'), &app),
        Some(Intent::Type('j')),
        "typed, not a move"
    );
    assert_eq!(keys::map(typed('?'), &app), Some(Intent::ToggleHelp));
    for _ in 0..5 {
        app::update(&mut app, Intent::Erase, at(10, 1));
    }
    for c in "12:30,13:30-18:00".chars() {
        app::update(&mut app, Intent::Type(c), at(10, 1));
    }
    let before = app.settings.reminder;
    let cmds = app::update(&mut app, Intent::Select, at(10, 1));
    assert_eq!(
        app.settings.reminder.hours.to_string(),
        "09:00-12:30,13:30-18:00"
    );
    assert_eq!(
        cmds,
        vec![Cmd::SaveSettings(SettingsChange::Reminder {
            before,
            after: app.settings.reminder
        })]
    );
    assert_eq!(app.reminder.editing, None);
    // A bad text says why and stays; Esc leaves the hours as they were.
    app::update(&mut app, Intent::Select, at(10, 2));
    app::update(&mut app, Intent::Type('x'), at(10, 2));
    assert!(app::update(&mut app, Intent::Select, at(10, 2)).is_empty());
    assert!(
        app.notice.as_deref().unwrap().contains("is not a time"),
        "{:?}",
        app.notice
    );
    assert!(app.reminder.editing.is_some());
    app::update(&mut app, Intent::Back, at(10, 2));
    assert_eq!(app.reminder.editing, None);
    assert_eq!(
        app.settings.reminder.hours.to_string(),
        "09:00-12:30,13:30-18:00"
    );
}
