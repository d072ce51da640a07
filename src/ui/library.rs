//! The exercise library: a filterable table and a preview of the selection.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Padding, Paragraph, Row, Table, TableState};

use super::lines::paragraph_in;
use super::theme::Theme;
use crate::app::App;

/// From this width on, the preview sits beside the table.
const WIDE: u16 = 100;
const PREVIEW_WIDTH: u16 = 38;
/// Below this width the table's Dose column is cut off.
const NARROW: u16 = 68;

/// Draws the table of exercises that pass the filters, and a preview.
pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let visible = app.library.visible(&app.content);
    let wide = area.width >= WIDE;
    let [table_area, preview_area] = if wide {
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(PREVIEW_WIDTH)]).areas(area)
    } else {
        Layout::vertical([Constraint::Fill(1), Constraint::Length(6)]).areas(area)
    };
    let title = format!(
        " Exercises · filter: {} · {} of {} ",
        app.library.filter_label(),
        visible.len(),
        app.content.exercises.len()
    );
    let block = Block::bordered()
        .padding(Padding::horizontal(1))
        .title(Span::styled(title, theme.title()))
        .title_bottom(super::release::library_hint(theme));
    if visible.is_empty() {
        let empty = Paragraph::new("No exercise matches these filters. Press x to clear them.")
            .style(theme.dim())
            .block(block);
        frame.render_widget(empty, table_area);
        return;
    }
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
    let mut state = TableState::default().with_selected(Some(app.library.selected.index()));
    frame.render_stateful_widget(table, table_area, &mut state);

    if let Some(exercise) = visible.get(app.library.selected.index()) {
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
        if !exercise.tags.is_empty() {
            let tags: Vec<String> = exercise.tags.iter().map(|t| format!("#{t}")).collect();
            lines.push(Line::from(Span::styled(tags.join(" "), theme.dim())));
        }
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
}
