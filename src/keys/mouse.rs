//! Mouse events to intents, by what the last frame showed where the
//! pointer is (the layout the view reported as data, kept in the app):
//! a click on a list entry selects it, a click on the selected entry opens
//! it (no double-click: a terminal reports no timing worth trusting), a
//! click on a key hint does what its key does, and the wheel scrolls the
//! text under the pointer or moves through the list.

use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};

use crate::app::{App, Intent};

/// Lines one notch of the wheel scrolls a text.
pub const WHEEL_LINES: i16 = 3;

/// Maps a mouse event to an intent; `None` for what means nothing here
/// (a move, a release, a click on nothing).
pub fn map(event: MouseEvent, app: &App) -> Option<Intent> {
    let (x, y) = (event.column, event.row);
    match event.kind {
        MouseEventKind::Down(MouseButton::Left) => click(app, x, y),
        MouseEventKind::ScrollUp => wheel(app, x, y, -1),
        MouseEventKind::ScrollDown => wheel(app, x, y, 1),
        _ => None,
    }
}

fn click(app: &App, x: u16, y: u16) -> Option<Intent> {
    if let Some(hint) = app.hints_shown.iter().find(|h| h.area.contains(x, y)) {
        return Some(hint.intent);
    }
    let list = app.list_shown.as_ref()?;
    let index = list.entry_at(x, y)?;
    Some(if list.opens == Some(index) {
        Intent::Select
    } else {
        Intent::Point(index)
    })
}

/// The wheel: over the list it moves the selection; elsewhere it scrolls
/// the text on screen, when there is text to scroll, else the list.
fn wheel(app: &App, x: u16, y: u16, direction: i16) -> Option<Intent> {
    let list = app.list_shown.as_ref();
    let over_list = list.is_some_and(|l| l.area.contains(x, y));
    let text = app.shown.filter(|s| s.total > s.visible());
    let move_list = || {
        Some(if direction < 0 {
            Intent::Up
        } else {
            Intent::Down
        })
    };
    match (over_list, text, list) {
        (true, _, _) | (false, None, Some(_)) => move_list(),
        (false, Some(_), _) => Some(Intent::Scroll(direction * WHEEL_LINES)),
        (false, None, None) => None,
    }
}
