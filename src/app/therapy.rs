//! The heat/cold timer screen: pick a mode, read its guidance and safety
//! check, mind the rest gap, run under the cap, and raise the "remove the
//! pack now" alert. The cap and the gap are enforced here, not in the view.

use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset};

use super::{App, Cmd, Intent, Now, Screen, list};
use crate::content::model::{TherapyKind, TherapyMode};
use crate::domain::cursor::ListCursor;
use crate::domain::record::Record;
use crate::domain::therapy::{self, Running, Session};
use crate::time::words;

/// How many times the alert rings (the first at time-up) until acknowledged.
pub const ALERT_BELLS: u8 = 4;
/// Time between two bells of the alert.
pub const BELL_GAP: Duration = Duration::from_secs(5);

/// Where the user is before a session starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Stage {
    /// Choosing heat, cold or contrast.
    #[default]
    Pick,
    /// Reading the guidance and safety check of the picked mode.
    Check,
    /// Warned that the last application ended less than 30 minutes ago.
    RestGap,
}

/// Time is up: the pack must come off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alert {
    /// The session that ended.
    pub session: Session,
    /// Bells still to ring if nobody acknowledges.
    pub bells_left: u8,
    /// When the next bell rings.
    pub next_bell: Option<Instant>,
}

/// State of the timer screen; kept while other screens are shown, so a
/// session runs on while the user reads something else.
#[derive(Debug, Clone, Default)]
pub struct Therapy {
    /// Where the set-up is.
    pub stage: Stage,
    /// Selected mode (index into the content's therapy modes).
    pub picked: ListCursor,
    /// Length being set up.
    pub planned: Duration,
    /// The session on the skin, if any.
    pub session: Option<Session>,
    /// Index of the last contrast segment whose switch was announced (none
    /// yet after a restart: the segment under way then is not news).
    pub announced: Option<usize>,
    /// The time-up alert, until acknowledged.
    pub alert: Option<Alert>,
    /// When the last application ended (from the history log).
    pub last_end: Option<DateTime<FixedOffset>>,
}

impl Therapy {
    /// The picked mode's content, if there is one.
    pub fn mode<'a>(&self, app: &'a App) -> Option<&'a TherapyMode> {
        app.content.therapy.get(self.picked.index())
    }
}

/// What the full-screen app starts with: a persisted session and the last
/// application's end.
#[derive(Debug, Clone, Default)]
pub struct Boot {
    /// The session found on disk.
    pub running: Option<Running>,
    /// End of the last application in the history log.
    pub last_end: Option<DateTime<FixedOffset>>,
}

/// Sets the app up from what start-up found. A persisted session always
/// wins: plain `backcoach` opens straight onto it (or onto its alert).
pub fn boot(app: &mut App, boot: Boot, now: Now) {
    app.therapy.last_end = boot.last_end;
    app.now = Some(now);
    if let Some(running) = boot.running {
        app.therapy.session = Some(Session::resume(running, now));
        app.therapy.announced = None;
        app.screen = Screen::Therapy;
    }
}

/// Opens a mode's safety check with a length (the command line's `timer
/// MODE [--duration D]`), unless an application is already on the skin.
pub fn open_check(app: &mut App, kind: TherapyKind, length: Option<Duration>) {
    if let Some(session) = &app.therapy.session {
        app.notice = Some(format!(
            "A {} session is already running; it carries on.",
            session.running.mode.id()
        ));
        app.screen = Screen::Therapy;
        return;
    }
    if let Some(index) = app.content.therapy.iter().position(|m| m.mode == kind) {
        app.therapy.picked = ListCursor::at(index);
        app.therapy.planned = length
            .unwrap_or_else(|| therapy::default_length(&app.content.therapy[index]))
            .min(therapy::CAP);
        app.therapy.stage = Stage::Check;
    }
    app.screen = Screen::Therapy;
}

/// Brings the timer up to `now`, on every message: raises the alert when
/// time is up (wherever the user is), announces contrast switches, and
/// rings the alert's repeated bell.
pub fn advance(app: &mut App, now: Now) -> Vec<Cmd> {
    let mut cmds = Vec::new();
    if let Some(session) = &app.therapy.session {
        if session.is_over(now) {
            let session = session.clone();
            app.therapy.session = None;
            cmds.extend(time_up(app, session, now));
        } else {
            let (index, kind, _) = session.segment(now);
            let before = app.therapy.announced.replace(index);
            if before.is_some_and(|before| index > before) {
                if app.screen != Screen::Therapy {
                    // The timer screen shows the switch itself.
                    app.notice = Some(format!(
                        "Heat/cold timer: switch now to {}.",
                        switch_to(kind)
                    ));
                }
                cmds.push(Cmd::Bell);
            }
        }
    }
    if let Some(alert) = &mut app.therapy.alert
        && alert.next_bell.is_some_and(|at| at <= now.instant)
    {
        cmds.push(Cmd::Bell);
        alert.bells_left = alert.bells_left.saturating_sub(1);
        alert.next_bell = (alert.bells_left > 0).then(|| now.instant + BELL_GAP);
    }
    cmds
}

/// A stopped process cannot ring the alert, so Ctrl-Z is refused while a
/// session runs or its alert waits; says so in a notice.
pub fn refuses_suspend(app: &mut App) -> bool {
    let busy = app.therapy.session.is_some() || app.therapy.alert.is_some();
    if busy {
        app.notice = Some(
            "Ctrl-Z is off while a heat/cold session runs: a stopped app could not ring the alert."
                .to_owned(),
        );
    }
    busy
}

/// What to put on at a contrast switch.
pub fn switch_to(kind: TherapyKind) -> &'static str {
    match kind {
        TherapyKind::Cold => "cold, the towel-wrapped ice pack",
        TherapyKind::Heat | TherapyKind::Contrast => "heat",
    }
}

fn time_up(app: &mut App, mut session: Session, now: Now) -> Vec<Cmd> {
    let mut cmds = vec![Cmd::Bell];
    if !session.running.logged {
        let planned = session.planned();
        let ended = session.running.started + planned;
        cmds.push(Cmd::Append(record(&session, planned, ended, false)));
        session.running.logged = true;
        cmds.push(Cmd::SaveRunning(session.running.clone()));
        app.therapy.last_end = app.therapy.last_end.max(Some(ended));
    }
    app.therapy.alert = Some(Alert {
        session,
        bells_left: ALERT_BELLS - 1,
        next_bell: Some(now.instant + BELL_GAP),
    });
    app.screen = Screen::Therapy;
    app.help_open = false;
    cmds
}

fn record(
    session: &Session,
    actual: Duration,
    ended: DateTime<FixedOffset>,
    early: bool,
) -> Record {
    Record::Therapy {
        mode: session.running.mode,
        planned_secs: session.planned().as_secs(),
        actual_secs: actual.min(therapy::CAP).as_secs(),
        started: session.running.started,
        ended,
        ended_early: early,
    }
}

/// The next instant the timer needs the loop awake: every visible second
/// while a session runs (never more than 1 s ahead), the alert's next bell,
/// and the minute its "ended ... ago" changes.
pub fn next_wakeup(app: &App, now: Now) -> Option<Instant> {
    if let Some(session) = &app.therapy.session {
        return Some(session.next_wakeup(now));
    }
    let alert = app.therapy.alert.as_ref()?;
    let over = alert
        .session
        .elapsed(now)
        .saturating_sub(alert.session.planned());
    let next_minute = now.instant + Duration::from_secs(60 - over.as_secs() % 60);
    Some(
        alert
            .next_bell
            .map_or(next_minute, |bell| bell.min(next_minute)),
    )
}

/// Handles a key on the timer screen.
pub fn update(app: &mut App, msg: Intent, now: Now) -> Vec<Cmd> {
    if app.therapy.alert.is_some() {
        return alert(app, msg);
    }
    if app.therapy.session.is_some() {
        return running(app, msg, now);
    }
    match app.therapy.stage {
        Stage::Pick => pick(app, msg),
        Stage::Check => check(app, msg, now),
        Stage::RestGap => rest_gap(app, msg, now),
    }
}

fn alert(app: &mut App, msg: Intent) -> Vec<Cmd> {
    match msg {
        Intent::Select | Intent::Next | Intent::Back => {
            app.therapy.alert = None;
            app.therapy.stage = Stage::Pick;
            app.notice =
                Some("Pack off. Leave 20 to 40 minutes before the next application.".to_owned());
            vec![Cmd::ClearRunning]
        }
        _ => Vec::new(),
    }
}

fn running(app: &mut App, msg: Intent, now: Now) -> Vec<Cmd> {
    let Some(session) = app.therapy.session.as_mut() else {
        return Vec::new();
    };
    match msg {
        Intent::Longer => {
            session.longer();
            vec![Cmd::SaveRunning(session.running.clone())]
        }
        Intent::Shorter => {
            session.shorter(now);
            let mut cmds = vec![Cmd::SaveRunning(session.running.clone())];
            cmds.extend(advance(app, now));
            cmds
        }
        Intent::PackRemoved => {
            let Some(session) = app.therapy.session.take() else {
                return Vec::new();
            };
            let actual = session.elapsed(now).min(session.planned());
            let ended = now.wall.fixed_offset();
            app.therapy.last_end = app.therapy.last_end.max(Some(ended));
            app.therapy.stage = Stage::Pick;
            app.notice = Some(format!(
                "{} ended after {}. Leave 20 to 40 minutes before the next application.",
                mode_name(app, session.running.mode),
                words::clock(actual)
            ));
            vec![
                Cmd::Append(record(&session, actual, ended, true)),
                Cmd::ClearRunning,
            ]
        }
        Intent::Back => {
            app.screen = Screen::Home;
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// The content's name for a mode ("Heat"), or its id.
pub fn mode_name(app: &App, kind: TherapyKind) -> String {
    app.content
        .therapy
        .iter()
        .find(|m| m.mode == kind)
        .map_or_else(|| kind.id().to_owned(), |m| m.name.clone())
}

fn pick(app: &mut App, msg: Intent) -> Vec<Cmd> {
    let t = &mut app.therapy;
    if list::step(&mut t.picked, msg, app.content.therapy.len()) {
        return Vec::new();
    }
    match msg {
        Intent::Select => {
            if let Some(mode) = app.content.therapy.get(t.picked.index()) {
                t.planned = therapy::default_length(mode);
                t.stage = Stage::Check;
            }
        }
        Intent::Back => app.screen = Screen::Home,
        _ => {}
    }
    Vec::new()
}

fn check(app: &mut App, msg: Intent, now: Now) -> Vec<Cmd> {
    let t = &mut app.therapy;
    match msg {
        Intent::Longer => t.planned = therapy::plan_longer(t.planned),
        Intent::Shorter => t.planned = therapy::plan_shorter(t.planned),
        Intent::Select => {
            if therapy::rest_gap_ago(t.last_end, &now.wall).is_some() {
                t.stage = Stage::RestGap;
            } else {
                return start(app, now);
            }
        }
        Intent::Back => t.stage = Stage::Pick,
        _ => {}
    }
    Vec::new()
}

fn rest_gap(app: &mut App, msg: Intent, now: Now) -> Vec<Cmd> {
    match msg {
        Intent::ConfirmAnyway => start(app, now),
        Intent::Back => {
            app.therapy.stage = Stage::Check;
            Vec::new()
        }
        _ => Vec::new(),
    }
}

fn start(app: &mut App, now: Now) -> Vec<Cmd> {
    let Some(mode) = app.content.therapy.get(app.therapy.picked.index()) else {
        return Vec::new();
    };
    let session = Session::start(
        mode.mode,
        app.therapy.planned,
        therapy::pattern_of(mode),
        now,
    );
    let cmd = Cmd::SaveRunning(session.running.clone());
    app.therapy.session = Some(session);
    app.therapy.announced = Some(0);
    app.therapy.stage = Stage::Pick;
    vec![cmd]
}
