//! Shared set-up for the issue-10 tests (the alarm, the gate and the
//! session record under real use): an app on the built-in content, a pair
//! of clocks moved by hand, and readers of the commands `update` returns.

use std::time::{Duration, Instant};

use backcoach::app::therapy::Stage;
use backcoach::app::{self, App, Cmd, HomeEntry, Intent, Msg, Now, Screen};
use backcoach::content::load;
use backcoach::content::model::TherapyKind;
use backcoach::content::source;
use backcoach::domain::cursor::ListCursor;
use backcoach::domain::record::Record;
use backcoach::domain::session_record::SessionRecord;
use backcoach::domain::therapy::Running;
use backcoach::store::Settings;
use backcoach::time::{BootId, BootTime};
use chrono::{DateTime, Local, TimeZone};

pub const S: Duration = Duration::from_secs(1);
pub const M: Duration = Duration::from_secs(60);

/// Clocks that tests move by hand: a base instant and wall time.
#[derive(Clone, Copy)]
pub struct T {
    pub base: Instant,
    pub wall0: DateTime<Local>,
}

impl T {
    pub fn new() -> T {
        T {
            base: Instant::now(),
            wall0: Local.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap(),
        }
    }

    /// Both clocks `secs` after the start; no boot clock.
    pub fn at(&self, secs: u64) -> Now {
        Now::new(
            self.base + Duration::from_secs(secs),
            self.wall0 + chrono::Duration::seconds(i64::try_from(secs).unwrap()),
        )
    }
}

/// A boot clock reading: boot `id`, `secs` since it.
pub fn boot(id: u128, secs: u64) -> BootTime {
    BootTime {
        id: BootId(id),
        since_boot: Duration::from_secs(secs),
    }
}

/// An app past the first-run statement, on the built-in content.
pub fn app() -> App {
    let settings = Settings {
        disclaimer_acknowledged: Some(Local.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap()),
        ..Settings::default()
    };
    App::new(load::load(&source::builtin()).unwrap(), settings, true)
}

pub fn send<M: Into<Msg> + Clone>(app: &mut App, msgs: &[M], now: Now) -> Vec<Cmd> {
    msgs.iter()
        .flat_map(|m| app::update(app, m.clone(), now))
        .collect()
}

/// Home → the timer → `kind`'s check (not started).
pub fn to_check(app: &mut App, kind: TherapyKind, now: Now) {
    app.screen = Screen::Home;
    app.home_selected = ListCursor::at(
        HomeEntry::ALL
            .iter()
            .position(|e| *e == HomeEntry::Therapy)
            .unwrap(),
    );
    send(app, &[Intent::Select], now);
    let index = app
        .content
        .therapy
        .iter()
        .position(|m| m.mode == kind)
        .unwrap();
    app.therapy.picked = ListCursor::at(index);
    send(app, &[Intent::Select], now);
    assert_eq!(app.therapy.stage, Stage::Check);
}

/// Home → the timer → `kind` → y: a running application.
pub fn start(app: &mut App, kind: TherapyKind, now: Now) -> Vec<Cmd> {
    to_check(app, kind, now);
    let cmds = send(app, &[Intent::Yes], now);
    assert!(app.therapy.session.is_some(), "not started: {cmds:?}");
    cmds
}

pub fn bells(cmds: &[Cmd]) -> usize {
    cmds.iter().filter(|c| **c == Cmd::Bell).count()
}

pub fn appended(cmds: &[Cmd]) -> Vec<Record> {
    cmds.iter()
        .filter_map(|c| match c {
            Cmd::Append(r) => Some(r.clone()),
            _ => None,
        })
        .collect()
}

pub fn sessions(cmds: &[Cmd]) -> Vec<SessionRecord> {
    appended(cmds)
        .into_iter()
        .filter_map(|r| match r {
            Record::Session(s) => Some(s),
            _ => None,
        })
        .collect()
}

pub fn saved(cmds: &[Cmd]) -> Vec<Running> {
    cmds.iter()
        .filter_map(|c| match c {
            Cmd::SaveRunning(r) => Some(r.clone()),
            _ => None,
        })
        .collect()
}

/// A heat application of `planned_secs` that started at `t`'s wall zero.
pub fn running(t: &T, planned_secs: u64) -> Running {
    Running {
        mode: TherapyKind::Heat,
        started: t.wall0.fixed_offset(),
        planned_secs,
        pattern: Vec::new(),
        logged: false,
        boot: None,
        alarm_rung: false,
    }
}
