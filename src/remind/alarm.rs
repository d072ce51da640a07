//! The heat/cold time-up alarm as `remind` rings it: the record and the
//! running file first (so nobody rings or logs it twice), then a
//! timestamped line with a bell and the configured notifications; the
//! repeats are the bell alone.

use std::io::{IsTerminal, Write, stdout};
use std::sync::mpsc::Sender;

use chrono::{DateTime, Local};

use super::{Event, say};
use crate::content::model::TherapyKind;
use crate::domain::reminder_settings::ReminderSettings;
use crate::domain::therapy::alarm::{Ring, Step};
use crate::notify;
use crate::store::Store;
use crate::time::words;

/// Title of the alarm's notifications.
const TITLE: &str = "Heat/cold timer";

/// "Remove the heat pack now", for the mode.
fn remove_now(mode: TherapyKind) -> &'static str {
    match mode {
        TherapyKind::Heat => "Remove the heat pack now",
        TherapyKind::Cold => "Remove the cold pack now",
        TherapyKind::Contrast => "Remove the heat/cold pack now",
    }
}

/// Does what one look at the alarm decided.
pub(super) fn perform(
    store: &Store,
    step: &Step,
    settings: &ReminderSettings,
    tx: &Sender<Event>,
    desktop_ok: bool,
    now: DateTime<Local>,
) {
    if let Some(record) = &step.append
        && let Err(err) = store.append(record)
    {
        say(&format!(
            "backcoach: could not write the history log: {err}"
        ));
    }
    if let Some(running) = &step.save
        && let Err(err) = store.save_running(running)
    {
        say(&format!(
            "backcoach: could not save the heat/cold timer: {err}"
        ));
    }
    let mut out = stdout();
    match (step.ring, &step.save) {
        (Some(Ring::First), Some(running)) => {
            let text = format!(
                "{}: time is up after {}.",
                remove_now(running.mode),
                words::clock(running.planned())
            );
            let _ = writeln!(out, "{} {text}\x07", now.format("%Y-%m-%d %H:%M:%S"));
            if settings.terminal_notification && out.is_terminal() {
                let in_tmux = std::env::var_os("TMUX").is_some();
                let _ = out.write_all(&notify::terminal_sequence(TITLE, &text, in_tmux));
            }
            if settings.desktop_notification && desktop_ok {
                let tx = tx.clone();
                notify::desktop(TITLE, &text, move |result| {
                    let _ = tx.send(Event::Desktop(result));
                });
            }
        }
        (Some(_), _) => {
            let _ = out.write_all(b"\x07");
        }
        (None, _) => return,
    }
    let _ = out.flush();
}
