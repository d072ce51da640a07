//! One owner of the alarms (issue 10, items 1 to 3): the data folder's
//! locks, `backcoach remind`'s heat/cold watcher, and quitting with a pack
//! on, through the real `update` and the real store.

use std::time::Duration;

use backcoach::app::therapy::Boot;
use backcoach::app::{self, Cmd, Intent, Outcome, Screen};
use backcoach::content::model::TherapyKind;
use backcoach::domain::record::Record;
use backcoach::domain::therapy::alarm::{Ring, Watch};
use backcoach::domain::therapy::{ALERT_BELLS, BELL_GAP};
use backcoach::keys;
use backcoach::store::Store;
use backcoach::store::lock::LockError;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::alarm_support::*;

#[test]
fn one_app_per_data_folder_and_one_remind() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    assert!(!store.app_open());
    let held = store.lock_app().unwrap();
    assert!(store.app_open());
    // A second app (any process: the lock is per open file) is refused,
    // with the holder's pid.
    let other = Store::open(dir.path()).unwrap();
    match other.lock_app() {
        Err(LockError::Held { pid }) => assert_eq!(pid, Some(std::process::id())),
        other => panic!("expected Held, got {other:?}"),
    }
    assert!(other.while_no_app().is_none(), "no remind rings meanwhile");
    drop(held);
    assert!(!store.app_open());
    // While a remind looks (shared lock), an app cannot start...
    let looking = other.while_no_app().unwrap();
    assert!(matches!(store.lock_app(), Err(LockError::Held { .. })));
    drop(looking);
    assert!(store.lock_app().is_ok());

    assert!(!store.remind_watching());
    let remind = store.lock_remind().unwrap();
    assert!(store.remind_watching());
    assert!(matches!(other.lock_remind(), Err(LockError::Held { .. })));
    drop(remind);
    assert!(!store.remind_watching());
}

#[test]
fn remind_rings_once_at_the_end_then_repeats_like_the_app() {
    let t = T::new();
    let file = running(&t, 60);
    let mut watch = Watch::default();
    let early = watch.step(Some(&file), t.at(20));
    assert_eq!(early.ring, None);
    assert_eq!(early.wake, Some(t.at(60).instant), "sleeps until the end");
    let first = watch.step(Some(&file), t.at(60));
    assert_eq!(first.ring, Some(Ring::First));
    let marked = first.save.clone().unwrap();
    assert!(marked.alarm_rung && marked.logged);
    let Some(Record::Therapy { actual_secs, .. }) = first.append else {
        panic!("expected the therapy record: {first:?}");
    };
    assert_eq!(actual_secs, 60);
    // The repeats: the bell only, BELL_GAP apart, ALERT_BELLS in all.
    let mut rings = 1;
    let mut wake = first.wake;
    while let Some(at) = wake {
        let secs = at.duration_since(t.base).as_secs();
        let step = watch.step(Some(&marked), t.at(secs));
        assert!(step.append.is_none() && step.save.is_none());
        rings += usize::from(step.ring == Some(Ring::Again));
        wake = step.wake;
    }
    assert_eq!(rings, usize::from(ALERT_BELLS));
    assert!(!watch.ringing());
    // A fresh watcher (a restarted remind) never rings it again.
    let again = Watch::default().step(Some(&marked), t.at(600));
    assert_eq!(again.ring, None);
    assert_eq!(again.wake, None);
    // Acknowledged (the file is gone): nothing to do.
    assert_eq!(watch.step(None, t.at(700)).wake, None);
    assert_eq!(BELL_GAP, Duration::from_secs(5));
}

#[test]
fn the_app_never_rings_what_remind_rang_but_still_shows_the_alert() {
    let t = T::new();
    let mut rung = running(&t, 60);
    rung.alarm_rung = true;
    rung.logged = true;
    let mut app = app();
    app::therapy::boot(&mut app, Boot::new(Some(rung), &[]), t.at(90));
    let cmds = send(&mut app, &[Outcome::Started], t.at(90));
    assert_eq!(bells(&cmds), 0, "{cmds:?}");
    assert!(appended(&cmds).is_empty());
    assert!(app.therapy.alert.is_some(), "the pack may still be on");
    assert_eq!(app.screen, Screen::Therapy);
    assert_eq!(app::next_wakeup(&app, t.at(91)), Some(t.at(120).instant));

    // And what the app rang, it marks for remind.
    let mut app = self::app();
    start(&mut app, TherapyKind::Heat, t.at(0));
    let cmds = send(&mut app, &[Outcome::Tick], t.at(15 * 60));
    assert_eq!(bells(&cmds), 1);
    assert!(saved(&cmds).iter().any(|r| r.alarm_rung && r.logged));
    let mut watch = Watch::default();
    let marked = saved(&cmds).pop().unwrap();
    assert_eq!(watch.step(Some(&marked), t.at(15 * 60 + 1)).ring, None);
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

#[test]
fn quitting_with_a_pack_on_asks_and_says_who_rings() {
    let t = T::new();
    let mut app = app();
    start(&mut app, TherapyKind::Heat, t.at(0));
    // Ctrl-C asks, and asks the runtime whether a remind watches.
    let cmds = send(&mut app, &[Intent::Quit], t.at(5));
    assert_eq!(cmds, vec![Cmd::CheckWatcher]);
    assert!(!app.quit && app.quit_ask.is_some());
    send(&mut app, &[Outcome::Watcher(true)], t.at(5));
    assert_eq!(app.quit_ask.unwrap().watched, Some(true));
    // Any other key stays: the next key is an answer, not a command.
    assert_eq!(keys::map(key(KeyCode::Char('r')), &app), Some(Intent::No));
    assert_eq!(keys::map(key(KeyCode::Enter), &app), Some(Intent::No));
    send(&mut app, &[Intent::No], t.at(6));
    assert!(!app.quit && app.quit_ask.is_none());
    assert!(app.therapy.session.is_some(), "the r was not pack off");
    // q on Home asks too; y quits.
    send(&mut app, &[Intent::Back], t.at(7));
    assert_eq!(app.screen, Screen::Home);
    let cmds = send(&mut app, &[Intent::Back], t.at(8));
    assert_eq!(cmds, vec![Cmd::CheckWatcher]);
    assert_eq!(keys::map(key(KeyCode::Char('y')), &app), Some(Intent::Yes));
    send(&mut app, &[Intent::Yes], t.at(9));
    assert!(app.quit);

    // Time up while asking: the alert wins, the question goes.
    let mut app = self::app();
    start(&mut app, TherapyKind::Heat, t.at(0));
    send(&mut app, &[Intent::Quit], t.at(1));
    send(&mut app, &[Outcome::Tick], t.at(15 * 60));
    assert!(app.quit_ask.is_none() && app.therapy.alert.is_some());
    // With the alert waiting, quitting asks as well.
    assert_eq!(
        send(&mut app, &[Intent::Quit], t.at(15 * 60 + 1)),
        vec![Cmd::CheckWatcher]
    );

    // Nothing on: q quits at once.
    let mut app = self::app();
    app.screen = Screen::Home;
    assert!(send(&mut app, &[Intent::Back], t.at(0)).is_empty());
    assert!(app.quit);
}
