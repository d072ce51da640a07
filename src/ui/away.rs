//! "Away 12 min: count it as a stand-up? y/n": the away-credit question,
//! drawn over whatever is shown (the stand-up overlay too).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::BorderType;

use super::popup::Popup;
use super::theme::Theme;
use crate::app::reminder::away::question;
use crate::app::{App, Shown};

/// Draws the question centred over `area`, while it is asked.
pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: Theme) -> Option<Shown> {
    let question = question(app)?;
    let lines = vec![
        Line::default(),
        Line::from(Span::styled(question, theme.current())),
        Line::default(),
        Line::from(Span::styled(
            "y counts it (the interval starts again) · n or Esc does not · ? keys",
            theme.key(),
        )),
    ];
    let title = Span::styled(" Welcome back ", theme.title());
    Some(
        Popup::new(title, lines, 60)
            .border(theme.title(), BorderType::Rounded)
            .render(frame, area, app.overlay_scroll, theme),
    )
}
