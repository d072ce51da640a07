//! End-to-end tests of the heat/cold timer: the real binary in a
//! pseudo-terminal. Every wait polls with a timeout; nothing sleeps blind.

use std::ffi::OsStr;
use std::fs;
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::Local;

#[allow(clippy::wildcard_imports)]
use crate::support::*;

const ALERT: &str = "REMOVE THE PACK NOW";
const COLD_CHECK: &str = "Is the ice pack wrapped in a towel?";
const QUIT_ASK: &str = "Quit with the pack on?";

fn args(list: &[&'static str]) -> Vec<&'static OsStr> {
    list.iter().map(|s| OsStr::new(*s)).collect()
}

/// A world whose first-run statement was already acknowledged.
fn acknowledged_world() -> World {
    let world = World::new();
    fs::create_dir_all(world.data_dir()).unwrap();
    fs::write(
        world.data_dir().join("settings.ron"),
        "(version: 1, disclaimer_acknowledged: Some(\"2026-01-01T00:00:00+00:00\"))",
    )
    .unwrap();
    world
}

fn history(world: &World) -> String {
    crate::support::disk::history_text(&world.data_dir())
}

fn running_file(world: &World) -> std::path::PathBuf {
    world.data_dir().join("therapy-running.json")
}

#[test]
fn a_three_second_cold_timer_raises_the_alert_and_logs_it() {
    let world = World::new();
    let mut tui = world.spawn(&args(&["timer", "cold", "--duration", "3s"]), 80, 24);
    // First run: the statement comes first, then the cold check.
    tui.wait_for(DISCLAIMER_TITLE);
    tui.send(ENTER);
    tui.wait_for(COLD_CHECK);
    tui.wait_for("Length 0:03");
    tui.send(b"y");
    let started = Instant::now();
    tui.wait_for("Cold · on the skin");
    assert!(running_file(&world).is_file(), "not persisted at the start");
    tui.wait_for(ALERT);
    let took = started.elapsed();
    assert!(
        took >= Duration::from_millis(2_500),
        "the alert came after {took:?}, before the 3 s were up"
    );
    assert!(
        took < Duration::from_secs(6),
        "the alert came {took:?} late"
    );
    let log = history(&world);
    assert!(log.contains("\"kind\":\"therapy\""), "{log}");
    assert!(log.contains("\"mode\":\"cold\""), "{log}");
    assert!(log.contains("\"actual_secs\":3"), "{log}");
    // The bell rang (BEL outside any escape sequence is hard to tell apart
    // from an OSC terminator; ratatui writes no OSC, so any BEL is ours).
    assert!(lock(&tui.raw).contains(&0x07), "no bell");
    tui.send(ENTER);
    tui.wait_gone(ALERT);
    tui.wait_for("Pack off.");
    assert!(!running_file(&world).exists(), "still marked running");
    tui.send(b"\x03");
    let ended = tui.end();
    assert!(ended.status.success());
    ended.assert_terminal_restored();
    assert_eq!(history(&world).lines().count(), 1, "logged once");
}

#[test]
fn a_duration_over_the_cap_exits_2_before_the_screen_switches() {
    let world = World::new();
    let tui = world.spawn(&args(&["timer", "heat", "--duration", "21m"]), 80, 24);
    let ended = tui.end();
    assert_eq!(ended.status.exit_code(), 2);
    assert!(
        find_last(&ended.raw, ENTER_ALT_SCREEN).is_none(),
        "the screen switched"
    );
    let text = String::from_utf8_lossy(&ended.raw).into_owned();
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 1, "{text:?}");
    assert!(lines[0].contains("20-minute cap"), "{text:?}");
    assert!(!world.data_dir().exists(), "nothing written");

    let out = world.run(&args(&["timer", "contrast", "--duration", "90"]));
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&out.stderr).lines().count(), 1);
}

#[test]
fn a_killed_session_resumes_with_the_right_time_left() {
    let world = acknowledged_world();
    let mut tui = world.spawn(&args(&["timer", "heat", "--duration", "2m"]), 80, 24);
    tui.wait_for("Length 2:00");
    tui.send(b"y");
    tui.wait_for("Heat · on the skin");
    let started = Instant::now();
    let pid = tui.pid();
    Command::new("kill").args(["-KILL", &pid]).status().unwrap();
    tui.wait_exit();
    assert!(running_file(&world).is_file());
    drop(tui);
    // The status line for tmux shows the pack still on, before the reminder.
    let args = world.app_args(&[OsStr::new("status")]);
    let args: Vec<&OsStr> = args.iter().map(|a| a.as_os_str()).collect();
    let out = world.run(&args);
    let line = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(line.starts_with("heat 2m left · "), "{line:?}");
    assert!(!line.contains('\x1b'));

    // Plain `backcoach` opens straight onto the running session.
    let mut tui = world.spawn(&[], 80, 24);
    tui.wait_for("Heat · on the skin");
    tui.wait_for("planned 2:00");
    // Two lines down from the top of the big clock is hard to read; the
    // gauge's label and the remaining time in the header of another screen
    // are plain text: go home and read the badge.
    tui.send(ESC);
    tui.wait_for(HOME_TITLE);
    tui.wait_for("heat 1:");
    let screen = tui.screen();
    let left = screen
        .lines()
        .next()
        .and_then(|l| l.split("heat ").nth(1))
        .and_then(|l| l.split(" left").next())
        .unwrap()
        .to_owned();
    let (m, s) = left.split_once(':').unwrap();
    let shown = m.parse::<u64>().unwrap() * 60 + s.parse::<u64>().unwrap();
    let expected = 120 - started.elapsed().as_secs();
    assert!(
        shown <= 120 && shown + 3 >= expected && shown <= expected + 1,
        "shows {left} left, expected about {expected} s"
    );
    // With the pack on, Ctrl-C asks first.
    tui.send(b"\x03");
    tui.wait_for(QUIT_ASK);
    tui.send(b"y");
    let ended = tui.end();
    ended.assert_terminal_restored();
    // On the way out, a pack left on is not forgotten.
    let left_at = find_last(&ended.raw, LEAVE_ALT_SCREEN).unwrap();
    let after = String::from_utf8_lossy(&ended.raw[left_at..]).into_owned();
    assert!(after.contains("backcoach: heat 2m left"), "{after:?}");
}

#[test]
fn a_restart_after_the_end_shows_the_alert_with_how_long_ago() {
    let world = acknowledged_world();
    let started = (Local::now() - chrono::Duration::minutes(5)).fixed_offset();
    fs::write(
        running_file(&world),
        format!(
            "{{\"version\": 1, \"mode\": \"heat\", \"started\": \"{}\", \"planned_secs\": 60}}",
            started.to_rfc3339()
        ),
    )
    .unwrap();
    let mut tui = world.spawn(&[], 80, 24);
    tui.wait_for(ALERT);
    tui.wait_for("It ended 4 minutes ago.");
    // Logged once by this start-up, even though the first run never did.
    let log = history(&world);
    assert_eq!(log.lines().count(), 1, "{log}");
    assert!(log.contains("\"actual_secs\":60"), "{log}");
    tui.send(b"\x03");
    tui.wait_for(QUIT_ASK);
    tui.send(b"y");
    tui.end().assert_terminal_restored();
    // Quitting without acknowledging keeps the alert for the next start,
    // and does not log again.
    let mut tui = world.spawn(&[], 80, 24);
    tui.wait_for(ALERT);
    tui.send(ENTER);
    tui.wait_for("Heat, cold or both?");
    tui.send(b"\x03");
    tui.end().assert_terminal_restored();
    assert_eq!(history(&world).lines().count(), 1);
    assert!(!running_file(&world).exists());
}
