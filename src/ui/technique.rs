//! A self-release technique: the exercise card, with the rules of every
//! technique shown beneath it whatever the content says, and the hurt key.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Paragraph};

use super::card;
use super::lines::{self, wrap_hanging};
use super::theme::Theme;
use crate::app::App;

/// The rules shown on every technique card, whatever its content says.
/// Short enough to fit one line each from 60 columns up.
pub const RULES: [&str; 3] = [
    "Gentle motion only: never forceful or sudden.",
    "Never chase the pop: let it come on its own, or not.",
    "Stop signs: pain, less motion, numbness, tingling → x",
];

/// Draws the card and, beneath it, the rules box.
pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let inner = usize::from(area.width.saturating_sub(4)).max(1);
    let lines: Vec<Line> = RULES
        .iter()
        .flat_map(|rule| {
            let rule = Line::styled(*rule, theme.text());
            wrap_hanging(Span::styled("! ", theme.text()), &rule, inner)
        })
        .collect();
    let needed = lines::height(&lines).saturating_add(2);
    let [card_area, rules_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(needed)]).areas(area);
    card::render(app, frame, card_area, theme);
    let block = Block::bordered()
        .padding(Padding::horizontal(1))
        .title(Span::styled(" ! Rules for every release ", theme.warning()));
    frame.render_widget(Paragraph::new(lines).block(block), rules_area);
}
