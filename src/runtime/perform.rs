//! Carrying out the work `update` asks for: the disk, the bell,
//! notifications, spoken cues and suspending. Each may answer with an
//! outcome.

use std::io::{self, Write, stdout};
use std::sync::mpsc::Sender;

use ratatui::DefaultTerminal;

use super::{Wake, now, speech, terminal};
use crate::app::reminder::Heard;
use crate::app::reminder::Work;
use crate::app::{App, Cmd, Outcome};
use crate::store::Store;
use crate::{notify, probe};

/// Runs one command; may return what came of it.
pub(super) fn perform(
    cmd: Cmd,
    app: &App,
    store: &Store,
    term: &mut DefaultTerminal,
    tx: &Sender<Wake>,
) -> io::Result<Option<Outcome>> {
    let tx = tx.clone();
    let report = move |outcome| {
        let _ = tx.send(Wake::Outcome(outcome));
    };
    Ok(match shared(cmd, app, store, report) {
        Ok(outcome) => outcome,
        Err(Cmd::Bell) => {
            write_raw(b"\x07")?;
            None
        }
        Err(Cmd::TerminalNotification(note)) => {
            let in_tmux = std::env::var_os("TMUX").is_some();
            write_raw(&notify::terminal_sequence(note.title, &note.body, in_tmux))?;
            None
        }
        Err(Cmd::Suspend) => {
            terminal::suspend(term)?;
            Some(Outcome::Resumed)
        }
        Err(_) => None,
    })
}

/// The work every front-end does alike: the disk, desktop notifications
/// and spoken cues. `report` takes what a worker learns later (it runs on
/// the worker's thread). `Err` hands back a command that is the
/// front-end's own: the bell, a terminal notification, suspending.
pub(super) fn shared(
    cmd: Cmd,
    app: &App,
    store: &Store,
    report: impl Fn(Outcome) + Send + 'static,
) -> Result<Option<Outcome>, Cmd> {
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
        Cmd::LoadHistory => {
            let wall = now().wall;
            in_background(store, report, move |store| {
                Outcome::HistoryLoaded(store.load_sessions(wall).map_err(|err| err.to_string()))
            })
        }
        Cmd::FindLastReview => in_background(store, report, |store| {
            Outcome::LastReview(store.last_review().ok().flatten())
        }),
        Cmd::WriteReport => {
            let content = app.content.clone();
            let folder = super::report_file::folder(store.dir());
            let wall = now().wall;
            in_background(store, report, move |store| {
                let written = super::report_file::write_report(store, &content, &folder, wall);
                Outcome::ReportWritten(written.map(|p| p.display().to_string()))
            })
        }
        Cmd::FindDoseChange => in_background(store, report, |store| {
            Outcome::DoseChangeFound(store.last_dose_change().ok().flatten().map(Box::new))
        }),
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
        Cmd::Reminder(Work::SaveQuiet(quiet)) => store
            .save_quiet(quiet.as_ref())
            .err()
            .map(|err| Outcome::SaveFailed(format!("quiet: {err}"))),
        Cmd::Reminder(Work::ProbeIdle) => {
            let spawned = std::thread::Builder::new()
                .name("idle".into())
                .spawn(move || report(Outcome::Reminder(Heard::Idle(super::idle::seconds()))));
            spawned
                .is_err()
                .then(|| Outcome::Reminder(Heard::Idle(super::idle::seconds())))
        }
        Cmd::Reminder(Work::AskQuietWhile(commands)) => {
            let work = commands.clone();
            let spawned = std::thread::Builder::new()
                .name("quiet-while".into())
                .spawn(move || {
                    report(Outcome::Reminder(Heard::QuietWhile(probe::any_succeeds(
                        &work,
                    ))))
                });
            // No thread: asked here (each command has a short limit).
            spawned
                .is_err()
                .then(|| Outcome::Reminder(Heard::QuietWhile(probe::any_succeeds(&commands))))
        }
        Cmd::DesktopNotification(note) => {
            notify::desktop(note.title, &note.body, move |result| {
                if let Err(reason) = result {
                    report(Outcome::NotificationsUnavailable(reason));
                }
            });
            None
        }
        Cmd::Speak(text) => {
            let command = app.settings.speech.command.as_deref();
            speech::say(&text, command, move |reason| {
                report(Outcome::SpeechUnavailable(reason));
            });
            None
        }
        own @ (Cmd::Bell | Cmd::TerminalNotification(_) | Cmd::Suspend) => return Err(own),
    })
}

/// Reads the history on a worker thread, which `report`s what `read`
/// made of it: however large the history, keys keep working meanwhile
/// (the History screen says it is reading). Where no thread can be
/// started, it is read here and the outcome returned at once.
fn in_background<F>(
    store: &Store,
    report: impl Fn(Outcome) + Send + 'static,
    read: F,
) -> Option<Outcome>
where
    F: Fn(&Store) -> Outcome + Send + Clone + 'static,
{
    let (worker, work) = (store.clone(), read.clone());
    let spawned = std::thread::Builder::new()
        .name("history".into())
        .spawn(move || report(work(&worker)));
    match spawned {
        Ok(_) => None,
        Err(_) => Some(read(store)),
    }
}

/// Bytes for the terminal itself (a bell, a notification escape), outside
/// ratatui's frames.
fn write_raw(bytes: &[u8]) -> io::Result<()> {
    let mut out = stdout();
    out.write_all(bytes)?;
    out.flush()
}
