//! The home screen: what the coach can do.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState, Padding, Paragraph, Wrap};

use super::theme::Theme;
use crate::app::{App, HomeEntry};

/// Draws the menu and a one-line reminder of what the coach is not.
pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let items: Vec<ListItem> = HomeEntry::ALL
        .iter()
        .map(|entry| {
            ListItem::new(vec![
                Line::from(Span::styled(entry.label(), theme.current())),
                Line::from(Span::styled(
                    format!("  {}", entry.description()),
                    theme.dim(),
                )),
            ])
        })
        .collect();
    let menu_height = u16::try_from(HomeEntry::ALL.len() * 2 + 2).unwrap_or(u16::MAX);
    let [menu, about] =
        Layout::vertical([Constraint::Length(menu_height), Constraint::Fill(1)]).areas(area);
    let list = List::new(items)
        .block(
            Block::bordered()
                .padding(Padding::horizontal(1))
                .title(Span::styled(" What would you like to do? ", theme.title())),
        )
        .highlight_style(theme.selected())
        .highlight_symbol("▶ ");
    let mut state = ListState::default().with_selected(Some(app.home_selected));
    frame.render_stateful_widget(list, menu, &mut state);
    let about_text = vec![
        Line::default(),
        Line::from(Span::styled(
            "Gentle stretches for a stiff lower back, one clear step at a time.",
            theme.text(),
        )),
        Line::from(Span::styled(
            "backcoach is a coach, not a diagnosis: for pain that persists, numbness, \
             tingling or weakness, see a physician or physical therapist.",
            theme.dim(),
        )),
    ];
    let about = about.inner(Margin::new(1, 0));
    frame.render_widget(Paragraph::new(about_text).wrap(Wrap { trim: true }), about);
}
