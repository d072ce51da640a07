//! The one-time statement that this is a coach, not a diagnosis.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::popup::Popup;
use super::report::Part;
use super::theme::Theme;
use crate::app::App;

/// Id of the warning section holding the statement.
pub const SECTION: &str = "coach_not_diagnosis";

/// Draws the statement from content in a centred box.
pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: Theme) -> Part {
    let mut lines = Vec::new();
    if let Some(section) = app.content.warning(SECTION) {
        lines.push(Line::from(Span::styled(
            section.intro.as_str(),
            theme.text(),
        )));
        for item in &section.items {
            lines.push(Line::default());
            lines.push(Line::from(vec![
                Span::styled(format!("{}: ", item.title), theme.current()),
                Span::styled(item.text.as_str(), theme.text()),
            ]));
        }
    }
    lines.push(Line::default());
    lines.push(Line::from(vec![
        Span::styled("Press ", theme.dim()),
        Span::styled("Enter", theme.key()),
        Span::styled(" to continue, ", theme.dim()),
        Span::styled("q", theme.key()),
        Span::styled(" to quit. This shows only once.", theme.dim()),
    ]));
    let title = Span::styled(" A coach, not a diagnosis ", theme.title());
    Part::text(Popup::new(title, lines, 70).render(frame, area, app.scroll, theme))
}
