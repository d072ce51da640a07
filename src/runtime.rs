//! The one impure place of the full-screen app: the terminal, the clock,
//! the disk and signals. Everything it decides comes from `app::update`.

use std::io::{self, Stdout, Write, stdout};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::mpsc::{self, Sender};
use std::time::{Duration, Instant};

use chrono::Local;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::{Hide, Show};
use ratatui::crossterm::event::{self, Event};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::layout::Rect;
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGWINCH};
use signal_hook::iterator::Signals;
use signal_hook::low_level::raise;

use crate::app::{self, App, Cmd, Msg, Now};
use crate::store::Store;
use crate::{keys, notify, ui};

/// Reads both clocks. The only place the app learns the time.
pub fn now() -> Now {
    Now {
        instant: Instant::now(),
        wall: Local::now(),
    }
}

/// Runs the full-screen app until the user quits or a signal ends it.
/// The terminal is restored on every way out, panics included.
pub fn run(app: App, store: &Store) -> io::Result<ExitCode> {
    let stop = watch_signals()?;
    install_panic_hook();
    let guard = TerminalGuard::enter()?;
    let result = run_loop(app, store, &stop);
    drop(guard);
    match (result, pending(&stop)) {
        // A hung-up or killed terminal fails writes; the signal is the story.
        (Err(_), Some(signal)) => Ok(exit_for_signal(signal)),
        (result, _) => result,
    }
}

fn run_loop(mut app: App, store: &Store, stop: &AtomicI32) -> io::Result<ExitCode> {
    let mut terminal = Terminal::new(CrosstermBackend::new(stdout()))?;
    redraw_everything(&mut terminal)?;
    let size = terminal.size()?;
    // Desktop notifications fail on a worker thread; the reason comes back here.
    let (failed_tx, failed_rx) = mpsc::channel();
    // Popped from the end: the size is known before the first screen opens.
    let mut queue = vec![
        Msg::Launch,
        Msg::Viewport {
            width: size.width,
            height: size.height,
        },
    ];
    while let Some(msg) = queue.pop() {
        for cmd in app::update(&mut app, msg, now()) {
            queue.extend(perform(cmd, &app, store, &mut terminal, &failed_tx)?);
        }
    }
    let mut dirty = true;
    loop {
        if let Some(signal) = pending(stop) {
            return Ok(exit_for_signal(signal));
        }
        if app.quit {
            return Ok(ExitCode::SUCCESS);
        }
        if dirty {
            terminal.draw(|frame| ui::view(&app, frame))?;
            dirty = false;
        }
        // Sleep until input, or until the next moment the screen changes by
        // itself; with nothing running there is no timeout and no wake-up.
        let input_ready = match app::next_wakeup(&app, now()) {
            None => true,
            Some(at) => event::poll(at.saturating_duration_since(Instant::now()))?,
        };
        if pending(stop).is_some() {
            continue;
        }
        let msg = if input_ready {
            match event::read() {
                Ok(Event::Key(key)) => keys::map(key, &app),
                Ok(Event::Resize(width, height)) => Some(Msg::Viewport { width, height }),
                Ok(_) => None,
                Err(err) => return Err(err),
            }
        } else {
            // A deadline passed: let the timers catch up and redraw.
            Some(Msg::Tick)
        };
        let failed = failed_rx.try_iter().map(Msg::NotificationsUnavailable);
        let mut queue: Vec<Msg> = msg.into_iter().chain(failed).collect();
        if queue.is_empty() {
            continue;
        }
        dirty = true;
        while let Some(msg) = queue.pop() {
            for cmd in app::update(&mut app, msg, now()) {
                if let Some(follow_up) = perform(cmd, &app, store, &mut terminal, &failed_tx)? {
                    queue.push(follow_up);
                }
            }
        }
    }
}

/// Runs one command; may return a message describing its outcome.
fn perform(
    cmd: Cmd,
    app: &App,
    store: &Store,
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    failed: &Sender<String>,
) -> io::Result<Option<Msg>> {
    match cmd {
        Cmd::SaveSettings => Ok(store
            .save_settings(&app.settings)
            .err()
            .map(|err| Msg::SaveFailed(err.to_string()))),
        Cmd::Append(record) => Ok(store
            .append(&record)
            .err()
            .map(|err| Msg::AppendFailed(err.to_string()))),
        Cmd::Bell => {
            let mut out = stdout();
            out.write_all(b"\x07")?;
            out.flush()?;
            Ok(None)
        }
        Cmd::LoadHistory => Ok(Some(Msg::HistoryLoaded(
            store
                .load_sessions(now().wall)
                .map_err(|err| err.to_string()),
        ))),
        Cmd::SaveRunning(running) => Ok(store
            .save_running(&running)
            .err()
            .map(|err| Msg::TherapyStoreFailed(err.to_string()))),
        Cmd::ClearRunning => Ok(store
            .clear_running()
            .err()
            .map(|err| Msg::TherapyStoreFailed(err.to_string()))),
        Cmd::SaveSchedule => Ok(app.reminder.schedule.and_then(|schedule| {
            store
                .save_schedule(&schedule)
                .err()
                .map(|err| Msg::SaveFailed(format!("reminder schedule: {err}")))
        })),
        Cmd::TerminalNotification(text) => {
            let in_tmux = std::env::var_os("TMUX").is_some();
            let mut out = stdout();
            out.write_all(&notify::terminal_sequence(
                crate::domain::reminder::TITLE,
                &text,
                in_tmux,
            ))?;
            out.flush()?;
            Ok(None)
        }
        Cmd::DesktopNotification(text) => {
            let failed = failed.clone();
            notify::desktop(crate::domain::reminder::TITLE, &text, move |result| {
                // Wake the loop the way the signal thread does; it then
                // finds the reason in the channel.
                if let Err(reason) = result
                    && failed.send(reason).is_ok()
                {
                    let _ = raise(SIGWINCH);
                }
            });
            Ok(None)
        }
        Cmd::Suspend => {
            leave_screen()?;
            // No handler is installed for SIGTSTP, so this stops the process
            // until the shell sends SIGCONT (`fg`); then we carry on here.
            raise(SIGTSTP)?;
            enter_screen()?;
            redraw_everything(terminal)?;
            Ok(Some(Msg::Resize))
        }
    }
}

/// Clears the screen and makes the next draw write every cell, without
/// `Terminal::clear`, which asks the terminal for the cursor position and
/// fails when nothing answers.
fn redraw_everything(terminal: &mut Terminal<CrosstermBackend<Stdout>>) -> io::Result<()> {
    let size = terminal.size()?;
    terminal.resize(Rect::new(0, 0, size.width, size.height))
}

/// How long the main loop gets to end by itself after a signal.
const SIGNAL_GRACE: Duration = Duration::from_millis(500);

/// Signals that end the app. A thread waits for them, records which one
/// came, and raises SIGWINCH: crossterm listens for that one, so the main
/// loop wakes up from `event::read` and sees the stop request. When the
/// terminal has hung up, crossterm's reader spins on end-of-file and never
/// returns; then this thread restores what it can and exits itself.
fn watch_signals() -> io::Result<Arc<AtomicI32>> {
    let stop = Arc::new(AtomicI32::new(0));
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])?;
    let flag = Arc::clone(&stop);
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                flag.store(signal, Ordering::SeqCst);
                let _ = raise(SIGWINCH);
                std::thread::sleep(SIGNAL_GRACE);
                let _ = leave_screen();
                std::process::exit(128 + signal);
            }
        })?;
    Ok(stop)
}

fn pending(stop: &AtomicI32) -> Option<i32> {
    match stop.load(Ordering::SeqCst) {
        0 => None,
        signal => Some(signal),
    }
}

fn exit_for_signal(signal: i32) -> ExitCode {
    ExitCode::from(u8::try_from(128 + signal).unwrap_or(1))
}

fn enter_screen() -> io::Result<()> {
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen, Hide)
}

fn leave_screen() -> io::Result<()> {
    let screen = execute!(stdout(), LeaveAlternateScreen, Show);
    let raw = disable_raw_mode();
    screen.and(raw)
}

/// Restores the terminal when dropped, whatever path leaves `run`.
struct TerminalGuard;

impl TerminalGuard {
    fn enter() -> io::Result<TerminalGuard> {
        let guard = TerminalGuard;
        enter_screen()?;
        Ok(guard)
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        let _ = leave_screen();
    }
}

/// Restores the terminal before the default hook prints the panic, so the
/// message lands on the normal screen and the shell is usable.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = leave_screen();
        previous(info);
    }));
}
