//! The safety checklist: every question with its answer (or "?"), the
//! current one highlighted, and what a "yes" to it would do.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState, Padding};

use super::lines::{self, wrap_hanging, wrap_lines};
use super::report::{self, Part};
use super::scroll_text::{self, Place, ScrollText};
use super::theme::Theme;
use crate::app::App;
use crate::content::model::{ChecklistItem, Locks};

/// Draws the form: the questions (the current one whole, however small the
/// terminal), and what a yes to the current one does, which scrolls when
/// it does not fit.
pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: Theme) -> Part {
    let form = &app.safety.form;
    let items = &app.content.checklist;
    let compact = super::compact(area);
    let borders: u16 = if compact { 0 } else { 2 };
    let answered = Span::styled(
        format!("{} of {} answered", form.answered(), items.len()),
        theme.current(),
    );
    let head = if compact {
        vec![Line::from(vec![
            Span::styled(
                format!(
                    " Question {} of {} · ",
                    form.cursor.index() + 1,
                    items.len()
                ),
                theme.title(),
            ),
            answered,
        ])]
    } else {
        vec![
            Line::from(Span::styled(
                " Answer every question honestly before any self-release technique opens.",
                theme.text(),
            )),
            Line::from(vec![
                Span::styled(" y", theme.key()),
                Span::styled(" yes  ", theme.dim()),
                Span::styled("n", theme.key()),
                Span::styled(" no  ·  nothing is pre-filled  ·  ", theme.dim()),
                answered,
            ]),
        ]
    };
    let head = wrap_lines(&head, usize::from(area.width));

    // Inside the borders (or the scrollbar's column) and the "▶ " marker.
    let width = usize::from(area.width.saturating_sub(if compact { 3 } else { 6 }));
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
    let heights: Vec<usize> = rows.iter().map(ListItem::height).collect();
    // The detail's text width: inside the borders and the padding, or
    // beside the scrollbar's column.
    let detail_width = area.width.saturating_sub(if compact { 2 } else { 4 });
    let mut detail = Vec::new();
    if let Some(item) = items.get(form.cursor.index()) {
        if compact {
            detail.push(Line::styled("If the answer is yes:", theme.title()));
        }
        detail.extend(detail_lines(item, theme));
    }
    let detail = wrap_lines(&detail, usize::from(detail_width));
    // The list keeps room for the whole current question; then the detail
    // (at least three rows); on a short screen the intro gives way first.
    let current_height = heights.get(form.cursor.index()).copied().unwrap_or(1);
    let list_min = u16::try_from(current_height)
        .unwrap_or(u16::MAX)
        .saturating_add(borders);
    let detail_full = lines::height(&detail).saturating_add(borders);
    let room = area.height.saturating_sub(list_min);
    let head_height = lines::height(&head).min(room.saturating_sub(detail_full.min(3)));
    let detail_height = detail_full.min(room.saturating_sub(head_height));
    let [head_area, list_area, detail_area] = Layout::vertical([
        Constraint::Length(head_height),
        Constraint::Fill(1),
        Constraint::Length(detail_height),
    ])
    .areas(area);
    frame.render_widget(ratatui::widgets::Paragraph::new(head), head_area);
    let mut list = List::new(rows)
        .highlight_style(theme.selected())
        .highlight_symbol("▶ ");
    let inner = if compact {
        list_area
    } else {
        let block = Block::bordered().title(Span::styled(
            format!(" Question {} of {} ", form.cursor.index() + 1, items.len()),
            theme.title(),
        ));
        let inner = block.inner(list_area);
        list = list.block(block);
        inner
    };
    let mut state = ListState::default().with_selected(Some(form.cursor.index()));
    frame.render_stateful_widget(list, list_area, &mut state);
    // A click picks a question; only y and n answer it.
    let picked = report::list_rows(inner, &heights, state.offset(), None);

    let text = ScrollText::new(detail);
    let place = if compact {
        Place::plain(super::indent(detail_area))
    } else {
        let block = Block::bordered()
            .padding(Padding::horizontal(1))
            .title(Span::styled(" If the answer is yes ", theme.title()));
        Place::boxed(block, frame, detail_area)
    };
    let shown = scroll_text::render(text, app.scroll, frame, place, theme);
    Part {
        text: Some(shown),
        list: Some(picked),
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
