//! Update handlers of the safety warnings review: scrolling, and recording
//! a review once the end has been on screen.

use super::{App, Cmd, Msg, Now, Screen};
use crate::domain::record::Record;
use crate::domain::warnings;
use crate::ui::{MIN_HEIGHT, MIN_WIDTH, status};

/// Opens the review at the top; Esc returns to `from`.
pub fn open(app: &mut App, from: Screen, now: Now) -> Vec<Cmd> {
    app.safety.warnings_return = from;
    app.safety.scroll = 0;
    app.safety.reviewed_this_visit = false;
    app.screen = Screen::Warnings;
    reached_end(app, now)
}

/// (total lines, visible lines) at the current terminal size.
fn extent(app: &App) -> (usize, usize) {
    let (width, height) = app.safety.viewport;
    let notice = app
        .notice
        .as_ref()
        .map_or(0, |n| status::notice_height(n, width));
    let (text_width, visible) = warnings::page(width, height, notice);
    let total = warnings::document(&app.content, text_width).len();
    (total, visible)
}

/// Scroll keys; Esc goes back.
pub fn update(app: &mut App, msg: Msg, now: Now) -> Vec<Cmd> {
    let (total, visible) = extent(app);
    let max = warnings::max_scroll(total, visible);
    let page = visible.saturating_sub(1).max(1);
    let scroll = &mut app.safety.scroll;
    match msg {
        Msg::Up => *scroll = scroll.saturating_sub(1),
        Msg::Down => *scroll = (*scroll + 1).min(max),
        Msg::PageUp => *scroll = scroll.saturating_sub(page),
        Msg::PageDown | Msg::Next => *scroll = (*scroll + page).min(max),
        Msg::First => *scroll = 0,
        Msg::Last => *scroll = max,
        Msg::Back => {
            app.screen = app.safety.warnings_return;
            return Vec::new();
        }
        _ => {}
    }
    reached_end(app, now)
}

/// After a resize: keep the offset in range and check for the end.
pub fn resized(app: &mut App, now: Now) -> Vec<Cmd> {
    if app.screen != Screen::Warnings {
        return Vec::new();
    }
    let (total, visible) = extent(app);
    app.safety.scroll = app.safety.scroll.min(warnings::max_scroll(total, visible));
    reached_end(app, now)
}

/// Records a review the first time in a visit that the last line is on
/// screen (never while the terminal is too small to show the text).
fn reached_end(app: &mut App, now: Now) -> Vec<Cmd> {
    let (width, height) = app.safety.viewport;
    if app.safety.reviewed_this_visit || width < MIN_WIDTH || height < MIN_HEIGHT {
        return Vec::new();
    }
    let (total, visible) = extent(app);
    if visible == 0 || app.safety.scroll + visible < total {
        return Vec::new();
    }
    let at = now.wall.fixed_offset();
    app.safety.reviewed_this_visit = true;
    app.safety.last_review = Some(at);
    vec![Cmd::Append(Record::WarningsReviewed { at })]
}
