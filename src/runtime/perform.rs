//! Carrying out the work `update` asks for: the disk, the bell,
//! notifications and suspending. Each may answer with an outcome.

use std::io::{self, Write, stdout};
use std::sync::mpsc::Sender;

use ratatui::DefaultTerminal;

use super::{Wake, now, terminal};
use crate::app::{App, Cmd, Outcome};
use crate::notify;
use crate::store::Store;

/// Runs one command; may return what came of it.
pub(super) fn perform(
    cmd: Cmd,
    app: &App,
    store: &Store,
    term: &mut DefaultTerminal,
    tx: &Sender<Wake>,
) -> io::Result<Option<Outcome>> {
    Ok(match cmd {
        Cmd::SaveSettings(change) => store
            .change_settings(&change)
            .err()
            .map(|err| Outcome::SaveFailed(err.to_string())),
        Cmd::CheckWatcher => Some(Outcome::Watcher(store.remind_watching())),
        Cmd::Append(record) => store
            .append(&record)
            .err()
            .map(|err| Outcome::AppendFailed(err.to_string())),
        Cmd::Bell => {
            write_raw(b"\x07")?;
            None
        }
        Cmd::LoadHistory => {
            let wall = now().wall;
            in_background(store, tx, move |store| {
                Outcome::HistoryLoaded(store.load_sessions(wall).map_err(|err| err.to_string()))
            });
            None
        }
        Cmd::FindLastReview => {
            in_background(store, tx, |store| {
                Outcome::LastReview(store.last_review().ok().flatten())
            });
            None
        }
        Cmd::SaveRunning(running) => store
            .save_running(&running)
            .err()
            .map(|err| Outcome::TherapyStoreFailed(err.to_string())),
        Cmd::ClearRunning => store
            .clear_running()
            .err()
            .map(|err| Outcome::TherapyStoreFailed(err.to_string())),
        Cmd::SaveSchedule => app.reminder.schedule.and_then(|schedule| {
            store
                .save_schedule(&schedule)
                .err()
                .map(|err| Outcome::SaveFailed(format!("reminder schedule: {err}")))
        }),
        Cmd::TerminalNotification(note) => {
            let in_tmux = std::env::var_os("TMUX").is_some();
            write_raw(&notify::terminal_sequence(note.title, &note.body, in_tmux))?;
            None
        }
        Cmd::DesktopNotification(note) => {
            let tx = tx.clone();
            notify::desktop(note.title, &note.body, move |result| {
                if let Err(reason) = result {
                    let _ = tx.send(Wake::Outcome(Outcome::NotificationsUnavailable(reason)));
                }
            });
            None
        }
        Cmd::Suspend => {
            terminal::suspend(term)?;
            Some(Outcome::Resumed)
        }
    })
}

/// Reads the history on a worker thread, which sends what `read` made of
/// it into the loop's channel: however large the history, keys keep
/// working meanwhile (the History screen says it is reading). Where no
/// thread can be started, it is read here.
fn in_background<F>(store: &Store, tx: &Sender<Wake>, read: F)
where
    F: Fn(&Store) -> Outcome + Send + Clone + 'static,
{
    let (worker, sender, work) = (store.clone(), tx.clone(), read.clone());
    let spawned = std::thread::Builder::new()
        .name("history".into())
        .spawn(move || {
            let _ = sender.send(Wake::Outcome(work(&worker)));
        });
    if spawned.is_err() {
        let _ = tx.send(Wake::Outcome(read(store)));
    }
}

/// Bytes for the terminal itself (a bell, a notification escape), outside
/// ratatui's frames.
fn write_raw(bytes: &[u8]) -> io::Result<()> {
    let mut out = stdout();
    out.write_all(bytes)?;
    out.flush()
}
