//! The key help overlay: every key of the current screen, then the global ones.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::screen_title;
use super::theme::Theme;
use crate::app::App;
use crate::keys::{self, Binding};

/// Draws the overlay centred over `area`.
pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let screen = keys::current_screen_bindings(app);
    let key_width = screen
        .iter()
        .chain(keys::GLOBAL)
        .map(|b| b.keys.chars().count())
        .max()
        .unwrap_or(0);
    let row = |b: &Binding| {
        Line::from(vec![
            Span::styled(format!(" {:>key_width$}  ", b.keys), theme.key()),
            Span::styled(b.does, theme.text()),
        ])
    };
    let mut lines: Vec<Line> = screen.iter().map(row).collect();
    lines.push(Line::default());
    lines.extend(keys::GLOBAL.iter().map(row));
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let popup = area.centered(Constraint::Max(56), Constraint::Max(height));
    let block = Block::bordered()
        .title(Span::styled(
            format!(" Keys: {} ", screen_title(app.screen)),
            theme.title(),
        ))
        .title_bottom(Line::from(" Esc or ? closes ").right_aligned());
    frame.render_widget(Clear, popup);
    frame.render_widget(Paragraph::new(lines).block(block), popup);
}
