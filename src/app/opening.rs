//! What the command line asked the full-screen app to open first, and the
//! one place that opens it: at start, or as soon as the first-run statement
//! has been acknowledged.

use std::time::Duration;

use super::{App, Cmd, Now, Screen, safety, session, therapy, warnings};
use crate::content::catalog::Content;
use crate::content::model::TherapyKind;

/// A screen the command line asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Opening {
    /// `backcoach session`: the routine picker.
    Routines,
    /// `backcoach session ROUTINE_ID`: that routine at once.
    Routine(String),
    /// `backcoach release [TECHNIQUE_ID]`: through the safety gate.
    Release(Option<String>),
    /// `backcoach safety`: the warnings review.
    Warnings,
    /// `backcoach timer MODE [--duration D]`: that mode's safety check.
    Timer(TherapyKind, Option<Duration>),
}

/// Checks a request before the screen changes: an unknown routine or
/// technique id is an error listing the valid ones.
pub fn check(content: &Content, opening: &Opening) -> Result<(), String> {
    let (kind, id, ids): (&str, &str, Vec<&str>) = match opening {
        Opening::Routine(id) if content.routines.iter().all(|r| &r.id != id) => (
            "routine",
            id,
            content.routines.iter().map(|r| r.id.as_str()).collect(),
        ),
        Opening::Release(Some(id)) if content.technique(id).is_none() => (
            "technique",
            id,
            content.techniques.iter().map(|t| t.id.as_str()).collect(),
        ),
        _ => return Ok(()),
    };
    Err(format!(
        "unknown {kind} `{id}`; valid ids: {}",
        ids.join(", ")
    ))
}

/// Opens what the command line asked for, once: nothing while the
/// first-run statement is still up (this runs again when it is
/// acknowledged).
pub fn open(app: &mut App, now: Now) -> Vec<Cmd> {
    if app.screen == Screen::Disclaimer {
        return Vec::new();
    }
    let Some(opening) = app.opening.take() else {
        return Vec::new();
    };
    match opening {
        Opening::Routines => {
            app.screen = Screen::Routines;
            Vec::new()
        }
        Opening::Routine(id) => {
            if let Err(reason) = session::start_routine(app, &id, now) {
                app.notice = Some(reason);
            }
            Vec::new()
        }
        Opening::Release(technique) => safety::enter(app, Screen::Home, technique, now),
        Opening::Warnings => warnings::open(app, Screen::Home),
        Opening::Timer(kind, length) => {
            therapy::open_check(app, kind, length);
            Vec::new()
        }
    }
}
