//! The key help overlay: every key of the current screen, then the global ones.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::lines::wrap_hanging;
use super::popup::Popup;
use super::screen_title;
use super::theme::Theme;
use crate::app::{App, Shown};
use crate::keys::{self, Binding};
use crate::text::display_width;

/// Widest the help grows.
const WIDTH: u16 = 56;

/// Draws the overlay centred over `area`; its text scrolls where it does
/// not fit.
pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: Theme) -> Shown {
    let screen = keys::current_screen_bindings(app);
    let key_width = screen
        .iter()
        .chain(keys::GLOBAL)
        .map(|b| display_width(b.keys))
        .max()
        .unwrap_or(0);
    let text_width = Popup::text_width(area, WIDTH);
    // Keys right-aligned in a column; what they do wraps under itself.
    let row = |b: &Binding| {
        let pad = " ".repeat(key_width.saturating_sub(display_width(b.keys)));
        let lead = Span::styled(format!("{pad}{}  ", b.keys), theme.key());
        wrap_hanging(lead, &Line::styled(b.does, theme.text()), text_width)
    };
    let mut lines: Vec<Line> = screen.iter().flat_map(row).collect();
    lines.push(Line::default());
    lines.extend(keys::GLOBAL.iter().flat_map(row));
    let what = if app.quit_ask.is_some() {
        "Quit with the pack on?"
    } else if app.reminder.showing {
        "Stand-up reminder"
    } else {
        screen_title(app.screen)
    };
    let title = Span::styled(format!(" Keys: {what} "), theme.title());
    Popup::new(title, lines, WIDTH)
        .bottom_title(Line::from(" Esc or ? closes "))
        .render(frame, area, app.overlay_scroll, theme)
}
