//! The alarm as the user meets it (issue 10, items 4, 5, 7 and 8): no key
//! acknowledges an alert that was not on screen, whatever the size; an
//! alert pauses a guided session and gives it back; signals record the
//! session and re-check the deadline; Enter never starts an application.

use backcoach::app::{self, App, Cmd, Intent, Outcome, Screen};
use backcoach::content::model::TherapyKind;
use backcoach::domain::session::Phase;
use backcoach::domain::session_record::SessionOutcome;
use backcoach::keys;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::alarm_support::*;
use crate::support::screen::{screen_at, settle};

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// A one-minute heat application started at 0 s.
fn one_minute(t: &T) -> App {
    let mut app = app();
    app::therapy::open_check(&mut app, TherapyKind::Heat, Some(M));
    send(&mut app, &[Intent::Yes], t.at(0));
    assert!(app.therapy.session.is_some());
    app
}

#[test]
fn no_key_acknowledges_an_alert_that_was_not_on_screen() {
    let t = T::new();
    for (width, height) in [(80, 24), (49, 14), (30, 8), (20, 3), (20, 1)] {
        let mut app = one_minute(&t);
        send(&mut app, &[Outcome::Tick], t.at(60));
        assert!(app.therapy.alert.is_some());
        // Not drawn yet: Enter does nothing.
        send(&mut app, &[Intent::Select], t.at(60));
        assert!(app.therapy.alert.is_some(), "{width}x{height}: blind Enter");
        settle(&mut app, width, height, t.at(60));
        assert!(
            app.alert_shown,
            "{width}x{height}: alert not reported shown"
        );
        let text = screen_at(&app, width, height);
        assert!(
            text.contains("REMOVE THE PACK"),
            "{width}x{height}:\n{text}"
        );
        let cmds = send(&mut app, &[Intent::Select], t.at(61));
        assert_eq!(cmds, vec![Cmd::ClearRunning], "{width}x{height}");
    }
    // Too narrow to read: never shown, never acknowledged.
    let mut app = one_minute(&t);
    send(&mut app, &[Outcome::Tick], t.at(60));
    settle(&mut app, 12, 2, t.at(60));
    assert!(!app.alert_shown);
    send(&mut app, &[Intent::Select], t.at(61));
    assert!(app.therapy.alert.is_some());
    // Help over the alert hides it: Enter closes the help, not the alert.
    settle(&mut app, 80, 24, t.at(62));
    send(&mut app, &[Intent::ToggleHelp], t.at(62));
    settle(&mut app, 80, 24, t.at(62));
    assert!(!app.alert_shown);
    assert_eq!(keys::map(key(KeyCode::Enter), &app), Some(Intent::Back));
    send(&mut app, &[Intent::Back], t.at(63));
    assert!(app.therapy.alert.is_some() && !app.help_open);
}

#[test]
fn the_countdown_and_the_alert_replace_the_enlarge_message() {
    let t = T::new();
    let mut app = one_minute(&t);
    send(&mut app, &[Outcome::Tick], t.at(15));
    let running = screen_at(&app, 20, 3);
    assert!(running.contains("heat 0:45 left"), "{running}");
    assert!(!running.contains("Enlarge"), "{running}");
    assert!(screen_at(&app, 30, 1).contains("heat 0:45 left · x"));
    send(&mut app, &[Outcome::Tick], t.at(60));
    let alert = screen_at(&app, 20, 3);
    assert!(alert.contains("REMOVE THE PACK NOW"), "{alert}");
    assert!(alert.contains("Enter when it is off"), "{alert}");
    let one = screen_at(&app, 40, 1);
    assert!(one.starts_with("REMOVE THE PACK · Enter when off"), "{one}");
    // Nothing on: the enlarge message as before.
    let mut idle = self::app();
    idle.screen = Screen::Home;
    assert!(screen_at(&idle, 20, 3).contains("Enlarge"));
}

#[test]
fn an_alert_during_a_guided_session_pauses_it_and_gives_it_back() {
    let t = T::new();
    let mut app = one_minute(&t);
    app::start_routine(&mut app, "desk_reset", t.at(5)).unwrap();
    // Skip the pain check-in: the get-ready, then the first hold runs.
    send(&mut app, &[Intent::Next], t.at(5));
    send(&mut app, &[Outcome::Tick], t.at(50));
    let session = app.session.as_ref().unwrap();
    assert!(session.is_counting_down());
    // What the countdown has left at 60 s, had nothing happened.
    let mut probe = session.clone();
    probe.tick(t.at(60).instant);
    let left = probe.timer().unwrap().remaining(t.at(60).instant);
    assert!(!left.is_zero());
    let cmds = send(&mut app, &[Outcome::Tick], t.at(60));
    assert_eq!(app.screen, Screen::Therapy);
    assert!(sessions(&cmds).is_empty(), "nothing recorded: {cmds:?}");
    let session = app.session.as_ref().unwrap();
    assert!(session.paused && session.phase == Phase::Running);
    // The hold keeps its time while the alert waits.
    assert_eq!(session.timer().unwrap().remaining(t.at(200).instant), left);
    settle(&mut app, 80, 24, t.at(200));
    let cmds = send(&mut app, &[Intent::Select], t.at(200));
    assert!(sessions(&cmds).is_empty());
    assert_eq!(app.screen, Screen::Session, "back where it was");
    let session = app.session.as_ref().unwrap();
    assert!(session.paused);
    assert_eq!(
        session.announcement.as_deref(),
        Some("Paused for the heat/cold alarm: Space resumes")
    );
    assert!(screen_at(&app, 80, 24).contains("Paused for the heat/cold alarm"));
    send(&mut app, &[Intent::TogglePause], t.at(210));
    let session = app.session.as_ref().unwrap();
    assert!(!session.paused);
    assert_eq!(session.timer().unwrap().remaining(t.at(210).instant), left);
}

#[test]
fn ending_signals_record_the_session_in_progress() {
    let t = T::new();
    let mut app = app();
    app::start_routine(&mut app, "desk_reset", t.at(0)).unwrap();
    send(&mut app, &[Intent::Next], t.at(0));
    send(&mut app, &[Outcome::Tick], t.at(45));
    // What the runtime does on SIGTERM, SIGHUP, SIGINT or SIGQUIT (and
    // when the terminal goes): hand the ending to update, perform what
    // comes back, exit.
    let cmds = send(&mut app, &[Outcome::Ending], t.at(45));
    let records = sessions(&cmds);
    assert_eq!(records.len(), 1, "{cmds:?}");
    assert_eq!(records[0].outcome, SessionOutcome::Abandoned);
    assert!(
        records[0].duration_secs >= 44,
        "with its progress: {records:?}"
    );
    assert!(app.quit);
    // Nothing in progress: nothing recorded.
    let mut idle = self::app();
    assert!(sessions(&send(&mut idle, &[Outcome::Ending], t.at(0))).is_empty());
    assert!(idle.quit);
    // With a pack on, a signal does not ask: it cannot wait for a key.
    let mut pack = one_minute(&t);
    send(&mut pack, &[Outcome::Ending], t.at(1));
    assert!(pack.quit && pack.quit_ask.is_none());
}

#[test]
fn an_outside_stop_pauses_and_the_continue_rechecks_the_deadline() {
    let t = T::new();
    let mut app = one_minute(&t);
    app::start_routine(&mut app, "desk_reset", t.at(0)).unwrap();
    send(&mut app, &[Intent::Next], t.at(0));
    send(&mut app, &[Outcome::Tick], t.at(12));
    // `kill -TSTP`: cannot be refused, even with a pack on.
    let cmds = send(&mut app, &[Outcome::Stopping], t.at(12));
    assert_eq!(cmds, vec![Cmd::Suspend]);
    assert!(app.session.as_ref().unwrap().paused);
    // Continued two minutes later, past the pack's end: the alert at once.
    let cmds = send(&mut app, &[Outcome::Resumed], t.at(132));
    assert_eq!(bells(&cmds), 1);
    assert!(app.therapy.alert.is_some());
    assert_eq!(app.screen, Screen::Therapy);
}

#[test]
fn enter_never_starts_an_application() {
    let t = T::new();
    for kind in [TherapyKind::Heat, TherapyKind::Cold, TherapyKind::Contrast] {
        let mut app = app();
        to_check(&mut app, kind, t.at(0));
        assert_eq!(keys::map(key(KeyCode::Enter), &app), Some(Intent::Select));
        assert_eq!(keys::map(key(KeyCode::Char('y')), &app), Some(Intent::Yes));
        let cmds = send(&mut app, &[Intent::Select, Intent::Select], t.at(1));
        assert!(cmds.is_empty() && app.therapy.session.is_none(), "{kind:?}");
        assert!(screen_at(&app, 80, 24).contains("y = yes, start"));
    }
    // Holding Enter from Home, on the timer's entry: 30 presses.
    let mut app = app();
    to_check(&mut app, TherapyKind::Heat, t.at(0));
    app.screen = Screen::Home;
    app.therapy = Default::default();
    for i in 0..30 {
        let intent = keys::map(key(KeyCode::Enter), &app).unwrap();
        let cmds = send(&mut app, &[intent], t.at(i));
        assert!(
            !cmds.iter().any(|c| matches!(c, Cmd::SaveRunning(_))),
            "{cmds:?}"
        );
    }
    assert!(app.therapy.session.is_none());
    assert_eq!(app.screen, Screen::Therapy);
}
