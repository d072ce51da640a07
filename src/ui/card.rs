//! An exercise card: name, position, dose, the steps with the current one
//! prominent (and always brought into view), and the cautions. The
//! cautions stay in view under the rest while they fit in a third of the
//! card; everything else (and the cautions, when they do not fit) is one
//! text that scrolls, marked where it is cut.

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState, Padding, Paragraph};

use super::lines::{self, wrap_hanging, wrap_lines};
use super::report::Part;
use super::scroll_text::{self, Place, ScrollText};
use super::scrollbar::{self, Scrolled};
use super::theme::Theme;
use crate::app::App;
use crate::content::model::Exercise;

/// Draws the open card; nothing when no card is open.
pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: Theme) -> Part {
    render_with(app, Vec::new(), frame, area, theme)
}

/// Draws the open card with `extra` lines (a technique's rules) after its
/// steps.
pub fn render_with(
    app: &App,
    extra: Vec<Line<'static>>,
    frame: &mut Frame,
    area: Rect,
    theme: Theme,
) -> Part {
    let Some(card) = &app.card else {
        return Part::default();
    };
    let Some(exercise) = app
        .content
        .exercises
        .iter()
        .chain(&app.content.techniques)
        .find(|e| e.id == card.exercise_id)
    else {
        return Part::default();
    };
    let current = card.step.index();
    let compact = super::compact(area);
    // The cautions: in their own box (or under a rule in a small
    // terminal), when that fits in a third of the card.
    let borders: u16 = if compact { 0 } else { 2 };
    let caution_width = area.width.saturating_sub(if compact { 2 } else { 4 });
    let cautions = caution_lines(exercise, caution_width, theme);
    let cautions_height = lines::height(&cautions).saturating_add(borders);
    let pinned = !cautions.is_empty() && cautions_height <= area.height / 3;
    let (area, cautions_area) = if pinned {
        let [card, warn] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(cautions_height)])
                .areas(area);
        (card, Some(warn))
    } else {
        (area, None)
    };
    let text = Text {
        exercise,
        current,
        extra,
        cautions: !pinned,
        compact,
    };
    let part = if compact {
        // The name and the step count stay on the top row.
        let [title, area] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
        let step = format!(" · step {} of {}", current + 1, exercise.steps.len());
        frame.render_widget(
            Line::from(vec![
                Span::styled(format!(" {}", exercise.name), theme.title()),
                Span::styled(step, theme.dim()),
            ]),
            title,
        );
        let place = Place::plain(area);
        let card = text.lines(place.text.width, theme);
        Part::text(scroll_text::render(card, app.scroll, frame, place, theme))
    } else {
        // In a box named for the exercise, the step count on its top
        // border, the scrollbar on its right one and the marker on its
        // bottom one.
        let block = Block::bordered()
            .title(Span::styled(
                format!(" {} · {} ", exercise.name, exercise.position.label()),
                theme.title(),
            ))
            .title(
                Line::styled(
                    format!(" Step {} of {} ", current + 1, exercise.steps.len()),
                    theme.title(),
                )
                .right_aligned(),
            );
        let mut place = Place::boxed(block, frame, area);
        // A cell free before the right border.
        place.text.width = place.text.width.saturating_sub(1);
        let card = text.lines(place.text.width, theme);
        Part::text(scroll_text::render(card, app.scroll, frame, place, theme))
    };
    if let Some(warn) = cautions_area {
        if compact {
            frame.render_widget(Paragraph::new(cautions), super::indent(warn));
        } else {
            let block = Block::bordered()
                .padding(Padding::horizontal(1))
                .title(Span::styled(" ! Cautions ", theme.warning()));
            frame.render_widget(Paragraph::new(cautions).block(block), warn);
        }
    }
    part
}

/// Each caution behind a "!", wrapped to `width`.
fn caution_lines(exercise: &Exercise, width: u16, theme: Theme) -> Vec<Line<'static>> {
    let mark = Span::styled("! ", theme.warning());
    exercise
        .cautions
        .iter()
        .flat_map(|c| {
            let caution = Line::styled(c.clone(), theme.text());
            wrap_hanging(mark.clone(), &caution, usize::from(width))
        })
        .collect()
}

/// What the card's scrolling text holds.
struct Text<'a> {
    exercise: &'a Exercise,
    current: usize,
    /// Lines after the steps (a technique's rules).
    extra: Vec<Line<'static>>,
    /// The cautions are part of the text (they did not fit on their own).
    cautions: bool,
    /// No box and no blank lines: the name and the step count are on a
    /// row of their own above the text, the position is a line of it.
    compact: bool,
}

impl Text<'_> {
    /// The lines at `width`, a cell of margin on the left. The focus is
    /// the current step.
    fn lines(self, width: u16, theme: Theme) -> ScrollText {
        let exercise = self.exercise;
        let width = usize::from(width);
        let mut head = Vec::new();
        if self.compact {
            head.push(Line::from(vec![
                Span::styled(" Position: ", theme.dim()),
                Span::styled(exercise.position.label(), theme.text()),
            ]));
        }
        head.push(Line::from(vec![
            Span::styled(" Dose: ", theme.dim()),
            Span::styled(exercise.dose.summary(), theme.current()),
        ]));
        if let Some(note) = &exercise.dose.note {
            head.push(Line::styled(format!(" {note}"), theme.dim()));
        }
        head.push(Line::styled(format!(" {}", exercise.summary), theme.text()));
        // The leading space indents every wrapped line.
        let mut lines = wrap_lines(&head, width);
        let gap = |lines: &mut Vec<Line<'static>>| {
            if !self.compact {
                lines.push(Line::default());
            }
        };
        gap(&mut lines);
        let mut focus: Range<usize> = 0..0;
        for (i, step) in exercise.steps.iter().enumerate() {
            let (mark, style) = if i == self.current {
                ("▶", theme.current())
            } else {
                (" ", theme.dim())
            };
            let lead = Span::styled(format!(" {mark} {}. ", i + 1), style);
            let start = lines.len();
            lines.extend(wrap_hanging(
                lead,
                &Line::styled(step.clone(), style),
                width,
            ));
            if i == self.current {
                focus = start..lines.len();
            }
        }
        if !self.extra.is_empty() {
            gap(&mut lines);
            lines.extend(self.extra);
        }
        if self.cautions && !exercise.cautions.is_empty() {
            gap(&mut lines);
            lines.push(Line::styled(" ! Cautions", theme.warning()));
            let mark = Span::styled(" ! ", theme.text());
            for caution in &exercise.cautions {
                let caution = Line::styled(caution.clone(), theme.text());
                lines.extend(wrap_hanging(mark.clone(), &caution, width));
            }
        }
        ScrollText {
            lines,
            focus: Some(focus),
        }
    }
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
