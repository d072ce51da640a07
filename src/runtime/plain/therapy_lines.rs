//! The plain lines of the heat/cold timer: the mode menu, the guidance
//! and skin check, the rest-gap warning, the pack on (with a line at each
//! contrast switch and a few "minutes left" marks), and the alarm.

use std::time::Duration;

use crate::app::therapy::{mode_name, switch_to};
use crate::app::{App, Now};
use crate::domain::therapy::{self, CAP};
use crate::time::words::{self, clock};

/// "Minutes left" marks printed while a pack is on.
const MARKS_MINUTES: [u64; 3] = [10, 5, 1];

/// The mode menu.
pub fn pick(app: &App, now: Now) -> Vec<String> {
    let mut lines = vec!["Heat, cold or both?".to_owned()];
    for (n, mode) in app.content.therapy.iter().enumerate() {
        let first = mode.helps_with.first().map_or("", String::as_str);
        lines.push(format!("  {}. {}: {first}", n + 1, mode.name));
    }
    lines.push(format!(
        "Every application stops at {} at most. Leave 20 to 40 minutes between applications.",
        clock(CAP)
    ));
    if let Some(ago) = therapy::rest_gap_ago(app.therapy.last_end, &now.wall) {
        lines.push(format!(
            "! Your last application ended {}.",
            words::ago(ago)
        ));
    }
    lines.push("Type a number, or q to go back.".to_owned());
    lines
}

/// The guidance, the safety rules, the length and the skin check.
pub fn check(app: &App) -> Vec<String> {
    let Some(mode) = app.therapy.mode(app) else {
        return Vec::new();
    };
    let mut lines = vec![format!("{}: before you start.", mode.name)];
    let mut list = |heading: &str, items: &[String], mark: &str| {
        lines.push(format!("{heading}:"));
        lines.extend(items.iter().map(|item| format!("  {mark}{item}")));
    };
    list("When it helps", &mode.helps_with, "- ");
    list("How", &mode.how, "- ");
    list("Safety", &mode.safety, "! ");
    lines.push(length(app.therapy.planned));
    lines.push(format!(
        "The timer stops at {} at most, with no pause: take the pack off when the alarm rings.",
        clock(CAP)
    ));
    let question = if mode.mode == crate::content::model::TherapyKind::Heat {
        "Warm, not hot, and comfortable on the skin?"
    } else {
        "Is the ice pack wrapped in a towel?"
    };
    lines.push(format!(
        "{question} Type y to start (Enter does not), or q to go back."
    ));
    lines
}

/// The length being set up.
pub fn length(planned: Duration) -> String {
    format!(
        "Length {} (+ or - changes it by a minute, at most {}).",
        clock(planned),
        clock(CAP)
    )
}

/// The last application ended less than the rest gap ago.
pub fn rest_gap(app: &App, now: Now) -> Vec<String> {
    let ago = therapy::rest_gap_ago(app.therapy.last_end, &now.wall)
        .map_or_else(|| "recently".to_owned(), words::ago);
    vec![format!(
        "Your last application ended {ago}: leave 20 to 40 minutes between applications. Type y to start anyway, or n to wait."
    )]
}

/// A pack is on: how long, until when, and how to end it.
pub fn on(app: &App, now: Now) -> Vec<String> {
    let Some(session) = &app.therapy.session else {
        return Vec::new();
    };
    vec![
        format!(
            "{} on: {}.",
            mode_name(app, session.running.mode),
            left(session, now)
        ),
        "Type r once the pack is off; + or - changes the length by a minute.".to_owned(),
    ]
}

/// "12:00 left, until 10:42".
pub fn left(session: &therapy::Session, now: Now) -> String {
    let left = session.remaining(now);
    let ends = (now.wall + left).format("%H:%M");
    format!("{} left, until {ends}", clock(left))
}

/// A contrast switch.
pub fn switch(app: &App, now: Now) -> Option<String> {
    let session = app.therapy.session.as_ref()?;
    let (_, kind, _) = session.segment(now);
    Some(format!("Switch now to {}.", switch_to(kind)))
}

/// The "minutes left" mark a running pack has reached: the smallest of
/// [`MARKS_MINUTES`] that the time left is within (none above them all).
pub fn mark(app: &App, now: Now) -> Option<u64> {
    let session = app.therapy.session.as_ref()?;
    let left = session.remaining(now);
    MARKS_MINUTES
        .iter()
        .copied()
        .filter(|m| left <= Duration::from_secs(m * 60))
        .min()
}

/// Time is up.
pub fn alert(app: &App) -> Vec<String> {
    let Some(alert) = &app.therapy.alert else {
        return Vec::new();
    };
    vec![
        format!("! {}", therapy::alarm::alarm_text(&alert.session.running)),
        "Type y (or just Enter) once the pack is off.".to_owned(),
    ]
}
