//! "Quit with a pack on?": what quitting means for the heat/cold alarm,
//! as an overlay (and in a few words for the compact form).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::BorderType;

use super::popup::Popup;
use super::theme::Theme;
use crate::app::therapy::pack_words;
use crate::app::{App, Now, Shown};
use crate::time::words;

/// The question's sentences.
pub struct QuitWords {
    /// What is on: "A heat pack is on (12:34 left)."
    pub what: String,
    /// What happens to the alarm if the user quits.
    pub then: String,
    /// The keys.
    pub keys: &'static str,
}

/// The words of the question for the app as it is at `now`.
pub fn quit_words(app: &App, now: Now) -> Option<QuitWords> {
    let ask = app.quit_ask?;
    let keys = "y quits · ? keys · any other key stays";
    if let Some(session) = &app.therapy.session {
        let left = session.remaining(now);
        let ends = (now.wall + left).format("%H:%M");
        let what = format!(
            "A {} is on ({} left).",
            pack_words(session.running.mode),
            words::clock(left)
        );
        let then = match ask.watched {
            Some(true) => format!("If you quit, backcoach remind will ring the alarm at {ends}."),
            Some(false) => "Nothing will ring the alarm if you quit: keep backcoach open, or run \
                 backcoach remind."
                .to_owned(),
            None => "Looking for a backcoach remind that would ring the alarm…".to_owned(),
        };
        return Some(QuitWords { what, then, keys });
    }
    let alert = app.therapy.alert.as_ref()?;
    Some(QuitWords {
        what: format!(
            "The {}'s time is up: it should come off now.",
            pack_words(alert.session.running.mode)
        ),
        then: "The alarm has rung: nothing will ring again if you quit.".to_owned(),
        keys,
    })
}

/// Draws the question centred over `area`.
pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: Theme) -> Option<Shown> {
    let now = app.now?;
    let words = quit_words(app, now)?;
    let lines = vec![
        Line::default(),
        Line::from(Span::styled(words.what, theme.current())),
        Line::from(Span::styled(words.then, theme.warning())),
        Line::default(),
        Line::from(Span::styled(words.keys, theme.key())),
    ];
    let title = Span::styled(
        " Quit with the pack on? ",
        theme.warning().add_modifier(Modifier::REVERSED),
    );
    Some(
        Popup::new(title, lines, 64)
            .border(theme.warning(), BorderType::Double)
            .render(frame, area, app.overlay_scroll, theme),
    )
}
