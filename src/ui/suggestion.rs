//! The dose suggestion under a session's summary (or its "this hurts"
//! guidance): what would change and why, that `y` accepts it, and for a
//! step down, the days of flare-up care and the red flags again.

use ratatui::text::{Line, Span};

use super::theme::Theme;
use crate::app::App;
use crate::domain::dose_step::{Adjusted, Direction};

/// The suggestion's lines, when there is one, each after `indent`.
pub fn lines(app: &App, indent: &str, theme: Theme) -> Vec<Line<'static>> {
    let Some(suggestion) = &app.doses.suggestion else {
        return Vec::new();
    };
    let change = &suggestion.change;
    let mut lines = vec![
        Line::default(),
        Line::from(Span::styled(
            format!(
                "{indent}Suggestion: {} step for {} ({}).",
                match suggestion.direction {
                    Direction::Harder => "a harder",
                    Direction::Easier => "an easier",
                },
                name(app, &change.slot),
                suggestion.reason
            ),
            theme.title(),
        )),
        Line::from(Span::styled(
            format!("{indent}{}", what(app, change)),
            theme.text(),
        )),
    ];
    if let (Direction::Easier, Some(last)) = (suggestion.direction, change.flare_until) {
        lines.push(Line::from(Span::styled(
            format!(
                "{indent}Flare-up care until {}: holds are halved in this routine.",
                last.format("%-d %b")
            ),
            theme.text(),
        )));
        lines.push(Line::from(Span::styled(
            format!("{indent}! {}", red_flags(app)),
            theme.warning(),
        )));
    }
    lines.push(Line::from(vec![
        Span::styled(format!("{indent}Press "), theme.dim()),
        Span::styled("y", theme.key()),
        Span::styled(
            " to accept it for your next sessions of this routine, or leave it.",
            theme.dim(),
        ),
    ]));
    lines
}

/// "From now on: Knee to chest, hold 15 s, 5 reps."
fn what(app: &App, change: &Adjusted) -> String {
    let mut parts = vec![name(app, &change.exercise)];
    if let Some(hold) = change.hold_secs {
        parts.push(format!("hold {hold} s"));
    }
    if let Some(reps) = change.reps {
        parts.push(crate::text::counted(reps as usize, "rep"));
    }
    format!("From your next session: {}.", parts.join(", "))
}

fn name(app: &App, id: &str) -> String {
    app.content
        .exercise(id)
        .map_or_else(|| id.to_owned(), |e| e.name.clone())
}

/// The urgent red flags of the content's checklist, in a sentence.
pub fn red_flags(app: &App) -> String {
    let flags: Vec<&str> = app
        .content
        .warning("red_flags")
        .map(|section| {
            section
                .items
                .iter()
                .filter(|i| i.urgent)
                .map(|i| i.title.as_str())
                .collect()
        })
        .unwrap_or_default();
    if flags.is_empty() {
        "Pain that spreads, numbness, tingling or weakness: see a professional.".to_owned()
    } else {
        format!("See a professional at once for: {}.", flags.join(", "))
    }
}
