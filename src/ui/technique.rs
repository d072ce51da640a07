//! A self-release technique: the exercise card, with the rules of every
//! technique shown beneath it whatever the content says, and the hurt key.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Paragraph};

use super::card;
use super::lines::{self, wrap_hanging};
use super::report::Part;
use super::theme::Theme;
use crate::app::App;

/// The rules shown on every technique card, whatever its content says.
/// Short enough to fit one line each from 60 columns up.
pub const RULES: [&str; 3] = [
    "Gentle motion only: never forceful or sudden.",
    "Never chase the pop: let it come on its own, or not.",
    "Stop signs: pain, less motion, numbness, tingling → !",
];

/// What the rules are called.
const TITLE: &str = "! Rules for every release";

/// Draws the card and, beneath it, the rules box; in a small terminal the
/// rules are part of the card's text, after the steps.
pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: Theme) -> Part {
    let rule_lines = |lead: &'static str, width: usize| -> Vec<Line<'static>> {
        RULES
            .iter()
            .flat_map(|rule| {
                let rule = Line::styled(*rule, theme.text());
                wrap_hanging(Span::styled(lead, theme.text()), &rule, width)
            })
            .collect()
    };
    if super::compact(area) {
        // The card's text is one cell narrower than the screen (its
        // scrollbar's column).
        let mut rules = vec![Line::styled(format!(" {TITLE}"), theme.warning())];
        rules.extend(rule_lines(" ! ", usize::from(area.width.saturating_sub(1))));
        return card::render_with(app, rules, frame, area, theme);
    }
    let inner = usize::from(area.width.saturating_sub(4)).max(1);
    let lines = rule_lines("! ", inner);
    let needed = lines::height(&lines).saturating_add(2);
    let [card_area, rules_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(needed)]).areas(area);
    let part = card::render(app, frame, card_area, theme);
    let block = Block::bordered()
        .padding(Padding::horizontal(1))
        .title(Span::styled(format!(" {TITLE} "), theme.warning()));
    frame.render_widget(Paragraph::new(lines).block(block), rules_area);
    part
}
