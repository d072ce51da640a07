//! A few short lines in order of importance, for a terminal too small for
//! any layout: as many as fit, each wrapped, centred; a one-line form when
//! not even the first two fit.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::lines::wrap_lines;

/// Draws `lines` (most important first) in `area`; `one` when the first
/// two do not fit.
pub fn draw(frame: &mut Frame, area: Rect, lines: &[(String, Style)], one: (String, Style)) {
    let width = usize::from(area.width).max(1);
    let mut shown: Vec<Line> = Vec::new();
    for (i, (text, style)) in lines.iter().enumerate() {
        let wrapped = wrap_lines(&[Line::styled(text.clone(), *style)], width);
        if shown.len() + wrapped.len() > usize::from(area.height) {
            if i < 2 {
                shown = vec![Line::styled(one.0, one.1)];
            }
            break;
        }
        shown.extend(wrapped);
    }
    let top = usize::from(area.height).saturating_sub(shown.len()) / 2;
    let mut text = vec![Line::default(); top];
    text.extend(shown.into_iter().map(Line::centered));
    frame.render_widget(Paragraph::new(text), area);
}
