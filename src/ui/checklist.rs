//! The safety checklist: every question with its answer (or "?"), the
//! current one highlighted, and what a "yes" to it would do.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState, Padding, Paragraph};

use super::lines::{self, wrap_hanging, wrap_lines};
use super::theme::Theme;
use crate::app::App;
use crate::content::model::{ChecklistItem, Locks};

/// Draws the form.
pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let form = &app.safety.form;
    let items = &app.content.checklist;
    // Two borders and a cell of padding each side.
    let detail_width = usize::from(area.width.saturating_sub(4));
    let detail = items
        .get(form.cursor.index())
        .map(|item| wrap_lines(&detail_lines(item, theme), detail_width));
    let detail_height = detail
        .as_ref()
        .map_or(0, |lines| lines::height(lines).saturating_add(2));
    let intro_text = vec![
        Line::from(Span::styled(
            " Answer every question honestly before any self-release technique opens.",
            theme.text(),
        )),
        Line::from(vec![
            Span::styled(" y", theme.key()),
            Span::styled(" yes  ", theme.dim()),
            Span::styled("n", theme.key()),
            Span::styled(" no  ·  nothing is pre-filled  ·  ", theme.dim()),
            Span::styled(
                format!("{} of {} answered", form.answered(), items.len()),
                theme.current(),
            ),
        ]),
    ];
    let intro_text = wrap_lines(&intro_text, usize::from(area.width));

    // Inside the borders and the "▶ " marker, with two cells to spare.
    let width = usize::from(area.width.saturating_sub(6));
    let rows: Vec<ListItem> = items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let answer = form.answers.get(i).copied().flatten();
            let (tag, style) = match answer {
                Some(true) => ("[yes]", theme.warning()),
                Some(false) => ("[ no]", theme.dim()),
                None => ("[ ? ]", theme.key()),
            };
            let question = Line::styled(item.question.as_str(), theme.text());
            let lead = Span::styled(format!("{tag} "), style);
            ListItem::new(wrap_hanging(lead, &question, width))
        })
        .collect();
    // The list keeps room for the whole current question; on a short
    // screen the intro's last lines give way.
    let current_height = rows.get(form.cursor.index()).map_or(1, ListItem::height);
    let list_height = u16::try_from(current_height + 2).unwrap_or(u16::MAX);
    let room = area.height.saturating_sub(detail_height + list_height);
    let [intro, list_area, detail_area] = Layout::vertical([
        Constraint::Length(lines::height(&intro_text).min(room)),
        Constraint::Min(list_height),
        Constraint::Length(detail_height),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(intro_text), intro);
    let list = List::new(rows)
        .block(Block::bordered().title(Span::styled(
            format!(" Question {} of {} ", form.cursor.index() + 1, items.len()),
            theme.title(),
        )))
        .highlight_style(theme.selected())
        .highlight_symbol("▶ ");
    let mut state = ListState::default().with_selected(Some(form.cursor.index()));
    frame.render_stateful_widget(list, list_area, &mut state);

    if let Some(lines) = detail {
        let block = Block::bordered()
            .padding(Padding::horizontal(1))
            .title(Span::styled(" If the answer is yes ", theme.title()));
        frame.render_widget(Paragraph::new(lines).block(block), detail_area);
    }
}

fn locks_text(item: &ChecklistItem) -> String {
    match &item.locks {
        Locks::All => "every self-release technique".to_owned(),
        Locks::Tagged(tag) => format!("only the techniques tagged #{tag}"),
    }
}

const URGENT: &str = "! URGENT: a yes needs prompt medical attention";

/// What a "yes" to this question does: data from the checklist item.
fn detail_lines(item: &ChecklistItem, theme: Theme) -> Vec<Line<'_>> {
    let locks = locks_text(item);
    let mut lines = Vec::new();
    if item.urgent {
        lines.push(Line::from(Span::styled(URGENT, theme.urgent())));
    }
    lines.extend([
        Line::from(vec![
            Span::styled("A yes locks ", theme.dim()),
            Span::styled(locks, theme.current()),
        ]),
        Line::from(Span::styled(item.why.as_str(), theme.text())),
        Line::from(vec![
            Span::styled("Who to see: ", theme.dim()),
            Span::styled(item.see.as_str(), theme.text()),
        ]),
    ]);
    lines
}
