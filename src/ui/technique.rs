//! A self-release technique: the exercise card, with the rules of every
//! technique shown beneath it whatever the content says, and the hurt key.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Paragraph, Wrap};

use super::card;
use super::theme::Theme;
use crate::app::App;
use crate::text::wrap_words;

/// The rules shown on every technique card, whatever its content says.
/// Short enough to fit one line each from 60 columns up.
pub const RULES: [&str; 3] = [
    "Gentle motion only: never forceful or sudden.",
    "Never chase the pop: let it come on its own, or not.",
    "Stop signs: pain, less motion, numbness, tingling → x",
];

/// Draws the card and, beneath it, the rules box.
pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let lines: Vec<Line> = RULES
        .iter()
        .map(|rule| Line::from(Span::styled(format!("! {rule}"), theme.text())))
        .collect();
    let inner = usize::from(area.width.saturating_sub(4)).max(1);
    let needed: usize = RULES
        .iter()
        .map(|rule| wrap_words(&format!("! {rule}"), inner).len())
        .sum();
    let needed = u16::try_from(needed + 2).unwrap_or(u16::MAX);
    let [card_area, rules_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(needed)]).areas(area);
    card::render(app, frame, card_area, theme);
    let block = Block::bordered()
        .padding(Padding::horizontal(1))
        .title(Span::styled(" ! Rules for every release ", theme.warning()));
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }).block(block),
        rules_area,
    );
}
