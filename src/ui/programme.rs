//! The home programme on the home screen: its name, who prescribed it,
//! this week's sessions against prescribed, what is due today and the
//! review date.

use ratatui::text::{Line, Span};

use super::theme::Theme;
use crate::app::App;
use crate::app::programme::today;
use crate::domain::programme::ProgrammeWeek;

/// The menu label of the programme entry.
pub fn label(app: &App) -> Option<String> {
    let (programme, _) = today(app, app.now?)?;
    Some(format!("Your programme: {}", programme.name))
}

/// "1 of 3 this week · due today: Desk reset · review 1 Mar 2026".
pub fn status(app: &App) -> Option<String> {
    let (programme, week) = today(app, app.now?)?;
    let mut words = format!("{} · {}", week_words(&week), due_words(app, &week));
    if let Some(review) = programme.review {
        words.push_str(&format!(" · review {}", review.format("%-d %b %Y")));
    }
    Some(words)
}

/// Where the week stands, who prescribed it and the clinician's notes,
/// when given.
pub fn lines(app: &App, theme: Theme) -> Vec<Line<'static>> {
    let Some((programme, _)) = app.now.and_then(|now| today(app, now)) else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    if let Some(status) = status(app) {
        lines.push(Line::from(Span::styled(status, theme.current())));
    }
    if let Some(who) = &programme.prescribed_by {
        lines.push(Line::from(vec![
            Span::styled("Programme from ", theme.text()),
            Span::styled(who.clone(), theme.current()),
        ]));
    }
    if let Some(notes) = &programme.notes {
        lines.push(Line::from(Span::styled(notes.clone(), theme.dim())));
    }
    lines
}

/// Flare-up care in force today: until when, and the red flags again.
pub fn flare_lines(app: &App, theme: Theme) -> Vec<Line<'static>> {
    let Some(today) = app.now.map(|now| now.wall.date_naive()) else {
        return Vec::new();
    };
    let last = app
        .doses
        .adjusted
        .iter()
        .filter_map(|a| a.flare_until)
        .filter(|last| today <= *last)
        .max();
    let Some(last) = last else {
        return Vec::new();
    };
    vec![
        Line::from(Span::styled(
            format!(
                "Flare-up care until {}: shorter holds, gentler steps.",
                last.format("%-d %b")
            ),
            theme.current(),
        )),
        Line::from(Span::styled(
            format!("! {}", super::suggestion::red_flags(app)),
            theme.warning(),
        )),
    ]
}

/// "1 of 3 this week".
pub fn week_words(week: &ProgrammeWeek) -> String {
    format!("{} of {} this week", week.done(), week.prescribed())
}

/// What is due today, by routine name.
fn due_words(app: &App, week: &ProgrammeWeek) -> String {
    let name = |id: &str| {
        app.content
            .routine(id)
            .map_or_else(|| id.to_owned(), |r| r.name.clone())
    };
    match week.due() {
        Some(due) => format!("due today: {}", name(&due.routine)),
        None if week.done() >= week.prescribed() => "this week's sessions are done".to_owned(),
        None => "done for today".to_owned(),
    }
}
