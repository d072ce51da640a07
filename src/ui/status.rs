//! The bottom status line (key hints) and the notice line above it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::theme::Theme;
use crate::app::App;
use crate::keys;
use crate::text::wrap_words;

/// Draws the hints of the current screen, then "? help".
pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let mut spans = vec![Span::raw(" ")];
    let hinted = keys::bindings(app)
        .iter()
        .chain(
            keys::GLOBAL
                .iter()
                .filter(|_| !app.help_open && !app.reminder.showing),
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

/// Lines a notice needs at this width (at most 3).
pub fn notice_height(text: &str, width: u16) -> u16 {
    let lines = wrap_words(&format!("! {text}"), usize::from(width.saturating_sub(2))).len();
    u16::try_from(lines.min(3)).unwrap_or(3)
}

/// Draws a notice, marked with "!" so it does not rely on colour.
pub fn render_notice(text: &str, frame: &mut Frame, area: Rect, theme: Theme) {
    frame.render_widget(
        Paragraph::new(format!(" ! {text}"))
            .style(theme.warning())
            .wrap(Wrap { trim: false }),
        area,
    );
}
