//! End-to-end tests of issue 10, items 6 and 7: the 20-minute cap in real
//! time across a restart with the wall clock set back (under `faketime`
//! when it is installed), and signals: the ending ones record a session
//! in progress, an outside stop restores the terminal, and the continue
//! re-checks the heat/cold deadline at once.

use std::ffi::{OsStr, OsString};
use std::fs;
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::Local;

#[allow(clippy::wildcard_imports)]
use crate::support::*;

const ALERT: &str = "REMOVE THE PACK NOW";

fn world() -> World {
    World::acknowledged("")
}

fn history(world: &World) -> String {
    crate::support::disk::history_text(&world.data_dir())
}

fn kill(signal: &str, pid: &str) {
    let sent = Command::new("kill")
        .args([&format!("-{signal}"), pid])
        .status()
        .unwrap();
    assert!(sent.success(), "kill -{signal} {pid}");
}

/// The process state letter from /proc (`T` when stopped).
fn state(pid: &str) -> Option<char> {
    let stat = fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    stat.rsplit_once(')')?.1.trim_start().chars().next()
}

fn wait_state(tui: &Tui, want: char) {
    let pid = tui.pid();
    let deadline = Instant::now() + TIMEOUT;
    while state(&pid) != Some(want) {
        if Instant::now() >= deadline {
            tui.fail(&format!("process state never became {want}"));
        }
        std::thread::sleep(POLL);
    }
}

/// Seconds left on the header badge ("heat 0:52 left") of a non-timer
/// screen.
fn badge_secs(tui: &Tui) -> u64 {
    let screen = tui.screen();
    let left = screen
        .lines()
        .next()
        .and_then(|l| l.split("heat ").nth(1))
        .and_then(|l| l.split(" left").next())
        .unwrap_or_else(|| tui.fail("no heat badge"))
        .to_owned();
    let (m, s) = left.split_once(':').unwrap();
    m.parse::<u64>().unwrap() * 60 + s.parse::<u64>().unwrap()
}

fn has_faketime() -> bool {
    Command::new("faketime")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn a_restart_with_the_clock_set_back_an_hour_keeps_the_real_time_left() {
    if !has_faketime() {
        println!("skipped: faketime is not installed (apt-get install faketime)");
        return;
    }
    let world = world();
    let mut tui = world.spawn(
        &[
            OsStr::new("timer"),
            OsStr::new("heat"),
            OsStr::new("--duration"),
            OsStr::new("15s"),
        ],
        80,
        24,
    );
    tui.wait_for("y = yes, start");
    tui.send(b"y");
    tui.wait_for("Heat · on the skin");
    let started = Instant::now();
    // Five seconds on the skin (the time passing is what is tested), then
    // a kill.
    std::thread::sleep(Duration::from_secs(5));
    kill("KILL", &tui.pid());
    tui.wait_exit();
    drop(tui);
    // The same machine an hour "earlier": only the wall clock moved back.
    let mut args: Vec<OsString> = vec!["-f".into(), "-1h".into(), BIN.into()];
    args.extend(world.app_args(&[]));
    let mut env = world.env();
    env.push(("FAKETIME_DONT_FAKE_MONOTONIC".into(), Some("1".into())));
    let mut tui = Tui::spawn_program(OsStr::new("faketime"), &args, &env, 80, 24);
    tui.wait_for("Heat · on the skin");
    tui.send(ESC);
    tui.wait_for(HOME_TITLE);
    tui.wait_for(" left");
    let shown = badge_secs(&tui);
    let expected = 15u64.saturating_sub(started.elapsed().as_secs());
    assert!(
        shown <= expected + 1 && shown + 3 >= expected,
        "shows {shown} s left, expected about {expected} s"
    );
    // And the alarm comes on time, not an hour late.
    let deadline = started + Duration::from_secs(20);
    while !tui.screen().contains(ALERT) {
        if Instant::now() >= deadline {
            tui.fail("no alert 20 s after a 15 s start");
        }
        std::thread::sleep(POLL);
    }
    assert!(
        started.elapsed() >= Duration::from_secs(14),
        "early: {:?}",
        started.elapsed()
    );
    tui.send(b"\x03");
    tui.wait_for("Quit with the pack on?");
    tui.send(b"y");
    tui.end().assert_terminal_restored();
}

#[test]
fn a_restart_that_cannot_know_the_time_on_the_skin_raises_the_alert() {
    let world = world();
    // Written in another boot, an hour "later" than this clock says.
    let started = (Local::now() + chrono::Duration::hours(1)).fixed_offset();
    fs::write(
        world.data_dir().join("therapy-running.json"),
        format!(
            "{{\"version\": 1, \"mode\": \"cold\", \"started\": \"{}\", \"planned_secs\": 900, \
             \"boot\": {{\"id\": \"00000000000000000000000000000001\", \"since_boot_ms\": 5000}}}}",
            started.to_rfc3339()
        ),
    )
    .unwrap();
    let mut tui = world.spawn(&[], 80, 24);
    tui.wait_for(ALERT);
    tui.wait_for("cannot be");
    tui.send(ENTER);
    tui.wait_for("Pack off.");
    tui.send(b"\x03");
    tui.end().assert_terminal_restored();
    assert_eq!(history(&world).matches("\"mode\":\"cold\"").count(), 1);
}

/// A guided session of the built-in desk reset, into its first hold.
fn in_a_session(world: &World) -> Tui {
    let mut tui = world.spawn(&[OsStr::new("session"), OsStr::new("desk_reset")], 80, 24);
    tui.wait_for("Pain check-in");
    tui.send(b"3");
    tui.send(ENTER);
    tui.wait_for("Seated trunk rotation");
    tui
}

#[test]
fn every_ending_signal_records_the_session_in_progress() {
    for (signal, code) in [("TERM", 143), ("HUP", 129), ("INT", 130), ("QUIT", 131)] {
        let world = world();
        let tui = in_a_session(&world);
        std::thread::sleep(Duration::from_millis(1100));
        kill(signal, &tui.pid());
        let ended = tui.end();
        assert_eq!(
            ended.status.exit_code(),
            code,
            "SIG{signal}: {:?}",
            ended.status
        );
        ended.assert_terminal_restored();
        let log = history(&world);
        assert_eq!(log.lines().count(), 1, "SIG{signal}: {log}");
        assert!(
            log.contains("\"outcome\":\"abandoned\""),
            "SIG{signal}: {log}"
        );
        assert!(log.contains("\"pain_before\":3"), "SIG{signal}: {log}");
        assert!(!log.contains("\"duration_secs\":0"), "no progress: {log}");
    }
}

#[test]
fn an_outside_stop_gives_the_terminal_back_and_the_continue_takes_it_again() {
    let world = world();
    let mut tui = world.spawn(&[], 80, 24);
    tui.wait_for(HOME_TITLE);
    let pid = tui.pid();
    kill("TSTP", &pid);
    wait_state(&tui, 'T');
    // Stopped: the shell's screen and modes are back. The bytes were
    // written before the stop, but the reader thread may not have
    // collected them yet: give it until the usual timeout.
    let deadline = std::time::Instant::now() + TIMEOUT;
    loop {
        let raw = lock(&tui.raw).clone();
        let entered = find_last(&raw, ENTER_ALT_SCREEN).unwrap();
        if find_last(&raw, LEAVE_ALT_SCREEN).is_some_and(|left| left > entered) {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the alternate screen was not left before the stop"
        );
        std::thread::sleep(POLL);
    }
    assert!(
        has_flag(&tui.local_flags(), "ICANON"),
        "still raw while stopped"
    );
    lock(&tui.parser).process(b"\x1b[2J\x1b[Hshell prompt$ ");
    kill("CONT", &pid);
    tui.wait_for(HOME_TITLE);
    tui.wait_gone("shell prompt");
    assert!(!has_flag(&tui.local_flags(), "ICANON"), "not raw after fg");
    tui.send(b"q");
    let ended = tui.end();
    assert!(ended.status.success());
    ended.assert_terminal_restored();
}

#[test]
fn with_a_pack_on_the_continue_rechecks_the_deadline_at_once() {
    let world = world();
    let mut tui = world.spawn(
        &[
            OsStr::new("timer"),
            OsStr::new("heat"),
            OsStr::new("--duration"),
            OsStr::new("2s"),
        ],
        80,
        24,
    );
    tui.wait_for("y = yes, start");
    tui.send(b"y");
    tui.wait_for("Heat · on the skin");
    let pid = tui.pid();
    kill("TSTP", &pid);
    wait_state(&tui, 'T');
    std::thread::sleep(Duration::from_millis(2500));
    assert!(!tui.screen().contains(ALERT));
    kill("CONT", &pid);
    let woke = Instant::now();
    tui.wait_for(ALERT);
    assert!(
        woke.elapsed() < Duration::from_secs(2),
        "late: {:?}",
        woke.elapsed()
    );
    tui.send(ENTER);
    tui.wait_for("Pack off.");
    tui.send(b"\x03");
    tui.end().assert_terminal_restored();
}
