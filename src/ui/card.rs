//! An exercise card: name, position, dose, the steps with the current one
//! prominent, and the cautions.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph};

use super::lines::{self, wrap_hanging, wrap_lines};
use super::scrollbar::{self, Scrolled};
use super::theme::Theme;
use crate::app::App;
use crate::content::model::Exercise;

/// Rows the step list keeps however short the screen: its borders and
/// three lines of steps.
const MIN_STEPS_HEIGHT: u16 = 5;

/// Draws the open card; nothing when no card is open.
pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let Some(card) = &app.card else { return };
    let Some(exercise) = app
        .content
        .exercises
        .iter()
        .chain(&app.content.techniques)
        .find(|e| e.id == card.exercise_id)
    else {
        return;
    };
    let inner_width = usize::from(area.width.saturating_sub(4));
    let header = header_lines(exercise, theme, inner_width);
    let cautions = caution_lines(exercise, theme, inner_width);
    // The cautions take at most a third of the card, and no room at all
    // when that third could not show one line of them.
    let cautions_room = area.height / 3;
    let cautions_height = if cautions.is_empty() || cautions_room < 3 {
        0
    } else {
        lines::height(&cautions)
            .saturating_add(2)
            .min(cautions_room)
    };
    // On a short screen the header's last lines (the dose note, the
    // summary) give way, so the steps keep a few lines; the name stays.
    let room = area
        .height
        .saturating_sub(cautions_height + MIN_STEPS_HEIGHT);
    let header_height = lines::height(&header).min(room.max(1));
    let [head, steps, warn] = Layout::vertical([
        Constraint::Length(header_height),
        Constraint::Fill(1),
        Constraint::Length(cautions_height),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(header), head);
    render_steps(exercise, card.step.index(), frame, steps, theme);
    if !cautions.is_empty() {
        let block = Block::bordered().title(Span::styled(" ! Cautions ", theme.warning()));
        frame.render_widget(Paragraph::new(cautions).block(block), warn);
    }
}

fn header_lines(exercise: &Exercise, theme: Theme, width: usize) -> Vec<Line<'static>> {
    let mut lines = vec![Line::from(vec![
        Span::styled(format!(" {}", exercise.name), theme.title()),
        Span::styled(format!("  ({})", exercise.position.label()), theme.dim()),
    ])];
    lines.push(Line::from(vec![
        Span::styled(" Dose: ", theme.dim()),
        Span::styled(exercise.dose.summary(), theme.current()),
    ]));
    if let Some(note) = &exercise.dose.note {
        lines.push(Line::styled(format!(" {note}"), theme.dim()));
    }
    lines.push(Line::styled(format!(" {}", exercise.summary), theme.text()));
    // The leading space indents every wrapped line.
    wrap_lines(&lines, width + 1)
}

fn caution_lines(exercise: &Exercise, theme: Theme, width: usize) -> Vec<Line<'static>> {
    let mark = Span::styled("! ", theme.text());
    exercise
        .cautions
        .iter()
        .flat_map(|c| wrap_hanging(mark.clone(), &Line::styled(c.as_str(), theme.text()), width))
        .collect()
}

fn render_steps(exercise: &Exercise, current: usize, frame: &mut Frame, area: Rect, theme: Theme) {
    let title = format!(" Step {} of {} ", current + 1, exercise.steps.len());
    render_step_list(&exercise.steps, current, &title, frame, area, theme);
}

/// The numbered steps in a bordered list: the current one bold and marked
/// ▶, the others dim; the list scrolls to keep the current one in view.
pub fn render_step_list(
    steps: &[String],
    current: usize,
    title: &str,
    frame: &mut Frame,
    area: Rect,
    theme: Theme,
) {
    // Inside the two border cells; each step behind its "▶ 1. " lead.
    let width = usize::from(area.width.saturating_sub(2));
    let items: Vec<ListItem> = steps
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let (mark, style) = if i == current {
                ("▶", theme.current())
            } else {
                (" ", theme.dim())
            };
            let lead = Span::styled(format!("{mark} {}. ", i + 1), style);
            ListItem::new(wrap_hanging(
                lead,
                &Line::styled(step.as_str(), style),
                width,
            ))
        })
        .collect();
    let heights: Vec<usize> = items.iter().map(ListItem::height).collect();
    let list = List::new(items)
        .block(Block::bordered().title(Span::styled(title.to_owned(), theme.title())));
    let mut state = ListState::default().with_selected(Some(current));
    frame.render_stateful_widget(list, area, &mut state);
    // The list scrolls by whole steps to keep the current one in view; the
    // scrollbar on its right border says how much is above and below.
    let scrolled = Scrolled {
        total: heights.iter().sum(),
        visible: usize::from(area.height.saturating_sub(2)),
        offset: heights.iter().take(state.offset()).sum(),
    };
    let border = area.inner(Margin::new(0, 1));
    scrollbar::render(scrolled, frame, border, theme);
}
