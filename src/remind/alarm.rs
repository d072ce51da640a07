//! The heat/cold time-up alarm as `remind` rings it: the record and the
//! running file first (so nobody rings or logs it twice), then a
//! timestamped line with a bell and the configured notifications; the
//! repeats are the bell alone.

use std::io::{self, IsTerminal, Write, stdout};
use std::sync::mpsc::Sender;

use chrono::{DateTime, Local};

use super::{Event, say};
use crate::domain::reminder_settings::ReminderSettings;
use crate::domain::therapy::alarm::{ALARM_TITLE, Ring, Step, alarm_text};
use crate::notify;
use crate::store::Store;

/// Does what one look at the alarm decided.
pub(super) fn perform(
    store: &Store,
    step: &Step,
    settings: &ReminderSettings,
    tx: &Sender<Event>,
    desktop_ok: bool,
    now: DateTime<Local>,
) -> io::Result<()> {
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
            let text = alarm_text(running);
            if settings.desktop_notification && desktop_ok {
                let tx = tx.clone();
                notify::desktop(ALARM_TITLE, &text, move |result| {
                    let _ = tx.send(Event::Desktop(result));
                });
            }
            writeln!(out, "{} {text}\x07", now.format("%Y-%m-%d %H:%M:%S"))?;
            if settings.terminal_notification && out.is_terminal() {
                let in_tmux = std::env::var_os("TMUX").is_some();
                out.write_all(&notify::terminal_sequence(ALARM_TITLE, &text, in_tmux))?;
            }
        }
        (Some(_), _) => out.write_all(b"\x07")?,
        (None, _) => return Ok(()),
    }
    out.flush()
}
