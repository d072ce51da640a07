//! The scrollbar of scrolling text: ratatui's `Scrollbar`, drawn only
//! when the text does not fit, its thumb exactly as long as the share of
//! the text on screen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::symbols::scrollbar::VERTICAL;
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState};

use super::theme::Theme;

/// Where a text of `total` lines is scrolled to: `visible` lines shown from
/// line `offset`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scrolled {
    /// Lines in the whole text.
    pub total: usize,
    /// Lines shown at once.
    pub visible: usize,
    /// First line shown.
    pub offset: usize,
}

/// Draws a vertical scrollbar down the rightmost column of `area` (a
/// margin, or the right border of a block less its corners); nothing when
/// the whole text is on screen.
pub fn render(scrolled: Scrolled, frame: &mut Frame, area: Rect, theme: Theme) {
    let Scrolled {
        total,
        visible,
        offset,
    } = scrolled;
    if total <= visible || visible == 0 {
        return;
    }
    // One position per first line that can be shown: with the visible
    // lines as the viewport, the thumb reaches the end exactly at the
    // last offset.
    let last_offset = total - visible;
    let mut state = ScrollbarState::new(last_offset + 1)
        .position(offset.min(last_offset))
        .viewport_content_length(visible);
    // No arrow heads: on a short list they would leave the thumb no room
    // to move; the track and the thumb say it all.
    let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
        .symbols(VERTICAL)
        .begin_symbol(None)
        .end_symbol(None)
        .thumb_style(theme.current());
    frame.render_stateful_widget(bar, area, &mut state);
}
