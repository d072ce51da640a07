//! Entering and leaving the full screen, through ratatui's own init and
//! restore (which also restores the terminal on a panic), with the mouse
//! captured and focus changes reported (for away credit) while the app has
//! the screen, both given back on every way out.

#[cfg(unix)]
use std::io::Write;
use std::io::{self, stdout};

use ratatui::DefaultTerminal;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};
use ratatui::layout::Rect;

/// Raw mode, the alternate screen, mouse capture, and a panic hook that
/// undoes all three.
pub fn enter() -> io::Result<DefaultTerminal> {
    let mut terminal = ratatui::try_init()?;
    // ratatui's hook restores the screen and raw mode; this one, run
    // first, releases the mouse.
    let restore = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        release_mouse();
        restore(info);
    }));
    capture_mouse()?;
    redraw_everything(&mut terminal)?;
    Ok(terminal)
}

/// Back to the shell's screen with a visible cursor and the mouse its
/// own again. Errors are ignored: this runs on every way out, including
/// after the terminal has gone.
pub fn leave() {
    release_mouse();
    let _ = ratatui::try_restore();
    let _ = execute!(stdout(), Show);
}

/// Button presses and the wheel, reported in the SGR encoding (any size
/// of terminal); not every move of the pointer, which would wake the app
/// for nothing. Then focus lost/gained reports (crossterm's
/// `EnableFocusChange`), where the terminal has them.
#[cfg(unix)]
const MOUSE_ON: &[u8] = b"\x1b[?1000h\x1b[?1006h\x1b[?1004h";
/// Undoes [`MOUSE_ON`], and the modes crossterm's capture would have set.
#[cfg(unix)]
const MOUSE_OFF: &[u8] = b"\x1b[?1004l\x1b[?1006l\x1b[?1015l\x1b[?1003l\x1b[?1002l\x1b[?1000l";

/// Asks the terminal to report clicks and the wheel.
#[cfg(unix)]
fn capture_mouse() -> io::Result<()> {
    let mut out = stdout();
    out.write_all(MOUSE_ON)?;
    out.flush()
}

/// The console's own mouse input mode.
#[cfg(not(unix))]
fn capture_mouse() -> io::Result<()> {
    use ratatui::crossterm::event::{EnableFocusChange, EnableMouseCapture};
    execute!(stdout(), EnableMouseCapture, EnableFocusChange)
}

/// Stops the mouse reports; errors ignored (see [`leave`]).
#[cfg(unix)]
fn release_mouse() {
    let mut out = stdout();
    let _ = out.write_all(MOUSE_OFF);
    let _ = out.flush();
}

/// Stops the mouse reports; errors ignored (see [`leave`]).
#[cfg(not(unix))]
fn release_mouse() {
    use ratatui::crossterm::event::{DisableFocusChange, DisableMouseCapture};
    let _ = execute!(stdout(), DisableFocusChange, DisableMouseCapture);
}

/// Leaves the screen, stops until continued, and comes back.
#[cfg(unix)]
pub fn suspend(terminal: &mut DefaultTerminal) -> io::Result<()> {
    leave();
    super::signals::stop_self()?;
    resume(terminal)
}

/// Without job control there is no shell to stop to: the screen stays.
#[cfg(not(unix))]
pub fn suspend(_terminal: &mut DefaultTerminal) -> io::Result<()> {
    Ok(())
}

/// Takes the screen (and the mouse) again (after a stop the shell had
/// them) and redraws it whole. Safe to call when the screen is already
/// ours.
pub fn resume(terminal: &mut DefaultTerminal) -> io::Result<()> {
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen)?;
    capture_mouse()?;
    redraw_everything(terminal)
}

/// Clears the screen and makes the next draw write every cell, without
/// `Terminal::clear`, which asks the terminal for the cursor position and
/// fails when nothing answers.
fn redraw_everything(terminal: &mut DefaultTerminal) -> io::Result<()> {
    let size = terminal.size()?;
    terminal.resize(Rect::new(0, 0, size.width, size.height))
}
