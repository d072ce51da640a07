//! The dose suggestion under a session's summary (or its "this hurts"
//! guidance): what would change and why, that `y` accepts it, and for a
//! step down, the days of flare-up care and the red flags again.

use ratatui::text::{Line, Span};

use super::theme::Theme;
use crate::app::App;
use crate::domain::dose_step::{Adjusted, Direction};

/// The suggestion in words: a heading, what changes, and for a step
/// down the days of flare-up care and the red flags. The full-screen
/// summary and plain mode both say it this way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Words {
    /// "Suggestion: an easier step for Knee to chest (reason)."
    pub heading: String,
    /// What changes, and from when.
    pub body: Vec<String>,
    /// The red flags again, after a step down.
    pub warning: Option<String>,
}

/// How to accept it, after the keys (`Press y` / `Type y`).
pub const ACCEPT: &str = " to accept it for your next sessions of this routine, or leave it.";

/// The suggestion on offer, in words.
pub fn words(app: &App) -> Option<Words> {
    let suggestion = app.doses.suggestion.as_ref()?;
    let change = &suggestion.change;
    let heading = format!(
        "Suggestion: {} step for {} ({}).",
        match suggestion.direction {
            Direction::Harder => "a harder",
            Direction::Easier => "an easier",
        },
        name(app, &change.slot),
        suggestion.reason
    );
    let mut body = vec![what(app, change)];
    let mut warning = None;
    if let (Direction::Easier, Some(last)) = (suggestion.direction, change.flare_until) {
        body.push(format!(
            "Flare-up care until {}: holds are halved in this routine.",
            last.format("%-d %b")
        ));
        warning = Some(format!("! {}", red_flags(app)));
    }
    Some(Words {
        heading,
        body,
        warning,
    })
}

/// The suggestion's lines, when there is one, each after `indent`.
pub fn lines(app: &App, indent: &str, theme: Theme) -> Vec<Line<'static>> {
    let Some(words) = words(app) else {
        return Vec::new();
    };
    let mut lines = vec![
        Line::default(),
        Line::from(Span::styled(
            format!("{indent}{}", words.heading),
            theme.title(),
        )),
    ];
    for line in words.body {
        lines.push(Line::from(Span::styled(
            format!("{indent}{line}"),
            theme.text(),
        )));
    }
    if let Some(warning) = words.warning {
        lines.push(Line::from(Span::styled(
            format!("{indent}{warning}"),
            theme.warning(),
        )));
    }
    lines.push(Line::from(vec![
        Span::styled(format!("{indent}Press "), theme.dim()),
        Span::styled("y", theme.key()),
        Span::styled(ACCEPT, theme.dim()),
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
