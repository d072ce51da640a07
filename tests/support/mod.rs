//! Drives the real binary in a pseudo-terminal and reads its screen with
//! vt100: the harness shared by the end-to-end test files.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

pub mod content;
pub mod disk;
pub mod ended;
pub mod model;
pub mod screen;
pub mod tui;
pub mod world;

use std::ffi::{OsStr, OsString};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::PathBuf;
use std::process::Command;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, SlavePty};
use tempfile::TempDir;

pub const BIN: &str = env!("CARGO_BIN_EXE_backcoach");
/// Generous: CI machines are slow and these tests run in parallel.
pub const TIMEOUT: Duration = Duration::from_secs(10);
/// How long to sleep between two looks at the screen.
pub const POLL: Duration = Duration::from_millis(20);

pub const ENTER_ALT_SCREEN: &[u8] = b"\x1b[?1049h";
pub const LEAVE_ALT_SCREEN: &[u8] = b"\x1b[?1049l";

/// Device status report "cursor position" query.
pub const CURSOR_QUERY: &[u8] = b"\x1b[6n";

pub const ENTER: &[u8] = b"\r";
pub const ESC: &[u8] = b"\x1b";

pub const DISCLAIMER_TITLE: &str = "A coach, not a diagnosis";
pub const HOME_TITLE: &str = "What would you like to do?";
pub const LIBRARY_TITLE: &str = "Exercises · filter: all";

// Not every test binary uses every part of the harness.
#[allow(unused_imports)]
pub use ended::{Ended, find_last, has_flag};
#[allow(unused_imports)]
pub use tui::{Tui, nonzero, pty_command, size, take_output};
pub use world::World;

/// Locks, even after a panic elsewhere: a failing test must still be able to
/// show the screen.
pub fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Starts the app on a fresh data folder and acknowledges the disclaimer.
pub fn start_at_home(world: &World, extra: &[&OsStr]) -> Tui {
    let mut tui = world.spawn(extra, 80, 24);
    tui.wait_for(DISCLAIMER_TITLE);
    tui.send(ENTER);
    tui.wait_for(HOME_TITLE);
    tui
}

/// Opens a home menu entry by what it is, not by how many `j` presses it
/// takes, so adding an entry does not break every test.
pub fn open_home_entry(tui: &mut Tui, entry: backcoach::app::HomeEntry) {
    let index = backcoach::app::HomeEntry::ALL
        .iter()
        .position(|e| *e == entry)
        .unwrap();
    tui.send(b"g");
    for _ in 0..index {
        tui.send(b"j");
    }
    // The menu shows each entry behind its shortcut digit.
    tui.wait_for(&format!("▶ {} {}", index + 1, entry.label()));
    tui.send(ENTER);
}
