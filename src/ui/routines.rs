//! The routine picker and the routine preview.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, ListItem, Padding, Paragraph, Row, Table};

use super::lines::{self, paragraph, wrap_hanging, wrap_lines};
use super::list_view::ListView;
use super::report::Part;
use super::scroll_text::{self, Place, ScrollText};
use super::theme::Theme;
use crate::app::{App, Shown, selected_plan};
use crate::domain::plan::Plan;
use crate::text::display_width;
use crate::time::words::{about_minutes, clock};

fn bell_line(app: &App, compact: bool, theme: Theme) -> Line<'static> {
    let state = if app.settings.session_bell {
        "on"
    } else {
        "off"
    };
    let what = if compact {
        " Bell: "
    } else {
        " Bell at each change: "
    };
    Line::from(vec![
        Span::styled(what, theme.dim()),
        Span::styled(state, theme.current()),
        Span::styled("  (b turns it ", theme.dim()),
        Span::styled(
            if app.settings.session_bell {
                "off"
            } else {
                "on"
            },
            theme.dim(),
        ),
        Span::styled(")", theme.dim()),
    ])
}

/// Draws the list of routines with each one's estimated length.
pub fn render_picker(app: &App, frame: &mut Frame, area: Rect, theme: Theme) -> Part {
    let compact = super::compact(area);
    let plans: Vec<Plan> = app
        .content
        .routines
        .iter()
        .map(|r| Plan::build(r, &app.content))
        .collect();
    let items: Vec<ListItem> = app
        .content
        .routines
        .iter()
        .zip(&plans)
        .map(|(routine, plan)| {
            let count = plan.exercises.len();
            let about = if compact {
                // "about 5 min" in a few cells.
                format!("  {} min", ((plan.estimated().as_secs() + 30) / 60).max(1))
            } else {
                format!(
                    "  {} · {}",
                    about_minutes(plan.estimated()),
                    crate::text::counted(count, "exercise")
                )
            };
            ListItem::new(Line::from(vec![
                Span::styled(routine.name.clone(), theme.current()),
                Span::styled(about, theme.dim()),
            ]))
        })
        .collect();
    let borders = if compact { 0 } else { 2 };
    let list_height = u16::try_from(items.len() + borders).unwrap_or(u16::MAX);
    let [list_area, about, bell] = Layout::vertical([
        Constraint::Max(list_height),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let selected = app.routine_selected.index();
    let title = (!compact).then(|| Span::styled(" Choose a routine ", theme.title()));
    let view = ListView {
        items,
        selected,
        click_opens: true,
    };
    let rows = view.render(title, frame, list_area, theme);
    if let Some(routine) = app.content.routines.get(selected) {
        let mut text = Vec::new();
        if !compact {
            text.push(Line::default());
        }
        text.push(Line::from(Span::styled(
            format!(" {}", routine.summary),
            theme.text(),
        )));
        frame.render_widget(paragraph(&text, about.width), about);
    } else {
        frame.render_widget(
            Paragraph::new(" No routines in the content. Add one to a content file.")
                .style(theme.dim()),
            about,
        );
    }
    frame.render_widget(bell_line(app, compact, theme), bell);
    Part::list(rows)
}

/// Draws the selected routine's exercises, doses and estimated length: a
/// table where it fits, else one scrolling text.
pub fn render_preview(app: &App, frame: &mut Frame, area: Rect, theme: Theme) -> Part {
    let Some(plan) = selected_plan(app) else {
        return Part::default();
    };
    let summary = app
        .content
        .routines
        .get(app.routine_selected.index())
        .map(|r| r.summary.clone())
        .unwrap_or_default();
    let compact = super::compact(area);
    let mut head_text = vec![
        Line::from(vec![
            Span::styled(format!(" {}", plan.routine_name), theme.title()),
            Span::styled(
                format!(
                    "  estimated {} ({})",
                    clock(plan.estimated()),
                    about_minutes(plan.estimated())
                ),
                theme.current(),
            ),
        ]),
        Line::from(Span::styled(format!(" {summary}"), theme.dim())),
    ];
    if !compact {
        head_text.push(Line::default());
    }
    let [body, bell] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    frame.render_widget(bell_line(app, compact, theme), bell);
    let wrapped = wrap_lines(&head_text, usize::from(area.width));
    let table_height = plan.exercises.len() + 2;
    if compact || usize::from(lines::height(&wrapped)) + table_height > usize::from(body.height) {
        return Part::text(render_preview_text(
            &plan, head_text, app, frame, body, theme,
        ));
    }
    let head_text = wrapped;
    let [head, table_area] = Layout::vertical([
        Constraint::Length(lines::height(&head_text)),
        Constraint::Fill(1),
    ])
    .areas(body);
    frame.render_widget(Paragraph::new(head_text), head);
    let rows: Vec<Row> = plan
        .exercises
        .iter()
        .enumerate()
        .map(|(i, e)| {
            Row::new(vec![
                Span::styled(format!("{}.", i + 1), theme.dim()),
                Span::styled(e.name.clone(), theme.current()),
                Span::styled(e.position.label(), theme.dim()),
                Span::styled(e.dose_short(), theme.text()),
            ])
        })
        .collect();
    let widest = |widths: &mut dyn Iterator<Item = usize>| {
        u16::try_from(widths.max().unwrap_or(0)).unwrap_or(u16::MAX)
    };
    let position_width = widest(
        &mut plan
            .exercises
            .iter()
            .map(|e| display_width(e.position.label())),
    );
    let dose_width = widest(
        &mut plan
            .exercises
            .iter()
            .map(|e| display_width(&e.dose_short())),
    );
    let table = Table::new(
        rows,
        [
            Constraint::Length(3),
            Constraint::Fill(1),
            Constraint::Length(position_width),
            Constraint::Length(dose_width),
        ],
    )
    .block(
        Block::bordered()
            .padding(Padding::horizontal(1))
            .title(Span::styled(" Exercises ", theme.title())),
    );
    frame.render_widget(table, table_area);
    Part::default()
}

/// The preview as one text: the head, then one entry per exercise with its
/// position and dose under its name.
fn render_preview_text(
    plan: &Plan,
    head: Vec<Line<'static>>,
    app: &App,
    frame: &mut Frame,
    area: Rect,
    theme: Theme,
) -> Shown {
    let place = Place::plain(area);
    let width = usize::from(place.text.width);
    let mut lines = wrap_lines(&head, width);
    for (i, e) in plan.exercises.iter().enumerate() {
        let lead = Span::styled(format!(" {}. ", i + 1), theme.dim());
        let body = Line::from(vec![
            Span::styled(e.name.clone(), theme.current()),
            Span::styled(format!(" · {}", e.dose_short()), theme.text()),
            Span::styled(format!(" · {}", e.position.label()), theme.dim()),
        ]);
        lines.extend(wrap_hanging(lead, &body, width));
    }
    scroll_text::render(ScrollText::new(lines), app.scroll, frame, place, theme)
}
