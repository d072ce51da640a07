//! The terminal is smaller than any screen's layout: what still shows.
//! A pack on the skin (or its alert) shows its countdown, a due stand-up
//! its question, a guided session its countdown, each in a few short lines
//! down to one; anything else asks for a bigger terminal.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::theme::Theme;
use super::{session_compact, standup, therapy, too_small};
use crate::app::{App, Drawn};

/// Draws what fits; reports only whether the alert is readable.
pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: Theme) -> Drawn {
    // The alarm shows at any size: a pack on the skin or its alert takes
    // the place of everything else.
    if app.therapy.pack_on() {
        return Drawn {
            alert_shown: therapy::compact::render(app, frame, area, theme),
            ..Drawn::default()
        };
    }
    if app.reminder.showing {
        standup::render_tiny(app, frame, area, theme);
    } else if !session_compact::render_tiny(app, frame, area, theme) {
        too_small::render(frame, area, theme);
    }
    Drawn::default()
}
