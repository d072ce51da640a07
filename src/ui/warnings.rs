//! The safety warnings review: when it was last read, then the document,
//! scrolled; urgent items in the urgent style and marked in words.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

use super::report::Part;
use super::scroll_text::{self, Marker, Place, ScrollText};
use super::theme::Theme;
use crate::app::App;
use crate::domain::warnings::{self, Tone};
use crate::time::words;

/// Draws the review at the model's scroll offset and reports what it
/// showed: the model records a review only once the end was on screen.
pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: Theme) -> Part {
    let compact = super::compact(area);
    let [top, body] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    // A free cell left of the text; right of it a free cell and the
    // scrollbar's column (just the bar's column in a small terminal).
    let [_, text, _] = Layout::horizontal([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(if compact { 1 } else { 2 }),
    ])
    .areas(body);
    let width = warnings::measure(text.width);
    let doc = warnings::document(&app.content, width);
    let total = doc.len();
    let lines: Vec<Line> = doc
        .into_iter()
        .map(|line| {
            let style = match line.tone {
                Tone::Heading => theme.title(),
                Tone::Urgent => theme.urgent(),
                Tone::Text | Tone::Blank => theme.text(),
            };
            Line::from(Span::styled(line.text, style))
        })
        .collect();
    let text = Rect {
        width: u16::try_from(width).unwrap_or(u16::MAX),
        ..text
    };
    // The bar follows the text, a cell after its measure (the same column
    // as the body's last one unless the measure caps the width).
    let bar = Rect {
        x: text
            .x
            .saturating_add(text.width)
            .saturating_add(u16::from(!compact)),
        width: 1,
        ..body
    }
    .intersection(body);
    let place = Place {
        text,
        bar,
        marker: Marker::Off,
    };
    let shown = scroll_text::render(ScrollText::new(lines), app.scroll, frame, place, theme);
    let reviewed = match (app.safety.last_review, app.now) {
        (Some(at), Some(now)) => {
            let at = words::local(at, &now.wall).format(if compact {
                "%d %b %H:%M"
            } else {
                "%Y-%m-%d %H:%M"
            });
            if compact {
                format!("Reviewed {at}")
            } else {
                format!("Last reviewed {at}")
            }
        }
        (Some(at), None) => format!("Last reviewed {}", at.format("%Y-%m-%d %H:%M")),
        (None, _) => "Not reviewed yet".to_owned(),
    };
    let shown_to = (shown.offset + shown.visible()).min(total);
    let end = if shown.end_shown { " (end)" } else { "" };
    let place = if compact {
        format!(" · {}-{shown_to}/{total}{end}", shown.offset + 1)
    } else {
        format!(" · lines {}-{shown_to} of {total}{end}", shown.offset + 1)
    };
    frame.render_widget(
        Line::from(vec![
            Span::styled(format!(" {reviewed}"), theme.current()),
            Span::styled(place, theme.dim()),
        ]),
        top,
    );
    Part::text(shown)
}
