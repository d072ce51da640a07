//! The heat/cold timer through the real `update`, with explicit times:
//! start, time-up alert and its bells, history records, the rest gap
//! and the keys (resuming after a restart: `therapy_restart`).

use std::time::{Duration, Instant};

use backcoach::app::Opening;
use backcoach::app::therapy::{ALERT_BELLS, BELL_GAP, Boot, Stage};
use backcoach::app::{self, App, Cmd, HomeEntry, Intent, Msg, Now, Outcome, Screen};
use backcoach::content::load;
use backcoach::content::model::TherapyKind;
use backcoach::content::source;
use backcoach::domain::cursor::ListCursor;
use backcoach::domain::record::Record;
use backcoach::domain::therapy::CAP;
use backcoach::keys;
use backcoach::store::Settings;
use chrono::{DateTime, Local, TimeZone};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::support::screen::settle;

pub(crate) const S: Duration = Duration::from_secs(1);
pub(crate) const M: Duration = Duration::from_secs(60);

pub(crate) struct T {
    base: Instant,
    pub(crate) wall0: DateTime<Local>,
}

impl T {
    pub(crate) fn new() -> T {
        T {
            base: Instant::now(),
            wall0: Local.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap(),
        }
    }

    /// Both clocks `secs` after the test's start.
    pub(crate) fn at(&self, secs: u64) -> Now {
        Now::new(
            self.base + Duration::from_secs(secs),
            self.wall0 + chrono::Duration::seconds(i64::try_from(secs).unwrap()),
        )
    }
}

pub(crate) fn app() -> App {
    let settings = Settings {
        disclaimer_acknowledged: Some(Local.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap()),
        ..Settings::default()
    };
    App::new(load::load(&source::builtin()).unwrap(), settings, true)
}

pub(crate) fn send<M: Into<Msg> + Clone>(app: &mut App, msgs: &[M], now: Now) -> Vec<Cmd> {
    msgs.iter()
        .flat_map(|m| app::update(app, m.clone(), now))
        .collect()
}

pub(crate) fn index_of(app: &App, kind: TherapyKind) -> usize {
    app.content
        .therapy
        .iter()
        .position(|m| m.mode == kind)
        .unwrap()
}

/// From home: open the timer, pick `kind`, confirm its check.
pub(crate) fn start(app: &mut App, kind: TherapyKind, now: Now) -> Vec<Cmd> {
    let therapy_entry = HomeEntry::ALL
        .iter()
        .position(|e| *e == HomeEntry::Therapy)
        .unwrap();
    app.home_selected = ListCursor::at(therapy_entry);
    send(app, &[Intent::Select], now);
    assert_eq!(app.screen, Screen::Therapy);
    app.therapy.picked = ListCursor::default();
    for _ in 0..index_of(app, kind) {
        send(app, &[Intent::Down], now);
    }
    send(app, &[Intent::Select], now);
    assert_eq!(app.therapy.stage, Stage::Check);
    send(app, &[Intent::Yes], now)
}

pub(crate) fn bells(cmds: &[Cmd]) -> usize {
    cmds.iter().filter(|c| **c == Cmd::Bell).count()
}

pub(crate) fn appended(cmds: &[Cmd]) -> Vec<Record> {
    cmds.iter()
        .filter_map(|c| match c {
            Cmd::Append(r) => Some(r.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn a_started_session_is_persisted_at_once() {
    let t = T::new();
    let mut app = app();
    let cmds = start(&mut app, TherapyKind::Heat, t.at(0));
    let [Cmd::SaveRunning(running)] = cmds.as_slice() else {
        panic!("expected one SaveRunning, got {cmds:?}");
    };
    assert_eq!(running.mode, TherapyKind::Heat);
    assert_eq!(running.planned_secs, 15 * 60);
    assert_eq!(running.started, t.wall0.fixed_offset());
    assert!(!running.logged);
    assert!(app.therapy.session.is_some());
}

#[test]
fn time_up_raises_the_alert_rings_and_logs_once() {
    let t = T::new();
    let mut app = app();
    start(&mut app, TherapyKind::Cold, t.at(0));
    let before = send(&mut app, &[Outcome::Tick], t.at(15 * 60 - 1));
    assert!(before.is_empty(), "{before:?}");
    assert!(app.therapy.alert.is_none());
    let cmds = send(&mut app, &[Outcome::Tick], t.at(15 * 60));
    assert_eq!(bells(&cmds), 1);
    let records = appended(&cmds);
    assert_eq!(records.len(), 1);
    let Record::Therapy {
        mode,
        planned_secs,
        actual_secs,
        started,
        ended,
        ended_early,
    } = &records[0]
    else {
        panic!("expected a therapy record, got {:?}", records[0]);
    };
    assert_eq!(*mode, TherapyKind::Cold);
    assert_eq!(
        (*planned_secs, *actual_secs, *ended_early),
        (900, 900, false)
    );
    assert_eq!(*ended - *started, chrono::Duration::minutes(15));
    assert!(
        cmds.iter()
            .any(|c| matches!(c, Cmd::SaveRunning(r) if r.logged)),
        "the running file must record that it was logged: {cmds:?}"
    );
    assert!(app.therapy.alert.is_some());
    assert_eq!(app.screen, Screen::Therapy);

    // The bell repeats on deadlines until acknowledged, then stops.
    let mut rung = 1;
    let mut now = t.at(15 * 60);
    for _ in 0..20 {
        let Some(wake) = app::next_wakeup(&app, now) else {
            break;
        };
        assert!(wake > now.instant);
        let secs = wake.duration_since(t.base).as_secs();
        now = t.at(secs);
        let cmds = send(&mut app, &[Outcome::Tick], now);
        assert!(appended(&cmds).is_empty(), "logged twice: {cmds:?}");
        rung += bells(&cmds);
        if now.instant >= t.base + 15 * M + 4 * BELL_GAP {
            break;
        }
    }
    assert_eq!(rung, usize::from(ALERT_BELLS));
    settle(&mut app, 80, 24, now);
    let cmds = send(&mut app, &[Intent::Select], now);
    assert_eq!(cmds, vec![Cmd::ClearRunning]);
    assert!(app.therapy.alert.is_none());
    assert_eq!(
        app::next_wakeup(&app, now),
        None,
        "nothing running: no wake-ups"
    );
}

#[test]
fn the_alert_takes_over_from_any_screen() {
    let t = T::new();
    let mut app = app();
    start(&mut app, TherapyKind::Heat, t.at(0));
    send(&mut app, &[Intent::Back], t.at(1));
    assert_eq!(app.screen, Screen::Home, "Esc leaves the timer running");
    assert!(app.therapy.session.is_some());
    send(
        &mut app,
        &[Intent::First, Intent::Select, Intent::ToggleHelp],
        t.at(2),
    );
    assert_eq!(app.screen, Screen::Library);
    assert!(app.help_open);
    send(&mut app, &[Outcome::Tick], t.at(15 * 60 + 3));
    assert_eq!(app.screen, Screen::Therapy);
    assert!(!app.help_open);
    assert!(app.therapy.alert.is_some());
}

#[test]
fn a_key_after_the_deadline_still_raises_the_alert_first() {
    let t = T::new();
    let mut app = app();
    start(&mut app, TherapyKind::Heat, t.at(0));
    // No tick came (a suspended laptop); the first key after waking.
    let cmds = send(&mut app, &[Intent::Longer], t.at(40 * 60));
    assert_eq!(bells(&cmds), 1);
    assert!(app.therapy.alert.is_some());
    let Record::Therapy { actual_secs, .. } = &appended(&cmds)[0] else {
        panic!("expected a therapy record");
    };
    assert_eq!(*actual_secs, 900);
}

#[test]
fn pack_removed_ends_early_and_logs_the_actual_time() {
    let t = T::new();
    let mut app = app();
    start(&mut app, TherapyKind::Heat, t.at(0));
    let cmds = send(&mut app, &[Intent::PackRemoved], t.at(7 * 60 + 12));
    let records = appended(&cmds);
    let Record::Therapy {
        actual_secs,
        planned_secs,
        ended_early,
        ..
    } = &records[0]
    else {
        panic!("expected a therapy record, got {:?}", records[0]);
    };
    assert_eq!(
        (*actual_secs, *planned_secs, *ended_early),
        (432, 900, true)
    );
    assert!(cmds.contains(&Cmd::ClearRunning));
    assert!(app.therapy.session.is_none());
    assert!(app.notice.as_deref().unwrap().contains("7:12"));
    assert_eq!(app::next_wakeup(&app, t.at(7 * 60 + 13)), None);
}

#[test]
fn plus_held_down_on_the_check_and_while_running_stays_within_the_cap() {
    let t = T::new();
    let mut app = app();
    app.home_selected = ListCursor::at(
        HomeEntry::ALL
            .iter()
            .position(|e| *e == HomeEntry::Therapy)
            .unwrap(),
    );
    send(&mut app, &[Intent::Select, Intent::Select], t.at(0));
    for _ in 0..100 {
        send(&mut app, &[Intent::Longer], t.at(0));
    }
    assert_eq!(app.therapy.planned, CAP);
    send(&mut app, &[Intent::Yes], t.at(0));
    for _ in 0..5 {
        send(&mut app, &[Intent::Shorter], t.at(60));
    }
    for _ in 0..100 {
        send(&mut app, &[Intent::Longer], t.at(120));
    }
    let session = app.therapy.session.as_ref().unwrap();
    assert_eq!(session.planned(), CAP);
    send(&mut app, &[Outcome::Tick], t.at(20 * 60));
    assert!(app.therapy.alert.is_some(), "over at 20:00 from the start");
}

#[test]
fn starting_within_the_rest_gap_needs_an_explicit_yes() {
    let t = T::new();
    let mut app = app();
    start(&mut app, TherapyKind::Heat, t.at(0));
    send(&mut app, &[Intent::PackRemoved], t.at(10 * 60));
    // Ten minutes later: a warning, and Enter does not start.
    let now = t.at(20 * 60);
    send(&mut app, &[Intent::Select], now);
    assert_eq!(app.therapy.stage, Stage::Check);
    let cmds = send(&mut app, &[Intent::Select], now);
    assert!(cmds.is_empty());
    assert_eq!(app.therapy.stage, Stage::Check, "Enter answers nothing");
    let cmds = send(&mut app, &[Intent::Yes], now);
    assert!(cmds.is_empty());
    assert_eq!(app.therapy.stage, Stage::RestGap);
    send(
        &mut app,
        &[Intent::Select, Intent::Next, Intent::Longer],
        now,
    );
    assert!(app.therapy.session.is_none(), "only an explicit yes starts");
    let keys_here = keys::bindings(&app);
    assert!(keys_here.iter().any(|b| b.intent == Intent::ConfirmAnyway));
    send(&mut app, &[Intent::Back], now);
    assert_eq!(app.therapy.stage, Stage::Check);
    send(&mut app, &[Intent::Yes], now);
    let cmds = send(&mut app, &[Intent::ConfirmAnyway], now);
    assert!(matches!(cmds.as_slice(), [Cmd::SaveRunning(_)]));
    assert!(app.therapy.session.is_some());
}

#[test]
fn the_rest_gap_reads_the_last_end_from_the_history() {
    let t = T::new();
    let mut app = app();
    let ended = (t.wall0 - chrono::Duration::minutes(31)).fixed_offset();
    app::therapy::boot(
        &mut app,
        Boot {
            last_end: Some(ended),
            ..Boot::default()
        },
        t.at(0),
    );
    let cmds = start(&mut app, TherapyKind::Cold, t.at(0));
    assert!(
        app.therapy.session.is_some(),
        "31 minutes is past the gap: {cmds:?}"
    );

    let mut app = self::app();
    let ended = (t.wall0 - chrono::Duration::minutes(25)).fixed_offset();
    app::therapy::boot(
        &mut app,
        Boot {
            last_end: Some(ended),
            ..Boot::default()
        },
        t.at(0),
    );
    start(&mut app, TherapyKind::Cold, t.at(0));
    assert_eq!(app.therapy.stage, Stage::RestGap);
    assert!(app.therapy.session.is_none());
}

#[test]
fn the_timer_command_opens_the_check_after_the_first_run_statement() {
    let t = T::new();
    let mut app = App::new(
        load::load(&source::builtin()).unwrap(),
        Settings::default(),
        true,
    );
    app.opening = Some(Opening::Timer(TherapyKind::Cold, Some(3 * S)));
    send(&mut app, &[Outcome::Started], t.at(0));
    assert_eq!(app.screen, Screen::Disclaimer);
    send(&mut app, &[Intent::Select], t.at(0));
    assert_eq!(app.screen, Screen::Therapy);
    assert_eq!(app.therapy.stage, Stage::Check);
    assert_eq!(app.therapy.planned, 3 * S);
    let picked = &app.content.therapy[app.therapy.picked.index()];
    assert_eq!(picked.mode, TherapyKind::Cold);
}

#[test]
fn contrast_announces_each_switch_with_a_bell() {
    let t = T::new();
    let mut app = app();
    start(&mut app, TherapyKind::Contrast, t.at(0));
    let mut switches = 0;
    for secs in 1..15 * 60 {
        let cmds = send(&mut app, &[Outcome::Tick], t.at(secs));
        switches += bells(&cmds);
    }
    assert_eq!(switches, 5, "six segments: five switches");
    // On another screen the switch is also written out.
    let mut app = self::app();
    start(&mut app, TherapyKind::Contrast, t.at(0));
    send(&mut app, &[Intent::Back], t.at(1));
    let cmds = send(&mut app, &[Outcome::Tick], t.at(180));
    assert_eq!(bells(&cmds), 1);
    assert!(app.notice.as_deref().unwrap().contains("cold"));
}

#[test]
fn a_tick_keeps_a_notice_and_a_store_failure_is_shown() {
    let t = T::new();
    let mut app = app();
    start(&mut app, TherapyKind::Heat, t.at(0));
    send(
        &mut app,
        &[Outcome::TherapyStoreFailed("disk full".into())],
        t.at(1),
    );
    send(&mut app, &[Outcome::Tick], t.at(2));
    assert!(app.notice.as_deref().unwrap().contains("disk full"));
}

#[test]
fn timer_keys_follow_the_stage() {
    let t = T::new();
    let mut app = app();
    let key = |c| KeyEvent::new(c, KeyModifiers::NONE);
    start(&mut app, TherapyKind::Heat, t.at(0));
    assert_eq!(
        keys::map(key(KeyCode::Char('+')), &app),
        Some(Intent::Longer)
    );
    assert_eq!(
        keys::map(key(KeyCode::Char('-')), &app),
        Some(Intent::Shorter)
    );
    assert_eq!(
        keys::map(key(KeyCode::Char('x')), &app),
        Some(Intent::PackRemoved)
    );
    assert_eq!(keys::map(key(KeyCode::Char('y')), &app), None);
    assert_eq!(keys::map(key(KeyCode::Char(' ')), &app), None, "no pause");
    send(&mut app, &[Outcome::Tick], t.at(15 * 60));
    assert_eq!(keys::map(key(KeyCode::Enter), &app), Some(Intent::Select));
    assert_eq!(keys::map(key(KeyCode::Char('+')), &app), None);
}

#[test]
fn suspend_is_refused_while_a_pack_is_on() {
    let t = T::new();
    let mut app = app();
    assert_eq!(
        send(&mut app, &[Intent::Suspend], t.at(0)),
        vec![Cmd::Suspend]
    );
    start(&mut app, TherapyKind::Heat, t.at(0));
    assert!(send(&mut app, &[Intent::Suspend], t.at(1)).is_empty());
    assert!(app.notice.as_deref().unwrap().contains("Ctrl-Z is off"));
    send(&mut app, &[Outcome::Tick], t.at(15 * 60));
    assert!(!send(&mut app, &[Intent::Suspend], t.at(15 * 60 + 1)).contains(&Cmd::Suspend));
    settle(&mut app, 80, 24, t.at(15 * 60 + 2));
    send(&mut app, &[Intent::Select], t.at(15 * 60 + 2));
    assert_eq!(
        send(&mut app, &[Intent::Suspend], t.at(15 * 60 + 3)),
        vec![Cmd::Suspend]
    );
}

/// The alarm sends the notifications the user turned on, once, with the
/// heat/cold title and what to do, as `backcoach remind` would.
#[test]
fn the_alarm_sends_the_configured_notifications_once() {
    let t = T::new();
    let mut app = app();
    app.settings.reminder.terminal_notification = true;
    app.settings.reminder.desktop_notification = true;
    start(&mut app, TherapyKind::Cold, t.at(0));
    let cmds = send(&mut app, &[Outcome::Tick], t.at(15 * 60));
    let notes: Vec<&Cmd> = cmds
        .iter()
        .filter(|c| {
            matches!(
                c,
                Cmd::TerminalNotification(_) | Cmd::DesktopNotification(_)
            )
        })
        .collect();
    assert_eq!(notes.len(), 2, "{cmds:?}");
    for note in notes {
        let (Cmd::TerminalNotification(n) | Cmd::DesktopNotification(n)) = note else {
            unreachable!()
        };
        assert_eq!(n.title, "Heat/cold timer");
        assert!(n.body.starts_with("Remove the cold pack now"), "{}", n.body);
    }
    // The repeats are the bell alone.
    let later = send(&mut app, &[Outcome::Tick], t.at(15 * 60 + 5));
    assert_eq!(bells(&later), 1);
    assert!(!later.iter().any(|c| matches!(
        c,
        Cmd::TerminalNotification(_) | Cmd::DesktopNotification(_)
    )));
}
