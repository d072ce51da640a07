//! The stand-up overlay, drawn over any screen when a reminder is due.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::BorderType;

use super::popup::Popup;
use super::theme::Theme;
use crate::app::App;
use crate::domain::reminder::ASK;
use crate::keys::reminder::STANDUP;

/// Draws the overlay centred over `area`.
pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let mut lines = vec![
        Line::default(),
        Line::from(Span::styled(ASK, theme.current())),
        Line::from(Span::styled(
            "Getting up at least once an hour prevents most stiffness in the first place.",
            theme.text(),
        )),
        Line::default(),
    ];
    let snooze = format!("snooze {} min", app.settings.reminder.snooze_minutes);
    for binding in STANDUP.iter().filter(|b| b.hint) {
        let does = if binding.short == "s" {
            snooze.as_str()
        } else {
            binding.does
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{:>7}  ", binding.keys), theme.key()),
            Span::styled(does.to_owned(), theme.text()),
        ]));
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        format!(
            "Esc closes it without an answer (back in {} min) · ? keys",
            app.settings.reminder.snooze_minutes
        ),
        theme.dim(),
    )));
    let title = Span::styled(
        " Time to stand up ",
        theme.warning().add_modifier(Modifier::REVERSED),
    );
    Popup::new(title, lines, 60)
        .border(theme.warning(), BorderType::Double)
        .render(frame, area);
}
