//! The heat/cold timer where the full layout does not fit: the running
//! countdown and the time-up alert in a few short lines, down to 20x3 and
//! to one line below that. They replace the "enlarge the terminal" message
//! whenever an application runs or its alert waits, so the alarm shows at
//! any size.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;

use crate::app::{App, Now, Screen};
use crate::content::model::TherapyKind;
use crate::domain::therapy::Session;
use crate::time::words;
use crate::ui::few_lines::draw;
use crate::ui::quit::quit_words;
use crate::ui::theme::Theme;

/// The words that must be readable for the alert to count as shown.
pub const ALERT_WORDS: &str = "REMOVE THE PACK";

/// Draws the compact form; returns true when the alert is on screen,
/// readable.
pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: Theme) -> bool {
    let Some(now) = app.now else { return false };
    if let Some(alert) = &app.therapy.alert {
        let strong = theme.warning().add_modifier(Modifier::REVERSED);
        let detail = alert_detail(&alert.session, now);
        let one = format!("{ALERT_WORDS} · Enter when off · {detail}");
        let lines = [
            (format!("{ALERT_WORDS} NOW"), strong),
            ("Enter when it is off".to_owned(), theme.current()),
            (detail, theme.text()),
        ];
        draw(frame, area, &lines, (one, strong));
        let readable =
            usize::from(area.width) >= crate::text::display_width(ALERT_WORDS) && area.height > 0;
        return readable && app.quit_ask.is_none();
    }
    if let Some(words) = quit_words(app, now) {
        let what = app.therapy.session.as_ref().map_or_else(
            || "pack still on?".to_owned(),
            |session| countdown(session, now),
        );
        let lines = [
            (format!("Quit? {what}"), theme.current()),
            ("y quits · else stay".to_owned(), theme.key()),
            (words.then, theme.warning()),
        ];
        draw(frame, area, &lines, ("Quit? y quits".into(), theme.key()));
        return false;
    }
    if let Some(session) = &app.therapy.session {
        let clock = countdown(session, now);
        let keys = if app.screen == Screen::Therapy {
            "x pack off".to_owned()
        } else {
            format!(
                "Enlarge the terminal for more (now {}x{})",
                area.width, area.height
            )
        };
        let one = if app.screen == Screen::Therapy {
            format!("{clock} · x pack off")
        } else {
            clock.clone()
        };
        let lines = [(clock, theme.current()), (keys, theme.dim())];
        draw(frame, area, &lines, (one, theme.current()));
    }
    false
}

/// "heat 12:34 left", or for contrast "contrast 12:34 · cold now".
fn countdown(session: &Session, now: Now) -> String {
    let left = words::clock(session.remaining(now));
    let mode = session.running.mode;
    if mode == TherapyKind::Contrast {
        let (_, kind, _) = session.segment(now);
        format!("{} {left} · {} now", mode.id(), kind.id())
    } else {
        format!("{} {left} left", mode.id())
    }
}

/// "heat: time is up", "heat ended 3 minutes ago", or that the time on the
/// skin is not known.
fn alert_detail(session: &Session, now: Now) -> String {
    let mode = session.running.mode.id();
    match session.ended_ago(now) {
        None => format!("{mode}: on too long to know"),
        Some(over) if over.as_secs() < 60 => format!("{mode}: time is up"),
        Some(over) => format!("{mode} ended {}m ago", over.as_secs() / 60),
    }
}
