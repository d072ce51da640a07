//! Update handlers of the safety warnings review: scrolling, and recording
//! a review once the view reports that the last line has been on screen.

use super::{App, Cmd, Intent, Now, Screen, list};
use crate::domain::cursor::ListCursor;
use crate::domain::record::Record;
use crate::domain::warnings;

/// Opens the review at the top; Esc returns to `from`. The review is
/// recorded once the view has drawn its end (see [`drawn`]).
pub fn open(app: &mut App, from: Screen) -> Vec<Cmd> {
    app.safety.warnings_return = from;
    app.safety.scroll = 0;
    app.safety.reviewed_this_visit = false;
    app.screen = Screen::Warnings;
    // Forget the last screen's layout, so the first frame of the review
    // is always reported.
    app.shown = None;
    Vec::new()
}

/// (total lines, visible lines) as last drawn; none before the first frame
/// or while the terminal is too small to show the text.
fn extent(app: &App) -> Option<(usize, usize)> {
    let shown = app.shown.filter(|s| s.width > 0 && s.height > 0)?;
    let total = warnings::document(&app.content, usize::from(shown.width)).len();
    Some((total, usize::from(shown.height)))
}

/// Scroll keys; Esc goes back.
pub fn update(app: &mut App, intent: Intent) -> Vec<Cmd> {
    if intent == Intent::Back {
        app.screen = app.safety.warnings_return;
        return Vec::new();
    }
    let Some((total, visible)) = extent(app) else {
        return Vec::new();
    };
    // The first line shown moves like a list cursor over every offset
    // that can be shown first, a page being the lines on screen but one.
    let offsets = warnings::max_scroll(total, visible) + 1;
    let page = isize::try_from(visible.saturating_sub(1).max(1)).unwrap_or(isize::MAX);
    let mut first = ListCursor::at(app.safety.scroll);
    match intent {
        Intent::PageUp => first.page(-page, offsets),
        Intent::PageDown | Intent::Next => first.page(page, offsets),
        other => {
            list::step(&mut first, other, offsets);
        }
    }
    app.safety.scroll = first.index();
    Vec::new()
}

/// The view drew a new layout: keep the offset in range, and record a
/// review the first time in a visit that the last line was on screen.
pub fn drawn(app: &mut App, now: Now) -> Vec<Cmd> {
    if app.screen != Screen::Warnings {
        return Vec::new();
    }
    if let Some((total, visible)) = extent(app) {
        app.safety.scroll = app.safety.scroll.min(warnings::max_scroll(total, visible));
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
