//! Time is up: the alert that rings (once per application, whichever
//! process gets there first), logs the application once, pauses a guided
//! session, and is acknowledged only when it was on screen.

use std::time::Instant;

use super::super::{App, Cmd, Intent, Notification, Now, Screen, speech};
use super::Stage;
use crate::domain::therapy::{self, Session};

pub use crate::domain::therapy::{ALERT_BELLS, BELL_GAP};

/// What a guided session says while the alert holds it.
pub const SESSION_PAUSED: &str = "Paused for the heat/cold alarm: Space resumes";

/// Time is up: the pack must come off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alert {
    /// The session that ended.
    pub session: Session,
    /// Bells still to ring if nobody acknowledges.
    pub bells_left: u8,
    /// When the next bell rings.
    pub next_bell: Option<Instant>,
    /// The screen the user was on when time ran out, to go back to.
    pub return_to: Screen,
}

/// Raises the alert for `session`: rings unless another process already
/// rang for this application, logs it unless already logged, pauses a
/// guided session, and takes the screen.
pub(super) fn time_up(app: &mut App, mut session: Session, now: Now) -> Vec<Cmd> {
    let mut cmds = Vec::new();
    let ring = !session.running.alarm_rung;
    let mut changed = ring;
    if ring {
        cmds.push(Cmd::Bell);
        cmds.extend(speech::say(app, speech::remove_pack(session.running.mode)));
        cmds.extend(notifications(app, &session));
        session.running.alarm_rung = true;
    }
    if !session.running.logged {
        changed = true;
        let planned = session.planned();
        let ended = session.running.started + planned;
        cmds.push(Cmd::Append(therapy::history::time_up_record(
            &session.running,
        )));
        session.running.logged = true;
        app.therapy.last_end = app.therapy.last_end.max(Some(ended));
    }
    if changed {
        cmds.push(Cmd::SaveRunning(session.running.clone()));
    }
    if let Some(guided) = app.session.as_mut() {
        guided.pause_for(now.instant, SESSION_PAUSED);
    }
    app.therapy.alert = Some(Alert {
        session,
        bells_left: if ring { ALERT_BELLS - 1 } else { 0 },
        next_bell: ring.then(|| now.instant + BELL_GAP),
        return_to: app.screen,
    });
    app.screen = Screen::Therapy;
    app.help_open = false;
    app.quit_ask = None;
    cmds
}

/// The alert's repeated bell, when due.
pub(super) fn ring_again(app: &mut App, now: Now) -> Vec<Cmd> {
    match &mut app.therapy.alert {
        Some(alert) if alert.next_bell.is_some_and(|at| at <= now.instant) => {
            alert.bells_left = alert.bells_left.saturating_sub(1);
            alert.next_bell = (alert.bells_left > 0).then(|| now.instant + BELL_GAP);
            let mut cmds = vec![Cmd::Bell];
            cmds.extend(speech::say(app, speech::REMOVE_AGAIN));
            cmds
        }
        _ => Vec::new(),
    }
}

/// "The pack is off": only a key pressed while the alert was on screen
/// counts (the view says whether it was); back to where the user was.
pub fn acknowledge_alert(app: &mut App, msg: Intent) -> Vec<Cmd> {
    if !matches!(msg, Intent::Select | Intent::Next | Intent::Back) || !app.alert_shown {
        return Vec::new();
    }
    let Some(alert) = app.therapy.alert.take() else {
        return Vec::new();
    };
    app.therapy.stage = Stage::Pick;
    app.screen = match alert.return_to {
        Screen::Session if app.session.is_none() => Screen::Routines,
        screen => screen,
    };
    app.notice = Some("Pack off. Leave 20 to 40 minutes before the next application.".to_owned());
    vec![Cmd::ClearRunning]
}

/// The configured notifications for the alarm, as `backcoach remind` sends
/// them when it rings instead.
fn notifications(app: &App, session: &Session) -> Vec<Cmd> {
    let settings = &app.settings.reminder;
    let note = || Notification {
        title: therapy::alarm::ALARM_TITLE,
        body: therapy::alarm::alarm_text(&session.running),
    };
    let mut cmds = Vec::new();
    if settings.terminal_notification {
        cmds.push(Cmd::TerminalNotification(note()));
    }
    if settings.desktop_notification && !app.reminder.desktop_unavailable {
        cmds.push(Cmd::DesktopNotification(note()));
    }
    cmds
}
