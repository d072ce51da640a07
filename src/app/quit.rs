//! Quitting. With a heat/cold pack on (or its alert waiting) the app asks
//! first, saying whether anything will still ring the alarm: whether a
//! `backcoach remind` watches is a fact of the machine, which the runtime
//! finds out when asked. `y` quits; any other key stays.

use super::{App, Cmd, Intent, Now, session};

/// The "quit with a pack on?" question, while it is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuitAsk {
    /// Whether a `backcoach remind` watches the folder; `None` until the
    /// runtime has answered.
    pub watched: Option<bool>,
}

/// The user asked to quit (Ctrl-C, `q` on Home or on the first-run
/// statement): ask first while a pack is on, else quit.
pub fn request(app: &mut App, now: Now) -> Vec<Cmd> {
    if app.therapy.pack_on() {
        app.quit_ask = Some(QuitAsk { watched: None });
        app.help_open = false;
        return vec![Cmd::CheckWatcher];
    }
    leave(app, now)
}

/// Quits: a guided session in progress is recorded as abandoned.
pub fn leave(app: &mut App, now: Now) -> Vec<Cmd> {
    app.quit_ask = None;
    app.quit = true;
    session::on_quit(app, now)
}

/// A key while the question is shown: `y` quits, anything else stays.
pub fn answer(app: &mut App, intent: Intent, now: Now) -> Vec<Cmd> {
    if intent == Intent::Yes {
        return leave(app, now);
    }
    app.quit_ask = None;
    Vec::new()
}

/// The runtime found out whether a `backcoach remind` watches.
pub fn watcher(app: &mut App, watched: bool) {
    if let Some(ask) = app.quit_ask.as_mut() {
        ask.watched = Some(watched);
    }
}
