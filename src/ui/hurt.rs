//! Stop-and-seek-help guidance, shown after a hurt report and whenever the
//! gate is closed by one.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::popup::Popup;
use super::report::Part;
use super::theme::Theme;
use crate::app::App;

/// Id of the warning section with the stop signs.
pub const STOP_SIGNS: &str = "stop_signs";

/// Draws the guidance in a centred box.
pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: Theme) -> Part {
    let mut lines = vec![
        Line::from(Span::styled(
            "Stop now. Do not try the technique again, and do not try to make it pop.",
            theme.warning(),
        )),
        Line::default(),
        Line::from(Span::styled(
            "Pain while releasing, moving less than before, or numbness or tingling running \
             into a leg are stop signs: see a physician, physical therapist or chiropractor.",
            theme.text(),
        )),
        Line::from(Span::styled(
            "! URGENT: if you lose feeling in your legs or saddle area (groin, buttocks, inner \
             thighs), or notice a change in bowel or bladder control, get prompt medical \
             attention.",
            theme.urgent(),
        )),
        Line::default(),
        Line::from(Span::styled(
            "Self-release is closed for the rest of today. This was noted in your history.",
            theme.current(),
        )),
    ];
    if app.content.warning(STOP_SIGNS).is_some() {
        lines.push(Line::from(vec![
            Span::styled("Press ", theme.dim()),
            Span::styled("w", theme.key()),
            Span::styled(" for the stop signs and red flags, ", theme.dim()),
            Span::styled("Esc", theme.key()),
            Span::styled(" to go back.", theme.dim()),
        ]));
    }
    let title = Span::styled(" ! Stop and get help ", theme.urgent());
    Part::text(Popup::new(title, lines, 72).render(frame, area, app.scroll, theme))
}
