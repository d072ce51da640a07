//! Update handler of the History screen.

use super::{App, Cmd, Intent, Screen, list};
use crate::domain::cursor::ListCursor;
use crate::store::session_history::SessionHistory;

/// Opens the History screen and asks the runtime to read the log.
pub(super) fn open(app: &mut App) -> Vec<Cmd> {
    app.history = None;
    app.history_selected = ListCursor::default();
    app.screen = Screen::History;
    vec![Cmd::LoadHistory]
}

/// The runtime read the log (or failed to).
pub(super) fn loaded(app: &mut App, result: Result<SessionHistory, String>) -> Vec<Cmd> {
    match result {
        Ok(history) => {
            app.notice = history.problem_notice();
            app.history = Some(history);
        }
        Err(reason) => {
            app.notice = Some(format!("Could not read the history: {reason}"));
            app.history = Some(SessionHistory::default());
        }
    }
    Vec::new()
}

/// At start-up: the recent history had no warnings review, so look
/// further back for one (the Warnings screen says when it was).
pub(super) fn find_last_review(app: &App) -> Option<Cmd> {
    app.safety
        .last_review
        .is_none()
        .then_some(Cmd::FindLastReview)
}

/// The latest warnings review in the whole history; a later one made
/// meanwhile is kept.
pub(super) fn last_review(
    app: &mut App,
    at: Option<chrono::DateTime<chrono::FixedOffset>>,
) -> Vec<Cmd> {
    app.safety.last_review = app.safety.last_review.max(at);
    Vec::new()
}

pub(super) fn history(app: &mut App, msg: Intent) -> Vec<Cmd> {
    if msg == Intent::WriteReport {
        app.notice = Some("Writing the report…".to_owned());
        return vec![Cmd::WriteReport];
    }
    let count = app.history.as_ref().map_or(0, |h| h.progress.recent.len());
    if !list::step(&mut app.history_selected, msg, count) && msg == Intent::Back {
        app.screen = Screen::Home;
    }
    Vec::new()
}
