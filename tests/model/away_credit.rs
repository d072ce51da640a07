//! Away credit in the app: time away noticed from focus reports or from
//! the idle time reported when a reminder comes due, offered on return,
//! never credited silently.

use backcoach::app::reminder::Heard;
use backcoach::app::reminder::Work;
use backcoach::app::reminder::away::question;
use backcoach::app::{self, App, Cmd, Intent, Outcome};
use backcoach::domain::record::{Record, StandupOutcome};
use backcoach::keys;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::reminder_support::{self, at, fixed};

fn started(away_credit: bool) -> App {
    reminder_support::started(|settings| {
        settings.reminder.away_credit = away_credit;
        settings.reminder.away_minutes = 5;
    })
}

fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

#[test]
fn focus_away_long_enough_is_offered_and_yes_records_a_stand_up() {
    let mut app = started(true);
    app::update(&mut app, Heard::FocusLost, at(10, 20));
    // Back after 12 minutes: asked, nothing recorded yet.
    assert!(app::update(&mut app, Heard::FocusGained, at(10, 32)).is_empty());
    assert_eq!(
        question(&app).as_deref(),
        Some("Away 12 min: count it as a stand-up? y/n")
    );
    assert_eq!(keys::map(key('y'), &app), Some(Intent::Yes));
    assert_eq!(keys::map(key('n'), &app), Some(Intent::No));
    let cmds = app::update(&mut app, Intent::Yes, at(10, 32));
    assert_eq!(
        cmds,
        vec![
            Cmd::SaveSchedule,
            Cmd::Append(Record::Standup {
                at: fixed(at(10, 32)),
                outcome: StandupOutcome::Done
            })
        ]
    );
    assert_eq!(question(&app), None);
    // The interval starts again from the answer.
    assert_eq!(app::next_wakeup(&app, at(10, 32)), Some(at(11, 32).instant));
}

#[test]
fn a_short_absence_or_no_is_never_credited() {
    let mut app = started(true);
    app::update(&mut app, Heard::FocusLost, at(10, 20));
    app::update(&mut app, Heard::FocusGained, at(10, 23));
    assert_eq!(question(&app), None, "3 min is under the 5 set");
    app::update(&mut app, Heard::FocusLost, at(10, 30));
    app::update(&mut app, Heard::FocusGained, at(10, 45));
    assert!(question(&app).is_some());
    assert!(app::update(&mut app, Intent::No, at(10, 45)).is_empty());
    assert_eq!(question(&app), None);
    // Off (the default): never asked.
    let mut app = started(false);
    app::update(&mut app, Heard::FocusLost, at(10, 20));
    app::update(&mut app, Heard::FocusGained, at(10, 50));
    assert_eq!(question(&app), None);
}

#[test]
fn idle_reported_when_due_is_offered_on_the_next_key() {
    let mut app = started(true);
    let cmds = app::update(&mut app, Outcome::Tick, at(11, 0));
    assert!(cmds.contains(&Cmd::Reminder(Work::ProbeIdle)), "{cmds:?}");
    assert!(app.reminder.showing, "the overlay still shows meanwhile");
    app::update(&mut app, Heard::Idle(Some(15 * 60)), at(11, 0));
    assert_eq!(question(&app), None, "asked on return, not before");
    // A key that means nothing on the overlay still says "back".
    app::update(&mut app, Heard::Activity, at(11, 2));
    assert_eq!(
        question(&app).as_deref(),
        Some("Away 17 min: count it as a stand-up? y/n")
    );
    let cmds = app::update(&mut app, Intent::Yes, at(11, 2));
    assert!(cmds.contains(&Cmd::SaveSchedule));
    assert!(!app.reminder.showing);
    // Probed once per due time.
    assert!(
        !app::update(&mut app, Outcome::Tick, at(11, 3)).contains(&Cmd::Reminder(Work::ProbeIdle))
    );
}
