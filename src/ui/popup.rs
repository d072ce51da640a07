//! The one way to draw a popup: a centred, bordered, cleared box of
//! wrapped text, as tall as its wrapped lines. Where the terminal is too
//! short, its blank lines go first, then its text scrolls, marked on the
//! bottom border.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Padding};

use super::lines::{self, wrap_lines};
use super::scroll_text::{self, Place, ScrollText};
use super::theme::Theme;
use crate::app::Shown;
use crate::app::scroll::Scroll;

/// A popup: its title, its text and how its frame looks.
#[derive(Debug, Clone)]
pub struct Popup<'a> {
    title: Span<'a>,
    lines: Vec<Line<'a>>,
    bottom: Option<Line<'a>>,
    border: Style,
    border_type: BorderType,
    max_width: u16,
}

impl<'a> Popup<'a> {
    /// A plain-bordered popup of `lines`, at most `max_width` cells wide.
    pub fn new(title: Span<'a>, lines: Vec<Line<'a>>, max_width: u16) -> Popup<'a> {
        Popup {
            title,
            lines,
            bottom: None,
            border: Style::new(),
            border_type: BorderType::Plain,
            max_width,
        }
    }

    /// A title on the bottom border, right-aligned.
    pub fn bottom_title(mut self, title: Line<'a>) -> Popup<'a> {
        self.bottom = Some(title.right_aligned());
        self
    }

    /// The border's style and line type.
    pub fn border(mut self, style: Style, border_type: BorderType) -> Popup<'a> {
        self.border = style;
        self.border_type = border_type;
        self
    }

    /// Cells of text per line in a popup at most `max_width` wide over
    /// `area`: the width less the borders and a cell of padding each side.
    pub fn text_width(area: Rect, max_width: u16) -> usize {
        usize::from(area.width.min(max_width).saturating_sub(4)).max(1)
    }

    /// Draws the box centred in `area`, cleared underneath, its text
    /// wrapped to fit; where `area` is too short, without its blank lines,
    /// then scrolled from `scroll`'s offset. Returns what was shown.
    pub fn render(self, frame: &mut Frame, area: Rect, scroll: Scroll, theme: Theme) -> Shown {
        let width = area.width.min(self.max_width);
        let text_width = Popup::text_width(area, self.max_width);
        // Lines that already fit (e.g. wrapped with a hanging indent by the
        // caller) come out of the wrap unchanged.
        let mut text = wrap_lines(&self.lines, text_width);
        if lines::height(&text).saturating_add(2) > area.height {
            text.retain(|line| line.width() > 0);
        }
        let height = lines::height(&text).saturating_add(2);
        let popup = area.centered(Constraint::Length(width), Constraint::Max(height));
        let mut block = Block::bordered()
            .border_type(self.border_type)
            .border_style(self.border)
            .padding(Padding::horizontal(1))
            .title(self.title);
        if let Some(bottom) = self.bottom {
            block = block.title_bottom(bottom);
        }
        frame.render_widget(Clear, popup);
        let place = Place::boxed(block, frame, popup);
        scroll_text::render(ScrollText::new(text), scroll, frame, place, theme)
    }
}
