//! The exercise library: a filterable table and a preview of the selection;
//! in a small terminal, a list of names with the selection's details under
//! it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, ListItem, Padding, Paragraph, Row, Table, TableState};

use super::lines::{paragraph, paragraph_in, wrap_lines};
use super::list_view::ListView;
use super::report::{self, Part};
use super::theme::Theme;
use crate::app::App;
use crate::content::model::Exercise;

/// From this width on, the preview sits beside the table.
const WIDE: u16 = 100;
const PREVIEW_WIDTH: u16 = 38;
/// Below this width the table's Dose column is cut off.
const NARROW: u16 = 68;
/// What an empty list says.
const NO_MATCH: &str = "No exercise matches these filters. Press c to clear them.";

/// Draws the table of exercises that pass the filters, and a preview.
pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: Theme) -> Part {
    if super::compact(area) {
        return render_compact(app, frame, area, theme);
    }
    let visible = app.library.visible(&app.content);
    let wide = area.width >= WIDE;
    let [table_area, preview_area] = if wide {
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(PREVIEW_WIDTH)]).areas(area)
    } else {
        Layout::vertical([Constraint::Fill(1), Constraint::Length(6)]).areas(area)
    };
    let block = Block::bordered()
        .padding(Padding::horizontal(1))
        .title(Span::styled(title(app, visible.len()), theme.title()))
        .title_bottom(super::release::library_hint(theme));
    if visible.is_empty() {
        let empty = Paragraph::new(NO_MATCH).style(theme.dim()).block(block);
        frame.render_widget(empty, table_area);
        return Part::default();
    }
    let inner = block.inner(table_area);
    let rows = visible.iter().map(|e| {
        Row::new(vec![
            Cell::from(e.name.as_str()),
            Cell::from(e.position.label()),
            Cell::from(e.dose.short()),
        ])
    });
    let table = Table::new(
        rows,
        [
            Constraint::Length(24),
            Constraint::Length(21),
            Constraint::Fill(1),
        ],
    )
    .header(Row::new(vec!["Exercise", "Position", "Dose"]).style(theme.title()))
    .block(block)
    .row_highlight_style(theme.selected())
    .highlight_symbol("▶ ");
    let selected = app.library.selected.index();
    let mut state = TableState::default().with_selected(Some(selected));
    frame.render_stateful_widget(table, table_area, &mut state);
    // The rows start under the header row.
    let body = Rect {
        y: inner.y.saturating_add(1),
        height: inner.height.saturating_sub(1),
        ..inner
    };
    let list = report::list_rows(
        body,
        &vec![1; visible.len()],
        state.offset(),
        Some(selected),
    );

    if let Some(exercise) = visible.get(selected) {
        let mut lines = vec![Line::from(Span::styled(
            exercise.summary.as_str(),
            theme.text(),
        ))];
        if area.width < NARROW {
            // The table has no room for its Dose column here.
            lines.push(Line::from(Span::styled(
                exercise.dose.short(),
                theme.current(),
            )));
        }
        lines.extend(tags_line(exercise, theme));
        if wide {
            // Room to spare: the dose and cautions too, before opening the card.
            lines.push(Line::default());
            lines.push(Line::from(Span::styled(
                exercise.dose.summary(),
                theme.current(),
            )));
            for caution in &exercise.cautions {
                lines.push(Line::default());
                lines.push(Line::from(vec![
                    Span::styled("! ", theme.text()),
                    Span::styled(caution.as_str(), theme.text()),
                ]));
            }
        }
        let block = Block::bordered()
            .padding(Padding::horizontal(1))
            .title(Span::styled(format!(" {} ", exercise.name), theme.title()));
        let preview = paragraph_in(&lines, block, preview_area);
        frame.render_widget(preview, preview_area);
    }
    Part::list(list)
}

fn title(app: &App, shown: usize) -> String {
    format!(
        " Exercises · filter: {} · {} of {} ",
        app.library.filter_label(),
        shown,
        app.content.exercises.len()
    )
}

fn tags_line(exercise: &Exercise, theme: Theme) -> Option<Line<'static>> {
    if exercise.tags.is_empty() {
        return None;
    }
    let tags: Vec<String> = exercise.tags.iter().map(|t| format!("#{t}")).collect();
    Some(Line::from(Span::styled(tags.join(" "), theme.dim())))
}

/// The filter on one line, the names as a list, and under it the
/// selection's position, dose and summary as far as they fit.
fn render_compact(app: &App, frame: &mut Frame, area: Rect, theme: Theme) -> Part {
    let visible = app.library.visible(&app.content);
    let head = Line::from(Span::styled(title(app, visible.len()), theme.title()));
    let head = wrap_lines(&[head], usize::from(area.width));
    if visible.is_empty() {
        let mut text = head;
        text.push(Line::styled(format!(" {NO_MATCH}"), theme.dim()));
        frame.render_widget(paragraph(&text, area.width), area);
        return Part::default();
    }
    let selected = app.library.selected.index();
    let details = visible.get(selected).map_or_else(Vec::new, |exercise| {
        let mut lines = vec![Line::from(vec![
            Span::styled(exercise.position.label(), theme.dim()),
            Span::styled(" · ", theme.dim()),
            Span::styled(exercise.dose.short(), theme.current()),
        ])];
        lines.push(Line::styled(exercise.summary.clone(), theme.text()));
        lines.extend(tags_line(exercise, theme));
        wrap_lines(&lines, usize::from(area.width.saturating_sub(1)))
    });
    // The list keeps at least three rows (or all of it), the details at
    // least their first line.
    let names = u16::try_from(visible.len()).unwrap_or(u16::MAX);
    let head_height = super::lines::height(&head).min(1);
    let room = area.height.saturating_sub(head_height);
    let list_height = names.min(room.saturating_sub(1).max(3.min(room)));
    let [head_area, list_area, details_area] = Layout::vertical([
        Constraint::Length(head_height),
        Constraint::Length(list_height),
        Constraint::Fill(1),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(head), head_area);
    let items: Vec<ListItem> = visible
        .iter()
        .map(|e| ListItem::new(Line::styled(e.name.clone(), theme.text())))
        .collect();
    let view = ListView {
        items,
        selected,
        click_opens: true,
    };
    let rows = view.render(None, frame, list_area, theme);
    frame.render_widget(Paragraph::new(details), super::indent(details_area));
    Part::list(rows)
}
