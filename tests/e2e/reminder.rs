//! End-to-end tests of the stand-up reminder: the headless `remind` and
//! `status` commands, and the in-app overlay, on the real binary.

use std::ffi::OsStr;
use std::fs;
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use backcoach::store::Store;
use chrono::{Local, TimeDelta};

#[allow(clippy::wildcard_imports)]
use crate::support::*;

/// Settings with the reminder active at any hour of any day, so the tests
/// do not depend on when they run.
const ALWAYS_ACTIVE: &str = r#"(
    version: 1,
    disclaimer_acknowledged: Some("2026-01-01T00:00:00+00:00"),
    reminder: (from: "00:00", until: "24:00", days: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]),
)"#;

/// Writes settings and a schedule whose interval started `ago` before now.
fn prepare(world: &World, settings: &str, ago: TimeDelta) {
    let dir = world.data_dir();
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("settings.ron"), settings).unwrap();
    let since = (Local::now() - ago).fixed_offset().to_rfc3339();
    fs::write(
        dir.join("reminder.ron"),
        format!("(version: 1, schedule: (since: \"{since}\", snoozed_until: None))"),
    )
    .unwrap();
}

fn args<'a>(world: &'a World, extra: &[&'a str]) -> Vec<std::ffi::OsString> {
    let extra: Vec<&OsStr> = extra.iter().map(OsStr::new).collect();
    world.app_args(&extra)
}

fn run(world: &World, extra: &[&str]) -> std::process::Output {
    let args = args(world, extra);
    let refs: Vec<&OsStr> = args.iter().map(|a| a.as_os_str()).collect();
    world.run(&refs)
}

#[test]
fn remind_once_prints_one_line_with_a_bell_after_the_interval() {
    let world = World::new();
    let started = Instant::now();
    let out = run(&world, &["remind", "--every", "2s", "--once", "--anytime"]);
    let took = started.elapsed();
    assert!(out.status.success(), "{out:?}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 1, "{stdout:?}");
    assert!(lines[0].ends_with('\x07'), "no BEL: {stdout:?}");
    assert!(lines[0].contains("Stand up"), "{stdout:?}");
    // "2026-11-23 10:00:02 Stand up: ..."
    let stamp = &lines[0][..19];
    assert!(
        chrono::NaiveDateTime::parse_from_str(stamp, "%Y-%m-%d %H:%M:%S").is_ok(),
        "no timestamp: {stdout:?}"
    );
    assert!(
        took >= Duration::from_millis(1_900) && took < TIMEOUT,
        "took {took:?}"
    );
    // The schedule it leaves behind restarts from the reminder.
    let store = Store::open(&world.data_dir()).unwrap();
    assert!(store.peek_schedule().unwrap().is_some());
}

#[test]
fn remind_refuses_bad_intervals_with_one_line() {
    let world = World::new();
    for (every, reason) in [
        ("0s", "out of range"),
        ("181m", "out of range"),
        ("4h", "out of range"),
        ("45", "needs a unit"),
        ("soon", "not a duration"),
    ] {
        let out = run(&world, &["remind", "--every", every, "--once"]);
        assert_eq!(out.status.code(), Some(2), "--every {every}: {out:?}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains(reason), "--every {every}: {stderr}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn remind_stops_cleanly_on_ctrl_c() {
    let world = World::new();
    let mut tui = Tui::spawn(
        &args(&world, &["remind", "--every", "1h", "--anytime"]),
        &world.env(),
        80,
        24,
    );
    tui.wait_for("next stand-up reminder");
    tui.send(b"\x03");
    let status = tui.wait_exit();
    assert_eq!(status.exit_code(), 130, "{status:?}");
    assert!(
        status.signal().is_none(),
        "killed instead of exiting: {status:?}"
    );
}

#[test]
fn remind_refuses_when_the_reminder_is_off() {
    let world = World::new();
    prepare(
        &world,
        "(version: 1, reminder: (enabled: false))",
        TimeDelta::zero(),
    );
    let out = run(&world, &["remind", "--once"]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("reminder is off")
    );
}

fn status_line(world: &World) -> String {
    let out = run(world, &["status"]);
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 1, "{text:?}");
    assert!(
        !text.trim_end_matches('\n').chars().any(char::is_control),
        "control codes in {text:?}"
    );
    text.trim_end().to_owned()
}

#[test]
fn status_prints_one_plain_line() {
    let world = World::new();
    assert_eq!(status_line(&world), "reminder not started");
    assert!(
        !world.data_dir().exists(),
        "status must not create anything"
    );
    prepare(&world, ALWAYS_ACTIVE, TimeDelta::minutes(10));
    let line = status_line(&world);
    assert!(
        line == "stand up in 50m" || line == "stand up in 51m",
        "{line}"
    );
    prepare(&world, ALWAYS_ACTIVE, TimeDelta::minutes(61));
    assert_eq!(status_line(&world), "stand up now");
    prepare(
        &world,
        "(version: 1, reminder: (enabled: false))",
        TimeDelta::zero(),
    );
    assert_eq!(status_line(&world), "reminder off");
    fs::write(world.data_dir().join("settings.ron"), "(version: 1, rem").unwrap();
    assert_eq!(status_line(&world), "reminder: settings unreadable");
    assert!(
        world.data_dir().join("settings.ron").exists(),
        "status must not move a bad file"
    );
}

#[test]
fn overlay_appears_in_the_app_when_due_and_done_is_recorded() {
    let world = World::new();
    // Due 3 s after start: the app must wake up by itself to show it.
    prepare(
        &world,
        ALWAYS_ACTIVE,
        TimeDelta::minutes(60) - TimeDelta::seconds(3),
    );
    let started = Instant::now();
    let mut tui = world.spawn(&[], 80, 24);
    tui.wait_for(HOME_TITLE);
    assert!(!tui.screen().contains("Time to stand up"));
    tui.wait_for("Time to stand up");
    assert!(
        started.elapsed() >= Duration::from_secs(2),
        "shown too early"
    );
    assert!(lock(&tui.raw).contains(&0x07), "no bell");
    tui.send(ENTER);
    tui.wait_gone("Time to stand up");
    let data = world.data_dir();
    let deadline = Instant::now() + TIMEOUT;
    while !crate::support::disk::history_text(&data).contains(r#""outcome":"done""#) {
        assert!(
            Instant::now() < deadline,
            "no stand-up record in the history of {data:?}"
        );
        thread::sleep(POLL);
    }
    // The Reminder screen counts it and shows the next due time.
    open_home_entry(&mut tui, backcoach::app::HomeEntry::Reminder);
    tui.wait_for("Stood up once today.");
    tui.wait_for("(in 1 h)");
    tui.send(ESC);
    tui.wait_for(HOME_TITLE);
    tui.send(b"q");
    let ended = tui.end();
    assert!(ended.status.success(), "{:?}", ended.status);
    ended.assert_terminal_restored();
}

#[test]
fn a_kill_mid_write_leaves_a_whole_schedule() {
    let world = World::new();
    // `remind --every 1s` rewrites the schedule every second; kill it at
    // different moments and the file must always read back whole.
    for i in 0..6u64 {
        let args = args(&world, &["remind", "--every", "1s", "--anytime"]);
        let mut child = Command::new(BIN)
            .args(&args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        thread::sleep(Duration::from_millis(900 + 53 * i));
        child.kill().unwrap();
        child.wait().unwrap();
        let store = Store::open(&world.data_dir()).unwrap();
        assert!(
            matches!(store.peek_schedule(), Ok(Some(_))),
            "run {i}: {:?}",
            fs::read_to_string(world.data_dir().join("reminder.ron"))
        );
    }
}

/// Runs `remind --every 1s --once --anytime` with desktop notifications on
/// and `PATH` holding only `bin` (where a test may put a fake notify-send).
fn remind_with_desktop(world: &World, bin: &std::path::Path) -> (std::process::Output, Duration) {
    prepare(
        world,
        "(version: 1, reminder: (bell: false, desktop_notification: true))",
        TimeDelta::zero(),
    );
    fs::create_dir_all(bin).unwrap();
    let started = Instant::now();
    let mut cmd = Command::new(BIN);
    cmd.args(args(
        world,
        &["remind", "--every", "1s", "--once", "--anytime"],
    ));
    for (key, value) in world.env() {
        match value {
            Some(v) => cmd.env(key, v),
            None => cmd.env_remove(key),
        };
    }
    let out = cmd.env("PATH", bin).output().unwrap();
    (out, started.elapsed())
}

fn fake_notify_send(bin: &std::path::Path, body: &str) {
    use std::os::unix::fs::PermissionsExt;
    fs::create_dir_all(bin).unwrap();
    let script = bin.join("notify-send");
    fs::write(&script, format!("#!/bin/sh\n{body}\n")).unwrap();
    fs::set_permissions(&script, fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn desktop_notifications_go_out_through_notify_send() {
    let world = World::new();
    let bin = world.path("bin");
    let log = world.path("notified");
    fake_notify_send(
        &bin,
        &format!("printf '%s\\n' \"$@\" > '{}'", log.display()),
    );
    let (out, _) = remind_with_desktop(&world, &bin);
    assert!(out.status.success(), "{out:?}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!stderr.contains("unavailable"), "{stderr}");
    let sent = fs::read_to_string(&log).unwrap();
    assert!(
        sent.contains("Stand up") && sent.contains("walk around"),
        "{sent}"
    );
}

#[test]
fn a_missing_notify_send_is_reported_once_and_the_reminder_still_prints() {
    let world = World::new();
    let (out, _) = remind_with_desktop(&world, &world.path("empty-bin"));
    assert!(out.status.success(), "{out:?}");
    assert!(String::from_utf8(out.stdout).unwrap().contains("Stand up"));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stderr
            .matches("desktop notifications are unavailable")
            .count(),
        1,
        "{stderr}"
    );
    assert!(stderr.contains("not installed"), "{stderr}");
}

#[test]
fn a_hung_notify_send_is_given_up_on() {
    let world = World::new();
    let bin = world.path("bin");
    fake_notify_send(&bin, "exec /bin/sleep 60");
    let (out, took) = remind_with_desktop(&world, &bin);
    assert!(out.status.success(), "{out:?}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("did not finish within 5 s"), "{stderr}");
    assert!(took < Duration::from_secs(9), "took {took:?}");
}

/// A reminder nobody can see is a failure: `remind` writing into a full
/// disk says so and exits 1 (a closed pipe stays quiet, like the other
/// commands).
#[test]
fn remind_fails_when_stdout_cannot_be_written() {
    let full = std::path::Path::new("/dev/full");
    if !full.exists() {
        println!("skipped: this machine has no /dev/full");
        return;
    }
    let world = World::new();
    let args = args(&world, &["remind", "--every", "1s", "--once", "--anytime"]);
    let refs: Vec<&OsStr> = args.iter().map(|a| a.as_os_str()).collect();
    let out = world
        .command(&refs)
        .stdout(fs::File::create(full).unwrap())
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("cannot write to stdout"), "{stderr}");
}
