//! The safety warnings review: when it was last read, then the document,
//! scrolled; urgent items in the urgent style and marked in words.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::scrollbar::{self, Scrolled};
use super::theme::Theme;
use crate::app::{App, Shown};
use crate::domain::warnings::{self, Tone};

/// Draws the review at the model's scroll offset and reports what it
/// showed: the model records a review only once the end was on screen.
pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: Theme) -> Shown {
    let [top, body] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    // A free cell left of the text; right of it a free cell and the
    // scrollbar's column. The text's width is the wrap width reported to
    // the model in `Shown`.
    let [_, text, _] = Layout::horizontal([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(2),
    ])
    .areas(body);
    let width = warnings::measure(text.width);
    let doc = warnings::document(&app.content, width);
    let visible = usize::from(text.height);
    let scroll = app
        .safety
        .scroll
        .min(warnings::max_scroll(doc.len(), visible));
    let reviewed = match app.safety.last_review {
        Some(at) => format!("Last reviewed {}", at.format("%Y-%m-%d %H:%M")),
        None => "Not reviewed yet".to_owned(),
    };
    let shown_to = (scroll + visible).min(doc.len());
    let end = if shown_to >= doc.len() { " (end)" } else { "" };
    frame.render_widget(
        Line::from(vec![
            Span::styled(format!(" {reviewed}"), theme.current()),
            Span::styled(
                format!(" · lines {}-{shown_to} of {}{end}", scroll + 1, doc.len()),
                theme.dim(),
            ),
        ]),
        top,
    );
    let lines: Vec<Line> = doc
        .iter()
        .skip(scroll)
        .take(visible)
        .map(|line| {
            let style = match line.tone {
                Tone::Heading => theme.title(),
                Tone::Urgent => theme.urgent(),
                Tone::Text | Tone::Blank => theme.text(),
            };
            Line::from(Span::styled(line.text.as_str(), style))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), text);
    let scrolled = Scrolled {
        total: doc.len(),
        visible,
        offset: scroll,
    };
    // The bar follows the text, a cell after its measure (the same column
    // as the body's last one unless the measure caps the width).
    let width = u16::try_from(width).unwrap_or(u16::MAX);
    let bar = Rect {
        x: text.x.saturating_add(width).saturating_add(1),
        width: 1,
        ..body
    }
    .intersection(body);
    scrollbar::render(scrolled, frame, bar, theme);
    Shown {
        width,
        height: text.height,
        end_shown: visible > 0 && shown_to >= doc.len(),
    }
}
