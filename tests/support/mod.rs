//! Drives the real binary in a pseudo-terminal and reads its screen with
//! vt100: the harness shared by the end-to-end test files.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

pub mod content;
pub mod disk;
pub mod screen;

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

/// A private world for one test: a data folder and a home/config folder, so
/// nothing from the machine's real config (e.g. a user content folder)
/// leaks in.
pub struct World {
    pub root: TempDir,
}

impl World {
    pub fn new() -> World {
        let root = tempfile::Builder::new()
            .prefix("backcoach-e2e-")
            .tempdir()
            .unwrap();
        std::fs::create_dir(root.path().join("home")).unwrap();
        World { root }
    }

    /// A world whose settings say the first-run statement was already
    /// acknowledged, plus `extra` settings fields (e.g. `reminder: (…),`).
    pub fn acknowledged(extra: &str) -> World {
        let world = World::new();
        std::fs::create_dir_all(world.data_dir()).unwrap();
        std::fs::write(
            world.data_dir().join("settings.ron"),
            format!(
                "(version: 1, disclaimer_acknowledged: Some(\"2026-01-01T00:00:00+00:00\"), {extra})"
            ),
        )
        .unwrap();
        world
    }

    pub fn data_dir(&self) -> PathBuf {
        self.root.path().join("data")
    }

    pub fn home(&self) -> PathBuf {
        self.root.path().join("home")
    }

    /// Where `config.ron` is by default: the config folder under the
    /// world's `XDG_CONFIG_HOME`.
    pub fn config_dir(&self) -> PathBuf {
        self.home().join("config").join("backcoach")
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.root.path().join(name)
    }

    /// The environment every run gets, pty or not.
    pub fn env(&self) -> Vec<(OsString, Option<OsString>)> {
        vec![
            ("TERM".into(), Some("xterm-256color".into())),
            ("HOME".into(), Some(self.home().into())),
            (
                "XDG_CONFIG_HOME".into(),
                Some(self.home().join("config").into()),
            ),
            (
                "XDG_DATA_HOME".into(),
                Some(self.home().join("data").into()),
            ),
            ("BACKCOACH_CONTENT_DIR".into(), None),
            ("BACKCOACH_DATA_DIR".into(), None),
            ("BACKCOACH_CONFIG_DIR".into(), None),
            ("BACKCOACH_PLAIN".into(), None),
            ("COLUMNS".into(), None),
            ("LINES".into(), None),
        ]
    }

    /// `--data-dir` and then `extra`.
    pub fn app_args(&self, extra: &[&OsStr]) -> Vec<OsString> {
        let mut args: Vec<OsString> = vec!["--data-dir".into(), self.data_dir().into()];
        args.extend(extra.iter().map(|a| a.to_os_string()));
        args
    }

    /// Starts the full-screen app with `--data-dir` and `extra` arguments.
    pub fn spawn(&self, extra: &[&OsStr], cols: u16, rows: u16) -> Tui {
        Tui::spawn(&self.app_args(extra), &self.env(), cols, rows)
    }

    /// The binary with `args` and this world's environment, not run yet.
    pub fn command(&self, args: &[&OsStr]) -> Command {
        let mut cmd = Command::new(BIN);
        cmd.args(args);
        for (key, value) in self.env() {
            match value {
                Some(v) => cmd.env(key, v),
                None => cmd.env_remove(key),
            };
        }
        cmd
    }

    /// Runs the binary without a terminal and collects its output.
    pub fn run(&self, args: &[&OsStr]) -> std::process::Output {
        self.command(args).output().unwrap()
    }

    /// Runs the binary with `--data-dir` and then `extra`, without a
    /// terminal.
    pub fn run_in_data(&self, extra: &[&str]) -> std::process::Output {
        let extra: Vec<&OsStr> = extra.iter().map(OsStr::new).collect();
        let args = self.app_args(&extra);
        let refs: Vec<&OsStr> = args.iter().map(OsString::as_os_str).collect();
        self.run(&refs)
    }
}

/// The app running in a pseudo-terminal.
pub struct Tui {
    pub parser: Arc<Mutex<vt100::Parser>>,
    pub raw: Arc<Mutex<Vec<u8>>>,
    pub master: Box<dyn MasterPty + Send>,
    /// The test keeps the slave open until it has read the terminal modes
    /// after the app exited, so they are the modes the app left (whatever
    /// the kernel may do once the last slave descriptor closes). Closing it
    /// afterwards lets the reader see the end of the output.
    pub slave: Option<Box<dyn SlavePty + Send>>,
    pub writer: Arc<Mutex<Box<dyn Write + Send>>>,
    pub child: Box<dyn Child + Send + Sync>,
    pub reader: Option<JoinHandle<()>>,
    pub status: Option<ExitStatus>,
}

/// What is left once the app has exited.
pub struct Ended {
    pub status: ExitStatus,
    /// Names of the terminal's local mode flags after exit (e.g. "ICANON").
    pub local_flags: Vec<String>,
    /// Every byte the app wrote.
    pub raw: Vec<u8>,
}

/// Locks, even after a panic elsewhere: a failing test must still be able to
/// show the screen.
pub fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The command line and environment for a program run in a pty.
pub fn pty_command(
    program: &OsStr,
    args: &[OsString],
    env: &[(OsString, Option<OsString>)],
) -> CommandBuilder {
    let mut cmd = CommandBuilder::new(program);
    cmd.args(args);
    for (key, value) in env {
        match value {
            Some(v) => cmd.env(key, v),
            None => cmd.env_remove(key),
        }
    }
    cmd
}

/// Feeds the app's output to the emulator and the raw log, and returns what
/// a real terminal would answer: the app (ratatui, when it clears the
/// screen) asks where the cursor is and fails after 2 s without a reply.
/// Searching from just before the new bytes also finds a query split
/// across two reads.
pub fn take_output(bytes: &[u8], parser: &mut vt100::Parser, raw: &mut Vec<u8>) -> Vec<u8> {
    let start = raw.len().saturating_sub(CURSOR_QUERY.len() - 1);
    raw.extend_from_slice(bytes);
    parser.process(bytes);
    let queries = raw[start..]
        .windows(CURSOR_QUERY.len())
        .filter(|w| *w == CURSOR_QUERY)
        .count();
    let (row, col) = parser.screen().cursor_position();
    format!("\x1b[{};{}R", row + 1, col + 1)
        .repeat(queries)
        .into_bytes()
}

pub fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

pub fn nonzero(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).unwrap()
}

impl Tui {
    pub fn spawn(
        args: &[OsString],
        env: &[(OsString, Option<OsString>)],
        cols: u16,
        rows: u16,
    ) -> Tui {
        Tui::spawn_program(OsStr::new(BIN), args, env, cols, rows)
    }

    pub fn spawn_program(
        program: &OsStr,
        args: &[OsString],
        env: &[(OsString, Option<OsString>)],
        cols: u16,
        rows: u16,
    ) -> Tui {
        let pair = portable_pty::native_pty_system()
            .openpty(size(cols, rows))
            .unwrap();
        let cmd = pty_command(program, args, env);
        let child = pair.slave.spawn_command(cmd).unwrap();
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            nonzero(rows),
            nonzero(cols),
            0,
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let writer = Arc::new(Mutex::new(pair.master.take_writer().unwrap()));
        let mut reader = pair.master.try_clone_reader().unwrap();
        let reader = {
            let parser = Arc::clone(&parser);
            let raw = Arc::clone(&raw);
            let writer = Arc::clone(&writer);
            thread::spawn(move || {
                let mut buf = [0u8; 8192];
                loop {
                    let n = match reader.read(&mut buf) {
                        // EOF, or EIO once the child and the test have both
                        // closed the slave side.
                        Ok(0) | Err(_) => break,
                        Ok(n) => n,
                    };
                    let mut parser = lock(&parser);
                    let mut raw = lock(&raw);
                    let answer = take_output(&buf[..n], &mut parser, &mut raw);
                    if !answer.is_empty() {
                        let mut writer = lock(&writer);
                        let _ = writer.write_all(&answer);
                        let _ = writer.flush();
                    }
                }
            })
        };
        Tui {
            parser,
            raw,
            master: pair.master,
            slave: Some(pair.slave),
            writer,
            child,
            reader: Some(reader),
            status: None,
        }
    }

    pub fn pid(&self) -> String {
        self.child.process_id().unwrap().to_string()
    }

    /// The screen as text, one line per row.
    pub fn screen(&self) -> String {
        lock(&self.parser).screen().contents()
    }

    pub fn fail(&self, what: &str) -> ! {
        let screen = self.screen();
        let tail = {
            let raw = lock(&self.raw);
            let start = raw.len().saturating_sub(400);
            String::from_utf8_lossy(&raw[start..])
                .escape_debug()
                .to_string()
        };
        panic!(
            "{what}\nexit status: {:?}\n----- screen -----\n{screen}\n------------------\nlast output bytes: {tail}",
            self.status
        );
    }

    pub fn poll_exit(&mut self) -> Option<ExitStatus> {
        if self.status.is_none() {
            self.status = self.child.try_wait().unwrap();
        }
        self.status.clone()
    }

    /// Waits until the screen satisfies `ok`; fails with the screen if it
    /// does not within `TIMEOUT` or if the app exits first.
    pub fn wait_until(&mut self, what: &str, ok: impl Fn(&str) -> bool) {
        let deadline = Instant::now() + TIMEOUT;
        let mut exited_at: Option<Instant> = None;
        loop {
            if ok(&self.screen()) {
                return;
            }
            let now = Instant::now();
            if now >= deadline {
                self.fail(&format!("timed out after {TIMEOUT:?} waiting for {what}"));
            }
            if self.poll_exit().is_some() {
                // Give the reader a moment to pass on the last bytes.
                let since = *exited_at.get_or_insert(now);
                if now.duration_since(since) > Duration::from_millis(500) {
                    self.fail(&format!("the app exited while waiting for {what}"));
                }
            }
            thread::sleep(POLL);
        }
    }

    pub fn wait_for(&mut self, text: &str) {
        self.wait_until(&format!("{text:?} on screen"), |s| s.contains(text));
    }

    pub fn wait_gone(&mut self, text: &str) {
        self.wait_until(&format!("{text:?} to leave the screen"), |s| {
            !s.contains(text)
        });
    }

    pub fn send(&mut self, bytes: &[u8]) {
        let mut writer = lock(&self.writer);
        writer.write_all(bytes).unwrap();
        writer.flush().unwrap();
    }

    /// Resizes the emulator first, then the pty (which sends SIGWINCH), so
    /// the redraw is never parsed at the old size.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        lock(&self.parser)
            .screen_mut()
            .set_size(nonzero(rows), nonzero(cols));
        self.master.resize(size(cols, rows)).unwrap();
    }

    /// Names of the local mode flags (ICANON, ECHO, ...) of the terminal as
    /// the app left it. portable-pty exposes `get_termios()` on unix; on
    /// Linux, tcgetattr on the master reads the slave's modes.
    #[cfg(unix)]
    pub fn local_flags(&self) -> Vec<String> {
        let termios = self
            .master
            .get_termios()
            .expect("portable-pty gives the termios of the pty on unix");
        // The `nix` type is not nameable without adding a dependency; its
        // bitflags Debug output lists flag names, e.g.
        // "LocalFlags(ISIG | ICANON | ECHO | ...)".
        format!("{:?}", termios.local_flags)
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    }

    /// No termios without unix (and the end-to-end tests that read it run
    /// only there).
    #[cfg(not(unix))]
    pub fn local_flags(&self) -> Vec<String> {
        Vec::new()
    }

    /// Waits for the app to exit, without looking at the screen.
    pub fn wait_exit(&mut self) -> ExitStatus {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.poll_exit() {
                return status;
            }
            if Instant::now() >= deadline {
                self.fail(&format!("the app did not exit within {TIMEOUT:?}"));
            }
            thread::sleep(POLL);
        }
    }

    /// Waits for exit, reads the terminal modes while the test still holds
    /// the slave open, then closes it and collects every byte written.
    pub fn end(mut self) -> Ended {
        let status = self.wait_exit();
        let local_flags = self.local_flags();
        drop(self.slave.take());
        let reader = self.reader.take().unwrap();
        let deadline = Instant::now() + TIMEOUT;
        while !reader.is_finished() {
            if Instant::now() >= deadline {
                self.fail("the output reader did not see the end of output");
            }
            thread::sleep(POLL);
        }
        reader.join().unwrap();
        let raw = lock(&self.raw).clone();
        Ended {
            status,
            local_flags,
            raw,
        }
    }
}

impl Drop for Tui {
    /// Never leave a stray app behind when a test fails.
    fn drop(&mut self) {
        if self.status.is_none() && matches!(self.child.try_wait(), Ok(None)) {
            let pid = self.pid();
            let _ = Command::new("kill").args(["-KILL", &pid]).status();
            let _ = self.child.wait();
        }
    }
}

pub fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

impl Ended {
    /// The app left the alternate screen after it last entered it, and the
    /// terminal is back in canonical mode with echo (raw mode off).
    pub fn assert_terminal_restored(&self) {
        let entered = find_last(&self.raw, ENTER_ALT_SCREEN)
            .expect("the app never entered the alternate screen");
        let left = find_last(&self.raw, LEAVE_ALT_SCREEN);
        assert!(
            left.is_some_and(|left| left > entered),
            "no ESC[?1049l after the last ESC[?1049h (at byte {entered}); output ends with {:?}",
            String::from_utf8_lossy(&self.raw[entered..])
                .escape_debug()
                .to_string()
        );
        // The mouse and focus reports, asked for while the app has the
        // screen, are given back.
        for (on, off, what) in [
            (&b"\x1b[?1000h"[..], &b"\x1b[?1000l"[..], "mouse reporting"),
            (b"\x1b[?1004h", b"\x1b[?1004l", "focus reporting"),
        ] {
            if let Some(on) = find_last(&self.raw, on) {
                let off = find_last(&self.raw, off);
                assert!(off.is_some_and(|off| off > on), "{what} left on after exit");
            }
        }
        for flag in ["ICANON", "ECHO"] {
            assert!(
                self.local_flags.iter().any(|f| f == flag),
                "{flag} is not set after exit: raw mode was left on ({:?})",
                self.local_flags
            );
        }
    }
}

/// Starts the app on a fresh data folder and acknowledges the disclaimer.
pub fn start_at_home(world: &World, extra: &[&OsStr]) -> Tui {
    let mut tui = world.spawn(extra, 80, 24);
    tui.wait_for(DISCLAIMER_TITLE);
    tui.send(ENTER);
    tui.wait_for(HOME_TITLE);
    tui
}

pub fn has_flag(flags: &[String], name: &str) -> bool {
    flags.iter().any(|f| f == name)
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
