//! The heat/cold timer screen: pick a mode, read its guidance and safety
//! check, mind the rest gap, run under the cap, and raise the "remove the
//! pack now" alert. The cap and the gap are enforced here, not in the view.

use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset};

use super::{App, Cmd, Intent, Now, Screen};
use crate::content::model::{TherapyKind, TherapyMode};
use crate::domain::cursor::ListCursor;
use crate::domain::record::Record;
use crate::domain::therapy::{self, Running, Session};

mod alert;
mod setup;

pub use alert::{ALERT_BELLS, Alert, BELL_GAP, acknowledge_alert};

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
    /// Work found at start-up for the first update to hand out: save the
    /// running file (marked on this boot's clock, found logged) or remove
    /// one whose application the log shows ended.
    pub pending: Vec<Cmd>,
}

impl Therapy {
    /// The picked mode's content, if there is one.
    pub fn mode<'a>(&self, app: &'a App) -> Option<&'a TherapyMode> {
        app.content.therapy.get(self.picked.index())
    }

    /// True while a pack is on the skin or its alert waits.
    pub fn pack_on(&self) -> bool {
        self.session.is_some() || self.alert.is_some()
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
    /// The running file is of an application the log shows the user
    /// ended: remove it, nothing to resume.
    pub stale: bool,
}

impl Boot {
    /// The start-up state from the running file and the history log,
    /// which may disagree after a kill between appending the record and
    /// removing the file: an application the log holds is logged (never
    /// twice), and one the user ended ("pack off") is not reopened.
    pub fn new(running: Option<Running>, records: &[Record]) -> Boot {
        let last_end = therapy::history::last_end(records);
        let Some(mut running) = running else {
            return Boot {
                last_end,
                ..Boot::default()
            };
        };
        match therapy::history::record_of(records, running.started) {
            Some(record) if therapy::history::ended_by_user(record) => Boot {
                running: None,
                last_end,
                stale: true,
            },
            Some(_) => {
                running.logged = true;
                Boot {
                    running: Some(running),
                    last_end,
                    stale: false,
                }
            }
            None => Boot {
                running: Some(running),
                last_end,
                stale: false,
            },
        }
    }
}

/// Sets the app up from what start-up found. A persisted session always
/// wins: plain `backcoach` opens straight onto it (or onto its alert).
pub fn boot(app: &mut App, boot: Boot, now: Now) {
    app.therapy.last_end = boot.last_end;
    app.now = Some(now);
    if boot.stale {
        app.therapy.pending.push(Cmd::ClearRunning);
    }
    if let Some(running) = boot.running {
        let session = Session::resume(running.clone(), now);
        if session.running != running {
            app.therapy
                .pending
                .push(Cmd::SaveRunning(session.running.clone()));
        }
        app.therapy.session = Some(session);
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
    let mut cmds = std::mem::take(&mut app.therapy.pending);
    if let Some(session) = &app.therapy.session {
        if session.is_over(now) {
            let session = session.clone();
            app.therapy.session = None;
            cmds.extend(alert::time_up(app, session, now));
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
                let cue = format!("Switch now to {}.", switch_to(kind));
                cmds.extend(super::speech::say(app, cue));
            }
        }
    }
    cmds.extend(alert::ring_again(app, now));
    cmds
}

/// A stopped process cannot ring the alert, so Ctrl-Z is refused while a
/// session runs or its alert waits; says so in a notice.
pub fn refuses_suspend(app: &mut App) -> bool {
    let busy = app.therapy.pack_on();
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

/// "heat pack", "cold pack" or "heat/cold pack": what is on the skin.
pub fn pack_words(kind: TherapyKind) -> &'static str {
    match kind {
        TherapyKind::Heat => "heat pack",
        TherapyKind::Cold => "cold pack",
        TherapyKind::Contrast => "heat/cold pack",
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
    let over = alert.session.ended_ago(now).unwrap_or(Duration::ZERO);
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
        return acknowledge_alert(app, msg);
    }
    if app.therapy.session.is_some() {
        return setup::running(app, msg, now);
    }
    match app.therapy.stage {
        Stage::Pick => setup::pick(app, msg),
        Stage::Check => setup::check(app, msg, now),
        Stage::RestGap => setup::rest_gap(app, msg, now),
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
