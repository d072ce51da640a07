//! The one-time statement that this is a coach, not a diagnosis.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Padding, Paragraph, Wrap};

use super::theme::Theme;
use crate::app::App;
use crate::text::wrap_words;

/// Id of the warning section holding the statement.
pub const SECTION: &str = "coach_not_diagnosis";

/// Draws the statement from content in a centred box.
pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let mut lines = Vec::new();
    if let Some(section) = app.content.warning(SECTION) {
        lines.push(Line::from(Span::styled(
            section.intro.as_str(),
            theme.text(),
        )));
        for item in &section.items {
            lines.push(Line::default());
            lines.push(Line::from(vec![
                Span::styled(format!("{}: ", item.title), theme.current()),
                Span::styled(item.text.as_str(), theme.text()),
            ]));
        }
    }
    lines.push(Line::default());
    lines.push(Line::from(vec![
        Span::styled("Press ", theme.dim()),
        Span::styled("Enter", theme.key()),
        Span::styled(" to continue, ", theme.dim()),
        Span::styled("q", theme.key()),
        Span::styled(" to quit. This shows only once.", theme.dim()),
    ]));
    let width = area.width.min(70);
    let text_width = usize::from(width.saturating_sub(4));
    let text_height: usize = lines
        .iter()
        .map(|line| wrap_words(&line.to_string(), text_width).len())
        .sum();
    let height = u16::try_from(text_height + 2).unwrap_or(u16::MAX);
    let popup = area.centered(Constraint::Length(width), Constraint::Max(height));
    let block = Block::bordered()
        .padding(Padding::horizontal(1))
        .title(Span::styled(" A coach, not a diagnosis ", theme.title()));
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }).block(block),
        popup,
    );
}
