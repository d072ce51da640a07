//! The app running in a pseudo-terminal: spawning it, sending keys,
//! reading the screen through vt100, and ending it.

use super::*;

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
