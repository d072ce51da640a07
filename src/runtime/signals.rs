//! Signals, for the full-screen app and `backcoach remind` alike: one
//! thread waits for them and sends each into the caller's event channel.
//! Nothing is raised to wake anybody up. On platforms without POSIX
//! signals, `watch` does nothing (Ctrl-C reaches the full-screen app as a
//! key; `remind` is ended by the console's default handler).

use std::io;
use std::sync::mpsc::Sender;
use std::time::Duration;

#[cfg(unix)]
pub use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};

/// Signal numbers, for exit codes, where the platform has none.
#[cfg(not(unix))]
mod numbers {
    pub const SIGHUP: i32 = 1;
    pub const SIGINT: i32 = 2;
    pub const SIGQUIT: i32 = 3;
    pub const SIGTERM: i32 = 15;
    pub const SIGCONT: i32 = 18;
    pub const SIGTSTP: i32 = 20;
}
#[cfg(not(unix))]
pub use numbers::*;

/// Signals that end a program: terminate, hang-up, interrupt, quit.
pub const ENDING: [i32; 4] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT];

/// True for the signals in [`ENDING`].
pub fn ends(signal: i32) -> bool {
    ENDING.contains(&signal)
}

/// The conventional exit code of a process ended by `signal`.
pub fn exit_code(signal: i32) -> u8 {
    u8::try_from(128 + signal).unwrap_or(1)
}

/// What the watcher does if the program has not ended `grace` after an
/// ending signal (its main loop is stuck, e.g. writing to a terminal that
/// has gone): restore what it can and exit.
pub struct Fallback {
    /// How long the main loop gets to end by itself.
    pub grace: Duration,
    /// Run just before exiting (e.g. leave the alternate screen).
    pub restore: fn(),
}

/// Starts a thread that sends every one of `signals` that arrives into
/// `tx`, wrapped by `wrap`. With a `fallback`, the process exits by itself
/// when an ending signal was not acted on in time.
#[cfg(unix)]
pub fn watch<T: Send + 'static>(
    signals: &[i32],
    tx: Sender<T>,
    wrap: fn(i32) -> T,
    fallback: Option<Fallback>,
) -> io::Result<()> {
    let mut incoming = signal_hook::iterator::Signals::new(signals)?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            for signal in incoming.forever() {
                if tx.send(wrap(signal)).is_err() {
                    break;
                }
                if let Some(fallback) = &fallback
                    && ends(signal)
                {
                    std::thread::sleep(fallback.grace);
                    (fallback.restore)();
                    std::process::exit(128 + signal);
                }
            }
        })?;
    Ok(())
}

/// Without POSIX signals there is nothing to watch.
#[cfg(not(unix))]
pub fn watch<T: Send + 'static>(
    _signals: &[i32],
    _tx: Sender<T>,
    _wrap: fn(i32) -> T,
    _fallback: Option<Fallback>,
) -> io::Result<()> {
    Ok(())
}

/// Stops this process as the terminal's suspend key would, until the shell
/// continues it (`fg`); returns once continued.
#[cfg(unix)]
pub fn stop_self() -> io::Result<()> {
    signal_hook::low_level::emulate_default_handler(SIGTSTP)
}
