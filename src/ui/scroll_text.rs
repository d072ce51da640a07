//! Text that may not fit: drawn from the model's offset, with a scrollbar
//! and a marker in words ("↓ 4 more") when some of it is off screen, and
//! reported to the model ([`Shown`]) so the scroll keys know how far the
//! text goes. Nothing is cut without a sign.

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::report;
use super::scrollbar::{self, Scrolled};
use super::theme::Theme;
use crate::app::Shown;
use crate::app::scroll::Scroll;

/// Where the "more" marker goes when the text does not fit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    /// On the text's last row, which the text gives up.
    Row,
    /// On this row (a bottom border), left-aligned.
    Border(Rect),
    /// Nowhere: the screen says where the text is some other way.
    Off,
}

/// Lines already wrapped to the text's width, and the ones that must be
/// brought into view when the model asks (a card's current step).
#[derive(Debug, Clone, Default)]
pub struct ScrollText {
    /// Every line of the text.
    pub lines: Vec<Line<'static>>,
    /// Lines to bring into view when the model asks.
    pub focus: Option<Range<usize>>,
}

impl ScrollText {
    /// Text without a focus.
    pub fn new(lines: Vec<Line<'static>>) -> ScrollText {
        ScrollText { lines, focus: None }
    }
}

/// Where a scrolling text goes: its rows, the column whose rightmost cell
/// holds the scrollbar, and where its marker goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// The text's rows.
    pub text: Rect,
    /// The scrollbar runs down this area's rightmost column.
    pub bar: Rect,
    /// Where the "more" marker goes.
    pub marker: Marker,
}

impl Place {
    /// Borderless: the text, the column right of it for the scrollbar (a
    /// margin when everything fits), the marker on the text's last row.
    pub fn plain(area: Rect) -> Place {
        let [text, bar] =
            Layout::horizontal([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
        Place {
            text,
            bar,
            marker: Marker::Row,
        }
    }

    /// Draws `block` over `area`; the text goes inside it, the scrollbar
    /// on its right border, the marker on its bottom one.
    pub fn boxed(block: Block<'_>, frame: &mut Frame, area: Rect) -> Place {
        let text = block.inner(area);
        frame.render_widget(block, area);
        let bottom = Rect {
            y: area.bottom().saturating_sub(1),
            height: area.height.min(1),
            ..text
        };
        Place {
            text,
            bar: area.inner(Margin::new(0, 1)),
            marker: Marker::Border(bottom),
        }
    }
}

/// The marker's words for `above` lines above the screen and `below`
/// under it.
pub fn marker_words(above: usize, below: usize) -> String {
    match (above, below) {
        (0, 0) => String::new(),
        (0, below) => format!("↓ {below} more"),
        (above, 0) => format!("↑ {above} above · end"),
        (above, below) => format!("↑ {above} · ↓ {below} more"),
    }
}

/// Draws `text` at `place` from `scroll`'s offset (kept in range, moved to
/// the focus when asked), with a scrollbar and a marker when it does not
/// all fit; returns what was shown.
pub fn render(
    text: ScrollText,
    scroll: Scroll,
    frame: &mut Frame,
    place: Place,
    theme: Theme,
) -> Shown {
    let Place {
        text: area,
        bar,
        marker,
    } = place;
    let total = text.lines.len();
    let fits = total <= usize::from(area.height);
    let (rows, marker_row) = match marker {
        Marker::Row if !fits => {
            let [rows, last] =
                Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
            (rows, Some(last))
        }
        Marker::Border(row) if !fits => (area, Some(row)),
        _ => (area, None),
    };
    let visible = usize::from(rows.height);
    let max = total.saturating_sub(visible);
    let mut offset = scroll.offset.min(max);
    if scroll.follow
        && let Some(focus) = text.focus
    {
        if focus.start < offset {
            offset = focus.start;
        } else if focus.end > offset + visible {
            offset = focus.end.saturating_sub(visible).min(focus.start);
        }
        offset = offset.min(max);
    }
    let shown: Vec<Line> = text.lines.into_iter().skip(offset).take(visible).collect();
    frame.render_widget(Paragraph::new(shown), rows);
    let end = offset + visible;
    if !fits {
        let scrolled = Scrolled {
            total,
            visible,
            offset,
        };
        scrollbar::render(scrolled, frame, bar, theme);
    }
    if let Some(row) = marker_row {
        let words = format!(" {} ", marker_words(offset, total.saturating_sub(end)));
        let line = Line::from(Span::styled(words, theme.dim()));
        let line = if matches!(marker, Marker::Row) {
            line.right_aligned()
        } else {
            line
        };
        frame.render_widget(line, row);
    }
    Shown {
        area: report::area(rows),
        total,
        offset,
        end_shown: visible > 0 && end >= total,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_marker_says_what_is_off_screen() {
        assert_eq!(marker_words(0, 0), "");
        assert_eq!(marker_words(0, 4), "↓ 4 more");
        assert_eq!(marker_words(3, 0), "↑ 3 above · end");
        assert_eq!(marker_words(3, 4), "↑ 3 · ↓ 4 more");
    }
}
