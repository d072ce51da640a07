//! End-to-end tests: the real binary in a real pseudo-terminal, its output
//! fed through a terminal emulator (vt100), keys typed as bytes.
//!
//! Nothing here sleeps for a fixed time to "let things settle": every wait
//! polls a condition with short sleeps and gives up after `TIMEOUT`, then
//! fails with the screen as it was, so a failure is readable.

use std::ffi::OsStr;
use std::io::{Read, Write};
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::ExitStatus;

#[allow(clippy::wildcard_imports)]
use crate::support::*;

#[test]
fn launch_library_card_quit() {
    let world = World::new();
    let mut tui = world.spawn(&[], 80, 24);
    tui.wait_for(DISCLAIMER_TITLE);
    // Sanity check of the termios probe itself: while the app runs, the
    // terminal is in raw mode.
    let running = tui.local_flags();
    assert!(
        !has_flag(&running, "ICANON") && !has_flag(&running, "ECHO"),
        "raw mode is not on while the app runs: {running:?}"
    );
    tui.send(ENTER);
    tui.wait_for(HOME_TITLE);
    tui.wait_for("Exercise library");
    tui.send(ENTER);
    tui.wait_for(LIBRARY_TITLE);
    tui.wait_for("7 of 7");
    tui.send(b"j");
    // The second exercise is selected: its name is in the preview's title.
    tui.wait_for("Supine spine twist ─");
    tui.send(ENTER);
    tui.wait_for("Step 1 of");
    tui.wait_for("Supine spine twist");
    tui.send(b"n");
    tui.wait_for("Step 2 of");
    tui.send(ESC);
    tui.wait_for(LIBRARY_TITLE);
    tui.send(ESC);
    tui.wait_for(HOME_TITLE);
    tui.send(b"q");
    let ended = tui.end();
    assert!(ended.status.success(), "exit status {:?}", ended.status);
    ended.assert_terminal_restored();
    assert!(
        world.data_dir().join("settings.ron").is_file(),
        "the acknowledgement was not saved"
    );
}

#[test]
fn disclaimer_shows_only_once() {
    let world = World::new();
    let mut first = start_at_home(&world, &[]);
    first.send(b"q");
    let ended = first.end();
    assert!(ended.status.success(), "first run: {:?}", ended.status);

    let mut second = world.spawn(&[], 80, 24);
    second.wait_for(HOME_TITLE);
    assert!(
        !second.screen().contains(DISCLAIMER_TITLE),
        "the disclaimer came back:\n{}",
        second.screen()
    );
    second.send(b"q");
    let ended = second.end();
    assert!(ended.status.success(), "second run: {:?}", ended.status);
}

/// Sends `signal` to the app on Home and returns what is left of it.
fn signal_at_home(signal: &str) -> Ended {
    let world = World::new();
    let tui = start_at_home(&world, &[]);
    let pid = tui.pid();
    let sent = Command::new("kill")
        .args([&format!("-{signal}"), &pid])
        .status()
        .unwrap();
    assert!(sent.success(), "kill -{signal} {pid} failed");
    tui.end()
}

fn assert_exit_code(status: &ExitStatus, code: u32) {
    // portable-pty reports a death by signal as `signal: Some(..)` (with
    // code 1); the app is meant to catch the signal and exit normally with
    // 128 + signal number.
    assert!(
        !status.success() && status.signal().is_none() && status.exit_code() == code,
        "expected a normal exit with code {code}, portable-pty reports {status:?}"
    );
}

#[test]
fn sigterm_restores_terminal() {
    let ended = signal_at_home("TERM");
    assert_exit_code(&ended.status, 143);
    ended.assert_terminal_restored();
}

#[test]
fn sighup_ends_the_loop() {
    // `end` fails if the app has not exited within TIMEOUT: a loop that
    // spins after SIGHUP never gets there. (This is SIGHUP from `kill` with
    // the terminal still alive; `hangup_of_the_terminal_ends_the_app`
    // closes the terminal itself.)
    let ended = signal_at_home("HUP");
    assert_exit_code(&ended.status, 129);
    ended.assert_terminal_restored();
}

#[test]
fn too_small_then_resized() {
    let world = World::new();
    let mut tui = world.spawn(&[], 30, 10);
    tui.wait_for("Enlarge");
    tui.wait_for("40x12");
    tui.resize(80, 24);
    tui.wait_for(DISCLAIMER_TITLE);
    tui.wait_gone("Enlarge");
    tui.send(b"q");
    let ended = tui.end();
    assert!(ended.status.success(), "exit status {:?}", ended.status);
    ended.assert_terminal_restored();
}

#[test]
fn help_overlay() {
    let world = World::new();
    let mut tui = start_at_home(&world, &[]);
    tui.send(b"?");
    tui.wait_for("Keys: Home");
    tui.wait_for("Esc or ? closes");
    tui.send(ESC);
    tui.wait_gone("Keys: Home");
    tui.wait_for(HOME_TITLE);
    tui.send(b"q");
    let ended = tui.end();
    assert!(ended.status.success(), "exit status {:?}", ended.status);
}

const WALL_LEAN: &str = r#"(version: 1, exercises: [(id: "wall_lean", name: "Wall lean", position: standing, steps: ["Lean on the wall.", "Breathe."], dose: (hold_secs: 5))])"#;

#[test]
fn user_content_adds_an_exercise() {
    let world = World::new();
    let content = world.path("content");
    std::fs::create_dir(&content).unwrap();
    std::fs::write(content.join("wall.ron"), WALL_LEAN).unwrap();
    let mut tui = start_at_home(&world, &[OsStr::new("--content"), content.as_os_str()]);
    tui.send(ENTER);
    tui.wait_for(LIBRARY_TITLE);
    tui.wait_for("8 of 8");
    tui.wait_for("Wall lean");
    tui.send(b"q");
    tui.wait_for(HOME_TITLE);
    tui.send(b"q");
    let ended = tui.end();
    assert!(ended.status.success(), "exit status {:?}", ended.status);
}

#[test]
fn check_reports_location() {
    let world = World::new();
    // Line 3 lacks the comma between `id` and `name`.
    let bad = world.path("bad.ron");
    let text = "(\n    version: 1,\n    exercises: [(id: \"wall_lean\" name: \"Wall lean\", position: standing, steps: [\"Lean.\"], dose: (hold_secs: 5))],\n)\n";
    std::fs::write(&bad, text).unwrap();
    let out = world.run(&[OsStr::new("check"), bad.as_os_str()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "stderr: {stderr}");
    let prefix = format!("{}:3:", bad.display());
    let line = stderr
        .lines()
        .find(|l| l.starts_with(&prefix))
        .unwrap_or_else(|| panic!("no line starting {prefix:?} in stderr:\n{stderr}"));
    let rest = &line[prefix.len()..];
    let (column, message) = rest
        .split_once(": ")
        .unwrap_or_else(|| panic!("no `COL: message` after {prefix:?}: {line}"));
    let column: usize = column
        .parse()
        .unwrap_or_else(|_| panic!("column {column:?} is not a number: {line}"));
    // 1-based, at the token where the comma is missing.
    let expected = text.lines().nth(2).unwrap().find("name").unwrap() + 1;
    assert_eq!(column, expected, "column of the missing comma: {line}");
    assert!(!message.trim().is_empty(), "empty message: {line}");

    // No paths: the built-in content only (the test's config folder has no
    // user content folder).
    let out = world.run(&[OsStr::new("check")]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "stdout: {stdout}\nstderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.starts_with("ok: 7 exercises"), "stdout: {stdout}");
}

/// stderr must be exactly one line, starting "backcoach: ".
fn assert_one_error_line(out: &std::process::Output) -> String {
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "stderr: {stderr}");
    assert!(
        stderr.starts_with("backcoach: ") && stderr.ends_with('\n') && stderr.lines().count() == 1,
        "stderr is not exactly one `backcoach: ` line: {stderr:?}"
    );
    stderr
}

#[test]
fn bad_flag_exits_2() {
    let world = World::new();
    let out = world.run(&[OsStr::new("--bogus")]);
    let stderr = assert_one_error_line(&out);
    assert!(stderr.contains("--bogus"), "stderr: {stderr:?}");
    assert!(out.stdout.is_empty(), "stdout: {:?}", out.stdout);
}

#[test]
fn missing_content_dir_exits_2() {
    let world = World::new();
    let missing = world.path("no-such-folder");
    let out = world.run(&[
        OsStr::new("--data-dir"),
        world.data_dir().as_os_str(),
        OsStr::new("--content"),
        missing.as_os_str(),
    ]);
    let stderr = assert_one_error_line(&out);
    // Without a terminal the app also exits 2 ("needs a terminal"): make
    // sure it is the content folder that stopped it.
    assert!(
        stderr.contains(&missing.display().to_string()) && stderr.contains("does not exist"),
        "stderr: {stderr:?}"
    );

    // In a terminal too, it must stop before going full screen.
    let mut tui = world.spawn(&[OsStr::new("--content"), missing.as_os_str()], 80, 24);
    let status = tui.wait_exit();
    assert_eq!(status.exit_code(), 2, "status {status:?}");
    assert!(status.signal().is_none(), "status {status:?}");
    tui.wait_for("does not exist");
    let ended = tui.end();
    assert!(
        find_last(&ended.raw, ENTER_ALT_SCREEN).is_none(),
        "it went full screen first"
    );
}

/// The harness itself: a program that leaves the terminal in raw mode must
/// be caught, or `assert_terminal_restored` would prove nothing.
#[test]
fn harness_detects_raw_mode_left_on() {
    let world = World::new();
    let script = "stty raw -echo; printf '\\033[?1049hleft raw'";
    let mut tui = Tui::spawn_program(
        OsStr::new("sh"),
        &["-c".into(), script.into()],
        &world.env(),
        80,
        24,
    );
    tui.wait_for("left raw");
    let ended = tui.end();
    assert!(ended.status.success(), "sh: {:?}", ended.status);
    assert!(
        !has_flag(&ended.local_flags, "ICANON") && !has_flag(&ended.local_flags, "ECHO"),
        "the probe missed raw mode: {:?}",
        ended.local_flags
    );
    let caught = std::panic::catch_unwind(|| ended.assert_terminal_restored());
    assert!(caught.is_err(), "assert_terminal_restored let it pass");
}

/// CPU time (user + system, in clock ticks) used so far by a process, where
/// /proc exists; to tell "spinning" from "blocked" in a failure message.
fn cpu_ticks(pid: &str) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    Some(fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?)
}

/// Closing the terminal for real (the window goes away, the ssh link
/// drops): the kernel hangs up the pty, sends SIGHUP, and reads from the
/// terminal return end-of-file. The app must exit with 128 + SIGHUP,
/// promptly, rather than spin on the dead terminal.
#[test]
fn hangup_of_the_terminal_ends_the_app() {
    let world = World::new();
    let pair = portable_pty::native_pty_system()
        .openpty(size(80, 24))
        .unwrap();
    let cmd = pty_command(OsStr::new(BIN), &world.app_args(&[]), &world.env());
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    // Only the app holds the slave: closing the master then hangs it up.
    drop(pair.slave);
    let pid = child.process_id().unwrap().to_string();
    let mut reader = pair.master.try_clone_reader().unwrap();
    let mut writer = pair.master.take_writer().unwrap();

    // The reads below block (a reader thread would hold the master open and
    // prevent the hang-up); if Home never comes, this kills the app so the
    // read fails and the test reports the screen instead of hanging.
    let done = Arc::new(AtomicBool::new(false));
    let watchdog = {
        let done = Arc::clone(&done);
        let pid = pid.clone();
        thread::spawn(move || {
            let deadline = Instant::now() + TIMEOUT;
            while !done.load(Ordering::SeqCst) {
                if Instant::now() >= deadline {
                    let _ = Command::new("kill").args(["-KILL", &pid]).status();
                    return;
                }
                thread::sleep(POLL);
            }
        })
    };
    let mut parser = vt100::Parser::new(nonzero(24), nonzero(80), 0);
    let mut raw = Vec::new();
    let mut buf = [0u8; 8192];
    let mut acknowledged = false;
    loop {
        let n = match reader.read(&mut buf) {
            Ok(0) | Err(_) => panic!(
                "output ended before Home appeared\n----- screen -----\n{}",
                parser.screen().contents()
            ),
            Ok(n) => n,
        };
        let answer = take_output(&buf[..n], &mut parser, &mut raw);
        writer.write_all(&answer).unwrap();
        let screen = parser.screen().contents();
        if !acknowledged && screen.contains(DISCLAIMER_TITLE) {
            writer.write_all(ENTER).unwrap();
            acknowledged = true;
        }
        if screen.contains(HOME_TITLE) {
            break;
        }
    }
    done.store(true, Ordering::SeqCst);
    watchdog.join().unwrap();

    // Hang up: close every descriptor of the master side.
    drop(reader);
    drop(writer);
    drop(pair.master);

    let deadline = Instant::now() + TIMEOUT;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() >= deadline {
            let before = cpu_ticks(&pid);
            thread::sleep(Duration::from_millis(500));
            let after = cpu_ticks(&pid);
            let _ = Command::new("kill").args(["-KILL", &pid]).status();
            let _ = child.wait();
            let used = before.zip(after).map(|(b, a)| a.saturating_sub(b));
            panic!(
                "the app did not exit within {TIMEOUT:?} of the hang-up; CPU time it used \
                 in the last 0.5 s: {used:?} ticks (of 1/100 s; a blocked process uses 0)"
            );
        }
        thread::sleep(POLL);
    };
    assert_exit_code(&status, 129);
}
