//! The message shown when the terminal is smaller than the layout needs.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::lines::paragraph;

use super::theme::Theme;
use super::{MIN_HEIGHT, MIN_WIDTH};

/// Asks for a bigger terminal; safe at any size down to 1x1 (and 0x0).
pub fn render(frame: &mut Frame, area: Rect, theme: Theme) {
    let text = format!(
        "Enlarge the terminal to at least {MIN_WIDTH}x{MIN_HEIGHT} (now {}x{}). Ctrl-C quits.",
        area.width, area.height
    );
    let text = [Line::styled(text, theme.warning())];
    frame.render_widget(paragraph(&text, area.width), area);
}
