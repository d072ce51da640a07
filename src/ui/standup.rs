//! The stand-up overlay, drawn over any screen when a reminder is due; in
//! a small terminal, a few short lines in its place.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{BorderType, Clear};

use super::few_lines;
use super::popup::Popup;
use super::theme::Theme;
use crate::app::{App, Shown};
use crate::domain::reminder::ASK;
use crate::keys::reminder::STANDUP;

/// What the overlay says before its keys.
const WHY: &str = "Getting up at least once an hour prevents most stiffness in the first place.";

/// Draws the overlay centred over `area`: the box when it fits, else the
/// short form over the whole area.
pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: Theme) -> Option<Shown> {
    let snooze_minutes = app.settings.reminder.snooze_minutes;
    let mut lines = vec![
        Line::default(),
        Line::from(Span::styled(ASK, theme.current())),
        Line::from(Span::styled(WHY, theme.text())),
        Line::default(),
    ];
    let snooze = format!("snooze {snooze_minutes} min");
    for binding in STANDUP.iter().filter(|b| b.hint) {
        let does = if binding.intent == crate::app::Intent::StandupSnooze {
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
        format!("Esc closes it without an answer (back in {snooze_minutes} min) · ? keys"),
        theme.dim(),
    )));
    let width = Popup::text_width(area, 60);
    let needed = super::lines::wrap_lines(&lines, width)
        .iter()
        .filter(|line| line.width() > 0)
        .count()
        + 2;
    if needed > usize::from(area.height) {
        frame.render_widget(Clear, area);
        render_tiny(app, frame, area, theme);
        return None;
    }
    let title = Span::styled(
        " Time to stand up ",
        theme.warning().add_modifier(Modifier::REVERSED),
    );
    Some(
        Popup::new(title, lines, 60)
            .border(theme.warning(), BorderType::Double)
            .render(frame, area, app.overlay_scroll, theme),
    )
}

/// The overlay in a few short lines, most important first, down to one.
pub fn render_tiny(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let snooze = app.settings.reminder.snooze_minutes;
    let strong = theme.warning().add_modifier(Modifier::REVERSED);
    let lines = [
        ("TIME TO STAND UP".to_owned(), strong),
        ("Enter done · n skip".to_owned(), theme.key()),
        (format!("z snooze {snooze} min"), theme.key()),
        (ASK.to_owned(), theme.current()),
        ("Esc later · ? keys".to_owned(), theme.dim()),
        (WHY.to_owned(), theme.text()),
    ];
    few_lines::draw(
        frame,
        area,
        &lines,
        ("STAND UP · Enter done".to_owned(), strong),
    );
}
