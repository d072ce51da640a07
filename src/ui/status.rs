//! The bottom status line (key hints) and the notice line above it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::lines::wrap_hanging;
use super::theme::Theme;
use crate::app::App;
use crate::keys;

/// Draws the hints of the current screen, then "? help".
pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let mut spans = vec![Span::raw(" ")];
    let hinted = keys::bindings(app)
        .iter()
        .chain(
            keys::GLOBAL
                .iter()
                .filter(|_| !app.help_open && !app.reminder.showing && app.quit_ask.is_none()),
        )
        .filter(|b| b.hint);
    for (i, binding) in hinted.enumerate() {
        if i > 0 {
            spans.push(Span::styled("  ", theme.dim()));
        }
        spans.push(Span::styled(binding.short, theme.key()));
        spans.push(Span::raw(" "));
        spans.push(Span::styled(binding.does, theme.dim()));
    }
    frame.render_widget(Line::from(spans), area);
}

/// Most lines a notice takes.
const NOTICE_LINES: usize = 3;

/// A notice wrapped to `width`, marked with "!" so it does not rely on
/// colour, its text lined up under itself with a cell free at the right.
fn notice_lines(text: &str, width: u16, theme: Theme) -> Vec<Line<'static>> {
    let style = theme.warning();
    // A notice may quote a path or a file: never raw on the terminal.
    let body = Line::styled(crate::text::safe::shown(text).into_owned(), style);
    let width = usize::from(width.saturating_sub(1));
    wrap_hanging(Span::styled(" ! ", style), &body, width)
}

/// Lines a notice needs at this width (at most 3).
pub fn notice_height(text: &str, width: u16) -> u16 {
    // The height does not depend on colour.
    let lines = notice_lines(text, width, Theme { color: false }).len();
    u16::try_from(lines.min(NOTICE_LINES)).unwrap_or(3)
}

/// Draws a notice as wrapped for [`notice_height`].
pub fn render_notice(text: &str, frame: &mut Frame, area: Rect, theme: Theme) {
    frame.render_widget(Paragraph::new(notice_lines(text, area.width, theme)), area);
}
