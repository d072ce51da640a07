//! The one impure place of the full-screen app: the terminal, the clock,
//! the disk and signals. Everything it decides comes from `app::update`.
//!
//! One channel wakes the loop: an input thread (crossterm's blocking read),
//! the signal watcher and every worker send into it, and the loop waits on
//! it until the next deadline the app asked for. Nothing running means no
//! timeout and no wake-up at all.

pub mod boot_clock;
mod idle;
pub mod nudge;
mod perform;
pub mod plain;
pub mod report_file;
mod reread;
pub mod signals;
pub mod speech;
mod terminal;

use std::collections::VecDeque;
use std::io;
use std::mem::ManuallyDrop;
use std::process::ExitCode;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use chrono::Local;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event};

use crate::app::reminder::Heard;
use crate::app::{self, App, Msg, Now, Outcome};
use crate::store::Store;
use crate::{keys, ui};

/// Reads the clocks. The only place the app learns the time.
pub fn now() -> Now {
    Now {
        instant: Instant::now(),
        wall: Local::now(),
        boot: boot_clock::read(),
    }
}

/// What wakes the loop.
enum Wake {
    /// A terminal event from the input thread.
    Input(Event),
    /// The input thread could not read the terminal.
    InputFailed(io::Error),
    /// A signal from the watcher.
    Signal(i32),
    /// The result of work done on a worker thread.
    Outcome(Outcome),
}

/// How long the main loop gets to end by itself after an ending signal
/// before the signal watcher restores the terminal and exits.
const SIGNAL_GRACE: Duration = Duration::from_millis(1500);

/// Signals the full-screen app handles: the ending ones, a suspend sent
/// from outside (`kill -TSTP`) and the continue that follows any stop.
const WATCHED: [i32; 6] = [
    signals::SIGTERM,
    signals::SIGHUP,
    signals::SIGINT,
    signals::SIGQUIT,
    signals::SIGTSTP,
    signals::SIGCONT,
];

/// Runs the full-screen app until the user quits or a signal ends it.
/// The terminal is restored on every way out, panics included.
pub fn run(app: App, store: &Store) -> io::Result<ExitCode> {
    let (tx, rx) = mpsc::channel();
    let fallback = signals::Fallback {
        grace: SIGNAL_GRACE,
        restore: terminal::leave,
    };
    signals::watch(&WATCHED, tx.clone(), Wake::Signal, Some(fallback))?;
    // Never dropped: ratatui's Terminal shows the cursor when dropped and
    // prints to stderr when it cannot, and that print panics once the
    // terminal has hung up. `leave` shows the cursor instead.
    let mut term = ManuallyDrop::new(terminal::enter()?);
    let mut app = app;
    let result =
        read_input(tx.clone()).and_then(|()| run_loop(&mut app, store, &mut term, &tx, &rx));
    terminal::leave();
    // The last cue (the alarm, the end of a routine) is still said.
    speech::flush(Duration::from_secs(1));
    match result {
        Ok(code) => Ok(code),
        // A hung-up or killed terminal fails reads and writes, often just
        // before its signal arrives: the signal is the story. Either way
        // the process ends here, so a session in progress is recorded.
        Err(err) => {
            end(&mut app, store, &mut term, &tx);
            ending_signal(&rx, HANGUP_WAIT).map_or(Err(err), |signal| {
                Ok(ExitCode::from(signals::exit_code(signal)))
            })
        }
    }
}

/// The process is about to end without the user quitting (a signal, a
/// lost terminal): the app says what must be kept (a session in progress
/// goes into the history as abandoned) and it is done, errors ignored.
fn end(app: &mut App, store: &Store, term: &mut DefaultTerminal, tx: &Sender<Wake>) {
    if app.quit {
        return;
    }
    for cmd in app::update(app, Outcome::Ending, now()) {
        let _ = perform::perform(cmd, app, store, term, tx);
    }
}

/// How long a terminal error waits for the signal that explains it.
const HANGUP_WAIT: Duration = Duration::from_millis(300);

/// An ending signal already sent, or sent within `wait`.
fn ending_signal(rx: &Receiver<Wake>, wait: Duration) -> Option<i32> {
    let deadline = Instant::now() + wait;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(Wake::Signal(signal)) if signals::ends(signal) => return Some(signal),
            Ok(_) => {}
            Err(_) => return None,
        }
    }
}

/// Starts the thread that reads the terminal and sends what it reads.
fn read_input(tx: Sender<Wake>) -> io::Result<()> {
    std::thread::Builder::new()
        .name("input".into())
        .spawn(move || {
            loop {
                let wake = match event::read() {
                    Ok(event) => Wake::Input(event),
                    Err(err) => {
                        let _ = tx.send(Wake::InputFailed(err));
                        return;
                    }
                };
                if tx.send(wake).is_err() {
                    return;
                }
            }
        })
        .map(|_| ())
}

fn run_loop(
    app: &mut App,
    store: &Store,
    term: &mut DefaultTerminal,
    tx: &Sender<Wake>,
    rx: &Receiver<Wake>,
) -> io::Result<ExitCode> {
    let mut queue: VecDeque<Msg> = VecDeque::from([Outcome::Started.into()]);
    let mut dirty = true;
    let mut reread = reread::Reread::new(store);
    loop {
        while let Some(msg) = queue.pop_front() {
            dirty = true;
            for cmd in app::update(app, msg, now()) {
                if let Some(outcome) = perform::perform(cmd, app, store, term, tx)? {
                    queue.push_back(outcome.into());
                }
            }
        }
        if app.quit {
            return Ok(ExitCode::SUCCESS);
        }
        if dirty {
            let mut drawn = app.drawn();
            term.draw(|frame| drawn = ui::view(app, frame))?;
            dirty = false;
            if drawn != app.drawn() {
                // The model needs these facts of the layout (whether the
                // end of the warnings, or the heat/cold alert, is on
                // screen).
                queue.push_back(Outcome::Drawn(drawn).into());
                continue;
            }
        }
        // Sleep until something arrives, or until the next moment the
        // screen changes by itself; with nothing running, no timeout.
        let wake = match app::next_wakeup(app, now()) {
            None => rx.recv().ok(),
            Some(at) => match rx.recv_timeout(at.saturating_duration_since(Instant::now())) {
                Ok(wake) => Some(wake),
                Err(RecvTimeoutError::Timeout) => Some(Wake::Outcome(Outcome::Tick)),
                Err(RecvTimeoutError::Disconnected) => None,
            },
        };
        // Before a key or a wake-up is handled: what others changed.
        if wake.is_some() {
            queue.extend(reread.look(store).into_iter().map(Msg::from));
        }
        match wake {
            Some(Wake::Input(Event::Key(key))) => queue.push_back(match keys::map(key, app) {
                Some(intent) => intent.into(),
                // A key that means nothing here still says someone is back.
                None => Outcome::Reminder(Heard::Activity).into(),
            }),
            Some(Wake::Input(Event::Mouse(mouse))) => {
                queue.extend(keys::mouse::map(mouse, app).map(Msg::from));
            }
            Some(Wake::Input(Event::Resize(..))) => dirty = true,
            Some(Wake::Input(Event::FocusLost)) => {
                queue.push_back(Outcome::Reminder(Heard::FocusLost).into())
            }
            Some(Wake::Input(Event::FocusGained)) => {
                queue.push_back(Outcome::Reminder(Heard::FocusGained).into())
            }
            Some(Wake::Input(_)) => {}
            Some(Wake::InputFailed(err)) => return Err(err),
            // Asked to stop from outside (`kill -TSTP`): the app pauses
            // what it can and asks for the suspend, which restores the
            // terminal first. It cannot refuse: the shell asked.
            Some(Wake::Signal(signals::SIGTSTP)) => queue.push_back(Outcome::Stopping.into()),
            Some(Wake::Signal(signals::SIGCONT)) => {
                // Continued after a stop we did not see coming: the screen
                // may be the shell's.
                terminal::resume(term)?;
                queue.push_back(Outcome::Resumed.into());
            }
            Some(Wake::Signal(signal)) => {
                end(app, store, term, tx);
                return Ok(ExitCode::from(signals::exit_code(signal)));
            }
            Some(Wake::Outcome(outcome)) => queue.push_back(outcome.into()),
            // Every sender is gone: nothing can wake the loop again.
            None => return Ok(ExitCode::FAILURE),
        }
    }
}
