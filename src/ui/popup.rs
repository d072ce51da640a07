//! A centred, bordered box of wrapped text, sized to fit its lines.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Padding, Paragraph, Wrap};

use crate::text::wrap_words;

/// Draws `lines` in a box at most `max_width` wide, centred in `area`.
pub fn render(
    frame: &mut Frame,
    area: Rect,
    title: Span<'_>,
    lines: Vec<Line<'_>>,
    max_width: u16,
) {
    let width = area.width.min(max_width);
    let text_width = usize::from(width.saturating_sub(4)).max(1);
    let text_height: usize = lines
        .iter()
        .map(|line| wrap_words(&line.to_string(), text_width).len())
        .sum();
    let height = u16::try_from(text_height + 2).unwrap_or(u16::MAX);
    let popup = area.centered(Constraint::Length(width), Constraint::Max(height));
    let block = Block::bordered()
        .padding(Padding::horizontal(1))
        .title(title);
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }).block(block),
        popup,
    );
}
