//! What keys do during a guided session, through the real `update`:
//! "this hurts" stops at once in every phase, leaving asks first, a pause
//! survives "keep going", Ctrl-C records and Ctrl-Z pauses, the bell
//! toggle is saved, and digits are pain ratings only while one is asked.

use backcoach::app::{self, App, Cmd, Intent, Outcome, Screen};
use backcoach::domain::plan::BeatKind;
use backcoach::domain::session::Phase;
use backcoach::domain::session_record::{ExerciseOutcome, SessionOutcome};
use backcoach::keys;
use backcoach::store::settings_change::SettingsChange;
use ratatui::crossterm::event::KeyCode;

use crate::sessions::{Clock, S, app, appended, kind, left, phase, started};

#[test]
fn this_hurts_stops_at_once_and_records_it() {
    let clock = Clock::new();
    let mut app = started("mini", &clock);
    app::update(&mut app, Intent::Next, clock.secs_f64(0.0));
    app::update(&mut app, Outcome::Tick, clock.secs_f64(12.0));
    let cmds = app::update(&mut app, Intent::Hurt, clock.secs_f64(12.0));
    assert_eq!(phase(&app), Phase::Hurt);
    assert_eq!(app::next_wakeup(&app, clock.secs_f64(12.0)), None);
    assert!(!app.session.as_ref().unwrap().is_counting_down());
    let record = &appended(&cmds)[0];
    assert_eq!(record.outcome, SessionOutcome::StoppedForPain);
    assert_eq!(record.pain_before, None);
    assert_eq!(record.duration_secs, 12);
    assert_eq!(
        record
            .exercises
            .iter()
            .map(|e| e.outcome)
            .collect::<Vec<_>>(),
        vec![
            ExerciseOutcome::Stopped,
            ExerciseOutcome::NotReached,
            ExerciseOutcome::NotReached
        ]
    );
    // A second press records nothing more.
    assert!(appended(&app::update(&mut app, Intent::Hurt, clock.secs_f64(13.0))).is_empty());
    app::update(&mut app, Intent::Back, clock.secs_f64(14.0));
    assert_eq!(app.screen, Screen::Routines);
}

#[test]
fn the_hurt_key_is_bound_and_hinted_in_every_phase_of_a_session() {
    let clock = Clock::new();
    let mut app = started("mini", &clock);
    let check = |app: &App| {
        let hurt = keys::bindings(app)
            .iter()
            .find(|b| b.codes.contains(&KeyCode::Char('!')))
            .unwrap_or_else(|| panic!("no ! in {:?}", phase(app)));
        assert!(hurt.hint);
        assert_eq!(hurt.intent, Intent::Hurt);
    };
    check(&app);
    app::update(&mut app, Intent::Next, clock.secs_f64(0.0));
    check(&app);
    app::update(&mut app, Intent::Back, clock.secs_f64(1.0));
    assert_eq!(phase(&app), Phase::Confirm);
    check(&app);
    let cmds = app::update(&mut app, Intent::Hurt, clock.secs_f64(2.0));
    assert_eq!(appended(&cmds)[0].outcome, SessionOutcome::StoppedForPain);
}

#[test]
fn leaving_asks_first_then_records_an_abandoned_session() {
    let clock = Clock::new();
    let mut app = started("mini", &clock);
    app::update(&mut app, Intent::Next, clock.secs_f64(0.0));
    let cmds = app::update(&mut app, Intent::Back, clock.secs_f64(4.0));
    assert!(cmds.is_empty());
    assert_eq!(phase(&app), Phase::Confirm);
    assert_eq!(app::next_wakeup(&app, clock.secs_f64(4.0)), None);
    assert_eq!(left(&app, clock.secs_f64(60.0)), 6 * S);
    // Keep going: it runs on from where it was.
    app::update(&mut app, Intent::Back, clock.secs_f64(60.0));
    assert_eq!(phase(&app), Phase::Running);
    assert_eq!(left(&app, clock.secs_f64(61.0)), 5 * S);
    // Leave for good.
    app::update(&mut app, Intent::Back, clock.secs_f64(62.0));
    let cmds = app::update(&mut app, Intent::Select, clock.secs_f64(62.0));
    let record = &appended(&cmds)[0];
    assert_eq!(record.outcome, SessionOutcome::Abandoned);
    assert_eq!(record.duration_secs, 6);
    assert_eq!(app.screen, Screen::Routines);
    assert!(app.notice.as_deref().unwrap().contains("abandoned"));
}

#[test]
fn a_paused_session_stays_paused_after_keep_going() {
    let clock = Clock::new();
    let mut app = started("mini", &clock);
    app::update(&mut app, Intent::Next, clock.secs_f64(0.0));
    app::update(&mut app, Intent::TogglePause, clock.secs_f64(2.0));
    app::update(&mut app, Intent::Back, clock.secs_f64(3.0));
    app::update(&mut app, Intent::Back, clock.secs_f64(4.0));
    assert!(app.session.as_ref().unwrap().paused);
    assert_eq!(left(&app, clock.secs_f64(99.0)), 8 * S);
}

#[test]
fn quitting_with_ctrl_c_mid_session_records_it() {
    let clock = Clock::new();
    let mut app = started("mini", &clock);
    // Not started yet: nothing to record.
    assert!(app::update(&mut app.clone(), Intent::Quit, clock.secs_f64(0.0)).is_empty());
    app::update(&mut app, Intent::Next, clock.secs_f64(0.0));
    let cmds = app::update(&mut app, Intent::Quit, clock.secs_f64(3.0));
    assert!(app.quit);
    assert_eq!(appended(&cmds)[0].outcome, SessionOutcome::Abandoned);
}

#[test]
fn the_bell_can_be_turned_off_and_is_saved() {
    let clock = Clock::new();
    let mut app = app();
    app.screen = Screen::Routines;
    let cmds = app::update(&mut app, Intent::ToggleBell, clock.secs_f64(0.0));
    assert_eq!(
        cmds,
        vec![Cmd::SaveSettings(SettingsChange::SessionBell(false))]
    );
    assert!(!app.settings.session_bell);
    app::start_routine(&mut app, "mini", clock.secs_f64(0.0)).unwrap();
    let cmds = app::update(&mut app, Intent::Next, clock.secs_f64(0.0));
    assert!(!cmds.contains(&Cmd::Bell));
    assert!(app::update(&mut app, Outcome::Tick, clock.secs_f64(10.0)).is_empty());
    assert_eq!(kind(&app), BeatKind::Hold);
}

#[test]
fn pain_ratings_stay_within_zero_to_ten() {
    let clock = Clock::new();
    let mut app = started("mini", &clock);
    app::update(&mut app, Intent::Digit(9), clock.secs_f64(0.0));
    for _ in 0..5 {
        app::update(&mut app, Intent::Up, clock.secs_f64(0.0));
    }
    assert_eq!(app.session.as_ref().unwrap().pain_choice, Some(10));
    for _ in 0..15 {
        app::update(&mut app, Intent::Down, clock.secs_f64(0.0));
    }
    assert_eq!(app.session.as_ref().unwrap().pain_choice, Some(0));
    // Skipping keeps no answer even after choosing one.
    app::update(&mut app, Intent::Next, clock.secs_f64(0.0));
    assert_eq!(app.session.as_ref().unwrap().pain_before, None);
}

#[test]
fn digits_are_pain_ratings_only_while_asked() {
    use ratatui::crossterm::event::{KeyEvent, KeyModifiers};
    let clock = Clock::new();
    let mut app = started("mini", &clock);
    let key = KeyEvent::new(KeyCode::Char('7'), KeyModifiers::NONE);
    assert_eq!(keys::map(key, &app), Some(Intent::Digit(7)));
    app::update(&mut app, Intent::Next, clock.secs_f64(0.0));
    assert_eq!(keys::map(key, &app), None);
    let space = KeyEvent::new(KeyCode::Char(' '), KeyModifiers::NONE);
    assert_eq!(keys::map(space, &app), Some(Intent::TogglePause));
}

#[test]
fn suspending_with_ctrl_z_pauses_a_running_countdown() {
    let clock = Clock::new();
    let mut app = started("mini", &clock);
    app::update(&mut app, Intent::Next, clock.secs_f64(0.0));
    let cmds = app::update(&mut app, Intent::Suspend, clock.secs_f64(4.0));
    assert_eq!(cmds, vec![Cmd::Suspend]);
    assert!(app.session.as_ref().unwrap().paused);
    assert_eq!(left(&app, clock.secs_f64(400.0)), 6 * S);
}
