//! Quiet on demand inside the app: the quiet key, quiet set elsewhere
//! (`backcoach quiet`), and the `quiet_while` commands asked once a
//! reminder is due. Pure: the commands run on a worker and answer with
//! `Outcome::Reminder(Heard::QuietWhile)`.

use chrono::{DateTime, FixedOffset};

use super::{Heard, Work};
use crate::app::{App, Cmd, Intent, Msg, Outcome};
use crate::domain::quiet::{self, KEY_QUIET, Quiet, RECHECK};

/// The quiet part of the reminder's state.
#[derive(Debug, Clone, Default)]
pub struct QuietState {
    /// Muted until then (`quiet.ron`).
    pub quiet: Option<Quiet>,
    /// A `quiet_while` command said busy: the reminder waits until then.
    pub held_until: Option<DateTime<FixedOffset>>,
    /// The due time whose `quiet_while` question is out.
    pub asked: Option<DateTime<FixedOffset>>,
    /// The due time the commands said was fine to show.
    pub cleared: Option<DateTime<FixedOffset>>,
}

/// Handles the quiet key and quiet's outcomes; `None` for other messages.
pub fn intercept(app: &mut App, msg: &Msg, now: DateTime<FixedOffset>) -> Option<Vec<Cmd>> {
    let state = &mut app.reminder.quiet;
    match msg {
        Msg::Key(Intent::ToggleQuiet) => {
            let quiet = match state.quiet {
                Some(q) if q.active(now) => None,
                _ => Some(Quiet::for_length(now, KEY_QUIET)),
            };
            state.quiet = quiet;
            app.notice = Some(match quiet {
                Some(q) => format!(
                    "Stand-up alerts are quiet until {} (m again ends it).",
                    q.until.format("%H:%M")
                ),
                None => "Stand-up alerts are on again.".to_owned(),
            });
            Some(vec![Cmd::Reminder(Work::SaveQuiet(quiet))])
        }
        Msg::Outcome(Outcome::Reminder(Heard::QuietChanged(quiet))) => {
            state.quiet = *quiet;
            Some(Vec::new())
        }
        Msg::Outcome(Outcome::Reminder(Heard::QuietWhile(busy))) => {
            let due = state.asked.take();
            if *busy {
                state.held_until = Some(now + RECHECK);
            } else {
                state.cleared = due;
            }
            Some(Vec::new())
        }
        _ => None,
    }
}

/// Until when stand-up alerts wait, if they do now.
pub fn until(app: &App, now: DateTime<FixedOffset>) -> Option<DateTime<FixedOffset>> {
    let state = &app.reminder.quiet;
    quiet::until(state.quiet.as_ref(), state.held_until, now)
}

/// Before a reminder due at `due` is shown: `Some(cmds)` when the
/// `quiet_while` commands must answer first (asked once per due time).
pub fn ask_first(app: &mut App, due: DateTime<FixedOffset>) -> Option<Vec<Cmd>> {
    let commands = &app.settings.quiet_while;
    let state = &mut app.reminder.quiet;
    if commands.is_empty() || state.cleared == Some(due) {
        return None;
    }
    if state.asked == Some(due) {
        return Some(Vec::new());
    }
    state.asked = Some(due);
    Some(vec![Cmd::Reminder(Work::AskQuietWhile(commands.clone()))])
}

/// True while the commands' answer is awaited (no wake-up needed: the
/// answer wakes the loop).
pub fn waiting_for_answer(app: &App) -> bool {
    app.reminder.quiet.asked.is_some()
}
