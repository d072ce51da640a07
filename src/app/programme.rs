//! The home programme on the home screen: the sessions of this week the
//! app knows of (read at start-up, plus those it records), the programme
//! in force today and the routine it starts.

use super::{App, Cmd, Now};
use crate::content::programme::{self, Programme};
use crate::domain::programme::ProgrammeWeek;
use crate::domain::record::Record;
use crate::domain::session_record::SessionRecord;

/// Takes the sessions (and the accepted dose changes) from the recent
/// history read at start-up.
pub fn absorb(app: &mut App, records: &[Record]) {
    super::dose::absorb(app, records);
    for record in records {
        if let Record::Session(session) = record {
            app.recent_sessions.push(session.clone());
        }
    }
}

/// Keeps each session the app records, so the week's count follows, and
/// works out the dose suggestion after it.
pub(super) fn note(app: &mut App, cmds: &[Cmd], now: Now) {
    for cmd in cmds {
        if let Cmd::Append(Record::Session(session)) = cmd {
            app.recent_sessions.push(session.clone());
            super::dose::after_session(app, &session.routine, now.wall.fixed_offset());
        }
    }
}

/// The programme in force at `now`, with its week.
pub fn today(app: &App, now: Now) -> Option<(&Programme, ProgrammeWeek)> {
    let day = now.wall.date_naive();
    let programme = programme::active(&app.content.programmes, day)?;
    let week = ProgrammeWeek::of(programme, sessions(app), day);
    Some((programme, week))
}

fn sessions(app: &App) -> &[SessionRecord] {
    &app.recent_sessions
}

/// Selecting the programme on Home: starts the routine due (or the next
/// one owed this week) at its pain check-in.
pub(super) fn start(app: &mut App, now: Now) -> Vec<Cmd> {
    let routine = today(app, now).and_then(|(_, week)| week.to_start().map(|r| r.routine.clone()));
    if let Some(routine) = routine
        && let Err(reason) = super::session::start_routine(app, &routine, now)
    {
        app.notice = Some(reason);
    }
    Vec::new()
}
