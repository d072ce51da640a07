//! Update handlers of the safety warnings review: scrolling, and recording
//! a review once the view reports that the last line has been on screen.

use super::{App, Cmd, Intent, Now, Screen, scroll};
use crate::domain::record::Record;

/// Opens the review at the top; Esc returns to `from`. The review is
/// recorded once the view has drawn its end (see [`drawn`]).
pub fn open(app: &mut App, from: Screen) -> Vec<Cmd> {
    app.safety.warnings_return = from;
    app.safety.reviewed_this_visit = false;
    app.screen = Screen::Warnings;
    Vec::new()
}

/// Scroll keys (Space pages down too); Esc goes back.
pub fn update(app: &mut App, intent: Intent) -> Vec<Cmd> {
    match intent {
        Intent::Back => app.screen = app.safety.warnings_return,
        Intent::Next => {
            scroll::keys(app, Intent::PageDown);
        }
        other => {
            scroll::keys(app, other);
        }
    }
    Vec::new()
}

/// The view drew a new layout: record a review the first time in a visit
/// that the last line was on screen.
pub fn drawn(app: &mut App, now: Now) -> Vec<Cmd> {
    if app.screen != Screen::Warnings || scroll::overlay(app).is_some() {
        return Vec::new();
    }
    let end_shown = app.shown.is_some_and(|s| s.end_shown);
    if app.safety.reviewed_this_visit || !end_shown {
        return Vec::new();
    }
    let at = now.wall.fixed_offset();
    app.safety.reviewed_this_visit = true;
    app.safety.last_review = Some(at);
    vec![Cmd::Append(Record::WarningsReviewed { at })]
}
