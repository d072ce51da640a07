//! Entering and leaving the full screen, through ratatui's own init and
//! restore (which also restores the terminal on a panic).

use std::io::{self, stdout};

use ratatui::DefaultTerminal;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};
use ratatui::layout::Rect;

/// Raw mode, the alternate screen and a panic hook that undoes both.
pub fn enter() -> io::Result<DefaultTerminal> {
    let mut terminal = ratatui::try_init()?;
    redraw_everything(&mut terminal)?;
    Ok(terminal)
}

/// Back to the shell's screen with a visible cursor. Errors are ignored:
/// this runs on every way out, including after the terminal has gone.
pub fn leave() {
    let _ = ratatui::try_restore();
    let _ = execute!(stdout(), Show);
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

/// Takes the screen again (after a stop the shell had it) and redraws it
/// whole. Safe to call when the screen is already ours.
pub fn resume(terminal: &mut DefaultTerminal) -> io::Result<()> {
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen)?;
    redraw_everything(terminal)
}

/// Clears the screen and makes the next draw write every cell, without
/// `Terminal::clear`, which asks the terminal for the cursor position and
/// fails when nothing answers.
fn redraw_everything(terminal: &mut DefaultTerminal) -> io::Result<()> {
    let size = terminal.size()?;
    terminal.resize(Rect::new(0, 0, size.width, size.height))
}
